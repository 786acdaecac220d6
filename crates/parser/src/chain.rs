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

    /// The next token as a FIRST-set bit (as in `cannot_start`), for the chain levels to test
    /// their continuations against; all bits when the token has no bit of its own or cannot be
    /// read (the levels then look for themselves, and see the error).
    #[inline]
    pub(crate) fn next_kind_bit(&mut self) -> u128 {
        if self.mark == self.tokens.len() && !self.fill_token() {
            self.error_indicator = true;
            return u128::MAX;
        }
        let Some(t) = self.tokens.get(self.mark) else {
            return u128::MAX;
        };
        let index = if t.kind >= 500 {
            t.kind - 500 + 64
        } else {
            t.kind
        };
        if index < 128 {
            1u128 << index
        } else {
            u128::MAX
        }
    }
}
