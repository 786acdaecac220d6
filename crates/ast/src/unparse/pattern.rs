//! Port of Lib/_ast_unparse.py: the pattern visitors of Unparser (visit_MatchValue through
//! visit_MatchOr).

use super::strings::constant_text;
use super::{Precedence, Result, UnparseError, Unparser};
use crate::Pattern;

impl Unparser {
    /// `traverse` of a pattern whose parent asked for precedence `prec`.
    pub(super) fn pattern(&mut self, node: &Pattern, prec: Precedence) -> Result<()> {
        self.nested(|u| u.pattern_inner(node, prec))
    }

    fn pattern_inner(&mut self, node: &Pattern, prec: Precedence) -> Result<()> {
        match node {
            Pattern::MatchValue(node) => self.expr(&node.value, Precedence::TEST),
            Pattern::MatchSingleton(node) => {
                self.write(&constant_text(&node.value));
                Ok(())
            }
            Pattern::MatchSequence(node) => self.delimit("[", "]", |u| {
                u.interleave(", ", &node.patterns, |u, p| u.pattern(p, Precedence::TEST))
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
                            u.expr(key, Precedence::TEST)?;
                            u.write(": ");
                            u.pattern(pattern, Precedence::TEST)
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
                    u.interleave(", ", &node.patterns, |u, p| u.pattern(p, Precedence::TEST))?;
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
                            u.pattern(pattern, Precedence::TEST)
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
                    u.pattern(p, Precedence::BOR.next())
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
