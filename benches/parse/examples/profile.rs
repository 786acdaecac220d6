//! Parses the corpus N times (default 3) with pyc's parser and prints the wall time of each
//! pass: a target for `perf record` and quick before/after checks, beside the criterion bench.

use pyc_parser::{parse, Mode, ParseFlags};
use pyc_tokenize_bench::corpus_sources;
use std::time::Instant;

fn main() {
    // The parses run on a deep stack, as in the `pyc` command (see `pyc_ast::stack`).
    std::thread::Builder::new()
        .stack_size(pyc_ast::stack::DEEP_STACK_THREAD_SIZE)
        .spawn(run)
        .expect("a thread with a deep stack")
        .join()
        .expect("the profile run");
}

fn run() {
    let passes: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let corpus = corpus_sources();
    let bytes: usize = corpus.iter().map(String::len).sum();
    for _ in 0..passes {
        let start = Instant::now();
        let ok = corpus
            .iter()
            .filter(|s| parse(s, "<bench>", Mode::Exec, ParseFlags::default()).is_ok())
            .count();
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{ok}/{} files, {:.1} MB in {:.3} s: {:.2} MB/s",
            corpus.len(),
            bytes as f64 / 1e6,
            secs,
            bytes as f64 / 1e6 / secs
        );
    }
}
