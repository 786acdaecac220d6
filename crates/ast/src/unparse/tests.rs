//! Unit tests of the unparser's own limits; its output is pinned against the oracle by
//! `tests/unparse_golden.rs` and the corpus test.

use super::{unparse_expr, MAX_DEPTH};
use crate::constant::Constant;
use crate::{Expr, ExprConstant, ExprUnaryOp, Location, UnaryOp};

/// `-(-(...(-1)))` nested `depth` times.
fn negations(depth: usize) -> Expr {
    let loc = Location::new(1, 0, 1, 1);
    let mut expr = Expr::Constant(Box::new(ExprConstant {
        loc,
        value: Constant::int(1),
        kind: None,
    }));
    for _ in 0..depth {
        expr = Expr::UnaryOp(Box::new(ExprUnaryOp {
            loc,
            op: UnaryOp::USub,
            operand: expr,
        }));
    }
    expr
}

#[test]
fn nesting_within_the_limit_is_written() {
    let text = unparse_expr(&negations(MAX_DEPTH - 1)).expect("within the limit");
    assert_eq!(text, format!("{}1", "-".repeat(MAX_DEPTH - 1)));
}

#[test]
fn nesting_past_the_limit_is_a_recursion_error_not_a_crash() {
    let error = unparse_expr(&negations(MAX_DEPTH + 10)).expect_err("past the limit");
    assert_eq!(
        error.to_string(),
        "RecursionError: maximum recursion depth exceeded"
    );
}

/// `x = a + a + ... + a` with `operators` operators, as a module.
fn module_level_sum(operators: usize) -> crate::Mod {
    use crate::{ExprBinOp, ExprContext, ExprName, ModModule, Operator, Stmt, StmtAssign};
    let loc = Location::new(1, 0, 1, 1);
    let name = |ctx| {
        Expr::Name(Box::new(ExprName {
            loc,
            id: "a".into(),
            ctx,
        }))
    };
    let mut value = name(ExprContext::Load);
    for _ in 0..operators {
        let right = name(ExprContext::Load);
        value = Expr::BinOp(Box::new(ExprBinOp {
            loc,
            left: value,
            op: Operator::Add,
            right,
        }));
    }
    let targets = vec![name(ExprContext::Store)];
    let assign = Stmt::Assign(Box::new(StmtAssign {
        loc,
        targets,
        value,
        type_comment: None,
    }));
    crate::Mod::Module(Box::new(ModModule {
        body: vec![assign],
        type_ignores: Vec::new(),
    }))
}

#[test]
fn operator_chain_fails_where_python_reaches_its_recursion_limit() {
    // Under the oracle, ast.unparse writes `x = a + ... + a` with 326 operators and raises
    // RecursionError with 327.
    assert!(super::unparse(&module_level_sum(326)).is_ok());
    let error = super::unparse(&module_level_sum(327)).expect_err("one level too deep");
    assert_eq!(error.exc_type, "RecursionError");
}
