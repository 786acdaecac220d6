//! Port of Objects/setobject.c (set_add_entry, set_insert_clean, set_table_resize, set_lookkey,
//! set_discard_entry, set_merge, set_next) and Python/pyhash.c (fnv, _Py_HashBytes) for `str`.
//!
//! Why: `update_symbols` appends the free variables it propagates through a block in the
//! iteration order of a Python `set`, and `python -m symtable` prints symbols in that order. The
//! oracle runs with `PYTHONHASHSEED=0` on a 32-bit build whose string hash is FNV, so the order is
//! deterministic, and reproducing it means reproducing the hash table itself.

use std::rc::Rc;

/// `PySet_MINSIZE`.
const MIN_SIZE: usize = 8;
/// `LINEAR_PROBES`.
const LINEAR_PROBES: usize = 9;
/// `PERTURB_SHIFT`.
const PERTURB_SHIFT: u32 = 5;
/// `_PyHASH_MULTIPLIER`.
const HASH_MULTIPLIER: u32 = 1_000_003;

/// `hash(s)` of a Python `str` on the oracle (32-bit `Py_hash_t`, FNV, hash seed 0): FNV over
/// the string's canonical storage (1, 2 or 4 bytes per code point, little-endian).
pub fn str_hash(s: &str) -> u32 {
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let kind = if max < 0x100 {
        1
    } else if max < 0x10000 {
        2
    } else {
        4
    };
    let mut bytes = Vec::with_capacity(s.len() * kind);
    for c in s.chars() {
        let le = (c as u32).to_le_bytes();
        bytes.extend_from_slice(&le[..kind]);
    }
    fnv(&bytes)
}

/// `fnv` of Python/pyhash.c with a zero prefix and suffix, as `_Py_HashBytes` calls it.
fn fnv(bytes: &[u8]) -> u32 {
    if bytes.is_empty() {
        return 0;
    }
    let len = bytes.len();
    let mut remainder = len % 4;
    if remainder == 0 {
        remainder = 4;
    }
    let blocks = (len - remainder) / 4;
    let mut x: u32 = (bytes[0] as u32) << 7;
    for block in bytes[..blocks * 4].chunks_exact(4) {
        let value = u32::from_le_bytes([block[0], block[1], block[2], block[3]]);
        x = HASH_MULTIPLIER.wrapping_mul(x) ^ value;
    }
    for &b in &bytes[blocks * 4..] {
        x = HASH_MULTIPLIER.wrapping_mul(x) ^ b as u32;
    }
    x ^= len as u32;
    if x == u32::MAX {
        x = u32::MAX - 1;
    }
    x
}

#[derive(Debug, Clone)]
enum Slot {
    Empty,
    Dummy,
    Active { key: Rc<str>, hash: u32 },
}

/// A Python `set` of `str`, with CPython's table layout and therefore its iteration order.
#[derive(Debug, Clone)]
pub struct PySet {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
}

impl Default for PySet {
    fn default() -> Self {
        PySet::new()
    }
}

impl PySet {
    /// `PySet_New(NULL)`.
    pub fn new() -> PySet {
        PySet {
            table: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
        }
    }

    /// `PySet_New(other)`: a new set filled by `set_merge`.
    pub fn copy_of(other: &PySet) -> PySet {
        let mut set = PySet::new();
        set.merge(other);
        set
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// `set_lookkey`: the index of the slot holding `key`, or `None`.
    fn lookkey(&self, key: &str, hash: u32) -> Option<usize> {
        let mask = self.mask();
        let mut i = hash as usize & mask;
        let mut perturb = hash;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => return None,
                    Slot::Active { key: k, hash: h } if *h == hash && **k == *key => {
                        return Some(j)
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    pub fn contains(&self, key: &str) -> bool {
        self.lookkey(key, str_hash(key)).is_some()
    }

    /// `PySet_Add`.
    pub fn add(&mut self, key: &str) {
        let hash = str_hash(key);
        self.add_entry(Rc::from(key), hash);
    }

    /// `set_add_entry`: linear probing, reusing the last dummy slot seen on the probe path.
    fn add_entry(&mut self, key: Rc<str>, hash: u32) {
        let mask = self.mask();
        let mut i = hash as usize & mask;
        let mut perturb = hash;
        let mut freeslot = None;
        let unused = 'search: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => break 'search j,
                    Slot::Active { key: k, hash: h } => {
                        if *h == hash && **k == *key {
                            return;
                        }
                    }
                    Slot::Dummy => freeslot = Some(j),
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        };
        if let Some(slot) = freeslot {
            self.used += 1;
            self.table[slot] = Slot::Active { key, hash };
            return;
        }
        self.fill += 1;
        self.used += 1;
        self.table[unused] = Slot::Active { key, hash };
        if self.fill * 5 < mask * 3 {
            return;
        }
        let minused = if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        };
        self.resize(minused);
    }

    /// `set_insert_clean`: place a key known to be absent in a table without dummies.
    fn insert_clean(table: &mut [Slot], key: Rc<str>, hash: u32) {
        let mask = table.len() - 1;
        let mut i = hash as usize & mask;
        let mut perturb = hash;
        loop {
            if matches!(table[i], Slot::Empty) {
                table[i] = Slot::Active { key, hash };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                let probed = &mut table[i + 1..=i + LINEAR_PROBES];
                if let Some(slot) = probed.iter_mut().find(|s| matches!(s, Slot::Empty)) {
                    *slot = Slot::Active { key, hash };
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_table_resize`: rebuild in the smallest table larger than `minused`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MIN_SIZE && self.table.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; newsize]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { key, hash } = slot {
                Self::insert_clean(&mut self.table, key, hash);
            }
        }
    }

    /// `PySet_Discard`: true when the key was present.
    pub fn discard(&mut self, key: &str) -> bool {
        match self.lookkey(key, str_hash(key)) {
            Some(slot) => {
                self.table[slot] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set |= other` (`set_merge`).
    pub fn merge(&mut self, other: &PySet) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table.clone_from(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for slot in &other.table {
                if let Slot::Active { key, hash } = slot {
                    Self::insert_clean(&mut self.table, key.clone(), *hash);
                }
            }
            return;
        }
        for slot in &other.table {
            if let Slot::Active { key, hash } = slot {
                self.add_entry(key.clone(), *hash);
            }
        }
    }

    /// The keys in CPython's iteration order (`set_next`).
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.table.iter().filter_map(|slot| match slot {
            Slot::Active { key, .. } => Some(&**key),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values printed by the oracle: `hash(s)` for each string, as a signed 32-bit number.
    #[test]
    fn str_hash_matches_the_oracle_fnv() {
        let cases: [(&str, i32); 11] = [
            ("a", -468864544),
            ("p", 1451141233),
            ("q", 1579141616),
            ("r", 1707142003),
            ("s", 1835142386),
            ("t", 1963142773),
            ("", 0),
            ("abcdefgh", 103585041),
            ("\u{e9}", -240681624),
            ("\u{20ac}", 1059883814),
            ("\u{1F600}", -1364810771),
        ];
        for (s, expected) in cases {
            assert_eq!(str_hash(s) as i32, expected, "hash({s:?})");
        }
    }

    #[test]
    fn set_iterates_in_cpython_table_order() {
        let mut set = PySet::new();
        for name in ["t", "s", "r", "q", "p"] {
            set.add(name);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), ["q", "p", "s", "r", "t"]);
        let copy = PySet::copy_of(&set);
        assert_eq!(copy.iter().collect::<Vec<_>>(), ["q", "p", "s", "r", "t"]);
    }

    /// The oracle's `list(s)`, `list(set(s))` and `list(u)` after the same operations.
    #[test]
    fn set_with_dummies_resizes_and_merges_like_cpython() {
        let mut set = PySet::new();
        for c in 'a'..='p' {
            set.add(&c.to_string());
        }
        set.discard("c");
        set.discard("h");
        set.add("zz");
        set.add("c");
        let order = "a b e d g f i c k j m l o n p zz";
        assert_eq!(set.iter().collect::<Vec<_>>().join(" "), order);
        let copy = PySet::copy_of(&set);
        let copied = "zz a c b e d g f i k j m l o n p";
        assert_eq!(copy.iter().collect::<Vec<_>>().join(" "), copied);
        let mut union = PySet::new();
        union.add("x1");
        union.add("x2");
        union.merge(&set);
        let merged = "zz x2 x1 a c b e d g f i k j m l o n p";
        assert_eq!(union.iter().collect::<Vec<_>>().join(" "), merged);
    }
}
