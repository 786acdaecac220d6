//! One module per `pyc` subcommand.
pub mod ast;
pub mod symtable;
pub mod tokenize;
pub mod unparse;
