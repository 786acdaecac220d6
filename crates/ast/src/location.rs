//! Port of Include/internal/pycore_ast.h's node attributes: `lineno`, `col_offset`,
//! `end_lineno`, `end_col_offset`.

/// A node's position, as CPython's C ints: lines 1-based, columns 0-based UTF-8 byte offsets.
///
/// Any `i32` is representable, because hand-built trees may hold values the validator rejects
/// later; the one exception is [`Location::ABSENT`] (`i32::MIN`), which marks an attribute the
/// node does not have (a node built by hand without a position: `ast.dump` leaves it out, and
/// `fix_missing_locations` fills it in). Sixteen bytes, `Copy`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub lineno: i32,
    pub col_offset: i32,
    pub end_lineno: i32,
    pub end_col_offset: i32,
}

impl Location {
    /// The value of an attribute that is absent.
    pub const ABSENT: i32 = i32::MIN;

    /// A position with all four attributes absent (also `Location::default()`).
    pub const MISSING: Location = Location {
        lineno: Self::ABSENT,
        col_offset: Self::ABSENT,
        end_lineno: Self::ABSENT,
        end_col_offset: Self::ABSENT,
    };

    pub const fn new(lineno: i32, col_offset: i32, end_lineno: i32, end_col_offset: i32) -> Self {
        Location {
            lineno,
            col_offset,
            end_lineno,
            end_col_offset,
        }
    }

    /// The attributes in `_attributes` order, `None` where absent.
    pub fn attributes(&self) -> [(&'static str, Option<i32>); 4] {
        [
            ("lineno", present(self.lineno)),
            ("col_offset", present(self.col_offset)),
            ("end_lineno", present(self.end_lineno)),
            ("end_col_offset", present(self.end_col_offset)),
        ]
    }

    /// True when every attribute is absent.
    pub fn is_missing(&self) -> bool {
        *self == Location::MISSING
    }
}

impl Default for Location {
    fn default() -> Self {
        Location::MISSING
    }
}

/// `Some(value)` unless `value` is [`Location::ABSENT`].
pub fn present(value: i32) -> Option<i32> {
    (value != Location::ABSENT).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Location>(), 16);
    }

    #[test]
    fn default_location_has_every_attribute_absent() {
        let loc = Location::default();
        assert!(loc.is_missing());
        assert_eq!(loc.attributes().map(|(_, v)| v), [None; 4]);
    }

    #[test]
    fn new_location_keeps_odd_values() {
        let loc = Location::new(0, -1, i32::MAX, 5);
        assert_eq!(
            loc.attributes().map(|(_, v)| v),
            [Some(0), Some(-1), Some(i32::MAX), Some(5)]
        );
    }
}
