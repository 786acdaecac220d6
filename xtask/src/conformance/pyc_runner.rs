//! Runs the `pyc` binary (built once in release) on one input of one stage, with a time limit;
//! a crash or a timeout is a result, never an error of the harness.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::stage::Stage;

pub const TIME_LIMIT: Duration = Duration::from_secs(20);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunStatus {
    Exit(i32),
    /// Killed by a signal, or a Rust panic (exit status 101).
    Crash(String),
    Timeout,
}

#[derive(Clone, Debug)]
pub struct PycRun {
    pub status: RunStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// For the `pyc` stage, the bytes written to the output file (if any).
    pub written: Option<Vec<u8>>,
}

impl PycRun {
    /// The label of a run that cannot pass whatever it printed.
    pub fn failure_label(&self) -> Option<String> {
        match &self.status {
            RunStatus::Exit(_) => None,
            RunStatus::Crash(what) => Some(format!("crash ({what})")),
            RunStatus::Timeout => Some(format!("timeout (over {}s)", TIME_LIMIT.as_secs())),
        }
    }
}

/// `cargo build --release -p pyc`, then the binary's path.
pub fn build(root: &Path) -> Result<PathBuf, String> {
    eprintln!("conformance: cargo build --release -p pyc");
    // Other crates' warnings would bury the scoreboard: show the output only when it fails.
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["build", "--release", "-p", "pyc"])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        eprint!("{}", String::from_utf8_lossy(&output.stderr));
        return Err(format!(
            "cargo build --release -p pyc failed: {}",
            output.status
        ));
    }
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    };
    let binary = target.join("release").join("pyc");
    if !binary.is_file() {
        return Err(format!("{} was not built", binary.display()));
    }
    Ok(binary)
}

/// Whether `pyc` has the stage's subcommand (and the options it needs).
pub fn implements(binary: &Path, root: &Path, stage: Stage) -> bool {
    let (subcommand, options) = stage.pyc_probe();
    let Ok(output) = Command::new(binary)
        .args([subcommand, "--help"])
        .current_dir(root)
        .output()
    else {
        return false;
    };
    let help = String::from_utf8_lossy(&output.stdout);
    output.status.success() && options.iter().all(|option| mentions_option(&help, option))
}

/// Whether help text lists `option` as an option (not merely as part of a longer word).
fn mentions_option(help: &str, option: &str) -> bool {
    help.match_indices(option).any(|(at, _)| {
        let before = help[..at].chars().next_back();
        let after = help[at + option.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
    })
}

/// Runs `pyc <stage args> FILE` from the root; `out_file` receives the `pyc` stage's .pyc.
pub fn run(
    binary: &Path,
    root: &Path,
    stage: Stage,
    file: &str,
    out_file: &Path,
) -> Result<PycRun, String> {
    run_with_limit(binary, root, stage, file, out_file, TIME_LIMIT)
}

fn run_with_limit(
    binary: &Path,
    root: &Path,
    stage: Stage,
    file: &str,
    out_file: &Path,
    time_limit: Duration,
) -> Result<PycRun, String> {
    if stage == Stage::Pyc {
        let _ = std::fs::remove_file(out_file);
    }
    let mut child = Command::new(binary)
        .args(stage.pyc_args(out_file))
        .arg(file)
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let (closed, stdout_closed) = std::sync::mpsc::channel();
    let stdout = drain(child.stdout.take(), Some(closed));
    let stderr = drain(child.stderr.take(), None);
    let deadline = Instant::now() + time_limit;
    // stdout closes when the process exits: wait for that without polling, then reap it (the
    // loop below also covers a process that closes stdout early and keeps running).
    let _ = stdout_closed.recv_timeout(time_limit);
    let mut pause = Duration::from_micros(50);
    let exit = loop {
        if let Some(exit) = child.try_wait().map_err(|e| e.to_string())? {
            break Some(exit);
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(10));
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    let status = match exit {
        None => RunStatus::Timeout,
        Some(exit) => classify(exit),
    };
    let written = if stage == Stage::Pyc {
        std::fs::read(out_file).ok()
    } else {
        None
    };
    Ok(PycRun {
        status,
        stdout,
        stderr,
        written,
    })
}

/// Reads a pipe to its end on a thread; `closed` hears when the end is reached.
fn drain(
    pipe: Option<impl Read + Send + 'static>,
    closed: Option<std::sync::mpsc::Sender<()>>,
) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        if let Some(closed) = closed {
            let _ = closed.send(());
        }
        bytes
    })
}

fn classify(exit: std::process::ExitStatus) -> RunStatus {
    use std::os::unix::process::ExitStatusExt;
    match (exit.code(), exit.signal()) {
        (Some(101), _) => RunStatus::Crash("panic".into()),
        (Some(code), _) => RunStatus::Exit(code),
        (None, Some(signal)) => RunStatus::Crash(format!("signal {signal}")),
        (None, None) => RunStatus::Crash("no exit status".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `testdata/fake_pyc`: a stand-in for the pyc binary that misbehaves according to the
    /// file name it is given, and a scratch folder for its output. The script is checked in,
    /// never written here (see the oracle tests: a freshly written script races with forks).
    fn fake_pyc() -> (PathBuf, PathBuf) {
        let dir = std::env::temp_dir().join(format!("pyc-runner-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/fake_pyc");
        (script, dir)
    }

    #[test]
    fn hangs_are_killed_and_crashes_are_labelled() {
        let (pyc, dir) = fake_pyc();
        let out = dir.join("out.pyc");
        let limit = Duration::from_millis(300);
        let run =
            |file: &str| run_with_limit(&pyc, &dir, Stage::Ast, file, &out, limit).expect("runs");
        let started = Instant::now();
        assert_eq!(run("hang.py").status, RunStatus::Timeout);
        assert!(started.elapsed() < Duration::from_secs(4));
        assert_eq!(run("segv.py").status, RunStatus::Crash("signal 11".into()));
        assert_eq!(
            run("panic.py").failure_label(),
            Some("crash (panic)".into())
        );
        let normal = run("x.py");
        assert_eq!(
            (normal.status, normal.stdout, normal.stderr),
            (RunStatus::Exit(1), b"out\n".to_vec(), b"err\n".to_vec())
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn options_are_found_only_as_whole_options() {
        let help = "Usage: pyc tokenize [OPTIONS] <FILE>\n  -e, --exact  Display token names\n";
        assert!(mentions_option(help, "-e"));
        assert!(!mentions_option(help, "-a"));
        assert!(!mentions_option("  --exact-e2\n", "-e"));
        assert!(mentions_option("  -o <OUT>\n", "-o"));
    }
}
