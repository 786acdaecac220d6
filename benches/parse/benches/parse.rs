//! Parses the whole stdlib corpus from memory into an AST with pyc's parser and, in the same
//! run, with ruff_python_parser 0.0.10; criterion reports MB/s.
//!
//! The corpus is the tokenizer benchmark's (`$PYC_TOKENIZE_CORPUS`, default `.cache/tok-corpus`);
//! only files that both parsers accept are measured, so both do the same work.
//!
//! pyc's parses run on one thread with a deep stack, made once, as the `pyc` command runs its
//! parses on worker threads made once (see `pyc_ast::stack`): called from a thread with a
//! small stack, each parse would make a thread of its own, and a thread made per iteration
//! would start each one with the per-thread pools empty (`NodeBox`'s blocks, the known
//! identifiers). Both parsers run with the system allocator.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use pyc_parser::{parse, Mode, ParseFlags};
use pyc_tokenize_bench::{corpus_dir, corpus_sources};
use std::sync::{mpsc, Arc};

fn parse_pyc(source: &str) -> bool {
    parse(source, "<bench>", Mode::Exec, ParseFlags::default()).is_ok()
}

fn parse_ruff(source: &str) -> bool {
    ruff_python_parser::parse_module(source).is_ok()
}

/// A thread with the stack the `pyc` command gives its workers, parsing the whole corpus with
/// pyc's parser each time it is asked (criterion's state cannot move to another thread).
struct DeepStackWorker {
    asks: Option<mpsc::Sender<()>>,
    answers: mpsc::Receiver<usize>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl DeepStackWorker {
    fn new(corpus: Arc<Vec<String>>) -> Self {
        let (asks, asked) = mpsc::channel::<()>();
        let (answer, answers) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .stack_size(pyc_ast::stack::DEEP_STACK_THREAD_SIZE)
            .spawn(move || {
                for () in asked {
                    let parsed = corpus.iter().filter(|s| parse_pyc(black_box(s))).count();
                    if answer.send(parsed).is_err() {
                        break;
                    }
                }
            })
            .expect("a thread for the benchmark");
        DeepStackWorker {
            asks: Some(asks),
            answers,
            thread: Some(thread),
        }
    }

    /// Parses the corpus once on the worker: the number of files parsed.
    fn parse_corpus(&self) -> usize {
        let asks = self.asks.as_ref().expect("the worker is running");
        asks.send(()).expect("the worker takes the job");
        self.answers.recv().expect("the worker answers")
    }
}

impl Drop for DeepStackWorker {
    fn drop(&mut self) {
        drop(self.asks.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
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
    let worker = DeepStackWorker::new(Arc::new(corpus.clone()));
    group.bench_function("pyc_parse", |b| b.iter(|| worker.parse_corpus()));
    group.bench_function("ruff_python_parser_0_0_10_parse", |b| {
        b.iter(|| corpus.iter().filter(|s| parse_ruff(black_box(s))).count())
    });
    group.finish();
}

criterion_group!(benches, bench_corpus);
criterion_main!(benches);
