//! Golden files: every case of every stage directory under `golden/` (format in
//! `golden/README.md`) run through the `pyc` binary and compared with the oracle's output, offline.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The `pyc` arguments of a golden stage, before the file; `OUT` stands for the output file of
/// the `pyc` stage.
fn stage_args(stage: &str) -> &'static [&'static str] {
    match stage {
        "tokenize" => &["tokenize"],
        "tokenize-e" => &["tokenize", "-e"],
        "ast" => &["ast"],
        "ast-a" => &["ast", "-a"],
        "ast-O" => &["ast", "-O", "2"],
        "symtable" => &["symtable"],
        "unparse" => &["unparse"],
        "dis" => &["dis"],
        "errors" => &["compile"],
        "pyc" => &[
            "compile",
            "--invalidation-mode",
            "unchecked-hash",
            "-o",
            "OUT",
        ],
        other => panic!("{other} is not a golden stage"),
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `.py` cases of `golden/<stage>/`, sorted, as paths relative to the repository root.
fn cases(stage: &str) -> Vec<String> {
    let dir = repo_root().join("golden").join(stage);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut cases: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.ends_with(".py"))
        .map(|name| format!("golden/{stage}/{name}"))
        .collect();
    cases.sort();
    cases
}

/// What one run printed (or, for the `pyc` stage, wrote) and returned.
#[derive(PartialEq)]
struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: i32,
}

fn read_or_empty(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

fn expected_outcome(case: &str) -> Outcome {
    let root = repo_root();
    let stem = case.strip_suffix(".py").expect("cases end in .py");
    let status_text = String::from_utf8(read_or_empty(&root.join(format!("{stem}.status"))))
        .expect("a .status file is a decimal line");
    let status = match status_text.trim() {
        "" => 0,
        text => text.parse().expect("a .status file is a decimal line"),
    };
    Outcome {
        stdout: read_or_empty(&root.join(format!("{stem}.expected"))),
        stderr: read_or_empty(&root.join(format!("{stem}.stderr"))),
        status,
    }
}

fn pyc_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pyc"));
    command.args(args).current_dir(repo_root());
    command
}

fn actual_outcome(stage: &str, case: &str, out_file: &Path) -> Outcome {
    let args: Vec<&str> = stage_args(stage)
        .iter()
        .map(|arg| {
            if *arg == "OUT" {
                out_file.to_str().expect("temp path is UTF-8")
            } else {
                arg
            }
        })
        .collect();
    let _ = std::fs::remove_file(out_file);
    let output = pyc_command(&args)
        .arg(case)
        .output()
        .expect("the pyc binary runs");
    // A signal (a crash) has no exit code: -1 never equals an expected status.
    let status = output.status.code().unwrap_or(-1);
    let mut stdout = output.stdout;
    if stage == "pyc" {
        stdout = read_or_empty(out_file);
    }
    Outcome {
        stdout,
        stderr: output.stderr,
        status,
    }
}

/// `dis` prints `<code object f at 0x...>` with a memory address: the one part that may differ.
fn mask_code_object_addresses(text: &[u8]) -> Vec<u8> {
    const MARK: &[u8] = b"<code object ";
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with(MARK) {
            let start = i;
            let line_end = text[i..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |n| i + n);
            if let Some(at) = find(&text[start..line_end], b" at 0x") {
                let hex_start = start + at + b" at 0x".len();
                let hex_end = hex_start
                    + text[hex_start..line_end]
                        .iter()
                        .take_while(|b| b.is_ascii_hexdigit())
                        .count();
                out.extend_from_slice(&text[start..hex_start]);
                out.extend_from_slice(b"ADDRESS");
                i = hex_end;
                continue;
            }
        }
        out.push(text[i]);
        i += 1;
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The first line where two outputs differ, for the failure message: the line number, the
/// column of the first differing character, and an excerpt of both lines from a little before it.
fn first_difference(name: &str, expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    let mut e = expected.split_inclusive('\n');
    let mut a = actual.split_inclusive('\n');
    let mut line = 1;
    loop {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (x, y) => {
                let (x, y) = (x.unwrap_or("<end>"), y.unwrap_or("<end>"));
                let column = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
                let excerpt = |text: &str| -> String {
                    text.chars()
                        .skip(column.saturating_sub(40))
                        .take(120)
                        .collect()
                };
                return format!(
                    "    {name} line {line}, column {}:\n      expected: {:?}\n      actual:   {:?}\n",
                    column + 1,
                    excerpt(x),
                    excerpt(y)
                );
            }
        }
    }
}

/// Fails when `pyc` lacks the stage's subcommand (or option): a stage directory means the stage
/// is expected to work, so its absence must be loud, not a skip.
fn assert_stage_implemented(stage: &str, case_count: usize) {
    let args = stage_args(stage);
    let output = pyc_command(&[args[0], "--help"])
        .output()
        .expect("the pyc binary runs");
    let help = String::from_utf8_lossy(&output.stdout);
    let missing_option = args[1..]
        .iter()
        .find(|arg| arg.starts_with('-') && !help.contains(*arg));
    assert!(
        output.status.success() && missing_option.is_none(),
        "golden/{stage}/ has {case_count} cases but `pyc {}` is not implemented yet",
        args.iter()
            .filter(|arg| **arg != "OUT")
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
    );
}

fn check_stage(stage: &str) {
    let cases = cases(stage);
    if cases.is_empty() {
        return;
    }
    assert_stage_implemented(stage, cases.len());
    let out_file =
        std::env::temp_dir().join(format!("pyc-golden-{}-{stage}.pyc", std::process::id()));
    let mut report = String::new();
    let mut failed = 0;
    for case in &cases {
        let expected = expected_outcome(case);
        let mut actual = actual_outcome(stage, case, &out_file);
        let mut expected_stdout = expected.stdout.clone();
        if stage == "dis" {
            expected_stdout = mask_code_object_addresses(&expected_stdout);
            actual.stdout = mask_code_object_addresses(&actual.stdout);
        }
        let expected = Outcome {
            stdout: expected_stdout,
            ..expected
        };
        if expected == actual {
            continue;
        }
        failed += 1;
        let _ = writeln!(report, "  {case}:");
        if expected.stdout != actual.stdout {
            report.push_str(&first_difference(
                "stdout",
                &expected.stdout,
                &actual.stdout,
            ));
        }
        if expected.stderr != actual.stderr {
            report.push_str(&first_difference(
                "stderr",
                &expected.stderr,
                &actual.stderr,
            ));
        }
        if expected.status != actual.status {
            let _ = writeln!(
                report,
                "    status: expected {}, actual {}",
                expected.status, actual.status
            );
        }
    }
    let _ = std::fs::remove_file(&out_file);
    assert!(
        failed == 0,
        "golden/{stage}/: {} passed, {failed} failed\n{report}",
        cases.len() - failed
    );
}

#[test]
fn dis_masking_hides_only_code_object_addresses() {
    let text = b"Disassembly of <code object f at 0x7f3a12, file \"x.py\", line 1>:\n  at 0x12\n";
    assert_eq!(
        mask_code_object_addresses(text),
        b"Disassembly of <code object f at 0xADDRESS, file \"x.py\", line 1>:\n  at 0x12\n"
            .to_vec()
    );
}

macro_rules! golden_stage_tests {
    ($($test:ident => $stage:literal,)*) => {$(
        #[test]
        fn $test() {
            check_stage($stage);
        }
    )*};
}

golden_stage_tests! {
    golden_tokenize => "tokenize",
    golden_tokenize_e => "tokenize-e",
    golden_ast => "ast",
    golden_ast_a => "ast-a",
    golden_ast_o => "ast-O",
    golden_symtable => "symtable",
    golden_unparse => "unparse",
    golden_dis => "dis",
    golden_errors => "errors",
    golden_pyc => "pyc",
}
