//! Port of Lib/dis.py. Not ported yet: this crate is reserved for that stage (see ARCHITECTURE.md).
