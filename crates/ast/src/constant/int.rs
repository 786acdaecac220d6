//! Port of Objects/longobject.c: the int value (`PyLong_FromString` digits, `long_to_decimal_string`).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// CPython's default `sys.get_int_max_str_digits()`: int→str conversion of an int with more
/// decimal digits than this raises `ValueError` (Python/initconfig.c, `_PY_LONG_DEFAULT_MAX_STR_DIGITS`).
pub const MAX_STR_DIGITS: usize = 4300;

/// A Python `int` of any size.
///
/// Values that fit in an `i64` are stored inline; larger ones in a [`BigInt`]. The representation
/// is canonical (a `Big` never holds a value that fits in `i64`), so the derived equality and hash
/// are the mathematical ones.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Int(IntRepr);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum IntRepr {
    Small(i64),
    Big(BigInt),
}

impl Int {
    /// Parses `digits` (no sign, no prefix, no underscores) in `radix` (2..=36).
    /// Returns `None` when `digits` is empty or holds a character that is not a digit of `radix`.
    pub fn from_str_radix(digits: &str, radix: u32) -> Option<Int> {
        if !(2..=36).contains(&radix) || digits.is_empty() {
            return None;
        }
        if !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        if let Ok(small) = i64::from_str_radix(digits, radix) {
            return Some(Int(IntRepr::Small(small)));
        }
        BigInt::parse_bytes(digits.as_bytes(), radix).map(Int::from)
    }

    /// The value as an `i64`, when it fits.
    pub fn to_i64(&self) -> Option<i64> {
        match &self.0 {
            IntRepr::Small(v) => Some(*v),
            IntRepr::Big(_) => None,
        }
    }

    /// The value as a [`BigInt`].
    pub fn to_bigint(&self) -> BigInt {
        match &self.0 {
            IntRepr::Small(v) => BigInt::from(*v),
            IntRepr::Big(b) => b.clone(),
        }
    }

    /// True for values below zero.
    pub fn is_negative(&self) -> bool {
        match &self.0 {
            IntRepr::Small(v) => *v < 0,
            IntRepr::Big(b) => b.is_negative(),
        }
    }

    /// True for zero.
    pub fn is_zero(&self) -> bool {
        match &self.0 {
            IntRepr::Small(v) => *v == 0,
            IntRepr::Big(b) => b.is_zero(),
        }
    }

    /// The value negated (`-x`).
    pub fn neg(&self) -> Int {
        match &self.0 {
            IntRepr::Small(v) => match v.checked_neg() {
                Some(n) => Int(IntRepr::Small(n)),
                None => Int::from(-BigInt::from(*v)),
            },
            IntRepr::Big(b) => Int::from(-b.clone()),
        }
    }

    /// The decimal text of the value, sign included, ignoring CPython's digit limit
    /// (as Python does after `sys.set_int_max_str_digits(0)`).
    pub fn to_decimal_string(&self) -> String {
        match &self.0 {
            IntRepr::Small(v) => v.to_string(),
            IntRepr::Big(b) => b.to_string(),
        }
    }

    /// The decimal text as Python's `repr`/`str` gives it under the default limit: an error with
    /// CPython's `ValueError` message when the value has more than [`MAX_STR_DIGITS`] digits.
    pub fn try_to_decimal_string(&self) -> Result<String, String> {
        // Any value of 14300 bits or more has over 4300 decimal digits: fail before the
        // quadratic conversion, as CPython does for very large ints.
        if let IntRepr::Big(b) = &self.0 {
            if b.bits() >= 14300 {
                return Err(int_max_str_digits_message());
            }
        }
        let text = self.to_decimal_string();
        let digits = text.len() - usize::from(self.is_negative());
        if digits > MAX_STR_DIGITS {
            return Err(int_max_str_digits_message());
        }
        Ok(text)
    }
}

impl From<i64> for Int {
    fn from(value: i64) -> Int {
        Int(IntRepr::Small(value))
    }
}

impl From<BigInt> for Int {
    fn from(value: BigInt) -> Int {
        match value.to_i64() {
            Some(small) => Int(IntRepr::Small(small)),
            None => Int(IntRepr::Big(value)),
        }
    }
}

impl std::fmt::Display for Int {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            IntRepr::Small(v) => write!(f, "{v}"),
            IntRepr::Big(b) => write!(f, "{b}"),
        }
    }
}

/// CPython's `ValueError` message for an int→str conversion over the digit limit.
fn int_max_str_digits_message() -> String {
    format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    )
}
