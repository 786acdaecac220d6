//! `golden/toolkit/cases.txt`: Lib/ast.py's helpers (fix_missing_locations, increment_lineno,
//! walk, iter_child_nodes, get_docstring, literal_eval) as CPython 3.14 runs them.
//! Regenerate with `oracle/python golden/toolkit/gen_cases.py > golden/toolkit/cases.txt`.

use std::path::Path;

use pyc_ast::constant::Constant;
use pyc_ast::toolkit::{
    fix_missing_locations, get_docstring, increment_lineno, iter_child_nodes, literal_eval, walk,
    NodeRef,
};
use pyc_ast::{dump, read_dump, DumpOptions, Mod};

fn dump_with_attributes(tree: &Mod) -> String {
    let options = DumpOptions {
        include_attributes: true,
        indent: None,
        show_empty: false,
    };
    dump(tree, options).expect("dump")
}

fn body(tree: &Mod) -> &[pyc_ast::Stmt] {
    match tree {
        Mod::Module(module) => &module.body,
        _ => &[],
    }
}

/// Python's `repr` of a `str` result, or of `None`.
fn optional_str_repr(value: Option<pyc_ast::constant::PyStr>) -> String {
    value.map_or_else(|| "None".to_string(), |s| Constant::Str(s).repr())
}

/// What the oracle printed for one case.
fn run(helper: &str, name: &str, tree: Mod) -> String {
    match helper {
        "fix_missing_locations" => dump_with_attributes(&fix_missing_locations(tree)),
        "increment_lineno" => dump_with_attributes(&increment_lineno(tree, 3)),
        "walk" => walk(NodeRef::Mod(&tree))
            .map(|n| n.class_name())
            .collect::<Vec<_>>()
            .join(" "),
        "iter_child_nodes" => {
            let first = NodeRef::Stmt(&body(&tree)[0]);
            iter_child_nodes(first)
                .map(|n| n.class_name())
                .collect::<Vec<_>>()
                .join(" ")
        }
        "get_docstring" | "get_docstring_raw" => {
            let clean = helper == "get_docstring";
            let target = if name.starts_with("module") {
                NodeRef::Mod(&tree)
            } else {
                NodeRef::Stmt(&body(&tree)[0])
            };
            match get_docstring(target, clean) {
                Ok(doc) => optional_str_repr(doc),
                // The generator prints repr() of the error text.
                Err(e) => Constant::str(&e.to_string()).repr(),
            }
        }
        "unparse_node" => {
            let texts: Vec<String> = walk(NodeRef::Mod(&tree))
                .map(|node| match pyc_ast::unparse::unparse_node(node) {
                    Ok(text) => Constant::str(&text).repr(),
                    Err(e) => e.to_string(),
                })
                .collect();
            format!("[{}]", texts.join(", "))
        }
        "literal_eval" => {
            let Mod::Expression(expression) = &tree else {
                panic!("{name}: not an Expression")
            };
            match literal_eval(&expression.body) {
                Ok(value) => value.repr(),
                Err(e) => e.to_string(),
            }
        }
        other => panic!("unknown helper {other}"),
    }
}

#[test]
fn toolkit_helpers_match_oracle() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../golden/toolkit/cases.txt");
    let text = std::fs::read_to_string(&path).expect("golden/toolkit/cases.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for block in text.split("=== ").skip(1) {
        let lines: Vec<&str> = block.lines().collect();
        let [title, input, expected] = lines[..] else {
            panic!("malformed case: {block}")
        };
        let (helper, name) = title.split_once(' ').expect("helper and name");
        count += 1;
        let tree = read_dump(input).unwrap_or_else(|e| panic!("{title}: {e}"));
        let actual = run(helper, name, tree);
        if actual != expected {
            failures.push(format!(
                "{title}:\n  expected: {expected}\n  actual:   {actual}"
            ));
        }
    }
    assert!(count >= 80, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
