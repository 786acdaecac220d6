//! Port of the AST's `identifier` (a `PyUnicode` name in Python/Python-ast.c).

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::ptr::slice_from_raw_parts;
use std::sync::Arc;

/// The most bytes a name held inline has.
const INLINE: usize = 15;

/// A name in the tree (`Name.id`, `FunctionDef.name`, `alias.name`, ...).
///
/// Two words. A name of up to 15 bytes (98% of the names in the standard library) is held
/// inline, so making, cloning and dropping it touch neither the heap nor a reference count: with
/// an `Arc<str>` for every name, the parser's atomic increment for each name it made and the
/// tree's atomic decrement for each one it dropped took a twentieth of a parse. A longer name is
/// an `Arc<str>`, which clones share (the symbol table and the compiler copy names a lot).
/// `Send + Sync`, so trees can cross threads. Identifiers are always valid UTF-8 (the tokenizer
/// only accepts such names), unlike `Constant` strings.
#[repr(C)]
pub struct Identifier {
    /// Inline: the first 8 bytes of the name (zero-padded). Shared: the `Arc<str>`'s data.
    head: Head,
    /// Inline: the name's bytes 8 to 14 (zero-padded). Shared: the length, little-endian.
    tail: [u8; 7],
    /// The inline name's length, or `Shared`; its unused values let `Option<Identifier>` be
    /// two words as well.
    tag: Tag,
}

#[repr(C)]
#[derive(Clone, Copy)]
union Head {
    bytes: [u8; 8],
    shared: *const u8,
}

#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq)]
#[rustfmt::skip]
enum Tag {
    Len0, Len1, Len2, Len3, Len4, Len5, Len6, Len7, Len8, Len9, Len10, Len11, Len12, Len13,
    Len14, Len15,
    Shared,
}

/// The tag of an inline name of each length.
#[rustfmt::skip]
const INLINE_TAGS: [Tag; INLINE + 1] = [
    Tag::Len0, Tag::Len1, Tag::Len2, Tag::Len3, Tag::Len4, Tag::Len5, Tag::Len6, Tag::Len7,
    Tag::Len8, Tag::Len9, Tag::Len10, Tag::Len11, Tag::Len12, Tag::Len13, Tag::Len14, Tag::Len15,
];

// SAFETY: an identifier owns its inline bytes, or shares an `Arc<str>`, which is Send + Sync.
unsafe impl Send for Identifier {}
// SAFETY: as above; shared access only reads.
unsafe impl Sync for Identifier {}

impl Identifier {
    #[inline]
    pub fn new(name: &str) -> Self {
        match INLINE_TAGS.get(name.len()) {
            Some(&tag) => Identifier::inline(name.as_bytes(), tag),
            None => Identifier::shared(Arc::from(name)),
        }
    }

    /// `name` (at most [`INLINE`] bytes, of length `tag`) held inline.
    #[inline]
    fn inline(name: &[u8], tag: Tag) -> Self {
        let mut bytes = [0u8; INLINE];
        bytes[..name.len()].copy_from_slice(name);
        let (head, tail) = bytes.split_at(8);
        Identifier {
            head: Head {
                bytes: head.try_into().unwrap_or_default(),
            },
            tail: tail.try_into().unwrap_or_default(),
            tag,
        }
    }

    /// A long name, shared.
    fn shared(name: Arc<str>) -> Self {
        let len = name.len() as u64;
        let data = Arc::into_raw(name).cast::<u8>();
        let mut tail = [0u8; 7];
        // A length fits in 7 bytes: no allocation reaches 2^56 bytes.
        tail.copy_from_slice(&len.to_le_bytes()[..7]);
        Identifier {
            head: Head { shared: data },
            tail,
            tag: Tag::Shared,
        }
    }

    /// The `Arc<str>` a shared name holds, as the raw pointer `Arc::into_raw` gave.
    #[inline]
    fn shared_ptr(&self) -> Option<*const str> {
        if self.tag != Tag::Shared {
            return None;
        }
        let mut len = [0u8; 8];
        len[..7].copy_from_slice(&self.tail);
        // SAFETY: a shared name's head holds the pointer (`Identifier::shared`).
        let data = unsafe { self.head.shared };
        Some(slice_from_raw_parts(data, u64::from_le_bytes(len) as usize) as *const str)
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match self.shared_ptr() {
            // SAFETY: the pointer is a live `Arc<str>`'s, kept alive by `self`.
            Some(shared) => unsafe { &*shared },
            None => {
                // SAFETY: `Identifier` is `repr(C)`: `head` and `tail` are 15 bytes in a row,
                // from the start of `self`, the first `tag as usize` of them a name's UTF-8.
                unsafe {
                    let bytes = std::slice::from_raw_parts(
                        (self as *const Identifier).cast::<u8>(),
                        self.tag as usize,
                    );
                    std::str::from_utf8_unchecked(bytes)
                }
            }
        }
    }
}

impl Clone for Identifier {
    #[inline]
    fn clone(&self) -> Self {
        if let Some(shared) = self.shared_ptr() {
            // SAFETY: the pointer is a live `Arc<str>`'s; the clone owns the count it adds.
            unsafe { Arc::increment_strong_count(shared) };
        }
        Identifier {
            head: self.head,
            tail: self.tail,
            tag: self.tag,
        }
    }
}

impl Drop for Identifier {
    #[inline]
    fn drop(&mut self) {
        if let Some(shared) = self.shared_ptr() {
            // SAFETY: `self` owns one count of the `Arc<str>` and gives it up here, once.
            drop(unsafe { Arc::from_raw(shared) });
        }
    }
}

impl PartialEq for Identifier {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Identifier {}

impl PartialOrd for Identifier {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Identifier {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Identifier {
    /// As the `str` it spells (see `Borrow<str>`).
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl Deref for Identifier {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Identifier {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Identifier {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Identifier {
    fn from(name: &str) -> Self {
        Identifier::new(name)
    }
}

impl From<String> for Identifier {
    fn from(name: String) -> Self {
        if name.len() <= INLINE {
            return Identifier::new(&name);
        }
        Identifier::shared(Arc::from(name))
    }
}

impl PartialEq<str> for Identifier {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Identifier {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        (0..30)
            .map(|n| "ab\u{e9}xyz".chars().cycle().take(n).collect())
            .collect()
    }

    #[test]
    fn every_length_reads_back_as_made() {
        for text in [
            "",
            "x",
            "self",
            "a_fifteen_bytes",
            "a_sixteen_bytes_",
            "é_ü",
            "名前",
        ] {
            let name = Identifier::new(text);
            assert_eq!(name.as_str(), text);
            assert_eq!(Identifier::from(text.to_string()).as_str(), text);
            assert_eq!(name.clone(), name);
        }
    }

    #[test]
    fn short_names_are_inline_and_long_ones_shared() {
        assert!(Identifier::new("a_fifteen_bytes").shared_ptr().is_none());
        let long = Identifier::new("a_sixteen_bytes_");
        let copy = long.clone();
        assert_eq!(long.as_ptr(), copy.as_ptr());
        drop(long);
        assert_eq!(copy.as_str(), "a_sixteen_bytes_");
    }

    #[test]
    fn order_equality_and_hash_are_the_strings() {
        use std::collections::hash_map::DefaultHasher;
        let hash = |h: &dyn Fn(&mut DefaultHasher)| {
            let mut state = DefaultHasher::new();
            h(&mut state);
            state.finish()
        };
        let all: Vec<String> = ('a'..='e')
            .flat_map(|c| names().into_iter().map(move |n| format!("{c}{n}")))
            .collect();
        for a in &all {
            let ia = Identifier::new(a);
            assert_eq!(hash(&|s| ia.hash(s)), hash(&|s| a.as_str().hash(s)));
            for b in &all {
                let ib = Identifier::from(b.clone());
                assert_eq!(ia.cmp(&ib), a.cmp(b), "{a:?} {b:?}");
                assert_eq!(ia == ib, a == b);
            }
        }
    }

    #[test]
    fn a_name_moved_between_threads_stays_whole() {
        let long = Identifier::new(&"long_name_".repeat(5));
        let copy = long.clone();
        let back = std::thread::spawn(move || copy).join().expect("the thread");
        assert_eq!(back, long);
    }
}
