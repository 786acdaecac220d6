//! Parses the corpus N times (default 3) with pyc's parser and prints the wall time of each
//! pass: a target for `perf record` and quick before/after checks, beside the criterion bench.

use pyc_parse_bench::{parses_pyc, time_passes};
use pyc_tokenize_bench::corpus_sources;

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
    time_passes(&corpus, passes, parses_pyc);
}
