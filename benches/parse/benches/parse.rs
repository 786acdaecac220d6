//! Parses the whole stdlib corpus from memory into an AST with pyc's parser and, in the same
//! run, with ruff_python_parser 0.0.10; criterion reports MB/s.
//!
//! The corpus is the tokenizer benchmark's (`$PYC_TOKENIZE_CORPUS`, default `.cache/tok-corpus`);
//! only files that both parsers accept are measured, so both do the same work.
//!
//! pyc's parses run on one thread with a deep stack, as the `pyc` command runs them (see
//! `pyc_ast::stack`): called from a thread with a small stack, each parse would make a thread
//! of its own. Both parsers run with the system allocator.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use pyc_parser::{parse, Mode, ParseFlags};
use pyc_tokenize_bench::{corpus_dir, corpus_sources};

fn parse_pyc(source: &str) -> bool {
    parse(source, "<bench>", Mode::Exec, ParseFlags::default()).is_ok()
}

fn parse_ruff(source: &str) -> bool {
    ruff_python_parser::parse_module(source).is_ok()
}

/// Runs `f` on a thread with the stack the `pyc` command gives its workers.
fn on_deep_stack_thread<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(pyc_ast::stack::DEEP_STACK_THREAD_SIZE)
            .spawn_scoped(scope, f)
            .expect("a thread for the benchmark")
            .join()
            .expect("the benchmark's thread")
    })
}

fn load_corpus() -> Vec<String> {
    corpus_sources()
        .into_iter()
        .filter(|source| parse_pyc(source) && parse_ruff(source))
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
    group.sample_size(10);
    group.bench_function("pyc_parse", |b| {
        b.iter(|| {
            on_deep_stack_thread(|| corpus.iter().filter(|s| parse_pyc(black_box(s))).count())
        })
    });
    group.bench_function("ruff_python_parser_0_0_10_parse", |b| {
        b.iter(|| corpus.iter().filter(|s| parse_ruff(black_box(s))).count())
    });
    group.finish();
}

criterion_group!(benches, bench_corpus);
criterion_main!(benches);
