//! The oracle's reprs of golden/constants/cases.txt (written by make_cases.py under
//! oracle/python): `repr`, `try_repr` and `from_repr` against every case.

use super::super::{Constant, Int, PyStr};
use super::{canonical_nans, golden_path};

struct Case {
    line: usize,
    build: String,
    value: Constant,
    expected: String,
}

fn load_cases() -> Vec<Case> {
    let path = golden_path("cases.txt");
    let text = std::fs::read_to_string(&path).expect("golden/constants/cases.txt");
    text.lines()
        .enumerate()
        .map(|(index, line)| {
            let (build, expected) = line.split_once('\t').expect("BUILD<TAB>EXPECTED");
            let mut tokens = build.split(' ');
            let value =
                build_value(&mut tokens).unwrap_or_else(|e| panic!("line {}: {e}", index + 1));
            assert!(
                tokens.next().is_none(),
                "line {}: trailing tokens",
                index + 1
            );
            Case {
                line: index + 1,
                build: build.to_owned(),
                value,
                expected: expected.to_owned(),
            }
        })
        .collect()
}

/// Reads one value of the BUILD notation described in make_cases.py.
fn build_value<'a>(tokens: &mut impl Iterator<Item = &'a str>) -> Result<Constant, String> {
    let token = tokens.next().ok_or("missing token")?;
    let (kind, arg) = token.split_once(':').unwrap_or((token, ""));
    Ok(match kind {
        "none" => Constant::None,
        "true" => Constant::Bool(true),
        "false" => Constant::Bool(false),
        "ellipsis" => Constant::Ellipsis,
        "int" => Constant::Int(hex_int(arg)?),
        "float" => Constant::Float(float_from_bits(arg)?),
        "complex" => {
            let (real, imag) = arg.split_once(':').ok_or("complex needs two parts")?;
            Constant::Complex {
                real: float_from_bits(real)?,
                imag: float_from_bits(imag)?,
            }
        }
        "str" => {
            let cps: Result<Vec<u32>, _> = arg
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|s| u32::from_str_radix(s, 16))
                .collect();
            let cps = cps.map_err(|e| e.to_string())?;
            Constant::Str(PyStr::from_code_points(cps).ok_or("code point out of range")?)
        }
        "bytes" => Constant::Bytes(
            (0..arg.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&arg[i..i + 2], 16).map_err(|e| e.to_string()))
                .collect::<Result<_, _>>()?,
        ),
        "tuple" | "frozenset" => {
            let count: usize = arg.parse().map_err(|_| "bad item count")?;
            let items = (0..count)
                .map(|_| build_value(tokens))
                .collect::<Result<Vec<_>, _>>()?;
            if kind == "tuple" {
                Constant::Tuple(items)
            } else {
                Constant::FrozenSet(items)
            }
        }
        _ => return Err(format!("unknown token {token:?}")),
    })
}

fn hex_int(arg: &str) -> Result<Int, String> {
    let (negative, digits) = match arg.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, arg),
    };
    let value = Int::from_str_radix(digits, 16).ok_or("bad hex int")?;
    Ok(if negative { value.neg() } else { value })
}

fn float_from_bits(arg: &str) -> Result<f64, String> {
    u64::from_str_radix(arg, 16)
        .map(f64::from_bits)
        .map_err(|e| e.to_string())
}

#[test]
fn golden_cases_are_numerous_and_cover_every_kind() {
    let cases = load_cases();
    assert!(cases.len() >= 300, "only {} cases", cases.len());
    for kind in [
        "NoneType",
        "bool",
        "ellipsis",
        "int",
        "float",
        "complex",
        "str",
        "bytes",
        "tuple",
        "frozenset",
    ] {
        assert!(
            cases.iter().any(|c| c.value.type_name() == kind),
            "no {kind} case"
        );
    }
}

#[test]
fn try_repr_matches_the_oracle_on_every_golden_case() {
    let mut failures = Vec::new();
    for case in load_cases() {
        let actual = match case.value.try_repr() {
            Ok(text) => text,
            Err(error) => format!("!{error}"),
        };
        if actual != case.expected {
            failures.push(format!(
                "line {} ({}): expected {:?}, got {:?}",
                case.line, case.build, case.expected, actual
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn repr_matches_the_oracle_wherever_python_does_not_raise() {
    for case in load_cases().iter().filter(|c| !c.expected.starts_with('!')) {
        assert_eq!(case.value.repr(), case.expected, "line {}", case.line);
    }
}

#[test]
fn repr_writes_ints_over_the_digit_limit_in_full() {
    let over_limit: Vec<Case> = load_cases()
        .into_iter()
        .filter(|c| c.expected.starts_with("!ValueError"))
        .collect();
    assert!(!over_limit.is_empty());
    for case in over_limit {
        let text = case.value.repr();
        assert!(text.len() > 4300, "line {}", case.line);
        assert_eq!(
            Constant::from_repr(&text),
            Ok((case.value.clone(), text.len())),
            "line {}",
            case.line
        );
    }
}

#[test]
fn from_repr_reads_back_every_golden_repr() {
    let mut failures = Vec::new();
    for case in load_cases().iter().filter(|c| !c.expected.starts_with('!')) {
        let expected = Ok((canonical_nans(&case.value), case.expected.len()));
        let actual = Constant::from_repr(&case.expected);
        if actual != expected {
            failures.push(format!(
                "line {} {:?}: got {:?}",
                case.line, case.expected, actual
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
