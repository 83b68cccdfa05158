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
    /// Check, then write the site into output/ (生成网站).
    Build(BuildArgs),
    /// Preview the site on this computer, rebuilding on every change (本地预览).
    Serve(ServeArgs),
}

/// Options of `repdir serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The site's folder (the one holding content/).
    #[arg(long, default_value = ".")]
    pub site: PathBuf,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on; only this computer by default.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Include reports marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
}

/// Options of `repdir build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The site's folder (the one holding content/).
    #[arg(long, default_value = ".")]
    pub site: PathBuf,
    /// Where to write the site (default: output/ in the site's folder).
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Publish under this address instead of site.yaml's base_url.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include reports marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Print only problems.
    #[arg(long, short)]
    pub quiet: bool,
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
        Command::Build(args) => build(&args),
        Command::Serve(args) => crate::serve::serve(&crate::serve::ServeOptions {
            site: args.site,
            bind: args.bind,
            port: args.port,
            drafts: args.drafts,
        }),
    }
}

fn build(args: &BuildArgs) -> i32 {
    let started = std::time::Instant::now();
    let opts = crate::BuildOptions {
        site: args.site.clone(),
        output: args.output.clone(),
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        today: None,
        progress: progress_bar(args.quiet),
    };
    let built = crate::build(&opts);
    if let Some(bar) = &opts.progress {
        bar.finish_and_clear();
    }
    let lang = built.lang;
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(built.diags.to_text(lang).as_bytes());
    match built.summary {
        Some(s) => {
            if !args.quiet {
                let secs = started.elapsed().as_secs_f64();
                let kib = s.bytes / 1024;
                let line = match lang {
                    Lang::Zh => format!(
                        "已生成 {} 个页面、{} 个文件（{kib} KiB），其中 {} 个有变化，用时 {secs:.2} 秒",
                        s.pages, s.files, s.written
                    ),
                    Lang::En => format!(
                        "built {} pages, {} files ({kib} KiB), {} changed, in {secs:.2} s",
                        s.pages, s.files, s.written
                    ),
                };
                let _ = writeln!(err, "{line}");
            }
            0
        }
        None => {
            let n = built.diags.files_with_errors();
            let line = match lang {
                Lang::Zh => format!("错误：{n} 个文件有错误；输出文件夹未改动"),
                Lang::En => format!("error: {n} file(s) have errors; output not written"),
            };
            let _ = writeln!(err, "{line}");
            1
        }
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

/// A bar on a terminal only: logs and CI get the one-line summary alone.
fn progress_bar(quiet: bool) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}") {
        bar.set_style(style);
    }
    Some(bar)
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
