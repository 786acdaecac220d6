//! Port of Lib/py_compile.py: main and compile (`python -m py_compile FILE`), and of
//! Lib/warnings.py: formatwarning, for the warnings compiling prints before its result.

use std::io::Write;
use std::process::ExitCode;

use pyc::{Compilation, CompileError, Mode, Source, Warning};

#[derive(clap::Args)]
pub struct CompileArgs {
    /// The files to compile, in order; the first failure stops.
    #[arg(required = true)]
    files: Vec<String>,
    /// Where to write the .pyc file (one input file only).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<String>,
    /// How the .pyc file records its source: timestamp, checked-hash or unchecked-hash.
    #[arg(long = "invalidation-mode", value_name = "MODE", default_value = "timestamp",
          value_parser = ["timestamp", "checked-hash", "unchecked-hash"])]
    invalidation_mode: String,
    /// The optimization level (-1 for the interpreter's, 0, 1 or 2).
    #[arg(long = "optimize", value_name = "N", default_value_t = -1, allow_negative_numbers = true)]
    optimize: i32,
}

/// Exit status for "the input is fine but pyc cannot finish the job yet".
const NOT_PORTED_STATUS: u8 = 2;

pub fn run(args: CompileArgs) -> ExitCode {
    if args.output.is_some() && args.files.len() > 1 {
        eprintln!("pyc compile: -o takes a single input file");
        return ExitCode::from(2);
    }
    // Code generation is not ported yet, so there is never a .pyc file to write or to mark.
    let _ = (&args.output, &args.invalidation_mode);
    let mut stderr = std::io::stderr().lock();
    let mut not_ported = false;
    for file in &args.files {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(err) => {
                let _ = write!(stderr, "{}", os_error_message(&err, file));
                return ExitCode::from(1);
            }
        };
        let compilation = pyc::compile(Source::Bytes(&bytes), file, Mode::Exec, 0, args.optimize);
        let _ = write!(stderr, "{}", format_warnings(&compilation.warnings, &bytes));
        match compilation_outcome(&compilation, file) {
            // py_compile stops at the first file that fails.
            Outcome::Failed(message) => {
                let _ = write!(stderr, "{message}");
                return ExitCode::from(1);
            }
            Outcome::NotPorted => {
                let _ = writeln!(
                    stderr,
                    "pyc compile: {file}: {}; nothing was written",
                    pyc::CODEGEN_NOT_PORTED
                );
                not_ported = true;
            }
        }
    }
    if not_ported {
        return ExitCode::from(NOT_PORTED_STATUS);
    }
    ExitCode::SUCCESS
}

enum Outcome {
    /// What py_compile prints for the exception (argparse's `exit(1, msg)`).
    Failed(String),
    /// Every existing stage accepted the file.
    NotPorted,
}

fn compilation_outcome(compilation: &Compilation, file: &str) -> Outcome {
    match &compilation.result {
        Err(CompileError::CodegenNotPorted) | Ok(_) => Outcome::NotPorted,
        Err(err) => Outcome::Failed(pyc::traceback::py_compile_error_message(err, file)),
    }
}

/// `str(OSError)` as native CPython prints it: `[Errno 2] No such file or directory: 'x.py'`.
pub fn os_error_message(err: &std::io::Error, file: &str) -> String {
    let Some(errno) = err.raw_os_error() else {
        return err.to_string();
    };
    let text = err.to_string();
    let strerror = text
        .strip_suffix(&format!(" (os error {errno})"))
        .unwrap_or(&text);
    format!(
        "[Errno {errno}] {strerror}: {}",
        pyc_tokenize::decode::python_repr(file)
    )
}

/// The warnings as `warnings.showwarning` writes them to stderr, each with its source line
/// read back from the file.
pub fn format_warnings(warnings: &[Warning], bytes: &[u8]) -> String {
    if warnings.is_empty() {
        return String::new();
    }
    let lines = linecache_lines(bytes);
    warnings
        .iter()
        .map(|warning| {
            let line = usize::try_from(warning.lineno)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| lines.get(i));
            pyc::traceback::format_warning(warning, line.map(String::as_str))
        })
        .collect()
}

/// The file's lines as `linecache` reads them (`tokenize.open`: decoded by its cookie,
/// universal newlines); empty when it cannot be decoded.
fn linecache_lines(bytes: &[u8]) -> Vec<String> {
    match pyc_tokenize::decode_source(bytes) {
        Ok(text) => text.split_inclusive('\n').map(str::to_string).collect(),
        Err(_) => Vec::new(),
    }
}
