//! `pyc check`: runs the stages that exist over files and folders (Lib/compileall.py's walk of
//! `.py` files, without writing anything), in parallel, and reports each failure as
//! `python -m py_compile` prints it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use pyc::{CompileError, Mode, Source, PYCF_ONLY_AST};
use pyc_tokenize::{TokenKind, Tokenizer, TokenizerOptions};

#[derive(clap::Args)]
pub struct CheckArgs {
    /// How far to go: tokenize, parse, symtable (the default: every stage that exists), or
    /// compile (which also says that code generation is not ported yet).
    #[arg(long = "stage", default_value = "symtable",
          value_parser = ["tokenize", "parse", "symtable", "compile"])]
    stage: String,
    /// Files and folders (searched recursively for `.py` files).
    #[arg(required = true)]
    paths: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Tokenize,
    Parse,
    Symtable,
    Compile,
}

impl Stage {
    fn from_name(name: &str) -> Stage {
        match name {
            "tokenize" => Stage::Tokenize,
            "parse" => Stage::Parse,
            "compile" => Stage::Compile,
            _ => Stage::Symtable,
        }
    }
}

pub fn run(args: CheckArgs) -> ExitCode {
    let stage = Stage::from_name(&args.stage);
    let mut files = Vec::new();
    let mut unreadable = String::new();
    for path in &args.paths {
        if let Err(message) = collect_files(Path::new(path), &mut files) {
            unreadable.push_str(&message);
        }
    }
    let reports = check_all(&files, stage);
    // Locked only once the workers are done: one that writes to stderr (a panic's message)
    // would otherwise wait for the lock forever, and the command with it.
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "{unreadable}");
    let mut failed = !unreadable.is_empty();
    for report in reports.iter().flatten() {
        let _ = write!(stderr, "{report}");
        failed = true;
    }
    if failed {
        return ExitCode::from(1);
    }
    if stage == Stage::Compile {
        let _ = writeln!(
            stderr,
            "pyc check: {} file(s) passed every check (code generation's errors included), but {}: no file was compiled",
            files.len(),
            pyc::CODEGEN_NOT_PORTED
        );
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

/// The `.py` files under `path` (or `path` itself when it is a file), sorted per folder.
fn collect_files(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let metadata = std::fs::metadata(path)
        .map_err(|e| super::compile::os_error_message(&e, &path.display().to_string()))?;
    if !metadata.is_dir() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| super::compile::os_error_message(&e, &path.display().to_string()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        // Like compileall, folders reached through a symbolic link are skipped (no cycles).
        let is_link = std::fs::symlink_metadata(&entry).is_ok_and(|m| m.file_type().is_symlink());
        if entry.is_dir() {
            if !is_link {
                collect_files(&entry, files)?;
            }
        } else if entry.extension().is_some_and(|ext| ext == "py") {
            files.push(entry);
        }
    }
    Ok(())
}

/// Checks every file on a pool of threads; the reports come back in input order.
fn check_all(files: &[PathBuf], stage: Stage) -> Vec<Option<String>> {
    let reports: Vec<Mutex<Option<String>>> = files.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(2, usize::from)
        .min(files.len().max(1));
    let work = || loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(file) = files.get(index) else {
            break;
        };
        let report = check_file(file, stage);
        if let Ok(mut slot) = reports[index].lock() {
            *slot = report;
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..workers {
            // A deep stack, so that the stages run on the worker's (see `pyc_ast::stack`).
            let deep = std::thread::Builder::new()
                .stack_size(pyc_ast::stack::DEEP_STACK_THREAD_SIZE)
                .spawn_scoped(scope, work);
            if deep.is_err() {
                scope.spawn(work);
            }
        }
    });
    reports
        .into_iter()
        .map(|slot| slot.into_inner().unwrap_or(None))
        .collect()
}

/// One file: None when it passes `stage`, else what py_compile would print.
fn check_file(path: &Path, stage: Stage) -> Option<String> {
    let name = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            return Some(format!(
                "{}\n",
                super::compile::os_error_message(&err, &name)
            ))
        }
    };
    let failure = match stage {
        Stage::Tokenize => tokenize_failure(&bytes, &name),
        Stage::Parse => compile_failure(&bytes, &name, PYCF_ONLY_AST),
        Stage::Symtable | Stage::Compile => compile_failure(&bytes, &name, 0),
    };
    failure.map(|message| {
        if message.ends_with('\n') {
            message
        } else {
            format!("{message}\n")
        }
    })
}

fn compile_failure(bytes: &[u8], name: &str, flags: u32) -> Option<String> {
    let compilation = pyc::compile(Source::Bytes(bytes), name, Mode::Exec, flags, -1);
    match compilation.result {
        Ok(pyc::Output::Ast(tree)) => {
            pyc_ast::drop_deep(tree);
            None
        }
        Err(CompileError::CodegenNotPorted) => None,
        Err(err) => Some(pyc::traceback::py_compile_error_message(&err, name)),
    }
}

/// Decoding and tokenizing only, with the parser's view of the tokens.
fn tokenize_failure(bytes: &[u8], name: &str) -> Option<String> {
    let source = match pyc::decode_source(bytes, name) {
        Ok(source) => source,
        Err(err) => return Some(pyc::traceback::py_compile_error_message(&err, name)),
    };
    let mut tokenizer = Tokenizer::new(&source, TokenizerOptions::default()).with_filename(name);
    loop {
        match tokenizer.next_token() {
            Ok(token) if token.kind == TokenKind::Endmarker => return None,
            Ok(_) => {}
            Err(err) => return Some(pyc::traceback::py_compile_message(&err, name)),
        }
    }
}
