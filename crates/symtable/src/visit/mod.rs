//! Port of Python/symtable.c, the first-pass visitors (symtable_visit_*), one module per group:
//! statements, expressions, parameters and annotations, patterns.

mod expr;
mod params;
mod pattern;
mod stmt;

use pyc_ast::{Arguments, Expr, ExprContext, Stmt, TypeParam};
use pyc_future::SourceLocation;

use crate::build::Ctx;
use crate::entry::{BlockKey, SrcLoc};

pub(crate) fn loc(l: &pyc_ast::Location) -> SrcLoc {
    SourceLocation::from_ast(l)
}

pub(crate) fn expr_loc(e: &Expr) -> SrcLoc {
    loc(&e.loc())
}

pub(crate) fn ctx_of(ctx: ExprContext) -> Ctx {
    match ctx {
        ExprContext::Load => Ctx::Load,
        ExprContext::Store => Ctx::Store,
        ExprContext::Del => Ctx::Del,
    }
}

/// The parts of `def` and `async def` that the symbol table reads.
pub(crate) struct FunctionParts<'a> {
    pub(crate) stmt_key: BlockKey,
    pub(crate) loc: SrcLoc,
    pub(crate) name: &'a str,
    pub(crate) args: &'a Arguments,
    pub(crate) body: &'a [Stmt],
    pub(crate) decorator_list: &'a [Expr],
    pub(crate) returns: Option<&'a Expr>,
    pub(crate) type_params: &'a [TypeParam],
    pub(crate) is_async: bool,
}

/// `has_kwonlydefaults`.
pub(crate) fn has_kwonlydefaults(args: &Arguments) -> bool {
    args.kw_defaults.iter().any(|d| d.is_some())
}
