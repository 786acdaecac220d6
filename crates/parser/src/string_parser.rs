//! Port of Parser/string_parser.c: _PyPegen_parse_string, _PyPegen_decode_string, decode_unicode_with_escapes, decode_bytes_with_escapes, warn_invalid_escape_sequence; with the codecs they call (Objects/unicodeobject.c: _PyUnicode_DecodeUnicodeEscapeInternal2; Objects/bytesobject.c: _PyBytes_DecodeEscape2) and Parser/pegen_errors.c: _Pypegen_raise_decode_error.
//!
//! Public interface (used by the grammar actions):
//! - [`parse_string`]`(token, text, sink) -> Result<Constant, LiteralError>`: a STRING token
//!   (prefix and quotes included) to `Constant::Str` or `Constant::Bytes`.
//! - [`undecoded_string_value`]`(text) -> Option<Constant>`: the same value for the common
//!   token that needs no decoding (no backslash, or raw), `None` for the others;
//!   [`parse_string_cleanly`]`(token, text) -> Option<Constant>`: the value when decoding
//!   neither warns nor fails.
//! - [`decode_string`]`(raw, s, token, token_text, sink) -> Result<PyStr, LiteralError>`: one
//!   literal piece of an f-string or t-string (CPython's `_PyPegen_decode_string`).
//! - [`LiteralSink`]: where the invalid-escape SyntaxWarnings go, and `p->feature_version`.
//! - [`LiteralError`] / [`ErrorLocation`]: an error as the parser must raise it (message, and
//!   either "the last token" as `RAISE_SYNTAX_ERROR` uses or an explicit location as
//!   `RAISE_ERROR_KNOWN_LOCATION` takes it).

use std::borrow::Cow;
use std::fmt::Write as _;

use pyc_ast::constant::{Constant, PyStr, PyStrBuilder};
use pyc_tokenize::{Token, TokenKind};

/// Where the parser raises a literal's SyntaxError.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorLocation {
    /// `RAISE_SYNTAX_ERROR(...)`: at the parser's most recently fetched token
    /// (`p->tokens[p->fill - 1]`, or `p->known_err_token` when set).
    LastToken,
    /// `RAISE_ERROR_KNOWN_LOCATION(p, SyntaxError, lineno, col_offset, end_lineno, end_col_offset, ...)`
    /// with the arguments exactly as CPython passes them: lines 1-based, columns 0-based UTF-8
    /// byte offsets, `-1` meaning "no column" (the raise adds 1 to each column).
    Known {
        lineno: i32,
        col_offset: i32,
        end_lineno: i32,
        end_col_offset: i32,
    },
}

impl ErrorLocation {
    /// The location of a token (`RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token, ...)`).
    pub fn of_token(token: &Token) -> ErrorLocation {
        ErrorLocation::Known {
            lineno: token.lineno as i32,
            col_offset: token.col_offset as i32,
            end_lineno: token.end_lineno as i32,
            end_col_offset: token.end_col_offset as i32,
        }
    }
}

/// The exception class a literal error is raised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiteralErrorType {
    /// Nearly every error: a SyntaxError at `location`.
    SyntaxError,
    /// A codec failure (`'unicodeescape' codec can't decode ...`) before [`raise_decode_error`]
    /// turns it into a SyntaxError; CPython lets it escape unconverted from an f-string format
    /// spec (`_PyPegen_decoded_constant_from_token`). `location` is unused.
    UnicodeDecodeError,
    /// A `bytes` codec failure (`invalid \x escape at position N`), before [`raise_decode_error`].
    ValueError,
    /// An internal inconsistency CPython reports as SystemError (unreachable from valid token
    /// streams).
    SystemError,
}

/// An error raised while decoding a literal: CPython's message, class and location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiteralError {
    pub error_type: LiteralErrorType,
    pub msg: String,
    pub location: ErrorLocation,
}

impl LiteralError {
    /// A SyntaxError.
    pub fn new(msg: impl Into<String>, location: ErrorLocation) -> LiteralError {
        LiteralError {
            error_type: LiteralErrorType::SyntaxError,
            msg: msg.into(),
            location,
        }
    }

    /// A SystemError for a tree or token the grammar cannot produce.
    pub fn internal(msg: impl Into<String>) -> LiteralError {
        LiteralError {
            error_type: LiteralErrorType::SystemError,
            msg: msg.into(),
            location: ErrorLocation::LastToken,
        }
    }
}

/// The warning class CPython uses for an invalid escape sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningCategory {
    /// `feature_version >= 12` (the default).
    SyntaxWarning,
    /// `ast.parse(..., feature_version=(3, 11))` and older.
    DeprecationWarning,
}

/// One invalid-escape warning, as `warn_invalid_escape_sequence` issues it through
/// `PyErr_WarnExplicitObject(category, message, filename, lineno, NULL, NULL)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiteralWarning {
    pub category: WarningCategory,
    /// The warning text, e.g. `"\d" is an invalid escape sequence. Such sequences will not work
    /// in the future. Did you mean "\\d"? A raw string is also an option.`
    pub message: String,
    /// The line the warning is reported at.
    pub lineno: u32,
    /// What CPython raises instead when the warning filter turns this warning into an error:
    /// a SyntaxError with this shorter message at `error_location`.
    pub error: LiteralError,
    /// Where the decoded literal starts, (line, column): the string token, or the f-string's
    /// literal piece ((0, 0) for the tokenizer's warnings). Two literals can give equal
    /// warnings; a literal decoded again gives the same one.
    pub literal_at: (u32, u32),
}

/// What literal decoding needs from the parser.
pub trait LiteralSink {
    /// `p->feature_version`: the minor version being parsed for (14 by default).
    fn feature_version(&self) -> i32 {
        14
    }

    /// Receives an invalid-escape warning. CPython skips these warnings during the second
    /// (error-reporting) pass (`p->call_invalid_rules`): the implementation should drop them
    /// then. Return `Err` to turn the warning into the SyntaxError it carries (what CPython does
    /// under `-W error`).
    fn warn(&mut self, warning: LiteralWarning) -> Result<(), LiteralError>;
}

/// A sink that collects warnings (for tests and for callers that print them later).
#[derive(Debug, Default)]
pub struct CollectWarnings {
    pub warnings: Vec<LiteralWarning>,
}

impl LiteralSink for CollectWarnings {
    fn warn(&mut self, warning: LiteralWarning) -> Result<(), LiteralError> {
        self.warnings.push(warning);
        Ok(())
    }
}

/// `_PyPegen_parse_string`: decodes a STRING token (`text` is the whole token: prefix, quotes,
/// body) to `Constant::Str` or `Constant::Bytes`. f-strings and t-strings never come here (the
/// tokenizer splits them into FSTRING_* / TSTRING_* tokens). Codec failures come back as
/// `UnicodeDecodeError` / `ValueError` errors; callers pass them through [`raise_decode_error`].
pub fn parse_string(
    token: &Token,
    text: &str,
    sink: &mut dyn LiteralSink,
) -> Result<Constant, LiteralError> {
    let Some(literal) = StringLiteral::split(text) else {
        return Err(LiteralError::internal(format!(
            "{text:?} is not a string literal"
        )));
    };
    match literal.undecoded_value() {
        Some(value) => Ok(value),
        None => literal.decode(token, text, sink),
    }
}

/// [`parse_string`]'s value when the token decodes without a warning or an error, else `None`.
pub fn parse_string_cleanly(token: &Token, text: &str) -> Option<Constant> {
    let mut warnings = CollectWarnings::default();
    let value = parse_string(token, text, &mut warnings).ok()?;
    warnings.warnings.is_empty().then_some(value)
}

/// The value of a STRING token that needs no decoding, which is most of them: its body as it
/// is. `None` when [`parse_string`] must decode it (a backslash outside a raw literal), or
/// raise (a bytes literal with a non-ASCII character, or not a string literal at all).
#[inline]
pub fn undecoded_string_value(text: &str) -> Option<Constant> {
    StringLiteral::split(text)?.undecoded_value()
}

/// A STRING token's prefix letters, as `_PyPegen_parse_string` reads them, and its body
/// between the quotes.
struct StringLiteral<'t> {
    bytes: bool,
    raw: bool,
    body: &'t str,
}

impl<'t> StringLiteral<'t> {
    #[inline(always)]
    fn split(text: &'t str) -> Option<StringLiteral<'t>> {
        let (mut bytes, mut raw) = (false, false);
        let mut prefix_len = 0;
        for byte in text.bytes() {
            match byte {
                b'b' | b'B' => bytes = true,
                b'r' | b'R' => raw = true,
                b'u' | b'U' => {}
                _ => break,
            }
            prefix_len += 1;
        }
        let body = strip_quotes(text.get(prefix_len..)?)?;
        Some(StringLiteral { bytes, raw, body })
    }

    /// Like CPython, escape processing is skipped when there is no backslash at all.
    #[inline(always)]
    fn undecoded_value(&self) -> Option<Constant> {
        if !self.raw && self.body.as_bytes().contains(&b'\\') {
            return None;
        }
        if self.bytes {
            let ascii = self.body.is_ascii();
            return ascii.then(|| Constant::Bytes(self.body.as_bytes().to_vec()));
        }
        Some(Constant::Str(PyStr::from(self.body)))
    }

    /// The value through the escape decoders (`token` / `text` are the whole token, for the
    /// warnings' and errors' positions).
    fn decode(
        &self,
        token: &Token,
        text: &str,
        sink: &mut dyn LiteralSink,
    ) -> Result<Constant, LiteralError> {
        if self.bytes {
            if !self.body.is_ascii() {
                return Err(LiteralError::new(
                    "bytes can only contain ASCII literal characters",
                    ErrorLocation::of_token(token),
                ));
            }
            return decode_bytes_with_escapes(self.body.as_bytes(), token, text, sink)
                .map(Constant::Bytes);
        }
        decode_unicode_with_escapes(self.body, token, text, sink).map(Constant::Str)
    }
}

/// `_PyPegen_decode_string`: decodes the body of a str literal or one literal piece of an
/// f-string/t-string. `raw` skips escape processing. `token` / `token_text` are the token the
/// warnings are positioned from (CPython passes the FSTRING_END token for f-string pieces, the
/// FSTRING_MIDDLE token for format-spec pieces, the STRING token otherwise). A codec failure
/// comes back as a `UnicodeDecodeError` error (see [`raise_decode_error`]).
pub fn decode_string(
    raw: bool,
    s: &str,
    token: &Token,
    token_text: &str,
    sink: &mut dyn LiteralSink,
) -> Result<PyStr, LiteralError> {
    if raw {
        return Ok(PyStr::from(s));
    }
    decode_unicode_with_escapes(s, token, token_text, sink)
}

/// The body between the quotes (one or three of the same kind), or `None` when `quoted` is not
/// a quoted literal.
#[inline]
fn strip_quotes(quoted: &str) -> Option<&str> {
    let quote = *quoted.as_bytes().first()?;
    if quote != b'\'' && quote != b'"' {
        return None;
    }
    let bytes = quoted.as_bytes();
    if bytes.len() < 2 || bytes[bytes.len() - 1] != quote {
        return None;
    }
    let triple = [quote; 3];
    if bytes.len() >= 6 && bytes.starts_with(&triple) && bytes.ends_with(&triple) {
        return quoted.get(3..quoted.len() - 3);
    }
    quoted.get(1..quoted.len() - 1)
}

/// `decode_unicode_with_escapes`: rewrites every non-ASCII character as `\UXXXXXXXX` (and a
/// backslash before one, or at the end, as `\u005c`), then runs the `unicode_escape` codec on
/// that buffer. Error positions and warning columns are offsets in the rewritten buffer, as in
/// CPython.
fn decode_unicode_with_escapes(
    s: &str,
    token: &Token,
    token_text: &str,
    sink: &mut dyn LiteralSink,
) -> Result<PyStr, LiteralError> {
    let buffer = escape_non_ascii(s);
    let decoded = decode_unicode_escape(&buffer).map_err(DecodeError::into_error)?;
    if let Some(first_invalid) = decoded.first_invalid_escape {
        warn_invalid_escape_sequence(buffer.as_bytes(), first_invalid, token, token_text, sink)?;
    }
    decoded
        .value
        .finish()
        .ok_or_else(|| LiteralError::internal("decoded code point out of range"))
}

/// The rewritten buffer, which is `s` itself when `s` is ASCII and does not end with a
/// backslash (most literals with escapes).
fn escape_non_ascii(s: &str) -> Cow<'_, str> {
    if s.is_ascii() && !s.ends_with('\\') {
        return Cow::Borrowed(s);
    }
    let mut buffer = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            buffer.push('\\');
            match chars.peek() {
                None => {
                    buffer.push_str("u005c");
                    break;
                }
                Some(next) if !next.is_ascii() => buffer.push_str("u005c"),
                Some(_) => {
                    // The escaped character is copied as is (the codec reads it next).
                    if let Some(next) = chars.next() {
                        buffer.push(next);
                    }
                }
            }
            continue;
        }
        if c.is_ascii() {
            buffer.push(c);
        } else {
            // Writing to a String cannot fail.
            let _ = write!(buffer, "\\U{:08x}", c as u32);
        }
    }
    Cow::Owned(buffer)
}

/// `decode_bytes_with_escapes`: the `bytes` escape decoder plus the invalid-escape warning.
fn decode_bytes_with_escapes(
    s: &[u8],
    token: &Token,
    token_text: &str,
    sink: &mut dyn LiteralSink,
) -> Result<Vec<u8>, LiteralError> {
    let decoded = decode_bytes_escape(s).map_err(DecodeError::into_error)?;
    if let Some(first_invalid) = decoded.first_invalid_escape {
        warn_invalid_escape_sequence(s, first_invalid, token, token_text, sink)?;
    }
    Ok(decoded.bytes)
}

/// A codec failure: the exception class CPython raises and its `str()`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DecodeError {
    error_type: LiteralErrorType,
    message: String,
}

impl DecodeError {
    fn into_error(self) -> LiteralError {
        LiteralError {
            error_type: self.error_type,
            msg: self.message,
            location: ErrorLocation::LastToken,
        }
    }
}

/// `_Pypegen_raise_decode_error`: a codec failure becomes `SyntaxError("(unicode error) ...")`
/// or `SyntaxError("(value error) ...")` at the last token; other errors pass unchanged.
pub fn raise_decode_error(error: LiteralError) -> LiteralError {
    let errtype = match error.error_type {
        LiteralErrorType::UnicodeDecodeError => "unicode error",
        LiteralErrorType::ValueError => "value error",
        LiteralErrorType::SyntaxError | LiteralErrorType::SystemError => return error,
    };
    LiteralError::new(
        format!("({errtype}) {}", error.msg),
        ErrorLocation::LastToken,
    )
}

struct DecodedUnicode {
    value: PyStrBuilder,
    /// Index in the input of the first invalid escape: the character after the backslash, or
    /// the first digit of an octal escape above 0o377.
    first_invalid_escape: Option<usize>,
}

/// `_PyUnicode_DecodeUnicodeEscapeInternal2` with the strict error handler, on ASCII input.
/// The text between escapes is copied a run at a time.
fn decode_unicode_escape(input: &str) -> Result<DecodedUnicode, DecodeError> {
    let bytes = input.as_bytes();
    let mut out = PyStrBuilder::with_capacity(input.len());
    let mut first_invalid_escape = None;
    let mut pos = 0;
    while pos < bytes.len() {
        let run_end = bytes[pos..]
            .iter()
            .position(|&b| b == b'\\')
            .map_or(bytes.len(), |offset| pos + offset);
        // The input is ASCII (see `escape_non_ascii`), so every index is a char boundary.
        let Some(run) = input.get(pos..run_end) else {
            return Err(DecodeError {
                error_type: LiteralErrorType::SystemError,
                message: "unicode escape input is not ASCII".to_owned(),
            });
        };
        out.push_str(run);
        if run_end == bytes.len() {
            break;
        }
        let start = run_end;
        pos = run_end + 1;
        let Some(&escape) = bytes.get(pos) else {
            return Err(unicode_escape_error(
                bytes,
                start,
                pos,
                "\\ at end of string",
            ));
        };
        pos += 1;
        match escape {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(u32::from(escape)),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0C),
            b't' => out.push(0x09),
            b'n' => out.push(0x0A),
            b'r' => out.push(0x0D),
            b'v' => out.push(0x0B),
            b'a' => out.push(0x07),
            b'0'..=b'7' => {
                let (value, end) = read_octal(bytes, pos - 1);
                if value > 0o377 && first_invalid_escape.is_none() {
                    first_invalid_escape = Some(end - 3);
                }
                pos = end;
                out.push(value);
            }
            b'x' => {
                let (value, end) = read_hex(bytes, start, pos, 2, "truncated \\xXX escape")?;
                pos = end;
                out.push(value);
            }
            b'u' => {
                let (value, end) = read_hex(bytes, start, pos, 4, "truncated \\uXXXX escape")?;
                pos = end;
                out.push(value);
            }
            b'U' => {
                let (value, end) = read_hex(bytes, start, pos, 8, "truncated \\UXXXXXXXX escape")?;
                if value > 0x10FFFF {
                    return Err(unicode_escape_error(
                        bytes,
                        start,
                        end,
                        "illegal Unicode character",
                    ));
                }
                pos = end;
                out.push(value);
            }
            b'N' => {
                let (value, end) = read_named_escape(bytes, start, pos)?;
                pos = end;
                out.push(value);
            }
            _ => {
                if first_invalid_escape.is_none() {
                    first_invalid_escape = Some(pos - 1);
                }
                out.push(u32::from(b'\\'));
                out.push(u32::from(escape));
            }
        }
    }
    Ok(DecodedUnicode {
        value: out,
        first_invalid_escape,
    })
}

/// Reads one to three octal digits starting at `first`; returns the value and the end index.
fn read_octal(input: &[u8], first: usize) -> (u32, usize) {
    let mut value = 0u32;
    let mut pos = first;
    while pos < input.len() && pos < first + 3 && (b'0'..=b'7').contains(&input[pos]) {
        value = value * 8 + u32::from(input[pos] - b'0');
        pos += 1;
    }
    (value, pos)
}

/// Reads exactly `count` hex digits at `pos` for the escape starting at `start`.
fn read_hex(
    input: &[u8],
    start: usize,
    mut pos: usize,
    count: usize,
    truncated: &str,
) -> Result<(u32, usize), DecodeError> {
    let mut value = 0u32;
    for _ in 0..count {
        let Some(digit) = input.get(pos).and_then(|&b| (b as char).to_digit(16)) else {
            return Err(unicode_escape_error(input, start, pos, truncated));
        };
        value = (value << 4) | digit;
        pos += 1;
    }
    Ok((value, pos))
}

/// Reads `{NAME}` after `\N` and looks the name up.
fn read_named_escape(input: &[u8], start: usize, pos: usize) -> Result<(u32, usize), DecodeError> {
    const MALFORMED: &str = "malformed \\N character escape";
    match input.get(pos) {
        None => return Err(unicode_escape_error(input, start, pos, MALFORMED)),
        Some(b'{') => {}
        Some(_) => return Err(unicode_escape_error(input, start, pos, MALFORMED)),
    }
    let name_start = pos + 1;
    let Some(length) = input[name_start..].iter().position(|&b| b == b'}') else {
        return Err(unicode_escape_error(input, start, input.len(), MALFORMED));
    };
    let name_end = name_start + length;
    if length == 0 {
        return Err(unicode_escape_error(input, start, name_end, MALFORMED));
    }
    match crate::unicode_names::lookup(&input[name_start..name_end]) {
        Some(code) => Ok((code, name_end + 1)),
        None => Err(unicode_escape_error(
            input,
            start,
            name_end + 1,
            "unknown Unicode character name",
        )),
    }
}

/// `str(UnicodeDecodeError('unicodeescape', input, start, end, reason))`.
fn unicode_escape_error(input: &[u8], start: usize, end: usize, reason: &str) -> DecodeError {
    let message = if end == start + 1 {
        let byte = input.get(start).copied().unwrap_or(0);
        format!(
            "'unicodeescape' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"
        )
    } else {
        format!(
            "'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}",
            end.saturating_sub(1)
        )
    };
    DecodeError {
        error_type: LiteralErrorType::UnicodeDecodeError,
        message,
    }
}

struct DecodedBytes {
    bytes: Vec<u8>,
    first_invalid_escape: Option<usize>,
}

/// `_PyBytes_DecodeEscape2` with the strict error handler.
fn decode_bytes_escape(input: &[u8]) -> Result<DecodedBytes, DecodeError> {
    let mut out = Vec::with_capacity(input.len());
    let mut first_invalid_escape = None;
    let mut pos = 0;
    while pos < input.len() {
        let c = input[pos];
        pos += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&escape) = input.get(pos) else {
            return Err(DecodeError {
                error_type: LiteralErrorType::ValueError,
                message: "Trailing \\ in string".to_owned(),
            });
        };
        pos += 1;
        match escape {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(escape),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0C),
            b't' => out.push(0x09),
            b'n' => out.push(0x0A),
            b'r' => out.push(0x0D),
            b'v' => out.push(0x0B),
            b'a' => out.push(0x07),
            b'0'..=b'7' => {
                let (value, end) = read_octal(input, pos - 1);
                if value > 0o377 && first_invalid_escape.is_none() {
                    first_invalid_escape = Some(end - 3);
                }
                pos = end;
                // CPython stores the value in a char: only the low byte survives.
                out.push((value & 0xFF) as u8);
            }
            b'x' => {
                let digits = input.get(pos..pos + 2).and_then(|pair| {
                    let high = (pair[0] as char).to_digit(16)?;
                    let low = (pair[1] as char).to_digit(16)?;
                    Some((high << 4 | low) as u8)
                });
                let Some(value) = digits else {
                    return Err(DecodeError {
                        error_type: LiteralErrorType::ValueError,
                        message: format!("invalid \\x escape at position {}", pos - 2),
                    });
                };
                out.push(value);
                pos += 2;
            }
            _ => {
                if first_invalid_escape.is_none() {
                    first_invalid_escape = Some(pos - 1);
                }
                // The backslash is kept and the character after it is read again as plain text.
                out.push(b'\\');
                pos -= 1;
            }
        }
    }
    Ok(DecodedBytes {
        bytes: out,
        first_invalid_escape,
    })
}

/// `warn_invalid_escape_sequence`: positions the warning by counting the decoded buffer's
/// characters up to the invalid escape from the token's start (plus the token's leading quotes
/// when the escape is on the token's first line), and hands it to the sink.
fn warn_invalid_escape_sequence(
    buffer: &[u8],
    first_invalid: usize,
    token: &Token,
    token_text: &str,
    sink: &mut dyn LiteralSink,
) -> Result<(), LiteralError> {
    let Some(&c) = buffer.get(first_invalid) else {
        return Ok(());
    };
    let in_ftstring_part = matches!(
        token.kind,
        TokenKind::FstringMiddle
            | TokenKind::FstringEnd
            | TokenKind::TstringMiddle
            | TokenKind::TstringEnd
    );
    if in_ftstring_part && (c == b'{' || c == b'}') {
        // The tokenizer has already warned about these.
        return Ok(());
    }
    let (lineno, col_offset) = escape_position(buffer, first_invalid, token, token_text);
    let octal = (b'4'..=b'7').contains(&c);
    let shown = if octal {
        let end = (first_invalid + 3).min(buffer.len());
        String::from_utf8_lossy(&buffer[first_invalid..end]).into_owned()
    } else {
        (c as char).to_string()
    };
    let what = if octal {
        "invalid octal escape sequence"
    } else {
        "invalid escape sequence"
    };
    let message = format!(
        "\"\\{shown}\" is an {what}. Such sequences will not work in the future. Did you mean \"\\\\{shown}\"? A raw string is also an option."
    );
    let error_message = format!(
        "\"\\{shown}\" is an {what}. Did you mean \"\\\\{shown}\"? A raw string is also an option."
    );
    let category = if sink.feature_version() >= 12 {
        WarningCategory::SyntaxWarning
    } else {
        WarningCategory::DeprecationWarning
    };
    let error = LiteralError::new(
        error_message,
        ErrorLocation::Known {
            lineno: lineno as i32,
            col_offset: col_offset as i32 - 1,
            end_lineno: lineno as i32,
            end_col_offset: col_offset as i32 + 1,
        },
    );
    sink.warn(LiteralWarning {
        category,
        message,
        lineno,
        error,
        literal_at: (token.lineno, token.col_offset),
    })
}

/// The line and column CPython computes for an invalid escape at `index` in `buffer`.
fn escape_position(buffer: &[u8], index: usize, token: &Token, token_text: &str) -> (u32, u32) {
    let mut lineno = token.lineno;
    let mut col_offset = token.col_offset;
    for &byte in &buffer[..index] {
        if byte == b'\n' {
            lineno += 1;
            col_offset = 0;
        } else {
            col_offset += 1;
        }
    }
    if lineno == token.lineno {
        col_offset += leading_quote_count(token_text);
    }
    (lineno, col_offset)
}

/// How many quotes of the first quote's kind open `token_text`, counting until the first
/// character that is not a quote (so a prefixed literal counts none).
fn leading_quote_count(token_text: &str) -> u32 {
    let mut first_quote = None;
    let mut count = 0;
    for byte in token_text.bytes() {
        if byte != b'\'' && byte != b'"' {
            break;
        }
        let first = *first_quote.get_or_insert(byte);
        if byte == first {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(kind: TokenKind, text: &str) -> Token {
        let len = text.len() as u32;
        Token {
            kind,
            start: 0,
            end: len,
            lineno: 1,
            col_offset: 0,
            end_lineno: 1,
            end_col_offset: len,
        }
    }

    fn parse(text: &str) -> (Result<Constant, LiteralError>, Vec<LiteralWarning>) {
        let mut sink = CollectWarnings::default();
        let result = parse_string(&token(TokenKind::String, text), text, &mut sink);
        (result, sink.warnings)
    }

    #[test]
    fn the_undecoded_value_is_the_decoded_value_or_none() {
        let undecoded = [
            "'abc'",
            r#""""#,
            "'''a'b'''",
            "\"\"\"x\ny\"\"\"",
            "u'é'",
            r"r'\d'",
            r"Rb'\x'",
            "b'abc'",
            r"BR'\\'",
        ];
        for text in undecoded {
            let value = undecoded_string_value(text);
            assert!(value.is_some(), "{text}");
            assert_eq!(value, parse(text).0.ok(), "{text}");
            assert_eq!(
                parse_string_cleanly(&token(TokenKind::String, text), text),
                value
            );
        }
        for text in [r"'a\nb'", r"b'\x41'", "b'é'", r"'\d'", r"'\x4'"] {
            assert_eq!(undecoded_string_value(text), None, "{text}");
        }
    }

    #[test]
    fn only_a_literal_without_warnings_or_errors_decodes_cleanly() {
        let cleanly = |text: &str| parse_string_cleanly(&token(TokenKind::String, text), text);
        assert_eq!(cleanly(r"'a\nb'"), Some(Constant::str("a\nb")));
        assert_eq!(cleanly(r"b'\x41'"), Some(Constant::Bytes(b"A".to_vec())));
        for text in [r"'\d'", r"'\x4'", r"b'\xzz'", "b'é'", r"'\777'"] {
            assert_eq!(cleanly(text), None, "{text}");
        }
    }

    #[test]
    fn unknown_escapes_keep_the_backslash_and_warn_once() {
        let (value, warnings) = parse(r"'\d\w'");
        assert_eq!(value, Ok(Constant::str(r"\d\w")));
        assert_eq!(warnings.len(), 1);
        assert_eq!(
            warnings[0].message,
            r#""\d" is an invalid escape sequence. Such sequences will not work in the future. Did you mean "\\d"? A raw string is also an option."#
        );
        assert_eq!(warnings[0].category, WarningCategory::SyntaxWarning);
    }

    #[test]
    fn octal_escapes_above_0o377_warn_and_bytes_keep_the_low_byte() {
        let (value, warnings) = parse(r"b'\477'");
        assert_eq!(value, Ok(Constant::Bytes(b"?".to_vec())));
        assert_eq!(
            warnings[0].error.msg,
            r#""\477" is an invalid octal escape sequence. Did you mean "\\477"? A raw string is also an option."#
        );
    }

    #[test]
    fn codec_errors_name_positions_in_the_rewritten_buffer() {
        let (value, _) = parse(r"'é\x1'");
        let error = value.map_err(raise_decode_error);
        assert_eq!(
            error,
            Err(LiteralError::new(
                r"(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \xXX escape",
                ErrorLocation::LastToken
            ))
        );
    }

    #[test]
    fn bytes_reject_non_ascii_at_the_token() {
        let (value, _) = parse("b'é'");
        assert_eq!(
            value.map_err(|e| e.msg),
            Err("bytes can only contain ASCII literal characters".to_owned())
        );
    }

    #[test]
    fn lone_surrogates_survive_decoding() {
        let (value, _) = parse(r"'\ud800'");
        assert_eq!(
            value,
            Ok(Constant::Str(
                PyStr::from_code_points([0xD800]).unwrap_or_default()
            ))
        );
    }

    #[test]
    fn backslash_before_non_ascii_is_a_literal_backslash() {
        let (value, warnings) = parse(r"'\é'");
        assert_eq!(value, Ok(Constant::str(r"\é")));
        assert!(warnings.is_empty());
    }
}
