//! Memory of the corpus's ASTs held all at once: pyc's parser beside ruff_python_parser 0.0.10.
//!
//! `cargo run --release --example memory` picks the corpus files both parsers accept, then runs
//! itself once per parser (`memory pyc`, `memory ruff`, each reading the chosen file numbers on
//! stdin) so that neither parser's allocations or freed heap colour the other's figures. Each
//! run loads the sources, parses every file keeping every tree, and prints:
//! - the heap bytes requested (a counting global allocator): the peak while parsing and what is
//!   still live once all trees are built, both above the bytes live before the first parse
//!   (the sources themselves);
//! - the process's peak resident set (VmHWM from /proc/self/status), sources and binary included.
//!
//! `memory ruff` keeps ruff's trees alone (`Parsed::into_syntax`), as pyc's `parse` returns
//! them; `memory ruff-parsed` keeps ruff's whole `Parsed` (tokens and error lists too).

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use pyc_parse_bench::{parses_pyc, parses_ruff};
use pyc_parser::{parse, Mode, ParseFlags};
use pyc_tokenize_bench::{corpus_dir, corpus_sources};

/// The system allocator, counting the bytes currently requested and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn record_alloc(size: usize) {
    let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

fn record_free(size: usize) {
    LIVE.fetch_sub(size, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            record_alloc(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            record_alloc(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        record_free(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            record_free(layout.size());
            record_alloc(new_size);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A line of /proc/self/status in kB (`VmHWM`: the peak resident set), or 0 where there is none.
fn status_kb(field: &str) -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
                .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// The largest heap use during one file's parse beyond what was live before it and what its
/// tree keeps: the parser's working memory (tokens, memo), which the corpus peak hides when the
/// largest file comes early.
#[derive(Default)]
struct Transient {
    most: usize,
    source_len: usize,
}

impl Transient {
    fn watch<T>(&mut self, source: &str, parse: impl FnOnce() -> T) -> T {
        let before = LIVE.load(Ordering::Relaxed);
        let outer_peak = PEAK.swap(before, Ordering::Relaxed);
        let tree = parse();
        let working = PEAK.load(Ordering::Relaxed) - LIVE.load(Ordering::Relaxed);
        if working > self.most {
            self.most = working;
            self.source_len = source.len();
        }
        PEAK.fetch_max(outer_peak, Ordering::Relaxed);
        tree
    }
}

/// One parser's run: parses the chosen files, holds every tree, prints the figures.
fn measure(parser: &str, chosen: &[usize]) {
    let corpus = corpus_sources();
    let sources: Vec<&str> = chosen
        .iter()
        .filter_map(|&i| corpus.get(i).map(String::as_str))
        .collect();
    let bytes: usize = sources.iter().map(|s| s.len()).sum();
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let mut transient = Transient::default();
    let (held, trees): (usize, Box<dyn std::any::Any>) = match parser {
        "pyc" => {
            let trees: Vec<_> = sources
                .iter()
                .filter_map(|s| {
                    transient.watch(s, || {
                        parse(s, "<bench>", Mode::Exec, ParseFlags::default()).ok()
                    })
                })
                .collect();
            (trees.len(), Box::new(trees))
        }
        "ruff" => {
            let trees: Vec<_> = sources
                .iter()
                .filter_map(|s| {
                    transient.watch(s, || {
                        ruff_python_parser::parse_module(s)
                            .ok()
                            .map(|parsed| parsed.into_syntax())
                    })
                })
                .collect();
            (trees.len(), Box::new(trees))
        }
        _ => {
            let parsed: Vec<_> = sources
                .iter()
                .filter_map(|s| transient.watch(s, || ruff_python_parser::parse_module(s).ok()))
                .collect();
            (parsed.len(), Box::new(parsed))
        }
    };
    let live = LIVE.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    println!(
        "{parser:>11}: {held} trees of {:.1} MB of source: heap peak {:.1} MB, live with all trees held {:.1} MB; process peak RSS {:.1} MB (sources {:.1} MB); \
         at most {:.1} MB more while parsing one file (a file of {:.0} kB)",
        mb(bytes),
        mb(peak),
        mb(live),
        status_kb("VmHWM") as f64 / 1e3,
        mb(before),
        mb(transient.most),
        transient.source_len as f64 / 1e3,
    );
    drop(trees);
}

/// Runs this program again as `memory PARSER`, handing it the chosen file numbers.
fn run_child(parser: &str, chosen: &[usize]) -> std::io::Result<()> {
    let exe = std::env::current_exe()?;
    let mut child = Command::new(exe)
        .arg(parser)
        .stdin(Stdio::piped())
        .spawn()?;
    let list: Vec<String> = chosen.iter().map(usize::to_string).collect();
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(list.join("\n").as_bytes())?;
    }
    let status = child.wait()?;
    if !status.success() {
        eprintln!("the {parser} run failed: {status}");
    }
    Ok(())
}

fn read_chosen() -> Vec<usize> {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        return Vec::new();
    }
    text.lines().filter_map(|l| l.trim().parse().ok()).collect()
}

fn main() -> std::io::Result<()> {
    match std::env::args().nth(1).as_deref() {
        Some(parser @ ("pyc" | "ruff" | "ruff-parsed")) => {
            measure(parser, &read_chosen());
            Ok(())
        }
        Some(other) => {
            eprintln!("usage: memory [pyc|ruff|ruff-parsed] (not {other:?})");
            std::process::exit(2);
        }
        None => {
            let corpus = corpus_sources();
            let chosen: Vec<usize> = (0..corpus.len())
                .filter(|&i| parses_pyc(&corpus[i]) && parses_ruff(&corpus[i]))
                .collect();
            if chosen.is_empty() {
                eprintln!("no corpus under {}", corpus_dir().display());
                std::process::exit(1);
            }
            drop(corpus);
            run_child("pyc", &chosen)?;
            run_child("ruff", &chosen)?;
            run_child("ruff-parsed", &chosen)
        }
    }
}
