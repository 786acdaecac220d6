//! `pyc unparse FILE`: what `python -c 'import ast,sys; print(ast.unparse(ast.parse(open(sys.argv[1]).read())))' FILE`
//! prints (Lib/ast.py: parse, unparse).

use std::io::Write;
use std::process::ExitCode;

use pyc_ast::preprocess::{preprocess, PreprocessFlags, SyntaxWarning};
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
    let bytes = std::fs::read(path).map_err(|e| os_error(&e, path))?;
    let text =
        String::from_utf8(bytes).map_err(|e| unicode_decode_error(e.as_bytes(), e.utf8_error()))?;
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// What `open(path)` raises, e.g. `FileNotFoundError: [Errno 2] No such file or directory: 'x.py'`.
fn os_error(error: &std::io::Error, path: &str) -> String {
    let exc_type = match error.kind() {
        std::io::ErrorKind::NotFound => "FileNotFoundError",
        std::io::ErrorKind::PermissionDenied => "PermissionError",
        std::io::ErrorKind::IsADirectory => "IsADirectoryError",
        _ => "OSError",
    };
    let Some(errno) = error.raw_os_error() else {
        return format!("{exc_type}: {error}");
    };
    // Rust's text is strerror followed by " (os error N)".
    let text = error.to_string();
    let strerror = text.split(" (os error").next().unwrap_or(&text);
    let path = pyc_ast::constant::Constant::str(path).repr();
    format!("{exc_type}: [Errno {errno}] {strerror}: {path}")
}

/// The message of CPython's UTF-8 decoder for the first undecodable sequence.
fn unicode_decode_error(bytes: &[u8], error: std::str::Utf8Error) -> String {
    let start = error.valid_up_to();
    let (length, reason) = match error.error_len() {
        None => (bytes.len() - start, "unexpected end of data"),
        Some(length) => {
            let first = bytes.get(start).copied().unwrap_or(0);
            let invalid_start = matches!(first, 0x80..=0xC1 | 0xF5..=0xFF);
            (
                length,
                if invalid_start {
                    "invalid start byte"
                } else {
                    "invalid continuation byte"
                },
            )
        }
    };
    let what = if length <= 1 {
        format!(
            "byte 0x{:02x} in position {start}",
            bytes.get(start).copied().unwrap_or(0)
        )
    } else {
        format!("bytes in position {start}-{}", start + length - 1)
    };
    format!("UnicodeDecodeError: 'utf-8' codec can't decode {what}: {reason}")
}

pub fn run(args: UnparseArgs) -> ExitCode {
    let source = match read_text(&args.file) {
        Ok(source) => source,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    // `compile()` refuses a string with a NUL before parsing it, without a position.
    if source.contains('\0') {
        eprintln!("SyntaxError: source code string cannot contain null bytes");
        return ExitCode::from(1);
    }
    // `ast.parse(source)` names the source `<unknown>`.
    let filename = "<unknown>";
    let parsed =
        match pyc_parser::parse_with_warnings(&source, filename, Mode::Exec, ParseFlags::default())
        {
            Ok(parsed) => parsed,
            Err(err) => {
                report_parse_error(&err);
                return ExitCode::from(1);
            }
        };
    report_warnings(filename, &parsed.warnings);
    let mut tree = parsed.tree;
    if let Err(message) = check_like_ast_parse(&mut tree, filename) {
        eprint!("{message}");
        return ExitCode::from(1);
    }
    match pyc_ast::unparse::unparse(&tree) {
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

/// What `ast.parse` does after parsing (`_PyCompile_AstPreprocess` with `syntax_check_only`):
/// the `from __future__` checks ("not a chance", unknown features), then a preprocessing pass
/// that changes nothing but can fail on a tree nested too deep.
fn check_like_ast_parse(tree: &mut pyc_ast::Mod, filename: &str) -> Result<(), String> {
    let future = pyc_future::future_from_ast(tree, filename)
        .map_err(|err| pyc::traceback::format_exception_only(&err))?;
    let flags = PreprocessFlags {
        future_annotations: future
            .features
            .contains(pyc_future::CompilerFlags::ANNOTATIONS),
        syntax_check_only: true,
        enable_warnings: false,
    };
    let mut warnings: Vec<SyntaxWarning> = Vec::new();
    preprocess(tree, 0, flags, &mut warnings).map_err(|err| format!("{err}\n"))
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
        eprintln!(
            "{filename}:{}: {category}: {}",
            warning.lineno, warning.message
        );
    }
}

/// The last lines of the traceback: the exception itself. (The frames above it name the
/// oracle's own files, which have no counterpart here.)
fn report_parse_error(err: &ParseError) {
    match err {
        ParseError::Syntax(e) => eprint!("{}", pyc::traceback::format_exception_only(e)),
        ParseError::Memory(msg) => eprintln!("MemoryError: {msg}"),
        ParseError::Other { type_name, msg } => eprintln!("{type_name}: {msg}"),
    }
}
