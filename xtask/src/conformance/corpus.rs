//! The inputs: the stdlib of the pinned pyodide (extracted once into the cache), the golden
//! cases, and any folder of `.py` files. Files are named by the path the tools print: relative to
//! the repository root when inside it, absolute otherwise.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::cache::Answer;
use super::oracle::{Pool, Request};
use super::stage::Stage;

pub const STDLIB_ZIP: &str = "oracle/node_modules/pyodide/python_stdlib.zip";

/// A named, sorted list of input files.
pub struct Corpus {
    pub name: String,
    /// Paths as printed (and passed to both tools), sorted.
    pub files: Vec<String>,
    /// Whether `conformance/ratchet.toml` holds counts for this corpus.
    pub ratcheted: bool,
}

/// Every `.py` file under `dir`, recursively, sorted by path.
pub fn python_files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries =
            std::fs::read_dir(&current).map_err(|e| format!("{}: {e}", current.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("{}: {e}", current.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "py") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The path the tools print for `path`: relative to the root when inside it.
pub fn printed_path(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(relative) => relative.to_string_lossy().into_owned(),
        Err(_) => path.to_string_lossy().into_owned(),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The stdlib `.py` files of the pinned pyodide, extracted into `cache_dir/corpus/stdlib` the
/// first time (by the oracle's own `zipfile`) and reused while the zip is unchanged.
pub fn stdlib(root: &Path, cache_dir: &Path, pool: &Pool) -> Result<Corpus, String> {
    let zip = root.join(STDLIB_ZIP);
    let zip_bytes = std::fs::read(&zip).map_err(|e| format!("{}: {e}", zip.display()))?;
    let dest = cache_dir.join("corpus/stdlib");
    let marker = cache_dir.join("corpus/stdlib.done");
    let stamp = sha256_hex(&zip_bytes);
    // The marker names the zip and how many files it held, so a partial folder is re-extracted.
    let listed = || -> Option<Vec<PathBuf>> {
        let marker = std::fs::read_to_string(&marker).ok()?;
        let (zip_hash, count) = marker.trim().split_once(' ')?;
        let files = python_files_under(&dest).ok()?;
        (zip_hash == stamp && count.parse() == Ok(files.len())).then_some(files)
    };
    let files = match listed() {
        Some(files) => files,
        None => with_lock(&cache_dir.join("corpus/stdlib.lock"), || {
            if let Some(files) = listed() {
                return Ok(files);
            }
            extract(pool, &zip, &dest)?;
            let files = python_files_under(&dest)?;
            std::fs::write(&marker, format!("{stamp} {}\n", files.len()))
                .map_err(|e| format!("{}: {e}", marker.display()))?;
            Ok(files)
        })?,
    };
    let files = files.iter().map(|p| printed_path(root, p)).collect();
    Ok(Corpus {
        name: "stdlib".into(),
        files,
        ratcheted: true,
    })
}

/// Runs `f` while holding `lock` (a file created exclusively), so that concurrent runs sharing
/// the cache folder do not build the same corpus at once. A lock older than an hour is stale.
pub fn with_lock<T>(lock: &Path, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    if let Some(parent) = lock.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    let mut waited = false;
    loop {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(lock)
        {
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let age = std::fs::metadata(lock)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok());
                if age.is_some_and(|age| age > std::time::Duration::from_secs(3600)) {
                    let _ = std::fs::remove_file(lock);
                    continue;
                }
                if !waited {
                    eprintln!(
                        "conformance: waiting for another run holding {}",
                        lock.display()
                    );
                    waited = true;
                }
                std::thread::sleep(std::time::Duration::from_millis(500));
            }
            Err(e) => return Err(format!("{}: {e}", lock.display())),
        }
    }
    let result = f();
    let _ = std::fs::remove_file(lock);
    result
}

fn extract(pool: &Pool, zip: &Path, dest: &Path) -> Result<(), String> {
    if dest.exists() {
        std::fs::remove_dir_all(dest).map_err(|e| format!("{}: {e}", dest.display()))?;
    }
    std::fs::create_dir_all(dest).map_err(|e| format!("{}: {e}", dest.display()))?;
    let request = Request::Extract {
        zip: zip.display().to_string(),
        dest: dest.display().to_string(),
    };
    let result = std::sync::Mutex::new(None);
    pool.run(&[request], "extract", |_, answer| {
        *result.lock().map_err(|e| e.to_string())? = Some(answer);
        Ok(())
    })?;
    match result.into_inner().map_err(|e| e.to_string())? {
        Some(Answer::Reply { status: 0, parts }) => {
            let count = parts
                .first()
                .map_or(0, |names| names.split(|&b| b == b'\n').count());
            eprintln!(
                "conformance: extracted {count} .py files from {}",
                STDLIB_ZIP
            );
            Ok(())
        }
        other => Err(format!("extracting {}: {other:?}", zip.display())),
    }
}

/// The golden cases: every `.py` in a stage directory of `golden/` (other directories belong to
/// crate tests). Every stage runs on all of them.
pub fn golden(root: &Path) -> Result<Corpus, String> {
    let mut files = Vec::new();
    for stage in Stage::ALL {
        let dir = root.join("golden").join(stage.name());
        if dir.is_dir() {
            files.extend(
                python_files_under(&dir)?
                    .iter()
                    .map(|p| printed_path(root, p)),
            );
        }
    }
    files.sort();
    Ok(Corpus {
        name: "golden".into(),
        files,
        ratcheted: true,
    })
}

/// A user's folder (or single file) of `.py` sources; `given` is resolved against `cwd`.
pub fn folder(root: &Path, cwd: &Path, given: &str) -> Result<Corpus, String> {
    let path = cwd.join(given);
    let path = path.canonicalize().map_err(|e| format!("{given}: {e}"))?;
    let files = if path.is_dir() {
        python_files_under(&path)?
    } else {
        vec![path]
    };
    let files = files.iter().map(|p| printed_path(root, p)).collect();
    Ok(Corpus {
        name: given.to_string(),
        files,
        ratcheted: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_paths_are_relative_inside_the_root_and_absolute_outside() {
        let root = Path::new("/repo");
        assert_eq!(
            printed_path(root, Path::new("/repo/golden/ast/x.py")),
            "golden/ast/x.py"
        );
        assert_eq!(
            printed_path(root, Path::new("/home/u/x.py")),
            "/home/u/x.py"
        );
    }
}
