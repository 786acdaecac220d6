//! Port of Parser/parser.c (generated from Grammar/python.gram), Parser/pegen.c, Parser/action_helpers.c.
//!
//! [`parse`] is the entry point: source text to the AST `ast.parse` builds, positions included,
//! or the SyntaxError CPython raises.

#[macro_use]
mod pegen_errors;
mod action_helpers;
pub mod fstring;
mod generated;
mod memo;
mod mk;
pub mod number;
mod pegen;
pub mod string_parser;
mod strings;
pub mod unicode_names;

pub use pegen::ParseError;
pub use string_parser::LiteralWarning;

/// What the generated parser's actions see: AST types, constructors, helpers, macros.
mod prelude {
    pub(crate) use crate::action_helpers::*;
    pub(crate) use crate::fstring::ResultTokenWithMetadata;
    pub(crate) use crate::memo::{MemoHit, Src};
    pub(crate) use crate::mk;
    pub(crate) use crate::pegen::{Dummy, Parser, Tok};
    pub(crate) use crate::pegen_errors::*;
    pub(crate) use crate::strings::*;
    pub(crate) use pyc_ast::constant::Constant;
    pub(crate) use pyc_ast::*;
    pub(crate) use pyc_tokenize::ErrorType;
}

/// The start rule, as `compile()`'s mode argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `exec`: a module.
    Exec,
    /// `eval`: one expression.
    Eval,
    /// `single`: one interactive statement.
    Single,
    /// `func_type`: a function type comment such as `(int, str) -> None`.
    FuncType,
}

/// Options of `ast.parse` that reach the parser.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParseFlags {
    /// `type_comments=True`: TYPE_COMMENT tokens and `# type: ignore` comments.
    pub type_comments: bool,
    /// `feature_version=(3, N)`: the minor version N (default: 14).
    pub feature_version: Option<i32>,
    /// `from __future__ import barry_as_FLUFL` seen (`PyPARSE_BARRY_AS_BDFL`).
    pub barry_as_flufl: bool,
    /// `PyCF_ALLOW_INCOMPLETE_INPUT` (`PyPARSE_ALLOW_INCOMPLETE_INPUT`): a parse that fails with
    /// the tokenizer at the end of the input raises `_IncompleteInputError` (codeop's "need more
    /// lines") instead of the SyntaxError.
    pub allow_incomplete_input: bool,
}

/// What a successful parse gives: the tree and the SyntaxWarnings raised on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub tree: pyc_ast::Mod,
    pub warnings: Vec<LiteralWarning>,
}

/// Stack for the parsing thread: the parse recurses up to MAXSTACK (6000) rule levels, each a
/// few Rust frames, so it gets its own generous stack rather than the caller's.
const PARSER_STACK_SIZE: usize = 1 << 30;

/// The most stack a parse uses in this build, with a margin: measured at MAXSTACK depth, with
/// and without the error pass, and past it where a value parsed again replays CPython's memo
/// hit (`benches/parse/examples/stack_need.rs`), below 3 MiB in a release build and below
/// 28 MiB in a debug one.
const PARSER_STACK_NEEDED: usize = if cfg!(debug_assertions) {
    64 << 20
} else {
    16 << 20
};

/// Runs `f` on a stack deep enough for any parse (see [`pyc_ast::stack`]).
fn on_parser_stack<T: Send>(f: impl FnOnce() -> T + Send) -> std::thread::Result<T> {
    pyc_ast::stack::on_deep_stack(PARSER_STACK_NEEDED, PARSER_STACK_SIZE, f)
}

/// `_PyPegen_run_parser_from_string`: parses `source` (already decoded) as `ast.parse` does.
pub fn parse(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: ParseFlags,
) -> Result<pyc_ast::Mod, ParseError> {
    parse_with_warnings(source, filename, mode, flags).map(|parsed| parsed.tree)
}

/// [`parse`], also returning the SyntaxWarnings of the literals.
pub fn parse_with_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: ParseFlags,
) -> Result<Parsed, ParseError> {
    on_parser_stack(|| run_parser(source, filename, mode, flags)).unwrap_or_else(|_| {
        Err(ParseError::Other {
            type_name: "SystemError".into(),
            msg: "the parser panicked".into(),
        })
    })
}

fn run_parser(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: ParseFlags,
) -> Result<Parsed, ParseError> {
    let outcome = run_parser_collecting_warnings(source, filename, mode, flags);
    outcome.result.map(|tree| Parsed {
        tree,
        warnings: outcome.warnings,
    })
}

/// What [`parse_collecting_warnings`] gives, whether the parse succeeded or not.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseOutcome {
    pub result: Result<pyc_ast::Mod, ParseError>,
    /// The SyntaxWarnings raised before the parse ended, in the order CPython raises them:
    /// the tokenizer's (e.g. "invalid decimal literal") and the literals' (invalid escape
    /// sequences). CPython prints them as they are raised, so before any error.
    pub warnings: Vec<LiteralWarning>,
    /// `p->last_stmt_location` after the error pass (line, column; (0, 0) when none): with
    /// the source, it is the `SyntaxError._metadata` CPython attaches to a parser error.
    pub last_stmt_location: (i32, i32),
}

/// [`parse`], also returning the warnings and the error metadata.
pub fn parse_collecting_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: ParseFlags,
) -> ParseOutcome {
    on_parser_stack(|| run_parser_collecting_warnings(source, filename, mode, flags))
        .unwrap_or_else(|_| ParseOutcome {
            result: Err(ParseError::Other {
                type_name: "SystemError".into(),
                msg: "the parser panicked".into(),
            }),
            warnings: Vec::new(),
            last_stmt_location: (0, 0),
        })
}

fn run_parser_collecting_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: ParseFlags,
) -> ParseOutcome {
    let mut p = pegen::Parser::new(source, filename, mode, flags);
    let result = p.run();
    ParseOutcome {
        result,
        warnings: std::mem::take(&mut p.warnings),
        last_stmt_location: p.last_stmt_location,
    }
}

/// The `invalid_` rules of the grammar that a parse of `source` reaches (matches, or raises its
/// error in), in the order first reached; for the test that every such rule has a golden case.
pub fn invalid_rules_reached(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: ParseFlags,
) -> Vec<&'static str> {
    let trace = || {
        let mut p = pegen::Parser::new(source, filename, mode, flags);
        p.invalid_rules_reached = Some(Vec::new());
        let _ = p.run();
        p.invalid_rules_reached.take().unwrap_or_default()
    };
    on_parser_stack(trace).unwrap_or_default()
}
