//! `decode_source` against `compile()` of the same bytes in the oracle (tests/data/
//! make_decode_errors.py): the decoded text, or the SyntaxError's fields.

use pyc_tokenize::decode_source;
use serde_json::Value;

fn hex_to_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

#[test]
fn decode_source_matches_compile_of_bytes() {
    let mut failures = Vec::new();
    for line in include_str!("data/decode_cases.jsonl").lines() {
        let case: Value = serde_json::from_str(line).expect("JSON line");
        let bytes = hex_to_bytes(case["source_hex"].as_str().expect("source_hex"));
        let result = decode_source(&bytes);
        match (&case["text"], &case["error"], result) {
            (Value::String(expected), _, Ok(text)) if text == expected.as_str() => {}
            (_, Value::Object(expected), Err(err)) => {
                let int = |key: &str| expected[key].as_i64().map(|n| n as i32);
                let want = (
                    expected["msg"].as_str(),
                    int("lineno"),
                    int("offset"),
                    int("end_lineno"),
                    int("end_offset"),
                    expected["text"].as_str(),
                );
                let got = (
                    Some(err.msg.as_str()),
                    err.lineno,
                    err.offset,
                    err.end_lineno,
                    err.end_offset,
                    err.text.as_deref(),
                );
                if want != got {
                    failures.push(format!("{bytes:?}\n  ours   {got:?}\n  oracle {want:?}"));
                }
            }
            (_, _, got) => failures.push(format!("{bytes:?}: got {got:?}, oracle {case}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
