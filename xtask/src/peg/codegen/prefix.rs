//! Prefix runs: consecutive alternatives that start with the same items (`if_stmt`'s
//! `'if' a=named_expression ':' b=block`, then `c=elif_stmt` or `c=[else_block]`;
//! `param_with_default`'s `a=param c=default`, then `','` or `&')'`) parse them once in the
//! first pass, and each alternative tries only its remaining items from where they ended. The
//! error pass parses each alternative whole, as CPython does.
//!
//! Why the result is the same: the shared items are tokens and calls of rules that cannot match
//! empty, so the same items at the same mark give the same values and read the same tokens, and
//! the parse CPython makes again for the next alternative goes no deeper than the first one,
//! which did not fail (its memo hits only cut it short): no level it reaches is new. A failing
//! shared item fails every alternative of the run. The values the shared items bound stay out
//! of the memo while the alternatives run, as they would for each in turn, and go back to their
//! sources when all failed; the remaining items start where the shared ones ended, past every
//! position whose memo entry those values came from.

use super::super::grammar::{Alt, Item, NamedItem};
use super::{default_item, line, Generator};

/// The items an alternative shares with its neighbours in a prefix run, bound once before
/// them (see [`Generator::prefix_run_code`]).
pub(super) struct PrefixBound {
    /// How many items.
    pub(super) len: usize,
    /// Their values with a source (see `AltItems::lendable`).
    pub(super) lendable: Vec<(String, String)>,
    /// The source of the passed-through value, when the prefix holds it.
    pub(super) passthrough_src: Option<String>,
    /// The default value's variable, when the prefix holds it.
    pub(super) default_var: Option<String>,
}

impl Generator<'_> {
    /// A run of alternatives that start with the same `len` items ([`Self::shared_prefix_runs`]):
    /// in the first pass the items are parsed once and each alternative tries its remaining
    /// items from where they ended; the values they bound go back to their sources only when
    /// every alternative failed. PEG's ordered choice allows it: the same items at the same mark
    /// give the same values, tokens read and levels (the second parse CPython makes goes no
    /// deeper than the first, which did not fail), and one failing fails them all. The error
    /// pass, whose `invalid_` rules read the furthest token, parses each alternative whole.
    pub(super) fn prefix_run_code(
        &mut self,
        run: &[Alt],
        len: usize,
        unit: bool,
        indent: usize,
        sets_src: bool,
    ) -> Result<String, String> {
        let mut s = String::new();
        line(&mut s, indent, "if p.first_pass_shortcuts_allowed() {");
        self.label_counter += 1;
        let label = format!("'p{}", self.label_counter);
        line(&mut s, indent + 1, &format!("{label}: {{"));
        let prefix = self.items_code(&run[0], unit, &label, indent + 1, None, len)?;
        s.push_str(&prefix.code);
        line(&mut s, indent + 2, "let _pe = p.mark;");
        let bound = PrefixBound {
            len,
            lendable: prefix.lendable.clone(),
            passthrough_src: prefix.passthrough_src.clone(),
            default_var: prefix.default_var.clone(),
        };
        for alt in run {
            s.push_str(&self.alt_code_after(alt, unit, indent + 2, sets_src, Some(&bound))?);
        }
        for back in prefix.given_back.iter().rev() {
            line(&mut s, indent + 2, back);
        }
        line(&mut s, indent + 1, "}");
        line(&mut s, indent + 1, "p.mark = _mark;");
        line(&mut s, indent, "} else {");
        for alt in run {
            s.push_str(&self.alt_code(alt, unit, indent + 1, sets_src)?);
        }
        line(&mut s, indent, "}");
        Ok(s)
    }

    /// Runs `(start, end, len)` of two or more consecutive alternatives that start with the
    /// same `len` (at least 2) items, each a token, a forced token or a call of a rule that
    /// cannot match empty (not an `invalid_` one), with the same names and types; alternatives
    /// with a cut or an `invalid_` rule, and those `excluded`, stay out. (Alternatives that
    /// share a first rule call alone share it by `SharedFirst`.)
    pub(super) fn shared_prefix_runs(
        &self,
        alts: &[Alt],
        unit: bool,
        excluded: impl Fn(usize) -> bool,
    ) -> Vec<(usize, usize, usize)> {
        let eligible = |i: usize| {
            let alt = &alts[i];
            !self.error_pass_rule
                && !excluded(i)
                && alt
                    .items
                    .first()
                    .is_some_and(|it| self.prefix_item_key(it).is_some())
                && !alt.items.iter().any(|it| {
                    matches!(it.item, Item::Cut) || super::chain::mentions_invalid(&it.item)
                })
        };
        let mut runs = Vec::new();
        let mut i = 0;
        while i < alts.len() {
            let mut j = i + 1;
            let mut len = usize::MAX;
            if eligible(i) {
                while j < alts.len() && eligible(j) {
                    let common = self.common_prefix_len(&alts[i], &alts[j]).min(len);
                    if common < 2 {
                        break;
                    }
                    len = common;
                    j += 1;
                }
            }
            if j - i >= 2
                && prefix_binds_alike(&alts[i..j], len, unit, |a| self.passthrough_item(a, unit))
            {
                runs.push((i, j, len));
                i = j;
            } else {
                i += 1;
            }
        }
        runs
    }

    /// How many items two alternatives start with alike (see [`Self::prefix_item_key`]).
    fn common_prefix_len(&self, a: &Alt, b: &Alt) -> usize {
        a.items
            .iter()
            .zip(&b.items)
            .take_while(|(x, y)| {
                let key = self.prefix_item_key(x);
                key.is_some() && key == self.prefix_item_key(y)
            })
            .count()
    }

    /// An item a prefix run may share, as text with its name and type; `None` for the others.
    fn prefix_item_key(&self, it: &NamedItem) -> Option<String> {
        let shareable = match &it.item {
            Item::Name(n) if self.rules.contains_key(n.as_str()) => {
                !n.starts_with("invalid_") && !self.nullable.contains(n)
            }
            item => self.is_token_item(item),
        };
        shareable.then(|| format!("{} {:?} {:?}", it.item, it.name, it.ty))
    }

    /// A literal, a forced literal or a token name other than NAME (whose binding is deferred,
    /// see `alt_items_code`).
    fn is_token_item(&self, item: &Item) -> bool {
        match item {
            Item::Str(_) => true,
            Item::Forced(inner) => matches!(**inner, Item::Str(_)),
            Item::Name(n) => n != "NAME" && self.is_token_name(n),
            _ => false,
        }
    }
}

/// Whether the alternatives of a prefix run give the items of their shared prefix (the first
/// `len`) the same roles: the same default item and passed-through item among them, if any,
/// since the prefix is bound once for all.
fn prefix_binds_alike(
    run: &[Alt],
    len: usize,
    unit: bool,
    passthrough: impl Fn(&Alt) -> Option<usize>,
) -> bool {
    let roles = |alt: &Alt| {
        (
            default_item(alt, unit).filter(|&d| d < len),
            passthrough(alt).filter(|&d| d < len),
        )
    };
    run.iter().all(|alt| roles(alt) == roles(&run[0]))
}

#[cfg(test)]
mod tests {
    use super::super::super::grammar::parse_grammar;
    use super::super::generate;
    use super::super::test_support::{repo_file, tokens};
    use super::*;

    /// The prefix runs `(start, end, len)` of each named rule of `grammar`.
    fn runs_of(grammar: &str, rules: &[&str]) -> Vec<Vec<(usize, usize, usize)>> {
        let g = parse_grammar(grammar).expect("the grammar parses");
        let tokens = tokens();
        let gen = Generator::new(&g, &tokens).expect("the generator starts");
        rules
            .iter()
            .map(|name| gen.shared_prefix_runs(&gen.rules[name].alts, false, |_| false))
            .collect()
    }

    /// The body function the generator writes for `rule`.
    fn body_of(grammar: &str, rule: &str) -> String {
        let g = parse_grammar(grammar).expect("the grammar parses");
        let out = generate(&g, &tokens()).expect("the grammar generates");
        let head = format!("fn {rule}_body(");
        let start = out.find(&head).expect("the body is there");
        let end = start + out[start..].find("\n}\n").expect("the body ends") + 3;
        out[start..end].to_string()
    }

    #[test]
    fn python_grammar_shares_statement_heads_and_a_parameter_with_its_default() {
        let text = repo_file("crates/parser/python.gram");
        assert_eq!(
            runs_of(
                &text,
                &[
                    "if_stmt",
                    "elif_stmt",
                    "try_stmt",
                    "except_block",
                    "param_with_default"
                ]
            ),
            [
                vec![(1, 3, 4)],
                vec![(1, 3, 4)],
                vec![(1, 4, 3)],
                vec![(1, 3, 2)],
                vec![(0, 2, 2)],
            ]
        );
    }

    #[test]
    fn cuts_invalid_rules_lookaheads_and_names_are_not_shared() {
        let other = "\nb[Expr]: NAME\nc[Expr]: NAME\n";
        let cut = format!("a[Expr]: '(' x=b ~ ')' {{ x }} | '(' x=b ']' {{ x }}{other}");
        let invalid = format!(
            "a[Expr]: '(' x=b invalid_c {{ x }} | '(' x=b ']' {{ x }}\ninvalid_c: NAME{other}"
        );
        let lookahead = format!("a[Expr]: '(' &b x=b ')' {{ x }} | '(' &b x=b ']' {{ x }}{other}");
        let name = format!("a[Expr]: '(' x=NAME ')' {{ f(x) }} | '(' x=NAME ']' {{ f(x) }}{other}");
        for grammar in [cut, invalid, lookahead, name] {
            assert_eq!(runs_of(&grammar, &["a"]), [vec![]], "{grammar}");
        }
        let shared = format!(
            "a[Expr]: '(' x=b ')' {{ x }} | '(' x=b ']' {{ x }} | '(' c ')' {{ g() }}{other}"
        );
        assert_eq!(runs_of(&shared, &["a"]), [vec![(0, 2, 2)]]);
        // A rule call may come first, as in `param_with_default`.
        let rule_first = format!("a[Expr]: x=b '(' ')' {{ x }} | x=b '(' ']' {{ x }}{other}");
        assert_eq!(runs_of(&rule_first, &["a"]), [vec![(0, 2, 2)]]);
    }

    const FIRST_PASS_HEAD: &str = "    if p.first_pass_shortcuts_allowed() {\n";
    const FIRST_PASS: &str = r#"    if p.first_pass_shortcuts_allowed() {
        'p1: {
            if p.failed() {
                return None;
            }
            if (p.expect_token(kw::IF)).is_none() { break 'p1; }
            let Some(a) = (e_rule(p)) else { break 'p1; };
            let _s1 = p.src;
            if (p.expect_token(tk::COLON)).is_none() { p.give_back(_s1, a); break 'p1; }
            let Some(b) = (blk_rule(p)) else { p.give_back(_s1, a); break 'p1; };
            let _s3 = p.src;
            let _pe = p.mark;
            // 'if' a=e ':' b=blk c=s
            'a2: {
                if p.failed() {
                    return None;
                }
                let Some(c) = (s_rule(p)) else { break 'a2; };
                let _s4 = p.src;
                p.src = Src::NONE;
                return Some({ f(a, b, c) });
            }
            p.mark = _pe;
            // 'if' a=e ':' b=blk
            'a3: {
                if p.failed() {
                    return None;
                }
                p.src = Src::NONE;
                return Some({ g(a, b) });
            }
            p.mark = _pe;
            p.give_back(_s3, b);
            p.give_back(_s1, a);
        }
        p.mark = _mark;
    } else {
"#;

    #[test]
    fn a_prefix_run_binds_the_shared_items_once_and_gives_them_back_when_all_fail() {
        let grammar = "s[Stmt]: 'if' a=e ':' b=blk c=s { f(a, b, c) } | 'if' a=e ':' b=blk { g(a, b) }\ne[Expr]: NAME\nblk[Vec<Stmt>]: NEWLINE { vec![] }\n";
        let body = body_of(grammar, "s");
        let start = body.find(FIRST_PASS_HEAD).expect("a first-pass part");
        let else_line = "\n    } else {\n";
        let end = start + body[start..].find(else_line).expect("an error-pass part");
        let first_pass = &body[start..end + else_line.len()];
        assert_eq!(first_pass, FIRST_PASS);
        // The error pass parses each alternative whole.
        assert_eq!(body.matches("p.expect_token(kw::IF)").count(), 3);
    }
}
