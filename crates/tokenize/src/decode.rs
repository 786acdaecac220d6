//! Port of Parser/tokenizer/helpers.c (check_bom, check_coding_spec, get_normal_name,
//! _PyTokenizer_translate_newlines) and of Lib/tokenize.py: detect_encoding.

use std::borrow::Cow;

use crate::error::ErrorType;
use crate::generated::encodings::{ALIASES, CODECS, MODULES};
use crate::SyntaxError;

const BOM_UTF8: &[u8] = b"\xEF\xBB\xBF";

/// A codec we can decode with (utf-8 or a single-byte table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Codec {
    /// The codec module name (`utf_8`, `latin_1`, `iso8859_15`, ...).
    pub module: &'static str,
    table: Option<&'static [u32; 128]>,
}

/// What the codec registry says about an encoding name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodecLookup {
    Found(Codec),
    /// Python knows the codec but this port does not decode it.
    Unsupported(&'static str),
    /// Python's `codecs.lookup` raises LookupError.
    Unknown,
}

/// `encodings.normalize_encoding`: runs of other characters than ASCII alphanumerics and `.`
/// become one `_`; case is folded first, as `codecs.lookup` does.
fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            if c.is_ascii() {
                out.push(c);
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// `codecs.lookup(name)` restricted to what `encodings` provides.
pub fn lookup_codec(name: &str) -> CodecLookup {
    let normalized = normalize_encoding(name);
    let module = ALIASES
        .iter()
        .find(|(alias, _)| *alias == normalized || *alias == normalized.replace('.', "_"))
        .map(|(_, module)| *module)
        .or_else(|| MODULES.iter().find(|m| **m == normalized).copied());
    let Some(module) = module else {
        return CodecLookup::Unknown;
    };
    match CODECS.iter().find(|(codec, _)| *codec == module) {
        Some((codec, table)) => CodecLookup::Found(Codec {
            module: codec,
            table: if *codec == "utf_8" { None } else { Some(table) },
        }),
        None => CodecLookup::Unsupported(module),
    }
}

impl Codec {
    pub fn utf8() -> Codec {
        Codec {
            module: "utf_8",
            table: None,
        }
    }

    /// Decodes `bytes`; `None` if some byte has no character (a strict decoding error).
    pub fn decode<'a>(&self, bytes: &'a [u8]) -> Option<Cow<'a, str>> {
        match self.table {
            None => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
            Some(table) => {
                if bytes.is_ascii() {
                    return std::str::from_utf8(bytes).ok().map(Cow::Borrowed);
                }
                let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
                for &b in bytes {
                    if b < 0x80 {
                        out.push(b as char);
                    } else {
                        out.push(
                            char::from_u32(table[usize::from(b - 0x80)])
                                .filter(|&c| c != '\u{FFFF}')?,
                        );
                    }
                }
                Some(Cow::Owned(out))
            }
        }
    }

    /// Decodes `bytes` with `errors="replace"`.
    pub fn decode_lossy<'a>(&self, bytes: &'a [u8]) -> Cow<'a, str> {
        match self.table {
            None => String::from_utf8_lossy(bytes),
            Some(table) => {
                let mut out = String::with_capacity(bytes.len());
                for &b in bytes {
                    if b < 0x80 {
                        out.push(b as char);
                    } else {
                        let c = char::from_u32(table[usize::from(b - 0x80)])
                            .filter(|&c| c != '\u{FFFF}');
                        out.push(c.unwrap_or('\u{FFFD}'));
                    }
                }
                Cow::Owned(out)
            }
        }
    }
}

/// Port of `get_normal_name` / `_get_normal_name`: utf-8 and latin-1 spellings to one name.
pub fn get_normal_name(name: &str) -> String {
    let head: String = name
        .chars()
        .take(12)
        .collect::<String>()
        .to_lowercase()
        .replace('_', "-");
    if head == "utf-8" || head.starts_with("utf-8-") {
        return "utf-8".to_string();
    }
    let latin = ["latin-1", "iso-8859-1", "iso-latin-1"];
    if latin.contains(&head.as_str()) || latin.iter().any(|l| head.starts_with(&format!("{l}-"))) {
        return "iso-8859-1".to_string();
    }
    name.to_string()
}

/// The encoding name of a PEP 263 cookie in `line`, matching tokenize.py's
/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` (ASCII).
pub fn find_cookie_name(line: &[u8]) -> Option<&str> {
    let line = &line[..line.iter().position(|&b| b == b'\n').unwrap_or(line.len())];
    let indent = line
        .iter()
        .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\x0c'))
        .count();
    if line.get(indent) != Some(&b'#') {
        return None;
    }
    let body = &line[indent + 1..];
    let mut from = 0;
    while let Some(at) = find(&body[from..], b"coding") {
        let after = from + at + 6;
        from += at + 1;
        if !matches!(body.get(after), Some(b':' | b'=')) {
            continue;
        }
        let value_start = after
            + 1
            + body[after + 1..]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
        let value_len = body[value_start..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            .count();
        if value_len > 0 {
            return std::str::from_utf8(&body[value_start..value_start + value_len]).ok();
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// tokenize.py's `blank_re`: `^[ \t\f]*(?:[#\r\n]|$)`.
fn is_blank_line(line: &[u8]) -> bool {
    let indent = line
        .iter()
        .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\x0c'))
        .count();
    matches!(line.get(indent), None | Some(b'#' | b'\r' | b'\n'))
}

/// The first `n` lines of `bytes` as `readline` gives them (split after `\n`).
fn split_line(bytes: &[u8]) -> (&[u8], &[u8]) {
    match bytes.iter().position(|&b| b == b'\n') {
        Some(i) => bytes.split_at(i + 1),
        None => (bytes, &[]),
    }
}

/// What `tokenize.detect_encoding` found: the name `tokenize` prints and the codec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectedEncoding {
    /// The ENCODING token's string (`utf-8-sig` is reported as `utf-8`).
    pub name: String,
    pub codec: Codec,
    /// Length of the BOM to skip.
    pub bom_len: usize,
}

fn plain_error(msg: String) -> SyntaxError {
    SyntaxError {
        error_type: ErrorType::SyntaxError,
        msg,
        filename: String::new(),
        lineno: None,
        offset: None,
        end_lineno: None,
        end_offset: None,
        text: None,
    }
}

/// Port of `tokenize.detect_encoding` for a file read in binary: a BOM, a cookie on line 1 or
/// 2, and the checks that the first lines decode. `filename` appears in the messages.
pub fn detect_encoding(bytes: &[u8], filename: &str) -> Result<DetectedEncoding, SyntaxError> {
    let quoted = python_repr(filename);
    let (bom_found, rest) = match bytes.strip_prefix(BOM_UTF8) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let bom_len = if bom_found { BOM_UTF8.len() } else { 0 };
    let default = DetectedEncoding {
        name: "utf-8".to_string(),
        codec: Codec::utf8(),
        bom_len,
    };
    let (first, after_first) = split_line(rest);
    if first.is_empty() {
        return Ok(default);
    }
    let check = |lines: &[u8], codec: &Codec| -> Result<(), SyntaxError> {
        if lines.contains(&0) {
            return Err(plain_error(
                "source code cannot contain null bytes".to_string(),
            ));
        }
        if codec.decode(lines).is_none() {
            return Err(plain_error(format!(
                "invalid or missing encoding declaration for {quoted}"
            )));
        }
        Ok(())
    };
    let find_cookie = |line: &[u8]| -> Result<Option<DetectedEncoding>, SyntaxError> {
        let Some(raw) = find_cookie_name(line) else {
            return Ok(None);
        };
        let encoding = get_normal_name(raw);
        let codec = match lookup_codec(&encoding) {
            CodecLookup::Found(codec) => codec,
            CodecLookup::Unknown => {
                return Err(plain_error(format!(
                    "unknown encoding for {quoted}: {encoding}"
                )));
            }
            CodecLookup::Unsupported(module) => {
                return Err(plain_error(format!(
                    "pyc: decoding source with the {module} codec is not supported"
                )));
            }
        };
        if bom_found && encoding != "utf-8" {
            return Err(plain_error(format!("encoding problem for {quoted}: utf-8")));
        }
        Ok(Some(DetectedEncoding {
            name: encoding,
            codec,
            bom_len,
        }))
    };
    if let Some(found) = find_cookie(first)? {
        check(first, &found.codec)?;
        return Ok(found);
    }
    if !is_blank_line(first) {
        check(first, &default.codec)?;
        return Ok(default);
    }
    let (second, _) = split_line(after_first);
    let both = &rest[..first.len() + second.len()];
    if second.is_empty() {
        check(first, &default.codec)?;
        return Ok(default);
    }
    if let Some(found) = find_cookie(second)? {
        check(both, &found.codec)?;
        return Ok(found);
    }
    check(both, &default.codec)?;
    Ok(default)
}

/// Decodes a file for the `tokenize` module's view: after `detect_encoding`, the rest is
/// decoded with `errors="replace"` and line ends are kept as they are.
pub fn decode_for_tokenize<'a>(bytes: &'a [u8], encoding: &DetectedEncoding) -> Cow<'a, str> {
    encoding.codec.decode_lossy(&bytes[encoding.bom_len..])
}

/// Python's `repr` of a str (quotes chosen as Python does, non-printables escaped).
pub fn python_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if crate::unicode::is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Decodes a source file as CPython's `compile()` of bytes reads it (what `py_compile` does): a
/// UTF-8 BOM, a PEP 263 coding cookie on line 1 or 2, universal newlines (CRLF and lone CR
/// become LF). Errors carry CPython's values; `filename` is left for the caller to fill.
pub fn decode_source(bytes: &[u8]) -> Result<Cow<'_, str>, SyntaxError> {
    if memchr::memchr(0, bytes).is_some() {
        return Err(plain_error(
            "source code string cannot contain null bytes".to_string(),
        ));
    }
    let (bom_found, rest) = match bytes.strip_prefix(BOM_UTF8) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let (first, after_first) = split_line(rest);
    let (second, _) = split_line(after_first);
    let mut cookie = find_cookie_name(first).map(|name| (name, 1, first));
    if cookie.is_none() && is_blank_line(first) {
        cookie = find_cookie_name(second).map(|name| (name, 2, second));
    }
    let codec = match cookie {
        None => Codec::utf8(),
        Some((raw, line_number, line)) => {
            let name = get_normal_name(raw);
            if bom_found && name != "utf-8" {
                return Err(bom_mismatch_error(&name, line_number, line));
            }
            match lookup_codec(&name) {
                CodecLookup::Found(codec) => codec,
                CodecLookup::Unknown => {
                    let mut err = plain_error(format!("unknown encoding: {name}"));
                    err.lineno = Some(0);
                    err.offset = Some(-1);
                    return Err(err);
                }
                CodecLookup::Unsupported(module) => {
                    return Err(plain_error(format!(
                        "pyc: decoding source with the {module} codec is not supported"
                    )));
                }
            }
        }
    };
    let decoded = match codec.decode(rest) {
        Some(text) => text,
        None if codec.table.is_none() => return Err(non_utf8_error(rest)),
        None => return Err(codec_error(&codec, rest)),
    };
    Ok(translate_newlines(decoded))
}

/// "encoding problem: NAME with BOM", pointing at the cookie's line as CPython does.
fn bom_mismatch_error(name: &str, line_number: i32, line: &[u8]) -> SyntaxError {
    let text = String::from_utf8_lossy(line.strip_suffix(b"\n").unwrap_or(line));
    let text = text.strip_suffix('\r').unwrap_or(&text).to_string();
    // CPython's end offset is one further on line 2 than on line 1.
    let end_offset = text.chars().count() as i32 + line_number - 1;
    SyntaxError {
        lineno: Some(line_number),
        offset: Some(0),
        end_lineno: Some(line_number),
        end_offset: Some(end_offset),
        text: Some(text),
        ..plain_error(format!("encoding problem: {name} with BOM"))
    }
}

/// The UnicodeDecodeError text of a single-byte codec, as `compile()` reports it.
fn codec_error(codec: &Codec, bytes: &[u8]) -> SyntaxError {
    let position = bytes
        .iter()
        .position(|&b| b >= 0x80 && codec.decode(&[b]).is_none())
        .unwrap_or(0);
    let byte = bytes.get(position).copied().unwrap_or(0);
    let msg = if codec.module == "ascii" {
        format!("'ascii' codec can't decode byte 0x{byte:02x} in position {position}: ordinal not in range(128)")
    } else {
        format!("'charmap' codec can't decode byte 0x{byte:02x} in position {position}: character maps to <undefined>")
    };
    let mut err = plain_error(msg);
    err.lineno = Some(0);
    err.offset = Some(-1);
    err
}

/// Port of `_PyTokenizer_ensure_utf8`'s error for undeclared non-UTF-8 bytes: the line, and
/// the column just after the bad byte.
fn non_utf8_error(bytes: &[u8]) -> SyntaxError {
    let valid_up_to = match std::str::from_utf8(bytes) {
        Ok(_) => bytes.len(),
        Err(e) => e.valid_up_to(),
    };
    let lineno = 1 + bytes[..valid_up_to].iter().filter(|&&b| b == b'\n').count() as i32;
    let line_start = bytes[..valid_up_to]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line_end =
        memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i);
    let bad = bytes.get(valid_up_to).copied().unwrap_or(0);
    let offset = String::from_utf8_lossy(&bytes[line_start..=valid_up_to.min(line_end)])
        .chars()
        .count() as i32;
    SyntaxError {
        lineno: Some(lineno),
        offset: Some(offset),
        end_lineno: Some(lineno),
        end_offset: Some(offset),
        text: Some(String::from_utf8_lossy(&bytes[line_start..line_end]).into_owned()),
        ..plain_error(format!(
            "Non-UTF-8 code starting with '\\x{bad:02x}' on line {lineno}, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
        ))
    }
}

/// Port of `_PyTokenizer_translate_newlines`: CRLF and lone CR become LF.
pub fn translate_newlines(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            out.push('\n');
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}
