//! Port of Objects/unicodeobject.c: the str value (code points, including lone surrogates).

/// A Python `str`: a sequence of code points in `0..=0x10FFFF`, lone surrogates included.
///
/// A Rust `String` cannot hold `"\ud800"`, so a string with a surrogate keeps its code points;
/// every other string is plain UTF-8. The representation is canonical, so the derived equality
/// and hash compare code points. Two surrogates in a row stay two code points (Python's
/// `"\ud83d\ude00"` is not `"😀"`). Ordering is by code points, as Python compares strs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PyStr(StrRepr);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum StrRepr {
    Utf8(String),
    /// Holds at least one surrogate (U+D800..U+DFFF); all values are at most U+10FFFF.
    CodePoints(Vec<u32>),
}

/// The highest code point (`sys.maxunicode`).
pub const MAX_CODE_POINT: u32 = 0x10FFFF;

impl PyStr {
    /// The empty string.
    pub fn new() -> PyStr {
        PyStr(StrRepr::Utf8(String::new()))
    }

    /// Builds a string from code points; `None` when one is above U+10FFFF.
    pub fn from_code_points<I: IntoIterator<Item = u32>>(code_points: I) -> Option<PyStr> {
        let code_points: Vec<u32> = code_points.into_iter().collect();
        if code_points.iter().any(|&cp| cp > MAX_CODE_POINT) {
            return None;
        }
        let text: Option<String> = code_points.iter().map(|&cp| char::from_u32(cp)).collect();
        Some(match text {
            Some(text) => PyStr(StrRepr::Utf8(text)),
            None => PyStr(StrRepr::CodePoints(code_points)),
        })
    }

    /// The string as UTF-8, or `None` when it holds a lone surrogate.
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
    pub fn is_empty(&self) -> bool {
        match &self.0 {
            StrRepr::Utf8(text) => text.is_empty(),
            StrRepr::CodePoints(cps) => cps.is_empty(),
        }
    }

    /// `self + other`; two adjacent surrogates stay two code points.
    pub fn concat(&self, other: &PyStr) -> PyStr {
        if let (Some(a), Some(b)) = (self.as_str(), other.as_str()) {
            return PyStr::from(format!("{a}{b}"));
        }
        let code_points: Vec<u32> = self.code_points().chain(other.code_points()).collect();
        PyStr(StrRepr::CodePoints(code_points))
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
    fn from(text: &str) -> PyStr {
        PyStr(StrRepr::Utf8(text.to_owned()))
    }
}

impl From<String> for PyStr {
    fn from(text: String) -> PyStr {
        PyStr(StrRepr::Utf8(text))
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
