//! The comparison rules, and no others: exact stdout bytes (plus stderr and exit status for
//! `errors`); `dis` ignores only the address in `<code object f at 0x...>`; `pyc` compares the
//! written bytes, and separately their canonical forms (unmarshalled by the oracle).

use similar::TextDiff;

use super::pyc_runner::{PycRun, RunStatus};
use super::stage::Stage;

/// What the oracle produced for one input of one stage.
pub struct Expected<'a> {
    pub status: i32,
    /// For text stages [stdout, stderr]; for `pyc` [stdout, stderr, pyc bytes, canonical text].
    pub parts: &'a [Vec<u8>],
}

impl Expected<'_> {
    fn part(&self, index: usize) -> &[u8] {
        self.parts.get(index).map_or(&[], Vec::as_slice)
    }

    pub fn stdout(&self) -> &[u8] {
        self.part(0)
    }

    pub fn stderr(&self) -> &[u8] {
        self.part(1)
    }

    pub fn pyc_bytes(&self) -> &[u8] {
        self.part(2)
    }

    pub fn pyc_canonical(&self) -> &[u8] {
        self.part(3)
    }
}

/// Replaces the hex address in each `<code object NAME at 0x...` with a fixed word.
pub fn mask_code_object_addresses(text: &[u8]) -> Vec<u8> {
    const MARK: &[u8] = b"<code object ";
    const AT: &[u8] = b" at 0x";
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with(MARK) {
            let line_end = text[i..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |n| i + n);
            if let Some(at) = text[i..line_end].windows(AT.len()).position(|w| w == AT) {
                let hex_start = i + at + AT.len();
                let hex_len = text[hex_start..line_end]
                    .iter()
                    .take_while(|b| b.is_ascii_hexdigit())
                    .count();
                out.extend_from_slice(&text[i..hex_start]);
                out.extend_from_slice(b"ADDRESS");
                i = hex_start + hex_len;
                continue;
            }
        }
        out.push(text[i]);
        i += 1;
    }
    out
}

/// The stdout of a stage as compared: `dis` addresses masked, everything else verbatim.
pub fn comparable_stdout(stage: Stage, stdout: &[u8]) -> Vec<u8> {
    if stage == Stage::Dis {
        mask_code_object_addresses(stdout)
    } else {
        stdout.to_vec()
    }
}

/// Whether pyc's run of a text stage (every stage but `pyc`) matches the oracle.
pub fn text_stage_matches(stage: Stage, expected: &Expected, actual: &PycRun) -> bool {
    let RunStatus::Exit(status) = actual.status else {
        return false;
    };
    let same_stdout =
        comparable_stdout(stage, expected.stdout()) == comparable_stdout(stage, &actual.stdout);
    match stage {
        Stage::Errors => {
            same_stdout && expected.stderr() == actual.stderr && expected.status == status
        }
        _ => same_stdout,
    }
}

/// Whether pyc agrees with `py_compile` on success and, when both succeed, wrote the same bytes.
/// A rejected input passes when pyc also fails cleanly and writes nothing.
pub fn pyc_bytes_match(expected: &Expected, actual: &PycRun) -> bool {
    let RunStatus::Exit(status) = actual.status else {
        return false;
    };
    match (expected.status == 0, status == 0, &actual.written) {
        (true, true, Some(bytes)) => bytes.as_slice() == expected.pyc_bytes(),
        (false, false, None) => true,
        _ => false,
    }
}

/// Whether both sides wrote a .pyc: only then is a canonical comparison meaningful.
pub fn both_wrote_pyc(expected: &Expected, actual: &PycRun) -> bool {
    expected.status == 0 && matches!(actual.status, RunStatus::Exit(0)) && actual.written.is_some()
}

/// The text shown in a diff for one side of a stage's comparison.
pub fn rendering(stage: Stage, stdout: &[u8], stderr: &[u8], status: &str) -> String {
    let stdout = String::from_utf8_lossy(&comparable_stdout(stage, stdout)).into_owned();
    if stage != Stage::Errors {
        return stdout;
    }
    format!(
        "{stdout}[stderr]\n{}[exit status {status}]\n",
        String::from_utf8_lossy(stderr)
    )
}

/// A unified diff of at most `max_lines` lines (3 lines of context).
pub fn short_diff(expected: &str, actual: &str, max_lines: usize) -> String {
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_secs(2))
        .diff_lines(expected, actual);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header("oracle", "pyc")
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    let mut out: String = lines
        .iter()
        .take(max_lines)
        .map(|line| format!("{line}\n"))
        .collect();
    if lines.len() > max_lines {
        out.push_str(&format!(
            "... ({} more diff lines)\n",
            lines.len() - max_lines
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(status: RunStatus, stdout: &[u8], stderr: &[u8], written: Option<&[u8]>) -> PycRun {
        PycRun {
            status,
            stdout: stdout.to_vec(),
            stderr: stderr.to_vec(),
            written: written.map(<[u8]>::to_vec),
        }
    }

    #[test]
    fn dis_ignores_only_code_object_addresses() {
        let parts = [
            b"Disassembly of <code object f at 0x1a2b, file \"x.py\", line 1>:\n".to_vec(),
            Vec::new(),
        ];
        let expected = Expected {
            status: 0,
            parts: &parts,
        };
        let same = run(
            RunStatus::Exit(0),
            b"Disassembly of <code object f at 0xffff, file \"x.py\", line 1>:\n",
            b"",
            None,
        );
        let other = run(
            RunStatus::Exit(0),
            b"Disassembly of <code object g at 0x1a2b, file \"x.py\", line 1>:\n",
            b"",
            None,
        );
        assert!(text_stage_matches(Stage::Dis, &expected, &same));
        assert!(!text_stage_matches(Stage::Dis, &expected, &other));
        assert!(!text_stage_matches(Stage::Ast, &expected, &same));
    }

    #[test]
    fn errors_compare_stderr_and_status_but_other_stages_only_stdout() {
        let parts = [
            Vec::new(),
            b"  File \"x.py\", line 1\nSyntaxError: bad\n".to_vec(),
        ];
        let expected = Expected {
            status: 1,
            parts: &parts,
        };
        let wrong_status = run(
            RunStatus::Exit(2),
            b"",
            b"  File \"x.py\", line 1\nSyntaxError: bad\n",
            None,
        );
        let right = run(
            RunStatus::Exit(1),
            b"",
            b"  File \"x.py\", line 1\nSyntaxError: bad\n",
            None,
        );
        assert!(!text_stage_matches(Stage::Errors, &expected, &wrong_status));
        assert!(text_stage_matches(Stage::Errors, &expected, &right));
        assert!(text_stage_matches(
            Stage::Tokenize,
            &expected,
            &wrong_status
        ));
    }

    #[test]
    fn crashes_and_timeouts_never_pass() {
        let parts = [Vec::new(), Vec::new()];
        let expected = Expected {
            status: 0,
            parts: &parts,
        };
        assert!(!text_stage_matches(
            Stage::Ast,
            &expected,
            &run(RunStatus::Crash("signal 11".into()), b"", b"", None)
        ));
        assert!(!text_stage_matches(
            Stage::Ast,
            &expected,
            &run(RunStatus::Timeout, b"", b"", None)
        ));
    }

    #[test]
    fn pyc_passes_on_equal_bytes_or_agreeing_rejection() {
        let parts = [Vec::new(), Vec::new(), vec![1, 2, 3], Vec::new()];
        let compiled = Expected {
            status: 0,
            parts: &parts,
        };
        assert!(pyc_bytes_match(
            &compiled,
            &run(RunStatus::Exit(0), b"", b"", Some(&[1, 2, 3]))
        ));
        assert!(!pyc_bytes_match(
            &compiled,
            &run(RunStatus::Exit(0), b"", b"", Some(&[1, 2]))
        ));
        let empty = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
        let rejected = Expected {
            status: 1,
            parts: &empty,
        };
        assert!(pyc_bytes_match(
            &rejected,
            &run(RunStatus::Exit(1), b"", b"err", None)
        ));
        assert!(!pyc_bytes_match(
            &rejected,
            &run(RunStatus::Exit(0), b"", b"", Some(&[1]))
        ));
    }

    #[test]
    fn short_diff_is_unified_and_truncated() {
        let diff = short_diff("a\nb\nc\n", "a\nx\nc\n", 100);
        assert_eq!(
            diff,
            "--- oracle\n+++ pyc\n@@ -1,3 +1,3 @@\n a\n-b\n+x\n c\n"
        );
        assert!(short_diff("a\nb\nc\n", "a\nx\nc\n", 2).ends_with("... (5 more diff lines)\n"));
    }
}
