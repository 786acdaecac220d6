//! SyntaxErrors against the oracle: `tests/data/syntax_errors.txt` holds, for each case, what
//! CPython 3.14.2's `compile(src, "<s>", "exec", PyCF_ONLY_AST)` raised (regenerate with
//! `oracle/python crates/parser/tests/oracle/gen_syntax_errors.py`).

use pyc_parser::{parse, Mode, ParseError, ParseFlags};

/// Decodes one JSON string literal (the generator writes `json.dumps(case)`).
fn json_string(text: &str) -> String {
    let inner = &text[1..text.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(code).expect("BMP code point"));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

fn outcome(source: &str) -> String {
    match parse(source, "<s>", Mode::Exec, ParseFlags::default()) {
        Ok(_) => "OK".to_string(),
        Err(ParseError::Syntax(e)) => {
            let opt = |v: Option<i32>| v.map_or("None".to_string(), |v| v.to_string());
            format!(
                "{}|{}|{}|{}|{}|{}",
                e.error_type.name(),
                e.msg,
                opt(e.lineno),
                opt(e.offset),
                opt(e.end_lineno),
                opt(e.end_offset)
            )
        }
        Err(other) => format!("{other:?}"),
    }
}

#[test]
fn syntax_errors_match_cpython() {
    let data = include_str!("data/syntax_errors.txt");
    let lines: Vec<&str> = data.lines().collect();
    let mut failures = Vec::new();
    for pair in lines.chunks(2) {
        let source = json_string(pair[0]);
        let got = outcome(&source);
        if got != pair[1] {
            failures.push(format!(
                "{}\n  expected {}\n  got      {}",
                pair[0], pair[1], got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        lines.len() / 2,
        failures.join("\n")
    );
}
