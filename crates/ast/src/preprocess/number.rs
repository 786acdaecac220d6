//! Port of the number arithmetic `fold_const_match_patterns` (Python/ast_preprocess.c) asks of
//! Objects/longobject.c, floatobject.c and complexobject.c: `PyNumber_Negative`,
//! `PyNumber_Add`, `PyNumber_Subtract` on constants.
//!
//! `None` stands for the exception Python would raise (a type without the operation, an int too
//! large for a float): the caller then leaves the tree as it was, as `make_const` does.

use num_traits::ToPrimitive;

use crate::constant::{Constant, Int};

/// `PyNumber_Negative`.
pub(crate) fn negative(value: &Constant) -> Option<Constant> {
    match value {
        Constant::Int(int) => Some(Constant::Int(int.neg())),
        Constant::Bool(b) => Some(Constant::int(-i64::from(*b))),
        Constant::Float(x) => Some(Constant::Float(-x)),
        Constant::Complex { real, imag } => Some(Constant::Complex {
            real: -real,
            imag: -imag,
        }),
        _ => None,
    }
}

/// The operations of a complex literal in a pattern (`1 + 2j`, `-1 - 2j`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum AddSub {
    Add,
    Sub,
}

/// A number as the numeric tower sees it.
enum Number {
    Int(Int),
    Float(f64),
    Complex(f64, f64),
}

fn number(value: &Constant) -> Option<Number> {
    match value {
        Constant::Int(int) => Some(Number::Int(int.clone())),
        Constant::Bool(b) => Some(Number::Int(Int::from(i64::from(*b)))),
        Constant::Float(x) => Some(Number::Float(*x)),
        Constant::Complex { real, imag } => Some(Number::Complex(*real, *imag)),
        _ => None,
    }
}

/// `PyLong_AsDouble`: correctly rounded, `None` (OverflowError) when out of range.
fn int_to_f64(int: &Int) -> Option<f64> {
    let value = int.to_bigint().to_f64()?;
    value.is_finite().then_some(value)
}

fn as_float(value: &Number) -> Option<f64> {
    match value {
        Number::Int(int) => int_to_f64(int),
        Number::Float(x) => Some(*x),
        Number::Complex(..) => None,
    }
}

/// `PyNumber_Add` / `PyNumber_Subtract` on two constants.
pub(crate) fn add_sub(op: AddSub, left: &Constant, right: &Constant) -> Option<Constant> {
    if let Some(concatenated) = concatenate(op, left, right) {
        return Some(concatenated);
    }
    let (left, right) = (number(left)?, number(right)?);
    match (&left, &right) {
        (Number::Int(a), Number::Int(b)) => {
            let (a, b) = (a.to_bigint(), b.to_bigint());
            let result = if op == AddSub::Add { a + b } else { a - b };
            Some(Constant::Int(Int::from(result)))
        }
        (Number::Complex(ar, ai), Number::Complex(br, bi)) => {
            let (real, imag) = match op {
                AddSub::Add => (ar + br, ai + bi),
                AddSub::Sub => (ar - br, ai - bi),
            };
            Some(Constant::Complex { real, imag })
        }
        // Since 3.14 a real operand meets only the real part (C99 Annex G), which keeps the
        // sign of a zero imaginary part.
        (Number::Complex(ar, ai), _) => {
            let b = as_float(&right)?;
            let real = if op == AddSub::Add { ar + b } else { ar - b };
            Some(Constant::Complex { real, imag: *ai })
        }
        (_, Number::Complex(br, bi)) => {
            let a = as_float(&left)?;
            let (real, imag) = match op {
                AddSub::Add => (a + br, *bi),
                AddSub::Sub => (a - br, -bi),
            };
            Some(Constant::Complex { real, imag })
        }
        _ => {
            let (a, b) = (as_float(&left)?, as_float(&right)?);
            Some(Constant::Float(if op == AddSub::Add {
                a + b
            } else {
                a - b
            }))
        }
    }
}

/// `str + str` and `bytes + bytes` (the sequence concatenation `PyNumber_Add` falls back to).
fn concatenate(op: AddSub, left: &Constant, right: &Constant) -> Option<Constant> {
    if op != AddSub::Add {
        return None;
    }
    match (left, right) {
        (Constant::Str(a), Constant::Str(b)) => Some(Constant::Str(a.concat(b))),
        (Constant::Bytes(a), Constant::Bytes(b)) => {
            Some(Constant::Bytes(a.iter().chain(b).copied().collect()))
        }
        _ => None,
    }
}
