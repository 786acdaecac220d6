//! Port of Lib/ast.py: main (`python -m ast [-m MODE] [--no-type-comments] [-a] [-i N]
//! [--feature-version V] [-O N] [--show-empty] [infile]`), with `parse` going through
//! `compile(..., PyCF_ONLY_AST)` as ast.parse does.

use std::io::{Read, Write};
use std::process::ExitCode;

use pyc::{CompileError, Output, Source, PYCF_ONLY_AST, PYCF_OPTIMIZED_AST, PYCF_TYPE_COMMENTS};
use pyc_ast::{DumpOptions, Mod};

use super::compile::format_warnings;

#[derive(clap::Args)]
pub struct AstArgs {
    /// The file to parse; defaults to stdin.
    #[arg(default_value = "-")]
    infile: String,
    /// Specify what kind of code must be parsed.
    #[arg(short = 'm', long = "mode", default_value = "exec",
          value_parser = ["exec", "single", "eval", "func_type"])]
    mode: String,
    /// Don't add information about type comments.
    #[arg(long = "no-type-comments")]
    no_type_comments: bool,
    /// Include attributes such as line numbers and column offsets.
    #[arg(short = 'a', long = "include-attributes")]
    include_attributes: bool,
    /// Indentation of nodes (number of spaces).
    #[arg(
        short = 'i',
        long = "indent",
        default_value_t = 3,
        allow_negative_numbers = true
    )]
    indent: i64,
    /// Python version in the format 3.x (for example, 3.10).
    #[arg(long = "feature-version", value_name = "VERSION")]
    feature_version: Option<String>,
    /// Optimization level for parser (default -1).
    #[arg(short = 'O', long = "optimize", default_value_t = -1, value_name = "LEVEL",
          allow_negative_numbers = true)]
    optimize: i32,
    /// Show empty lists and fields in dump output.
    #[arg(long = "show-empty")]
    show_empty: bool,
}

/// The frames of an exception escaping `ast.parse` under `python -m ast` (the oracle's
/// interpreter runs modules from `<exec>` and the stdlib from its zip).
const PARSE_TRACEBACK: &str = "Traceback (most recent call last):
  File \"<exec>\", line 9, in <module>
  File \"<frozen runpy>\", line 226, in run_module
  File \"<frozen runpy>\", line 98, in _run_module_code
  File \"<frozen runpy>\", line 88, in _run_code
  File \"/lib/python314.zip/ast.py\", line 680, in <module>
    main()
    ~~~~^^
  File \"/lib/python314.zip/ast.py\", line 674, in main
    tree = parse(source, name, args.mode, type_comments=args.no_type_comments,
                 feature_version=feature_version, optimize=args.optimize)
  File \"/lib/python314.zip/ast.py\", line 46, in parse
    return compile(source, filename, mode, flags,
                   _feature_version=feature_version, optimize=optimize)
";

fn mode_of(name: &str) -> pyc::Mode {
    match name {
        "eval" => pyc::Mode::Eval,
        "single" => pyc::Mode::Single,
        "func_type" => pyc::Mode::FuncType,
        _ => pyc::Mode::Exec,
    }
}

/// `--feature-version 3.x`: the minor version `ast.parse` passes on.
fn feature_version(text: &str) -> Result<i32, String> {
    let invalid = || {
        "error: Invalid format for --feature-version; expected format 3.x (for example, 3.10)"
            .to_string()
    };
    let (major, minor) = text.split_once('.').ok_or_else(invalid)?;
    let major: i64 = major.trim().parse().map_err(|_| invalid())?;
    let minor: i32 = minor.trim().parse().map_err(|_| invalid())?;
    if major != 3 {
        return Err(format!(
            "{PARSE_TRACEBACK}ValueError: Unsupported major version: {major}\n"
        ));
    }
    Ok(minor)
}

fn read_input(infile: &str) -> Result<(String, Vec<u8>), String> {
    if infile == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("OSError: {e}\n"))?;
        return Ok(("<stdin>".to_string(), bytes));
    }
    match std::fs::read(infile) {
        Ok(bytes) => Ok((infile.to_string(), bytes)),
        Err(e) => Err(format!(
            "{}\n",
            super::compile::os_error_message(&e, infile)
        )),
    }
}

pub fn run(args: AstArgs) -> ExitCode {
    let (name, bytes) = match read_input(&args.infile) {
        Ok(input) => input,
        Err(msg) => {
            eprint!("{msg}");
            return ExitCode::from(1);
        }
    };
    let parsed = match args.feature_version.as_deref().map(feature_version) {
        None => parse_with_compile(&args, &name, &bytes, -1),
        Some(Ok(minor)) => parse_with_compile(&args, &name, &bytes, minor),
        Some(Err(msg)) => {
            eprint!("{msg}");
            return ExitCode::from(if msg.starts_with("error:") { 2 } else { 1 });
        }
    };
    let tree = match parsed {
        Ok(tree) => tree,
        Err(stderr) => {
            eprint!("{stderr}");
            return ExitCode::from(1);
        }
    };
    let options = DumpOptions {
        include_attributes: args.include_attributes,
        // ast.dump indents by `' ' * indent`: nothing for zero or less, lines still broken.
        indent: Some(usize::try_from(args.indent.max(0)).unwrap_or(0)),
        show_empty: args.show_empty,
    };
    let dumped = pyc_ast::dump(&tree, options);
    // The tree can nest deeper than Rust's recursive drop can go on the main thread's stack.
    pyc_ast::drop_deep(tree);
    match dumped {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            // Python's traceback for a dump that recursed too deep is not reproduced: the
            // exception line is.
            eprintln!("{err}");
            ExitCode::from(1)
        }
    }
}

/// `ast.parse(source, name, mode, type_comments=..., feature_version=..., optimize=...)`: the
/// tree, or the text written to stderr (warnings, then the traceback). `feature_version` is
/// the minor version, -1 for none.
fn parse_with_compile(
    args: &AstArgs,
    name: &str,
    bytes: &[u8],
    feature_version: i32,
) -> Result<Mod, String> {
    let mut flags = PYCF_ONLY_AST;
    if !args.no_type_comments {
        flags |= PYCF_TYPE_COMMENTS;
    }
    if args.optimize > 0 {
        flags |= PYCF_OPTIMIZED_AST;
    }
    let compilation = pyc::compile_with_feature_version(
        Source::Bytes(bytes),
        name,
        mode_of(&args.mode),
        flags,
        args.optimize,
        feature_version,
    );
    let warnings = format_warnings(&compilation.warnings, bytes);
    eprint!("{warnings}");
    match compilation.result {
        Ok(Output::Ast(tree)) => Ok(tree),
        Err(err) => Err(format!("{PARSE_TRACEBACK}{}", exception_text(&err))),
    }
}

fn exception_text(err: &CompileError) -> String {
    match err {
        CompileError::Syntax(raised) => pyc::traceback::format_raised_syntax_error(raised),
        other => format!("{}: {}\n", other.type_name(), other.message()),
    }
}
