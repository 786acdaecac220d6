//! The `pyc` command: each subcommand prints exactly what the matching `python3.14 -m <tool>` prints.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;

#[derive(Parser)]
#[command(name = "pyc", version, about = "CPython 3.14's compiler, ported to Rust")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    // Each stage adds its subcommand here when it works, never before.
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {}
}
