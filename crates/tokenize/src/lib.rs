//! Port of Parser/lexer/ and Parser/tokenizer/: source decoding (PEP 263) and the token stream.

pub mod decode;
pub mod error;
mod generated {
    // Generated tables keep the generator's layout.
    #[rustfmt::skip]
    pub mod encodings;
    pub mod token;
    #[rustfmt::skip]
    pub mod unicode;
}
pub mod lexer;
pub mod state;
pub mod unicode;

pub use decode::decode_source;
pub use error::{ErrorType, SyntaxError};
pub use generated::token::{TokenKind, N_TOKENS};
pub use lexer::Tokenizer;
pub use state::{Done, Token, TokenizerOptions, Warning};
