//! A lone name: where a rule's first-pass parse of a plain NAME followed by a token that cannot
//! follow it in the rule's matches ([`AfterName`]) comes down to one rule's parse of that NAME
//! (the *leaf*: `atom` under `expression`, `star_atom` under `star_targets`), the rule's entry
//! calls the leaf at once instead of descending to it through the rules in between (the check
//! is the after-NAME one's, `Parser::name_not_followed_by`). Where the leaf's alternative is
//! the NAME alone (`atom`'s), the entry matches the token in place.
//!
//! Assignment targets are the case this pays for: `x = ...` parses `x` through `star_targets`,
//! `star_target`, `target_with_star_atom` (whose two `t_primary` alternatives fail at the `=`)
//! and `star_atom`; and every operand that is a lone name goes from `expression` down the
//! operator chain to `atom`.
//!
//! A lone literal is the same analysis with another leading token ([`LITERAL_LEADS`]): a NUMBER
//! comes down to `atom`'s own `NUMBER`, a STRING (through `atom`'s lookahead for the tokens a
//! string starts with) to `clean_string`, whose action gives no value for a literal that does
//! not decode cleanly. Its check (`Parser::lone_literal_not_followed_by`) marks nothing read:
//! the leaf may raise at the literal (a number too large) before the parse it replaces reads
//! the next token, so the token is marked read once the leaf has matched; and a leaf that gives
//! no value without an error leaves the rule's own parse to go on. Its after sets count no
//! raising action as letting any token follow (see `after_name::Lead`): the leaf's actions run
//! as they would, and those above it only pass the value on.
//!
//! Exact, in the first pass, as the generator works it out for each rule from the grammar
//! ([`Generator::lone_name_leaf`]), following the parse of `L t` (`L` the leading token) with
//! `t` outside the rule's after set: an alternative that needs a token after `L` fails at `t`
//! (every token an item there could consume or look at is in that set); one whose first item
//! matches `L` alone and whose remaining items can all match nothing there (optional items and
//! loops that do not start with `t`, negative lookaheads) matches `L` alone; the first
//! alternative, in order, that does so decides. It must pass its first item's value on
//! unchanged (no action of its own, or `{ a }`), down to the leaf's alternative that takes `L`
//! itself, whose value the leaf's own parse makes. Left recursion grows nothing (its
//! alternatives need a token after the seed). Anything else the analysis cannot follow (a
//! group or a loop where `L` is, a forced item, a cut, a rule that may raise, a lookahead
//! other than one for `L` among single tokens) leaves the rule without the shortcut.
//!
//! What the rules skipped would have done besides: levels (the shortcut is taken only where
//! the FIRST-set checks are, away from MAXSTACK, `Parser::first_pass_shortcuts_allowed`), memo
//! entries (a later request for one parses `L` again, which has no other effect in the first
//! pass), and reading `t` (the furthest token the parse reached, where "invalid syntax"
//! points): the shortcut reads it too, and is made only where the parse it replaces reads `t`
//! (an item after `L` is tried there).

use super::after_name::{action_may_raise, AfterName, Lead, LITERAL_LEADS, NAME_LEAD};
use super::*;

/// The name a group's alternatives stand under in [`Lone::Leaf`]: no rule's (a group whose
/// own alternative takes the lead token is its own leaf, which the shortcut cannot call).
const GROUP: &str = "";

/// A shortcut found: the rule to call, the tokens that may not follow the lead token (the
/// after set of the rule or group that takes the shortcut), and whether the leaf may fail
/// without an error where the lead token stands (an action that gives no value, such as
/// `clean_string`'s for a literal that does not decode cleanly): then the shortcut goes on
/// with the rule's own parse. `bare` when the leaf's alternative is the lead token alone,
/// whose value is the token's own (`atom`'s `NAME`, `NUMBER`): the shortcut matches the token
/// itself instead of calling the leaf.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct LoneLeaf {
    pub(super) leaf: String,
    pub(super) after: u128,
    pub(super) may_fail: bool,
    pub(super) bare: bool,
}

/// What the first-pass parse of `L t` comes to in a rule or an alternative (`L` the lead
/// token, `t` a token outside the after set).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Lone {
    /// It fails.
    Fails,
    /// It is this rule's parse of the lead token.
    Leaf(String),
    /// The analysis cannot tell.
    Unknown,
}

/// A rule's or an alternative's outcome, whether its parse reads `t`, and of the leaf's
/// alternative that takes the lead token: whether it may fail there without an error, and
/// whether it is that token alone (see [`LoneLeaf`]).
#[derive(Clone, Debug)]
struct Outcome {
    lone: Lone,
    reads_next: bool,
    may_fail: bool,
    bare: bool,
}

impl Outcome {
    const UNKNOWN: Outcome = Outcome {
        lone: Lone::Unknown,
        reads_next: false,
        may_fail: false,
        bare: false,
    };

    fn fails(reads_next: bool) -> Outcome {
        Outcome {
            lone: Lone::Fails,
            reads_next,
            may_fail: false,
            bare: false,
        }
    }
}

/// The question one analysis answers: the lead token, its FIRST-set bit, and the after set
/// of the rule or group asking.
struct Question {
    lead: Lead,
    lead_bit: u128,
    after: u128,
}

/// What the items after the lead token do at `t`.
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
    pub(super) fn lone_name_leaf(&self, rule: &Rule) -> Option<LoneLeaf> {
        let found = self.lone_leaf(rule, NAME_LEAD, &self.after_name)?;
        // The NAME's shortcut marks the next token read before the leaf's parse, which must
        // then give the value.
        (!found.may_fail).then_some(found)
    }

    /// [`Generator::lone_name_leaf`] for a group (`_tmp_N` in C, a closure here), such as an
    /// argument's `(starred_expression | (assignment_expression | expression !':=') !'=')`.
    pub(super) fn lone_name_group_leaf(&self, alts: &[Alt]) -> Option<LoneLeaf> {
        let found = self.lone_group_leaf(alts, NAME_LEAD, &self.after_name)?;
        (!found.may_fail).then_some(found)
    }

    /// The lone-literal shortcuts of `rule`: for each literal's token (`NUMBER`, `STRING`)
    /// whose parse in the rule comes down to another rule's, that token and the leaf.
    pub(super) fn lone_literal_leaves(&self, rule: &Rule) -> Vec<(&'static str, LoneLeaf)> {
        LITERAL_LEADS
            .iter()
            .filter_map(|&lead| {
                let sets = self.after_literal.get(lead.token)?;
                Some((lead.token, self.lone_leaf(rule, lead, sets)?))
            })
            .collect()
    }

    /// [`Generator::lone_literal_leaves`] for a group.
    pub(super) fn lone_literal_group_leaves(&self, alts: &[Alt]) -> Vec<(&'static str, LoneLeaf)> {
        LITERAL_LEADS
            .iter()
            .filter_map(|&lead| {
                let sets = self.after_literal.get(lead.token)?;
                Some((lead.token, self.lone_group_leaf(alts, lead, sets)?))
            })
            .collect()
    }

    /// The lead token's FIRST-set bit (for a NAME, [`Generator::name_bit`]).
    fn lead_bit(&self, lead: Lead) -> u128 {
        self.tokens
            .numbers
            .get(lead.token)
            .map_or(0, |&kind| kind_bit(kind))
    }

    fn lone_leaf(
        &self,
        rule: &Rule,
        lead: Lead,
        sets: &HashMap<String, AfterName>,
    ) -> Option<LoneLeaf> {
        let first = self.entry_first_set(rule)?;
        let after = *sets.get(&rule.name)?;
        let q = self.question(lead, first, after)?;
        let outcome = self.lone_rule(&rule.name, &q, &mut HashSet::new());
        leaf_found(outcome, &rule.name, &q)
    }

    fn lone_group_leaf(
        &self,
        alts: &[Alt],
        lead: Lead,
        sets: &HashMap<String, AfterName>,
    ) -> Option<LoneLeaf> {
        let group = Item::Group(alts.to_vec());
        let first = self.item_first(&group, &self.first_sets);
        let q = self.question(lead, first, self.item_after_name(&group, sets, lead))?;
        let outcome = self.lone_alt_list(GROUP, alts, false, &q, &mut HashSet::new());
        leaf_found(outcome, GROUP, &q)
    }

    /// The question for a rule or group whose matches start with FIRST set `first` and whose
    /// after set is `after`: none where it cannot start with the lead token, or where no match
    /// is the lead token alone, or any token may follow it.
    fn question(&self, lead: Lead, first: u128, after: AfterName) -> Option<Question> {
        let lead_bit = self.lead_bit(lead);
        let asks = first & lead_bit != 0
            && after.open
            && after != AfterName::default()
            && after.bits != u128::MAX;
        asks.then_some(Question {
            lead,
            lead_bit,
            after: after.bits,
        })
    }

    fn lone_rule(&self, name: &str, q: &Question, visiting: &mut HashSet<String>) -> Outcome {
        let Some(rule) = self.rules.get(name) else {
            return Outcome::UNKNOWN;
        };
        if !visiting.insert(name.to_string()) {
            return Outcome::UNKNOWN;
        }
        let left_recursive = self.left_recursive.contains(&rule.name);
        let outcome = self.lone_alt_list(&rule.name, &rule.alts, left_recursive, q, visiting);
        visiting.remove(name);
        outcome
    }

    /// The alternatives of rule `rule` (or of a group, [`GROUP`]) in order: the first that
    /// matches the lead token alone decides. In a left-recursive rule, those that start with
    /// the rule itself take the seed (the value of the first other alternative that matches)
    /// and need a token after it: they fail at `t`, and the rule's value is the seed.
    fn lone_alt_list(
        &self,
        rule: &str,
        alts: &[Alt],
        left_recursive: bool,
        q: &Question,
        visiting: &mut HashSet<String>,
    ) -> Outcome {
        let mut reads_next = false;
        for alt in alts {
            if chain::is_invalid_guard(alt) {
                continue;
            }
            let starts_with_itself = matches!(alt.items.first(), Some(it) if matches!(&it.item, Item::Name(n) if n == rule));
            if left_recursive && starts_with_itself {
                match self.rest_at_next(&alt.items[1..], q.after) {
                    (Rest::Fail, _) => {
                        reads_next = true;
                        continue;
                    }
                    _ => return Outcome::UNKNOWN,
                }
            }
            let outcome = self.lone_alt(rule, alt, q, visiting);
            reads_next |= outcome.reads_next;
            match outcome.lone {
                Lone::Fails => continue,
                lone => {
                    return Outcome {
                        lone,
                        reads_next,
                        ..outcome
                    }
                }
            }
        }
        Outcome::fails(reads_next)
    }

    fn lone_alt(
        &self,
        rule: &str,
        alt: &Alt,
        q: &Question,
        visiting: &mut HashSet<String>,
    ) -> Outcome {
        // Lookaheads at the lead token: one for tokens that do not include it decides at once
        // (a positive one fails, a negative one passes); a positive one for a choice of single
        // tokens, the lead among them, passes without reading further.
        let mut at = 0;
        while let Some(it) = alt.items.get(at) {
            match &it.item {
                Item::PositiveLookahead(e) if self.starts_without(e, q.lead_bit) => {
                    return Outcome::fails(false);
                }
                Item::NegativeLookahead(e) if self.starts_without(e, q.lead_bit) => at += 1,
                Item::PositiveLookahead(e) if self.is_token_choice_with(e, q.lead) => at += 1,
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
            // The leaf's own alternative: its action (if any) makes the value, and may give
            // none.
            Item::Name(n) if n == q.lead.token => (
                Outcome {
                    lone: Lone::Leaf(rule.to_string()),
                    reads_next: false,
                    may_fail: action_may_fail(alt),
                    bare: alt.items.len() == 1 && alt.action.is_none(),
                },
                true,
            ),
            // A rule that may raise before it reads a token (an `invalid_` rule the first
            // pass calls, a forced item): not followed.
            Item::Name(_) if self.may_raise_before_consuming(&first.item) => {
                return Outcome::UNKNOWN;
            }
            Item::Name(n) if self.rules.contains_key(n.as_str()) => {
                (self.lone_rule(n, q, visiting), self.passes_through(alt, at))
            }
            // A group's own alternative that takes the lead token is no rule to call: not
            // followed.
            Item::Group(alts) => match self.lone_alt_list(GROUP, alts, false, q, visiting) {
                Outcome {
                    lone: Lone::Leaf(leaf),
                    ..
                } if leaf == GROUP => return Outcome::UNKNOWN,
                below => (below, self.passes_through(alt, at)),
            },
            // Another token, a keyword or (for a NAME) a soft keyword's spelling.
            Item::Name(_) | Item::Str(_)
                if self.item_first(&first.item, &self.first_sets) & q.lead_bit == 0 =>
            {
                return Outcome::fails(false);
            }
            _ => return Outcome::UNKNOWN,
        };
        match below.lone {
            Lone::Fails => Outcome::fails(below.reads_next),
            Lone::Unknown => Outcome::UNKNOWN,
            Lone::Leaf(leaf) => match self.rest_at_next(rest, q.after) {
                (Rest::Fail, _) => Outcome::fails(true),
                (Rest::Pass, read) if through => Outcome {
                    lone: Lone::Leaf(leaf),
                    reads_next: below.reads_next || read,
                    ..below
                },
                _ => Outcome::UNKNOWN,
            },
        }
    }

    /// Whether `item` cannot start with the lead token (bit `lead_bit`; for a NAME, a plain
    /// one), so it fails, or as a negative lookahead passes, at it without reading further.
    fn starts_without(&self, item: &Item, lead_bit: u128) -> bool {
        !self.item_nullable(item)
            && self.item_first(item, &self.first_sets) & lead_bit == 0
            && !self.may_raise_before_consuming(item)
    }

    /// Whether `item` is the lead token, or a choice of single tokens with the lead among
    /// them (`atom`'s `&(STRING|FSTRING_START|TSTRING_START)`): a lookahead for it matches at
    /// the lead token, reading no further.
    fn is_token_choice_with(&self, item: &Item, lead: Lead) -> bool {
        let is_token = |item: &Item| match item {
            Item::Name(n) => !self.rules.contains_key(n.as_str()),
            Item::Str(_) => true,
            _ => false,
        };
        match item {
            Item::Name(n) => n == lead.token,
            Item::Group(alts) => {
                let singles = alts.iter().all(|alt| {
                    alt.action.is_none() && alt.items.len() == 1 && is_token(&alt.items[0].item)
                });
                singles
                    && alts
                        .iter()
                        .any(|alt| matches!(&alt.items[0].item, Item::Name(n) if n == lead.token))
            }
            _ => false,
        }
    }

    /// The items after the lead token, at `t` (outside `bits`): whether they all match
    /// nothing, or one fails; and whether they read `t`.
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

/// The shortcut an analysis found for rule (or group) `own`: a leaf other than itself, where
/// the parse it replaces reads the token after the lead one.
fn leaf_found(outcome: Outcome, own: &str, q: &Question) -> Option<LoneLeaf> {
    match outcome.lone {
        Lone::Leaf(leaf) if leaf != own && outcome.reads_next => Some(LoneLeaf {
            leaf,
            after: q.after,
            may_fail: outcome.may_fail,
            bare: outcome.bare,
        }),
        _ => None,
    }
}

/// Whether an alternative's action may give no value (`?`) or raise.
fn action_may_fail(alt: &Alt) -> bool {
    action_may_raise(alt)
        || alt
            .action
            .as_deref()
            .is_some_and(|action| action.contains('?'))
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
                .map(|name| gen.lone_name_leaf(gen.rules[name]).map(|found| found.leaf))
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
            let LoneLeaf { leaf, after, .. } = gen.lone_name_group_leaf(alts).expect("a leaf");
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

    /// The lone-literal leaves of each named rule: (token, leaf, may fail, bare).
    fn literal_leaves(grammar: &str, rules: &[&str]) -> Vec<Vec<(String, String, bool, bool)>> {
        with_generator(grammar, |gen| {
            rules
                .iter()
                .map(|name| {
                    gen.lone_literal_leaves(gen.rules[name])
                        .into_iter()
                        .map(|(token, f)| (token.to_string(), f.leaf, f.may_fail, f.bare))
                        .collect()
                })
                .collect()
        })
    }

    fn lit(token: &str, leaf: &str, may_fail: bool, bare: bool) -> (String, String, bool, bool) {
        (token.to_string(), leaf.to_string(), may_fail, bare)
    }

    /// A lone NUMBER is `atom`'s own token (matched in place); a lone STRING comes down to
    /// `clean_string`, whose action gives no value for a literal that does not decode cleanly
    /// (the shortcut then goes on with the rule's own parse). Targets cannot start with
    /// either, and a rule is not its own shortcut.
    #[test]
    fn literals_come_down_to_atom_s_number_and_clean_string() {
        let text = repo_file("crates/parser/python.gram");
        let found = literal_leaves(
            &text,
            &[
                "expression",
                "star_expressions",
                "atom",
                "strings",
                "star_targets",
                "primary",
            ],
        );
        let number = lit("NUMBER", "atom", false, true);
        let string = lit("STRING", "clean_string", true, false);
        assert_eq!(found[0], [number.clone(), string.clone()]);
        assert_eq!(found[1], [number.clone(), string.clone()]);
        assert_eq!(found[2], std::slice::from_ref(&string));
        assert_eq!(found[3], std::slice::from_ref(&string));
        assert_eq!(found[4], []);
        assert_eq!(found[5], [number, string]);
    }

    #[test]
    fn a_lookahead_for_the_literal_passes_and_a_fallible_action_may_fail() {
        // A lookahead for a choice of single tokens with the literal among them takes it
        // alone; `s`'s action may give no value.
        let lookahead = "a[Expr]: &(STRING|NUMBER) b\nb[Expr]: y=s !STRING { y }\ns[Expr]: x=STRING { f(x)? }\n";
        // A lookahead that reads past the literal: not followed.
        let pair = "a[Expr]: &(STRING ',') b | b\nb[Expr]: y=s !STRING { y }\ns[Expr]: x=STRING { f(x)? }\n";
        // The literal alone with an action: the leaf is called, not matched in place.
        let action = "a[Expr]: b !',' | b ','\nb[Expr]: x=NUMBER { g(x) }\n";
        assert_eq!(
            literal_leaves(lookahead, &["a"]),
            [vec![lit("STRING", "s", true, false)]]
        );
        assert_eq!(literal_leaves(pair, &["a"]), [vec![]]);
        assert_eq!(
            literal_leaves(action, &["a"]),
            [vec![lit("NUMBER", "b", false, false)]]
        );
    }

    #[test]
    fn the_parse_must_read_the_token_after_the_name() {
        // `b` matches the name alone and nothing looks further: the shortcut, which reads the
        // next token, would move the furthest token the parse reached.
        let unread = "a[Expr]: b\nb[Expr]: NAME\n";
        assert_eq!(leaves(unread, &["a"]), [None]);
    }
}
