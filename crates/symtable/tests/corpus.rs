//! The symtable conformance stage on the oracle's trees: for every file the oracle script
//! (`tests/oracle/corpus.py`) processed, read its `ast.dump` back, build the symbol table and
//! compare what we print with what `python -m symtable` printed.
//!
//! Needs the oracle, so it is ignored by default:
//!   oracle/python crates/symtable/tests/oracle/corpus.py \
//!       oracle/node_modules/pyodide/python_stdlib.zip /tmp/symcorpus
//!   PYC_SYMTABLE_CORPUS=/tmp/symcorpus cargo test -p pyc-symtable --test corpus -- --ignored --nocapture

use std::path::{Path, PathBuf};

use pyc_future::CompilerFlags;
use pyc_symtable::{print_symtable, SymbolTable};

fn dumps_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            dumps_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "dump") {
            out.push(path);
        }
    }
}

/// Our output for one file, or why there is none.
fn our_output(dump: &Path, name: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(dump).map_err(|e| e.to_string())?;
    let module = pyc_ast::read_dump(&text).map_err(|e| format!("read_dump: {e}"))?;
    let st = SymbolTable::from_module(&module, name, CompilerFlags::empty())
        .map_err(|e| format!("symtable: {e}"))?;
    Ok(print_symtable(&st, name))
}

fn first_difference(ours: &str, theirs: &str) -> String {
    for (i, (a, b)) in ours.lines().zip(theirs.lines()).enumerate() {
        if a != b {
            return format!("line {}:\n  ours:   {a}\n  oracle: {b}", i + 1);
        }
    }
    format!(
        "lengths differ: ours {} lines, oracle {} lines",
        ours.lines().count(),
        theirs.lines().count()
    )
}

#[test]
#[ignore = "needs the oracle's corpus output (see the module comment)"]
fn symtable_matches_the_oracle_on_the_stdlib() {
    let dir = std::env::var("PYC_SYMTABLE_CORPUS").expect("set PYC_SYMTABLE_CORPUS");
    let root = Path::new(&dir).join("src");
    let mut dumps = Vec::new();
    dumps_under(&root, &mut dumps);
    dumps.sort();
    assert!(!dumps.is_empty(), "no .dump files under {}", root.display());
    let mut passed = 0;
    let mut failures = Vec::new();
    for dump in &dumps {
        let py = dump.with_extension("");
        let name = py
            .strip_prefix(&root)
            .unwrap_or(&py)
            .to_string_lossy()
            .into_owned();
        let expected = std::fs::read_to_string(py.with_extension("py.symtable"))
            .unwrap_or_else(|e| format!("<no oracle output: {e}>"));
        match our_output(dump, &name) {
            Ok(ours) if ours == expected => passed += 1,
            Ok(ours) => failures.push(format!("{name}: {}", first_difference(&ours, &expected))),
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    for failure in failures.iter().take(20) {
        println!("FAIL {failure}");
    }
    println!("symtable corpus: {passed}/{} pass", dumps.len());
    assert!(failures.is_empty(), "{} files differ", failures.len());
}
