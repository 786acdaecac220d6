//! What the tokenizer benchmark and its `alternate` example share: the corpus, one full
//! tokenization with each lexer, and a CPU-time clock.
//!
//! The corpus is the `.py` files under `$PYC_TOKENIZE_CORPUS` (default: `.cache/tok-corpus` in
//! the repository, unzipped from oracle/node_modules/pyodide/python_stdlib.zip).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pyc_tokenize::{decode_source, TokenKind, Tokenizer, TokenizerOptions};

pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("PYC_TOKENIZE_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.cache/tok-corpus"),
    }
}

pub fn collect_py_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_py_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// Every corpus file that decodes, as source text, in path order.
pub fn corpus_sources() -> Vec<String> {
    let mut files = Vec::new();
    collect_py_files(&corpus_dir(), &mut files);
    files.sort();
    files
        .iter()
        .filter_map(|path| std::fs::read(path).ok())
        .filter_map(|bytes| decode_source(&bytes).ok().map(|s| s.into_owned()))
        .collect()
}

/// The decoded sources that tokenize without error in both lexers' eyes (ours decides).
pub fn load_corpus() -> Vec<String> {
    corpus_sources()
        .into_iter()
        .filter(|source| tokenize_pyc(source).is_some())
        .collect()
}

pub fn tokenize_pyc(source: &str) -> Option<usize> {
    let mut tokenizer = Tokenizer::new(source, TokenizerOptions::default());
    let mut count = 0;
    loop {
        let token = tokenizer.next_token().ok()?;
        count += 1;
        if token.kind == TokenKind::Endmarker {
            return Some(count);
        }
    }
}

pub fn tokenize_ruff(source: &str) -> usize {
    let mut lexer = ruff_python_parser::lexer::lex(source, ruff_python_parser::Mode::Module);
    let mut count = 0;
    loop {
        count += 1;
        if lexer.next_token() == ruff_python_ast::token::TokenKind::EndOfFile {
            return count;
        }
    }
}

/// This thread's CPU time in seconds, or wall time since `origin` where that is unavailable.
pub fn cpu_seconds(origin: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|ns| ns.parse::<f64>().ok())
        })
        .map(|ns| ns / 1e9)
        .unwrap_or_else(|| origin.elapsed().as_secs_f64())
}

/// Runs `work` `iters` times and returns this thread's CPU time for them (`cpu_seconds`): the
/// benchmarks' measurement, so that other processes on a shared machine do not skew it.
pub fn cpu_time_of<T>(iters: u64, mut work: impl FnMut() -> T) -> Duration {
    let origin = Instant::now();
    let start = cpu_seconds(origin);
    for _ in 0..iters {
        std::hint::black_box(work());
    }
    Duration::from_secs_f64((cpu_seconds(origin) - start).max(0.0))
}
