//! Property tests: `from_repr` inverts `repr` on random values, and neither panics.

use proptest::prelude::*;

use super::super::{Constant, Int, PyStr};
use super::canonical_nans;

/// Code points weighted towards the classes `repr` treats differently.
fn code_point() -> impl Strategy<Value = u32> {
    prop_oneof![
        0x20u32..0x7F,
        0u32..0x20,
        Just(0x27u32),
        Just(0x22u32),
        Just(0x5Cu32),
        0x7Fu32..0x100,
        0xD800u32..0xE000,
        0x100u32..0x10000,
        0x10000u32..=0x10FFFF,
    ]
}

fn big_int() -> impl Strategy<Value = Int> {
    (prop::collection::vec(any::<u32>(), 1..8), any::<bool>()).prop_map(|(limbs, negative)| {
        let hex: String = limbs.iter().map(|limb| format!("{limb:08x}")).collect();
        let value = Int::from_str_radix(&hex, 16).unwrap_or_else(|| Int::from(0));
        if negative {
            value.neg()
        } else {
            value
        }
    })
}

fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<u64>().prop_map(f64::from_bits),
        any::<f64>(),
        (-400i32..400, 1u32..1000)
            .prop_map(|(exp, mantissa)| f64::from(mantissa) * 10f64.powi(exp)),
        prop::sample::select(vec![
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            1e16,
            1e-5
        ]),
    ]
}

fn leaf() -> impl Strategy<Value = Constant> {
    prop_oneof![
        Just(Constant::None),
        any::<bool>().prop_map(Constant::Bool),
        Just(Constant::Ellipsis),
        any::<i64>().prop_map(Constant::int),
        big_int().prop_map(Constant::Int),
        float().prop_map(Constant::Float),
        (float(), float()).prop_map(|(real, imag)| Constant::Complex { real, imag }),
        prop::collection::vec(code_point(), 0..12)
            .prop_map(|cps| Constant::Str(PyStr::from_code_points(cps).unwrap_or_default())),
        prop::collection::vec(any::<u8>(), 0..12).prop_map(Constant::Bytes),
    ]
}

fn constant() -> impl Strategy<Value = Constant> {
    leaf().prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Constant::Tuple),
            prop::collection::vec(inner, 0..5).prop_map(Constant::FrozenSet),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn from_repr_inverts_repr(value in constant()) {
        let text = value.repr();
        prop_assert_eq!(Constant::from_repr(&text), Ok((canonical_nans(&value), text.len())));
    }

    #[test]
    fn try_repr_agrees_with_repr_below_the_digit_limit(value in constant()) {
        prop_assert_eq!(value.try_repr(), Ok(value.repr()));
    }

    #[test]
    fn from_repr_never_panics_on_arbitrary_text(text in "[-+0-9a-zA-Z.()\\{\\}'\", \\\\j]{0,40}") {
        if let Ok((_, consumed)) = Constant::from_repr(&text) {
            prop_assert!(consumed <= text.len());
        }
    }

    #[test]
    fn from_repr_never_panics_on_mutated_reprs(value in constant(), cut in any::<prop::sample::Index>()) {
        let text = value.repr();
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let end = boundaries.get(cut.index(boundaries.len().max(1))).copied().unwrap_or(0);
        let _ = Constant::from_repr(&text[..end]);
    }
}
