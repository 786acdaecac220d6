//! Port of Lib/_ast_unparse.py: the pattern visitors of Unparser (visit_MatchValue through
//! visit_MatchOr).

use super::strings::constant_text;
use super::{Precedence, Result, UnparseError, Unparser, DIRECT};
use crate::Pattern;

/// How many frames above its `visit_X` a pattern's own helper calls reach: `write` (1),
/// `_write_constant` and `write` (2), `delimit` or `interleave`'s separator (3),
/// `require_parens` (3, or 4 with parentheses).
fn pattern_helper_frames(node: &Pattern, prec: Precedence) -> usize {
    let parens = |own: Precedence| if prec > own { 4 } else { 3 };
    match node {
        Pattern::MatchValue(_) => 0,
        Pattern::MatchSingleton(_) => 2,
        Pattern::MatchStar(_) => 1,
        Pattern::MatchSequence(_) | Pattern::MatchMapping(_) | Pattern::MatchClass(_) => 3,
        Pattern::MatchAs(n) if n.name.is_none() || n.pattern.is_none() => 1,
        Pattern::MatchAs(_) => parens(Precedence::TEST),
        Pattern::MatchOr(_) => parens(Precedence::BOR),
    }
}

impl Unparser {
    /// `traverse` of a pattern whose parent asked for precedence `prec`.
    pub(super) fn pattern(&mut self, node: &Pattern, prec: Precedence) -> Result<()> {
        self.pattern_at(node, prec, DIRECT)
    }

    /// A pattern whose `visit_X` runs `offset` frames above the parent's.
    fn pattern_at(&mut self, node: &Pattern, prec: Precedence, offset: usize) -> Result<()> {
        self.at(offset, |u| u.pattern_visit(node, prec))
    }

    /// `visit_X` of a pattern, in the current frame.
    pub(super) fn pattern_visit(&mut self, node: &Pattern, prec: Precedence) -> Result<()> {
        self.peak(pattern_helper_frames(node, prec))?;
        self.pattern_inner(node, prec)
    }

    fn pattern_inner(&mut self, node: &Pattern, prec: Precedence) -> Result<()> {
        match node {
            Pattern::MatchValue(node) => self.expr(&node.value, Precedence::TEST),
            Pattern::MatchSingleton(node) => {
                self.write(&constant_text(&node.value));
                Ok(())
            }
            Pattern::MatchSequence(node) => self.delimit("[", "]", |u| {
                u.interleave(", ", &node.patterns, |u, p| {
                    u.pattern_at(p, Precedence::TEST, 4)
                })
            }),
            Pattern::MatchStar(node) => {
                let name = node.name.as_deref().unwrap_or("_");
                self.write(&format!("*{name}"));
                Ok(())
            }
            Pattern::MatchMapping(node) => {
                if node.keys.len() != node.patterns.len() {
                    return Err(zip_length_error(node.keys.len(), node.patterns.len()));
                }
                self.delimit("{", "}", |u| {
                    u.interleave(
                        ", ",
                        node.keys.iter().zip(&node.patterns),
                        |u, (key, pattern)| {
                            u.expr_at(key, Precedence::TEST, 5)?;
                            u.write(": ");
                            u.pattern_at(pattern, Precedence::TEST, 5)
                        },
                    )?;
                    if let Some(rest) = &node.rest {
                        if !node.keys.is_empty() {
                            u.write(", ");
                        }
                        u.write(&format!("**{rest}"));
                    }
                    Ok(())
                })
            }
            Pattern::MatchClass(node) => {
                self.expr(&node.cls, Precedence::ATOM)?;
                self.delimit("(", ")", |u| {
                    u.interleave(", ", &node.patterns, |u, p| {
                        u.pattern_at(p, Precedence::TEST, 4)
                    })?;
                    if node.kwd_attrs.is_empty() {
                        return Ok(());
                    }
                    if !node.patterns.is_empty() {
                        u.write(", ");
                    }
                    if node.kwd_attrs.len() != node.kwd_patterns.len() {
                        return Err(zip_length_error(
                            node.kwd_attrs.len(),
                            node.kwd_patterns.len(),
                        ));
                    }
                    u.interleave(
                        ", ",
                        node.kwd_attrs.iter().zip(&node.kwd_patterns),
                        |u, (attr, pattern)| {
                            u.write(&format!("{attr}="));
                            u.pattern_at(pattern, Precedence::TEST, 5)
                        },
                    )
                })
            }
            Pattern::MatchAs(node) => match (&node.name, &node.pattern) {
                (None, _) => {
                    self.write("_");
                    Ok(())
                }
                (Some(name), None) => {
                    self.write(name);
                    Ok(())
                }
                (Some(name), Some(pattern)) => self.require_parens(Precedence::TEST, prec, |u| {
                    u.pattern(pattern, Precedence::BOR)?;
                    u.write(&format!(" as {name}"));
                    Ok(())
                }),
            },
            Pattern::MatchOr(node) => self.require_parens(Precedence::BOR, prec, |u| {
                u.interleave(" | ", &node.patterns, |u, p| {
                    u.pattern_at(p, Precedence::BOR.next(), 4)
                })
            }),
        }
    }
}

/// The error of `zip(..., strict=True)` over sequences of different lengths.
fn zip_length_error(first: usize, second: usize) -> UnparseError {
    let message = if first < second {
        "zip() argument 2 is longer than argument 1"
    } else {
        "zip() argument 2 is shorter than argument 1"
    };
    UnparseError::new(message)
}
