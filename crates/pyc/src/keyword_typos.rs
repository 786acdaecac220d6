//! Port of Lib/traceback.py: TracebackException._find_keyword_typos, with the parts of
//! Lib/textwrap.py (dedent) and Lib/codeop.py (compile_command, _maybe_compile) it calls.
//!
//! When a SyntaxError says only "invalid syntax" (or "Perhaps you forgot a comma"), traceback
//! tries replacing each of the first ten non-keyword names of the failing code by a keyword
//! that looks like it; the first replacement that compiles becomes "Did you mean 'while'?".

use pyc_tokenize::{ErrorType, SyntaxError, TokenKind, Tokenizer, TokenizerOptions};

use crate::suggestions::{generate_suggestion, get_close_matches};
use crate::{
    SyntaxErrorMetadata, Warning, PYCF_ALLOW_INCOMPLETE_INPUT, PYCF_DONT_IMPLY_DEDENT,
    PYCF_ONLY_AST,
};

/// `keyword.kwlist` of 3.14.
pub const KWLIST: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Past this many characters of failing code, traceback does not look for typos.
const MAX_ERROR_CODE_CHARS: usize = 1024;
/// How many candidate names traceback tries at most.
const TOKEN_BUDGET: usize = 10;
/// How many keywords it tries per name.
const MAX_MATCHES: usize = 3;

/// Why the search stopped without a suggestion because Python would have raised inside it
/// (traceback suppresses the exception and leaves the error as it was).
struct Aborted;

/// `_find_keyword_typos`: rewrites `err` (its message, text and range) to the keyword
/// suggestion when one makes the code compile; leaves it untouched otherwise. Returns the
/// warnings the trial compiles let through (codeop's last compile runs outside its
/// `catch_warnings`, so Python prints them, named `<input>`).
pub fn find_keyword_typos(
    err: &mut SyntaxError,
    metadata: Option<&SyntaxErrorMetadata>,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if err.error_type == ErrorType::IncompleteInputError || err.text.is_none() {
        return warnings;
    }
    if err.msg != "invalid syntax" && !err.msg.contains("Perhaps you forgot a comma") {
        return warnings;
    }
    let Some(metadata) = metadata else {
        return warnings;
    };
    if let Ok(Some(found)) = search(err, metadata, &mut warnings) {
        *err = found;
    }
    warnings
}

/// The search proper; `Ok(None)` when nothing fits.
fn search(
    err: &SyntaxError,
    metadata: &SyntaxErrorMetadata,
    warnings: &mut Vec<Warning>,
) -> Result<Option<SyntaxError>, Aborted> {
    let mut line = metadata.line;
    let mut end_line = err.lineno.unwrap_or(0);
    let mut from_filename = false;
    let lines: Vec<String> = match &metadata.source {
        Some(source) => splitlines(source),
        None => {
            let read = (!err.filename.is_empty())
                .then(|| std::fs::read_to_string(&err.filename).ok())
                .flatten();
            match read {
                Some(text) => {
                    from_filename = true;
                    splitlines(&text)
                }
                None => {
                    if !err.filename.is_empty() {
                        (line, end_line) = (0, 1);
                    }
                    splitlines(err.text.as_deref().unwrap_or(""))
                }
            }
        }
    };
    let start = if line > 0 { line - 1 } else { 0 };
    let selected = py_slice(&lines, i64::from(start), i64::from(end_line));
    let error_code = dedent(&selected.join("\n"));
    if error_code.chars().count() > MAX_ERROR_CODE_CHARS {
        return Ok(None);
    }
    let error_lines = splitlines(&error_code);
    let mut tokenizer = Tokenizer::new(
        &error_code,
        TokenizerOptions {
            extra_tokens: true,
            ..Default::default()
        },
    );
    let mut tokens_left = TOKEN_BUDGET;
    loop {
        let token = tokenizer.next_token().map_err(|_| Aborted)?;
        if token.kind == TokenKind::Endmarker {
            return Ok(None);
        }
        if token.kind != TokenKind::Name {
            continue;
        }
        let the_end = if line == 0 { end_line } else { end_line + 1 };
        if from_filename && token.lineno as i32 + line != the_end {
            continue;
        }
        let wrong_name = tokenizer.token_text(&token);
        if KWLIST.contains(&wrong_name) {
            continue;
        }
        if tokens_left == 0 {
            return Ok(None);
        }
        tokens_left -= 1;
        let (start_col, end_col) = tokenizer.char_columns(&token);
        for suggestion in candidates(wrong_name) {
            if suggestion == wrong_name {
                continue;
            }
            let code = replace_token(
                &error_lines,
                token.lineno as usize,
                start_col as usize,
                end_col as usize,
                suggestion,
            );
            if !compiles_as_command(&code, warnings)? {
                continue;
            }
            let token_line = source_line_of(&error_code, token.lineno as usize);
            return Ok(Some(SyntaxError {
                msg: format!("invalid syntax. Did you mean '{suggestion}'?"),
                lineno: Some(token.lineno as i32),
                end_lineno: Some(token.end_lineno as i32),
                offset: Some(start_col as i32 + 1),
                end_offset: Some(end_col as i32 + 1),
                text: Some(token_line),
                ..err.clone()
            }));
        }
    }
}

/// The keywords tried for one name: `_generate_suggestions`' pick, then difflib's close
/// matches, at most three in all.
fn candidates(wrong_name: &str) -> Vec<&'static str> {
    let mut matches: Vec<&'static str> = Vec::new();
    if let Some(suggestion) = generate_suggestion(KWLIST, wrong_name) {
        matches.push(suggestion);
    }
    matches.extend(get_close_matches(wrong_name, KWLIST, MAX_MATCHES, 0.5));
    matches.truncate(MAX_MATCHES);
    matches
}

/// The error lines with the token at `lineno` (1-based), character columns
/// `start_col..end_col`, replaced by `suggestion`, joined by newlines.
fn replace_token(
    lines: &[String],
    lineno: usize,
    start_col: usize,
    end_col: usize,
    suggestion: &str,
) -> String {
    let mut the_lines = lines.to_vec();
    if let Some(the_line) = lineno.checked_sub(1).and_then(|i| the_lines.get_mut(i)) {
        let chars: Vec<char> = the_line.chars().collect();
        let start = start_col.min(chars.len());
        let end = end_col.clamp(start, chars.len());
        let mut replaced: String = chars[..start].iter().collect();
        replaced.push_str(suggestion);
        replaced.extend(&chars[end..]);
        *the_line = replaced;
    }
    the_lines.join("\n")
}

/// `token.line` for a NAME token: its physical line, with its newline when it has one.
fn source_line_of(code: &str, lineno: usize) -> String {
    code.split_inclusive('\n')
        .nth(lineno.saturating_sub(1))
        .unwrap_or("")
        .to_string()
}

/// `codeop.compile_command(code, symbol="exec", flags=PyCF_ONLY_AST)` returns (a tree, or None
/// for incomplete input) rather than raising a SyntaxError. Another exception aborts the search.
///
/// `_maybe_compile` parses with the flags under `catch_warnings`; when that succeeds, or when it
/// fails and so does the source with a newline added, it compiles once more to code, without the
/// flags and outside `catch_warnings`: that compile decides (the symbol table's and the
/// compiler's errors reject the candidate) and its warnings are shown, named `<input>`.
fn compiles_as_command(code: &str, warnings: &mut Vec<Warning>) -> Result<bool, Aborted> {
    let blank = code.split('\n').all(|line| {
        let line = line.trim_matches(is_python_whitespace);
        line.is_empty() || line.starts_with('#')
    });
    let source = if blank { "pass" } else { code };
    let flags = PYCF_ONLY_AST | PYCF_ALLOW_INCOMPLETE_INPUT | PYCF_DONT_IMPLY_DEDENT;
    if parse_ignoring_warnings(source, flags)? != Parsed::Tree {
        let with_newline = format!("{source}\n");
        if parse_ignoring_warnings(&with_newline, flags)? != Parsed::Wrong {
            // `return None`: complete or incomplete, but not wrong.
            return Ok(true);
        }
    }
    compiles_to_code(source, warnings)
}

/// codeop's last `compile(source, "<input>", "exec")`, to code. Until code generation is
/// ported, a source that passes every earlier stage counts as compiling (the compiler's own
/// errors, such as "'yield' outside function", cannot reject a candidate yet).
fn compiles_to_code(source: &str, warnings: &mut Vec<Warning>) -> Result<bool, Aborted> {
    let compiled = crate::compile(
        crate::Source::Str(source),
        "<input>",
        crate::Mode::Exec,
        0,
        -1,
    );
    warnings.extend(compiled.warnings);
    match compiled.result {
        Ok(_) | Err(crate::CompileError::CodegenNotPorted) => Ok(true),
        Err(crate::CompileError::Syntax(_)) => Ok(false),
        Err(_) => Err(Aborted),
    }
}

/// What one of codeop's parses with the flags gave.
#[derive(PartialEq, Eq)]
enum Parsed {
    Tree,
    /// `_IncompleteInputError`.
    Incomplete,
    /// Any other SyntaxError.
    Wrong,
}

/// One `compile(source, "<input>", "exec", flags)` with warnings ignored; Err for an exception
/// other than a SyntaxError.
fn parse_ignoring_warnings(source: &str, flags: u32) -> Result<Parsed, Aborted> {
    let compiled = crate::compile(
        crate::Source::Str(source),
        "<input>",
        crate::Mode::Exec,
        flags,
        -1,
    );
    match compiled.result {
        Ok(crate::Output::Ast(tree)) => {
            pyc_ast::drop_deep(tree);
            Ok(Parsed::Tree)
        }
        Err(crate::CompileError::Syntax(raised))
            if raised.error.error_type == ErrorType::IncompleteInputError =>
        {
            Ok(Parsed::Incomplete)
        }
        Err(crate::CompileError::Syntax(_)) => Ok(Parsed::Wrong),
        Err(_) => Err(Aborted),
    }
}

/// Python's `list[start:end]` for non-negative-or-negative bounds.
fn py_slice(lines: &[String], start: i64, end: i64) -> Vec<String> {
    let len = lines.len() as i64;
    let clamp = |i: i64| if i < 0 { (len + i).max(0) } else { i.min(len) };
    let (start, end) = (clamp(start), clamp(end));
    if start >= end {
        return Vec::new();
    }
    lines[start as usize..end as usize].to_vec()
}

/// `textwrap.dedent`: removes the longest run of spaces and tabs common to the start of every
/// non-blank line; blank lines become empty.
pub fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let non_blank: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.is_empty() && !is_space_line(l))
        .collect();
    let l1 = non_blank.iter().copied().min().unwrap_or("");
    let l2 = non_blank.iter().copied().max().unwrap_or("");
    let l2_chars: Vec<char> = l2.chars().collect();
    let mut margin = 0;
    for (i, c) in l1.chars().enumerate() {
        margin = i;
        if l2_chars.get(i) != Some(&c) || !matches!(c, ' ' | '\t') {
            break;
        }
    }
    let dedented: Vec<String> = lines
        .iter()
        .map(|l| {
            if is_space_line(l) {
                String::new()
            } else {
                l.chars().skip(margin).collect()
            }
        })
        .collect();
    dedented.join("\n")
}

/// `str.isspace()`: non-empty and all whitespace.
fn is_space_line(line: &str) -> bool {
    !line.is_empty() && line.chars().all(is_python_whitespace)
}

/// Python's `str.isspace` for one character (and what `str.strip()` removes).
pub fn is_python_whitespace(c: char) -> bool {
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

/// `str.splitlines()`: splits at every line boundary Python knows, dropping them.
pub fn splitlines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                lines.push(std::mem::take(&mut current));
            }
            '\n' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}'
            | '\u{2029}' => {
                lines.push(std::mem::take(&mut current));
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedent_removes_common_margin_and_blanks_whitespace_lines() {
        assert_eq!(dedent("    a\n      b\n   \n    c"), "a\n  b\n\nc");
        assert_eq!(dedent("\ta\n  b"), "\ta\n  b");
    }

    #[test]
    fn splitlines_breaks_at_python_line_boundaries() {
        assert_eq!(splitlines("a\r\nb\rc\x0cd\n"), vec!["a", "b", "c", "d"]);
        assert_eq!(splitlines(""), Vec::<String>::new());
    }
}
