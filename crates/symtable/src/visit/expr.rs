//! Port of Python/symtable.c: symtable_visit_expr, symtable_extend_namedexpr_scope,
//! symtable_handle_namedexpr, check_keywords, symtable_visit_keyword,
//! symtable_visit_comprehension, symtable_handle_comprehension (and the genexp, listcomp,
//! setcomp, dictcomp visitors), symtable_raise_if_annotation_block,
//! symtable_raise_if_comprehension_block.

use pyc_ast::{Comprehension, Expr, Keyword};

use super::{ctx_of, expr_loc, loc};
use crate::build::{Builder, Ctx, VisitResult};
use crate::entry::BlockKey;
use crate::flags::{BlockType, ComprehensionType, SymbolFlags};

impl Builder<'_> {
    /// `symtable_extend_namedexpr_scope`: bind the target of `:=` in a comprehension in the
    /// nearest enclosing function or module.
    pub(crate) fn extend_namedexpr_scope(&mut self, target: &pyc_ast::ExprName) -> VisitResult {
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
    pub(crate) fn handle_namedexpr(&mut self, e: &pyc_ast::ExprNamedExpr) -> VisitResult {
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
    pub(crate) fn visit_expr_inner(&mut self, e: &Expr) -> VisitResult {
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
    pub(crate) fn visit_named_expr(&mut self, e: &Expr, n: &pyc_ast::ExprNamedExpr) -> VisitResult {
        self.raise_if_annotation_block("named expression", e)?;
        self.handle_namedexpr(n)
    }

    /// The `Lambda_kind` case of `symtable_visit_expr`.
    pub(crate) fn visit_lambda(&mut self, e: &Expr, l: &pyc_ast::ExprLambda) -> VisitResult {
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
    pub(crate) fn visit_dict(&mut self, d: &pyc_ast::ExprDict) -> VisitResult {
        for key in d.keys.iter().flatten() {
            self.visit_expr(key)?;
        }
        self.visit_exprs(&d.values)
    }

    /// The `Yield_kind` and `YieldFrom_kind` cases of `symtable_visit_expr`.
    pub(crate) fn visit_yield(&mut self, e: &Expr, value: Option<&Expr>) -> VisitResult {
        self.raise_if_annotation_block("yield expression", e)?;
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.cur_mut().generator = true;
        self.raise_if_comprehension_block(e)
    }

    /// The `Await_kind` case of `symtable_visit_expr`.
    pub(crate) fn visit_await(&mut self, e: &Expr, value: &Expr) -> VisitResult {
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
    pub(crate) fn visit_call(&mut self, c: &pyc_ast::ExprCall) -> VisitResult {
        self.visit_expr(&c.func)?;
        self.visit_exprs(&c.args)?;
        self.check_keywords(&c.keywords)?;
        c.keywords.iter().try_for_each(|k| self.visit_keyword(k))
    }

    /// The `FormattedValue_kind` and `Interpolation_kind` cases of `symtable_visit_expr`.
    pub(crate) fn visit_value_and_spec(
        &mut self,
        value: &Expr,
        spec: Option<&Expr>,
    ) -> VisitResult {
        self.visit_expr(value)?;
        if let Some(spec) = spec {
            self.visit_expr(spec)?;
        }
        Ok(())
    }

    /// The `Attribute_kind` case of `symtable_visit_expr`.
    pub(crate) fn visit_attribute(&mut self, a: &pyc_ast::ExprAttribute) -> VisitResult {
        self.check_name(&a.attr, loc(&a.loc), ctx_of(a.ctx))?;
        self.visit_expr(&a.value)
    }

    /// The `Slice_kind` case of `symtable_visit_expr`.
    pub(crate) fn visit_slice(&mut self, s: &pyc_ast::ExprSlice) -> VisitResult {
        for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
            self.visit_expr(part)?;
        }
        Ok(())
    }

    /// The `Name_kind` case of `symtable_visit_expr`.
    pub(crate) fn visit_name(&mut self, n: &pyc_ast::ExprName) -> VisitResult {
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
    pub(crate) fn check_keywords(&self, keywords: &[Keyword]) -> VisitResult {
        for k in keywords {
            if let Some(arg) = &k.arg {
                self.check_name(arg, loc(&k.loc), Ctx::Store)?;
            }
        }
        Ok(())
    }

    /// `symtable_visit_keyword`.
    pub(crate) fn visit_keyword(&mut self, k: &Keyword) -> VisitResult {
        self.visit_expr(&k.value)
    }

    /// `symtable_visit_comprehension`: a `for` clause after the first.
    pub(crate) fn visit_comprehension(&mut self, lc: &Comprehension) -> VisitResult {
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
    pub(crate) fn handle_comprehension(
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
    pub(crate) fn raise_if_annotation_block(&self, name: &str, e: &Expr) -> VisitResult {
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
    pub(crate) fn raise_if_comprehension_block(&self, e: &Expr) -> VisitResult {
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
