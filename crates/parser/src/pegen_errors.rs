//! Port of Parser/pegen_errors.c: _PyPegen_raise_error, _PyPegen_raise_error_known_location,
//! raise_unclosed_parentheses_error, _Pypegen_set_syntax_error,
//! _PyPegen_tokenize_full_source_to_check_for_errors; and the RAISE_* macros of Parser/pegen.h.

use pyc_ast::{Arg, Expr, Keyword, Location, Pattern, Stmt, TypeParam};
use pyc_tokenize::{Done, ErrorType, SyntaxError};

use crate::generated::parser::tk;
use crate::pegen::{ParseError, Parser, Tok};

/// pegen.h's `CURRENT_POS`: "the tokenizer's current position" for an end line or column.
pub(crate) const CURRENT_POS: i32 = -5;

/// Anything the RAISE_* macros can point at: tokens and located nodes.
pub trait HasLoc {
    fn location(&self) -> Location;
}

impl<T: HasLoc + ?Sized> HasLoc for &T {
    fn location(&self) -> Location {
        (**self).location()
    }
}

impl HasLoc for Tok {
    fn location(&self) -> Location {
        self.loc()
    }
}

macro_rules! has_loc_by_method {
    ($($t:ty),*) => {
        $(impl HasLoc for $t {
            fn location(&self) -> Location {
                self.loc()
            }
        })*
    };
}
has_loc_by_method!(Expr, Stmt, Pattern, TypeParam);

macro_rules! has_loc_by_field {
    ($($t:ty),*) => {
        $(impl HasLoc for $t {
            fn location(&self) -> Location {
                self.loc
            }
        })*
    };
}
has_loc_by_field!(Arg, Keyword);

impl HasLoc for Location {
    fn location(&self) -> Location {
        *self
    }
}

impl<'src> Parser<'src> {
    /// `_PyPegen_raise_error`: an error at the last token read (or, with `use_mark`, at the
    /// token at the mark).
    pub(crate) fn raise_error<T>(
        &mut self,
        errtype: ErrorType,
        use_mark: bool,
        msg: String,
    ) -> Option<T> {
        if self.error_indicator && self.error.is_some() {
            return None;
        }
        if self.fill == 0 {
            self.raise_error_known_location_raw(errtype, 0, 0, 0, -1, msg);
            return None;
        }
        if use_mark && self.mark == self.fill && !self.fill_token() {
            self.error_indicator = true;
            return None;
        }
        let index = match self.known_err_token {
            Some(i) => i,
            None if use_mark => self.mark,
            None => self.fill - 1,
        };
        let t = self.tokens[index.min(self.fill - 1)];
        // A token without text: CPython takes the tokenizer's current column, which is where
        // our tokenizer placed the token.
        let col_offset = if t.col_offset == -1 {
            t.raw().col_offset as i32
        } else {
            t.col_offset + 1
        };
        let end_col_offset = if t.end_col_offset == -1 {
            -1
        } else {
            t.end_col_offset + 1
        };
        self.raise_error_known_location_raw(
            errtype,
            t.lineno,
            col_offset,
            t.end_lineno,
            end_col_offset,
            msg,
        );
        None
    }

    /// pegen.h's `RAISE_ERROR_KNOWN_LOCATION`: columns are 0-based byte offsets (or CURRENT_POS).
    pub(crate) fn raise_error_known_location<T>(
        &mut self,
        errtype: ErrorType,
        lineno: i32,
        col_offset: i32,
        end_lineno: i32,
        end_col_offset: i32,
        msg: String,
    ) -> Option<T> {
        let col = if col_offset == CURRENT_POS {
            CURRENT_POS
        } else {
            col_offset + 1
        };
        let end_col = if end_col_offset == CURRENT_POS {
            CURRENT_POS
        } else {
            end_col_offset + 1
        };
        self.raise_error_known_location_raw(errtype, lineno, col, end_lineno, end_col, msg);
        None
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg)`.
    pub(crate) fn raise_error_known_location_at<T>(
        &mut self,
        loc: &Location,
        msg: String,
    ) -> Option<T> {
        self.raise_error_known_location(
            ErrorType::SyntaxError,
            loc.lineno,
            loc.col_offset,
            loc.end_lineno,
            loc.end_col_offset,
            msg,
        )
    }

    /// `_PyPegen_raise_error_known_location`: columns are 1-based byte offsets here; the
    /// exception gets character offsets into the error line, as CPython's.
    pub(crate) fn raise_error_known_location_raw(
        &mut self,
        errtype: ErrorType,
        lineno: i32,
        col_offset: i32,
        mut end_lineno: i32,
        mut end_col_offset: i32,
        msg: String,
    ) {
        if self.error_indicator && self.error.is_some() {
            return;
        }
        self.error_indicator = true;
        if end_lineno == CURRENT_POS {
            end_lineno = self.tokenizer_lineno() as i32;
        }
        if end_col_offset == CURRENT_POS {
            end_col_offset = self.current_column();
        }
        let line = self.error_line(lineno);
        let col_number = byte_offset_to_character_offset(&line, col_offset);
        let end_col_number = if end_col_offset > 0 {
            byte_offset_to_character_offset(&line, end_col_offset)
        } else {
            end_col_offset
        };
        self.error = Some(ParseError::Syntax(SyntaxError {
            error_type: errtype,
            msg,
            filename: self.filename.clone(),
            lineno: Some(lineno),
            offset: Some(col_number),
            end_lineno: Some(end_lineno),
            end_offset: Some(end_col_number),
            text: Some(line),
        }));
    }

    /// `p->tok->cur - p->tok->line_start`: where the tokenizer stands on its current line.
    fn current_column(&self) -> i32 {
        match self.last_filled() {
            Some(t) if t.end_lineno == self.tokenizer_lineno() as i32 => t.end_col_offset,
            _ => 0,
        }
    }

    /// The source line CPython attaches to the exception. For `exec` input whose file name can
    /// be read, CPython rereads the line from the file (`_PyErr_ProgramDecodedTextObject`), so
    /// a last line keeps its missing newline missing; otherwise it comes from the tokenizer's
    /// buffer, where the last line always ends in a newline.
    fn error_line(&self, lineno: i32) -> String {
        let Ok(index) = usize::try_from(lineno - 1) else {
            return String::new();
        };
        if self.mode == crate::Mode::Exec {
            if let Some(line) = program_text(&self.filename, index) {
                return line;
            }
        }
        match self.source.split_inclusive('\n').nth(index) {
            Some(line) if line.ends_with('\n') => line.to_string(),
            Some(line) => format!("{line}\n"),
            None => String::new(),
        }
    }

    /// `raise_unclosed_parentheses_error`: "'(' was never closed" at the innermost open bracket.
    pub(crate) fn raise_unclosed_parentheses_error(&mut self) {
        let Some(&(bracket, line, col)) = self.tok.paren_stack().last() else {
            return;
        };
        let msg = format!("'{}' was never closed", bracket as char);
        self.raise_error_known_location::<()>(
            ErrorType::SyntaxError,
            line as i32,
            col as i32,
            line as i32,
            -1,
            msg,
        );
    }

    /// `_Pypegen_set_syntax_error`: after the second pass, the generic error when no specific
    /// one was raised.
    pub(crate) fn set_syntax_error(&mut self, last_token: Option<Tok>) {
        if self.error.is_some() {
            if !self.tokenizer_error && matches!(self.error, Some(ParseError::Syntax(_))) {
                self.tokenize_full_source_to_check_for_errors();
            }
            return;
        }
        let Some(last) = last_token else {
            self.raise_error::<()>(
                ErrorType::SyntaxError,
                false,
                "error at start before reading any input".into(),
            );
            return;
        };
        if last.kind == tk::INDENT || last.kind == tk::DEDENT {
            let msg = if last.kind == tk::INDENT {
                "unexpected indent"
            } else {
                "unexpected unindent"
            };
            self.raise_error::<()>(ErrorType::IndentationError, false, msg.into());
            return;
        }
        self.raise_error_known_location_at::<()>(&last.loc(), "invalid syntax".into());
        self.tokenize_full_source_to_check_for_errors();
    }

    /// `_PyPegen_tokenize_full_source_to_check_for_errors`: a tokenizer error later in the
    /// file wins over the parser's error; so does an unclosed bracket opened before the error
    /// line.
    fn tokenize_full_source_to_check_for_errors(&mut self) {
        let current_err_line = match self.known_err_token {
            Some(i) => self.tokens.get(i).map_or(0, |t| t.lineno),
            None => self.last_filled().map_or(0, |t| t.lineno),
        };
        let previous = self.error.take();
        let previous_indicator = self.error_indicator;
        loop {
            let next = self.tok.next_token();
            self.take_tokenizer_warnings();
            match next {
                Ok(t) if t.kind == pyc_tokenize::TokenKind::Endmarker => break,
                Ok(_) => continue,
                // A tokenizer error with its own message is raised as it is: E_ERROR, and the
                // unterminated strings that reach the end of the input (E_EOFS, E_EOLS).
                Err(err) if matches!(self.tok.done(), Done::Error | Done::Eofs | Done::Eols) => {
                    self.error = Some(ParseError::Syntax(err));
                    break;
                }
                // E_EOF, E_DEDENT, ...: only an unclosed bracket opened before the error line
                // says something.
                Err(_) => {
                    if let Some(&(_, line, _)) = self.tok.paren_stack().last() {
                        if current_err_line > line as i32 {
                            self.error_indicator = false;
                            self.raise_unclosed_parentheses_error();
                        }
                    }
                    break;
                }
            }
        }
        // Inside an f-string the parser's error stays: the tokenizer error after it (such as
        // expecting '}') would only hide it.
        if self.error.is_none() || self.tok.in_fstring_mode() {
            self.error = previous;
            self.error_indicator = previous_indicator;
        }
    }
}

/// `_PyErr_ProgramDecodedTextObject`: line `index` (0-based) of the file `filename`, decoded.
fn program_text(filename: &str, index: usize) -> Option<String> {
    let bytes = std::fs::read(filename).ok()?;
    let text = pyc_tokenize::decode_source(&bytes).ok()?;
    let line = text.split_inclusive('\n').nth(index)?;
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    // `err_programtext` reads the line into a 1000-byte buffer: a longer line is cut to its
    // first 999 bytes (a character cut in two decodes to U+FFFD, as with "replace").
    const LINE_BUFFER: usize = 999;
    if line.len() > LINE_BUFFER {
        return Some(String::from_utf8_lossy(&line.as_bytes()[..LINE_BUFFER]).into_owned());
    }
    Some(line.to_string())
}

/// `_PyPegen_byte_offset_to_character_offset`: a 1-based byte column to a 1-based character
/// column in `line`.
pub(crate) fn byte_offset_to_character_offset(line: &str, col_offset: i32) -> i32 {
    if col_offset <= 0 {
        return col_offset;
    }
    let bytes = line.as_bytes();
    let len = bytes.len();
    let col = (col_offset as usize).min(len + 1);
    let prefix = &bytes[..col.min(len)];
    let mut count = String::from_utf8_lossy(prefix).chars().count();
    if col > len {
        count += 1;
    }
    count as i32
}

/// The target kinds of `RAISE_SYNTAX_ERROR_INVALID_TARGET`.
// The names are CPython's (STAR_TARGETS, DEL_TARGETS, FOR_TARGETS).
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetsType {
    StarTargets,
    DelTargets,
    ForTargets,
}

/// `_PyPegen_get_invalid_target`: the part of `e` that cannot be assigned (or deleted).
pub(crate) fn get_invalid_target(e: &Expr, targets_type: TargetsType) -> Option<&Expr> {
    match e {
        Expr::List(l) => l
            .elts
            .iter()
            .find_map(|x| get_invalid_target(x, targets_type)),
        Expr::Tuple(t) => t
            .elts
            .iter()
            .find_map(|x| get_invalid_target(x, targets_type)),
        Expr::Starred(s) => {
            if targets_type == TargetsType::DelTargets {
                Some(e)
            } else {
                get_invalid_target(&s.value, targets_type)
            }
        }
        Expr::Compare(c) => {
            if targets_type == TargetsType::ForTargets {
                if c.ops.first() == Some(&pyc_ast::CmpOp::In) {
                    return get_invalid_target(&c.left, targets_type);
                }
                return None;
            }
            Some(e)
        }
        Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_) => None,
        _ => Some(e),
    }
}

/// `_RAISE_SYNTAX_ERROR_INVALID_TARGET`: "cannot assign to X" / "cannot delete X", or a plain
/// failure when every target is valid.
pub(crate) fn raise_syntax_error_invalid_target<T>(
    p: &mut Parser<'_>,
    targets_type: TargetsType,
    e: &Expr,
) -> Option<T> {
    let invalid = get_invalid_target(e, targets_type)?;
    let verb = match targets_type {
        TargetsType::StarTargets | TargetsType::ForTargets => "cannot assign to",
        TargetsType::DelTargets => "cannot delete",
    };
    let msg = format!("{verb} {}", crate::action_helpers::get_expr_name(invalid));
    let loc = invalid.loc();
    p.raise_error_known_location_at(&loc, msg)
}

/// `RAISE_SYNTAX_ERROR(msg, ...)`.
macro_rules! RAISE_SYNTAX_ERROR {
    ($p:expr, $msg:literal) => {
        return $p.raise_error(pyc_tokenize::ErrorType::SyntaxError, false, String::from($msg))
    };
    ($p:expr, $fmt:literal, $($arg:expr),+) => {
        return $p.raise_error(pyc_tokenize::ErrorType::SyntaxError, false, format!($fmt, $($arg),+))
    };
}

/// `RAISE_INDENTATION_ERROR(msg, ...)`.
macro_rules! RAISE_INDENTATION_ERROR {
    ($p:expr, $msg:literal) => {
        return $p.raise_error(pyc_tokenize::ErrorType::IndentationError, false, String::from($msg))
    };
    ($p:expr, $fmt:literal, $($arg:expr),+) => {
        return $p.raise_error(pyc_tokenize::ErrorType::IndentationError, false, format!($fmt, $($arg),+))
    };
}

/// `RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN(msg)`.
macro_rules! RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN {
    ($p:expr, $msg:literal) => {
        return $p.raise_error(
            pyc_tokenize::ErrorType::SyntaxError,
            true,
            String::from($msg),
        )
    };
}

/// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg, ...)`.
macro_rules! RAISE_SYNTAX_ERROR_KNOWN_LOCATION {
    ($p:expr, $a:expr, $msg:literal) => {{
        let loc = $crate::pegen_errors::HasLoc::location(&$a);
        return $p.raise_error_known_location_at(&loc, String::from($msg));
    }};
    ($p:expr, $a:expr, $fmt:literal, $($arg:expr),+) => {{
        let loc = $crate::pegen_errors::HasLoc::location(&$a);
        let msg = format!($fmt, $($arg),+);
        return $p.raise_error_known_location_at(&loc, msg);
    }};
}

/// `RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg, ...)`.
macro_rules! RAISE_SYNTAX_ERROR_KNOWN_RANGE {
    ($p:expr, $a:expr, $b:expr, $msg:literal) => {{
        let a = $crate::pegen_errors::HasLoc::location(&$a);
        let b = $crate::pegen_errors::HasLoc::location(&$b);
        let loc = pyc_ast::Location::new(a.lineno, a.col_offset, b.end_lineno, b.end_col_offset);
        return $p.raise_error_known_location_at(&loc, String::from($msg));
    }};
    ($p:expr, $a:expr, $b:expr, $fmt:literal, $($arg:expr),+) => {{
        let a = $crate::pegen_errors::HasLoc::location(&$a);
        let b = $crate::pegen_errors::HasLoc::location(&$b);
        let loc = pyc_ast::Location::new(a.lineno, a.col_offset, b.end_lineno, b.end_col_offset);
        let msg = format!($fmt, $($arg),+);
        return $p.raise_error_known_location_at(&loc, msg);
    }};
}

/// `RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg, ...)`.
macro_rules! RAISE_SYNTAX_ERROR_STARTING_FROM {
    ($p:expr, $a:expr, $msg:literal) => {{
        let a = $crate::pegen_errors::HasLoc::location(&$a);
        return $p.raise_error_known_location(
            pyc_tokenize::ErrorType::SyntaxError, a.lineno, a.col_offset,
            $crate::pegen_errors::CURRENT_POS, $crate::pegen_errors::CURRENT_POS, String::from($msg));
    }};
    ($p:expr, $a:expr, $fmt:literal, $($arg:expr),+) => {{
        let a = $crate::pegen_errors::HasLoc::location(&$a);
        let msg = format!($fmt, $($arg),+);
        return $p.raise_error_known_location(
            pyc_tokenize::ErrorType::SyntaxError, a.lineno, a.col_offset,
            $crate::pegen_errors::CURRENT_POS, $crate::pegen_errors::CURRENT_POS, msg);
    }};
}

/// `RAISE_ERROR_KNOWN_LOCATION(p, errtype, lineno, col, end_lineno, end_col, msg)`.
macro_rules! RAISE_ERROR_KNOWN_LOCATION {
    ($p:expr, $errtype:expr, $l:expr, $c:expr, $el:expr, $ec:expr, $msg:literal) => {
        return $p.raise_error_known_location($errtype, $l, $c, $el, $ec, String::from($msg))
    };
}

/// `RAISE_SYNTAX_ERROR_INVALID_TARGET(type, e)`.
macro_rules! RAISE_SYNTAX_ERROR_INVALID_TARGET {
    ($p:expr, $ty:expr, $e:expr) => {
        return $crate::pegen_errors::raise_syntax_error_invalid_target($p, $ty, $e)
    };
}

/// `CHECK_VERSION(type, version, msg, node)`: `node`, unless `feature_version` is older than
/// `version`; then a SyntaxError and the rule fails.
macro_rules! CHECK_VERSION {
    ($p:expr, $version:expr, $msg:literal, $node:expr) => {{
        let node = $node;
        $crate::action_helpers::check_version($p, $version, $msg, node)?
    }};
}

impl Parser<'_> {
    /// `_is_end_of_source`: the tokenizer stopped at the end of the input (E_EOF), or inside a
    /// triple-quoted string that reached it (E_EOFS; a single-quoted one always meets the
    /// newline the tokenizer adds, so E_EOLS cannot happen for a string source).
    pub(crate) fn is_end_of_source(&self) -> bool {
        if self.tok.done() == Done::Eof {
            return true;
        }
        let unterminated_triple_quote =
            |e: &SyntaxError| e.msg.starts_with("unterminated triple-quoted ");
        self.tokenizer_error
            && matches!(&self.error, Some(ParseError::Syntax(e)) if unterminated_triple_quote(e))
    }

    /// The `_IncompleteInputError` of `_PyPegen_run_parser` (PyCF_ALLOW_INCOMPLETE_INPUT),
    /// positioned at the last token read, replacing whatever the first pass raised.
    pub(crate) fn incomplete_input_error(&mut self) -> ParseError {
        let tokenizer_error = match (&self.error, self.tokenizer_error) {
            (Some(ParseError::Syntax(e)), true) => Some(e.clone()),
            _ => None,
        };
        self.error = None;
        self.error_indicator = false;
        let msg = "incomplete input".to_string();
        match tokenizer_error {
            // The last token is the tokenizer's ERRORTOKEN, which has no columns: CPython
            // points at where the tokenizer stopped (`tok->cur`), with no end column.
            Some(e) if e.msg.starts_with("unterminated triple-quoted ") => {
                // The tokenizer went back to just after the opening quote.
                let lineno = e.lineno.unwrap_or(0);
                let line = self
                    .source
                    .split_inclusive('\n')
                    .nth(usize::try_from(lineno - 1).unwrap_or(0));
                let col = match (line, e.offset) {
                    (Some(line), Some(offset)) => character_offset_to_byte_offset(line, offset),
                    _ => 0,
                };
                self.raise_error_known_location_raw(
                    ErrorType::IncompleteInputError,
                    lineno,
                    col,
                    lineno,
                    -1,
                    msg,
                );
            }
            Some(_) => {
                // At the end of the input, on the tokenizer's current line.
                let lineno = self.tok.lineno() as i32;
                let line_start = self
                    .source
                    .split_inclusive('\n')
                    .take(usize::try_from(lineno - 1).unwrap_or(0))
                    .map(str::len)
                    .sum::<usize>();
                let implied_newline = usize::from(!self.source.ends_with('\n'));
                let col = (self.source.len() + implied_newline).saturating_sub(line_start) as i32;
                self.raise_error_known_location_raw(
                    ErrorType::IncompleteInputError,
                    lineno,
                    col,
                    lineno,
                    -1,
                    msg,
                );
            }
            None => {
                self.raise_error::<()>(ErrorType::IncompleteInputError, false, msg);
            }
        }
        self.error.take().unwrap_or_else(|| {
            ParseError::Syntax(SyntaxError {
                error_type: ErrorType::IncompleteInputError,
                msg: "incomplete input".to_string(),
                filename: self.filename.clone(),
                lineno: None,
                offset: None,
                end_lineno: None,
                end_offset: None,
                text: None,
            })
        })
    }
}

impl Parser<'_> {
    /// The tokenizer's SyntaxWarnings (`_PyTokenizer_parser_warn`: "invalid decimal literal",
    /// ...), kept in order with the literals' warnings. CPython warns as it reads each token,
    /// in either pass, since a token is read only once.
    #[inline]
    pub(crate) fn take_tokenizer_warnings(&mut self) {
        // Called for every token; warnings are rare.
        if self.tok.has_warnings() {
            self.move_tokenizer_warnings();
        }
    }

    #[cold]
    fn move_tokenizer_warnings(&mut self) {
        for warning in self.tok.take_warnings() {
            let error = crate::string_parser::LiteralError::new(
                warning.message.clone(),
                crate::string_parser::ErrorLocation::LastToken,
            );
            self.warnings.push(crate::string_parser::LiteralWarning {
                category: crate::string_parser::WarningCategory::SyntaxWarning,
                message: warning.message,
                lineno: warning.lineno,
                error,
                literal_at: (0, 0),
            });
        }
    }
}

impl Parser<'_> {
    /// Called by the generated code after each `invalid_` rule: when tracing, records the rule
    /// if it matched or if the error was raised inside it.
    pub(crate) fn trace_invalid_rule(
        &mut self,
        rule: &'static str,
        matched: bool,
        had_error: bool,
    ) {
        let raised_here = !had_error && self.error.is_some();
        if let Some(reached) = &mut self.invalid_rules_reached {
            if (matched || raised_here) && !reached.contains(&rule) {
                reached.push(rule);
            }
        }
    }
}

/// The 1-based byte column of the 1-based character column `offset` in `line`.
fn character_offset_to_byte_offset(line: &str, offset: i32) -> i32 {
    let chars = usize::try_from(offset - 1).unwrap_or(0);
    let bytes: usize = line.chars().take(chars).map(char::len_utf8).sum();
    bytes as i32 + 1
}
