//! Port of Parser/lexer/lexer.c: tok_get_normal_mode, tok_indentation (fast paths of the parser's view).
//!
//! Each fast path gives exactly the token and the tokenizer state that the port of the general
//! path (lexer.rs) gives for the inputs it takes, and hands every other input, errors included,
//! to the general path before changing anything. `tests/fast_paths.rs` compares the two on the
//! golden inputs, the stdlib corpus, generated sources and CPython's nesting limits.

use super::{Tokenizer, IDENT_CLASS, MAXINDENT, MAXLEVEL};
use crate::state::Done;
use crate::{Token, TokenKind};

/// What follows a number literal that the fast path leaves to `tok_number`: more of the
/// literal (`.`, `_`, letters for exponents, bases and imaginary parts) or a bad ending.
fn continues_number(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b >= 128
}

/// A token the fast path read (made by `fast_token` where its kind is known, so that the
/// positions it takes by kind are picked with no test).
pub(super) type FastToken = Option<Token>;

/// The run of digits in `radix` that `bytes` starts with.
fn count_digits(bytes: &[u8], radix: u32) -> usize {
    bytes
        .iter()
        .take_while(|&&b| char::from(b).is_digit(radix))
        .count()
}

/// Whether `b` may be the second character of a two-character operator (a test checks it
/// against the generated table).
#[inline(always)]
fn may_continue_operator(b: u8) -> bool {
    matches!(b, b'=' | b'<' | b'>' | b'*' | b'/')
}

/// `TokenKind::one_char` inlined for the bytes the fast path reads as one-character tokens
/// (a test checks it against the generated table).
#[inline(always)]
fn one_char(c: u8) -> TokenKind {
    match c {
        b'(' => TokenKind::Lpar,
        b')' => TokenKind::Rpar,
        b'[' => TokenKind::Lsqb,
        b']' => TokenKind::Rsqb,
        b'{' => TokenKind::Lbrace,
        b'}' => TokenKind::Rbrace,
        b',' => TokenKind::Comma,
        b';' => TokenKind::Semi,
        b'~' => TokenKind::Tilde,
        b':' => TokenKind::Colon,
        b'=' => TokenKind::Equal,
        b'+' => TokenKind::Plus,
        b'-' => TokenKind::Minus,
        b'*' => TokenKind::Star,
        b'/' => TokenKind::Slash,
        b'%' => TokenKind::Percent,
        b'&' => TokenKind::Amper,
        b'|' => TokenKind::Vbar,
        b'^' => TokenKind::Circumflex,
        b'<' => TokenKind::Less,
        b'>' => TokenKind::Greater,
        b'!' => TokenKind::Exclamation,
        b'@' => TokenKind::At,
        _ => TokenKind::one_char(c),
    }
}

/// `b` in each byte of a word.
const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The high bit of each byte of `word` that is not an ASCII letter, digit or underscore
/// (each test adds to bytes below 0x80, so no carry crosses into the next byte).
fn non_name_bytes(word: u64) -> u64 {
    const HIGH: u64 = splat(0x80);
    let low7 = word & !HIGH;
    let folded = low7 | splat(0x20);
    let letter = (folded + splat(0x80 - b'a')) & !(folded + splat(0x7F - b'z'));
    let digit = (low7 + splat(0x80 - b'0')) & !(low7 + splat(0x7F - b'9'));
    let diff = low7 ^ splat(b'_');
    let underscore = !((diff + splat(0x7F)) | diff);
    !((letter | digit | underscore) & !word) & HIGH
}

/// The run of ASCII letters, digits and underscores that `bytes` starts with, eight bytes at a
/// time: a short name ends without a branch per byte (and its misprediction at the end). Out of
/// line, where its constants have registers to themselves (inlined in the token path, they were
/// spilled and rebuilt for every name); the first eight bytes, which hold most names, without a
/// loop, so that no constant is kept in a register that must be saved.
#[inline(never)]
fn ascii_name_len(bytes: &[u8]) -> usize {
    let Some(Ok(word)) = bytes.get(..8).map(<[u8; 8]>::try_from) else {
        return bytewise_name_len(bytes);
    };
    let others = non_name_bytes(u64::from_le_bytes(word));
    if others != 0 {
        return (others.trailing_zeros() / 8) as usize;
    }
    8 + long_ascii_name_len(&bytes[8..])
}

/// `ascii_name_len` past the first eight bytes.
#[cold]
#[inline(never)]
fn long_ascii_name_len(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let others = non_name_bytes(u64::from_le_bytes(word));
        if others != 0 {
            return n + (others.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytewise_name_len(&bytes[n..])
}

/// `ascii_name_len` a byte at a time, for the last few bytes of the input.
fn bytewise_name_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take_while(|&&b| IDENT_CLASS[usize::from(b)] == 1)
        .count()
}

/// The high bit of each zero byte of `word` (exact: no borrow crosses into the next byte).
fn zero_bytes(word: u64) -> u64 {
    const LOW7: u64 = splat(0x7F);
    !(((word & LOW7) + LOW7) | word) & splat(0x80)
}

/// The first `quote`, backslash or newline in `bytes`: the first sixteen bytes eight at a time
/// (most strings are short, and end before `memchr3` would have set up), then `memchr3`.
#[inline(always)]
fn find_string_stop(bytes: &[u8], quote: u8) -> Option<usize> {
    let is_stop = |b: u8| b == quote || b == b'\\' || b == b'\n';
    for n in [0, 8] {
        let Some(Ok(word)) = bytes.get(n..n + 8).map(<[u8; 8]>::try_from) else {
            return bytes[n..].iter().position(|&b| is_stop(b)).map(|i| n + i);
        };
        let word = u64::from_le_bytes(word);
        let stops = zero_bytes(word ^ splat(quote))
            | zero_bytes(word ^ splat(b'\\'))
            | zero_bytes(word ^ splat(b'\n'));
        if stops != 0 {
            return Some(n + (stops.trailing_zeros() / 8) as usize);
        }
    }
    memchr::memchr3(quote, b'\\', b'\n', &bytes[16..]).map(|i| 16 + i)
}

/// How many newlines `bytes` holds, eight bytes at a time.
fn count_newlines(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        count += zero_bytes(u64::from_le_bytes(word) ^ splat(b'\n')).count_ones() as usize;
    }
    count + chunks.remainder().iter().filter(|&&b| b == b'\n').count()
}

/// The run of spaces that `bytes` starts with: in line when it is shorter than eight (an
/// indentation level or two), else `count_spaces`.
#[inline(always)]
fn count_leading_spaces(bytes: &[u8]) -> usize {
    if let Some(Ok(word)) = bytes.get(..8).map(<[u8; 8]>::try_from) {
        let others = u64::from_le_bytes(word) ^ splat(b' ');
        if others != 0 {
            return (others.trailing_zeros() / 8) as usize;
        }
    }
    count_spaces(bytes)
}

/// The run of spaces that `bytes` starts with, eight bytes at a time (indentation is long).
fn count_spaces(bytes: &[u8]) -> usize {
    const SPACES: u64 = splat(b' ');
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let others = u64::from_le_bytes(word) ^ SPACES;
        if others != 0 {
            return n + (others.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|&&b| b == b' ').count()
}

impl Tokenizer<'_> {
    /// The common tokens outside f-strings, in the parser's view: names, plain numbers, strings
    /// without prefix or line continuation, operators and brackets, comments, NEWLINE, and the
    /// start of a line with its INDENT and DEDENT tokens. Anything else (an error, the end of
    /// the input) returns `None` and the general path runs, from a state it would have reached
    /// itself (blank lines before it may have been passed over). Runs only when `fast_now`.
    #[inline(always)]
    pub(super) fn tok_get_fast(&mut self) -> FastToken {
        loop {
            if self.line_work {
                if self.pendin != 0 {
                    return self.fast_pending_indent();
                }
                if self.atbol {
                    if !self.start_plain_line() {
                        return None;
                    }
                    if self.pendin != 0 {
                        return self.fast_pending_indent();
                    }
                }
                self.line_work = false;
            }
            let src = self.src;
            let end = self.inp.min(src.len());
            let line = src.get(..end).unwrap_or_default();
            let (pos, c) = first_after_blanks(line, self.cur)?;
            // Read only by the operators that look at it, not before every token.
            let next = || src.get(pos + 1).copied().unwrap_or(b'\n');
            let (kind, len) = match c {
                b'a'..=b'z' | b'A'..=b'Z' | b'_' => return self.fast_name(pos, end),
                b'0'..=b'9' => return self.fast_number(pos, end),
                b'\'' | b'"' => return self.fast_string(pos, end),
                // The commonest punctuation (parentheses and commas) makes its token where its
                // kind is known, which lets the bracket checks fold.
                b'(' => {
                    if !self.fast_open_bracket(c, pos) {
                        return None;
                    }
                    self.cur = pos + 1;
                    return Some(self.fast_token(TokenKind::Lpar, pos));
                }
                b')' => {
                    if !self.fast_close_bracket(c) {
                        return None;
                    }
                    self.cur = pos + 1;
                    return Some(self.fast_token(TokenKind::Rpar, pos));
                }
                b'[' | b'{' => {
                    if !self.fast_open_bracket(c, pos) {
                        return None;
                    }
                    (one_char(c), 1)
                }
                b']' | b'}' => {
                    if !self.fast_close_bracket(c) {
                        return None;
                    }
                    (one_char(c), 1)
                }
                b',' => {
                    self.cur = pos + 1;
                    return Some(self.fast_token(TokenKind::Comma, pos));
                }
                b';' | b'~' => (one_char(c), 1),
                b'.' => {
                    let next = next();
                    if next.is_ascii_digit() {
                        return None;
                    }
                    if next == b'.' && src.get(pos + 2) == Some(&b'.') {
                        (TokenKind::Ellipsis, 3)
                    } else {
                        (TokenKind::Dot, 1)
                    }
                }
                // `:` and `=` go on only as `:=` and `==`: alone, their kind is known here.
                b':' if next() != b'=' => {
                    self.cur = pos + 1;
                    return Some(self.fast_token(TokenKind::Colon, pos));
                }
                b'=' if next() != b'=' => {
                    self.cur = pos + 1;
                    return Some(self.fast_token(TokenKind::Equal, pos));
                }
                b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^' | b'<' | b'>' | b'='
                | b'!' | b'@' | b':' => self.fast_operator(pos, c, next()),
                b'#' | b'\n' => {
                    let newline = if c == b'\n' {
                        pos
                    } else if self.options.type_comments {
                        return None;
                    } else {
                        self.comment_end(pos, end)?
                    };
                    if self.fast_newline(newline) {
                        return Some(self.fast_token(TokenKind::Newline, pos));
                    }
                    continue;
                }
                _ => return None,
            };
            self.cur = pos + len;
            return Some(self.fast_token(kind, pos));
        }
    }

    /// `open_bracket` when it raises no error: false (nothing changed) at the nesting limit.
    #[inline(always)]
    fn fast_open_bracket(&mut self, c: u8, pos: usize) -> bool {
        if self.parenstack.len() >= MAXLEVEL {
            return false;
        }
        let col = pos.saturating_sub(self.line_start) as u32;
        self.parenstack.push((c, self.lineno, col));
        true
    }

    /// `close_bracket` when it raises no error: false (nothing changed) unless `c` closes the
    /// innermost open bracket.
    #[inline(always)]
    fn fast_close_bracket(&mut self, c: u8) -> bool {
        let closes = match self.parenstack.last() {
            Some(&(open, _, _)) => matches!((open, c), (b'(', b')') | (b'[', b']') | (b'{', b'}')),
            None => false,
        };
        if closes {
            self.parenstack.pop();
        }
        closes
    }

    /// The token the fast path read, of kind `kind` at `start` and ending at the cursor (a NEWLINE
    /// just before it; a string starts on `first_lineno`), positioned as `make_token` positions it.
    #[inline(always)]
    pub(super) fn fast_token(&self, kind: TokenKind, start: usize) -> Token {
        let end = if kind == TokenKind::Newline {
            self.cur - 1
        } else {
            self.cur
        };
        let (lineno, line_start) = if kind == TokenKind::String {
            (self.first_lineno, self.multi_line_start)
        } else {
            (self.lineno, self.line_start)
        };
        // The fast paths read within the current line (a string from the line it starts on), so
        // a token starts after the start of its line and the cursor after the line's.
        debug_assert!(line_start <= start && self.line_start <= self.cur);
        Token {
            kind,
            start: start as u32,
            end: end as u32,
            lineno,
            col_offset: start.wrapping_sub(line_start) as u32,
            end_lineno: self.lineno,
            end_col_offset: self.cur.wrapping_sub(self.line_start) as u32,
        }
    }

    /// A pending INDENT or DEDENT, as `pending_indent_token` gives it; at the end of the input
    /// (the cursor past the source, where `make_token` clamps) the general path.
    #[inline(always)]
    fn fast_pending_indent(&mut self) -> FastToken {
        if self.atbol || self.cur > self.src.len() {
            return None;
        }
        let kind = if self.pendin < 0 {
            self.pendin += 1;
            TokenKind::Dedent
        } else {
            self.pendin -= 1;
            TokenKind::Indent
        };
        self.line_work = self.pendin != 0;
        Some(self.fast_token(kind, self.cur))
    }

    /// A name of ASCII letters, digits and underscores that no quote follows (so no string
    /// prefix: `next_string_token` reads the common ones); `tok_identifier` takes the others.
    #[inline(always)]
    fn fast_name(&mut self, pos: usize, end: usize) -> FastToken {
        let bytes = &self.src[pos + 1..end];
        let len = ascii_name_len(bytes);
        if matches!(bytes.get(len), Some(&b) if b >= 128 || b == b'"' || b == b'\'') {
            return None;
        }
        self.cur = pos + 1 + len;
        Some(self.fast_token(TokenKind::Name, pos))
    }

    /// A number without underscores, exponent or imaginary part that nothing number-like
    /// follows: a decimal integer (a lone `0`, or digits not starting with `0`), maybe with a
    /// fraction, or a hexadecimal, octal or binary integer. `tok_number` takes the others.
    #[inline(always)]
    pub(super) fn fast_number(&mut self, pos: usize, end: usize) -> FastToken {
        let bytes = &self.src[pos..end];
        let zero = bytes[0] == b'0';
        let mut len = if zero { 1 } else { count_digits(bytes, 10) };
        match bytes.get(len) {
            Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B') if zero => {
                let radix = match bytes[1].to_ascii_lowercase() {
                    b'x' => 16,
                    b'o' => 8,
                    _ => 2,
                };
                let digits = count_digits(&bytes[2..], radix);
                if digits == 0 {
                    return None;
                }
                len = 2 + digits;
            }
            Some(b'.') => len += 1 + count_digits(&bytes[len + 1..], 10),
            _ => {}
        }
        let after = self.src.get(pos + len).copied().unwrap_or(b'\n');
        if continues_number(after) {
            return None;
        }
        self.cur = pos + len;
        Some(self.fast_token(TokenKind::Number, pos))
    }

    /// One-, two- and three-character operators, as `tok_punctuation` reads them outside
    /// f-strings.
    #[inline(always)]
    fn fast_operator(&self, pos: usize, c: u8, next: u8) -> (TokenKind, usize) {
        // Most operators stand alone: no table lookup (a call) when no operator goes on so.
        if !may_continue_operator(next) {
            return (one_char(c), 1);
        }
        let two = TokenKind::two_chars(c, next);
        if two == TokenKind::Op {
            return (one_char(c), 1);
        }
        let third = self.src.get(pos + 2).copied().unwrap_or(b'\n');
        match TokenKind::three_chars(c, next, third) {
            TokenKind::Op => (two, 2),
            three => (three, 3),
        }
    }

    /// The newline ending the comment at `pos`, or `None` when a carriage return or the end
    /// of the input comes first (`tok_comment` and the general path take those).
    #[inline(always)]
    fn comment_end(&self, pos: usize, end: usize) -> Option<usize> {
        let newline = pos + memchr::memchr2(b'\n', b'\r', &self.src[pos..end])?;
        (self.src[newline] == b'\n').then_some(newline)
    }

    /// The newline at `newline` (after a comment, or where the token starts): true for a
    /// NEWLINE token, false inside brackets (none; the next line is to be read).
    #[inline(always)]
    fn fast_newline(&mut self, newline: usize) -> bool {
        self.cur = newline + 1;
        self.inp = self.cur;
        self.atbol = true;
        self.line_work = true;
        if !self.parenstack.is_empty() {
            return false;
        }
        self.cont_line = false;
        true
    }

    /// A string without prefix whose lines do not end in a backslash: one-line strings
    /// (escapes allowed) and triple-quoted strings over any number of lines.
    #[inline(always)]
    pub(super) fn fast_string(&mut self, pos: usize, end: usize) -> FastToken {
        self.fast_string_at(pos, pos, end)
    }

    /// A string with a bytes, raw or unicode prefix (`b`, `r`, `u`, `br`, `rb` in any case)
    /// from `pos` to the quote at `quote_at`: the prefixes `tok_identifier` passes to
    /// `tok_string` without an error. F-strings and t-strings are not read here (they change
    /// the mode stack). For `next_string_token`: not a token the parser reads ahead (those
    /// are `tok_get_fast`'s, which stays small without it).
    pub(super) fn fast_prefixed_string(
        &mut self,
        pos: usize,
        quote_at: usize,
        end: usize,
    ) -> FastToken {
        let is = |b: u8, letter: u8| b.eq_ignore_ascii_case(&letter);
        let plain_prefix = match self.src[pos..quote_at] {
            [a] => is(a, b'b') || is(a, b'r') || is(a, b'u'),
            [a, b] => (is(a, b'b') && is(b, b'r')) || (is(a, b'r') && is(b, b'b')),
            _ => false,
        };
        if !plain_prefix {
            return None;
        }
        self.fast_string_at(pos, quote_at, end)
    }

    /// A string starting at `pos` (its prefix, if any) whose opening quote is at `quote_at`.
    #[inline(always)]
    fn fast_string_at(&mut self, pos: usize, quote_at: usize, end: usize) -> FastToken {
        let src = self.src;
        let quote = src[quote_at];
        if src.get(quote_at + 1) != Some(&quote) {
            let close = self.one_line_string_end(quote_at + 1, end, quote)?;
            return self.fast_string_token(pos, close);
        }
        if src.get(quote_at + 2) != Some(&quote) {
            // The empty string.
            return self.fast_string_token(pos, quote_at + 2);
        }
        self.fast_triple_quoted(pos, quote_at, quote)
    }

    /// The end (after the closing quote) of a one-line string whose body starts at `from`.
    #[inline(always)]
    fn one_line_string_end(&self, from: usize, end: usize, quote: u8) -> Option<usize> {
        let mut at = from;
        loop {
            let found = at + find_string_stop(&self.src[at..end], quote)?;
            let b = self.src[found];
            if b == quote {
                return Some(found + 1);
            }
            if b == b'\n' || found + 1 >= end || matches!(self.src[found + 1], b'\n' | b'\r') {
                // Unterminated, or a backslash continuing the string on the next line.
                return None;
            }
            at = found + 2;
        }
    }

    /// A string on the current line, from `pos` to `close`: what `tok_string` leaves.
    #[inline(always)]
    fn fast_string_token(&mut self, pos: usize, close: usize) -> FastToken {
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        self.cur = close;
        Some(self.fast_token(TokenKind::String, pos))
    }

    /// A triple-quoted string at `pos` (its quotes at `quote_at`), over as many lines as it
    /// takes: `tok_string` reading each of its lines as `tok_nextc` does. `None` (nothing
    /// changed) when it does not end, a line of it ends in a backslash, or a null byte may be
    /// in one of its lines.
    #[inline(never)]
    fn fast_triple_quoted(&mut self, pos: usize, quote_at: usize, quote: u8) -> FastToken {
        let src = self.src;
        let mut at = quote_at + 3;
        // The closing quotes, found by a search that stops only at quotes and backslashes (the
        // lines are counted after, in one pass).
        let close = loop {
            let found = at + memchr::memchr2(quote, b'\\', src.get(at..)?)?;
            if src[found] == b'\\' {
                if matches!(src.get(found + 1), None | Some(b'\n' | b'\r')) {
                    return None;
                }
                at = found + 2;
                continue;
            }
            if src.get(found + 1) == Some(&quote) && src.get(found + 2) == Some(&quote) {
                break found + 3;
            }
            at = found + 1;
        };
        let body = &src[quote_at + 3..close];
        let Some(last_newline) = memchr::memrchr(b'\n', body) else {
            return self.fast_string_token(pos, close);
        };
        // Reading a line checks it for null bytes: leave any such input to the general path.
        if self.first_null.is_some() {
            return None;
        }
        let Ok(newlines) = u32::try_from(count_newlines(body)) else {
            return None;
        };
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        self.lineno += newlines;
        self.line_start = quote_at + 3 + last_newline + 1;
        self.inp = self.len;
        self.cur = close;
        Some(self.fast_token(TokenKind::String, pos))
    }

    /// The start of a line that `tok_get_normal_mode` would read without surprises: not blank,
    /// no comment, no backslash in its indentation, and outside brackets indented with spaces
    /// only and consistently with the indentation stack. Blank and comment-only lines before
    /// it are passed over (the parser's view has no token for them). Starts the line (as
    /// `underflow` and `tok_indentation` would: the cursor after the indentation, INDENT or
    /// DEDENT tokens pending) and returns true; otherwise returns false, with the tokenizer at
    /// the start of a line for the general path.
    #[inline(never)]
    fn start_plain_line(&mut self) -> bool {
        if self.cur != self.inp || self.done != Done::Ok {
            return false;
        }
        if self.first_null.is_some_and(|at| at >= self.cur) {
            return false;
        }
        while self.cur < self.len {
            let from = self.cur;
            let rest = &self.src[from.min(self.src.len())..];
            let in_brackets = !self.parenstack.is_empty();
            let mut col = count_leading_spaces(rest);
            if in_brackets {
                // Indentation is not compared there, so tabs and form feeds may be in it.
                col += rest[col..]
                    .iter()
                    .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\x0c'))
                    .count();
            }
            match rest.get(col) {
                Some(b'#' | b'\n') | None if !self.options.type_comments => {
                    if !self.skip_blank_line(from, col) {
                        return false;
                    }
                    continue;
                }
                None | Some(b'\t' | b'\x0c' | b'\\' | b'#' | b'\n' | b'\r') => return false,
                Some(_) => {}
            }
            if !in_brackets && !self.plain_indentation(col) {
                return false;
            }
            self.begin_line(from);
            self.atbol = false;
            self.cur = from + col;
            return true;
        }
        false
    }

    /// `tok_indentation`'s comparison with the indentation stack for a line indented with
    /// `col` spaces: the same level, or INDENT or DEDENT tokens made pending. False (nothing
    /// changed) when the general path must raise an error.
    #[inline(always)]
    fn plain_indentation(&mut self, col: usize) -> bool {
        let Ok(col) = i32::try_from(col) else {
            return false;
        };
        let (Some(&level), Some(&alt_level)) = (self.indstack.last(), self.altindstack.last())
        else {
            return false;
        };
        if col == level {
            return col == alt_level;
        }
        self.change_indentation(col, level, alt_level)
    }

    /// `plain_indentation` for a line indented more or less than the one before.
    #[inline(always)]
    fn change_indentation(&mut self, col: i32, level: i32, alt_level: i32) -> bool {
        let top = self.indstack.len() - 1;
        if col > level {
            if top + 1 >= MAXINDENT || col <= alt_level {
                return false;
            }
            self.pendin += 1;
            self.indstack.push(col);
            self.altindstack.push(col);
            return true;
        }
        let mut keep = self.indstack.len();
        while keep > 1 && col < self.indstack[keep - 1] {
            keep -= 1;
        }
        if col != self.indstack[keep - 1] || col != self.altindstack[keep - 1] {
            return false;
        }
        self.pendin -= (self.indstack.len() - keep) as i32;
        self.indstack.truncate(keep);
        self.altindstack.truncate(keep);
        true
    }

    /// A blank or comment-only line at `from` (its text after `indent` bytes of indentation
    /// starts with `#`, a newline or the end): the parser's view has no token for it, so it is
    /// read and passed over as `tok_get_normal_mode` does. False (nothing changed) when the
    /// line needs the general path: a carriage return in it, or no newline before the end.
    #[inline(always)]
    fn skip_blank_line(&mut self, from: usize, indent: usize) -> bool {
        let body = from.min(self.src.len()) + indent;
        let line_end = if self.src.get(body) == Some(&b'\n') {
            body + 1
        } else {
            match self.comment_line_end(body) {
                Some(line_end) => line_end,
                None => return false,
            }
        };
        self.begin_line(from);
        self.cur = line_end;
        self.inp = line_end;
        true
    }

    /// The end (after its newline) of the comment-only line whose comment starts at `body`;
    /// `None` when the general path must read it.
    fn comment_line_end(&self, body: usize) -> Option<usize> {
        match memchr::memchr2(b'\n', b'\r', &self.src[body.min(self.src.len())..]) {
            Some(i) if self.src[body + i] == b'\n' => Some(body + i + 1),
            None if self.len > self.src.len() && body < self.src.len() => Some(self.len),
            _ => None,
        }
    }

    /// What `underflow` and `tok_nextc` do when they read the line at `from`.
    fn begin_line(&mut self, from: usize) {
        self.buf_start = from;
        self.start = None;
        self.lineno += 1;
        self.inp = self.len;
        self.line_start = from;
    }
}

/// The first byte of `line` from `pos` on that is not a space, tab or form feed, with its
/// position; `None` at the end of the line's bytes.
#[inline(always)]
pub(super) fn first_after_blanks(line: &[u8], mut pos: usize) -> Option<(usize, u8)> {
    loop {
        match line.get(pos) {
            Some(b' ' | b'\t' | b'\x0c') => pos += 1,
            Some(&c) => return Some((pos, c)),
            None => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every place of a name gives the length a byte-by-byte scan gives.
    #[test]
    fn ascii_name_len_stops_where_the_bytewise_scan_stops() {
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = [b'a'; 20];
                bytes[at] = b;
                for len in [3, 8, 9, 16, 20] {
                    let slice = &bytes[..len];
                    let expected = slice
                        .iter()
                        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
                        .count();
                    assert_eq!(
                        ascii_name_len(slice),
                        expected,
                        "byte {b:#x} at {at}, len {len}"
                    );
                }
            }
        }
    }

    /// Leading spaces are counted as a bytewise count counts them, for every length of run and
    /// of input and every byte after the run.
    #[test]
    fn leading_spaces_are_the_bytewise_run() {
        for b in 0..=255u8 {
            for run in 0..20 {
                for len in run..run + 10 {
                    let bytes: Vec<u8> = (0..len).map(|i| if i < run { b' ' } else { b }).collect();
                    let expected = bytes.iter().take_while(|&&c| c == b' ').count();
                    assert_eq!(count_leading_spaces(&bytes), expected, "{b:#x} {run} {len}");
                }
            }
        }
    }

    /// Newlines are counted at every place and every length, next to every other byte value.
    #[test]
    fn count_newlines_counts_what_a_bytewise_count_counts() {
        for b in 0..=255u8 {
            for len in 0..20 {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| if i % 3 == 0 { b'\n' } else { b })
                    .collect();
                let expected = bytes.iter().filter(|&&c| c == b'\n').count();
                assert_eq!(count_newlines(&bytes), expected, "byte {b:#x}, len {len}");
            }
        }
    }

    /// No two-character operator goes on with a byte `may_continue_operator` rejects.
    #[test]
    fn only_the_listed_bytes_continue_an_operator() {
        for c in 0..=255u8 {
            for next in (0..=255u8).filter(|&b| !may_continue_operator(b)) {
                assert_eq!(
                    TokenKind::two_chars(c, next),
                    TokenKind::Op,
                    "{c:#x} {next:#x}"
                );
            }
        }
    }

    /// The inlined one-character kinds are the generated table's.
    #[test]
    fn one_char_is_the_generated_table() {
        for c in 0..=255u8 {
            assert_eq!(one_char(c), TokenKind::one_char(c), "byte {c:#x}");
        }
    }

    /// Every byte value at every place finds the stop a byte-by-byte search finds.
    #[test]
    fn find_string_stop_finds_the_first_quote_backslash_or_newline() {
        for quote in [b'\'', b'"'] {
            for b in 0..=255u8 {
                for at in 0..30 {
                    let mut bytes = [b'a'; 30];
                    bytes[at] = b;
                    for len in [0, 3, 8, 9, 16, 17, 30] {
                        let slice = &bytes[..len];
                        let expected = slice
                            .iter()
                            .position(|&b| b == quote || b == b'\\' || b == b'\n');
                        assert_eq!(find_string_stop(slice, quote), expected, "{b:#x} at {at}");
                    }
                }
            }
        }
    }

    /// Spaces counted eight at a time stop at the first other byte.
    #[test]
    fn count_spaces_stops_at_the_first_other_byte() {
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = [b' '; 20];
                bytes[at] = b;
                for len in [3, 8, 9, 16, 20] {
                    let slice = &bytes[..len];
                    let expected = slice.iter().take_while(|&&b| b == b' ').count();
                    assert_eq!(
                        count_spaces(slice),
                        expected,
                        "byte {b:#x} at {at}, len {len}"
                    );
                }
            }
        }
    }
}
