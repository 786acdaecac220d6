//! The oracle runner: long-lived `oracle/batch` processes (CPython 3.14.2 under node), one per
//! core, each serving many jobs; a process that dies or hangs is replaced and its job retried
//! once in a fresh interpreter before the input is marked as crashing the oracle.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::cache::Answer;

/// Long enough for `dis` of the largest stdlib file; only a hung interpreter reaches it.
const JOB_TIMEOUT: Duration = Duration::from_secs(300);

/// One question for the oracle (see oracle/batch.mjs for the protocol).
#[derive(Clone, Debug)]
pub enum Request {
    /// `oracle/python ARGV...`: parts [stdout, stderr].
    Run { argv: Vec<String> },
    /// `py_compile.compile(path, cfile=out, UNCHECKED_HASH)`: parts [stdout, stderr, pyc, canon].
    Pyc { path: String, out: String },
    /// The canonical text of a .pyc file: parts [text].
    Canon { path: String },
    /// Status 0 when `compile()` accepts the file, 1 when it raises SyntaxError or ValueError.
    Compiles { path: String },
    /// Extracts the `.py` members of a zip: parts [member names, one per line].
    Extract { zip: String, dest: String },
}

impl Request {
    fn to_json(&self, id: u64) -> String {
        let value = match self {
            Request::Run { argv } => json!({"id": id, "kind": "run", "argv": argv}),
            Request::Pyc { path, out } => {
                json!({"id": id, "kind": "pyc", "path": path, "out": out})
            }
            Request::Canon { path } => json!({"id": id, "kind": "canon", "path": path}),
            Request::Compiles { path } => json!({"id": id, "kind": "compiles", "path": path}),
            Request::Extract { zip, dest } => {
                json!({"id": id, "kind": "extract", "zip": zip, "dest": dest})
            }
        };
        value.to_string()
    }
}

/// Runs `npm ci` in `oracle/` unless the pinned pyodide is already installed there.
pub fn ensure_installed(root: &Path) -> Result<(), String> {
    let oracle = root.join("oracle");
    if installed_version(root).as_deref() == Some(pinned_version(root)?.as_str()) {
        return Ok(());
    }
    eprintln!("conformance: installing the oracle (npm ci in oracle/)");
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&oracle)
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run npm: {e}"))?;
    if !status.success() {
        return Err(format!("npm ci in oracle/ failed: {status}"));
    }
    Ok(())
}

fn json_version(path: &Path, pointer: &str) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let value: Value = serde_json::from_str(&text).ok()?;
    value.pointer(pointer)?.as_str().map(str::to_string)
}

fn pinned_version(root: &Path) -> Result<String, String> {
    json_version(&root.join("oracle/package.json"), "/dependencies/pyodide")
        .ok_or_else(|| "oracle/package.json does not pin pyodide".to_string())
}

fn installed_version(root: &Path) -> Option<String> {
    json_version(
        &root.join("oracle/node_modules/pyodide/package.json"),
        "/version",
    )
}

/// Everything the oracle's answers depend on besides the job itself: the installed pyodide and
/// the scripts that drive it.
pub fn version(root: &Path) -> Result<String, String> {
    let pyodide = installed_version(root).ok_or("the oracle is not installed")?;
    let mut hasher = Sha256::new();
    for script in ["python.mjs", "batch.mjs", "harness.py"] {
        let path = root.join("oracle").join(script);
        hasher.update(std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    let digest: String = hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(format!("pyodide {pyodide}, scripts {digest}"))
}

/// A reply's JSON header and its raw parts, or why none came.
type ReplyResult = Result<(Value, Vec<Vec<u8>>), String>;

/// Why a process could not answer.
struct Died(String);

struct Process {
    child: Child,
    stdin: ChildStdin,
    replies: Receiver<ReplyResult>,
    next_id: u64,
}

impl Process {
    fn spawn(root: &Path, log: &Path) -> Result<Process, String> {
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|e| format!("{}: {e}", log.display()))?;
        let mut child = Command::new(root.join("oracle/batch"))
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .map_err(|e| format!("cannot start oracle/batch: {e}"))?;
        let stdin = child.stdin.take().ok_or("oracle/batch has no stdin")?;
        let stdout = child.stdout.take().ok_or("oracle/batch has no stdout")?;
        let (sender, replies) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let reply = read_reply(&mut reader);
                let finished = reply.is_err();
                if sender.send(reply).is_err() || finished {
                    return;
                }
            }
        });
        Ok(Process {
            child,
            stdin,
            replies,
            next_id: 0,
        })
    }

    fn ask(&mut self, request: &Request) -> Result<Answer, Died> {
        self.next_id += 1;
        let line = request.to_json(self.next_id) + "\n";
        if let Err(e) = self
            .stdin
            .write_all(line.as_bytes())
            .and_then(|()| self.stdin.flush())
        {
            return Err(Died(format!("oracle process is gone: {e}")));
        }
        let (header, parts) = match self.replies.recv_timeout(JOB_TIMEOUT) {
            Ok(Ok(reply)) => reply,
            Ok(Err(message)) => return Err(Died(message)),
            Err(RecvTimeoutError::Timeout) => {
                return Err(Died(format!("no answer within {}s", JOB_TIMEOUT.as_secs())))
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(Died("oracle process exited".into()))
            }
        };
        if let Some(fatal) = header.get("fatal") {
            return Err(Died(fatal.as_str().unwrap_or("fatal error").to_string()));
        }
        if header.get("id").and_then(Value::as_u64) != Some(self.next_id) {
            return Err(Died(format!("reply out of order: {header}")));
        }
        let status = header.get("status").and_then(Value::as_i64).unwrap_or(-1);
        Ok(Answer::Reply {
            status: i32::try_from(status).unwrap_or(-1),
            parts,
        })
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads one header line and the raw parts it announces.
fn read_reply(reader: &mut impl BufRead) -> ReplyResult {
    let mut line = String::new();
    match reader.read_line(&mut line) {
        Ok(0) => return Err("oracle process exited".into()),
        Ok(_) => {}
        Err(e) => return Err(format!("reading the oracle: {e}")),
    }
    let header: Value =
        serde_json::from_str(&line).map_err(|e| format!("bad oracle header {line:?}: {e}"))?;
    let lens = header
        .get("lens")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut parts = Vec::with_capacity(lens.len());
    for len in lens {
        let len = len.as_u64().ok_or("bad part length")?;
        let mut part = vec![0; usize::try_from(len).map_err(|e| e.to_string())?];
        reader
            .read_exact(&mut part)
            .map_err(|e| format!("reading the oracle: {e}"))?;
        parts.push(part);
    }
    Ok((header, parts))
}

/// A set of oracle processes answering jobs in parallel.
pub struct Pool {
    root: PathBuf,
    log_dir: PathBuf,
    workers: usize,
}

impl Pool {
    pub fn new(root: &Path, log_dir: &Path, workers: usize) -> Pool {
        Pool {
            root: root.to_path_buf(),
            log_dir: log_dir.to_path_buf(),
            workers: workers.max(1),
        }
    }

    /// Answers every request, calling `deliver(index, answer)` from the worker threads as answers
    /// arrive. Jobs are taken in order, so each process sees an ascending subsequence.
    pub fn run<F>(&self, requests: &[Request], label: &str, deliver: F) -> Result<(), String>
    where
        F: Fn(usize, Answer) -> Result<(), String> + Sync,
    {
        if requests.is_empty() {
            return Ok(());
        }
        let next = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        let workers = self.workers.min(requests.len());
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|worker| {
                    let (next, done, deliver) = (&next, &done, &deliver);
                    scope.spawn(move || -> Result<(), String> {
                        let log = self.log_dir.join(format!("oracle-{worker}.log"));
                        let mut process: Option<Process> = None;
                        loop {
                            let index = next.fetch_add(1, Ordering::SeqCst);
                            let Some(request) = requests.get(index) else {
                                return Ok(());
                            };
                            let answer = self.answer(&mut process, &log, request)?;
                            deliver(index, answer)?;
                            let finished = done.fetch_add(1, Ordering::SeqCst) + 1;
                            report_progress(label, finished, requests.len());
                        }
                    })
                })
                .collect();
            handles.into_iter().try_for_each(|handle| {
                handle
                    .join()
                    .map_err(|_| "an oracle worker panicked".to_string())?
            })
        })
    }

    /// Asks the current process (starting one when needed); on death, retries once in a fresh
    /// process, then records the input as crashing the oracle.
    fn answer(
        &self,
        process: &mut Option<Process>,
        log: &Path,
        request: &Request,
    ) -> Result<Answer, String> {
        let mut last_death = String::new();
        for _attempt in 0..2 {
            if process.is_none() {
                *process = Some(Process::spawn(&self.root, log)?);
            }
            let Some(live) = process.as_mut() else {
                continue;
            };
            match live.ask(request) {
                Ok(answer) => return Ok(answer),
                Err(Died(message)) => {
                    *process = None;
                    last_death = message;
                }
            }
        }
        eprintln!("conformance: the oracle died twice on {request:?}: {last_death}");
        Ok(Answer::Crashed(last_death))
    }
}

/// Prints a line at every tenth of the jobs.
fn report_progress(label: &str, finished: usize, total: usize) {
    if finished * 10 / total != (finished - 1) * 10 / total {
        eprintln!("conformance: oracle {label}: {finished}/{total}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// A root whose `oracle/batch` is `testdata/fake_batch`: a stand-in that answers "ok" to
    /// every request and dies (as a crashed interpreter would) on any request mentioning `die`.
    /// The script is checked in and linked, never written here: executing a file this process
    /// has just written fails with "Text file busy" when another test thread forks meanwhile
    /// (the child inherits the open descriptor until it execs).
    fn fake_root() -> PathBuf {
        let root = std::env::temp_dir().join(format!("pyc-oracle-test-{}", std::process::id()));
        std::fs::create_dir_all(root.join("oracle")).expect("temp dir");
        let script = root.join("oracle/batch");
        let _ = std::fs::remove_file(&script);
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/fake_batch");
        std::os::unix::fs::symlink(fixture, &script).expect("link the fake oracle");
        root
    }

    #[test]
    fn an_input_that_kills_the_interpreter_is_marked_and_the_run_goes_on() {
        let root = fake_root();
        let pool = Pool::new(&root, &root, 1);
        let requests: Vec<Request> = ["a.py", "die.py", "b.py"]
            .iter()
            .map(|path| Request::Compiles {
                path: path.to_string(),
            })
            .collect();
        let answers = Mutex::new(vec![None; requests.len()]);
        pool.run(&requests, "test", |index, answer| {
            answers.lock().expect("lock")[index] = Some(answer);
            Ok(())
        })
        .expect("the pool survives");
        let answers = answers.into_inner().expect("lock");
        let ok = Some(Answer::Reply {
            status: 0,
            parts: vec![b"ok".to_vec()],
        });
        assert_eq!(answers[0], ok);
        assert!(matches!(answers[1], Some(Answer::Crashed(_))));
        assert_eq!(answers[2], ok);
        let _ = std::fs::remove_dir_all(&root);
    }
}
