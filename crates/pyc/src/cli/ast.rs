//! Port of Lib/ast.py: main (`python -m ast [-m MODE] [--no-type-comments] [-a] [-i N]
//! [--feature-version V] [--show-empty] [infile]`).

use std::io::{Read, Write};
use std::process::ExitCode;

use pyc_ast::DumpOptions;
use pyc_parser::{Mode, ParseError, ParseFlags};

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
    #[arg(short = 'i', long = "indent", default_value_t = 3)]
    indent: i64,
    /// Python version in the format 3.x (for example, 3.10).
    #[arg(long = "feature-version", value_name = "VERSION")]
    feature_version: Option<String>,
    /// Show empty lists and fields in dump output.
    #[arg(long = "show-empty")]
    show_empty: bool,
}

fn mode_of(name: &str) -> Mode {
    match name {
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" => Mode::FuncType,
        _ => Mode::Exec,
    }
}

/// `--feature-version 3.x`: the minor version, as `ast.parse` passes it on.
fn feature_version(text: &str) -> Result<i32, String> {
    let invalid = || "Invalid format for --feature-version; expected format 3.x (for example, 3.10)".to_string();
    let (major, minor) = text.split_once('.').ok_or_else(invalid)?;
    let major: i64 = major.trim().parse().map_err(|_| invalid())?;
    let minor: i32 = minor.trim().parse().map_err(|_| invalid())?;
    if major != 3 {
        return Err(format!("ValueError: Unsupported major version: {major}"));
    }
    Ok(minor)
}

pub fn run(args: AstArgs) -> ExitCode {
    let (name, bytes) = if args.infile == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("OSError: {e}");
            return ExitCode::from(1);
        }
        ("<stdin>".to_string(), bytes)
    } else {
        match std::fs::read(&args.infile) {
            Ok(bytes) => (args.infile.clone(), bytes),
            Err(e) => {
                eprintln!("FileNotFoundError: {e}");
                return ExitCode::from(1);
            }
        }
    };
    let minor = match args.feature_version.as_deref().map(feature_version) {
        None => None,
        Some(Ok(minor)) => Some(minor),
        Some(Err(msg)) => {
            eprintln!("error: {msg}");
            return ExitCode::from(2);
        }
    };
    let source = match pyc_tokenize::decode_source(&bytes) {
        Ok(source) => source,
        Err(mut err) => {
            err.filename = name.clone();
            eprint!("{}", pyc::traceback::format_exception_only(&err));
            return ExitCode::from(1);
        }
    };
    let flags = ParseFlags { type_comments: !args.no_type_comments, feature_version: minor, ..ParseFlags::default() };
    let tree = match pyc_parser::parse(&source, &name, mode_of(&args.mode), flags) {
        Ok(tree) => tree,
        Err(err) => {
            report_parse_error(&err);
            return ExitCode::from(1);
        }
    };
    let options = DumpOptions {
        include_attributes: args.include_attributes,
        // `indent` <= 0 still breaks lines in ast.dump; a negative count indents by nothing.
        indent: Some(args.indent.max(0) as usize),
        show_empty: args.show_empty,
    };
    match pyc_ast::dump(&tree, options) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{err:?}");
            ExitCode::from(1)
        }
    }
}

fn report_parse_error(err: &ParseError) {
    match err {
        ParseError::Syntax(e) => eprint!("{}", pyc::traceback::format_exception_only(e)),
        ParseError::Memory(msg) => eprintln!("MemoryError: {msg}"),
        ParseError::Other { type_name, msg } => eprintln!("{type_name}: {msg}"),
    }
}
