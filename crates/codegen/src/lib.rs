//! Port of Python/codegen.c. Not ported yet: this crate is reserved for that stage (see ARCHITECTURE.md).
