//! The four modes (exec, eval, single, func_type) and type comments against the oracle:
//! `tests/data/modes.json` holds `ast.dump(ast.parse(src, mode=M, type_comments=True),
//! include_attributes=True)` or the SyntaxError (regenerate with
//! `oracle/python crates/parser/tests/oracle/gen_modes.py`).

use pyc_ast::{dump, DumpOptions};
use pyc_parser::{parse, Mode, ParseError, ParseFlags};

fn mode(name: &str) -> Mode {
    match name {
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" => Mode::FuncType,
        _ => Mode::Exec,
    }
}

fn outcome(m: Mode, src: &str) -> String {
    let flags = ParseFlags {
        type_comments: true,
        ..ParseFlags::default()
    };
    match parse(src, "<unknown>", m, flags) {
        Ok(tree) => {
            let options = DumpOptions {
                include_attributes: true,
                indent: None,
                show_empty: false,
            };
            dump(&tree, options).unwrap_or_else(|e| format!("dump error {e:?}"))
        }
        Err(ParseError::Syntax(e)) => format!(
            "ERR {} {} {} {}",
            e.msg,
            e.lineno.map_or("None".into(), |v| v.to_string()),
            e.offset.map_or("None".into(), |v| v.to_string()),
            e.end_offset.map_or("None".into(), |v| v.to_string())
        ),
        Err(other) => format!("{other:?}"),
    }
}

#[test]
fn every_mode_parses_like_cpython() {
    let cases: serde_json::Value =
        serde_json::from_str(include_str!("data/modes.json")).expect("modes.json is JSON");
    let mut failures = Vec::new();
    for case in cases.as_array().expect("a list of cases") {
        let (m, src, expected) = (
            case["mode"].as_str(),
            case["src"].as_str(),
            case["out"].as_str(),
        );
        let (Some(m), Some(src), Some(expected)) = (m, src, expected) else {
            panic!("malformed case {case}");
        };
        let got = outcome(mode(m), src);
        if got != expected {
            failures.push(format!(
                "{m} {src:?}\n  expected {expected}\n  got      {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
