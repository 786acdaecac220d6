//! What the examples share; the benchmark itself lives in benches/parse.rs.

use std::time::Instant;

use pyc_parser::{parse, Mode, ParseFlags};

/// Whether pyc's parser accepts `source` (a module), the call every benchmark and example times.
pub fn parses_pyc(source: &str) -> bool {
    parse(source, "<bench>", Mode::Exec, ParseFlags::default()).is_ok()
}

/// Whether ruff_python_parser 0.0.10 accepts `source` (a module): the comparison.
pub fn parses_ruff(source: &str) -> bool {
    ruff_python_parser::parse_module(source).is_ok()
}

/// Parses every source `passes` times with `parses` (true when a file parses) and prints the
/// wall time of each pass: the `profile` examples' quick side-by-side figures.
pub fn time_passes(corpus: &[String], passes: usize, parses: impl Fn(&str) -> bool) {
    let bytes: usize = corpus.iter().map(String::len).sum();
    for _ in 0..passes {
        let start = Instant::now();
        let ok = corpus.iter().filter(|s| parses(s)).count();
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
