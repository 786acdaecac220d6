//! Parses every `.py` file under a folder and prints the parser's throughput:
//! `cargo run --release -p pyc-parser --example parse_corpus -- DIR [ROUNDS]`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use pyc_parser::{parse, Mode, ParseFlags};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: parse_corpus DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut files = Vec::new();
    collect(Path::new(dir), &mut files);
    files.sort();
    let sources: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| pyc_tokenize::decode_source(&b).ok().map(|s| s.into_owned()))
        .collect();
    let bytes: usize = sources.iter().map(String::len).sum();
    let mut best = f64::MAX;
    let mut failures = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        failures = sources
            .iter()
            .filter(|s| parse(s, "<corpus>", Mode::Exec, ParseFlags::default()).is_err())
            .count();
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} files, {:.1} MB, {failures} failed, best of {rounds}: {:.3} s = {:.1} MB/s",
        sources.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best
    );
}
