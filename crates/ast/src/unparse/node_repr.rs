//! Port of Python/Python-ast.c: ast_repr_max_depth and ast_repr_list, the `repr` of an AST node
//! (3.14), for expressions: `ast.unparse` puts it in its "Unexpected node" error.
//!
//! Fields are shown in `_fields` order without attributes, three levels deep (deeper nodes print
//! as `Name(...)`), and a list of more than two items shows only its first and last.

use crate::constant::Constant;
use crate::dump::str_repr;
use crate::{Arg, Arguments, Comprehension, Expr, Identifier, Keyword};

/// How deep `repr` shows nodes.
const REPR_DEPTH: usize = 3;

/// `repr(node)` of an expression.
pub(crate) fn expr_repr(node: &Expr) -> String {
    Repr::Expr(node).render(REPR_DEPTH)
}

/// A value in a node's field.
enum Repr<'a> {
    Expr(&'a Expr),
    OptExpr(Option<&'a Expr>),
    Exprs(Vec<Repr<'a>>),
    /// A node without fields (`Load()`, `Add()`).
    Leaf(&'static str),
    Leaves(Vec<&'static str>),
    Text(String),
    Node(&'static str, Vec<(&'static str, Repr<'a>)>),
}

fn identifier(name: &Identifier) -> Repr<'static> {
    Repr::Text(str_repr(name))
}

fn opt_identifier(name: Option<&Identifier>) -> Repr<'static> {
    Repr::Text(name.map_or_else(|| "None".to_string(), |name| str_repr(name)))
}

fn opt_text(text: Option<&str>) -> Repr<'static> {
    Repr::Text(text.map_or_else(|| "None".to_string(), str_repr))
}

fn int(value: i32) -> Repr<'static> {
    Repr::Text(value.to_string())
}

fn constant(value: &Constant) -> Repr<'static> {
    Repr::Text(value.repr())
}

fn exprs(values: &[Expr]) -> Repr<'_> {
    Repr::Exprs(values.iter().map(Repr::Expr).collect())
}

fn opt_exprs(values: &[Option<Expr>]) -> Repr<'_> {
    Repr::Exprs(
        values
            .iter()
            .map(|value| Repr::OptExpr(value.as_ref()))
            .collect(),
    )
}

fn arg(node: &Arg) -> Repr<'_> {
    Repr::Node(
        "arg",
        vec![
            ("arg", identifier(&node.arg)),
            ("annotation", Repr::OptExpr(node.annotation.as_ref())),
            ("type_comment", opt_text(node.type_comment.as_deref())),
        ],
    )
}

fn opt_arg(node: Option<&Arg>) -> Repr<'_> {
    node.map_or(Repr::Text("None".to_string()), arg)
}

fn arguments(node: &Arguments) -> Repr<'_> {
    Repr::Node(
        "arguments",
        vec![
            (
                "posonlyargs",
                Repr::Exprs(node.posonlyargs.iter().map(arg).collect()),
            ),
            ("args", Repr::Exprs(node.args.iter().map(arg).collect())),
            ("vararg", opt_arg(node.vararg.as_deref())),
            (
                "kwonlyargs",
                Repr::Exprs(node.kwonlyargs.iter().map(arg).collect()),
            ),
            ("kw_defaults", opt_exprs(&node.kw_defaults)),
            ("kwarg", opt_arg(node.kwarg.as_deref())),
            ("defaults", exprs(&node.defaults)),
        ],
    )
}

fn keywords(nodes: &[Keyword]) -> Repr<'_> {
    Repr::Exprs(
        nodes
            .iter()
            .map(|k| {
                Repr::Node(
                    "keyword",
                    vec![
                        ("arg", opt_identifier(k.arg.as_ref())),
                        ("value", Repr::Expr(&k.value)),
                    ],
                )
            })
            .collect(),
    )
}

fn generators(nodes: &[Comprehension]) -> Repr<'_> {
    Repr::Exprs(
        nodes
            .iter()
            .map(|c| {
                Repr::Node(
                    "comprehension",
                    vec![
                        ("target", Repr::Expr(&c.target)),
                        ("iter", Repr::Expr(&c.iter)),
                        ("ifs", exprs(&c.ifs)),
                        ("is_async", int(c.is_async)),
                    ],
                )
            })
            .collect(),
    )
}

/// The class name and fields of an expression.
fn expr_fields(node: &Expr) -> (&'static str, Vec<(&'static str, Repr<'_>)>) {
    let fields = match node {
        Expr::BoolOp(n) => vec![
            ("op", Repr::Leaf(n.op.class_name())),
            ("values", exprs(&n.values)),
        ],
        Expr::NamedExpr(n) => vec![
            ("target", Repr::Expr(&n.target)),
            ("value", Repr::Expr(&n.value)),
        ],
        Expr::BinOp(n) => vec![
            ("left", Repr::Expr(&n.left)),
            ("op", Repr::Leaf(n.op.class_name())),
            ("right", Repr::Expr(&n.right)),
        ],
        Expr::UnaryOp(n) => vec![
            ("op", Repr::Leaf(n.op.class_name())),
            ("operand", Repr::Expr(&n.operand)),
        ],
        Expr::Lambda(n) => vec![("args", arguments(&n.args)), ("body", Repr::Expr(&n.body))],
        Expr::IfExp(n) => vec![
            ("test", Repr::Expr(&n.test)),
            ("body", Repr::Expr(&n.body)),
            ("orelse", Repr::Expr(&n.orelse)),
        ],
        Expr::Dict(n) => vec![("keys", opt_exprs(&n.keys)), ("values", exprs(&n.values))],
        Expr::Set(n) => vec![("elts", exprs(&n.elts))],
        Expr::ListComp(n) => vec![
            ("elt", Repr::Expr(&n.elt)),
            ("generators", generators(&n.generators)),
        ],
        Expr::SetComp(n) => vec![
            ("elt", Repr::Expr(&n.elt)),
            ("generators", generators(&n.generators)),
        ],
        Expr::DictComp(n) => vec![
            ("key", Repr::Expr(&n.key)),
            ("value", Repr::Expr(&n.value)),
            ("generators", generators(&n.generators)),
        ],
        Expr::GeneratorExp(n) => vec![
            ("elt", Repr::Expr(&n.elt)),
            ("generators", generators(&n.generators)),
        ],
        Expr::Await(n) => vec![("value", Repr::Expr(&n.value))],
        Expr::Yield(n) => vec![("value", Repr::OptExpr(n.value.as_ref()))],
        Expr::YieldFrom(n) => vec![("value", Repr::Expr(&n.value))],
        Expr::Compare(n) => vec![
            ("left", Repr::Expr(&n.left)),
            (
                "ops",
                Repr::Leaves(n.ops.iter().map(|op| op.class_name()).collect()),
            ),
            ("comparators", exprs(&n.comparators)),
        ],
        Expr::Call(n) => vec![
            ("func", Repr::Expr(&n.func)),
            ("args", exprs(&n.args)),
            ("keywords", keywords(&n.keywords)),
        ],
        Expr::FormattedValue(n) => vec![
            ("value", Repr::Expr(&n.value)),
            ("conversion", int(n.conversion)),
            ("format_spec", Repr::OptExpr(n.format_spec.as_ref())),
        ],
        Expr::Interpolation(n) => vec![
            ("value", Repr::Expr(&n.value)),
            ("str", constant(&n.str)),
            ("conversion", int(n.conversion)),
            ("format_spec", Repr::OptExpr(n.format_spec.as_ref())),
        ],
        Expr::JoinedStr(n) => vec![("values", exprs(&n.values))],
        Expr::TemplateStr(n) => vec![("values", exprs(&n.values))],
        Expr::Constant(n) => vec![
            ("value", constant(&n.value)),
            ("kind", opt_text(n.kind.as_deref())),
        ],
        Expr::Attribute(n) => vec![
            ("value", Repr::Expr(&n.value)),
            ("attr", identifier(&n.attr)),
            ("ctx", Repr::Leaf(n.ctx.class_name())),
        ],
        Expr::Subscript(n) => vec![
            ("value", Repr::Expr(&n.value)),
            ("slice", Repr::Expr(&n.slice)),
            ("ctx", Repr::Leaf(n.ctx.class_name())),
        ],
        Expr::Starred(n) => vec![
            ("value", Repr::Expr(&n.value)),
            ("ctx", Repr::Leaf(n.ctx.class_name())),
        ],
        Expr::Name(n) => vec![
            ("id", identifier(&n.id)),
            ("ctx", Repr::Leaf(n.ctx.class_name())),
        ],
        Expr::List(n) => vec![
            ("elts", exprs(&n.elts)),
            ("ctx", Repr::Leaf(n.ctx.class_name())),
        ],
        Expr::Tuple(n) => vec![
            ("elts", exprs(&n.elts)),
            ("ctx", Repr::Leaf(n.ctx.class_name())),
        ],
        Expr::Slice(n) => vec![
            ("lower", Repr::OptExpr(n.lower.as_ref())),
            ("upper", Repr::OptExpr(n.upper.as_ref())),
            ("step", Repr::OptExpr(n.step.as_ref())),
        ],
    };
    (node.class_name(), fields)
}

impl Repr<'_> {
    /// The text of this value inside a node shown at `depth` (`ast_repr_max_depth`).
    fn render(&self, depth: usize) -> String {
        match self {
            Repr::Expr(node) => {
                let (class, fields) = expr_fields(node);
                render_node(class, &fields, depth)
            }
            Repr::OptExpr(None) => "None".to_string(),
            Repr::OptExpr(Some(node)) => Repr::Expr(node).render(depth),
            Repr::Leaf(class) => render_node(class, &[], depth),
            Repr::Leaves(classes) => {
                let items: Vec<Repr<'_>> = classes.iter().map(|class| Repr::Leaf(class)).collect();
                render_list(&items, depth)
            }
            Repr::Exprs(items) => render_list(items, depth),
            Repr::Text(text) => text.clone(),
            Repr::Node(class, fields) => render_node(class, fields, depth),
        }
    }
}

fn render_node(class: &str, fields: &[(&'static str, Repr<'_>)], depth: usize) -> String {
    if depth == 0 {
        return format!("{class}(...)");
    }
    let fields: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("{name}={}", value.render(depth - 1)))
        .collect();
    format!("{class}({})", fields.join(", "))
}

/// `ast_repr_list`: the items one level deeper; of more than two, the first and the last.
fn render_list(items: &[Repr<'_>], depth: usize) -> String {
    let shown: Vec<String> = match items {
        [first, .., last] if items.len() > 2 => {
            vec![first.render(depth), "...".to_string(), last.render(depth)]
        }
        _ => items.iter().map(|item| item.render(depth)).collect(),
    };
    format!("[{}]", shown.join(", "))
}
