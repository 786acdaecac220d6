//! Port of Python/symtable.c: symtable_visit_stmt (with check_import_from,
//! maybe_set_ste_coroutine_for_module, symtable_raise_if_not_coroutine),
//! symtable_visit_excepthandler, symtable_visit_withitem, symtable_visit_match_case,
//! symtable_visit_alias.

use pyc_ast::{Alias, ExceptHandler, Expr, MatchCase, Stmt, WithItem};
use pyc_future::get_docstring;

use super::{expr_loc, has_kwonlydefaults, loc, FunctionParts};
use crate::build::{Builder, VisitResult};
use crate::entry::{BlockKey, SrcLoc};
use crate::flags::{BlockType, SymbolFlags};

impl Builder<'_> {
    /// `symtable_visit_stmt`.
    pub(crate) fn visit_stmt(&mut self, s: &Stmt) -> VisitResult {
        self.enter_recursive()?;
        self.visit_stmt_inner(s)?;
        self.leave_recursive();
        Ok(())
    }

    pub(crate) fn visit_stmts(&mut self, body: &[Stmt]) -> VisitResult {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    pub(crate) fn visit_exprs(&mut self, exprs: &[Expr]) -> VisitResult {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    /// `ENTER_CONDITIONAL_BLOCK` ... `LEAVE_CONDITIONAL_BLOCK` around `f`.
    pub(crate) fn in_conditional_block(
        &mut self,
        f: impl FnOnce(&mut Self) -> VisitResult,
    ) -> VisitResult {
        let saved = self.cur().in_conditional_block;
        self.cur_mut().in_conditional_block = true;
        f(self)?;
        self.cur_mut().in_conditional_block = saved;
        Ok(())
    }

    pub(crate) fn visit_stmt_inner(&mut self, s: &Stmt) -> VisitResult {
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
    pub(crate) fn visit_function(&mut self, f: FunctionParts<'_>) -> VisitResult {
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
    pub(crate) fn visit_class(&mut self, c: &pyc_ast::StmtClassDef) -> VisitResult {
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
            self.new_mangled_names();
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
    pub(crate) fn visit_type_alias(&mut self, t: &pyc_ast::StmtTypeAlias) -> VisitResult {
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
    pub(crate) fn visit_ann_assign(&mut self, a: &pyc_ast::StmtAnnAssign) -> VisitResult {
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
    pub(crate) fn visit_global_name(&mut self, name: &str, l: SrcLoc, global: bool) -> VisitResult {
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
    pub(crate) fn check_import_from(&self, i: &pyc_ast::StmtImportFrom) -> VisitResult {
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
    pub(crate) fn maybe_set_ste_coroutine_for_module(&mut self) {
        if self.allows_top_level_await() {
            self.cur_mut().coroutine = true;
        }
    }

    /// `symtable_raise_if_not_coroutine`.
    pub(crate) fn raise_if_not_coroutine(&self, msg: &str, l: SrcLoc) -> VisitResult {
        if !self.cur().coroutine {
            return Err(self.error(msg.into(), l));
        }
        Ok(())
    }

    /// `symtable_visit_excepthandler`.
    pub(crate) fn visit_excepthandler(&mut self, h: &ExceptHandler) -> VisitResult {
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
    pub(crate) fn visit_withitem(&mut self, item: &WithItem) -> VisitResult {
        self.visit_expr(&item.context_expr)?;
        if let Some(vars) = &item.optional_vars {
            self.visit_expr(vars)?;
        }
        Ok(())
    }

    /// `symtable_visit_match_case`.
    pub(crate) fn visit_match_case(&mut self, m: &MatchCase) -> VisitResult {
        self.visit_pattern(&m.pattern)?;
        if let Some(guard) = &m.guard {
            self.visit_expr(guard)?;
        }
        self.visit_stmts(&m.body)
    }

    /// `symtable_visit_alias`: `import a.b.c` binds `a`; `from m import *` is module-only.
    pub(crate) fn visit_alias(&mut self, a: &Alias) -> VisitResult {
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
}
