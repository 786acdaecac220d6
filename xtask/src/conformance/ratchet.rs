//! `conformance/ratchet.toml`: the pass count per corpus and stage that a run must reach.
//! Counts only go up (`--update-ratchet`); a run below any of them fails.

use std::collections::BTreeMap;

pub const PATH: &str = "conformance/ratchet.toml";

const HEADER: &str = "\
# The pass counts `cargo xtask conformance` enforces: a run fails when a stage of a corpus passes
# fewer inputs than this. Raised by `cargo xtask conformance --update-ratchet`, never lowered.
# `pyc` counts byte-identical .pyc files, `pyc-canonical` those equal after unmarshalling.
";

/// corpus -> row (a stage, or `pyc-canonical`) -> pass count. Sorted, so the file is stable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ratchet {
    pub counts: BTreeMap<String, BTreeMap<String, u64>>,
}

/// One measured row: how many inputs of a corpus pass a stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    pub corpus: String,
    pub row: String,
    pub passed: u64,
}

impl Ratchet {
    /// Reads the subset of TOML the file uses: comments, `[corpus]` tables, `row = integer`.
    pub fn parse(text: &str) -> Result<Ratchet, String> {
        let mut ratchet = Ratchet::default();
        let mut table: Option<String> = None;
        for (number, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let at = || format!("{PATH}:{}", number + 1);
            if let Some(name) = line
                .strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
            {
                table = Some(name.trim().to_string());
                ratchet.counts.entry(name.trim().to_string()).or_default();
                continue;
            }
            let (key, value) = line
                .split_once('=')
                .ok_or_else(|| format!("{}: expected `row = count`", at()))?;
            let corpus = table
                .clone()
                .ok_or_else(|| format!("{}: a count outside a [corpus] table", at()))?;
            let count = value.trim().parse().map_err(|e| format!("{}: {e}", at()))?;
            ratchet
                .counts
                .entry(corpus)
                .or_default()
                .insert(key.trim().to_string(), count);
        }
        Ok(ratchet)
    }

    pub fn render(&self) -> String {
        let mut out = HEADER.to_string();
        for (corpus, rows) in &self.counts {
            out.push_str(&format!("\n[{corpus}]\n"));
            for (row, count) in rows {
                out.push_str(&format!("{row} = {count}\n"));
            }
        }
        out
    }

    pub fn required(&self, corpus: &str, row: &str) -> u64 {
        self.counts
            .get(corpus)
            .and_then(|rows| rows.get(row))
            .copied()
            .unwrap_or(0)
    }

    /// The rows that fell below their count, as messages.
    pub fn regressions(&self, measured: &[Measured]) -> Vec<String> {
        measured
            .iter()
            .filter(|m| m.passed < self.required(&m.corpus, &m.row))
            .map(|m| {
                format!(
                    "{} {}: {} passed, below the ratchet of {}",
                    m.corpus,
                    m.row,
                    m.passed,
                    self.required(&m.corpus, &m.row)
                )
            })
            .collect()
    }

    /// Raises every count that the measurement beats (never lowers one); true when any changed.
    /// Rows measured for the first time are recorded, even at 0, so the file lists every stage.
    pub fn raise(&mut self, measured: &[Measured]) -> bool {
        let mut changed = false;
        for m in measured {
            let rows = self.counts.entry(m.corpus.clone()).or_default();
            let count = rows.entry(m.row.clone()).or_insert_with(|| {
                changed = true;
                0
            });
            if m.passed > *count {
                *count = m.passed;
                changed = true;
            }
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(corpus: &str, row: &str, passed: u64) -> Measured {
        Measured {
            corpus: corpus.into(),
            row: row.into(),
            passed,
        }
    }

    const FILE: &str =
        "# comment\n[stdlib]\ntokenize = 500\ntokenize-e = 3 # trailing\n\n[mutants]\nast-O = 7\n";

    #[test]
    fn a_count_below_the_ratchet_fails() {
        let ratchet = Ratchet::parse(FILE).expect("valid");
        let regressions = ratchet.regressions(&[measured("stdlib", "tokenize", 499)]);
        assert_eq!(
            regressions,
            vec!["stdlib tokenize: 499 passed, below the ratchet of 500".to_string()]
        );
    }

    #[test]
    fn counts_at_or_above_the_ratchet_pass_and_unknown_rows_require_nothing() {
        let ratchet = Ratchet::parse(FILE).expect("valid");
        let run = [
            measured("stdlib", "tokenize", 500),
            measured("mutants", "ast-O", 9),
            measured("golden", "dis", 0),
            measured("stdlib", "symtable", 0),
        ];
        assert!(ratchet.regressions(&run).is_empty());
    }

    #[test]
    fn update_raises_but_never_lowers() {
        let mut ratchet = Ratchet::parse(FILE).expect("valid");
        assert!(ratchet.raise(&[
            measured("stdlib", "tokenize", 510),
            measured("mutants", "ast-O", 2)
        ]));
        assert_eq!(ratchet.required("stdlib", "tokenize"), 510);
        assert_eq!(ratchet.required("mutants", "ast-O"), 7);
        assert!(!ratchet.raise(&[measured("stdlib", "tokenize", 400)]));
    }

    #[test]
    fn the_file_round_trips() {
        let ratchet = Ratchet::parse(FILE).expect("valid");
        assert_eq!(Ratchet::parse(&ratchet.render()), Ok(ratchet));
    }

    #[test]
    fn malformed_lines_are_errors() {
        assert!(Ratchet::parse("tokenize = 1\n").is_err());
        assert!(Ratchet::parse("[stdlib]\ntokenize = many\n").is_err());
        assert!(Ratchet::parse("[stdlib]\ntokenize\n").is_err());
    }
}
