//! `pyc::compile` against CPython 3.14.2's `compile()` on a table the oracle produced
//! (golden/compile-facade/make_cases.py writes cases.json): the exception and its fields,
//! `_metadata`, traceback's display (keyword typos included) and the warnings, for full
//! compiles, `PyCF_ONLY_AST`, codeop's incomplete-input flags, and `_feature_version`.

mod common;

use common::{assert_every_case_matches, compare_other_error, compare_warnings, load_json_list};
use pyc::{compile, compile_with_feature_version, CompileError, Mode, Source};
use serde_json::Value;

fn load_cases() -> Vec<Value> {
    load_json_list("golden/compile-facade/cases.json")
}

fn int(value: &Value) -> Option<i32> {
    value
        .as_i64()
        .map(|v| i32::try_from(v).expect("small test value"))
}

/// The differences between what pyc did and what the oracle recorded, as text (empty: same).
fn check_case(case: &Value) -> Vec<String> {
    let source = case["source"].as_str().expect("source");
    let flags = u32::try_from(case["flags"].as_u64().expect("flags")).expect("small flags");
    let feature_version = int(&case["feature_version"]).unwrap_or(-1);
    let compiled = compile_with_feature_version(
        Source::Str(source),
        "<case>",
        Mode::Exec,
        flags,
        -1,
        feature_version,
    );
    let mut problems = Vec::new();
    compare_warnings(&compiled, case, &mut problems);
    match (case["outcome"].as_str(), &compiled.result) {
        // Without PyCF_ONLY_AST CPython returns code, which needs the codegen stage.
        (Some("ok"), Err(CompileError::CodegenNotPorted)) if flags & pyc::PYCF_ONLY_AST == 0 => {}
        (Some("ok"), Ok(_)) if flags & pyc::PYCF_ONLY_AST != 0 => {}
        (Some("error"), Err(CompileError::Syntax(raised))) => {
            let err = &raised.error;
            let fields = [
                (
                    "type",
                    Value::from(err.error_type.name()),
                    case["type"].clone(),
                ),
                ("msg", Value::from(err.msg.as_str()), case["msg"].clone()),
                ("lineno", err.lineno.into(), int(&case["lineno"]).into()),
                ("offset", err.offset.into(), int(&case["offset"]).into()),
                (
                    "end_lineno",
                    err.end_lineno.into(),
                    int(&case["end_lineno"]).into(),
                ),
                (
                    "end_offset",
                    err.end_offset.into(),
                    int(&case["end_offset"]).into(),
                ),
                ("text", err.text.as_deref().into(), case["text"].clone()),
            ];
            for (name, got, want) in fields {
                if got != want {
                    problems.push(format!("{name}: {got} != {want}"));
                }
            }
            let metadata = raised
                .metadata
                .as_ref()
                .map(|m| serde_json::json!([m.line, m.offset]));
            if metadata.clone().unwrap_or(Value::Null) != case["metadata"] {
                problems.push(format!("metadata {metadata:?} != {}", case["metadata"]));
            }
            let display = pyc::traceback::format_raised_syntax_error(raised);
            if case["display"].as_str() != Some(display.as_str()) {
                problems.push(format!("display {display:?} != {}", case["display"]));
            }
        }
        (Some("error"), Err(other)) => compare_other_error(other, case, &mut problems),
        (outcome, result) => problems.push(format!("oracle {outcome:?}, pyc {result:?}")),
    }
    problems
}

#[test]
fn compile_matches_cpython_compile_builtin() {
    assert_every_case_matches(&load_cases(), check_case, |case| {
        format!("{:?} flags {}", case["source"], case["flags"])
    });
}

#[test]
fn unknown_flags_are_a_value_error() {
    let compiled = compile(Source::Str("x = 1\n"), "<case>", Mode::Exec, 0x1, -1);
    assert_eq!(
        compiled.result,
        Err(CompileError::Value(
            "compile(): unrecognised flags".to_string()
        ))
    );
}

#[test]
fn deep_expression_chain_is_a_recursion_error_value_not_a_crash() {
    // CPython raises RecursionError here too; its message names the C stack it measured
    // ("Stack overflow (used N kB) during compilation"), so only the class is pinned.
    let source = format!("x = 1{}\n", " + 1".repeat(100_000));
    let compiled = compile(Source::Str(&source), "<case>", Mode::Exec, 0, -1);
    assert!(
        matches!(compiled.result, Err(CompileError::Recursion(_))),
        "{:?}",
        compiled.result.err()
    );
}
