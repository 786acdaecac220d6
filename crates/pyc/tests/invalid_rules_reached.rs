//! Every `invalid_` rule of the grammar has a golden `errors` case that reaches it: the parser,
//! tracing, records the `invalid_` rules that matched or raised while parsing each case of
//! golden/errors/ (once as py_compile parses, once with type comments on, which
//! `invalid_double_type_comments` needs).

use std::collections::BTreeSet;
use std::path::Path;

use pyc_parser::{invalid_rules_reached, Mode, ParseFlags};

fn repo_path(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

/// The names of the grammar's `invalid_` rules (a rule definition starts a line).
fn grammar_invalid_rules() -> BTreeSet<String> {
    let grammar = std::fs::read_to_string(repo_path("crates/parser/python.gram"))
        .expect("the grammar is checked in");
    grammar
        .lines()
        .filter(|line| line.starts_with("invalid_"))
        .filter_map(|line| {
            let name: String = line
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

fn golden_cases() -> Vec<std::path::PathBuf> {
    let mut cases: Vec<_> = std::fs::read_dir(repo_path("golden/errors"))
        .expect("golden/errors exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_invalid_rule_has_a_golden_errors_case_reaching_it() {
    let rules = grammar_invalid_rules();
    assert!(
        rules.len() > 50,
        "found only {} invalid_ rules",
        rules.len()
    );
    let mut reached = BTreeSet::new();
    for case in golden_cases() {
        let bytes = std::fs::read(&case).expect("readable case");
        let Ok(source) = pyc_tokenize::decode_source(&bytes) else {
            continue;
        };
        let name = case.display().to_string();
        for type_comments in [false, true] {
            let flags = ParseFlags {
                type_comments,
                ..ParseFlags::default()
            };
            reached.extend(
                invalid_rules_reached(&source, &name, Mode::Exec, flags)
                    .into_iter()
                    .map(String::from),
            );
        }
    }
    let missing: Vec<&String> = rules.difference(&reached).collect();
    assert!(
        missing.is_empty(),
        "invalid_ rules no golden errors case reaches: {missing:?}"
    );
}

#[test]
fn tracing_names_the_rule_that_raised() {
    let flags = ParseFlags::default();
    let reached = invalid_rules_reached("print 'hello'\n", "<test>", Mode::Exec, flags);
    assert!(
        reached.contains(&"invalid_legacy_expression"),
        "{reached:?}"
    );
    let reached = invalid_rules_reached("x = 1\n", "<test>", Mode::Exec, flags);
    assert!(reached.is_empty(), "{reached:?}");
}
