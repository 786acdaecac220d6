//! The oracle's answers, stored by a content hash of everything they depend on (stage, options,
//! oracle version, the path as printed, the file's bytes), so a second run asks the oracle nothing.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// What the oracle answered for one job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The interpreter finished the job: its status and the parts of the reply.
    Reply { status: i32, parts: Vec<Vec<u8>> },
    /// The interpreter died on this input twice in a row (a fresh process each time).
    Crashed(String),
}

/// A SHA-256 over length-prefixed fields, so that no two field lists collide by concatenation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key([u8; 32]);

impl Key {
    pub fn of(fields: &[&[u8]]) -> Key {
        let mut hasher = Sha256::new();
        for field in fields {
            hasher.update((field.len() as u64).to_le_bytes());
            hasher.update(field);
        }
        Key(hasher.finalize().into())
    }

    pub fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

pub struct Cache {
    dir: PathBuf,
}

const MAGIC: &[u8] = b"pyc-oracle-answer-1\n";

impl Cache {
    pub fn new(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    fn path(&self, key: &Key) -> PathBuf {
        let hex = key.hex();
        self.dir.join(&hex[..2]).join(&hex[2..])
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.path(key).is_file()
    }

    /// The stored answer; a missing or unreadable entry is a miss.
    pub fn get(&self, key: &Key) -> Option<Answer> {
        let bytes = std::fs::read(self.path(key)).ok()?;
        decode(&bytes)
    }

    /// Stores an answer atomically (write then rename), so a killed run leaves no torn entry.
    pub fn put(&self, key: &Key, answer: &Answer) -> Result<(), String> {
        let path = self.path(key);
        let parent = path.parent().ok_or("cache path has no parent")?;
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        write_file(&tmp, &encode(answer))?;
        std::fs::rename(&tmp, &path).map_err(|e| format!("{}: {e}", path.display()))
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    file.write_all(bytes)
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn encode(answer: &Answer) -> Vec<u8> {
    let (tag, status, parts): (u8, i32, Vec<&[u8]>) = match answer {
        Answer::Reply { status, parts } => (0, *status, parts.iter().map(Vec::as_slice).collect()),
        Answer::Crashed(message) => (1, 0, vec![message.as_bytes()]),
    };
    let mut out = MAGIC.to_vec();
    out.push(tag);
    out.extend_from_slice(&status.to_le_bytes());
    out.extend_from_slice(&(parts.len() as u32).to_le_bytes());
    for part in parts {
        out.extend_from_slice(&(part.len() as u64).to_le_bytes());
        out.extend_from_slice(part);
    }
    out
}

fn decode(bytes: &[u8]) -> Option<Answer> {
    let mut rest = bytes.strip_prefix(MAGIC)?;
    let tag = *take(&mut rest, 1)?.first()?;
    let status = i32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?);
    let count = u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?);
    let mut parts = Vec::new();
    for _ in 0..count {
        let len = u64::from_le_bytes(take(&mut rest, 8)?.try_into().ok()?);
        parts.push(take(&mut rest, usize::try_from(len).ok()?)?.to_vec());
    }
    if !rest.is_empty() {
        return None;
    }
    match tag {
        0 => Some(Answer::Reply { status, parts }),
        1 => Some(Answer::Crashed(
            String::from_utf8_lossy(parts.first()?).into_owned(),
        )),
        _ => None,
    }
}

fn take<'a>(rest: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if rest.len() < n {
        return None;
    }
    let (head, tail) = rest.split_at(n);
    *rest = tail;
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_the_encoding() {
        let reply = Answer::Reply {
            status: 1,
            parts: vec![b"out\n".to_vec(), Vec::new(), vec![0, 255]],
        };
        assert_eq!(decode(&encode(&reply)), Some(reply));
        let crash = Answer::Crashed("RangeError".into());
        assert_eq!(decode(&encode(&crash)), Some(crash));
    }

    #[test]
    fn truncated_entries_are_misses() {
        let bytes = encode(&Answer::Reply {
            status: 0,
            parts: vec![b"abc".to_vec()],
        });
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None);
    }

    #[test]
    fn keys_do_not_collide_by_concatenation() {
        assert_ne!(Key::of(&[b"ab", b"c"]), Key::of(&[b"a", b"bc"]));
    }
}
