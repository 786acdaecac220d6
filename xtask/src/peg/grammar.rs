//! Port of Tools/peg_generator/pegen/grammar.py and metagrammar.gram: the grammar model and a
//! reader for grammar files in pegen's notation (with Rust actions in place of C ones).

use std::fmt;

/// A whole grammar: `@name '''...'''` metas and the rules in file order.
#[derive(Debug)]
pub struct Grammar {
    pub metas: Vec<(String, String)>,
    pub rules: Vec<Rule>,
}

#[derive(Debug)]
pub struct Rule {
    pub name: String,
    /// The Rust type between brackets after the name, if any.
    pub ty: Option<String>,
    pub memo: bool,
    pub alts: Vec<Alt>,
}

#[derive(Debug, Clone)]
pub struct Alt {
    pub items: Vec<NamedItem>,
    pub action: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NamedItem {
    pub name: Option<String>,
    /// `a[T]=item`: the declared type of the binding.
    pub ty: Option<String>,
    pub item: Item,
}

#[derive(Debug, Clone)]
pub enum Item {
    /// A rule or token name (`expression`, `NAME`, `NEWLINE`).
    Name(String),
    /// A quoted literal including its quotes: `'if'` (keyword), `"match"` (soft keyword), `'('`.
    Str(String),
    Group(Vec<Alt>),
    Opt(Box<Item>),
    Repeat0(Box<Item>),
    Repeat1(Box<Item>),
    /// `sep.elem+`
    Gather(Box<Item>, Box<Item>),
    PositiveLookahead(Box<Item>),
    NegativeLookahead(Box<Item>),
    /// `&&item`: the item must match, or a SyntaxError is raised at once.
    Forced(Box<Item>),
    Cut,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Name(n) => write!(f, "{n}"),
            Item::Str(s) => write!(f, "{s}"),
            Item::Group(alts) => {
                write!(f, "(")?;
                write_alts(f, alts)?;
                write!(f, ")")
            }
            Item::Opt(i) => match &**i {
                Item::Group(alts) => {
                    write!(f, "[")?;
                    write_alts(f, alts)?;
                    write!(f, "]")
                }
                other => write!(f, "{other}?"),
            },
            Item::Repeat0(i) => write!(f, "{i}*"),
            Item::Repeat1(i) => write!(f, "{i}+"),
            Item::Gather(s, e) => write!(f, "{s}.{e}+"),
            Item::PositiveLookahead(i) => write!(f, "&{i}"),
            Item::NegativeLookahead(i) => write!(f, "!{i}"),
            Item::Forced(i) => write!(f, "&&{i}"),
            Item::Cut => write!(f, "~"),
        }
    }
}

fn write_alts(f: &mut fmt::Formatter<'_>, alts: &[Alt]) -> fmt::Result {
    for (i, alt) in alts.iter().enumerate() {
        if i > 0 {
            write!(f, " | ")?;
        }
        write!(f, "{alt}")?;
    }
    Ok(())
}

impl fmt::Display for Alt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                write!(f, " ")?;
            }
            if let Some(name) = &item.name {
                write!(f, "{name}=")?;
            }
            write!(f, "{}", item.item)?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Name(String),
    Str(String),
    /// `{ ... }` with the braces stripped.
    Action(String),
    Punct(&'static str),
    Meta(String, String),
}

struct Lexed {
    tok: Tok,
    line: usize,
    /// True when the token starts in column 0 (a new rule or meta).
    at_line_start: bool,
}

fn lex(src: &str) -> Result<Vec<Lexed>, String> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let mut line_start = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let at_line_start = i == line_start;
        match c {
            b'\n' => {
                i += 1;
                line += 1;
                line_start = i;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'@' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let name = src[start..i].to_string();
                while bytes[i] == b' ' {
                    i += 1;
                }
                if !src[i..].starts_with("'''") {
                    return Err(format!("line {line}: @{name} needs a '''...''' value"));
                }
                let body_start = i + 3;
                let Some(len) = src[body_start..].find("'''") else {
                    return Err(format!("line {line}: unterminated @{name}"));
                };
                let body = &src[body_start..body_start + len];
                line += body.matches('\n').count();
                i = body_start + len + 3;
                out.push(Lexed {
                    tok: Tok::Meta(name, body.to_string()),
                    line,
                    at_line_start,
                });
            }
            b'\'' | b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != c {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push(Lexed {
                    tok: Tok::Str(src[start..i].to_string()),
                    line,
                    at_line_start,
                });
            }
            b'{' => {
                let start = i + 1;
                let end = scan_balanced(bytes, i, b'{', b'}')
                    .ok_or_else(|| format!("line {line}: unbalanced action"))?;
                let body = &src[start..end];
                line += body.matches('\n').count();
                i = end + 1;
                out.push(Lexed {
                    tok: Tok::Action(body.trim().to_string()),
                    line,
                    at_line_start,
                });
            }
            _ if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                out.push(Lexed {
                    tok: Tok::Name(src[start..i].to_string()),
                    line,
                    at_line_start,
                });
            }
            _ => {
                let two = if i + 1 < bytes.len() {
                    &src[i..i + 2]
                } else {
                    ""
                };
                let punct: &'static str = if two == "&&" {
                    "&&"
                } else {
                    match c {
                        b':' => ":",
                        b'|' => "|",
                        b'[' => "[",
                        b']' => "]",
                        b'(' => "(",
                        b')' => ")",
                        b'*' => "*",
                        b'+' => "+",
                        b'?' => "?",
                        b'.' => ".",
                        b'~' => "~",
                        b'&' => "&",
                        b'!' => "!",
                        b'=' => "=",
                        _ => {
                            return Err(format!(
                                "line {line}: unexpected character {:?}",
                                c as char
                            ))
                        }
                    }
                };
                i += punct.len();
                out.push(Lexed {
                    tok: Tok::Punct(punct),
                    line,
                    at_line_start,
                });
            }
        }
    }
    Ok(out)
}

/// Index of the bracket closing the one at `open_at`, skipping Rust string and char literals.
fn scan_balanced(bytes: &[u8], open_at: usize, open: u8, close: u8) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open_at;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                if bytes[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
        } else if c == b'\''
            && i + 2 < bytes.len()
            && (bytes[i + 2] == b'\'' || bytes[i + 1] == b'\\')
        {
            // A char literal such as '{' or '\''; lifetimes never appear in actions.
            i += 1;
            while i < bytes.len() && bytes[i] != b'\'' {
                if bytes[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
        } else if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

struct Reader {
    toks: Vec<Lexed>,
    pos: usize,
}

impl Reader {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|l| &l.tok)
    }
    fn line(&self) -> usize {
        self.toks
            .get(self.pos)
            .or(self.toks.last())
            .map_or(0, |l| l.line)
    }
    fn is_punct(&self, p: &str) -> bool {
        matches!(self.peek(), Some(Tok::Punct(q)) if *q == p)
    }
    fn eat_punct(&mut self, p: &str) -> bool {
        if self.is_punct(p) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect_punct(&mut self, p: &str) -> Result<(), String> {
        if self.eat_punct(p) {
            Ok(())
        } else {
            Err(format!(
                "line {}: expected {p:?}, found {:?}",
                self.line(),
                self.peek()
            ))
        }
    }
    fn at_rule_start(&self) -> bool {
        self.toks.get(self.pos).is_some_and(|l| l.at_line_start)
    }
}

/// Reads a grammar file.
pub fn parse_grammar(src: &str) -> Result<Grammar, String> {
    let types = extract_bracket_types(src);
    let toks = lex(&types.stripped)?;
    let mut r = Reader { toks, pos: 0 };
    let mut type_iter = types.types.into_iter();
    let mut next_type = move || type_iter.next();
    let mut metas = Vec::new();
    let mut rules = Vec::new();
    while let Some(tok) = r.peek().cloned() {
        match tok {
            Tok::Meta(name, value) => {
                metas.push((name, value));
                r.pos += 1;
            }
            Tok::Name(name) => {
                r.pos += 1;
                let ty = if r.eat_punct("[") {
                    // The lexer replaced the type text by a placeholder `[]`.
                    r.expect_punct("]")?;
                    next_type()
                } else {
                    None
                };
                let mut memo = false;
                if r.eat_punct("(") {
                    match r.peek() {
                        Some(Tok::Name(m)) if m == "memo" => r.pos += 1,
                        other => {
                            return Err(format!("line {}: unknown rule flag {other:?}", r.line()))
                        }
                    }
                    r.expect_punct(")")?;
                    memo = true;
                }
                r.expect_punct(":")?;
                r.eat_punct("|");
                let alts = parse_alts(&mut r, &mut next_type, true)?;
                rules.push(Rule {
                    name,
                    ty,
                    memo,
                    alts,
                });
            }
            other => {
                return Err(format!(
                    "line {}: expected a rule, found {other:?}",
                    r.line()
                ))
            }
        }
    }
    Ok(Grammar { metas, rules })
}

/// Bracketed types (`[Vec<Expr>]` after a rule or item name) can contain any Rust type text,
/// which the token-level reader cannot tell from an optional group `[...]`. They are cut out
/// first: every `name[...]` followed by `:`, `=` or ` (memo)` becomes `name[]`.
struct BracketTypes {
    stripped: String,
    types: Vec<String>,
}

fn extract_bracket_types(src: &str) -> BracketTypes {
    let bytes = src.as_bytes();
    let mut stripped = String::with_capacity(src.len());
    let mut types = Vec::new();
    let mut i = 0;
    let mut last = 0;
    let mut in_comment = false;
    let mut in_meta = false;
    while i < bytes.len() {
        let c = bytes[i];
        if in_comment {
            if c == b'\n' {
                in_comment = false;
            }
            i += 1;
            continue;
        }
        if src[i..].starts_with("'''") {
            in_meta = !in_meta;
            i += 3;
            continue;
        }
        if in_meta {
            i += 1;
            continue;
        }
        match c {
            b'#' => in_comment = true,
            b'{' => {
                if let Some(end) = scan_balanced(bytes, i, b'{', b'}') {
                    i = end + 1;
                    continue;
                }
            }
            b'\'' | b'"' => {
                let q = c;
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'[' if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') => {
                if let Some(end) = scan_balanced(bytes, i, b'[', b']') {
                    let rest = src[end + 1..].trim_start_matches([' ', '\t']);
                    if rest.starts_with(':') || rest.starts_with('=') || rest.starts_with("(memo)")
                    {
                        stripped.push_str(&src[last..i]);
                        stripped.push_str("[]");
                        types.push(src[i + 1..end].trim().to_string());
                        i = end + 1;
                        last = i;
                        continue;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    stripped.push_str(&src[last..]);
    BracketTypes { stripped, types }
}

fn parse_alts(
    r: &mut Reader,
    next_type: &mut dyn FnMut() -> Option<String>,
    top: bool,
) -> Result<Vec<Alt>, String> {
    let mut alts = vec![parse_alt(r, next_type, top)?];
    while r.eat_punct("|") {
        alts.push(parse_alt(r, next_type, top)?);
    }
    Ok(alts)
}

fn parse_alt(
    r: &mut Reader,
    next_type: &mut dyn FnMut() -> Option<String>,
    top: bool,
) -> Result<Alt, String> {
    let mut items = Vec::new();
    loop {
        if top && r.at_rule_start() {
            break;
        }
        match r.peek() {
            None => break,
            Some(Tok::Punct("|")) | Some(Tok::Punct(")")) | Some(Tok::Punct("]")) => break,
            Some(Tok::Action(_)) => break,
            _ => items.push(parse_named_item(r, next_type)?),
        }
    }
    let action = match r.peek() {
        Some(Tok::Action(a)) if !(top && r.at_rule_start()) => {
            let a = a.clone();
            r.pos += 1;
            Some(a)
        }
        _ => None,
    };
    if items.is_empty() {
        return Err(format!("line {}: empty alternative", r.line()));
    }
    Ok(Alt { items, action })
}

fn parse_named_item(
    r: &mut Reader,
    next_type: &mut dyn FnMut() -> Option<String>,
) -> Result<NamedItem, String> {
    // name '=' item | name '[' ']' '=' item
    if let Some(Tok::Name(name)) = r.peek().cloned() {
        let save = r.pos;
        r.pos += 1;
        if r.is_punct("[")
            && matches!(r.toks.get(r.pos + 1).map(|l| &l.tok), Some(Tok::Punct("]")))
            && matches!(r.toks.get(r.pos + 2).map(|l| &l.tok), Some(Tok::Punct("=")))
        {
            r.pos += 3;
            let ty = next_type();
            let item = parse_item(r, next_type)?;
            return Ok(NamedItem {
                name: Some(name),
                ty,
                item,
            });
        }
        if r.eat_punct("=") {
            let item = parse_item(r, next_type)?;
            return Ok(NamedItem {
                name: Some(name),
                ty: None,
                item,
            });
        }
        r.pos = save;
    }
    let item = parse_item(r, next_type)?;
    Ok(NamedItem {
        name: None,
        ty: None,
        item,
    })
}

fn parse_item(
    r: &mut Reader,
    next_type: &mut dyn FnMut() -> Option<String>,
) -> Result<Item, String> {
    if r.eat_punct("&&") {
        return Ok(Item::Forced(Box::new(parse_atom(r, next_type)?)));
    }
    if r.eat_punct("&") {
        return Ok(Item::PositiveLookahead(Box::new(parse_atom(r, next_type)?)));
    }
    if r.eat_punct("!") {
        return Ok(Item::NegativeLookahead(Box::new(parse_atom(r, next_type)?)));
    }
    if r.eat_punct("~") {
        return Ok(Item::Cut);
    }
    if r.eat_punct("[") {
        let alts = parse_alts(r, next_type, false)?;
        r.expect_punct("]")?;
        return Ok(Item::Opt(Box::new(Item::Group(alts))));
    }
    let atom = parse_atom(r, next_type)?;
    if r.eat_punct("?") {
        return Ok(Item::Opt(Box::new(atom)));
    }
    if r.eat_punct("*") {
        return Ok(Item::Repeat0(Box::new(atom)));
    }
    if r.eat_punct("+") {
        return Ok(Item::Repeat1(Box::new(atom)));
    }
    if r.is_punct(".") && !matches!(r.toks.get(r.pos + 1).map(|l| &l.tok), Some(Tok::Punct(_))) {
        r.pos += 1;
        let elem = parse_atom(r, next_type)?;
        r.expect_punct("+")?;
        return Ok(Item::Gather(Box::new(atom), Box::new(elem)));
    }
    if r.is_punct(".") && matches!(r.toks.get(r.pos + 1).map(|l| &l.tok), Some(Tok::Punct("("))) {
        r.pos += 1;
        let elem = parse_atom(r, next_type)?;
        r.expect_punct("+")?;
        return Ok(Item::Gather(Box::new(atom), Box::new(elem)));
    }
    Ok(atom)
}

fn parse_atom(
    r: &mut Reader,
    next_type: &mut dyn FnMut() -> Option<String>,
) -> Result<Item, String> {
    match r.peek().cloned() {
        Some(Tok::Punct("(")) => {
            r.pos += 1;
            let alts = parse_alts(r, next_type, false)?;
            r.expect_punct(")")?;
            Ok(Item::Group(alts))
        }
        Some(Tok::Name(n)) => {
            r.pos += 1;
            Ok(Item::Name(n))
        }
        Some(Tok::Str(s)) => {
            r.pos += 1;
            Ok(Item::Str(s))
        }
        other => Err(format!(
            "line {}: expected an item, found {other:?}",
            r.line()
        )),
    }
}
