//! Port of Lib/ast.py: dump (its nested `_format`), with `annotate_fields=True`.
//!
//! `_format(value, level)` returns the text and whether it is "simple" (a scalar, an empty list,
//! or a node printed with no arguments). A node prints on one line when all its arguments are
//! simple and there are at most three; otherwise, with an indent, each argument goes on its own
//! line. A field whose value is None is left out when the class default is None (every `?`
//! field, and `end_lineno`/`end_col_offset` of expr, stmt, ...); an empty list is left out unless
//! `show_empty`; an attribute the node lacks is left out.

use crate::constant::{Constant, PyStr, ReprError};
use crate::{Identifier, Location};

/// The keyword arguments of `ast.dump` (`annotate_fields` is always True).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DumpOptions {
    pub include_attributes: bool,
    /// `indent=None` (one line) or `indent=n` (`n` spaces per level; 0 still breaks lines).
    pub indent: Option<usize>,
    pub show_empty: bool,
}

/// Why `ast.dump` raises instead of returning text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DumpError {
    /// The tree nests deeper than [`MAX_DUMP_DEPTH`]; Python raises `RecursionError`.
    TooDeep,
    /// `repr` of a constant raised (an int over the digit limit: `ValueError`).
    Repr(ReprError),
}

impl std::fmt::Display for DumpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DumpError::TooDeep => write!(f, "RecursionError: maximum recursion depth exceeded"),
            DumpError::Repr(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for DumpError {}

/// How many nested nodes and lists `dump` follows. Python's `_format` recursion gives up near
/// `sys.getrecursionlimit()` (1000) frames; this bound keeps our recursion well inside a thread's
/// stack and is not meant to reproduce the exact point where Python fails.
pub const MAX_DUMP_DEPTH: usize = 1000;

/// `ast.dump(node, annotate_fields=True, ...)`.
pub fn dump<N: Dump + ?Sized>(node: &N, options: DumpOptions) -> Result<String, DumpError> {
    let formatter = Formatter {
        options,
        indent: " ".repeat(options.indent.unwrap_or(0)),
    };
    Ok(node.format(&formatter, 0)?.text)
}

/// A value `ast.dump` can print: a node, or a field value inside one.
pub trait Dump {
    /// `_format(self, level)` at nesting `depth` (0 for the node passed to `dump`).
    fn format(&self, f: &Formatter, depth: usize) -> Result<Formatted, DumpError>;
}

/// The dump settings, shared by the whole walk.
pub struct Formatter {
    options: DumpOptions,
    indent: String,
}

impl Formatter {
    /// `(prefix, sep)` of `_format` for a node or list at `depth`.
    fn separators(&self, depth: usize) -> (String, String) {
        if self.options.indent.is_none() {
            return (String::new(), ", ".to_string());
        }
        let pad = self.indent.repeat(depth + 1);
        (format!("\n{pad}"), format!(",\n{pad}"))
    }
}

/// What `_format` returns: the text and whether it counts as simple.
pub struct Formatted {
    pub text: String,
    pub simple: bool,
}

impl Formatted {
    fn scalar(text: String) -> Formatted {
        Formatted { text, simple: true }
    }

    /// A node printed without arguments, `Load()`: simple.
    pub fn empty_node(class: &str) -> Formatted {
        Formatted::scalar(format!("{class}()"))
    }
}

/// The arguments of one node being printed (`args` and `allsimple` in `_format`).
pub struct NodeArgs<'f> {
    formatter: &'f Formatter,
    depth: usize,
    args: Vec<String>,
    all_simple: bool,
}

impl<'f> NodeArgs<'f> {
    pub fn new(formatter: &'f Formatter, depth: usize) -> Result<Self, DumpError> {
        if depth > MAX_DUMP_DEPTH {
            return Err(DumpError::TooDeep);
        }
        Ok(NodeArgs {
            formatter,
            depth,
            args: Vec::new(),
            all_simple: true,
        })
    }

    fn push(&mut self, name: &str, value: Formatted) {
        self.all_simple &= value.simple;
        self.args.push(format!("{name}={}", value.text));
    }

    /// A field that always has a value.
    pub fn field<T: Dump + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), DumpError> {
        let formatted = value.format(self.formatter, self.depth + 1)?;
        self.push(name, formatted);
        Ok(())
    }

    /// A `?` field: None is left out (its class default is None).
    pub fn optional<T: Dump>(&mut self, name: &str, value: &Option<T>) -> Result<(), DumpError> {
        match value {
            Some(value) => self.field(name, value),
            None => Ok(()),
        }
    }

    /// A `*` field: an empty list is left out unless `show_empty`.
    pub fn sequence<T: Dump>(&mut self, name: &str, values: &[T]) -> Result<(), DumpError> {
        if values.is_empty() && !self.formatter.options.show_empty {
            return Ok(());
        }
        let formatted = format_list(self.formatter, values, self.depth + 1)?;
        self.push(name, formatted);
        Ok(())
    }

    /// The node's `_attributes`, when `include_attributes`; absent ones are left out.
    pub fn attributes(&mut self, loc: &Location) {
        if !self.formatter.options.include_attributes {
            return;
        }
        for (name, value) in loc.attributes() {
            if let Some(value) = value {
                self.push(name, Formatted::scalar(value.to_string()));
            }
        }
    }

    pub fn finish(self, class: &str) -> Formatted {
        if self.all_simple && self.args.len() <= 3 {
            return Formatted {
                simple: self.args.is_empty(),
                text: format!("{class}({})", self.args.join(", ")),
            };
        }
        let (prefix, sep) = self.formatter.separators(self.depth);
        Formatted {
            text: format!("{class}({prefix}{})", self.args.join(&sep)),
            simple: false,
        }
    }
}

fn format_list<T: Dump>(f: &Formatter, values: &[T], depth: usize) -> Result<Formatted, DumpError> {
    if values.is_empty() {
        return Ok(Formatted::scalar("[]".to_string()));
    }
    if depth > MAX_DUMP_DEPTH {
        return Err(DumpError::TooDeep);
    }
    let (prefix, sep) = f.separators(depth);
    let mut items = Vec::with_capacity(values.len());
    for value in values {
        items.push(value.format(f, depth + 1)?.text);
    }
    Ok(Formatted {
        text: format!("[{prefix}{}]", items.join(&sep)),
        simple: false,
    })
}

/// Python's `repr` of a `str`.
pub fn str_repr(text: &str) -> String {
    Constant::Str(PyStr::from(text)).repr()
}

impl<T: Dump + ?Sized> Dump for Box<T> {
    fn format(&self, f: &Formatter, depth: usize) -> Result<Formatted, DumpError> {
        (**self).format(f, depth)
    }
}

impl<T: Dump + crate::node_box::Node> Dump for crate::NodeBox<T> {
    fn format(&self, f: &Formatter, depth: usize) -> Result<Formatted, DumpError> {
        (**self).format(f, depth)
    }
}

/// An element of a `?*` list (`Dict.keys`, `arguments.kw_defaults`): None prints as `None`.
impl<T: Dump> Dump for Option<T> {
    fn format(&self, f: &Formatter, depth: usize) -> Result<Formatted, DumpError> {
        match self {
            Some(value) => value.format(f, depth),
            None => Ok(Formatted::scalar("None".to_string())),
        }
    }
}

impl Dump for Identifier {
    fn format(&self, _: &Formatter, _: usize) -> Result<Formatted, DumpError> {
        Ok(Formatted::scalar(str_repr(self)))
    }
}

impl Dump for str {
    fn format(&self, _: &Formatter, _: usize) -> Result<Formatted, DumpError> {
        Ok(Formatted::scalar(str_repr(self)))
    }
}

impl Dump for i32 {
    fn format(&self, _: &Formatter, _: usize) -> Result<Formatted, DumpError> {
        Ok(Formatted::scalar(self.to_string()))
    }
}

impl Dump for Constant {
    fn format(&self, _: &Formatter, _: usize) -> Result<Formatted, DumpError> {
        let text = self.try_repr().map_err(DumpError::Repr)?;
        Ok(Formatted::scalar(text))
    }
}
