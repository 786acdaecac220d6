//! `feature_version` (ast.parse's `feature_version=(3, N)`): constructs newer than N are
//! SyntaxErrors with CPython's messages and positions (from the oracle:
//! `ast.parse(src, feature_version=(3, N))`).

use pyc_parser::{parse, Mode, ParseError, ParseFlags};

fn error_at_version(source: &str, minor: i32) -> Option<(String, i32, i32, i32)> {
    let flags = ParseFlags {
        feature_version: Some(minor),
        ..ParseFlags::default()
    };
    match parse(source, "<unknown>", Mode::Exec, flags) {
        Ok(_) => None,
        Err(ParseError::Syntax(e)) => Some((
            e.msg,
            e.lineno.unwrap_or(0),
            e.offset.unwrap_or(0),
            e.end_offset.unwrap_or(0),
        )),
        Err(other) => panic!("unexpected {other:?}"),
    }
}

#[test]
fn newer_syntax_is_rejected_with_cpythons_message() {
    let cases: &[(&str, i32, &str, i32, i32, i32)] = &[
        (
            "x = (y := 1)\n",
            7,
            "Assignment expressions are only supported in Python 3.8 and greater",
            1,
            12,
            13,
        ),
        (
            "match x:\n    case 1: pass\n",
            9,
            "Pattern matching is only supported in Python 3.10 and greater",
            2,
            17,
            -1,
        ),
        (
            "def f[T](): pass\n",
            11,
            "Type parameter lists are only supported in Python 3.12 and greater",
            1,
            8,
            9,
        ),
        (
            "x = 1_000\n",
            5,
            "Underscores in numeric literals are only supported in Python 3.6 and greater",
            1,
            5,
            10,
        ),
        (
            "async def f(): await x\n",
            4,
            "Await expressions are only supported in Python 3.5 and greater",
            1,
            23,
            24,
        ),
        (
            "x = a @ b\n",
            4,
            "The '@' operator is only supported in Python 3.5 and greater",
            1,
            10,
            11,
        ),
        (
            "try:\n  pass\nexcept* E:\n  pass\n",
            10,
            "Exception groups are only supported in Python 3.11 and greater",
            4,
            7,
            -1,
        ),
        (
            "t\"x\"\n",
            13,
            "t-strings are only supported in Python 3.14 and greater",
            1,
            4,
            5,
        ),
        (
            "except_ = 1\ntry: pass\nexcept A, B: pass\n",
            13,
            "except expressions without parentheses are only supported in Python 3.14 and greater",
            3,
            18,
            19,
        ),
    ];
    for &(source, minor, msg, lineno, offset, end_offset) in cases {
        let expected = Some((msg.to_string(), lineno, offset, end_offset));
        assert_eq!(
            error_at_version(source, minor),
            expected,
            "{source:?} at 3.{minor}"
        );
    }
}

#[test]
fn parenthesized_with_items_need_no_version_check() {
    assert_eq!(error_at_version("with (a, b): pass\n", 8), None);
}
