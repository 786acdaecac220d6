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
    for token in &tokens {
        let string = tokenizer.token_text(token);
        let kind = if args.exact {
            exact_type(module_type(token.kind), string)
        } else {
            module_type(token.kind)
        };
        let (col, end_col) = tokenizer.char_columns(token);
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
