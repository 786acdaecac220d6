//! Port of Python/assemble.c. Not ported yet: this crate is reserved for that stage (see ARCHITECTURE.md).
