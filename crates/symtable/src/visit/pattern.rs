//! Port of Python/symtable.c: symtable_visit_pattern, check_kwd_patterns.

use pyc_ast::Pattern;

use super::loc;
use crate::build::{Builder, Ctx, VisitResult};
use crate::flags::SymbolFlags;

impl Builder<'_> {
    /// `symtable_visit_pattern`.
    pub(crate) fn visit_pattern(&mut self, p: &Pattern) -> VisitResult {
        self.enter_recursive()?;
        self.visit_pattern_inner(p)?;
        self.leave_recursive();
        Ok(())
    }

    pub(crate) fn visit_patterns(&mut self, patterns: &[Pattern]) -> VisitResult {
        patterns.iter().try_for_each(|p| self.visit_pattern(p))
    }

    pub(crate) fn visit_pattern_inner(&mut self, p: &Pattern) -> VisitResult {
        match p {
            Pattern::MatchValue(v) => self.visit_expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => self.visit_patterns(&s.patterns),
            Pattern::MatchStar(s) => match &s.name {
                Some(name) => self.add_def(name, SymbolFlags::DEF_LOCAL, loc(&s.loc)),
                None => Ok(()),
            },
            Pattern::MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                self.visit_patterns(&m.patterns)?;
                match &m.rest {
                    Some(rest) => self.add_def(rest, SymbolFlags::DEF_LOCAL, loc(&m.loc)),
                    None => Ok(()),
                }
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                self.visit_patterns(&c.patterns)?;
                // `check_kwd_patterns`.
                for (attr, pattern) in c.kwd_attrs.iter().zip(&c.kwd_patterns) {
                    self.check_name(attr, loc(&pattern.loc()), Ctx::Store)?;
                }
                self.visit_patterns(&c.kwd_patterns)
            }
            Pattern::MatchAs(a) => {
                if let Some(pattern) = &a.pattern {
                    self.visit_pattern(pattern)?;
                }
                match &a.name {
                    Some(name) => self.add_def(name, SymbolFlags::DEF_LOCAL, loc(&a.loc)),
                    None => Ok(()),
                }
            }
            Pattern::MatchOr(o) => self.visit_patterns(&o.patterns),
        }
    }
}
