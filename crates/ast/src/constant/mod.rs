//! Port of Objects/object.c (`PyObject_Repr`) and Python/compile.c (`_PyCode_ConstantKey`): the
//! constant values of the AST and the compiler, with Python's `repr` and its inverse.

mod from_repr;
mod int;
mod printable_table;
mod pystr;
mod repr;

#[cfg(test)]
mod tests;

pub use int::{Int, MAX_STR_DIGITS};
pub use pystr::{CodePoints, PyStr, PyStrBuilder, MAX_CODE_POINT};
pub use repr::{bytes_repr, complex_repr, float_repr, is_printable, unicode_repr, ReprError};

use std::hash::{Hash, Hasher};

/// A Python constant: the value of an `ast.Constant` node, or a constant the compiler folds.
///
/// Equality is structural, as the compiler's constant cache (`_PyCode_ConstantKey`) needs it:
/// values of different types are never equal (`1`, `1.0`, `True` and `(1+0j)` are four constants),
/// floats and complex parts compare by their bits (so `0.0 != -0.0`, and a NaN equals a NaN
/// with the same bits), tuples compare element-wise, and frozensets compare their elements in
/// stored order (the iteration order that `repr` and marshal emit). `repr` writes every NaN as
/// `nan`, so `from_repr` gives back Python's `float('nan')` bits whatever the NaN's sign or payload.
#[derive(Clone, Debug)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` or `False`.
    Bool(bool),
    /// `...`.
    Ellipsis,
    /// An `int` of any size.
    Int(Int),
    /// A `float`.
    Float(f64),
    /// A `complex`.
    Complex { real: f64, imag: f64 },
    /// A `str`, possibly with lone surrogates.
    Str(PyStr),
    /// A `bytes`.
    Bytes(Vec<u8>),
    /// A `tuple` of constants (folded).
    Tuple(Vec<Constant>),
    /// A `frozenset` of constants (folded), in iteration order.
    FrozenSet(Vec<Constant>),
}

impl Constant {
    /// The name of the value's Python type: `"NoneType"`, `"bool"`, `"ellipsis"`, `"int"`,
    /// `"float"`, `"complex"`, `"str"`, `"bytes"`, `"tuple"` or `"frozenset"`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Ellipsis => "ellipsis",
            Constant::Int(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex { .. } => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
            Constant::FrozenSet(_) => "frozenset",
        }
    }

    /// A `str` constant from Rust text.
    pub fn str(text: &str) -> Constant {
        Constant::Str(PyStr::from(text))
    }

    /// An `int` constant.
    pub fn int(value: i64) -> Constant {
        Constant::Int(Int::from(value))
    }
}

impl PartialEq for Constant {
    fn eq(&self, other: &Constant) -> bool {
        match (self, other) {
            (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
            (Constant::Bool(a), Constant::Bool(b)) => a == b,
            (Constant::Int(a), Constant::Int(b)) => a == b,
            (Constant::Float(a), Constant::Float(b)) => a.to_bits() == b.to_bits(),
            (
                Constant::Complex { real: ar, imag: ai },
                Constant::Complex { real: br, imag: bi },
            ) => ar.to_bits() == br.to_bits() && ai.to_bits() == bi.to_bits(),
            (Constant::Str(a), Constant::Str(b)) => a == b,
            (Constant::Bytes(a), Constant::Bytes(b)) => a == b,
            (Constant::Tuple(a), Constant::Tuple(b)) => a == b,
            (Constant::FrozenSet(a), Constant::FrozenSet(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Constant {}

impl Hash for Constant {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Constant::None | Constant::Ellipsis => {}
            Constant::Bool(b) => b.hash(state),
            Constant::Int(i) => i.hash(state),
            Constant::Float(f) => f.to_bits().hash(state),
            Constant::Complex { real, imag } => {
                real.to_bits().hash(state);
                imag.to_bits().hash(state);
            }
            Constant::Str(s) => s.hash(state),
            Constant::Bytes(b) => b.hash(state),
            Constant::Tuple(items) | Constant::FrozenSet(items) => items.hash(state),
        }
    }
}

impl From<PyStr> for Constant {
    fn from(value: PyStr) -> Constant {
        Constant::Str(value)
    }
}

impl From<Int> for Constant {
    fn from(value: Int) -> Constant {
        Constant::Int(value)
    }
}
