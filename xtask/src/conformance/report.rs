//! The scoreboard: per corpus and stage `pass/total`, the first mismatches with short diffs, and
//! a last line `N passed, N failed`.

/// One line of the scoreboard.
pub struct Row {
    pub corpus: String,
    /// A stage name, or `pyc-canonical`.
    pub row: String,
    pub passed: u64,
    pub total: u64,
    pub implemented: bool,
    /// The first failures (by path), each with its label and a short diff.
    pub shown: Vec<Failure>,
    /// How many failures of each label (mismatch, crash, timeout, oracle crash).
    pub labels: Vec<(String, u64)>,
}

pub struct Failure {
    pub file: String,
    pub label: String,
    pub diff: String,
}

pub fn print_rows(rows: &[Row]) {
    let mut corpus = "";
    for row in rows {
        if row.corpus != corpus {
            corpus = &row.corpus;
            println!("\ncorpus {corpus}");
        }
        if !row.implemented {
            println!("  {:<14} not implemented (0/{})", row.row, row.total);
            continue;
        }
        let labels: Vec<String> = row
            .labels
            .iter()
            .map(|(label, n)| format!("{n} {label}"))
            .collect();
        let detail = if labels.is_empty() {
            String::new()
        } else {
            format!("  ({})", labels.join(", "))
        };
        println!("  {:<14} {}/{}{detail}", row.row, row.passed, row.total);
    }
    for row in rows.iter().filter(|row| !row.shown.is_empty()) {
        println!(
            "\n== {} {}: first {} failures",
            row.corpus,
            row.row,
            row.shown.len()
        );
        for failure in &row.shown {
            println!("-- {} [{}]", failure.file, failure.label);
            print!("{}", failure.diff);
        }
    }
}

/// The totals over every row (a row not implemented counts all its inputs as failed).
pub fn totals(rows: &[Row]) -> (u64, u64) {
    let passed: u64 = rows.iter().map(|row| row.passed).sum();
    let total: u64 = rows.iter().map(|row| row.total).sum();
    (passed, total - passed)
}
