//! The commands on a tree nested deeper than the stages recurse: a 100 000-term `1+1+...` chain
//! parses (as it does in CPython), then each command stops with the RecursionError the oracle
//! raises, never with a Rust stack overflow: "Stack overflow (used 10216 kB) during
//! compilation", the C stack the oracle's build has used when it stops.
//!
//! The command drops the tree on the main thread: a recursive drop of this chain overflows that
//! stack in a debug build, so these tests also pin that the tree is taken apart with
//! `pyc_ast::drop_deep`.

use std::path::PathBuf;
use std::process::Command;

/// A scratch file under the system temp dir, unique to this test process and `name`.
fn scratch_file(name: &str, source: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("pyc-deep-{}-{name}.py", std::process::id()));
    std::fs::write(&path, source).expect("write the scratch file");
    path
}

fn sum_chain(terms: usize) -> String {
    format!("{}\n", vec!["1"; terms].join("+"))
}

/// Runs `pyc ARGS FILE`: its stderr and exit code (-1 when a signal ended it).
fn run_pyc(args: &[&str], file: &PathBuf) -> (String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_pyc"))
        .args(args)
        .arg(file)
        .output()
        .expect("pyc runs");
    (
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn symtable_of_a_hundred_thousand_term_chain_is_a_recursion_error() {
    let file = scratch_file("symtable", &sum_chain(100_000));
    assert_eq!(
        run_pyc(&["symtable"], &file),
        (
            "RecursionError: Stack overflow (used 10216 kB) during compilation\n".to_string(),
            1
        )
    );
    let _ = std::fs::remove_file(&file);
}

#[test]
fn ast_dump_of_a_tree_too_deep_to_print_is_a_recursion_error() {
    // 3,000 terms pass the parser and the preprocessor (with `--feature-version` too, which
    // takes the same path), and `ast.dump` runs out of Python frames.
    let file = scratch_file("ast", &sum_chain(3_000));
    for options in [&["ast"][..], &["ast", "--feature-version", "3.14"]] {
        assert_eq!(
            run_pyc(options, &file),
            (
                "RecursionError: maximum recursion depth exceeded\n".to_string(),
                1
            )
        );
    }
    let _ = std::fs::remove_file(&file);
}

#[test]
fn compile_of_a_tree_the_symbol_table_cannot_walk_is_a_recursion_error() {
    // 99 000 terms pass the preprocessor and stop in the symbol table, which CPython reports as
    // RecursionError, not SyntaxError; py_compile prints it after "Sorry: " without a newline.
    let file = scratch_file("compile", &sum_chain(99_000));
    assert_eq!(
        run_pyc(&["compile"], &file),
        (
            "Sorry: RecursionError: Stack overflow (used 10216 kB) during compilation".to_string(),
            1
        )
    );
    let _ = std::fs::remove_file(&file);
}
