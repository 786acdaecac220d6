//! `cargo xtask <task>`: code generation, the conformance harness and golden files, in Rust.

use std::process::ExitCode;

mod asdl;
mod bless;
mod conformance;
mod peg;
mod regen_ast;
mod regen_token;
mod regen_token_tables;
mod regen_unicode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((task, rest)) = args.split_first() else {
        eprintln!("usage: cargo xtask <task> [args...]");
        return ExitCode::from(2);
    };
    let result: Result<(), String> = match task.as_str() {
        // Each task registers one line here and lives in its own module.
        "bless" => bless::run(rest),
        "conformance" => conformance::run(rest),
        "regen-ast" => regen_ast::run(rest),
        "regen-parser" => peg::regen_parser(rest),
        "regen-token" => regen_token::run(rest),
        "regen-token-tables" => regen_token_tables::run(rest),
        "regen-unicode" => regen_unicode::run(rest),
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
