//! `golden/unparse-trees/cases.txt`: trees (from the oracle's `ast.parse` or built by hand in
//! Python) and exactly what CPython 3.14's `ast.unparse` returns or raises for them.
//! Regenerate with `oracle/python golden/unparse-trees/gen_cases.py`.

use std::path::Path;

use pyc_ast::read_dump;
use pyc_ast::unparse::unparse;

struct Case {
    name: String,
    dump: String,
    /// `Ok(text)` for `--- unparse`, `Err(message)` for `--- error`.
    expected: Result<String, String>,
}

fn read_cases() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../golden/unparse-trees/cases.txt");
    let text = std::fs::read_to_string(&path).expect("golden/unparse-trees/cases.txt");
    let mut cases = Vec::new();
    for block in text.split("=== ").skip(1) {
        let (name, rest) = block.split_once('\n').expect("case name line");
        let (dump, rest) = rest.split_once('\n').expect("dump line");
        let (kind, body) = rest.split_once('\n').expect("result kind line");
        let body = body.strip_suffix('\n').unwrap_or(body).to_string();
        let expected = match kind {
            "--- unparse" => Ok(body),
            "--- error" => Err(body),
            other => panic!("{name}: unknown result kind {other}"),
        };
        cases.push(Case {
            name: name.to_string(),
            dump: dump.to_string(),
            expected,
        });
    }
    cases
}

#[test]
fn unparse_matches_oracle_on_golden_trees() {
    let cases = read_cases();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let tree = match read_dump(&case.dump) {
            Ok(tree) => tree,
            Err(e) => {
                failures.push(format!("{}: read_dump: {e}", case.name));
                continue;
            }
        };
        let actual = unparse(&tree).map_err(|e| e.to_string());
        if actual != case.expected {
            failures.push(format!(
                "{}:\n  expected: {:?}\n  actual:   {:?}",
                case.name, case.expected, actual
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
