//! `cargo xtask regen-parser`: the PEG parser generator (a port of Tools/peg_generator/pegen),
//! turning crates/parser/python.gram into crates/parser/src/generated/parser.rs.

mod codegen;
mod grammar;

use std::path::{Path, PathBuf};

const GRAMMAR: &str = "crates/parser/python.gram";
const TOKENS: &str = "crates/tokenize/Tokens";
const OUTPUT: &str = "crates/parser/src/generated/parser.rs";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The parser source for the grammar and token files under `root`.
pub fn generate_parser(root: &Path) -> Result<String, String> {
    let read = |rel: &str| {
        std::fs::read_to_string(root.join(rel)).map_err(|e| format!("cannot read {rel}: {e}"))
    };
    let grammar = grammar::parse_grammar(&read(GRAMMAR)?).map_err(|e| format!("{GRAMMAR}: {e}"))?;
    let tokens =
        codegen::TokenTable::parse(&read(TOKENS)?).map_err(|e| format!("{TOKENS}: {e}"))?;
    codegen::generate(&grammar, &tokens).map_err(|e| format!("{GRAMMAR}: {e}"))
}

/// `cargo xtask regen-parser [--check]`.
pub fn regen_parser(args: &[String]) -> Result<(), String> {
    let root = repo_root();
    let code = generate_parser(&root)?;
    let out = root.join(OUTPUT);
    if args.iter().any(|a| a == "--check") {
        let current = std::fs::read_to_string(&out).unwrap_or_default();
        return if current == code {
            Ok(())
        } else {
            Err(format!("{OUTPUT} is stale: run `cargo xtask regen-parser`"))
        };
    }
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&out, code).map_err(|e| format!("cannot write {OUTPUT}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_parser_matches_grammar() {
        let root = repo_root();
        let expected = generate_parser(&root).expect("the grammar generates");
        let current = std::fs::read_to_string(root.join(OUTPUT)).unwrap_or_default();
        assert!(
            current == expected,
            "{OUTPUT} is stale: run `cargo xtask regen-parser`"
        );
    }

    #[test]
    fn gather_and_lookahead_parse_like_pegen() {
        let g = grammar::parse_grammar(
            "start[Vec<Expr>]: a=','.NAME+ &';' !'if' b=[x] { a }\nx: 'pass'\n",
        )
        .expect("parses");
        assert_eq!(g.rules.len(), 2);
        assert_eq!(g.rules[0].ty.as_deref(), Some("Vec<Expr>"));
        assert_eq!(
            g.rules[0].alts[0].to_string(),
            "a=','.NAME+ &';' !'if' b=[x]"
        );
        assert_eq!(g.rules[0].alts[0].action.as_deref(), Some("a"));
    }
}
