//! Port of Python/future.c: future_check_features, future_parse, _PyFuture_FromAST.

use bitflags::bitflags;
use pyc_ast::{Mod, Stmt};
use pyc_tokenize::{ErrorType, SyntaxError};

mod docstring;
pub use docstring::get_docstring;

bitflags! {
    /// The compiler flags a module's future statements and the caller set (`ff_features`,
    /// `cf_flags`), with CPython's `CO_*` and `PyCF_*` values.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct CompilerFlags: u32 {
        /// `from __future__ import barry_as_FLUFL` (`CO_FUTURE_BARRY_AS_BDFL`).
        const BARRY_AS_BDFL = 0x40_0000;
        /// `from __future__ import annotations` (`CO_FUTURE_ANNOTATIONS`).
        const ANNOTATIONS = 0x100_0000;
        /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`: `await`, `async for` and `async with` at module level.
        const ALLOW_TOP_LEVEL_AWAIT = 0x2000;
    }
}

/// The features that are always on in 3.14: importing them is accepted and changes nothing.
pub const LEGACY_FEATURES: [&str; 8] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
];

/// A source range (`_Py_SourceLocation`): 1-based lines, 0-based UTF-8 byte columns, all -1 for
/// "no location".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SourceLocation {
    pub lineno: i32,
    pub col_offset: i32,
    pub end_lineno: i32,
    pub end_col_offset: i32,
}

impl SourceLocation {
    /// `NO_LOCATION`.
    pub const NONE: SourceLocation = SourceLocation {
        lineno: -1,
        col_offset: -1,
        end_lineno: -1,
        end_col_offset: -1,
    };

    /// `SRC_LOCATION_FROM_AST`.
    pub fn from_ast(loc: &pyc_ast::Location) -> SourceLocation {
        SourceLocation {
            lineno: loc.lineno,
            col_offset: loc.col_offset,
            end_lineno: loc.end_lineno,
            end_col_offset: loc.end_col_offset,
        }
    }
}

/// A SyntaxError at a range, as `PyErr_RangedSyntaxLocationObject(filename, lineno, col + 1,
/// end_lineno, end_col + 1)` sets it: the offsets stay UTF-8 byte offsets plus one (CPython does
/// not convert them to characters on this path), and `text` is left for the caller, who has the
/// source (CPython reads the line back from the file).
pub fn syntax_error_at(msg: String, filename: &str, loc: SourceLocation) -> SyntaxError {
    SyntaxError {
        error_type: ErrorType::SyntaxError,
        msg,
        filename: filename.to_string(),
        lineno: Some(loc.lineno),
        // C int arithmetic: a hand-built tree may hold any column.
        offset: Some(loc.col_offset.wrapping_add(1)),
        end_lineno: Some(loc.end_lineno),
        end_offset: Some(loc.end_col_offset.wrapping_add(1)),
        text: None,
    }
}

/// What a module's future statements turned on (`_PyFutureFeatures`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FutureFeatures {
    pub features: CompilerFlags,
    /// The location of the last future statement, `SourceLocation::NONE` without one.
    pub location: SourceLocation,
}

impl Default for FutureFeatures {
    fn default() -> Self {
        FutureFeatures {
            features: CompilerFlags::empty(),
            location: SourceLocation::NONE,
        }
    }
}

/// `_PyFuture_FromAST`: the features of the future statements at the top of a module. A future
/// statement later in the file is an error the symbol table reports, not this pass.
pub fn future_from_ast(module: &Mod, filename: &str) -> Result<FutureFeatures, SyntaxError> {
    let mut ff = FutureFeatures::default();
    future_parse(&mut ff, module, filename)?;
    Ok(ff)
}

/// `future_parse`: scan the statements after the docstring while they are future imports.
fn future_parse(ff: &mut FutureFeatures, module: &Mod, filename: &str) -> Result<(), SyntaxError> {
    let body = match module {
        Mod::Module(m) => &m.body,
        Mod::Interactive(m) => &m.body,
        _ => return Ok(()),
    };
    let start = usize::from(get_docstring(body).is_some());
    for stmt in body.iter().skip(start) {
        let Stmt::ImportFrom(import) = stmt else {
            return Ok(());
        };
        let is_future =
            import.level.unwrap_or(0) == 0 && import.module.as_deref() == Some("__future__");
        if !is_future {
            return Ok(());
        }
        future_check_features(ff, import, filename)?;
        ff.location = SourceLocation::from_ast(&import.loc);
    }
    Ok(())
}

/// `future_check_features`: turn on the features one future statement names.
fn future_check_features(
    ff: &mut FutureFeatures,
    import: &pyc_ast::StmtImportFrom,
    filename: &str,
) -> Result<(), SyntaxError> {
    for alias in &import.names {
        let feature: &str = &alias.name;
        if LEGACY_FEATURES.contains(&feature) {
            continue;
        }
        match feature {
            "barry_as_FLUFL" => ff.features |= CompilerFlags::BARRY_AS_BDFL,
            "annotations" => ff.features |= CompilerFlags::ANNOTATIONS,
            "braces" => {
                let loc = SourceLocation::from_ast(&alias.loc);
                return Err(syntax_error_at("not a chance".into(), filename, loc));
            }
            _ => {
                let loc = SourceLocation::from_ast(&alias.loc);
                let msg = format!("future feature {} is not defined", truncate_100(feature));
                return Err(syntax_error_at(msg, filename, loc));
            }
        }
    }
    Ok(())
}

/// `%.100s`: at most 100 bytes of the UTF-8 text, dropping a character cut in half (CPython
/// decodes the truncated bytes with the "replace" handler in stateful mode, which drops an
/// incomplete trailing sequence).
fn truncate_100(text: &str) -> &str {
    if text.len() <= 100 {
        return text;
    }
    let mut end = 100;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_100_keeps_whole_characters() {
        let long = "é".repeat(60);
        assert_eq!(truncate_100(&long), "é".repeat(50));
        assert_eq!(truncate_100("abc"), "abc");
    }
}
