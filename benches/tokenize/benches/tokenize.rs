//! Tokenizes the whole stdlib corpus from memory with pyc's tokenizer (the parser's view) and,
//! in the same run, with ruff_python_parser 0.0.10's lexer; criterion reports MB/s.
//!
//! Times are this thread's CPU time (Linux `/proc/thread-self/schedstat`; wall time elsewhere),
//! so that other processes on a shared machine do not skew the comparison.
//!
//! The corpus is the `.py` files under `$PYC_TOKENIZE_CORPUS` (default: `.cache/tok-corpus` in
//! the repository, unzipped from oracle/node_modules/pyodide/python_stdlib.zip).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use pyc_tokenize_bench::{corpus_dir, cpu_time_of, load_corpus, tokenize_pyc, tokenize_ruff};

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
                    .sum::<usize>()
            })
        })
    });
    group.bench_function("ruff_python_parser_0_0_10_lexer", |b| {
        b.iter_custom(|iters| {
            cpu_time_of(iters, || {
                corpus
                    .iter()
                    .map(|s| tokenize_ruff(black_box(s)))
                    .sum::<usize>()
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench_corpus);
criterion_main!(benches);
