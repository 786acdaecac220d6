//! Port of Python/codegen.c: codegen_visit_expr, codegen_jump_if, codegen_boolop,
//! codegen_ifexp, codegen_lambda, codegen_dict, codegen_compare, codegen_check_compare,
//! check_is_arg, is_const_tuple, infer_type, check_caller, check_subscripter, check_index,
//! codegen_call, codegen_validate_keywords, maybe_optimize_function_call, codegen_call_helper,
//! codegen_call_helper_impl, starunpack_helper, unpack_helper, assignment_helper, codegen_list,
//! codegen_tuple, codegen_set, codegen_subscript, codegen_slice, codegen_joined_str,
//! codegen_template_str, codegen_formatted_value, codegen_interpolation, codegen_comprehension,
//! codegen_comprehension_generator, codegen_sync_comprehension_generator,
//! codegen_async_comprehension_generator, codegen_genexp, codegen_listcomp, codegen_setcomp,
//! codegen_dictcomp.

use pyc_ast::constant::Constant;
use pyc_ast::{
    CmpOp, Comprehension, Expr, ExprCall, ExprCompare, ExprContext, ExprLambda, Keyword, Location,
    UnaryOp,
};
use pyc_future::SourceLocation;
use pyc_symtable::{BlockKey, EntryId, SymbolFlags};

use crate::compiler::{loc, CResult, Compiler, FBlockType, Frame, ScopeType};

/// The largest index before a starred target that `UNPACK_EX` can encode.
pub(crate) const UNPACK_EX_MAX_BEFORE: usize = 1 << 8;

/// `INT_MAX >> 8`: the bound on the number of targets after a starred one.
pub(crate) const UNPACK_EX_MAX_AFTER: usize = (i32::MAX >> 8) as usize;

/// `_PY_STACK_USE_GUIDELINE`.
const STACK_USE_GUIDELINE: usize = 30;

/// `COMP_GENEXP` ... `COMP_DICTCOMP`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ComprehensionKind {
    GenExp,
    ListComp,
    SetComp,
    DictComp,
}

/// What a comprehension node holds.
struct ComprehensionNode<'a> {
    key: BlockKey,
    loc: &'a Location,
    kind: ComprehensionKind,
    generators: &'a [Comprehension],
    elt: &'a Expr,
    val: Option<&'a Expr>,
}

impl<'a> Compiler<'a> {
    /// `VISIT_SEQ(c, expr, ...)`.
    pub(crate) fn visit_exprs(&mut self, exprs: &'a [Expr]) -> CResult {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    /// `codegen_visit_expr`.
    pub(crate) fn visit_expr(&mut self, e: &'a Expr) -> CResult {
        self.enter_visit_expr()?;
        self.visit_expr_inner(e)?;
        self.leave_visit_expr();
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::NamedExpr(n) => {
                self.visit_expr(&n.value)?;
                self.visit_expr(&n.target)
            }
            Expr::BoolOp(b) => self.framed(Frame::BoolOp, |c| c.visit_exprs(&b.values)),
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand),
            Expr::Lambda(l) => self.framed(Frame::Lambda, |c| c.lambda(l)),
            Expr::IfExp(i) => {
                self.jump_if(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)
            }
            Expr::Dict(d) => self.framed(Frame::Dict, |c| c.dict(&d.keys, &d.values)),
            Expr::Set(s) => self.framed(Frame::StarUnpack, |c| c.starunpack_helper(&s.elts)),
            Expr::GeneratorExp(g) => self.framed_comprehension(ComprehensionNode {
                key: BlockKey::of_expr(e),
                loc: &g.loc,
                kind: ComprehensionKind::GenExp,
                generators: &g.generators,
                elt: &g.elt,
                val: None,
            }),
            Expr::ListComp(l) => self.framed_comprehension(ComprehensionNode {
                key: BlockKey::of_expr(e),
                loc: &l.loc,
                kind: ComprehensionKind::ListComp,
                generators: &l.generators,
                elt: &l.elt,
                val: None,
            }),
            Expr::SetComp(s) => self.framed_comprehension(ComprehensionNode {
                key: BlockKey::of_expr(e),
                loc: &s.loc,
                kind: ComprehensionKind::SetComp,
                generators: &s.generators,
                elt: &s.elt,
                val: None,
            }),
            Expr::DictComp(d) => self.framed_comprehension(ComprehensionNode {
                key: BlockKey::of_expr(e),
                loc: &d.loc,
                kind: ComprehensionKind::DictComp,
                generators: &d.generators,
                elt: &d.key,
                val: Some(&d.value),
            }),
            Expr::Yield(y) => {
                if !self.ste().kind.is_function_like() {
                    return Err(self.error(loc(&y.loc), "'yield' outside function".to_string()));
                }
                match &y.value {
                    Some(value) => self.visit_expr(value),
                    None => Ok(()),
                }
            }
            Expr::YieldFrom(y) => {
                if !self.ste().kind.is_function_like() {
                    let msg = "'yield from' outside function".to_string();
                    return Err(self.error(loc(&y.loc), msg));
                }
                if self.unit.scope_type == ScopeType::AsyncFunction {
                    let msg = "'yield from' inside async function".to_string();
                    return Err(self.error(loc(&y.loc), msg));
                }
                self.visit_expr(&y.value)
            }
            Expr::Await(a) => self.visit_expr(&a.value),
            Expr::Compare(cmp) => self.framed(Frame::Compare, |c| c.compare(cmp)),
            Expr::Call(call) => self.framed(Frame::Call, |c| c.call(call)),
            Expr::Constant(_) | Expr::Name(_) => Ok(()),
            Expr::JoinedStr(j) => self.visit_exprs(&j.values),
            Expr::TemplateStr(t) => self.template_str(&t.values),
            Expr::FormattedValue(f) => {
                self.visit_expr(&f.value)?;
                self.visit_optional(f.format_spec.as_ref())
            }
            Expr::Interpolation(i) => {
                self.visit_expr(&i.value)?;
                self.visit_optional(i.format_spec.as_ref())
            }
            // The super() forms of an attribute load visit the same nodes, in the same order.
            Expr::Attribute(a) => self.visit_expr(&a.value),
            Expr::Subscript(s) => {
                self.framed(Frame::Subscript, |c| c.subscript(&s.value, &s.slice, s.ctx))
            }
            Expr::Starred(s) => {
                // Every legitimate starred expression was taken apart by its list, tuple,
                // set or call.
                let msg = if s.ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                };
                Err(self.error(loc(&s.loc), msg.to_string()))
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
                Ok(())
            }
            Expr::List(l) => self.framed(Frame::StarUnpack, |c| c.sequence(&l.loc, &l.elts, l.ctx)),
            Expr::Tuple(t) => {
                self.framed(Frame::StarUnpack, |c| c.sequence(&t.loc, &t.elts, t.ctx))
            }
        }
    }

    fn visit_optional(&mut self, e: Option<&'a Expr>) -> CResult {
        match e {
            Some(e) => self.visit_expr(e),
            None => Ok(()),
        }
    }

    /// `codegen_jump_if`: a test compiled as jumps; it visits the nodes `visit_expr` would,
    /// in the same order.
    pub(crate) fn jump_if(&mut self, e: &'a Expr) -> CResult {
        self.enter_recursive()?;
        self.framed(Frame::JumpIf, |c| c.jump_if_inner(e))?;
        self.leave_recursive();
        Ok(())
    }

    fn jump_if_inner(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => self.jump_if(&u.operand),
            Expr::BoolOp(b) => b.values.iter().try_for_each(|v| self.jump_if(v)),
            Expr::IfExp(i) => {
                self.jump_if(&i.test)?;
                self.jump_if(&i.body)?;
                self.jump_if(&i.orelse)
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                self.check_compare(c);
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)
            }
            _ => self.visit_expr(e),
        }
    }

    /// `codegen_lambda`: the defaults, then the body in the lambda's own unit.
    fn lambda(&mut self, l: &'a ExprLambda) -> CResult {
        self.default_arguments(&l.args)?;
        self.enter_scope(BlockKey::of(l), ScopeType::Lambda)?;
        self.visit_expr(&l.body)?;
        self.exit_scope();
        Ok(())
    }

    /// `codegen_dict` (with `codegen_subdict`): keys and values in source order, the mapping
    /// of a `**` entry at its place.
    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        for (key, value) in keys.iter().zip(values) {
            if let Some(key) = key {
                self.visit_expr(key)?;
            }
            self.visit_expr(value)?;
        }
        Ok(())
    }

    /// `codegen_compare`.
    fn compare(&mut self, c: &'a ExprCompare) -> CResult {
        self.check_compare(c);
        self.visit_expr(&c.left)?;
        self.visit_exprs(&c.comparators)
    }

    /// `codegen_check_compare`: warn about `is` and `is not` with a literal operand (the
    /// first such comparison only).
    fn check_compare(&mut self, c: &'a ExprCompare) {
        let mut left = check_is_arg(&c.left);
        let mut left_expr = &c.left;
        for (op, right_expr) in c.ops.iter().zip(&c.comparators) {
            let right = check_is_arg(right_expr);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!right || !left) {
                let literal = if !left { left_expr } else { right_expr };
                let type_name = infer_type(literal).unwrap_or("object");
                let msg = if *op == CmpOp::Is {
                    format!("\"is\" with '{type_name}' literal. Did you mean \"==\"?")
                } else {
                    format!("\"is not\" with '{type_name}' literal. Did you mean \"!=\"?")
                };
                self.warn(loc(&c.loc), msg);
                return;
            }
            left = right;
            left_expr = right_expr;
        }
    }

    /// `codegen_call`.
    fn call(&mut self, c: &'a ExprCall) -> CResult {
        self.validate_keywords(&c.keywords)?;
        if self.maybe_optimize_method_call(c)? {
            return Ok(());
        }
        self.check_caller(&c.func);
        self.visit_expr(&c.func)?;
        self.maybe_optimize_function_call(c)?;
        self.call_helper(&c.args, &c.keywords)
    }

    /// `maybe_optimize_method_call`: `obj.name(args)` without `*` or `**` arguments visits the
    /// object, the arguments and the keyword values in `codegen_call`'s own frame. (Its
    /// `super()` forms load `super` and its arguments without visiting the `super(...)` call:
    /// the same nodes, as that call has no keywords and no starred arguments.)
    fn maybe_optimize_method_call(&mut self, c: &'a ExprCall) -> CResult<bool> {
        let Expr::Attribute(meth) = &c.func else {
            return Ok(false);
        };
        if meth.ctx != ExprContext::Load || self.is_import_originated(&meth.value) {
            return Ok(false);
        }
        let (nargs, nkwargs) = (c.args.len(), c.keywords.len());
        if nargs + nkwargs + usize::from(nkwargs != 0) >= STACK_USE_GUIDELINE
            || c.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.visit_expr(&meth.value)?;
        self.visit_exprs(&c.args)?;
        c.keywords
            .iter()
            .try_for_each(|k| self.visit_expr(&k.value))?;
        Ok(true)
    }

    /// `is_import_originated`: a name the module binds by an import.
    fn is_import_originated(&self, e: &Expr) -> bool {
        let Expr::Name(n) = e else {
            return false;
        };
        let flags = self.table.entry(EntryId(0)).raw_symbol(&n.id);
        flags & SymbolFlags::DEF_IMPORT.bits() != 0
    }

    /// `maybe_optimize_function_call`: `all`, `any` or `tuple` of a generator expression
    /// compiles the generator expression for the inlined loop, and again for the real call.
    fn maybe_optimize_function_call(&mut self, c: &'a ExprCall) -> CResult {
        let Expr::Name(func) = &c.func else {
            return Ok(());
        };
        let [arg @ Expr::GeneratorExp(_)] = c.args.as_slice() else {
            return Ok(());
        };
        if !c.keywords.is_empty() || !matches!(func.id.as_str(), "all" | "any" | "tuple") {
            return Ok(());
        }
        self.visit_expr(arg)
    }

    /// `codegen_validate_keywords`: the first keyword repeated later, reported at its repeat.
    fn validate_keywords(&mut self, keywords: &'a [Keyword]) -> CResult {
        for (i, key) in keywords.iter().enumerate() {
            let Some(name) = &key.arg else {
                continue;
            };
            let repeat = keywords[i + 1..]
                .iter()
                .find(|other| other.arg.as_ref() == Some(name));
            if let Some(other) = repeat {
                let msg = format!("keyword argument repeated: {}", name.as_str());
                return Err(self.error(loc(&other.loc), msg));
            }
        }
        Ok(())
    }

    /// `codegen_call_helper` (`codegen_call_helper_impl`): both the plain and the `*`/`**`
    /// forms visit the positional arguments (a starred one's value) in order, then the
    /// keyword values in order.
    pub(crate) fn call_helper(&mut self, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult {
        self.framed(Frame::CallHelper, |c| {
            c.validate_keywords(keywords)?;
            c.starunpack_helper(args)?;
            keywords.iter().try_for_each(|k| c.visit_expr(&k.value))
        })
    }

    /// `starunpack_helper`: the elements of a list, tuple or set display (or call
    /// arguments), a starred one by its value.
    fn starunpack_helper(&mut self, elts: &'a [Expr]) -> CResult {
        for elt in elts {
            match elt {
                Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(elt)?,
            }
        }
        Ok(())
    }

    /// `codegen_list` and `codegen_tuple`.
    fn sequence(&mut self, l: &'a Location, elts: &'a [Expr], ctx: ExprContext) -> CResult {
        match ctx {
            ExprContext::Store => self.assignment_helper(l, elts),
            ExprContext::Load => self.starunpack_helper(elts),
            ExprContext::Del => self.visit_exprs(elts),
        }
    }

    /// `assignment_helper`: check the starred targets (`unpack_helper`), then store into each
    /// target, a starred one by its value.
    fn assignment_helper(&mut self, l: &'a Location, elts: &'a [Expr]) -> CResult {
        self.unpack_helper(loc(l), elts)?;
        self.starunpack_helper(elts)
    }

    /// `unpack_helper`.
    fn unpack_helper(&mut self, at: SourceLocation, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if !matches!(elt, Expr::Starred(_)) {
                continue;
            }
            if seen_star {
                let msg = "multiple starred expressions in assignment".to_string();
                return Err(self.error(at, msg));
            }
            // `n - i - 1` targets follow the starred one.
            if i >= UNPACK_EX_MAX_BEFORE || n - i > UNPACK_EX_MAX_AFTER {
                let msg = "too many expressions in star-unpacking assignment".to_string();
                return Err(self.error(at, msg));
            }
            seen_star = true;
        }
        Ok(())
    }

    /// `codegen_subscript`: the warnings about what cannot be subscripted, or indexed so, on
    /// a load; then the value and the index. (The two-part slice form visits the same nodes.)
    fn subscript(&mut self, value: &'a Expr, slice: &'a Expr, ctx: ExprContext) -> CResult {
        if ctx == ExprContext::Load {
            self.check_subscripter(value);
            self.check_index(value, slice);
        }
        self.visit_expr(value)?;
        self.visit_expr(slice)
    }

    /// `codegen_template_str`: the strings first, then the interpolations.
    fn template_str(&mut self, values: &'a [Expr]) -> CResult {
        let (interpolations, strings): (Vec<&'a Expr>, Vec<&'a Expr>) = values
            .iter()
            .partition(|v| matches!(v, Expr::Interpolation(_)));
        strings
            .into_iter()
            .chain(interpolations)
            .try_for_each(|v| self.visit_expr(v))
    }

    /// `check_caller`.
    fn check_caller(&mut self, func: &'a Expr) {
        let warns = matches!(
            func,
            Expr::Constant(_)
                | Expr::Tuple(_)
                | Expr::List(_)
                | Expr::ListComp(_)
                | Expr::Dict(_)
                | Expr::DictComp(_)
                | Expr::Set(_)
                | Expr::SetComp(_)
                | Expr::GeneratorExp(_)
                | Expr::JoinedStr(_)
                | Expr::TemplateStr(_)
                | Expr::FormattedValue(_)
                | Expr::Interpolation(_)
        );
        if let (true, Some(type_name)) = (warns, infer_type(func)) {
            let msg = format!("'{type_name}' object is not callable; perhaps you missed a comma?");
            self.warn(loc(&func.loc()), msg);
        }
    }

    /// `check_subscripter` (3.14.2: a template string is not subscriptable either).
    fn check_subscripter(&mut self, value: &'a Expr) {
        let warns = match value {
            Expr::Constant(c) => matches!(
                c.value,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Int(_)
                    | Constant::Bool(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
                    | Constant::FrozenSet(_)
            ),
            Expr::Set(_)
            | Expr::SetComp(_)
            | Expr::GeneratorExp(_)
            | Expr::Lambda(_)
            | Expr::TemplateStr(_)
            | Expr::Interpolation(_) => true,
            _ => false,
        };
        if let (true, Some(type_name)) = (warns, infer_type(value)) {
            let msg =
                format!("'{type_name}' object is not subscriptable; perhaps you missed a comma?");
            self.warn(loc(&value.loc()), msg);
        }
    }

    /// `check_index`: a sequence indexed by something that is not an integer or a slice (in
    /// 3.14.2, template strings are left to `check_subscripter`).
    fn check_index(&mut self, value: &'a Expr, index: &'a Expr) {
        let Some(index_type) = infer_type(index) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let warns = match value {
            Expr::Constant(c) => matches!(
                c.value,
                Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)
            ),
            Expr::Tuple(_)
            | Expr::List(_)
            | Expr::ListComp(_)
            | Expr::JoinedStr(_)
            | Expr::FormattedValue(_) => true,
            _ => false,
        };
        if let (true, Some(value_type)) = (warns, infer_type(value)) {
            let msg = format!(
                "{value_type} indices must be integers or slices, not {index_type}; \
                 perhaps you missed a comma?"
            );
            self.warn(loc(&value.loc()), msg);
        }
    }

    fn framed_comprehension(&mut self, node: ComprehensionNode<'a>) -> CResult {
        self.framed(Frame::Comprehension, |c| c.comprehension(node))
    }

    /// `codegen_comprehension`: an inlined comprehension (PEP 709) is compiled in the
    /// current unit, after its outermost iterable; any other in its own unit, its outermost
    /// iterable evaluated afterwards, in the enclosing unit.
    fn comprehension(&mut self, node: ComprehensionNode<'a>) -> CResult {
        let ste = self.lookup(node.key)?;
        let is_inlined = self.table.entry(ste).comp_inlined;
        let Some(outermost) = node.generators.first() else {
            return Err(self.system_error("comprehension with no generators"));
        };
        if is_inlined {
            self.visit_expr(&outermost.iter)?;
            self.unit.in_inlined_comp += 1;
        } else {
            self.enter_scope_of(ste, ScopeType::Comprehension);
        }
        self.comprehension_generator(&node, 0, is_inlined)?;
        if is_inlined {
            self.unit.in_inlined_comp -= 1;
            return Ok(());
        }
        self.exit_scope();
        self.visit_expr(&outermost.iter)
    }

    /// `codegen_comprehension_generator`.
    fn comprehension_generator(
        &mut self,
        node: &ComprehensionNode<'a>,
        gen_index: usize,
        iter_on_stack: bool,
    ) -> CResult {
        let Some(generator) = node.generators.get(gen_index) else {
            return Ok(());
        };
        self.framed(Frame::ComprehensionGenerator, |c| {
            if generator.is_async != 0 {
                c.async_comprehension_generator(node, generator, gen_index, iter_on_stack)
            } else {
                c.sync_comprehension_generator(node, generator, gen_index, iter_on_stack)
            }
        })
    }

    /// `codegen_sync_comprehension_generator`. (The `for y in [x]` idiom visits the one
    /// element instead of the display: the same nodes.)
    fn sync_comprehension_generator(
        &mut self,
        node: &ComprehensionNode<'a>,
        generator: &'a Comprehension,
        gen_index: usize,
        iter_on_stack: bool,
    ) -> CResult {
        if !iter_on_stack && gen_index > 0 {
            self.visit_expr(&generator.iter)?;
        }
        self.visit_expr(&generator.target)?;
        generator.ifs.iter().try_for_each(|e| self.jump_if(e))?;
        self.comprehension_rest(node, gen_index)
    }

    /// `codegen_async_comprehension_generator`: a frame block while it iterates.
    fn async_comprehension_generator(
        &mut self,
        node: &ComprehensionNode<'a>,
        generator: &'a Comprehension,
        gen_index: usize,
        iter_on_stack: bool,
    ) -> CResult {
        if !iter_on_stack && gen_index > 0 {
            self.visit_expr(&generator.iter)?;
        }
        let kind = FBlockType::AsyncComprehensionGenerator;
        self.push_fblock(loc(node.loc), kind, &[])?;
        self.visit_expr(&generator.target)?;
        generator.ifs.iter().try_for_each(|e| self.jump_if(e))?;
        self.comprehension_rest(node, gen_index)?;
        self.pop_fblock(kind);
        Ok(())
    }

    /// The next generator, or the element after the last one.
    fn comprehension_rest(&mut self, node: &ComprehensionNode<'a>, gen_index: usize) -> CResult {
        if gen_index + 1 < node.generators.len() {
            return self.comprehension_generator(node, gen_index + 1, false);
        }
        self.visit_expr(node.elt)?;
        if node.kind == ComprehensionKind::DictComp {
            self.visit_optional(node.val)?;
        }
        Ok(())
    }
}

/// `is_const_tuple`.
fn is_const_tuple(elts: &[Expr]) -> bool {
    elts.iter().all(|e| matches!(e, Expr::Constant(_)))
}

/// `check_is_arg`: false for a literal other than the named singletons.
fn check_is_arg(e: &Expr) -> bool {
    match e {
        Expr::Tuple(t) => !is_const_tuple(&t.elts),
        Expr::Constant(c) => matches!(
            c.value,
            Constant::None | Constant::Bool(_) | Constant::Ellipsis
        ),
        _ => true,
    }
}

/// `infer_type`: the name of the type an expression's value certainly has.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::GeneratorExp(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "str",
        Expr::TemplateStr(_) => "string.templatelib.Template",
        Expr::Interpolation(_) => "string.templatelib.Interpolation",
        Expr::Constant(c) => c.value.type_name(),
        _ => return None,
    })
}
