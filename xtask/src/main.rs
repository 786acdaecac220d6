//! `cargo xtask <task>`: code generation, the conformance harness and golden files, in Rust.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((task, rest)) = args.split_first() else {
        eprintln!("usage: cargo xtask <task> [args...]");
        return ExitCode::from(2);
    };
    let result: Result<(), String> = match task.as_str() {
        // Each task registers one line here and lives in its own module.
        other => Err(format!("unknown task: {other}")),
    };
    let _ = rest;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {task}: {message}");
            ExitCode::FAILURE
        }
    }
}
