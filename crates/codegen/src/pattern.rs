//! Port of Python/codegen.c: codegen_match, codegen_match_inner, codegen_pattern,
//! codegen_pattern_subpattern, codegen_pattern_value, codegen_pattern_singleton,
//! codegen_pattern_sequence, pattern_helper_sequence_unpack, pattern_helper_sequence_subscr,
//! codegen_pattern_unpack_helper, codegen_pattern_mapping, codegen_pattern_mapping_key,
//! codegen_pattern_class, validate_kwd_attrs, codegen_pattern_star, codegen_pattern_as,
//! codegen_pattern_or, codegen_pattern_helper_store_name, codegen_error_duplicate_store.

use pyc_ast::constant::Constant;
use pyc_ast::{
    Expr, Identifier, Pattern, PatternMatchClass, PatternMatchMapping, PatternMatchOr,
    PatternMatchSequence, StmtMatch,
};
use pyc_future::SourceLocation;

use crate::compiler::{loc, CResult, Compiler};
use crate::expr::{UNPACK_EX_MAX_AFTER, UNPACK_EX_MAX_BEFORE};

/// `pattern_context`, as far as the checks need it: the names captured so far (in capture
/// order; the stack rotations that keep values in that order come with emission) and whether
/// an irrefutable pattern is allowed here.
struct PatternContext<'a> {
    stores: Vec<&'a Identifier>,
    allow_irrefutable: bool,
}

/// `WILDCARD_CHECK`.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `WILDCARD_STAR_CHECK`.
fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    /// `codegen_match` (`codegen_match_inner`): a trailing `case _:` after other cases is
    /// compiled on its own, without its pattern.
    pub(crate) fn match_(&mut self, m: &'a StmtMatch) -> CResult {
        self.visit_expr(&m.subject)?;
        let cases = m.cases.len();
        let has_default = cases > 1 && m.cases.last().is_some_and(|c| is_wildcard(&c.pattern));
        let checked = cases - usize::from(has_default);
        for (i, case) in m.cases[..checked].iter().enumerate() {
            // Irrefutable cases must be either guarded, last, or both.
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i + 1 == cases,
            };
            self.pattern(&case.pattern, &mut pc)?;
            if let Some(guard) = &case.guard {
                self.jump_if(guard)?;
            }
            self.visit_stmts(&case.body)?;
        }
        if let (true, Some(default)) = (has_default, m.cases.last()) {
            if let Some(guard) = &default.guard {
                self.jump_if(guard)?;
            }
            self.visit_stmts(&default.body)?;
        }
        Ok(())
    }

    /// `codegen_pattern`.
    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext<'a>) -> CResult {
        self.enter_recursive()?;
        self.pattern_inner(p, pc)?;
        self.leave_recursive();
        Ok(())
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext<'a>) -> CResult {
        let at = loc(&p.loc());
        match p {
            Pattern::MatchValue(v) => {
                if !matches!(v.value, Expr::Constant(_) | Expr::Attribute(_)) {
                    let msg = "patterns may only match literals and attribute lookups";
                    return Err(self.error(at, msg.to_string()));
                }
                self.visit_expr(&v.value)
            }
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => self.pattern_sequence(at, s, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(at, m, pc),
            Pattern::MatchClass(c) => self.pattern_class(at, c, pc),
            Pattern::MatchStar(s) => self.pattern_helper_store_name(at, s.name.as_ref(), pc),
            Pattern::MatchAs(a) => {
                let Some(sub) = &a.pattern else {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(name) => format!(
                                "name capture {} makes remaining patterns unreachable",
                                repr(name)
                            ),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.error(at, msg));
                    }
                    return self.pattern_helper_store_name(at, a.name.as_ref(), pc);
                };
                self.pattern(sub, pc)?;
                self.pattern_helper_store_name(at, a.name.as_ref(), pc)
            }
            Pattern::MatchOr(o) => self.pattern_or(at, o, pc),
        }
    }

    /// `codegen_pattern_subpattern`: like `pattern`, with irrefutable patterns allowed.
    fn pattern_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext<'a>) -> CResult {
        let allow_irrefutable = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow_irrefutable;
        Ok(())
    }

    /// `codegen_pattern_helper_store_name`: a name may be captured once per pattern.
    fn pattern_helper_store_name(
        &mut self,
        at: SourceLocation,
        name: Option<&'a Identifier>,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let Some(name) = name else {
            return Ok(());
        };
        if pc.stores.contains(&name) {
            return Err(self.error_duplicate_store(at, name));
        }
        pc.stores.push(name);
        Ok(())
    }

    /// `codegen_error_duplicate_store`.
    fn error_duplicate_store(
        &self,
        at: SourceLocation,
        name: &Identifier,
    ) -> Box<crate::CodegenError> {
        let msg = format!("multiple assignments to name {} in pattern", repr(name));
        self.error(at, msg)
    }

    /// `codegen_pattern_sequence`: at most one starred name; the wildcards-only, the
    /// starred-wildcard (`pattern_helper_sequence_subscr`) and the general
    /// (`pattern_helper_sequence_unpack`) forms.
    fn pattern_sequence(
        &mut self,
        at: SourceLocation,
        s: &'a PatternMatchSequence,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, pattern) in s.patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = pattern {
                if star.is_some() {
                    let msg = "multiple starred names in sequence pattern";
                    return Err(self.error(at, msg.to_string()));
                }
                star_wildcard = is_wildcard_star(pattern);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(pattern);
        }
        if only_wildcard {
            return Ok(());
        }
        if star_wildcard {
            for (i, pattern) in s.patterns.iter().enumerate() {
                if is_wildcard(pattern) || Some(i) == star {
                    continue;
                }
                self.pattern_subpattern(pattern, pc)?;
            }
            return Ok(());
        }
        self.pattern_unpack_helper(at, &s.patterns)?;
        s.patterns
            .iter()
            .try_for_each(|pattern| self.pattern_subpattern(pattern, pc))
    }

    /// `codegen_pattern_unpack_helper`.
    fn pattern_unpack_helper(&mut self, at: SourceLocation, patterns: &'a [Pattern]) -> CResult {
        let n = patterns.len();
        let mut seen_star = false;
        for (i, pattern) in patterns.iter().enumerate() {
            if !matches!(pattern, Pattern::MatchStar(_)) {
                continue;
            }
            if seen_star {
                let msg = "multiple starred expressions in sequence pattern";
                return Err(self.error(at, msg.to_string()));
            }
            // `n - i - 1` sub-patterns follow the starred one.
            if i >= UNPACK_EX_MAX_BEFORE || n - i > UNPACK_EX_MAX_AFTER {
                let msg = "too many expressions in star-unpacking sequence pattern";
                return Err(self.error(at, msg.to_string()));
            }
            seen_star = true;
        }
        Ok(())
    }

    /// `codegen_pattern_mapping` (`codegen_pattern_mapping_key`): each key is checked, then
    /// compiled, in order; then the sub-patterns, then the `**rest` capture.
    fn pattern_mapping(
        &mut self,
        at: SourceLocation,
        m: &'a PatternMatchMapping,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let (size, npatterns) = (m.keys.len(), m.patterns.len());
        if size != npatterns {
            let msg = format!(
                "keys ({size}) / patterns ({npatterns}) length mismatch in mapping pattern"
            );
            return Err(self.error(at, msg));
        }
        if size == 0 && m.rest.is_none() {
            return Ok(());
        }
        let mut seen: Vec<&'a Constant> = Vec::new();
        for key in &m.keys {
            match key {
                Expr::Constant(c) => {
                    if seen.iter().any(|s| constants_equal(s, &c.value)) {
                        let msg =
                            format!("mapping pattern checks duplicate key ({})", c.value.repr());
                        return Err(self.error(at, msg));
                    }
                    seen.push(&c.value);
                }
                Expr::Attribute(_) => {}
                _ => {
                    let msg = "mapping pattern keys may only match literals and attribute lookups";
                    return Err(self.error(at, msg.to_string()));
                }
            }
            self.visit_expr(key)?;
        }
        for pattern in &m.patterns {
            self.pattern_subpattern(pattern, pc)?;
        }
        self.pattern_helper_store_name(at, m.rest.as_ref(), pc)
    }

    /// `codegen_pattern_class` (`validate_kwd_attrs`).
    fn pattern_class(
        &mut self,
        at: SourceLocation,
        c: &'a PatternMatchClass,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let (nattrs, nkwd_patterns) = (c.kwd_attrs.len(), c.kwd_patterns.len());
        if nattrs != nkwd_patterns {
            let msg = format!(
                "kwd_attrs ({nattrs}) / kwd_patterns ({nkwd_patterns}) length mismatch in class pattern"
            );
            return Err(self.error(at, msg));
        }
        for (i, attr) in c.kwd_attrs.iter().enumerate() {
            let repeat = c.kwd_attrs[i + 1..].iter().position(|other| other == attr);
            if let Some(offset) = repeat {
                let pattern_loc = c.kwd_patterns[i + 1 + offset].loc();
                let msg = format!(
                    "attribute name repeated in class pattern: {}",
                    attr.as_str()
                );
                return Err(self.error(loc(&pattern_loc), msg));
            }
        }
        self.visit_expr(&c.cls)?;
        for pattern in c.patterns.iter().chain(&c.kwd_patterns) {
            if !is_wildcard(pattern) {
                self.pattern_subpattern(pattern, pc)?;
            }
        }
        Ok(())
    }

    /// `codegen_pattern_or`: only the last alternative may be irrefutable (and only where the
    /// whole may be); every alternative must capture the same names as the first.
    fn pattern_or(
        &mut self,
        at: SourceLocation,
        o: &'a PatternMatchOr,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let outer_stores = std::mem::take(&mut pc.stores);
        let outer_allow_irrefutable = pc.allow_irrefutable;
        let mut control: Option<Vec<&'a Identifier>> = None;
        let last = o.patterns.len().saturating_sub(1);
        for (i, alt) in o.patterns.iter().enumerate() {
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == last && outer_allow_irrefutable;
            self.pattern(alt, pc)?;
            let stores = std::mem::take(&mut pc.stores);
            match &control {
                None => control = Some(stores),
                Some(control) => {
                    let same = stores.len() == control.len()
                        && control.iter().all(|name| stores.contains(name));
                    if !same {
                        let msg = "alternative patterns bind different names".to_string();
                        return Err(self.error(at, msg));
                    }
                }
            }
        }
        pc.stores = outer_stores;
        pc.allow_irrefutable = outer_allow_irrefutable;
        for name in control.unwrap_or_default() {
            if pc.stores.contains(&name) {
                return Err(self.error_duplicate_store(at, name));
            }
            pc.stores.push(name);
        }
        Ok(())
    }
}

/// `repr()` of a name.
fn repr(name: &Identifier) -> String {
    pyc_tokenize::decode::python_repr(name.as_str())
}

/// Whether two constant keys are equal as members of a Python set: numbers by value across
/// `bool`, `int`, `float` and `complex`; strings and bytes by content.
fn constants_equal(a: &Constant, b: &Constant) -> bool {
    if is_nan(a) || is_nan(b) {
        return false;
    }
    match (as_number(a), as_number(b)) {
        (Some(x), Some(y)) => x == y,
        (None, None) => match (a, b) {
            (Constant::Str(x), Constant::Str(y)) => x == y,
            (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
            (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
            _ => false,
        },
        _ => false,
    }
}

/// A number as an exact value for comparisons: its real part as exact decimal text (or
/// `inf`, `-inf`) and its imaginary part.
#[derive(PartialEq)]
struct NumberKey {
    real: String,
    imag: String,
}

fn as_number(c: &Constant) -> Option<NumberKey> {
    let zero = || exact_decimal(0.0);
    Some(match c {
        Constant::Bool(b) => NumberKey {
            real: if *b { "1" } else { "0" }.to_string(),
            imag: zero(),
        },
        Constant::Int(i) => NumberKey {
            real: i.to_decimal_string(),
            imag: zero(),
        },
        Constant::Float(f) => NumberKey {
            real: exact_decimal(*f),
            imag: zero(),
        },
        Constant::Complex { real, imag } => NumberKey {
            real: exact_decimal(*real),
            imag: exact_decimal(*imag),
        },
        _ => return None,
    })
}

/// Whether a number has a NaN part: it equals nothing (two NaN keys are distinct objects).
fn is_nan(c: &Constant) -> bool {
    match c {
        Constant::Float(f) => f.is_nan(),
        Constant::Complex { real, imag } => real.is_nan() || imag.is_nan(),
        _ => false,
    }
}

/// The exact value of a float as decimal text, so that `1.0` and `1` (or `1e20` and
/// `100000000000000000000`) compare equal as they do in Python.
fn exact_decimal(f: f64) -> String {
    if f == 0.0 {
        return "0".to_string();
    }
    if f.fract() == 0.0 || f.is_infinite() {
        return format!("{f:.0}");
    }
    format!("{f}")
}
