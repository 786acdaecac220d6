//! Parses the whole stdlib corpus from memory into an AST with pyc's parser and, in the same
//! run, with ruff_python_parser 0.0.10; criterion reports MB/s.
//!
//! The corpus is the tokenizer benchmark's (`$PYC_TOKENIZE_CORPUS`, default `.cache/tok-corpus`);
//! only files that both parsers accept are measured, so both do the same work.
//!
//! Both parsers run on criterion's thread, as a caller's code would call them (pyc's on the
//! deep stack the thread keeps for it, see `pyc_ast::stack`), with the system allocator.
//! Times are this thread's CPU time, as in the tokenizer's benchmark (Linux
//! `/proc/thread-self/schedstat`; wall time elsewhere): on a shared machine, wall-clock medians
//! of the same build moved by a tenth from run to run.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use pyc_parse_bench::{parses_pyc, parses_ruff};
use pyc_tokenize_bench::{corpus_dir, corpus_sources, cpu_time_of};

fn load_corpus() -> Vec<String> {
    corpus_sources()
        .into_iter()
        .filter(|source| parses_pyc(source) && parses_ruff(source))
        .collect()
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
    group.sample_size(20);
    group.measurement_time(std::time::Duration::from_secs(10));
    group.bench_function("pyc_parse", |b| {
        b.iter_custom(|iters| {
            cpu_time_of(iters, || {
                corpus.iter().filter(|s| parses_pyc(black_box(s))).count()
            })
        })
    });
    group.bench_function("ruff_python_parser_0_0_10_parse", |b| {
        b.iter_custom(|iters| {
            cpu_time_of(iters, || {
                corpus.iter().filter(|s| parses_ruff(black_box(s))).count()
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench_corpus);
criterion_main!(benches);
