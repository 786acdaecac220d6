//! Parses the corpus once with ruff_python_parser 0.0.10 (the benchmark's comparison): a
//! target for callgrind beside the `profile` example, to compare instruction counts on the
//! same files (`PYC_TOKENIZE_CORPUS=DIR`).

use pyc_tokenize_bench::corpus_sources;

fn main() {
    let corpus = corpus_sources();
    let ok = corpus
        .iter()
        .filter(|s| ruff_python_parser::parse_module(s).is_ok())
        .count();
    println!("{ok}/{} files parsed", corpus.len());
}
