//! `cargo xtask conformance [STAGE...] [--corpus stdlib|mutants|golden|PATH...] [--show N]
//! [--update-ratchet]`: runs CPython 3.14.2 (the oracle) and `pyc` on the same inputs and compares.

pub mod cache;
pub mod compare;
pub mod corpus;
pub mod mutants;
pub mod oracle;
pub mod pyc_runner;
pub mod ratchet;
pub mod report;
pub mod stage;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use cache::{Answer, Cache, Key};
use compare::Expected;
use corpus::Corpus;
use oracle::{Pool, Request};
use pyc_runner::PycRun;
use ratchet::{Measured, Ratchet};
use report::{Failure, Row};
use stage::Stage;

const USAGE: &str = "usage: cargo xtask conformance [STAGE...] [--corpus stdlib|mutants|golden|PATH...] [--show N] [--update-ratchet]";

/// The repository root (canonical), found from this crate's location.
pub fn repo_root() -> Result<PathBuf, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    root.canonicalize()
        .map_err(|e| format!("{}: {e}", root.display()))
}

pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

/// The oracle side of the harness: the installed oracle, its process pool and the answer cache.
pub struct Harness {
    pub root: PathBuf,
    pub cache_dir: PathBuf,
    pub version: String,
    pub pool: Pool,
    cache: Cache,
}

impl Harness {
    /// Installs the oracle when needed and prepares the cache folder (`.cache/conformance`).
    pub fn open(root: &Path) -> Result<Harness, String> {
        oracle::ensure_installed(root)?;
        let cache_dir = root.join(".cache/conformance");
        for dir in [cache_dir.join("answers"), cache_dir.join("tmp")] {
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        Ok(Harness {
            root: root.to_path_buf(),
            version: oracle::version(root)?,
            pool: Pool::new(root, &cache_dir, workers()),
            cache: Cache::new(cache_dir.join("answers")),
            cache_dir,
        })
    }

    fn read_input(&self, file: &str) -> Result<Vec<u8>, String> {
        std::fs::read(self.root.join(file)).map_err(|e| format!("{file}: {e}"))
    }

    /// The cache key of an oracle answer: stage, options, oracle version, printed path, bytes.
    fn key(&self, stage: Stage, file: &str) -> Result<Key, String> {
        let bytes = self.read_input(file)?;
        let options = stage.oracle_options();
        Ok(Key::of(&[
            stage.name().as_bytes(),
            options.as_bytes(),
            self.version.as_bytes(),
            file.as_bytes(),
            &bytes,
        ]))
    }

    fn request(&self, stage: Stage, file: &str, index: usize) -> Request {
        match stage.oracle_argv(file) {
            Some(argv) => Request::Run { argv },
            None => Request::Pyc {
                path: file.to_string(),
                out: self
                    .cache_dir
                    .join(format!("tmp/oracle-{}-{index}.pyc", std::process::id()))
                    .display()
                    .to_string(),
            },
        }
    }

    /// Asks the oracle every (stage, file) whose answer is not cached yet; returns how many.
    /// Jobs keep their order, so `pyc` jobs reach each process sorted by path.
    pub fn fill_cache(&self, jobs: &[(Stage, String)]) -> Result<usize, String> {
        let mut missing = Vec::new();
        for (stage, file) in jobs {
            let key = self.key(*stage, file)?;
            if !self.cache.contains(&key) {
                missing.push((key, *stage, file.as_str()));
            }
        }
        let requests: Vec<Request> = missing
            .iter()
            .enumerate()
            .map(|(i, (_, stage, file))| self.request(*stage, file, i))
            .collect();
        self.pool.run(&requests, "answers", |index, answer| {
            self.cache.put(&missing[index].0, &answer)
        })?;
        Ok(missing.len())
    }

    /// The oracle's cached answer for (stage, file); `fill_cache` must have run.
    pub fn answer(&self, stage: Stage, file: &str) -> Result<Answer, String> {
        let key = self.key(stage, file)?;
        self.cache
            .get(&key)
            .ok_or_else(|| format!("no oracle answer cached for {} {file}", stage.name()))
    }

    /// The canonical text of .pyc bytes written by pyc, from the cache or the oracle.
    fn canonical(&self, pycs: &[Vec<u8>]) -> Result<Vec<Option<Vec<u8>>>, String> {
        let keys: Vec<Key> = pycs
            .iter()
            .map(|b| Key::of(&[b"canonical", self.version.as_bytes(), b]))
            .collect();
        let mut requests = Vec::new();
        let mut asked = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            if !self.cache.contains(key) {
                let path = self
                    .cache_dir
                    .join(format!("tmp/actual-{}-{i}.pyc", std::process::id()));
                std::fs::write(&path, &pycs[i]).map_err(|e| format!("{}: {e}", path.display()))?;
                requests.push(Request::Canon {
                    path: path.display().to_string(),
                });
                asked.push(i);
            }
        }
        self.pool
            .run(&requests, "canonical .pyc", |index, answer| {
                self.cache.put(&keys[asked[index]], &answer)
            })?;
        Ok(keys
            .iter()
            .map(|key| match self.cache.get(key) {
                Some(Answer::Reply {
                    status: 0,
                    mut parts,
                }) if !parts.is_empty() => Some(parts.swap_remove(0)),
                _ => None,
            })
            .collect())
    }
}

enum CorpusSpec {
    Stdlib,
    Mutants,
    Golden,
    Folder(String),
}

struct Options {
    stages: Vec<Stage>,
    corpora: Vec<CorpusSpec>,
    show: usize,
    update_ratchet: bool,
}

fn parse_options(args: &[String], cwd: &Path) -> Result<Options, String> {
    let mut options = Options {
        stages: Vec::new(),
        corpora: Vec::new(),
        show: 5,
        update_ratchet: false,
    };
    let mut in_corpus = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--corpus" => in_corpus = true,
            "--show" => {
                let value = args.next().ok_or("--show needs a number")?;
                options.show = value.parse().map_err(|e| format!("--show {value}: {e}"))?;
                in_corpus = false;
            }
            "--update-ratchet" => {
                options.update_ratchet = true;
                in_corpus = false;
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}\n{USAGE}")),
            name if Stage::from_name(name).is_some() && !(in_corpus && cwd.join(name).exists()) => {
                options.stages.extend(Stage::from_name(name));
            }
            value if in_corpus => options.corpora.push(match value {
                "stdlib" => CorpusSpec::Stdlib,
                "mutants" => CorpusSpec::Mutants,
                "golden" => CorpusSpec::Golden,
                path => CorpusSpec::Folder(path.to_string()),
            }),
            other => {
                return Err(format!(
                    "unknown stage {other:?} (a folder goes after --corpus)\n{USAGE}"
                ))
            }
        }
    }
    if options.stages.is_empty() {
        options.stages = Stage::ALL.to_vec();
    }
    options.stages.sort();
    options.stages.dedup();
    if options.corpora.is_empty() {
        options.corpora.push(CorpusSpec::Stdlib);
    }
    Ok(options)
}

fn load_corpora(
    harness: &Harness,
    cwd: &Path,
    specs: &[CorpusSpec],
) -> Result<Vec<Corpus>, String> {
    let mut stdlib: Option<Corpus> = None;
    let mut corpora = Vec::new();
    for spec in specs {
        let corpus = match spec {
            CorpusSpec::Stdlib | CorpusSpec::Mutants => {
                if stdlib.is_none() {
                    stdlib = Some(corpus::stdlib(
                        &harness.root,
                        &harness.cache_dir,
                        &harness.pool,
                    )?);
                }
                let stdlib = stdlib.as_ref().ok_or("stdlib corpus missing")?;
                match spec {
                    CorpusSpec::Mutants => mutants::mutants(
                        &harness.root,
                        &harness.cache_dir,
                        stdlib,
                        &harness.pool,
                        &harness.version,
                    )?,
                    _ => Corpus {
                        name: stdlib.name.clone(),
                        files: stdlib.files.clone(),
                        ratcheted: true,
                    },
                }
            }
            CorpusSpec::Golden => corpus::golden(&harness.root)?,
            CorpusSpec::Folder(path) => corpus::folder(&harness.root, cwd, path)?,
        };
        eprintln!(
            "conformance: corpus {} has {} files",
            corpus.name,
            corpus.files.len()
        );
        corpora.push(corpus);
    }
    Ok(corpora)
}

/// One comparison: which corpus, stage and file, and how it went.
struct Outcome {
    corpus: usize,
    stage: Stage,
    file: String,
    /// None when passed, else the failure label.
    failure: Option<String>,
    /// For `pyc`: the canonical verdict (None while pending or not applicable).
    canonical_failure: Option<Option<String>>,
    /// For `pyc` byte mismatches where both sides wrote a file: pyc's bytes, to canonicalize.
    pending_canonical: Option<Vec<u8>>,
}

/// How one pyc run compares with the oracle's answer.
struct Verdict {
    /// None when passed, else the failure label.
    failure: Option<String>,
    /// For `pyc`: the canonical verdict (None while pending or not applicable).
    canonical_failure: Option<Option<String>>,
    /// For `pyc` byte mismatches where both sides wrote a file: pyc's bytes, to canonicalize.
    pending_canonical: Option<Vec<u8>>,
}

impl Verdict {
    /// A failure that holds for the canonical `pyc` row too (when the stage is `pyc`).
    fn failed(stage: Stage, label: String) -> Verdict {
        Verdict {
            canonical_failure: (stage == Stage::Pyc).then(|| Some(label.clone())),
            failure: Some(label),
            pending_canonical: None,
        }
    }
}

/// Compares one pyc run with the oracle's answer.
fn judge(stage: Stage, answer: &Answer, run: &PycRun) -> Verdict {
    let Answer::Reply { status, parts } = answer else {
        return Verdict::failed(stage, "oracle crash".into());
    };
    let expected = Expected {
        status: *status,
        parts,
    };
    if let Some(label) = run.failure_label() {
        return Verdict::failed(stage, label);
    }
    if stage != Stage::Pyc {
        let failure =
            (!compare::text_stage_matches(stage, &expected, run)).then(|| "mismatch".to_string());
        return Verdict {
            failure,
            canonical_failure: None,
            pending_canonical: None,
        };
    }
    if compare::pyc_bytes_match(&expected, run) {
        return Verdict {
            failure: None,
            canonical_failure: Some(None),
            pending_canonical: None,
        };
    }
    if compare::both_wrote_pyc(&expected, run) {
        return Verdict {
            failure: Some("bytes differ".into()),
            canonical_failure: None,
            pending_canonical: run.written.clone(),
        };
    }
    Verdict::failed(stage, "compiled on one side only".into())
}

fn run_pyc_jobs(
    harness: &Harness,
    binary: &Path,
    jobs: &[(usize, Stage, String)],
) -> Result<Vec<Outcome>, String> {
    let next = AtomicUsize::new(0);
    let outcomes = Mutex::new(Vec::with_capacity(jobs.len()));
    std::thread::scope(|scope| -> Result<(), String> {
        let handles: Vec<_> = (0..workers())
            .map(|worker| {
                let (next, outcomes) = (&next, &outcomes);
                scope.spawn(move || -> Result<(), String> {
                    let out_file = harness
                        .cache_dir
                        .join(format!("tmp/pyc-{}-{worker}.pyc", std::process::id()));
                    while let Some((corpus, stage, file)) =
                        jobs.get(next.fetch_add(1, Ordering::SeqCst))
                    {
                        let answer = harness.answer(*stage, file)?;
                        let run = pyc_runner::run(binary, &harness.root, *stage, file, &out_file)?;
                        let verdict = judge(*stage, &answer, &run);
                        let outcome = Outcome {
                            corpus: *corpus,
                            stage: *stage,
                            file: file.clone(),
                            failure: verdict.failure,
                            canonical_failure: verdict.canonical_failure,
                            pending_canonical: verdict.pending_canonical,
                        };
                        outcomes.lock().map_err(|e| e.to_string())?.push(outcome);
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().map_err(|_| "a pyc worker panicked".to_string())?)
    })?;
    let mut outcomes = outcomes.into_inner().map_err(|e| e.to_string())?;
    outcomes.sort_by(|a, b| (a.corpus, a.stage, &a.file).cmp(&(b.corpus, b.stage, &b.file)));
    Ok(outcomes)
}

/// Settles the canonical verdicts of `pyc` byte mismatches (the oracle unmarshals pyc's bytes).
fn settle_canonical(harness: &Harness, outcomes: &mut [Outcome]) -> Result<(), String> {
    let pending: Vec<usize> = (0..outcomes.len())
        .filter(|&i| outcomes[i].pending_canonical.is_some())
        .collect();
    let pycs: Vec<Vec<u8>> = pending
        .iter()
        .filter_map(|&i| outcomes[i].pending_canonical.clone())
        .collect();
    let canonical = harness.canonical(&pycs)?;
    for (&i, actual) in pending.iter().zip(canonical) {
        let outcome = &mut outcomes[i];
        let expected = match harness.answer(outcome.stage, &outcome.file)? {
            Answer::Reply { parts, .. } => parts.get(3).cloned(),
            Answer::Crashed(_) => None,
        };
        let same = actual.is_some() && actual == expected;
        outcome.canonical_failure = Some((!same).then(|| "canonical forms differ".to_string()));
    }
    Ok(())
}

/// A short diff (or crash report) for one failure, re-running pyc on it.
fn failure_diff(
    harness: &Harness,
    binary: &Path,
    stage: Stage,
    file: &str,
    canonical_row: bool,
) -> Result<String, String> {
    let out_file = harness
        .cache_dir
        .join(format!("tmp/pyc-{}-show.pyc", std::process::id()));
    let run = pyc_runner::run(binary, &harness.root, stage, file, &out_file)?;
    let Answer::Reply { status, parts } = harness.answer(stage, file)? else {
        return Ok("the oracle itself crashed on this input\n".into());
    };
    let expected = Expected {
        status,
        parts: &parts,
    };
    let actual_status = match &run.status {
        pyc_runner::RunStatus::Exit(code) => code.to_string(),
        other => format!("{other:?}"),
    };
    if let Some(label) = run.failure_label() {
        let stderr = String::from_utf8_lossy(&run.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(8).collect();
        let tail: String = tail
            .iter()
            .rev()
            .map(|line| format!("  {line}\n"))
            .collect();
        return Ok(format!("pyc {label}; stderr ends:\n{tail}"));
    }
    if stage != Stage::Pyc {
        let want = compare::rendering(
            stage,
            expected.stdout(),
            expected.stderr(),
            &status.to_string(),
        );
        let got = compare::rendering(stage, &run.stdout, &run.stderr, &actual_status);
        return Ok(compare::short_diff(&want, &got, 30));
    }
    if compare::both_wrote_pyc(&expected, &run) {
        let written = run.written.clone().unwrap_or_default();
        let actual = harness
            .canonical(std::slice::from_ref(&written))?
            .pop()
            .flatten()
            .unwrap_or_default();
        let want = String::from_utf8_lossy(expected.pyc_canonical()).into_owned();
        let got = String::from_utf8_lossy(&actual).into_owned();
        let what = if canonical_row {
            "canonical forms"
        } else {
            "bytes differ; canonical forms"
        };
        return Ok(format!(
            "{what} (oracle {} bytes, pyc {} bytes):\n{}",
            expected.pyc_bytes().len(),
            written.len(),
            compare::short_diff(&want, &got, 30)
        ));
    }
    Ok(format!(
        "oracle status {status} ({} bytes written); pyc status {actual_status} ({} bytes written); pyc stderr:\n{}",
        expected.pyc_bytes().len(),
        run.written.as_ref().map_or(0, Vec::len),
        String::from_utf8_lossy(&run.stderr)
    ))
}

#[allow(clippy::too_many_arguments)]
fn build_row(
    harness: &Harness,
    binary: &Path,
    corpus: &Corpus,
    index: usize,
    row_name: &str,
    stage: Stage,
    implemented: bool,
    outcomes: &[Outcome],
    show: usize,
) -> Result<Row, String> {
    let canonical_row = row_name != stage.name();
    let mine: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| o.corpus == index && o.stage == stage)
        .collect();
    let failure_of = |o: &Outcome| -> Option<String> {
        if canonical_row {
            o.canonical_failure
                .clone()
                .unwrap_or(Some("canonical form unknown".into()))
        } else {
            o.failure.clone()
        }
    };
    let failures: Vec<(&Outcome, String)> = mine
        .iter()
        .filter_map(|o| failure_of(o).map(|label| (*o, label)))
        .collect();
    let mut labels: BTreeMap<String, u64> = BTreeMap::new();
    for (_, label) in &failures {
        *labels
            .entry(label.split(" (").next().unwrap_or(label).to_string())
            .or_default() += 1;
    }
    let mut shown = Vec::new();
    for (outcome, label) in failures.iter().take(show) {
        let diff = failure_diff(harness, binary, stage, &outcome.file, canonical_row)?;
        shown.push(Failure {
            file: outcome.file.clone(),
            label: label.clone(),
            diff,
        });
    }
    Ok(Row {
        corpus: corpus.name.clone(),
        row: row_name.to_string(),
        passed: (mine.len() - failures.len()) as u64,
        total: corpus.files.len() as u64,
        implemented,
        shown,
        labels: labels.into_iter().collect(),
    })
}

pub fn run(args: &[String]) -> Result<(), String> {
    let started = Instant::now();
    let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
    let root = repo_root()?;
    let options = parse_options(args, &cwd)?;
    let harness = Harness::open(&root)?;
    let corpora = load_corpora(&harness, &cwd, &options.corpora)?;

    let mut oracle_jobs = Vec::new();
    for corpus in &corpora {
        for &stage in &options.stages {
            oracle_jobs.extend(corpus.files.iter().map(|file| (stage, file.clone())));
        }
    }
    let oracle_started = Instant::now();
    let asked = harness.fill_cache(&oracle_jobs)?;
    eprintln!(
        "conformance: oracle answered {asked} of {} jobs in {:.1}s (the rest were cached)",
        oracle_jobs.len(),
        oracle_started.elapsed().as_secs_f64()
    );

    let binary = pyc_runner::build(&root)?;
    let implemented: BTreeMap<Stage, bool> = options
        .stages
        .iter()
        .map(|&stage| (stage, pyc_runner::implements(&binary, &root, stage)))
        .collect();
    let mut pyc_jobs = Vec::new();
    for (index, corpus) in corpora.iter().enumerate() {
        for stage in options.stages.iter().filter(|stage| implemented[stage]) {
            pyc_jobs.extend(
                corpus
                    .files
                    .iter()
                    .map(|file| (index, *stage, file.clone())),
            );
        }
    }
    let pyc_started = Instant::now();
    let mut outcomes = run_pyc_jobs(&harness, &binary, &pyc_jobs)?;
    settle_canonical(&harness, &mut outcomes)?;
    eprintln!(
        "conformance: pyc ran {} jobs in {:.1}s",
        pyc_jobs.len(),
        pyc_started.elapsed().as_secs_f64()
    );

    let mut rows = Vec::new();
    for (index, corpus) in corpora.iter().enumerate() {
        for &stage in &options.stages {
            let names: &[&str] = if stage == Stage::Pyc {
                &["pyc", "pyc-canonical"]
            } else {
                &[stage.name()]
            };
            for name in names {
                rows.push(build_row(
                    &harness,
                    &binary,
                    corpus,
                    index,
                    name,
                    stage,
                    implemented[&stage],
                    &outcomes,
                    options.show,
                )?);
            }
        }
    }
    remove_own_temp_files(&harness.cache_dir.join("tmp"));
    report::print_rows(&rows);
    let ratcheted: Vec<Measured> = rows
        .iter()
        .filter(|row| corpora.iter().any(|c| c.name == row.corpus && c.ratcheted))
        .map(|row| Measured {
            corpus: row.corpus.clone(),
            row: row.row.clone(),
            passed: row.passed,
        })
        .collect();
    let ok = apply_ratchet(&root, &ratcheted, options.update_ratchet)?;
    let (passed, failed) = report::totals(&rows);
    println!(
        "\nconformance finished in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    println!("{passed} passed, {failed} failed");
    if ok {
        Ok(())
    } else {
        // The summary line stays last; the failure is in the exit status.
        std::process::exit(1)
    }
}

/// Removes this run's scratch files (named with its process id; other runs may share the folder).
fn remove_own_temp_files(dir: &Path) {
    let marker = format!("-{}-", std::process::id());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().contains(&marker) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Checks the run against the ratchet (and raises it when asked); false when a row regressed.
fn apply_ratchet(root: &Path, measured: &[Measured], update: bool) -> Result<bool, String> {
    let path = root.join(ratchet::PATH);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut ratchet = Ratchet::parse(&text)?;
    let regressions = ratchet.regressions(measured);
    println!();
    for regression in &regressions {
        println!("ratchet: {regression}");
    }
    if update && ratchet.raise(measured) {
        std::fs::write(&path, ratchet.render()).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("ratchet: raised counts in {}", ratchet::PATH);
    }
    if regressions.is_empty() {
        println!(
            "ratchet: ok ({} rows checked against {})",
            measured.len(),
            ratchet::PATH
        );
    }
    Ok(regressions.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn stages_and_corpora_parse_in_any_order() {
        let cwd = Path::new("/nonexistent");
        let options = parse_options(
            &args(&[
                "dis", "--corpus", "stdlib", "mutants", "tokenize", "--show", "3",
            ]),
            cwd,
        )
        .expect("valid");
        assert_eq!(options.stages, vec![Stage::Tokenize, Stage::Dis]);
        assert!(matches!(
            options.corpora[..],
            [CorpusSpec::Stdlib, CorpusSpec::Mutants]
        ));
        assert_eq!(options.show, 3);
        let defaults = parse_options(&[], cwd).expect("valid");
        assert_eq!(defaults.stages, Stage::ALL.to_vec());
        assert!(matches!(defaults.corpora[..], [CorpusSpec::Stdlib]));
    }

    fn pyc_run(status: pyc_runner::RunStatus, written: Option<Vec<u8>>) -> PycRun {
        PycRun {
            status,
            stdout: Vec::new(),
            stderr: Vec::new(),
            written,
        }
    }

    #[test]
    fn pyc_byte_mismatches_wait_for_the_canonical_comparison() {
        let answer = Answer::Reply {
            status: 0,
            parts: vec![Vec::new(), Vec::new(), vec![1, 2], b"c\n".to_vec()],
        };
        let verdict = judge(
            Stage::Pyc,
            &answer,
            &pyc_run(pyc_runner::RunStatus::Exit(0), Some(vec![1, 3])),
        );
        assert_eq!(verdict.failure.as_deref(), Some("bytes differ"));
        assert_eq!(verdict.canonical_failure, None);
        assert_eq!(verdict.pending_canonical, Some(vec![1, 3]));
        let same = judge(
            Stage::Pyc,
            &answer,
            &pyc_run(pyc_runner::RunStatus::Exit(0), Some(vec![1, 2])),
        );
        assert_eq!((same.failure, same.canonical_failure), (None, Some(None)));
    }

    #[test]
    fn crashes_fail_both_pyc_rows_with_their_label() {
        let answer = Answer::Reply {
            status: 0,
            parts: Vec::new(),
        };
        let verdict = judge(
            Stage::Pyc,
            &answer,
            &pyc_run(pyc_runner::RunStatus::Timeout, None),
        );
        assert_eq!(verdict.failure.as_deref(), Some("timeout (over 20s)"));
        assert_eq!(
            verdict.canonical_failure,
            Some(Some("timeout (over 20s)".into()))
        );
        let oracle_crash = judge(
            Stage::Ast,
            &Answer::Crashed("RangeError".into()),
            &pyc_run(pyc_runner::RunStatus::Exit(0), None),
        );
        assert_eq!(oracle_crash.failure.as_deref(), Some("oracle crash"));
    }

    #[test]
    fn unknown_stages_are_rejected() {
        assert!(parse_options(&args(&["ast-dump"]), Path::new("/")).is_err());
    }

    #[test]
    fn a_run_below_the_ratchet_is_not_ok() {
        let dir = std::env::temp_dir().join(format!("pyc-ratchet-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("conformance")).expect("temp dir");
        std::fs::write(dir.join(ratchet::PATH), "[stdlib]\ntokenize = 10\n").expect("write");
        let below = [Measured {
            corpus: "stdlib".into(),
            row: "tokenize".into(),
            passed: 9,
        }];
        let at = [Measured {
            corpus: "stdlib".into(),
            row: "tokenize".into(),
            passed: 10,
        }];
        assert_eq!(apply_ratchet(&dir, &below, false), Ok(false));
        assert_eq!(apply_ratchet(&dir, &at, false), Ok(true));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
