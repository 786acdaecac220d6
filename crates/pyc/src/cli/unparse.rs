//! `pyc unparse FILE`: what `python -c 'import ast,sys; print(ast.unparse(ast.parse(open(sys.argv[1]).read())))' FILE`
//! prints (Lib/ast.py: parse, unparse).

use std::io::Write;
use std::process::ExitCode;

use pyc_parser::string_parser::WarningCategory;
use pyc_parser::{Mode, ParseError, ParseFlags};

#[derive(clap::Args)]
pub struct UnparseArgs {
    /// The file to parse and write back as source.
    file: String,
}

/// `open(path).read()`: UTF-8 text with universal newlines (no PEP 263 cookie: the text is
/// decoded before the parser sees it).
fn read_text(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("FileNotFoundError: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let position = e.utf8_error().valid_up_to();
        format!("UnicodeDecodeError: 'utf-8' codec can't decode byte at position {position}")
    })?;
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

pub fn run(args: UnparseArgs) -> ExitCode {
    let source = match read_text(&args.file) {
        Ok(source) => source,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    // `ast.parse(source)` names the source `<unknown>`.
    let filename = "<unknown>";
    let parsed = match pyc_parser::parse_with_warnings(&source, filename, Mode::Exec, ParseFlags::default()) {
        Ok(parsed) => parsed,
        Err(err) => {
            report_parse_error(&err);
            return ExitCode::from(1);
        }
    };
    report_warnings(filename, &parsed.warnings);
    match pyc_ast::unparse::unparse(&parsed.tree) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(1)
        }
    }
}

/// The warnings module's default action: each (message, line) once, as `FILE:LINE: Category: message`.
fn report_warnings(filename: &str, warnings: &[pyc_parser::LiteralWarning]) {
    let mut seen: Vec<(&str, u32)> = Vec::new();
    for warning in warnings {
        let key = (warning.message.as_str(), warning.lineno);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let category = match warning.category {
            WarningCategory::SyntaxWarning => "SyntaxWarning",
            WarningCategory::DeprecationWarning => "DeprecationWarning",
        };
        eprintln!("{filename}:{}: {category}: {}", warning.lineno, warning.message);
    }
}

/// The last lines of the traceback: the exception itself.
fn report_parse_error(err: &ParseError) {
    match err {
        ParseError::Syntax(e) => eprint!("{}", pyc::traceback::format_exception_only(e)),
        ParseError::Memory(msg) => eprintln!("MemoryError: {msg}"),
        ParseError::Other { type_name, msg } => eprintln!("{type_name}: {msg}"),
    }
}
