//! `cargo xtask bless [STAGE...]`: rewrites the expected files of `golden/<stage>/` from the
//! oracle (format in golden/README.md). Never run by CI.

use std::path::Path;

use crate::conformance::cache::Answer;
use crate::conformance::corpus::{printed_path, python_files_under};
use crate::conformance::stage::Stage;
use crate::conformance::{repo_root, Harness};

pub fn run(args: &[String]) -> Result<(), String> {
    let stages = stages_to_bless(args)?;
    let root = repo_root()?;
    let harness = Harness::open(&root)?;
    let mut jobs = Vec::new();
    for stage in stages {
        let dir = root.join("golden").join(stage.name());
        if dir.is_dir() {
            jobs.extend(
                python_files_under(&dir)?
                    .iter()
                    .map(|p| (stage, printed_path(&root, p))),
            );
        }
    }
    harness.fill_cache(&jobs)?;
    for (stage, case) in &jobs {
        write_expected(&root, *stage, case, harness.answer(*stage, case)?)?;
    }
    eprintln!("bless: wrote the expected files of {} cases", jobs.len());
    Ok(())
}

fn stages_to_bless(args: &[String]) -> Result<Vec<Stage>, String> {
    if args.is_empty() {
        return Ok(Stage::ALL.to_vec());
    }
    args.iter()
        .map(|name| Stage::from_name(name).ok_or_else(|| format!("{name} is not a golden stage")))
        .collect()
}

/// Writes `<case>.expected`, and `.stderr`/`.status` only when non-empty/non-zero (removing stale
/// ones). For `pyc`, `.expected` holds the .pyc bytes and the input must compile.
fn write_expected(root: &Path, stage: Stage, case: &str, answer: Answer) -> Result<(), String> {
    let Answer::Reply { status, parts } = answer else {
        return Err(format!("the oracle crashed on {case}: no expected output"));
    };
    let part = |i: usize| parts.get(i).cloned().unwrap_or_default();
    let stdout = if stage == Stage::Pyc {
        if status != 0 {
            return Err(format!(
                "{case} does not compile: a pyc case must (error cases go in golden/errors/)"
            ));
        }
        part(2)
    } else {
        part(0)
    };
    let stem = root.join(case.strip_suffix(".py").ok_or("a case ends in .py")?);
    // Not `with_extension`: a case name may itself contain dots.
    let with = |ext: &str| std::path::PathBuf::from(format!("{}.{ext}", stem.display()));
    write(&with("expected"), Some(&stdout))?;
    let stderr = part(1);
    write(&with("stderr"), (!stderr.is_empty()).then_some(&stderr))?;
    let status_line = format!("{status}\n").into_bytes();
    write(&with("status"), (status != 0).then_some(&status_line))
}

fn write(path: &Path, content: Option<&Vec<u8>>) -> Result<(), String> {
    match content {
        Some(bytes) => std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display())),
        None if path.exists() => {
            std::fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))
        }
        None => Ok(()),
    }
}
