//! Port of Lib/traceback.py: TracebackException._format_syntax_error (without colour), and of
//! Lib/py_compile.py: PyCompileError's message and `main`, as `python -m py_compile` prints them.

use pyc_tokenize::{ErrorType, SyntaxError};

use crate::keyword_typos::find_keyword_typos;
use crate::{CompileError, RaisedSyntaxError, SyntaxErrorMetadata, Warning};

/// What `traceback.format_exception_only` yields for a SyntaxError (or subclass), joined:
/// the `  File "F", line N` line, the trimmed source line, the carets, and `Type: msg`.
pub fn format_exception_only(err: &SyntaxError) -> String {
    let mut out = String::new();
    let mut filename_suffix = String::new();
    match err.lineno {
        Some(lineno) => {
            let filename = if err.filename.is_empty() {
                "<string>"
            } else {
                &err.filename
            };
            out.push_str(&format!("  File \"{filename}\", line {lineno}\n"));
        }
        None => filename_suffix = format!(" ({})", err.filename),
    }
    if let Some(text) = &err.text {
        format_source_line(err, text, &mut out);
    }
    let msg = if err.msg.is_empty() {
        "<no detail available>"
    } else {
        &err.msg
    };
    out.push_str(&format!(
        "{}: {msg}{filename_suffix}\n",
        err.error_type.name()
    ));
    out
}

/// The source line and, when the offsets allow, the caret line under the reported range.
/// Offsets are 1-based character positions; the line is shown with its leading blanks removed,
/// so the carets are shifted by the same amount.
fn format_source_line(err: &SyntaxError, text: &str, out: &mut String) {
    let rtext = text.trim_end_matches('\n');
    let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
    let Some(offset) = err.offset else {
        out.push_str(&format!("    {ltext}\n"));
        return;
    };
    let text_len = char_len(text);
    let rtext_len = char_len(rtext);
    let spaces = rtext_len - char_len(ltext);
    let mut offset = i64::from(offset);
    // traceback compares the line numbers as strings, so two missing ones are "equal".
    let mut end_offset = if err.lineno == err.end_lineno {
        match err.end_offset {
            Some(end) if end != 0 => i64::from(end),
            _ => offset,
        }
    } else {
        rtext_len + 1
    };
    if !text.is_empty() && offset > text_len {
        offset = rtext_len + 1;
    }
    if !text.is_empty() && end_offset > text_len {
        end_offset = rtext_len + 1;
    }
    if offset >= end_offset || end_offset < 0 {
        end_offset = offset + 1;
    }
    let colno = offset - 1 - spaces;
    let end_colno = end_offset - 1 - spaces;
    out.push_str(&format!("    {ltext}\n"));
    if colno < 0 {
        return;
    }
    // Whitespace other than spaces (tabs) is kept so the carets line up with the text.
    let caret_space: String = ltext
        .chars()
        .take(usize::try_from(colno).unwrap_or(0))
        .map(|c| if is_python_space(c) { c } else { ' ' })
        .collect();
    let carets = "^".repeat(usize::try_from(end_colno - colno).unwrap_or(0));
    out.push_str(&format!("    {caret_space}{carets}\n"));
}

fn char_len(s: &str) -> i64 {
    i64::try_from(s.chars().count()).unwrap_or(i64::MAX)
}

/// Python's `str.isspace` for one character (Objects/unicodectype.c: _PyUnicode_IsWhitespace).
fn is_python_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x1f'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// The text `python -m py_compile FILE` writes to stderr when compiling FILE raised `err`
/// (PyCompileError's message, printed by argparse's `exit`): the traceback block for a plain
/// SyntaxError, `Sorry: Type: str(exc)` with no final newline for its subclasses.
pub fn py_compile_message(err: &SyntaxError, file: &str) -> String {
    py_compile_message_with_metadata(err, None, file)
}

/// What `python -m py_compile FILE` writes to stderr when compiling FILE raised `err`, any
/// exception `compile()` raises (`PyCompileError`: `Sorry: Type: str(exc)` unless the class
/// is exactly SyntaxError). A SyntaxError's keyword-typo suggestion is worked out as
/// `traceback` does when it formats the exception, and the warnings its trial compiles let
/// through come first, as Python prints them while building the message.
pub fn py_compile_error_message(err: &CompileError, file: &str) -> String {
    match err {
        // Raised with a message only: no location, and a filename of None (no suffix).
        CompileError::Syntax(raised) if raised.message_only => {
            format!("{}: {}\n", raised.error.error_type.name(), raised.error.msg)
        }
        CompileError::Syntax(raised) => {
            py_compile_message_with_metadata(&raised.error, raised.metadata.as_ref(), file)
        }
        other => format!("Sorry: {}: {}", other.type_name(), other.message()),
    }
}

/// `traceback.format_exception_only` of a raised SyntaxError, keyword typos included (the
/// warnings the typo search lets through are left out; see [`py_compile_error_message`]).
pub fn format_raised_syntax_error(raised: &RaisedSyntaxError) -> String {
    if raised.message_only {
        return format!("{}: {}\n", raised.error.error_type.name(), raised.error.msg);
    }
    format_exception_only(&with_keyword_typos(&raised.error, raised.metadata.as_ref()).0)
}

/// The error as `_format_syntax_error` shows it, and the warnings the keyword-typo search
/// raised: it prints the `File` line first, then looks for keyword typos, whose rewrite of the
/// fields shows only in the lines after it.
fn with_keyword_typos(
    err: &SyntaxError,
    metadata: Option<&SyntaxErrorMetadata>,
) -> (SyntaxError, Vec<Warning>) {
    let mut shown = err.clone();
    let warnings = find_keyword_typos(&mut shown, metadata);
    if shown != *err {
        // The suggestion's range is on one line (lineno == end_lineno), which is all the
        // caret logic asks; the File line keeps the line number it was printed with.
        shown.lineno = err.lineno;
        shown.end_lineno = err.lineno;
    }
    (shown, warnings)
}

fn py_compile_message_with_metadata(
    err: &SyntaxError,
    metadata: Option<&SyntaxErrorMetadata>,
    file: &str,
) -> String {
    if err.error_type == ErrorType::SyntaxError {
        let (shown, warnings) = with_keyword_typos(err, metadata);
        let shown_warnings: String = warnings.iter().map(|w| format_warning(w, None)).collect();
        let block =
            format_exception_only(&shown).replace("File \"<string>\"", &format!("File \"{file}\""));
        return shown_warnings + &block;
    }
    format!("Sorry: {}: {err}", err.error_type.name())
}

/// `warnings.formatwarning` as `showwarning` writes it: `file:line: Category: message`, then
/// the source line stripped when `linecache` finds one.
pub fn format_warning(warning: &Warning, source_line: Option<&str>) -> String {
    let mut out = format!(
        "{}:{}: {}: {}\n",
        warning.filename,
        warning.lineno,
        warning.category.name(),
        warning.message
    );
    let line = source_line.map_or("", |l| l.trim_matches(is_python_space));
    if !line.is_empty() {
        out.push_str(&format!("  {line}\n"));
    }
    out
}
