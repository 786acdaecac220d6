//! The code generator's SyntaxErrors and SyntaxWarnings through `pyc::compile`, against CPython
//! 3.14.2's `compile()` on a table the oracle produced (golden/codegen-checks/make_cases.py
//! writes cases.json), for what the golden `errors` cases cannot express: the `eval` and
//! `single` modes, `PyCF_ALLOW_TOP_LEVEL_AWAIT`, the future import as a flag, optimization
//! levels, valid programs whose only output is a warning, and the depth at which deep chains of
//! expressions exhaust the code generator's C stack (measure_c_stack.py writes
//! c_stack_thresholds.json).

mod common;

use common::{assert_every_case_matches, compare_other_error, compare_warnings, load_json_list};
use pyc::{compile, CompileError, Mode, Source};
use serde_json::Value;

fn load_cases() -> Vec<Value> {
    load_json_list("golden/codegen-checks/cases.json")
}

fn mode(name: &str) -> Mode {
    match name {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        other => panic!("unknown mode {other}"),
    }
}

/// The differences between what pyc did and what the oracle recorded (empty: the same).
fn check_case(case: &Value) -> Vec<String> {
    let source = case["source"].as_str().expect("source");
    let flags = u32::try_from(case["flags"].as_u64().expect("flags")).expect("small flags");
    let optimize = i32::try_from(case["optimize"].as_i64().expect("optimize")).expect("level");
    let mode = mode(case["mode"].as_str().expect("mode"));
    let compiled = compile(Source::Str(source), "<case>", mode, flags, optimize);
    let mut problems = Vec::new();
    compare_warnings(&compiled, case, &mut problems);
    match (case["outcome"].as_str(), &compiled.result) {
        // CPython returns code, which needs the rest of code generation.
        (Some("ok"), Err(CompileError::CodegenNotPorted)) => {}
        (Some("error"), Err(CompileError::Syntax(raised))) => {
            let err = &raised.error;
            let position =
                serde_json::json!([err.lineno, err.offset, err.end_lineno, err.end_offset]);
            if case["type"].as_str() != Some(err.error_type.name()) {
                problems.push(format!(
                    "type {} != {}",
                    err.error_type.name(),
                    case["type"]
                ));
            }
            if case["msg"].as_str() != Some(err.msg.as_str()) {
                problems.push(format!("msg {:?} != {}", err.msg, case["msg"]));
            }
            if position != case["position"] {
                problems.push(format!("position {position} != {}", case["position"]));
            }
        }
        (Some("error"), Err(other)) => compare_other_error(other, case, &mut problems),
        (outcome, result) => problems.push(format!("oracle {outcome:?}, pyc {result:?}")),
    }
    problems
}

#[test]
fn codegen_errors_and_warnings_match_cpython_compile_in_every_mode() {
    assert_every_case_matches(&load_cases(), check_case, |case| {
        format!(
            "{:?} {} flags {} -O{}",
            case["source"], case["mode"], case["flags"], case["optimize"]
        )
    });
}

/// Writes a chain of the given depth.
type ChainMaker = fn(usize) -> String;

/// The first error the oracle recorded for a chain too deep for the code generator.
fn stack_overflow_message() -> String {
    load_cases()
        .iter()
        .find(|case| case["type"] == "RecursionError")
        .and_then(|case| case["msg"].as_str())
        .expect("cases.json has a RecursionError case")
        .to_string()
}

#[test]
fn deep_chains_exhaust_the_c_stack_at_cpythons_depth_in_every_context() {
    let cases = load_json_list("golden/codegen-checks/c_stack_thresholds.json");
    assert!(cases.len() >= 40, "the table should not be empty");
    let message = stack_overflow_message();
    let chains: [(&str, ChainMaker); 3] = [
        ("bin", |n| format!("a{}", "+a".repeat(n))),
        ("call", |n| format!("a{}", "()".repeat(n))),
        ("sub", |n| format!("a{}", "[0]".repeat(n))),
    ];
    let mut failures = Vec::new();
    // One chain shape per context (in turn), at the deepest chain CPython compiles and one
    // level deeper: every shape and context is in the table, this keeps the test quick.
    for (i, case) in cases.iter().enumerate() {
        let (chain, make) = chains[i % chains.len()];
        let template = case["template"].as_str().expect("template");
        let deepest = usize::try_from(case[chain].as_u64().expect("depth")).expect("depth");
        for (depth, fails) in [(deepest, false), (deepest + 1, true)] {
            let source = format!("{}\n", template.replace("CHAIN", &make(depth)));
            let compiled = compile(Source::Str(&source), "<case>", Mode::Exec, 0, -1);
            let ok = match &compiled.result {
                Err(CompileError::Recursion(msg)) => fails && *msg == message,
                Err(CompileError::CodegenNotPorted) => !fails,
                _ => false,
            };
            if !ok {
                failures.push(format!(
                    "{} {chain} x{depth}: {:?}",
                    case["context"],
                    compiled.result.err()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
