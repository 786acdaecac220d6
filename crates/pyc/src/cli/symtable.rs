//! Port of Lib/symtable.py: main (`python -m symtable [FILE ...]`, `-` or nothing for stdin).

use std::io::{Read, Write};
use std::process::ExitCode;

use pyc_future::CompilerFlags;
use pyc_parser::{Mode, ParseError, ParseFlags};
use pyc_symtable::{print_symtable, SymbolTable};
use pyc_tokenize::SyntaxError;

#[derive(clap::Args)]
pub struct SymtableArgs {
    /// The files to analyze; `-` (or none) reads stdin.
    files: Vec<String>,
}

pub fn run(args: SymtableArgs) -> ExitCode {
    let files = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files
    };
    for file in &files {
        match symtable_of(file) {
            Ok(text) => {
                let mut out = std::io::stdout().lock();
                if out
                    .write_all(text.as_bytes())
                    .and_then(|()| out.flush())
                    .is_err()
                {
                    return ExitCode::from(1);
                }
            }
            // Python lets the exception escape `main`: the traceback's frames depend on the
            // installation, so only its last part (the exception) is printed.
            Err(message) => {
                eprint!("{message}");
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}

/// What `print_symbols(symtable(src, filename, 'exec'))` prints for one file argument.
fn symtable_of(file: &str) -> Result<String, String> {
    let (filename, bytes) = read_input(file)?;
    let source = pyc_tokenize::decode_source(&bytes).map_err(|mut err| {
        err.filename = filename.clone();
        pyc::traceback::format_exception_only(&err)
    })?;
    let flags = ParseFlags::default();
    let tree =
        pyc_parser::parse(&source, &filename, Mode::Exec, flags).map_err(|err| match err {
            ParseError::Syntax(e) => pyc::traceback::format_exception_only(&e),
            ParseError::Memory(msg) => format!("MemoryError: {msg}\n"),
            ParseError::Other { type_name, msg } => format!("{type_name}: {msg}\n"),
        })?;
    let printed = match SymbolTable::from_module(&tree, &filename, CompilerFlags::empty()) {
        Ok(st) => Ok(print_symtable(&st, &filename)),
        Err(err) if pyc::is_symtable_recursion_error(&err) => {
            Err(format!("RecursionError: {}\n", err.msg))
        }
        Err(err) => Err(pyc::traceback::format_exception_only(&with_source_line(
            err, &source,
        ))),
    };
    // A chain of millions of operators is deeper than Rust's recursive drop can go on the main
    // thread's stack.
    pyc_ast::drop_deep(tree);
    printed
}

/// The file's bytes and the name Python shows for it.
fn read_input(file: &str) -> Result<(String, Vec<u8>), String> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("OSError: {e}\n"))?;
        return Ok(("<stdin>".to_string(), bytes));
    }
    let bytes = std::fs::read(file).map_err(|e| format!("FileNotFoundError: {e}\n"))?;
    Ok((file.to_string(), bytes))
}

/// CPython reads the offending line back from the file for the errors the symbol table raises.
fn with_source_line(mut err: SyntaxError, source: &str) -> SyntaxError {
    if err.text.is_none() {
        if let Some(line) = err
            .lineno
            .and_then(|n| usize::try_from(n).ok()?.checked_sub(1))
        {
            err.text = source.split_inclusive('\n').nth(line).map(str::to_string);
        }
    }
    err
}
