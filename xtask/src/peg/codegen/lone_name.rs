//! A lone name: where a rule's first-pass parse of a plain NAME followed by a token that cannot
//! follow it in the rule's matches ([`AfterName`]) comes down to one rule's parse of that NAME
//! (the *leaf*: `atom` under `expression`, `star_atom` under `star_targets`), the rule's entry
//! calls the leaf at once instead of descending to it through the rules in between (the check
//! is the after-NAME one's, `Parser::name_not_followed_by`).
//!
//! Assignment targets are the case this pays for: `x = ...` parses `x` through `star_targets`,
//! `star_target`, `target_with_star_atom` (whose two `t_primary` alternatives fail at the `=`)
//! and `star_atom`; and every operand that is a lone name goes from `expression` down the
//! operator chain to `atom`.
//!
//! Exact, in the first pass, as the generator works it out for each rule from the grammar
//! ([`Generator::lone_name_leaf`]), following the parse of `NAME t` with `t` outside the rule's
//! after-NAME set: an alternative that needs a token after the NAME fails at `t` (every token an
//! item there could consume or look at is in that set); one whose first item matches the NAME
//! alone and whose remaining items can all match nothing there (optional items and loops that
//! do not start with `t`, negative lookaheads) matches the NAME alone; the first alternative,
//! in order, that does so decides. It must pass its first item's value on unchanged (no action
//! of its own, or `{ a }`), down to the leaf's alternative that takes the NAME itself, whose
//! value the leaf's own parse makes. Left recursion grows nothing (its alternatives need a
//! token after the seed). Anything else the analysis cannot follow (a group or a loop where
//! the NAME is, a forced item, a cut, a rule that may raise) leaves the rule without the
//! shortcut.
//!
//! What the rules skipped would have done besides: levels (the shortcut is taken only where
//! the FIRST-set checks are, away from MAXSTACK, `Parser::first_pass_shortcuts_allowed`), memo
//! entries (a later request for one parses the name again, which has no other effect in the
//! first pass), and reading `t` (the furthest token the parse reached, where "invalid syntax"
//! points): the shortcut reads it too, and is made only where the parse it replaces reads `t`
//! (an item after the NAME is tried there).

use super::after_name::AfterName;
use super::*;

/// The name a group's alternatives stand under in [`Lone::Leaf`]: no rule's (a group whose
/// own alternative takes the NAME is its own leaf, which the shortcut cannot call).
const GROUP: &str = "";

/// What the first-pass parse of `NAME t` comes to in a rule or an alternative.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Lone {
    /// It fails.
    Fails,
    /// It is this rule's parse of the NAME.
    Leaf(String),
    /// The analysis cannot tell.
    Unknown,
}

/// A rule's or an alternative's outcome, and whether its parse reads `t`.
#[derive(Clone, Debug)]
struct Outcome {
    lone: Lone,
    reads_next: bool,
}

impl Outcome {
    const UNKNOWN: Outcome = Outcome {
        lone: Lone::Unknown,
        reads_next: false,
    };
}

/// What the items after the NAME do at `t`.
enum Rest {
    /// They all match nothing.
    Pass,
    /// One of them needs `t`, and fails.
    Fail,
    Unknown,
}

impl Generator<'_> {
    /// The leaf of `rule` for a lone plain NAME, and the tokens that may not follow the NAME
    /// for its shortcut (the rule's after-NAME set), when the parse of `rule` comes down to
    /// another rule's (see the module's documentation).
    pub(super) fn lone_name_leaf(&self, rule: &Rule) -> Option<(String, u128)> {
        let first = self.entry_first_set(rule)?;
        if first & self.name_bit() == 0 {
            return None;
        }
        let after = self.after_name.get(&rule.name)?;
        if !after.open || *after == AfterName::default() || after.bits == u128::MAX {
            return None;
        }
        let outcome = self.lone_rule(&rule.name, after.bits, &mut HashSet::new());
        match outcome.lone {
            Lone::Leaf(leaf) if leaf != rule.name && outcome.reads_next => Some((leaf, after.bits)),
            _ => None,
        }
    }

    /// [`Generator::lone_name_leaf`] for a group (`_tmp_N` in C, a closure here), such as an
    /// argument's `(starred_expression | (assignment_expression | expression !':=') !'=')`.
    pub(super) fn lone_name_group_leaf(&self, alts: &[Alt]) -> Option<(String, u128)> {
        let group = Item::Group(alts.to_vec());
        if self.item_first(&group, &self.first_sets) & self.name_bit() == 0 {
            return None;
        }
        let after = self.item_after_name(&group, &self.after_name);
        if !after.open || after == AfterName::default() || after.bits == u128::MAX {
            return None;
        }
        let mut visiting = HashSet::new();
        let outcome = self.lone_alt_list(GROUP, alts, false, after.bits, &mut visiting);
        match outcome.lone {
            Lone::Leaf(leaf) if leaf != GROUP && outcome.reads_next => Some((leaf, after.bits)),
            _ => None,
        }
    }

    fn lone_rule(&self, name: &str, bits: u128, visiting: &mut HashSet<String>) -> Outcome {
        let Some(rule) = self.rules.get(name) else {
            return Outcome::UNKNOWN;
        };
        if !visiting.insert(name.to_string()) {
            return Outcome::UNKNOWN;
        }
        let outcome = self.lone_alts(rule, bits, visiting);
        visiting.remove(name);
        outcome
    }

    fn lone_alts(&self, rule: &Rule, bits: u128, visiting: &mut HashSet<String>) -> Outcome {
        let left_recursive = self.left_recursive.contains(&rule.name);
        self.lone_alt_list(&rule.name, &rule.alts, left_recursive, bits, visiting)
    }

    /// The alternatives of rule `rule` (or of a group, [`GROUP`]) in order: the first that
    /// matches the NAME alone decides. In a left-recursive rule, those that start with the rule
    /// itself take the seed (the value of the first other alternative that matches) and need a
    /// token after it: they fail at `t`, and the rule's value is the seed.
    fn lone_alt_list(
        &self,
        rule: &str,
        alts: &[Alt],
        left_recursive: bool,
        bits: u128,
        visiting: &mut HashSet<String>,
    ) -> Outcome {
        let mut reads_next = false;
        for alt in alts {
            if chain::is_invalid_guard(alt) {
                continue;
            }
            let starts_with_itself = matches!(alt.items.first(), Some(it) if matches!(&it.item, Item::Name(n) if n == rule));
            if left_recursive && starts_with_itself {
                match self.rest_at_next(&alt.items[1..], bits) {
                    (Rest::Fail, _) => {
                        reads_next = true;
                        continue;
                    }
                    _ => return Outcome::UNKNOWN,
                }
            }
            let outcome = self.lone_alt(rule, alt, bits, visiting);
            reads_next |= outcome.reads_next;
            match outcome.lone {
                Lone::Fails => continue,
                lone => return Outcome { lone, reads_next },
            }
        }
        Outcome {
            lone: Lone::Fails,
            reads_next,
        }
    }

    fn lone_alt(
        &self,
        rule: &str,
        alt: &Alt,
        bits: u128,
        visiting: &mut HashSet<String>,
    ) -> Outcome {
        let fails = |reads_next| Outcome {
            lone: Lone::Fails,
            reads_next,
        };
        let name = self.name_bit();
        // Lookaheads at the NAME: one for tokens that do not include a plain NAME decides at
        // once (a positive one fails, a negative one passes).
        let mut at = 0;
        while let Some(it) = alt.items.get(at) {
            match &it.item {
                Item::PositiveLookahead(e) if self.starts_without_plain_name(e) => {
                    return fails(false);
                }
                Item::NegativeLookahead(e) if self.starts_without_plain_name(e) => at += 1,
                Item::Cut | Item::PositiveLookahead(_) | Item::NegativeLookahead(_) => {
                    return Outcome::UNKNOWN;
                }
                _ => break,
            }
        }
        let Some(first) = alt.items.get(at) else {
            return Outcome::UNKNOWN;
        };
        let rest = &alt.items[at + 1..];
        let (below, through) = match &first.item {
            Item::Name(n) if n == "NAME" => (
                Outcome {
                    lone: Lone::Leaf(rule.to_string()),
                    reads_next: false,
                },
                true,
            ),
            // A rule that may raise before it reads a token (an `invalid_` rule the first
            // pass calls, a forced item): not followed.
            Item::Name(_) if self.may_raise_before_consuming(&first.item) => {
                return Outcome::UNKNOWN;
            }
            Item::Name(n) if self.rules.contains_key(n.as_str()) => (
                self.lone_rule(n, bits, visiting),
                self.passes_through(alt, at),
            ),
            // A group's own alternative that takes the NAME is no rule to call: not followed.
            Item::Group(alts) => match self.lone_alt_list(GROUP, alts, false, bits, visiting) {
                Outcome {
                    lone: Lone::Leaf(leaf),
                    ..
                } if leaf == GROUP => return Outcome::UNKNOWN,
                below => (below, self.passes_through(alt, at)),
            },
            // Another token, a keyword or a soft keyword's spelling: not a plain NAME.
            Item::Name(_) | Item::Str(_)
                if self.item_first(&first.item, &self.first_sets) & name == 0 =>
            {
                return fails(false);
            }
            _ => return Outcome::UNKNOWN,
        };
        match below.lone {
            Lone::Fails => fails(below.reads_next),
            Lone::Unknown => Outcome::UNKNOWN,
            Lone::Leaf(leaf) => match self.rest_at_next(rest, bits) {
                (Rest::Fail, _) => fails(true),
                (Rest::Pass, read) if through => Outcome {
                    lone: Lone::Leaf(leaf),
                    reads_next: below.reads_next || read,
                },
                _ => Outcome::UNKNOWN,
            },
        }
    }

    /// Whether `item` cannot start with a plain NAME (so it fails, or as a negative
    /// lookahead passes, at one without reading further).
    fn starts_without_plain_name(&self, item: &Item) -> bool {
        !self.item_nullable(item)
            && self.item_first(item, &self.first_sets) & self.name_bit() == 0
            && !self.may_raise_before_consuming(item)
    }

    /// The items after the NAME, at `t` (outside `bits`): whether they all match nothing,
    /// or one fails; and whether they read `t`.
    fn rest_at_next(&self, rest: &[NamedItem], bits: u128) -> (Rest, bool) {
        let mut reads_next = false;
        for it in rest {
            let item = &it.item;
            let first = self.item_first(item, &self.first_sets);
            let outside = first & !bits == 0 && !self.may_raise_before_consuming(item);
            match item {
                Item::NegativeLookahead(e) | Item::Opt(e) | Item::Repeat0(e)
                    if outside && !self.item_nullable(e) =>
                {
                    reads_next = true;
                }
                Item::PositiveLookahead(e) if outside && !self.item_nullable(e) => {
                    return (Rest::Fail, true);
                }
                Item::Name(_)
                | Item::Str(_)
                | Item::Group(_)
                | Item::Repeat1(_)
                | Item::Gather(..)
                    if outside && !self.item_nullable(item) =>
                {
                    return (Rest::Fail, true);
                }
                _ => return (Rest::Unknown, reads_next),
            }
        }
        (Rest::Pass, reads_next)
    }

    /// Whether the alternative's value is that of its item `at` unchanged: no action of its
    /// own (and that item its only one with a value), or an action that returns its binding.
    fn passes_through(&self, alt: &Alt, at: usize) -> bool {
        match alt.action.as_deref().map(str::trim) {
            None => default_item(alt, false) == Some(at),
            Some(action) => {
                let binding = alt.items[at].name.as_deref();
                let body = action.trim_start_matches('{').trim_end_matches('}').trim();
                binding.is_some_and(|b| body == b)
            }
        }
    }

    /// Whether `item` may raise before it consumes a token (see `after_name`).
    fn may_raise_before_consuming(&self, item: &Item) -> bool {
        self.may_raise_at_start(item)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{repo_file, with_generator};
    use super::*;

    /// The leaf of each named rule of `grammar` for a lone NAME, if it has one.
    fn leaves(grammar: &str, rules: &[&str]) -> Vec<Option<String>> {
        with_generator(grammar, |gen| {
            rules
                .iter()
                .map(|name| gen.lone_name_leaf(gen.rules[name]).map(|(leaf, _)| leaf))
                .collect()
        })
    }

    fn leaf(name: &str) -> Option<String> {
        Some(name.to_string())
    }

    #[test]
    fn targets_come_down_to_star_atom_and_operands_to_atom() {
        let text = repo_file("crates/parser/python.gram");
        let found = leaves(
            &text,
            &[
                "star_targets",
                "target_with_star_atom",
                "del_target",
                "expression",
                "named_expression",
                "star_expressions",
                "primary",
                "atom",
                "assignment_expression",
                "t_primary",
                "kwarg_or_starred",
            ],
        );
        let expected = [
            leaf("star_atom"),
            leaf("star_atom"),
            leaf("del_t_atom"),
            leaf("atom"),
            leaf("atom"),
            leaf("atom"),
            leaf("atom"),
            // The leaf itself, and rules a lone name fails (they need a token after it).
            None,
            None,
            None,
            None,
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn an_alternative_that_makes_a_value_of_its_own_or_is_cut_stops_it() {
        // A lone name matched by an alternative with an action of its own: that value, not
        // the leaf's.
        let action = "a[Expr]: x=b !',' { wrap(x) }\nb[Expr]: NAME\n";
        // A cut after the name: a failure after it fails the rule, not just the alternative.
        let cut = "a[Expr]: x=b ~ ',' { x } | b\nb[Expr]: NAME\n";
        // An optional group that cannot start with the next token matches nothing.
        let group = "a[Expr]: x=b (',' | ';')? { x }\nb[Expr]: NAME\n";
        // The pass-through alternative comes after one that matches the name alone with a
        // value of its own.
        let order = "a[Expr]: x=b [','] { tuple(x) } | b\nb[Expr]: NAME\n";
        // The same, when the first one needs a token after the name: the leaf decides.
        let fine = "a[Expr]: x=b ',' { tuple(x) } | b\nb[Expr]: NAME\n";
        assert_eq!(leaves(action, &["a"]), [None]);
        assert_eq!(leaves(cut, &["a"]), [None]);
        assert_eq!(leaves(group, &["a"]), [leaf("b")]);
        assert_eq!(leaves(order, &["a"]), [None]);
        assert_eq!(leaves(fine, &["a"]), [leaf("b")]);
    }

    /// A call's argument, a group: a lone name in it is an `atom`'s (not when `=` follows:
    /// then it is a keyword's name, and the group fails).
    #[test]
    fn an_argument_s_group_comes_down_to_atom() {
        with_generator(&repo_file("crates/parser/python.gram"), |gen| {
            let args = &gen.rules["args"].alts[0].items[0].item;
            let Item::Gather(_, elem) = args else {
                panic!("args starts with a gather: {args}");
            };
            let Item::Group(alts) = &**elem else {
                panic!("an argument is a group: {elem}");
            };
            let (leaf, after) = gen.lone_name_group_leaf(alts).expect("a leaf");
            assert_eq!(leaf, "atom");
            let bit = |token: &str| gen.item_first(&Item::Str(token.to_string()), &gen.first_sets);
            for token in ["'='", "':='", "'.'", "'('", "'if'"] {
                assert_ne!(after & bit(token), 0, "{token} may follow the name");
            }
            for token in ["','", "')'"] {
                assert_eq!(after & bit(token), 0, "{token} ends the argument");
            }
        });
    }

    #[test]
    fn the_parse_must_read_the_token_after_the_name() {
        // `b` matches the name alone and nothing looks further: the shortcut, which reads the
        // next token, would move the furthest token the parse reached.
        let unread = "a[Expr]: b\nb[Expr]: NAME\n";
        assert_eq!(leaves(unread, &["a"]), [None]);
    }
}
