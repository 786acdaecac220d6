//! Tests of the constant values: golden reprs from the oracle, the printable table, round trips.

mod golden;
mod printable;
mod roundtrip;
mod unit;

use std::path::PathBuf;

/// A file under the workspace's `golden/constants/`.
fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../golden/constants")
        .join(name)
}

/// The value with every NaN replaced by Python's `float('nan')` bits, since `repr` cannot
/// carry a NaN's sign or payload.
fn canonical_nans(value: &super::Constant) -> super::Constant {
    use super::Constant;
    let fix = |x: f64| if x.is_nan() { f64::NAN } else { x };
    match value {
        Constant::Float(x) => Constant::Float(fix(*x)),
        Constant::Complex { real, imag } => Constant::Complex {
            real: fix(*real),
            imag: fix(*imag),
        },
        Constant::Tuple(items) => Constant::Tuple(items.iter().map(canonical_nans).collect()),
        Constant::FrozenSet(items) => {
            Constant::FrozenSet(items.iter().map(canonical_nans).collect())
        }
        other => other.clone(),
    }
}
