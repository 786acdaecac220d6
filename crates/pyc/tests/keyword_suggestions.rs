//! Keyword suggestions against CPython 3.14's `_suggestions._generate_suggestions` and
//! `difflib.get_close_matches` over keyword.kwlist, on a table the oracle produced
//! (golden/keyword-suggestions/make_cases.py writes cases.json).

use pyc::suggestions::{generate_suggestion, get_close_matches};
use serde_json::Value;

fn load() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../golden/keyword-suggestions/cases.json"
    );
    let text = std::fs::read_to_string(path).expect("golden cases.json is checked in");
    serde_json::from_str(&text).expect("cases.json is JSON")
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().expect("a string"))
        .collect()
}

#[test]
fn keyword_suggestions_match_cpython() {
    let data = load();
    let kwlist = strings(&data["kwlist"]);
    let cases = data["cases"].as_array().expect("cases");
    assert!(cases.len() > 1000);
    let mut failures = Vec::new();
    for case in cases {
        let word = case["word"].as_str().expect("word");
        let want_suggestion = case["suggestion"].as_str();
        let want_close = strings(&case["close"]);
        let got_suggestion = generate_suggestion(&kwlist, word);
        let got_close = get_close_matches(word, &kwlist, 3, 0.5);
        if got_suggestion != want_suggestion || got_close != want_close {
            failures.push(format!(
                "{word:?}: want {want_suggestion:?} {want_close:?}, got {got_suggestion:?} {got_close:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
