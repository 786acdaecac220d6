//! Port of Python/symtable.c: symtable_visit_type_param,
//! symtable_visit_type_param_bound_or_default, symtable_implicit_arg, symtable_visit_params,
//! symtable_visit_annotation, symtable_visit_argannotations, symtable_visit_annotations,
//! symtable_visit_arguments.

use pyc_ast::{Arg, Arguments, Expr, TypeParam};
use pyc_future::CompilerFlags;

use super::{expr_loc, loc};
use crate::build::{Builder, VisitResult};
use crate::entry::{BlockKey, SrcLoc};
use crate::flags::{BlockType, SymbolFlags};

impl Builder<'_> {
    /// `symtable_visit_type_param_bound_or_default`.
    pub(crate) fn visit_type_param_bound_or_default(
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
    pub(crate) fn visit_type_param(&mut self, tp: &TypeParam) -> VisitResult {
        self.enter_recursive()?;
        self.visit_type_param_inner(tp)?;
        self.leave_recursive();
        Ok(())
    }

    pub(crate) fn visit_type_param_inner(&mut self, tp: &TypeParam) -> VisitResult {
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

    /// `symtable_implicit_arg`: the `.0` parameter of a comprehension.
    pub(crate) fn implicit_arg(&mut self, pos: usize) -> VisitResult {
        let l = self.cur().loc;
        self.add_def(&format!(".{pos}"), SymbolFlags::DEF_PARAM, l)
    }

    /// `symtable_visit_params`.
    pub(crate) fn visit_params(&mut self, args: &[Arg]) -> VisitResult {
        for arg in args {
            self.add_def(&arg.arg, SymbolFlags::DEF_PARAM, loc(&arg.loc))?;
        }
        Ok(())
    }

    /// `symtable_visit_annotation`: an annotated assignment's annotation, in the block's
    /// `__annotate__` scope (created by the first one).
    pub(crate) fn visit_annotation(&mut self, annotation: &Expr, key: BlockKey) -> VisitResult {
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
    pub(crate) fn visit_argannotations(&mut self, args: &[Arg]) -> VisitResult {
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
    pub(crate) fn visit_annotations(
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
    pub(crate) fn visit_arguments(&mut self, a: &Arguments) -> VisitResult {
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
}
