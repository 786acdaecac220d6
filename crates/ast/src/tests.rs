//! Size budgets of the node types: the parser's goal is the ASTs of the whole 9.6 MB corpus in
//! under 100 MB (benches/parse's `memory` example measures about 61 MB at peak), so the handles
//! that fill every `Vec` and field stay small and the common nodes stay within their budgets.

use crate::constant::Constant;
use crate::*;
use std::mem::size_of;

#[test]
fn sum_handles_are_two_words() {
    assert_eq!(size_of::<Mod>(), 16);
    assert_eq!(size_of::<Stmt>(), 16);
    // Two words, so that a rule returns its `Option<Expr>` in registers.
    assert_eq!(size_of::<Expr>(), 16);
    assert_eq!(size_of::<Pattern>(), 16);
    // One constructor: the enum is just its box.
    assert_eq!(size_of::<ExceptHandler>(), 8);
    assert_eq!(size_of::<TypeParam>(), 16);
    assert_eq!(size_of::<Option<Expr>>(), 16);
}

#[test]
fn leaves_and_positions_are_compact() {
    assert_eq!(size_of::<Identifier>(), 16);
    assert_eq!(size_of::<Option<Identifier>>(), 16);
    assert_eq!(size_of::<Location>(), 16);
    assert_eq!(size_of::<ExprContext>(), 1);
    assert_eq!(size_of::<Operator>(), 1);
}

#[test]
fn common_nodes_stay_within_their_budgets() {
    assert_eq!(size_of::<ExprName>(), 40);
    assert_eq!(size_of::<ExprAttribute>(), 56);
    assert_eq!(size_of::<ExprBinOp>(), 56);
    assert_eq!(size_of::<ExprCall>(), 80);
    assert!(size_of::<ExprConstant>() <= size_of::<Constant>() + 32);
    assert_eq!(size_of::<StmtExpr>(), 32);
    assert_eq!(size_of::<Keyword>(), 48);
    assert_eq!(size_of::<Arg>(), 64);
}
