//! Port of Lib/tokenize.py: _main (`python -m tokenize [-e] [filename.py]`).

use std::io::{Read, Write};
use std::process::ExitCode;

use pyc_tokenize::decode::{decode_for_tokenize, detect_encoding, python_repr};
use pyc_tokenize::{SyntaxError, Token, TokenKind, Tokenizer, TokenizerOptions};

#[derive(clap::Args)]
pub struct TokenizeArgs {
    /// Display token names using the exact type.
    #[arg(short = 'e', long = "exact")]
    exact: bool,
    /// The file to tokenize; defaults to stdin.
    #[arg(value_name = "filename.py")]
    filename: Option<String>,
}

/// One line of output: `"%-20s%-15s%-15r" % (range, name, string)`.
fn format_token(kind: TokenKind, string: &str, start: (u32, u32), end: (u32, u32)) -> String {
    let range = format!("{},{}-{},{}:", start.0, start.1, end.0, end.1);
    format!("{range:<20}{:<15}{:<15}", kind.name(), python_repr(string))
}

/// `TokenInfo.exact_type`: an OP's operator type.
fn exact_type(kind: TokenKind, string: &str) -> TokenKind {
    if kind != TokenKind::Op {
        return kind;
    }
    let b = string.as_bytes();
    let exact = match b.len() {
        1 => TokenKind::one_char(b[0]),
        2 => TokenKind::two_chars(b[0], b[1]),
        3 => TokenKind::three_chars(b[0], b[1], b[2]),
        _ => TokenKind::Op,
    };
    if exact.exact_string() == Some(string) {
        exact
    } else {
        TokenKind::Op
    }
}

/// The tokenize module's type: exact operator types are reported as OP.
fn module_type(kind: TokenKind) -> TokenKind {
    if kind.exact_string().is_some() {
        TokenKind::Op
    } else {
        kind
    }
}

fn error_line(filename: &str, err: &SyntaxError) -> String {
    let msg = if err.error_type == pyc_tokenize::ErrorType::SyntaxError
        && err
            .msg
            .contains("unterminated triple-quoted string literal")
    {
        // tokenize._transform_msg
        "EOF in multi-line string"
    } else {
        err.msg.as_str()
    };
    format!(
        "{filename}:{}:{}: error: {msg}",
        err.lineno.unwrap_or(0),
        err.offset.unwrap_or(0)
    )
}

/// Token columns in characters, counted on from the previous position on the same line, as
/// CPython's tokenize iterator keeps a running offset: counting each column from the start of
/// its line instead takes quadratic time on a long line (a 200 kB list literal took 12 s).
struct CharColumns<'a> {
    src: &'a [u8],
    line_start: usize,
    byte_col: usize,
    char_col: u32,
}

impl<'a> CharColumns<'a> {
    fn new(source: &'a str) -> Self {
        CharColumns {
            src: source.as_bytes(),
            line_start: 0,
            byte_col: 0,
            char_col: 0,
        }
    }

    /// The token's start and end columns in characters, exactly as
    /// [`Tokenizer::char_columns`] gives them, which it still computes for the rare tokens
    /// that span lines or end past the source (the implicit final newline).
    fn of(&mut self, tokenizer: &Tokenizer<'_>, token: &Token) -> (u32, u32) {
        let line_start = (token.start as usize).saturating_sub(token.col_offset as usize);
        let single_line = token.end_lineno == token.lineno;
        if !single_line || line_start + token.end_col_offset as usize > self.src.len() {
            return tokenizer.char_columns(token);
        }
        (
            self.column(line_start, token.col_offset as usize),
            self.column(line_start, token.end_col_offset as usize),
        )
    }

    /// The characters in the line's first `byte_col` bytes (within the source).
    fn column(&mut self, line_start: usize, byte_col: usize) -> u32 {
        if line_start != self.line_start || byte_col < self.byte_col {
            self.line_start = line_start;
            self.byte_col = 0;
            self.char_col = 0;
        }
        let skipped = &self.src[line_start + self.byte_col..line_start + byte_col];
        let chars = skipped.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        self.char_col += u32::try_from(chars).unwrap_or(u32::MAX);
        self.byte_col = byte_col;
        self.char_col
    }
}

pub fn run(args: TokenizeArgs) -> ExitCode {
    let mut out = String::new();
    let mut err_out = String::new();
    let status = tokenize_main(&args, &mut out, &mut err_out);
    let _ = std::io::stdout().write_all(out.as_bytes());
    let _ = std::io::stderr().write_all(err_out.as_bytes());
    ExitCode::from(status)
}

fn tokenize_main(args: &TokenizeArgs, out: &mut String, err_out: &mut String) -> u8 {
    let (filename, bytes) = match &args.filename {
        Some(name) => match std::fs::read(name) {
            Ok(bytes) => (name.clone(), bytes),
            Err(e) => {
                err_out.push_str(&format!("error: {}\n", os_error_text(&e, name)));
                return 1;
            }
        },
        None => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                err_out.push_str(&format!("error: {e}\n"));
                return 1;
            }
            ("<stdin>".to_string(), bytes)
        }
    };
    let (source, encoding_name) = if args.filename.is_some() {
        let encoding = match detect_encoding(&bytes, &filename) {
            Ok(encoding) => encoding,
            Err(e) => {
                err_out.push_str(&format!("{filename}: error: {}\n", e.msg));
                return 1;
            }
        };
        (
            decode_for_tokenize(&bytes, &encoding).into_owned(),
            Some(encoding.name),
        )
    } else {
        (String::from_utf8_lossy(&bytes).into_owned(), None)
    };

    let options = TokenizerOptions {
        extra_tokens: true,
        ..TokenizerOptions::default()
    };
    let mut tokenizer = Tokenizer::new(&source, options);
    let mut tokens: Vec<Token> = Vec::new();
    let result = loop {
        match tokenizer.next_token() {
            Ok(token) => {
                tokens.push(token);
                if token.kind == TokenKind::Endmarker {
                    break Ok(());
                }
            }
            Err(e) => break Err(e),
        }
    };
    for warning in tokenizer.take_warnings() {
        err_out.push_str(&format!(
            "<string>:{}: SyntaxWarning: {}\n",
            warning.lineno, warning.message
        ));
    }
    if let Err(e) = result {
        err_out.push_str(&error_line(&filename, &e));
        err_out.push('\n');
        return 1;
    }

    if let Some(name) = encoding_name {
        out.push_str(&format_token(TokenKind::Encoding, &name, (0, 0), (0, 0)));
        out.push('\n');
    }
    let mut columns = CharColumns::new(&source);
    for token in &tokens {
        let string = tokenizer.token_text(token);
        let kind = if args.exact {
            exact_type(module_type(token.kind), string)
        } else {
            module_type(token.kind)
        };
        let (col, end_col) = columns.of(&tokenizer, token);
        out.push_str(&format_token(
            kind,
            string,
            (token.lineno, col),
            (token.end_lineno, end_col),
        ));
        out.push('\n');
    }
    0
}

/// `str(OSError)` as Python prints it: `[Errno 2] No such file or directory: 'name'`.
fn os_error_text(e: &std::io::Error, name: &str) -> String {
    match e.raw_os_error() {
        Some(code) => {
            let text = e.to_string();
            let message = text.split(" (os error").next().unwrap_or(&text);
            format!("[Errno {code}] {message}: {}", python_repr(name))
        }
        None => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_columns_equal_the_tokenizers_own() {
        let source =
            "x = 'é' + \"\"\"a\nβ\"\"\" + ñ  # ü\n  y = [1, 'ü', f'{é!r:>{w}}']\nz\\\n = 1";
        let options = TokenizerOptions {
            extra_tokens: true,
            ..TokenizerOptions::default()
        };
        let mut tokenizer = Tokenizer::new(source, options);
        let mut tokens = Vec::new();
        while let Ok(token) = tokenizer.next_token() {
            tokens.push(token);
            if token.kind == TokenKind::Endmarker {
                break;
            }
        }
        assert_eq!(tokens.last().map(|t| t.kind), Some(TokenKind::Endmarker));
        let mut columns = CharColumns::new(source);
        for token in &tokens {
            assert_eq!(
                columns.of(&tokenizer, token),
                tokenizer.char_columns(token),
                "{token:?}"
            );
        }
    }
}
