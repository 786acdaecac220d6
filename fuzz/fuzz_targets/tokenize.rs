//! Fuzz target: arbitrary bytes through `decode_source` and both tokenizer views must end in
//! ENDMARKER or an error, without panicking, within a bounded number of tokens; and the fast
//! paths for common tokens must give exactly what the general path gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyc_tokenize::{decode_source, SyntaxError, Token, TokenKind, Tokenizer, TokenizerOptions};

fn run_to_end(mut tokenizer: Tokenizer<'_>, len: usize) -> (Vec<Token>, Option<SyntaxError>) {
    let limit = 4 * len + 16;
    let mut tokens = Vec::new();
    for _ in 0..limit {
        match tokenizer.next_token() {
            Ok(token) => {
                assert!(token.start <= token.end && token.end as usize <= len);
                let _ = tokenizer.token_text(&token);
                let _ = tokenizer.char_columns(&token);
                tokens.push(token);
                if token.kind == TokenKind::Endmarker {
                    return (tokens, None);
                }
            }
            Err(err) => return (tokens, Some(err)),
        }
    }
    panic!("no ENDMARKER after {limit} tokens");
}

fn check(source: &str) {
    let views = [
        TokenizerOptions::default(),
        TokenizerOptions {
            type_comments: true,
            ..TokenizerOptions::default()
        },
        TokenizerOptions {
            extra_tokens: true,
            type_comments: true,
        },
    ];
    for options in views {
        let fast = run_to_end(Tokenizer::new(source, options), source.len());
        let general = run_to_end(
            Tokenizer::new(source, options).without_fast_paths(),
            source.len(),
        );
        assert!(fast == general, "fast and general paths differ");
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = decode_source(data) {
        check(&source);
    }
    if let Ok(source) = std::str::from_utf8(data) {
        check(source);
    }
});
