//! Port of Lib/_ast_unparse.py (`ast.unparse`): Unparser and its helpers (fill, write, block,
//! delimit, require_parens, _write_docstring_and_traverse_body, get_type_comment).
//!
//! `ast.unparse` keeps a dictionary from node to the precedence its parent set; here the parent
//! passes the precedence down as an argument, with `Precedence::TEST` where Python's
//! `get_precedence` falls back to its default.

mod expr;
pub(crate) mod node_repr;
mod pattern;
mod stmt;
mod strings;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;

use crate::toolkit::NodeRef;
use crate::{Expr, Mod, Pattern, Stmt};

/// An error `ast.unparse` raises for a tree it cannot write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnparseError {
    /// The exception type: `"ValueError"` mostly, `"RecursionError"` for a tree nested too
    /// deep, `"AttributeError"` or `"TypeError"` for an `Interpolation.str` that is no str.
    pub exc_type: &'static str,
    /// The message, as CPython words it.
    pub message: String,
}

impl UnparseError {
    fn new(message: impl Into<String>) -> UnparseError {
        UnparseError {
            exc_type: "ValueError",
            message: message.into(),
        }
    }
}

impl fmt::Display for UnparseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.exc_type, self.message)
    }
}

impl std::error::Error for UnparseError {}

type Result<T> = std::result::Result<T, UnparseError>;

/// `_Precedence`: how tightly an expression binds; a child gets parentheses when the precedence
/// its parent asks for exceeds its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Precedence(u8);

impl Precedence {
    pub(crate) const NAMED_EXPR: Precedence = Precedence(1);
    pub(crate) const TUPLE: Precedence = Precedence(2);
    pub(crate) const YIELD: Precedence = Precedence(3);
    pub(crate) const TEST: Precedence = Precedence(4);
    pub(crate) const OR: Precedence = Precedence(5);
    pub(crate) const AND: Precedence = Precedence(6);
    pub(crate) const NOT: Precedence = Precedence(7);
    pub(crate) const CMP: Precedence = Precedence(8);
    pub(crate) const EXPR: Precedence = Precedence(9);
    pub(crate) const BOR: Precedence = Precedence(9);
    pub(crate) const BXOR: Precedence = Precedence(10);
    pub(crate) const BAND: Precedence = Precedence(11);
    pub(crate) const SHIFT: Precedence = Precedence(12);
    pub(crate) const ARITH: Precedence = Precedence(13);
    pub(crate) const TERM: Precedence = Precedence(14);
    pub(crate) const FACTOR: Precedence = Precedence(15);
    pub(crate) const POWER: Precedence = Precedence(16);
    pub(crate) const AWAIT: Precedence = Precedence(17);
    pub(crate) const ATOM: Precedence = Precedence(18);

    /// `_Precedence.next`: one level tighter, saturating at `ATOM`.
    pub(crate) fn next(self) -> Precedence {
        Precedence((self.0 + 1).min(Precedence::ATOM.0))
    }
}

/// Python's `ast.unparse(tree)` for a module (`Module`, `Interactive`, `Expression`,
/// `FunctionType`).
///
/// ```
/// use pyc_ast::constant::Constant;
/// use pyc_ast::unparse::unparse;
/// use pyc_ast::{Expr, ExprConstant, Location, Mod, ModExpression};
///
/// let loc = Location::new(1, 0, 1, 2);
/// let body = Expr::from(ExprConstant { loc, value: Constant::int(42), kind: None });
/// let tree = Mod::from(ModExpression { body });
/// assert_eq!(unparse(&tree).unwrap(), "42");
/// ```
pub fn unparse(tree: &Mod) -> Result<String> {
    let mut unparser = Unparser::new();
    unparser.module(tree)?;
    Ok(unparser.source)
}

/// Python's `ast.unparse(node)` for one statement.
pub fn unparse_stmt(node: &Stmt) -> Result<String> {
    let mut unparser = Unparser::new();
    unparser.stmt_visit(node)?;
    Ok(unparser.source)
}

/// Python's `ast.unparse(node)` for one expression.
pub fn unparse_expr(node: &Expr) -> Result<String> {
    let mut unparser = Unparser::new();
    unparser.expr_visit(node, Precedence::TEST)?;
    Ok(unparser.source)
}

/// Python's `ast.unparse(node)` for a node of any kind. Kinds `ast.unparse` has no visitor
/// for (`Load()`, operators, `TypeIgnore`) give the empty string, as in Python.
///
/// ```
/// use pyc_ast::toolkit::NodeRef;
/// use pyc_ast::unparse::unparse_node;
/// use pyc_ast::{Alias, Location};
///
/// let alias = Alias { loc: Location::new(1, 7, 1, 19), name: "numpy".into(), asname: Some("np".into()) };
/// assert_eq!(unparse_node(NodeRef::Alias(&alias)).unwrap(), "numpy as np");
/// ```
pub fn unparse_node(node: NodeRef<'_>) -> Result<String> {
    let mut unparser = Unparser::new();
    match node {
        NodeRef::Mod(tree) => unparser.module(tree)?,
        NodeRef::Stmt(stmt) => unparser.stmt_visit(stmt)?,
        NodeRef::Expr(expr) => unparser.expr_visit(expr, Precedence::TEST)?,
        NodeRef::Pattern(pattern) => unparser.pattern_visit(pattern, Precedence::TEST)?,
        NodeRef::Comprehension(generator) => unparser.comprehension(generator)?,
        NodeRef::ExceptHandler(handler) => unparser.except_handler(handler)?,
        NodeRef::Arguments(args) => unparser.arguments(args)?,
        NodeRef::Arg(arg) => unparser.arg(arg)?,
        NodeRef::Keyword(keyword) => unparser.keyword(keyword)?,
        NodeRef::Alias(alias) => unparser.alias(alias)?,
        NodeRef::WithItem(item) => unparser.with_item(item)?,
        NodeRef::MatchCase(case) => unparser.match_case(case)?,
        NodeRef::TypeParam(param) => unparser.type_param(param)?,
        NodeRef::ExprContext(_)
        | NodeRef::BoolOp(_)
        | NodeRef::Operator(_)
        | NodeRef::UnaryOp(_)
        | NodeRef::CmpOp(_)
        | NodeRef::TypeIgnore(_) => {}
    }
    Ok(unparser.source)
}

/// Python's `ast.unparse(node)` for one match pattern.
pub fn unparse_pattern(node: &Pattern) -> Result<String> {
    let mut unparser = Unparser::new();
    unparser.pattern_visit(node, Precedence::TEST)?;
    Ok(unparser.source)
}

/// The deepest Python frame `ast.unparse` reaches before Python's recursion limit (1000
/// frames) stops it with `RecursionError`, counting `ast.unparse` itself as frame 1: the
/// command `python -c 'import ast,sys; print(ast.unparse(...))'` calls it from the oracle's
/// fifth frame.
///
/// `ast.unparse` recurses through Python frames: `traverse`, `NodeVisitor.visit`, `visit_X`,
/// and helpers such as `interleave`, `items_view` or `contextlib`'s context managers. The
/// unparser counts the frames each of those calls would take ([`Unparser::frames`]), so that
/// a tree fails here exactly where it fails in Python: for instance `x = a + ... + a` is
/// written with 327 operators and not with 328; 325 inside a function body, 324 in an
/// f-string field. The bound also keeps our own recursion well inside a thread's stack.
pub const FRAME_LIMIT: usize = 996;

/// The frame of the `visit_X` method that `ast.unparse(node)` calls for its argument
/// (`unparse`, `Unparser.visit`, `traverse`, `NodeVisitor.visit`, `visit_X`).
const TOP_VISIT_FRAME: usize = 5;

/// The frames from a `visit_X` method to the `visit_Y` of a child it traverses directly
/// (`traverse`, `NodeVisitor.visit`, `visit_Y`).
pub(crate) const DIRECT: usize = 3;

/// The state of one `_Unparser`.
pub(crate) struct Unparser {
    /// The text written so far (`_source`, joined).
    source: String,
    /// Whether anything, even an empty string, has been written to `source`: Python tests the
    /// list of parts for emptiness, not the joined text.
    written: bool,
    /// `_type_ignores`: line number to the comment text.
    type_ignores: HashMap<i64, String>,
    indent: usize,
    in_try_star: bool,
    in_interactive: bool,
    /// The Python frame of the `visit_X` method writing the current node (see
    /// [`FRAME_LIMIT`]).
    frames: usize,
}

impl Unparser {
    fn new() -> Unparser {
        Unparser {
            source: String::new(),
            written: false,
            type_ignores: HashMap::new(),
            indent: 0,
            in_try_star: false,
            in_interactive: false,
            frames: TOP_VISIT_FRAME,
        }
    }

    /// Runs `visit` as the `visit_Y` of a child `offset` frames above the current `visit_X`.
    fn at<T>(
        &mut self,
        offset: usize,
        visit: impl FnOnce(&mut Unparser) -> Result<T>,
    ) -> Result<T> {
        self.frames += offset;
        let result = self.peak(0).and_then(|()| visit(self));
        self.frames -= offset;
        result
    }

    /// Fails as Python does when a call `extra` frames above the current `visit_X` would pass
    /// the recursion limit.
    fn peak(&self, extra: usize) -> Result<()> {
        if self.frames + extra > FRAME_LIMIT {
            return Err(UnparseError {
                exc_type: "RecursionError",
                message: "maximum recursion depth exceeded".to_string(),
            });
        }
        Ok(())
    }

    /// `write`.
    fn write(&mut self, text: &str) {
        self.source.push_str(text);
        self.written = true;
    }

    /// `maybe_newline`.
    fn maybe_newline(&mut self) {
        if self.written {
            self.write("\n");
        }
    }

    /// `fill`: a new line at the current indentation (or `; ` at the top of interactive input).
    fn fill(&mut self, text: &str, allow_semicolon: bool) {
        if self.in_interactive && self.indent == 0 && allow_semicolon {
            if self.written {
                self.write("; ");
            }
            self.write(text);
        } else {
            self.maybe_newline();
            let indented = format!("{}{}", "    ".repeat(self.indent), text);
            self.write(&indented);
        }
    }

    /// `buffered`: runs `body` writing into a fresh buffer and returns what it wrote, with
    /// whether it wrote anything at all.
    fn buffered(
        &mut self,
        body: impl FnOnce(&mut Unparser) -> Result<()>,
    ) -> Result<(String, bool)> {
        let saved_source = std::mem::take(&mut self.source);
        let saved_written = std::mem::replace(&mut self.written, false);
        let result = body(self);
        let buffer = std::mem::replace(&mut self.source, saved_source);
        let written = std::mem::replace(&mut self.written, saved_written);
        result.map(|()| (buffer, written))
    }

    /// `block`: `:`, an optional trailing comment, and the body one level deeper.
    fn block(
        &mut self,
        extra: Option<&str>,
        body: impl FnOnce(&mut Unparser) -> Result<()>,
    ) -> Result<()> {
        self.write(":");
        if let Some(extra) = extra {
            if !extra.is_empty() {
                self.write(extra);
            }
        }
        self.indent += 1;
        let result = body(self);
        self.indent -= 1;
        result
    }

    /// `delimit_if`: `start`, the body, `end`, the delimiters only when `condition` holds.
    fn delimit_if(
        &mut self,
        start: &str,
        end: &str,
        condition: bool,
        body: impl FnOnce(&mut Unparser) -> Result<()>,
    ) -> Result<()> {
        if condition {
            self.write(start);
        }
        body(self)?;
        if condition {
            self.write(end);
        }
        Ok(())
    }

    /// `delimit`.
    fn delimit(
        &mut self,
        start: &str,
        end: &str,
        body: impl FnOnce(&mut Unparser) -> Result<()>,
    ) -> Result<()> {
        self.delimit_if(start, end, true, body)
    }

    /// `require_parens`: parentheses when the precedence the parent asked for (`actual`) is
    /// tighter than the node's own (`own`).
    fn require_parens(
        &mut self,
        own: Precedence,
        actual: Precedence,
        body: impl FnOnce(&mut Unparser) -> Result<()>,
    ) -> Result<()> {
        self.delimit_if("(", ")", actual > own, body)
    }

    /// `interleave`: `f` on each item with `inter` written between.
    fn interleave<T>(
        &mut self,
        inter: &str,
        items: impl IntoIterator<Item = T>,
        mut f: impl FnMut(&mut Unparser, T) -> Result<()>,
    ) -> Result<()> {
        for (index, item) in items.into_iter().enumerate() {
            if index > 0 {
                self.write(inter);
            }
            f(self, item)?;
        }
        Ok(())
    }

    /// `get_type_comment`: ` # type: ...` from a `# type: ignore` on the node's line, else the
    /// node's own type comment.
    fn type_comment(&self, lineno: i64, type_comment: Option<&str>) -> Option<String> {
        let comment = self
            .type_ignores
            .get(&lineno)
            .map(String::as_str)
            .or(type_comment)?;
        Some(format!(" # type: {comment}"))
    }
}
