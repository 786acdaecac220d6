//! `PySet` iterates in CPython's order after any mix of the operations the analysis uses
//! (cases recorded from the oracle by `tests/oracle/pyset.py`).

use pyc_symtable::pyset::PySet;

fn replay(ops: &str) -> String {
    let mut set = PySet::new();
    for op in ops.split(' ') {
        if op == "copy" {
            set = PySet::copy_of(&set);
        } else if let Some(names) = op.strip_prefix('|') {
            let mut other = PySet::new();
            names.split(',').for_each(|n| other.add(n));
            set.merge(&other);
        } else if let Some(name) = op.strip_prefix('+') {
            set.add(name);
        } else if let Some(name) = op.strip_prefix('-') {
            set.discard(name);
        } else {
            panic!("unknown op {op:?}");
        }
    }
    set.iter().collect::<Vec<_>>().join(" ")
}

#[test]
fn set_order_matches_cpython_after_random_operations() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/trees/pyset_cases.txt");
    let cases = std::fs::read_to_string(path).expect("cases");
    let mut checked = 0;
    for (n, line) in cases.lines().enumerate() {
        let (ops, expected) = line.split_once(" => ").expect("OPS => ORDER");
        assert_eq!(replay(ops), expected.trim_end(), "case {n}: {ops}");
        checked += 1;
    }
    assert_eq!(checked, 300);
}
