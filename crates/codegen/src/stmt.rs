//! Port of Python/codegen.c: codegen_body, codegen_process_deferred_annotations,
//! codegen_deferred_annotations_body, codegen_visit_stmt, codegen_function, codegen_function_body,
//! codegen_decorators, codegen_default_arguments, codegen_kwonlydefaults, codegen_type_params,
//! codegen_type_param_bound_or_default, codegen_function_annotations,
//! codegen_annotations_in_scope, codegen_argannotations, codegen_argannotation, codegen_class,
//! codegen_class_body, codegen_typealias, codegen_typealias_body, codegen_return, codegen_break,
//! codegen_continue, codegen_unwind_fblock, codegen_unwind_fblock_stack, codegen_if, codegen_for,
//! codegen_async_for, codegen_while, codegen_try, codegen_try_finally, codegen_try_except,
//! codegen_try_star, codegen_try_star_finally, codegen_try_star_except, codegen_with,
//! codegen_with_inner, codegen_async_with, codegen_async_with_inner, codegen_assert,
//! codegen_stmt_expr, codegen_augassign, codegen_annassign, codegen_check_ann_expr,
//! codegen_check_ann_subscr.

use pyc_ast::{
    Arg, Arguments, ExceptHandler, Expr, Location, Stmt, StmtAnnAssign, StmtAugAssign,
    StmtClassDef, StmtReturn, StmtTypeAlias, TypeParam, WithItem,
};
use pyc_future::SourceLocation;
use pyc_symtable::BlockKey;

use crate::compiler::{loc, CResult, Compiler, FBlock, FBlockType, Frame, ScopeType, NO_LOCATION};

/// The fields `def` and `async def` share.
struct FunctionDef<'a> {
    key: BlockKey,
    args: &'a Arguments,
    body: &'a [Stmt],
    decorators: &'a [Expr],
    returns: Option<&'a Expr>,
    type_params: &'a [TypeParam],
    is_async: bool,
}

/// The fields `try` and `try`/`except*` share.
struct TryStmt<'a> {
    loc: &'a Location,
    body: &'a [Stmt],
    handlers: &'a [ExceptHandler],
    orelse: &'a [Stmt],
    finalbody: &'a [Stmt],
}

impl<'a> Compiler<'a> {
    /// `codegen_body`: a module or class body, then the `__annotate__` of its annotations.
    pub(crate) fn body(&mut self, stmts: &'a [Stmt], is_interactive: bool) -> CResult {
        if stmts.is_empty() {
            return Ok(());
        }
        // The docstring is stored, not compiled as a statement (a string at the REPL prompt is
        // no docstring).
        let first = usize::from(!is_interactive && self.ste().has_docstring);
        self.visit_stmts(&stmts[first.min(stmts.len())..])?;
        if !self.future_annotations {
            self.process_deferred_annotations()?;
        }
        Ok(())
    }

    /// `VISIT_SEQ(c, stmt, ...)`.
    pub(crate) fn visit_stmts(&mut self, stmts: &'a [Stmt]) -> CResult {
        stmts.iter().try_for_each(|s| self.visit_stmt(s))
    }

    /// `codegen_process_deferred_annotations` and `codegen_deferred_annotations_body`: the
    /// annotations of the simple names, compiled in the block's annotation scope.
    fn process_deferred_annotations(&mut self) -> CResult {
        let deferred = std::mem::take(&mut self.unit.deferred_annotations);
        if deferred.is_empty() {
            return Ok(());
        }
        let Some(block) = self.ste().annotation_block else {
            return Err(self.system_error("annotations without an annotation block"));
        };
        self.enter_scope_of(block, ScopeType::Annotations);
        for st in deferred {
            self.visit_expr(&st.annotation)?;
        }
        self.exit_scope();
        Ok(())
    }

    /// `codegen_visit_stmt`.
    pub(crate) fn visit_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.framed(Frame::VisitStmt, |c| c.visit_stmt_inner(s))
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match s {
            Stmt::FunctionDef(f) => self.framed(Frame::Function, |c| {
                c.function(FunctionDef {
                    key: BlockKey::of_stmt(s),
                    args: &f.args,
                    body: &f.body,
                    decorators: &f.decorator_list,
                    returns: f.returns.as_ref(),
                    type_params: &f.type_params,
                    is_async: false,
                })
            }),
            Stmt::AsyncFunctionDef(f) => self.framed(Frame::Function, |c| {
                c.function(FunctionDef {
                    key: BlockKey::of_stmt(s),
                    args: &f.args,
                    body: &f.body,
                    decorators: &f.decorator_list,
                    returns: f.returns.as_ref(),
                    type_params: &f.type_params,
                    is_async: true,
                })
            }),
            Stmt::ClassDef(cls) => self.framed(Frame::Class, |c| c.class(cls)),
            Stmt::TypeAlias(t) => self.typealias(t),
            Stmt::Return(r) => self.framed(Frame::Return, |c| c.return_(r)),
            Stmt::Delete(d) => self.visit_exprs(&d.targets),
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                self.visit_exprs(&a.targets)
            }
            Stmt::AugAssign(a) => self.augassign(a),
            Stmt::AnnAssign(a) => self.annassign(a),
            Stmt::For(f) => self.conditional_block(Some(Frame::For), |c| {
                c.for_(&f.loc, &f.target, &f.iter, &f.body, &f.orelse)
            }),
            Stmt::AsyncFor(f) => self.conditional_block(Some(Frame::For), |c| {
                c.async_for(&f.loc, &f.target, &f.iter, &f.body, &f.orelse)
            }),
            Stmt::While(w) => self.conditional_block(Some(Frame::While), |c| {
                c.while_(&w.loc, &w.test, &w.body, &w.orelse)
            }),
            Stmt::If(i) => {
                self.conditional_block(Some(Frame::If), |c| c.if_(&i.test, &i.body, &i.orelse))
            }
            Stmt::Match(m) => self.conditional_block(Some(Frame::Match), |c| c.match_(m)),
            Stmt::Raise(r) => {
                if let Some(exc) = &r.exc {
                    self.visit_expr(exc)?;
                    if let Some(cause) = &r.cause {
                        self.visit_expr(cause)?;
                    }
                }
                Ok(())
            }
            Stmt::Try(t) => {
                let t = TryStmt {
                    loc: &t.loc,
                    body: &t.body,
                    handlers: &t.handlers,
                    orelse: &t.orelse,
                    finalbody: &t.finalbody,
                };
                self.conditional_block(None, |c| c.try_(&t))
            }
            Stmt::TryStar(t) => {
                let t = TryStmt {
                    loc: &t.loc,
                    body: &t.body,
                    handlers: &t.handlers,
                    orelse: &t.orelse,
                    finalbody: &t.finalbody,
                };
                self.conditional_block(None, |c| c.try_star(&t))
            }
            Stmt::Assert(a) => self.assert(&a.loc, &a.test, a.msg.as_ref()),
            Stmt::Import(_)
            | Stmt::ImportFrom(_)
            | Stmt::Global(_)
            | Stmt::Nonlocal(_)
            | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => self.stmt_expr(&e.value),
            Stmt::Break(b) => self.break_(loc(&b.loc)),
            Stmt::Continue(c) => self.continue_(loc(&c.loc)),
            Stmt::With(w) => {
                self.conditional_block(Some(Frame::With), |c| c.with(&w.items, &w.body, false))
            }
            Stmt::AsyncWith(w) => {
                self.conditional_block(Some(Frame::With), |c| c.with(&w.items, &w.body, true))
            }
        }
    }

    /// `CODEGEN_COND_BLOCK`, around the statement's own C frame (a `try` statement's frame
    /// depends on its form: see `try_`).
    fn conditional_block(
        &mut self,
        frame: Option<Frame>,
        f: impl FnOnce(&mut Self) -> CResult,
    ) -> CResult {
        self.enter_conditional_block();
        let result = match frame {
            Some(frame) => self.framed(frame, f),
            None => f(self),
        };
        self.leave_conditional_block();
        result
    }

    /// `codegen_function`.
    fn function(&mut self, f: FunctionDef<'a>) -> CResult {
        self.decorators(f.decorators)?;
        self.default_arguments(f.args)?;
        let is_generic = !f.type_params.is_empty();
        if is_generic {
            self.enter_scope(BlockKey::of_slice(f.type_params), ScopeType::Annotations)?;
            self.type_params(f.type_params)?;
        }
        self.function_annotations(f.args, f.returns)?;
        self.framed(Frame::FunctionBody, |c| c.function_body(&f))?;
        if is_generic {
            self.exit_scope();
        }
        Ok(())
    }

    /// `codegen_decorators`.
    fn decorators(&mut self, decorators: &'a [Expr]) -> CResult {
        self.visit_exprs(decorators)
    }

    /// `codegen_default_arguments`: the positional defaults, then the keyword-only ones
    /// (`codegen_kwonlydefaults`).
    pub(crate) fn default_arguments(&mut self, args: &'a Arguments) -> CResult {
        self.visit_exprs(&args.defaults)?;
        for default in args
            .kw_defaults
            .iter()
            .take(args.kwonlyargs.len())
            .flatten()
        {
            self.visit_expr(default)?;
        }
        Ok(())
    }

    /// `codegen_type_params`.
    fn type_params(&mut self, params: &'a [TypeParam]) -> CResult {
        let mut seen_default = false;
        for tp in params {
            let key = BlockKey::of_type_param(tp);
            let (name, default) = match tp {
                TypeParam::TypeVar(t) => {
                    if let Some(bound) = &t.bound {
                        self.type_param_bound_or_default(bound, key, false)?;
                    }
                    if let Some(default) = &t.default_value {
                        self.type_param_bound_or_default(default, key.plus_one(), false)?;
                    }
                    (&t.name, t.default_value.as_ref())
                }
                TypeParam::TypeVarTuple(t) => {
                    if let Some(default) = &t.default_value {
                        self.type_param_bound_or_default(default, key, true)?;
                    }
                    (&t.name, t.default_value.as_ref())
                }
                TypeParam::ParamSpec(p) => {
                    if let Some(default) = &p.default_value {
                        self.type_param_bound_or_default(default, key, false)?;
                    }
                    (&p.name, p.default_value.as_ref())
                }
            };
            if default.is_some() {
                seen_default = true;
            } else if seen_default {
                let msg = format!(
                    "non-default type parameter '{}' follows default type parameter",
                    name.as_str()
                );
                return Err(self.error(loc(&tp.loc()), msg));
            }
        }
        Ok(())
    }

    /// `codegen_type_param_bound_or_default`: evaluated lazily, in its own annotation scope.
    fn type_param_bound_or_default(
        &mut self,
        e: &'a Expr,
        key: BlockKey,
        allow_starred: bool,
    ) -> CResult {
        self.enter_scope(key, ScopeType::Annotations)?;
        match e {
            Expr::Starred(s) if allow_starred => self.visit_expr(&s.value)?,
            _ => self.visit_expr(e)?,
        }
        self.exit_scope();
        Ok(())
    }

    /// `codegen_function_annotations`: the parameters' annotations, in the function's
    /// `__annotate__` scope when the symbol table made one that is used.
    fn function_annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> CResult {
        // `_PySymtable_LookupOptional`.
        let Some(ste) = self.table.lookup(BlockKey::of(args)) else {
            return Ok(());
        };
        if !self.table.entry(ste).annotations_used {
            return Ok(());
        }
        self.enter_scope_of(ste, ScopeType::Annotations);
        self.annotations_in_scope(args, returns)?;
        self.exit_scope();
        Ok(())
    }

    /// `codegen_annotations_in_scope`: CPython's order (the positional-or-keyword parameters
    /// before the positional-only ones).
    fn annotations_in_scope(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> CResult {
        self.argannotations(&args.args)?;
        self.argannotations(&args.posonlyargs)?;
        if let Some(vararg) = &args.vararg {
            self.argannotation(vararg.annotation.as_ref())?;
        }
        self.argannotations(&args.kwonlyargs)?;
        if let Some(kwarg) = &args.kwarg {
            self.argannotation(kwarg.annotation.as_ref())?;
        }
        self.argannotation(returns)
    }

    /// `codegen_argannotations`.
    fn argannotations(&mut self, args: &'a [Arg]) -> CResult {
        args.iter()
            .try_for_each(|a| self.argannotation(a.annotation.as_ref()))
    }

    /// `codegen_argannotation`: under `from __future__ import annotations` an annotation is
    /// only its source text (`codegen_visit_annexpr`).
    fn argannotation(&mut self, annotation: Option<&'a Expr>) -> CResult {
        let Some(annotation) = annotation else {
            return Ok(());
        };
        if self.future_annotations {
            return Ok(());
        }
        match annotation {
            // `*args: *Ts`.
            Expr::Starred(s) => self.visit_expr(&s.value),
            _ => self.visit_expr(annotation),
        }
    }

    /// `codegen_function_body`.
    fn function_body(&mut self, f: &FunctionDef<'a>) -> CResult {
        let scope_type = if f.is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(f.key, scope_type)?;
        let ste = self.ste();
        let first = usize::from(ste.has_docstring).min(f.body.len());
        let add_stopiteration_handler = ste.coroutine || ste.generator;
        if add_stopiteration_handler {
            self.push_fblock(NO_LOCATION, FBlockType::StopIteration, &[])?;
        }
        self.visit_stmts(&f.body[first..])?;
        if add_stopiteration_handler {
            self.pop_fblock(FBlockType::StopIteration);
        }
        self.exit_scope();
        Ok(())
    }

    /// `codegen_class`: decorators, the type parameters' scope of a generic class, the body,
    /// then the bases and keywords of the `__build_class__` call.
    fn class(&mut self, c: &'a StmtClassDef) -> CResult {
        self.decorators(&c.decorator_list)?;
        let is_generic = !c.type_params.is_empty();
        if is_generic {
            self.enter_scope(BlockKey::of_slice(&c.type_params), ScopeType::Annotations)?;
            self.type_params(&c.type_params)?;
        }
        self.framed(Frame::ClassBody, |cb| cb.class_body(c))?;
        self.call_helper(&c.bases, &c.keywords)?;
        if is_generic {
            self.exit_scope();
        }
        Ok(())
    }

    /// `codegen_class_body`.
    fn class_body(&mut self, c: &'a StmtClassDef) -> CResult {
        self.enter_scope(BlockKey::of(c), ScopeType::Class)?;
        self.framed(Frame::Body, |cb| cb.body(&c.body, false))?;
        self.exit_scope();
        Ok(())
    }

    /// `codegen_typealias` and `codegen_typealias_body`: the value is evaluated lazily, in an
    /// annotation scope keyed by the statement.
    fn typealias(&mut self, t: &'a StmtTypeAlias) -> CResult {
        let is_generic = !t.type_params.is_empty();
        if is_generic {
            self.enter_scope(BlockKey::of_slice(&t.type_params), ScopeType::Annotations)?;
            self.type_params(&t.type_params)?;
        }
        self.enter_scope(BlockKey::of(t), ScopeType::Annotations)?;
        self.visit_expr(&t.value)?;
        self.exit_scope();
        if is_generic {
            self.exit_scope();
        }
        Ok(())
    }

    /// `codegen_return`.
    fn return_(&mut self, r: &'a StmtReturn) -> CResult {
        let mut at = loc(&r.loc);
        let preserve_tos = matches!(&r.value, Some(v) if !matches!(v, Expr::Constant(_)));
        let ste = self.ste();
        if !ste.kind.is_function_like() {
            return Err(self.error(at, "'return' outside function".to_string()));
        }
        if r.value.is_some() && ste.coroutine && ste.generator {
            return Err(self.error(at, "'return' with value in async generator".to_string()));
        }
        if let Some(value) = &r.value {
            if preserve_tos {
                self.visit_expr(value)?;
            } else {
                at = loc(&value.loc());
            }
        }
        let value_line = r.value.as_ref().map(|v| v.loc().lineno);
        if value_line != Some(r.loc.lineno) {
            at = loc(&r.loc);
        }
        self.unwind_fblock_stack(&mut at, preserve_tos, false)?;
        Ok(())
    }

    /// `codegen_break`.
    fn break_(&mut self, origin: SourceLocation) -> CResult {
        let mut at = origin;
        let Some(loop_block) = self.unwind_fblock_stack(&mut at, false, true)? else {
            return Err(self.error(origin, "'break' outside loop".to_string()));
        };
        self.unwind_fblock(&mut at, &loop_block, false)
    }

    /// `codegen_continue`.
    fn continue_(&mut self, origin: SourceLocation) -> CResult {
        let mut at = origin;
        if self.unwind_fblock_stack(&mut at, false, true)?.is_none() {
            return Err(self.error(origin, "'continue' not properly in loop".to_string()));
        }
        Ok(())
    }

    /// `codegen_unwind_fblock`: what leaving a block early compiles; a `finally` body is
    /// compiled again there.
    fn unwind_fblock(
        &mut self,
        at: &mut SourceLocation,
        info: &FBlock<'a>,
        preserve_tos: bool,
    ) -> CResult {
        match info.kind {
            FBlockType::FinallyTry => {
                if preserve_tos {
                    self.push_fblock(*at, FBlockType::PopValue, &[])?;
                }
                self.visit_stmts(info.finalbody)?;
                if preserve_tos {
                    self.pop_fblock(FBlockType::PopValue);
                }
                *at = NO_LOCATION;
            }
            FBlockType::With | FBlockType::AsyncWith => *at = NO_LOCATION,
            _ => {}
        }
        Ok(())
    }

    /// `codegen_unwind_fblock_stack`: unwind the blocks down to the innermost loop (when
    /// `to_loop`) or all of them, and return that loop.
    fn unwind_fblock_stack(
        &mut self,
        at: &mut SourceLocation,
        preserve_tos: bool,
        to_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.top_fblock() else {
            return Ok(None);
        };
        if top.kind == FBlockType::ExceptionGroupHandler {
            let msg = "'break', 'continue' and 'return' cannot appear in an except* block";
            return Err(self.error(*at, msg.to_string()));
        }
        if to_loop && matches!(top.kind, FBlockType::WhileLoop | FBlockType::ForLoop) {
            return Ok(Some(top));
        }
        self.pop_fblock(top.kind);
        self.unwind_fblock(at, &top, preserve_tos)?;
        let found = self.unwind_fblock_stack(at, preserve_tos, to_loop)?;
        // One block was popped just above: pushing it back cannot overflow.
        self.push_fblock(top.loc, top.kind, top.finalbody)?;
        Ok(found)
    }

    /// `codegen_if`.
    fn if_(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        self.jump_if(test)?;
        self.visit_stmts(body)?;
        self.visit_stmts(orelse)
    }

    /// `codegen_for`: the loop's block is open while its iterable is evaluated.
    fn for_(
        &mut self,
        l: &'a Location,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        self.push_fblock(loc(l), FBlockType::ForLoop, &[])?;
        self.visit_expr(iter)?;
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.pop_fblock(FBlockType::ForLoop);
        self.visit_stmts(orelse)
    }

    /// `codegen_async_for`: the iterable is evaluated before the loop's block opens.
    fn async_for(
        &mut self,
        l: &'a Location,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        self.visit_expr(iter)?;
        self.push_fblock(loc(l), FBlockType::ForLoop, &[])?;
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.pop_fblock(FBlockType::ForLoop);
        self.visit_stmts(orelse)
    }

    /// `codegen_while`.
    fn while_(
        &mut self,
        l: &'a Location,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        self.push_fblock(loc(l), FBlockType::WhileLoop, &[])?;
        self.jump_if(test)?;
        self.visit_stmts(body)?;
        self.pop_fblock(FBlockType::WhileLoop);
        self.visit_stmts(orelse)
    }

    /// `codegen_try`.
    fn try_(&mut self, t: &TryStmt<'a>) -> CResult {
        if t.finalbody.is_empty() {
            self.framed(Frame::Try, |c| c.try_except(t))
        } else {
            self.framed(Frame::TryFinally, |c| c.try_finally(t, false))
        }
    }

    /// `codegen_try_star`.
    fn try_star(&mut self, t: &TryStmt<'a>) -> CResult {
        if t.finalbody.is_empty() {
            self.framed(Frame::Try, |c| c.try_star_except(t))
        } else {
            self.framed(Frame::TryFinally, |c| c.try_finally(t, true))
        }
    }

    /// `codegen_try_finally` and `codegen_try_star_finally`: the `finally` body is compiled
    /// twice, for the normal and the exceptional path (the second time without warnings).
    fn try_finally(&mut self, t: &TryStmt<'a>, star: bool) -> CResult {
        let at = loc(t.loc);
        self.push_fblock(at, FBlockType::FinallyTry, t.finalbody)?;
        if t.handlers.is_empty() {
            self.visit_stmts(t.body)?;
        } else if star {
            self.framed(Frame::Try, |c| c.try_star_except(t))?;
        } else {
            self.framed(Frame::Try, |c| c.try_except(t))?;
        }
        self.pop_fblock(FBlockType::FinallyTry);
        self.visit_stmts(t.finalbody)?;
        self.push_fblock(NO_LOCATION, FBlockType::FinallyEnd, &[])?;
        self.visit_stmts(t.finalbody)?;
        self.pop_fblock(FBlockType::FinallyEnd);
        Ok(())
    }

    /// `codegen_try_except`.
    fn try_except(&mut self, t: &TryStmt<'a>) -> CResult {
        let at = loc(t.loc);
        self.push_fblock(at, FBlockType::TryExcept, &[])?;
        self.visit_stmts(t.body)?;
        self.pop_fblock(FBlockType::TryExcept);
        self.visit_stmts(t.orelse)?;
        self.push_fblock(at, FBlockType::ExceptionHandler, &[])?;
        let n = t.handlers.len();
        for (i, handler) in t.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(h) = handler;
            let handler_loc = loc(&h.loc);
            if h.type_.is_none() && i + 1 < n {
                let msg = "default 'except:' must be last".to_string();
                return Err(self.error(handler_loc, msg));
            }
            if let Some(type_) = &h.type_ {
                self.visit_expr(type_)?;
            }
            self.push_fblock(handler_loc, FBlockType::HandlerCleanup, &[])?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock(FBlockType::HandlerCleanup);
        }
        self.pop_fblock(FBlockType::ExceptionHandler);
        Ok(())
    }

    /// `codegen_try_star_except`: the `else` body comes after the handlers.
    fn try_star_except(&mut self, t: &TryStmt<'a>) -> CResult {
        let at = loc(t.loc);
        self.push_fblock(at, FBlockType::TryExcept, &[])?;
        self.visit_stmts(t.body)?;
        self.pop_fblock(FBlockType::TryExcept);
        self.push_fblock(at, FBlockType::ExceptionGroupHandler, &[])?;
        for handler in t.handlers {
            let ExceptHandler::ExceptHandler(h) = handler;
            if let Some(type_) = &h.type_ {
                self.visit_expr(type_)?;
            }
            self.push_fblock(loc(&h.loc), FBlockType::HandlerCleanup, &[])?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock(FBlockType::HandlerCleanup);
        }
        self.pop_fblock(FBlockType::ExceptionGroupHandler);
        self.visit_stmts(t.orelse)
    }

    /// `codegen_with` and `codegen_async_with` (`codegen_with_inner`,
    /// `codegen_async_with_inner`): one block per item, nested.
    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool) -> CResult {
        let Some((item, rest)) = items.split_first() else {
            return self.visit_stmts(body);
        };
        let kind = if is_async {
            FBlockType::AsyncWith
        } else {
            FBlockType::With
        };
        self.visit_expr(&item.context_expr)?;
        self.push_fblock(loc(&item.context_expr.loc()), kind, &[])?;
        if let Some(vars) = &item.optional_vars {
            self.visit_expr(vars)?;
        }
        if rest.is_empty() {
            self.visit_stmts(body)?;
        } else {
            self.framed(Frame::With, |c| c.with(rest, body, is_async))?;
        }
        self.pop_fblock(kind);
        Ok(())
    }

    /// `codegen_assert`: the warning comes first; with optimization the test is not compiled.
    fn assert(&mut self, l: &Location, test: &'a Expr, msg: Option<&'a Expr>) -> CResult {
        let always_true = match test {
            Expr::Tuple(t) => !t.elts.is_empty(),
            Expr::Constant(c) => {
                matches!(&c.value, pyc_ast::constant::Constant::Tuple(items) if !items.is_empty())
            }
            _ => false,
        };
        if always_true {
            let msg = "assertion is always true, perhaps remove parentheses?".to_string();
            self.warn(loc(l), msg);
        }
        if self.optimize != 0 {
            return Ok(());
        }
        self.jump_if(test)?;
        if let Some(msg) = msg {
            self.visit_expr(msg)?;
        }
        Ok(())
    }

    /// `codegen_stmt_expr`: a constant statement compiles to nothing (except at the REPL
    /// prompt, where it is printed).
    fn stmt_expr(&mut self, value: &'a Expr) -> CResult {
        if self.is_interactive_top_level() || !matches!(value, Expr::Constant(_)) {
            self.visit_expr(value)?;
        }
        Ok(())
    }

    /// `codegen_augassign`: the target's parts (loaded), the value, then the store.
    fn augassign(&mut self, a: &'a StmtAugAssign) -> CResult {
        match &a.target {
            Expr::Attribute(t) => self.visit_expr(&t.value)?,
            Expr::Subscript(t) => {
                self.visit_expr(&t.value)?;
                self.visit_expr(&t.slice)?;
            }
            Expr::Name(_) => {}
            other => {
                let msg = format!(
                    "invalid node type ({}) for augmented assignment",
                    expr_kind_number(other)
                );
                return Err(self.system_error(&msg));
            }
        }
        self.visit_expr(&a.value)
    }

    /// `codegen_annassign`.
    fn annassign(&mut self, a: &'a StmtAnnAssign) -> CResult {
        if let Some(value) = &a.value {
            self.visit_expr(value)?;
            self.visit_expr(&a.target)?;
        }
        match &a.target {
            Expr::Name(_) => {
                let in_module_or_class =
                    matches!(self.unit.scope_type, ScopeType::Module | ScopeType::Class);
                // The annotation itself is compiled later, into `__annotate__` (with the
                // future import, it is only its source text).
                if a.simple != 0 && in_module_or_class && !self.future_annotations {
                    self.add_deferred_annotation(a);
                }
            }
            Expr::Attribute(t) => {
                if a.value.is_none() {
                    self.check_ann_expr(&t.value)?;
                }
            }
            Expr::Subscript(t) => {
                if a.value.is_none() {
                    self.check_ann_expr(&t.value)?;
                    self.check_ann_subscr(&t.slice)?;
                }
            }
            other => {
                let msg = format!(
                    "invalid node type ({}) for annotated assignment",
                    expr_kind_number(other)
                );
                return Err(self.system_error(&msg));
            }
        }
        Ok(())
    }

    /// `codegen_check_ann_expr`.
    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult {
        self.visit_expr(e)
    }

    /// `codegen_check_ann_subscr`: everything in a subscript is evaluated.
    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.check_ann_subscr(e)),
            _ => self.check_ann_expr(e),
        }
    }
}

/// The `expr_kind` number CPython prints in its SystemErrors about impossible trees.
fn expr_kind_number(e: &Expr) -> u32 {
    match e {
        Expr::BoolOp(_) => 1,
        Expr::NamedExpr(_) => 2,
        Expr::BinOp(_) => 3,
        Expr::UnaryOp(_) => 4,
        Expr::Lambda(_) => 5,
        Expr::IfExp(_) => 6,
        Expr::Dict(_) => 7,
        Expr::Set(_) => 8,
        Expr::ListComp(_) => 9,
        Expr::SetComp(_) => 10,
        Expr::DictComp(_) => 11,
        Expr::GeneratorExp(_) => 12,
        Expr::Await(_) => 13,
        Expr::Yield(_) => 14,
        Expr::YieldFrom(_) => 15,
        Expr::Compare(_) => 16,
        Expr::Call(_) => 17,
        Expr::FormattedValue(_) => 18,
        Expr::Interpolation(_) => 19,
        Expr::JoinedStr(_) => 20,
        Expr::TemplateStr(_) => 21,
        Expr::Constant(_) => 22,
        Expr::Attribute(_) => 23,
        Expr::Subscript(_) => 24,
        Expr::Starred(_) => 25,
        Expr::Name(_) => 26,
        Expr::List(_) => 27,
        Expr::Tuple(_) => 28,
        Expr::Slice(_) => 29,
    }
}
