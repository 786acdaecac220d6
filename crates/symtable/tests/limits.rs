//! Deeply nested input gives an error, never a stack overflow, on a thread with the 8 MiB
//! stack of a main thread (the limit is 3000 levels; a debug build uses about 1.5 KiB of stack
//! per level, a release build much less).

use pyc_ast::{
    Expr, ExprBinOp, ExprContext, ExprName, Location, Mod, ModModule, Operator, Stmt, StmtExpr,
};
use pyc_future::CompilerFlags;
use pyc_symtable::SymbolTable;

fn nested_binops(depth: usize) -> Mod {
    let loc = Location::new(1, 0, 1, 1);
    let mut expr: Expr = ExprName {
        loc,
        id: "x".into(),
        ctx: ExprContext::Load,
    }
    .into();
    for _ in 0..depth {
        let right: Expr = ExprName {
            loc,
            id: "y".into(),
            ctx: ExprContext::Load,
        }
        .into();
        expr = ExprBinOp {
            loc,
            left: expr,
            op: Operator::Add,
            right,
        }
        .into();
    }
    let stmt: Stmt = StmtExpr { loc, value: expr }.into();
    Mod::Module(Box::new(ModModule {
        body: vec![stmt],
        type_ignores: vec![],
    }))
}

/// Runs `f` on a thread with the given stack, as a test thread would have.
fn with_stack<T: Send + 'static>(bytes: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(bytes)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no panic")
}

#[test]
fn deep_nesting_reports_recursion_error_instead_of_overflowing() {
    let result = with_stack(8 << 20, || {
        let module = nested_binops(100_000);
        let result = SymbolTable::from_module(&module, "deep.py", CompilerFlags::empty())
            .map(|_| ())
            .map_err(|e| e.msg);
        // Dropping a tree this deep recurses too: not what this test is about.
        std::mem::forget(module);
        result
    });
    assert_eq!(
        result,
        Err("maximum recursion depth exceeded during compilation".to_string())
    );
}

#[test]
fn nesting_below_the_limit_is_analyzed() {
    let result = with_stack(8 << 20, || {
        let module = nested_binops(2_900);
        let st =
            SymbolTable::from_module(&module, "deep.py", CompilerFlags::empty()).map_err(|e| e.msg);
        let names = st.map(|st| {
            st.top()
                .get_identifiers()
                .map(str::to_string)
                .collect::<Vec<_>>()
        });
        std::mem::forget(module);
        names
    });
    assert_eq!(result, Ok(vec!["x".to_string(), "y".to_string()]));
}
