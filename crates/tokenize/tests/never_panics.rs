//! Arbitrary input never panics or hangs the tokenizer: every run ends with ENDMARKER or an error
//! within a bounded number of tokens, in both views, after decoding arbitrary bytes.

use proptest::prelude::*;
use pyc_tokenize::{decode_source, TokenKind, Tokenizer, TokenizerOptions};

/// Tokenizes to the end; fails if the tokenizer produces more tokens than the input can hold.
fn run_to_end(source: &str, options: TokenizerOptions) -> Result<(), TestCaseError> {
    let mut tokenizer = Tokenizer::new(source, options);
    // Every token but INDENT/DEDENT/ENDMARKER consumes input; dedents are bounded by indents.
    let limit = 4 * source.len() + 16;
    for _ in 0..limit {
        match tokenizer.next_token() {
            Ok(token) => {
                prop_assert!(token.start <= token.end && token.end as usize <= source.len());
                let _ = tokenizer.token_text(&token);
                let _ = tokenizer.char_columns(&token);
                if token.kind == TokenKind::Endmarker {
                    return Ok(());
                }
            }
            Err(_) => return Ok(()),
        }
    }
    Err(TestCaseError::fail(format!(
        "no ENDMARKER after {limit} tokens"
    )))
}

fn both_views(source: &str) -> Result<(), TestCaseError> {
    run_to_end(source, TokenizerOptions::default())?;
    run_to_end(
        source,
        TokenizerOptions {
            extra_tokens: true,
            type_comments: true,
        },
    )?;
    run_to_end(
        source,
        TokenizerOptions {
            extra_tokens: false,
            type_comments: true,
        },
    )
}

/// Python-flavoured text: the characters the lexer's branches care about, so that random
/// inputs reach deep states (f-strings in format specs, continuations, dedents).
fn pythonish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "f\"",
        "t'",
        "rb'",
        "\"\"\"",
        "'''",
        "{",
        "}",
        "{{",
        "}}",
        ":",
        "!r",
        "=",
        "(",
        ")",
        "[",
        "]",
        "\\",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "    ",
        " ",
        "#",
        "# type: ignore",
        "0x",
        "0o",
        "0b",
        "1_0",
        "1e",
        "j",
        ".",
        "...",
        "x",
        "if",
        "é",
        "€",
        "\u{200b}",
        "\u{c}",
        "\0",
        "\"",
        "'",
        "\\N{",
        "->",
        "**=",
        "<<=",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 3000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(source) = decode_source(&bytes) {
            both_views(&source)?;
        }
        if let Ok(source) = std::str::from_utf8(&bytes) {
            both_views(source)?;
        }
    }

    #[test]
    fn pythonish_text_never_panics(source in pythonish()) {
        both_views(&source)?;
    }
}

#[test]
fn deeply_nested_input_does_not_overflow_the_stack() {
    let source = format!("{}{}\n", "(".repeat(100_000), ")".repeat(100_000));
    let err = Tokenizer::new(&source, TokenizerOptions::default())
        .next_token()
        .map(|_| ());
    assert!(err.is_ok(), "the first token is a bracket");
    run_to_end(&source, TokenizerOptions::default()).expect("ends");
    let fstrings = "f'{".repeat(10_000);
    run_to_end(&fstrings, TokenizerOptions::default()).expect("ends");
}
