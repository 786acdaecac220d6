//! Parses the corpus N times (default 1) with ruff_python_parser 0.0.10 (the benchmark's
//! comparison) and prints the wall time of each pass, as the `profile` example does for pyc:
//! a target for callgrind and for quick side-by-side timings on the same files
//! (`PYC_TOKENIZE_CORPUS=DIR`).

use pyc_parse_bench::{parses_ruff, time_passes};
use pyc_tokenize_bench::corpus_sources;

fn main() {
    let passes: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let corpus = corpus_sources();
    time_passes(&corpus, passes, parses_ruff);
}
