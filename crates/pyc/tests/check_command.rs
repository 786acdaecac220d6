//! `pyc check`: walks folders for `.py` files, reports each failure as `python -m py_compile`
//! prints it (the oracle's text, from golden/errors/), and says when code generation is
//! needed rather than pretending.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A scratch folder under the system temp dir, unique to this test process and `name`.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyc-check-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pkg/sub")).expect("scratch folder");
    dir
}

/// Copies golden/errors/<case>.py into `dir` at the same relative path (so the path the report
/// prints matches the one py_compile printed); what py_compile wrote to stderr for it.
fn copy_error_case(dir: &Path, case: &str) -> String {
    let golden = repo_root().join("golden/errors");
    std::fs::create_dir_all(dir.join("golden/errors")).expect("folder");
    let printed = format!("golden/errors/{case}.py");
    std::fs::copy(golden.join(format!("{case}.py")), dir.join(&printed)).expect("copy");
    std::fs::read_to_string(golden.join(format!("{case}.stderr"))).expect("golden stderr")
}

fn run_check(dir: &Path, args: &[&str]) -> (String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_pyc"))
        .arg("check")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pyc runs");
    (
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn check_reports_failures_in_nested_folders_like_py_compile() {
    let dir = scratch("failures");
    std::fs::write(dir.join("pkg/ok.py"), "x = 1\n").expect("write");
    std::fs::write(dir.join("pkg/notes.txt"), "x = = 1\n").expect("write");
    let expected = copy_error_case(&dir, "generic_invalid_syntax");
    let (stderr, status) = run_check(&dir, &["pkg", "golden"]);
    assert_eq!(status, 1);
    assert_eq!(stderr, expected);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_passes_valid_files_and_compile_stage_says_codegen_is_missing() {
    let dir = scratch("valid");
    std::fs::write(dir.join("pkg/a.py"), "def f(x):\n    return x\n").expect("write");
    std::fs::write(dir.join("pkg/sub/b.py"), "import os\n").expect("write");
    assert_eq!(run_check(&dir, &["pkg"]), (String::new(), 0));
    let (stderr, status) = run_check(&dir, &["--stage", "compile", "pkg"]);
    assert_eq!(status, 2);
    assert_eq!(
        stderr,
        "pyc check: 2 file(s) passed every check (code generation's errors included), but code generation is not ported yet: no file was compiled\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_tokenize_stage_ignores_parse_errors() {
    let dir = scratch("tokenize");
    std::fs::write(dir.join("pkg/bad_parse.py"), "x = = 1\n").expect("write");
    assert_eq!(
        run_check(&dir, &["--stage", "tokenize", "pkg"]),
        (String::new(), 0)
    );
    let (_, status) = run_check(&dir, &["--stage", "parse", "pkg"]);
    assert_eq!(status, 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_reports_an_unreadable_path_before_the_files_it_checked() {
    let dir = scratch("unreadable");
    let report = copy_error_case(&dir, "generic_invalid_syntax");
    let (stderr, status) = run_check(&dir, &["missing", "golden"]);
    assert_eq!(status, 1);
    // py_compile writes an OSError's text without a newline.
    let unreadable = "[Errno 2] No such file or directory: 'missing'";
    assert_eq!(stderr, format!("{unreadable}{report}"));
    let _ = std::fs::remove_dir_all(&dir);
}
