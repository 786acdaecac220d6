//! What the tests that compare `pyc::compile` with a table the oracle wrote share: reading the
//! table, comparing the warnings and an exception other than SyntaxError, and reporting every
//! case that differs at once.

use pyc::{Compilation, CompileError};
use serde_json::Value;

/// The JSON list at `path`, relative to the repository root.
pub fn load_json_list(path: &str) -> Vec<Value> {
    let full = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not a JSON list: {e}"))
}

/// Adds to `problems` how the warnings differ from the case's, if they do.
pub fn compare_warnings(compiled: &Compilation, case: &Value, problems: &mut Vec<String>) {
    let warnings: Vec<Value> = compiled
        .warnings
        .iter()
        .map(|w| serde_json::json!([w.category.name(), w.message, w.lineno]))
        .collect();
    if Value::Array(warnings.clone()) != case["warnings"] {
        problems.push(format!("warnings {warnings:?} != {}", case["warnings"]));
    }
}

/// Adds to `problems` how an exception other than SyntaxError differs from the case's.
pub fn compare_other_error(other: &CompileError, case: &Value, problems: &mut Vec<String>) {
    if case["type"].as_str() != Some(other.type_name())
        || case["msg"].as_str() != Some(other.message().as_str())
    {
        problems.push(format!(
            "{}: {} != {} {}",
            other.type_name(),
            other.message(),
            case["type"],
            case["msg"]
        ));
    }
}

/// Fails with every case whose `check` found differences, each named by `describe`.
pub fn assert_every_case_matches(
    cases: &[Value],
    check: impl Fn(&Value) -> Vec<String>,
    describe: impl Fn(&Value) -> String,
) {
    assert!(cases.len() >= 20, "the table should not be empty");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let problems = check(case);
            (!problems.is_empty()).then(|| format!("{}: {}", describe(case), problems.join("; ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
