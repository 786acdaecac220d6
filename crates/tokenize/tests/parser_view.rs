//! The parser's view (default options): the SyntaxErrors the C tokenizer raises, as `compile()`
//! reports them. Expected values come from the oracle (tests/data/make_parser_errors.py).

use pyc_tokenize::{Token, TokenKind, Tokenizer, TokenizerOptions};
use serde_json::Value;

fn tokenize_all(
    source: &str,
    options: TokenizerOptions,
) -> Result<Vec<Token>, pyc_tokenize::SyntaxError> {
    let mut tokenizer = Tokenizer::new(source, options);
    let mut tokens = Vec::new();
    loop {
        let token = tokenizer.next_token()?;
        tokens.push(token);
        if token.kind == TokenKind::Endmarker {
            return Ok(tokens);
        }
    }
}

fn opt_i32(v: &Value) -> Option<i32> {
    v.as_i64().map(|n| n as i32)
}

#[test]
fn tokenizer_errors_match_compile() {
    let data = include_str!("data/parser_errors.jsonl");
    let mut failures = Vec::new();
    for line in data.lines() {
        let case: Value = serde_json::from_str(line).expect("valid JSON line");
        let source = case["source"].as_str().expect("source");
        let err = match tokenize_all(source, TokenizerOptions::default()) {
            Ok(_) => {
                failures.push(format!("{source:?}: no error"));
                continue;
            }
            Err(err) => err,
        };
        let actual = (
            err.error_type.name(),
            err.msg.as_str(),
            err.lineno,
            err.offset,
            err.end_lineno,
            err.end_offset,
            err.text.as_deref(),
        );
        let expected = (
            case["type"].as_str().unwrap_or(""),
            case["msg"].as_str().unwrap_or(""),
            opt_i32(&case["lineno"]),
            opt_i32(&case["offset"]),
            opt_i32(&case["end_lineno"]),
            opt_i32(&case["end_offset"]),
            case["text"].as_str(),
        );
        if actual != expected {
            failures.push(format!(
                "{source:?}:\n  ours   {actual:?}\n  oracle {expected:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn kinds_and_texts(source: &str, options: TokenizerOptions) -> Vec<(TokenKind, String)> {
    let mut tokenizer = Tokenizer::new(source, options);
    let mut out = Vec::new();
    loop {
        let token = tokenizer.next_token().expect("tokenizes");
        out.push((token.kind, tokenizer.token_text(&token).to_string()));
        if token.kind == TokenKind::Endmarker {
            return out;
        }
    }
}

#[test]
fn parser_view_skips_comments_and_blank_lines() {
    let tokens = kinds_and_texts("# c\n\nx = 1  # c\n", TokenizerOptions::default());
    let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.0).collect();
    assert_eq!(
        kinds,
        [
            TokenKind::Name,
            TokenKind::Equal,
            TokenKind::Number,
            TokenKind::Newline,
            TokenKind::Endmarker
        ]
    );
}

#[test]
fn parser_view_newline_text_is_empty_and_columns_are_bytes() {
    let mut tokenizer = Tokenizer::new("é = 1\n", TokenizerOptions::default());
    let name = tokenizer.next_token().expect("name");
    assert_eq!((name.col_offset, name.end_col_offset), (0, 2));
    for _ in 0..2 {
        tokenizer.next_token().expect("op, number");
    }
    let newline = tokenizer.next_token().expect("newline");
    assert_eq!(newline.kind, TokenKind::Newline);
    assert_eq!(tokenizer.token_text(&newline), "");
    assert_eq!(
        (newline.lineno, newline.col_offset, newline.end_col_offset),
        (1, 6, 7)
    );
}

#[test]
fn keeps_returning_endmarker() {
    let mut tokenizer = Tokenizer::new("x\n", TokenizerOptions::default());
    let kinds: Vec<TokenKind> = (0..5)
        .map(|_| tokenizer.next_token().expect("token").kind)
        .collect();
    assert_eq!(
        kinds,
        [
            TokenKind::Name,
            TokenKind::Newline,
            TokenKind::Endmarker,
            TokenKind::Endmarker,
            TokenKind::Endmarker
        ]
    );
}

#[test]
fn type_comments_when_asked() {
    let options = TokenizerOptions {
        type_comments: true,
        ..TokenizerOptions::default()
    };
    let tokens = kinds_and_texts(
        "x = []  # type: List[int]\ny = 1  # type: ignore[x]\n",
        options,
    );
    assert!(
        tokens.contains(&(TokenKind::TypeComment, "List[int]".to_string())),
        "{tokens:?}"
    );
    assert!(
        tokens.contains(&(TokenKind::TypeIgnore, "[x]".to_string())),
        "{tokens:?}"
    );
}

#[test]
fn number_before_keyword_warns() {
    let mut tokenizer = Tokenizer::new("x = 1if y else 2\n", TokenizerOptions::default());
    while tokenizer.next_token().expect("token").kind != TokenKind::Endmarker {}
    let warnings = tokenizer.take_warnings();
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (warnings[0].message.as_str(), warnings[0].lineno),
        ("invalid decimal literal", 1)
    );
}

#[test]
fn open_brackets_are_exposed_at_end_of_input() {
    let mut tokenizer = Tokenizer::new("f(a,\n [b\n", TokenizerOptions::default());
    let err = loop {
        match tokenizer.next_token() {
            Ok(token) => assert_ne!(token.kind, TokenKind::Endmarker),
            Err(err) => break err,
        }
    };
    assert_eq!(err.msg, "unexpected EOF while parsing");
    assert_eq!(tokenizer.done(), pyc_tokenize::Done::Eof);
    assert_eq!(tokenizer.paren_stack(), &[(b'(', 1, 1), (b'[', 2, 1)]);
}

fn done_after_error(source: &str) -> pyc_tokenize::Done {
    let mut tokenizer = Tokenizer::new(source, TokenizerOptions::default());
    while tokenizer
        .next_token()
        .is_ok_and(|t| t.kind != TokenKind::Endmarker)
    {}
    tokenizer.done()
}

#[test]
fn strings_cut_off_by_the_end_of_input_are_incomplete() {
    use pyc_tokenize::Done;
    assert_eq!(done_after_error("x = '''abc\n"), Done::Eofs);
    assert_eq!(done_after_error("x = f'''{a}\n"), Done::Eofs);
    assert_eq!(done_after_error("x = 'abc\\\n"), Done::Eols);
    assert_eq!(done_after_error("x = 'abc\n"), Done::Error);
    assert_eq!(done_after_error("f(1,\n"), Done::Eof);
}
