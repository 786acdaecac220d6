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
