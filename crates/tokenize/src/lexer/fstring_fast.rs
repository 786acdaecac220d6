//! Port of Parser/lexer/lexer.c: tok_get_fstring_mode, f_string_quote, tok_get_normal_mode (fast paths for f-string, t-string and prefixed string tokens, parser's view).
//!
//! The common tokens of f-strings and t-strings read without the general path: the start of an
//! f-string with a plain prefix, its literal parts on one line without backslashes, its end, and
//! in a replacement field the names, numbers, strings, brackets, commas and dots of the
//! expression and the `{`, `}`, `!` and `:` that open, close and split the field; and strings
//! with a bytes, raw or unicode prefix. Each gives exactly the token and the state (cursor, mode
//! stack, bracket depths, expression span) that the general path gives; every other input,
//! errors included, returns `None` before anything changed, and the general path reads it.
//! Unlike `tok_get_fast`, most of these tokens change the mode stack and the brackets, so the
//! parser never reads them ahead of itself (they are not `next_fast_token`'s).

use super::{Tokenizer, MAXFSTRINGLEVEL, MAXLEVEL, MAX_EXPR_NESTING};
use crate::state::{ModeKind, TokMode};
use crate::{Token, TokenKind};

/// Whether `prefix` (the letters before a quote) starts an f-string or t-string with no other
/// prefix than `r`: `Some(is_tstring)`, else `None` (bytes and plain strings, bad prefixes).
fn fstring_prefix(prefix: &[u8]) -> Option<bool> {
    let is_ft = |b: u8| matches!(b.to_ascii_lowercase(), b'f' | b't');
    let is_t = |b: u8| b.eq_ignore_ascii_case(&b't');
    let is_r = |b: u8| b.eq_ignore_ascii_case(&b'r');
    match *prefix {
        [a] if is_ft(a) => Some(is_t(a)),
        [a, b] if is_r(a) && is_ft(b) => Some(is_t(b)),
        [a, b] if is_ft(a) && is_r(b) => Some(is_t(a)),
        _ => None,
    }
}

/// A byte that ends a run of plain literal text in an f-string: a bracket, a backslash, a
/// newline or the f-string's quote.
#[inline(always)]
fn is_middle_stop(b: u8, quote: u8) -> bool {
    matches!(b, b'{' | b'}' | b'\\' | b'\n') || b == quote
}

impl Tokenizer<'_> {
    /// The next token when it is one of the common f-string or t-string tokens or a string
    /// with a bytes, raw or unicode prefix, read without the general path; `None` (nothing
    /// changed) for any other, which
    /// [`Self::next_token_without_fast_paths`] then reads. For where
    /// [`Self::next_fast_token`] returned `None`. These tokens are never ENDMARKER, never
    /// errors and never warn; they move the f-string state on as the general path would, so a
    /// caller may read them ahead of its parser as it does the other fast paths' tokens.
    #[inline]
    pub fn next_string_token(&mut self) -> Option<Token> {
        if !self.fast_paths || self.stopped {
            return None;
        }
        let top = self.mode_stack.last()?;
        let token = if top.kind == ModeKind::Fstring {
            self.fast_fstring_mode()?
        } else {
            self.fast_fstring_regular_mode()?
        };
        self.fast_now = self.mode_stack.len() == 1;
        self.line_work = self.atbol || self.pendin != 0;
        Some(token)
    }

    /// The innermost mode (there is always one).
    fn top_mode(&self) -> Option<&TokMode> {
        self.mode_stack.last()
    }

    /// A token from `start` to `end` on the current line, with the cursor moved to `cur`,
    /// positioned as `make_token` positions it (the end column is the cursor's). Sets what the
    /// general path sets for every token: `tok->start` and, for literal parts, the line they
    /// start on.
    fn fstring_fast_token(
        &mut self,
        kind: TokenKind,
        start: usize,
        end: usize,
        cur: usize,
    ) -> Token {
        self.cur = cur;
        self.start = Some(start);
        Token {
            kind,
            start: start as u32,
            end: end.max(start) as u32,
            lineno: self.lineno,
            col_offset: start.wrapping_sub(self.line_start) as u32,
            end_lineno: self.lineno,
            end_col_offset: cur.wrapping_sub(self.line_start) as u32,
        }
    }

    /// The current line's bytes up to the cursor's line end (`tok->inp`, or the end of the
    /// source while the line's newline is unread).
    fn line_bytes(&self) -> &[u8] {
        let end = self.inp.min(self.src.len());
        self.src.get(..end).unwrap_or_default()
    }

    /// Whether the byte at `at`, which the general path reads after an operator to look for a
    /// longer one, is on the current line and not its newline (reading the newline would mark
    /// the line's end, `tok->inp`: those inputs stay with the general path).
    fn reads_in_line(&self, at: usize) -> bool {
        matches!(self.line_bytes().get(at), Some(&b) if b != b'\n')
    }

    // ---- regular mode: the start of an f-string, and the tokens of a replacement field ------

    /// `tok_get_normal_mode` for an f-string's start, and inside a replacement field for a
    /// name or one of `{`, `}`, `!`, `:`.
    fn fast_fstring_regular_mode(&mut self) -> Option<Token> {
        if self.line_work {
            return None;
        }
        let line = self.line_bytes();
        let (pos, c) = super::fast::first_after_blanks(line, self.cur)?;
        let in_field = self.mode_stack.len() > 1;
        if !in_field {
            if c.is_ascii_alphabetic() {
                return self.fast_name_or_fstring_start(pos, false);
            }
            return None;
        }
        let end = line.len();
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => self.fast_name_or_fstring_start(pos, true),
            b'0'..=b'9' => self.fast_number(pos, end),
            b'\'' | b'"' => self.fast_string(pos, end),
            b'{' => self.fast_open_field(pos),
            b'}' => self.fast_close_field(pos),
            b'!' => self.fast_field_conversion(pos),
            b':' => self.fast_field_format_spec(pos),
            b'(' | b'[' => self.fast_open_expr_bracket(c, pos),
            b')' | b']' => self.fast_close_expr_bracket(c, pos),
            b',' => Some(self.fstring_fast_token(TokenKind::Comma, pos, pos + 1, pos + 1)),
            b'.' => self.fast_field_dot(pos),
            _ => None,
        }
    }

    /// A `(` or `[` in a replacement field's expression: `open_bracket`, which counts it in
    /// the f-string's bracket depth.
    fn fast_open_expr_bracket(&mut self, c: u8, pos: usize) -> Option<Token> {
        if self.parenstack.len() >= MAXLEVEL || !self.reads_in_line(pos + 1) {
            return None;
        }
        let col = pos.wrapping_sub(self.line_start) as u32;
        self.parenstack.push((c, self.lineno, col));
        self.mode_stack.last_mut()?.curly_bracket_depth += 1;
        let kind = TokenKind::one_char(c);
        Some(self.fstring_fast_token(kind, pos, pos + 1, pos + 1))
    }

    /// A `)` or `]` closing the innermost bracket of a replacement field's expression:
    /// `close_bracket` when it raises no error.
    fn fast_close_expr_bracket(&mut self, c: u8, pos: usize) -> Option<Token> {
        let open = if c == b')' { b'(' } else { b'[' };
        let closes = matches!(self.parenstack.last(), Some(&(b, _, _)) if b == open);
        let depth = self.top_mode()?.curly_bracket_depth;
        if !closes || depth <= 0 || !self.reads_in_line(pos + 1) {
            return None;
        }
        self.parenstack.pop();
        self.mode_stack.last_mut()?.curly_bracket_depth -= 1;
        let kind = TokenKind::one_char(c);
        Some(self.fstring_fast_token(kind, pos, pos + 1, pos + 1))
    }

    /// A `.` in a replacement field's expression that starts no number and no `...`
    /// (`tok_period` takes those).
    fn fast_field_dot(&mut self, pos: usize) -> Option<Token> {
        let next = *self.line_bytes().get(pos + 1)?;
        if next.is_ascii_digit() || next == b'.' || next == b'\n' {
            return None;
        }
        Some(self.fstring_fast_token(TokenKind::Dot, pos, pos + 1, pos + 1))
    }

    /// An ASCII name (inside a replacement field) or the prefix and quotes of an f-string.
    fn fast_name_or_fstring_start(&mut self, pos: usize, in_field: bool) -> Option<Token> {
        let line = self.line_bytes();
        let len = line[pos..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
            .count();
        let after = pos + len;
        match line.get(after) {
            Some(&quote @ (b'"' | b'\'')) => match fstring_prefix(&self.src[pos..after]) {
                Some(tstring) => self.fast_fstring_start(pos, after, quote, tstring),
                None => self.fast_prefixed_string(pos, after, line.len()),
            },
            Some(&b) if b >= 128 => None,
            _ if in_field => Some(self.fstring_fast_token(TokenKind::Name, pos, after, after)),
            _ => None,
        }
    }

    /// `tok_identifier` reaching a quote after an `f`, `t`, `rf` or `rt` prefix (any case):
    /// `f_string_quote`, which pushes the f-string's mode.
    fn fast_fstring_start(
        &mut self,
        pos: usize,
        quote_at: usize,
        quote: u8,
        tstring: bool,
    ) -> Option<Token> {
        if self.mode_stack.len() >= MAXFSTRINGLEVEL {
            return None;
        }
        let line = self.line_bytes();
        // The general path reads up to two bytes after the quote; a newline read there would
        // end the line (`tok->inp`), so those inputs stay with it.
        let (next, next2) = (line.get(quote_at + 1)?, line.get(quote_at + 2)?);
        if *next == b'\n' || (*next == quote && *next2 == b'\n') {
            return None;
        }
        let quote_size: u8 = if *next == quote && *next2 == quote {
            3
        } else {
            1
        };
        let raw = self.src[pos..quote_at]
            .iter()
            .any(|b| b.eq_ignore_ascii_case(&b'r'));
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let kind = self.enter_fstring(quote, quote_size, raw, tstring, pos);
        let end = quote_at + usize::from(quote_size);
        Some(self.fstring_fast_token(kind, pos, end, end))
    }

    /// The bracket depth of a `}`, `!` or `:` in a replacement field, as
    /// `tok_fstring_expr_punctuation` counts it (`cursor`); `None` outside a field.
    fn field_punctuation_cursor(&self) -> Option<i32> {
        let mode = self.top_mode()?;
        if mode.curly_bracket_expr_start_depth < 0 {
            return None;
        }
        Some(mode.curly_bracket_depth - 1)
    }

    /// A `{` in regular mode inside an f-string: `open_bracket`.
    fn fast_open_field(&mut self, pos: usize) -> Option<Token> {
        let mode = self.top_mode()?;
        if mode.curly_bracket_expr_start_depth < 0
            || self.parenstack.len() >= MAXLEVEL
            || !self.reads_in_line(pos + 1)
        {
            return None;
        }
        let col = pos.wrapping_sub(self.line_start) as u32;
        self.parenstack.push((b'{', self.lineno, col));
        let mode = self.mode_stack.last_mut()?;
        mode.curly_bracket_depth += 1;
        Some(self.fstring_fast_token(TokenKind::Lbrace, pos, pos + 1, pos + 1))
    }

    /// A `}` closing a bracket `{` inside an f-string: `tok_fstring_expr_punctuation` and
    /// `close_bracket`, which leaves the replacement field when it is the field's own.
    fn fast_close_field(&mut self, pos: usize) -> Option<Token> {
        self.field_punctuation_cursor()?;
        let depth = self.top_mode()?.curly_bracket_depth;
        let closes_brace = matches!(self.parenstack.last(), Some(&(b'{', _, _)));
        if depth == 0 || !closes_brace || !self.reads_in_line(pos + 1) {
            return None;
        }
        self.parenstack.pop();
        let mode = self.mode_stack.last_mut()?;
        mode.curly_bracket_depth -= 1;
        if mode.curly_bracket_depth == mode.curly_bracket_expr_start_depth {
            mode.curly_bracket_expr_start_depth -= 1;
            mode.kind = ModeKind::Fstring;
            mode.in_format_spec = false;
        }
        Some(self.fstring_fast_token(TokenKind::Rbrace, pos, pos + 1, pos + 1))
    }

    /// A `!` (not `!=`) in a replacement field: the conversion follows.
    fn fast_field_conversion(&mut self, pos: usize) -> Option<Token> {
        let next = *self.line_bytes().get(pos + 1)?;
        if next == b'=' || next == b'\n' {
            return None;
        }
        self.field_punctuation_cursor()?;
        let kind = TokenKind::one_char(b'!');
        Some(self.fstring_fast_token(kind, pos, pos + 1, pos + 1))
    }

    /// The `:` of a replacement field at its own depth: the format spec follows, in f-string
    /// mode. (A `:` in brackets of the expression is the general path's.)
    fn fast_field_format_spec(&mut self, pos: usize) -> Option<Token> {
        let cursor = self.field_punctuation_cursor()?;
        if cursor != self.top_mode()?.curly_bracket_expr_start_depth {
            return None;
        }
        let mode = self.mode_stack.last_mut()?;
        mode.kind = ModeKind::Fstring;
        mode.in_format_spec = true;
        Some(self.fstring_fast_token(TokenKind::Colon, pos, pos + 1, pos + 1))
    }

    // ---- f-string mode: literal text, the end, and a replacement field right away ---------

    /// `tok_get_fstring_mode` for a replacement field's `{` at the cursor, the closing quotes,
    /// or literal text on the current line without backslashes.
    fn fast_fstring_mode(&mut self) -> Option<Token> {
        let mode = *self.top_mode()?;
        let line = self.line_bytes();
        let start = self.cur;
        let first = *line.get(start)?;
        if first == b'{' {
            let next = *line.get(start + 1)?;
            if next != b'{' {
                return self.fast_enter_field(start, next);
            }
        }
        let quote_size = usize::from(mode.quote_size);
        // Literal text seldom starts with a quote: no count then.
        let quotes = if first != mode.quote {
            0
        } else {
            line[start..]
                .iter()
                .take(quote_size)
                .take_while(|&&b| b == mode.quote)
                .count()
        };
        if quotes == quote_size {
            return self.fast_fstring_end(&mode, start);
        }
        // The quotes matched before the mismatch belong to the literal text.
        self.fast_fstring_middle(&mode, start, start + quotes)
    }

    /// `enter_replacement_field`: a `{` (followed by `next`) right at the cursor.
    fn fast_enter_field(&mut self, pos: usize, next: u8) -> Option<Token> {
        let mode = self.top_mode()?;
        if self.line_work
            || next == b'\n'
            || mode.curly_bracket_expr_start_depth + 1 >= MAX_EXPR_NESTING
            || self.parenstack.len() >= MAXLEVEL
        {
            return None;
        }
        self.first_lineno = self.lineno;
        let mode = self.mode_stack.last_mut()?;
        mode.curly_bracket_expr_start_depth += 1;
        mode.kind = ModeKind::Regular;
        self.fast_open_field(pos)
    }

    /// FSTRING_END (TSTRING_END): the closing quotes at `start`; the mode is popped.
    fn fast_fstring_end(&mut self, mode: &TokMode, start: usize) -> Option<Token> {
        let kind = if mode.tstring {
            TokenKind::TstringEnd
        } else {
            TokenKind::FstringEnd
        };
        self.mode_stack.pop();
        self.first_lineno = self.lineno;
        let end = start + usize::from(mode.quote_size);
        Some(self.fstring_fast_token(kind, start, end, end))
    }

    /// FSTRING_MIDDLE (TSTRING_MIDDLE) from `start`, scanned from `from`: literal text up to a
    /// replacement field, a doubled bracket, a `}` that ends a format spec, or the closing
    /// quotes. `None` at a backslash or a newline (escapes, warnings, errors, more lines).
    fn fast_fstring_middle(&mut self, mode: &TokMode, start: usize, from: usize) -> Option<Token> {
        let kind = if mode.tstring {
            TokenKind::TstringMiddle
        } else {
            TokenKind::FstringMiddle
        };
        let in_format_spec = mode.in_format_spec && mode.curly_bracket_expr_start_depth >= 0;
        let quote_size = usize::from(mode.quote_size);
        let line = self.line_bytes();
        let mut at = from;
        let mut end_quotes = 0;
        loop {
            while line
                .get(at)
                .is_some_and(|&b| !is_middle_stop(b, mode.quote))
            {
                at += 1;
                end_quotes = 0;
            }
            let c = *line.get(at)?;
            at += 1;
            if c == mode.quote {
                end_quotes += 1;
                if end_quotes == quote_size {
                    // The closing quotes are the next token's.
                    let end = at - quote_size;
                    return Some(self.middle_token(kind, start, end, end));
                }
                continue;
            }
            return match c {
                b'{' => self.middle_before_brace(kind, start, at, in_format_spec),
                b'}' => self.middle_before_close(mode, kind, start, at, in_format_spec),
                _ => None,
            };
        }
    }

    /// The byte at `at` on the current line, unless it is the newline (which ends the line
    /// for the general path: it reads on from there).
    fn byte_before_newline(&self, at: usize) -> Option<u8> {
        let byte = *self.line_bytes().get(at)?;
        (byte != b'\n').then_some(byte)
    }

    /// The literal text from `start` ending at the `{` just before `at`: a doubled `{{` keeps
    /// one brace in the text; otherwise a replacement field (or a nested one in a format spec)
    /// starts, in regular mode.
    fn middle_before_brace(
        &mut self,
        kind: TokenKind,
        start: usize,
        at: usize,
        in_format_spec: bool,
    ) -> Option<Token> {
        let peek = self.byte_before_newline(at)?;
        let opens_field = peek != b'{' || in_format_spec;
        let mode = self.top_mode()?;
        if opens_field && mode.curly_bracket_expr_start_depth + 1 >= MAX_EXPR_NESTING {
            return None;
        }
        if !opens_field {
            return Some(self.middle_token(kind, start, at, at + 1));
        }
        self.mode_stack.last_mut()?.curly_bracket_expr_start_depth += 1;
        self.middle_before_regular(kind, start, at)
    }

    /// The literal text from `start` ending at the `}` just before `at`: a doubled `}}` keeps
    /// one brace in the text; otherwise the `}` closes the field (regular mode reads it).
    fn middle_before_close(
        &mut self,
        mode: &TokMode,
        kind: TokenKind,
        start: usize,
        at: usize,
        in_format_spec: bool,
    ) -> Option<Token> {
        let peek = self.byte_before_newline(at)?;
        if peek == b'}' && !in_format_spec && mode.curly_bracket_depth == 0 {
            return Some(self.middle_token(kind, start, at, at + 1));
        }
        self.middle_before_regular(kind, start, at)
    }

    /// The literal text from `start` ending before the brace at `at - 1`, which regular mode
    /// reads next.
    fn middle_before_regular(&mut self, kind: TokenKind, start: usize, at: usize) -> Option<Token> {
        let top = self.mode_stack.last_mut()?;
        top.kind = ModeKind::Regular;
        top.in_format_spec = false;
        Some(self.middle_token(kind, start, at - 1, at - 1))
    }

    /// A literal-text token: it starts on the current line (`first_lineno`,
    /// `multi_line_start`), as the general path records.
    fn middle_token(&mut self, kind: TokenKind, start: usize, end: usize, cur: usize) -> Token {
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        self.fstring_fast_token(kind, start, end, cur)
    }
}
