//! The inverse of `repr` for constants (the text `ast.dump` prints for a `Constant`): no CPython
//! function reads reprs back, so the names follow the repr functions they undo.

use super::{Constant, Int, PyStr};

/// Deepest tuple/frozenset nesting read back; deeper input is an error, never a stack overflow.
/// CPython's parser refuses sources nested anywhere near this deep.
const MAX_NESTING: usize = 500;

impl Constant {
    /// Reads one constant's `repr` from the start of `text`; returns it with the number of bytes
    /// consumed. Accepts every string [`Constant::repr`] produces: `None`, `True`, `False`,
    /// `Ellipsis`, ints, floats (`inf`, `nan`, exponents), complex (`1j`, `(1-2j)`), str and
    /// bytes in either quote style with repr's escapes, tuples and frozensets.
    pub fn from_repr(text: &str) -> Result<(Constant, usize), String> {
        let mut reader = ReprReader { text, pos: 0 };
        let value = reader.value(0)?;
        Ok((value, reader.pos))
    }
}

struct ReprReader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> ReprReader<'a> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Consumes `prefix` when the remaining text starts with it.
    fn eat(&mut self, prefix: &str) -> bool {
        if self.rest().starts_with(prefix) {
            self.pos += prefix.len();
            return true;
        }
        false
    }

    fn expect(&mut self, prefix: &str) -> Result<(), String> {
        if self.eat(prefix) {
            return Ok(());
        }
        Err(self.error(&format!("expected {prefix:?}")))
    }

    fn error(&self, what: &str) -> String {
        let found: String = self.rest().chars().take(20).collect();
        format!(
            "constant repr at byte {}: {what}, found {found:?}",
            self.pos
        )
    }

    fn value(&mut self, depth: usize) -> Result<Constant, String> {
        if depth > MAX_NESTING {
            return Err(self.error("constant nested too deeply"));
        }
        for (word, value) in [
            ("None", Constant::None),
            ("True", Constant::Bool(true)),
            ("False", Constant::Bool(false)),
            ("Ellipsis", Constant::Ellipsis),
        ] {
            if self.eat(word) {
                return Ok(value);
            }
        }
        if self.eat("frozenset(") {
            return self.frozenset(depth);
        }
        match self.peek() {
            Some('\'' | '"') => Ok(Constant::Str(self.string_literal()?)),
            Some('b') if self.rest()[1..].starts_with(['\'', '"']) => {
                self.pos += 1;
                Ok(Constant::Bytes(self.bytes_literal()?))
            }
            Some('(') => self.paren(depth),
            Some('-' | '0'..='9' | 'i' | 'n') => self.number(),
            _ => Err(self.error("expected a constant")),
        }
    }

    /// An int, a float, or an imaginary number (`2j`, `-0j`, `infj`).
    fn number(&mut self) -> Result<Constant, String> {
        let (token, is_float) = self.number_token()?;
        if self.eat("j") {
            return Ok(Constant::Complex {
                real: 0.0,
                imag: parse_float(token)?,
            });
        }
        if is_float {
            return Ok(Constant::Float(parse_float(token)?));
        }
        Ok(Constant::Int(parse_int(token)?))
    }

    /// Scans `[+-]?(inf|nan|DIGITS[.DIGITS][e[+-]DIGITS])`; the flag says whether it is float
    /// syntax (a decimal point, an exponent, `inf` or `nan`).
    fn number_token(&mut self) -> Result<(&'a str, bool), String> {
        let text = self.text;
        let start = self.pos;
        let _ = self.eat("-") || self.eat("+");
        if self.eat("inf") || self.eat("nan") {
            return Ok((&text[start..self.pos], true));
        }
        if self.skip_digits() == 0 {
            self.pos = start;
            return Err(self.error("expected a number"));
        }
        let mut is_float = false;
        if self.eat(".") {
            is_float = true;
            self.skip_digits();
        }
        let before_exponent = self.pos;
        if self.eat("e") {
            let _ = self.eat("-") || self.eat("+");
            if self.skip_digits() == 0 {
                self.pos = before_exponent;
            } else {
                is_float = true;
            }
        }
        Ok((&text[start..self.pos], is_float))
    }

    fn skip_digits(&mut self) -> usize {
        let count = self.rest().bytes().take_while(u8::is_ascii_digit).count();
        self.pos += count;
        count
    }

    /// After `(`: a complex `(re±imj)`, or a tuple `()`, `(x,)`, `(x, y)`.
    fn paren(&mut self, depth: usize) -> Result<Constant, String> {
        let open = self.pos;
        self.pos += 1;
        if let Some(complex) = self.complex_body() {
            return Ok(complex);
        }
        self.pos = open + 1;
        let items = self.items(")", depth)?;
        if items.len() == 1 && !self.text[..self.pos].ends_with(",)") {
            self.pos = open;
            return Err(self.error("a one-item tuple needs a trailing comma"));
        }
        Ok(Constant::Tuple(items))
    }

    /// `re±imj)` after the `(` of a complex repr, or `None` when the text is not one.
    fn complex_body(&mut self) -> Option<Constant> {
        let (real, _) = self.number_token().ok()?;
        let real = parse_float(real).ok()?;
        if !matches!(self.peek(), Some('+' | '-')) {
            return None;
        }
        let (imag, _) = self.number_token().ok()?;
        let imag = parse_float(imag).ok()?;
        self.eat("j)").then_some(Constant::Complex { real, imag })
    }

    /// After `frozenset(`: `)` or `{x, y})`.
    fn frozenset(&mut self, depth: usize) -> Result<Constant, String> {
        if self.eat(")") {
            return Ok(Constant::FrozenSet(Vec::new()));
        }
        self.expect("{")?;
        let items = self.items("}", depth)?;
        if items.is_empty() {
            return Err(self.error("an empty frozenset is written frozenset()"));
        }
        self.expect(")")?;
        Ok(Constant::FrozenSet(items))
    }

    /// Items separated by `, ` up to `close` (consumed); a single trailing `,` is allowed
    /// before `close` (the one-item tuple).
    fn items(&mut self, close: &str, depth: usize) -> Result<Vec<Constant>, String> {
        let mut items = Vec::new();
        if self.eat(close) {
            return Ok(items);
        }
        loop {
            items.push(self.value(depth + 1)?);
            if self.eat(close) {
                return Ok(items);
            }
            self.expect(",")?;
            if self.eat(close) {
                return Ok(items);
            }
            self.expect(" ")?;
        }
    }

    /// A quoted str with repr's escapes; the cursor is on the opening quote.
    fn string_literal(&mut self) -> Result<PyStr, String> {
        let quote = self.peek().ok_or_else(|| self.error("expected a quote"))?;
        self.pos += 1;
        let mut code_points = Vec::new();
        loop {
            let c = self
                .peek()
                .ok_or_else(|| self.error("unterminated string"))?;
            self.pos += c.len_utf8();
            match c {
                _ if c == quote => break,
                '\\' => code_points.push(self.escape(true)?),
                _ => code_points.push(u32::from(c)),
            }
        }
        PyStr::from_code_points(code_points).ok_or_else(|| self.error("code point out of range"))
    }

    /// A quoted bytes body with repr's escapes; the cursor is on the opening quote.
    fn bytes_literal(&mut self) -> Result<Vec<u8>, String> {
        let quote = self.peek().ok_or_else(|| self.error("expected a quote"))?;
        self.pos += 1;
        let mut bytes = Vec::new();
        loop {
            let c = self
                .peek()
                .ok_or_else(|| self.error("unterminated bytes"))?;
            self.pos += c.len_utf8();
            let byte = match c {
                _ if c == quote => break,
                '\\' => self.escape(false)?,
                _ if c.is_ascii() => u32::from(c),
                _ => return Err(self.error("non-ASCII character in bytes")),
            };
            // `escape(false)` only reads \xNN, so every value here fits in a byte.
            bytes.push(u8::try_from(byte).map_err(|_| self.error("byte out of range"))?);
        }
        Ok(bytes)
    }

    /// The escape after a backslash: `\\ \' \" \t \n \r \xNN`, plus `\uNNNN \UNNNNNNNN` in a str.
    fn escape(&mut self, in_str: bool) -> Result<u32, String> {
        let c = self
            .peek()
            .ok_or_else(|| self.error("unterminated escape"))?;
        self.pos += c.len_utf8();
        match c {
            '\\' | '\'' | '"' => Ok(u32::from(c)),
            't' => Ok(u32::from('\t')),
            'n' => Ok(u32::from('\n')),
            'r' => Ok(u32::from('\r')),
            'x' => self.hex_digits(2),
            'u' if in_str => self.hex_digits(4),
            'U' if in_str => self.hex_digits(8),
            _ => {
                self.pos -= c.len_utf8();
                Err(self.error("unsupported escape"))
            }
        }
    }

    fn hex_digits(&mut self, count: usize) -> Result<u32, String> {
        let digits = self.rest().get(..count).unwrap_or("");
        if digits.len() != count || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.error("truncated hex escape"));
        }
        let value = u32::from_str_radix(digits, 16).map_err(|_| self.error("bad hex escape"))?;
        self.pos += count;
        Ok(value)
    }
}

fn parse_float(token: &str) -> Result<f64, String> {
    token
        .parse::<f64>()
        .map_err(|_| format!("constant repr: bad float {token:?}"))
}

fn parse_int(token: &str) -> Result<Int, String> {
    let (negative, digits) = match token.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, token.strip_prefix('+').unwrap_or(token)),
    };
    let value = Int::from_str_radix(digits, 10)
        .ok_or_else(|| format!("constant repr: bad int {token:?}"))?;
    Ok(if negative { value.neg() } else { value })
}
