//! Fuzz target: arbitrary bytes through `decode_source` and both tokenizer views must end in
//! ENDMARKER or an error, without panicking, within a bounded number of tokens.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyc_tokenize::{decode_source, TokenKind, Tokenizer, TokenizerOptions};

fn run_to_end(source: &str, options: TokenizerOptions) {
    let mut tokenizer = Tokenizer::new(source, options);
    let limit = 4 * source.len() + 16;
    for _ in 0..limit {
        match tokenizer.next_token() {
            Ok(token) => {
                assert!(token.start <= token.end && token.end as usize <= source.len());
                let _ = tokenizer.token_text(&token);
                let _ = tokenizer.char_columns(&token);
                if token.kind == TokenKind::Endmarker {
                    return;
                }
            }
            Err(_) => return,
        }
    }
    panic!("no ENDMARKER after {limit} tokens");
}

fuzz_target!(|data: &[u8]| {
    let views = [
        TokenizerOptions::default(),
        TokenizerOptions {
            extra_tokens: true,
            type_comments: true,
        },
    ];
    if let Ok(source) = decode_source(data) {
        for options in views {
            run_to_end(&source, options);
        }
    }
    if let Ok(source) = std::str::from_utf8(data) {
        for options in views {
            run_to_end(source, options);
        }
    }
});
