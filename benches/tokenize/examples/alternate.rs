//! Alternates passes of pyc's tokenizer and ruff's lexer over the corpus and reports the best
//! pass of each: a steadier comparison than two criterion groups on a loaded machine.
//!
//! The corpus is the `.py` files under `$PYC_TOKENIZE_CORPUS` (default: `.cache/tok-corpus` in
//! the repository, unzipped from oracle/node_modules/pyodide/python_stdlib.zip).

use std::hint::black_box;
use std::time::Instant;

use pyc_tokenize_bench::{cpu_seconds, load_corpus, tokenize_pyc, tokenize_ruff};

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
