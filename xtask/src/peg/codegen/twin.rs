//! Twins: a left-recursive rule whose alternatives are another's with lookaheads added
//! (`t_primary` of `primary`), so that its match at a position is a prefix of the other's grow
//! there, reached by the same steps.
//!
//! Every expression statement that starts with a name is first tried as an assignment, and
//! `t_primary` grows `a.b(...)` as far as a `.`, `(` or `[` follows; the statement's
//! `star_expressions` then grows `primary` over the same tokens again (for CPython too, whose
//! memo does not serve one rule's request with the other's result). The first pass instead
//! starts `primary`'s grow from the value `t_primary` left in the memo, when its operator chain
//! reaches `primary`'s left corner (`Parser::take_twin_value`).
//!
//! Why the result is the same: the generator checks (`check_twin`) that each of the twin's
//! alternatives is one of the rule's once its lookaheads are dropped (the same items, bindings
//! and action), and that alternatives whose next tokens can overlap come in the same order.
//! So each step the twin took is the step the rule's grow takes there, and the rule goes on
//! from where the twin stopped. The twin's descent was made already (its strings, warnings
//! and version errors come out there first), and the span is bounded so that CPython's second
//! descent over it could not reach MAXSTACK either.

use super::*;

/// (rule, its twin) pairs the first pass may seed from (see the module's documentation).
pub(super) const FIRST_PASS_TWINS: &[(&str, &str)] = &[("primary", "t_primary")];

/// An alternative as compared: its items without lookaheads (`twin` renamed to `rule`), as
/// text, and its action with whitespace collapsed; `a=x { a }` counts as a bare `x`.
fn normalized(alt: &Alt, twin: &str, rule: &str) -> (Vec<String>, String) {
    let items: Vec<&NamedItem> = alt
        .items
        .iter()
        .filter(|it| {
            !matches!(
                it.item,
                Item::PositiveLookahead(_) | Item::NegativeLookahead(_)
            )
        })
        .collect();
    let action = alt
        .action
        .as_deref()
        .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let render = |it: &NamedItem| {
        let item = match &it.item {
            Item::Name(n) if n == twin => rule.to_string(),
            other => other.to_string(),
        };
        match (&it.name, &it.ty) {
            (Some(name), Some(ty)) => format!("{name}[{ty}]={item}"),
            (Some(name), None) => format!("{name}={item}"),
            (None, _) => item,
        }
    };
    if let [only] = &items[..] {
        if only.name.as_deref().is_some_and(|n| action == n) {
            let bare = NamedItem {
                name: None,
                ty: None,
                item: only.item.clone(),
            };
            return (vec![render(&bare)], String::new());
        }
    }
    (items.iter().map(|it| render(it)).collect(), action)
}

impl Generator<'_> {
    /// Checks the [`FIRST_PASS_TWINS`] the grammar has (a grammar with neither rule of a pair
    /// has nothing to check).
    pub(super) fn check_twins(&self) -> Result<(), String> {
        for &(rule, twin) in FIRST_PASS_TWINS {
            if self.rules.contains_key(rule) || self.rules.contains_key(twin) {
                self.check_twin(rule, twin)?;
            }
        }
        Ok(())
    }

    /// Checks that `twin` is `rule` with lookaheads added, as the seed needs (see the module's
    /// documentation).
    fn check_twin(&self, rule: &str, twin: &str) -> Result<(), String> {
        let (Some(r), Some(t)) = (self.rules.get(rule), self.rules.get(twin)) else {
            return Err(format!("twins {rule}, {twin}: no such rules"));
        };
        if !self.left_recursive.contains(rule) || !self.left_recursive.contains(twin) {
            return Err(format!("twins {rule}, {twin}: both must be left-recursive"));
        }
        if r.alts.len() != t.alts.len() {
            return Err(format!("twins {rule}, {twin}: not as many alternatives"));
        }
        let rule_alts: Vec<_> = r.alts.iter().map(|a| normalized(a, twin, rule)).collect();
        let mut position = Vec::new();
        for alt in &t.alts {
            let twin_alt = normalized(alt, twin, rule);
            match rule_alts.iter().position(|a| *a == twin_alt) {
                Some(i) => position.push(i),
                None => return Err(format!("twins {rule}, {twin}: {twin}'s `{alt}` is none of {rule}'s alternatives without its lookaheads")),
            }
        }
        // Alternatives that can continue with the same token are tried in the same order.
        for i in 0..t.alts.len() {
            for j in i + 1..t.alts.len() {
                let overlap = self
                    .first_sets_overlap(self.tail_first(&t.alts[i]), self.tail_first(&t.alts[j]));
                if overlap && position[i] > position[j] {
                    return Err(format!(
                        "twins {rule}, {twin}: `{}` and `{}` are tried in another order",
                        t.alts[i], t.alts[j]
                    ));
                }
            }
        }
        Ok(())
    }

    /// The tokens an alternative can go on with after its first item in the first pass (a
    /// rule's `invalid_` alternatives left out); all of them for an alternative of one item,
    /// which then competes with every other.
    fn tail_first(&self, alt: &Alt) -> u128 {
        let Some(next) = alt.items.get(1) else {
            return u128::MAX;
        };
        match &next.item {
            Item::Name(name) if !self.is_token_name(name) => match self.rules.get(name.as_str()) {
                Some(rule) => rule
                    .alts
                    .iter()
                    .filter(|alt| !chain::is_invalid_guard(alt))
                    .map(|alt| self.alt_first(alt, &self.first_sets))
                    .fold(0, |set, first| set | first),
                None => u128::MAX,
            },
            other => self.item_first(other, &self.first_sets),
        }
    }

    /// The twin whose memoized value `rule`'s grow may start from, if any (checked).
    pub(super) fn twin_of(&self, rule: &str) -> Option<&'static str> {
        FIRST_PASS_TWINS
            .iter()
            .find(|(r, twin)| *r == rule && self.rules.contains_key(twin))
            .map(|&(_, twin)| twin)
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::grammar::parse_grammar;
    use super::super::test_support::{repo_file, tokens};
    use super::*;

    /// The generator's verdict on `primary` and its twin `t_primary` as given.
    fn verdict(primary: &str, t_primary: &str) -> Result<(), String> {
        let text = format!("start: primary t_primary NEWLINE\n{primary}\n{t_primary}\n");
        let g = parse_grammar(&text).expect("the grammar parses");
        let tokens = tokens();
        Generator::new(&g, &tokens).map(|_| ())
    }

    const PRIMARY: &str = "primary: a=primary '.' b=NAME { f(a, b) } | a=primary '(' ')' { g(a) } | a=primary '(' b=NAME ')' { k(a, b) } | NAME";

    #[test]
    fn a_twin_is_its_rule_with_lookaheads_added() {
        let twin = "t_primary: a=t_primary '.' b=NAME &'(' { f(a, b) } | a=t_primary '(' ')' &'.' { g(a) } | a=t_primary '(' b=NAME ')' &'.' { k(a, b) } | a=NAME &'.' { a }";
        assert_eq!(verdict(PRIMARY, twin), Ok(()));
    }

    #[test]
    fn a_twin_with_another_action_is_refused() {
        let twin = "t_primary: a=t_primary '.' b=NAME &'(' { h(a, b) } | a=t_primary '(' ')' &'.' { g(a) } | a=t_primary '(' b=NAME ')' &'.' { k(a, b) } | a=NAME &'.' { a }";
        let refusal = verdict(PRIMARY, twin).expect_err("a different action");
        assert!(
            refusal.contains("is none of primary's alternatives"),
            "{refusal}"
        );
    }

    #[test]
    fn a_twin_trying_overlapping_steps_in_another_order_is_refused() {
        let twin = "t_primary: a=t_primary '.' b=NAME &'(' { f(a, b) } | a=t_primary '(' b=NAME ')' &'.' { k(a, b) } | a=t_primary '(' ')' &'.' { g(a) } | a=NAME &'.' { a }";
        let refusal = verdict(PRIMARY, twin).expect_err("steps reordered");
        assert!(refusal.contains("tried in another order"), "{refusal}");
    }

    /// A soft keyword's token is a NAME too: steps going on with `"match"` and with NAME
    /// overlap although their FIRST sets share no bit.
    #[test]
    fn a_twin_trying_a_soft_keyword_step_and_a_name_step_in_another_order_is_refused() {
        let primary = "primary: a=primary b=NAME { f(a, b) } | a=primary \"match\" { g(a) } | NAME";
        let twin = "t_primary: a=t_primary \"match\" &'.' { g(a) } | a=t_primary b=NAME &'(' { f(a, b) } | a=NAME &'.' { a }";
        let refusal = verdict(primary, twin).expect_err("steps reordered");
        assert!(refusal.contains("tried in another order"), "{refusal}");
    }

    #[test]
    fn python_grammar_seeds_primary_from_t_primary() {
        let g = parse_grammar(&repo_file("crates/parser/python.gram")).expect("the grammar parses");
        let tokens = tokens();
        let gen = Generator::new(&g, &tokens).expect("the twins check");
        assert_eq!(gen.twin_of("primary"), Some("t_primary"));
    }
}
