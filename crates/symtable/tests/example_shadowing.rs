//! Pins the output of `examples/shadowing.rs` on `tests/examples/shadowing_module.py` (its tree
//! is the oracle's `ast.dump`, in `shadowing_module.dump`).

#[allow(dead_code)]
#[path = "../examples/shadowing.rs"]
mod shadowing;

#[test]
fn shadowing_example_reports_rebound_imports_and_definitions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/examples");
    let dump = std::fs::read_to_string(dir.join("shadowing_module.dump")).expect("tree dump");
    let module = pyc_ast::read_dump(&dump).expect("a readable dump");
    let expected =
        std::fs::read_to_string(dir.join("shadowing_module.expected")).expect("expected output");
    let report = shadowing::report(&module, "shadowing_module.py").expect("a report");
    assert_eq!(report, expected);
}
