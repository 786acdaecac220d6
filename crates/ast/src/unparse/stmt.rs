//! Port of Lib/_ast_unparse.py: the statement visitors of Unparser (visit_Module through
//! visit_withitem, _function_helper, _for_helper, do_visit_try, _write_docstring).

use super::strings::{str_literal_helper, MULTI_QUOTES};
use super::{Precedence, Result, UnparseError, Unparser, DIRECT};
use crate::constant::Constant;
use crate::{
    Alias, Arguments, ExceptHandler, Expr, ExprConstant, MatchCase, Mod, Stmt, TypeIgnore,
    TypeParam, WithItem,
};

/// `get_raw_docstring`: the string constant a body starts with, if any.
fn raw_docstring(body: &[Stmt]) -> Option<&ExprConstant> {
    let Some(Stmt::Expr(first)) = body.first() else {
        return None;
    };
    match &first.value {
        Expr::Constant(constant) if matches!(constant.value, Constant::Str(_)) => Some(constant),
        _ => None,
    }
}

/// How many frames above its `visit_X` a statement's own helper calls reach: `fill` with
/// `maybe_newline` and `write` (3), one more under `_function_helper`, `_for_helper` and
/// `do_visit_try`, and more for a docstring or type parameters.
fn stmt_helper_frames(node: &Stmt) -> usize {
    match node {
        Stmt::FunctionDef(def) => def_helper_frames(&def.body, &def.type_params),
        Stmt::AsyncFunctionDef(def) => def_helper_frames(&def.body, &def.type_params),
        // _write_docstring, fill, maybe_newline, write; or delimit's write for `[`.
        Stmt::ClassDef(class) if raw_docstring(&class.body).is_some() => 5,
        Stmt::ClassDef(class) if !class.type_params.is_empty() => 4,
        Stmt::For(_) | Stmt::AsyncFor(_) | Stmt::Try(_) | Stmt::TryStar(_) => 4,
        _ => 3,
    }
}

/// `_function_helper`'s deepest helper call: the docstring's `write` (6), the type
/// parameters' `[` (5), or `fill` (4).
fn def_helper_frames(body: &[Stmt], type_params: &[TypeParam]) -> usize {
    if raw_docstring(body).is_some() {
        6
    } else if !type_params.is_empty() {
        5
    } else {
        4
    }
}

impl Unparser {
    /// `visit` of a module node.
    pub(super) fn module(&mut self, tree: &Mod) -> Result<()> {
        match tree {
            Mod::Module(module) => {
                self.type_ignores = module
                    .type_ignores
                    .iter()
                    .map(|ignore| match ignore {
                        TypeIgnore::TypeIgnore(ignore) => {
                            (i64::from(ignore.lineno), format!("ignore{}", ignore.tag))
                        }
                    })
                    .collect();
                // get_raw_docstring, or _write_docstring's fill and write.
                let helpers = if raw_docstring(&module.body).is_some() {
                    5
                } else {
                    2
                };
                let result = self
                    .peak(helpers)
                    .and_then(|()| self.docstring_and_body(&module.body, true, 5));
                self.type_ignores.clear();
                result
            }
            Mod::Interactive(interactive) => {
                self.in_interactive = true;
                let result = self.stmts(&interactive.body, 5);
                self.in_interactive = false;
                result
            }
            // `_Unparser` has no visit_Expression: NodeVisitor.generic_visit reaches the body.
            // generic_visit, Unparser.visit, traverse, NodeVisitor.visit, visit_X
            Mod::Expression(expression) => self.expr_at(&expression.body, Precedence::TEST, 4),
            Mod::FunctionType(function_type) => {
                self.delimit("(", ")", |u| {
                    u.interleave(", ", &function_type.argtypes, |u, e| {
                        u.expr_at(e, Precedence::TEST, 4)
                    })
                })?;
                self.write(" -> ");
                self.expr(&function_type.returns, Precedence::TEST)
            }
        }
    }

    /// `traverse` of a statement list whose statements' `visit_X` run `offset` frames above
    /// the current one.
    pub(super) fn stmts(&mut self, body: &[Stmt], offset: usize) -> Result<()> {
        body.iter()
            .try_for_each(|s| self.at(offset, |u| u.stmt_visit(s)))
    }

    /// `_write_docstring_and_traverse_body`; `may_have_docstring` is false for the node kinds
    /// `get_raw_docstring` does not look into.
    fn docstring_and_body(
        &mut self,
        body: &[Stmt],
        may_have_docstring: bool,
        offset: usize,
    ) -> Result<()> {
        match raw_docstring(body).filter(|_| may_have_docstring) {
            Some(docstring) => {
                self.docstring(docstring);
                self.stmts(&body[1..], offset)
            }
            None => self.stmts(body, offset),
        }
    }

    /// `_write_docstring`.
    fn docstring(&mut self, node: &ExprConstant) {
        self.fill("", false);
        if node.kind.as_deref() == Some("u") {
            self.write("u");
        }
        if let Constant::Str(value) = &node.value {
            let code_points: Vec<u32> = value.code_points().collect();
            let (text, quotes) = str_literal_helper(&code_points, &MULTI_QUOTES, false);
            let quote = quotes.first().copied().unwrap_or("\"\"\"");
            self.write(quote);
            self.write(&text);
            self.write(quote);
        }
    }

    /// `visit_X` of a statement, in the current frame.
    pub(super) fn stmt_visit(&mut self, node: &Stmt) -> Result<()> {
        self.peak(stmt_helper_frames(node))?;
        self.stmt_inner(node)
    }

    fn stmt_inner(&mut self, node: &Stmt) -> Result<()> {
        match node {
            Stmt::FunctionDef(def) => self.function_helper(
                "def",
                &def.name,
                &def.decorator_list,
                &def.type_params,
                &def.args,
                def.returns.as_ref(),
                i64::from(def.loc.lineno),
                def.type_comment.as_deref(),
                &def.body,
            ),
            Stmt::AsyncFunctionDef(def) => self.function_helper(
                "async def",
                &def.name,
                &def.decorator_list,
                &def.type_params,
                &def.args,
                def.returns.as_ref(),
                i64::from(def.loc.lineno),
                def.type_comment.as_deref(),
                &def.body,
            ),
            Stmt::ClassDef(class) => {
                self.maybe_newline();
                self.decorators(&class.decorator_list, DIRECT)?;
                self.fill(&format!("class {}", class.name), false);
                self.type_params(&class.type_params, 5)?;
                let has_arguments = !class.bases.is_empty() || !class.keywords.is_empty();
                self.delimit_if("(", ")", has_arguments, |u| {
                    u.call_arguments(&class.bases, &class.keywords)
                })?;
                self.block(None, |u| u.docstring_and_body(&class.body, true, 5))
            }
            Stmt::Return(ret) => {
                self.fill("return", true);
                if let Some(value) = &ret.value {
                    self.write(" ");
                    self.expr(value, Precedence::TEST)?;
                }
                Ok(())
            }
            Stmt::Delete(delete) => {
                self.fill("del ", true);
                self.interleave(", ", &delete.targets, |u, e| {
                    u.expr_at(e, Precedence::TEST, 4)
                })
            }
            Stmt::Assign(assign) => {
                self.fill("", true);
                for target in &assign.targets {
                    self.expr(target, Precedence::TUPLE)?;
                    self.write(" = ");
                }
                self.expr(&assign.value, Precedence::TEST)?;
                let comment =
                    self.type_comment(i64::from(assign.loc.lineno), assign.type_comment.as_deref());
                if let Some(comment) = comment {
                    self.write(&comment);
                }
                Ok(())
            }
            Stmt::TypeAlias(alias) => {
                self.fill("type ", true);
                self.expr(&alias.name, Precedence::TEST)?;
                self.type_params(&alias.type_params, 5)?;
                self.write(" = ");
                self.expr(&alias.value, Precedence::TEST)
            }
            Stmt::AugAssign(aug) => {
                self.fill("", true);
                self.expr(&aug.target, Precedence::TEST)?;
                self.write(&format!(" {}= ", super::expr::binop_text(aug.op)));
                self.expr(&aug.value, Precedence::TEST)
            }
            Stmt::AnnAssign(ann) => {
                self.fill("", true);
                let parens = ann.simple == 0 && matches!(ann.target, Expr::Name(_));
                self.delimit_if("(", ")", parens, |u| u.expr(&ann.target, Precedence::TEST))?;
                self.write(": ");
                self.expr(&ann.annotation, Precedence::TEST)?;
                if let Some(value) = &ann.value {
                    self.write(" = ");
                    self.expr(value, Precedence::TEST)?;
                }
                Ok(())
            }
            Stmt::For(node) => self.for_helper(
                "for ",
                &node.target,
                &node.iter,
                i64::from(node.loc.lineno),
                node.type_comment.as_deref(),
                &node.body,
                &node.orelse,
            ),
            Stmt::AsyncFor(node) => self.for_helper(
                "async for ",
                &node.target,
                &node.iter,
                i64::from(node.loc.lineno),
                node.type_comment.as_deref(),
                &node.body,
                &node.orelse,
            ),
            Stmt::While(node) => {
                self.fill("while ", false);
                self.expr(&node.test, Precedence::TEST)?;
                self.block(None, |u| u.stmts(&node.body, 4))?;
                self.else_block(&node.orelse, 4)
            }
            Stmt::If(node) => self.if_chain(node),
            Stmt::With(node) => self.with_helper(
                "with ",
                &node.items,
                i64::from(node.loc.lineno),
                node.type_comment.as_deref(),
                &node.body,
            ),
            Stmt::AsyncWith(node) => self.with_helper(
                "async with ",
                &node.items,
                i64::from(node.loc.lineno),
                node.type_comment.as_deref(),
                &node.body,
            ),
            Stmt::Match(node) => {
                self.fill("match ", false);
                self.expr(&node.subject, Precedence::TEST)?;
                self.block(None, |u| {
                    node.cases
                        .iter()
                        .try_for_each(|case| u.at(DIRECT, |u| u.match_case(case)))
                })
            }
            Stmt::Raise(raise) => {
                self.fill("raise", true);
                let Some(exc) = &raise.exc else {
                    if raise.cause.is_some() {
                        return Err(UnparseError::new(
                            "Node can't use cause without an exception.",
                        ));
                    }
                    return Ok(());
                };
                self.write(" ");
                self.expr(exc, Precedence::TEST)?;
                if let Some(cause) = &raise.cause {
                    self.write(" from ");
                    self.expr(cause, Precedence::TEST)?;
                }
                Ok(())
            }
            Stmt::Try(node) => self.try_helper(
                false,
                &node.body,
                &node.handlers,
                &node.orelse,
                &node.finalbody,
            ),
            Stmt::TryStar(node) => self.try_helper(
                true,
                &node.body,
                &node.handlers,
                &node.orelse,
                &node.finalbody,
            ),
            Stmt::Assert(node) => {
                self.fill("assert ", true);
                self.expr(&node.test, Precedence::TEST)?;
                if let Some(msg) = &node.msg {
                    self.write(", ");
                    self.expr(msg, Precedence::TEST)?;
                }
                Ok(())
            }
            Stmt::Import(node) => {
                self.fill("import ", true);
                self.interleave(", ", &node.names, |u, a| u.at(4, |u| u.alias(a)))
            }
            Stmt::ImportFrom(node) => {
                self.fill("from ", true);
                let level = node.level.map_or(0, i64::from).max(0);
                self.write(&".".repeat(usize::try_from(level).unwrap_or(0)));
                if let Some(module) = &node.module {
                    self.write(module);
                }
                self.write(" import ");
                self.interleave(", ", &node.names, |u, a| u.at(4, |u| u.alias(a)))
            }
            Stmt::Global(node) => {
                self.fill("global ", true);
                self.interleave(", ", &node.names, |u, name| {
                    u.write(name);
                    Ok(())
                })
            }
            Stmt::Nonlocal(node) => {
                self.fill("nonlocal ", true);
                self.interleave(", ", &node.names, |u, name| {
                    u.write(name);
                    Ok(())
                })
            }
            Stmt::Expr(node) => {
                self.fill("", true);
                self.expr(&node.value, Precedence::YIELD)
            }
            Stmt::Pass(_) => {
                self.fill("pass", true);
                Ok(())
            }
            Stmt::Break(_) => {
                self.fill("break", true);
                Ok(())
            }
            Stmt::Continue(_) => {
                self.fill("continue", true);
                Ok(())
            }
        }
    }

    /// The `@decorator` lines of a function or class, the decorators `offset` frames up.
    fn decorators(&mut self, decorators: &[Expr], offset: usize) -> Result<()> {
        for decorator in decorators {
            self.fill("@", false);
            self.expr_at(decorator, Precedence::TEST, offset)?;
        }
        Ok(())
    }

    /// `_function_helper`.
    #[allow(clippy::too_many_arguments)]
    fn function_helper(
        &mut self,
        keyword: &str,
        name: &str,
        decorators: &[Expr],
        type_params: &[TypeParam],
        args: &Arguments,
        returns: Option<&Expr>,
        lineno: i64,
        type_comment: Option<&str>,
        body: &[Stmt],
    ) -> Result<()> {
        // The frames are counted from `visit_FunctionDef`; `_function_helper` is one above it.
        self.maybe_newline();
        self.decorators(decorators, 4)?;
        self.fill(&format!("{keyword} {name}"), false);
        self.type_params(type_params, 6)?;
        self.delimit("(", ")", |u| u.at(4, |u| u.arguments(args)))?;
        if let Some(returns) = returns {
            self.write(" -> ");
            self.expr_at(returns, Precedence::TEST, 4)?;
        }
        let comment = self.type_comment(lineno, type_comment);
        self.block(comment.as_deref(), |u| u.docstring_and_body(body, true, 6))
    }

    /// `_type_params_helper`, whose parameters' `visit_X` run `offset` frames above the
    /// current one.
    pub(super) fn type_params(&mut self, type_params: &[TypeParam], offset: usize) -> Result<()> {
        if type_params.is_empty() {
            return Ok(());
        }
        self.delimit("[", "]", |u| {
            u.interleave(", ", type_params, |u, p| u.at(offset, |u| u.type_param(p)))
        })
    }

    /// `visit_TypeVar`, `visit_TypeVarTuple`, `visit_ParamSpec`.
    pub(super) fn type_param(&mut self, node: &TypeParam) -> Result<()> {
        self.peak(1)?;
        let default_value = match node {
            TypeParam::TypeVar(var) => {
                self.write(&var.name);
                if let Some(bound) = &var.bound {
                    self.write(": ");
                    self.expr(bound, Precedence::TEST)?;
                }
                &var.default_value
            }
            TypeParam::TypeVarTuple(var) => {
                self.write(&format!("*{}", var.name));
                &var.default_value
            }
            TypeParam::ParamSpec(spec) => {
                self.write(&format!("**{}", spec.name));
                &spec.default_value
            }
        };
        if let Some(default_value) = default_value {
            self.write(" = ");
            self.expr(default_value, Precedence::TEST)?;
        }
        Ok(())
    }

    /// `_for_helper`.
    #[allow(clippy::too_many_arguments)]
    fn for_helper(
        &mut self,
        keyword: &str,
        target: &Expr,
        iter: &Expr,
        lineno: i64,
        type_comment: Option<&str>,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> Result<()> {
        // The frames are counted from `visit_For`; `_for_helper` is one above it.
        self.fill(keyword, false);
        self.expr_at(target, Precedence::TUPLE, 4)?;
        self.write(" in ");
        self.expr_at(iter, Precedence::TEST, 4)?;
        let comment = self.type_comment(lineno, type_comment);
        self.block(comment.as_deref(), |u| u.stmts(body, 5))?;
        self.else_block(orelse, 5)
    }

    /// The `else:` block of a loop or `if`, when there is one, its statements `offset` frames
    /// up.
    fn else_block(&mut self, orelse: &[Stmt], offset: usize) -> Result<()> {
        if orelse.is_empty() {
            return Ok(());
        }
        self.fill("else", false);
        self.block(None, |u| u.stmts(orelse, offset))
    }

    /// `visit_If`: an `else` holding exactly one `if` is written as `elif`.
    fn if_chain(&mut self, node: &crate::StmtIf) -> Result<()> {
        self.fill("if ", false);
        self.expr(&node.test, Precedence::TEST)?;
        self.block(None, |u| u.stmts(&node.body, 4))?;
        let mut node = node;
        while let [Stmt::If(inner)] = node.orelse.as_slice() {
            node = inner;
            self.fill("elif ", false);
            self.expr(&node.test, Precedence::TEST)?;
            self.block(None, |u| u.stmts(&node.body, 4))?;
        }
        self.else_block(&node.orelse, 4)
    }

    /// `visit_With`, `visit_AsyncWith`.
    fn with_helper(
        &mut self,
        keyword: &str,
        items: &[WithItem],
        lineno: i64,
        type_comment: Option<&str>,
        body: &[Stmt],
    ) -> Result<()> {
        self.fill(keyword, false);
        self.interleave(", ", items, |u, item| u.at(4, |u| u.with_item(item)))?;
        let comment = self.type_comment(lineno, type_comment);
        self.block(comment.as_deref(), |u| u.stmts(body, 4))
    }

    /// `visit_withitem`.
    pub(super) fn with_item(&mut self, item: &WithItem) -> Result<()> {
        self.peak(1)?;
        self.expr(&item.context_expr, Precedence::TEST)?;
        if let Some(vars) = &item.optional_vars {
            self.write(" as ");
            self.expr(vars, Precedence::TEST)?;
        }
        Ok(())
    }

    /// `visit_match_case`.
    pub(super) fn match_case(&mut self, case: &MatchCase) -> Result<()> {
        self.peak(3)?;
        self.fill("case ", false);
        self.pattern(&case.pattern, Precedence::TEST)?;
        if let Some(guard) = &case.guard {
            self.write(" if ");
            self.expr(guard, Precedence::TEST)?;
        }
        self.block(None, |u| u.stmts(&case.body, 4))
    }

    /// `visit_Try`, `visit_TryStar` and `do_visit_try`.
    fn try_helper(
        &mut self,
        star: bool,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> Result<()> {
        let outer_in_try_star = std::mem::replace(&mut self.in_try_star, star);
        let result = self.do_try(body, handlers, orelse, finalbody);
        self.in_try_star = outer_in_try_star;
        result
    }

    fn do_try(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> Result<()> {
        // The frames are counted from `visit_Try`; `do_visit_try` is one above it.
        self.fill("try", false);
        self.block(None, |u| u.stmts(body, 5))?;
        for handler in handlers {
            self.at(4, |u| u.except_handler(handler))?;
        }
        self.else_block(orelse, 5)?;
        if !finalbody.is_empty() {
            self.fill("finally", false);
            self.block(None, |u| u.stmts(finalbody, 5))?;
        }
        Ok(())
    }

    /// `visit_ExceptHandler`.
    pub(super) fn except_handler(&mut self, handler: &ExceptHandler) -> Result<()> {
        let ExceptHandler::ExceptHandler(handler) = handler;
        self.peak(3)?;
        self.fill(
            if self.in_try_star {
                "except*"
            } else {
                "except"
            },
            false,
        );
        if let Some(type_) = &handler.type_ {
            self.write(" ");
            self.expr(type_, Precedence::TEST)?;
        }
        if let Some(name) = &handler.name {
            self.write(" as ");
            self.write(name);
        }
        self.block(None, |u| u.stmts(&handler.body, 4))
    }

    /// `visit_alias`.
    pub(super) fn alias(&mut self, node: &Alias) -> Result<()> {
        self.peak(1)?;
        self.write(&node.name);
        if let Some(asname) = &node.asname {
            self.write(&format!(" as {asname}"));
        }
        Ok(())
    }
}
