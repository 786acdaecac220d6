//! The golden cases of `golden/symtable/` and the symbol-table and future cases of
//! `golden/errors/`, run on the oracle's trees (`tests/trees/`, written by
//! `tests/oracle/trees.py`) so that they pin this crate before our parser exists.

use std::path::{Path, PathBuf};

use pyc_future::CompilerFlags;
use pyc_symtable::{print_symtable, SymbolTable};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn trees_dir(stage: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/trees")
        .join(stage)
}

/// The case names of a golden stage whose file name starts with one of `prefixes`.
fn golden_cases(stage: &str, prefixes: &[&str]) -> Vec<String> {
    let dir = repo_root().join("golden").join(stage);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".py").map(str::to_string))
        .filter(|n| prefixes.iter().any(|p| n.starts_with(p)))
        .collect();
    names.sort();
    names
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn build(stage: &str, case: &str) -> Result<SymbolTable, pyc_tokenize::SyntaxError> {
    let dump = read(&trees_dir(stage).join(format!("{case}.dump")));
    let module = pyc_ast::read_dump(&dump).unwrap_or_else(|e| panic!("{case}: read_dump: {e}"));
    let filename = format!("golden/{stage}/{case}.py");
    SymbolTable::from_module(&module, &filename, CompilerFlags::empty())
}

#[test]
fn golden_symtable_cases_print_like_python_m_symtable() {
    let cases = golden_cases("symtable", &[""]);
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in &cases {
        let filename = format!("golden/symtable/{case}.py");
        let expected = read(&repo_root().join(format!("golden/symtable/{case}.expected")));
        match build("symtable", case) {
            Ok(st) => {
                let ours = print_symtable(&st, &filename);
                if ours != expected {
                    failures.push(format!("{case}:\n--- ours\n{ours}--- oracle\n{expected}"));
                }
            }
            Err(e) => failures.push(format!("{case}: unexpected error {e:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn golden_error_cases_raise_cpythons_syntax_error() {
    let cases = golden_cases("errors", &["symtable_", "future_"]);
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in &cases {
        let error_file = trees_dir("errors").join(format!("{case}.error"));
        // Cases the parser rejects have no tree: they belong to the parser's tests.
        if !error_file.exists() {
            continue;
        }
        checked += 1;
        let expected = read(&error_file);
        let ours = match build("errors", case) {
            Ok(_) => "no error\n".to_string(),
            Err(e) => {
                let field = |v: Option<i32>| v.map_or("None".to_string(), |v| v.to_string());
                format!(
                    "{}\n{}\n{}\n{}\n{}\n",
                    e.msg,
                    field(e.lineno),
                    field(e.offset),
                    field(e.end_lineno),
                    field(e.end_offset)
                )
            }
        };
        if ours != expected {
            failures.push(format!("{case}:\n--- ours\n{ours}--- oracle\n{expected}"));
        }
    }
    assert!(checked >= 50, "only {checked} error cases have trees");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn flag(value: bool) -> char {
    if value {
        '1'
    } else {
        '0'
    }
}

fn py_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = names.into_iter().map(|n| format!("'{n}'")).collect();
    format!("[{}]", quoted.join(", "))
}

/// The same listing as `api_listing` in `tests/oracle/trees.py`, from our API.
fn api_listing(table: &pyc_symtable::Table<'_>, out: &mut String, level: usize) {
    use pyc_symtable::BlockType;
    let indent = "  ".repeat(level);
    out.push_str(&format!(
        "{indent}table {} {} lineno={} optimized={} nested={} children={}\n",
        table.get_type().name(),
        table.get_name(),
        table.get_lineno(),
        flag(table.is_optimized()),
        flag(table.is_nested()),
        flag(table.has_children()),
    ));
    if table.get_type() == BlockType::Function {
        out.push_str(&format!(
            "{indent}  params={} locals={} globals={} nonlocals={} frees={}\n",
            py_list(table.get_parameters()),
            py_list(table.get_locals()),
            py_list(table.get_globals()),
            py_list(table.get_nonlocals()),
            py_list(table.get_frees()),
        ));
    }
    if table.get_type() == BlockType::Class {
        out.push_str(&format!(
            "{indent}  methods={}\n",
            py_list(table.get_methods())
        ));
    }
    for name in table.get_identifiers() {
        let s = table.lookup(name).expect("an identifier of the table");
        let queries = [
            s.is_referenced(),
            s.is_imported(),
            s.is_parameter(),
            s.is_type_parameter(),
            s.is_global(),
            s.is_nonlocal(),
            s.is_declared_global(),
            s.is_local(),
            s.is_annotated(),
            s.is_free(),
            s.is_free_class(),
            s.is_assigned(),
            s.is_comp_iter(),
            s.is_comp_cell(),
            s.is_namespace(),
        ];
        let answers: String = queries.into_iter().map(flag).collect();
        let spaces = py_list(s.get_namespaces().iter().map(|t| t.get_name()));
        out.push_str(&format!("{indent}  symbol {name} {answers} {spaces}\n"));
    }
    for child in table.get_children() {
        api_listing(&child, out, level + 1);
    }
}

#[test]
fn api_answers_like_pythons_symtable_module() {
    let cases = golden_cases("symtable", &[""]);
    let mut failures = Vec::new();
    for case in &cases {
        let expected = read(&trees_dir("symtable").join(format!("{case}.api")));
        let st = build("symtable", case).unwrap_or_else(|e| panic!("{case}: {e:?}"));
        let mut ours = String::new();
        api_listing(&st.top(), &mut ours, 0);
        if ours != expected {
            failures.push(format!("{case}:\n--- ours\n{ours}--- oracle\n{expected}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn repr_listing(table: &pyc_symtable::Table<'_>, out: &mut String) {
    out.push_str(&format!("{table}\n"));
    for symbol in table.get_symbols() {
        out.push_str(&format!("{symbol}\n"));
    }
    for child in table.get_children() {
        repr_listing(&child, out);
    }
}

#[test]
fn tables_and_symbols_display_like_their_python_repr() {
    let cases = golden_cases("symtable", &[""]);
    let mut failures = Vec::new();
    for case in &cases {
        let expected = read(&trees_dir("symtable").join(format!("{case}.repr")));
        let st = build("symtable", case).unwrap_or_else(|e| panic!("{case}: {e:?}"));
        let mut ours = String::new();
        repr_listing(&st.top(), &mut ours);
        if ours != expected {
            failures.push(format!("{case}:\n--- ours\n{ours}--- oracle\n{expected}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
