//! Port of the fields of CPython's SyntaxError (Objects/exceptions.c: SyntaxError_init) as the
//! parser and tokenizer fill them (Parser/pegen_errors.c: _PyPegen_raise_error_known_location).

use std::fmt;

/// Which exception class CPython raises. IndentationError and TabError are SyntaxError
/// subclasses; `py_compile` displays them differently ("Sorry: IndentationError: ...").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorType {
    SyntaxError,
    IndentationError,
    TabError,
    /// `_IncompleteInputError`: what the parser raises instead when `PyCF_ALLOW_INCOMPLETE_INPUT`
    /// is set and the input stops early (codeop uses it to ask for more lines).
    IncompleteInputError,
}

impl ErrorType {
    /// The class name CPython prints.
    pub fn name(self) -> &'static str {
        match self {
            ErrorType::SyntaxError => "SyntaxError",
            ErrorType::IndentationError => "IndentationError",
            ErrorType::TabError => "TabError",
            ErrorType::IncompleteInputError => "_IncompleteInputError",
        }
    }
}

/// A SyntaxError with exactly the fields CPython reports. Positions are as CPython exposes them
/// on the exception object: lines are 1-based, `offset`/`end_offset` are 1-based *character*
/// offsets into `text`; `None` where CPython reports `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub error_type: ErrorType,
    pub msg: String,
    pub filename: String,
    pub lineno: Option<i32>,
    pub offset: Option<i32>,
    pub end_lineno: Option<i32>,
    pub end_offset: Option<i32>,
    /// The source line(s) CPython attaches, with their line end, or `None`.
    pub text: Option<String>,
}

impl fmt::Display for SyntaxError {
    /// `str(exc)` in CPython (Objects/exceptions.c: SyntaxError_str): "msg (basename, line N)",
    /// with only the part of the filename after the last '/'.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let basename = self.filename.rsplit('/').next().unwrap_or(&self.filename);
        match self.lineno {
            Some(line) => write!(f, "{} ({}, line {})", self.msg, basename, line),
            None => write!(f, "{} ({})", self.msg, basename),
        }
    }
}

impl std::error::Error for SyntaxError {}
