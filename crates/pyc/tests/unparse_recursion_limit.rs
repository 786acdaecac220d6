//! Where `ast.unparse` runs out of Python frames: the largest chain of operators the oracle's
//! `print(ast.unparse(ast.parse(source)))` still writes in each context, one more raising
//! RecursionError. Measured with `crates/ast/tests/oracle/recursion_boundary.py` (41 shapes,
//! all equal); a sample is pinned here.

use pyc_parser::{Mode, ParseFlags};

fn chain(n: usize) -> String {
    vec!["a"; n + 1].join("+")
}

/// A context, its source with `n` operators, and the oracle's largest `n` that is written.
type Case = (&'static str, fn(usize) -> String, usize);

fn cases() -> Vec<Case> {
    vec![
        ("module assignment", |n| format!("x = {}", chain(n)), 327),
        (
            "function body",
            |n| format!("def f():\n    return {}", chain(n)),
            325,
        ),
        (
            "method body",
            |n| format!("class C:\n    def f(self):\n        return {}", chain(n)),
            323,
        ),
        (
            "except handler",
            |n| format!("try:\n    pass\nexcept E:\n    x = {}", chain(n)),
            324,
        ),
        (
            "f-string field",
            |n| format!("x = f'{{{}}}'", chain(n)),
            324,
        ),
        (
            "format spec",
            |n| format!("x = f'{{y:{{{}}}}}'", chain(n)),
            323,
        ),
        ("dict value", |n| format!("{{1: {}}}", chain(n)), 325),
        (
            "attribute chain",
            |n| format!("x = a{}", ".b".repeat(n)),
            327,
        ),
        (
            "nested scopes",
            |n| {
                format!(
                    "def f():\n    def g():\n        class C:\n            x = {}",
                    chain(n)
                )
            },
            321,
        ),
    ]
}

fn unparse_source(source: &str) -> Result<String, pyc_ast::unparse::UnparseError> {
    let tree = pyc_parser::parse(source, "<unknown>", Mode::Exec, ParseFlags::default())
        .expect("the source parses");
    let result = pyc_ast::unparse::unparse(&tree);
    pyc_ast::drop_deep(tree);
    result
}

#[test]
fn unparse_runs_out_of_frames_where_python_does() {
    for (context, source, largest) in cases() {
        assert!(
            unparse_source(&source(largest)).is_ok(),
            "{context}: {largest} operators"
        );
        let error = unparse_source(&source(largest + 1)).expect_err(context);
        assert_eq!(
            error.to_string(),
            "RecursionError: maximum recursion depth exceeded",
            "{context}"
        );
    }
}
