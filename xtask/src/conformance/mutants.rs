//! Invalid programs for the error paths: small windows (at most `WINDOW_LINES` lines) of stdlib
//! files with one token deleted, duplicated or inserted, or one line's indentation broken, kept
//! only where CPython accepts the window and rejects the mutant. Deterministic: a fixed seed, a
//! sorted corpus, no hash-ordered containers; the same seed and corpus give the same files.

use std::path::Path;
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::cache::Answer;
use super::corpus::{printed_path, python_files_under, with_lock, Corpus};
use super::oracle::{Pool, Request};

const SEED: u64 = 0x5eed_0314_0002;
/// How many mutants the corpus holds.
pub const TARGET: usize = 2500;
const WINDOW_LINES: usize = 30;
/// Candidates generated per round of oracle checks.
const ROUND: usize = 1500;
/// Bumped whenever generation changes, so that cached mutants are regenerated.
const GENERATOR_VERSION: &str = "mutants-1";

/// Tokens inserted by the `insert` mutation.
const INSERTIONS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", ".", ";", "=", "==", "+", "-", "*", "**", "/", "@",
    "->", ":=", "...", "\\", "'", "\"", "f'", "t'", "\"\"\"", "if", "else", "elif", "for", "in",
    "not", "is", "and", "lambda", "def", "class", "return", "yield", "await", "async", "import",
    "from", "as", "with", "pass", "global", "nonlocal", "del", "break", "continue", "try",
    "except", "finally", "raise", "None", "True", "1", "0x", "1e", "x", "match", "case", "type",
];

/// splitmix64: a tiny generator whose stream depends only on the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One candidate: the untouched window, the mutant, and where it came from.
pub struct Candidate {
    pub window: Vec<u8>,
    pub mutant: Vec<u8>,
    pub origin: String,
}

/// Byte ranges of the tokens of `source`: a rough lexer (names, numbers, strings, operators),
/// enough to choose mutation points; comments and whitespace are skipped.
pub fn token_spans(source: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < source.len() {
        let c = source[i];
        if c == b'#' {
            while i < source.len() && source[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c.is_ascii_whitespace() || c == b'\\' {
            i += 1;
            continue;
        }
        let end = token_end(source, i);
        spans.push((i, end));
        i = end;
    }
    spans
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn token_end(source: &[u8], start: usize) -> usize {
    let c = source[start];
    if is_name_byte(c) {
        let mut end = start;
        while end < source.len() && is_name_byte(source[end]) {
            end += 1;
        }
        // A short prefix such as rb or f directly before a quote starts a string.
        if end - start <= 2
            && end < source.len()
            && c.is_ascii_alphabetic()
            && matches!(source[end], b'\'' | b'"')
        {
            return string_end(source, end);
        }
        return end;
    }
    if c == b'\'' || c == b'"' {
        return string_end(source, start);
    }
    const OPERATORS: &[&str] = &[
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==",
        "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
    ];
    for op in OPERATORS {
        if source[start..].starts_with(op.as_bytes()) {
            return start + op.len();
        }
    }
    start + 1
}

/// The end of the string literal whose opening quote is at `quote`.
fn string_end(source: &[u8], quote: usize) -> usize {
    let q = source[quote];
    let triple = source[quote..].starts_with(&[q, q, q]);
    let mut i = quote + if triple { 3 } else { 1 };
    while i < source.len() {
        match source[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return i,
            b if b == q && (!triple || source[i..].starts_with(&[q, q, q])) => {
                return i + if triple { 3 } else { 1 };
            }
            _ => i += 1,
        }
    }
    source.len()
}

/// Line indices where a window may start or end: lines that begin a statement at column 0.
fn boundaries(lines: &[&[u8]]) -> Vec<usize> {
    let mut found: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            lines[i].first().is_some_and(|&b| {
                !b.is_ascii_whitespace() && b != b'#' && b != b')' && b != b']' && b != b'}'
            })
        })
        .collect();
    found.push(lines.len());
    found
}

/// A window of at most `WINDOW_LINES` lines starting at a boundary and ending at the farthest
/// boundary within reach (or cut at `WINDOW_LINES` when no boundary is that close).
fn choose_window(rng: &mut Rng, lines: &[&[u8]]) -> Option<(usize, usize)> {
    let bounds = boundaries(lines);
    if bounds.len() < 2 {
        return None;
    }
    let first = rng.below(bounds.len() - 1);
    let start = bounds[first];
    let end = bounds[first + 1..]
        .iter()
        .copied()
        .take_while(|&b| b - start <= WINDOW_LINES)
        .last()
        .unwrap_or(start + WINDOW_LINES.min(lines.len() - start));
    Some((start, end))
}

fn mutate(rng: &mut Rng, window: &[u8]) -> Option<(Vec<u8>, String)> {
    let spans = token_spans(window);
    if spans.is_empty() {
        return None;
    }
    let (start, end) = spans[rng.below(spans.len())];
    let text = String::from_utf8_lossy(&window[start..end]).into_owned();
    let splice = |at: usize, cut: usize, insert: &[u8]| -> Vec<u8> {
        [&window[..at], insert, &window[cut..]].concat()
    };
    Some(match rng.below(4) {
        0 => (
            splice(start, end, b""),
            format!("delete {text:?} at byte {start}"),
        ),
        1 => {
            let doubled = [&window[start..end], b" ", &window[start..end]].concat();
            (
                splice(start, end, &doubled),
                format!("duplicate {text:?} at byte {start}"),
            )
        }
        2 => {
            let token = INSERTIONS[rng.below(INSERTIONS.len())];
            let inserted = format!("{token} ");
            (
                splice(start, start, inserted.as_bytes()),
                format!("insert {token:?} at byte {start}"),
            )
        }
        _ => break_indentation(rng, window)?,
    })
}

/// Changes the indentation of one non-blank line: one space more or less, a tab for four
/// spaces, or an indented line that was at column 0.
fn break_indentation(rng: &mut Rng, window: &[u8]) -> Option<(Vec<u8>, String)> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(
            window
                .iter()
                .enumerate()
                .filter(|(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .filter(|&i| i < window.len() && window[i] != b'\n')
        .collect();
    if line_starts.is_empty() {
        return None;
    }
    let at = line_starts[rng.below(line_starts.len())];
    let line_no = window[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let indent = window[at..].iter().take_while(|&&b| b == b' ').count();
    let (cut, insert, what): (usize, &[u8], &str) = match (rng.below(3), indent) {
        (0, _) => (at, b" ", "one more space"),
        (1, n) if n >= 4 => (at + 4, b"\t", "a tab for four spaces"),
        (_, n) if n > 0 => (at + 1, b"", "one space less"),
        _ => (at, b"    ", "four spaces at column 0"),
    };
    let mutant = [&window[..at], insert, &window[cut..]].concat();
    Some((mutant, format!("indentation of line {line_no}: {what}")))
}

/// The next `count` candidates of the stream, which depends only on the generator's state and
/// the sorted sources.
fn candidates(sources: &[(String, Vec<u8>)], rng: &mut Rng, count: usize) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let (name, bytes) = &sources[rng.below(sources.len())];
        let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
        let Some((first, last)) = choose_window(rng, &lines) else {
            continue;
        };
        let window = lines[first..last].concat();
        let Some((mutant, what)) = mutate(rng, &window) else {
            continue;
        };
        if mutant == window {
            continue;
        }
        let origin = format!("{name}:{}-{}: {what}", first + 1, last);
        out.push(Candidate {
            window,
            mutant,
            origin,
        });
    }
    out
}

/// The mutants corpus, generated on the first run and then read back from the cache folder.
pub fn mutants(
    root: &Path,
    cache_dir: &Path,
    stdlib: &Corpus,
    pool: &Pool,
    oracle_version: &str,
) -> Result<Corpus, String> {
    let dir = cache_dir.join("corpus/mutants");
    let sources: Vec<(String, Vec<u8>)> = stdlib
        .files
        .iter()
        .map(|f| {
            Ok((
                f.clone(),
                std::fs::read(root.join(f)).map_err(|e| format!("{f}: {e}"))?,
            ))
        })
        .collect::<Result<_, String>>()?;
    let stamp = generation_stamp(&sources, oracle_version);
    let marker = cache_dir.join("corpus/mutants.done");
    let is_current = || std::fs::read_to_string(&marker).ok().as_deref() == Some(stamp.as_str());
    if !is_current() {
        with_lock(&cache_dir.join("corpus/mutants.lock"), || {
            if !is_current() {
                generate(&dir, cache_dir, &sources, pool)?;
                std::fs::write(&marker, &stamp)
                    .map_err(|e| format!("{}: {e}", marker.display()))?;
            }
            Ok(())
        })?;
    }
    let files = python_files_under(&dir)?
        .iter()
        .map(|p| printed_path(root, p))
        .collect();
    Ok(Corpus {
        name: "mutants".into(),
        files,
        ratcheted: true,
    })
}

fn generation_stamp(sources: &[(String, Vec<u8>)], oracle_version: &str) -> String {
    let mut hasher = Sha256::new();
    for field in [
        GENERATOR_VERSION,
        oracle_version,
        &SEED.to_string(),
        &TARGET.to_string(),
    ] {
        hasher.update(field.as_bytes());
        hasher.update([0]);
    }
    for (name, bytes) in sources {
        hasher.update(name.as_bytes());
        hasher.update(Sha256::digest(bytes));
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn generate(
    dir: &Path,
    cache_dir: &Path,
    sources: &[(String, Vec<u8>)],
    pool: &Pool,
) -> Result<(), String> {
    let work = cache_dir.join("mutants-work");
    for d in [dir, &work] {
        if d.exists() {
            std::fs::remove_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
        }
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    let mut rng = Rng(SEED);
    let mut kept: Vec<Candidate> = Vec::new();
    let mut tried = 0;
    while kept.len() < TARGET {
        let batch = candidates(sources, &mut rng, ROUND);
        let verdicts = check(&work, &batch, pool)?;
        tried += batch.len();
        kept.extend(
            batch
                .into_iter()
                .zip(verdicts)
                .filter(|(_, keep)| *keep)
                .map(|(c, _)| c),
        );
    }
    kept.truncate(TARGET);
    eprintln!(
        "conformance: kept {} mutants out of {tried} candidates",
        kept.len()
    );
    let mut manifest = String::new();
    for (i, candidate) in kept.iter().enumerate() {
        let name = format!("m{i:04}.py");
        let path = dir.join(&name);
        std::fs::write(&path, &candidate.mutant).map_err(|e| format!("{}: {e}", path.display()))?;
        manifest.push_str(&format!("{name}\t{}\n", candidate.origin));
    }
    let manifest_path = dir.join("MANIFEST.tsv");
    std::fs::write(&manifest_path, manifest)
        .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    std::fs::remove_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))
}

/// For each candidate, whether CPython accepts its window and rejects its mutant.
fn check(work: &Path, batch: &[Candidate], pool: &Pool) -> Result<Vec<bool>, String> {
    let mut requests = Vec::with_capacity(batch.len() * 2);
    for (i, candidate) in batch.iter().enumerate() {
        for (kind, bytes) in [("w", &candidate.window), ("m", &candidate.mutant)] {
            let path = work.join(format!("{kind}{i}.py"));
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            requests.push(Request::Compiles {
                path: path.display().to_string(),
            });
        }
    }
    let statuses = Mutex::new(vec![None; requests.len()]);
    pool.run(&requests, "mutant check", |index, answer| {
        let status = match answer {
            Answer::Reply { status, .. } => Some(status),
            Answer::Crashed(_) => None,
        };
        statuses.lock().map_err(|e| e.to_string())?[index] = status;
        Ok(())
    })?;
    let statuses = statuses.into_inner().map_err(|e| e.to_string())?;
    Ok(statuses
        .chunks(2)
        .map(|pair| pair == [Some(0), Some(1)])
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_spans_cover_names_strings_and_operators() {
        let source = b"x = f'a{b}' ** 2  # c\nif y:\n    pass\n";
        let tokens: Vec<&[u8]> = token_spans(source)
            .iter()
            .map(|&(s, e)| &source[s..e])
            .collect();
        assert_eq!(
            tokens,
            vec![
                &b"x"[..],
                b"=",
                b"f'a{b}'",
                b"**",
                b"2",
                b"if",
                b"y",
                b":",
                b"pass"
            ]
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_candidates() {
        let sources = vec![(
            "a.py".to_string(),
            b"import os\n\ndef f(x):\n    return x + 1\n\ny = f(2)\n".to_vec(),
        )];
        let first = candidates(&sources, &mut Rng(SEED), 50);
        let second = candidates(&sources, &mut Rng(SEED), 50);
        let texts = |c: &[Candidate]| {
            c.iter()
                .map(|c| (c.mutant.clone(), c.origin.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&first), texts(&second));
        assert!(first.iter().all(|c| c.mutant != c.window));
    }

    #[test]
    fn windows_start_at_column_zero_statements_and_stay_small() {
        let text = "def f():\n    pass\n".repeat(40);
        let lines: Vec<&[u8]> = text.as_bytes().split_inclusive(|&b| b == b'\n').collect();
        let mut rng = Rng(1);
        for _ in 0..20 {
            let (start, end) = choose_window(&mut rng, &lines).expect("a window");
            assert!(lines[start].starts_with(b"def"));
            assert!(end - start <= WINDOW_LINES && end > start);
        }
    }
}
