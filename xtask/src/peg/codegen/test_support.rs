//! What the generator's tests share: the repository's files and its token table.

use super::TokenTable;

/// A file of the repository, by its path from the root.
pub(super) fn repo_file(path: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The token table (`crates/tokenize/Tokens`).
pub(super) fn tokens() -> TokenTable {
    TokenTable::parse(&repo_file("crates/tokenize/Tokens")).expect("the token table parses")
}

/// Runs `f` with a generator for the grammar `text` and the repository's token table.
pub(super) fn with_generator<R>(text: &str, f: impl FnOnce(&super::Generator<'_>) -> R) -> R {
    let grammar = super::super::grammar::parse_grammar(text).expect("the grammar parses");
    let tokens = tokens();
    let gen = super::Generator::new(&grammar, &tokens).expect("the generator starts");
    f(&gen)
}
