//! Table-driven tests of the literal helpers (string_parser, fstring, number) against CPython
//! 3.14.2: `tests/data/literals.txt` holds what the oracle printed for each case
//! (`tests/oracle/gen_literals.py`). Each case is tokenized with pyc-tokenize and parsed by a
//! small recursive-descent driver that mirrors the string rules of python.gram (atoms are only
//! names, numbers and strings), calling the helpers exactly where CPython's actions do.

use pyc_ast::constant::PyStr;
use pyc_ast::{
    dump, DumpOptions, Expr, ExprBinOp, ExprConstant, ExprContext, ExprName, Identifier, Location,
    Operator,
};
use pyc_parser::fstring::{self, ResultTokenWithMetadata};
use pyc_parser::number::number_token;
use pyc_parser::string_parser::{
    CollectWarnings, ErrorLocation, LiteralError, LiteralErrorType, LiteralSink, LiteralWarning,
    WarningCategory,
};
use pyc_tokenize::{Token, TokenKind, Tokenizer, TokenizerOptions};

const DATA: &str = include_str!("data/literals.txt");

/// Marks a warning that came from the tokenizer: turning it into an error under `-W error` is
/// the tokenizer's business, so such cases skip the `werror` comparison.
const TOKENIZER_WARNING: &str = "tokenizer warning";

struct Case {
    source: String,
    expected: Vec<String>,
}

fn parse_cases(data: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for line in data.lines() {
        if let Some(hex) = line.strip_prefix("case ") {
            cases.push(Case {
                source: from_hex(hex),
                expected: Vec::new(),
            });
        } else if let Some(case) = cases.last_mut() {
            case.expected.push(line.to_owned());
        }
    }
    cases
}

fn from_hex(hex: &str) -> String {
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex digit pair"))
        .collect();
    String::from_utf8(bytes).expect("case source is UTF-8")
}

/// Collects warnings, or (under `-W error`) turns the first one into its SyntaxError.
#[derive(Default)]
struct Sink {
    collected: CollectWarnings,
    warnings_are_errors: bool,
}

impl LiteralSink for Sink {
    fn warn(&mut self, warning: LiteralWarning) -> Result<(), LiteralError> {
        if self.warnings_are_errors {
            return Err(warning.error);
        }
        self.collected.warn(warning)
    }
}

/// One enclosing f-string or t-string: whether it is raw, and its prefix letter.
#[derive(Clone, Copy)]
struct Enclosing {
    raw: bool,
    prefix: char,
}

/// The driver: tokens are fetched lazily (like pegen's `p->fill`), so "the last token" of
/// `RAISE_SYNTAX_ERROR` is the last one fetched.
struct Driver<'s> {
    source: &'s str,
    tokenizer: Tokenizer<'s>,
    tokens: Vec<Token>,
    pos: usize,
    sink: Sink,
    enclosing: Vec<Enclosing>,
    field_texts: fstring::FieldTexts,
}

enum Failure {
    Literal(LiteralError),
    Unsupported(String),
}

impl From<LiteralError> for Failure {
    fn from(error: LiteralError) -> Failure {
        Failure::Literal(error)
    }
}

type Parsed<T> = Result<T, Failure>;

fn loc_between(first: &Token, last: &Token) -> Location {
    Location::new(
        first.lineno as i32,
        first.col_offset as i32,
        last.end_lineno as i32,
        last.end_col_offset as i32,
    )
}

impl<'s> Driver<'s> {
    fn new(source: &'s str, warnings_are_errors: bool) -> Driver<'s> {
        Driver {
            source,
            tokenizer: Tokenizer::new(source, TokenizerOptions::default()),
            tokens: Vec::new(),
            pos: 0,
            sink: Sink {
                collected: CollectWarnings::default(),
                warnings_are_errors,
            },
            enclosing: Vec::new(),
            field_texts: fstring::FieldTexts::default(),
        }
    }

    fn peek(&mut self) -> Parsed<Token> {
        while self.tokens.len() <= self.pos {
            let token = self
                .tokenizer
                .next_token()
                .map_err(|e| Failure::Unsupported(format!("tokenizer: {}", e.msg)))?;
            self.tokens.push(token);
            // The tokenizer's own warnings (`\{` before a doubled brace) come when the token is
            // fetched, in order with the decoders'.
            for warning in self.tokenizer.take_warnings() {
                self.sink.collected.warnings.push(LiteralWarning {
                    category: WarningCategory::SyntaxWarning,
                    message: warning.message,
                    lineno: warning.lineno,
                    error: LiteralError::new(TOKENIZER_WARNING, ErrorLocation::LastToken),
                    literal_at: (0, 0),
                });
            }
        }
        Ok(self.tokens[self.pos])
    }

    fn advance(&mut self) -> Parsed<Token> {
        let token = self.peek()?;
        self.pos += 1;
        Ok(token)
    }

    fn last_consumed(&self) -> Token {
        self.tokens[self.pos - 1]
    }

    fn text(&self, token: &Token) -> &'s str {
        &self.source[token.start as usize..token.end as usize]
    }

    fn is_op(&mut self, op: &str) -> Parsed<bool> {
        let token = self.peek()?;
        let text = self.text(&token);
        let is_string_part = matches!(
            token.kind,
            TokenKind::FstringMiddle | TokenKind::TstringMiddle | TokenKind::String
        );
        Ok(!is_string_part && text == op)
    }

    fn expect_op(&mut self, op: &str) -> Parsed<Token> {
        if !self.is_op(op)? {
            let token = self.peek()?;
            return Err(Failure::Unsupported(format!(
                "expected {op:?}, found {:?}",
                self.text(&token)
            )));
        }
        self.advance()
    }

    fn statement(&mut self) -> Parsed<Expr> {
        let expr = self.expression()?;
        let next = self.peek()?;
        if next.kind != TokenKind::Newline {
            return Err(Failure::Unsupported(format!(
                "trailing {:?}",
                self.text(&next)
            )));
        }
        Ok(expr)
    }

    /// `sum: atom ('+' atom)*`, enough for multi-line replacement fields.
    fn expression(&mut self) -> Parsed<Expr> {
        let first = self.peek()?;
        let mut left = self.atom()?;
        while self.is_op("+")? {
            self.advance()?;
            let right = self.atom()?;
            let loc = loc_between(&first, &self.last_consumed());
            left = ExprBinOp {
                loc,
                left,
                op: Operator::Add,
                right,
            }
            .into();
        }
        Ok(left)
    }

    fn atom(&mut self) -> Parsed<Expr> {
        let token = self.peek()?;
        match token.kind {
            TokenKind::Name => {
                self.advance()?;
                let id = Identifier::new(self.text(&token));
                Ok(ExprName {
                    loc: fstring::token_location(&token),
                    id,
                    ctx: ExprContext::Load,
                }
                .into())
            }
            TokenKind::Number => {
                self.advance()?;
                let value = number_token(&token, self.text(&token), 14)?;
                Ok(ExprConstant {
                    loc: fstring::token_location(&token),
                    value,
                    kind: None,
                }
                .into())
            }
            TokenKind::String | TokenKind::FstringStart | TokenKind::TstringStart => self.strings(),
            _ => Err(Failure::Unsupported(format!(
                "atom {:?}",
                self.text(&token)
            ))),
        }
    }

    /// `strings: (fstring|string)+ | tstring+`
    fn strings(&mut self) -> Parsed<Expr> {
        let first = self.peek()?;
        let mut parts = Vec::new();
        if first.kind == TokenKind::TstringStart {
            while self.peek()?.kind == TokenKind::TstringStart {
                parts.push(self.ftstring()?);
            }
            let loc = loc_between(&first, &self.last_consumed());
            return Ok(fstring::concatenate_tstrings(parts, loc));
        }
        loop {
            let token = self.peek()?;
            match token.kind {
                TokenKind::String => {
                    self.advance()?;
                    parts.push(fstring::constant_from_string(
                        &token,
                        self.text(&token),
                        &mut self.sink,
                    )?);
                }
                TokenKind::FstringStart => parts.push(self.ftstring()?),
                _ => break,
            }
        }
        let loc = loc_between(&first, &self.last_consumed());
        Ok(fstring::concatenate_strings(parts, loc)?)
    }

    /// `fstring: FSTRING_START fstring_middle* FSTRING_END` (and the t-string twin).
    fn ftstring(&mut self) -> Parsed<Expr> {
        let start = self.advance()?;
        let start_text = self.text(&start);
        let is_t = start.kind == TokenKind::TstringStart;
        let (middle_kind, end_kind) = if is_t {
            (TokenKind::TstringMiddle, TokenKind::TstringEnd)
        } else {
            (TokenKind::FstringMiddle, TokenKind::FstringEnd)
        };
        self.enclosing.push(Enclosing {
            raw: start_text.contains(['r', 'R']),
            prefix: if is_t { 't' } else { 'f' },
        });
        let mut middles = Vec::new();
        loop {
            let token = self.peek()?;
            if token.kind == middle_kind {
                self.advance()?;
                middles.push(fstring::constant_from_token(&token, self.text(&token)));
            } else if token.kind == end_kind {
                break;
            } else {
                middles.push(self.replacement_field(is_t, false)?);
            }
        }
        let end = self.advance()?;
        self.enclosing.pop();
        let end_text = self.text(&end);
        let node = if is_t {
            fstring::template_str(&start, start_text, middles, &end, end_text, &mut self.sink)?
        } else {
            fstring::joined_str(&start, start_text, middles, &end, end_text, &mut self.sink)?
        };
        Ok(node)
    }

    /// The metadata CPython's tokenizer attaches to `token`: the field's expression text.
    fn metadata(
        source: &str,
        tokens: &[Token],
        field_texts: &mut fstring::FieldTexts,
        token: &Token,
    ) -> Option<PyStr> {
        let index = tokens.iter().position(|t| t == token)?;
        let (start, end) =
            field_texts.span(index, |i| tokens.get(i).map(|t| (t.kind, t.start, t.end)))?;
        Some(fstring::ftstring_expr_text(
            source.get(start as usize..end as usize)?,
        ))
    }

    /// `'{' annotated_rhs '='? [conversion] [format_spec] '}'`
    fn replacement_field(&mut self, is_t: bool, in_spec: bool) -> Parsed<Expr> {
        let lbrace = self.expect_op("{")?;
        let value = self.expression()?;
        let debug = self.is_op("=")?;
        if debug {
            self.advance()?;
        }
        let enclosing = self.enclosing.last().copied().unwrap_or(Enclosing {
            raw: false,
            prefix: 'f',
        });
        let mut conversion = None;
        if self.is_op("!")? {
            let bang = self.advance()?;
            let name = self.advance()?;
            if name.kind != TokenKind::Name {
                return Err(Failure::Unsupported("conversion is not a name".to_owned()));
            }
            let conv: Expr = ExprName {
                loc: fstring::token_location(&name),
                id: Identifier::new(self.text(&name)),
                ctx: ExprContext::Load,
            }
            .into();
            conversion = Some(fstring::check_fstring_conversion(&bang, conv, || {
                enclosing.prefix
            })?);
        }
        let mut format: Option<ResultTokenWithMetadata> = None;
        if self.is_op(":")? {
            let colon = self.advance()?;
            let mut spec = Vec::new();
            loop {
                let token = self.peek()?;
                if matches!(
                    token.kind,
                    TokenKind::FstringMiddle | TokenKind::TstringMiddle
                ) {
                    self.advance()?;
                    let text = self.text(&token);
                    spec.push(fstring::decoded_constant_from_token(
                        &token,
                        text,
                        enclosing.raw,
                        &mut self.sink,
                    )?);
                } else if self.is_op("{")? {
                    spec.push(self.replacement_field(is_t, true)?);
                } else {
                    break;
                }
            }
            let loc = loc_between(&colon, &self.last_consumed());
            format = Some(fstring::setup_full_format_spec(&colon, spec, loc)?);
        }
        let rbrace = self.expect_op("}")?;
        let loc = loc_between(&lbrace, &rbrace);
        let (source, tokens, field_texts) = (self.source, &self.tokens, &mut self.field_texts);
        let metadata = |t: &Token| Driver::metadata(source, tokens, field_texts, t);
        let node = if is_t && !in_spec {
            fstring::interpolation(value, debug, conversion, format, &rbrace, metadata, loc)?
        } else {
            fstring::formatted_value(value, debug, conversion, format, &rbrace, metadata, loc)?
        };
        Ok(node)
    }

    /// The SyntaxError fields CPython reports for `error` (ASCII-only lines here: byte and
    /// character offsets agree except where the line says otherwise).
    fn error_fields(&self, error: &LiteralError) -> String {
        let class = match error.error_type {
            LiteralErrorType::SyntaxError => "SyntaxError",
            LiteralErrorType::UnicodeDecodeError => {
                return format!("error UnicodeDecodeError - - - - {}", error.msg)
            }
            LiteralErrorType::ValueError => "ValueError",
            LiteralErrorType::SystemError => "SystemError",
        };
        let (lineno, col, end_lineno, end_col) = match error.location {
            ErrorLocation::LastToken => {
                let t = self.tokens.last().copied().expect("a token was fetched");
                (
                    t.lineno as i32,
                    t.col_offset as i32,
                    t.end_lineno as i32,
                    t.end_col_offset as i32,
                )
            }
            ErrorLocation::Known {
                lineno,
                col_offset,
                end_lineno,
                end_col_offset,
            } => (lineno, col_offset, end_lineno, end_col_offset),
        };
        let offset = self.char_offset(lineno, col + 1);
        let end_offset = self.char_offset(end_lineno, end_col + 1);
        format!(
            "error {class} {lineno} {offset} {end_lineno} {end_offset} {}",
            error.msg
        )
    }

    /// `_PyPegen_byte_offset_to_character_offset`: a 1-based byte offset on `lineno` as a
    /// 1-based character offset.
    fn char_offset(&self, lineno: i32, byte_offset: i32) -> i32 {
        if byte_offset <= 0 {
            return byte_offset;
        }
        let Some(line) = self
            .source
            .split_inclusive('\n')
            .nth((lineno - 1).max(0) as usize)
        else {
            return byte_offset;
        };
        let prefix = &line.as_bytes()[..((byte_offset - 1) as usize).min(line.len())];
        String::from_utf8_lossy(prefix).chars().count() as i32 + 1
    }
}

/// What the driver reports for one case, in the data file's format.
fn run(source: &str) -> Result<Vec<String>, String> {
    // CPython appends the missing final newline to string input before tokenizing.
    let source = format!("{source}\n");
    let mut lines = parse_and_report(&source, false)?;
    if lines.iter().any(|line| line == TOKENIZER_WARNING) {
        lines.retain(|line| line != TOKENIZER_WARNING);
        lines.push("werror (tokenizer)".to_owned());
        return Ok(lines);
    }
    if lines.iter().any(|line| line.starts_with("warn ")) {
        let under_werror = parse_and_report(&source, true)?;
        let error = match under_werror.first() {
            Some(line) if line.starts_with("error ") => line.replacen("error", "werror", 1),
            _ => "werror none".to_owned(),
        };
        lines.push(error);
    }
    Ok(lines)
}

fn parse_and_report(source: &str, warnings_are_errors: bool) -> Result<Vec<String>, String> {
    let mut driver = Driver::new(source, warnings_are_errors);
    let mut lines = Vec::new();
    match driver.statement() {
        Ok(expr) => {
            let options = DumpOptions {
                include_attributes: true,
                indent: None,
                show_empty: false,
            };
            let text = dump(&expr, options).map_err(|e| format!("dump: {e:?}"))?;
            lines.push(format!("ast {text}"));
        }
        Err(Failure::Literal(error)) => lines.push(driver.error_fields(&error)),
        Err(Failure::Unsupported(what)) => return Err(what),
    }
    for warning in &driver.sink.collected.warnings {
        let category = match warning.category {
            WarningCategory::SyntaxWarning => "SyntaxWarning",
            WarningCategory::DeprecationWarning => "DeprecationWarning",
        };
        lines.push(format!(
            "warn {category} {} {}",
            warning.lineno, warning.message
        ));
        if warning.error.msg == TOKENIZER_WARNING {
            lines.push(TOKENIZER_WARNING.to_owned());
        }
    }
    Ok(lines)
}

/// The oracle's lines for `case`, with its `-W error` line replaced by the marker when the
/// driver saw a tokenizer warning.
fn expected_lines(case: &Case, actual: &[String]) -> Vec<String> {
    if !actual.iter().any(|line| line == "werror (tokenizer)") {
        return case.expected.clone();
    }
    let mut expected: Vec<String> = case
        .expected
        .iter()
        .filter(|line| !line.starts_with("werror "))
        .cloned()
        .collect();
    expected.push("werror (tokenizer)".to_owned());
    expected
}

#[test]
fn literals_decode_like_cpython() {
    let cases = parse_cases(DATA);
    assert!(cases.len() > 500, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        match run(&case.source) {
            Ok(lines) if lines == expected_lines(case, &lines) => {}
            Ok(lines) => failures.push(format!(
                "{:?}\n  expected: {:?}\n  actual:   {:?}",
                case.source, case.expected, lines
            )),
            Err(why) => failures.push(format!("{:?}\n  unsupported: {why}", case.source)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The same comparison on every distinct literal of a corpus, from a file that
/// `tests/oracle/gen_corpus_literals.py` wrote (named by `PYC_LITERAL_CORPUS`). Cases the
/// driver cannot parse (replacement fields with expressions other than names, numbers, strings
/// and `+`) are counted, not failed.
#[test]
#[ignore = "needs PYC_LITERAL_CORPUS=<file written by tests/oracle/gen_corpus_literals.py>"]
fn corpus_literals_decode_like_cpython() {
    let Ok(path) = std::env::var("PYC_LITERAL_CORPUS") else {
        panic!("set PYC_LITERAL_CORPUS to the output of gen_corpus_literals.py");
    };
    let data = std::fs::read_to_string(&path).expect("corpus literal file");
    let cases = parse_cases(&data);
    let (mut passed, mut unsupported, mut failures) = (0, 0, Vec::new());
    for case in &cases {
        match run(&case.source) {
            Ok(lines) if lines == expected_lines(case, &lines) => passed += 1,
            Ok(lines) => failures.push(format!(
                "{:?}\n  expected: {:?}\n  actual:   {:?}",
                case.source, case.expected, lines
            )),
            Err(_) => unsupported += 1,
        }
    }
    eprintln!(
        "{passed} passed, {} differ, {unsupported} beyond the driver, of {} literals",
        failures.len(),
        cases.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
