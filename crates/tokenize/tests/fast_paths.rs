//! The fast paths for common tokens give exactly the tokens and errors of the general path (the
//! port of CPython's `tok_get_normal_mode`), on the golden inputs and, when present, the stdlib
//! corpus unzipped under `.cache/tok-corpus`.

use std::path::{Path, PathBuf};

use pyc_tokenize::{decode_source, SyntaxError, Token, TokenKind, Tokenizer, TokenizerOptions};

fn tokens(
    source: &str,
    options: TokenizerOptions,
    fast: bool,
) -> (Vec<Token>, Option<SyntaxError>) {
    let tokenizer = Tokenizer::new(source, options);
    let mut tokenizer = if fast {
        tokenizer
    } else {
        tokenizer.without_fast_paths()
    };
    let mut out = Vec::new();
    loop {
        match tokenizer.next_token() {
            Ok(token) => {
                out.push(token);
                if token.kind == TokenKind::Endmarker {
                    return (out, None);
                }
            }
            Err(err) => return (out, Some(err)),
        }
    }
}

fn collect_py_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_py_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

#[test]
fn fast_paths_match_the_general_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    collect_py_files(&root.join("golden/tokenize"), &mut files);
    collect_py_files(&root.join(".cache/tok-corpus"), &mut files);
    assert!(!files.is_empty());
    let views = [
        TokenizerOptions::default(),
        TokenizerOptions {
            type_comments: true,
            ..TokenizerOptions::default()
        },
    ];
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let Ok(source) = decode_source(&bytes) else {
            continue;
        };
        for options in views {
            let fast = tokens(&source, options, true);
            let general = tokens(&source, options, false);
            assert!(
                fast == general,
                "{}: fast and general paths differ ({options:?})",
                path.display()
            );
        }
    }
}
