//! Operator chains in the first pass: the generator's left-corner parse of runs of rules where
//! each falls back to the next (`disjunction` > `conjunction` > `inversion` > `comparison` >
//! `bitwise_or` > ... > `factor` > `power` > `await_primary` > `primary` > `atom`).
//!
//! Parsed rule by rule, every operand passes through every level: sixteen calls, each with its
//! entry checks, before the atom is even looked at. A chain entry parses its *left corner*
//! instead (the bottom rule, or the prefix alternative of the first level whose prefix token is
//! next), then lets each level above it continue the value, deepest first. Where the next token
//! continues no level, the value is done after one check.
//!
//! Why this is the same parse, in the first pass (`invalid_` alternatives off, see
//! [`Level`]'s shapes):
//! - a level `r` whose alternatives all start with its next rule `n` (or with `r` itself, left
//!   recursion grown by a loop) and end with a bare `n` computes `cont_r(n)` at its position, so
//!   the chain's value is `cont_0(cont_1(...(bottom)))`, the conts of the levels above the corner;
//! - a prefix token cannot start `n` (checked here against `n`'s FIRST set), so when a level's
//!   prefix alternative fails, its fallback `n` fails too, and so does the chain;
//! - `p.level` is set to the depth the rule-by-rule parse has at each call it makes, and the
//!   shortcuts (a failed prefix, a token no level continues with) skip only failing descents of
//!   a few dozen levels, so the fused parse is used only where the FIRST-set checks are
//!   (`Parser::first_pass_shortcuts_allowed`): nearer MAXSTACK the rules run one by one and
//!   overflow exactly where CPython does;
//! - a chain level's memo (if any) is not used in the first pass: a memo only caches what a
//!   rule returns at a position.

use super::*;

/// How a chain level continues its next rule's value (its first-pass alternatives).
#[derive(Debug, Clone)]
pub(super) enum Shape {
    /// `a=rule tail {action} ... | next`, left recursion parsed as a loop: `<rule>_grow`.
    Grows,
    /// `a=next tail {action} ... | next`: `<rule>_cont` tries each tail with `a` bound.
    Continues(Vec<Alt>),
    /// `'op' ... | next` with tokens that cannot start `next`: `<rule>_prefix` tries those
    /// alternatives; `kinds` are their token constants.
    Prefix { alts: Vec<Alt>, kinds: Vec<String> },
}

#[derive(Debug, Clone)]
pub(super) struct Level {
    /// The rule the last alternative falls back to.
    pub next: String,
    pub shape: Shape,
    /// Parser levels from the rule's entry into its body in the first pass: 2 for a growing
    /// loop (`<rule>_rule`, then `<rule>_raw_rule`), else 1.
    pub enters: u32,
    /// The token kinds (FIRST-set bits) a continuation can start with: all bits if one can
    /// match the empty string; none for a prefix level.
    pub cont_first: u128,
}

/// An alternative the first pass skips: `| invalid_x` (guarded by `p.call_invalid_rules`).
pub(super) fn is_invalid_guard(alt: &Alt) -> bool {
    alt.items.len() == 1 && matches!(&alt.items[0].item, Item::Name(n) if n.starts_with("invalid_"))
}

/// Whether an item refers to an `invalid_` rule anywhere.
pub(super) fn mentions_invalid(item: &Item) -> bool {
    match item {
        Item::Name(n) => n.starts_with("invalid_"),
        Item::Str(_) | Item::Cut => false,
        Item::Group(alts) => alts
            .iter()
            .any(|a| a.items.iter().any(|i| mentions_invalid(&i.item))),
        Item::Opt(i)
        | Item::Repeat0(i)
        | Item::Repeat1(i)
        | Item::Forced(i)
        | Item::PositiveLookahead(i)
        | Item::NegativeLookahead(i) => mentions_invalid(i),
        Item::Gather(s, e) => mentions_invalid(s) || mentions_invalid(e),
    }
}

/// Whether the alternative's tail starts by matching something: the chain skips a level whose
/// tails cannot start with the next token, which a lookahead (a rule it would call) or a cut
/// first would not allow.
fn tail_starts_matching(alt: &Alt) -> bool {
    !matches!(
        alt.items.get(1).map(|i| &i.item),
        Some(Item::PositiveLookahead(_) | Item::NegativeLookahead(_) | Item::Cut) | None
    )
}

/// The alternative without its first item (what follows the value bound to it).
fn tail_of(alt: &Alt) -> Alt {
    Alt {
        items: alt.items[1..].to_vec(),
        action: alt.action.clone(),
    }
}

impl Generator<'_> {
    /// Finds the chain levels among the rules (see [`Level`]).
    pub(super) fn compute_chain_levels(&mut self) {
        let mut levels = HashMap::new();
        for rule in &self.grammar.rules {
            if let Some(level) = self.chain_level(rule) {
                levels.insert(rule.name.clone(), level);
            }
        }
        self.chain_levels = levels;
    }

    /// `rule` as a chain level, if its first-pass alternatives have one of the [`Shape`]s and
    /// end with a bare rule of the same type.
    fn chain_level(&self, rule: &Rule) -> Option<Level> {
        let name = &rule.name;
        if name.starts_with("invalid_") || name.ends_with("without_invalid") {
            return None;
        }
        let alts: Vec<&Alt> = rule.alts.iter().filter(|a| !is_invalid_guard(a)).collect();
        if alts.len() < 2
            || alts
                .iter()
                .any(|a| a.items.iter().any(|i| mentions_invalid(&i.item)))
        {
            return None;
        }
        let (last, body) = alts.split_last()?;
        let next = match (last.items.as_slice(), &last.action) {
            (
                [NamedItem {
                    item: Item::Name(n),
                    name: None,
                    ty: None,
                }],
                None,
            ) => n.clone(),
            _ => return None,
        };
        let next_rule = self.rules.get(next.as_str())?;
        if next == *name || self.rule_type(next_rule) != self.rule_type(rule) {
            return None;
        }
        if self.left_recursive.contains(name) {
            self.growing_level(rule, next, body)
        } else if let Some(level) = self.continuing_level(&next, body) {
            Some(level)
        } else {
            self.prefix_level(next, body)
        }
    }

    /// A left-recursive level parsed as a growing loop whose alternatives are exactly the ones
    /// before the fallback (`Shape::Grows`).
    fn growing_level(&self, rule: &Rule, next: String, body: &[&Alt]) -> Option<Level> {
        let grows = self.growing_loop_split(rule)?;
        let seeds_fall_back = rule.alts[grows..]
            .iter()
            .filter(|a| !is_invalid_guard(a))
            .count()
            == 1;
        if !seeds_fall_back || grows != body.len() || !body.iter().all(|a| tail_starts_matching(a))
        {
            return None;
        }
        Some(Level {
            next,
            shape: Shape::Grows,
            enters: 2,
            cont_first: self.tails_first(body),
        })
    }

    /// A level whose alternatives bind `next`'s value first and make a new value of it
    /// (`Shape::Continues`).
    fn continuing_level(&self, next: &str, body: &[&Alt]) -> Option<Level> {
        let continues = body.iter().all(|a| {
            let starts_with_next = matches!(
                a.items.first(),
                Some(NamedItem { item: Item::Name(n), name: Some(_), ty: None }) if *n == next
            );
            let new_value = a.action.as_deref().is_some_and(|act| !action_may_fail(act))
                && self.passthrough_item(a, false).is_none();
            let no_cut = !a.items.iter().any(|i| matches!(i.item, Item::Cut));
            starts_with_next && tail_starts_matching(a) && no_cut && new_value
        });
        continues.then(|| Level {
            next: next.to_string(),
            shape: Shape::Continues(body.iter().map(|a| (*a).clone()).collect()),
            enters: 1,
            cont_first: self.tails_first(body),
        })
    }

    /// A level of prefix alternatives (`Shape::Prefix`): each starts with a token that cannot
    /// start `next`, so that when the alternative fails, the fallback does too.
    fn prefix_level(&self, next: String, body: &[&Alt]) -> Option<Level> {
        let next_first = self.first_sets.get(next.as_str()).copied()?;
        if self.nullable.contains(&next) {
            return None;
        }
        let mut kinds = Vec::new();
        for a in body {
            let Some(NamedItem {
                item: Item::Str(s), ..
            }) = a.items.first()
            else {
                return None;
            };
            if !s.starts_with('\'')
                || self.item_first(&Item::Str(s.clone()), &self.first_sets) & next_first != 0
            {
                return None;
            }
            let kind = self.string_type_const(s);
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        Some(Level {
            next,
            shape: Shape::Prefix {
                alts: body.iter().map(|a| (*a).clone()).collect(),
                kinds,
            },
            enters: 1,
            cont_first: 0,
        })
    }

    /// The token kinds the alternatives' tails (what follows their first item) can start with;
    /// all of them if a tail can match the empty string.
    fn tails_first(&self, alts: &[&Alt]) -> u128 {
        alts.iter().fold(0u128, |set, a| {
            let tail = tail_of(a);
            if self.alt_nullable(&tail) {
                u128::MAX
            } else {
                set | self.alt_first(&tail, &self.first_sets)
            }
        })
    }

    /// The levels from `name` down, as long as each next rule is a level too.
    pub(super) fn chain_of(&self, name: &str) -> Vec<(String, Level)> {
        let mut chain: Vec<(String, Level)> = Vec::new();
        let mut at = name.to_string();
        while let Some(level) = self.chain_levels.get(&at) {
            if chain.iter().any(|(n, _)| *n == at) {
                break;
            }
            chain.push((at.clone(), level.clone()));
            at = level.next.clone();
        }
        chain
    }

    /// Whether `name` starts a chain of two levels or more: its first pass calls `<name>_chain`.
    pub(super) fn is_chain_entry(&self, name: &str) -> bool {
        self.chain_of(name).len() >= 2
    }

    /// The functions a level gives the chains through it: `<rule>_cont` or `<rule>_prefix`
    /// (a growing loop's `<rule>_grow` comes with the loop).
    pub(super) fn emit_level_parts(&mut self, rule: &Rule, ty: &str) -> Result<(), String> {
        let Some(level) = self.chain_levels.get(&rule.name).cloned() else {
            return Ok(());
        };
        match &level.shape {
            Shape::Grows => Ok(()),
            Shape::Continues(alts) => self.emit_cont(&rule.name, ty, alts),
            Shape::Prefix { alts, .. } => {
                self.line(
                    0,
                    &format!("/// `{}`'s prefix alternatives (chain level).", rule.name),
                );
                self.line(
                    0,
                    &format!(
                        "fn {}_prefix(p: &mut Parser<'_>) -> Option<{ty}> {{",
                        rule.name
                    ),
                );
                let sets_src = self.rule_carries(&rule.name);
                let body = self.alts_code(alts, false, 1, sets_src)?;
                self.out.push_str(&body);
                self.line(1, "None");
                self.line(0, "}");
                self.line(0, "");
                Ok(())
            }
        }
    }

    /// `<rule>_cont(p, _start, _acc)`: with `_acc` the next rule's value at the rule's start,
    /// the first tail that matches makes the rule's value; if none does, `_acc` is the value.
    fn emit_cont(&mut self, name: &str, ty: &str, alts: &[Alt]) -> Result<(), String> {
        self.line(
            0,
            &format!("/// `{name}` continuing its first item's value (chain level)."),
        );
        self.line(
            0,
            &format!(
                "fn {name}_cont(p: &mut Parser<'_>, _start: (i32, i32), _acc: {ty}) -> Option<{ty}> {{"
            ),
        );
        self.line(1, "let _mark = p.mark;");
        self.line(1, "let _acc_src = p.src;");
        for alt in alts {
            let bound = alt.items[0].name.clone().unwrap_or_default();
            let tail = tail_of(alt);
            let action = alt.action.clone().unwrap_or_default();
            self.line(1, &format!("// {alt}"));
            self.label_counter += 1;
            let label = format!("'a{}", self.label_counter);
            self.line(1, &format!("{label}: {{"));
            let items = self.alt_items_code(&tail, false, &label, 1)?;
            self.out.push_str(&items.code);
            self.line(2, "p.src = Src::NONE;");
            if action.contains("EXTRA") {
                self.line(2, "let EXTRA = p.extra(_start);");
            }
            self.line(2, &format!("let {bound} = _acc;"));
            self.line(2, &format!("return Some({{ {} }});", items.action(&action)));
            self.line(1, "}");
            self.line(1, "p.mark = _mark;");
        }
        // The bare fallback alternative: the value as it came.
        self.emit_acc_unless_error();
        Ok(())
    }

    /// `<name>_chain`: the first pass's parse of a chain entry (module docs). Called by
    /// `<name>_rule` after its own entry (`p.level` one up); returns with `p.level` there.
    pub(super) fn emit_chain(&mut self, name: &str, ty: &str) -> Result<(), String> {
        let chain = self.chain_of(name);
        let Some((_, last)) = chain.last() else {
            return Ok(());
        };
        let bottom = last.next.clone();
        // `depth[j]`: p.level inside level j's body, above the entry's caller.
        let depth: Vec<u32> = chain
            .iter()
            .scan(0, |d, (_, l)| {
                *d += l.enters;
                Some(*d)
            })
            .collect();
        let names: Vec<&str> = chain.iter().map(|(n, _)| n.as_str()).collect();
        self.line(
            0,
            &format!(
                "/// The first pass's `{name}`: the chain {} > {bottom}, from its left corner.",
                names.join(" > ")
            ),
        );
        self.line(
            0,
            &format!("fn {name}_chain(p: &mut Parser<'_>) -> Option<{ty}> {{"),
        );
        self.line(1, "let _base = p.level - 1;");
        self.line(1, "let _mark = p.mark;");
        self.line(1, "let _start = p.start_position(_mark)?;");
        self.emit_chain_corner(&chain, &depth, &bottom);
        self.emit_chain_continuations(&chain, &depth);
        self.line(0, "}");
        self.line(0, "");
        Ok(())
    }

    /// `_e`, the chain's left corner: the prefix alternative of the first level whose prefix
    /// token is next, else the bottom rule; `_corner` is that level's index (the bottom's is the
    /// chain's length).
    fn emit_chain_corner(&mut self, chain: &[(String, Level)], depth: &[u32], bottom: &str) {
        self.line(1, "let (_corner, _first) = match p.kind_at_mark() {");
        for (j, (level_name, level)) in chain.iter().enumerate() {
            if let Shape::Prefix { kinds, .. } = &level.shape {
                self.line(2, &format!("{} => {{", kinds.join(" | ")));
                self.line(3, &format!("p.level = _base + {};", depth[j]));
                self.line(3, &format!("({j}usize, {level_name}_prefix(p))"));
                self.line(2, "}");
            }
        }
        let n = chain.len();
        self.line(2, "_ => {");
        self.line(3, &format!("p.level = _base + {};", depth[n - 1]));
        match self.twin_of(&chain[n - 1].0) {
            // The lowest level's grow may start from its twin's value (see `twin.rs`).
            Some(twin) => self.line(
                3,
                &format!(
                    "({n}usize, match p.take_twin_value({}) {{ Some(_v) => Some(_v), None => {bottom}_rule(p) }})",
                    memo_id(twin)
                ),
            ),
            None => self.line(3, &format!("({n}usize, {bottom}_rule(p))")),
        }
        self.line(2, "}");
        self.line(1, "};");
        self.line(1, "let Some(mut _e) = _first else {");
        self.emit_chain_failure(2);
        self.line(1, "};");
    }

    /// The levels above the corner continue the value, deepest first. `_bit` is the next token
    /// (as a FIRST-set bit): a level whose continuations cannot start with it is skipped, and
    /// once no level above can, the value is the chain's. A level looks at the error flag
    /// first, so an error raised meanwhile fails the chain if one is left.
    fn emit_chain_continuations(&mut self, chain: &[(String, Level)], depth: &[u32]) {
        let conts: Vec<usize> = (0..chain.len())
            .filter(|&j| !matches!(chain[j].1.shape, Shape::Prefix { .. }))
            .collect();
        let Some(&shallowest) = conts.first() else {
            self.emit_chain_value(1);
            return;
        };
        self.line(
            1,
            &format!("if _corner > {shallowest} && p.error_indicator {{"),
        );
        self.emit_chain_failure(2);
        self.line(1, "}");
        self.line(1, "let mut _bit = p.next_kind_bit();");
        for &j in conts.iter().rev() {
            let (level_name, level) = &chain[j];
            let above = chain[..=j].iter().fold(0u128, |m, (_, l)| m | l.cont_first);
            let call = match level.shape {
                Shape::Grows => format!("{level_name}_grow(p, _start, _e)"),
                _ => format!("{level_name}_cont(p, _start, _e)"),
            };
            self.line(1, &format!("if _corner > {j} {{"));
            self.line(2, &format!("if _bit & {above:#x} == 0 {{"));
            self.emit_chain_value(3);
            self.line(2, "}");
            self.line(2, &format!("if _bit & {:#x} != 0 {{", level.cont_first));
            self.line(3, &format!("p.level = _base + {};", depth[j]));
            self.line(3, &format!("let Some(_v) = {call} else {{"));
            self.emit_chain_failure(4);
            self.line(3, "};");
            self.line(3, "_e = _v;");
            if j > shallowest {
                self.line(3, "if p.failed() {");
                self.emit_chain_failure(4);
                self.line(3, "}");
                self.line(3, "_bit = p.next_kind_bit();");
            }
            self.line(2, "}");
            self.line(1, "}");
        }
        self.emit_chain_value(1);
    }

    /// A chain function failing: back at the entry's level and mark.
    fn emit_chain_failure(&mut self, indent: usize) {
        self.line(indent, "p.level = _base + 1;");
        self.line(indent, "p.mark = _mark;");
        self.line(indent, "return None;");
    }

    /// A chain function returning `_e`, the chain's value: back at the entry's level.
    fn emit_chain_value(&mut self, indent: usize) {
        self.line(indent, "p.level = _base + 1;");
        self.line(indent, "return Some(_e);");
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::grammar::parse_grammar;
    use super::super::test_support::{repo_file, tokens};
    use super::*;

    fn chain_names(grammar: &str, entry: &str) -> Vec<String> {
        let g = parse_grammar(grammar).expect("the grammar parses");
        let tokens = tokens();
        let gen = Generator::new(&g, &tokens).expect("the generator starts");
        gen.chain_of(entry).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn python_grammar_chains_are_the_operator_precedence_levels() {
        let text = repo_file("crates/parser/python.gram");
        assert_eq!(
            chain_names(&text, "disjunction"),
            [
                "disjunction",
                "conjunction",
                "inversion",
                "comparison",
                "bitwise_or",
                "bitwise_xor",
                "bitwise_and",
                "shift_expr",
                "sum",
                "term",
                "factor",
                "power",
                "await_primary",
                "primary",
            ]
        );
        assert_eq!(
            chain_names(&text, "star_expressions"),
            ["star_expressions", "star_expression"]
        );
    }

    #[test]
    fn prefix_levels_need_tokens_their_fallback_cannot_start() {
        // `'-'` can start `b` (through `c`): a failed `'-' a` would leave `b` to try.
        let grammar = "a[Expr]: '-' x=a { x } | b\nb[Expr]: '-' c { c } | c\nc[Expr]: NAME\n";
        assert_eq!(chain_names(grammar, "a"), Vec::<String>::new());
        assert_eq!(chain_names(grammar, "b"), ["b"]);
        // `'~'` cannot start `b`: `a` is a level above `b`.
        let grammar = "a[Expr]: '~' x=a { x } | b\nb[Expr]: '-' c { c } | c\nc[Expr]: NAME\n";
        assert_eq!(chain_names(grammar, "a"), ["a", "b"]);
    }

    #[test]
    fn continuing_levels_need_tails_that_match_first_infallible_new_values_and_no_cut() {
        let cut = "a[Expr]: x=b '+' ~ y=b { f(x, y) } | b\nb[Expr]: '~' x=b { x } | NAME\n";
        assert!(chain_names(cut, "a").is_empty());
        let fallible = "a[Expr]: x=b '+' y=b { f(x, y)? } | b\nb[Expr]: '~' x=b { x } | NAME\n";
        assert!(chain_names(fallible, "a").is_empty());
        let passthrough = "a[Expr]: x=b '+' y=b { y } | b\nb[Expr]: '~' x=b { x } | NAME\n";
        assert!(chain_names(passthrough, "a").is_empty());
        let lookahead = "a[Expr]: x=b !'=' y=b { f(x, y) } | b\nb[Expr]: '~' x=b { x } | NAME\n";
        assert!(chain_names(lookahead, "a").is_empty());
        let fine = "a[Expr]: x=b '+' y=b { f(x, y) } | b\nb[Expr]: '~' x=b { g(x) } | NAME\n";
        assert_eq!(chain_names(fine, "a"), ["a"]);
    }
}
