//! Port of Parser/lexer/state.h and state.c: the token value and the tokenizer's options.

use crate::TokenKind;

/// One token, positioned exactly as CPython positions it. `start..end` is the byte range in the
/// decoded source; lines are 1-based, columns 0-based UTF-8 byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: u32,
    pub end: u32,
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

/// What the tokenizer produces. `Default` is the parser's view (`_PyTokenizer_Get` as pegen
/// calls it): no COMMENT or NL tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenizerOptions {
    /// The `tokenize` module's view (`_tokenize.TokenizerIter(..., extra_tokens=True)`):
    /// COMMENT and NL tokens, operators as in Lib/tokenize.py, lenient number checks.
    pub extra_tokens: bool,
    /// Emit TYPE_COMMENT and TYPE_IGNORE (`ast.parse(..., type_comments=True)`).
    pub type_comments: bool,
}

/// `EOF` as `tok_nextc` returns it.
pub(crate) const EOF: i32 = -1;

/// `tok->done`: why the tokenizer stopped (CPython's `E_*` codes from Include/errcode.h).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    /// E_OK: still going.
    Ok,
    /// E_EOF: end of input (inside brackets or after a backslash this is an error).
    Eof,
    /// E_ERROR: a SyntaxError was raised with its message and location.
    Error,
    /// E_DEDENT: "unindent does not match any outer indentation level".
    Dedent,
    /// E_TABSPACE: "inconsistent use of tabs and spaces in indentation".
    TabSpace,
    /// E_TOODEEP: "too many levels of indentation".
    TooDeep,
    /// E_LINECONT: "unexpected character after line continuation character".
    LineCont,
    /// E_EOFS: a SyntaxError was raised for a triple-quoted string the input ended in.
    Eofs,
    /// E_EOLS: a SyntaxError was raised for a one-line string the input ended in.
    Eols,
}

/// A warning the tokenizer raises (always a SyntaxWarning), with the line it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub message: String,
    pub lineno: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ModeKind {
    Regular,
    Fstring,
}

/// `tokenizer_mode`: one entry of the f-string mode stack.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokMode {
    pub kind: ModeKind,
    pub quote: u8,
    pub quote_size: u8,
    pub raw: bool,
    pub tstring: bool,
    /// f_string_start, f_string_multi_line_start, f_string_line_start.
    pub start: usize,
    pub multi_line_start: usize,
    pub line_start: u32,
    pub curly_bracket_depth: i32,
    pub curly_bracket_expr_start_depth: i32,
    pub in_format_spec: bool,
}

impl TokMode {
    pub fn regular() -> Self {
        TokMode {
            kind: ModeKind::Regular,
            quote: 0,
            quote_size: 0,
            raw: false,
            tstring: false,
            start: 0,
            multi_line_start: 0,
            line_start: 0,
            curly_bracket_depth: 0,
            curly_bracket_expr_start_depth: -1,
            in_format_spec: false,
        }
    }

    /// The mode an f-string or t-string starting at `start` enters, its prefix raw or not, on
    /// the line starting at `line_start_offset` (line `lineno`).
    pub fn fstring(
        quote: u8,
        quote_size: u8,
        raw: bool,
        tstring: bool,
        start: usize,
        line_start_offset: usize,
        lineno: u32,
    ) -> Self {
        TokMode {
            kind: ModeKind::Fstring,
            quote,
            quote_size,
            raw,
            tstring,
            start,
            multi_line_start: line_start_offset,
            line_start: lineno,
            ..TokMode::regular()
        }
    }

    /// The letter error messages use: "f-string: ..." or "t-string: ...".
    pub fn prefix(&self) -> char {
        if self.tstring {
            't'
        } else {
            'f'
        }
    }
}

/// A token before positioning: `p_start`/`p_end` of lexer.c (`start` None for CPython's NULL),
/// or explicit columns for type comments.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawToken {
    pub kind: TokenKind,
    pub start: Option<usize>,
    pub end: usize,
    pub col: Option<(u32, u32)>,
}

/// The error the tokenizer stopped on, returned again on every later call.
#[derive(Debug, Clone)]
pub(crate) enum Pending {
    None,
    Error(crate::SyntaxError),
}
