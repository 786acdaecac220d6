//! Inputs where the grammar tries several alternatives over the same nested text (a tuple, then
//! a group, then a generator for `(`; a dict, then a set, then comprehensions for `{`; targets,
//! then expressions, for a statement). The memo and the shared first items keep each nesting
//! level's work bounded; without them these take exponential time, so the tests would not end.

use pyc_parser::{parse, Mode, ParseFlags};

fn parses(source: &str) -> bool {
    match parse(source, "<test>", Mode::Exec, ParseFlags::default()) {
        Ok(tree) => {
            pyc_ast::drop_deep(tree);
            true
        }
        Err(_) => false,
    }
}

/// `open` * depth + `middle` + `close` * depth, on one line.
fn nested(open: &str, middle: &str, close: &str, depth: usize) -> String {
    format!("{}{middle}{}\n", open.repeat(depth), close.repeat(depth))
}

#[test]
fn nested_displays_and_calls_parse() {
    let cases = [
        nested("f(", "x", ")", 199),
        nested("(", "x", ")", 199),
        nested("[", "x", "]", 199),
        nested("{a: ", "x", "}", 199),
        nested("{", "x", "}", 199),
        nested("a[", "x", "]", 199),
        nested("f(", "x", ", k=1)", 199),
        nested("f([{(", "x", ")}])", 49),
        nested("[", "x for x in y", "]", 199),
        nested("{", "k: v for k, v in y", "}", 100),
    ];
    for source in &cases {
        assert!(parses(source), "{source}");
    }
}

#[test]
fn nested_inputs_with_a_syntax_error_end() {
    // The error makes the parser run again with the `invalid_` rules, which try more.
    let cases = [
        nested("f(", "x", ")", 199).replace('\n', " +\n"),
        nested("{a: ", "x", "}", 150).replace('\n', " $\n"),
        nested("f([{(", "x", ")}])", 49).replace('\n', " = 1 1\n"),
        nested("[", "x + not y", "]", 150),
        nested("(", "a * not b", ")", 150),
    ];
    for source in &cases {
        assert!(!parses(source), "{source}");
    }
}

#[test]
fn long_trailer_chains_in_statement_position_parse() {
    // Tried as an assignment target first, then as an expression.
    let source = format!("x{}\n", ".a(b)[c]".repeat(2000));
    assert!(parses(&source));
    let assignment = format!("x{} = 1\n", ".a(b)[c]".repeat(2000));
    assert!(parses(&assignment));
}

/// Every nesting shape in every statement position that tries it several ways (as a target,
/// then as an expression; with an error at the end, again with the `invalid_` rules), 60
/// levels deep: two parses per level would be 2^60. Targets that are not targets (`1`) make
/// `star_atom` and `del_t_atom` try both of their parenthesized forms.
#[test]
fn every_nesting_shape_in_every_statement_position_stays_linear() {
    let shapes = [
        ("(", "1", ")"),
        ("(", "x", ")"),
        ("[", "1", "]"),
        ("-(", "1", ")"),
        ("not (", "1", ")"),
        ("[*(", "1", ")]"),
        ("await (", "1", ")"),
        ("(lambda: ", "1", ")"),
        ("x[(", "1", ")]"),
        ("x[1:(", "1", ")]"),
        ("{1: (", "1", ")}"),
        ("{(", "1", ")}"),
        ("f(k=(", "1", "))"),
        ("(", "x for x in y", ")"),
        ("f(", "x for x in y", ")"),
        ("f(", "1", ", 2)"),
        ("[x for x in (", "y", ") if x]"),
        ("(y := (", "1", "))"),
        ("2 ** (", "1", ")"),
        ("a < (", "1", ")"),
        ("(a if b else ", "1", ")"),
        ("(", "f'{x}'", ")"),
    ];
    let statements = [
        "{}\n",
        "z = {}\n",
        "{} = 2\n",
        "del {}\n",
        "for {} in b: pass\n",
        "with {}: pass\n",
        "{} += 1\n",
        "def f():\n    return {}\n",
        "x: {} = 1\n",
        "{} $\n",
    ];
    for (open, middle, close) in shapes {
        let expression = nested(open, middle, close, 60);
        let expression = expression.trim_end();
        for statement in statements {
            let source = statement.replace("{}", expression);
            // Only that it ends matters here; which of these are valid is the oracle's
            // business (the conformance corpora).
            let _ = parses(&source);
        }
    }
}

/// Nested patterns, where `as_pattern` and then `pattern` ask for the same `or_pattern` at
/// every level, and a sequence in parentheses is tried as a group first: 60 levels deep, two
/// parses per level would be 2^60.
#[test]
fn nested_patterns_stay_linear() {
    let shapes = [
        ("[(", "1", ")]"),
        ("(", "x", ")"),
        ("[", "*x", "]"),
        ("(", "1 | 2", ",)"),
        ("{1: [", "x", "]}"),
        ("C(", "x", ")"),
        ("C(a=[", "x", "])"),
        ("(", "x as y", ")"),
        ("[1, (", "2", ")]"),
    ];
    for (open, middle, close) in shapes {
        let pattern = nested(open, middle, close, 60);
        let pattern = pattern.trim_end();
        for source in [
            format!("match x:\n    case {pattern}: pass\n"),
            format!("match x:\n    case {pattern} $: pass\n"),
        ] {
            let _ = parses(&source);
        }
    }
}
