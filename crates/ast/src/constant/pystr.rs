//! Port of Objects/unicodeobject.c: the str value (code points, including lone surrogates).

use compact_str::CompactString;

/// A Python `str`: a sequence of code points in `0..=0x10FFFF`, lone surrogates included.
///
/// A Rust `String` cannot hold `"\ud800"`, so a string with a surrogate keeps its code points;
/// every other string is plain UTF-8. The representation is canonical, so the derived equality
/// and hash compare code points. Two surrogates in a row stay two code points (Python's
/// `"\ud83d\ude00"` is not `"😀"`). Ordering is by code points, as Python compares strs.
///
/// UTF-8 text of up to 24 bytes is held inline (`CompactString`): most string literals are
/// that short, and each one built by the parser then costs no allocation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PyStr(StrRepr);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum StrRepr {
    Utf8(CompactString),
    /// Holds at least one surrogate (U+D800..U+DFFF); all values are at most U+10FFFF.
    CodePoints(Box<[u32]>),
}

/// The highest code point (`sys.maxunicode`).
pub const MAX_CODE_POINT: u32 = 0x10FFFF;

impl PyStr {
    /// The empty string.
    #[inline]
    pub fn new() -> PyStr {
        PyStr(StrRepr::Utf8(CompactString::default()))
    }

    /// Builds a string from code points; `None` when one is above U+10FFFF.
    pub fn from_code_points<I: IntoIterator<Item = u32>>(code_points: I) -> Option<PyStr> {
        let code_points: Vec<u32> = code_points.into_iter().collect();
        if code_points.iter().any(|&cp| cp > MAX_CODE_POINT) {
            return None;
        }
        // Sized for ASCII, the common case; a surrogate switches to the code points.
        let mut text = CompactString::with_capacity(code_points.len());
        for &cp in &code_points {
            match char::from_u32(cp) {
                Some(c) => text.push(c),
                None => return Some(PyStr(StrRepr::CodePoints(code_points.into_boxed_slice()))),
            }
        }
        Some(PyStr(StrRepr::Utf8(text)))
    }

    /// The pieces one after the other (Python's `"".join(pieces)`), in one allocation when
    /// they are all UTF-8; adjacent surrogates stay separate code points.
    pub fn join<'a, I>(pieces: I) -> PyStr
    where
        I: IntoIterator<Item = &'a PyStr>,
        I::IntoIter: Clone,
    {
        let pieces = pieces.into_iter();
        let mut len = 0;
        for piece in pieces.clone() {
            match piece.as_str() {
                Some(text) => len += text.len(),
                None => {
                    let code_points = pieces.flat_map(PyStr::code_points).collect();
                    return PyStr(StrRepr::CodePoints(code_points));
                }
            }
        }
        let mut text = CompactString::with_capacity(len);
        for piece in pieces.filter_map(PyStr::as_str) {
            text.push_str(piece);
        }
        PyStr(StrRepr::Utf8(text))
    }

    /// The string as UTF-8, or `None` when it holds a lone surrogate.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match &self.0 {
            StrRepr::Utf8(text) => Some(text),
            StrRepr::CodePoints(_) => None,
        }
    }

    /// The code points, in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        match &self.0 {
            StrRepr::Utf8(text) => CodePoints::Utf8(text.chars()),
            StrRepr::CodePoints(cps) => CodePoints::Wide(cps.iter()),
        }
    }

    /// The number of code points (Python's `len`).
    pub fn len_chars(&self) -> usize {
        match &self.0 {
            StrRepr::Utf8(text) => text.chars().count(),
            StrRepr::CodePoints(cps) => cps.len(),
        }
    }

    /// True for the empty string.
    #[inline]
    pub fn is_empty(&self) -> bool {
        match &self.0 {
            StrRepr::Utf8(text) => text.is_empty(),
            StrRepr::CodePoints(cps) => cps.is_empty(),
        }
    }

    /// `self + other`; two adjacent surrogates stay two code points.
    pub fn concat(&self, other: &PyStr) -> PyStr {
        PyStr::join([self, other])
    }

    /// Python's `str.isascii()`.
    pub fn is_ascii(&self) -> bool {
        self.code_points().all(|cp| cp < 0x80)
    }

    /// The UTF-8 bytes with each lone surrogate as its 3-byte generalized UTF-8 form, as Python's
    /// `s.encode("utf-8", "surrogatepass")` gives (marshal writes strings this way).
    pub fn to_utf8_surrogatepass(&self) -> Vec<u8> {
        match &self.0 {
            StrRepr::Utf8(text) => text.as_bytes().to_vec(),
            StrRepr::CodePoints(cps) => {
                let mut out = Vec::with_capacity(cps.len());
                for &cp in cps {
                    push_utf8_surrogatepass(&mut out, cp);
                }
                out
            }
        }
    }
}

/// Builds a [`PyStr`] piece by piece, as a decoder produces it: UTF-8 until a lone surrogate
/// arrives, code points from then on.
#[derive(Debug, Default)]
pub struct PyStrBuilder {
    text: CompactString,
    /// The code points so far, once a surrogate has been pushed.
    wide: Option<Vec<u32>>,
    /// Whether a code point above U+10FFFF was pushed.
    out_of_range: bool,
}

impl PyStrBuilder {
    /// An empty builder with room for `bytes` bytes of UTF-8.
    pub fn with_capacity(bytes: usize) -> PyStrBuilder {
        PyStrBuilder {
            text: CompactString::with_capacity(bytes),
            wide: None,
            out_of_range: false,
        }
    }

    /// Appends one code point.
    #[inline]
    pub fn push(&mut self, cp: u32) {
        if let Some(wide) = &mut self.wide {
            wide.push(cp);
            self.out_of_range |= cp > MAX_CODE_POINT;
            return;
        }
        match char::from_u32(cp) {
            Some(c) => self.text.push(c),
            None => {
                let mut wide: Vec<u32> = self.text.chars().map(u32::from).collect();
                wide.push(cp);
                self.wide = Some(wide);
                self.out_of_range |= cp > MAX_CODE_POINT;
            }
        }
    }

    /// Appends text.
    #[inline]
    pub fn push_str(&mut self, text: &str) {
        match &mut self.wide {
            Some(wide) => wide.extend(text.chars().map(u32::from)),
            None => self.text.push_str(text),
        }
    }

    /// The string; `None` when a code point above U+10FFFF was pushed.
    pub fn finish(self) -> Option<PyStr> {
        if self.out_of_range {
            return None;
        }
        Some(match self.wide {
            Some(wide) => PyStr(StrRepr::CodePoints(wide.into_boxed_slice())),
            None => PyStr(StrRepr::Utf8(self.text)),
        })
    }
}

/// Appends `cp` in UTF-8, encoding a surrogate as if it were an ordinary BMP code point.
fn push_utf8_surrogatepass(out: &mut Vec<u8>, cp: u32) {
    // Every branch masks to the bits it keeps, so the `as u8` casts never truncate meaningfully.
    match cp {
        0..=0x7F => out.push(cp as u8),
        0x80..=0x7FF => out.extend([0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]),
        0x800..=0xFFFF => out.extend([
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
        _ => out.extend([
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
    }
}

impl Ord for PyStr {
    fn cmp(&self, other: &PyStr) -> std::cmp::Ordering {
        self.code_points().cmp(other.code_points())
    }
}

impl PartialOrd for PyStr {
    fn partial_cmp(&self, other: &PyStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Default for PyStr {
    fn default() -> PyStr {
        PyStr::new()
    }
}

impl From<&str> for PyStr {
    #[inline]
    fn from(text: &str) -> PyStr {
        PyStr(StrRepr::Utf8(CompactString::new(text)))
    }
}

impl From<String> for PyStr {
    #[inline]
    fn from(text: String) -> PyStr {
        PyStr(StrRepr::Utf8(CompactString::from(text)))
    }
}

/// Iterator over the code points of a [`PyStr`].
#[derive(Clone, Debug)]
pub enum CodePoints<'a> {
    #[doc(hidden)]
    Utf8(std::str::Chars<'a>),
    #[doc(hidden)]
    Wide(std::slice::Iter<'a, u32>),
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        match self {
            CodePoints::Utf8(chars) => chars.next().map(u32::from),
            CodePoints::Wide(cps) => cps.next().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, RandomState};

    /// Strings on both sides of the inline limit (24 bytes), built every way the crates build
    /// them.
    fn built_four_ways(text: &str) -> [PyStr; 4] {
        let code_points = text.chars().map(u32::from);
        let middle = text.char_indices().nth(2).map_or(text.len(), |(at, _)| at);
        let (head, tail) = text.split_at(middle);
        [
            PyStr::from(text),
            PyStr::from(text.to_owned()),
            PyStr::from_code_points(code_points).unwrap_or_default(),
            PyStr::from(head).concat(&PyStr::from(tail)),
        ]
    }

    #[test]
    fn equal_text_is_equal_and_hashes_equal_however_it_was_built() {
        let hasher = RandomState::new();
        for text in [
            "",
            "abc",
            "exactly twenty-four byte",
            "twenty-five bytes, just o",
            "é€😀",
        ] {
            let [first, rest @ ..] = built_four_ways(text);
            assert_eq!(first.as_str(), Some(text));
            for other in rest {
                assert_eq!(other, first);
                assert_eq!(hasher.hash_one(&other), hasher.hash_one(&first));
            }
        }
    }

    #[test]
    fn the_builder_switches_to_code_points_at_a_surrogate_and_keeps_what_came_before() {
        let mut builder = PyStrBuilder::with_capacity(4);
        builder.push_str("aé");
        builder.push(0xDC80);
        builder.push_str("b");
        builder.push(0x1F600);
        let expected = [0x61, 0xE9, 0xDC80, 0x62, 0x1F600];
        assert_eq!(builder.finish(), PyStr::from_code_points(expected));

        let mut builder = PyStrBuilder::default();
        builder.push_str("long enough to leave the inline buffer: ");
        builder.push(0xE9);
        assert_eq!(
            builder.finish().as_ref().and_then(PyStr::as_str),
            Some("long enough to leave the inline buffer: é")
        );
    }

    #[test]
    fn the_builder_refuses_a_code_point_above_the_last() {
        let mut builder = PyStrBuilder::default();
        builder.push(0x110000);
        builder.push_str("a");
        assert_eq!(builder.finish(), None);
    }

    #[test]
    fn a_lone_surrogate_keeps_its_code_points() {
        let text = PyStr::from_code_points([0x61, 0xD800, 0x62]).unwrap_or_default();
        assert_eq!(text.as_str(), None);
        assert_eq!(text.code_points().collect::<Vec<_>>(), [0x61, 0xD800, 0x62]);
        assert_eq!(text.len_chars(), 3);
        assert_eq!(text.to_utf8_surrogatepass(), b"a\xed\xa0\x80b");
        assert_eq!(PyStr::from_code_points([0x110000]), None);
    }
}
