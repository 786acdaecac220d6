//! Unit tests of preprocessing's own limits; its rewrites are pinned against the oracle by
//! `tests/preprocess_golden.rs` and the corpus test.

use super::{preprocess, PreprocessError, PreprocessFlags, SyntaxWarning, MAX_DEPTH};
use crate::constant::Constant;
use crate::NodeBox;
use crate::{drop_deep, Expr, ExprConstant, ExprUnaryOp, Location, Mod, ModExpression, UnaryOp};

/// `Expression(body=-(-(...(-1))))` nested `depth` times.
fn negations(depth: usize) -> Mod {
    let loc = Location::new(1, 0, 1, 1);
    let mut body = Expr::Constant(NodeBox::new(ExprConstant {
        loc,
        value: Constant::int(1),
        kind: None,
    }));
    for _ in 0..depth {
        body = Expr::UnaryOp(NodeBox::new(ExprUnaryOp {
            loc,
            op: UnaryOp::USub,
            operand: body,
        }));
    }
    Mod::Expression(NodeBox::new(ModExpression { body }))
}

#[test]
fn nesting_within_the_limit_is_preprocessed() {
    let mut tree = negations(MAX_DEPTH - 1);
    let mut warnings: Vec<SyntaxWarning> = Vec::new();
    assert_eq!(
        preprocess(&mut tree, 0, PreprocessFlags::default(), &mut warnings),
        Ok(())
    );
    drop_deep(tree);
}

#[test]
fn nesting_past_the_limit_is_a_recursion_error_not_a_crash() {
    let mut tree = negations(MAX_DEPTH + 10);
    let mut warnings: Vec<SyntaxWarning> = Vec::new();
    let result = preprocess(&mut tree, 0, PreprocessFlags::default(), &mut warnings);
    assert_eq!(result, Err(PreprocessError::Recursion));
    drop_deep(tree);
}

#[test]
fn level_minus_one_is_the_interpreter_default_level_zero() {
    // compile("x = __debug__", "", "exec", flags=ast.PyCF_OPTIMIZED_AST, optimize=-1) gives
    // `x = True` under the oracle.
    let mut tree = crate::read_dump(
        "Module(body=[Expr(value=Name(id='__debug__', ctx=Load(), lineno=1, col_offset=0, \
         end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)])",
    )
    .expect("read_dump");
    let mut warnings: Vec<SyntaxWarning> = Vec::new();
    preprocess(&mut tree, -1, PreprocessFlags::default(), &mut warnings).expect("preprocess");
    assert_eq!(crate::unparse::unparse(&tree), Ok("True".to_string()));
}
