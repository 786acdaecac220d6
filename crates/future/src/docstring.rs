//! Port of Python/ast.c: _PyAST_GetDocString.

use pyc_ast::constant::{Constant, PyStr};
use pyc_ast::{Expr, Stmt};

/// `_PyAST_GetDocString`: the string constant a body starts with, if any.
pub fn get_docstring(body: &[Stmt]) -> Option<&PyStr> {
    let Stmt::Expr(first) = body.first()? else {
        return None;
    };
    match &first.value {
        Expr::Constant(c) => match &c.value {
            Constant::Str(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}
