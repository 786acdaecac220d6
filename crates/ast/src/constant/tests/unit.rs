//! Behaviour the golden data cannot show: the API around the values.

use super::super::{Constant, Int, PyStr};

#[test]
fn type_names_are_pythons() {
    assert_eq!(Constant::None.type_name(), "NoneType");
    assert_eq!(Constant::Ellipsis.type_name(), "ellipsis");
    assert_eq!(Constant::int(1).type_name(), "int");
    assert_eq!(
        Constant::Complex {
            real: 0.0,
            imag: 1.0
        }
        .type_name(),
        "complex"
    );
    assert_eq!(Constant::FrozenSet(vec![]).type_name(), "frozenset");
}

#[test]
fn equality_tells_zero_signs_and_types_apart_but_not_equal_nans() {
    assert_ne!(Constant::Float(0.0), Constant::Float(-0.0));
    assert_eq!(Constant::Float(f64::NAN), Constant::Float(f64::NAN));
    assert_ne!(Constant::Float(f64::NAN), Constant::Float(-f64::NAN));
    assert_ne!(Constant::int(1), Constant::Bool(true));
    assert_ne!(Constant::int(1), Constant::Float(1.0));
}

#[test]
fn int_is_canonical_across_sizes() {
    let big = Int::from_str_radix("10000000000000000", 16).expect("valid hex");
    assert_eq!(big.to_i64(), None);
    assert_eq!(big.neg().neg(), big);
    let small = Int::from_str_radix("7fffffffffffffff", 16).expect("valid hex");
    assert_eq!(small.to_i64(), Some(i64::MAX));
    assert_eq!(Int::from(i64::MIN).neg().neg(), Int::from(i64::MIN));
    assert_eq!(Int::from(i64::MIN).neg().to_i64(), None);
    assert_eq!(Int::from_str_radix("1_0", 10), None);
    assert_eq!(Int::from_str_radix("", 10), None);
}

#[test]
fn pystr_keeps_surrogates_as_separate_code_points() {
    let pair = PyStr::from_code_points([0xD83D, 0xDE00]).expect("in range");
    assert_eq!(pair.as_str(), None);
    assert_eq!(pair.len_chars(), 2);
    assert_ne!(pair, PyStr::from("\u{1F600}"));
    assert_eq!(
        PyStr::from_code_points([0x61, 0x1F600]),
        Some(PyStr::from("a\u{1F600}"))
    );
    assert_eq!(PyStr::from("a\u{1F600}").len_chars(), 2);
    assert_eq!(PyStr::from_code_points([0x110000]), None);
    assert_eq!(pair.to_utf8_surrogatepass(), b"\xed\xa0\xbd\xed\xb8\x80");
}

#[test]
fn pystr_concat_and_order_follow_code_points() {
    let high = PyStr::from_code_points([0xD83D]).expect("in range");
    let low = PyStr::from_code_points([0xDE00]).expect("in range");
    let joined = high.concat(&low);
    assert_eq!(
        joined.code_points().collect::<Vec<_>>(),
        vec![0xD83D, 0xDE00]
    );
    assert_eq!(
        PyStr::from("ab").concat(&PyStr::from("c")),
        PyStr::from("abc")
    );
    // U+D800 sorts below U+E000 and U+10000 even though it cannot be UTF-8.
    let surrogate = PyStr::from_code_points([0xD800]).expect("in range");
    assert!(surrogate < PyStr::from("\u{E000}"));
    assert!(surrogate > PyStr::from("\u{D7FF}"));
}

#[test]
fn from_repr_reports_bytes_consumed_and_stops_after_one_value() {
    assert_eq!(
        Constant::from_repr("1, kind=None)"),
        Ok((Constant::int(1), 1))
    );
    assert_eq!(Constant::from_repr("'a')"), Ok((Constant::str("a"), 3)));
    assert_eq!(Constant::from_repr("(1, 2))").map(|(_, n)| n), Ok(6));
}

#[test]
fn from_repr_rejects_malformed_text() {
    for text in [
        "",
        "'abc",
        "b'\\u0041'",
        "(1)",
        "(1, 2",
        "frozenset({})",
        "-",
        "'\\q'",
        "b'é'",
        "x",
    ] {
        assert!(Constant::from_repr(text).is_err(), "{text:?} accepted");
    }
}

#[test]
fn from_repr_refuses_deep_nesting_without_overflowing() {
    let text = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
    assert!(Constant::from_repr(&text).is_err());
}
