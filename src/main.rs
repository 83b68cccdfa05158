//! The `repdir` binary: parse the command line, run, exit with the result.

use clap::Parser;

fn main() {
    let cli = repdir::cli::Cli::parse();
    std::process::exit(repdir::cli::run(cli));
}
