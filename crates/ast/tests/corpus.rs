//! The oracle corpus: every stdlib file's tree, as CPython 3.14.2 dumps it, through our
//! `unparse` and `preprocess`, compared with what CPython prints.
//!
//! The data (about 200 MB) is not committed. Generate it, then run the ignored tests:
//!
//! ```text
//! oracle/python crates/ast/tests/oracle/corpus.py \
//!     oracle/node_modules/pyodide/python_stdlib.zip target-unparse/oracle-corpus
//! PYC_AST_CORPUS=target-unparse/oracle-corpus cargo test -p pyc-ast --test corpus -- --ignored
//! ```

use std::path::{Path, PathBuf};

use pyc_ast::preprocess::{preprocess, PreprocessFlags, SyntaxWarning};
use pyc_ast::unparse::unparse;
use pyc_ast::{dump, read_dump, DumpOptions};

/// The corpus directory: `$PYC_AST_CORPUS`, relative to the repository root.
fn corpus_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::var("PYC_AST_CORPUS").expect("set PYC_AST_CORPUS to the corpus directory");
    root.join(dir)
}

/// The corpus files that parsed, by their flattened names (`a__b.py`).
fn corpus_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| {
            name.strip_suffix(".py.dump")
                .map(|stem| format!("{stem}.py"))
        })
        .collect();
    names.sort();
    names
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Runs `check` on every file and fails with the first few mismatches, printing pass/total.
fn run_corpus(what: &str, check: impl Fn(&Path, &str) -> Result<(), String>) {
    let dir = corpus_dir();
    let files = corpus_files(&dir);
    assert!(!files.is_empty(), "empty corpus in {}", dir.display());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|name| check(&dir, name).err().map(|e| format!("{name}: {e}")))
        .collect();
    println!(
        "{what}: {}/{} files match the oracle",
        files.len() - failures.len(),
        files.len()
    );
    assert!(
        failures.is_empty(),
        "{}",
        failures[..failures.len().min(10)].join("\n")
    );
}

/// The first line where two texts differ, for a readable failure.
fn first_difference(ours: &str, theirs: &str) -> String {
    for (index, (a, b)) in ours.lines().zip(theirs.lines()).enumerate() {
        if a != b {
            return format!("line {}:\n  ours:   {a}\n  oracle: {b}", index + 1);
        }
    }
    format!(
        "lengths differ: {} vs {} lines",
        ours.lines().count(),
        theirs.lines().count()
    )
}

#[test]
#[ignore = "needs the oracle corpus (see the module comment)"]
fn unparse_matches_oracle_on_stdlib_corpus() {
    run_corpus("unparse", |dir, name| {
        let tree = read_dump(&read(dir, &format!("{name}.dump")))?;
        let ours = unparse(&tree).map_err(|e| e.to_string())?;
        let theirs = read(dir, &format!("{name}.unparse"));
        if ours == theirs {
            Ok(())
        } else {
            Err(first_difference(&ours, &theirs))
        }
    });
}

/// Our `preprocess` at `optimize` applied to the oracle's `ast.parse(src)` tree, dumped, against
/// the oracle's `ast.parse(src, optimize=optimize)` dump.
fn check_preprocess(dir: &Path, name: &str, optimize: i32) -> Result<(), String> {
    let mut tree = read_dump(&read(dir, &format!("{name}.dump")))?;
    let mut warnings: Vec<SyntaxWarning> = Vec::new();
    preprocess(
        &mut tree,
        optimize,
        PreprocessFlags::default(),
        &mut warnings,
    )
    .map_err(|e| e.to_string())?;
    let options = DumpOptions {
        include_attributes: true,
        indent: None,
        show_empty: false,
    };
    let ours = dump(&tree, options).map_err(|e| e.to_string())?;
    let theirs = read(dir, &format!("{name}.O{optimize}.dump"));
    if ours != theirs {
        let at = ours
            .bytes()
            .zip(theirs.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let context = |text: &str| {
            text.get(at.saturating_sub(80)..(at + 80).min(text.len()))
                .unwrap_or("")
                .to_string()
        };
        return Err(format!(
            "dumps differ at byte {at}:\n  ours:   {}\n  oracle: {}",
            context(&ours),
            context(&theirs)
        ));
    }
    if !warnings.is_empty() {
        return Err(format!("unexpected warnings: {warnings:?}"));
    }
    Ok(())
}

#[test]
#[ignore = "needs the oracle corpus (see the module comment)"]
fn preprocess_level_1_matches_oracle_on_stdlib_corpus() {
    run_corpus("preprocess -O1", |dir, name| check_preprocess(dir, name, 1));
}

#[test]
#[ignore = "needs the oracle corpus (see the module comment)"]
fn preprocess_level_2_matches_oracle_on_stdlib_corpus() {
    run_corpus("preprocess -O2", |dir, name| check_preprocess(dir, name, 2));
}
