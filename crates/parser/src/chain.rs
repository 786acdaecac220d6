//! The parser side of the generator's operator chains (xtask/src/peg/codegen/chain.rs): in the
//! first pass, a chain entry such as `disjunction` parses its left corner and lets each level
//! above continue the value, instead of descending rule by rule. No CPython counterpart: the
//! parse is the one Parser/parser.c makes, with fewer calls.

use crate::pegen::{Parser, FIRST_SET_MARGIN, MAXSTACK};

impl Parser<'_> {
    /// Whether a chain entry may parse fused: in the first pass only (the error pass runs the
    /// rules one by one, `invalid_` alternatives and all), and only where the FIRST-set checks
    /// apply, well below MAXSTACK: the fused parse skips failing descents of a few dozen levels,
    /// and only there can no such descent overflow the parser stack.
    #[inline]
    pub(crate) fn chain_allowed(&self) -> bool {
        !self.error_pass && self.level <= MAXSTACK - FIRST_SET_MARGIN
    }

    /// The kind of the token at the mark, which the caller has made sure is in the buffer.
    #[inline]
    pub(crate) fn kind_at_mark(&self) -> u16 {
        self.tokens.get(self.mark).map_or(0, |t| t.kind)
    }
}
