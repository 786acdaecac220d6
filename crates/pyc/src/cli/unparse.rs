//! `pyc unparse FILE`: what
//! `python -c 'import ast,sys; print(ast.unparse(ast.parse(open(sys.argv[1]).read())))' FILE`
//! prints (Lib/ast.py: parse, unparse), with `ast.parse` going through
//! `compile(..., PyCF_ONLY_AST)` as it does.

use std::io::Write;
use std::process::ExitCode;

use pyc::{CompileError, Mode, Output, Source, PYCF_ONLY_AST};
use pyc_ast::preprocess::{preprocess, PreprocessFlags, SyntaxWarning};

#[derive(clap::Args)]
pub struct UnparseArgs {
    /// The file to parse and write back as source.
    file: String,
}

/// The frames above an exception escaping `ast.parse` in the oracle's run of the `-c` command
/// (its interpreter runs the command from `<exec>` and the stdlib from its zip).
const PARSE_TRACEBACK: &str = "Traceback (most recent call last):
  File \"<exec>\", line 12, in <module>
  File \"<string>\", line 1, in <module>
  File \"/lib/python314.zip/ast.py\", line 46, in parse
    return compile(source, filename, mode, flags,
                   _feature_version=feature_version, optimize=optimize)
";

/// The frames above a decoding error of `open(path).read()`.
const DECODE_TRACEBACK: &str = "Traceback (most recent call last):
  File \"<exec>\", line 12, in <module>
  File \"<string>\", line 1, in <module>
  File \"<frozen codecs>\", line 325, in decode
";

/// `open(path).read()`: UTF-8 text with universal newlines (no PEP 263 cookie: the text is
/// decoded before the parser sees it). The error is the text written to stderr.
fn read_text(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}\n", os_error(&e, path)))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let message = unicode_decode_error(e.as_bytes(), e.utf8_error());
        format!("{DECODE_TRACEBACK}{message}\n")
    })?;
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
            let reason = if invalid_start {
                "invalid start byte"
            } else {
                "invalid continuation byte"
            };
            (length, reason)
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
    let tree = match read_text(&args.file).and_then(|source| ast_parse(&source)) {
        Ok(tree) => tree,
        Err(stderr) => {
            eprint!("{stderr}");
            return ExitCode::from(1);
        }
    };
    let unparsed = pyc_ast::unparse::unparse(&tree);
    // A parsed tree can nest deeper than a recursive drop can follow on this thread's stack.
    pyc_ast::drop_deep(tree);
    match unparsed {
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

/// `ast.parse(source)`: the tree, or the text written to stderr (the warnings are written as
/// they come, each one: `warn_explicit` gets no registry, so nothing is deduplicated).
fn ast_parse(source: &str) -> Result<pyc_ast::Mod, String> {
    // `ast.parse(source)` names the source `<unknown>`.
    let filename = "<unknown>";
    let compilation = pyc::compile(Source::Str(source), filename, Mode::Exec, PYCF_ONLY_AST, -1);
    for warning in &compilation.warnings {
        // linecache finds no file named `<unknown>`: no source line under the warning.
        eprint!("{}", pyc::traceback::format_warning(warning, None));
    }
    let mut tree = match compilation.result {
        Ok(Output::Ast(tree)) => tree,
        Err(err) => return Err(format!("{PARSE_TRACEBACK}{}", exception_text(&err))),
    };
    check_future_imports(&mut tree, filename).map_err(|text| format!("{PARSE_TRACEBACK}{text}"))?;
    Ok(tree)
}

fn exception_text(err: &CompileError) -> String {
    match err {
        CompileError::Syntax(raised) => pyc::traceback::format_raised_syntax_error(raised),
        other => format!("{}: {}\n", other.type_name(), other.message()),
    }
}

/// What `ast.parse` does after parsing (`_PyCompile_AstPreprocess` with `syntax_check_only`):
/// the `from __future__` checks ("not a chance", unknown features), then a preprocessing pass
/// that changes nothing but fails on a tree nested too deep.
fn check_future_imports(tree: &mut pyc_ast::Mod, filename: &str) -> Result<(), String> {
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
