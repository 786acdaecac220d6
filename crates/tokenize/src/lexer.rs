//! Port of Parser/lexer/lexer.c: tok_nextc, tok_backup, tok_get_normal_mode, tok_get_fstring_mode, _PyTokenizer_Get.
//!
//! The C lexer reads a line at a time into a buffer; here the whole decoded source is in memory
//! and a "line" is the range `line_start..inp` (`inp` is known once the line's newline is read). A source that does not end in a newline gets a
//! virtual one at `source.len()`, as CPython appends one (`implicit_newline`).

use crate::error::ErrorType;
use crate::state::{Done, ModeKind, Pending, RawToken, TokMode, Warning, EOF};
use crate::unicode::{is_printable, scan_identifier};
use crate::{SyntaxError, Token, TokenKind, TokenizerOptions};

mod fast;
mod fstring_fast;

const MAXINDENT: usize = 100;
const MAXLEVEL: usize = 200;
const MAXFSTRINGLEVEL: usize = 150;
const MAX_EXPR_NESTING: i32 = 3;
const TABSIZE: i32 = 8;
const ALTTABSIZE: i32 = 1;

type Lex<T> = Result<T, ()>;

fn is_potential_identifier_start(c: i32) -> bool {
    (c >= b'a' as i32 && c <= b'z' as i32)
        || (c >= b'A' as i32 && c <= b'Z' as i32)
        || c == b'_' as i32
        || c >= 128
}

fn is_potential_identifier_char(c: i32) -> bool {
    is_potential_identifier_start(c) || is_digit(c)
}

/// Per byte: 0 not an identifier byte, 1 an ASCII one, 3 a non-ASCII one (bit 2: non-ASCII).
static IDENT_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 128 {
            3
        } else if byte.is_ascii_alphanumeric() || byte == b'_' {
            1
        } else {
            0
        };
        b += 1;
    }
    table
};

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 128
}

fn is_digit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

fn ch(b: u8) -> i32 {
    i32::from(b)
}

/// CPython's tokenizer over a decoded source: one token per `next_token` call.
pub struct Tokenizer<'src> {
    pub(crate) text: &'src str,
    pub(crate) src: &'src [u8],
    /// `src.len()`, plus one for the virtual final newline.
    pub(crate) len: usize,
    pub(crate) options: TokenizerOptions,
    pub(crate) filename: String,

    // tok->cur, tok->inp, tok->line_start, tok->buf, tok->lineno
    pub(crate) cur: usize,
    pub(crate) inp: usize,
    pub(crate) line_start: usize,
    pub(crate) buf_start: usize,
    pub(crate) lineno: u32,
    pub(crate) done: Done,

    // The token being scanned: tok->start, tok->first_lineno, tok->multi_line_start. `start`
    // is read only by the general path, after it set it for the token it reads: the fast paths
    // leave it as it is.
    pub(crate) start: Option<usize>,
    pub(crate) first_lineno: u32,
    pub(crate) multi_line_start: usize,

    // Indentation: tok->atbol, tok->pendin, tok->indstack, tok->altindstack.
    pub(crate) atbol: bool,
    pub(crate) pendin: i32,
    pub(crate) indstack: Vec<i32>,
    pub(crate) altindstack: Vec<i32>,

    // Brackets: tok->level and the paren stacks (char, line, byte column).
    pub(crate) parenstack: Vec<(u8, u32, u32)>,

    pub(crate) cont_line: bool,
    pub(crate) comment_newline: bool,
    pub(crate) mode_stack: Vec<TokMode>,

    pub(crate) pending: Pending,
    pub(crate) warnings: Vec<Warning>,
    pub(crate) finished: Option<Token>,
    /// Where the first null byte is: the line holding it is an error when read.
    pub(crate) first_null: Option<usize>,
    /// ENDMARKER or an error was returned: `next_token` repeats it.
    pub(crate) stopped: bool,
    /// Whether `tok_get_fast` may run: in the parser's view, unless a test turned it off to
    /// compare with the general path.
    pub(crate) fast_paths: bool,
    /// Whether `tok_get_fast` may run now: `fast_paths`, not `stopped`, and outside f-strings
    /// (one mode). Only the general path changes those, and it sets this after each token, so
    /// that the fast path tests one flag.
    pub(crate) fast_now: bool,
    /// `atbol || pendin != 0`: whether the fast path must start a line or give a pending
    /// INDENT or DEDENT before reading a token in the line (one test for the commonest case,
    /// a token in the middle of a line). Kept by the fast path as it changes those, and set
    /// by the general path after each token.
    pub(crate) line_work: bool,
}

impl<'src> Tokenizer<'src> {
    pub fn new(source: &'src str, options: TokenizerOptions) -> Self {
        let src = source.as_bytes();
        let implicit_newline = !src.is_empty() && src.last() != Some(&b'\n');
        Tokenizer {
            text: source,
            src,
            len: src.len() + usize::from(implicit_newline),
            options,
            filename: String::from("<string>"),
            cur: 0,
            inp: 0,
            line_start: 0,
            buf_start: 0,
            lineno: 0,
            done: Done::Ok,
            start: None,
            first_lineno: 0,
            multi_line_start: 0,
            atbol: true,
            pendin: 0,
            indstack: vec![0],
            altindstack: vec![0],
            parenstack: Vec::new(),
            cont_line: false,
            comment_newline: false,
            mode_stack: vec![TokMode::regular()],
            pending: Pending::None,
            warnings: Vec::new(),
            finished: None,
            first_null: memchr::memchr(0, src),
            stopped: false,
            fast_paths: !options.extra_tokens,
            fast_now: !options.extra_tokens,
            line_work: true,
        }
    }

    /// Turns the fast paths for common tokens off, leaving only the port of CPython's general
    /// path; for tests that check both give the same tokens.
    #[doc(hidden)]
    pub fn without_fast_paths(mut self) -> Self {
        self.fast_paths = false;
        self.fast_now = false;
        self
    }

    /// Sets the file name that errors carry (CPython's `tok->filename`).
    pub fn with_filename(mut self, filename: &str) -> Self {
        self.filename = filename.to_string();
        self
    }

    /// The next token; after ENDMARKER it keeps returning ENDMARKER. After an error the
    /// tokenizer keeps returning that error.
    #[inline]
    pub fn next_token(&mut self) -> Result<Token, SyntaxError> {
        if let Some(token) = self.next_fast_token() {
            return Ok(token);
        }
        if let Some(token) = self.next_string_token() {
            return Ok(token);
        }
        self.next_token_without_fast_paths()
    }

    /// `next_token` when the fast paths for common tokens read it, else `None` (then
    /// [`Self::next_token_without_fast_paths`] gives it). Split so that the parser, which
    /// reads every token, gets the common ones without a call or a copy of `next_token`'s
    /// large `Result`.
    #[inline(always)]
    pub fn next_fast_token(&mut self) -> Option<Token> {
        if !self.fast_now {
            return None;
        }
        self.tok_get_fast()
    }

    /// `next_token` after [`Self::next_fast_token`] returned `None`.
    #[inline(never)]
    pub fn next_token_without_fast_paths(&mut self) -> Result<Token, SyntaxError> {
        if self.stopped {
            return self.repeat_last();
        }
        let token = self.next_token_general();
        self.fast_now = self.fast_paths && !self.stopped && self.mode_stack.len() == 1;
        self.line_work = self.atbol || self.pendin != 0;
        token
    }

    /// `next_token` for what the fast paths leave: the port of CPython's general path.
    #[inline(never)]
    fn next_token_general(&mut self) -> Result<Token, SyntaxError> {
        match self.tok_get() {
            Ok(raw) => {
                let token = self.make_token(raw);
                if token.kind == TokenKind::Endmarker {
                    self.finished = Some(token);
                    self.stopped = true;
                }
                Ok(token)
            }
            Err(()) => Err(self.stop_on_error()),
        }
    }

    /// The error of an ERRORTOKEN, kept to be returned again by every later call.
    #[cold]
    #[inline(never)]
    fn stop_on_error(&mut self) -> SyntaxError {
        let err = self.error_for_errortoken();
        self.pending = Pending::Error(err.clone());
        self.stopped = true;
        err
    }

    /// After ENDMARKER or an error, the same again.
    #[cold]
    fn repeat_last(&self) -> Result<Token, SyntaxError> {
        if let Pending::Error(err) = &self.pending {
            return Err(err.clone());
        }
        match self.finished {
            Some(token) => Ok(token),
            None => Err(SyntaxError {
                error_type: ErrorType::SyntaxError,
                msg: "unknown tokenization error".to_string(),
                filename: self.filename.clone(),
                lineno: None,
                offset: None,
                end_lineno: None,
                end_offset: None,
                text: None,
            }),
        }
    }

    /// The source text of `tok`.
    #[inline]
    pub fn token_text(&self, tok: &Token) -> &'src str {
        let end = (tok.end as usize).min(self.text.len());
        let start = (tok.start as usize).min(end);
        self.text.get(start..end).unwrap_or("")
    }

    /// Warnings raised so far (SyntaxWarning for invalid escapes and number endings), drained.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// Whether warnings wait to be taken (a cheap check before [`Self::take_warnings`]).
    pub fn has_warnings(&self) -> bool {
        !self.warnings.is_empty()
    }

    /// The state after an error token (`tok->done`).
    pub fn done(&self) -> Done {
        self.done
    }

    /// Whether the tokenizer stands inside an f-string or t-string (`tok_mode_stack_index > 0`):
    /// the parser then keeps its own error over a later tokenizer error.
    pub fn in_fstring_mode(&self) -> bool {
        self.inside_fstring()
    }

    /// The open brackets, innermost last: (bracket, line, byte column), as CPython's
    /// `parenstack`, `parenlinenostack` and `parencolstack`.
    pub fn paren_stack(&self) -> &[(u8, u32, u32)] {
        &self.parenstack
    }

    /// The current line number (`tok->lineno`).
    pub fn lineno(&self) -> u32 {
        self.lineno
    }

    /// How far the cursor is into the tokenizer's buffer, in bytes (`tok->cur - tok->buf`).
    /// The buffer starts at the line where the current token began, so after a backslash
    /// continuation it holds the lines before the current one too.
    pub fn cur_from_buf(&self) -> usize {
        self.cur.saturating_sub(self.buf_start)
    }

    /// The text of line `lineno` (1-based) without its line end, if it exists.
    pub fn source_line(&self, lineno: u32) -> Option<&'src str> {
        let index = usize::try_from(lineno.checked_sub(1)?).ok()?;
        self.text
            .split_inclusive('\n')
            .nth(index)
            .map(|line| line.strip_suffix('\n').unwrap_or(line))
    }

    // ---- tok_nextc / tok_backup -------------------------------------------------------------

    fn byte(&self, i: usize) -> u8 {
        match self.src.get(i) {
            Some(&b) => b,
            None if i < self.len => b'\n',
            None => 0,
        }
    }

    /// Get the next character, reading the next line when the current one is used up.
    #[inline(always)]
    fn nextc(&mut self) -> i32 {
        if self.cur < self.inp {
            // Inside a line only the virtual final newline lies past the source.
            let c = self.src.get(self.cur).copied().unwrap_or(b'\n');
            self.cur += 1;
            if c == b'\n' {
                // The line ends here: the next read starts the next line.
                self.inp = self.cur;
            }
            return ch(c);
        }
        self.nextc_slow()
    }

    /// `tok_nextc` at the end of the current line: read the next one.
    #[cold]
    #[inline(never)]
    fn nextc_slow(&mut self) -> i32 {
        loop {
            if self.cur < self.inp {
                return self.nextc();
            }
            if self.done != Done::Ok {
                return EOF;
            }
            if !self.underflow() {
                self.cur = self.inp;
                return EOF;
            }
            self.line_start = self.cur;
            if self
                .first_null
                .is_some_and(|at| at >= self.line_start && at < self.line_end())
            {
                self.set_syntax_error("source code cannot contain null bytes".to_string());
                self.skip_to_line_end();
                return EOF;
            }
        }
    }

    /// `tok->cur = tok->inp`: after an error, the rest of the line is skipped (and the next
    /// read finds the tokenizer stopped).
    fn skip_to_line_end(&mut self) {
        let end = self.line_end();
        self.cur = end;
        self.inp = end;
    }

    /// The end of the current line (after its newline): `tok->inp` once the line is read.
    fn line_end(&self) -> usize {
        let from = self.line_start.min(self.src.len());
        match memchr::memchr(b'\n', &self.src[from..]) {
            Some(i) => from + i + 1,
            None => self.len,
        }
    }

    /// Skips the spaces at the cursor within the current line; returns how many.
    #[inline(always)]
    fn skip_spaces(&mut self) -> usize {
        let end = self.inp.min(self.src.len());
        let run = self.src[self.cur.min(end)..end]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
        self.cur += run;
        run
    }

    /// Starts the next line (tok_underflow_string / _readline). Its end is not searched for:
    /// `inp` stays at the end of the source until `nextc` reads the line's newline.
    fn underflow(&mut self) -> bool {
        if self.inp >= self.len {
            self.done = Done::Eof;
            if self.start.is_none() && self.mode_stack.len() == 1 {
                self.buf_start = self.inp;
            }
            return false;
        }
        if self.start.is_none() && self.mode_stack.len() == 1 {
            self.buf_start = self.cur;
        }
        self.inp = self.len;
        self.lineno += 1;
        true
    }

    fn backup(&mut self, c: i32) {
        if c != EOF && self.cur > 0 {
            self.cur -= 1;
        }
    }

    fn col(&self) -> u32 {
        self.cur.saturating_sub(self.line_start) as u32
    }

    fn inside_fstring(&self) -> bool {
        self.mode_stack.len() > 1
    }

    /// Enters the mode of an f-string or t-string whose prefix starts at `start`, on the current
    /// line: the kind of its start token.
    fn enter_fstring(
        &mut self,
        quote: u8,
        quote_size: u8,
        raw: bool,
        tstring: bool,
        start: usize,
    ) -> TokenKind {
        let mode = TokMode::fstring(
            quote,
            quote_size,
            raw,
            tstring,
            start,
            self.line_start,
            self.lineno,
        );
        self.mode_stack.push(mode);
        if tstring {
            TokenKind::TstringStart
        } else {
            TokenKind::FstringStart
        }
    }

    fn mode(&mut self) -> &mut TokMode {
        let last = self.mode_stack.len() - 1;
        &mut self.mode_stack[last]
    }

    fn token(&self, kind: TokenKind, start: usize, end: usize) -> RawToken {
        RawToken {
            kind,
            start: Some(start),
            end,
            col: None,
        }
    }

    // ---- errors -------------------------------------------------------------------------------

    #[cold]
    #[inline(never)]
    fn set_syntax_error(&mut self, msg: String) {
        let cursor = self.cur.saturating_sub(self.line_start);
        self.set_syntax_error_range(msg, -1, -1, cursor);
    }

    #[cold]
    #[inline(never)]
    fn syntax_error<T>(&mut self, msg: String) -> Lex<T> {
        self.set_syntax_error(msg);
        Err(())
    }

    /// Port of `_syntaxerror_range` for the current line. `col`/`end_col` are 1-based byte
    /// columns, or -1 for "the cursor".
    #[cold]
    #[inline(never)]
    fn set_syntax_error_range(&mut self, msg: String, col: i32, end_col: i32, cursor: usize) {
        if self.done == Done::Error {
            return;
        }
        let line = self.line_at(self.line_start);
        let upto = &self.src
            [self.line_start.min(self.src.len())..(self.line_start + cursor).min(self.src.len())];
        let cursor_chars = String::from_utf8_lossy(upto).chars().count() as i32;
        let offset = match col {
            -1 => cursor_chars,
            c if c > 0 => byte_col_to_char_col(line.as_bytes(), c),
            c => c,
        };
        let end_offset = match end_col {
            -1 => offset,
            c if c > 0 => byte_col_to_char_col(line.as_bytes(), c),
            c => c,
        };
        let err = SyntaxError {
            error_type: ErrorType::SyntaxError,
            msg,
            filename: self.filename.clone(),
            lineno: Some(self.lineno as i32),
            offset: Some(offset),
            end_lineno: Some(self.lineno as i32),
            end_offset: Some(end_offset),
            text: Some(line),
        };
        self.pending = Pending::Error(err);
        self.done = Done::Error;
    }

    /// The line starting at `start`, without its newline (errors' `text`).
    fn line_at(&self, start: usize) -> String {
        let start = start.min(self.src.len());
        let rest = &self.src[start..];
        let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        String::from_utf8_lossy(&rest[..end]).into_owned()
    }

    #[cold]
    #[inline(never)]
    fn warn(&mut self, message: String) {
        self.warnings.push(Warning {
            message,
            lineno: self.lineno,
        });
    }

    /// The SyntaxError of an ERRORTOKEN: the one the lexer set, or the one CPython builds from
    /// `tok->done` (Python/Python-tokenize.c: _tokenizer_error for the tokenize module's view,
    /// Parser/pegen_errors.c: tokenizer_error for the parser's).
    #[cold]
    #[inline(never)]
    fn error_for_errortoken(&mut self) -> SyntaxError {
        if let Pending::Error(err) = &self.pending {
            return err.clone();
        }
        if self.done == Done::Eof && !self.options.extra_tokens {
            return self.unexpected_eof_error();
        }
        let (error_type, msg) = match self.done {
            Done::Eof if self.options.extra_tokens => (
                ErrorType::SyntaxError,
                "unexpected EOF in multi-line statement",
            ),
            Done::Eof => (ErrorType::SyntaxError, "unexpected EOF while parsing"),
            Done::Dedent => (
                ErrorType::IndentationError,
                "unindent does not match any outer indentation level",
            ),
            Done::TabSpace => (
                ErrorType::TabError,
                "inconsistent use of tabs and spaces in indentation",
            ),
            Done::TooDeep => (
                ErrorType::IndentationError,
                "too many levels of indentation",
            ),
            Done::LineCont => (
                ErrorType::SyntaxError,
                "unexpected character after line continuation character",
            ),
            _ => (ErrorType::SyntaxError, "unknown tokenization error"),
        };
        let line = self.line_at(self.buf_start);
        let (offset, end_offset) = if self.options.extra_tokens {
            let offset = if self.done == Done::Eof {
                self.inp.saturating_sub(self.buf_start) as i32
            } else {
                line.chars().count() as i32 + 1
            };
            (offset, None)
        } else if self.done == Done::LineCont {
            let col = self.cur.saturating_sub(self.buf_start + 1);
            let prefix = &self.src
                [self.buf_start.min(self.src.len())..(self.buf_start + col).min(self.src.len())];
            (
                String::from_utf8_lossy(prefix).chars().count() as i32 + 1,
                Some(0),
            )
        } else {
            (1, Some(0))
        };
        let lineno = self.lineno as i32;
        SyntaxError {
            error_type,
            msg: msg.to_string(),
            filename: self.filename.clone(),
            lineno: Some(lineno),
            offset: Some(offset),
            end_lineno: if self.options.extra_tokens {
                None
            } else {
                Some(lineno)
            },
            end_offset,
            text: Some(line),
        }
    }

    /// The parser's "unexpected EOF while parsing" (Parser/pegen_errors.c: _Pypegen_tokenizer_error
    /// for E_EOF outside brackets, which only a backslash before the end of input reaches).
    /// `_PyPegen_raise_error` places it at the ERRORTOKEN, which has no columns, so at the
    /// tokenizer's cursor: the end of the last physical line, counting the newline CPython's
    /// buffer always ends with. No end column (-1).
    #[cold]
    #[inline(never)]
    fn unexpected_eof_error(&self) -> SyntaxError {
        let line = self.line_at(self.line_start);
        let lineno = self.lineno as i32;
        SyntaxError {
            error_type: ErrorType::SyntaxError,
            msg: "unexpected EOF while parsing".to_string(),
            filename: self.filename.clone(),
            lineno: Some(lineno),
            offset: Some(line.chars().count() as i32 + 1),
            end_lineno: Some(lineno),
            end_offset: Some(-1),
            text: Some(line),
        }
    }

    // ---- tokens -------------------------------------------------------------------------------

    /// Port of `_PyLexer_token_setup` plus, for the tokenize module's view, the adjustments of
    /// Python/Python-tokenize.c: tokenizeriter_next.
    #[inline(always)]
    fn make_token(&self, raw: RawToken) -> Token {
        let string_lit = matches!(
            raw.kind,
            TokenKind::String | TokenKind::FstringMiddle | TokenKind::TstringMiddle
        );
        let lineno = if string_lit {
            self.first_lineno
        } else {
            self.lineno
        };
        let start_line_start = if string_lit {
            self.multi_line_start
        } else {
            self.line_start
        };
        let start = raw.start.unwrap_or(self.cur);
        let clamp = |i: usize| i.min(self.src.len()) as u32;
        let (col_offset, end_col_offset) = match raw.col {
            Some(cols) => cols,
            None if self.options.extra_tokens => {
                let end_col = raw.end.saturating_sub(self.line_start) as u32;
                (start.saturating_sub(start_line_start) as u32, end_col)
            }
            None => (start.saturating_sub(start_line_start) as u32, self.col()),
        };
        let mut token = Token {
            kind: raw.kind,
            start: clamp(start),
            end: clamp(raw.end.max(start)),
            lineno,
            col_offset,
            end_lineno: self.lineno,
            end_col_offset,
        };
        if self.options.extra_tokens {
            let trailing = raw.kind == TokenKind::Endmarker
                || (raw.kind == TokenKind::Dedent && self.done == Done::Eof);
            if trailing {
                token.lineno = self.lineno + 1;
                token.end_lineno = token.lineno;
                token.col_offset = 0;
                token.end_col_offset = 0;
            }
        }
        token
    }

    /// The general path: `tok_get_normal_mode` or `tok_get_fstring_mode` by the mode.
    fn tok_get(&mut self) -> Lex<RawToken> {
        let regular = self
            .mode_stack
            .last()
            .is_none_or(|m| m.kind == ModeKind::Regular);
        if regular {
            self.tok_get_normal_mode()
        } else {
            self.tok_get_fstring_mode()
        }
    }

    /// Port of `tok_continuation_line`: after a backslash, the newline and the next character.
    fn tok_continuation_line(&mut self) -> Lex<i32> {
        let mut c = self.nextc();
        if c == ch(b'\r') {
            c = self.nextc();
        }
        if c != ch(b'\n') {
            self.done = Done::LineCont;
            return Err(());
        }
        c = self.nextc();
        if c == EOF {
            self.done = Done::Eof;
            self.skip_to_line_end();
            return Err(());
        }
        self.backup(c);
        Ok(c)
    }

    fn tok_get_normal_mode(&mut self) -> Lex<RawToken> {
        'nextline: loop {
            self.start = None;
            let mut blankline = false;

            if self.atbol {
                blankline = self.tok_indentation()?;
            }

            self.start = Some(self.cur);

            if self.pendin != 0 {
                return Ok(self.pending_indent_token());
            }

            // Peek ahead at the next character (this reads the next line if needed).
            let c = self.nextc();
            self.backup(c);

            'again: loop {
                self.start = None;
                let mut c = self.nextc();
                while c == ch(b' ') || c == ch(b'\t') || c == 0x0C {
                    self.skip_spaces();
                    c = self.nextc();
                }
                let start = self.cur.saturating_sub(1);
                self.start = Some(start);

                if let Some(token) = self.tok_plain_name(c, start) {
                    return Ok(token);
                }

                if c == ch(b'#') {
                    if let Some(token) = self.tok_comment(&mut c, blankline) {
                        return Ok(token);
                    }
                }

                if c == EOF {
                    if !self.parenstack.is_empty() {
                        return Err(());
                    }
                    if self.done == Done::Eof {
                        return Ok(RawToken {
                            kind: TokenKind::Endmarker,
                            start: None,
                            end: self.cur,
                            col: None,
                        });
                    }
                    return Err(());
                }

                if is_potential_identifier_start(c) {
                    return self.tok_identifier(c, start);
                }

                if c == ch(b'\r') {
                    c = self.nextc();
                }

                if c == ch(b'\n') {
                    self.atbol = true;
                    if blankline || !self.parenstack.is_empty() {
                        if self.options.extra_tokens {
                            self.comment_newline = false;
                            return Ok(self.token(TokenKind::Nl, start, self.cur));
                        }
                        continue 'nextline;
                    }
                    if self.comment_newline && self.options.extra_tokens {
                        self.comment_newline = false;
                        return Ok(self.token(TokenKind::Nl, start, self.cur));
                    }
                    self.cont_line = false;
                    let end = if self.options.extra_tokens {
                        self.cur
                    } else {
                        self.cur - 1
                    };
                    return Ok(self.token(TokenKind::Newline, start, end));
                }

                if c == ch(b'.') {
                    return self.tok_period(start);
                }

                if is_digit(c) {
                    return self.tok_number(c, start);
                }

                if c == ch(b'\'') || c == ch(b'"') {
                    return self.tok_string(c, start);
                }

                if c == ch(b'\\') {
                    self.tok_continuation_line()?;
                    self.cont_line = true;
                    continue 'again;
                }

                return self.tok_punctuation(c, start);
            }
        }
    }

    /// The indentation part of `tok_get_normal_mode` at the beginning of a line; returns
    /// whether the line is blank (only whitespace and/or a comment).
    #[inline(never)]
    fn tok_indentation(&mut self) -> Lex<bool> {
        let mut col = 0i32;
        let mut altcol = 0i32;
        self.atbol = false;
        let mut cont_line_col = 0i32;
        let mut c;
        loop {
            c = self.nextc();
            if c == ch(b' ') {
                // The rest of a run of spaces, without going through nextc.
                let run = 1 + self.skip_spaces();
                col += run as i32;
                altcol += run as i32;
            } else if c == ch(b'\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
            } else if c == 0x0C {
                col = 0;
                altcol = 0;
            } else if c == ch(b'\\') {
                cont_line_col = if cont_line_col != 0 {
                    cont_line_col
                } else {
                    col
                };
                self.tok_continuation_line()?;
            } else {
                break;
            }
        }
        self.backup(c);
        let blankline = c == ch(b'#') || c == ch(b'\n') || c == ch(b'\r');
        if blankline || !self.parenstack.is_empty() {
            return Ok(blankline);
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        let top = self.indstack.len() - 1;
        if col == self.indstack[top] {
            if altcol != self.altindstack[top] {
                return self.indent_error();
            }
        } else if col > self.indstack[top] {
            if top + 1 >= MAXINDENT {
                self.done = Done::TooDeep;
                self.skip_to_line_end();
                return Err(());
            }
            if altcol <= self.altindstack[top] {
                return self.indent_error();
            }
            self.pendin += 1;
            self.indstack.push(col);
            self.altindstack.push(altcol);
        } else {
            while self.indstack.len() > 1 && col < self.indstack[self.indstack.len() - 1] {
                self.pendin -= 1;
                self.indstack.pop();
                self.altindstack.pop();
            }
            let top = self.indstack.len() - 1;
            if col != self.indstack[top] {
                self.done = Done::Dedent;
                self.skip_to_line_end();
                return Err(());
            }
            if altcol != self.altindstack[top] {
                return self.indent_error();
            }
        }
        Ok(false)
    }

    /// Port of `_PyTokenizer_indenterror`.
    #[cold]
    #[inline(never)]
    fn indent_error<T>(&mut self) -> Lex<T> {
        self.done = Done::TabSpace;
        self.skip_to_line_end();
        Err(())
    }

    fn pending_indent_token(&mut self) -> RawToken {
        let cur = self.cur;
        if self.pendin < 0 {
            self.pendin += 1;
            if self.options.extra_tokens {
                return self.token(TokenKind::Dedent, cur, cur);
            }
            RawToken {
                kind: TokenKind::Dedent,
                start: None,
                end: cur,
                col: None,
            }
        } else {
            self.pendin -= 1;
            if self.options.extra_tokens {
                return self.token(TokenKind::Indent, self.buf_start, cur);
            }
            RawToken {
                kind: TokenKind::Indent,
                start: None,
                end: cur,
                col: None,
            }
        }
    }

    /// A comment: skipped, or a COMMENT / TYPE_COMMENT / TYPE_IGNORE token. `c` becomes the
    /// character after the comment.
    #[inline(never)]
    fn tok_comment(&mut self, c: &mut i32, blankline: bool) -> Option<RawToken> {
        let start = self.start.unwrap_or(self.cur);
        // The rest of the line: a comment never spans lines.
        while self.cur < self.src.len() {
            let b = self.src[self.cur];
            if b == b'\n' || b == b'\r' {
                break;
            }
            self.cur += 1;
        }
        *c = self.nextc();
        if self.options.type_comments {
            if let Some(token) = self.tok_type_comment(*c, start, blankline) {
                return Some(token);
            }
        }
        if self.options.extra_tokens {
            self.backup(*c);
            self.comment_newline = blankline;
            return Some(self.token(TokenKind::Comment, start, self.cur));
        }
        None
    }

    #[inline(never)]
    fn tok_type_comment(&mut self, c: i32, start: usize, blankline: bool) -> Option<RawToken> {
        const PREFIX: &[u8] = b"# type: ";
        let mut p = start;
        let mut col = start.saturating_sub(self.line_start) as u32;
        let mut matched = 0;
        while matched < PREFIX.len() && p < self.cur {
            if PREFIX[matched] == b' ' {
                while self.byte(p) == b' ' || self.byte(p) == b'\t' {
                    p += 1;
                    col += 1;
                }
            } else if PREFIX[matched] == self.byte(p) {
                p += 1;
                col += 1;
            } else {
                break;
            }
            matched += 1;
        }
        if matched < PREFIX.len() {
            return None;
        }
        self.backup(c);
        let ignore_end = p + 6;
        let is_type_ignore = self.cur >= ignore_end
            && self.src.get(p..ignore_end) == Some(b"ignore")
            && !(self.cur > ignore_end && {
                let b = self.byte(ignore_end);
                b >= 128 || b.is_ascii_alphanumeric()
            });
        if is_type_ignore {
            // Alone on its line, the ignore takes the newline too, and its tag ends after it.
            if blankline {
                self.nextc();
                self.atbol = true;
            }
            let end = self.cur;
            let cols = (col + 6, self.col());
            return Some(RawToken {
                kind: TokenKind::TypeIgnore,
                start: Some(ignore_end),
                end,
                col: Some(cols),
            });
        }
        let cols = (col, self.col());
        Some(RawToken {
            kind: TokenKind::TypeComment,
            start: Some(p),
            end: self.cur,
            col: Some(cols),
        })
    }

    fn tok_identifier(&mut self, first: i32, start: usize) -> Lex<RawToken> {
        let mut c = first;
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f, mut saw_t) =
            (false, false, false, false, false);
        loop {
            let lower = u8::try_from(c).map(|b| b.to_ascii_lowercase()).unwrap_or(0);
            match lower {
                b'b' if !saw_b => saw_b = true,
                b'u' if !saw_u => saw_u = true,
                b'r' if !saw_r => saw_r = true,
                b'f' if !saw_f => saw_f = true,
                b't' if !saw_t => saw_t = true,
                _ => break,
            }
            c = self.nextc();
            if c == ch(b'"') || c == ch(b'\'') {
                self.check_string_prefixes(saw_b, saw_r, saw_u, saw_f, saw_t)?;
                if saw_f || saw_t {
                    return self.tok_fstring_start(c, start, saw_t);
                }
                return self.tok_string(c, start);
            }
        }
        let mut nonascii = false;
        // Fast path: identifiers never span lines, so scan the line's bytes directly.
        if is_potential_identifier_char(c) {
            let mut class = IDENT_CLASS[c as u8 as usize];
            let end = self.inp.min(self.src.len());
            for &b in &self.src[self.cur.min(end)..end] {
                let b_class = IDENT_CLASS[usize::from(b)];
                if b_class == 0 {
                    break;
                }
                class |= b_class;
                self.cur += 1;
            }
            nonascii = class & 2 != 0;
            c = self.nextc();
        }
        self.backup(c);
        if nonascii && !self.options.extra_tokens {
            self.verify_identifier(start)?;
        }
        Ok(self.token(TokenKind::Name, start, self.cur))
    }

    /// Fast path for the most frequent token: an ASCII name that no quote follows (so no string
    /// prefix), scanned on the line's bytes. Anything else takes `tok_identifier`, which gives
    /// the same token for these.
    #[inline(always)]
    fn tok_plain_name(&mut self, c: i32, start: usize) -> Option<RawToken> {
        if !u8::try_from(c).is_ok_and(|b| b.is_ascii_alphabetic() || b == b'_') {
            return None;
        }
        let end = self.inp.min(self.src.len());
        let bytes = &self.src[self.cur.min(end)..end];
        let len = bytes
            .iter()
            .position(|&b| IDENT_CLASS[usize::from(b)] != 1)
            .unwrap_or(bytes.len());
        if matches!(bytes.get(len), Some(&b) if b >= 128 || b == b'"' || b == b'\'') {
            return None;
        }
        self.cur += len;
        Some(self.token(TokenKind::Name, start, self.cur))
    }

    /// Port of `maybe_raise_syntax_error_for_string_prefixes`.
    #[cold]
    #[inline(never)]
    fn check_string_prefixes(
        &mut self,
        saw_b: bool,
        saw_r: bool,
        saw_u: bool,
        saw_f: bool,
        saw_t: bool,
    ) -> Lex<()> {
        let pairs = [
            (saw_u && saw_b, "u", "b"),
            (saw_u && saw_r, "u", "r"),
            (saw_u && saw_f, "u", "f"),
            (saw_u && saw_t, "u", "t"),
            (saw_b && saw_f, "b", "f"),
            (saw_b && saw_t, "b", "t"),
            (saw_f && saw_t, "f", "t"),
        ];
        for (bad, first, second) in pairs {
            if bad {
                let start = self.start.unwrap_or(self.cur);
                let col = (start + 1).saturating_sub(self.line_start) as i32;
                let end_col = self.cur.saturating_sub(self.line_start) as i32;
                let cursor = self.cur.saturating_sub(self.line_start);
                let msg = format!("'{first}' and '{second}' prefixes are incompatible");
                self.set_syntax_error_range(msg, col, end_col, cursor);
                return Err(());
            }
        }
        Ok(())
    }

    /// Port of `verify_identifier`: PEP 3131 identifiers.
    #[cold]
    #[inline(never)]
    fn verify_identifier(&mut self, start: usize) -> Lex<()> {
        let Some(text) = self.text.get(start..self.cur) else {
            return self.syntax_error("invalid identifier".to_string());
        };
        let Some(invalid) = scan_identifier(text) else {
            return Ok(());
        };
        let (byte_index, bad) = invalid;
        self.cur = start + byte_index + bad.len_utf8();
        let code = bad as u32;
        let msg = if is_printable(bad) {
            format!("invalid character '{bad}' (U+{code:04X})")
        } else {
            format!("invalid non-printable character U+{code:04X}")
        };
        self.syntax_error(msg)
    }

    fn tok_period(&mut self, start: usize) -> Lex<RawToken> {
        let c = self.nextc();
        if is_digit(c) {
            return self.tok_fraction(c, start);
        }
        if c == ch(b'.') {
            let c2 = self.nextc();
            if c2 == ch(b'.') {
                return Ok(self.token(TokenKind::Ellipsis, start, self.cur));
            }
            self.backup(c2);
            self.backup(ch(b'.'));
        } else {
            self.backup(c);
        }
        Ok(self.token(TokenKind::Dot, start, self.cur))
    }

    // ---- numbers ------------------------------------------------------------------------------

    fn tok_number(&mut self, first: i32, start: usize) -> Lex<RawToken> {
        if first != ch(b'0') {
            let c = self.tok_decimal_tail()?;
            if c == ch(b'.') {
                let c = self.nextc();
                return self.tok_fraction(c, start);
            }
            return self.tok_after_fraction(c, start);
        }
        let mut c = self.nextc();
        match u8::try_from(c).map(|b| b.to_ascii_lowercase()) {
            Ok(b'x') => return self.tok_radix_number(start, 16),
            Ok(b'o') => return self.tok_radix_number(start, 8),
            Ok(b'b') => return self.tok_radix_number(start, 2),
            _ => {}
        }
        // Maybe old-style octal; in any case allow '0' as a literal.
        let mut nonzero = false;
        loop {
            if c == ch(b'_') {
                c = self.nextc();
                if !is_digit(c) {
                    self.backup(c);
                    return self.syntax_error("invalid decimal literal".to_string());
                }
            }
            if c != ch(b'0') {
                break;
            }
            c = self.nextc();
        }
        let zeros_end = self.cur;
        if is_digit(c) {
            nonzero = true;
            c = self.tok_decimal_tail()?;
        }
        if c == ch(b'.') {
            let c = self.nextc();
            return self.tok_fraction(c, start);
        }
        if c == ch(b'e') || c == ch(b'E') {
            return self.tok_exponent(c, start);
        }
        if c == ch(b'j') || c == ch(b'J') {
            return self.tok_imaginary(start);
        }
        if nonzero && !self.options.extra_tokens {
            self.backup(c);
            let col = (start + 1).saturating_sub(self.line_start) as i32;
            let end_col = zeros_end.saturating_sub(self.line_start) as i32;
            let cursor = self.cur.saturating_sub(self.line_start);
            self.set_syntax_error_range(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".to_string(),
                col,
                end_col,
                cursor,
            );
            return Err(());
        }
        self.verify_end_of_number(c, "decimal")?;
        self.finish_number(c, start)
    }

    /// Hexadecimal, octal and binary literals after their `0x`/`0o`/`0b` prefix.
    fn tok_radix_number(&mut self, start: usize, radix: u32) -> Lex<RawToken> {
        let kind = match radix {
            16 => "hexadecimal",
            8 => "octal",
            _ => "binary",
        };
        let in_radix = |c: i32| u8::try_from(c).is_ok_and(|b| (b as char).is_digit(radix));
        let mut c = self.nextc();
        loop {
            if c == ch(b'_') {
                c = self.nextc();
            }
            if !in_radix(c) {
                if radix != 16 && is_digit(c) {
                    return self.syntax_error(format!(
                        "invalid digit '{}' in {kind} literal",
                        c as u8 as char
                    ));
                }
                self.backup(c);
                return self.syntax_error(format!("invalid {kind} literal"));
            }
            loop {
                c = self.nextc();
                if !in_radix(c) {
                    break;
                }
            }
            if c != ch(b'_') {
                break;
            }
        }
        if radix != 16 && is_digit(c) {
            return self.syntax_error(format!(
                "invalid digit '{}' in {kind} literal",
                c as u8 as char
            ));
        }
        self.verify_end_of_number(c, kind)?;
        self.finish_number(c, start)
    }

    fn tok_fraction(&mut self, first: i32, start: usize) -> Lex<RawToken> {
        let mut c = first;
        if is_digit(c) {
            c = self.tok_decimal_tail()?;
        }
        self.tok_after_fraction(c, start)
    }

    fn tok_after_fraction(&mut self, c: i32, start: usize) -> Lex<RawToken> {
        if c == ch(b'e') || c == ch(b'E') {
            return self.tok_exponent(c, start);
        }
        if c == ch(b'j') || c == ch(b'J') {
            return self.tok_imaginary(start);
        }
        self.verify_end_of_number(c, "decimal")?;
        self.finish_number(c, start)
    }

    fn tok_exponent(&mut self, e: i32, start: usize) -> Lex<RawToken> {
        let mut c = self.nextc();
        if c == ch(b'+') || c == ch(b'-') {
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return self.syntax_error("invalid decimal literal".to_string());
            }
        } else if !is_digit(c) {
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(self.token(TokenKind::Number, start, self.cur));
        }
        c = self.tok_decimal_tail()?;
        if c == ch(b'j') || c == ch(b'J') {
            return self.tok_imaginary(start);
        }
        self.verify_end_of_number(c, "decimal")?;
        self.finish_number(c, start)
    }

    fn tok_imaginary(&mut self, start: usize) -> Lex<RawToken> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.finish_number(c, start)
    }

    fn finish_number(&mut self, c: i32, start: usize) -> Lex<RawToken> {
        self.backup(c);
        Ok(self.token(TokenKind::Number, start, self.cur))
    }

    /// Port of `tok_decimal_tail`: digits with single underscores between them.
    fn tok_decimal_tail(&mut self) -> Lex<i32> {
        loop {
            let mut c = self.nextc();
            while is_digit(c) {
                c = self.nextc();
            }
            if c != ch(b'_') {
                return Ok(c);
            }
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return self.syntax_error("invalid decimal literal".to_string());
            }
        }
    }

    /// Port of `verify_end_of_number`: a number directly followed by a keyword warns, by
    /// another identifier character fails.
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> Lex<()> {
        if self.options.extra_tokens {
            return Ok(());
        }
        let rest = &self.src[self.cur.min(self.src.len())..];
        let keyword_follows = |tail: &[u8]| {
            rest.starts_with(tail) && !rest.get(tail.len()).is_some_and(|&b| is_ident_byte(b))
        };
        let r = match u8::try_from(c).unwrap_or(0) {
            b'a' => keyword_follows(b"nd"),
            b'e' => keyword_follows(b"lse"),
            b'f' => keyword_follows(b"or"),
            b'i' => matches!(rest.first(), Some(b'f' | b'n' | b's')),
            b'o' => keyword_follows(b"r"),
            b'n' => keyword_follows(b"ot"),
            _ => false,
        };
        if r {
            self.warn(format!("invalid {kind} literal"));
            return Ok(());
        }
        if c < 128 && is_potential_identifier_char(c) {
            self.backup(c);
            return self.syntax_error(format!("invalid {kind} literal"));
        }
        Ok(())
    }

    // ---- strings ------------------------------------------------------------------------------

    /// The quote and size of a string opening at `quote` (already read).
    fn tok_string(&mut self, quote: i32, start: usize) -> Lex<RawToken> {
        let quote_byte = quote as u8;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut has_escaped_quote = false;
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;

        let mut c = self.nextc();
        if c == quote {
            c = self.nextc();
            if c == quote {
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        if c != quote {
            self.backup(c);
        }

        while end_quote_size != quote_size {
            if end_quote_size == 0 {
                // Fast path over the plain bytes of the current line.
                let end = self.inp.min(self.src.len());
                if self.cur < end {
                    let plain = memchr::memchr3(quote_byte, b'\\', b'\n', &self.src[self.cur..end]);
                    self.cur = plain.map_or(end, |i| self.cur + i);
                }
            }
            c = self.nextc();
            if self.done == Done::Error {
                return Err(());
            }
            if c == EOF || (quote_size == 1 && c == ch(b'\n')) {
                let at_eof = c == EOF;
                return self.unterminated_string(
                    start,
                    quote,
                    quote_size,
                    has_escaped_quote,
                    at_eof,
                );
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == ch(b'\\') {
                    c = self.nextc();
                    if c == quote {
                        has_escaped_quote = true;
                    }
                    if c == ch(b'\r') {
                        self.nextc();
                    }
                }
            }
        }
        Ok(self.token(TokenKind::String, start, self.cur))
    }

    #[cold]
    #[inline(never)]
    fn unterminated_string<T>(
        &mut self,
        start: usize,
        quote: i32,
        quote_size: u8,
        has_escaped_quote: bool,
        at_eof: bool,
    ) -> Lex<T> {
        self.cur = start + 1;
        self.line_start = self.multi_line_start;
        let detected_at = self.lineno;
        self.lineno = self.first_lineno;
        if self.inside_fstring() {
            let mode = *self.mode();
            if i32::from(mode.quote) == quote && mode.quote_size == quote_size {
                return self.syntax_error(format!("{}-string: expecting '}}'", mode.prefix()));
            }
        }
        // At the end of the input the error also says "incomplete" (E_EOFS/E_EOLS): codeop's
        // PyCF_ALLOW_INCOMPLETE_INPUT asks for more lines then.
        let incomplete = if quote_size == 3 {
            Done::Eofs
        } else {
            Done::Eols
        };
        if quote_size == 3 {
            self.set_syntax_error(format!(
                "unterminated triple-quoted string literal (detected at line {detected_at})"
            ));
        } else if has_escaped_quote {
            self.set_syntax_error(format!(
                "unterminated string literal (detected at line {detected_at}); perhaps you escaped the end quote?"
            ));
        } else {
            self.set_syntax_error(format!(
                "unterminated string literal (detected at line {detected_at})"
            ));
        }
        if at_eof {
            self.done = incomplete;
        }
        Err(())
    }

    /// The start of an f-string or t-string (`f_string_quote` in lexer.c).
    #[inline(never)]
    fn tok_fstring_start(&mut self, quote: i32, start: usize, tstring: bool) -> Lex<RawToken> {
        let mut quote_size = 1;
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let after_quote = self.nextc();
        if after_quote == quote {
            let after_after_quote = self.nextc();
            if after_after_quote == quote {
                quote_size = 3;
            } else {
                self.backup(after_after_quote);
                self.backup(after_quote);
            }
        }
        if after_quote != quote {
            self.backup(after_quote);
        }
        if self.mode_stack.len() >= MAXFSTRINGLEVEL {
            return self.syntax_error("too many nested f-strings or t-strings".to_string());
        }
        let prefix = &self.src[start..self.cur];
        let raw = prefix.iter().any(|b| b.eq_ignore_ascii_case(&b'r'));
        let kind = self.enter_fstring(quote as u8, quote_size, raw, tstring, start);
        Ok(self.token(kind, start, self.cur))
    }

    // ---- operators ----------------------------------------------------------------------------

    fn tok_punctuation(&mut self, c: i32, start: usize) -> Lex<RawToken> {
        let is_punctuation = c == ch(b':') || c == ch(b'}') || c == ch(b'!') || c == ch(b'{');
        if is_punctuation
            && self.inside_fstring()
            && self.mode().curly_bracket_expr_start_depth >= 0
        {
            if let Some(token) = self.tok_fstring_expr_punctuation(c, start)? {
                return Ok(token);
            }
        }

        let c2 = self.nextc();
        let two = TokenKind::two_chars(c as u8, u8::try_from(c2).unwrap_or(0));
        if two != TokenKind::Op {
            let c3 = self.nextc();
            let three = TokenKind::three_chars(c as u8, c2 as u8, u8::try_from(c3).unwrap_or(0));
            let kind = if three != TokenKind::Op {
                three
            } else {
                self.backup(c3);
                two
            };
            return Ok(self.token(kind, start, self.cur));
        }
        self.backup(c2);

        match c as u8 {
            b'(' | b'[' | b'{' => self.open_bracket(c as u8, start)?,
            b')' | b']' | b'}' => self.close_bracket(c as u8)?,
            _ => {}
        }

        if !is_printable(char::from(c as u8)) {
            return self.syntax_error(format!("invalid non-printable character U+{c:04X}"));
        }
        Ok(self.token(TokenKind::one_char(c as u8), start, self.cur))
    }

    /// The part of the punctuation handling for a replacement field's expression: its `:` at
    /// the field's own depth starts the format spec. (CPython also tracks the field's text here
    /// for the token's metadata: the parser replays that, see pyc_parser's `FieldTexts`.)
    #[inline(never)]
    fn tok_fstring_expr_punctuation(&mut self, c: i32, start: usize) -> Lex<Option<RawToken>> {
        let mode = *self.mode();
        let cursor = mode.curly_bracket_depth - i32::from(c != ch(b'{'));
        if c == ch(b':') && cursor == mode.curly_bracket_expr_start_depth {
            let m = self.mode();
            m.kind = ModeKind::Fstring;
            m.in_format_spec = true;
            return Ok(Some(self.token(TokenKind::Colon, start, self.cur)));
        }
        Ok(None)
    }

    fn open_bracket(&mut self, c: u8, start: usize) -> Lex<()> {
        if self.parenstack.len() >= MAXLEVEL {
            return self.syntax_error("too many nested parentheses".to_string());
        }
        let col = start.saturating_sub(self.line_start) as u32;
        self.parenstack.push((c, self.lineno, col));
        if self.inside_fstring() {
            self.mode().curly_bracket_depth += 1;
        }
        Ok(())
    }

    fn close_bracket(&mut self, c: u8) -> Lex<()> {
        let inside_fstring = self.inside_fstring();
        if inside_fstring && self.mode().curly_bracket_depth == 0 && c == b'}' {
            let prefix = self.mode().prefix();
            return self.syntax_error(format!("{prefix}-string: single '}}' is not allowed"));
        }
        if !self.options.extra_tokens && self.parenstack.is_empty() {
            return self.syntax_error(format!("unmatched '{}'", c as char));
        }
        if let Some((opening, open_line, _)) = self.parenstack.pop() {
            let matching = matches!((opening, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
            if !self.options.extra_tokens && !matching {
                if inside_fstring && opening == b'{' {
                    let mode = *self.mode();
                    if mode.curly_bracket_depth - 1 == mode.curly_bracket_expr_start_depth {
                        return self.syntax_error(format!(
                            "{}-string: unmatched '{}'",
                            mode.prefix(),
                            c as char
                        ));
                    }
                }
                let msg = if open_line != self.lineno {
                    format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}' on line {open_line}",
                        c as char, opening as char
                    )
                } else {
                    format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}'",
                        c as char, opening as char
                    )
                };
                return self.syntax_error(msg);
            }
        }
        if inside_fstring {
            let mode = self.mode();
            mode.curly_bracket_depth -= 1;
            if mode.curly_bracket_depth < 0 {
                let prefix = mode.prefix();
                return self.syntax_error(format!("{prefix}-string: unmatched '{}'", c as char));
            }
            if c == b'}' && mode.curly_bracket_depth == mode.curly_bracket_expr_start_depth {
                mode.curly_bracket_expr_start_depth -= 1;
                mode.kind = ModeKind::Fstring;
                mode.in_format_spec = false;
            }
        }
        Ok(())
    }

    // ---- f-string mode ------------------------------------------------------------------------

    fn tok_get_fstring_mode(&mut self) -> Lex<RawToken> {
        let start = self.cur;
        self.start = Some(start);
        self.first_lineno = self.lineno;
        let mode = *self.mode();
        let (middle, end_kind) = if mode.tstring {
            (TokenKind::TstringMiddle, TokenKind::TstringEnd)
        } else {
            (TokenKind::FstringMiddle, TokenKind::FstringEnd)
        };

        // A bracket right away: nothing to tokenize before it, defer to the normal mode.
        let start_char = self.nextc();
        if start_char == ch(b'{') {
            let peek1 = self.nextc();
            self.backup(peek1);
            self.backup(start_char);
            if peek1 != ch(b'{') {
                return self.enter_replacement_field();
            }
        } else {
            self.backup(start_char);
        }

        // At the closing quotes?
        let mut at_end = true;
        for _ in 0..mode.quote_size {
            let quote = self.nextc();
            if quote != ch(mode.quote) {
                self.backup(quote);
                at_end = false;
                break;
            }
        }
        if at_end {
            self.mode_stack.pop();
            return Ok(self.token(end_kind, start, self.cur));
        }
        // Not at the end. Like CPython, quotes matched before the mismatch stay consumed: they
        // belong to the FSTRING_MIDDLE but do not count towards its closing quotes.

        self.multi_line_start = self.line_start;
        let mut end_quote_size = 0;
        let mut unicode_escape = false;
        while end_quote_size != mode.quote_size {
            let c = self.nextc();
            if self.done == Done::Error {
                return Err(());
            }
            let current = *self.mode();
            let in_format_spec =
                current.in_format_spec && current.curly_bracket_expr_start_depth >= 0;

            if c == EOF || (mode.quote_size == 1 && c == ch(b'\n')) {
                if in_format_spec && c == ch(b'\n') {
                    if mode.quote_size == 1 {
                        let p = mode.prefix();
                        return self.syntax_error(format!(
                            "{p}-string: newlines are not allowed in format specifiers for single quoted {p}-strings"
                        ));
                    }
                    self.backup(c);
                    let m = self.mode();
                    m.kind = ModeKind::Regular;
                    m.in_format_spec = false;
                    return Ok(self.token(middle, start, self.cur));
                }
                return self.unterminated_fstring(c == EOF);
            }

            if c == ch(mode.quote) {
                end_quote_size += 1;
                continue;
            }
            end_quote_size = 0;

            if c == ch(b'{') {
                let peek = self.nextc();
                if peek != ch(b'{') || in_format_spec {
                    self.backup(peek);
                    self.backup(c);
                    let m = self.mode();
                    m.curly_bracket_expr_start_depth += 1;
                    if m.curly_bracket_expr_start_depth >= MAX_EXPR_NESTING {
                        let p = m.prefix();
                        return self
                            .syntax_error(format!("{p}-string: expressions nested too deeply"));
                    }
                    let m = self.mode();
                    m.kind = ModeKind::Regular;
                    m.in_format_spec = false;
                    return Ok(self.token(middle, start, self.cur));
                }
                return Ok(self.token(middle, start, self.cur - 1));
            } else if c == ch(b'}') {
                if unicode_escape {
                    return Ok(self.token(middle, start, self.cur));
                }
                let peek = self.nextc();
                if peek == ch(b'}') && !in_format_spec && current.curly_bracket_depth == 0 {
                    return Ok(self.token(middle, start, self.cur - 1));
                }
                self.backup(peek);
                self.backup(c);
                let m = self.mode();
                m.kind = ModeKind::Regular;
                m.in_format_spec = false;
                return Ok(self.token(middle, start, self.cur));
            } else if c == ch(b'\\') {
                let mut peek = self.nextc();
                if peek == ch(b'\r') {
                    peek = self.nextc();
                }
                if peek == ch(b'{') || peek == ch(b'}') {
                    if !mode.raw {
                        self.warn(format!(
                            "\"\\{0}\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\{0}\"? A raw string is also an option.",
                            peek as u8 as char
                        ));
                    }
                    self.backup(peek);
                    continue;
                }
                if !mode.raw && peek == ch(b'N') {
                    let next = self.nextc();
                    if next == ch(b'{') {
                        unicode_escape = true;
                    } else {
                        self.backup(next);
                    }
                }
            }
        }

        // Give the closing quotes back: they make the FSTRING_END of the next call.
        self.cur -= usize::from(mode.quote_size);
        Ok(self.token(middle, start, self.cur))
    }

    /// Enter the replacement field at `{` (from `tok_get_fstring_mode`).
    fn enter_replacement_field(&mut self) -> Lex<RawToken> {
        let m = self.mode();
        m.curly_bracket_expr_start_depth += 1;
        if m.curly_bracket_expr_start_depth >= MAX_EXPR_NESTING {
            let p = m.prefix();
            return self.syntax_error(format!("{p}-string: expressions nested too deeply"));
        }
        self.mode().kind = ModeKind::Regular;
        self.tok_get_normal_mode()
    }

    #[cold]
    #[inline(never)]
    fn unterminated_fstring<T>(&mut self, at_eof: bool) -> Lex<T> {
        let mode = *self.mode();
        self.cur = mode.start + 1;
        self.line_start = mode.multi_line_start;
        let detected_at = self.lineno;
        self.lineno = mode.line_start;
        let p = mode.prefix();
        if mode.quote_size == 3 {
            self.set_syntax_error(format!(
                "unterminated triple-quoted {p}-string literal (detected at line {detected_at})"
            ));
            if at_eof {
                self.done = Done::Eofs;
            }
            return Err(());
        }
        self.syntax_error(format!(
            "unterminated {p}-string literal (detected at line {detected_at})"
        ))
    }
}

/// Port of `byte_col_to_char_col` (helpers.c): a 1-based byte column to a 1-based character column.
fn byte_col_to_char_col(line: &[u8], byte_col: i32) -> i32 {
    let upto = usize::try_from(byte_col - 1).unwrap_or(0).min(line.len());
    1 + line[..upto].iter().filter(|&&b| (b & 0xC0) != 0x80).count() as i32
}

impl Tokenizer<'_> {
    /// A token's columns in characters rather than bytes, as the `tokenize` module reports
    /// them (`_PyPegen_byte_offset_to_character_offset`).
    pub fn char_columns(&self, tok: &Token) -> (u32, u32) {
        let start = tok.start as usize;
        let line_start = start.saturating_sub(tok.col_offset as usize);
        let end_line_start = if tok.end_lineno == tok.lineno {
            line_start
        } else {
            let end = (tok.end as usize).min(self.src.len());
            match self.src[start.min(end)..end]
                .iter()
                .rposition(|&b| b == b'\n')
            {
                Some(i) => start + i + 1,
                None => line_start,
            }
        };
        (
            self.chars_between(line_start, tok.col_offset),
            self.chars_between(end_line_start, tok.end_col_offset),
        )
    }

    fn chars_between(&self, from: usize, byte_len: u32) -> u32 {
        let to = from + byte_len as usize;
        let clamped = to.min(self.src.len());
        let from = from.min(clamped);
        let chars = self.src[from..clamped]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        (chars + (to - clamped)) as u32
    }
}
