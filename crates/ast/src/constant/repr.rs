//! Port of Python's `repr` for constants: Objects/unicodeobject.c (unicode_repr),
//! Objects/bytesobject.c (PyBytes_Repr), Objects/floatobject.c (float_repr),
//! Objects/complexobject.c (complex_repr), Python/pystrtod.c (format_float_short),
//! Objects/longobject.c (long_to_decimal_string), Objects/tupleobject.c (tuple_repr),
//! Objects/setobject.c (set_repr).

use num_bigint::BigInt;

use super::printable_table::PRINTABLE_RANGES;
use super::{Constant, PyStr};

/// The error `repr` raises in Python; only ints over the digit limit raise one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReprError {
    /// The exception type's name (`"ValueError"`).
    pub exc_type: &'static str,
    /// The exception message, exactly as CPython words it.
    pub message: String,
}

impl std::fmt::Display for ReprError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.exc_type, self.message)
    }
}

impl std::error::Error for ReprError {}

impl Constant {
    /// Python's `repr(value)`, to the character.
    ///
    /// An int with more than [`super::MAX_STR_DIGITS`] decimal digits, where Python raises
    /// `ValueError`, is written in full (as Python does after `sys.set_int_max_str_digits(0)`);
    /// use [`Constant::try_repr`] to get Python's error instead.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        write_repr(self, &mut out, IntDigits::Unlimited).unwrap_or_default();
        out
    }

    /// Python's `repr(value)` under the default int digit limit: `Err` exactly when Python raises.
    pub fn try_repr(&self) -> Result<String, ReprError> {
        let mut out = String::new();
        write_repr(self, &mut out, IntDigits::Limited)?;
        Ok(out)
    }
}

/// Whether int→str conversion enforces `sys.get_int_max_str_digits()`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum IntDigits {
    Limited,
    Unlimited,
}

fn write_repr(value: &Constant, out: &mut String, digits: IntDigits) -> Result<(), ReprError> {
    match value {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::Int(int) => match digits {
            IntDigits::Unlimited => out.push_str(&int.to_decimal_string()),
            IntDigits::Limited => {
                let text = int.try_to_decimal_string().map_err(|message| ReprError {
                    exc_type: "ValueError",
                    message,
                })?;
                out.push_str(&text);
            }
        },
        Constant::Float(x) => out.push_str(&float_repr(*x)),
        Constant::Complex { real, imag } => out.push_str(&complex_repr(*real, *imag)),
        Constant::Str(s) => out.push_str(&unicode_repr(s)),
        Constant::Bytes(b) => out.push_str(&bytes_repr(b)),
        Constant::Tuple(items) => tuple_repr(items, out, digits)?,
        Constant::FrozenSet(items) => frozenset_repr(items, out, digits)?,
    }
    Ok(())
}

fn tuple_repr(items: &[Constant], out: &mut String, digits: IntDigits) -> Result<(), ReprError> {
    out.push('(');
    write_items(items, out, digits)?;
    if items.len() == 1 {
        out.push(',');
    }
    out.push(')');
    Ok(())
}

fn frozenset_repr(
    items: &[Constant],
    out: &mut String,
    digits: IntDigits,
) -> Result<(), ReprError> {
    if items.is_empty() {
        out.push_str("frozenset()");
        return Ok(());
    }
    out.push_str("frozenset({");
    write_items(items, out, digits)?;
    out.push_str("})");
    Ok(())
}

fn write_items(items: &[Constant], out: &mut String, digits: IntDigits) -> Result<(), ReprError> {
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        write_repr(item, out, digits)?;
    }
    Ok(())
}

/// Python's `repr(float)`: the shortest string that reads back to the same double.
pub fn float_repr(x: f64) -> String {
    format_float_short(
        x,
        FloatFlags {
            add_dot_0: true,
            always_sign: false,
        },
    )
}

/// Python's `repr(complex)`: the imaginary part alone when the real part is +0.0, otherwise
/// `(real±imagj)`; neither part gets a `.0`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    if real == 0.0 && real.is_sign_positive() {
        let im = format_float_short(
            imag,
            FloatFlags {
                add_dot_0: false,
                always_sign: false,
            },
        );
        return format!("{im}j");
    }
    let re = format_float_short(
        real,
        FloatFlags {
            add_dot_0: false,
            always_sign: false,
        },
    );
    let im = format_float_short(
        imag,
        FloatFlags {
            add_dot_0: false,
            always_sign: true,
        },
    );
    format!("({re}{im}j)")
}

/// The options of `PyOS_double_to_string` that `repr` uses.
#[derive(Clone, Copy)]
struct FloatFlags {
    /// `Py_DTSF_ADD_DOT_0`: append `.0` to an integral value written without an exponent.
    add_dot_0: bool,
    /// `Py_DTSF_SIGN`: write `+` before non-negative values.
    always_sign: bool,
}

/// Port of `format_float_short` in mode 0 (`'r'`): shortest round-trip digits, written in
/// exponent form when the decimal point position `decpt` is `<= -4` or `> 16`.
fn format_float_short(x: f64, flags: FloatFlags) -> String {
    let mut out = String::new();
    if x.is_nan() {
        // CPython drops the sign of a NaN.
        if flags.always_sign {
            out.push('+');
        }
        out.push_str("nan");
        return out;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if flags.always_sign {
        out.push('+');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let (digits, decpt) = shortest_digits(x.abs());
    if decpt <= -4 || decpt > 16 {
        write_exponent_form(&digits, decpt, &mut out);
    } else {
        write_fixed_form(&digits, decpt, flags.add_dot_0, &mut out);
    }
    out
}

/// The shortest round-trip decimal digits of a finite non-negative `x` (no leading or trailing
/// zeros, `"0"` for zero) and the position of the decimal point: `x = 0.DIGITS × 10^decpt`.
fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest round-trip digits, like David Gay's dtoa mode 0.
    let text = format!("{x:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let decpt = exponent + 1;
    (round_half_even(x, digits, decpt), decpt)
}

/// When `x` lies exactly halfway between two shortest candidates that both read back to `x`,
/// Rust picks the upper one and David Gay's dtoa (CPython) the one with an even last digit
/// (`1000000000000000.25` is `1000000000000000.2` in Python): move to the even neighbour then.
fn round_half_even(x: f64, digits: String, decpt: i32) -> String {
    let last_is_odd = digits.bytes().last().is_some_and(|d| (d - b'0') % 2 == 1);
    if !last_is_odd {
        return digits;
    }
    let Some(candidate) = BigInt::parse_bytes(digits.as_bytes(), 10) else {
        return digits;
    };
    // `x == (candidate ± 1/2) × 10^(decpt - len)` decides a tie; compare in integers.
    let scale = i64::try_from(digits.len()).unwrap_or(i64::MAX) - i64::from(decpt);
    for step in [-1i32, 1] {
        let twice_neighbour_mid = &candidate * 2 + step;
        if !is_exactly(x, &twice_neighbour_mid, scale) {
            continue;
        }
        // Just above a power of two the interval that reads back to `x` is lopsided, so the
        // even neighbour may read back to another double: then there is no tie to break.
        let even = (&candidate + step).to_string();
        let reread = format!("0.{even}e{decpt}").parse::<f64>();
        if reread.is_ok_and(|y| y.to_bits() == x.to_bits()) {
            return even;
        }
    }
    digits
}

/// Whether `2 × x × 10^scale == twice_value`, computed exactly.
fn is_exactly(x: f64, twice_value: &BigInt, scale: i64) -> bool {
    let (mantissa, exponent) = decompose(x);
    let mut lhs = BigInt::from(mantissa) * 2;
    let mut rhs = twice_value.clone();
    if exponent >= 0 {
        lhs <<= exponent as usize;
    } else {
        rhs <<= exponent.unsigned_abs() as usize;
    }
    let ten_power = |power: u64| num_traits::pow(BigInt::from(10), power as usize);
    if scale >= 0 {
        lhs *= ten_power(scale.unsigned_abs());
    } else {
        rhs *= ten_power(scale.unsigned_abs());
    }
    lhs == rhs
}

/// `(m, e)` with `x == m × 2^e` for a finite non-negative `x`.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

fn write_exponent_form(digits: &str, decpt: i32, out: &mut String) {
    let (first, rest) = digits.split_at(1);
    out.push_str(first);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    let exponent = decpt - 1;
    let sign = if exponent < 0 { '-' } else { '+' };
    out.push_str(&format!("e{sign}{:02}", exponent.unsigned_abs()));
}

fn write_fixed_form(digits: &str, decpt: i32, add_dot_0: bool, out: &mut String) {
    let ndigits = digits.len() as i32;
    if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', decpt.unsigned_abs() as usize));
        out.push_str(digits);
    } else if decpt >= ndigits {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', (decpt - ndigits) as usize));
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        let (int_part, frac_part) = digits.split_at(decpt as usize);
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac_part);
    }
}

/// Python's `str.isprintable()` for one code point (Unicode 16.0, as CPython 3.14).
pub fn is_printable(cp: u32) -> bool {
    PRINTABLE_RANGES
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

/// The quote `repr` puts around a str or bytes: `'` unless the text holds `'` and no `"`.
fn choose_quote(mut code_points: impl Iterator<Item = u32> + Clone) -> char {
    let has_single = code_points.clone().any(|cp| cp == u32::from('\''));
    let has_double = code_points.any(|cp| cp == u32::from('"'));
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// Python's `repr(str)`.
pub fn unicode_repr(s: &PyStr) -> String {
    let quote = choose_quote(s.code_points());
    let mut out = String::with_capacity(s.len_chars() + 2);
    out.push(quote);
    for cp in s.code_points() {
        push_unicode_escaped(cp, quote, &mut out);
    }
    out.push(quote);
    out
}

fn push_unicode_escaped(cp: u32, quote: char, out: &mut String) {
    match char::from_u32(cp) {
        Some(c) if c == quote || c == '\\' => {
            out.push('\\');
            out.push(c);
        }
        Some('\t') => out.push_str("\\t"),
        Some('\n') => out.push_str("\\n"),
        Some('\r') => out.push_str("\\r"),
        Some(c) if cp < 0x20 || cp == 0x7F => out.push_str(&format!("\\x{:02x}", u32::from(c))),
        Some(c) if cp < 0x7F || is_printable(cp) => out.push(c),
        _ if cp <= 0xFF => out.push_str(&format!("\\x{cp:02x}")),
        _ if cp <= 0xFFFF => out.push_str(&format!("\\u{cp:04x}")),
        _ => out.push_str(&format!("\\U{cp:08x}")),
    }
}

/// Python's `repr(bytes)`.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = choose_quote(bytes.iter().map(|&b| u32::from(b)));
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b if char::from(b) == quote => {
                out.push('\\');
                out.push(quote);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7E => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}
