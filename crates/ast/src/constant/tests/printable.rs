//! The generated printable table against the oracle's data (golden/constants/printable.txt).

use super::super::is_printable;
use super::golden_path;

fn oracle_printable() -> Vec<bool> {
    let text = std::fs::read_to_string(golden_path("printable.txt")).expect("printable.txt");
    let mut printable = vec![false; 0x110000];
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (first, last) = line.split_once("..").expect("FIRST..LAST");
        let first = usize::from_str_radix(first, 16).expect("hex");
        let last = usize::from_str_radix(last, 16).expect("hex");
        printable[first..=last].iter_mut().for_each(|p| *p = true);
    }
    printable
}

#[test]
fn is_printable_agrees_with_the_oracle_on_every_code_point() {
    let oracle = oracle_printable();
    let mismatches: Vec<String> = (0..0x110000u32)
        .filter(|&cp| is_printable(cp) != oracle[cp as usize])
        .map(|cp| format!("U+{cp:04X}"))
        .collect();
    assert!(
        mismatches.is_empty(),
        "{} mismatches: {:?}",
        mismatches.len(),
        &mismatches[..mismatches.len().min(20)]
    );
}

#[test]
fn is_printable_knows_unicode_16_additions_and_separators() {
    // U+1C89 (CYRILLIC CAPITAL LETTER TJE) is new in Unicode 16.0; U+2028 is a line separator.
    assert!(is_printable(0x1C89));
    assert!(!is_printable(0x2028));
    assert!(!is_printable(0x200B));
    assert!(!is_printable(0x110000));
}
