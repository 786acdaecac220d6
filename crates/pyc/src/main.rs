//! The `pyc` command: each subcommand prints exactly what the matching `python3.14 -m <tool>` prints.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;

#[derive(Parser)]
#[command(
    name = "pyc",
    version,
    about = "CPython 3.14's compiler, ported to Rust"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    // Each stage adds its subcommand here when it works, never before.
    /// Print the tokens of a file, like `python -m tokenize`.
    Tokenize(cli::tokenize::TokenizeArgs),
    /// Print the AST of a file, like `python -m ast`.
    Ast(cli::ast::AstArgs),
    /// Print the symbol tables of files, like `python -m symtable`.
    Symtable(cli::symtable::SymtableArgs),
    /// Print a file's AST written back as source, like `print(ast.unparse(ast.parse(...)))`.
    Unparse(cli::unparse::UnparseArgs),
    /// Compile files, like `python -m py_compile` (errors and warnings; code generation is not ported yet).
    Compile(cli::compile::CompileArgs),
    /// Check files and folders of .py files in parallel, reporting failures like `python -m py_compile`.
    Check(cli::check::CheckArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The stages run on this thread's own deep stack rather than switching to a kept one for
    // each call (see `pyc_ast::stack`).
    let deep = std::thread::Builder::new()
        .stack_size(pyc_ast::stack::DEEP_STACK_THREAD_SIZE)
        .spawn(move || run(cli));
    match deep.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(err) => {
            eprintln!("pyc: cannot start a thread: {err}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Tokenize(args) => cli::tokenize::run(args),
        Command::Ast(args) => cli::ast::run(args),
        Command::Symtable(args) => cli::symtable::run(args),
        Command::Unparse(args) => cli::unparse::run(args),
        Command::Compile(args) => cli::compile::run(args),
        Command::Check(args) => cli::check::run(args),
    }
}
