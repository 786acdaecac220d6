//! The conformance stages: what the oracle runs and what `pyc` runs for each (golden/README.md).

use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Tokenize,
    TokenizeE,
    Ast,
    AstA,
    AstO,
    Symtable,
    Unparse,
    Dis,
    Pyc,
    Errors,
}

const UNPARSE_CODE: &str =
    "import ast,sys; print(ast.unparse(ast.parse(open(sys.argv[1]).read())))";

impl Stage {
    pub const ALL: [Stage; 10] = [
        Stage::Tokenize,
        Stage::TokenizeE,
        Stage::Ast,
        Stage::AstA,
        Stage::AstO,
        Stage::Symtable,
        Stage::Unparse,
        Stage::Dis,
        Stage::Pyc,
        Stage::Errors,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Tokenize => "tokenize",
            Stage::TokenizeE => "tokenize-e",
            Stage::Ast => "ast",
            Stage::AstA => "ast-a",
            Stage::AstO => "ast-O",
            Stage::Symtable => "symtable",
            Stage::Unparse => "unparse",
            Stage::Dis => "dis",
            Stage::Pyc => "pyc",
            Stage::Errors => "errors",
        }
    }

    pub fn from_name(name: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.name() == name)
    }

    /// The oracle's arguments for `oracle/python` (`-m tool ... F`); `None` for the `pyc` stage,
    /// which calls `py_compile.compile` directly.
    pub fn oracle_argv(self, file: &str) -> Option<Vec<String>> {
        let args: &[&str] = match self {
            Stage::Tokenize => &["-m", "tokenize"],
            Stage::TokenizeE => &["-m", "tokenize", "-e"],
            Stage::Ast => &["-m", "ast"],
            Stage::AstA => &["-m", "ast", "-a"],
            Stage::AstO => &["-m", "ast", "-O", "2"],
            Stage::Symtable => &["-m", "symtable"],
            Stage::Unparse => &["-c", UNPARSE_CODE],
            Stage::Dis => &["-m", "dis"],
            Stage::Errors => &["-m", "py_compile"],
            Stage::Pyc => return None,
        };
        Some(
            args.iter()
                .map(|arg| arg.to_string())
                .chain([file.to_string()])
                .collect(),
        )
    }

    /// What the oracle does, as a stable text for cache keys.
    pub fn oracle_options(self) -> String {
        match self.oracle_argv("F") {
            Some(argv) => argv.join("\u{0}"),
            None => "py_compile.compile(F, cfile=OUT, UNCHECKED_HASH, doraise=True)".to_string(),
        }
    }

    /// The `pyc` arguments before the file.
    pub fn pyc_args(self, out_file: &Path) -> Vec<String> {
        let args: &[&str] = match self {
            Stage::Tokenize => &["tokenize"],
            Stage::TokenizeE => &["tokenize", "-e"],
            Stage::Ast => &["ast"],
            Stage::AstA => &["ast", "-a"],
            Stage::AstO => &["ast", "-O", "2"],
            Stage::Symtable => &["symtable"],
            Stage::Unparse => &["unparse"],
            Stage::Dis => &["dis"],
            Stage::Errors => &["compile"],
            Stage::Pyc => &["compile", "--invalidation-mode", "unchecked-hash", "-o"],
        };
        let mut args: Vec<String> = args.iter().map(|arg| arg.to_string()).collect();
        if self == Stage::Pyc {
            args.push(out_file.display().to_string());
        }
        args
    }

    /// The subcommand and the options `pyc <subcommand> --help` must mention for the stage to
    /// count as implemented.
    pub fn pyc_probe(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Stage::Tokenize => ("tokenize", &[]),
            Stage::TokenizeE => ("tokenize", &["-e"]),
            Stage::Ast => ("ast", &[]),
            Stage::AstA => ("ast", &["-a"]),
            Stage::AstO => ("ast", &["-O"]),
            Stage::Symtable => ("symtable", &[]),
            Stage::Unparse => ("unparse", &[]),
            Stage::Dis => ("dis", &[]),
            Stage::Errors => ("compile", &[]),
            Stage::Pyc => ("compile", &["--invalidation-mode", "-o"]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_names_round_trip() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_name(stage.name()), Some(stage));
        }
        assert_eq!(Stage::from_name("ast-dump"), None);
    }

    #[test]
    fn oracle_argv_ends_with_the_file() {
        assert_eq!(
            Stage::AstO.oracle_argv("golden/ast-O/x.py"),
            Some(vec![
                "-m".into(),
                "ast".into(),
                "-O".into(),
                "2".into(),
                "golden/ast-O/x.py".into()
            ])
        );
        assert_eq!(Stage::Pyc.oracle_argv("x.py"), None);
    }
}
