//! `golden/preprocess/cases.txt`: what CPython 3.14's `_PyAST_Preprocess` does to a tree at
//! optimize levels 0, 1 and 2, and the PEP 765 warnings it emits when compiling.
//! Regenerate with `oracle/python golden/preprocess/gen_cases.py`.

use std::path::Path;

use pyc_ast::preprocess::{
    preprocess, PreprocessError, PreprocessFlags, SyntaxWarning, WarningSink,
};
use pyc_ast::{dump, read_dump, DumpOptions, Mod, Stmt};

struct Case {
    name: String,
    input: String,
    /// The oracle's dump at optimize 0, 1 and 2.
    levels: [String; 3],
    /// `lineno:message` of each warning.
    warnings: Vec<String>,
    /// `lineno offset end_lineno end_offset message` of the first warning raised as an error.
    first_as_error: Option<String>,
}

fn read_cases() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../golden/preprocess/cases.txt");
    let text = std::fs::read_to_string(&path).expect("golden/preprocess/cases.txt");
    text.split("=== ").skip(1).map(parse_case).collect()
}

fn parse_case(block: &str) -> Case {
    let mut lines = block.lines();
    let mut next = |expected_header: Option<&str>| {
        let line = lines.next().expect("truncated case");
        if let Some(header) = expected_header {
            assert_eq!(line, header);
            return lines.next().expect("truncated case").to_string();
        }
        line.to_string()
    };
    let name = next(None);
    let input = next(None);
    let levels = [
        next(Some("--- O0")),
        next(Some("--- O1")),
        next(Some("--- O2")),
    ];
    assert_eq!(next(None), "--- warnings");
    let mut warnings = Vec::new();
    let mut line = next(None);
    while line != "--- first warning as error" {
        warnings.push(line);
        line = next(None);
    }
    let error = next(None);
    let first_as_error = (error != "none").then_some(error);
    Case {
        name,
        input,
        levels,
        warnings,
        first_as_error,
    }
}

/// Whether the module starts with `from __future__ import annotations` (the compiler's
/// `CO_FUTURE_ANNOTATIONS`, which the future stage computes).
fn has_future_annotations(tree: &Mod) -> bool {
    let Mod::Module(module) = tree else {
        return false;
    };
    module.body.iter().any(|stmt| match stmt {
        Stmt::ImportFrom(import) => {
            import.module.as_deref() == Some("__future__")
                && import
                    .names
                    .iter()
                    .any(|alias| &*alias.name == "annotations")
        }
        _ => false,
    })
}

fn dump_with_attributes(tree: &Mod) -> String {
    let options = DumpOptions {
        include_attributes: true,
        indent: None,
        show_empty: false,
    };
    dump(tree, options).expect("dump")
}

#[test]
fn preprocess_matches_oracle_at_each_level() {
    let cases = read_cases();
    assert!(cases.len() >= 20);
    let mut failures = Vec::new();
    for case in &cases {
        for (level, expected) in case.levels.iter().enumerate() {
            let mut tree = read_dump(&case.input).expect("read_dump");
            let flags = PreprocessFlags {
                future_annotations: has_future_annotations(&tree),
                ..PreprocessFlags::default()
            };
            let mut warnings: Vec<SyntaxWarning> = Vec::new();
            preprocess(&mut tree, level as i32, flags, &mut warnings).expect("preprocess");
            if dump_with_attributes(&tree) != *expected {
                failures.push(format!(
                    "{} at -O{level}:\n  ours:   {}\n  oracle: {expected}",
                    case.name,
                    dump_with_attributes(&tree)
                ));
            }
            assert!(
                warnings.is_empty(),
                "{}: warnings without enable_warnings",
                case.name
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Compiling to code: preprocessing at level 0 with warnings enabled.
fn compile_flags() -> PreprocessFlags {
    PreprocessFlags {
        enable_warnings: true,
        ..PreprocessFlags::default()
    }
}

#[test]
fn finally_warnings_match_oracle() {
    for case in read_cases() {
        let mut tree = read_dump(&case.input).expect("read_dump");
        let mut warnings: Vec<SyntaxWarning> = Vec::new();
        preprocess(&mut tree, 0, compile_flags(), &mut warnings).expect("preprocess");
        let ours: Vec<String> = warnings
            .iter()
            .map(|w| format!("{}:{}", w.loc.lineno, w.message))
            .collect();
        assert_eq!(ours, case.warnings, "{}", case.name);
    }
}

/// A sink that raises every warning, as `-W error` does.
struct WarningsAreErrors;

impl WarningSink for WarningsAreErrors {
    fn syntax_warning(&mut self, warning: SyntaxWarning) -> Result<(), SyntaxWarning> {
        Err(warning)
    }
}

#[test]
fn finally_warning_as_error_has_oracle_position() {
    for case in read_cases() {
        let mut tree = read_dump(&case.input).expect("read_dump");
        let ours = match preprocess(&mut tree, 0, compile_flags(), &mut WarningsAreErrors) {
            Ok(()) => None,
            Err(PreprocessError::Warning(w)) => Some(format!(
                "{} {} {} {} {}",
                w.loc.lineno,
                w.loc.col_offset + 1,
                w.loc.end_lineno,
                w.loc.end_col_offset + 1,
                w.message
            )),
            Err(other) => panic!("{}: {other}", case.name),
        };
        assert_eq!(ours, case.first_as_error, "{}", case.name);
    }
}
