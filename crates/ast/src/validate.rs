//! Port of Python/ast.c (`_PyAST_Validate`): validate_stmt, validate_expr, validate_pattern,
//! validate_arguments, validate_typeparam and their helpers, plus the "required field"
//! position checks of Python/Python-ast.c (obj2ast) that a hand-built tree meets first.
//!
//! `compile()` runs these checks on a tree built by hand (a tree from the parser always passes).
//! The error is CPython's exception type and message, word for word.
//!
//! ```
//! use pyc_ast::read_dump;
//! use pyc_ast::validate::validate;
//!
//! let tree = read_dump(
//!     "Module(body=[Expr(value=Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, \
//!      end_col_offset=1), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)])",
//! )
//! .unwrap();
//! let error = validate(&tree).unwrap_err();
//! assert_eq!(error.to_string(), "ValueError: expression must have Load context but has Store instead");
//! ```

use crate::constant::Constant;
use crate::location::present;
use crate::visitor::{self, Visitor};
use crate::{
    Alias, Arg, Arguments, Comprehension, ExceptHandler, Expr, ExprContext, Identifier, Keyword,
    Location, MatchCase, Mod, Operator, Pattern, Stmt, TypeParam, UnaryOp, WithItem,
};

/// How deep validation follows the tree before giving up with a `RecursionError`, as CPython's
/// `Py_EnterRecursiveCall(" during compilation")` does. CPython measures its C stack; validation
/// runs on a stack of at least [`STACK_SIZE`] bytes (see `crate::stack`), which this depth fits in.
pub const MAX_DEPTH: usize = 100_000;

/// The stack of the validating thread: reserved, not committed, until the recursion uses it.
pub const STACK_SIZE: usize = 1 << 30;

/// The exception `compile()` raises for an invalid tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// `"ValueError"`, `"TypeError"` or `"RecursionError"`.
    pub exc_type: &'static str,
    pub message: String,
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.exc_type, self.message)
    }
}

impl std::error::Error for ValidationError {}

type Result<T = ()> = std::result::Result<T, ValidationError>;

fn value_error(message: impl Into<String>) -> ValidationError {
    ValidationError {
        exc_type: "ValueError",
        message: message.into(),
    }
}

fn type_error(message: impl Into<String>) -> ValidationError {
    ValidationError {
        exc_type: "TypeError",
        message: message.into(),
    }
}

/// Checks `tree` as `compile(tree, filename, mode)` does before compiling it: first that every
/// node has its required positions (`obj2ast`), then `_PyAST_Validate`.
pub fn validate(tree: &Mod) -> Result {
    // A panic (none is known) is reported as the nearest error CPython has.
    crate::stack::on_deep_stack(STACK_SIZE, STACK_SIZE, || validate_on_this_thread(tree))
        .unwrap_or_else(|_| Err(recursion_error()))
}

fn recursion_error() -> ValidationError {
    ValidationError {
        exc_type: "RecursionError",
        message: crate::stack::STACK_OVERFLOW_MESSAGE.to_string(),
    }
}

fn validate_on_this_thread(tree: &Mod) -> Result {
    check_required_positions(tree)?;
    let mut validator = Validator { depth: 0 };
    match tree {
        Mod::Module(module) => validator.stmts(&module.body),
        Mod::Interactive(interactive) => validator.stmts(&interactive.body),
        Mod::Expression(expression) => validator.expr(&expression.body, ExprContext::Load),
        Mod::FunctionType(function_type) => {
            validator.exprs(&function_type.argtypes, ExprContext::Load)?;
            validator.expr(&function_type.returns, ExprContext::Load)
        }
    }
}

/// `obj2ast`: `lineno` and `col_offset` are required of every node that has positions; the end
/// positions default to the start.
fn check_required_positions(tree: &Mod) -> Result {
    let mut checker = RequiredPositions {
        error: None,
        depth: 0,
    };
    checker.visit_mod(tree);
    checker.error.map_or(Ok(()), Err)
}

struct RequiredPositions {
    error: Option<ValidationError>,
    /// Nesting of statements, expressions and patterns; past [`MAX_DEPTH`] the walk stops and
    /// the validator proper reports the recursion error.
    depth: usize,
}

impl RequiredPositions {
    fn nested(&mut self, walk: impl FnOnce(&mut Self)) {
        if self.depth < MAX_DEPTH {
            self.depth += 1;
            walk(self);
            self.depth -= 1;
        }
    }

    fn check(&mut self, loc: Location, type_name: &str) {
        if self.error.is_some() {
            return;
        }
        let missing = if present(loc.lineno).is_none() {
            "lineno"
        } else if present(loc.col_offset).is_none() {
            "col_offset"
        } else {
            return;
        };
        self.error = Some(type_error(format!(
            "required field \"{missing}\" missing from {type_name}"
        )));
    }
}

impl<'a> Visitor<'a> for RequiredPositions {
    fn visit_stmt(&mut self, node: &'a Stmt) {
        self.check(node.loc(), "stmt");
        self.nested(|checker| visitor::walk_stmt(checker, node));
    }
    fn visit_expr(&mut self, node: &'a Expr) {
        self.check(node.loc(), "expr");
        self.nested(|checker| visitor::walk_expr(checker, node));
    }
    fn visit_except_handler(&mut self, node: &'a ExceptHandler) {
        self.check(node.loc(), "excepthandler");
        visitor::walk_except_handler(self, node);
    }
    fn visit_pattern(&mut self, node: &'a Pattern) {
        self.check(node.loc(), "pattern");
        self.nested(|checker| visitor::walk_pattern(checker, node));
    }
    fn visit_type_param(&mut self, node: &'a TypeParam) {
        self.check(node.loc(), "type_param");
        visitor::walk_type_param(self, node);
    }
    fn visit_arg(&mut self, node: &'a Arg) {
        visitor::walk_arg(self, node);
        self.check(node.loc, "arg");
    }
    fn visit_keyword(&mut self, node: &'a Keyword) {
        visitor::walk_keyword(self, node);
        self.check(node.loc, "keyword");
    }
    fn visit_alias(&mut self, node: &'a Alias) {
        visitor::walk_alias(self, node);
        self.check(node.loc, "alias");
    }
}

/// `VALIDATE_POSITIONS`, with absent end positions read as the start (obj2ast's default).
fn validate_positions(loc: Location) -> Result {
    let lineno = loc.lineno;
    let col_offset = loc.col_offset;
    let end_lineno = present(loc.end_lineno).unwrap_or(lineno);
    let end_col_offset = present(loc.end_col_offset).unwrap_or(col_offset);
    if lineno > end_lineno {
        return Err(value_error(format!(
            "AST node line range ({lineno}, {end_lineno}) is not valid"
        )));
    }
    if (lineno < 0 && end_lineno != lineno) || (col_offset < 0 && col_offset != end_col_offset) {
        return Err(value_error(format!(
            "AST node column range ({col_offset}, {end_col_offset}) for line range \
             ({lineno}, {end_lineno}) is not valid"
        )));
    }
    if lineno == end_lineno && col_offset > end_col_offset {
        return Err(value_error(format!(
            "line {lineno}, column {col_offset}-{end_col_offset} is not a valid range"
        )));
    }
    Ok(())
}

/// `validate_name`: an identifier may not spell one of the constant keywords.
fn validate_name(name: &Identifier) -> Result {
    for forbidden in ["None", "True", "False"] {
        if &**name == forbidden {
            return Err(value_error(format!(
                "identifier field can't represent '{forbidden}' constant"
            )));
        }
    }
    Ok(())
}

/// `validate_capture`.
fn validate_capture(name: &Identifier) -> Result {
    if &**name == "_" {
        return Err(value_error("can't capture name '_' in patterns"));
    }
    validate_name(name)
}

/// `_validate_nonempty_seq`.
fn validate_nonempty<T>(seq: &[T], what: &str, owner: &str) -> Result {
    if seq.is_empty() {
        return Err(value_error(format!("empty {what} on {owner}")));
    }
    Ok(())
}

/// The context an expression kind carries, if it carries one.
fn expr_context(node: &Expr) -> Option<ExprContext> {
    match node {
        Expr::Attribute(n) => Some(n.ctx),
        Expr::Subscript(n) => Some(n.ctx),
        Expr::Starred(n) => Some(n.ctx),
        Expr::Name(n) => Some(n.ctx),
        Expr::List(n) => Some(n.ctx),
        Expr::Tuple(n) => Some(n.ctx),
        _ => None,
    }
}

/// `ensure_literal_number`.
fn is_literal_number(node: &Expr, allow_real: bool, allow_imaginary: bool) -> bool {
    match node {
        Expr::Constant(c) => match c.value {
            Constant::Int(_) | Constant::Float(_) => allow_real,
            Constant::Complex { .. } => allow_imaginary,
            _ => false,
        },
        _ => false,
    }
}

/// `ensure_literal_negative`: `-<number>`.
fn is_literal_negative(node: &Expr, allow_real: bool, allow_imaginary: bool) -> bool {
    match node {
        Expr::UnaryOp(unary) => {
            unary.op == UnaryOp::USub
                && is_literal_number(&unary.operand, allow_real, allow_imaginary)
        }
        _ => false,
    }
}

/// `ensure_literal_complex`: `<real> +/- <imaginary>`, the real part possibly negated.
fn is_literal_complex(node: &Expr) -> bool {
    let Expr::BinOp(binop) = node else {
        return false;
    };
    if !matches!(binop.op, Operator::Add | Operator::Sub) {
        return false;
    }
    let left_ok = match &binop.left {
        Expr::Constant(_) => is_literal_number(&binop.left, true, false),
        Expr::UnaryOp(_) => is_literal_negative(&binop.left, true, false),
        _ => false,
    };
    left_ok && is_literal_number(&binop.right, false, true)
}

struct Validator {
    depth: usize,
}

impl Validator {
    /// `ENTER_RECURSIVE` ... `LEAVE_RECURSIVE` around `body`.
    fn recursive(&mut self, body: impl FnOnce(&mut Self) -> Result) -> Result {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(recursion_error());
        }
        let result = body(self);
        self.depth -= 1;
        result
    }

    /// `validate_stmts`.
    fn stmts(&mut self, body: &[Stmt]) -> Result {
        body.iter().try_for_each(|stmt| self.stmt(stmt))
    }

    /// `validate_body`.
    fn body(&mut self, body: &[Stmt], owner: &str) -> Result {
        validate_nonempty(body, "body", owner)?;
        self.stmts(body)
    }

    /// `validate_exprs` without `None` items.
    fn exprs(&mut self, exprs: &[Expr], ctx: ExprContext) -> Result {
        exprs.iter().try_for_each(|expr| self.expr(expr, ctx))
    }

    /// `validate_exprs` with `null_ok`.
    fn opt_exprs(&mut self, exprs: &[Option<Expr>], ctx: ExprContext) -> Result {
        exprs
            .iter()
            .flatten()
            .try_for_each(|expr| self.expr(expr, ctx))
    }

    fn opt_expr(&mut self, expr: &Option<Expr>, ctx: ExprContext) -> Result {
        match expr {
            Some(expr) => self.expr(expr, ctx),
            None => Ok(()),
        }
    }

    /// `validate_assignlist`.
    fn assign_list(&mut self, targets: &[Expr], ctx: ExprContext) -> Result {
        let owner = if ctx == ExprContext::Del {
            "Delete"
        } else {
            "Assign"
        };
        validate_nonempty(targets, "targets", owner)?;
        self.exprs(targets, ctx)
    }

    /// `validate_stmt`.
    fn stmt(&mut self, node: &Stmt) -> Result {
        validate_positions(node.loc())?;
        self.recursive(|v| v.stmt_inner(node))
    }

    fn stmt_inner(&mut self, node: &Stmt) -> Result {
        use ExprContext::{Del, Load, Store};
        match node {
            Stmt::FunctionDef(def) => {
                self.body(&def.body, "FunctionDef")?;
                self.type_params(&def.type_params)?;
                self.arguments(&def.args)?;
                self.exprs(&def.decorator_list, Load)?;
                self.opt_expr(&def.returns, Load)
            }
            Stmt::AsyncFunctionDef(def) => {
                self.body(&def.body, "AsyncFunctionDef")?;
                self.type_params(&def.type_params)?;
                self.arguments(&def.args)?;
                self.exprs(&def.decorator_list, Load)?;
                self.opt_expr(&def.returns, Load)
            }
            Stmt::ClassDef(class) => {
                self.body(&class.body, "ClassDef")?;
                self.type_params(&class.type_params)?;
                self.exprs(&class.bases, Load)?;
                self.keywords(&class.keywords)?;
                self.exprs(&class.decorator_list, Load)
            }
            Stmt::Return(ret) => self.opt_expr(&ret.value, Load),
            Stmt::Delete(delete) => self.assign_list(&delete.targets, Del),
            Stmt::Assign(assign) => {
                self.assign_list(&assign.targets, Store)?;
                self.expr(&assign.value, Load)
            }
            Stmt::AugAssign(aug) => {
                self.expr(&aug.target, Store)?;
                self.expr(&aug.value, Load)
            }
            Stmt::AnnAssign(ann) => {
                if !matches!(ann.target, Expr::Name(_)) && ann.simple != 0 {
                    return Err(type_error("AnnAssign with simple non-Name target"));
                }
                self.expr(&ann.target, Store)?;
                self.opt_expr(&ann.value, Load)?;
                self.expr(&ann.annotation, Load)
            }
            Stmt::TypeAlias(alias) => {
                if !matches!(alias.name, Expr::Name(_)) {
                    return Err(type_error("TypeAlias with non-Name name"));
                }
                self.expr(&alias.name, Store)?;
                self.type_params(&alias.type_params)?;
                self.expr(&alias.value, Load)
            }
            Stmt::For(node) => {
                self.expr(&node.target, Store)?;
                self.expr(&node.iter, Load)?;
                self.body(&node.body, "For")?;
                self.stmts(&node.orelse)
            }
            Stmt::AsyncFor(node) => {
                self.expr(&node.target, Store)?;
                self.expr(&node.iter, Load)?;
                self.body(&node.body, "AsyncFor")?;
                self.stmts(&node.orelse)
            }
            Stmt::While(node) => {
                self.expr(&node.test, Load)?;
                self.body(&node.body, "While")?;
                self.stmts(&node.orelse)
            }
            Stmt::If(node) => {
                self.expr(&node.test, Load)?;
                self.body(&node.body, "If")?;
                self.stmts(&node.orelse)
            }
            Stmt::With(node) => {
                self.with_items(&node.items, "With")?;
                self.body(&node.body, "With")
            }
            Stmt::AsyncWith(node) => {
                self.with_items(&node.items, "AsyncWith")?;
                self.body(&node.body, "AsyncWith")
            }
            Stmt::Match(node) => {
                self.expr(&node.subject, Load)?;
                validate_nonempty(&node.cases, "cases", "Match")?;
                node.cases.iter().try_for_each(|case| self.match_case(case))
            }
            Stmt::Raise(raise) => match &raise.exc {
                Some(exc) => {
                    self.expr(exc, Load)?;
                    self.opt_expr(&raise.cause, Load)
                }
                None if raise.cause.is_some() => {
                    Err(value_error("Raise with cause but no exception"))
                }
                None => Ok(()),
            },
            Stmt::Try(node) => self.try_stmt(
                "Try",
                (&node.body, &node.handlers, &node.orelse, &node.finalbody),
                true,
            ),
            Stmt::TryStar(node) => self.try_stmt(
                "TryStar",
                (&node.body, &node.handlers, &node.orelse, &node.finalbody),
                false,
            ),
            Stmt::Assert(node) => {
                self.expr(&node.test, Load)?;
                self.opt_expr(&node.msg, Load)
            }
            Stmt::Import(node) => validate_nonempty(&node.names, "names", "Import"),
            Stmt::ImportFrom(node) => {
                if node.level.unwrap_or(0) < 0 {
                    return Err(value_error("Negative ImportFrom level"));
                }
                validate_nonempty(&node.names, "names", "ImportFrom")
            }
            Stmt::Global(node) => validate_nonempty(&node.names, "names", "Global"),
            Stmt::Nonlocal(node) => validate_nonempty(&node.names, "names", "Nonlocal"),
            Stmt::Expr(node) => self.expr(&node.value, Load),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
        }
    }

    /// `Try` and `TryStar`; only `Try` checks its handlers' positions (as CPython 3.14 does).
    fn try_stmt(
        &mut self,
        owner: &str,
        node: (&[Stmt], &[ExceptHandler], &[Stmt], &[Stmt]),
        check_handler_positions: bool,
    ) -> Result {
        let (body, handlers, orelse, finalbody) = node;
        self.body(body, owner)?;
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(value_error(format!(
                "{owner} has neither except handlers nor finalbody"
            )));
        }
        if handlers.is_empty() && !orelse.is_empty() {
            return Err(value_error(format!(
                "{owner} has orelse but no except handlers"
            )));
        }
        for handler in handlers {
            if check_handler_positions {
                validate_positions(handler.loc())?;
            }
            let ExceptHandler::ExceptHandler(handler) = handler;
            self.opt_expr(&handler.type_, ExprContext::Load)?;
            self.body(&handler.body, "ExceptHandler")?;
        }
        self.stmts(finalbody)?;
        self.stmts(orelse)
    }

    /// The items of `With` and `AsyncWith`.
    fn with_items(&mut self, items: &[WithItem], owner: &str) -> Result {
        validate_nonempty(items, "items", owner)?;
        items.iter().try_for_each(|item| {
            self.expr(&item.context_expr, ExprContext::Load)?;
            self.opt_expr(&item.optional_vars, ExprContext::Store)
        })
    }

    /// `validate_keywords`.
    fn keywords(&mut self, keywords: &[Keyword]) -> Result {
        keywords
            .iter()
            .try_for_each(|keyword| self.expr(&keyword.value, ExprContext::Load))
    }

    /// `validate_args`.
    fn args(&mut self, args: &[Arg]) -> Result {
        args.iter().try_for_each(|arg| {
            validate_positions(arg.loc)?;
            self.opt_expr(&arg.annotation, ExprContext::Load)
        })
    }

    /// `validate_arguments`.
    fn arguments(&mut self, args: &Arguments) -> Result {
        use ExprContext::Load;
        self.args(&args.posonlyargs)?;
        self.args(&args.args)?;
        if let Some(vararg) = &args.vararg {
            self.opt_expr(&vararg.annotation, Load)?;
        }
        self.args(&args.kwonlyargs)?;
        if let Some(kwarg) = &args.kwarg {
            self.opt_expr(&kwarg.annotation, Load)?;
        }
        if args.defaults.len() > args.posonlyargs.len() + args.args.len() {
            return Err(value_error(
                "more positional defaults than args on arguments",
            ));
        }
        if args.kw_defaults.len() != args.kwonlyargs.len() {
            return Err(value_error(
                "length of kwonlyargs is not the same as kw_defaults on arguments",
            ));
        }
        self.exprs(&args.defaults, Load)?;
        self.opt_exprs(&args.kw_defaults, Load)
    }

    /// `validate_comprehension`.
    fn generators(&mut self, generators: &[Comprehension]) -> Result {
        if generators.is_empty() {
            return Err(value_error("comprehension with no generators"));
        }
        generators.iter().try_for_each(|generator| {
            self.expr(&generator.target, ExprContext::Store)?;
            self.expr(&generator.iter, ExprContext::Load)?;
            self.exprs(&generator.ifs, ExprContext::Load)
        })
    }

    /// `validate_type_params`.
    fn type_params(&mut self, type_params: &[TypeParam]) -> Result {
        type_params.iter().try_for_each(|param| {
            validate_positions(param.loc())?;
            match param {
                TypeParam::TypeVar(var) => {
                    validate_name(&var.name)?;
                    self.opt_expr(&var.bound, ExprContext::Load)?;
                    self.opt_expr(&var.default_value, ExprContext::Load)
                }
                TypeParam::ParamSpec(spec) => {
                    validate_name(&spec.name)?;
                    self.opt_expr(&spec.default_value, ExprContext::Load)
                }
                TypeParam::TypeVarTuple(var) => {
                    validate_name(&var.name)?;
                    self.opt_expr(&var.default_value, ExprContext::Load)
                }
            }
        })
    }

    /// `validate_expr`.
    fn expr(&mut self, node: &Expr, ctx: ExprContext) -> Result {
        validate_positions(node.loc())?;
        self.recursive(|v| v.expr_inner(node, ctx))
    }

    fn expr_inner(&mut self, node: &Expr, ctx: ExprContext) -> Result {
        use ExprContext::Load;
        if let Expr::Name(name) = node {
            validate_name(&name.id)?;
        }
        match expr_context(node) {
            Some(actual) if actual != ctx => {
                return Err(value_error(format!(
                    "expression must have {} context but has {} instead",
                    ctx.class_name(),
                    actual.class_name()
                )));
            }
            None if ctx != Load => {
                return Err(value_error(format!(
                    "expression which can't be assigned to in {} context",
                    ctx.class_name()
                )));
            }
            _ => {}
        }
        match node {
            Expr::BoolOp(n) => {
                if n.values.len() < 2 {
                    return Err(value_error("BoolOp with less than 2 values"));
                }
                self.exprs(&n.values, Load)
            }
            Expr::BinOp(n) => {
                self.expr(&n.left, Load)?;
                self.expr(&n.right, Load)
            }
            Expr::UnaryOp(n) => self.expr(&n.operand, Load),
            Expr::Lambda(n) => {
                self.arguments(&n.args)?;
                self.expr(&n.body, Load)
            }
            Expr::IfExp(n) => {
                self.expr(&n.test, Load)?;
                self.expr(&n.body, Load)?;
                self.expr(&n.orelse, Load)
            }
            Expr::Dict(n) => {
                if n.keys.len() != n.values.len() {
                    return Err(value_error(
                        "Dict doesn't have the same number of keys as values",
                    ));
                }
                self.opt_exprs(&n.keys, Load)?;
                self.exprs(&n.values, Load)
            }
            Expr::Set(n) => self.exprs(&n.elts, Load),
            Expr::ListComp(n) => {
                self.generators(&n.generators)?;
                self.expr(&n.elt, Load)
            }
            Expr::SetComp(n) => {
                self.generators(&n.generators)?;
                self.expr(&n.elt, Load)
            }
            Expr::GeneratorExp(n) => {
                self.generators(&n.generators)?;
                self.expr(&n.elt, Load)
            }
            Expr::DictComp(n) => {
                self.generators(&n.generators)?;
                self.expr(&n.key, Load)?;
                self.expr(&n.value, Load)
            }
            Expr::Yield(n) => self.opt_expr(&n.value, Load),
            Expr::YieldFrom(n) => self.expr(&n.value, Load),
            Expr::Await(n) => self.expr(&n.value, Load),
            Expr::Compare(n) => {
                if n.comparators.is_empty() {
                    return Err(value_error("Compare with no comparators"));
                }
                if n.comparators.len() != n.ops.len() {
                    return Err(value_error(
                        "Compare has a different number of comparators and operands",
                    ));
                }
                self.exprs(&n.comparators, Load)?;
                self.expr(&n.left, Load)
            }
            Expr::Call(n) => {
                self.expr(&n.func, Load)?;
                self.exprs(&n.args, Load)?;
                self.keywords(&n.keywords)
            }
            // Every value `Constant` can hold is a valid constant type.
            Expr::Constant(_) => Ok(()),
            Expr::JoinedStr(n) => self.exprs(&n.values, Load),
            Expr::TemplateStr(n) => self.exprs(&n.values, Load),
            Expr::FormattedValue(n) => {
                self.expr(&n.value, Load)?;
                self.opt_expr(&n.format_spec, Load)
            }
            Expr::Interpolation(n) => {
                self.expr(&n.value, Load)?;
                self.opt_expr(&n.format_spec, Load)
            }
            Expr::Attribute(n) => self.expr(&n.value, Load),
            Expr::Subscript(n) => {
                self.expr(&n.slice, Load)?;
                self.expr(&n.value, Load)
            }
            Expr::Starred(n) => self.expr(&n.value, ctx),
            Expr::Slice(n) => {
                self.opt_expr(&n.lower, Load)?;
                self.opt_expr(&n.upper, Load)?;
                self.opt_expr(&n.step, Load)
            }
            Expr::List(n) => self.exprs(&n.elts, ctx),
            Expr::Tuple(n) => self.exprs(&n.elts, ctx),
            Expr::NamedExpr(n) => {
                if !matches!(n.target, Expr::Name(_)) {
                    return Err(type_error("NamedExpr target must be a Name"));
                }
                self.expr(&n.value, Load)
            }
            Expr::Name(_) => Ok(()),
        }
    }

    /// A match case: its pattern, guard and body.
    fn match_case(&mut self, case: &MatchCase) -> Result {
        self.pattern(&case.pattern, false)?;
        self.opt_expr(&case.guard, ExprContext::Load)?;
        self.body(&case.body, "match_case")
    }

    /// `validate_pattern_match_value`.
    fn pattern_match_value(&mut self, node: &Expr) -> Result {
        self.expr(node, ExprContext::Load)?;
        match node {
            Expr::Constant(constant) => match constant.value {
                Constant::Int(_)
                | Constant::Float(_)
                | Constant::Bytes(_)
                | Constant::Complex { .. }
                | Constant::Str(_) => Ok(()),
                _ => Err(value_error(
                    "unexpected constant inside of a literal pattern",
                )),
            },
            Expr::Attribute(_) | Expr::JoinedStr(_) | Expr::TemplateStr(_) => Ok(()),
            Expr::UnaryOp(_) if is_literal_negative(node, true, true) => Ok(()),
            Expr::BinOp(_) if is_literal_complex(node) => Ok(()),
            _ => Err(value_error(
                "patterns may only match literals and attribute lookups",
            )),
        }
    }

    fn patterns(&mut self, patterns: &[Pattern], star_ok: bool) -> Result {
        patterns
            .iter()
            .try_for_each(|pattern| self.pattern(pattern, star_ok))
    }

    /// `validate_pattern`.
    fn pattern(&mut self, node: &Pattern, star_ok: bool) -> Result {
        validate_positions(node.loc())?;
        self.recursive(|v| v.pattern_inner(node, star_ok))
    }

    fn pattern_inner(&mut self, node: &Pattern, star_ok: bool) -> Result {
        match node {
            Pattern::MatchValue(n) => self.pattern_match_value(&n.value),
            Pattern::MatchSingleton(n) => match n.value {
                Constant::None | Constant::Bool(_) => Ok(()),
                _ => Err(value_error(
                    "MatchSingleton can only contain True, False and None",
                )),
            },
            Pattern::MatchSequence(n) => self.patterns(&n.patterns, true),
            Pattern::MatchMapping(n) => {
                if n.keys.len() != n.patterns.len() {
                    return Err(value_error(
                        "MatchMapping doesn't have the same number of keys as patterns",
                    ));
                }
                if let Some(rest) = &n.rest {
                    validate_capture(rest)?;
                }
                for key in &n.keys {
                    // None, True and False are valid keys though not valid match values.
                    if let Expr::Constant(c) = key {
                        if matches!(c.value, Constant::None | Constant::Bool(_)) {
                            continue;
                        }
                    }
                    self.pattern_match_value(key)?;
                }
                self.patterns(&n.patterns, false)
            }
            Pattern::MatchClass(n) => {
                if n.kwd_attrs.len() != n.kwd_patterns.len() {
                    return Err(value_error(
                        "MatchClass doesn't have the same number of keyword attributes as patterns",
                    ));
                }
                self.expr(&n.cls, ExprContext::Load)?;
                let mut cls = &n.cls;
                loop {
                    match cls {
                        Expr::Name(_) => break,
                        Expr::Attribute(attribute) => cls = &attribute.value,
                        _ => {
                            return Err(value_error(
                                "MatchClass cls field can only contain Name or Attribute nodes.",
                            ))
                        }
                    }
                }
                n.kwd_attrs.iter().try_for_each(validate_name)?;
                self.patterns(&n.patterns, false)?;
                self.patterns(&n.kwd_patterns, false)
            }
            Pattern::MatchStar(n) => {
                if !star_ok {
                    return Err(value_error("can't use MatchStar here"));
                }
                n.name.as_ref().map_or(Ok(()), validate_capture)
            }
            Pattern::MatchAs(n) => {
                if let Some(name) = &n.name {
                    validate_capture(name)?;
                }
                match (&n.pattern, &n.name) {
                    (None, _) => Ok(()),
                    (Some(_), None) => Err(value_error(
                        "MatchAs must specify a target name if a pattern is given",
                    )),
                    (Some(pattern), Some(_)) => self.pattern(pattern, false),
                }
            }
            Pattern::MatchOr(n) => {
                if n.patterns.len() < 2 {
                    return Err(value_error("MatchOr requires at least 2 patterns"));
                }
                self.patterns(&n.patterns, false)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{validate, MAX_DEPTH};
    use crate::constant::Constant;
    use crate::NodeBox;
    use crate::{
        drop_deep, Expr, ExprConstant, ExprUnaryOp, Location, Mod, ModExpression, UnaryOp,
    };

    /// `Expression(body=-(-(...(-1))))` nested `depth` times.
    fn negations(depth: usize) -> Mod {
        let loc = Location::new(1, 0, 1, 1);
        let value = Constant::int(1);
        let mut body = Expr::Constant(NodeBox::new(ExprConstant {
            loc,
            value,
            kind: None,
        }));
        for _ in 0..depth {
            let op = UnaryOp::USub;
            body = Expr::UnaryOp(NodeBox::new(ExprUnaryOp {
                loc,
                op,
                operand: body,
            }));
        }
        Mod::Expression(NodeBox::new(ModExpression { body }))
    }

    #[test]
    fn nesting_within_the_limit_is_valid() {
        let tree = negations(MAX_DEPTH - 1);
        assert_eq!(validate(&tree), Ok(()));
        drop_deep(tree);
    }

    #[test]
    fn nesting_past_the_limit_is_a_recursion_error_not_a_crash() {
        let tree = negations(MAX_DEPTH + 10);
        let error = validate(&tree).expect_err("past the limit");
        assert_eq!(
            error.to_string(),
            "RecursionError: Stack overflow (used 10216 kB) during compilation"
        );
        drop_deep(tree);
    }
}
