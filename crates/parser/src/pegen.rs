//! Port of Parser/pegen.c: the parser state (token buffer filled lazily from the tokenizer,
//! keyword classification, memo), the `expect` helpers the generated rules call, and
//! `_PyPegen_run_parser` with its two passes.

use pyc_ast::node_box::{list_with_capacity, push_to_list};
use pyc_ast::{ExprContext, Identifier, Location};
use pyc_tokenize::{Done, SyntaxError, Token, TokenKind, Tokenizer, TokenizerOptions};

use crate::fstring::FieldTexts;
use crate::generated::parser::{keyword_type, tk, SOFT_KEYWORDS, SOFT_KEYWORD_BITS};
use crate::memo::{Memo, MemoHit, Memoizable, Src};
use crate::{mk, Mode, ParseFlags};

/// CPython's `MAXSTACK`: deeper rule nesting raises MemoryError.
pub(crate) const MAXSTACK: u32 = 6000;

/// How deep a parse that replays memo hits (`Parser::replaying`) may go: each replay parses
/// again what was parsed within MAXSTACK, so this bounds replays nested in replays too, well
/// inside the stack a parse is given (`PARSER_STACK_NEEDED` was measured at MAXSTACK).
const REPLAY_MAXSTACK: u32 = 4 * MAXSTACK;

/// A token's FIRST-set bits by its `Tok::first_class`: `1 << i` for each bit index `i` below
/// 128 (a token type, or 64 + a keyword's offset); all bits at [`NO_BIT_CLASS`], for a kind
/// without a bit; NAME's bit plus the soft keyword's own from [`SOFT_KEYWORD_CLASS`] on, for a
/// NAME that spells one; all bits in the unused rest, so that any `u8` indexes the table
/// without a bound check. A table lookup is cheaper than a 128-bit shift, and `next_kind_bit`
/// runs several times a token.
static KIND_BITS: [u128; 256] = {
    let mut bits = [u128::MAX; 256];
    let mut i = 0;
    while i < 128 {
        bits[i] = 1 << i;
        i += 1;
    }
    let mut id = 0;
    while id < SOFT_KEYWORD_BITS.len() {
        bits[SOFT_KEYWORD_CLASS as usize + id] = 1 << tk::NAME | 1 << SOFT_KEYWORD_BITS[id];
        id += 1;
    }
    bits
};

/// What [`Parser::scan_group_kinds`] does with a token, by its `first_class` (which is its
/// kind for these): an opening bracket goes one deeper, a closing one back up, and the end of
/// a statement (NEWLINE, `;`, ENDMARKER) ends the scan at the group's own depth; any other
/// token (0) counts there.
static SCAN_CLASS: [u8; 256] = {
    let mut class = [0; 256];
    class[tk::LPAR as usize] = SCAN_OPEN;
    class[tk::LSQB as usize] = SCAN_OPEN;
    class[tk::LBRACE as usize] = SCAN_OPEN;
    class[tk::RPAR as usize] = SCAN_CLOSE;
    class[tk::RSQB as usize] = SCAN_CLOSE;
    class[tk::RBRACE as usize] = SCAN_CLOSE;
    class[tk::NEWLINE as usize] = SCAN_END;
    class[tk::SEMI as usize] = SCAN_END;
    class[tk::ENDMARKER as usize] = SCAN_END;
    class
};
const SCAN_OPEN: u8 = 1;
const SCAN_CLOSE: u8 = 2;
const SCAN_END: u8 = 4;

/// The `first_class` of a NAME that spells no soft keyword (its kind's class, the kind itself).
const PLAIN_NAME_CLASS: u8 = tk::NAME as u8;

/// The `first_class` of a kind without a FIRST-set bit of its own (all bits).
const NO_BIT_CLASS: u8 = 128;

/// The `first_class` of a NAME spelling the first soft keyword; the others follow in
/// `SOFT_KEYWORDS` order.
const SOFT_KEYWORD_CLASS: u8 = NO_BIT_CLASS + 1;

/// The most tokens read ahead at once (see [`Parser::read_ahead_batch`]).
const READ_AHEAD_BATCH: usize = 4096;

/// The longest group `group_lacks` looks over, in tokens.
const STATEMENT_SCAN_LIMIT: usize = 64;

/// Levels a parse descends at most between two tokens, with a margin: the grammar's longest
/// chain of calls that consume nothing, from `star_expressions` down to an opening bracket's
/// `atom`, is about 30.
const LEVELS_PER_TOKEN: u32 = 80;

/// The deepest level `group_lacks` and `take_twin_value` answer at: from here a descent
/// over `STATEMENT_SCAN_LIMIT` tokens stays below MAXSTACK (880; a statement inside 99 nested
/// `if`, `class`, `def` or `with` blocks, the most indentation allows, is at level 601 to 667).
const STATEMENT_SCAN_MAX_LEVEL: u32 = MAXSTACK - LEVELS_PER_TOKEN * STATEMENT_SCAN_LIMIT as u32;

/// The tokens read ahead of the parser (`Parser::read_ahead_batch`), beyond `Parser::fill`.
/// CPython's tokenizer reads only the tokens its parser asks for, and where it stands shows in
/// some errors (those that end at `CURRENT_POS`): so for each token read ahead, the tokenizer's
/// line is kept, to answer as CPython's would while the parser has not reached it.
#[derive(Default)]
struct ReadAhead {
    /// The first token of the current run of tokens read ahead.
    base: usize,
    /// The tokenizer's line before the run. (After each of its tokens, the tokenizer stands on
    /// the token's last line: a fast path stops at the end of its token, and reads no further
    /// line until asked for the next token.)
    line_before: u32,
}

impl ReadAhead {
    /// A new run from token `base`, with the tokenizer on `line`.
    fn start(&mut self, base: usize, line: u32) {
        self.base = base;
        self.line_before = line;
    }
}

/// A loop's or a gather's list made for its first element: room for more (four, as a list
/// grown by pushes would start with) when `more` are expected, else exactly one (a list of one
/// grown to two is allocated twice; a list of one kept in the tree had better be exact).
#[inline(always)]
fn first_element_list<T>(first: T, more: bool) -> Vec<T> {
    let mut list = list_with_capacity(if more { 4 } else { 1 });
    list.push(first);
    list
}

/// A token kind as a FIRST-set bit (the generator's `kind_bit`: a token type, or 64 + a
/// keyword's offset); all bits for a kind without a bit of its own. (The parser reads a
/// token's bits from its `first_class`, set as it is read.)
#[cfg(test)]
fn kind_bit(kind: u16) -> u128 {
    KIND_BITS[usize::from(kind_class(kind))]
}

/// The `first_class` of a token of kind `kind` that is no soft keyword: its bit's index, or
/// [`NO_BIT_CLASS`].
#[inline(always)]
fn kind_class(kind: u16) -> u8 {
    let index = if kind >= 500 { kind - 500 + 64 } else { kind };
    index.min(u16::from(NO_BIT_CLASS)) as u8
}

/// The `first_class` of a NAME token spelled `text`: a soft keyword's own, else NAME's.
fn name_class(text: &str) -> u8 {
    match SOFT_KEYWORDS.iter().position(|&soft| soft == text) {
        Some(id) => SOFT_KEYWORD_CLASS + id as u8,
        None => kind_class(tk::NAME),
    }
}

/// How close to MAXSTACK the FIRST-set check stops: more levels than any failing descent from
/// one rule into the rules it calls at the same token can take (the grammar's chains of such
/// calls are a few dozen rules, each at most a few levels with its groups and loops).
pub(crate) const FIRST_SET_MARGIN: u32 = 400;

/// A token as the parser sees it (`Token` in pegen.h): `kind` is the token type, or the keyword's
/// type for a reserved keyword. Positions are CPython's: lines 1-based, columns in UTF-8 bytes.
///
/// 32 bytes, as the buffer holds one per token of the source: what pegen.h's token also has
/// is found when needed instead (its index, by its position: [`Parser::index_of_token`]; its
/// bracket level, by counting brackets: [`Parser::level_after`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub kind: u16,
    /// The tokenizer's kind (NAME for a keyword; ENDMARKER where single input's parser sees
    /// NEWLINE).
    pub raw_kind: TokenKind,
    /// The token's FIRST-set bits as an index in `KIND_BITS` (`next_kind_bit`): its kind's
    /// bit, or for a NAME spelling a soft keyword that keyword's class.
    first_class: u8,
    pub start: u32,
    pub end: u32,
    pub lineno: i32,
    pub col_offset: i32,
    pub end_lineno: i32,
    pub end_col_offset: i32,
    /// For an identifier (a NAME that is no keyword): 1 + its word in the parser's
    /// `NameCache`, made as the token was read. For a token without text (INDENT, DEDENT,
    /// ENDMARKER: no columns, -1, in the parser's view), the tokenizer's column. Else 0.
    word: u32,
}

impl Tok {
    /// An ENDMARKER at the start of line 1, for the placeholder values of an action that cannot
    /// run when there is no token at all.
    pub(crate) fn placeholder_endmarker() -> Tok {
        Tok {
            kind: tk::ENDMARKER,
            raw_kind: TokenKind::Endmarker,
            first_class: kind_class(tk::ENDMARKER),
            start: 0,
            end: 0,
            lineno: 1,
            col_offset: 0,
            end_lineno: 1,
            end_col_offset: 0,
            word: 0,
        }
    }

    /// The token's FIRST-set bits (see `first_class`).
    #[inline(always)]
    fn kind_bits(&self) -> u128 {
        KIND_BITS[usize::from(self.first_class)]
    }

    /// Whether the token has text: all but INDENT, DEDENT and ENDMARKER, which have no columns
    /// in the parser's view.
    fn has_text(&self) -> bool {
        self.col_offset != -1
    }

    /// The tokenizer's column: the parser's, but for the tokens without text.
    fn raw_col_offset(&self) -> u32 {
        if self.has_text() {
            self.col_offset as u32
        } else {
            self.word
        }
    }

    /// The tokenizer's token (for the literal decoders, which take it as is). Rebuilt rather
    /// than kept, so that the buffer holds one copy of each position.
    pub fn raw(&self) -> Token {
        Token {
            kind: self.raw_kind,
            start: self.start,
            end: self.end,
            lineno: self.lineno as u32,
            col_offset: self.raw_col_offset(),
            end_lineno: self.end_lineno as u32,
            end_col_offset: self.raw_end_col_offset(),
        }
    }

    /// The tokenizer's end column: the parser's, but for the tokens without text (INDENT,
    /// DEDENT, ENDMARKER), which only ever need their start column and get it as their end.
    fn raw_end_col_offset(&self) -> u32 {
        match self.end_col_offset {
            -1 => self.raw_col_offset(),
            col => col as u32,
        }
    }

    pub fn loc(&self) -> Location {
        Location::new(
            self.lineno,
            self.col_offset,
            self.end_lineno,
            self.end_col_offset,
        )
    }
}

/// The value an alternative without an action returns when it has several items, or when its
/// only item is an `invalid_` rule: `_PyPegen_dummy_name` in C. It only ever appears in the
/// second (error-reporting) pass, whose result is discarded.
pub trait Dummy {
    fn dummy(p: &mut Parser<'_>) -> Self;
}

impl Dummy for pyc_ast::Expr {
    fn dummy(_p: &mut Parser<'_>) -> Self {
        crate::action_helpers::dummy_name()
    }
}

impl Dummy for pyc_ast::Stmt {
    fn dummy(_p: &mut Parser<'_>) -> Self {
        mk::Pass(Location::new(1, 0, 1, 0))
    }
}

impl<T> Dummy for Vec<T> {
    fn dummy(_p: &mut Parser<'_>) -> Self {
        Vec::new()
    }
}

impl Dummy for () {
    fn dummy(_p: &mut Parser<'_>) -> Self {}
}

/// The parser state (`Parser` in pegen.h).
pub struct Parser<'src> {
    pub(crate) source: &'src str,
    pub(crate) tok: Tokenizer<'src>,
    /// The tokens read: the parser has seen the first `fill` (CPython's `p->fill`); the rest
    /// were read ahead by [`Parser::group_lacks`] and are the parser's only when it reaches
    /// them (see [`ReadAhead`]).
    pub(crate) tokens: Vec<Tok>,
    pub(crate) fill: usize,
    read_ahead: ReadAhead,
    /// The last group `group_kinds` told: its first token and its kinds.
    last_group: Option<(usize, u128)>,
    /// The expression texts of replacement fields, replayed from the tokens when an action
    /// first asks for one.
    pub(crate) field_texts: FieldTexts,
    pub(crate) mark: usize,
    pub(crate) level: u32,
    pub(crate) error_indicator: bool,
    /// The exception raised, if any (CPython's pending exception).
    pub(crate) error: Option<ParseError>,
    pub(crate) call_invalid_rules: bool,
    /// The second pass, for the error message (`call_invalid_rules` is switched off inside
    /// the `_without_invalid` rules; this stays on).
    pub(crate) error_pass: bool,
    /// The levels below which the first pass takes its shortcuts (see
    /// [`Parser::first_pass_shortcuts_allowed`]): MAXSTACK - FIRST_SET_MARGIN + 1, and 0 in the
    /// error pass, so that one comparison tells both.
    shortcut_limit: u32,
    /// How many memoized rules are being parsed again because their value was out with a
    /// caller (see [`crate::memo`]): CPython's memo would have handed out its pointer without
    /// parsing, so what such a parse does besides returning its value (warn) must not happen.
    pub(crate) reparsing: u32,
    /// How many of those are rules CPython memoizes too (not the first pass's own memo of
    /// `atom`): where CPython's memo hit returns at once, this parse descends, so its levels
    /// raise no MemoryError (CPython's stack never goes there), up to [`REPLAY_MAXSTACK`].
    pub(crate) replaying: u32,
    pub(crate) memo: Memo,
    /// The source of the value the last rule returned (see [`crate::memo`]).
    pub(crate) src: Src,
    /// The identifier of each NAME token, made as the token is read: a NAME token is turned
    /// into a `Name` each time an alternative reaches it, and equal names share one string.
    names: NameCache,
    pub(crate) filename: String,
    pub(crate) mode: Mode,
    pub(crate) flags: ParseFlags,
    pub(crate) feature_version: i32,
    /// `# type: ignore` comments: (line, tag).
    pub(crate) type_ignores: Vec<(i32, String)>,
    /// Whether a token was read yet (for single-input's extra NEWLINE).
    parsing_started: bool,
    pub(crate) known_err_token: Option<usize>,
    /// The tokenizer's error, kept apart so that it can take precedence as in CPython.
    pub(crate) tokenizer_error: bool,
    /// Invalid-escape warnings from the literal decoders (first pass only).
    pub(crate) warnings: Vec<crate::string_parser::LiteralWarning>,
    /// When tracing: the `invalid_` rules that matched or raised (see `trace_invalid_rule`).
    pub(crate) invalid_rules_reached: Option<Vec<&'static str>>,
    /// `p->last_stmt_location` (line, column): the start of the last compound statement the
    /// error pass registered.
    pub(crate) last_stmt_location: (i32, i32),
    /// The `func` of a dummy call the `args` rule made and a call took apart: kept for the
    /// next one (see `action_helpers::dummy_func`).
    pub(crate) spare_dummy_func: Option<pyc_ast::Expr>,
    /// The emptied list of a `strings` match of one plain literal (which is its own value):
    /// the next loop of expressions fills it instead of allocating (`loop_vec`).
    pub(crate) spare_exprs: Option<Vec<pyc_ast::Expr>>,
    /// The emptied lists of blocks' lines (`stmts_flatten`): the next blocks' loops fill them
    /// instead of allocating and growing theirs (`loop_vec`). A stack, as blocks nest: an inner
    /// block's loop runs while the outer one's list is out; there are as many as blocks have
    /// nested (at most 100 levels of indentation).
    pub(crate) spare_stmts: Vec<Vec<crate::action_helpers::Stmts>>,
}

/// Errors that are not SyntaxErrors: CPython raises MemoryError for a too deep parse.
#[derive(Debug, Clone, PartialEq)]
pub enum ParseError {
    Syntax(SyntaxError),
    /// MemoryError with this message.
    Memory(String),
    /// Another exception class CPython lets escape (UnicodeDecodeError from an f-string format
    /// spec, ...).
    Other {
        type_name: String,
        msg: String,
    },
}

impl<'src> Parser<'src> {
    pub(crate) fn new(source: &'src str, filename: &str, mode: Mode, flags: ParseFlags) -> Self {
        let options = TokenizerOptions {
            type_comments: flags.type_comments,
            ..TokenizerOptions::default()
        };
        let spare = take_spare_buffers();
        let mut tokens = spare.tokens;
        // About one token per four bytes of source.
        tokens.reserve(source.len() / 4 + 16);
        Parser {
            source,
            tok: Tokenizer::new(source, options).with_filename(filename),
            tokens,
            fill: 0,
            read_ahead: ReadAhead {
                base: 0,
                line_before: 0,
            },
            last_group: None,
            field_texts: FieldTexts::default(),
            mark: 0,
            level: 0,
            error_indicator: false,
            error: None,
            call_invalid_rules: false,
            error_pass: false,
            shortcut_limit: MAXSTACK - FIRST_SET_MARGIN + 1,
            reparsing: 0,
            replaying: 0,
            memo: Memo::for_source_reusing(spare.memo, source.len()),
            src: Src::NONE,
            names: NameCache::for_source_reusing(spare.names, source.len()),
            filename: filename.to_string(),
            mode,
            flags,
            feature_version: flags.feature_version.unwrap_or(14),
            type_ignores: Vec::new(),
            parsing_started: false,
            known_err_token: None,
            tokenizer_error: false,
            warnings: Vec::new(),
            invalid_rules_reached: None,
            last_stmt_location: (0, 0),
            spare_dummy_func: None,
            spare_exprs: None,
            spare_stmts: Vec::new(),
        }
    }

    // ----- tokens: _PyPegen_fill_token, _get_keyword_or_name_type -----

    /// Gives the parser one more token (`p->fill += 1`): the next one read ahead, or one read
    /// now; false (with the error set) on a tokenizer error.
    #[inline(always)]
    pub(crate) fn fill_token(&mut self) -> bool {
        if self.fill < self.tokens.len() {
            self.fill += 1;
            return true;
        }
        self.fill_token_read()
    }

    /// [`Parser::fill_token`] when no token is read ahead: one read now, and a batch read
    /// ahead for the next calls.
    #[inline(never)]
    fn fill_token_read(&mut self) -> bool {
        let read = self.read_token();
        self.fill = self.tokens.len();
        if read {
            self.read_ahead_batch();
        }
        read
    }

    /// Reads one more token into the buffer; false (with the error set) on a tokenizer error.
    #[inline(always)]
    fn read_token(&mut self) -> bool {
        let token = match self.tok.next_fast_token() {
            // The fast paths never warn, and `next_uncommon_token` takes the other paths'
            // warnings as it reads each token: none wait here.
            Some(token) => {
                debug_assert!(!self.tok.has_warnings());
                token
            }
            None => return self.fill_uncommon_token(),
        };
        self.push_fast_token(&token);
        true
    }

    /// Pushes a token of the tokenizer's fast paths (which give no ENDMARKER, raise no error
    /// and warn of nothing).
    #[inline(always)]
    fn push_fast_token(&mut self, token: &Token) {
        self.parsing_started = true;
        // A path of its own for the commonest kind, with nothing to check but its spelling.
        if token.kind == TokenKind::Name {
            self.push_name(token);
            return;
        }
        // INDENT and DEDENT have no text in the C tokenizer: no columns (-1).
        let (col_offset, end_col_offset) = match token.kind {
            TokenKind::Indent | TokenKind::Dedent => (-1, -1),
            _ => (token.col_offset as i32, token.end_col_offset as i32),
        };
        self.push_tok(token, token.kind as u16, col_offset, end_col_offset);
    }

    /// Reads one more token ahead, into the buffer but not yet the parser's (see [`ReadAhead`]):
    /// only where the tokenizer's fast paths go (those of strings, f-strings and t-strings
    /// too), whose tokens are read the same at any time and have no effect but the tokenizer's
    /// state (no error, no warning, no ENDMARKER). That state (its position, its brackets, its
    /// f-string modes) is read only where reading stops, at an error or at the end, after the
    /// tokens before: as far as the parser can tell, the same whoever read them. False where
    /// the fast paths stop: the token is left for the parser to read when it gets there.
    #[inline(always)]
    fn read_ahead_token(&mut self) -> bool {
        let Some(token) = self
            .tok
            .next_fast_token()
            .or_else(|| self.tok.next_string_token())
        else {
            return false;
        };
        debug_assert!(!self.tok.has_warnings());
        if self.fill == self.tokens.len() {
            self.read_ahead.start(self.tokens.len(), self.tok.lineno());
        }
        self.push_fast_token(&token);
        debug_assert_eq!(self.tok.lineno(), token.end_lineno);
        true
    }

    /// Reads up to [`READ_AHEAD_BATCH`] tokens ahead (see [`Parser::read_ahead_token`]); false
    /// when not even one could be. Why in batches: read one at a time as the parser asked,
    /// the tokenizer's code and the rules' took turns in the instruction cache, which held
    /// neither (cachegrind, 3 passes of the 1 MB part: 10.4M I1 misses, 7.2M in batches;
    /// profile passes 0.107 s, 0.099 s).
    #[inline(never)]
    fn read_ahead_batch(&mut self) -> bool {
        let mut read = 0;
        while read < READ_AHEAD_BATCH && self.read_ahead_token() {
            read += 1;
        }
        read > 0
    }

    /// The line the tokenizer stands on as CPython's would, having read just the parser's
    /// tokens (`p->tok->lineno`, for the errors that end "where the tokenizer is").
    pub(crate) fn tokenizer_lineno(&self) -> u32 {
        if self.fill == self.tokens.len() {
            return self.tok.lineno();
        }
        if self.fill <= self.read_ahead.base {
            return self.read_ahead.line_before;
        }
        // Token `fill - 1` was read ahead, in the current run.
        self.tokens[self.fill - 1].end_lineno as u32
    }

    /// The index in the buffer of the first token of kind `kind` (the tokenizer's) starting
    /// at `start`: starts never decrease along the buffer, and only tokens without text (an
    /// INDENT, DEDENTs in a row, an ENDMARKER, an empty FSTRING_MIDDLE) share a start.
    pub(crate) fn index_of_token(&self, start: u32, kind: TokenKind) -> Option<usize> {
        let from = self.tokens.partition_point(|x| x.start < start);
        let at = self.tokens[from..]
            .iter()
            .take_while(|x| x.start == start)
            .position(|x| x.raw_kind == kind)?;
        Some(from + at)
    }

    /// `token->level` of the token at `index`: the depth of the tokenizer's bracket stack after
    /// it, which only brackets move (the tokenizer raises an error at a closing bracket without
    /// its opening one). Counted when asked, as only an error message asks.
    pub(crate) fn level_after(&self, index: usize) -> u32 {
        let end = (index + 1).min(self.tokens.len());
        self.tokens[..end]
            .iter()
            .fold(0u32, |level, t| match t.kind {
                tk::LPAR | tk::LSQB | tk::LBRACE => level + 1,
                tk::RPAR | tk::RSQB | tk::RBRACE => level.saturating_sub(1),
                _ => level,
            })
    }

    /// The last token the parser has seen (`p->tokens[p->fill - 1]`).
    pub(crate) fn last_filled(&self) -> Option<Tok> {
        self.fill
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .copied()
    }

    /// `fill_token` for a token the fast paths leave (out of the common path, which has no
    /// ENDMARKER to check for): first the tokenizer's fast paths for f-strings and prefixed
    /// strings (`next_string_token`), whose tokens, like
    /// the fast paths', are no ENDMARKER, no error and no warning (but are never read ahead:
    /// they change the tokenizer's f-string state).
    #[inline(never)]
    fn fill_uncommon_token(&mut self) -> bool {
        if let Some(token) = self.tok.next_string_token() {
            debug_assert!(!self.tok.has_warnings());
            self.push_fast_token(&token);
            return true;
        }
        let Some(token) = self.next_uncommon_token() else {
            return false;
        };
        if token.kind == TokenKind::Name {
            self.parsing_started = true;
            self.push_name(&token);
            return true;
        }
        let mut kind = token.kind as u16;
        if token.kind == TokenKind::Endmarker {
            kind = self.endmarker_kind();
        } else {
            self.parsing_started = true;
        }
        // INDENT, DEDENT and ENDMARKER have no text in the C tokenizer: no columns (-1).
        let (col_offset, end_col_offset) = match token.kind {
            TokenKind::Indent | TokenKind::Dedent | TokenKind::Endmarker => (-1, -1),
            _ => (token.col_offset as i32, token.end_col_offset as i32),
        };
        self.push_tok(&token, kind, col_offset, end_col_offset);
        true
    }

    /// Pushes the parser's token for the NAME `token`: a keyword or an identifier.
    #[inline(always)]
    fn push_name(&mut self, token: &Token) {
        let (col_offset, end_col_offset) = (token.col_offset as i32, token.end_col_offset as i32);
        self.push_tok(token, tk::NAME, col_offset, end_col_offset);
        self.classify_last_name(token.start as usize, token.end as usize);
    }

    /// Pushes the parser's token for the tokenizer's `token`, of kind `kind`.
    #[inline(always)]
    fn push_tok(&mut self, token: &Token, kind: u16, col_offset: i32, end_col_offset: i32) {
        self.tokens.push(Tok {
            kind,
            raw_kind: token.kind,
            first_class: kind_class(kind),
            start: token.start,
            end: token.end,
            lineno: token.lineno as i32,
            col_offset,
            end_lineno: token.end_lineno as i32,
            end_col_offset,
            // A token without text keeps the tokenizer's column here (see `Tok::word`).
            word: if col_offset == -1 {
                token.col_offset
            } else {
                0
            },
        });
    }

    /// A NAME is a keyword or an identifier, known once per spelling: sets the kind, FIRST
    /// class and word of the NAME token just pushed. (Done after the push, so that little of
    /// the token is still in registers while the spelling is looked up.)
    #[inline(always)]
    fn classify_last_name(&mut self, start: usize, end: usize) {
        let (word, WordClass { kind, first_class }) =
            self.names.classify_span(self.source, start, end);
        if let Some(t) = self.tokens.last_mut() {
            t.kind = kind;
            t.first_class = first_class;
            if kind == tk::NAME {
                t.word = word.0 + 1;
            }
        }
    }

    /// The next token that the tokenizer's fast paths leave (TYPE_IGNORE comments are noted
    /// and passed over); `None` with the error set on a tokenizer error.
    #[cold]
    #[inline(never)]
    fn next_uncommon_token(&mut self) -> Option<Token> {
        let next = self.tok.next_token_without_fast_paths();
        self.take_tokenizer_warnings();
        let mut token = match next {
            Ok(t) => t,
            Err(err) => {
                self.tokenizer_failed(err);
                return None;
            }
        };
        while token.kind == TokenKind::TypeIgnore {
            let tag = self.tok.token_text(&token).to_string();
            self.type_ignores.push((token.lineno as i32, tag));
            let next = self.tok.next_token();
            self.take_tokenizer_warnings();
            token = match next {
                Ok(t) => t,
                Err(err) => {
                    self.tokenizer_failed(err);
                    return None;
                }
            };
        }
        Some(token)
    }

    /// The parser's kind for the tokenizer's ENDMARKER: single input gets an extra NEWLINE at
    /// its end.
    fn endmarker_kind(&mut self) -> u16 {
        if self.mode == Mode::Single && self.parsing_started {
            self.parsing_started = false;
            return tk::NEWLINE;
        }
        self.parsing_started = true;
        tk::ENDMARKER
    }

    /// `_Pypegen_tokenizer_error`: an end of input inside brackets becomes "'(' was never
    /// closed"; other tokenizer errors pass through.
    fn tokenizer_failed(&mut self, err: SyntaxError) -> bool {
        self.error_indicator = true;
        self.tokenizer_error = true;
        if self.error.is_some() {
            return false;
        }
        if self.tok.done() == Done::Eof && !self.tok.paren_stack().is_empty() {
            self.raise_unclosed_parentheses_error();
            return false;
        }
        match self.tok.done() {
            Done::Dedent => self.raise_dedent_error(&err),
            Done::LineCont | Done::TabSpace | Done::TooDeep => {
                self.raise_tokenizer_error_at_line(&err)
            }
            _ => self.error = Some(ParseError::Syntax(err)),
        }
        false
    }

    /// The errors `_Pypegen_tokenizer_error` raises at a known location: on the tokenizer's
    /// line, with the line the parser's errors show (for `exec` input, reread from the file),
    /// at column 0, or for E_LINECONT at the cursor's offset into the tokenizer's buffer. After
    /// a backslash continuation the buffer starts a line or more before the error's line: the
    /// line shown is still the error's own, and the offset lands past its end (clamped there).
    fn raise_tokenizer_error_at_line(&mut self, err: &SyntaxError) {
        let col_offset = match self.tok.done() {
            Done::LineCont => self.tok.cur_from_buf().saturating_sub(1),
            _ => 0,
        };
        let lineno = self.tok.lineno() as i32;
        self.raise_error_known_location::<()>(
            err.error_type,
            lineno,
            i32::try_from(col_offset).unwrap_or(i32::MAX),
            lineno,
            -1,
            err.msg.clone(),
        );
    }

    /// E_DEDENT is raised by the parser (`RAISE_INDENTATION_ERROR` at the error token, which
    /// has no columns): at the tokenizer's position, the end of the offending line.
    fn raise_dedent_error(&mut self, err: &SyntaxError) {
        let lineno = err.lineno.unwrap_or(self.tok.lineno() as i32);
        let line_len = usize::try_from(lineno - 1)
            .ok()
            .and_then(|i| self.source.split_inclusive('\n').nth(i))
            .map_or(0, |line| line.trim_end_matches('\n').len() + 1);
        let col = i32::try_from(line_len).unwrap_or(i32::MAX);
        self.error_indicator = false;
        self.raise_error_known_location_raw(
            pyc_tokenize::ErrorType::IndentationError,
            lineno,
            col,
            lineno,
            -1,
            err.msg.clone(),
        );
    }

    /// The token at `mark`, filling the buffer as needed.
    #[inline]
    fn peek(&mut self) -> Option<Tok> {
        self.token_at_mark().copied()
    }

    /// The token at the mark, which the parser has then read (`p->fill` past it): one test of
    /// the mark against the buffer where most tokens are already read ahead. None (with the
    /// error set) on a tokenizer error.
    #[inline(always)]
    fn token_at_mark(&mut self) -> Option<&Tok> {
        // The mark never passes `fill`: a token in the buffer is either read (before `fill`)
        // or read ahead, and reading it is `fill_token`'s `fill += 1` up to it.
        if self.mark < self.tokens.len() {
            self.fill = self.fill.max(self.mark + 1);
            return self.tokens.get(self.mark);
        }
        self.read_token_at_mark()
    }

    /// [`Parser::token_at_mark`] at the end of the buffer: the token is read now.
    #[cold]
    #[inline(never)]
    fn read_token_at_mark(&mut self) -> Option<&Tok> {
        if self.mark == self.fill && !self.fill_token() {
            self.error_indicator = true;
            return None;
        }
        self.tokens.get(self.mark)
    }

    pub(crate) fn token_text(&self, tok: &Tok) -> &'src str {
        let end = (tok.end as usize).min(self.source.len());
        let start = (tok.start as usize).min(end);
        self.source.get(start..end).unwrap_or("")
    }

    // ----- the helpers the generated rules call -----

    /// Rule entry (`p->level++` with the MAXSTACK check, then the error check). True when the
    /// rule must fail at once; then the level is already restored.
    #[inline]
    pub(crate) fn enter_rule(&mut self) -> bool {
        if self.level >= MAXSTACK && (self.replaying == 0 || self.level >= REPLAY_MAXSTACK) {
            self.stack_overflow();
        }
        self.level += 1;
        if self.error_indicator {
            self.level -= 1;
            return true;
        }
        false
    }

    /// `p->error_indicator`, tested after each step of a rule; rarely true, so the compiler
    /// moves its returns out of the rules' hot code.
    #[inline(always)]
    pub(crate) fn failed(&self) -> bool {
        if self.error_indicator {
            std::hint::cold_path();
            return true;
        }
        false
    }

    /// Whether the first pass may take its shortcuts, which parse what CPython parses without
    /// making every call it makes: the FIRST-set checks (`cannot_start`), the operator chains
    /// (`<rule>_chain`) and the first pass's own memos (`FIRST_PASS_MEMO` in the generator).
    /// Not in the error pass (its `invalid_` rules and memo order are CPython's), and only well
    /// below MAXSTACK: each shortcut skips at most a few dozen levels of descent, which there
    /// cannot overflow the parser stack (CPython's MemoryError) where CPython's would.
    #[inline]
    pub(crate) fn first_pass_shortcuts_allowed(&self) -> bool {
        self.level < self.shortcut_limit
    }

    /// [`Parser::enter_rule`] then [`Parser::cannot_start`] (the entry of a rule with a FIRST
    /// set): true when the rule must fail at once, the level then unchanged. Where the
    /// shortcuts are allowed one level down, MAXSTACK is far off: one comparison stands for
    /// the pass, the stack check and the margin, as this runs at every rule call.
    #[inline(always)]
    pub(crate) fn enter_rule_unless_next_in(&mut self, first: u128) -> bool {
        if self.level + 1 < self.shortcut_limit {
            if self.failed() || self.next_kind_bit() & first == 0 {
                return true;
            }
            self.level += 1;
            return false;
        }
        self.enter_rule_near_limits(first)
    }

    /// [`Parser::enter_rule_unless_next_in`] in the error pass or near MAXSTACK: each step.
    #[inline(never)]
    fn enter_rule_near_limits(&mut self, first: u128) -> bool {
        if self.enter_rule() {
            return true;
        }
        if self.cannot_start(first) {
            self.level -= 1;
            return true;
        }
        false
    }

    /// Whether, in the first pass, the group starting at token `from` holds none of `kinds` at
    /// its own bracket depth: the tokens up to where it ends (a closing bracket it did not open,
    /// or a NEWLINE, `;` or ENDMARKER outside brackets) are read, ahead of the parser as needed,
    /// and none of them outside inner brackets is one of `kinds`. Then an alternative that needs
    /// one of them there cannot match, and the generator skips it (`FIRST_PASS_NEEDS`). False
    /// when that cannot be told: in the error pass, over more than [`STATEMENT_SCAN_LIMIT`]
    /// tokens, where the tokenizer's fast paths stop (see [`Parser::read_ahead_token`]), or at
    /// and above [`STATEMENT_SCAN_MAX_LEVEL`], where a descent over the group might reach
    /// MAXSTACK (CPython's would then overflow where the skip does not).
    #[inline]
    pub(crate) fn group_lacks(&mut self, from: usize, kinds: u128) -> bool {
        if !self.statement_shortcuts_allowed() {
            return false;
        }
        self.group_kinds(from) & kinds == 0
    }

    /// The kinds (FIRST-set bits) of the tokens at the own depth of the group starting at
    /// token `from`; all bits when that cannot be told. The last answer is kept: a statement
    /// asks it for several alternatives.
    #[inline]
    fn group_kinds(&mut self, from: usize) -> u128 {
        if let Some((start, kinds)) = self.last_group {
            if start == from {
                return kinds;
            }
        }
        let kinds = self.scan_group_kinds(from);
        self.last_group = Some((from, kinds));
        kinds
    }

    /// [`Parser::group_kinds`], read: over at most [`STATEMENT_SCAN_LIMIT`] tokens, read ahead
    /// of the parser as needed. Without a branch on the token's kind (see [`SCAN_CLASS`]): the
    /// kinds come in no order a predictor could learn, and a jump table on them missed more
    /// than a quarter of the time.
    #[inline(never)]
    fn scan_group_kinds(&mut self, from: usize) -> u128 {
        let mut depth = 0i32;
        let mut kinds = 0;
        for i in from..from + STATEMENT_SCAN_LIMIT {
            if i == self.tokens.len() && !self.read_ahead_batch() {
                break;
            }
            let Some(t) = self.tokens.get(i) else {
                break;
            };
            let class = SCAN_CLASS[usize::from(t.first_class)];
            let at_own_depth = depth == 0;
            // A bracket closing the group, or the statement's end, ends the scan: one test
            // (which holds once a scan), not one on the depth and one on the kind.
            let ends = std::hint::select_unpredictable(at_own_depth, class, 0);
            if ends & (SCAN_CLOSE | SCAN_END) != 0 {
                return kinds;
            }
            depth += i32::from(class & SCAN_OPEN) - i32::from((class & SCAN_CLOSE) >> 1);
            // The token's FIRST-set bits, kept with it: a NAME spelling a soft keyword adds
            // that keyword's bit besides NAME's, which only tells more.
            let counts = at_own_depth & (class == 0);
            let bits = t.kind_bits();
            kinds |= std::hint::select_unpredictable(counts, bits, 0);
        }
        u128::MAX
    }

    /// [`Parser::group_lacks`] for the group inside the bracket that token `open` opens (false
    /// when it opens none).
    pub(crate) fn bracket_lacks(&mut self, open: usize, kinds: u128) -> bool {
        let opens = self
            .tokens
            .get(open)
            .is_some_and(|t| matches!(t.kind, tk::LPAR | tk::LSQB | tk::LBRACE));
        opens && self.group_lacks(open + 1, kinds)
    }

    /// The value a rule's twin left in the memo at the mark (the generator's `twin.rs`:
    /// `t_primary`'s, for `primary`'s grow to start from), taken, the mark moved past it; in
    /// the first pass, over at most [`STATEMENT_SCAN_LIMIT`] tokens and below
    /// [`STATEMENT_SCAN_MAX_LEVEL`], where CPython's descent over them again cannot reach
    /// MAXSTACK.
    #[inline]
    pub(crate) fn take_twin_value(&mut self, twin: u16) -> Option<pyc_ast::Expr> {
        // Most corners have no twin's entry: answered without a call.
        if !self.memo.may_have(twin, self.mark) {
            return None;
        }
        self.take_twin_value_found(twin)
    }

    /// `take_twin_value` where the twin may have an entry at the mark.
    fn take_twin_value_found(&mut self, twin: u16) -> Option<pyc_ast::Expr> {
        if !self.statement_shortcuts_allowed() {
            return None;
        }
        let (value, end, src) =
            self.memo
                .take_value_within(twin, self.mark, STATEMENT_SCAN_LIMIT)?;
        self.mark = end;
        self.src = src;
        Some(value)
    }

    /// Whether the shortcuts over a statement's tokens (`group_lacks`,
    /// `take_twin_value`) may be taken: first-pass shortcuts, and low enough that a descent over
    /// [`STATEMENT_SCAN_LIMIT`] tokens stays below MAXSTACK.
    fn statement_shortcuts_allowed(&self) -> bool {
        self.first_pass_shortcuts_allowed() && self.level <= STATEMENT_SCAN_MAX_LEVEL
    }

    /// Whether the next token cannot start a match of a rule whose FIRST set is `first`
    /// (generated from the grammar): then the rule fails without descending. Exact, because a
    /// failing rule has no other effect in the first pass (and see
    /// `first_pass_shortcuts_allowed`). Inlined into every rule's entry, as is
    /// `next_kind_bit`: a call would cost as much as the test.
    #[inline(always)]
    pub(crate) fn cannot_start(&mut self, first: u128) -> bool {
        if !self.first_pass_shortcuts_allowed() {
            return false;
        }
        self.next_kind_bit() & first == 0
    }

    /// The next token as FIRST-set bits (the generator's `kind_bit`: a token type, or 64 + a
    /// keyword's offset; a soft keyword's own bit besides NAME's); all bits when the token has
    /// no bit of its own or cannot be read (then whatever tests it goes on and sees the error).
    #[inline(always)]
    pub(crate) fn next_kind_bit(&mut self) -> u128 {
        self.token_at_mark().map_or(u128::MAX, Tok::kind_bits)
    }

    /// The kind of the token at the mark, which the caller has made sure is in the buffer
    /// (an operator chain's left corner).
    #[inline]
    pub(crate) fn kind_at_mark(&self) -> u16 {
        self.tokens.get(self.mark).map_or(0, |t| t.kind)
    }

    fn stack_overflow(&mut self) {
        self.error_indicator = true;
        self.error = Some(ParseError::Memory(
            "Parser stack overflowed - Python source too complex to parse".to_string(),
        ));
    }

    /// `_PyPegen_is_memoized` for a cloning rule: a copy of the memoized result at the mark.
    pub(crate) fn memo_lookup<T: Memoizable + Clone>(
        &mut self,
        rule: u16,
    ) -> Option<(Option<T>, usize)> {
        self.token_at_mark()?;
        self.memo.get_cloned(rule, self.mark)
    }

    /// `_PyPegen_is_memoized` for a lending rule: takes the memoized result at the mark. A
    /// value comes with this entry as its source.
    pub(crate) fn memo_take<T: Memoizable>(&mut self, rule: u16) -> MemoHit<T> {
        if self.token_at_mark().is_none() {
            return MemoHit::Miss;
        }
        let (hit, src) = self.memo.take(rule, self.mark);
        if let MemoHit::Found(Some(_), _) = hit {
            self.src = src;
        }
        hit
    }

    /// `_PyPegen_insert_memo` after a lending rule parsed at `pos`: the first time, the result
    /// is recorded as lent (or linked to the entry that owns it); parsed again while out
    /// (`lent`), see [`Memo::reparsed`]. A value goes to the caller with this entry as its
    /// source.
    #[inline(always)]
    pub(crate) fn memo_store<T: Memoizable + Clone>(
        &mut self,
        rule: u16,
        pos: usize,
        result: &Option<T>,
        lent: bool,
    ) {
        if self.error_indicator {
            return;
        }
        let src = if !lent {
            self.memo
                .record(rule, pos, result.is_some(), self.src, self.mark)
        } else if let Some(value) = result {
            self.memo.reparsed(rule, pos, value, self.mark)
        } else {
            Src::NONE
        };
        if result.is_some() {
            self.src = src;
        }
    }

    /// [`Parser::memo_store`] for the first pass's own memos (`FIRST_PASS_MEMO`, rules CPython
    /// does not memoize): an atom of one token that is no string is not kept, as making it
    /// again costs less than its entry and its lending (and CPython makes it again too).
    #[inline(always)]
    pub(crate) fn memo_store_first_pass<T: Memoizable + Clone>(
        &mut self,
        rule: u16,
        pos: usize,
        result: &Option<T>,
        lent: bool,
    ) {
        if !lent && result.as_ref().is_some_and(Memoizable::is_remade_cheaply) {
            self.src = Src::NONE;
            return;
        }
        self.memo_store(rule, pos, result, lent);
    }

    /// Gives a value the caller drops back to the memo entry that owns it, if any.
    #[inline]
    pub(crate) fn give_back<T: Memoizable>(&mut self, src: Src, value: T) {
        if src != Src::NONE {
            self.memo.give_back(src, value);
        }
    }

    /// `_PyPegen_expect_token`.
    #[inline(always)]
    pub(crate) fn expect_token(&mut self, kind: u16) -> Option<Tok> {
        // Compare in place: most calls fail, and a token is large to copy.
        let t = self.token_at_mark().filter(|t| t.kind == kind).copied()?;
        self.mark += 1;
        Some(t)
    }

    /// `_PyPegen_expect_forced_token`: a token that must be there (`&&'('`).
    pub(crate) fn expect_forced_token(&mut self, kind: u16, expected: &str) -> Option<Tok> {
        if self.error_indicator {
            return None;
        }
        let t = self.peek()?;
        if t.kind != kind {
            let msg = format!("expected '{expected}'");
            return self.raise_error_known_location_at(&t.loc(), msg);
        }
        self.mark += 1;
        Some(t)
    }

    /// `_PyPegen_expect_forced_result`: what the generator emits for `&&(group)`; the grammar
    /// uses `&&` only on tokens today.
    #[allow(dead_code)]
    pub(crate) fn expect_forced_result<T>(
        &mut self,
        result: Option<T>,
        expected: &str,
    ) -> Option<T> {
        if self.error_indicator {
            return None;
        }
        if result.is_none() {
            let msg = format!("expected ({expected})");
            return self.raise_error(pyc_tokenize::ErrorType::SyntaxError, false, msg);
        }
        result
    }

    /// Whether the token at the mark is a plain NAME (no soft keyword's spelling) and the token
    /// after it, already read ahead, cannot follow it in a match of the rule (`after_name`,
    /// FIRST-set bits the generator finds, see its `after_name.rs`). Then the rule fails at
    /// once where no match is the NAME alone; where one is, its parse comes down to the parse
    /// of the NAME by the rule the generator found, which it calls at once (its `lone_name.rs`).
    /// Either parse would have read that token: so it is read (the furthest token the first
    /// pass reached is where "invalid syntax" points). In the first pass, as
    /// [`Parser::cannot_start`], and exact for the same reason.
    #[inline(always)]
    pub(crate) fn name_not_followed_by(&mut self, after_name: u128) -> bool {
        let fails = self.lead_and_next().is_some_and(|(name, next)| {
            name.first_class == PLAIN_NAME_CLASS && next.kind_bits() & after_name == 0
        });
        if fails {
            self.fill = self.fill.max(self.mark + 2);
        }
        fails
    }

    /// The kind of the token at the mark when it is a literal's (NUMBER or STRING) and the
    /// token after it, already read ahead, cannot follow it in a match of the rule (FIRST-set
    /// bits the generator finds for each, see its `lone_name.rs`); else 0. Then the rule's
    /// parse comes down to the parse of the literal by the rule the generator found, which it
    /// calls at once. Unlike [`Parser::name_not_followed_by`], marks nothing read: that rule
    /// may raise at the literal (a number too large), before the parse it replaces reads the
    /// next token; [`Parser::mark_next_token_read`] does once it has matched. In the first
    /// pass, as [`Parser::cannot_start`], and exact for the same reason.
    #[inline(always)]
    pub(crate) fn lone_literal_not_followed_by(
        &self,
        after_number: u128,
        after_string: u128,
    ) -> u16 {
        // NUMBER and STRING are neighbours: one test tells neither (the common case).
        const _: () = assert!(tk::STRING == tk::NUMBER + 1);
        let Some((lead, next)) = self.lead_and_next() else {
            return 0;
        };
        if lead.kind.wrapping_sub(tk::NUMBER) > 1 {
            return 0;
        }
        let after = if lead.kind == tk::NUMBER {
            after_number
        } else {
            after_string
        };
        if next.kind_bits() & after == 0 {
            lead.kind
        } else {
            0
        }
    }

    /// What the lone-token checks look at: the token at the mark and the one after it, when
    /// the first pass's shortcuts are allowed and both are in the buffer (read by the parser or
    /// ahead of it: their kinds are final). Reads no token.
    #[inline(always)]
    fn lead_and_next(&self) -> Option<(&Tok, &Tok)> {
        if !self.first_pass_shortcuts_allowed() {
            return None;
        }
        match self.tokens.get(self.mark..self.mark + 2) {
            Some([lead, next]) => Some((lead, next)),
            _ => None,
        }
    }

    /// Marks the token at the mark read by the parser (`p->fill` past it), when it is in the
    /// buffer: a lone literal's shortcut, once its leaf has matched (see
    /// [`Parser::lone_literal_not_followed_by`]).
    #[inline(always)]
    pub(crate) fn mark_next_token_read(&mut self) {
        if self.mark < self.tokens.len() {
            self.fill = self.fill.max(self.mark + 1);
        }
    }

    /// The list a loop (`x*`, `x+`) collects into: for expressions and a block's lines, the
    /// spare one if there is one (see `spare_exprs`, `spare_stmts`), else a new empty one,
    /// which allocates only when pushed to. (The type tells at compile time which applies.)
    #[inline(always)]
    pub(crate) fn loop_vec<T: 'static>(&mut self) -> Vec<T> {
        let exprs: &mut dyn std::any::Any = &mut self.spare_exprs;
        if let Some(slot) = exprs.downcast_mut::<Option<Vec<T>>>() {
            return slot.take().unwrap_or_default();
        }
        let lines: &mut dyn std::any::Any = &mut self.spare_stmts;
        match lines.downcast_mut::<Vec<Vec<T>>>() {
            Some(stack) => stack.pop().unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// Pushes a loop's element `x` onto its list. The first one makes the list, to size: room
    /// for more only when the next token, if already read, could start another element (its
    /// kind is in `next_first`, the element's FIRST set) and, for a loop that `needs` kinds
    /// further on (the generator's `FIRST_PASS_NEEDS`, 0 for none), the rest of the group
    /// still has one. Most loops of one element (an assignment's target, a comparison's
    /// operator) then allocate their list once, exactly, where a list grown by a push
    /// allocates room for four through the slower path of growth. The parser reads no token
    /// here: the group's scan reads ahead of it as the loop's next check, at the same mark,
    /// would (and that check then finds the scan's answer kept).
    #[inline(always)]
    pub(crate) fn push_child<T>(&mut self, list: &mut Vec<T>, x: T, next_first: u128, needs: u128) {
        if list.capacity() == 0 {
            let more = self
                .tokens
                .get(self.mark)
                .is_none_or(|t| t.kind_bits() & next_first != 0)
                && (needs == 0 || !self.group_lacks(self.mark, needs));
            *list = first_element_list(x, more);
            return;
        }
        push_to_list(list, x);
    }

    /// Whether the two tokens at the mark are both read (the parser's or read ahead: their
    /// kinds are final) and are not `first` then `second`: then an alternative that starts with
    /// those two tokens fails at once, as matching them would, without making the first one's
    /// value (a name is a reference count up and down). Reads no token.
    #[inline]
    pub(crate) fn lacks_pair(&self, first: u16, second: u16) -> bool {
        match self.tokens.get(self.mark..self.mark + 2) {
            Some([a, b]) => a.kind != first || b.kind != second,
            _ => false,
        }
    }

    /// The list of a gather (`sep.elem+`) whose first element is `first` and whose separator
    /// is the token `sep`: with room for more when the next token is already read and is the
    /// separator (see [`first_element_list`]). Reads no token.
    #[inline]
    pub(crate) fn gather_list<T>(&self, first: T, sep: u16) -> Vec<T> {
        let more = self.tokens.get(self.mark).is_some_and(|t| t.kind == sep);
        first_element_list(first, more)
    }

    /// A lookahead of a rule whose alternatives are single tokens (`&t_lookahead`), in the
    /// first pass: whether the next token is one of them (`first`, the rule's FIRST set), as
    /// the rule's call would say, without the call. Elsewhere the caller makes the call.
    #[inline(always)]
    pub(crate) fn next_in(&mut self, first: u128) -> bool {
        let bit = self.next_kind_bit();
        // A token that cannot be read fails the rule's call (the error is set).
        !self.error_indicator && bit & first != 0
    }

    /// `_PyPegen_lookahead`: runs `f` and restores the mark.
    #[inline]
    pub(crate) fn lookahead(&mut self, f: impl FnOnce(&mut Self) -> bool) -> bool {
        let mark = self.mark;
        let found = f(self);
        self.mark = mark;
        found
    }

    /// [`Parser::lookahead`] where the first pass tests the next token's bits instead
    /// (`next_in`): only the error pass and levels near MAXSTACK run it, so it is kept out of
    /// line, away from the first pass's code.
    #[cold]
    #[inline(never)]
    pub(crate) fn lookahead_slow(&mut self, f: impl FnOnce(&mut Self) -> bool) -> bool {
        self.lookahead(f)
    }

    /// `_PyPegen_name_token`: a NAME (not a keyword) as a `Name` expression.
    pub(crate) fn name_token(&mut self) -> Option<pyc_ast::Expr> {
        let t = self.expect_token(tk::NAME)?;
        Some(self.name_from_token(&t))
    }

    /// `_PyPegen_name_from_token`.
    pub(crate) fn name_from_token(&mut self, t: &Tok) -> pyc_ast::Expr {
        let id = self.identifier_of(t);
        mk::Name(id, ExprContext::Load, t.loc())
    }

    /// The identifier a NAME token spells (`_PyPegen_new_identifier`), made once per spelling
    /// (by `fill_token`, for the NAME tokens it reads). The generator binds a NAME so when its
    /// action only takes the identifier of its `Name` node.
    #[inline]
    pub(crate) fn identifier_of(&mut self, t: &Tok) -> Identifier {
        match t.word {
            word if word != 0 && t.kind == tk::NAME => self.names.identifier(WordId(word - 1)),
            _ => self.identifier_of_unnoted(t),
        }
    }

    /// `identifier_of` for a token `fill_token` noted no identifier for (not a NAME).
    #[cold]
    #[inline(never)]
    fn identifier_of_unnoted(&mut self, t: &Tok) -> Identifier {
        let word = self.names.classify(self.token_text(t)).0;
        self.names.identifier(word)
    }

    /// `_PyPegen_string_token`.
    pub(crate) fn string_token(&mut self) -> Option<Tok> {
        self.expect_token(tk::STRING)
    }

    /// `_PyPegen_number_token`.
    pub(crate) fn number_token(&mut self) -> Option<pyc_ast::Expr> {
        let t = self.expect_token(tk::NUMBER)?;
        let text = self.token_text(&t);
        if self.feature_version < 6 && text.contains('_') {
            return self.raise_error(
                pyc_tokenize::ErrorType::SyntaxError,
                false,
                "Underscores in numeric literals are only supported in Python 3.6 and greater"
                    .to_string(),
            );
        }
        match crate::number::parse_number(text) {
            Ok(value) => Some(mk::Constant(value, None, t.loc())),
            // The digit-limit error names the line only: no columns, so no wall of carets.
            Err(msg) if msg.ends_with("Consider hexadecimal for huge integer literals to avoid decimal conversion limits.") => {
                self.raise_error_known_location(pyc_tokenize::ErrorType::SyntaxError, t.lineno, -1, t.end_lineno, -1, msg)
            }
            Err(msg) => self.raise_error(pyc_tokenize::ErrorType::SyntaxError, false, msg),
        }
    }

    /// `_PyPegen_expect_soft_keyword`: a NAME spelling the soft keyword `id` (its index in
    /// `SOFT_KEYWORDS`, `soft_kw::`), known by the token's class rather than its text. The
    /// next token's FIRST-set bits turn most calls down without a copy of the token.
    #[inline]
    pub(crate) fn expect_soft_keyword(&mut self, id: u8) -> Option<pyc_ast::Expr> {
        let own_bit = SOFT_KEYWORD_BITS
            .get(usize::from(id))
            .map_or(0, |&bit| 1u128 << bit);
        if self.next_kind_bit() & own_bit == 0 {
            return None;
        }
        let class = u16::from(SOFT_KEYWORD_CLASS) + u16::from(id);
        let t = self
            .tokens
            .get(self.mark)
            .filter(|t| u16::from(t.first_class) == class)
            .copied()?;
        self.mark += 1;
        Some(self.name_from_token(&t))
    }

    /// `_PyPegen_soft_keyword_token`: any soft keyword.
    pub(crate) fn soft_keyword_token(&mut self) -> Option<pyc_ast::Expr> {
        let t = self.peek()?;
        let soft_keywords = SOFT_KEYWORD_CLASS..SOFT_KEYWORD_CLASS + SOFT_KEYWORDS.len() as u8;
        if !soft_keywords.contains(&t.first_class) {
            return None;
        }
        self.mark += 1;
        Some(self.name_from_token(&t))
    }

    /// The start of an alternative's `EXTRA` (the token at the rule's mark).
    pub(crate) fn start_position(&mut self, mark: usize) -> Option<(i32, i32)> {
        self.token_at_mark()?;
        let t = self.tokens.get(mark)?;
        Some((t.lineno, t.col_offset))
    }

    /// `EXTRA`: from the rule's first token to the end of the last token that is not a
    /// NEWLINE, INDENT, DEDENT or ENDMARKER (`_PyPegen_get_last_nonnwhitespace_token`).
    #[inline(always)]
    pub(crate) fn extra(&self, start: (i32, i32)) -> Location {
        let mut last = None;
        for t in self.tokens[..self.mark].iter().rev() {
            last = Some(t);
            let skip = t.kind == tk::ENDMARKER || (tk::NEWLINE..=tk::DEDENT).contains(&t.kind);
            if !skip {
                break;
            }
        }
        match last {
            Some(t) => Location::new(start.0, start.1, t.end_lineno, t.end_col_offset),
            None => Location::new(start.0, start.1, start.0, start.1),
        }
    }

    /// The token just before the mark.
    pub(crate) fn last_token(&self) -> Option<Tok> {
        self.mark
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .copied()
    }

    // ----- _PyPegen_run_parser -----

    fn parse_start_rule(&mut self) -> Option<pyc_ast::Mod> {
        use crate::generated::parser as g;
        match self.mode {
            Mode::Exec => g::file_rule(self),
            Mode::Single => g::interactive_rule(self),
            Mode::Eval => g::eval_rule(self),
            Mode::FuncType => g::func_type_rule(self),
        }
    }

    /// `reset_parser_state_for_error_pass`.
    fn reset_for_error_pass(&mut self) {
        self.memo.clear();
        self.mark = 0;
        self.level = 0;
        self.reparsing = 0;
        self.replaying = 0;
        self.call_invalid_rules = true;
        self.error_pass = true;
        self.shortcut_limit = 0;
    }

    /// `_PyPegen_run_parser`: a fast pass without the `invalid_` rules; on failure a second pass
    /// with them, for the specific message, then the generic error.
    pub(crate) fn run(&mut self) -> Result<pyc_ast::Mod, ParseError> {
        let result = self.parse_start_rule();
        if let Some(tree) = result {
            if self.error.is_none() && !self.error_indicator {
                if self.mode == Mode::Single && self.bad_single_statement() {
                    let msg = "multiple statements found while compiling a single statement";
                    self.raise_error::<()>(
                        pyc_tokenize::ErrorType::SyntaxError,
                        false,
                        msg.to_string(),
                    );
                    return Err(self.error.take().unwrap_or_else(unreachable_error));
                }
                return Ok(tree);
            }
        }
        if self.flags.allow_incomplete_input && self.is_end_of_source() {
            return Err(self.incomplete_input_error());
        }
        if let Some(ParseError::Memory(_)) = &self.error {
            return Err(self.error.take().unwrap_or_else(unreachable_error));
        }
        let last_token = self.last_filled();
        // A SyntaxError raised in the first pass (a forced token, an unguarded invalid_ rule
        // such as invalid_kvpair, an action) stands: CPython's second pass then returns at once.
        if !self.tokenizer_error && !self.error_indicator {
            self.reset_for_error_pass();
            let _ = self.parse_start_rule();
        }
        self.set_syntax_error(last_token);
        Err(self.error.take().unwrap_or_else(unreachable_error))
    }
}

fn unreachable_error() -> ParseError {
    ParseError::Syntax(SyntaxError {
        error_type: pyc_tokenize::ErrorType::SyntaxError,
        msg: "invalid syntax".to_string(),
        filename: String::new(),
        lineno: None,
        offset: None,
        end_lineno: None,
        end_offset: None,
        text: None,
    })
}

impl Parser<'_> {
    /// `bad_single_statement`: after a `single` parse, anything but blanks and comments left
    /// where the tokenizer stopped.
    fn bad_single_statement(&self) -> bool {
        let cur = self.last_filled().map_or(0, |t| t.end as usize);
        let rest = self.source.get(cur..).unwrap_or("");
        let mut lines = rest.split('\n');
        lines.any(|line| {
            let line = line.trim_start_matches([' ', '\t', '\x0c']);
            !line.is_empty() && !line.starts_with('#')
        })
    }
}

/// The words (NAME spellings) of one parse, each classified once: a keyword's type, or an
/// identifier's (see `Parser::identifier_of`), made once and shared by every token that
/// spells it.
#[derive(Default)]
struct NameCache {
    words: Vec<Word>,
    /// The spellings longer than [`SPELLED_OUT`] bytes, one after another (a short spelling is
    /// its key): a word's own text, so that the cache outlives the source and the next parse
    /// on the thread takes over its buffers (see [`SpareBuffers`]).
    long_spellings: String,
    /// An open-addressing table of the spellings (linear probing, at most half full; its
    /// length a power of two).
    table: Vec<Slot>,
    /// The buffer the table moves to when it doubles, and the old table's afterwards: the
    /// two trade places, so that their room is kept with the cache (a table allocated anew,
    /// over a kilobyte, made the system allocator sort all its small free blocks, two or
    /// three times a parse).
    other_table: Vec<Slot>,
    /// 64 - log2 of the table's length: a hash shifted right by it is a slot.
    shift: u32,
}

/// A slot of `NameCache::table`: empty, or a word with its class (so that a short spelling,
/// which its key spells out, is classified without reading `words`) and its key
/// (`spelling_key`).
#[derive(Clone, Copy, Default)]
struct Slot {
    /// 0 for an empty slot, else 1 + an index in `words`.
    word: u32,
    class: WordClass,
    key: Key,
}

/// What a spelling is to the parser, found once per spelling.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
struct WordClass {
    /// `tk::NAME`, or the keyword's type.
    kind: u16,
    /// The token's `Tok::first_class`: the keyword's, a soft keyword's, or NAME's.
    first_class: u8,
}

impl WordClass {
    /// `_get_keyword_or_name_type` and the FIRST class of the spelling `text`.
    fn of(text: &str) -> WordClass {
        match keyword_type(text) {
            Some(kind) => WordClass {
                kind,
                first_class: kind_class(kind),
            },
            None => WordClass {
                kind: tk::NAME,
                first_class: name_class(text),
            },
        }
    }
}

/// The key of a spelling (`spelling_key`): for up to fifteen bytes (nearly every name) the bytes
/// themselves, zero-padded, with the length in the top byte of the second word, so that equal
/// keys are equal spellings; for longer ones a hash of the bytes and a second word of all ones
/// in its top byte, so that they never equal a short key.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Key(u64, u64);

/// The longest spelling a key spells out.
const SPELLED_OUT: usize = 15;

struct Word {
    /// Where a spelling longer than [`SPELLED_OUT`] bytes is in `NameCache::long_spellings`.
    long_spelling: std::ops::Range<u32>,
    /// The NFKC form of the spelling, so spellings that differ only before normalization have
    /// equal identifiers of their own.
    identifier: Identifier,
}

impl NameCache {
    /// A cache sized so that it rarely grows: one distinct word per 128 bytes (the benchmark
    /// corpus has one per 160 bytes, per module).
    #[cfg(test)]
    fn for_source(source_len: usize) -> NameCache {
        NameCache::for_source_reusing(NameCache::default(), source_len)
    }

    /// [`NameCache::for_source`] in the buffers of `spare`, an earlier parse's cache.
    fn for_source_reusing(spare: NameCache, source_len: usize) -> NameCache {
        let distinct_words = (source_len / 128).clamp(16, 1 << 16);
        let slots = (2 * distinct_words).next_power_of_two();
        let mut names = spare;
        names.clear();
        names.words.reserve(distinct_words);
        // The larger of the two buffers the table has been in holds it first.
        if names.other_table.capacity() > names.table.capacity() {
            std::mem::swap(&mut names.table, &mut names.other_table);
        }
        names.table.resize(slots, Slot::default());
        names.shift = shift_for(slots);
        names
    }

    /// Forgets every word, keeping the buffers.
    fn clear(&mut self) {
        self.words.clear();
        self.long_spellings.clear();
        self.table.clear();
    }

    /// The bytes the cache's buffers hold, used or not.
    fn capacity_bytes(&self) -> usize {
        self.words.capacity() * std::mem::size_of::<Word>()
            + self.long_spellings.capacity()
            + (self.table.capacity() + self.other_table.capacity()) * std::mem::size_of::<Slot>()
    }

    /// The word spelled `text` and its class (`_get_keyword_or_name_type`'s kind and the
    /// FIRST class), classified the first time.
    fn classify(&mut self, text: &str) -> (WordId, WordClass) {
        self.classify_keyed(text, spelling_key(text.as_bytes()))
    }

    /// `classify` for the spelling at `start..end` in `source` (a NAME token's: the tokenizer's
    /// positions are in the source). A short spelling that is known is classified from its key
    /// alone, read with one load.
    #[inline(always)]
    fn classify_span(&mut self, source: &str, start: usize, end: usize) -> (WordId, WordClass) {
        // A token ends after it starts; were it not so, `n` would be large and the text empty.
        let n = end.wrapping_sub(start);
        if n <= SPELLED_OUT {
            if let Some(key) = spelled_out_key_at(source.as_bytes(), start, n) {
                match self.find_spelled_out(key) {
                    Ok(found) => return found,
                    Err(empty_slot) => {
                        if let Some(text) = source.get(start..end) {
                            return self.add_word(text, key, empty_slot);
                        }
                    }
                }
            }
        }
        self.classify(source.get(start..end).unwrap_or_default())
    }

    /// The word whose key is `key`, the key of a spelling of at most `SPELLED_OUT` bytes
    /// (which the key spells out), if it is in the table; else the empty slot for it.
    #[inline(always)]
    fn find_spelled_out(&self, key: Key) -> Result<(WordId, WordClass), usize> {
        let mask = self.table.len() - 1;
        let mut i = self.slot_of(key);
        loop {
            let slot = self.table[i];
            if slot.word == 0 {
                return Err(i);
            }
            if slot.key == key {
                return Ok((WordId(slot.word - 1), slot.class));
            }
            i = (i + 1) & mask;
        }
    }

    /// `classify` given the spelling's key (`spelling_key(text)`).
    fn classify_keyed(&mut self, text: &str, key: Key) -> (WordId, WordClass) {
        let mask = self.table.len() - 1;
        let mut i = self.slot_of(key);
        loop {
            let slot = self.table[i];
            if slot.word == 0 {
                break;
            }
            // A short spelling is its key; a long one's key is a hash.
            if slot.key == key && (text.len() <= SPELLED_OUT || self.spells(slot.word - 1, text)) {
                return (WordId(slot.word - 1), slot.class);
            }
            i = (i + 1) & mask;
        }
        self.add_word(text, key, i)
    }

    /// Whether the word at `index` in `words` is spelled `text`.
    fn spells(&self, index: u32, text: &str) -> bool {
        let Some(word) = self.words.get(index as usize) else {
            return false;
        };
        let std::ops::Range { start, end } = word.long_spelling;
        self.long_spellings
            .as_bytes()
            .get(start as usize..end as usize)
            .is_some_and(|spelling| same_spelling(spelling, text.as_bytes()))
    }

    /// The first slot to probe for `key`: the top bits of a product with an odd constant,
    /// which every bit of the key reaches.
    #[inline]
    fn slot_of(&self, key: Key) -> usize {
        (key.mixed() >> (self.shift & 63)) as usize
    }

    /// Adds the word spelled `text`, found in no slot up to the empty slot `i`.
    #[cold]
    #[inline(never)]
    fn add_word(&mut self, text: &str, key: Key, i: usize) -> (WordId, WordClass) {
        let class = WordClass::of(text);
        let index = match u32::try_from(self.words.len()) {
            Ok(index) if index < u32::MAX - 1 => index,
            // Past u32::MAX distinct words, which no source the tokenizer accepts has.
            _ => return (WordId(u32::MAX - 1), class),
        };
        let identifier = new_identifier(text);
        let long_spelling = if text.len() > SPELLED_OUT {
            self.keep_long_spelling(text)
        } else {
            0..0
        };
        self.words.push(Word {
            long_spelling,
            identifier,
        });
        self.table[i] = Slot {
            word: index + 1,
            class,
            key,
        };
        if 2 * self.words.len() > self.table.len() {
            self.grow_table();
        }
        (WordId(index), class)
    }

    /// Keeps a copy of `text` in `long_spellings`: where it is. (A source is less than 4 GB, so
    /// its distinct spellings are too.)
    fn keep_long_spelling(&mut self, text: &str) -> std::ops::Range<u32> {
        let start = self.long_spellings.len();
        self.long_spellings.push_str(text);
        let end = self.long_spellings.len();
        u32::try_from(start).unwrap_or(u32::MAX)..u32::try_from(end).unwrap_or(u32::MAX)
    }

    /// Doubles the table, placing every spelling again by its stored hash.
    #[cold]
    fn grow_table(&mut self) {
        let mut doubled = std::mem::take(&mut self.other_table);
        doubled.clear();
        doubled.resize(2 * self.table.len(), Slot::default());
        self.shift = shift_for(doubled.len());
        let mut old = std::mem::replace(&mut self.table, doubled);
        let mask = self.table.len() - 1;
        for slot in old.drain(..).filter(|slot| slot.word != 0) {
            let mut i = self.slot_of(slot.key);
            while self.table[i].word != 0 {
                i = (i + 1) & mask;
            }
            self.table[i] = slot;
        }
        self.other_table = old;
    }

    #[inline]
    fn identifier(&self, word: WordId) -> Identifier {
        match self.words.get(word.0 as usize) {
            Some(word) => word.identifier.clone(),
            // Only past u32::MAX distinct words (see `classify`).
            None => Identifier::new(""),
        }
    }
}

/// An index in `NameCache::words`.
#[derive(Clone, Copy)]
struct WordId(u32);

/// Whether two spellings are the same, word by word: names are short, and a call to `memcmp`
/// costs more than comparing them.
#[inline]
fn same_spelling(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (a_chunks, b_chunks) = (a.chunks_exact(8), b.chunks_exact(8));
    let (a_tail, b_tail) = (a_chunks.remainder(), b_chunks.remainder());
    a_chunks.zip(b_chunks).all(|(x, y)| x == y) && packed_bytes(a_tail) == packed_bytes(b_tail)
}

/// `NameCache::shift` for a table of `len` slots, a power of two.
fn shift_for(len: usize) -> u32 {
    64 - len.trailing_zeros()
}

/// FxHash's multiplier (rustc's multiply-rotate hash).
const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The key of a spelling in `NameCache::table` (see `Key`); the long ones' hash is FxHash of
/// the bytes, eight at a time.
#[inline]
fn spelling_key(bytes: &[u8]) -> Key {
    let n = bytes.len();
    let length = (n as u64) << 56;
    if n < 8 {
        return Key(packed_bytes(bytes), length);
    }
    if n <= SPELLED_OUT {
        let (first, rest) = bytes.split_at(8);
        let mut word = [0u8; 8];
        word.copy_from_slice(first);
        return Key(u64::from_le_bytes(word), packed_bytes(rest) | length);
    }
    let mut hash = 0u64;
    let mut add = |word: u64| {
        hash = (hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        add(u64::from_le_bytes(word));
    }
    add(packed_bytes(chunks.remainder()) ^ length);
    Key(hash, 0xFF << 56)
}

/// `spelling_key` of the `n` bytes (at most `SPELLED_OUT`) at `start` in `source`, read with
/// one load and masked (two for eight bytes or more); `None` when the loads would pass the end
/// of the source.
#[inline(always)]
fn spelled_out_key_at(source: &[u8], start: usize, n: usize) -> Option<Key> {
    let word_at = |at: usize| -> Option<u64> {
        let chunk = source.get(at..at.checked_add(8)?)?;
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        Some(u64::from_le_bytes(word))
    };
    let length = (n as u64) << 56;
    if n < 8 {
        return Some(Key(word_at(start)? & low_bytes(n), length));
    }
    let second = word_at(start + 8)? & low_bytes(n - 8);
    Some(Key(word_at(start)?, second | length))
}

/// A mask of the low `n` bytes of a word, for `n` below eight.
#[inline(always)]
fn low_bytes(n: usize) -> u64 {
    (1u64 << (8 * (n & 7))) - 1
}

/// Up to seven bytes as a little-endian word, zero above them, in at most three loads
/// (overlapping ones, whose common bytes agree).
#[inline]
fn packed_bytes(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let byte_at = |i: usize| u64::from(bytes[i]) << (8 * i);
    let u32_at = |i: usize| -> u64 {
        let mut word = [0u8; 4];
        word.copy_from_slice(&bytes[i..i + 4]);
        u64::from(u32::from_le_bytes(word)) << (8 * i)
    };
    match n {
        0 => 0,
        1..=3 => byte_at(0) | byte_at(n / 2) | byte_at(n - 1),
        4..=7 => u32_at(0) | u32_at(n - 4),
        // Callers pass the tail of a chunked spelling, never eight bytes or more.
        _ => u64::MAX,
    }
}

impl Key {
    /// The key's bits mixed by a product with an odd constant, which every bit reaches: its
    /// top bits are a slot.
    #[inline]
    fn mixed(self) -> u64 {
        (self.0 ^ self.1.rotate_left(29)).wrapping_mul(FX_SEED)
    }
}

/// The buffers of a parse that the next parse on the same thread takes over: the token buffer,
/// the memo and the name cache, which a parse sizes by its source (about 20 bytes a byte of
/// source, most of it never touched). Allocated anew for every file, they were fresh pages to
/// fault in (10 passes over the corpus: 18,400 page faults, 3,700 since), and each large free or
/// allocation made glibc sweep every small block freed before it (`malloc_consolidate`).
#[derive(Default)]
struct SpareBuffers {
    tokens: Vec<Tok>,
    memo: Memo,
    names: NameCache,
}

/// The most a thread keeps of [`SpareBuffers`] between parses: those of a larger source are
/// freed, as before. Those of a 300 kB file of short statements (`if a: pass`, 20,000 times)
/// hold 20.0 MB; the largest of the corpus's, 4.1 MB.
const SPARE_BUFFERS_LIMIT: usize = 32 << 20;

/// The buffers an earlier parse on this thread left, if any (else empty ones).
fn take_spare_buffers() -> SpareBuffers {
    SPARE_BUFFERS
        .try_with(|spare| spare.take())
        .unwrap_or_default()
}

impl Drop for Parser<'_> {
    /// Leaves the token buffer, the memo and the name cache, emptied, to
    /// the thread's next parse.
    fn drop(&mut self) {
        let mut tokens = std::mem::take(&mut self.tokens);
        let mut memo = std::mem::take(&mut self.memo);
        let mut names = std::mem::take(&mut self.names);
        tokens.clear();
        memo.clear();
        names.clear();
        let bytes = tokens.capacity() * std::mem::size_of::<Tok>()
            + memo.capacity_bytes()
            + names.capacity_bytes();
        if bytes <= SPARE_BUFFERS_LIMIT {
            let spare = SpareBuffers {
                tokens,
                memo,
                names,
            };
            let _ = SPARE_BUFFERS.try_with(|slot| slot.set(spare));
        }
    }
}

thread_local! {
    /// What the last parse on this thread left for the next (see [`SpareBuffers`]).
    static SPARE_BUFFERS: std::cell::Cell<SpareBuffers> =
        std::cell::Cell::new(SpareBuffers::default());
}

/// `_PyPegen_new_identifier`: identifiers are NFKC-normalized (PEP 3131).
pub(crate) fn new_identifier(text: &str) -> Identifier {
    if text.is_ascii() {
        return Identifier::new(text);
    }
    Identifier::from(unicode_normalization::UnicodeNormalization::nfkc(text).collect::<String>())
}

#[cfg(test)]
mod scan_class {
    use super::{
        kind_class, name_class, PLAIN_NAME_CLASS, SCAN_CLASS, SCAN_CLOSE, SCAN_END, SCAN_OPEN,
    };
    use crate::generated::parser::tk;

    /// `SCAN_CLASS` is indexed by `first_class`, written as the kind: the two agree for the
    /// brackets and the ends of statements.
    #[test]
    fn brackets_and_ends_are_classed_by_their_kind() {
        let classed = [
            (tk::LPAR, SCAN_OPEN),
            (tk::LSQB, SCAN_OPEN),
            (tk::LBRACE, SCAN_OPEN),
            (tk::RPAR, SCAN_CLOSE),
            (tk::RSQB, SCAN_CLOSE),
            (tk::RBRACE, SCAN_CLOSE),
            (tk::NEWLINE, SCAN_END),
            (tk::SEMI, SCAN_END),
            (tk::ENDMARKER, SCAN_END),
        ];
        for (kind, class) in classed {
            assert_eq!(
                SCAN_CLASS[usize::from(kind_class(kind))],
                class,
                "kind {kind}"
            );
        }
        let others = (0..=u8::MAX)
            .filter(|&c| SCAN_CLASS[usize::from(c)] != 0)
            .count();
        assert_eq!(others, classed.len());
    }

    /// A NAME that spells no soft keyword, and no other token, has `PLAIN_NAME_CLASS`.
    #[test]
    fn only_plain_names_have_the_plain_name_class() {
        assert_eq!(name_class("spam"), PLAIN_NAME_CLASS);
        assert_ne!(name_class("match"), PLAIN_NAME_CLASS);
        let others = (0..1000u16).filter(|&kind| kind != tk::NAME);
        assert!(others
            .map(kind_class)
            .all(|class| class != PLAIN_NAME_CLASS));
    }
}

#[cfg(test)]
mod tok_size {
    use super::Parser;
    use crate::{Mode, ParseFlags};
    use pyc_tokenize::TokenKind;

    /// The parser keeps every token of the source: its size is the parse's memory per token
    /// (the tokenizer's token plus the parser's kind, FIRST class and word, positions once).
    #[test]
    fn a_token_takes_32_bytes() {
        assert_eq!(std::mem::size_of::<super::Tok>(), 32);
    }

    /// A parser that has read every token of `source`, each seen, with the depth of the
    /// tokenizer's bracket stack after each (`token->level`, which `Tok` does not keep), from
    /// a tokenizer of its own read one token at a time (the parser's reads ahead).
    fn read_all(source: &str) -> (Parser<'_>, Vec<u32>) {
        let mut p = Parser::new(source, "<test>", Mode::Exec, ParseFlags::default());
        while p.fill_token()
            && p.last_filled()
                .is_some_and(|t| t.kind != super::tk::ENDMARKER)
        {}
        let mut one_at_a_time = Parser::new(source, "<test>", Mode::Exec, ParseFlags::default());
        let tok = &mut one_at_a_time.tok;
        let mut levels = Vec::new();
        loop {
            let token = tok.next_token().expect("a valid source");
            if matches!(token.kind, TokenKind::Nl | TokenKind::Comment) {
                continue;
            }
            levels.push(tok.paren_stack().len() as u32);
            if token.kind == TokenKind::Endmarker {
                break;
            }
        }
        (p, levels)
    }

    #[test]
    fn a_token_s_level_is_the_tokenizer_s_bracket_depth_after_it() {
        let source = "f(a, [b, {c: d}])\nx = f'{a[1]!r:>{w}}' + t\"{(b)}\"\n";
        let (p, levels) = read_all(source);
        assert_eq!(levels.len(), p.tokens.len());
        for (i, &level) in levels.iter().enumerate() {
            assert_eq!(p.level_after(i), level, "token {i}: {:?}", p.tokens[i]);
        }
        assert!(levels.iter().any(|&l| l >= 3));
    }

    #[test]
    fn a_token_is_found_at_its_index_even_among_tokens_at_the_same_place() {
        // The DEDENTs at the end start where the ENDMARKER does; the empty TSTRING_MIDDLE
        // where the `}` after it does.
        let source = "if a:\n    if b:\n        c = f'{d!r}' t'{e:{f}}'\n";
        let (p, _) = read_all(source);
        for (i, t) in p.tokens.iter().enumerate() {
            let first = p
                .tokens
                .iter()
                .position(|x| x.start == t.start && x.raw_kind == t.raw_kind);
            // DEDENTs in a row are alike: the first of them is found.
            if first != Some(i) {
                assert_eq!(t.kind, super::tk::DEDENT);
            }
            assert_eq!(p.index_of_token(t.start, t.raw_kind), first, "{t:?}");
        }
    }
}

#[cfg(test)]
mod name_cache {
    use super::{same_spelling, NameCache, WordId, KIND_BITS};
    use crate::generated::parser::{kw, soft_kw, tk, SOFT_KEYWORDS};

    fn classify(names: &mut NameCache, text: &str) -> (u32, u16) {
        let (WordId(word), class) = names.classify(text);
        (word, class.kind)
    }

    /// The FIRST-set bits of a NAME spelled `text`.
    fn name_bits(text: &str) -> u128 {
        let mut names = NameCache::for_source(0);
        KIND_BITS[usize::from(names.classify(text).1.first_class)]
    }

    #[test]
    fn a_spelling_is_classified_once_and_shares_its_identifier() {
        let mut names = NameCache::for_source(0);
        let (first, kind) = classify(&mut names, "spam");
        assert_eq!(kind, tk::NAME);
        assert_eq!(classify(&mut names, "spam"), (first, tk::NAME));
        let (a, b) = (
            names.identifier(WordId(first)),
            names.identifier(WordId(first)),
        );
        assert_eq!((a.as_str(), b.as_str()), ("spam", "spam"));
        // A long spelling's identifier is shared, not copied.
        let long = "a_name_longer_than_fifteen_bytes";
        let (word, _) = classify(&mut names, long);
        let (a, b) = (
            names.identifier(WordId(word)),
            names.identifier(WordId(word)),
        );
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
    }

    #[test]
    fn every_spelling_gets_its_own_identifier() {
        let mut names = NameCache::for_source(0);
        // Whatever slot it lands on, and as the table grows.
        let spellings: Vec<String> = (0..5000).map(|i| format!("n{i}")).collect();
        for text in &spellings {
            let (word, _) = classify(&mut names, text);
            assert_eq!(names.identifier(WordId(word)).as_str(), text);
        }
        let long = "a_name_longer_than_fifteen_bytes";
        let (word, _) = classify(&mut names, long);
        assert_eq!(names.identifier(WordId(word)).as_str(), long);
    }

    #[test]
    fn a_cache_taken_over_by_the_next_parse_starts_empty() {
        let long = "a_name_longer_than_fifteen_bytes";
        let other = "another_name_longer_than_fifteen";
        let mut names = NameCache::for_source(0);
        classify(&mut names, "spam");
        classify(&mut names, long);
        let mut names = NameCache::for_source_reusing(names, 100);
        assert!(names.words.is_empty() && names.long_spellings.is_empty());
        // The long spellings are the new parse's own: its first word is word 0.
        let (word, _) = classify(&mut names, other);
        assert_eq!(word, 0);
        assert_eq!(classify(&mut names, long).0, 1);
        assert_eq!(classify(&mut names, other).0, 0);
        assert_eq!(names.identifier(WordId(1)).as_str(), long);
    }

    /// A table that doubles moves to the cache's other buffer and leaves its own there for
    /// the next doubling; the next parse starts in the larger one. So a thread's parses
    /// allocate a table only when one needs more room than any before it.
    #[test]
    fn a_growing_table_moves_between_two_kept_buffers() {
        let mut names = NameCache::for_source(0);
        let first = names.table.len();
        for i in 0..4 * first {
            classify(&mut names, &format!("name{i}"));
        }
        let grown = names.table.len();
        assert!(grown >= 8 * first, "{first} slots grew to {grown}");
        assert_eq!(names.other_table.capacity(), grown / 2);
        let names = NameCache::for_source_reusing(names, 0);
        assert_eq!(names.table.len(), first);
        assert_eq!(names.table.capacity(), grown);
        assert_eq!(names.other_table.capacity(), grown / 2);
        assert!(names.words.is_empty());
    }

    #[test]
    fn keywords_get_their_type_and_soft_keywords_stay_names() {
        let mut names = NameCache::for_source(0);
        assert_eq!(classify(&mut names, "if").1, kw::IF);
        assert_eq!(classify(&mut names, "if").1, kw::IF);
        assert_eq!(classify(&mut names, "None").1, kw::NONE);
        assert_eq!(classify(&mut names, "match").1, tk::NAME);
        assert_eq!(classify(&mut names, "iff").1, tk::NAME);
    }

    #[test]
    fn a_soft_keyword_answers_its_own_first_set_bit_besides_names() {
        let name = 1u128 << tk::NAME;
        assert_eq!(name_bits("matches"), name);
        assert_eq!(name_bits("Match"), name);
        assert_eq!(name_bits("__"), name);
        assert_eq!(name_bits("if"), 1u128 << (kw::IF - 500 + 64));
        let ids = [
            soft_kw::UNDERSCORE,
            soft_kw::CASE,
            soft_kw::MATCH,
            soft_kw::TYPE,
        ];
        for (id, text) in ids.into_iter().zip(["_", "case", "match", "type"]) {
            assert_eq!(SOFT_KEYWORDS[usize::from(id)], text);
            let bits = name_bits(text);
            assert_eq!(bits.count_ones(), 2, "{text}");
            assert_eq!(bits & name, name, "{text}");
            assert!(bits & !name >= 1 << (64 + 35), "{text}");
        }
        let own: u128 = ["_", "case", "match", "type"]
            .into_iter()
            .fold(0, |set, text| set | (name_bits(text) & !name));
        assert_eq!(own.count_ones(), 4);
    }

    #[test]
    fn thousands_of_names_grow_the_table_and_are_all_found_again() {
        let spellings: Vec<String> = (0..5000).map(|i| format!("name_{i}")).collect();
        let mut names = NameCache::for_source(0);
        let words: Vec<u32> = spellings
            .iter()
            .map(|s| classify(&mut names, s).0)
            .collect();
        for (spelling, &word) in spellings.iter().zip(&words) {
            assert_eq!(classify(&mut names, spelling), (word, tk::NAME));
            assert_eq!(names.identifier(WordId(word)).as_str(), spelling);
        }
        let distinct: std::collections::HashSet<u32> = words.into_iter().collect();
        assert_eq!(distinct.len(), 5000);
    }

    #[test]
    fn spellings_are_compared_byte_by_byte_at_every_length() {
        let text = "abcdefghijklmnopqrstuvwxyz";
        for len in 0..=text.len() {
            let a = &text.as_bytes()[..len];
            let copy = a.to_vec();
            assert!(same_spelling(a, &copy));
            for i in 0..len {
                let mut b = a.to_vec();
                b[i] = b'_';
                assert!(!same_spelling(a, &b), "{a:?} and {b:?}");
            }
            if len > 0 {
                assert!(!same_spelling(a, &a[..len - 1]));
            }
        }
    }

    /// A spelling found in place in the source (with one load where eight bytes remain) is the
    /// word `classify` gives for its text, for every length and every place in the source.
    #[test]
    fn a_spelling_in_the_source_is_the_word_of_its_text() {
        let source = "ab_cdefgh ijklmnop_qrstuv wxyz0123456789 AZ if";
        let mut names = NameCache::for_source(0);
        for start in 0..=source.len() {
            for end in start..=source.len() {
                let (WordId(word), class) = names.classify_span(source, start, end);
                let text = &source[start..end];
                assert_eq!(
                    (word, class.kind),
                    classify(&mut names, text),
                    "{text:?} at {start}"
                );
            }
        }
        assert_eq!(names.classify_span(source, 44, 46).1.kind, kw::IF);
    }

    /// `ast.dump(ast.parse("\ufb01x + fix\n"))` in the oracle: the ligature spelling and the plain
    /// one are one identifier after NFKC.
    #[test]
    fn spellings_equal_after_nfkc_give_equal_names() {
        let tree = crate::parse(
            "\u{fb01}x + fix\n",
            "<test>",
            crate::Mode::Exec,
            crate::ParseFlags::default(),
        );
        let dump = tree.map(|tree| {
            pyc_ast::dump(&tree, pyc_ast::dump::DumpOptions::default()).unwrap_or_default()
        });
        assert_eq!(
            dump.as_deref().ok(),
            Some(
                "Module(body=[Expr(value=BinOp(left=Name(id='fix', ctx=Load()), op=Add(), \
                 right=Name(id='fix', ctx=Load())))])"
            )
        );
    }
}

#[cfg(test)]
mod group_lacks {
    use super::Parser;
    use crate::generated::parser::tk;
    use crate::{Mode, ParseFlags};

    /// `group_lacks(from, [=])` once the parser has seen `seen` tokens of `source`.
    fn lacks_equal_from(source: &str, seen: usize, from: usize) -> bool {
        let mut p = Parser::new(source, "<test>", Mode::Exec, ParseFlags::default());
        while p.fill < seen && p.fill_token() {}
        p.level = 1;
        p.group_lacks(from, super::kind_bit(tk::EQUAL))
    }

    fn lacks_equal(source: &str) -> bool {
        lacks_equal_from(source, 1, 0)
    }

    #[test]
    fn a_statement_without_the_token_outside_brackets_lacks_it() {
        assert!(lacks_equal("f(x=1).y\n"));
        assert!(lacks_equal("x == 1\n"));
        assert!(lacks_equal("x; y = 1\n"));
    }

    #[test]
    fn a_statement_with_the_token_outside_brackets_does_not() {
        assert!(!lacks_equal("a.b = 1\n"));
        assert!(!lacks_equal("(a, b) = c\n"));
        assert!(!lacks_equal("f = lambda q=1: q\n"));
    }

    #[test]
    fn a_group_ends_at_the_bracket_that_closes_it() {
        // From `x` inside `f(`: the group is `x)`, and the `=` after it is not in it.
        assert!(lacks_equal_from("f(x) = 1\n", 2, 2));
        assert!(!lacks_equal_from("f(x=1)\n", 2, 2));
    }

    #[test]
    fn what_cannot_be_read_ahead_or_is_too_long_is_not_judged() {
        // An f-string is left to the parser (the tokenizer's fast paths stop there).
        assert!(!lacks_equal("print(f\"{x=}\")\n"));
        let long = format!("f({})\n", vec!["a"; 40].join(", "));
        assert!(!lacks_equal(&long));
    }

    #[test]
    fn tokens_read_ahead_are_not_the_parsers_until_it_reaches_them() {
        let mut p = Parser::new("x + y * z\n", "<test>", Mode::Exec, ParseFlags::default());
        assert!(p.fill_token());
        p.level = 1;
        assert!(p.group_lacks(0, super::kind_bit(tk::EQUAL)));
        assert_eq!((p.fill, p.tokens.len()), (1, 6));
        assert_eq!(p.last_filled().map(|t| t.kind), Some(tk::NAME));
        assert!(p.fill_token());
        assert_eq!(
            (p.fill, p.last_filled().map(|t| t.kind)),
            (2, Some(tk::PLUS))
        );
    }
}
