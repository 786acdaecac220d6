//! The dump round trip over the stdlib corpus: each oracle dump (`include_attributes=True`) read
//! by `read_dump` and dumped again gives the oracle's text, in four option combinations; and the
//! heap the corpus's trees occupy.
//!
//! The data is not committed. Generate it, then run the ignored tests:
//!
//! ```text
//! oracle/python golden/ast-dump/corpus_dumps.py \
//!     oracle/node_modules/pyodide/python_stdlib.zip target-ast/ast-corpus
//! PYC_AST_DUMP_CORPUS=target-ast/ast-corpus cargo test -p pyc-ast --test dump_corpus -- --ignored --nocapture
//! ```

use pyc_ast::{dump, read_dump, DumpOptions, Mod, Transformer};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts the bytes currently allocated, to measure what the trees occupy.
struct CountingAllocator;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);
static LIVE_BLOCKS: AtomicUsize = AtomicUsize::new(0);
/// What glibc's malloc spends on the live blocks: size plus an 8-byte header, rounded up to 16,
/// at least 32.
static LIVE_FOOTPRINT: AtomicUsize = AtomicUsize::new(0);

fn footprint(size: usize) -> usize {
    (size + 8).div_ceil(16).max(2) * 16
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        LIVE_BLOCKS.fetch_add(1, Ordering::Relaxed);
        LIVE_FOOTPRINT.fetch_add(footprint(layout.size()), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
        LIVE_BLOCKS.fetch_sub(1, Ordering::Relaxed);
        LIVE_FOOTPRINT.fetch_sub(footprint(layout.size()), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn corpus_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::var("PYC_AST_DUMP_CORPUS")
        .expect("set PYC_AST_DUMP_CORPUS to the corpus directory");
    root.join(dir)
}

/// The flattened file names (`a__b.py`) that have an attributed dump.
fn corpus_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".a.dump").map(str::to_string))
        .collect();
    names.sort();
    names
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The dump variants compared: (file suffix, options).
const VARIANTS: [(&str, DumpOptions); 4] = [
    (
        ".a.dump",
        DumpOptions {
            include_attributes: true,
            indent: None,
            show_empty: false,
        },
    ),
    (
        ".a3.dump",
        DumpOptions {
            include_attributes: true,
            indent: Some(3),
            show_empty: false,
        },
    ),
    (
        ".dump",
        DumpOptions {
            include_attributes: false,
            indent: None,
            show_empty: false,
        },
    ),
    (
        ".e3.dump",
        DumpOptions {
            include_attributes: false,
            indent: Some(3),
            show_empty: true,
        },
    ),
];

/// Runs `body` on a thread with a large stack: the corpus has deeply nested trees and debug
/// builds use big frames.
fn with_big_stack(body: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(body)
        .expect("spawn")
        .join()
        .expect("test thread");
}

#[test]
#[ignore = "needs the oracle corpus (see the module docs)"]
fn read_dump_then_dump_reproduces_the_oracle_on_the_corpus() {
    with_big_stack(|| {
        let dir = corpus_dir();
        let files = corpus_files(&dir);
        let mut passed = [0usize; VARIANTS.len()];
        let mut failures = Vec::new();
        for name in &files {
            let text = read(&dir, &format!("{name}.a.dump"));
            let tree = match read_dump(&text) {
                Ok(tree) => tree,
                Err(e) => {
                    failures.push(format!("{name}: read_dump: {e}"));
                    continue;
                }
            };
            if Identity.visit_mod(tree.clone()) != tree {
                failures.push(format!("{name}: the default Transformer changed the tree"));
            }
            for (i, (suffix, options)) in VARIANTS.iter().enumerate() {
                let expected = read(&dir, &format!("{name}{suffix}"));
                match dump(&tree, *options) {
                    Ok(actual) if actual == expected => passed[i] += 1,
                    Ok(actual) => failures.push(format!(
                        "{name}{suffix}: differs at byte {}",
                        first_difference(&actual, &expected)
                    )),
                    Err(e) => failures.push(format!("{name}{suffix}: {e}")),
                }
            }
        }
        for (i, (suffix, _)) in VARIANTS.iter().enumerate() {
            println!("{suffix}: {} / {} files identical", passed[i], files.len());
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    });
}

#[test]
#[ignore = "needs the oracle corpus (see the module docs)"]
fn corpus_trees_fit_the_memory_budget() {
    with_big_stack(|| {
        let dir = corpus_dir();
        let files = corpus_files(&dir);
        let before = LIVE_BYTES.load(Ordering::Relaxed);
        let blocks_before = LIVE_BLOCKS.load(Ordering::Relaxed);
        let footprint_before = LIVE_FOOTPRINT.load(Ordering::Relaxed);
        let mut trees: Vec<Mod> = Vec::with_capacity(files.len());
        for name in &files {
            let text = read(&dir, &format!("{name}.a.dump"));
            trees.push(read_dump(&text).expect("read_dump"));
        }
        let bytes = LIVE_BYTES.load(Ordering::Relaxed) - before;
        let blocks = LIVE_BLOCKS.load(Ordering::Relaxed) - blocks_before;
        let footprint = LIVE_FOOTPRINT.load(Ordering::Relaxed) - footprint_before;
        println!(
            "{} trees: {:.1} MB requested in {blocks} blocks, {:.1} MB with malloc's overhead",
            trees.len(),
            bytes as f64 / 1e6,
            footprint as f64 / 1e6
        );
        assert!(footprint < 100_000_000, "{footprint} bytes");
    });
}

/// The default `Transformer`: rebuilds every node unchanged.
struct Identity;

impl Transformer for Identity {}

fn first_difference(a: &str, b: &str) -> usize {
    a.bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()))
}
