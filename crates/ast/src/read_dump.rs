//! Reads back the text of `ast.dump(tree, include_attributes=True)` (indent None) into a tree,
//! so that later stages can be tested on the oracle's trees. No CPython function does this; it is
//! the inverse of Lib/ast.py's `dump`, and each node's reader is generated from the ASDL.

use crate::constant::Constant;
use crate::generated::nodes::Mod;
use crate::{Identifier, Location};

/// How deep nodes may nest in the text. Python's `dump` cannot print much deeper trees (its
/// recursion limit is 1000 frames), and the bound keeps our recursion inside a thread's stack.
pub const MAX_READ_DEPTH: usize = 1000;

/// Bracket nesting up to which `read_dump` recurses on the caller's stack. Debug builds spend
/// about 2 KB of stack per level, so this stays well inside a 2 MB test thread.
const INLINE_NESTING: usize = 200;

/// Stack for reading text nested deeper than [`INLINE_NESTING`]: room for [`MAX_READ_DEPTH`]
/// levels with a wide margin (it is reserved, not committed, memory).
const DEEP_READ_STACK: usize = 256 << 20;

/// Reads the text `ast.dump(tree, include_attributes=True)` printed for a `mod` node.
///
/// Deeply nested text is read on a helper thread with a large stack, so that any nesting up to
/// [`MAX_READ_DEPTH`] reads and anything deeper is an error, whatever the caller's stack.
pub fn read_dump(text: &str) -> Result<Mod, String> {
    read_dump_node(text)
}

/// Like [`read_dump`] for the dump of any node kind: `read_dump_node::<Expr>("Name(...)")`.
pub fn read_dump_node<T: ReadDump + Send>(text: &str) -> Result<T, String> {
    if max_bracket_nesting(text) <= INLINE_NESTING {
        return read_dump_inline(text);
    }
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(DEEP_READ_STACK)
            .spawn_scoped(scope, || read_dump_inline(text))
            .map_err(|e| format!("cannot start a thread to read a deeply nested dump: {e}"))?
            .join()
            .unwrap_or_else(|_| Err("the dump reader panicked".to_string()))
    })
}

/// An upper bound of the node nesting: brackets inside string constants count too.
fn max_bracket_nesting(text: &str) -> usize {
    let mut depth = 0usize;
    let mut max = 0;
    for byte in text.bytes() {
        match byte {
            b'(' | b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn read_dump_inline<T: ReadDump>(text: &str) -> Result<T, String> {
    let mut reader = Reader::new(text);
    let tree = T::read(&mut reader)?;
    reader.skip_spaces();
    if reader.pos != text.len() {
        return Err(reader.error("expected the end of the dump"));
    }
    Ok(tree)
}

/// A value that can be read from dump text; implemented for every node type by generated code.
pub trait ReadDump: Sized {
    fn read(reader: &mut Reader<'_>) -> Result<Self, String>;
}

/// A cursor over dump text.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader {
            text,
            pos: 0,
            depth: 0,
        }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    /// Spaces and newlines, so that indented dumps read too.
    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_spaces();
        if self.rest().starts_with(token) {
            self.pos += token.len();
            return true;
        }
        false
    }

    fn expect(&mut self, token: &str) -> Result<(), String> {
        if self.eat(token) {
            Ok(())
        } else {
            Err(self.error(&format!("expected {token:?}")))
        }
    }

    pub fn error(&self, what: &str) -> String {
        let found: String = self.rest().chars().take(30).collect();
        format!("dump text at byte {}: {what}, found {found:?}", self.pos)
    }

    /// Counts one level of node nesting; fails past [`MAX_READ_DEPTH`].
    pub fn enter(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > MAX_READ_DEPTH {
            return Err(self.error("nodes nested too deeply"));
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    fn word(&mut self) -> &'a str {
        self.skip_spaces();
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        self.pos += len;
        &rest[..len]
    }

    /// Reads `ClassName(` and returns the class name.
    pub fn class_name(&mut self) -> Result<&'a str, String> {
        let start = self.pos;
        let name = self.word();
        if name.is_empty() || !self.eat("(") {
            self.pos = start;
            return Err(self.error("expected a node"));
        }
        Ok(name)
    }

    /// The `)` of a node without fields (`Load()`).
    pub fn no_fields(&mut self) -> Result<(), String> {
        self.expect(")")
    }

    /// Reads `, name=` (no comma before the first field, `index` 0) and returns the name, or
    /// consumes the closing `)` and returns `None`.
    pub fn next_field(&mut self, index: usize) -> Result<Option<&'a str>, String> {
        if self.eat(")") {
            return Ok(None);
        }
        if index > 0 {
            self.expect(",")?;
        }
        let name = self.word();
        if name.is_empty() {
            return Err(self.error("expected a field name"));
        }
        self.expect("=")?;
        Ok(Some(name))
    }

    pub fn unexpected_class(&self, expected: &str, found: &str) -> String {
        self.error(&format!("expected a {expected} node, not {found}"))
    }

    pub fn unknown_field(&self, class: &str, field: &str) -> String {
        self.error(&format!("{class} has no field {field}"))
    }

    /// The value of a required field, or an error naming it.
    pub fn required<T>(&self, value: Option<T>, class: &str, field: &str) -> Result<T, String> {
        value.ok_or_else(|| self.error(&format!("{class} is missing its field {field}")))
    }

    /// A position attribute (`lineno=3`).
    pub fn attribute(&mut self) -> Result<i32, String> {
        let value = i32::read(self)?;
        if value == Location::ABSENT {
            return Err(self.error("attribute value out of range"));
        }
        Ok(value)
    }

    /// Whether the next value is the word `None` (not, say, `NoneType`).
    fn at_none(&mut self) -> bool {
        self.skip_spaces();
        let rest = self.rest();
        rest.starts_with("None")
            && !rest[4..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '(')
    }

    fn constant(&mut self) -> Result<Constant, String> {
        self.skip_spaces();
        let (value, len) = Constant::from_repr(self.rest())?;
        self.pos += len;
        Ok(value)
    }

    fn string(&mut self) -> Result<String, String> {
        let start = self.pos;
        match self.constant()? {
            Constant::Str(s) => match s.as_str() {
                Some(text) => Ok(text.to_string()),
                None => {
                    self.pos = start;
                    Err(self.error("a name with a lone surrogate"))
                }
            },
            _ => {
                self.pos = start;
                Err(self.error("expected a string"))
            }
        }
    }
}

impl<T: ReadDump + crate::node_box::Node> ReadDump for crate::NodeBox<T> {
    fn read(reader: &mut Reader<'_>) -> Result<Self, String> {
        T::read(reader).map(crate::NodeBox::new)
    }
}

/// An optional value: `None`, or the value.
impl<T: ReadDump> ReadDump for Option<T> {
    fn read(reader: &mut Reader<'_>) -> Result<Self, String> {
        if reader.at_none() {
            reader.pos += "None".len();
            return Ok(None);
        }
        T::read(reader).map(Some)
    }
}

/// A list: `[a, b]`.
impl<T: ReadDump> ReadDump for Vec<T> {
    fn read(reader: &mut Reader<'_>) -> Result<Self, String> {
        reader.expect("[")?;
        let mut items = Vec::new();
        if reader.eat("]") {
            return Ok(items);
        }
        loop {
            items.push(T::read(reader)?);
            if reader.eat("]") {
                // Exact capacity, as a parser that knows its lengths would allocate.
                items.shrink_to_fit();
                return Ok(items);
            }
            reader.expect(",")?;
        }
    }
}

impl ReadDump for i32 {
    fn read(reader: &mut Reader<'_>) -> Result<Self, String> {
        reader.skip_spaces();
        let rest = reader.rest();
        let sign = usize::from(rest.starts_with('-'));
        let digits = rest[sign..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len() - sign);
        if digits == 0 {
            return Err(reader.error("expected an int"));
        }
        let len = sign + digits;
        let value = rest[..len]
            .parse::<i32>()
            .map_err(|_| reader.error("int out of the range of a C int"))?;
        reader.pos += len;
        Ok(value)
    }
}

impl ReadDump for Identifier {
    fn read(reader: &mut Reader<'_>) -> Result<Self, String> {
        reader.string().map(Identifier::from)
    }
}

impl ReadDump for Box<str> {
    fn read(reader: &mut Reader<'_>) -> Result<Self, String> {
        reader.string().map(String::into_boxed_str)
    }
}

impl ReadDump for Constant {
    fn read(reader: &mut Reader<'_>) -> Result<Self, String> {
        reader.constant()
    }
}
