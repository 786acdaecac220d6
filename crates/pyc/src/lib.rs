//! The pyc library facade: `compile(source, filename, mode, flags, optimize)`, like the builtin,
//! plus the pieces the `pyc` command shares (SyntaxError display).

pub mod traceback;
pub mod suggestions;
