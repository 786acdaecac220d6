//! Port of Python/suggestions.c: levenshtein_distance, _Py_CalculateSuggestions (what
//! `_suggestions._generate_suggestions` returns), and of Lib/difflib.py: SequenceMatcher's
//! ratios and get_close_matches. Together they pick the keywords that
//! `traceback._find_keyword_typos` tries ("Did you mean 'while'?").

use std::collections::HashMap;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The cost of turning byte `a` into byte `b`: free if equal, cheap for an ASCII case flip.
fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) && a.is_ascii_alphabetic() {
        return CASE_COST;
    }
    MOVE_COST
}

/// Levenshtein distance over UTF-8 bytes with CPython's costs; anything above `max_cost` is
/// reported as `max_cost + 1`.
fn levenshtein_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    // Keep the shorter string in `a`, so the row buffer is the short one.
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &a_byte) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, a_byte);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// `_suggestions._generate_suggestions(candidates, name)`: the closest candidate by edit
/// distance, if no more than about a third of the characters need changing.
pub fn generate_suggestion<'a>(candidates: &[&'a str], name: &str) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, best_distance)) = best {
            max_distance = max_distance.min(best_distance.saturating_sub(1));
        }
        let distance = levenshtein_distance(name.as_bytes(), item.as_bytes(), max_distance);
        if distance > max_distance {
            continue;
        }
        if best.is_none_or(|(_, best_distance)| distance < best_distance) {
            best = Some((item, distance));
        }
    }
    best.map(|(item, _)| item)
}

/// difflib.SequenceMatcher with `isjunk=None`, comparing `a` against a fixed `b`.
struct SequenceMatcher<'b> {
    b: &'b [char],
    /// Positions of each character of `b`; popular characters are dropped when `b` is long
    /// (difflib's autojunk heuristic).
    b2j: HashMap<char, Vec<usize>>,
    full_b_count: HashMap<char, usize>,
}

impl<'b> SequenceMatcher<'b> {
    fn new(b: &'b [char]) -> Self {
        let mut b2j: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, &c) in b.iter().enumerate() {
            b2j.entry(c).or_default().push(i);
        }
        let n = b.len();
        if n >= 200 {
            let threshold = n / 100 + 1;
            b2j.retain(|_, positions| positions.len() <= threshold);
        }
        let mut full_b_count = HashMap::new();
        for &c in b {
            *full_b_count.entry(c).or_insert(0) += 1;
        }
        SequenceMatcher {
            b,
            b2j,
            full_b_count,
        }
    }

    /// The longest matching block in a[alo..ahi] and b[blo..bhi], earliest in `a`, then in `b`.
    fn find_longest_match(
        &self,
        a: &[char],
        alo: usize,
        ahi: usize,
        blo: usize,
        bhi: usize,
    ) -> (usize, usize, usize) {
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
        let mut j2len: HashMap<usize, usize> = HashMap::new();
        for (i, c) in a.iter().enumerate().take(ahi).skip(alo) {
            let mut new_j2len = HashMap::new();
            for &j in self.b2j.get(c).map(Vec::as_slice).unwrap_or(&[]) {
                if j < blo {
                    continue;
                }
                if j >= bhi {
                    break;
                }
                let k = j
                    .checked_sub(1)
                    .and_then(|p| j2len.get(&p))
                    .copied()
                    .unwrap_or(0)
                    + 1;
                new_j2len.insert(j, k);
                if k > bestsize {
                    (besti, bestj, bestsize) = (i + 1 - k, j + 1 - k, k);
                }
            }
            j2len = new_j2len;
        }
        // With no junk, only the popular characters dropped by autojunk can extend a match.
        while besti > alo && bestj > blo && a[besti - 1] == self.b[bestj - 1] {
            (besti, bestj, bestsize) = (besti - 1, bestj - 1, bestsize + 1);
        }
        while besti + bestsize < ahi
            && bestj + bestsize < bhi
            && a[besti + bestsize] == self.b[bestj + bestsize]
        {
            bestsize += 1;
        }
        (besti, bestj, bestsize)
    }

    fn matching_characters(&self, a: &[char]) -> usize {
        let mut queue = vec![(0, a.len(), 0, self.b.len())];
        let mut total = 0;
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = self.find_longest_match(a, alo, ahi, blo, bhi);
            if k == 0 {
                continue;
            }
            total += k;
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
        total
    }

    fn ratio(&self, a: &[char]) -> f64 {
        calculate_ratio(self.matching_characters(a), a.len() + self.b.len())
    }

    fn quick_ratio(&self, a: &[char]) -> f64 {
        let mut available: HashMap<char, isize> = HashMap::new();
        let mut matches = 0;
        for c in a {
            let count = available
                .entry(*c)
                .or_insert_with(|| self.full_b_count.get(c).map_or(0, |&n| n as isize));
            if *count > 0 {
                matches += 1;
            }
            *count -= 1;
        }
        calculate_ratio(matches, a.len() + self.b.len())
    }

    fn real_quick_ratio(&self, a: &[char]) -> f64 {
        calculate_ratio(a.len().min(self.b.len()), a.len() + self.b.len())
    }
}

fn calculate_ratio(matches: usize, length: usize) -> f64 {
    if length == 0 {
        1.0
    } else {
        2.0 * matches as f64 / length as f64
    }
}

/// `difflib.get_close_matches(word, possibilities, n, cutoff)`: the best `n` possibilities
/// whose similarity ratio with `word` reaches `cutoff`, best first (ties: larger string first).
pub fn get_close_matches<'a>(
    word: &str,
    possibilities: &[&'a str],
    n: usize,
    cutoff: f64,
) -> Vec<&'a str> {
    let word: Vec<char> = word.chars().collect();
    let matcher = SequenceMatcher::new(&word);
    let mut scored: Vec<(f64, &str)> = Vec::new();
    for &possibility in possibilities {
        let a: Vec<char> = possibility.chars().collect();
        if matcher.real_quick_ratio(&a) >= cutoff
            && matcher.quick_ratio(&a) >= cutoff
            && matcher.ratio(&a) >= cutoff
        {
            scored.push((matcher.ratio(&a), possibility));
        }
    }
    // heapq.nlargest over (score, string) tuples.
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| y.1.cmp(x.1)));
    scored.into_iter().take(n).map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_flip_costs_less_than_a_move() {
        assert_eq!(levenshtein_distance(b"While", b"while", 10), CASE_COST);
        assert_eq!(levenshtein_distance(b"whille", b"while", 10), MOVE_COST);
    }
}
