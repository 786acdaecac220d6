//! Nesting limits: the parser's MAXSTACK and the tokenizer's bracket limit, at the exact depths
//! CPython 3.14.2 reports them (found by bisection with the oracle), without overflowing the
//! Rust stack.

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
