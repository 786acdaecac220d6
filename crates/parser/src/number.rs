//! Port of Parser/pegen.c: _PyPegen_number_token, parsenumber, parsenumber_raw (with PyOS_strtoul, PyLong_FromString's digit limit and PyOS_string_to_double as they apply to NUMBER tokens).
//!
//! Public interface:
//! - [`number_token`]`(token, text, feature_version) -> Result<Constant, LiteralError>`: the value
//!   of a NUMBER token, or the SyntaxError `_PyPegen_number_token` raises. The caller builds
//!   `Expr::Constant` with the token's location and `kind: None`.
//! - [`parse_number`]`(text) -> Result<Constant, String>`: the same from the text alone; `Err`
//!   holds the SyntaxError message (raised at the token's lines, columns -1).
//! - [`parsenumber`]`(text) -> Result<Constant, String>`: the value of a literal (underscores
//!   allowed); `Err` holds the ValueError text for an over-long decimal int.

use pyc_ast::constant::{Constant, Int};
use pyc_tokenize::Token;

use crate::string_parser::{ErrorLocation, LiteralError};

/// CPython's default `sys.get_int_max_str_digits()`.
const MAX_STR_DIGITS: usize = 4300;

/// `_PyPegen_number_token`: the constant a NUMBER token denotes.
pub fn number_token(
    token: &Token,
    text: &str,
    feature_version: i32,
) -> Result<Constant, LiteralError> {
    if feature_version < 6 && text.contains('_') {
        return Err(LiteralError::new(
            "Underscores in numeric literals are only supported in Python 3.6 and greater",
            ErrorLocation::LastToken,
        ));
    }
    parse_number(text).map_err(|msg| {
        // Columns are left out on purpose (CPython passes -1): the literal may be huge.
        LiteralError::new(
            msg,
            ErrorLocation::Known {
                lineno: token.lineno as i32,
                col_offset: -1,
                end_lineno: token.end_lineno as i32,
                end_col_offset: -1,
            },
        )
    })
}

/// The value of a NUMBER token's text, or the complete SyntaxError message
/// `_PyPegen_number_token` raises (an over-long decimal int). CPython raises that error with
/// `RAISE_ERROR_KNOWN_LOCATION(p, SyntaxError, t->lineno, -1, t->end_lineno, -1, ...)`: the
/// token's lines and no columns ([`number_token`] returns exactly that location).
pub fn parse_number(text: &str) -> Result<Constant, String> {
    parsenumber(text).map_err(|value_error| {
        format!("{value_error} - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.")
    })
}

/// `parsenumber`: drops the underscores, then parses as `parsenumber_raw`.
pub fn parsenumber(text: &str) -> Result<Constant, String> {
    if let Some(value) = short_decimal(text) {
        return Ok(Constant::Int(Int::from(value)));
    }
    if text.contains('_') {
        let digits: String = text.chars().filter(|&c| c != '_').collect();
        return parsenumber_raw(&digits);
    }
    parsenumber_raw(text)
}

/// The value of a decimal literal of at most 18 digits and nothing else (`0`, `1`, `255`, and
/// `00`, a literal of zeros), the common case, read in one pass: what `parsenumber_raw` makes
/// of it, without its checks for prefixes, limits and floats.
fn short_decimal(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 18 {
        return None;
    }
    let mut value: i64 = 0;
    for &b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + i64::from(b - b'0');
    }
    Some(value)
}

/// `parsenumber_raw`: an int when the whole literal is one (any base, any size), else an
/// imaginary number when it ends in `j`/`J`, else a float.
fn parsenumber_raw(text: &str) -> Result<Constant, String> {
    if let Some(int) = parse_int(text)? {
        return Ok(Constant::Int(int));
    }
    if let Some(imag) = text.strip_suffix(['j', 'J']) {
        return Ok(Constant::Complex {
            real: 0.0,
            imag: string_to_double(imag)?,
        });
    }
    Ok(Constant::Float(string_to_double(text)?))
}

/// The int value when `text` is an integer literal (`0x`/`0o`/`0b` prefixes, or decimal),
/// `Ok(None)` when it is not one, `Err` when a decimal literal has more digits than
/// `sys.get_int_max_str_digits()` allows.
fn parse_int(text: &str) -> Result<Option<Int>, String> {
    let bytes = text.as_bytes();
    if bytes.len() > 2 && bytes[0] == b'0' {
        let radix = match bytes[1] {
            b'x' | b'X' => Some(16),
            b'o' | b'O' => Some(8),
            b'b' | b'B' => Some(2),
            _ => None,
        };
        if let Some(radix) = radix {
            return Ok(Int::from_str_radix(&text[2..], radix));
        }
    }
    if text.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return Ok(None);
    }
    // A literal of zeros goes through PyOS_strtoul, which has no digit limit.
    if bytes.iter().all(|&b| b == b'0') {
        return Ok(Some(Int::from(0)));
    }
    if bytes.len() > MAX_STR_DIGITS {
        return Err(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            bytes.len()
        ));
    }
    Ok(Int::from_str_radix(text, 10))
}

/// `PyOS_string_to_double(text, NULL, NULL)` on a float literal: correctly rounded, overflow to
/// infinity. The tokenizer only produces `digits[.digits][e[+-]digits]` shapes, which Rust's
/// parser reads after an empty integer or fraction part is filled in.
fn string_to_double(text: &str) -> Result<f64, String> {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], &text[at..]),
        None => (text, ""),
    };
    let mut normalized = String::with_capacity(text.len() + 2);
    if mantissa.starts_with('.') {
        normalized.push('0');
    }
    normalized.push_str(mantissa);
    if mantissa.ends_with('.') {
        normalized.push('0');
    }
    normalized.push_str(exponent);
    normalized
        .parse::<f64>()
        .map_err(|_| format!("could not convert string to float: '{text}'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Constant {
        match parsenumber(text) {
            Ok(value) => value,
            Err(error) => panic!("{text}: {error}"),
        }
    }

    #[test]
    fn int_literals_in_every_base() {
        assert_eq!(value("0"), Constant::Int(Int::from(0)));
        assert_eq!(value("00"), Constant::Int(Int::from(0)));
        assert_eq!(value("1_000"), Constant::Int(Int::from(1000)));
        assert_eq!(value("0o17"), Constant::Int(Int::from(15)));
        assert_eq!(value("0B101"), Constant::Int(Int::from(5)));
        assert_eq!(value("0XfF"), Constant::Int(Int::from(255)));
        assert_eq!(value("0x_f"), Constant::Int(Int::from(15)));
    }

    #[test]
    fn short_decimals_read_in_one_pass_agree_with_the_general_parse() {
        for text in [
            "0",
            "7",
            "00",
            "000000000000000000",
            "255",
            "999999999999999999",
            "9223372036854775807",
            "99999999999999999999",
        ] {
            assert_eq!(parsenumber(text), parsenumber_raw(text), "{text}");
        }
        assert_eq!(
            short_decimal("999999999999999999"),
            Some(999_999_999_999_999_999)
        );
        assert_eq!(short_decimal("9999999999999999999"), None);
        assert_eq!(short_decimal("1_0"), None);
        assert_eq!(short_decimal("1.5"), None);
        assert_eq!(short_decimal(""), None);
    }

    #[test]
    fn floats_and_imaginaries() {
        assert_eq!(value("0."), Constant::Float(0.0));
        assert_eq!(value(".5"), Constant::Float(0.5));
        assert_eq!(value("1.e3"), Constant::Float(1000.0));
        assert_eq!(value("1e500"), Constant::Float(f64::INFINITY));
        assert_eq!(value("1E-400"), Constant::Float(0.0));
        assert_eq!(value("2.4703282292062328e-324"), Constant::Float(5e-324));
        assert_eq!(
            value("1_0.0_1e1_0J"),
            Constant::Complex {
                real: 0.0,
                imag: 100100000000.0
            }
        );
        assert_eq!(
            value("0j"),
            Constant::Complex {
                real: 0.0,
                imag: 0.0
            }
        );
        assert_eq!(
            value("10j"),
            Constant::Complex {
                real: 0.0,
                imag: 10.0
            }
        );
    }

    #[test]
    fn decimal_ints_over_the_digit_limit_fail_like_cpython() {
        let long = format!("1{}", "0".repeat(4300));
        assert_eq!(
            parsenumber(&long),
            Err("Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit".to_owned())
        );
        let zeros = "0".repeat(5000);
        assert_eq!(value(&zeros), Constant::Int(Int::from(0)));
        let hex = format!("0x{}", "f".repeat(5000));
        assert!(matches!(value(&hex), Constant::Int(_)));
    }
}
