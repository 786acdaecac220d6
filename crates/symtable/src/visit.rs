//! Port of Python/symtable.c, the visitors: symtable_visit_stmt, symtable_visit_expr,
//! symtable_extend_namedexpr_scope, symtable_handle_namedexpr, symtable_visit_type_param,
//! symtable_visit_type_param_bound_or_default, symtable_visit_pattern, symtable_implicit_arg,
//! symtable_visit_params, symtable_visit_annotation, symtable_visit_argannotations,
//! symtable_visit_annotations, symtable_visit_arguments, symtable_visit_excepthandler,
//! symtable_visit_withitem, symtable_visit_match_case, symtable_visit_alias,
//! symtable_visit_comprehension, symtable_visit_keyword, symtable_handle_comprehension,
//! symtable_raise_if_annotation_block, symtable_raise_if_comprehension_block,
//! symtable_raise_if_not_coroutine, check_keywords, check_kwd_patterns, check_import_from,
//! has_kwonlydefaults.

use pyc_ast::{
    Alias, Arg, Arguments, Comprehension, ExceptHandler, Expr, ExprContext, Keyword, MatchCase,
    Pattern, Stmt, TypeParam, WithItem,
};
use pyc_future::{get_docstring, CompilerFlags, SourceLocation};

use crate::build::{Builder, Ctx, VisitResult};
use crate::entry::{BlockKey, SrcLoc};
use crate::flags::{BlockType, ComprehensionType, SymbolFlags};

fn loc(l: &pyc_ast::Location) -> SrcLoc {
    SourceLocation::from_ast(l)
}

fn expr_loc(e: &Expr) -> SrcLoc {
    loc(&e.loc())
}

fn ctx_of(ctx: ExprContext) -> Ctx {
    match ctx {
        ExprContext::Load => Ctx::Load,
        ExprContext::Store => Ctx::Store,
        ExprContext::Del => Ctx::Del,
    }
}

/// The parts of `def` and `async def` that the symbol table reads.
struct FunctionParts<'a> {
    stmt_key: BlockKey,
    loc: SrcLoc,
    name: &'a str,
    args: &'a Arguments,
    body: &'a [Stmt],
    decorator_list: &'a [Expr],
    returns: Option<&'a Expr>,
    type_params: &'a [TypeParam],
    is_async: bool,
}

/// `has_kwonlydefaults`.
fn has_kwonlydefaults(args: &Arguments) -> bool {
    args.kw_defaults.iter().any(|d| d.is_some())
}

impl Builder<'_> {
    /// `symtable_visit_stmt`.
    pub(crate) fn visit_stmt(&mut self, s: &Stmt) -> VisitResult {
        self.enter_recursive()?;
        self.visit_stmt_inner(s)?;
        self.leave_recursive();
        Ok(())
    }

    fn visit_stmts(&mut self, body: &[Stmt]) -> VisitResult {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> VisitResult {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    /// `ENTER_CONDITIONAL_BLOCK` ... `LEAVE_CONDITIONAL_BLOCK` around `f`.
    fn in_conditional_block(&mut self, f: impl FnOnce(&mut Self) -> VisitResult) -> VisitResult {
        let saved = self.cur().in_conditional_block;
        self.cur_mut().in_conditional_block = true;
        f(self)?;
        self.cur_mut().in_conditional_block = saved;
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> VisitResult {
        match s {
            Stmt::FunctionDef(f) => self.visit_function(FunctionParts {
                stmt_key: BlockKey::of_stmt(s),
                loc: loc(&f.loc),
                name: &f.name,
                args: &f.args,
                body: &f.body,
                decorator_list: &f.decorator_list,
                returns: f.returns.as_ref(),
                type_params: &f.type_params,
                is_async: false,
            }),
            Stmt::AsyncFunctionDef(f) => self.visit_function(FunctionParts {
                stmt_key: BlockKey::of_stmt(s),
                loc: loc(&f.loc),
                name: &f.name,
                args: &f.args,
                body: &f.body,
                decorator_list: &f.decorator_list,
                returns: f.returns.as_ref(),
                type_params: &f.type_params,
                is_async: true,
            }),
            Stmt::ClassDef(c) => self.visit_class(c),
            Stmt::TypeAlias(t) => self.visit_type_alias(t),
            Stmt::Return(r) => {
                if let Some(value) = &r.value {
                    self.visit_expr(value)?;
                    self.cur_mut().returns_value = true;
                }
                Ok(())
            }
            Stmt::Delete(d) => self.visit_exprs(&d.targets),
            Stmt::Assign(a) => {
                self.visit_exprs(&a.targets)?;
                self.visit_expr(&a.value)
            }
            Stmt::AnnAssign(a) => self.visit_ann_assign(a),
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.in_conditional_block(|st| {
                    st.visit_stmts(&f.body)?;
                    st.visit_stmts(&f.orelse)
                })
            }
            Stmt::AsyncFor(f) => {
                self.maybe_set_ste_coroutine_for_module();
                self.raise_if_not_coroutine("'async for' outside async function", loc(&f.loc))?;
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.in_conditional_block(|st| {
                    st.visit_stmts(&f.body)?;
                    st.visit_stmts(&f.orelse)
                })
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.in_conditional_block(|st| {
                    st.visit_stmts(&w.body)?;
                    st.visit_stmts(&w.orelse)
                })
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.in_conditional_block(|st| {
                    st.visit_stmts(&i.body)?;
                    st.visit_stmts(&i.orelse)
                })
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                self.in_conditional_block(|st| {
                    m.cases.iter().try_for_each(|c| st.visit_match_case(c))
                })
            }
            Stmt::Raise(r) => {
                if let Some(exc) = &r.exc {
                    self.visit_expr(exc)?;
                    if let Some(cause) = &r.cause {
                        self.visit_expr(cause)?;
                    }
                }
                Ok(())
            }
            Stmt::Try(t) => self.in_conditional_block(|st| {
                st.visit_stmts(&t.body)?;
                t.handlers
                    .iter()
                    .try_for_each(|h| st.visit_excepthandler(h))?;
                st.visit_stmts(&t.orelse)?;
                st.visit_stmts(&t.finalbody)
            }),
            Stmt::TryStar(t) => self.in_conditional_block(|st| {
                st.visit_stmts(&t.body)?;
                t.handlers
                    .iter()
                    .try_for_each(|h| st.visit_excepthandler(h))?;
                st.visit_stmts(&t.orelse)?;
                st.visit_stmts(&t.finalbody)
            }),
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(msg) = &a.msg {
                    self.visit_expr(msg)?;
                }
                Ok(())
            }
            Stmt::Import(i) => i.names.iter().try_for_each(|a| self.visit_alias(a)),
            Stmt::ImportFrom(i) => {
                i.names.iter().try_for_each(|a| self.visit_alias(a))?;
                self.check_import_from(i)
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    self.visit_global_name(name, loc(&g.loc), true)?;
                }
                Ok(())
            }
            Stmt::Nonlocal(n) => {
                for name in &n.names {
                    self.visit_global_name(name, loc(&n.loc), false)?;
                }
                Ok(())
            }
            Stmt::Expr(e) => self.visit_expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
            Stmt::With(w) => self.in_conditional_block(|st| {
                w.items.iter().try_for_each(|i| st.visit_withitem(i))?;
                st.visit_stmts(&w.body)
            }),
            Stmt::AsyncWith(w) => {
                self.maybe_set_ste_coroutine_for_module();
                self.raise_if_not_coroutine("'async with' outside async function", loc(&w.loc))?;
                self.in_conditional_block(|st| {
                    w.items.iter().try_for_each(|i| st.visit_withitem(i))?;
                    st.visit_stmts(&w.body)
                })
            }
        }
    }

    /// The `FunctionDef_kind` and `AsyncFunctionDef_kind` cases of `symtable_visit_stmt`.
    fn visit_function(&mut self, f: FunctionParts<'_>) -> VisitResult {
        self.add_def(f.name, SymbolFlags::DEF_LOCAL, f.loc)?;
        self.visit_exprs(&f.args.defaults)?;
        for default in f.args.kw_defaults.iter().flatten() {
            self.visit_expr(default)?;
        }
        self.visit_exprs(f.decorator_list)?;
        let generic = !f.type_params.is_empty();
        if generic {
            self.enter_type_param_block(
                f.name,
                BlockKey::of_slice(f.type_params),
                // CPython tests the `defaults` sequence pointer, which a parsed tree always
                // has (possibly empty), so every generic function gets `.defaults`.
                true,
                has_kwonlydefaults(f.args),
                false,
                f.loc,
            )?;
            f.type_params
                .iter()
                .try_for_each(|tp| self.visit_type_param(tp))?;
        }
        let new_ste = self.ste_new(f.name, BlockType::Function, f.stmt_key, f.loc);
        if get_docstring(f.body).is_some() {
            self.entry_mut(new_ste).has_docstring = true;
        }
        self.visit_annotations(f.loc, f.args, f.returns)?;
        self.enter_existing_block(new_ste, true);
        if f.is_async {
            self.cur_mut().coroutine = true;
        }
        self.visit_arguments(f.args)?;
        self.visit_stmts(f.body)?;
        self.exit_block();
        if generic {
            self.exit_block();
        }
        Ok(())
    }

    /// The `ClassDef_kind` case of `symtable_visit_stmt`.
    fn visit_class(&mut self, c: &pyc_ast::StmtClassDef) -> VisitResult {
        let l = loc(&c.loc);
        self.add_def(&c.name, SymbolFlags::DEF_LOCAL, l)?;
        self.visit_exprs(&c.decorator_list)?;
        let saved_private = self.private.clone();
        let generic = !c.type_params.is_empty();
        if generic {
            self.enter_type_param_block(
                &c.name,
                BlockKey::of_slice(&c.type_params),
                false,
                false,
                true,
                l,
            )?;
            self.private = Some(c.name.to_string());
            self.cur_mut().mangled_names = Some(Default::default());
            c.type_params
                .iter()
                .try_for_each(|tp| self.visit_type_param(tp))?;
        }
        self.visit_exprs(&c.bases)?;
        self.check_keywords(&c.keywords)?;
        c.keywords
            .iter()
            .try_for_each(|k| self.visit_expr(&k.value))?;
        self.enter_block(&c.name, BlockType::Class, BlockKey::of(c), l)?;
        self.private = Some(c.name.to_string());
        if generic {
            self.add_def("__type_params__", SymbolFlags::DEF_LOCAL, l)?;
            self.add_def(".type_params", SymbolFlags::USE, l)?;
        }
        if get_docstring(&c.body).is_some() {
            self.cur_mut().has_docstring = true;
        }
        self.visit_stmts(&c.body)?;
        self.exit_block();
        if generic {
            self.exit_block();
        }
        self.private = saved_private;
        Ok(())
    }

    /// The `TypeAlias_kind` case of `symtable_visit_stmt`.
    fn visit_type_alias(&mut self, t: &pyc_ast::StmtTypeAlias) -> VisitResult {
        self.visit_expr(&t.name)?;
        let Expr::Name(name) = &t.name else {
            return Err(self.error("type alias name must be a Name".into(), loc(&t.loc)));
        };
        let name: &str = &name.id;
        let l = loc(&t.loc);
        let is_in_class = self.cur().kind == BlockType::Class;
        let generic = !t.type_params.is_empty();
        if generic {
            self.enter_type_param_block(
                name,
                BlockKey::of_slice(&t.type_params),
                false,
                false,
                false,
                l,
            )?;
            t.type_params
                .iter()
                .try_for_each(|tp| self.visit_type_param(tp))?;
        }
        self.enter_block(name, BlockType::TypeAlias, BlockKey::of(t), l)?;
        self.cur_mut().can_see_class_scope = is_in_class;
        if is_in_class {
            self.add_def("__classdict__", SymbolFlags::USE, expr_loc(&t.value))?;
        }
        self.visit_expr(&t.value)?;
        self.exit_block();
        if generic {
            self.exit_block();
        }
        Ok(())
    }

    /// The `AnnAssign_kind` case of `symtable_visit_stmt`.
    fn visit_ann_assign(&mut self, a: &pyc_ast::StmtAnnAssign) -> VisitResult {
        self.cur_mut().annotations_used = true;
        let simple = a.simple != 0;
        if let Expr::Name(target) = &a.target {
            let cur = SymbolFlags::from_bits_retain(self.lookup(&target.id));
            let is_top = self.cur_id().index() == 0;
            if cur.intersects(SymbolFlags::DEF_GLOBAL | SymbolFlags::DEF_NONLOCAL)
                && !is_top
                && simple
            {
                let msg = if cur.contains(SymbolFlags::DEF_GLOBAL) {
                    format!("annotated name '{}' can't be global", &*target.id)
                } else {
                    format!("annotated name '{}' can't be nonlocal", &*target.id)
                };
                return Err(self.error(msg, loc(&a.loc)));
            }
            let target_loc = loc(&target.loc);
            if simple {
                let flags = SymbolFlags::DEF_ANNOT | SymbolFlags::DEF_LOCAL;
                self.add_def(&target.id, flags, target_loc)?;
            } else if a.value.is_some() {
                self.add_def(&target.id, SymbolFlags::DEF_LOCAL, target_loc)?;
            }
        } else {
            self.visit_expr(&a.target)?;
        }
        let key = self.cur().key.plus_one();
        self.visit_annotation(&a.annotation, key)?;
        if let Some(value) = &a.value {
            self.visit_expr(value)?;
        }
        Ok(())
    }

    /// The `Global_kind` and `Nonlocal_kind` cases of `symtable_visit_stmt`.
    fn visit_global_name(&mut self, name: &str, l: SrcLoc, global: bool) -> VisitResult {
        let cur = SymbolFlags::from_bits_retain(self.lookup(name));
        let conflicting = SymbolFlags::DEF_PARAM
            | SymbolFlags::DEF_LOCAL
            | SymbolFlags::USE
            | SymbolFlags::DEF_ANNOT;
        if cur.intersects(conflicting) {
            let kind = if global { "global" } else { "nonlocal" };
            let msg = if cur.contains(SymbolFlags::DEF_PARAM) {
                format!("name '{name}' is parameter and {kind}")
            } else if cur.contains(SymbolFlags::USE) {
                format!("name '{name}' is used prior to {kind} declaration")
            } else if cur.contains(SymbolFlags::DEF_ANNOT) {
                format!("annotated name '{name}' can't be {kind}")
            } else {
                format!("name '{name}' is assigned to before {kind} declaration")
            };
            return Err(self.error(msg, l));
        }
        let flag = if global {
            SymbolFlags::DEF_GLOBAL
        } else {
            SymbolFlags::DEF_NONLOCAL
        };
        self.add_def(name, flag, l)?;
        self.record_directive(name, l);
        Ok(())
    }

    /// `check_import_from`: a future import after the first statements.
    fn check_import_from(&self, i: &pyc_ast::StmtImportFrom) -> VisitResult {
        let fut = self.future.location;
        let l = loc(&i.loc);
        let is_future = i.module.as_deref() == Some("__future__") && i.level.unwrap_or(0) == 0;
        if is_future
            && (l.lineno > fut.lineno
                || (l.lineno == fut.end_lineno && l.col_offset > fut.end_col_offset))
        {
            let msg = "from __future__ imports must occur at the beginning of the file";
            return Err(self.error(msg.into(), l));
        }
        Ok(())
    }

    /// `maybe_set_ste_coroutine_for_module`.
    fn maybe_set_ste_coroutine_for_module(&mut self) {
        if self.allows_top_level_await() {
            self.cur_mut().coroutine = true;
        }
    }

    /// `symtable_raise_if_not_coroutine`.
    fn raise_if_not_coroutine(&self, msg: &str, l: SrcLoc) -> VisitResult {
        if !self.cur().coroutine {
            return Err(self.error(msg.into(), l));
        }
        Ok(())
    }

    /// `symtable_extend_namedexpr_scope`: bind the target of `:=` in a comprehension in the
    /// nearest enclosing function or module.
    fn extend_namedexpr_scope(&mut self, target: &pyc_ast::ExprName) -> VisitResult {
        let name: &str = &target.id;
        let l = loc(&target.loc);
        let stack: Vec<_> = self.stack().to_vec();
        for &ste in stack.iter().rev() {
            let entry = self.entry(ste);
            if entry.comprehension != ComprehensionType::None {
                let in_scope = SymbolFlags::from_bits_retain(self.lookup_entry(ste, name));
                if in_scope.contains(SymbolFlags::DEF_COMP_ITER)
                    && in_scope.contains(SymbolFlags::DEF_LOCAL)
                {
                    let msg = format!(
                        "assignment expression cannot rebind comprehension iteration variable '{name}'"
                    );
                    return Err(self.error(msg, l));
                }
                continue;
            }
            match entry.kind {
                BlockType::Function => {
                    let in_scope = SymbolFlags::from_bits_retain(self.lookup_entry(ste, name));
                    if in_scope.contains(SymbolFlags::DEF_GLOBAL) {
                        self.add_def(name, SymbolFlags::DEF_GLOBAL, l)?;
                    } else {
                        self.add_def(name, SymbolFlags::DEF_NONLOCAL, l)?;
                    }
                    self.record_directive(name, l);
                    return self.add_def_helper(name, SymbolFlags::DEF_LOCAL, ste, l);
                }
                BlockType::Module => {
                    self.add_def(name, SymbolFlags::DEF_GLOBAL, l)?;
                    self.record_directive(name, l);
                    return self.add_def_helper(name, SymbolFlags::DEF_GLOBAL, ste, l);
                }
                BlockType::Class => {
                    let msg = "assignment expression within a comprehension cannot be used in a class body";
                    return Err(self.error(msg.into(), l));
                }
                BlockType::TypeParameters => {
                    let msg = "assignment expression within a comprehension cannot be used within the definition of a generic";
                    return Err(self.error(msg.into(), l));
                }
                BlockType::TypeAlias => {
                    let msg = "assignment expression within a comprehension cannot be used in a type alias";
                    return Err(self.error(msg.into(), l));
                }
                BlockType::TypeVariable => {
                    let msg = "assignment expression within a comprehension cannot be used in a TypeVar bound";
                    return Err(self.error(msg.into(), l));
                }
                // CPython treats an annotation block like any other here: it keeps looking
                // outward (and `:=` in an annotation is rejected before this is reached).
                BlockType::Annotation => continue,
            }
        }
        Err(self.error(
            "internal error: no scope for an assignment expression".into(),
            l,
        ))
    }

    /// `symtable_handle_namedexpr`.
    fn handle_namedexpr(&mut self, e: &pyc_ast::ExprNamedExpr) -> VisitResult {
        if self.cur().comp_iter_expr > 0 {
            let msg = "assignment expression cannot be used in a comprehension iterable expression";
            return Err(self.error(msg.into(), loc(&e.loc)));
        }
        if self.cur().comprehension != ComprehensionType::None {
            if let Expr::Name(target) = &e.target {
                self.extend_namedexpr_scope(target)?;
            }
        }
        self.visit_expr(&e.value)?;
        self.visit_expr(&e.target)
    }

    /// `symtable_visit_expr`.
    pub(crate) fn visit_expr(&mut self, e: &Expr) -> VisitResult {
        self.enter_recursive()?;
        self.visit_expr_inner(e)?;
        self.leave_recursive();
        Ok(())
    }

    /// The dispatch of `symtable_visit_expr`. Every arm with more than a call or two lives in
    /// its own function: this frame is paid once per level of nesting.
    fn visit_expr_inner(&mut self, e: &Expr) -> VisitResult {
        match e {
            Expr::NamedExpr(n) => self.visit_named_expr(e, n),
            Expr::BoolOp(b) => self.visit_exprs(&b.values),
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand),
            Expr::Lambda(l) => self.visit_lambda(e, l),
            Expr::IfExp(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)
            }
            Expr::Dict(d) => self.visit_dict(d),
            Expr::Set(s) => self.visit_exprs(&s.elts),
            Expr::GeneratorExp(g) => {
                self.handle_comprehension(e, "genexpr", &g.generators, &g.elt, None)
            }
            Expr::ListComp(l) => {
                self.handle_comprehension(e, "listcomp", &l.generators, &l.elt, None)
            }
            Expr::SetComp(s) => {
                self.handle_comprehension(e, "setcomp", &s.generators, &s.elt, None)
            }
            Expr::DictComp(d) => {
                self.handle_comprehension(e, "dictcomp", &d.generators, &d.key, Some(&d.value))
            }
            Expr::Yield(y) => self.visit_yield(e, y.value.as_ref()),
            Expr::YieldFrom(y) => self.visit_yield(e, Some(&y.value)),
            Expr::Await(a) => self.visit_await(e, &a.value),
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)
            }
            Expr::Call(c) => self.visit_call(c),
            Expr::FormattedValue(f) => self.visit_value_and_spec(&f.value, f.format_spec.as_ref()),
            Expr::Interpolation(i) => self.visit_value_and_spec(&i.value, i.format_spec.as_ref()),
            Expr::JoinedStr(j) => self.visit_exprs(&j.values),
            Expr::TemplateStr(t) => self.visit_exprs(&t.values),
            Expr::Constant(_) => Ok(()),
            Expr::Attribute(a) => self.visit_attribute(a),
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)
            }
            Expr::Starred(s) => self.visit_expr(&s.value),
            Expr::Slice(s) => self.visit_slice(s),
            Expr::Name(n) => self.visit_name(n),
            Expr::List(l) => self.visit_exprs(&l.elts),
            Expr::Tuple(t) => self.visit_exprs(&t.elts),
        }
    }

    /// The `NamedExpr_kind` case of `symtable_visit_expr`.
    fn visit_named_expr(&mut self, e: &Expr, n: &pyc_ast::ExprNamedExpr) -> VisitResult {
        self.raise_if_annotation_block("named expression", e)?;
        self.handle_namedexpr(n)
    }

    /// The `Lambda_kind` case of `symtable_visit_expr`.
    fn visit_lambda(&mut self, e: &Expr, l: &pyc_ast::ExprLambda) -> VisitResult {
        self.visit_exprs(&l.args.defaults)?;
        for default in l.args.kw_defaults.iter().flatten() {
            self.visit_expr(default)?;
        }
        self.enter_block(
            "lambda",
            BlockType::Function,
            BlockKey::of_expr(e),
            expr_loc(e),
        )?;
        self.visit_arguments(&l.args)?;
        self.visit_expr(&l.body)?;
        self.exit_block();
        Ok(())
    }

    /// The `Dict_kind` case of `symtable_visit_expr`.
    fn visit_dict(&mut self, d: &pyc_ast::ExprDict) -> VisitResult {
        for key in d.keys.iter().flatten() {
            self.visit_expr(key)?;
        }
        self.visit_exprs(&d.values)
    }

    /// The `Yield_kind` and `YieldFrom_kind` cases of `symtable_visit_expr`.
    fn visit_yield(&mut self, e: &Expr, value: Option<&Expr>) -> VisitResult {
        self.raise_if_annotation_block("yield expression", e)?;
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.cur_mut().generator = true;
        self.raise_if_comprehension_block(e)
    }

    /// The `Await_kind` case of `symtable_visit_expr`.
    fn visit_await(&mut self, e: &Expr, value: &Expr) -> VisitResult {
        self.raise_if_annotation_block("await expression", e)?;
        if !self.allows_top_level_await() {
            if !self.cur().kind.is_function_like() {
                return Err(self.error("'await' outside function".into(), expr_loc(e)));
            }
            if !self.is_async_def() && self.cur().comprehension == ComprehensionType::None {
                let msg = "'await' outside async function";
                return Err(self.error(msg.into(), expr_loc(e)));
            }
        }
        self.visit_expr(value)?;
        self.cur_mut().coroutine = true;
        Ok(())
    }

    /// The `Call_kind` case of `symtable_visit_expr`.
    fn visit_call(&mut self, c: &pyc_ast::ExprCall) -> VisitResult {
        self.visit_expr(&c.func)?;
        self.visit_exprs(&c.args)?;
        self.check_keywords(&c.keywords)?;
        c.keywords.iter().try_for_each(|k| self.visit_keyword(k))
    }

    /// The `FormattedValue_kind` and `Interpolation_kind` cases of `symtable_visit_expr`.
    fn visit_value_and_spec(&mut self, value: &Expr, spec: Option<&Expr>) -> VisitResult {
        self.visit_expr(value)?;
        if let Some(spec) = spec {
            self.visit_expr(spec)?;
        }
        Ok(())
    }

    /// The `Attribute_kind` case of `symtable_visit_expr`.
    fn visit_attribute(&mut self, a: &pyc_ast::ExprAttribute) -> VisitResult {
        self.check_name(&a.attr, loc(&a.loc), ctx_of(a.ctx))?;
        self.visit_expr(&a.value)
    }

    /// The `Slice_kind` case of `symtable_visit_expr`.
    fn visit_slice(&mut self, s: &pyc_ast::ExprSlice) -> VisitResult {
        for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
            self.visit_expr(part)?;
        }
        Ok(())
    }

    /// The `Name_kind` case of `symtable_visit_expr`.
    fn visit_name(&mut self, n: &pyc_ast::ExprName) -> VisitResult {
        if self.cur().in_unevaluated_annotation {
            return Ok(());
        }
        let l = loc(&n.loc);
        let ctx = ctx_of(n.ctx);
        let flag = if ctx == Ctx::Load {
            SymbolFlags::USE
        } else {
            SymbolFlags::DEF_LOCAL
        };
        self.add_def_ctx(&n.id, flag, l, ctx)?;
        // `super` counts as a use of `__class__`.
        if ctx == Ctx::Load && self.cur().kind.is_function_like() && &*n.id == "super" {
            self.add_def("__class__", SymbolFlags::USE, l)?;
        }
        Ok(())
    }

    /// `check_keywords`.
    fn check_keywords(&self, keywords: &[Keyword]) -> VisitResult {
        for k in keywords {
            if let Some(arg) = &k.arg {
                self.check_name(arg, loc(&k.loc), Ctx::Store)?;
            }
        }
        Ok(())
    }

    /// `symtable_visit_keyword`.
    fn visit_keyword(&mut self, k: &Keyword) -> VisitResult {
        self.visit_expr(&k.value)
    }

    /// `symtable_visit_type_param_bound_or_default`.
    fn visit_type_param_bound_or_default(
        &mut self,
        e: Option<&Expr>,
        name: &str,
        key: BlockKey,
        tp_loc: SrcLoc,
        scope_info: &'static str,
    ) -> VisitResult {
        if name == "__classdict__" {
            let msg = format!("reserved name '{name}' cannot be used for type parameter");
            return Err(self.error(msg, tp_loc));
        }
        let Some(e) = e else {
            return Ok(());
        };
        let is_in_class = self.cur().can_see_class_scope;
        self.enter_block(name, BlockType::TypeVariable, key, expr_loc(e))?;
        self.cur_mut().can_see_class_scope = is_in_class;
        if is_in_class {
            self.add_def("__classdict__", SymbolFlags::USE, expr_loc(e))?;
        }
        self.cur_mut().scope_info = Some(scope_info);
        self.visit_expr(e)?;
        self.exit_block();
        Ok(())
    }

    /// `symtable_visit_type_param`.
    fn visit_type_param(&mut self, tp: &TypeParam) -> VisitResult {
        self.enter_recursive()?;
        self.visit_type_param_inner(tp)?;
        self.leave_recursive();
        Ok(())
    }

    fn visit_type_param_inner(&mut self, tp: &TypeParam) -> VisitResult {
        let key = BlockKey::of_type_param(tp);
        let flags = SymbolFlags::DEF_TYPE_PARAM | SymbolFlags::DEF_LOCAL;
        match tp {
            TypeParam::TypeVar(t) => {
                let l = loc(&t.loc);
                self.add_def(&t.name, flags, l)?;
                let bound = t.bound.as_ref();
                let info = match bound {
                    Some(Expr::Tuple(_)) => "a TypeVar constraint",
                    _ => "a TypeVar bound",
                };
                self.visit_type_param_bound_or_default(bound, &t.name, key, l, info)?;
                self.visit_type_param_bound_or_default(
                    t.default_value.as_ref(),
                    &t.name,
                    key.plus_one(),
                    l,
                    "a TypeVar default",
                )
            }
            TypeParam::TypeVarTuple(t) => {
                let l = loc(&t.loc);
                self.add_def(&t.name, flags, l)?;
                self.visit_type_param_bound_or_default(
                    t.default_value.as_ref(),
                    &t.name,
                    key,
                    l,
                    "a TypeVarTuple default",
                )
            }
            TypeParam::ParamSpec(p) => {
                let l = loc(&p.loc);
                self.add_def(&p.name, flags, l)?;
                self.visit_type_param_bound_or_default(
                    p.default_value.as_ref(),
                    &p.name,
                    key,
                    l,
                    "a ParamSpec default",
                )
            }
        }
    }

    /// `symtable_visit_pattern`.
    fn visit_pattern(&mut self, p: &Pattern) -> VisitResult {
        self.enter_recursive()?;
        self.visit_pattern_inner(p)?;
        self.leave_recursive();
        Ok(())
    }

    fn visit_patterns(&mut self, patterns: &[Pattern]) -> VisitResult {
        patterns.iter().try_for_each(|p| self.visit_pattern(p))
    }

    fn visit_pattern_inner(&mut self, p: &Pattern) -> VisitResult {
        match p {
            Pattern::MatchValue(v) => self.visit_expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => self.visit_patterns(&s.patterns),
            Pattern::MatchStar(s) => match &s.name {
                Some(name) => self.add_def(name, SymbolFlags::DEF_LOCAL, loc(&s.loc)),
                None => Ok(()),
            },
            Pattern::MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                self.visit_patterns(&m.patterns)?;
                match &m.rest {
                    Some(rest) => self.add_def(rest, SymbolFlags::DEF_LOCAL, loc(&m.loc)),
                    None => Ok(()),
                }
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                self.visit_patterns(&c.patterns)?;
                // `check_kwd_patterns`.
                for (attr, pattern) in c.kwd_attrs.iter().zip(&c.kwd_patterns) {
                    self.check_name(attr, loc(&pattern.loc()), Ctx::Store)?;
                }
                self.visit_patterns(&c.kwd_patterns)
            }
            Pattern::MatchAs(a) => {
                if let Some(pattern) = &a.pattern {
                    self.visit_pattern(pattern)?;
                }
                match &a.name {
                    Some(name) => self.add_def(name, SymbolFlags::DEF_LOCAL, loc(&a.loc)),
                    None => Ok(()),
                }
            }
            Pattern::MatchOr(o) => self.visit_patterns(&o.patterns),
        }
    }

    /// `symtable_implicit_arg`: the `.0` parameter of a comprehension.
    fn implicit_arg(&mut self, pos: usize) -> VisitResult {
        let l = self.cur().loc;
        self.add_def(&format!(".{pos}"), SymbolFlags::DEF_PARAM, l)
    }

    /// `symtable_visit_params`.
    fn visit_params(&mut self, args: &[Arg]) -> VisitResult {
        for arg in args {
            self.add_def(&arg.arg, SymbolFlags::DEF_PARAM, loc(&arg.loc))?;
        }
        Ok(())
    }

    /// `symtable_visit_annotation`: an annotated assignment's annotation, in the block's
    /// `__annotate__` scope (created by the first one).
    fn visit_annotation(&mut self, annotation: &Expr, key: BlockKey) -> VisitResult {
        // Annotations of local variables are never evaluated.
        let is_unevaluated = self.cur().kind == BlockType::Function;
        // Module annotations always count as conditional (a module may stop executing
        // part-way); class annotations only inside a compound statement.
        let cur = self.cur();
        let conditional = cur.kind == BlockType::Module
            || (cur.kind == BlockType::Class && cur.in_conditional_block);
        if conditional && !cur.has_conditional_annotations {
            self.cur_mut().has_conditional_annotations = true;
            self.add_def(
                "__conditional_annotations__",
                SymbolFlags::USE,
                expr_loc(annotation),
            )?;
        }
        let parent = self.cur_id();
        match self.entry(parent).annotation_block {
            None => {
                let current_type = self.entry(parent).kind;
                self.enter_block(
                    "__annotate__",
                    BlockType::Annotation,
                    key,
                    expr_loc(annotation),
                )?;
                let block = self.cur_id();
                self.entry_mut(parent).annotation_block = Some(block);
                let future_annotations = self.future.features.contains(CompilerFlags::ANNOTATIONS);
                if current_type == BlockType::Class && !future_annotations {
                    self.cur_mut().can_see_class_scope = true;
                    self.add_def("__classdict__", SymbolFlags::USE, expr_loc(annotation))?;
                }
            }
            Some(block) => self.enter_existing_block(block, false),
        }
        if is_unevaluated {
            self.cur_mut().in_unevaluated_annotation = true;
        }
        let result = self.visit_expr(annotation);
        if is_unevaluated {
            self.cur_mut().in_unevaluated_annotation = false;
        }
        self.exit_block();
        result
    }

    /// `symtable_visit_argannotations`.
    fn visit_argannotations(&mut self, args: &[Arg]) -> VisitResult {
        for arg in args {
            if let Some(annotation) = &arg.annotation {
                self.cur_mut().annotations_used = true;
                self.visit_expr(annotation)?;
            }
        }
        Ok(())
    }

    /// `symtable_visit_annotations`: a function's parameter and return annotations, in its
    /// `__annotate__` scope.
    fn visit_annotations(
        &mut self,
        def_loc: SrcLoc,
        a: &Arguments,
        returns: Option<&Expr>,
    ) -> VisitResult {
        let is_in_class = self.cur().can_see_class_scope;
        let current_type = self.cur().kind;
        self.enter_block(
            "__annotate__",
            BlockType::Annotation,
            BlockKey::of(a),
            def_loc,
        )?;
        if is_in_class || current_type == BlockType::Class {
            self.cur_mut().can_see_class_scope = true;
            self.add_def("__classdict__", SymbolFlags::USE, def_loc)?;
        }
        self.visit_argannotations(&a.posonlyargs)?;
        self.visit_argannotations(&a.args)?;
        if let Some(annotation) = a.vararg.as_ref().and_then(|v| v.annotation.as_ref()) {
            self.cur_mut().annotations_used = true;
            self.visit_expr(annotation)?;
        }
        if let Some(annotation) = a.kwarg.as_ref().and_then(|k| k.annotation.as_ref()) {
            self.cur_mut().annotations_used = true;
            self.visit_expr(annotation)?;
        }
        self.visit_argannotations(&a.kwonlyargs)?;
        if let Some(returns) = returns {
            self.cur_mut().annotations_used = true;
            self.visit_expr(returns)?;
        }
        self.exit_block();
        Ok(())
    }

    /// `symtable_visit_arguments`.
    fn visit_arguments(&mut self, a: &Arguments) -> VisitResult {
        self.visit_params(&a.posonlyargs)?;
        self.visit_params(&a.args)?;
        self.visit_params(&a.kwonlyargs)?;
        if let Some(vararg) = &a.vararg {
            self.add_def(&vararg.arg, SymbolFlags::DEF_PARAM, loc(&vararg.loc))?;
            self.cur_mut().varargs = true;
        }
        if let Some(kwarg) = &a.kwarg {
            self.add_def(&kwarg.arg, SymbolFlags::DEF_PARAM, loc(&kwarg.loc))?;
            self.cur_mut().varkeywords = true;
        }
        Ok(())
    }

    /// `symtable_visit_excepthandler`.
    fn visit_excepthandler(&mut self, h: &ExceptHandler) -> VisitResult {
        let ExceptHandler::ExceptHandler(h) = h;
        if let Some(type_) = &h.type_ {
            self.visit_expr(type_)?;
        }
        if let Some(name) = &h.name {
            self.add_def(name, SymbolFlags::DEF_LOCAL, loc(&h.loc))?;
        }
        self.visit_stmts(&h.body)
    }

    /// `symtable_visit_withitem`.
    fn visit_withitem(&mut self, item: &WithItem) -> VisitResult {
        self.visit_expr(&item.context_expr)?;
        if let Some(vars) = &item.optional_vars {
            self.visit_expr(vars)?;
        }
        Ok(())
    }

    /// `symtable_visit_match_case`.
    fn visit_match_case(&mut self, m: &MatchCase) -> VisitResult {
        self.visit_pattern(&m.pattern)?;
        if let Some(guard) = &m.guard {
            self.visit_expr(guard)?;
        }
        self.visit_stmts(&m.body)
    }

    /// `symtable_visit_alias`: `import a.b.c` binds `a`; `from m import *` is module-only.
    fn visit_alias(&mut self, a: &Alias) -> VisitResult {
        let name: &str = match &a.asname {
            Some(asname) => asname,
            None => &a.name,
        };
        let l = loc(&a.loc);
        if name == "*" {
            if self.cur().kind != BlockType::Module {
                return Err(self.error("import * only allowed at module level".into(), l));
            }
            return Ok(());
        }
        let store_name = name.split('.').next().unwrap_or(name);
        self.add_def(store_name, SymbolFlags::DEF_IMPORT, l)
    }

    /// `symtable_visit_comprehension`: a `for` clause after the first.
    fn visit_comprehension(&mut self, lc: &Comprehension) -> VisitResult {
        self.cur_mut().comp_iter_target = true;
        self.visit_expr(&lc.target)?;
        self.cur_mut().comp_iter_target = false;
        self.cur_mut().comp_iter_expr += 1;
        self.visit_expr(&lc.iter)?;
        self.cur_mut().comp_iter_expr -= 1;
        self.visit_exprs(&lc.ifs)?;
        if lc.is_async != 0 {
            self.cur_mut().coroutine = true;
        }
        Ok(())
    }

    /// `symtable_handle_comprehension`: the first iterable in the enclosing scope, the rest in
    /// a new function scope taking it as `.0`.
    fn handle_comprehension(
        &mut self,
        e: &Expr,
        scope_name: &str,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> VisitResult {
        let is_generator = matches!(e, Expr::GeneratorExp(_));
        let Some(outermost) = generators.first() else {
            return Err(self.error("comprehension without generators".into(), expr_loc(e)));
        };
        self.cur_mut().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur_mut().comp_iter_expr -= 1;
        self.enter_block(
            scope_name,
            BlockType::Function,
            BlockKey::of_expr(e),
            expr_loc(e),
        )?;
        self.cur_mut().comprehension = match e {
            Expr::ListComp(_) => ComprehensionType::List,
            Expr::SetComp(_) => ComprehensionType::Set,
            Expr::DictComp(_) => ComprehensionType::Dict,
            _ => ComprehensionType::Generator,
        };
        if outermost.is_async != 0 {
            self.cur_mut().coroutine = true;
        }
        self.implicit_arg(0)?;
        self.cur_mut().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur_mut().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        generators[1..]
            .iter()
            .try_for_each(|g| self.visit_comprehension(g))?;
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.visit_expr(elt)?;
        self.cur_mut().generator = is_generator;
        let is_async = self.cur().coroutine && !is_generator;
        self.exit_block();
        if is_async
            && !self.is_async_def()
            && self.cur().comprehension == ComprehensionType::None
            && !self.allows_top_level_await()
        {
            let msg = "asynchronous comprehension outside of an asynchronous function";
            return Err(self.error(msg.into(), expr_loc(e)));
        }
        if is_async {
            self.cur_mut().coroutine = true;
        }
        Ok(())
    }

    /// `symtable_raise_if_annotation_block`: what annotation and type scopes may not contain.
    fn raise_if_annotation_block(&self, name: &str, e: &Expr) -> VisitResult {
        let msg = match self.cur().kind {
            BlockType::Annotation => format!("{name} cannot be used within an annotation"),
            BlockType::TypeVariable => {
                let info = self.cur().scope_info.unwrap_or("a TypeVar bound");
                format!("{name} cannot be used within {info}")
            }
            BlockType::TypeAlias => format!("{name} cannot be used within a type alias"),
            BlockType::TypeParameters => {
                format!("{name} cannot be used within the definition of a generic")
            }
            _ => return Ok(()),
        };
        Err(self.error(msg, expr_loc(e)))
    }

    /// `symtable_raise_if_comprehension_block`: `yield` inside a comprehension.
    fn raise_if_comprehension_block(&self, e: &Expr) -> VisitResult {
        let msg = match self.cur().comprehension {
            ComprehensionType::None => return Ok(()),
            ComprehensionType::List => "'yield' inside list comprehension",
            ComprehensionType::Set => "'yield' inside set comprehension",
            ComprehensionType::Dict => "'yield' inside dict comprehension",
            ComprehensionType::Generator => "'yield' inside generator expression",
        };
        Err(self.error(msg.into(), expr_loc(e)))
    }
}
