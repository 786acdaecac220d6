//! Where the gap to ruff_python_parser 0.0.10 comes from, file by file: times each corpus file
//! with pyc's parser and with ruff's, best of N rounds (default 7), and prints one line per
//! file: bytes, pyc µs, ruff µs, the difference and the path (sorted by the difference, it
//! shows which files make the gap).
//!
//! - By default each file is parsed N times in a row by each parser, so its later parses find
//!   the caches, the branch predictors and the allocators' free lists as its first one left
//!   them ("warm").
//! - `PER_FILE_COLD=1`: N whole passes over the corpus, one parser at a time, so that each parse
//!   follows another file's, as in the benchmark ("cold").
//! - `PER_FILE_COLD=1 PER_FILE_TWICE=1`: N such passes where each file is parsed twice in a row;
//!   prints the corpus's total for the first parses and for the second ones, per parser.
//!
//! `PYC_TOKENIZE_CORPUS=DIR` picks the files, as for the `profile` examples.

use std::path::PathBuf;
use std::time::Instant;

use pyc_parse_bench::{parses_pyc, parses_ruff};
use pyc_tokenize_bench::{collect_py_files, corpus_dir};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(7);
    let mut files = Vec::new();
    collect_py_files(&corpus_dir(), &mut files);
    files.sort();
    let sources: Vec<String> = files
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap_or_default())
        .collect();
    let cold = std::env::var_os("PER_FILE_COLD").is_some();
    if cold && std::env::var_os("PER_FILE_TWICE").is_some() {
        return first_and_second(rounds, &sources);
    }
    let (pyc, ruff) = if cold {
        best_in_passes(rounds, &sources)
    } else {
        best_in_a_row(rounds, &sources)
    };
    print_files(&files, &sources, &pyc, &ruff);
}

/// The wall time of one call, in seconds.
fn timed(parse: fn(&str) -> bool, source: &str) -> f64 {
    let start = Instant::now();
    std::hint::black_box(parse(std::hint::black_box(source)));
    start.elapsed().as_secs_f64()
}

/// Each file's best time over `rounds` parses in a row, for each parser.
fn best_in_a_row(rounds: usize, sources: &[String]) -> (Vec<f64>, Vec<f64>) {
    let best = |parse: fn(&str) -> bool, source: &String| {
        (0..rounds)
            .map(|_| timed(parse, source))
            .fold(f64::MAX, f64::min)
    };
    sources
        .iter()
        .map(|source| (best(parses_pyc, source), best(parses_ruff, source)))
        .unzip()
}

/// Each file's best time over `rounds` passes over the corpus, one parser per pass.
fn best_in_passes(rounds: usize, sources: &[String]) -> (Vec<f64>, Vec<f64>) {
    let mut pyc = vec![f64::MAX; sources.len()];
    let mut ruff = vec![f64::MAX; sources.len()];
    for _ in 0..rounds {
        for (best, parse) in [
            (&mut pyc, parses_pyc as fn(&str) -> bool),
            (&mut ruff, parses_ruff),
        ] {
            for (best, source) in best.iter_mut().zip(sources) {
                *best = best.min(timed(parse, source));
            }
        }
    }
    (pyc, ruff)
}

/// Passes where each file is parsed twice in a row: the mean total of the first parses and
/// of the second ones, per parser.
fn first_and_second(rounds: usize, sources: &[String]) {
    let mut totals = [[0.0; 2]; 2];
    for _ in 0..rounds {
        for (total, parse) in totals
            .iter_mut()
            .zip([parses_pyc as fn(&str) -> bool, parses_ruff])
        {
            for source in sources {
                total[0] += timed(parse, source);
                total[1] += timed(parse, source);
            }
        }
    }
    let ms = |secs: f64| secs * 1e3 / rounds as f64;
    for (name, [first, second]) in ["pyc", "ruff"].iter().zip(totals) {
        println!(
            "{name}: first parses {:.2} ms, second parses {:.2} ms",
            ms(first),
            ms(second)
        );
    }
}

fn print_files(files: &[PathBuf], sources: &[String], pyc: &[f64], ruff: &[f64]) {
    for (i, path) in files.iter().enumerate() {
        println!(
            "{} {:.1} {:.1} {:.1} {}",
            sources[i].len(),
            pyc[i] * 1e6,
            ruff[i] * 1e6,
            (pyc[i] - ruff[i]) * 1e6,
            path.display()
        );
    }
}
