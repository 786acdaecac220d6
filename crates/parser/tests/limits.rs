//! Limits: the parser's MAXSTACK (unary `-`, `not`, `lambda:`), the tokenizer's bracket and
//! indentation limits, at the exact depths CPython 3.14.2 reports them (found by bisection with
//! the oracle); long left-recursive chains and very large inputs that CPython parses, without
//! overflowing the Rust stack.

use pyc_ast::constant::Constant;
use pyc_ast::{Expr, Location, Mod, Stmt};
use pyc_parser::{parse, Mode, ParseError, ParseFlags};

fn parse_exec(source: &str) -> Result<pyc_ast::Mod, ParseError> {
    parse(source, "<unknown>", Mode::Exec, ParseFlags::default())
}

fn is_stack_overflow(result: &Result<pyc_ast::Mod, ParseError>) -> bool {
    matches!(result, Err(ParseError::Memory(msg)) if msg == "Parser stack overflowed - Python source too complex to parse")
}

#[test]
fn unary_minus_chain_overflows_the_parser_stack_where_cpython_does() {
    assert!(parse_exec(&format!("{}1", "-".repeat(5968))).is_ok());
    assert!(is_stack_overflow(&parse_exec(&format!(
        "{}1",
        "-".repeat(5969)
    ))));
    assert!(parse_exec(&format!("x = {}1", "-".repeat(5966))).is_ok());
    assert!(is_stack_overflow(&parse_exec(&format!(
        "x = {}1",
        "-".repeat(5967)
    ))));
}

#[test]
fn very_deep_input_is_an_error_not_a_crash() {
    assert!(is_stack_overflow(&parse_exec(&format!(
        "{}1",
        "-".repeat(100_000)
    ))));
}

#[test]
fn two_hundred_parentheses_nest_and_one_more_is_too_many() {
    let ok = format!("{}1{}", "(".repeat(200), ")".repeat(200));
    assert!(parse_exec(&ok).is_ok());
    let too_deep = format!("{}1{}", "(".repeat(201), ")".repeat(201));
    match parse_exec(&too_deep) {
        Err(ParseError::Syntax(e)) => assert_eq!(e.msg, "too many nested parentheses"),
        other => panic!("expected the tokenizer's error, got {other:?}"),
    }
}

#[test]
fn not_chain_overflows_the_parser_stack_where_cpython_does() {
    assert!(parse_exec(&format!("{}1", "not ".repeat(5968))).is_ok());
    assert!(is_stack_overflow(&parse_exec(&format!(
        "{}1",
        "not ".repeat(5969)
    ))));
    assert!(parse_exec(&format!("x = {}1", "not ".repeat(5966))).is_ok());
    assert!(is_stack_overflow(&parse_exec(&format!(
        "x = {}1",
        "not ".repeat(5967)
    ))));
    assert!(is_stack_overflow(&parse_exec(&format!(
        "{}1",
        "not ".repeat(100_000)
    ))));
}

#[test]
fn lambda_chain_overflows_the_parser_stack_where_cpython_does() {
    assert!(parse_exec(&format!("{}1", "lambda: ".repeat(2984))).is_ok());
    assert!(is_stack_overflow(&parse_exec(&format!(
        "{}1",
        "lambda: ".repeat(2985)
    ))));
    assert!(parse_exec(&format!("x = {}1", "lambda: ".repeat(2983))).is_ok());
    assert!(is_stack_overflow(&parse_exec(&format!(
        "x = {}1",
        "lambda: ".repeat(2984)
    ))));
    assert!(is_stack_overflow(&parse_exec(&format!(
        "{}1",
        "lambda: ".repeat(100_000)
    ))));
}

/// `if 1:` nested `depth` times, each one `indent` deeper, around a `pass`.
fn nested_ifs(depth: usize, indent: &str) -> String {
    let mut source = String::new();
    for level in 0..depth {
        source.push_str(&indent.repeat(level));
        source.push_str("if 1:\n");
    }
    source.push_str(&indent.repeat(depth));
    source.push_str("pass\n");
    source
}

#[test]
fn ninety_nine_indentation_levels_nest_and_a_hundredth_is_too_many() {
    for indent in [" ", "\t"] {
        assert!(parse_exec(&nested_ifs(99, indent)).is_ok());
        match parse_exec(&nested_ifs(100, indent)) {
            Err(ParseError::Syntax(e)) => {
                assert_eq!(e.error_type, pyc_tokenize::ErrorType::IndentationError);
                assert_eq!(e.msg, "too many levels of indentation");
                assert_eq!(
                    (e.lineno, e.offset, e.end_lineno, e.end_offset),
                    (Some(101), Some(1), Some(101), Some(0))
                );
                // `text` is not compared: CPython's keeps the line's "\n", the tokenizer's
                // errors of this kind (also TabError and the line-continuation error) drop it.
            }
            other => panic!("expected the tokenizer's IndentationError, got {other:?}"),
        }
    }
}

/// `prefix'{...}'` nested `depth` times around `1`: `f'{f'{1}'}'` for 2.
fn nested_template_strings(depth: usize, prefix: &str) -> String {
    let mut source = "1".to_string();
    for _ in 0..depth {
        source = format!("{prefix}'{{{source}}}'");
    }
    source
}

#[test]
fn hundred_forty_nine_nested_fstrings_parse_and_a_hundred_fiftieth_is_too_many() {
    for prefix in ["f", "t"] {
        assert!(parse_exec(&nested_template_strings(149, prefix)).is_ok());
        match parse_exec(&nested_template_strings(150, prefix)) {
            Err(ParseError::Syntax(e)) => {
                assert_eq!(e.msg, "too many nested f-strings or t-strings");
                assert_eq!(
                    (e.lineno, e.offset, e.end_lineno, e.end_offset),
                    (Some(1), Some(449), Some(1), Some(449))
                );
            }
            other => panic!("expected the tokenizer's error, got {other:?}"),
        }
    }
}

#[test]
fn format_specs_nest_until_the_bracket_limit() {
    let nested_specs = |depth: usize| {
        let mut source = "x".to_string();
        for _ in 0..depth {
            source = format!("f'{{x:{{{source}}}}}'");
        }
        source
    };
    assert!(parse_exec(&nested_specs(100)).is_ok());
    match parse_exec(&nested_specs(200)) {
        Err(ParseError::Syntax(e)) => {
            assert_eq!(e.msg, "too many nested parentheses");
            assert_eq!(
                (e.lineno, e.offset, e.end_lineno, e.end_offset),
                (Some(1), Some(603), Some(1), Some(603))
            );
        }
        other => panic!("expected the tokenizer's error, got {other:?}"),
    }
}

/// The expression of a module holding exactly one expression statement.
fn only_expression(tree: &Mod) -> &Expr {
    match tree {
        Mod::Module(module) => match module.body.as_slice() {
            [Stmt::Expr(stmt)] => &stmt.value,
            other => panic!(
                "expected one expression statement, got {} statements",
                other.len()
            ),
        },
        _ => panic!("expected a module"),
    }
}

/// How many nodes of the chain's own kind sit on the left spine below `expr` (a chain of `n`
/// links built left-recursively, as CPython builds it, has depth `n`), and the leaf under them.
fn left_spine(expr: &Expr) -> (usize, &Expr) {
    let mut depth = 0;
    let mut node = expr;
    loop {
        node = match node {
            Expr::BinOp(op) => &op.left,
            Expr::Attribute(attribute) => &attribute.value,
            Expr::Call(call) => &call.func,
            Expr::Subscript(subscript) => &subscript.value,
            leaf => return (depth, leaf),
        };
        depth += 1;
    }
}

/// Parses a one-line chain, checks its depth, its span and its leaf, and drops the tree
/// without recursion: a recursive drop of a 100 000-level tree overflows a test thread's stack.
fn assert_chain_parses(source: &str, links: usize, leaf_is: fn(&Expr) -> bool) {
    let tree = match parse_exec(source) {
        Ok(tree) => tree,
        Err(e) => panic!("the chain does not parse: {e:?}"),
    };
    let expr = only_expression(&tree);
    let (depth, leaf) = left_spine(expr);
    assert_eq!(depth, links);
    assert!(leaf_is(leaf), "unexpected leaf {leaf:?}");
    let end = i32::try_from(source.len()).unwrap_or(i32::MAX);
    assert_eq!(expr.loc(), Location::new(1, 0, 1, end));
    pyc_ast::drop_deep(tree);
}

fn is_one(expr: &Expr) -> bool {
    matches!(expr, Expr::Constant(c) if c.value == Constant::Int(1.into()))
}

fn name_is(expr: &Expr, id: &str) -> bool {
    matches!(expr, Expr::Name(name) if &*name.id == id)
}

// CPython parses these chains too and only fails later (a RecursionError while compiling or,
// from `ast.parse`, while building the Python objects, depending on its C stack); the oracle
// (wasm, 3.14.2) gives `ast.parse` a module for all four.

#[test]
fn hundred_thousand_term_sum_parses() {
    let source = vec!["1"; 100_000].join("+");
    assert_chain_parses(&source, 99_999, is_one);
}

#[test]
fn hundred_thousand_attribute_chain_parses() {
    assert_chain_parses(&format!("x{}", ".a".repeat(100_000)), 100_000, |leaf| {
        name_is(leaf, "x")
    });
}

#[test]
fn hundred_thousand_call_chain_parses() {
    assert_chain_parses(&format!("f{}", "()".repeat(100_000)), 100_000, |leaf| {
        name_is(leaf, "f")
    });
}

#[test]
fn hundred_thousand_subscript_chain_parses() {
    assert_chain_parses(&format!("x{}", "[0]".repeat(100_000)), 100_000, |leaf| {
        name_is(leaf, "x")
    });
}

/// A single line of about 10 MB: `[1,1,...,1]` (flat: one List of five million elements).
fn ten_megabyte_list() -> String {
    format!("[{}]", "1,".repeat(5_000_000))
}

// The 10 MB inputs take tens of seconds in a debug build, so they run in release builds only
// (`cargo test --release -p pyc-parser --test limits`).

#[test]
#[cfg_attr(debug_assertions, ignore)]
fn ten_megabyte_flat_line_parses() {
    let source = ten_megabyte_list();
    let tree = match parse_exec(&source) {
        Ok(tree) => tree,
        Err(e) => panic!("the list does not parse: {e:?}"),
    };
    match only_expression(&tree) {
        Expr::List(list) => {
            assert_eq!(list.elts.len(), 5_000_000);
            let end = i32::try_from(source.len()).unwrap_or(i32::MAX);
            assert_eq!(list.loc, Location::new(1, 0, 1, end));
        }
        other => panic!("expected a list, got {other:?}"),
    }
    pyc_ast::drop_deep(tree);
}

/// The oracle's `ast.parse` exhausts the wasm build's JS stack on this one (a fatal error in
/// pyodide); a native CPython parses it and raises RecursionError later. pyc parses it.
#[test]
#[cfg_attr(debug_assertions, ignore)]
fn ten_megabyte_deep_line_parses() {
    let source = vec!["1"; 5_000_000].join("+");
    assert_chain_parses(&source, 4_999_999, is_one);
}

#[test]
#[cfg_attr(debug_assertions, ignore)]
fn million_line_file_parses() {
    let source = "x = 1\n".repeat(1_000_000);
    let tree = match parse_exec(&source) {
        Ok(tree) => tree,
        Err(e) => panic!("the file does not parse: {e:?}"),
    };
    match &tree {
        Mod::Module(module) => {
            assert_eq!(module.body.len(), 1_000_000);
            assert_eq!(
                module.body[999_999].loc(),
                Location::new(1_000_000, 0, 1_000_000, 5)
            );
        }
        _ => panic!("expected a module"),
    }
    pyc_ast::drop_deep(tree);
}

/// Operator chains near MAXSTACK, at every level and in every statement and bracket: the first
/// pass parses a chain from its left corner only well below the limit, and rule by rule nearer
/// to it, and a rule parsed again where CPython's memo would answer goes past the limit (CPython
/// does not descend there), so that the overflow comes exactly where CPython's does. Each case:
/// the smallest repeat count at which the oracle overflows (`tests/oracle/gen_chain_limits.py`);
/// one fewer parses.
#[test]
fn operator_chains_overflow_the_parser_stack_where_cpython_does() {
    let data = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/chain_limits.json"
    ))
    .expect("tests/data/chain_limits.json");
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(&data).expect("chain_limits.json is a JSON list");
    assert!(cases.len() >= 60);
    let mut failures = Vec::new();
    for case in &cases {
        let text = |key: &str| case[key].as_str().expect("a string field").to_string();
        let first_overflow = case["first_overflow"].as_u64().expect("a count") as usize;
        let source =
            |k: usize| format!("{}{}{}", text("head"), text("unit").repeat(k), text("tail"));
        let below = parse_exec(&source(first_overflow - 1));
        let at = parse_exec(&source(first_overflow));
        if below.is_err() || !is_stack_overflow(&at) {
            failures.push(format!(
                "{:?} {:?}*k {:?}: k={} parses: {}, k={} overflows: {}",
                text("head"),
                text("unit"),
                text("tail"),
                first_overflow - 1,
                below.is_ok(),
                first_overflow,
                is_stack_overflow(&at)
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
