//! Port of Modules/unicodedata.c: _getcode (the name lookup behind `\N{...}`), find_syllable, is_unified_ideograph.
//!
//! The name table is `unicode_names.txt`, generated from the oracle's `unicodedata` (Unicode
//! 16.0) by `crates/parser/tests/oracle/gen_unicode_names.py`. `\N{}` accepts character names
//! and formal aliases, but not named sequences (CPython calls `getcode` with `with_named_seq`
//! off).

use std::collections::HashMap;
use std::sync::OnceLock;

/// The generated table (see the module comment for its format).
const NAMES_DATA: &str = include_str!("unicode_names.txt");

const HANGUL_PREFIX: &[u8] = b"HANGUL SYLLABLE ";
const CJK_PREFIX: &[u8] = b"CJK UNIFIED IDEOGRAPH-";

/// Hangul syllable composition (Unicode chapter 3.12).
const S_BASE: u32 = 0xAC00;
const HANGUL_L: [&str; 19] = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const HANGUL_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const HANGUL_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// The decoded table: upper-case names and aliases to code points, and the ranges of the CJK
/// unified ideographs (whose names are algorithmic).
struct NameTable {
    by_name: HashMap<String, u32>,
    unified_ideographs: Vec<(u32, u32)>,
}

/// The code point `\N{name}` denotes, as CPython 3.14's `getcode(name, len, &code, 0)` finds it;
/// `None` for an unknown name. Names compare case-insensitively, except the algorithmic Hangul
/// and CJK names, which CPython matches case-sensitively.
pub fn lookup(name: &[u8]) -> Option<u32> {
    if let Some(rest) = name.strip_prefix(HANGUL_PREFIX) {
        return hangul_syllable(rest);
    }
    if let Some(rest) = name.strip_prefix(CJK_PREFIX) {
        return unified_ideograph(rest);
    }
    let upper = std::str::from_utf8(name).ok()?.to_ascii_uppercase();
    table().by_name.get(&upper).copied()
}

/// `HANGUL SYLLABLE <L><V><T>`: each part is the longest matching short name of its column,
/// chosen greedily, and the parts must use up the whole name.
fn hangul_syllable(rest: &[u8]) -> Option<u32> {
    let (l, l_len) = find_syllable(rest, &HANGUL_L)?;
    let rest = &rest[l_len..];
    let (v, v_len) = find_syllable(rest, &HANGUL_V)?;
    let rest = &rest[v_len..];
    let (t, t_len) = find_syllable(rest, &HANGUL_T)?;
    if t_len != rest.len() {
        return None;
    }
    let code = S_BASE + (l * HANGUL_V.len() as u32 + v) * HANGUL_T.len() as u32 + t;
    Some(code)
}

/// The index and length of the longest entry of `column` that `text` starts with (the first
/// one among equals), or `None` when none does.
fn find_syllable(text: &[u8], column: &[&str]) -> Option<(u32, usize)> {
    let mut best: Option<(u32, usize)> = None;
    for (index, short) in column.iter().enumerate() {
        let longer = best.is_none_or(|(_, len)| short.len() > len);
        if longer && text.starts_with(short.as_bytes()) {
            best = Some((index as u32, short.len()));
        }
    }
    best
}

/// `CJK UNIFIED IDEOGRAPH-XXXX`: four or five upper-case hex digits naming a unified ideograph.
fn unified_ideograph(hex: &[u8]) -> Option<u32> {
    if hex.len() != 4 && hex.len() != 5 {
        return None;
    }
    let mut code = 0u32;
    for &digit in hex {
        let value = match digit {
            b'0'..=b'9' => digit - b'0',
            b'A'..=b'F' => digit - b'A' + 10,
            _ => return None,
        };
        code = code * 16 + u32::from(value);
    }
    let ranges = &table().unified_ideographs;
    ranges
        .iter()
        .any(|&(first, last)| (first..=last).contains(&code))
        .then_some(code)
}

fn table() -> &'static NameTable {
    static TABLE: OnceLock<NameTable> = OnceLock::new();
    TABLE.get_or_init(|| parse_table(NAMES_DATA))
}

/// Decodes the generated table. The data is committed and checked by the tests, so a malformed
/// line can only come from a broken regeneration; such a line is skipped rather than trusted.
fn parse_table(data: &str) -> NameTable {
    let mut by_name = HashMap::new();
    let mut unified_ideographs = Vec::new();
    let mut previous_code = 0u32;
    let mut previous_name = String::new();
    for line in data.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(range) = line.strip_prefix('@') {
            if let Some((first, last)) = range
                .split_once('-')
                .and_then(|(a, b)| Some((hex(a)?, hex(b)?)))
            {
                unified_ideographs.push((first, last));
            }
            continue;
        }
        if let Some(alias) = line.strip_prefix('=') {
            if let Some((code, name)) = alias.split_once(' ').and_then(|(c, n)| Some((hex(c)?, n)))
            {
                by_name.insert(name.to_owned(), code);
            }
            continue;
        }
        let mut fields = line.splitn(3, ' ');
        let (Some(delta), Some(shared), Some(suffix)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let (Some(delta), Ok(shared)) = (hex(delta), shared.parse::<usize>()) else {
            continue;
        };
        let Some(prefix) = previous_name.get(..shared) else {
            continue;
        };
        let name = format!("{prefix}{suffix}");
        previous_code += delta;
        by_name.insert(name.clone(), previous_code);
        previous_name = name;
    }
    NameTable {
        by_name,
        unified_ideographs,
    }
}

fn hex(text: &str) -> Option<u32> {
    u32::from_str_radix(text, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_in_the_table_looks_up_to_its_code_point() {
        let table = table();
        assert_eq!(table.by_name.len(), 40013 + 477);
        for (name, &code) in &table.by_name {
            assert_eq!(lookup(name.as_bytes()), Some(code), "{name}");
        }
    }

    #[test]
    fn names_match_case_insensitively() {
        assert_eq!(lookup(b"latin small letter a"), Some(0x61));
        assert_eq!(lookup(b"Latin Capital Letter Gha"), Some(0x1A2));
        assert_eq!(lookup(b"LATIN SMALL LETTER A "), None);
        assert_eq!(lookup(b"BYTE ORDER MARK"), Some(0xFEFF));
    }

    #[test]
    fn aliases_added_after_unicode_14_are_known() {
        assert_eq!(lookup(b"EM"), Some(0x19));
        assert_eq!(lookup(b"SUNDANESE LETTER ARCHAIC I"), Some(0x1BBD));
        assert_eq!(lookup(b"MENDE KIKAKUI SYLLABLE M172 MBO"), Some(0x1E899));
        assert_eq!(lookup(b"MENDE KIKAKUI SYLLABLE M172 MBOO"), Some(0x1E899));
    }

    #[test]
    fn named_sequences_are_not_character_names() {
        assert_eq!(
            lookup(b"LATIN CAPITAL LETTER A WITH MACRON AND GRAVE"),
            None
        );
    }

    #[test]
    fn hangul_syllables_compose_case_sensitively() {
        assert_eq!(lookup(b"HANGUL SYLLABLE GA"), Some(0xAC00));
        assert_eq!(lookup(b"HANGUL SYLLABLE GAG"), Some(0xAC01));
        assert_eq!(lookup(b"HANGUL SYLLABLE A"), Some(0xC544));
        assert_eq!(lookup(b"HANGUL SYLLABLE HIH"), Some(0xD7A3));
        assert_eq!(lookup(b"HANGUL SYLLABLE ga"), None);
        assert_eq!(lookup(b"Hangul Syllable GA"), None);
        assert_eq!(lookup(b"HANGUL SYLLABLE "), None);
    }

    #[test]
    fn unified_ideographs_take_four_or_five_upper_case_hex_digits() {
        assert_eq!(lookup(b"CJK UNIFIED IDEOGRAPH-4E00"), Some(0x4E00));
        assert_eq!(lookup(b"CJK UNIFIED IDEOGRAPH-04E00"), Some(0x4E00));
        assert_eq!(lookup(b"CJK UNIFIED IDEOGRAPH-31350"), Some(0x31350));
        assert_eq!(lookup(b"CJK UNIFIED IDEOGRAPH-4e00"), None);
        assert_eq!(lookup(b"cjk unified ideograph-4E00"), None);
        assert_eq!(lookup(b"CJK UNIFIED IDEOGRAPH-F900"), None);
        assert_eq!(lookup(b"TANGUT IDEOGRAPH-17000"), None);
    }
}
