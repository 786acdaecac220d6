//! Port of Objects/unicodectype.c (_PyUnicode_IsPrintable, _PyUnicode_IsXidStart,
//! _PyUnicode_IsXidContinue) and Objects/unicodeobject.c (_PyUnicode_ScanIdentifier).

use crate::generated::unicode::{PRINTABLE, XID_CONTINUE, XID_START};

fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    ranges
        .binary_search_by(|&(first, last)| {
            if last < cp {
                std::cmp::Ordering::Less
            } else if first > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isprintable` for one character.
#[inline]
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(PRINTABLE, c)
}

fn is_xid_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && in_ranges(XID_START, c))
}

fn is_xid_continue(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric() || (!c.is_ascii() && in_ranges(XID_CONTINUE, c))
}

/// Port of `_PyUnicode_ScanIdentifier`: the byte index and character of the first character
/// that cannot be part of the identifier `text`, or `None` when all of it is valid.
pub fn scan_identifier(text: &str) -> Option<(usize, char)> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    if !is_xid_start(first) {
        return Some((0, first));
    }
    chars.find(|&(_, c)| !is_xid_continue(c))
}
