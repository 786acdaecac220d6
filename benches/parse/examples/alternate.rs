//! Alternates passes of pyc's parser and ruff_python_parser 0.0.10 over the corpus, on this
//! thread as the criterion benchmark calls them, and reports each one's best and median pass
//! and the median of the per-round ratios: on a shared machine whose speed drifts over
//! seconds, passes side by side compare more steadily than two criterion groups run one after
//! the other (`cargo run --release --example alternate [ROUNDS]`, default 30). Passes are
//! timed by the wall clock: this machine counts a thread's CPU time in 4 ms ticks, a twentieth
//! of a pass.

use std::hint::black_box;
use std::time::Instant;

use pyc_parse_bench::{parses_pyc, parses_ruff};
use pyc_tokenize_bench::corpus_sources;

/// The wall time of one pass of `parses` over `corpus`.
fn pass(corpus: &[String], parses: fn(&str) -> bool) -> f64 {
    let origin = Instant::now();
    black_box(corpus.iter().filter(|s| parses(black_box(s))).count());
    origin.elapsed().as_secs_f64()
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let corpus: Vec<String> = corpus_sources()
        .into_iter()
        .filter(|s| parses_pyc(s) && parses_ruff(s))
        .collect();
    let bytes: usize = corpus.iter().map(String::len).sum();
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(30)
        .max(1);
    let (mut pyc, mut ruff, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        // Each goes first in every other round, so that neither always follows the other.
        let (p, r) = if round % 2 == 0 {
            let p = pass(&corpus, parses_pyc);
            (p, pass(&corpus, parses_ruff))
        } else {
            let r = pass(&corpus, parses_ruff);
            (pass(&corpus, parses_pyc), r)
        };
        pyc.push(p);
        ruff.push(r);
        ratios.push(r / p);
    }
    let report = |name: &str, times: &mut Vec<f64>| {
        let best = times.iter().copied().fold(f64::MAX, f64::min);
        let mid = median(times);
        println!(
            "{name} best {:.1} ms ({:.0} MB/s), median {:.1} ms ({:.0} MB/s)",
            best * 1e3,
            bytes as f64 / best / 1e6,
            mid * 1e3,
            bytes as f64 / mid / 1e6
        );
    };
    println!(
        "{} files, {:.1} MB, {rounds} rounds, wall time",
        corpus.len(),
        bytes as f64 / 1e6
    );
    report("pyc ", &mut pyc);
    report("ruff", &mut ruff);
    println!(
        "ruff's time over pyc's, median of the rounds: {:.3}",
        median(&mut ratios)
    );
}
