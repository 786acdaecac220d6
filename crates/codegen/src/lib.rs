//! Port of Python/codegen.c: _PyCodegen_Module, _PyCodegen_Expression, codegen_body, and
//! Python/compile.c: compiler_codegen, the driver of the code generator.
//!
//! What exists so far is the walk: the visitor goes over the preprocessed tree in exactly the
//! order CPython's code generator does (`codegen_visit_stmt`, `codegen_visit_expr`, the bodies
//! of functions, classes, lambdas, comprehensions and annotation scopes as nested units with
//! their symbol-table entry, decorators and defaults before bodies, the deferred annotations of
//! a module or class after its body, `finally` bodies as many times as CPython compiles them),
//! keeping CPython's unit stack and frame-block stack (`_PyCompile_PushFBlock`), and raises the
//! SyntaxErrors and SyntaxWarnings CPython's code generator raises, at the same points, with the
//! same locations and in the same order.
//!
//! It emits no instructions yet: the port of the instruction sequence goes into these same
//! visitor functions (each is named after its codegen.c original, `codegen_with` being
//! [`compiler::Compiler`]'s `with` in `stmt.rs`), next to the checks they already make. Where
//! CPython picks between two code shapes that visit the same nodes in the same order (the
//! method-call form of a call, the two-part slice), the walk takes one and says so.

mod compiler;
mod expr;
mod pattern;
mod stmt;

use pyc_ast::Mod;
use pyc_future::SourceLocation;
use pyc_symtable::SymbolTable;
use pyc_tokenize::SyntaxError;

use compiler::Compiler;
pub use compiler::STACK_OVERFLOW_MESSAGE;

/// A SyntaxWarning the code generator raised (`_PyCompile_Warn`), at the node it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub message: String,
    pub loc: SourceLocation,
}

/// Why code generation stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodegenError {
    /// A SyntaxError (`_PyCompile_Error`), located as CPython locates it; `text` is left for
    /// the caller, who has the source.
    Syntax(SyntaxError),
    /// The tree nests deeper than CPython's code generator has C stack for: RecursionError with
    /// [`STACK_OVERFLOW_MESSAGE`].
    Recursion,
    /// The tree is one the parser cannot produce (CPython raises SystemError).
    System(String),
}

/// What code generation gives back: its outcome and the warnings raised on the way, in order,
/// including those raised before an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codegen {
    pub result: Result<(), CodegenError>,
    pub warnings: Vec<Warning>,
}

/// `compiler_codegen` over a module whose symbol table is `table` (built from this very tree,
/// not moved since: blocks are looked up by node address), at optimization level `optimize`.
/// The future features are the table's.
pub fn codegen(module: &Mod, table: &SymbolTable, filename: &str, optimize: i32) -> Codegen {
    // The walk recurses once per level of nesting, as deep as the symbol table let the tree
    // go: give it the stack the symbol table builder has.
    let size = compiler::WALK_STACK_SIZE;
    pyc_ast::stack::on_deep_stack(size, size, || {
        codegen_on_this_thread(module, table, filename, optimize)
    })
    .unwrap_or_else(|_| Codegen {
        result: Err(CodegenError::System(
            "internal error: the code generator panicked".to_string(),
        )),
        warnings: Vec::new(),
    })
}

fn codegen_on_this_thread(
    module: &Mod,
    table: &SymbolTable,
    filename: &str,
    optimize: i32,
) -> Codegen {
    let mut c = Compiler::new(table, filename, optimize);
    let result = c.codegen_mod(module).map_err(|e| *e);
    Codegen {
        result,
        warnings: c.into_warnings(),
    }
}
