//! Alternates passes of pyc's tokenizer and ruff's lexer over the corpus and reports the best
//! pass of each: a steadier comparison than two criterion groups on a loaded machine.
//!
//! The corpus is the `.py` files under `$PYC_TOKENIZE_CORPUS` (default: `.cache/tok-corpus` in
//! the repository, unzipped from oracle/node_modules/pyodide/python_stdlib.zip).

use std::path::{Path, PathBuf};

use pyc_tokenize::{decode_source, TokenKind, Tokenizer, TokenizerOptions};
use std::hint::black_box;
use std::time::Instant;

fn corpus_dir() -> PathBuf {
    match std::env::var_os("PYC_TOKENIZE_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.cache/tok-corpus"),
    }
}

fn collect_py_files(dir: &Path, out: &mut Vec<PathBuf>) {
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

/// The decoded sources that tokenize without error in both lexers' eyes (ours decides).
fn load_corpus() -> Vec<String> {
    let mut files = Vec::new();
    collect_py_files(&corpus_dir(), &mut files);
    files.sort();
    files
        .iter()
        .filter_map(|path| std::fs::read(path).ok())
        .filter_map(|bytes| decode_source(&bytes).ok().map(|s| s.into_owned()))
        .filter(|source| tokenize_pyc(source).is_some())
        .collect()
}

fn tokenize_pyc(source: &str) -> Option<usize> {
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

fn tokenize_ruff(source: &str) -> usize {
    let mut lexer = ruff_python_parser::lexer::lex(source, ruff_python_parser::Mode::Module);
    let mut count = 0;
    loop {
        count += 1;
        if lexer.next_token() == ruff_python_ast::token::TokenKind::EndOfFile {
            return count;
        }
    }
}

/// CPU time this thread has run, in seconds (Linux `/proc/thread-self/schedstat`); wall time
/// elsewhere. On a shared machine CPU time is the steadier measure.
fn cpu_seconds(wall: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|ns| ns.parse::<f64>().ok())
        })
        .map(|ns| ns / 1e9)
        .unwrap_or_else(|| wall.elapsed().as_secs_f64())
}

fn main() {
    let corpus = load_corpus();
    let bytes: usize = corpus.iter().map(String::len).sum();
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(30);
    let (mut best_pyc, mut best_ruff) = (f64::MAX, f64::MAX);
    for _ in 0..rounds {
        let origin = Instant::now();
        let t = cpu_seconds(origin);
        black_box(
            corpus
                .iter()
                .map(|s| tokenize_pyc(black_box(s)).unwrap_or(0))
                .sum::<usize>(),
        );
        best_pyc = best_pyc.min(cpu_seconds(origin) - t);
        let t = cpu_seconds(origin);
        black_box(
            corpus
                .iter()
                .map(|s| tokenize_ruff(black_box(s)))
                .sum::<usize>(),
        );
        best_ruff = best_ruff.min(cpu_seconds(origin) - t);
    }
    let mbs = |secs: f64| bytes as f64 / secs / 1e6;
    println!(
        "pyc  best (CPU time) {:.1} ms  {:.0} MB/s",
        best_pyc * 1e3,
        mbs(best_pyc)
    );
    println!(
        "ruff best (CPU time) {:.1} ms  {:.0} MB/s",
        best_ruff * 1e3,
        mbs(best_ruff)
    );
}
