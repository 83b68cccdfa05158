//! The command line: `repdir check`, and room for `build`, `serve`, `init`, `new`, `import`.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::messages::Lang;

/// repdir: builds the public directory of a people's congress from YAML and Markdown.
#[derive(Debug, Parser)]
#[command(name = "repdir", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the site's content and report every problem (检查内容).
    Check(CheckOptions),
}

/// Options of `repdir check`.
#[derive(Debug, clap::Args)]
pub struct CheckOptions {
    /// The site's folder (the one holding content/).
    #[arg(long, default_value = ".")]
    pub site: PathBuf,
    /// How to print the problems.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Output format of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `path:line:col: error: message` lines.
    Text,
    /// A JSON array, for other tools.
    Json,
}

/// Runs a command; returns the process exit code (0 ok, 1 problems in the site).
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Check(opts) => check(&opts),
    }
}

fn check(opts: &CheckOptions) -> i32 {
    let loaded = crate::check(&opts.site);
    let lang = loaded.lang;
    let diags = &loaded.diags;
    match opts.format {
        Format::Json => println!("{}", diags.to_json(lang)),
        Format::Text => {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(diags.to_text(lang).as_bytes());
            let _ = writeln!(
                err,
                "{}",
                summary(
                    lang,
                    diags.error_count(),
                    diags.warning_count(),
                    diags.files_with_errors()
                )
            );
        }
    }
    i32::from(diags.has_errors())
}

fn summary(lang: Lang, errors: usize, warnings: usize, files: usize) -> String {
    match (lang, errors) {
        (Lang::Zh, 0) => format!("检查完成：没有错误，{warnings} 个警告"),
        (Lang::Zh, _) => {
            format!("检查完成：{files} 个文件有错误，共 {errors} 个错误，{warnings} 个警告")
        }
        (Lang::En, 0) => format!("check passed: no errors, {warnings} warning(s)"),
        (Lang::En, _) => {
            format!("check failed: {errors} error(s) in {files} file(s), {warnings} warning(s)")
        }
    }
}
