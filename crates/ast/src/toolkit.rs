//! Port of Lib/ast.py's helpers: copy_location, fix_missing_locations, increment_lineno,
//! iter_child_nodes, walk, get_docstring (with inspect.cleandoc), literal_eval.
//!
//! Python distinguishes an attribute a node lacks from one set to `None`; a [`Location`] holds
//! both as [`Location::ABSENT`]. The helpers read it as Python reads a missing `lineno` and a
//! `None` `end_lineno`, which is what a hand-built node has.
//!
//! ```
//! use pyc_ast::toolkit::{walk, NodeRef};
//! use pyc_ast::read_dump;
//!
//! let tree = read_dump(
//!     "Module(body=[Expr(value=Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, \
//!      end_col_offset=1), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)])",
//! )
//! .unwrap();
//! let names: Vec<&str> = walk(NodeRef::Mod(&tree)).map(|node| node.class_name()).collect();
//! assert_eq!(names, ["Module", "Expr", "Name", "Load"]);
//! ```

use std::collections::VecDeque;

use crate::constant::{Constant, PyStr};
use crate::location::present;
use crate::transformer::{self, Transformer};
use crate::visitor::{self, Visitor};
use crate::{
    Alias, Arg, Arguments, BoolOp, CmpOp, Comprehension, ExceptHandler, Expr, ExprContext, Keyword,
    Location, MatchCase, Mod, Operator, Pattern, Stmt, TypeIgnore, TypeParam, UnaryOp, WithItem,
};

/// A node that has positions (`_attributes` with `lineno`): statements, expressions, patterns,
/// handlers, type parameters, `arg`, `keyword` and `alias`.
pub trait Located {
    fn location(&self) -> Location;
    fn location_mut(&mut self) -> &mut Location;
}

macro_rules! located_enum {
    ($($ty:ty),*) => {$(
        impl Located for $ty {
            fn location(&self) -> Location {
                self.loc()
            }
            fn location_mut(&mut self) -> &mut Location {
                self.loc_mut()
            }
        }
    )*};
}

macro_rules! located_struct {
    ($($ty:ty),*) => {$(
        impl Located for $ty {
            fn location(&self) -> Location {
                self.loc
            }
            fn location_mut(&mut self) -> &mut Location {
                &mut self.loc
            }
        }
    )*};
}

located_enum!(Stmt, Expr, Pattern, ExceptHandler, TypeParam);
located_struct!(Arg, Keyword, Alias);

/// `copy_location(new_node, old_node)`: gives `new` the position of `old` and returns it. A
/// start position `old` lacks is left alone; end positions are copied even when absent.
///
/// ```
/// use pyc_ast::toolkit::copy_location;
/// use pyc_ast::{Expr, ExprContext, ExprName, Location};
///
/// let old = Expr::from(ExprName { loc: Location::new(3, 4, 3, 7), id: "old".into(), ctx: ExprContext::Load });
/// let new = Expr::from(ExprName { loc: Location::default(), id: "new".into(), ctx: ExprContext::Load });
/// assert_eq!(copy_location(new, &old).loc(), Location::new(3, 4, 3, 7));
/// ```
pub fn copy_location<N: Located>(mut new: N, old: &impl Located) -> N {
    let from = old.location();
    let to = new.location_mut();
    if present(from.lineno).is_some() {
        to.lineno = from.lineno;
    }
    if present(from.col_offset).is_some() {
        to.col_offset = from.col_offset;
    }
    to.end_lineno = from.end_lineno;
    to.end_col_offset = from.end_col_offset;
    new
}

/// A tree, or a node inside one, that the location helpers can rewrite.
pub trait Node: Sized + sealed::Sealed {
    #[doc(hidden)]
    fn transform_locations(self, pass: &mut sealed::LocationPass) -> Self;
}

mod sealed {
    use crate::Location;

    pub trait Sealed {}

    /// The two location rewrites, applied to every located node top-down.
    pub enum LocationPass {
        /// `fix_missing_locations`: the positions in force at each level of the walk.
        FixMissing(Vec<Location>),
        /// `increment_lineno(node, n)`.
        Increment(i32),
    }
}

use sealed::LocationPass;

impl LocationPass {
    /// Rewrites one node's position on the way down.
    fn enter(&mut self, loc: &mut Location) {
        match self {
            LocationPass::FixMissing(stack) => {
                let parent = stack.last().copied().unwrap_or(Location::new(1, 0, 1, 0));
                for (value, inherited) in [
                    (&mut loc.lineno, parent.lineno),
                    (&mut loc.col_offset, parent.col_offset),
                    (&mut loc.end_lineno, parent.end_lineno),
                    (&mut loc.end_col_offset, parent.end_col_offset),
                ] {
                    if present(*value).is_none() {
                        *value = inherited;
                    }
                }
                stack.push(*loc);
            }
            LocationPass::Increment(n) => {
                // A missing lineno counts as 0; a missing (None) end_lineno stays None.
                loc.lineno = present(loc.lineno).unwrap_or(0).saturating_add(*n);
                if let Some(end) = present(loc.end_lineno) {
                    loc.end_lineno = end.saturating_add(*n);
                }
            }
        }
    }

    fn leave(&mut self) {
        if let LocationPass::FixMissing(stack) = self {
            stack.pop();
        }
    }

    fn located<N: Located>(&mut self, mut node: N, walk: impl FnOnce(&mut Self, N) -> N) -> N {
        self.enter(node.location_mut());
        let node = walk(self, node);
        self.leave();
        node
    }

    fn stmt(&mut self, node: Stmt) -> Stmt {
        self.located(node, transformer::walk_stmt)
    }

    fn expr(&mut self, node: Expr) -> Expr {
        self.located(node, transformer::walk_expr)
    }

    fn pattern(&mut self, node: Pattern) -> Pattern {
        self.located(node, transformer::walk_pattern)
    }
}

impl Transformer for LocationPass {
    fn visit_stmt(&mut self, node: Stmt) -> Option<Stmt> {
        Some(self.stmt(node))
    }
    fn visit_expr(&mut self, node: Expr) -> Expr {
        self.expr(node)
    }
    fn visit_pattern(&mut self, node: Pattern) -> Pattern {
        self.pattern(node)
    }
    fn visit_except_handler(&mut self, node: ExceptHandler) -> Option<ExceptHandler> {
        Some(self.located(node, |pass, node| {
            transformer::walk_except_handler(pass, node)
        }))
    }
    fn visit_type_param(&mut self, node: TypeParam) -> Option<TypeParam> {
        Some(self.located(node, transformer::walk_type_param))
    }
    fn visit_arg(&mut self, node: Arg) -> Option<Arg> {
        Some(self.located(node, transformer::walk_arg))
    }
    fn visit_keyword(&mut self, node: Keyword) -> Option<Keyword> {
        Some(self.located(node, transformer::walk_keyword))
    }
    fn visit_alias(&mut self, node: Alias) -> Option<Alias> {
        Some(self.located(node, transformer::walk_alias))
    }
    fn visit_type_ignore(&mut self, node: TypeIgnore) -> Option<TypeIgnore> {
        // `increment_lineno` moves the line of a `# type: ignore` too (a field, not a position).
        let TypeIgnore::TypeIgnore(mut ignore) = node;
        if let LocationPass::Increment(n) = self {
            ignore.lineno = ignore.lineno.saturating_add(*n);
        }
        Some(TypeIgnore::TypeIgnore(ignore))
    }
}

impl sealed::Sealed for Mod {}
impl sealed::Sealed for Stmt {}
impl sealed::Sealed for Expr {}
impl sealed::Sealed for Pattern {}

impl Node for Mod {
    fn transform_locations(self, pass: &mut LocationPass) -> Self {
        pass.visit_mod(self)
    }
}

impl Node for Stmt {
    fn transform_locations(self, pass: &mut LocationPass) -> Self {
        pass.stmt(self)
    }
}

impl Node for Expr {
    fn transform_locations(self, pass: &mut LocationPass) -> Self {
        pass.expr(self)
    }
}

impl Node for Pattern {
    fn transform_locations(self, pass: &mut LocationPass) -> Self {
        pass.pattern(self)
    }
}

/// `fix_missing_locations(node)`: every position a node lacks is taken from its parent
/// (the top starts from line 1, column 0), as `compile()` needs positions on every node.
///
/// ```
/// use pyc_ast::toolkit::fix_missing_locations;
/// use pyc_ast::{Expr, ExprContext, ExprName, Location, Stmt, StmtExpr};
///
/// let name = Expr::from(ExprName { loc: Location::default(), id: "x".into(), ctx: ExprContext::Load });
/// let stmt = Stmt::from(StmtExpr { loc: Location::new(4, 2, 4, 9), value: name });
/// let Stmt::Expr(fixed) = fix_missing_locations(stmt) else { unreachable!() };
/// assert_eq!(fixed.value.loc(), Location::new(4, 2, 4, 9));
/// ```
pub fn fix_missing_locations<N: Node>(node: N) -> N {
    node.transform_locations(&mut LocationPass::FixMissing(Vec::new()))
}

/// `increment_lineno(node, n)`: moves every line number of the tree (and of its
/// `# type: ignore` comments) down by `n`.
///
/// ```
/// use pyc_ast::toolkit::increment_lineno;
/// use pyc_ast::{Location, Stmt, StmtPass};
///
/// let stmt = Stmt::from(StmtPass { loc: Location::new(1, 0, 1, 4) });
/// assert_eq!(increment_lineno(stmt, 2).loc(), Location::new(3, 0, 3, 4));
/// ```
pub fn increment_lineno<N: Node>(node: N, n: i32) -> N {
    node.transform_locations(&mut LocationPass::Increment(n))
}

/// A borrowed node of any kind, as `iter_child_nodes` and `walk` yield them (Python yields the
/// `Load()` and operator singletons too).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NodeRef<'a> {
    Mod(&'a Mod),
    Stmt(&'a Stmt),
    Expr(&'a Expr),
    ExprContext(ExprContext),
    BoolOp(BoolOp),
    Operator(Operator),
    UnaryOp(UnaryOp),
    CmpOp(CmpOp),
    Comprehension(&'a Comprehension),
    ExceptHandler(&'a ExceptHandler),
    Arguments(&'a Arguments),
    Arg(&'a Arg),
    Keyword(&'a Keyword),
    Alias(&'a Alias),
    WithItem(&'a WithItem),
    MatchCase(&'a MatchCase),
    Pattern(&'a Pattern),
    TypeIgnore(&'a TypeIgnore),
    TypeParam(&'a TypeParam),
}

impl NodeRef<'_> {
    /// The node's `ast` class name (`"FunctionDef"`, `"Load"`, `"arguments"`, ...).
    pub fn class_name(&self) -> &'static str {
        match self {
            NodeRef::Mod(n) => n.class_name(),
            NodeRef::Stmt(n) => n.class_name(),
            NodeRef::Expr(n) => n.class_name(),
            NodeRef::ExprContext(n) => n.class_name(),
            NodeRef::BoolOp(n) => n.class_name(),
            NodeRef::Operator(n) => n.class_name(),
            NodeRef::UnaryOp(n) => n.class_name(),
            NodeRef::CmpOp(n) => n.class_name(),
            NodeRef::Comprehension(_) => "comprehension",
            NodeRef::ExceptHandler(n) => n.class_name(),
            NodeRef::Arguments(_) => "arguments",
            NodeRef::Arg(_) => "arg",
            NodeRef::Keyword(_) => "keyword",
            NodeRef::Alias(_) => "alias",
            NodeRef::WithItem(_) => "withitem",
            NodeRef::MatchCase(_) => "match_case",
            NodeRef::Pattern(n) => n.class_name(),
            NodeRef::TypeIgnore(n) => n.class_name(),
            NodeRef::TypeParam(n) => n.class_name(),
        }
    }
}

/// Records the nodes a `walk_*` function visits, without descending further.
struct ChildCollector<'a> {
    children: Vec<NodeRef<'a>>,
}

impl<'a> Visitor<'a> for ChildCollector<'a> {
    fn visit_mod(&mut self, node: &'a Mod) {
        self.children.push(NodeRef::Mod(node));
    }
    fn visit_stmt(&mut self, node: &'a Stmt) {
        self.children.push(NodeRef::Stmt(node));
    }
    fn visit_expr(&mut self, node: &'a Expr) {
        self.children.push(NodeRef::Expr(node));
    }
    fn visit_expr_context(&mut self, node: ExprContext) {
        self.children.push(NodeRef::ExprContext(node));
    }
    fn visit_bool_op(&mut self, node: BoolOp) {
        self.children.push(NodeRef::BoolOp(node));
    }
    fn visit_operator(&mut self, node: Operator) {
        self.children.push(NodeRef::Operator(node));
    }
    fn visit_unary_op(&mut self, node: UnaryOp) {
        self.children.push(NodeRef::UnaryOp(node));
    }
    fn visit_cmp_op(&mut self, node: CmpOp) {
        self.children.push(NodeRef::CmpOp(node));
    }
    fn visit_comprehension(&mut self, node: &'a Comprehension) {
        self.children.push(NodeRef::Comprehension(node));
    }
    fn visit_except_handler(&mut self, node: &'a ExceptHandler) {
        self.children.push(NodeRef::ExceptHandler(node));
    }
    fn visit_arguments(&mut self, node: &'a Arguments) {
        self.children.push(NodeRef::Arguments(node));
    }
    fn visit_arg(&mut self, node: &'a Arg) {
        self.children.push(NodeRef::Arg(node));
    }
    fn visit_keyword(&mut self, node: &'a Keyword) {
        self.children.push(NodeRef::Keyword(node));
    }
    fn visit_alias(&mut self, node: &'a Alias) {
        self.children.push(NodeRef::Alias(node));
    }
    fn visit_with_item(&mut self, node: &'a WithItem) {
        self.children.push(NodeRef::WithItem(node));
    }
    fn visit_match_case(&mut self, node: &'a MatchCase) {
        self.children.push(NodeRef::MatchCase(node));
    }
    fn visit_pattern(&mut self, node: &'a Pattern) {
        self.children.push(NodeRef::Pattern(node));
    }
    fn visit_type_ignore(&mut self, node: &'a TypeIgnore) {
        self.children.push(NodeRef::TypeIgnore(node));
    }
    fn visit_type_param(&mut self, node: &'a TypeParam) {
        self.children.push(NodeRef::TypeParam(node));
    }
}

/// `iter_child_nodes(node)`: the direct children, in field order.
///
/// ```
/// use pyc_ast::toolkit::{iter_child_nodes, NodeRef};
/// use pyc_ast::{Expr, ExprContext, ExprName, Location};
///
/// let name = Expr::from(ExprName { loc: Location::new(1, 0, 1, 1), id: "x".into(), ctx: ExprContext::Store });
/// let children: Vec<&str> = iter_child_nodes(NodeRef::Expr(&name)).map(|n| n.class_name()).collect();
/// assert_eq!(children, ["Store"]);
/// ```
pub fn iter_child_nodes(node: NodeRef<'_>) -> impl Iterator<Item = NodeRef<'_>> {
    let mut collector = ChildCollector {
        children: Vec::new(),
    };
    match node {
        NodeRef::Mod(n) => visitor::walk_mod(&mut collector, n),
        NodeRef::Stmt(n) => visitor::walk_stmt(&mut collector, n),
        NodeRef::Expr(n) => visitor::walk_expr(&mut collector, n),
        NodeRef::Comprehension(n) => visitor::walk_comprehension(&mut collector, n),
        NodeRef::ExceptHandler(n) => visitor::walk_except_handler(&mut collector, n),
        NodeRef::Arguments(n) => visitor::walk_arguments(&mut collector, n),
        NodeRef::Arg(n) => visitor::walk_arg(&mut collector, n),
        NodeRef::Keyword(n) => visitor::walk_keyword(&mut collector, n),
        NodeRef::Alias(n) => visitor::walk_alias(&mut collector, n),
        NodeRef::WithItem(n) => visitor::walk_with_item(&mut collector, n),
        NodeRef::MatchCase(n) => visitor::walk_match_case(&mut collector, n),
        NodeRef::Pattern(n) => visitor::walk_pattern(&mut collector, n),
        NodeRef::TypeIgnore(n) => visitor::walk_type_ignore(&mut collector, n),
        NodeRef::TypeParam(n) => visitor::walk_type_param(&mut collector, n),
        NodeRef::ExprContext(_)
        | NodeRef::BoolOp(_)
        | NodeRef::Operator(_)
        | NodeRef::UnaryOp(_)
        | NodeRef::CmpOp(_) => {}
    }
    collector.children.into_iter()
}

/// `walk(node)`: the node and all its descendants, breadth first, in no other guaranteed order.
pub fn walk(node: NodeRef<'_>) -> Walk<'_> {
    Walk {
        todo: VecDeque::from([node]),
    }
}

/// The iterator of [`walk`].
pub struct Walk<'a> {
    todo: VecDeque<NodeRef<'a>>,
}

impl<'a> Iterator for Walk<'a> {
    type Item = NodeRef<'a>;

    fn next(&mut self) -> Option<NodeRef<'a>> {
        let node = self.todo.pop_front()?;
        self.todo.extend(iter_child_nodes(node));
        Some(node)
    }
}

/// An error a helper raises, as Python's exception type and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToolkitError {
    pub exc_type: &'static str,
    pub message: String,
}

impl std::fmt::Display for ToolkitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.exc_type, self.message)
    }
}

impl std::error::Error for ToolkitError {}

/// `get_docstring(node, clean)`: the docstring of a module, function or class, cleaned up with
/// `inspect.cleandoc` when `clean` is true. Other nodes raise `TypeError`.
///
/// ```
/// use pyc_ast::toolkit::{get_docstring, NodeRef};
/// use pyc_ast::read_dump;
///
/// let tree = read_dump(
///     "Module(body=[Expr(value=Constant(value='  Title.\\n\\n    Body.\\n  ', lineno=1, \
///      col_offset=0, end_lineno=4, end_col_offset=5), lineno=1, col_offset=0, end_lineno=4, \
///      end_col_offset=5)])",
/// )
/// .unwrap();
/// let doc = get_docstring(NodeRef::Mod(&tree), true).unwrap().unwrap();
/// assert_eq!(doc.as_str(), Some("Title.\n\nBody."));
/// ```
pub fn get_docstring(node: NodeRef<'_>, clean: bool) -> Result<Option<PyStr>, ToolkitError> {
    let body = match node {
        NodeRef::Mod(Mod::Module(module)) => &module.body,
        NodeRef::Stmt(Stmt::FunctionDef(def)) => &def.body,
        NodeRef::Stmt(Stmt::AsyncFunctionDef(def)) => &def.body,
        NodeRef::Stmt(Stmt::ClassDef(class)) => &class.body,
        other => {
            return Err(ToolkitError {
                exc_type: "TypeError",
                message: format!("'{}' can't have docstrings", other.class_name()),
            })
        }
    };
    let Some(Stmt::Expr(first)) = body.first() else {
        return Ok(None);
    };
    let Expr::Constant(constant) = &first.value else {
        return Ok(None);
    };
    let Constant::Str(text) = &constant.value else {
        return Ok(None);
    };
    Ok(Some(if clean { cleandoc(text) } else { text.clone() }))
}

/// `str.expandtabs()` with the default tab size of 8.
fn expandtabs(text: &PyStr) -> Vec<u32> {
    let mut out = Vec::new();
    let mut column = 0;
    for cp in text.code_points() {
        match cp {
            0x09 => {
                let spaces = 8 - column % 8;
                out.extend(std::iter::repeat_n(u32::from(' '), spaces));
                column += spaces;
            }
            0x0A | 0x0D => {
                out.push(cp);
                column = 0;
            }
            _ => {
                out.push(cp);
                column += 1;
            }
        }
    }
    out
}

/// `inspect.cleandoc`: tabs expanded, the common indentation of the lines after the first
/// removed, the first line's indentation removed, and leading and trailing blank lines dropped.
pub fn cleandoc(doc: &PyStr) -> PyStr {
    let space = u32::from(' ');
    let expanded = expandtabs(doc);
    let mut lines: Vec<&[u32]> = expanded.split(|&cp| cp == u32::from('\n')).collect();
    let indent = |line: &[u32]| line.iter().take_while(|&&cp| cp == space).count();
    let margin = lines
        .iter()
        .skip(1)
        .filter(|line| indent(line) < line.len())
        .map(|line| indent(line))
        .min();
    if let Some(first) = lines.first_mut() {
        *first = &first[indent(first)..];
    }
    if let Some(margin) = margin {
        for line in lines.iter_mut().skip(1) {
            *line = &line[margin.min(line.len())..];
        }
    }
    while lines.last().is_some_and(|line| line.is_empty()) {
        lines.pop();
    }
    let leading_blank = lines.iter().take_while(|line| line.is_empty()).count();
    let joined = lines[leading_blank..].join(&u32::from('\n'));
    PyStr::from_code_points(joined).unwrap_or_default()
}

/// What `literal_eval` returns: a constant or a container display of literals.
///
/// Sets and dicts keep their first-inserted order; Python's own iteration order of a set
/// depends on hashes and is not reproduced.
#[derive(Clone, Debug, PartialEq)]
pub enum LiteralValue {
    Constant(Constant),
    Tuple(Vec<LiteralValue>),
    List(Vec<LiteralValue>),
    Set(Vec<LiteralValue>),
    Dict(Vec<(LiteralValue, LiteralValue)>),
}

/// How deep `literal_eval` follows nested displays before raising `RecursionError`.
pub const MAX_LITERAL_DEPTH: usize = 1000;

/// `literal_eval(node)`: the value of an expression made only of literals (constants, tuple,
/// list, set and dict displays, `set()`, signed numbers and `real ± imaginary`).
///
/// ```
/// use pyc_ast::constant::Constant;
/// use pyc_ast::toolkit::{literal_eval, LiteralValue};
/// use pyc_ast::{read_dump, Mod};
///
/// let tree = read_dump(
///     "Expression(body=UnaryOp(op=USub(), operand=Constant(value=5, lineno=1, col_offset=1, \
///      end_lineno=1, end_col_offset=2), lineno=1, col_offset=0, end_lineno=1, end_col_offset=2))",
/// )
/// .unwrap();
/// let Mod::Expression(expression) = &tree else { unreachable!() };
/// assert_eq!(literal_eval(&expression.body), Ok(LiteralValue::Constant(Constant::int(-5))));
/// ```
pub fn literal_eval(node: &Expr) -> Result<LiteralValue, ToolkitError> {
    LiteralEval { depth: 0 }.convert(Some(node))
}

fn malformed(node: Option<&Expr>) -> ToolkitError {
    let message = match node {
        None => "malformed node or string: None".to_string(),
        Some(node) => {
            let line = match present(node.loc().lineno) {
                Some(lineno) if lineno != 0 => format!(" on line {lineno}"),
                _ => String::new(),
            };
            format!(
                "malformed node or string{line}: {}",
                crate::unparse::node_repr::expr_repr(node)
            )
        }
    };
    ToolkitError {
        exc_type: "ValueError",
        message,
    }
}

struct LiteralEval {
    depth: usize,
}

impl LiteralEval {
    /// `_convert_num`: an int, float or complex constant (not a bool).
    fn convert_num(node: &Expr) -> Result<Constant, ToolkitError> {
        match node {
            Expr::Constant(c)
                if matches!(
                    c.value,
                    Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. }
                ) =>
            {
                Ok(c.value.clone())
            }
            _ => Err(malformed(Some(node))),
        }
    }

    /// `_convert_signed_num`.
    fn convert_signed_num(node: &Expr) -> Result<Constant, ToolkitError> {
        if let Expr::UnaryOp(unary) = node {
            if matches!(unary.op, UnaryOp::UAdd | UnaryOp::USub) {
                let operand = Self::convert_num(&unary.operand)?;
                if unary.op == UnaryOp::UAdd {
                    return Ok(operand);
                }
                return crate::preprocess::number::negative(&operand)
                    .ok_or_else(|| malformed(Some(node)));
            }
        }
        Self::convert_num(node)
    }

    /// `_convert`.
    fn convert(&mut self, node: Option<&Expr>) -> Result<LiteralValue, ToolkitError> {
        self.depth += 1;
        if self.depth > MAX_LITERAL_DEPTH {
            return Err(ToolkitError {
                exc_type: "RecursionError",
                message: "maximum recursion depth exceeded".to_string(),
            });
        }
        let result = self.convert_inner(node);
        self.depth -= 1;
        result
    }

    fn convert_all(&mut self, nodes: &[Expr]) -> Result<Vec<LiteralValue>, ToolkitError> {
        nodes.iter().map(|node| self.convert(Some(node))).collect()
    }

    fn convert_inner(&mut self, node: Option<&Expr>) -> Result<LiteralValue, ToolkitError> {
        let Some(node) = node else {
            return Err(malformed(None));
        };
        match node {
            Expr::Constant(c) => Ok(LiteralValue::Constant(c.value.clone())),
            Expr::Tuple(t) => Ok(LiteralValue::Tuple(self.convert_all(&t.elts)?)),
            Expr::List(l) => Ok(LiteralValue::List(self.convert_all(&l.elts)?)),
            Expr::Set(s) => {
                let items = self.convert_all(&s.elts)?;
                Ok(LiteralValue::Set(dedupe_set(items)?))
            }
            Expr::Call(call)
                if matches!(&call.func, Expr::Name(name) if &*name.id == "set")
                    && call.args.is_empty()
                    && call.keywords.is_empty() =>
            {
                Ok(LiteralValue::Set(Vec::new()))
            }
            Expr::Dict(dict) => {
                if dict.keys.len() != dict.values.len() {
                    return Err(malformed(Some(node)));
                }
                // Python converts all keys, then all values.
                let keys: Vec<LiteralValue> = dict
                    .keys
                    .iter()
                    .map(|key| self.convert(key.as_ref()))
                    .collect::<Result<_, _>>()?;
                let values = self.convert_all(&dict.values)?;
                Ok(LiteralValue::Dict(dedupe_dict(
                    keys.into_iter().zip(values).collect(),
                )?))
            }
            Expr::BinOp(binop) if matches!(binop.op, Operator::Add | Operator::Sub) => {
                let left = Self::convert_signed_num(&binop.left)?;
                let right = Self::convert_num(&binop.right)?;
                let real_and_complex = matches!(left, Constant::Int(_) | Constant::Float(_))
                    && matches!(right, Constant::Complex { .. });
                if real_and_complex {
                    let op = if binop.op == Operator::Add {
                        crate::preprocess::number::AddSub::Add
                    } else {
                        crate::preprocess::number::AddSub::Sub
                    };
                    if let Some(value) = crate::preprocess::number::add_sub(op, &left, &right) {
                        return Ok(LiteralValue::Constant(value));
                    }
                }
                Self::convert_signed_num(node).map(LiteralValue::Constant)
            }
            _ => Self::convert_signed_num(node).map(LiteralValue::Constant),
        }
    }
}

/// The type of the first unhashable value inside `value`, if any.
fn unhashable_type(value: &LiteralValue) -> Option<&'static str> {
    match value {
        LiteralValue::Constant(_) => None,
        LiteralValue::Tuple(items) => items.iter().find_map(unhashable_type),
        LiteralValue::List(_) => Some("list"),
        LiteralValue::Set(_) => Some("set"),
        LiteralValue::Dict(_) => Some("dict"),
    }
}

/// `TypeError` for a set element or dict key that cannot be hashed; `role` is `"a set
/// element"` or `"a dict key"`.
fn check_hashable(value: &LiteralValue, role: &str) -> Result<(), ToolkitError> {
    let Some(inner) = unhashable_type(value) else {
        return Ok(());
    };
    let outer = value.type_name();
    Err(ToolkitError {
        exc_type: "TypeError",
        message: format!("cannot use '{outer}' as {role} (unhashable type: '{inner}')"),
    })
}

impl LiteralValue {
    /// The Python type name of the value.
    pub fn type_name(&self) -> &'static str {
        match self {
            LiteralValue::Constant(c) => c.type_name(),
            LiteralValue::Tuple(_) => "tuple",
            LiteralValue::List(_) => "list",
            LiteralValue::Set(_) => "set",
            LiteralValue::Dict(_) => "dict",
        }
    }

    /// Python's `repr` of the value (a set in first-inserted order).
    pub fn repr(&self) -> String {
        let join = |items: &[LiteralValue]| {
            items
                .iter()
                .map(LiteralValue::repr)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            LiteralValue::Constant(c) => c.repr(),
            LiteralValue::Tuple(items) if items.len() == 1 => format!("({},)", items[0].repr()),
            LiteralValue::Tuple(items) => format!("({})", join(items)),
            LiteralValue::List(items) => format!("[{}]", join(items)),
            LiteralValue::Set(items) if items.is_empty() => "set()".to_string(),
            LiteralValue::Set(items) => format!("{{{}}}", join(items)),
            LiteralValue::Dict(pairs) => {
                let pairs: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| format!("{}: {}", k.repr(), v.repr()))
                    .collect();
                format!("{{{}}}", pairs.join(", "))
            }
        }
    }
}

/// Python's `==` between two hashable literal values.
fn py_eq(a: &LiteralValue, b: &LiteralValue) -> bool {
    match (a, b) {
        (LiteralValue::Constant(a), LiteralValue::Constant(b)) => constant_eq(a, b),
        (LiteralValue::Tuple(a), LiteralValue::Tuple(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| py_eq(x, y))
        }
        _ => false,
    }
}

/// A number as an exact value for comparison: an integer, or a float, or a complex pair.
enum Numeric {
    Int(num_bigint::BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn numeric(value: &Constant) -> Option<Numeric> {
    match value {
        Constant::Bool(b) => Some(Numeric::Int(num_bigint::BigInt::from(i64::from(*b)))),
        Constant::Int(i) => Some(Numeric::Int(i.to_bigint())),
        Constant::Float(x) => Some(Numeric::Float(*x)),
        Constant::Complex { real, imag } => Some(Numeric::Complex(*real, *imag)),
        _ => None,
    }
}

/// `int == float` compares exactly, as Python does.
fn int_eq_float(i: &num_bigint::BigInt, x: f64) -> bool {
    // An integral finite float converts to a big integer exactly.
    x.is_finite()
        && x.fract() == 0.0
        && <num_bigint::BigInt as num_traits::FromPrimitive>::from_f64(x).is_some_and(|y| &y == i)
}

fn real_eq(a: &Numeric, b: &Numeric) -> bool {
    match (a, b) {
        (Numeric::Int(a), Numeric::Int(b)) => a == b,
        (Numeric::Float(a), Numeric::Float(b)) => a == b,
        (Numeric::Int(i), Numeric::Float(x)) | (Numeric::Float(x), Numeric::Int(i)) => {
            int_eq_float(i, *x)
        }
        _ => false,
    }
}

fn constant_eq(a: &Constant, b: &Constant) -> bool {
    if let (Some(x), Some(y)) = (numeric(a), numeric(b)) {
        return match (&x, &y) {
            (Numeric::Complex(ar, ai), Numeric::Complex(br, bi)) => ar == br && ai == bi,
            (Numeric::Complex(r, i), other) | (other, Numeric::Complex(r, i)) => {
                *i == 0.0 && real_eq(&Numeric::Float(*r), other)
            }
            _ => real_eq(&x, &y),
        };
    }
    match (a, b) {
        (Constant::Tuple(a), Constant::Tuple(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| constant_eq(x, y))
        }
        _ => a == b,
    }
}

/// A set display: duplicates (by `==`) keep the first occurrence.
fn dedupe_set(items: Vec<LiteralValue>) -> Result<Vec<LiteralValue>, ToolkitError> {
    let mut out: Vec<LiteralValue> = Vec::new();
    for item in items {
        check_hashable(&item, "a set element")?;
        if !out.iter().any(|existing| py_eq(existing, &item)) {
            out.push(item);
        }
    }
    Ok(out)
}

/// A dict display: a repeated key keeps its first position and takes the last value.
fn dedupe_dict(
    pairs: Vec<(LiteralValue, LiteralValue)>,
) -> Result<Vec<(LiteralValue, LiteralValue)>, ToolkitError> {
    let mut out: Vec<(LiteralValue, LiteralValue)> = Vec::new();
    for (key, value) in pairs {
        check_hashable(&key, "a dict key")?;
        match out.iter_mut().find(|(existing, _)| py_eq(existing, &key)) {
            Some(entry) => entry.1 = value,
            None => out.push((key, value)),
        }
    }
    Ok(out)
}
