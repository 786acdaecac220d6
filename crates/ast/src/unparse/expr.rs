//! Port of Lib/_ast_unparse.py: the expression visitors of Unparser (visit_NamedExpr through
//! visit_Lambda, visit_arguments, visit_keyword, visit_comprehension) and the f-string and
//! t-string writers (_write_ftstring, _write_ftstring_inner, _write_interpolation).

use super::strings::{constant_text, ftstring_helper, FtPart};
use super::{Precedence, Result, UnparseError, Unparser, DIRECT};
use crate::constant::Constant;
use crate::{
    Arguments, BoolOp, CmpOp, Comprehension, Expr, ExprConstant, Keyword, Operator, UnaryOp,
};

/// The operator text of `binop`.
pub(super) fn binop_text(op: Operator) -> &'static str {
    match op {
        Operator::Add => "+",
        Operator::Sub => "-",
        Operator::Mult => "*",
        Operator::MatMult => "@",
        Operator::Div => "/",
        Operator::Mod => "%",
        Operator::LShift => "<<",
        Operator::RShift => ">>",
        Operator::BitOr => "|",
        Operator::BitXor => "^",
        Operator::BitAnd => "&",
        Operator::FloorDiv => "//",
        Operator::Pow => "**",
    }
}

/// `binop_precedence`.
fn binop_precedence(op: Operator) -> Precedence {
    match op {
        Operator::Add | Operator::Sub => Precedence::ARITH,
        Operator::Mult | Operator::MatMult | Operator::Div | Operator::Mod | Operator::FloorDiv => {
            Precedence::TERM
        }
        Operator::LShift | Operator::RShift => Precedence::SHIFT,
        Operator::BitOr => Precedence::BOR,
        Operator::BitXor => Precedence::BXOR,
        Operator::BitAnd => Precedence::BAND,
        Operator::Pow => Precedence::POWER,
    }
}

/// `cmpops`.
fn cmpop_text(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

/// `unop` and `unop_precedence`.
fn unaryop_text(op: UnaryOp) -> (&'static str, Precedence) {
    match op {
        UnaryOp::Invert => ("~", Precedence::FACTOR),
        UnaryOp::Not => ("not", Precedence::NOT),
        UnaryOp::UAdd => ("+", Precedence::FACTOR),
        UnaryOp::USub => ("-", Precedence::FACTOR),
    }
}

/// How many frames above its `visit_X` an expression's own helper calls reach: `write` (1),
/// `_write_constant` and `write` (2), `require_parens` with `delimit_if` and `nullcontext` (3)
/// or with `delimit` and its context manager (4), `interleave` with its separator lambda, ...
fn expr_helper_frames(node: &Expr, prec: Precedence) -> usize {
    let parens = |own: Precedence| if prec > own { 4 } else { 3 };
    match node {
        Expr::BoolOp(n) => parens(if n.op == BoolOp::And {
            Precedence::AND
        } else {
            Precedence::OR
        }),
        Expr::NamedExpr(_) => parens(Precedence::NAMED_EXPR),
        Expr::BinOp(n) => parens(binop_precedence(n.op)),
        Expr::UnaryOp(n) => parens(unaryop_text(n.op).1),
        Expr::Lambda(_) | Expr::IfExp(_) => parens(Precedence::TEST),
        Expr::Await(_) => parens(Precedence::AWAIT),
        Expr::Yield(_) | Expr::YieldFrom(_) => parens(Precedence::YIELD),
        Expr::Compare(_) => parens(Precedence::CMP),
        // write_key_value_pair writes ": " four frames up.
        Expr::Dict(n) if n.keys.iter().any(Option::is_some) => 4,
        Expr::Set(n) if n.elts.is_empty() => 1,
        Expr::Subscript(n) if matches!(&n.slice, Expr::Tuple(t) if t.elts.len() > 1) => 4,
        Expr::Dict(_)
        | Expr::Set(_)
        | Expr::List(_)
        | Expr::ListComp(_)
        | Expr::SetComp(_)
        | Expr::DictComp(_)
        | Expr::GeneratorExp(_)
        | Expr::Call(_)
        | Expr::Subscript(_) => 3,
        Expr::Tuple(n) => {
            let delimiters = if n.elts.is_empty() || prec > Precedence::TUPLE {
                3
            } else {
                2
            };
            // items_view, interleave, the separator lambda, write
            let separators = if n.elts.len() > 1 { 4 } else { 2 };
            delimiters.max(separators)
        }
        Expr::Constant(n) => match &n.value {
            Constant::Tuple(items) if items.len() > 1 => 4,
            Constant::Tuple(_) => 3,
            Constant::Ellipsis => 1,
            _ => 2,
        },
        // _str_literal_helper's escape_char under _ftstring_helper, for a non-empty literal.
        Expr::JoinedStr(n) if has_literal_text(&n.values) => 4,
        Expr::TemplateStr(n) if has_literal_text(&n.values) => 4,
        Expr::JoinedStr(_) | Expr::TemplateStr(_) => 3,
        Expr::FormattedValue(_) | Expr::Interpolation(_) => 0,
        Expr::Attribute(_) | Expr::Starred(_) | Expr::Name(_) | Expr::Slice(_) => 1,
    }
}

/// Whether an f-string or t-string has a non-empty literal piece.
fn has_literal_text(values: &[Expr]) -> bool {
    values.iter().any(|value| {
        matches!(value, Expr::Constant(c) if matches!(&c.value, Constant::Str(s) if !s.is_empty()))
    })
}

impl Unparser {
    /// `traverse` of an expression whose parent asked for precedence `prec`, straight from
    /// the parent's `visit_X`.
    pub(super) fn expr(&mut self, node: &Expr, prec: Precedence) -> Result<()> {
        self.expr_at(node, prec, DIRECT)
    }

    /// An expression whose `visit_Y` runs `offset` Python frames above the parent's `visit_X`.
    pub(super) fn expr_at(&mut self, node: &Expr, prec: Precedence, offset: usize) -> Result<()> {
        self.at(offset, |u| u.expr_visit(node, prec))
    }

    /// `visit_Y` of an expression, in the current frame.
    pub(super) fn expr_visit(&mut self, node: &Expr, prec: Precedence) -> Result<()> {
        self.peak(expr_helper_frames(node, prec))?;
        self.expr_inner(node, prec)
    }

    fn expr_inner(&mut self, node: &Expr, prec: Precedence) -> Result<()> {
        match node {
            Expr::BoolOp(node) => {
                let (text, own) = match node.op {
                    BoolOp::And => (" and ", Precedence::AND),
                    BoolOp::Or => (" or ", Precedence::OR),
                };
                self.require_parens(own, prec, |u| {
                    // Each operand binds one level tighter than the one before it.
                    let mut operand_prec = own;
                    u.interleave(text, &node.values, |u, value| {
                        operand_prec = operand_prec.next();
                        u.expr_at(value, operand_prec, 5)
                    })
                })
            }
            Expr::NamedExpr(node) => self.require_parens(Precedence::NAMED_EXPR, prec, |u| {
                u.expr(&node.target, Precedence::ATOM)?;
                u.write(" := ");
                u.expr(&node.value, Precedence::ATOM)
            }),
            Expr::BinOp(node) => {
                let own = binop_precedence(node.op);
                self.require_parens(own, prec, |u| {
                    let (left, right) = if node.op == Operator::Pow {
                        (own.next(), own)
                    } else {
                        (own, own.next())
                    };
                    u.expr(&node.left, left)?;
                    u.write(&format!(" {} ", binop_text(node.op)));
                    u.expr(&node.right, right)
                })
            }
            Expr::UnaryOp(node) => {
                let (text, own) = unaryop_text(node.op);
                self.require_parens(own, prec, |u| {
                    u.write(text);
                    if own != Precedence::FACTOR {
                        u.write(" ");
                    }
                    u.expr(&node.operand, own)
                })
            }
            Expr::Lambda(node) => self.require_parens(Precedence::TEST, prec, |u| {
                u.write("lambda");
                let (arguments, written) =
                    u.buffered(|u| u.at(DIRECT, |u| u.arguments(&node.args)))?;
                if written {
                    u.write(" ");
                    u.write(&arguments);
                }
                u.write(": ");
                u.expr(&node.body, Precedence::TEST)
            }),
            Expr::IfExp(node) => self.require_parens(Precedence::TEST, prec, |u| {
                u.expr(&node.body, Precedence::TEST.next())?;
                u.write(" if ");
                u.expr(&node.test, Precedence::TEST.next())?;
                u.write(" else ");
                u.expr(&node.orelse, Precedence::TEST)
            }),
            Expr::Dict(node) => self.delimit("{", "}", |u| {
                u.interleave(
                    ", ",
                    node.keys.iter().zip(&node.values),
                    |u, (key, value)| {
                        match key {
                            // `{**mapping}`
                            // interleave, write_item, traverse, visit, visit_Y
                            None => {
                                u.write("**");
                                u.expr_at(value, Precedence::EXPR, 5)
                            }
                            // ... and write_key_value_pair
                            Some(key) => {
                                u.expr_at(key, Precedence::TEST, 6)?;
                                u.write(": ");
                                u.expr_at(value, Precedence::TEST, 6)
                            }
                        }
                    },
                )
            }),
            Expr::Set(node) => {
                if node.elts.is_empty() {
                    // `{}` is a dict and `set` may be shadowed.
                    self.write("{*()}");
                    return Ok(());
                }
                self.delimit("{", "}", |u| {
                    u.interleave(", ", &node.elts, |u, e| u.expr_at(e, Precedence::TEST, 4))
                })
            }
            Expr::ListComp(node) => self.delimit("[", "]", |u| {
                u.expr(&node.elt, Precedence::TEST)?;
                u.comprehensions(&node.generators)
            }),
            Expr::SetComp(node) => self.delimit("{", "}", |u| {
                u.expr(&node.elt, Precedence::TEST)?;
                u.comprehensions(&node.generators)
            }),
            Expr::DictComp(node) => self.delimit("{", "}", |u| {
                u.expr(&node.key, Precedence::TEST)?;
                u.write(": ");
                u.expr(&node.value, Precedence::TEST)?;
                u.comprehensions(&node.generators)
            }),
            Expr::GeneratorExp(node) => self.delimit("(", ")", |u| {
                u.expr(&node.elt, Precedence::TEST)?;
                u.comprehensions(&node.generators)
            }),
            Expr::Await(node) => self.require_parens(Precedence::AWAIT, prec, |u| {
                u.write("await ");
                u.expr(&node.value, Precedence::ATOM)
            }),
            Expr::Yield(node) => self.require_parens(Precedence::YIELD, prec, |u| {
                u.write("yield");
                if let Some(value) = &node.value {
                    u.write(" ");
                    u.expr(value, Precedence::ATOM)?;
                }
                Ok(())
            }),
            Expr::YieldFrom(node) => self.require_parens(Precedence::YIELD, prec, |u| {
                u.write("yield from ");
                u.expr(&node.value, Precedence::ATOM)
            }),
            Expr::Compare(node) => self.require_parens(Precedence::CMP, prec, |u| {
                u.expr(&node.left, Precedence::CMP.next())?;
                for (op, comparator) in node.ops.iter().zip(&node.comparators) {
                    u.write(&format!(" {} ", cmpop_text(*op)));
                    u.expr(comparator, Precedence::CMP.next())?;
                }
                Ok(())
            }),
            Expr::Call(node) => {
                self.expr(&node.func, Precedence::ATOM)?;
                self.delimit("(", ")", |u| u.call_arguments(&node.args, &node.keywords))
            }
            Expr::FormattedValue(node) => self.interpolation(
                &node.value,
                None,
                i64::from(node.conversion),
                node.format_spec.as_ref(),
            ),
            Expr::Interpolation(node) => self.interpolation(
                &node.value,
                Some(&node.str),
                i64::from(node.conversion),
                node.format_spec.as_ref(),
            ),
            Expr::JoinedStr(node) => self.ftstring(&node.values, "f"),
            Expr::TemplateStr(node) => self.ftstring(&node.values, "t"),
            Expr::Constant(node) => self.constant(node),
            Expr::Attribute(node) => {
                self.expr(&node.value, Precedence::ATOM)?;
                // `3.__abs__()` is a syntax error: an int literal needs a space before the dot.
                if let Expr::Constant(constant) = &node.value {
                    if matches!(constant.value, Constant::Int(_) | Constant::Bool(_)) {
                        self.write(" ");
                    }
                }
                self.write(".");
                self.write(&node.attr);
                Ok(())
            }
            Expr::Subscript(node) => {
                self.expr(&node.value, Precedence::ATOM)?;
                self.delimit("[", "]", |u| match &node.slice {
                    // A non-empty tuple needs no parentheses in a subscript.
                    Expr::Tuple(tuple) if !tuple.elts.is_empty() => u.items_view(&tuple.elts),
                    slice => u.expr(slice, Precedence::TEST),
                })
            }
            Expr::Starred(node) => {
                self.write("*");
                self.expr(&node.value, Precedence::EXPR)
            }
            Expr::Name(node) => {
                self.write(&node.id);
                Ok(())
            }
            Expr::List(node) => self.delimit("[", "]", |u| {
                u.interleave(", ", &node.elts, |u, e| u.expr_at(e, Precedence::TEST, 4))
            }),
            Expr::Tuple(node) => {
                let parens = node.elts.is_empty() || prec > Precedence::TUPLE;
                self.delimit_if("(", ")", parens, |u| u.items_view(&node.elts))
            }
            Expr::Slice(node) => {
                if let Some(lower) = &node.lower {
                    self.expr(lower, Precedence::TEST)?;
                }
                self.write(":");
                if let Some(upper) = &node.upper {
                    self.expr(upper, Precedence::TEST)?;
                }
                if let Some(step) = &node.step {
                    self.write(":");
                    self.expr(step, Precedence::TEST)?;
                }
                Ok(())
            }
        }
    }

    /// `items_view`: comma-separated, with a trailing comma for a single item.
    fn items_view(&mut self, items: &[Expr]) -> Result<()> {
        // items_view, [interleave,] traverse, visit, visit_Y
        if let [only] = items {
            self.expr_at(only, Precedence::TEST, 4)?;
            self.write(",");
            return Ok(());
        }
        self.interleave(", ", items, |u, e| u.expr_at(e, Precedence::TEST, 5))
    }

    /// The arguments of a call or the bases of a class: positional, then keywords.
    pub(super) fn call_arguments(&mut self, args: &[Expr], keywords: &[Keyword]) -> Result<()> {
        let mut comma = false;
        for arg in args {
            if comma {
                self.write(", ");
            }
            comma = true;
            self.expr(arg, Precedence::TEST)?;
        }
        for keyword in keywords {
            if comma {
                self.write(", ");
            }
            comma = true;
            self.at(DIRECT, |u| u.keyword(keyword))?;
        }
        Ok(())
    }

    /// `visit_keyword`.
    pub(super) fn keyword(&mut self, node: &Keyword) -> Result<()> {
        self.peak(1)?;
        match &node.arg {
            None => self.write("**"),
            Some(arg) => {
                self.write(arg);
                self.write("=");
            }
        }
        self.expr(&node.value, Precedence::TEST)
    }

    /// `traverse` of each generator.
    fn comprehensions(&mut self, generators: &[Comprehension]) -> Result<()> {
        generators
            .iter()
            .try_for_each(|generator| self.at(DIRECT, |u| u.comprehension(generator)))
    }

    /// `visit_comprehension`.
    pub(super) fn comprehension(&mut self, generator: &Comprehension) -> Result<()> {
        self.peak(1)?;
        self.write(if generator.is_async != 0 {
            " async for "
        } else {
            " for "
        });
        self.expr(&generator.target, Precedence::TUPLE)?;
        self.write(" in ");
        self.expr(&generator.iter, Precedence::TEST.next())?;
        for condition in &generator.ifs {
            self.write(" if ");
            self.expr(condition, Precedence::TEST.next())?;
        }
        Ok(())
    }

    /// `visit_Constant`.
    fn constant(&mut self, node: &ExprConstant) -> Result<()> {
        match &node.value {
            Constant::Tuple(items) => self.delimit("(", ")", |u| {
                if let [only] = items.as_slice() {
                    u.write(&constant_text(only));
                    u.write(",");
                    return Ok(());
                }
                u.interleave(", ", items, |u, item| {
                    u.write(&constant_text(item));
                    Ok(())
                })
            }),
            Constant::Ellipsis => {
                self.write("...");
                Ok(())
            }
            value => {
                if node.kind.as_deref() == Some("u") {
                    self.write("u");
                }
                self.write(&constant_text(value));
                Ok(())
            }
        }
    }

    /// `visit_arguments`.
    pub(super) fn arguments(&mut self, node: &Arguments) -> Result<()> {
        self.peak(1)?;
        let mut first = true;
        let mut separator = |u: &mut Unparser| {
            if !std::mem::replace(&mut first, false) {
                u.write(", ");
            }
        };
        let positional = node.posonlyargs.iter().chain(&node.args);
        let count = node.posonlyargs.len() + node.args.len();
        let missing_defaults = count.saturating_sub(node.defaults.len());
        let defaults =
            std::iter::repeat_n(None, missing_defaults).chain(node.defaults.iter().map(Some));
        for (index, (arg, default)) in positional.zip(defaults).enumerate() {
            separator(self);
            self.at(DIRECT, |u| u.arg(arg))?;
            if let Some(default) = default {
                self.write("=");
                self.expr(default, Precedence::TEST)?;
            }
            if index + 1 == node.posonlyargs.len() {
                self.write(", /");
            }
        }
        if node.vararg.is_some() || !node.kwonlyargs.is_empty() {
            separator(self);
            self.write("*");
            if let Some(vararg) = &node.vararg {
                self.write(&vararg.arg);
                if let Some(annotation) = &vararg.annotation {
                    self.write(": ");
                    self.expr(annotation, Precedence::TEST)?;
                }
            }
        }
        for (arg, default) in node.kwonlyargs.iter().zip(&node.kw_defaults) {
            self.write(", ");
            self.at(DIRECT, |u| u.arg(arg))?;
            if let Some(default) = default {
                self.write("=");
                self.expr(default, Precedence::TEST)?;
            }
        }
        if let Some(kwarg) = &node.kwarg {
            separator(self);
            self.write(&format!("**{}", kwarg.arg));
            if let Some(annotation) = &kwarg.annotation {
                self.write(": ");
                self.expr(annotation, Precedence::TEST)?;
            }
        }
        Ok(())
    }

    /// `visit_arg`.
    pub(super) fn arg(&mut self, node: &crate::Arg) -> Result<()> {
        self.peak(1)?;
        self.write(&node.arg);
        if let Some(annotation) = &node.annotation {
            self.write(": ");
            self.expr(annotation, Precedence::TEST)?;
        }
        Ok(())
    }

    /// `_write_ftstring`: the prefix, then the pieces under one quote style.
    fn ftstring(&mut self, values: &[Expr], prefix: &str) -> Result<()> {
        self.write(prefix);
        let mut parts = Vec::with_capacity(values.len());
        for value in values {
            let part = match value {
                Expr::Constant(constant) => {
                    let Constant::Str(text) = &constant.value else {
                        return Err(unexpected_in_joined_str(value));
                    };
                    FtPart::Literal(double_braces(text.code_points()))
                }
                _ => {
                    // `_write_ftstring_inner` runs two frames above `visit_JoinedStr`.
                    let (text, _) =
                        self.buffered(|u| u.at(2, |u| u.ftstring_inner(value, false)))?;
                    FtPart::Field(text)
                }
            };
            parts.push(part);
        }
        ftstring_helper(&parts, &mut self.source);
        self.written = true;
        Ok(())
    }

    /// `_write_ftstring_inner` for a piece that is not a top-level literal, in its own frame.
    fn ftstring_inner(&mut self, node: &Expr, is_format_spec: bool) -> Result<()> {
        match node {
            Expr::JoinedStr(joined) => joined
                .values
                .iter()
                .try_for_each(|value| self.at(1, |u| u.ftstring_inner(value, is_format_spec))),
            Expr::Constant(constant) => {
                let Constant::Str(text) = &constant.value else {
                    return Err(unexpected_in_joined_str(node));
                };
                let mut code_points = double_braces(text.code_points());
                if is_format_spec {
                    code_points = escape_format_spec(&code_points);
                }
                let text = code_points_to_string(&code_points)?;
                self.peak(1)?;
                self.write(&text);
                Ok(())
            }
            Expr::FormattedValue(node) => self.at(1, |u| {
                u.interpolation(
                    &node.value,
                    None,
                    i64::from(node.conversion),
                    node.format_spec.as_ref(),
                )
            }),
            Expr::Interpolation(node) => self.at(1, |u| {
                u.interpolation(
                    &node.value,
                    Some(&node.str),
                    i64::from(node.conversion),
                    node.format_spec.as_ref(),
                )
            }),
            _ => Err(unexpected_in_joined_str(node)),
        }
    }

    /// `visit_FormattedValue` and `visit_Interpolation` with their `_write_interpolation`, in
    /// the frame of the `visit_X`. `source` is the `str` field of an `Interpolation`, written
    /// instead of the value when not `None`.
    fn interpolation(
        &mut self,
        value: &Expr,
        source: Option<&Constant>,
        conversion: i64,
        format_spec: Option<&Expr>,
    ) -> Result<()> {
        // _write_interpolation, delimit's generator, write
        self.peak(4)?;
        self.delimit("{", "}", |u| {
            let text = match source {
                Some(Constant::None) | None => {
                    // `_unparse_interpolation_value`: a fresh unparser.
                    let mut inner = Unparser::new();
                    // Its `visit` runs in the frame above `_unparse_interpolation_value`: the
                    // recursion limit counts the outer unparser's frames too.
                    inner.frames = u.frames + 3;
                    inner.expr(value, Precedence::TEST.next())?;
                    inner.source
                }
                Some(Constant::Str(text)) => {
                    code_points_to_string(&text.code_points().collect::<Vec<_>>())?
                }
                // Python calls `.startswith("{")` on whatever the field holds.
                Some(Constant::Bytes(_)) => {
                    return Err(UnparseError {
                        exc_type: "TypeError",
                        message: "startswith first arg must be bytes or a tuple of bytes, not str"
                            .to_string(),
                    })
                }
                Some(other) => {
                    return Err(UnparseError {
                        exc_type: "AttributeError",
                        message: format!(
                            "'{}' object has no attribute 'startswith'",
                            other.type_name()
                        ),
                    })
                }
            };
            if text.starts_with('{') {
                // `{ {` keeps a set or dict display from reading as an escaped brace.
                u.write(" ");
            }
            u.write(&text);
            if conversion != -1 {
                let conversion = u32::try_from(conversion)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| UnparseError::new("chr() arg not in range(0x110000)"))?;
                u.write(&format!("!{conversion}"));
            }
            if let Some(format_spec) = format_spec {
                u.write(":");
                u.at(2, |u| u.ftstring_inner(format_spec, true))?;
            }
            Ok(())
        })
    }
}

/// `Unexpected node inside JoinedStr, <repr of the node>`.
fn unexpected_in_joined_str(node: &Expr) -> UnparseError {
    UnparseError::new(format!(
        "Unexpected node inside JoinedStr, {}",
        super::node_repr::expr_repr(node)
    ))
}

/// `value.replace("{", "{{").replace("}", "}}")`.
fn double_braces(code_points: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut out = Vec::new();
    for cp in code_points {
        out.push(cp);
        if cp == u32::from('{') || cp == u32::from('}') {
            out.push(cp);
        }
    }
    out
}

/// The escapes `_write_ftstring_inner` applies inside a format spec: backslash, both quotes and
/// newline.
fn escape_format_spec(code_points: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(code_points.len());
    for &cp in code_points {
        match char::from_u32(cp) {
            Some('\\') => out.extend([u32::from('\\'), u32::from('\\')]),
            Some('\'') => out.extend([u32::from('\\'), u32::from('\'')]),
            Some('"') => out.extend([u32::from('\\'), u32::from('"')]),
            Some('\n') => out.extend([u32::from('\\'), u32::from('n')]),
            _ => out.push(cp),
        }
    }
    out
}

/// Text that goes into the output unescaped; a lone surrogate there cannot be printed (Python's
/// `print` fails on it too), so it is an error.
fn code_points_to_string(code_points: &[u32]) -> Result<String> {
    code_points
        .iter()
        .map(|&cp| char::from_u32(cp))
        .collect::<Option<String>>()
        .ok_or_else(|| UnparseError::new("lone surrogate in text written without escapes"))
}
