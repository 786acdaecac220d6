//! Port of Python/ast_preprocess.c: parse_literal, simple_format_arg_parse, parse_format,
//! optimize_format: `'%s-%r' % (a, b)` becomes `f'{a!s}-{b!r}'`.

use crate::constant::{Constant, PyStr};
use crate::NodeBox;
use crate::{Expr, ExprConstant, ExprFormattedValue, ExprJoinedStr, Location};

/// The longest width or precision the fold accepts, in digits, plus one (`MAXDIGITS`).
const MAXDIGITS: usize = 3;

/// The position a folded piece that has no source gets: -1 everywhere.
const NO_LOCATION: Location = Location::new(-1, -1, -1, -1);

/// One piece of the folded f-string, before the tuple's items are moved in.
enum Piece {
    Literal(Vec<u32>),
    /// A `%s`, `%r` or `%a` unit: the conversion character and the format spec, if any.
    Field {
        conversion: u8,
        spec: Option<String>,
    },
}

/// `parse_literal`: the text up to the next lone `%`, with `%%` read as `%`.
fn parse_literal(fmt: &[u32], pos: &mut usize) -> Option<Vec<u32>> {
    let percent = u32::from('%');
    let start = *pos;
    let mut text = Vec::new();
    while *pos < fmt.len() {
        if fmt[*pos] != percent {
            text.push(fmt[*pos]);
            *pos += 1;
        } else if *pos + 1 < fmt.len() && fmt[*pos + 1] == percent {
            text.push(percent);
            *pos += 2;
        } else {
            break;
        }
    }
    (*pos != start).then_some(text)
}

/// The flags, width and precision of one conversion unit (`simple_format_arg_parse`).
struct FormatArg {
    left_justify: bool,
    width: Option<u32>,
    precision: Option<u32>,
    spec: u32,
}

/// Reads up to `MAXDIGITS - 1` decimal digits starting with `*ch`; `None` when there are more
/// or the text ends.
fn parse_digits(fmt: &[u32], pos: &mut usize, ch: &mut u32) -> Option<u32> {
    let mut value = 0;
    let mut digits = 0;
    while let Some(digit) = char::from_u32(*ch).and_then(|c| c.to_digit(10)) {
        value = value * 10 + digit;
        *ch = next_char(fmt, pos)?;
        digits += 1;
        if digits >= MAXDIGITS {
            return None;
        }
    }
    Some(value)
}

fn next_char(fmt: &[u32], pos: &mut usize) -> Option<u32> {
    let ch = *fmt.get(*pos)?;
    *pos += 1;
    Some(ch)
}

/// `simple_format_arg_parse`: `None` for a unit the fold does not handle.
fn simple_format_arg_parse(fmt: &[u32], pos: &mut usize) -> Option<FormatArg> {
    let mut left_justify = false;
    let mut ch;
    loop {
        ch = next_char(fmt, pos)?;
        match char::from_u32(ch) {
            Some('-') => left_justify = true,
            // The other flags are accepted and have no effect on the fold.
            Some('+' | ' ' | '#' | '0') => {}
            _ => break,
        }
    }
    let mut width = None;
    if char::from_u32(ch).is_some_and(|c| c.is_ascii_digit()) {
        width = Some(parse_digits(fmt, pos, &mut ch)?);
    }
    let mut precision = None;
    if ch == u32::from('.') {
        ch = next_char(fmt, pos)?;
        precision = Some(parse_digits(fmt, pos, &mut ch)?);
    }
    Some(FormatArg {
        left_justify,
        width,
        precision,
        spec: ch,
    })
}

/// `parse_format`: the f-string field of a `%s`, `%r` or `%a` unit.
fn parse_format(fmt: &[u32], pos: &mut usize) -> Option<Piece> {
    let arg = simple_format_arg_parse(fmt, pos)?;
    let conversion = match char::from_u32(arg.spec) {
        Some(c @ ('s' | 'r' | 'a')) => c as u8,
        _ => return None,
    };
    let mut spec = String::new();
    if !arg.left_justify && arg.width.is_some_and(|w| w > 0) {
        spec.push('>');
    }
    if let Some(width) = arg.width {
        spec.push_str(&width.to_string());
    }
    if let Some(precision) = arg.precision {
        spec.push_str(&format!(".{precision}"));
    }
    Some(Piece::Field {
        conversion,
        spec: (!spec.is_empty()).then_some(spec),
    })
}

/// The pieces of `fmt % items` when every unit is foldable and the counts agree.
fn plan_format(fmt: &[u32], item_count: usize) -> Option<Vec<Piece>> {
    let mut pieces = Vec::new();
    let mut pos = 0;
    let mut fields = 0;
    loop {
        if let Some(literal) = parse_literal(fmt, &mut pos) {
            pieces.push(Piece::Literal(literal));
        }
        if pos >= fmt.len() {
            break;
        }
        if fields >= item_count {
            return None; // more format units than items
        }
        pos += 1; // the '%'
        pieces.push(parse_format(fmt, &mut pos)?);
        fields += 1;
    }
    (fields == item_count).then_some(pieces) // else more items than units
}

/// `optimize_format`: rewrites `node` (a `BinOp`) in place when it is a foldable `%` format of a
/// str constant and a tuple display without starred items.
pub(super) fn optimize_format(node: &mut Expr) {
    let Expr::BinOp(binop) = node else {
        return;
    };
    let (Expr::Constant(left), Expr::Tuple(tuple)) = (&binop.left, &binop.right) else {
        return;
    };
    let Constant::Str(fmt) = &left.value else {
        return;
    };
    if tuple.elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
        return;
    }
    let fmt: Vec<u32> = fmt.code_points().collect();
    let Some(pieces) = plan_format(&fmt, tuple.elts.len()) else {
        return;
    };
    let loc = binop.loc;
    let Expr::Tuple(tuple) = std::mem::replace(&mut binop.right, placeholder()) else {
        return;
    };
    let mut items = NodeBox::into_inner(tuple).elts.into_iter();
    let values = pieces
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Literal(text) => Some(str_constant(&text)),
            Piece::Field { conversion, spec } => {
                let value = items.next()?;
                let format_spec =
                    spec.map(|spec| str_constant(&spec.chars().map(u32::from).collect::<Vec<_>>()));
                Some(Expr::FormattedValue(NodeBox::new(ExprFormattedValue {
                    loc: value.loc(),
                    value,
                    conversion: i32::from(conversion),
                    format_spec,
                })))
            }
        })
        .collect();
    *node = Expr::JoinedStr(NodeBox::new(ExprJoinedStr { loc, values }));
}

/// A str constant without a source position.
fn str_constant(code_points: &[u32]) -> Expr {
    let value = PyStr::from_code_points(code_points.iter().copied()).unwrap_or_default();
    Expr::Constant(NodeBox::new(ExprConstant {
        loc: NO_LOCATION,
        value: Constant::Str(value),
        kind: None,
    }))
}

/// What briefly stands in the `BinOp` while its tuple is moved out.
fn placeholder() -> Expr {
    Expr::Constant(NodeBox::new(ExprConstant {
        loc: NO_LOCATION,
        value: Constant::None,
        kind: None,
    }))
}
