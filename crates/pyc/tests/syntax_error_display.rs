//! SyntaxError display against CPython 3.14's `traceback.format_exception_only` and
//! `py_compile`, on a table of field combinations the oracle rendered
//! (golden/syntax-error-display/make_cases.py writes cases.json).

use pyc::traceback::{format_exception_only, py_compile_message};
use pyc_tokenize::{ErrorType, SyntaxError};
use serde_json::Value;

fn load_cases() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../golden/syntax-error-display/cases.json"
    );
    let text = std::fs::read_to_string(path).expect("golden cases.json is checked in");
    serde_json::from_str::<Vec<Value>>(&text).expect("cases.json is a JSON list")
}

fn int_field(case: &Value, key: &str) -> Option<i32> {
    case[key]
        .as_i64()
        .map(|v| i32::try_from(v).expect("small test value"))
}

fn to_error(case: &Value) -> SyntaxError {
    let error_type = match case["type"].as_str() {
        Some("SyntaxError") => ErrorType::SyntaxError,
        Some("IndentationError") => ErrorType::IndentationError,
        Some("TabError") => ErrorType::TabError,
        other => panic!("unexpected type {other:?}"),
    };
    SyntaxError {
        error_type,
        msg: case["msg"].as_str().unwrap_or_default().to_owned(),
        filename: case["filename"].as_str().unwrap_or_default().to_owned(),
        lineno: int_field(case, "lineno"),
        offset: int_field(case, "offset"),
        end_lineno: int_field(case, "end_lineno"),
        end_offset: int_field(case, "end_offset"),
        text: case["text"].as_str().map(str::to_owned),
    }
}

#[test]
fn syntax_error_display_matches_cpython_traceback() {
    let cases = load_cases();
    assert!(cases.len() >= 500, "the table should be large");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let got = format_exception_only(&to_error(case));
            let want = case["traceback"].as_str().unwrap_or_default();
            (got != want).then(|| format!("{case}\n  got: {got:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} mismatches, first:\n{}",
        failures.len(),
        failures[0]
    );
}

#[test]
fn py_compile_message_and_str_match_cpython() {
    for case in load_cases() {
        let err = to_error(&case);
        let file = case["file_arg"].as_str().unwrap_or_default();
        let want = case["py_compile"].as_str().unwrap_or_default();
        assert_eq!(py_compile_message(&err, file), want, "{case}");
        let want_str = case["str"].as_str().unwrap_or_default();
        assert_eq!(err.to_string(), want_str, "{case}");
    }
}
