//! Port of Python/ast_preprocess.c (`_PyAST_Preprocess`): astfold_mod, astfold_body,
//! astfold_stmt, astfold_expr, astfold_pattern and their helpers (remove_docstring, fold_binop,
//! fold_const_match_patterns, make_const, the PEP 765 checks before_return and
//! before_loop_exit).
//!
//! What CPython 3.14 still does to the tree before code generation: drop docstrings at
//! optimize level 2, replace `__debug__` by its value, turn simple `%` formats of a tuple into
//! f-strings, fold the negative and complex number literals of match patterns, and warn about
//! `return`, `break` and `continue` that leave a `finally` block. (Constant folding of operators
//! moved to the flowgraph in 3.14.)
//!
//! ```
//! use pyc_ast::preprocess::{preprocess, PreprocessFlags, SyntaxWarning};
//! use pyc_ast::{read_dump, unparse::unparse};
//!
//! let mut tree = read_dump(
//!     "Module(body=[Expr(value=Name(id='__debug__', ctx=Load(), lineno=1, col_offset=0, \
//!      end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)])",
//! )
//! .unwrap();
//! let mut warnings: Vec<SyntaxWarning> = Vec::new();
//! preprocess(&mut tree, 1, PreprocessFlags::default(), &mut warnings).unwrap();
//! assert_eq!(unparse(&tree).unwrap(), "False");
//! ```

mod format;
pub(crate) mod number;
#[cfg(test)]
mod tests;

use crate::constant::Constant;
use crate::NodeBox;
use crate::{
    Arg, Arguments, ExceptHandler, Expr, ExprConstant, ExprContext, ExprJoinedStr, Keyword,
    Location, MatchCase, Mod, Operator, Pattern, Stmt, StmtPass, TypeParam, UnaryOp,
};
use number::AddSub;

/// How deep the tree may nest before preprocessing gives up with a `RecursionError`, as
/// CPython's `Py_EnterRecursiveCall(" during compilation")` does. CPython measures its C stack
/// and handles chains such as `1+1+...` tens of thousands of terms long; preprocessing runs
/// on a stack of at least [`STACK_SIZE`] bytes (see `crate::stack`), which this depth fits in.
pub const MAX_DEPTH: usize = 100_000;

/// The stack of the preprocessing thread: reserved, not committed, until the recursion uses it.
pub const STACK_SIZE: usize = 1 << 30;

/// The compiler flags preprocessing looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PreprocessFlags {
    /// `from __future__ import annotations` (`CO_FUTURE_ANNOTATIONS`): annotations are left as
    /// written.
    pub future_annotations: bool,
    /// Only check, never rewrite (`syntax_check_only`): what `ast.parse` without `optimize` does.
    pub syntax_check_only: bool,
    /// Emit the PEP 765 `SyntaxWarning`s; CPython does when compiling to code, not for
    /// `ast.parse`.
    pub enable_warnings: bool,
}

/// A `SyntaxWarning` raised while preprocessing, with the position of the statement it is
/// about (CPython reports `col_offset + 1` and `end_col_offset + 1` as the offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub message: String,
    pub loc: Location,
}

/// Where preprocessing delivers its warnings. Returning `Err` turns the warning into an error
/// (as `-W error` makes CPython raise it as a `SyntaxError`), which stops preprocessing.
pub trait WarningSink {
    fn syntax_warning(&mut self, warning: SyntaxWarning) -> std::result::Result<(), SyntaxWarning>;
}

/// Collects every warning and never fails.
impl WarningSink for Vec<SyntaxWarning> {
    fn syntax_warning(&mut self, warning: SyntaxWarning) -> std::result::Result<(), SyntaxWarning> {
        self.push(warning);
        Ok(())
    }
}

/// Why preprocessing stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreprocessError {
    /// A warning the sink turned into an error (CPython raises it as a `SyntaxError`).
    Warning(SyntaxWarning),
    /// The tree nests deeper than [`MAX_DEPTH`]: CPython's
    /// `RecursionError: maximum recursion depth exceeded during compilation`.
    Recursion,
}

impl std::fmt::Display for PreprocessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PreprocessError::Warning(warning) => write!(f, "SyntaxError: {}", warning.message),
            PreprocessError::Recursion => {
                write!(
                    f,
                    "RecursionError: {}",
                    crate::stack::STACK_OVERFLOW_MESSAGE
                )
            }
        }
    }
}

impl std::error::Error for PreprocessError {}

type Result<T = ()> = std::result::Result<T, PreprocessError>;

/// `_PyAST_Preprocess`: rewrites `tree` in place as CPython 3.14 does before code generation
/// at optimization level `optimize` (0, 1 or 2; `python -O` is 1, `-OO` is 2). `-1`, which
/// `compile()` reads as "the interpreter's level", is level 0, as in a `python` run without `-O`.
pub fn preprocess(
    tree: &mut Mod,
    optimize: i32,
    flags: PreprocessFlags,
    warnings: &mut (dyn WarningSink + Send),
) -> Result {
    let optimize = optimize.max(0);
    let run = || {
        let mut state = State {
            optimize,
            flags,
            warnings,
            cf_finally: Vec::new(),
            depth: 0,
        };
        state.fold_mod(tree)
    };
    // A panic (none is known) or no thread: CPython would raise MemoryError or RecursionError,
    // and the recursion error is the nearer one.
    crate::stack::on_deep_stack(STACK_SIZE, STACK_SIZE, run)
        .unwrap_or(Err(PreprocessError::Recursion))
}

/// `ControlFlowInFinallyContext` (PEP 765): what the innermost enclosing construct is.
#[derive(Clone, Copy)]
struct ControlFlowContext {
    in_finally: bool,
    in_funcdef: bool,
    in_loop: bool,
}

/// `_PyASTPreprocessState`.
struct State<'w> {
    optimize: i32,
    flags: PreprocessFlags,
    warnings: &'w mut (dyn WarningSink + Send),
    cf_finally: Vec<ControlFlowContext>,
    depth: usize,
}

/// `_PyAST_GetDocString`: whether a body starts with a string constant statement.
fn has_docstring(body: &[Stmt]) -> bool {
    matches!(
        body.first(),
        Some(Stmt::Expr(stmt)) if matches!(&stmt.value, Expr::Constant(c) if matches!(c.value, Constant::Str(_)))
    )
}

/// `remove_docstring`: a body that was only a docstring keeps a `pass` in its place.
fn remove_docstring(body: &mut Vec<Stmt>) {
    if body.len() == 1 {
        let loc = body[0].loc();
        // `pass` is four characters on the docstring's first line.
        let pass_loc = Location::new(loc.lineno, loc.col_offset, loc.lineno, loc.col_offset + 4);
        body[0] = Stmt::Pass(NodeBox::new(StmtPass { loc: pass_loc }));
    } else {
        body.remove(0);
    }
}

impl State<'_> {
    /// `ENTER_RECURSIVE`.
    fn enter(&mut self) -> Result {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(PreprocessError::Recursion);
        }
        Ok(())
    }

    /// `LEAVE_RECURSIVE`.
    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Runs `body` with a PEP 765 context pushed (`PUSH_CONTEXT` ... `POP_CONTEXT`).
    fn with_context(
        &mut self,
        context: ControlFlowContext,
        body: impl FnOnce(&mut Self) -> Result,
    ) -> Result {
        self.cf_finally.push(context);
        let result = body(self);
        self.cf_finally.pop();
        result
    }

    /// `control_flow_in_finally_warning`.
    fn finally_warning(&mut self, keyword: &str, loc: Location) -> Result {
        let warning = SyntaxWarning {
            message: format!("'{keyword}' in a 'finally' block"),
            loc,
        };
        self.warnings
            .syntax_warning(warning)
            .map_err(PreprocessError::Warning)
    }

    /// `before_return`.
    fn before_return(&mut self, loc: Location) -> Result {
        match self.cf_finally.last() {
            Some(ctx) if self.flags.enable_warnings && ctx.in_finally && !ctx.in_funcdef => {
                self.finally_warning("return", loc)
            }
            _ => Ok(()),
        }
    }

    /// `before_loop_exit`.
    fn before_loop_exit(&mut self, keyword: &str, loc: Location) -> Result {
        match self.cf_finally.last() {
            Some(ctx) if self.flags.enable_warnings && ctx.in_finally && !ctx.in_loop => {
                self.finally_warning(keyword, loc)
            }
            _ => Ok(()),
        }
    }

    /// `astfold_mod`.
    fn fold_mod(&mut self, tree: &mut Mod) -> Result {
        match tree {
            Mod::Module(module) => self.fold_body(&mut module.body),
            Mod::Interactive(interactive) => self.fold_stmts(&mut interactive.body),
            Mod::Expression(expression) => self.fold_expr(&mut expression.body),
            // Function type comments take no part in folding.
            Mod::FunctionType(_) => Ok(()),
        }
    }

    /// `astfold_body`: the body of a module, function or class, whose docstring level 2
    /// removes.
    fn fold_body(&mut self, body: &mut Vec<Stmt>) -> Result {
        let mut docstring = has_docstring(body);
        if docstring && self.optimize >= 2 {
            remove_docstring(body);
            docstring = false;
        }
        self.fold_stmts(body)?;
        if !docstring && has_docstring(body) {
            // A string that was not the docstring must not become one: wrap it in an f-string.
            if let Some(Stmt::Expr(stmt)) = body.first_mut() {
                let loc = stmt.loc;
                let value = std::mem::replace(&mut stmt.value, placeholder());
                stmt.value = Expr::JoinedStr(NodeBox::new(ExprJoinedStr {
                    loc,
                    values: vec![value],
                }));
            }
        }
        Ok(())
    }

    fn fold_stmts(&mut self, body: &mut [Stmt]) -> Result {
        body.iter_mut().try_for_each(|stmt| self.fold_stmt(stmt))
    }

    fn fold_exprs(&mut self, exprs: &mut [Expr]) -> Result {
        exprs.iter_mut().try_for_each(|expr| self.fold_expr(expr))
    }

    fn fold_opt_expr(&mut self, expr: &mut Option<Expr>) -> Result {
        match expr {
            Some(expr) => self.fold_expr(expr),
            None => Ok(()),
        }
    }

    /// An annotation, which `from __future__ import annotations` keeps as written.
    fn fold_annotation(&mut self, annotation: &mut Option<Expr>) -> Result {
        if self.flags.future_annotations {
            return Ok(());
        }
        self.fold_opt_expr(annotation)
    }

    /// `astfold_stmt`.
    fn fold_stmt(&mut self, node: &mut Stmt) -> Result {
        self.enter()?;
        let result = self.fold_stmt_inner(node);
        self.leave();
        result
    }

    fn fold_stmt_inner(&mut self, node: &mut Stmt) -> Result {
        const FUNC_BODY: ControlFlowContext = ControlFlowContext {
            in_finally: false,
            in_funcdef: true,
            in_loop: false,
        };
        const LOOP_BODY: ControlFlowContext = ControlFlowContext {
            in_finally: false,
            in_funcdef: false,
            in_loop: true,
        };
        const FINALLY: ControlFlowContext = ControlFlowContext {
            in_finally: true,
            in_funcdef: false,
            in_loop: false,
        };
        match node {
            Stmt::FunctionDef(def) => {
                self.fold_type_params(&mut def.type_params)?;
                self.fold_arguments(&mut def.args)?;
                self.with_context(FUNC_BODY, |s| s.fold_body(&mut def.body))?;
                self.fold_exprs(&mut def.decorator_list)?;
                self.fold_annotation(&mut def.returns)
            }
            Stmt::AsyncFunctionDef(def) => {
                self.fold_type_params(&mut def.type_params)?;
                self.fold_arguments(&mut def.args)?;
                self.with_context(FUNC_BODY, |s| s.fold_body(&mut def.body))?;
                self.fold_exprs(&mut def.decorator_list)?;
                self.fold_annotation(&mut def.returns)
            }
            Stmt::ClassDef(class) => {
                self.fold_type_params(&mut class.type_params)?;
                self.fold_exprs(&mut class.bases)?;
                self.fold_keywords(&mut class.keywords)?;
                self.fold_body(&mut class.body)?;
                self.fold_exprs(&mut class.decorator_list)
            }
            Stmt::Return(ret) => {
                self.before_return(ret.loc)?;
                self.fold_opt_expr(&mut ret.value)
            }
            Stmt::Delete(delete) => self.fold_exprs(&mut delete.targets),
            Stmt::Assign(assign) => {
                self.fold_exprs(&mut assign.targets)?;
                self.fold_expr(&mut assign.value)
            }
            Stmt::AugAssign(aug) => {
                self.fold_expr(&mut aug.target)?;
                self.fold_expr(&mut aug.value)
            }
            Stmt::AnnAssign(ann) => {
                self.fold_expr(&mut ann.target)?;
                if !self.flags.future_annotations {
                    self.fold_expr(&mut ann.annotation)?;
                }
                self.fold_opt_expr(&mut ann.value)
            }
            Stmt::TypeAlias(alias) => {
                self.fold_expr(&mut alias.name)?;
                self.fold_type_params(&mut alias.type_params)?;
                self.fold_expr(&mut alias.value)
            }
            Stmt::For(node) => {
                self.fold_expr(&mut node.target)?;
                self.fold_expr(&mut node.iter)?;
                self.with_context(LOOP_BODY, |s| s.fold_stmts(&mut node.body))?;
                self.fold_stmts(&mut node.orelse)
            }
            Stmt::AsyncFor(node) => {
                self.fold_expr(&mut node.target)?;
                self.fold_expr(&mut node.iter)?;
                self.with_context(LOOP_BODY, |s| s.fold_stmts(&mut node.body))?;
                self.fold_stmts(&mut node.orelse)
            }
            Stmt::While(node) => {
                self.fold_expr(&mut node.test)?;
                self.with_context(LOOP_BODY, |s| s.fold_stmts(&mut node.body))?;
                self.fold_stmts(&mut node.orelse)
            }
            Stmt::If(node) => {
                self.fold_expr(&mut node.test)?;
                self.fold_stmts(&mut node.body)?;
                self.fold_stmts(&mut node.orelse)
            }
            Stmt::With(node) => {
                for item in &mut node.items {
                    self.fold_expr(&mut item.context_expr)?;
                    self.fold_opt_expr(&mut item.optional_vars)?;
                }
                self.fold_stmts(&mut node.body)
            }
            Stmt::AsyncWith(node) => {
                for item in &mut node.items {
                    self.fold_expr(&mut item.context_expr)?;
                    self.fold_opt_expr(&mut item.optional_vars)?;
                }
                self.fold_stmts(&mut node.body)
            }
            Stmt::Raise(raise) => {
                self.fold_opt_expr(&mut raise.exc)?;
                self.fold_opt_expr(&mut raise.cause)
            }
            Stmt::Try(node) => {
                self.fold_stmts(&mut node.body)?;
                self.fold_handlers(&mut node.handlers)?;
                self.fold_stmts(&mut node.orelse)?;
                self.with_context(FINALLY, |s| s.fold_stmts(&mut node.finalbody))
            }
            Stmt::TryStar(node) => {
                self.fold_stmts(&mut node.body)?;
                self.fold_handlers(&mut node.handlers)?;
                self.fold_stmts(&mut node.orelse)?;
                self.with_context(FINALLY, |s| s.fold_stmts(&mut node.finalbody))
            }
            Stmt::Assert(node) => {
                self.fold_expr(&mut node.test)?;
                self.fold_opt_expr(&mut node.msg)
            }
            Stmt::Expr(node) => self.fold_expr(&mut node.value),
            Stmt::Match(node) => {
                self.fold_expr(&mut node.subject)?;
                node.cases
                    .iter_mut()
                    .try_for_each(|case| self.fold_match_case(case))
            }
            Stmt::Break(node) => self.before_loop_exit("break", node.loc),
            Stmt::Continue(node) => self.before_loop_exit("continue", node.loc),
            Stmt::Import(_)
            | Stmt::ImportFrom(_)
            | Stmt::Global(_)
            | Stmt::Nonlocal(_)
            | Stmt::Pass(_) => Ok(()),
        }
    }

    /// `astfold_excepthandler`.
    fn fold_handlers(&mut self, handlers: &mut [ExceptHandler]) -> Result {
        handlers.iter_mut().try_for_each(|handler| {
            let ExceptHandler::ExceptHandler(handler) = handler;
            self.fold_opt_expr(&mut handler.type_)?;
            self.fold_stmts(&mut handler.body)
        })
    }

    /// `astfold_keyword`.
    fn fold_keywords(&mut self, keywords: &mut [Keyword]) -> Result {
        keywords
            .iter_mut()
            .try_for_each(|keyword| self.fold_expr(&mut keyword.value))
    }

    /// `astfold_arguments`.
    fn fold_arguments(&mut self, args: &mut Arguments) -> Result {
        self.fold_args(&mut args.posonlyargs)?;
        self.fold_args(&mut args.args)?;
        if let Some(vararg) = &mut args.vararg {
            self.fold_arg(vararg)?;
        }
        self.fold_args(&mut args.kwonlyargs)?;
        for default in &mut args.kw_defaults {
            self.fold_opt_expr(default)?;
        }
        if let Some(kwarg) = &mut args.kwarg {
            self.fold_arg(kwarg)?;
        }
        self.fold_exprs(&mut args.defaults)
    }

    fn fold_args(&mut self, args: &mut [Arg]) -> Result {
        args.iter_mut().try_for_each(|arg| self.fold_arg(arg))
    }

    /// `astfold_arg`.
    fn fold_arg(&mut self, arg: &mut Arg) -> Result {
        self.fold_annotation(&mut arg.annotation)
    }

    /// `astfold_type_param`.
    fn fold_type_params(&mut self, type_params: &mut [TypeParam]) -> Result {
        type_params.iter_mut().try_for_each(|param| match param {
            TypeParam::TypeVar(var) => {
                self.fold_opt_expr(&mut var.bound)?;
                self.fold_opt_expr(&mut var.default_value)
            }
            TypeParam::ParamSpec(spec) => self.fold_opt_expr(&mut spec.default_value),
            TypeParam::TypeVarTuple(var) => self.fold_opt_expr(&mut var.default_value),
        })
    }

    /// `astfold_comprehension` for each generator.
    fn fold_generators(&mut self, generators: &mut [crate::Comprehension]) -> Result {
        generators.iter_mut().try_for_each(|generator| {
            self.fold_expr(&mut generator.target)?;
            self.fold_expr(&mut generator.iter)?;
            self.fold_exprs(&mut generator.ifs)
        })
    }

    /// `astfold_expr`.
    fn fold_expr(&mut self, node: &mut Expr) -> Result {
        self.enter()?;
        let result = self.fold_expr_inner(node);
        self.leave();
        result
    }

    fn fold_expr_inner(&mut self, node: &mut Expr) -> Result {
        match node {
            Expr::BoolOp(node) => self.fold_exprs(&mut node.values),
            Expr::BinOp(binop) => {
                self.fold_expr(&mut binop.left)?;
                self.fold_expr(&mut binop.right)?;
                self.fold_binop(node);
                Ok(())
            }
            Expr::UnaryOp(node) => self.fold_expr(&mut node.operand),
            Expr::Lambda(node) => {
                self.fold_arguments(&mut node.args)?;
                self.fold_expr(&mut node.body)
            }
            Expr::IfExp(node) => {
                self.fold_expr(&mut node.test)?;
                self.fold_expr(&mut node.body)?;
                self.fold_expr(&mut node.orelse)
            }
            Expr::Dict(node) => {
                for key in &mut node.keys {
                    self.fold_opt_expr(key)?;
                }
                self.fold_exprs(&mut node.values)
            }
            Expr::Set(node) => self.fold_exprs(&mut node.elts),
            Expr::ListComp(node) => {
                self.fold_expr(&mut node.elt)?;
                self.fold_generators(&mut node.generators)
            }
            Expr::SetComp(node) => {
                self.fold_expr(&mut node.elt)?;
                self.fold_generators(&mut node.generators)
            }
            Expr::DictComp(node) => {
                self.fold_expr(&mut node.key)?;
                self.fold_expr(&mut node.value)?;
                self.fold_generators(&mut node.generators)
            }
            Expr::GeneratorExp(node) => {
                self.fold_expr(&mut node.elt)?;
                self.fold_generators(&mut node.generators)
            }
            Expr::Await(node) => self.fold_expr(&mut node.value),
            Expr::Yield(node) => self.fold_opt_expr(&mut node.value),
            Expr::YieldFrom(node) => self.fold_expr(&mut node.value),
            Expr::Compare(node) => {
                self.fold_expr(&mut node.left)?;
                self.fold_exprs(&mut node.comparators)
            }
            Expr::Call(node) => {
                self.fold_expr(&mut node.func)?;
                self.fold_exprs(&mut node.args)?;
                self.fold_keywords(&mut node.keywords)
            }
            Expr::FormattedValue(node) => {
                self.fold_expr(&mut node.value)?;
                self.fold_opt_expr(&mut node.format_spec)
            }
            Expr::Interpolation(node) => {
                self.fold_expr(&mut node.value)?;
                self.fold_opt_expr(&mut node.format_spec)
            }
            Expr::JoinedStr(node) => self.fold_exprs(&mut node.values),
            Expr::TemplateStr(node) => self.fold_exprs(&mut node.values),
            Expr::Attribute(node) => self.fold_expr(&mut node.value),
            Expr::Subscript(node) => {
                self.fold_expr(&mut node.value)?;
                self.fold_expr(&mut node.slice)
            }
            Expr::Starred(node) => self.fold_expr(&mut node.value),
            Expr::Slice(node) => {
                self.fold_opt_expr(&mut node.lower)?;
                self.fold_opt_expr(&mut node.upper)?;
                self.fold_opt_expr(&mut node.step)
            }
            Expr::List(node) => self.fold_exprs(&mut node.elts),
            Expr::Tuple(node) => self.fold_exprs(&mut node.elts),
            Expr::Name(name) => {
                let is_debug = name.ctx == ExprContext::Load && &*name.id == "__debug__";
                if is_debug && !self.flags.syntax_check_only {
                    make_const(node, Constant::Bool(self.optimize == 0));
                }
                Ok(())
            }
            Expr::NamedExpr(node) => self.fold_expr(&mut node.value),
            Expr::Constant(_) => Ok(()),
        }
    }

    /// `fold_binop`: only the `%` format of a str constant and a tuple is folded in 3.14.
    fn fold_binop(&mut self, node: &mut Expr) {
        if self.flags.syntax_check_only {
            return;
        }
        if matches!(node, Expr::BinOp(binop) if binop.op == Operator::Mod) {
            format::optimize_format(node);
        }
    }

    /// `astfold_match_case`.
    fn fold_match_case(&mut self, case: &mut MatchCase) -> Result {
        self.fold_pattern(&mut case.pattern)?;
        self.fold_opt_expr(&mut case.guard)?;
        self.fold_stmts(&mut case.body)
    }

    /// `astfold_pattern`.
    fn fold_pattern(&mut self, node: &mut Pattern) -> Result {
        self.enter()?;
        let result = self.fold_pattern_inner(node);
        self.leave();
        result
    }

    fn fold_pattern_inner(&mut self, node: &mut Pattern) -> Result {
        match node {
            Pattern::MatchValue(node) => self.fold_const_match_pattern(&mut node.value),
            Pattern::MatchSingleton(_) | Pattern::MatchStar(_) => Ok(()),
            Pattern::MatchSequence(node) => self.fold_patterns(&mut node.patterns),
            Pattern::MatchMapping(node) => {
                for key in &mut node.keys {
                    self.fold_const_match_pattern(key)?;
                }
                self.fold_patterns(&mut node.patterns)
            }
            Pattern::MatchClass(node) => {
                self.fold_expr(&mut node.cls)?;
                self.fold_patterns(&mut node.patterns)?;
                self.fold_patterns(&mut node.kwd_patterns)
            }
            Pattern::MatchAs(node) => match &mut node.pattern {
                Some(pattern) => self.fold_pattern(pattern),
                None => Ok(()),
            },
            Pattern::MatchOr(node) => self.fold_patterns(&mut node.patterns),
        }
    }

    fn fold_patterns(&mut self, patterns: &mut [Pattern]) -> Result {
        patterns
            .iter_mut()
            .try_for_each(|pattern| self.fold_pattern(pattern))
    }

    /// `fold_const_match_patterns`: `-1`, `1 + 2j` and `-1 - 2j` in a pattern become constants.
    fn fold_const_match_pattern(&mut self, node: &mut Expr) -> Result {
        if self.flags.syntax_check_only {
            return Ok(());
        }
        self.enter()?;
        let folded = match node {
            Expr::UnaryOp(unary) if unary.op == UnaryOp::USub => match &unary.operand {
                Expr::Constant(operand) => number::negative(&operand.value),
                _ => None,
            },
            Expr::BinOp(binop)
                if matches!(binop.op, Operator::Add | Operator::Sub)
                    && matches!(binop.right, Expr::Constant(_)) =>
            {
                let op = if binop.op == Operator::Add {
                    AddSub::Add
                } else {
                    AddSub::Sub
                };
                let result = self.fold_const_match_pattern(&mut binop.left);
                if let Err(error) = result {
                    self.leave();
                    return Err(error);
                }
                match (&binop.left, &binop.right) {
                    (Expr::Constant(left), Expr::Constant(right)) => {
                        number::add_sub(op, &left.value, &right.value)
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(value) = folded {
            make_const(node, value);
        }
        self.leave();
        Ok(())
    }
}

/// `make_const`: the node becomes a constant in place, keeping its position.
fn make_const(node: &mut Expr, value: Constant) {
    let loc = node.loc();
    *node = Expr::Constant(NodeBox::new(ExprConstant {
        loc,
        value,
        kind: None,
    }));
}

/// What briefly stands in a statement while its value is moved out.
fn placeholder() -> Expr {
    Expr::Constant(NodeBox::new(ExprConstant {
        loc: Location::default(),
        value: Constant::None,
        kind: None,
    }))
}
