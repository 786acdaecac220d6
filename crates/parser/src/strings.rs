//! The parser's side of the string actions of Parser/action_helpers.c: the grammar's calls
//! (`_PyPegen_constant_from_token`, `_PyPegen_joined_str`, `_PyPegen_formatted_value`, ...)
//! hand the tokens, their text and metadata to the decoders in fstring.rs, and raise their
//! errors the way CPython raises them.

use pyc_ast::constant::PyStr;
use pyc_ast::{Expr, Location};
use pyc_tokenize::{ErrorType, Token, TokenKind};

use crate::fstring::{self, ResultTokenWithMetadata};
use crate::generated::parser::tk;
use crate::pegen::{ParseError, Parser, Tok};
use crate::string_parser::{
    self, ErrorLocation, LiteralError, LiteralErrorType, LiteralSink, LiteralWarning,
};

impl LiteralSink for Parser<'_> {
    fn feature_version(&self) -> i32 {
        self.feature_version
    }

    fn warn(&mut self, warning: LiteralWarning) -> Result<(), LiteralError> {
        // CPython decodes each literal once per pass, except inside a `_without_invalid` rule
        // of the error pass, which parses afresh what its memo does not hold. A lending memo
        // parses a rule again when its value is out with a caller (`reparsing`), where
        // CPython's memo hit decodes nothing: that decode must not warn. In the first pass
        // a rule the first pass does not memoize can also decode a literal twice: equal
        // warnings of two literals (`f"\d{x}\d"` has two) differ in `literal_at`.
        let again = self.reparsing > 0 || (!self.error_pass && self.warnings.contains(&warning));
        if !self.call_invalid_rules && !again {
            self.warnings.push(warning);
        }
        Ok(())
    }
}

impl Parser<'_> {
    /// Raises a literal decoder's error; always `None`.
    fn raise_literal_error<T>(&mut self, error: LiteralError) -> Option<T> {
        match error.error_type {
            LiteralErrorType::SyntaxError => {}
            LiteralErrorType::UnicodeDecodeError => {
                return self.raise_other("UnicodeDecodeError", error.msg)
            }
            LiteralErrorType::ValueError => return self.raise_other("ValueError", error.msg),
            LiteralErrorType::SystemError => return self.raise_other("SystemError", error.msg),
        }
        match error.location {
            ErrorLocation::LastToken => self.raise_error(ErrorType::SyntaxError, false, error.msg),
            ErrorLocation::Known {
                lineno,
                col_offset,
                end_lineno,
                end_col_offset,
            } => self.raise_error_known_location(
                ErrorType::SyntaxError,
                lineno,
                col_offset,
                end_lineno,
                end_col_offset,
                error.msg,
            ),
        }
    }

    fn raise_other<T>(&mut self, type_name: &str, msg: String) -> Option<T> {
        self.error_indicator = true;
        if self.error.is_none() {
            self.error = Some(ParseError::Other {
                type_name: type_name.to_string(),
                msg,
            });
        }
        None
    }

    fn literal<T>(&mut self, result: Result<T, LiteralError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => self.raise_literal_error(e),
        }
    }

    /// The metadata CPython's tokenizer attaches to `t`, a `!`, `:` or `}` of a replacement
    /// field: its expression text, for `=` and t-strings ([`fstring::FieldTexts`]).
    fn metadata(&mut self, t: &Token) -> Option<PyStr> {
        let index = self.index_of_token(t.start, t.kind)?;
        let (start, end) = self.field_texts.span(index, token_view(&self.tokens))?;
        let text = self.source.get(start as usize..end as usize)?;
        Some(fstring::ftstring_expr_text(text))
    }

    /// The FSTRING_START / TSTRING_START token of the string that `t` (an FSTRING_MIDDLE,
    /// TSTRING_MIDDLE or `!`) is inside ([`fstring::FieldTexts`]).
    fn enclosing_string_start(&mut self, t: &Tok) -> Option<Tok> {
        let index = self.index_of_token(t.start, t.raw_kind)?;
        let start = self
            .field_texts
            .string_start(index, token_view(&self.tokens))?;
        self.tokens.get(start).copied()
    }
}

/// What [`fstring::FieldTexts`] reads of token `i`: its kind (the tokenizer's) and offsets.
fn token_view(tokens: &[Tok]) -> impl Fn(usize) -> Option<(TokenKind, u32, u32)> + '_ {
    |i| tokens.get(i).map(|x| (x.raw_kind, x.start, x.end))
}

/// `_PyPegen_constant_from_token`.
pub fn constant_from_token(p: &mut Parser<'_>, t: &Tok) -> Option<Expr> {
    Some(fstring::constant_from_token(&t.raw(), p.token_text(t)))
}

/// `_PyPegen_decoded_constant_from_token`: raw inside a raw f-string or t-string. Only a
/// backslash decodes differently when raw: the enclosing string is looked up only then.
pub fn decoded_constant_from_token(p: &mut Parser<'_>, t: &Tok) -> Option<Expr> {
    let text = p.token_text(t);
    let is_raw = text.contains('\\')
        && p.enclosing_string_start(t)
            .is_some_and(|start| p.token_text(&start).contains(['r', 'R']));
    let result = fstring::decoded_constant_from_token(&t.raw(), text, is_raw, p);
    p.literal(result)
}

/// `_PyPegen_constant_from_string`. Most literals need no decoding: their value is taken
/// first, without the decoders' error and warning plumbing.
pub fn constant_from_string(p: &mut Parser<'_>, t: &Tok) -> Option<Expr> {
    let text = p.token_text(t);
    if let Some(value) = string_parser::undecoded_string_value(text) {
        return Some(fstring::string_constant(value, text, t.loc()));
    }
    let result = fstring::constant_from_string(&t.raw(), text, p);
    p.literal(result)
}

/// The constant of a STRING token that decodes without a warning or an error (the grammar's
/// `clean_string`), else `None` with no error raised: the `strings` loop then decodes the
/// token as CPython does, raising and warning there.
pub fn clean_constant_from_string(p: &mut Parser<'_>, t: &Tok) -> Option<Expr> {
    let text = p.token_text(t);
    let value = match string_parser::undecoded_string_value(text) {
        Some(value) => value,
        None => string_parser::parse_string_cleanly(&t.raw(), text)?,
    };
    Some(fstring::string_constant(value, text, t.loc()))
}

/// `_PyPegen_joined_str`.
pub fn joined_str(p: &mut Parser<'_>, start: &Tok, middles: Vec<Expr>, end: &Tok) -> Option<Expr> {
    let (start_text, end_text) = (p.token_text(start), p.token_text(end));
    let result = fstring::joined_str(&start.raw(), start_text, middles, &end.raw(), end_text, p);
    p.literal(result)
}

/// `_PyPegen_template_str`.
pub fn template_str(
    p: &mut Parser<'_>,
    start: &Tok,
    middles: Vec<Expr>,
    end: &Tok,
) -> Option<Expr> {
    let (start_text, end_text) = (p.token_text(start), p.token_text(end));
    let result = fstring::template_str(&start.raw(), start_text, middles, &end.raw(), end_text, p);
    p.literal(result)
}

/// `_PyPegen_check_fstring_conversion`.
pub fn check_fstring_conversion(
    p: &mut Parser<'_>,
    bang: &Tok,
    conv: Expr,
) -> Option<ResultTokenWithMetadata> {
    let prefix = || match p.enclosing_string_start(bang) {
        Some(start) if start.kind == tk::TSTRING_START => 't',
        _ => 'f',
    };
    let result = fstring::check_fstring_conversion(&bang.raw(), conv, prefix);
    p.literal(result)
}

/// `_PyPegen_setup_full_format_spec`.
pub fn setup_full_format_spec(
    p: &mut Parser<'_>,
    colon: &Tok,
    spec: Vec<Expr>,
    loc: Location,
) -> Option<ResultTokenWithMetadata> {
    let result = fstring::setup_full_format_spec(&colon.raw(), spec, loc);
    p.literal(result)
}

/// `_PyPegen_formatted_value`.
pub fn formatted_value(
    p: &mut Parser<'_>,
    expression: Expr,
    debug: Option<Tok>,
    conversion: Option<ResultTokenWithMetadata>,
    format: Option<ResultTokenWithMetadata>,
    rbrace: &Tok,
    loc: Location,
) -> Option<Expr> {
    let result = fstring::formatted_value(
        expression,
        debug.is_some(),
        conversion,
        format,
        &rbrace.raw(),
        |t| p.metadata(t),
        loc,
    );
    p.literal(result)
}

/// `_PyPegen_interpolation`.
pub fn interpolation(
    p: &mut Parser<'_>,
    expression: Expr,
    debug: Option<Tok>,
    conversion: Option<ResultTokenWithMetadata>,
    format: Option<ResultTokenWithMetadata>,
    rbrace: &Tok,
    loc: Location,
) -> Option<Expr> {
    let result = fstring::interpolation(
        expression,
        debug.is_some(),
        conversion,
        format,
        &rbrace.raw(),
        |t| p.metadata(t),
        loc,
    );
    p.literal(result)
}

/// `_PyPegen_concatenate_strings`.
pub fn concatenate_strings(
    p: &mut Parser<'_>,
    mut strings: Vec<Expr>,
    loc: Location,
) -> Option<Expr> {
    if fstring::is_own_concatenation(&strings) {
        // One literal with nothing to merge is its own value; the emptied list serves the
        // next loop.
        let single = strings.pop();
        p.spare_exprs = Some(strings);
        return single;
    }
    let result = fstring::concatenate_strings(strings, loc);
    p.literal(result)
}

/// `_PyPegen_concatenate_tstrings`.
pub fn concatenate_tstrings(
    _p: &mut Parser<'_>,
    strings: Vec<Expr>,
    loc: Location,
) -> Option<Expr> {
    Some(fstring::concatenate_tstrings(strings, loc))
}
