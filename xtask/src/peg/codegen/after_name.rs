//! What can follow a leading NAME: for each rule, the tokens that can come right after the
//! NAME a first-pass match starts with (a FIRST2 set, for the one first token worth it), so
//! that a rule whose match cannot start with that NAME and the token after it fails at entry
//! (`Parser::name_not_followed_by`) instead of descending to find out.
//!
//! `t_primary` is the rule this pays for: every assignment target and expression statement
//! that starts with a name tries it, and it matches only when a `(`, `[` or `.` follows the
//! name (`a=atom &t_lookahead`); `x = 1` used to parse the atom `x` to drop it.
//!
//! Exact, as the FIRST-set check at entry is: a rule that fails has no other effect in the
//! first pass but two. It may raise a SyntaxError on the way: so a token after the NAME where
//! the rule could raise one (a forced item `&&x`, an `invalid_` rule the first pass calls, a
//! lookahead that could, an action on a match of the NAME alone that may) counts as one that
//! can follow, and such rules are not checked. And the tokens it reads move the furthest
//! token the first pass reached, where "invalid syntax" points: the check is made at a plain
//! NAME (not a soft keyword's spelling), which some alternative consumes to look at the next
//! token and fail there, no further (every token an item there could consume, a negative
//! lookahead's included, counts as one that can follow); so the check reads that token too.
//!
//! The same sets for another leading token ([`Lead`]: a NUMBER, a STRING) serve the lone
//! literals of `lone_name.rs`, without counting a raising action as letting any token follow
//! (that shortcut runs the actions the parse it replaces would).

use super::*;

/// The tokens that can follow a leading NAME in a rule's (or item's) matches: FIRST-set bits
/// ([`ANY`] for any token), and whether a match can also be the NAME alone, leaving the next
/// token to whatever follows (`open`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct AfterName {
    pub(super) bits: u128,
    pub(super) open: bool,
}

/// Any token (a rule that may raise where the second token is, or cannot tell).
const ANY: u128 = u128::MAX;

/// The most token kinds a rule's entry tests for after a leading NAME (see
/// [`Generator::entry_after_name`]).
const AFTER_NAME_MOST: u32 = 8;

/// The token a match starts with, whose follow sets an analysis computes: a NAME (this
/// module's entry check, and `lone_name.rs`), or a literal (`lone_name.rs`'s lone literals).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Lead {
    /// The token's name in the grammar.
    pub(super) token: &'static str,
    /// Whether an action on a match of the token alone that may raise makes any token one
    /// that can follow. The entry check needs it: there the rule fails without running the
    /// action. A lone literal's shortcut does not: it runs the actions the parse it replaces
    /// would (the leaf's; those above it pass the value on).
    widen_raising_actions: bool,
}

/// A leading NAME.
pub(super) const NAME_LEAD: Lead = Lead {
    token: "NAME",
    widen_raising_actions: true,
};

/// The literals a lone-literal shortcut starts with (see `lone_name.rs`).
pub(super) const LITERAL_LEADS: [Lead; 2] = [
    Lead {
        token: "NUMBER",
        widen_raising_actions: false,
    },
    Lead {
        token: "STRING",
        widen_raising_actions: false,
    },
];

impl AfterName {
    const NONE: AfterName = AfterName {
        bits: 0,
        open: false,
    };
    const ANY: AfterName = AfterName {
        bits: ANY,
        open: false,
    };
    /// A match of the NAME alone: what follows is the caller's.
    const OPEN: AfterName = AfterName {
        bits: 0,
        open: true,
    };

    fn union(self, other: AfterName) -> AfterName {
        AfterName {
            bits: self.bits | other.bits,
            open: self.open || other.open,
        }
    }
}

impl Generator<'_> {
    /// [`AfterName`] of every rule for a leading NAME, and for each lone literal's token.
    pub(super) fn compute_after_name(&mut self) {
        self.after_name = self.after_lead_sets(NAME_LEAD);
        self.after_literal = LITERAL_LEADS
            .iter()
            .map(|&lead| (lead.token, self.after_lead_sets(lead)))
            .collect();
    }

    /// [`AfterName`] of every rule for `lead`, to a fixpoint (the sets only grow).
    fn after_lead_sets(&self, lead: Lead) -> HashMap<String, AfterName> {
        let mut sets: HashMap<String, AfterName> = HashMap::new();
        loop {
            let mut changed = false;
            for rule in &self.grammar.rules {
                let set = self.rule_after_name(rule, &sets, lead);
                changed |= sets.insert(rule.name.clone(), set) != Some(set);
            }
            if !changed {
                return sets;
            }
        }
    }

    /// The check a rule's entry can make after a leading NAME: the tokens that can follow it,
    /// when they are few enough for the test to fail the rule often (at most
    /// [`AFTER_NAME_MOST`] kinds, not NAME: a name after a name is rare). `kvpair`'s, where
    /// any operator can follow, cost more on the entries they let through than they saved.
    pub(super) fn entry_after_name(&self, rule: &Rule) -> Option<u128> {
        let first = self.entry_first_set(rule)?;
        if first & self.name_bit() == 0 {
            return None;
        }
        let after = self.after_name.get(&rule.name)?;
        let name_can_follow = self.first_sets_overlap(after.bits, self.name_bit());
        let few = after.bits.count_ones() <= AFTER_NAME_MOST;
        (!after.open && !name_can_follow && few).then_some(after.bits)
    }

    fn rule_after_name(
        &self,
        rule: &Rule,
        sets: &HashMap<String, AfterName>,
        lead: Lead,
    ) -> AfterName {
        let mut set = AfterName::NONE;
        for alt in &rule.alts {
            // An alternative that is an `invalid_` rule alone runs in the error pass only.
            if chain::is_invalid_guard(alt) {
                continue;
            }
            let mut after = self.items_after_name(&alt.items, sets, lead);
            if after.open && lead.widen_raising_actions && action_may_raise(alt) {
                after = AfterName::ANY;
            }
            set = set.union(after);
        }
        set
    }

    /// The tokens after the lead that the first of `items` to consume a token takes.
    fn items_after_name(
        &self,
        items: &[NamedItem],
        sets: &HashMap<String, AfterName>,
        lead: Lead,
    ) -> AfterName {
        let Some((first, rest)) = items.split_first() else {
            return AfterName::NONE;
        };
        let item = &first.item;
        let own = self.item_after_name(item, sets, lead);
        let mut set = AfterName {
            bits: own.bits,
            open: false,
        };
        if own.open {
            set = set.union(self.next_tokens(rest));
        }
        if self.item_nullable(item) {
            set = set.union(self.items_after_name(rest, sets, lead));
        }
        set
    }

    pub(super) fn item_after_name(
        &self,
        item: &Item,
        sets: &HashMap<String, AfterName>,
        lead: Lead,
    ) -> AfterName {
        match item {
            Item::Name(n) if n == lead.token => AfterName::OPEN,
            Item::Name(n) if n.starts_with("invalid_") => AfterName::ANY,
            Item::Name(n) if self.rules.contains_key(n.as_str()) => {
                sets.get(n).copied().unwrap_or_default()
            }
            // Other tokens, and soft keywords (`"match"`, `SOFT_KEYWORD`): the check is made
            // at a plain name only, which these fail at.
            Item::Name(_) | Item::Str(_) | Item::Cut => AfterName::NONE,
            Item::PositiveLookahead(e) | Item::NegativeLookahead(e) => {
                if self.may_raise_at_start(e) {
                    AfterName::ANY
                } else {
                    AfterName::NONE
                }
            }
            Item::Forced(_) => AfterName::ANY,
            Item::Group(alts) => alts.iter().fold(AfterName::NONE, |set, alt| {
                if chain::is_invalid_guard(alt) {
                    return set;
                }
                set.union(self.items_after_name(&alt.items, sets, lead))
            }),
            Item::Opt(e) => self.item_after_name(e, sets, lead),
            Item::Repeat0(e) | Item::Repeat1(e) => self.loop_after_name(e, e, sets, lead),
            Item::Gather(sep, e) => self.loop_after_name(e, sep, sets, lead),
        }
    }

    /// A loop of `elem`, whose next iteration starts with `again` (the element, or a gather's
    /// separator): after a NAME alone in one iteration comes the next iteration or what
    /// follows the loop.
    fn loop_after_name(
        &self,
        elem: &Item,
        again: &Item,
        sets: &HashMap<String, AfterName>,
        lead: Lead,
    ) -> AfterName {
        let once = self.item_after_name(elem, sets, lead);
        let next = if once.open { self.item_next(again) } else { 0 };
        AfterName {
            bits: once.bits | next,
            open: once.open,
        }
    }

    /// The tokens that can come first where `items` start (or where an error may be raised
    /// there: [`ANY`]); open when they can all match nothing, unconstrained.
    fn next_tokens(&self, items: &[NamedItem]) -> AfterName {
        let Some((first, rest)) = items.split_first() else {
            return AfterName::OPEN;
        };
        match &first.item {
            Item::Cut => self.next_tokens(rest),
            Item::PositiveLookahead(e) => {
                if self.may_raise_at_start(e) {
                    AfterName::ANY
                } else if self.item_nullable(e) {
                    self.next_tokens(rest)
                } else {
                    AfterName {
                        bits: self.item_next(e),
                        open: false,
                    }
                }
            }
            // What the lookahead could consume counts too: it would read on past the token.
            Item::NegativeLookahead(e) => {
                if self.may_raise_at_start(e) {
                    AfterName::ANY
                } else {
                    let set = self.next_tokens(rest);
                    AfterName {
                        bits: set.bits | self.item_next(e),
                        open: set.open,
                    }
                }
            }
            item => {
                let set = AfterName {
                    bits: self.item_next(item),
                    open: false,
                };
                if self.item_nullable(item) {
                    set.union(self.next_tokens(rest))
                } else {
                    set
                }
            }
        }
    }

    /// The tokens `item` can start with, or [`ANY`] where it may raise at its start.
    fn item_next(&self, item: &Item) -> u128 {
        if self.may_raise_at_start(item) {
            return ANY;
        }
        self.item_first(item, &self.first_sets)
    }

    /// Whether `item` may raise a SyntaxError before consuming a token, in the first pass: it
    /// starts with a forced item or an `invalid_` rule the first pass calls, here or in a
    /// rule it starts with.
    pub(super) fn may_raise_at_start(&self, item: &Item) -> bool {
        let mut seen = HashSet::new();
        self.item_may_raise_at_start(item, &mut seen)
    }

    fn item_may_raise_at_start(&self, item: &Item, seen: &mut HashSet<String>) -> bool {
        match item {
            Item::Forced(_) => true,
            Item::Name(n) if n.starts_with("invalid_") => true,
            Item::Name(n) => match self.rules.get(n.as_str()) {
                Some(rule) if seen.insert(n.clone()) => rule
                    .alts
                    .iter()
                    .filter(|alt| !chain::is_invalid_guard(alt))
                    .any(|alt| self.alt_may_raise_at_start(alt, seen)),
                _ => false,
            },
            Item::Str(_) | Item::Cut => false,
            Item::Group(alts) => alts
                .iter()
                .filter(|alt| !chain::is_invalid_guard(alt))
                .any(|alt| self.alt_may_raise_at_start(alt, seen)),
            Item::Opt(e)
            | Item::Repeat0(e)
            | Item::Repeat1(e)
            | Item::PositiveLookahead(e)
            | Item::NegativeLookahead(e)
            | Item::Gather(_, e) => self.item_may_raise_at_start(e, seen),
        }
    }

    fn alt_may_raise_at_start(&self, alt: &Alt, seen: &mut HashSet<String>) -> bool {
        for it in &alt.items {
            if self.item_may_raise_at_start(&it.item, seen) {
                return true;
            }
            if !self.item_nullable(&it.item) {
                return false;
            }
        }
        // Every item matched nothing: the action runs before any token.
        action_may_raise(alt)
    }
}

/// Whether an alternative's action may raise a SyntaxError (or a version error): it uses the
/// parser, which the plain node builders do not.
pub(super) fn action_may_raise(alt: &Alt) -> bool {
    alt.action.as_deref().is_some_and(|action| {
        action.contains("p,")
            || action.contains("p)")
            || action.contains("RAISE")
            || action.contains("CHECK")
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{repo_file, with_generator};
    use super::*;

    /// The entry check of each rule the grammar text names: the token literals that may
    /// follow a leading NAME, or `None` where the rule's entry does not check.
    fn checks(grammar: &str, rules: &[&str]) -> Vec<Option<Vec<String>>> {
        with_generator(grammar, |gen| {
            let literal_of = |bit: u128| -> String {
                let kind = gen
                    .tokens
                    .numbers
                    .iter()
                    .find(|(_, &k)| kind_bit(k) == bit)
                    .map(|(name, _)| name.clone())
                    .unwrap_or_else(|| format!("{bit:#x}"));
                gen.tokens
                    .exact
                    .iter()
                    .find(|(_, n)| **n == kind)
                    .map(|(text, _)| text.clone())
                    .unwrap_or(kind)
            };
            rules
                .iter()
                .map(|name| {
                    let after = gen.entry_after_name(gen.rules[name])?;
                    let mut literals: Vec<String> = (0..128)
                        .map(|i| 1u128 << i)
                        .filter(|bit| after & bit != 0)
                        .map(literal_of)
                        .collect();
                    literals.sort();
                    Some(literals)
                })
                .collect()
        })
    }

    fn set(literals: &[&str]) -> Option<Vec<String>> {
        let mut v: Vec<String> = literals.iter().map(|s| s.to_string()).collect();
        v.sort();
        Some(v)
    }

    #[test]
    fn t_primary_needs_a_call_subscript_or_attribute_after_its_name() {
        let text = repo_file("crates/parser/python.gram");
        let found = checks(
            &text,
            &[
                "t_primary",
                "single_subscript_attribute_target",
                "kwarg_or_starred",
                "star_targets",
                "expression",
                "kvpair",
            ],
        );
        assert_eq!(found[0], set(&["(", ".", "["]));
        assert_eq!(found[1], set(&["(", ".", "["]));
        assert_eq!(found[2], set(&["="]));
        // A name alone is a target, and an expression: anything may follow.
        assert_eq!(found[3], None);
        assert_eq!(found[4], None);
        // Any operator may follow the name a key starts with: too many to be worth a test.
        assert_eq!(found[5], None);
    }

    #[test]
    fn a_lookahead_after_the_name_narrows_what_follows_and_a_loop_may_repeat_it() {
        let grammar = "a[Expr]: x=NAME &'(' { x }\nb[Expr]: ','.NAME+ ';'\n";
        assert_eq!(
            checks(grammar, &["a", "b"]),
            [set(&["("]), set(&[",", ";"])]
        );
    }

    #[test]
    fn where_an_error_may_be_raised_after_the_name_any_token_may_follow() {
        // A forced item raises whatever the token is; so may an `invalid_` rule the first pass
        // calls, and an action run on the name alone.
        let forced = "a[Expr]: x=NAME &&'(' { x }\n";
        let invalid = "a[Expr]: x=NAME invalid_b { x } | x=NAME '(' { x }\ninvalid_b: ')'\n";
        let action = "a[Expr]: x=b '(' { x }\nb[Expr]: x=NAME { check(p, x) }\n";
        let guard = "a[Expr]: invalid_b | x=NAME '(' { x }\ninvalid_b: NAME ')'\n";
        assert_eq!(checks(forced, &["a"]), [None]);
        assert_eq!(checks(invalid, &["a"]), [None]);
        assert_eq!(checks(action, &["a"]), [None]);
        // An `invalid_` alternative alone runs in the error pass only.
        assert_eq!(checks(guard, &["a"]), [set(&["("])]);
    }
}
