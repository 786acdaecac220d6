//! Port of Python/bltinmodule.c: builtin_compile_impl, and Python/pythonrun.c:
//! Py_CompileStringObject, with Python/compile.c: _PyAST_Compile (compiler_setup) for the stages
//! that exist. The library facade: [`compile`], shaped like the builtin, plus the pieces the
//! `pyc` command shares (SyntaxError display, keyword-typo suggestions).
//!
//! Errors and warnings are values: nothing here prints.

pub mod keyword_typos;
pub mod suggestions;
pub mod traceback;

use pyc_ast::preprocess::{preprocess, PreprocessError, PreprocessFlags};
use pyc_ast::Mod;
use pyc_parser::string_parser::WarningCategory as LiteralCategory;
use pyc_parser::{ParseError, ParseFlags};
use pyc_tokenize::{ErrorType, SyntaxError};

/// `PyCF_DONT_IMPLY_DEDENT`: only changes `single` input (no DEDENTs implied at its end).
pub const PYCF_DONT_IMPLY_DEDENT: u32 = 0x0200;
/// `PyCF_ONLY_AST`: return the AST instead of code.
pub const PYCF_ONLY_AST: u32 = 0x0400;
/// `PyCF_TYPE_COMMENTS`: TYPE_COMMENT tokens and `# type: ignore` comments.
pub const PYCF_TYPE_COMMENTS: u32 = 0x1000;
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`: `await`, `async for` and `async with` at module level.
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;
/// `PyCF_ALLOW_INCOMPLETE_INPUT`: input that stops early raises `_IncompleteInputError`.
pub const PYCF_ALLOW_INCOMPLETE_INPUT: u32 = 0x4000;
/// `PyCF_OPTIMIZED_AST`: the AST after preprocessing at the given optimization level.
pub const PYCF_OPTIMIZED_AST: u32 = 0x8000 | PYCF_ONLY_AST;
/// `CO_FUTURE_BARRY_AS_BDFL`: `<>` instead of `!=`.
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x40_0000;

/// The flags `compile()` accepts (`PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK`).
const ACCEPTED_FLAGS: u32 = 0x0002_0000 // CO_FUTURE_DIVISION (obsolete)
    | 0x0004_0000 // CO_FUTURE_ABSOLUTE_IMPORT
    | 0x0008_0000 // CO_FUTURE_WITH_STATEMENT
    | 0x0010_0000 // CO_FUTURE_PRINT_FUNCTION
    | 0x0020_0000 // CO_FUTURE_UNICODE_LITERALS
    | CO_FUTURE_BARRY_AS_BDFL
    | 0x0080_0000 // CO_FUTURE_GENERATOR_STOP
    | 0x0100_0000 // CO_FUTURE_ANNOTATIONS
    | 0x0100 // PyCF_SOURCE_IS_UTF8
    | PYCF_DONT_IMPLY_DEDENT
    | PYCF_ONLY_AST
    | 0x0800 // PyCF_IGNORE_COOKIE
    | PYCF_TYPE_COMMENTS
    | PYCF_ALLOW_TOP_LEVEL_AWAIT
    | PYCF_ALLOW_INCOMPLETE_INPUT
    | PYCF_OPTIMIZED_AST;

/// `compile()`'s `mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
    FuncType,
}

impl Mode {
    fn parser_mode(self) -> pyc_parser::Mode {
        match self {
            Mode::Exec => pyc_parser::Mode::Exec,
            Mode::Eval => pyc_parser::Mode::Eval,
            Mode::Single => pyc_parser::Mode::Single,
            Mode::FuncType => pyc_parser::Mode::FuncType,
        }
    }
}

/// `compile()`'s `source`: a `str`, or `bytes` decoded as a file is (BOM, PEP 263 cookie).
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    Str(&'a str),
    Bytes(&'a [u8]),
}

/// `SyntaxError._metadata` as the parser sets it (`_PyPegen_set_syntax_error_metadata`): the
/// start of the last compound statement the error pass parsed (`p->last_stmt_location`, (0, 0)
/// when none) and the source it parsed.
/// `traceback` uses it to suggest keywords for typos.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxErrorMetadata {
    pub line: i32,
    pub offset: i32,
    pub source: Option<String>,
}

/// A raised exception of a SyntaxError class, with what CPython attaches to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaisedSyntaxError {
    pub error: SyntaxError,
    pub metadata: Option<SyntaxErrorMetadata>,
    /// Raised with a message only (`PyErr_SetString`): every other field, the filename
    /// included, is None in CPython.
    pub message_only: bool,
}

/// What `compile()` can raise here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// SyntaxError and its subclasses (IndentationError, TabError, _IncompleteInputError).
    Syntax(Box<RaisedSyntaxError>),
    /// MemoryError (e.g. "Parser stack overflowed - Python source too complex to parse").
    Memory(String),
    /// RecursionError (e.g. "maximum recursion depth exceeded during compilation").
    Recursion(String),
    /// ValueError (e.g. bad flags, an invalid optimization level, a literal's decoder).
    Value(String),
    /// Any other exception class CPython lets escape (UnicodeDecodeError, SystemError, ...).
    Other { type_name: String, msg: String },
    /// The source got through every stage that exists; the next one, code generation, is not
    /// ported yet.
    CodegenNotPorted,
}

impl CompileError {
    fn syntax(error: SyntaxError) -> CompileError {
        CompileError::Syntax(Box::new(RaisedSyntaxError {
            error,
            metadata: None,
            message_only: false,
        }))
    }

    /// The exception's class name, as CPython prints it.
    pub fn type_name(&self) -> &str {
        match self {
            CompileError::Syntax(raised) => raised.error.error_type.name(),
            CompileError::Memory(_) => "MemoryError",
            CompileError::Recursion(_) => "RecursionError",
            CompileError::Value(_) => "ValueError",
            CompileError::Other { type_name, .. } => type_name,
            CompileError::CodegenNotPorted => "NotImplementedError",
        }
    }

    /// `str(exc)`.
    pub fn message(&self) -> String {
        match self {
            CompileError::Syntax(raised) => raised.error.to_string(),
            CompileError::Memory(msg) | CompileError::Recursion(msg) | CompileError::Value(msg) => {
                msg.clone()
            }
            CompileError::Other { msg, .. } => msg.clone(),
            CompileError::CodegenNotPorted => CODEGEN_NOT_PORTED.to_string(),
        }
    }
}

/// What [`CompileError::CodegenNotPorted`] says.
pub const CODEGEN_NOT_PORTED: &str = "code generation is not ported yet";

/// A warning's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningCategory {
    SyntaxWarning,
    DeprecationWarning,
}

impl WarningCategory {
    pub fn name(self) -> &'static str {
        match self {
            WarningCategory::SyntaxWarning => "SyntaxWarning",
            WarningCategory::DeprecationWarning => "DeprecationWarning",
        }
    }
}

/// A warning `compile()` raised (`PyErr_WarnExplicitObject(category, message, filename,
/// lineno, NULL, NULL)`), in the order raised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub category: WarningCategory,
    pub message: String,
    pub filename: String,
    pub lineno: i32,
}

/// What a successful `compile()` returns. Code objects come with code generation.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// With `PYCF_ONLY_AST` (or `PYCF_OPTIMIZED_AST`): the tree. A tree can nest deeper than
    /// Rust's recursive drop can go on a small stack: drop it with [`pyc_ast::drop_deep`].
    Ast(Mod),
}

/// The result of [`compile`] and the warnings raised on the way, including those raised
/// before an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Compilation {
    pub result: Result<Output, CompileError>,
    pub warnings: Vec<Warning>,
}

/// `compile(source, filename, mode, flags, dont_inherit=True, optimize=optimize)`.
///
/// With `PYCF_ONLY_AST` it returns the AST (preprocessed at `optimize` with
/// `PYCF_OPTIMIZED_AST`). Otherwise it runs every stage that exists (parse, future features,
/// preprocessing with its warnings, symbol table) and, when they all succeed, returns
/// [`CompileError::CodegenNotPorted`].
pub fn compile(
    source: Source<'_>,
    filename: &str,
    mode: Mode,
    flags: u32,
    optimize: i32,
) -> Compilation {
    compile_with_feature_version(source, filename, mode, flags, optimize, -1)
}

/// [`compile`] with the builtin's `_feature_version` (what `ast.parse(feature_version=(3,
/// minor))` passes): the parser rejects syntax newer than Python 3.`feature_version`. As in
/// CPython it counts only with `PYCF_ONLY_AST`; -1 is none.
pub fn compile_with_feature_version(
    source: Source<'_>,
    filename: &str,
    mode: Mode,
    flags: u32,
    optimize: i32,
    feature_version: i32,
) -> Compilation {
    let mut warnings = Vec::new();
    let result = compile_collecting(
        source,
        filename,
        mode,
        CompileOptions {
            flags,
            optimize,
            feature_version,
        },
        &mut warnings,
    );
    Compilation { result, warnings }
}

/// What `compile()` is asked for besides the source: its flags, `optimize` and
/// `_feature_version`.
struct CompileOptions {
    flags: u32,
    optimize: i32,
    feature_version: i32,
}

fn compile_collecting(
    source: Source<'_>,
    filename: &str,
    mode: Mode,
    options: CompileOptions,
    warnings: &mut Vec<Warning>,
) -> Result<Output, CompileError> {
    let CompileOptions {
        flags,
        optimize,
        feature_version,
    } = options;
    if flags & !ACCEPTED_FLAGS != 0 {
        return Err(CompileError::Value(
            "compile(): unrecognised flags".to_string(),
        ));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(CompileError::Value(
            "compile(): invalid optimize value".to_string(),
        ));
    }
    let text = source_text(source, filename)?;
    let parse_flags = ParseFlags {
        type_comments: flags & PYCF_TYPE_COMMENTS != 0,
        feature_version: (feature_version >= 0 && flags & PYCF_ONLY_AST != 0)
            .then_some(feature_version),
        barry_as_flufl: flags & CO_FUTURE_BARRY_AS_BDFL != 0,
        allow_incomplete_input: flags & PYCF_ALLOW_INCOMPLETE_INPUT != 0,
    };
    let outcome =
        pyc_parser::parse_collecting_warnings(&text, filename, mode.parser_mode(), parse_flags);
    warnings.extend(outcome.warnings.into_iter().map(|w| Warning {
        category: match w.category {
            LiteralCategory::SyntaxWarning => WarningCategory::SyntaxWarning,
            LiteralCategory::DeprecationWarning => WarningCategory::DeprecationWarning,
        },
        message: w.message,
        filename: filename.to_string(),
        lineno: i32::try_from(w.lineno).unwrap_or(i32::MAX),
    }));
    let mut tree = outcome
        .result
        .map_err(|err| parse_error(err, &text, outcome.last_stmt_location))?;
    // An optimization level of -1 means the interpreter's own, which is 0 for `python3.14`.
    let optimize = optimize.max(0);
    if flags & PYCF_ONLY_AST != 0 {
        // `ast.parse` without optimization still checks the future imports and the syntax the
        // preprocessor checks; it only leaves the tree unoptimized.
        let syntax_check_only = flags & PYCF_OPTIMIZED_AST != PYCF_OPTIMIZED_AST;
        let preprocessed = ast_preprocess(
            &mut tree,
            filename,
            flags,
            optimize,
            syntax_check_only,
            warnings,
        );
        return match preprocessed.map(|_| ()) {
            Ok(()) => Ok(Output::Ast(tree)),
            Err(err) => {
                pyc_ast::drop_deep(tree);
                Err(err)
            }
        };
    }
    let result = compile_tree(&mut tree, filename, flags, optimize, warnings);
    // The tree can be deeper than the stack allows Rust's recursive drop to go.
    pyc_ast::drop_deep(tree);
    result
}

/// The stages after the parser (`compiler_setup`: future features, preprocessing, symbol
/// table) and the walk of code generation with its errors and warnings; the instructions
/// themselves are not generated yet.
fn compile_tree(
    tree: &mut Mod,
    filename: &str,
    flags: u32,
    optimize: i32,
    warnings: &mut Vec<Warning>,
) -> Result<Output, CompileError> {
    let future = ast_preprocess(tree, filename, flags, optimize, false, warnings)?;
    let table =
        pyc_symtable::SymbolTable::build(tree, filename, &future).map_err(symtable_error)?;
    let generated = pyc_codegen::codegen(tree, &table, filename, optimize);
    warnings.extend(generated.warnings.into_iter().map(|w| Warning {
        category: WarningCategory::SyntaxWarning,
        message: w.message,
        filename: filename.to_string(),
        lineno: w.loc.lineno,
    }));
    generated.result.map_err(|err| match err {
        pyc_codegen::CodegenError::Syntax(error) => located(error),
        pyc_codegen::CodegenError::Recursion => {
            CompileError::Recursion(RECURSION_MESSAGE.to_string())
        }
        pyc_codegen::CodegenError::System(msg) => CompileError::Other {
            type_name: "SystemError".to_string(),
            msg,
        },
    })?;
    // The instructions themselves are not generated yet.
    Err(CompileError::CodegenNotPorted)
}

/// `_PyCompile_AstPreprocess`: the future features (and their errors: "not a chance", unknown
/// features, misplaced future imports), then preprocessing under them.
fn ast_preprocess(
    tree: &mut Mod,
    filename: &str,
    flags: u32,
    optimize: i32,
    syntax_check_only: bool,
    warnings: &mut Vec<Warning>,
) -> Result<pyc_future::FutureFeatures, CompileError> {
    let mut future = pyc_future::future_from_ast(tree, filename).map_err(located)?;
    future.features |= pyc_future::CompilerFlags::from_bits_truncate(flags);
    let future_annotations = future
        .features
        .contains(pyc_future::CompilerFlags::ANNOTATIONS);
    run_preprocess(
        tree,
        filename,
        optimize,
        future_annotations,
        syntax_check_only,
        warnings,
    )?;
    Ok(future)
}

/// `bytes` decoded as `compile()` decodes a bytes source (BOM, PEP 263 cookie, universal
/// newlines), its errors placed as `compile()` places them.
pub fn decode_source<'a>(
    bytes: &'a [u8],
    filename: &str,
) -> Result<std::borrow::Cow<'a, str>, CompileError> {
    source_text(Source::Bytes(bytes), filename)
}

/// The source as text: bytes are decoded as CPython's tokenizer decodes a string it is given
/// (`_PyTokenizer_FromString`: BOM, PEP 263 cookie, universal newlines).
fn source_text<'a>(
    source: Source<'a>,
    filename: &str,
) -> Result<std::borrow::Cow<'a, str>, CompileError> {
    match source {
        Source::Str(text) => {
            if text.contains('\0') {
                return Err(null_bytes_error());
            }
            Ok(pyc_tokenize::decode::translate_newlines(
                std::borrow::Cow::Borrowed(text),
            ))
        }
        Source::Bytes(bytes) => {
            if bytes.contains(&0) {
                return Err(null_bytes_error());
            }
            pyc_tokenize::decode_source(bytes).map_err(|mut err| {
                err.filename = filename.to_string();
                CompileError::syntax(decode_error_as_compile_reports_it(err, bytes))
            })
        }
    }
}

/// The fields `compile()` of bytes gives a decoding error (`_PyTokenizer_FromString`:
/// `decode_str`, `_PyTokenizer_check_coding_spec`, `_PyTokenizer_ensure_utf8`), which place
/// some errors differently from a file read by the interpreter.
fn decode_error_as_compile_reports_it(mut err: SyntaxError, bytes: &[u8]) -> SyntaxError {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if err.msg.starts_with("unknown encoding: ") {
        // Raised while reading the cookie, before any line is current.
        err.lineno = Some(0);
        err.offset = Some(-1);
        err.end_lineno = None;
        err.end_offset = None;
        err.text = None;
    } else if err.msg == "encoding problem: utf-8" && body.len() != bytes.len() {
        // A BOM with a cookie naming another encoding: reported on the cookie's line.
        let lines: Vec<&[u8]> = body.split_inclusive(|&b| b == b'\n').take(2).collect();
        let cookie_line = lines
            .iter()
            .position(|line| pyc_tokenize::decode::find_cookie_name(line).is_some());
        if let Some(index) = cookie_line {
            let line = String::from_utf8_lossy(lines[index]);
            let text = line.trim_end_matches(['\n', '\r']).to_string();
            let name = pyc_tokenize::decode::find_cookie_name(lines[index])
                .map(pyc_tokenize::decode::get_normal_name);
            err.msg = format!("encoding problem: {} with BOM", name.unwrap_or_default());
            err.lineno = Some(index as i32 + 1);
            err.offset = Some(0);
            err.end_lineno = Some(index as i32 + 1);
            err.end_offset = Some(text.chars().count() as i32);
            err.text = Some(text);
        }
    } else if err.msg.starts_with("Non-UTF-8 code starting with") {
        // At the first undecodable byte, in the line decoded with replacement characters.
        let valid_up_to =
            std::str::from_utf8(body).map_or_else(|e| e.valid_up_to(), |_| body.len());
        let line_start = body[..valid_up_to]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line_end = body[line_start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(body.len(), |i| line_start + i);
        let offset = String::from_utf8_lossy(&body[line_start..valid_up_to])
            .chars()
            .count() as i32
            + 1;
        let text = String::from_utf8_lossy(&body[line_start..line_end]);
        err.offset = Some(offset);
        err.end_lineno = err.lineno;
        err.end_offset = Some(offset);
        err.text = Some(text.trim_end_matches('\r').to_string());
    }
    err
}

/// `_Py_SourceAsString`: "source code string cannot contain null bytes", a SyntaxError with no
/// location and no filename.
fn null_bytes_error() -> CompileError {
    let error = SyntaxError {
        error_type: ErrorType::SyntaxError,
        msg: "source code string cannot contain null bytes".to_string(),
        filename: String::new(),
        lineno: None,
        offset: None,
        end_lineno: None,
        end_offset: None,
        text: None,
    };
    CompileError::Syntax(Box::new(RaisedSyntaxError {
        error,
        metadata: None,
        message_only: true,
    }))
}

/// A parser error as the exception CPython raises; SyntaxErrors out of the parser carry
/// `_metadata` (the parsed source), except the incomplete-input one.
fn parse_error(err: ParseError, text: &str, (line, offset): (i32, i32)) -> CompileError {
    match err {
        ParseError::Syntax(error) => {
            let metadata = (error.error_type != ErrorType::IncompleteInputError).then(|| {
                SyntaxErrorMetadata {
                    line,
                    offset,
                    source: Some(text.to_string()),
                }
            });
            CompileError::Syntax(Box::new(RaisedSyntaxError {
                error,
                metadata,
                message_only: false,
            }))
        }
        ParseError::Memory(msg) => CompileError::Memory(msg),
        ParseError::Other { type_name, msg } => match type_name.as_str() {
            "ValueError" => CompileError::Value(msg),
            "RecursionError" => CompileError::Recursion(msg),
            "MemoryError" => CompileError::Memory(msg),
            _ => CompileError::Other { type_name, msg },
        },
    }
}

/// `_PyAST_Preprocess`; its PEP 765 warnings are reported only when compiling to code.
fn run_preprocess(
    tree: &mut Mod,
    filename: &str,
    optimize: i32,
    future_annotations: bool,
    syntax_check_only: bool,
    warnings: &mut Vec<Warning>,
) -> Result<(), CompileError> {
    let enable_warnings = !syntax_check_only;
    let flags = PreprocessFlags {
        future_annotations,
        syntax_check_only,
        enable_warnings,
    };
    let mut raised = Vec::new();
    let outcome = preprocess(tree, optimize, flags, &mut raised);
    warnings.extend(raised.into_iter().map(|w| Warning {
        category: WarningCategory::SyntaxWarning,
        message: w.message,
        filename: filename.to_string(),
        lineno: w.loc.lineno,
    }));
    match outcome {
        Ok(()) => Ok(()),
        Err(PreprocessError::Recursion) => {
            Err(CompileError::Recursion(RECURSION_MESSAGE.to_string()))
        }
        Err(PreprocessError::Warning(w)) => {
            let loc = pyc_future::SourceLocation::from_ast(&w.loc);
            Err(located(pyc_future::syntax_error_at(
                w.message, filename, loc,
            )))
        }
    }
}

/// What the stages after the parser say when a tree nests deeper than they recurse.
pub const RECURSION_MESSAGE: &str = pyc_ast::stack::STACK_OVERFLOW_MESSAGE;

/// Whether a symbol-table error is its recursion limit: the table reports it as a SyntaxError
/// value without a location, where CPython raises RecursionError.
pub fn is_symtable_recursion_error(err: &SyntaxError) -> bool {
    err.lineno.is_none() && err.msg == RECURSION_MESSAGE
}

/// The exception a symbol-table error is: RecursionError for its recursion limit, else the
/// SyntaxError with its source line.
fn symtable_error(err: SyntaxError) -> CompileError {
    if is_symtable_recursion_error(&err) {
        CompileError::Recursion(err.msg)
    } else {
        located(err)
    }
}

/// A SyntaxError of a stage after the parser, with the source line CPython reads back for it
/// from the file named `filename` (`PyErr_ProgramTextObject`) when the stage did not attach
/// one: none when no such file exists (e.g. `compile(source, "<string>", ...)`).
fn located(mut err: SyntaxError) -> CompileError {
    if err.text.is_none() {
        let index = err
            .lineno
            .and_then(|n| usize::try_from(n).ok()?.checked_sub(1));
        if let Some(index) = index {
            err.text = program_text(&err.filename, index);
        }
    }
    CompileError::syntax(err)
}

/// `_PyErr_ProgramDecodedTextObject`: line `index` (0-based) of the file, decoded, cut to the
/// 999 bytes `err_programtext` reads into its buffer.
fn program_text(filename: &str, index: usize) -> Option<String> {
    const LINE_BUFFER: usize = 999;
    let bytes = std::fs::read(filename).ok()?;
    let text = pyc_tokenize::decode_source(&bytes).ok()?;
    let line = text.split_inclusive('\n').nth(index)?;
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    if line.len() > LINE_BUFFER {
        return Some(String::from_utf8_lossy(&line.as_bytes()[..LINE_BUFFER]).into_owned());
    }
    Some(line.to_string())
}
