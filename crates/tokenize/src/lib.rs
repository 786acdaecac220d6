//! Port of Parser/lexer/ and Parser/tokenizer/: source decoding (PEP 263) and the token stream.

pub mod error;

pub use error::{ErrorType, SyntaxError};
