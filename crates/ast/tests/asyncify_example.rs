//! The asyncify example (`examples/asyncify.rs`) against the same rewrite done by Python's
//! `ast.NodeTransformer` (`examples/asyncify_data/asyncify.py`, run under the oracle): the same
//! source out, and the same tree with the same positions.

#[allow(dead_code)]
#[path = "../examples/asyncify.rs"]
mod asyncify;

use std::path::Path;

use pyc_ast::{dump, read_dump, DumpOptions};

fn data(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/asyncify_data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn asyncify_example_prints_what_python_node_transformer_prints() {
    let tree = read_dump(data("input.dump").trim_end()).expect("read_dump");
    let source = pyc_ast::unparse::unparse(&asyncify::asyncify(tree)).expect("unparse");
    assert_eq!(format!("{source}\n"), data("expected.py"));
}

#[test]
fn asyncify_example_keeps_positions_like_python_node_transformer() {
    let tree = read_dump(data("input.dump").trim_end()).expect("read_dump");
    let options = DumpOptions {
        include_attributes: true,
        indent: None,
        show_empty: false,
    };
    let ours = dump(&asyncify::asyncify(tree), options).expect("dump");
    assert_eq!(format!("{ours}\n"), data("expected.dump"));
}
