//! Port of Parser/pegen.c's memo (`_PyPegen_is_memoized`, `_PyPegen_insert_memo`,
//! `_PyPegen_update_memo`): per-token lists of (rule, result, end) entries.
//!
//! CPython hangs a linked list of memo entries off each token and shares node pointers between
//! the memo and its callers. Here the lists live in one vector (`entries`, chained through
//! `next`, with `heads[token]` the first), and values are owned, so the memo *lends* them: the
//! first parse records where the rule ended and hands the value to the caller; a caller whose
//! alternative fails gives it back; a request while it is out parses again. Left-recursive
//! leaders of indirect cycles keep a copy instead and clone it on every hit.
//!
//! A value often travels through rules that return it unchanged (`named_expression` returns
//! `expression`'s value, a group returns one of its alternatives' values). Each value therefore
//! carries its [`Src`]: the memo entry that owns it. A rule that passes a value through keeps
//! its source, a memoized rule whose result is another entry's value records a `Via` link to
//! it, and whoever drops the value gives it back to its source. So the value returns to the
//! one entry that owns it, and every rule that passed it through finds it there.
//!
//! An entry is 16 bytes: most record a failure, a value out with a caller, or a link, and only
//! a value given back is kept, in a list of its own (`values`).

use pyc_ast::constant::Constant;
use pyc_ast::{Expr, Pattern, Stmt, TypeParam};

/// No entry (the end of a chain; a value no entry owns).
const NONE: u32 = u32::MAX;

/// The bit of `rule` in a token's set of memoized rules (the generator numbers at most 32).
fn rule_bit(rule: u16) -> u32 {
    1u32 << (rule & 31)
}

/// A memoized value of any of the memoized rules' types.
#[derive(Clone)]
pub enum MemoValue {
    Expr(Expr),
    Stmt(Stmt),
    /// A block.
    Stmts(Vec<Stmt>),
    Pattern(Pattern),
    TypeParam(TypeParam),
    Unit,
}

/// The types memoized rules return.
pub trait Memoizable: Sized {
    fn into_memo(self) -> MemoValue;
    fn from_memo(value: MemoValue) -> Option<Self>;

    /// Whether the value is an atom of one token that is cheaper to make again than to
    /// keep and lend (a node from the thread's pool, see `NodeBox`): a name, or a number,
    /// `True`, `False`, `None` or `...` (a constant that is no string: strings decode, and
    /// warn).
    fn is_remade_cheaply(&self) -> bool {
        false
    }
}

macro_rules! memoizable {
    ($ty:ty, $variant:ident $(, is_remade_cheaply: $cheap:path)?) => {
        impl Memoizable for $ty {
            fn into_memo(self) -> MemoValue {
                MemoValue::$variant(self)
            }
            fn from_memo(value: MemoValue) -> Option<Self> {
                match value {
                    MemoValue::$variant(v) => Some(v),
                    _ => None,
                }
            }
            $(fn is_remade_cheaply(&self) -> bool {
                $cheap(self)
            })?
        }
    };
}

memoizable!(Expr, Expr, is_remade_cheaply: expr_is_remade_cheaply);
memoizable!(Stmt, Stmt);

/// [`Memoizable::is_remade_cheaply`] for an `Expr`: a name, or a constant that is no string.
fn expr_is_remade_cheaply(value: &Expr) -> bool {
    match value {
        Expr::Name(_) => true,
        Expr::Constant(constant) => {
            !matches!(constant.value, Constant::Str(_) | Constant::Bytes(_))
        }
        _ => false,
    }
}
memoizable!(Pattern, Pattern);
memoizable!(TypeParam, TypeParam);
memoizable!(Vec<Stmt>, Stmts);

impl Memoizable for () {
    fn into_memo(self) -> MemoValue {
        MemoValue::Unit
    }
    fn from_memo(value: MemoValue) -> Option<Self> {
        match value {
            MemoValue::Unit => Some(()),
            _ => None,
        }
    }
}

/// Where a value came from: the memo entry that lent it (its index), if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Src(u32);

impl Src {
    /// A value no memo entry owns (built by an action, or a token's).
    pub const NONE: Src = Src(NONE);
}

/// How far `Via` links are followed (they cannot form cycles; this only bounds the walk).
const MAX_VIA: usize = 64;

/// What an entry holds; a value is in `Memo::values`, at the entry's `link`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// The rule failed here.
    Failed,
    /// The rule succeeded with this value.
    Value,
    /// The rule succeeded, but its value is out with a caller.
    Lent,
    /// Asked for while lent, the rule was parsed again; that value is out too.
    Reparsed,
    /// Parsed a third time: a copy kept for good, and every later request gets a clone of it.
    Copy,
    /// The rule succeeded with the value another entry owns (it passed that value through):
    /// `link` is that entry.
    Via,
}

struct Entry {
    rule: u16,
    state: State,
    /// Token index after the rule's match.
    end: u32,
    /// The next entry of the same token.
    next: u32,
    /// `Value` and `Copy`: the value's index in `Memo::values`; `Via`: the owning entry.
    link: u32,
}

/// The outcome of a memo lookup that takes the value.
pub enum MemoHit<T> {
    /// The result (moved out of the memo) and where the rule ended.
    Found(Option<T>, usize),
    /// The rule succeeded here, but its value is out: parse again.
    Lent,
    /// Not parsed here yet.
    Miss,
}

/// The memo of one parse: every memoized rule's entries, by token.
#[derive(Default)]
pub struct Memo {
    /// Per token index: the first entry of its chain (or `NONE`), and a bit per rule that has
    /// an entry in it, so that a miss (the common case) costs no walk. 8 bytes a token, set
    /// for every token the parse reaches (with 16, this table's filling took 0.7% of a parse).
    heads: Vec<(u32, u32)>,
    entries: Vec<Entry>,
    /// The values entries hold (`State::Value`, `State::Copy`); one taken out leaves `Unit`.
    values: Vec<MemoValue>,
}

impl Memo {
    /// A memo sized for a source of `source_len` bytes, so that it rarely grows (copying a
    /// large table) during the parse.
    #[cfg(test)]
    pub(crate) fn for_source(source_len: usize) -> Memo {
        Memo::for_source_reusing(Memo::default(), source_len)
    }

    /// [`Memo::for_source`] in the buffers of `spare`, an earlier parse's memo: its room is
    /// kept, and made larger if this source needs more.
    pub(crate) fn for_source_reusing(spare: Memo, source_len: usize) -> Memo {
        let mut memo = spare;
        memo.clear();
        memo.heads.reserve(source_len / 4 + 16);
        memo.entries.reserve(source_len / 3 + 16);
        memo.values.reserve(source_len / 64 + 16);
        memo
    }

    /// The bytes the memo's buffers hold, used or not.
    pub(crate) fn capacity_bytes(&self) -> usize {
        self.heads.capacity() * std::mem::size_of::<(u32, u32)>()
            + self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.values.capacity() * std::mem::size_of::<MemoValue>()
    }

    /// Forgets everything (`reset_parser_state_for_error_pass`).
    pub(crate) fn clear(&mut self) {
        self.heads.clear();
        self.entries.clear();
        self.values.clear();
    }

    /// Whether `rule` may have an entry at `pos` (then `find` walks the chain): most lookups
    /// miss, and this answers them without a call.
    #[inline]
    pub(crate) fn may_have(&self, rule: u16, pos: usize) -> bool {
        self.heads
            .get(pos)
            .is_some_and(|&(_, rules)| rules & rule_bit(rule) != 0)
    }

    #[inline(always)]
    fn find(&self, rule: u16, pos: usize) -> Option<usize> {
        let &(mut i, rules) = self.heads.get(pos)?;
        if rules & rule_bit(rule) == 0 {
            return None;
        }
        while i != NONE {
            let entry = &self.entries[i as usize];
            if entry.rule == rule {
                return Some(i as usize);
            }
            i = entry.next;
        }
        None
    }

    /// The source naming the entry of `rule` at `pos`, if there is one (for seed-growing
    /// leaders, which 3.14's grammar does not need).
    #[allow(dead_code)]
    pub(crate) fn src_of(&self, rule: u16, pos: usize) -> Src {
        match self.find(rule, pos) {
            Some(i) => Src(i as u32),
            None => Src::NONE,
        }
    }

    /// Sets the entry of `rule` at `pos` (`_PyPegen_update_memo`), adding it if needed; its
    /// source.
    #[inline(always)]
    fn set(&mut self, rule: u16, pos: usize, state: State, link: u32, end: usize) -> Src {
        let end = u32::try_from(end).unwrap_or(u32::MAX);
        if let Some(i) = self.find(rule, pos) {
            self.drop_value(i);
            let entry = &mut self.entries[i];
            entry.state = state;
            entry.link = link;
            entry.end = end;
            return Src(i as u32);
        }
        self.add(rule, pos, state, link, end)
    }

    /// Keeps a value in `values`: its index.
    fn keep(&mut self, value: MemoValue) -> u32 {
        let index = u32::try_from(self.values.len()).unwrap_or(NONE);
        self.values.push(value);
        index
    }

    /// Frees the value entry `i` holds, if any (it is being set anew).
    fn drop_value(&mut self, i: usize) {
        let entry = &self.entries[i];
        if matches!(entry.state, State::Value | State::Copy) {
            if let Some(value) = self.values.get_mut(entry.link as usize) {
                *value = MemoValue::Unit;
            }
        }
    }

    /// Takes the value entry `i` holds (`State::Value`), leaving `Unit` in its place.
    fn take_value_of(&mut self, i: usize) -> MemoValue {
        let link = self.entries[i].link as usize;
        match self.values.get_mut(link) {
            Some(value) => std::mem::replace(value, MemoValue::Unit),
            None => MemoValue::Unit,
        }
    }

    /// A clone of the value entry `i` holds (`State::Value` or `State::Copy`).
    fn value_of(&self, i: usize) -> MemoValue {
        let link = self.entries[i].link as usize;
        self.values.get(link).cloned().unwrap_or(MemoValue::Unit)
    }

    /// Makes room for the chain of `pos`. Entries come in token order: the table grows ahead
    /// rather than a slot per new token, within the room made for the tokens the source's
    /// length suggests (past it, a copy).
    #[cold]
    #[inline(never)]
    fn grow_heads(&mut self, pos: usize) {
        let ahead = (2 * self.heads.len()).max(256);
        let room = self.heads.capacity();
        let len = if pos < room { ahead.min(room) } else { ahead };
        self.heads.resize(len.max(pos + 1), (NONE, 0));
    }

    /// Adds the entry of `rule` at `pos`, which has none.
    #[inline(always)]
    fn add(&mut self, rule: u16, pos: usize, state: State, link: u32, end: u32) -> Src {
        let index = match u32::try_from(self.entries.len()) {
            Ok(index) if index != NONE => index,
            _ => return Src::NONE,
        };
        if pos >= self.heads.len() {
            self.grow_heads(pos);
        }
        let head = &mut self.heads[pos];
        self.entries.push(Entry {
            rule,
            state,
            end,
            next: head.0,
            link,
        });
        *head = (index, head.1 | rule_bit(rule));
        Src(index)
    }

    /// Stores a result by value (left-recursive seeds, and copies kept for a second request).
    pub(crate) fn insert<T: Memoizable>(
        &mut self,
        rule: u16,
        pos: usize,
        value: Option<T>,
        end: usize,
    ) -> Src {
        let (state, link) = match value {
            Some(v) => (State::Value, self.keep(v.into_memo())),
            None => (State::Failed, NONE),
        };
        self.set(rule, pos, state, link, end)
    }

    /// After a first parse: a failure is stored as such, a success as lent to the caller, or,
    /// when the value is another entry's (`src`), as a link to that entry. The new entry's
    /// source.
    #[inline(always)]
    pub(crate) fn record(
        &mut self,
        rule: u16,
        pos: usize,
        found: bool,
        src: Src,
        end: usize,
    ) -> Src {
        let (state, link) = match (found, src == Src::NONE) {
            (false, _) => (State::Failed, NONE),
            (true, true) => (State::Lent, NONE),
            (true, false) => (State::Via, self.owner(src).0),
        };
        self.set(rule, pos, state, link, end)
    }

    /// The entry that owns the value `src` names: the end of its `Via` links. Links are made
    /// to owners directly, so that taking or giving back a value is one hop, however many
    /// rules passed it through. (An entry that owns a value never becomes a link later.)
    fn owner(&self, src: Src) -> Src {
        let mut src = src;
        for _ in 0..MAX_VIA {
            match self.entries.get(src.0 as usize) {
                Some(entry) if entry.state == State::Via => src = Src(entry.link),
                _ => break,
            }
        }
        src
    }

    /// A caller returns a value it did not use to the entry that owns it.
    pub(crate) fn give_back<T: Memoizable>(&mut self, src: Src, value: T) {
        let owner = self.owner(src).0 as usize;
        let Some(entry) = self.entries.get(owner) else {
            return;
        };
        if matches!(entry.state, State::Lent | State::Reparsed) {
            let link = self.keep(value.into_memo());
            let entry = &mut self.entries[owner];
            entry.state = State::Value;
            entry.link = link;
        }
    }

    /// Takes the value of `rule` at `pos` when the memo holds it (not when it is out, failed,
    /// or another entry's) and its match spans at most `limit` tokens: the value, where the
    /// match ends, and the entry as its source.
    pub(crate) fn take_value_within<T: Memoizable>(
        &mut self,
        rule: u16,
        pos: usize,
        limit: usize,
    ) -> Option<(T, usize, Src)> {
        let i = self.find(rule, pos)?;
        let end = self.entries[i].end as usize;
        if self.entries[i].state != State::Value || end.saturating_sub(pos) > limit {
            return None;
        }
        self.entries[i].state = State::Lent;
        let value = T::from_memo(self.take_value_of(i))?;
        Some((value, end, Src(i as u32)))
    }

    /// `_PyPegen_is_memoized` for a lending rule: takes the result at `pos` (from the entry
    /// that owns it, for a `Via` link), with the entry's source.
    #[inline]
    pub(crate) fn take<T: Memoizable>(&mut self, rule: u16, pos: usize) -> (MemoHit<T>, Src) {
        if !self.may_have(rule, pos) {
            return (MemoHit::Miss, Src::NONE);
        }
        self.take_entry(rule, pos)
    }

    /// `take` where `rule` may have an entry at `pos`.
    fn take_entry<T: Memoizable>(&mut self, rule: u16, pos: usize) -> (MemoHit<T>, Src) {
        let Some(i) = self.find(rule, pos) else {
            return (MemoHit::Miss, Src::NONE);
        };
        let src = Src(i as u32);
        let end = self.entries[i].end as usize;
        let owner = self.owner(src).0 as usize;
        let hit = match self.entries[owner].state {
            State::Failed => MemoHit::Found(None, end),
            State::Value => {
                self.entries[owner].state = State::Lent;
                match T::from_memo(self.take_value_of(owner)) {
                    Some(v) => MemoHit::Found(Some(v), end),
                    None => MemoHit::Lent,
                }
            }
            State::Copy => match T::from_memo(self.value_of(owner)) {
                Some(v) => MemoHit::Found(Some(v), end),
                None => MemoHit::Lent,
            },
            State::Lent | State::Reparsed | State::Via => MemoHit::Lent,
        };
        (hit, src)
    }

    /// After a rule asked for while its value was out parsed again (`value`): the first time
    /// the entry only notes it, the second time it keeps a copy, so that the rule is parsed at
    /// most three times at a position (values that pass through rules that cannot give them
    /// back would otherwise be parsed again every time, exponentially in the nesting) while the
    /// common case, one more request, costs no copy. The entry's source.
    pub(crate) fn reparsed<T: Memoizable + Clone>(
        &mut self,
        rule: u16,
        pos: usize,
        value: &T,
        end: usize,
    ) -> Src {
        let end = u32::try_from(end).unwrap_or(u32::MAX);
        let Some(i) = self.find(rule, pos) else {
            return self.add(rule, pos, State::Reparsed, NONE, end);
        };
        let (state, link) = match self.entries[i].state {
            State::Reparsed => (State::Copy, self.keep(value.clone().into_memo())),
            _ => (State::Reparsed, NONE),
        };
        let entry = &mut self.entries[i];
        entry.state = state;
        entry.link = link;
        entry.end = end;
        Src(i as u32)
    }

    /// Takes a left-recursive leader's final seed back out of the memo (leaving it lent). Only
    /// seed-growing leaders use it, and 3.14's grammar has none the loop form does not cover.
    #[allow(dead_code)]
    pub(crate) fn take_value<T: Memoizable>(&mut self, rule: u16, pos: usize) -> Option<T> {
        match self.take(rule, pos).0 {
            MemoHit::Found(value, _) => value,
            MemoHit::Lent | MemoHit::Miss => None,
        }
    }

    /// `_PyPegen_is_memoized` for a cloning rule: a copy of the result at `pos`, if any.
    pub(crate) fn get_cloned<T: Memoizable + Clone>(
        &mut self,
        rule: u16,
        pos: usize,
    ) -> Option<(Option<T>, usize)> {
        let i = self.find(rule, pos)?;
        let end = self.entries[i].end as usize;
        match self.entries[i].state {
            State::Failed => Some((None, end)),
            State::Lent | State::Reparsed | State::Via => None,
            State::Value | State::Copy => {
                let v = T::from_memo(self.value_of(i))?;
                Some((Some(v), end))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Memo, MemoHit, Src};

    fn taken(memo: &mut Memo, rule: u16, pos: usize) -> &'static str {
        match memo.take::<()>(rule, pos).0 {
            MemoHit::Found(Some(()), _) => "value",
            MemoHit::Found(None, _) => "failed",
            MemoHit::Lent => "lent",
            MemoHit::Miss => "miss",
        }
    }

    #[test]
    fn entries_far_ahead_of_the_last_are_found() {
        let mut memo = Memo::for_source(40_000);
        memo.record(3, 0, false, Src::NONE, 1);
        memo.record(3, 600, false, Src::NONE, 601);
        memo.record(3, 9000, false, Src::NONE, 9001);
        assert_eq!(taken(&mut memo, 3, 0), "failed");
        assert_eq!(taken(&mut memo, 3, 600), "failed");
        assert_eq!(taken(&mut memo, 3, 9000), "failed");
        assert_eq!(taken(&mut memo, 3, 599), "miss");
    }

    #[test]
    fn entries_past_the_room_the_source_length_suggests_are_found() {
        let mut memo = Memo::for_source(0);
        memo.record(3, 5000, false, Src::NONE, 5001);
        memo.record(3, 10, false, Src::NONE, 11);
        memo.record(4, 5000, true, Src::NONE, 5002);
        assert_eq!(taken(&mut memo, 3, 5000), "failed");
        assert_eq!(taken(&mut memo, 3, 10), "failed");
        assert_eq!(taken(&mut memo, 4, 5000), "lent");
        assert_eq!(taken(&mut memo, 3, 4999), "miss");
        assert_eq!(taken(&mut memo, 5, 5000), "miss");
        assert_eq!(taken(&mut memo, 3, 1 << 20), "miss");
    }

    #[test]
    fn a_value_parsed_a_third_time_is_kept_as_a_copy() {
        let mut memo = Memo::for_source(100);
        memo.record(7, 2, true, Src::NONE, 5);
        assert_eq!(taken(&mut memo, 7, 2), "lent");
        memo.reparsed(7, 2, &(), 5);
        assert_eq!(taken(&mut memo, 7, 2), "lent");
        memo.reparsed(7, 2, &(), 5);
        assert_eq!(taken(&mut memo, 7, 2), "value");
        assert_eq!(taken(&mut memo, 7, 2), "value");
    }
}
