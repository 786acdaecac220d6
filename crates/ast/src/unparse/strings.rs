//! Port of Lib/_ast_unparse.py: Unparser._str_literal_helper, _ftstring_helper, _write_constant.
//!
//! String literals are chosen as `ast.unparse` chooses them: the first quote style that needs no
//! escape, with `repr` as the fallback when none works.

use crate::constant::{is_printable, Constant, PyStr};

/// The quote styles `ast.unparse` tries, in its order of preference (`_ALL_QUOTES`).
pub(crate) const ALL_QUOTES: [&str; 4] = ["'", "\"", "\"\"\"", "'''"];
/// Triple quotes only (`_MULTI_QUOTES`): docstrings use these.
pub(crate) const MULTI_QUOTES: [&str; 2] = ["\"\"\"", "'''"];

/// What `float.__repr__` infinities become: an overflowing literal (`_INFSTR`).
const INFSTR: &str = "1e309";

/// Python's `c.encode("unicode_escape").decode("ascii")` for one code point that is a backslash
/// or not printable.
fn push_unicode_escape(cp: u32, out: &mut String) {
    match cp {
        0x5C => out.push_str("\\\\"),
        0x09 => out.push_str("\\t"),
        0x0A => out.push_str("\\n"),
        0x0D => out.push_str("\\r"),
        _ if cp < 0x20 || (0x7F..0x100).contains(&cp) => out.push_str(&format!("\\x{cp:02x}")),
        _ if cp < 0x100 => out.extend(char::from_u32(cp)),
        _ if cp <= 0xFFFF => out.push_str(&format!("\\u{cp:04x}")),
        _ => out.push_str(&format!("\\U{cp:08x}")),
    }
}

/// `escape_char` of `_str_literal_helper`, over a whole string.
fn escape_string(code_points: &[u32], escape_special_whitespace: bool) -> String {
    let mut out = String::with_capacity(code_points.len());
    for &cp in code_points {
        let special_whitespace = cp == u32::from('\n') || cp == u32::from('\t');
        if special_whitespace && !escape_special_whitespace {
            out.extend(char::from_u32(cp));
        } else if cp == u32::from('\\') || !is_printable(cp) {
            push_unicode_escape(cp, &mut out);
        } else {
            // Printable code points are never surrogates, so this always pushes.
            out.extend(char::from_u32(cp));
        }
    }
    out
}

/// Python's `repr(str)` of the given code points.
pub(crate) fn str_repr(code_points: &[u32]) -> String {
    match PyStr::from_code_points(code_points.iter().copied()) {
        Some(s) => Constant::Str(s).repr(),
        // Only code points above U+10FFFF fail, which a PyStr never holds.
        None => String::new(),
    }
}

/// `_str_literal_helper`: the escaped body of a literal and the quote styles that can hold it
/// (the first is the one to use).
pub(crate) fn str_literal_helper(
    code_points: &[u32],
    quote_types: &[&'static str],
    escape_special_whitespace: bool,
) -> (String, Vec<&'static str>) {
    let mut escaped = escape_string(code_points, escape_special_whitespace);
    let mut possible: Vec<&'static str> = quote_types.to_vec();
    if escaped.contains('\n') {
        possible.retain(|q| MULTI_QUOTES.contains(q));
    }
    possible.retain(|q| !escaped.contains(q));
    if possible.is_empty() {
        // No quote style works: fall back to repr, keeping a preferred quote if repr's fits.
        let repr = str_repr(code_points);
        let first = repr.chars().next().unwrap_or('\'');
        let quote = quote_types
            .iter()
            .copied()
            .find(|q| q.contains(first))
            .unwrap_or(if first == '"' { "\"" } else { "'" });
        let inner = repr
            .get(first.len_utf8()..repr.len().saturating_sub(1))
            .unwrap_or("")
            .to_string();
        return (inner, vec![quote]);
    }
    if let Some(last) = escaped.chars().last() {
        // Prefer a quote that differs from the last character (stable, as Python's sort).
        possible.sort_by_key(|q| q.starts_with(last));
        if possible[0].starts_with(last) {
            escaped.pop();
            escaped.push('\\');
            escaped.push(last);
        }
    }
    (escaped, possible)
}

/// One piece of an f-string or t-string body, as `_write_ftstring` buffers it.
pub(crate) enum FtPart {
    /// A literal piece (`Constant`), braces already doubled, not yet escaped.
    Literal(Vec<u32>),
    /// A replacement field, already written out.
    Field(String),
}

/// `_ftstring_helper`: picks one quote style for all the pieces and writes the literal.
pub(crate) fn ftstring_helper(parts: &[FtPart], out: &mut String) {
    let mut quote_types: Vec<&'static str> = ALL_QUOTES.to_vec();
    let mut new_parts: Vec<String> = Vec::with_capacity(parts.len());
    let mut fallback_to_repr = false;
    for part in parts {
        match part {
            FtPart::Literal(code_points) => {
                let (value, new_quote_types) = str_literal_helper(code_points, &quote_types, true);
                if new_quote_types.iter().all(|q| !quote_types.contains(q)) {
                    fallback_to_repr = true;
                    break;
                }
                quote_types = new_quote_types;
                new_parts.push(value);
            }
            FtPart::Field(value) => {
                if value.contains('\n') {
                    quote_types.retain(|q| MULTI_QUOTES.contains(q));
                }
                let new_quote_types: Vec<&'static str> = quote_types
                    .iter()
                    .copied()
                    .filter(|q| !value.contains(q))
                    .collect();
                if !new_quote_types.is_empty() {
                    quote_types = new_quote_types;
                }
                new_parts.push(value.clone());
            }
        }
    }
    if fallback_to_repr {
        quote_types = vec!["'''"];
        new_parts = parts.iter().map(repr_part).collect();
    }
    let quote = quote_types.first().copied().unwrap_or("'''");
    out.push_str(quote);
    for part in &new_parts {
        out.push_str(part);
    }
    out.push_str(quote);
}

/// The fallback text of one piece: a literal as `repr('"' + value)` writes it between the quotes.
fn repr_part(part: &FtPart) -> String {
    match part {
        FtPart::Literal(code_points) => {
            let mut with_quote = Vec::with_capacity(code_points.len() + 1);
            with_quote.push(u32::from('"'));
            with_quote.extend_from_slice(code_points);
            let repr = str_repr(&with_quote);
            // repr starts with `'"` (the leading double quote forces single quotes).
            repr.get(2..repr.len().saturating_sub(1))
                .unwrap_or("")
                .to_string()
        }
        FtPart::Field(value) => value.clone(),
    }
}

/// `_write_constant`: `repr`, except that float and complex infinities and NaNs become
/// expressions that evaluate to them.
pub(crate) fn constant_text(value: &Constant) -> String {
    let repr = value.repr();
    match value {
        Constant::Float(_) | Constant::Complex { .. } => repr
            .replace("inf", INFSTR)
            .replace("nan", &format!("({INFSTR}-{INFSTR})")),
        _ => repr,
    }
}
