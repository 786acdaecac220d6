//! A compiler finds each block from the AST node that opens it, with the keys of `BlockKey`.

use std::path::Path;

use pyc_ast::NodeBox;
use pyc_ast::{Expr, Mod, Stmt};
use pyc_future::CompilerFlags;
use pyc_symtable::{BlockKey, BlockType, SymbolTable};

fn tree(case: &str) -> Mod {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/trees/symtable/{case}.dump"));
    let dump = std::fs::read_to_string(path).expect("tree dump");
    pyc_ast::read_dump(&dump).expect("a readable dump")
}

fn describe(st: &SymbolTable, key: BlockKey) -> String {
    match st.lookup(key) {
        Some(id) => format!("{} {}", st.entry(id).kind.name(), st.entry(id).name),
        None => "missing".to_string(),
    }
}

#[test]
fn blocks_are_found_from_their_nodes() {
    let module = tree("type_params");
    let st = SymbolTable::from_module(&module, "type_params.py", CompilerFlags::empty())
        .expect("a valid module");
    let Mod::Module(m) = &module else {
        panic!("a module")
    };
    let mut found = Vec::new();
    for stmt in &m.body {
        match stmt {
            Stmt::FunctionDef(f) => {
                found.push(describe(&st, BlockKey::of_stmt(stmt)));
                found.push(describe(&st, BlockKey::of(&*f.args)));
                if !f.type_params.is_empty() {
                    found.push(describe(&st, BlockKey::of_slice(&f.type_params)));
                }
                if let Some(bound_of_first) = f.type_params.first() {
                    let key = BlockKey::of_type_param(bound_of_first);
                    found.push(describe(&st, key));
                    found.push(describe(&st, key.plus_one()));
                }
            }
            Stmt::ClassDef(_) | Stmt::TypeAlias(_) => {
                found.push(describe(&st, BlockKey::of_stmt(stmt)))
            }
            _ => {}
        }
    }
    assert_eq!(
        found,
        [
            "function func",
            "annotation __annotate__",
            "type parameters func",
            "missing",
            "missing",
            "function with_defaults",
            "annotation __annotate__",
            "type parameters with_defaults",
            "missing",
            "type variable T",
            "function bounded",
            "annotation __annotate__",
            "type parameters bounded",
            "type variable T",
            "missing",
            "class Generic",
            "type alias Simple",
            "type alias Pair",
            "type alias Recursive",
            "function outer",
            "annotation __annotate__",
        ]
    );
    let lambda = Expr::Constant(NodeBox::new(pyc_ast::ExprConstant {
        loc: pyc_ast::Location::new(1, 0, 1, 1),
        value: pyc_ast::constant::Constant::None,
        kind: None,
    }));
    assert_eq!(describe(&st, BlockKey::of_expr(&lambda)), "missing");
    assert_eq!(
        st.entry(st.lookup(BlockKey::of(&module)).expect("top"))
            .kind,
        BlockType::Module
    );
}
