//! The features future statements turn on, against the module code's `co_flags` in the oracle
//! (trees and flags written by `tests/oracle_trees.py`).

use std::path::Path;

use pyc_future::future_from_ast;

#[test]
fn future_statements_set_cpythons_code_flags() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/trees");
    let mut checked = 0;
    for n in 0.. {
        let Ok(dump) = std::fs::read_to_string(dir.join(format!("{n}.dump"))) else {
            break;
        };
        let expected = std::fs::read_to_string(dir.join(format!("{n}.flags"))).expect("flags");
        let module = pyc_ast::read_dump(&dump).expect("a readable dump");
        let ff = future_from_ast(&module, "<f>").expect("valid future statements");
        assert_eq!(format!("{:#x}\n", ff.features.bits()), expected, "case {n}");
        checked += 1;
    }
    assert_eq!(checked, 6);
}

#[test]
fn the_location_is_the_last_future_statement() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/trees");
    let dump = std::fs::read_to_string(dir.join("0.dump")).expect("tree");
    let module = pyc_ast::read_dump(&dump).expect("a readable dump");
    let ff = future_from_ast(&module, "<f>").expect("valid future statements");
    let loc = ff.location;
    assert_eq!(
        (
            loc.lineno,
            loc.col_offset,
            loc.end_lineno,
            loc.end_col_offset
        ),
        (3, 0, 3, 37)
    );
    let dump = std::fs::read_to_string(dir.join("4.dump")).expect("tree");
    let module = pyc_ast::read_dump(&dump).expect("a readable dump");
    let ff = future_from_ast(&module, "<f>").expect("no future statements");
    assert_eq!(ff.location, pyc_future::SourceLocation::NONE);
}
