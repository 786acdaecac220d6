//! `golden/validate/cases.txt`: malformed trees and the exception CPython 3.14's
//! `compile(tree, "<ast>", "exec")` raises for each. Regenerate with
//! `oracle/python golden/validate/gen_cases.py > golden/validate/cases.txt`.

use std::path::Path;

use pyc_ast::read_dump;
use pyc_ast::validate::validate;

#[test]
fn validate_rejects_malformed_trees_with_oracle_messages() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../golden/validate/cases.txt");
    let text = std::fs::read_to_string(&path).expect("golden/validate/cases.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for block in text.split("== ").skip(1) {
        let lines: Vec<&str> = block.lines().collect();
        let [name, dump, expected] = lines[..] else {
            panic!("malformed case: {block}");
        };
        count += 1;
        let tree = match read_dump(dump) {
            Ok(tree) => tree,
            Err(e) => {
                failures.push(format!("{name}: read_dump: {e}"));
                continue;
            }
        };
        let actual = match validate(&tree) {
            Ok(()) => "accepted".to_string(),
            Err(e) => e.to_string(),
        };
        if actual != expected {
            failures.push(format!(
                "{name}:\n  expected: {expected}\n  actual:   {actual}"
            ));
        }
    }
    assert!(count >= 60, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn validate_accepts_parsed_trees() {
    // Every tree in the preprocess and unparse goldens came from ast.parse and is valid.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../golden");
    let text = std::fs::read_to_string(root.join("preprocess/cases.txt")).expect("cases");
    for block in text.split("=== ").skip(1) {
        let mut lines = block.lines();
        let name = lines.next().expect("name");
        let tree = read_dump(lines.next().expect("dump")).expect("read_dump");
        assert_eq!(validate(&tree), Ok(()), "{name}");
    }
}
