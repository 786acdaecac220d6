//! One module per `pyc` subcommand.
pub mod ast;
pub mod check;
pub mod compile;
pub mod symtable;
pub mod tokenize;
pub mod unparse;
