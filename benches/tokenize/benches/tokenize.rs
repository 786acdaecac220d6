//! Tokenizes the whole stdlib corpus from memory with pyc's tokenizer (the parser's view) and,
//! in the same run, with ruff_python_parser 0.0.10's lexer; criterion reports MB/s.
//!
//! Times are this thread's CPU time (Linux `/proc/thread-self/schedstat`; wall time elsewhere),
//! so that other processes on a shared machine do not skew the comparison.
//!
//! The corpus is the `.py` files under `$PYC_TOKENIZE_CORPUS` (default: `.cache/tok-corpus` in
//! the repository, unzipped from oracle/node_modules/pyodide/python_stdlib.zip).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use pyc_tokenize::{decode_source, TokenKind, Tokenizer, TokenizerOptions};

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

/// This thread's CPU time in seconds, or wall time since `origin` where that is unavailable.
fn cpu_seconds(origin: Instant) -> f64 {
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

/// Runs `work` `iters` times and returns the CPU time it took.
fn cpu_time_of(iters: u64, mut work: impl FnMut() -> usize) -> Duration {
    let origin = Instant::now();
    let start = cpu_seconds(origin);
    for _ in 0..iters {
        black_box(work());
    }
    Duration::from_secs_f64((cpu_seconds(origin) - start).max(0.0))
}

fn bench_corpus(c: &mut Criterion) {
    let corpus = load_corpus();
    assert!(
        !corpus.is_empty(),
        "no corpus under {}",
        corpus_dir().display()
    );
    let bytes: usize = corpus.iter().map(String::len).sum();
    eprintln!(
        "corpus: {} files, {:.1} MB",
        corpus.len(),
        bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("stdlib_corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(30);
    group.measurement_time(std::time::Duration::from_secs(8));
    group.bench_function("pyc_tokenize", |b| {
        b.iter_custom(|iters| {
            cpu_time_of(iters, || {
                corpus
                    .iter()
                    .map(|s| tokenize_pyc(black_box(s)).unwrap_or(0))
                    .sum()
            })
        })
    });
    group.bench_function("ruff_python_parser_0_0_10_lexer", |b| {
        b.iter_custom(|iters| {
            cpu_time_of(iters, || {
                corpus.iter().map(|s| tokenize_ruff(black_box(s))).sum()
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench_corpus);
criterion_main!(benches);
