//! Deeply nested input gives an error, never a stack overflow, whatever the caller's stack: the
//! table is built on its own thread, and the recursion limit (80,000 levels, about where the
//! oracle stops) fits in its stack.

use pyc_ast::NodeBox;
use pyc_ast::{
    Expr, ExprBinOp, ExprContext, ExprName, Location, Mod, ModModule, Operator, Stmt, StmtExpr,
};
use pyc_future::CompilerFlags;
use pyc_symtable::SymbolTable;

fn nested_binops(depth: usize) -> Mod {
    let loc = Location::new(1, 0, 1, 1);
    let name = |id: &str| -> Expr {
        ExprName {
            loc,
            id: id.into(),
            ctx: ExprContext::Load,
        }
        .into()
    };
    let mut expr = name("x");
    for _ in 0..depth {
        expr = ExprBinOp {
            loc,
            left: expr,
            op: Operator::Add,
            right: name("y"),
        }
        .into();
    }
    let stmt: Stmt = StmtExpr { loc, value: expr }.into();
    Mod::Module(NodeBox::new(ModModule {
        body: vec![stmt],
        type_ignores: vec![],
    }))
}

#[test]
fn nesting_past_the_limit_reports_a_recursion_error() {
    let module = nested_binops(100_000);
    let result = SymbolTable::from_module(&module, "deep.py", CompilerFlags::empty());
    // Dropping a tree this deep recurses in the AST's own Drop: not what this test is about.
    std::mem::forget(module);
    assert_eq!(
        result.map(|_| ()).map_err(|e| e.msg),
        Err("Stack overflow (used 10216 kB) during compilation".to_string())
    );
}

#[test]
fn nesting_below_the_limit_is_analyzed() {
    let module = nested_binops(70_000);
    let st = SymbolTable::from_module(&module, "deep.py", CompilerFlags::empty())
        .expect("within the limit");
    std::mem::forget(module);
    let names: Vec<&str> = st.top().get_identifiers().collect();
    assert_eq!(names, ["x", "y"]);
}
