//! Port of Python/marshal.c. Not ported yet: this crate is reserved for that stage (see ARCHITECTURE.md).
