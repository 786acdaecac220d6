//! Unit tests of the unparser's own limits; its output is pinned against the oracle by
//! `tests/unparse_golden.rs` and the corpus test.

use super::unparse_expr;
use crate::constant::Constant;
use crate::NodeBox;
use crate::{Expr, ExprConstant, ExprUnaryOp, Location, UnaryOp};

/// `-(-(...(-1)))` nested `depth` times.
fn negations(depth: usize) -> Expr {
    let loc = Location::new(1, 0, 1, 1);
    let mut expr = Expr::Constant(NodeBox::new(ExprConstant {
        loc,
        value: Constant::int(1),
        kind: None,
    }));
    for _ in 0..depth {
        expr = Expr::UnaryOp(NodeBox::new(ExprUnaryOp {
            loc,
            op: UnaryOp::USub,
            operand: expr,
        }));
    }
    expr
}

/// `ast.unparse(-(-(...(-1))))` on an expression: `visit_UnaryOp` at frame 5, three frames
/// per level, and `_write_constant`'s `write` five frames above the innermost negation: 329
/// negations reach frame 994 and 330 pass the limit (as in the oracle, called from a `-c`
/// command's top level).
#[test]
fn nesting_within_the_recursion_limit_is_written() {
    let text = unparse_expr(&negations(329)).expect("within the limit");
    assert_eq!(text, format!("{}1", "-".repeat(329)));
}

#[test]
fn nesting_past_the_recursion_limit_is_a_recursion_error_not_a_crash() {
    let error = unparse_expr(&negations(330)).expect_err("past the limit");
    assert_eq!(
        error.to_string(),
        "RecursionError: maximum recursion depth exceeded"
    );
    let deep = negations(100_000);
    let error = unparse_expr(&deep).expect_err("far past the limit");
    assert_eq!(error.exc_type, "RecursionError");
    crate::drop_deep(deep);
}

/// `x = a + a + ... + a` with `operators` operators, as a module.
fn module_level_sum(operators: usize) -> crate::Mod {
    use crate::{ExprBinOp, ExprContext, ExprName, ModModule, Operator, Stmt, StmtAssign};
    let loc = Location::new(1, 0, 1, 1);
    let name = |ctx| {
        Expr::from(ExprName {
            loc,
            id: "a".into(),
            ctx,
        })
    };
    let mut value = name(ExprContext::Load);
    for _ in 0..operators {
        let right = name(ExprContext::Load);
        value = Expr::BinOp(NodeBox::new(ExprBinOp {
            loc,
            left: value,
            op: Operator::Add,
            right,
        }));
    }
    let targets = vec![name(ExprContext::Store)];
    let assign = Stmt::Assign(NodeBox::new(StmtAssign {
        loc,
        targets,
        value,
        type_comment: None,
    }));
    crate::Mod::Module(NodeBox::new(ModModule {
        body: vec![assign],
        type_ignores: Vec::new(),
    }))
}

#[test]
fn operator_chain_fails_where_python_reaches_its_recursion_limit() {
    // Under the oracle, the unparse command writes `x = a + ... + a` with 327 operators and
    // raises RecursionError with 328.
    assert!(super::unparse(&module_level_sum(327)).is_ok());
    let error = super::unparse(&module_level_sum(328)).expect_err("one level too deep");
    assert_eq!(error.exc_type, "RecursionError");
}
