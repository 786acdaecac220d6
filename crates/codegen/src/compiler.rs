//! Port of Python/compile.c: struct _PyCompiler and struct compiler_unit, compiler_codegen,
//! _PyCompile_EnterScope, _PyCompile_ExitScope, _PyCompile_PushFBlock, _PyCompile_PopFBlock,
//! _PyCompile_TopFBlock, _PyCompile_Error, _PyCompile_Warn, _PyCompile_AddDeferredAnnotation,
//! _PyCompile_EnterConditionalBlock, _PyCompile_LeaveConditionalBlock.

use pyc_ast::{Location, Mod, Stmt, StmtAnnAssign};
use pyc_future::{syntax_error_at, SourceLocation};
use pyc_symtable::{BlockKey, Entry, EntryId, SymbolTable};

use crate::{CodegenError, Warning};

/// The result of a visitor. The error is boxed so that the many `Result` temporaries of the
/// recursive visitors stay one word wide (unboxed, each level of nesting costs far more stack).
pub(crate) type CResult<T = ()> = Result<T, Box<CodegenError>>;

/// `CO_MAXBLOCKS`: how many frame blocks a code unit may have open at once.
pub(crate) const CO_MAXBLOCKS: usize = 21;

/// How deep the visitors recurse before giving up, as the symbol table does: a safety net
/// that keeps the walk off the end of its own stack (the C-stack model below stops chains of
/// expressions first).
const MAX_RECURSION_DEPTH: u32 = 80_000;

/// The C frames of Python/codegen.c that compiling a deep expression nests, each with its size
/// in bytes in the oracle's build. CPython 3.14 stops the compilation with RecursionError when
/// `codegen_visit_expr` finds its C stack used beyond a limit (`Py_EnterRecursiveCall`), so the
/// depth at which a chain fails depends on the frames between one level and the next. The sizes
/// and [`C_STACK_LIMIT`] reproduce the oracle's exact failing depth for chains of binary
/// operators, calls and subscripts in the 49 statement and expression contexts of
/// golden/codegen-checks/measure_c_stack.py; frames not listed count as zero (small, or not
/// measured), so an unmeasured context may fail a level or so deeper than CPython's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// `codegen_body` (module and class bodies).
    Body,
    /// `codegen_visit_stmt`, with the statement handlers the C compiler inlines into it.
    VisitStmt,
    If,
    For,
    While,
    /// `codegen_with_inner`, once per `with` item.
    With,
    /// `codegen_try_except`, `codegen_try_star_except`.
    Try,
    /// `codegen_try_finally`, `codegen_try_star_finally`.
    TryFinally,
    Function,
    FunctionBody,
    Class,
    ClassBody,
    Return,
    VisitExpr,
    JumpIf,
    Call,
    CallHelper,
    /// `codegen_list`/`codegen_tuple`/`codegen_set` with `starunpack_helper` or
    /// `assignment_helper`.
    StarUnpack,
    Subscript,
    Comprehension,
    ComprehensionGenerator,
    Lambda,
    Compare,
    BoolOp,
    Dict,
    /// `codegen_match` (not measured).
    Match,
}

impl Frame {
    const fn size(self) -> u32 {
        match self {
            Frame::Body => 272,
            Frame::VisitStmt => 2208,
            Frame::If | Frame::For | Frame::While => 32,
            Frame::TryFinally => 144,
            Frame::With => 272,
            Frame::Try => 496,
            Frame::Function => 400,
            Frame::FunctionBody => 80,
            Frame::Class => 64,
            Frame::ClassBody => 448,
            Frame::Return => 48,
            Frame::VisitExpr => 432,
            Frame::JumpIf => 96,
            Frame::Call => 512,
            Frame::CallHelper => 176,
            Frame::StarUnpack | Frame::Lambda | Frame::Compare | Frame::Dict => 144,
            Frame::Subscript => 160,
            Frame::Comprehension => 512,
            Frame::ComprehensionGenerator => 480,
            Frame::BoolOp => 32,
            Frame::Match => 0,
        }
    }
}

/// The C stack `codegen_visit_expr` may find in use (counted from the module's code unit, in
/// the frames above) before it raises RecursionError.
const C_STACK_LIMIT: u32 = 10_459_324;

pub use pyc_ast::stack::STACK_OVERFLOW_MESSAGE;

/// The stack of the thread the walk runs on (reserved, touched only as deep as used).
pub(crate) const WALK_STACK_SIZE: usize = 1 << 30;

/// `NO_LOCATION`.
pub(crate) const NO_LOCATION: SourceLocation = SourceLocation::NONE;

/// `LOC(x)`: the location of a node.
pub(crate) fn loc(l: &Location) -> SourceLocation {
    SourceLocation::from_ast(l)
}

/// `COMPILE_SCOPE_*`: what kind of code a unit compiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
    Annotations,
}

/// `COMPILE_FBLOCK_*`: the kinds of frame block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FBlockType {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
    StopIteration,
}

/// `_PyCompile_FBlockInfo`, with the one datum the walk needs: the `finally` body a
/// `FinallyTry` block compiles again when a `return`, `break` or `continue` leaves it. (The
/// handler name of a `HandlerCleanup` and the statement of a `With` come with emission.)
#[derive(Debug, Clone, Copy)]
pub(crate) struct FBlock<'a> {
    pub(crate) kind: FBlockType,
    pub(crate) loc: SourceLocation,
    pub(crate) finalbody: &'a [Stmt],
}

/// `struct compiler_unit`: the state of the code object being compiled.
pub(crate) struct Unit<'a> {
    pub(crate) ste: EntryId,
    pub(crate) scope_type: ScopeType,
    pub(crate) fblocks: Vec<FBlock<'a>>,
    /// `u_deferred_annotations`: the simple annotated names of a module or class body, whose
    /// annotations are compiled into `__annotate__` after the body.
    pub(crate) deferred_annotations: Vec<&'a StmtAnnAssign>,
    /// `u_in_inlined_comp`: how many inlined comprehensions are being compiled in this unit
    /// (emission reads it to pick the name operations of a class body).
    pub(crate) in_inlined_comp: u32,
    /// `u_in_conditional_block`: inside an `if`, loop, `try`, `with` or `match` (emission reads
    /// it to index the conditionally executed annotations).
    pub(crate) in_conditional_block: u32,
}

impl<'a> Unit<'a> {
    fn new(ste: EntryId, scope_type: ScopeType) -> Unit<'a> {
        Unit {
            ste,
            scope_type,
            fblocks: Vec::new(),
            deferred_annotations: Vec::new(),
            in_inlined_comp: 0,
            in_conditional_block: 0,
        }
    }
}

/// `struct _PyCompiler`: the state of one compilation.
pub(crate) struct Compiler<'a> {
    pub(crate) table: &'a SymbolTable,
    filename: &'a str,
    pub(crate) future_annotations: bool,
    pub(crate) optimize: i32,
    interactive: bool,
    /// `c->u`: the unit being compiled; `stack` holds the units it is nested in.
    pub(crate) unit: Unit<'a>,
    stack: Vec<Unit<'a>>,
    /// `c_disable_warning`: raised while a `finally` body is compiled a second time (for the
    /// exceptional path), so that its warnings are not repeated.
    disable_warning: u32,
    warnings: Vec<Warning>,
    depth: u32,
    /// The bytes of C stack CPython's code generator would be using (see [`Frame`]).
    c_stack: u32,
}

impl<'a> Compiler<'a> {
    /// `compiler_setup` after the symbol table, and `_PyCodegen_EnterAnonymousScope`.
    pub(crate) fn new(table: &'a SymbolTable, filename: &'a str, optimize: i32) -> Compiler<'a> {
        let future_annotations = table
            .future()
            .features
            .contains(pyc_future::CompilerFlags::ANNOTATIONS);
        Compiler {
            table,
            filename,
            future_annotations,
            optimize: if optimize < 0 { 0 } else { optimize },
            interactive: false,
            unit: Unit::new(EntryId(0), ScopeType::Module),
            stack: Vec::new(),
            disable_warning: 0,
            warnings: Vec::new(),
            depth: 0,
            c_stack: 0,
        }
    }

    pub(crate) fn into_warnings(self) -> Vec<Warning> {
        self.warnings
    }

    /// `compiler_codegen`.
    pub(crate) fn codegen_mod(&mut self, module: &'a Mod) -> CResult {
        match module {
            Mod::Module(m) => self.framed(Frame::Body, |c| c.codegen_module(&m.body, false)),
            Mod::Interactive(m) => {
                self.interactive = true;
                self.framed(Frame::Body, |c| c.codegen_module(&m.body, true))
            }
            Mod::Expression(e) => self.visit_expr(&e.body),
            Mod::FunctionType(_) => Err(self.system_error("module kind 4 should not be possible")),
        }
    }

    /// `_PyCodegen_Module`.
    fn codegen_module(&mut self, stmts: &'a [Stmt], is_interactive: bool) -> CResult {
        self.body(stmts, is_interactive)
    }

    /// `SYMTABLE_ENTRY(c)`.
    pub(crate) fn ste(&self) -> &'a Entry {
        self.table.entry(self.unit.ste)
    }

    /// `_PyCompile_IsInteractiveTopLevel`.
    pub(crate) fn is_interactive_top_level(&self) -> bool {
        self.interactive && self.stack.is_empty()
    }

    /// `_PySymtable_Lookup`: the block a node opens.
    pub(crate) fn lookup(&self, key: BlockKey) -> CResult<EntryId> {
        self.table
            .lookup(key)
            .ok_or_else(|| self.system_error("unknown symbol table entry"))
    }

    /// `_PyCompile_EnterScope` for the block a node opens.
    pub(crate) fn enter_scope(&mut self, key: BlockKey, scope_type: ScopeType) -> CResult {
        let ste = self.lookup(key)?;
        self.enter_scope_of(ste, scope_type);
        Ok(())
    }

    /// `_PyCompile_EnterScope` for a block already looked up.
    pub(crate) fn enter_scope_of(&mut self, ste: EntryId, scope_type: ScopeType) {
        let unit = std::mem::replace(&mut self.unit, Unit::new(ste, scope_type));
        self.stack.push(unit);
    }

    /// `_PyCompile_ExitScope`.
    pub(crate) fn exit_scope(&mut self) {
        if let Some(parent) = self.stack.pop() {
            self.unit = parent;
        }
    }

    /// `_PyCompile_PushFBlock`.
    pub(crate) fn push_fblock(
        &mut self,
        loc: SourceLocation,
        kind: FBlockType,
        finalbody: &'a [Stmt],
    ) -> CResult {
        if self.unit.fblocks.len() >= CO_MAXBLOCKS {
            return Err(self.error(loc, "too many statically nested blocks".to_string()));
        }
        self.unit.fblocks.push(FBlock {
            kind,
            loc,
            finalbody,
        });
        if kind == FBlockType::FinallyEnd {
            self.disable_warning += 1;
        }
        Ok(())
    }

    /// `_PyCompile_PopFBlock`.
    pub(crate) fn pop_fblock(&mut self, kind: FBlockType) {
        let popped = self.unit.fblocks.pop();
        debug_assert_eq!(popped.map(|b| b.kind), Some(kind));
        if kind == FBlockType::FinallyEnd {
            self.disable_warning = self.disable_warning.saturating_sub(1);
        }
    }

    /// `_PyCompile_TopFBlock`.
    pub(crate) fn top_fblock(&self) -> Option<FBlock<'a>> {
        self.unit.fblocks.last().copied()
    }

    /// `_PyCompile_AddDeferredAnnotation`.
    pub(crate) fn add_deferred_annotation(&mut self, s: &'a StmtAnnAssign) {
        self.unit.deferred_annotations.push(s);
    }

    /// `_PyCompile_EnterConditionalBlock`.
    pub(crate) fn enter_conditional_block(&mut self) {
        self.unit.in_conditional_block += 1;
    }

    /// `_PyCompile_LeaveConditionalBlock`.
    pub(crate) fn leave_conditional_block(&mut self) {
        self.unit.in_conditional_block = self.unit.in_conditional_block.saturating_sub(1);
    }

    /// `_PyCompile_Error`: a SyntaxError at `loc` (its columns become 1-based offsets as
    /// CPython makes them: byte offset + 1).
    pub(crate) fn error(&self, loc: SourceLocation, msg: String) -> Box<CodegenError> {
        Box::new(CodegenError::Syntax(syntax_error_at(
            msg,
            self.filename,
            loc,
        )))
    }

    /// `_PyCompile_Warn`: a SyntaxWarning at `loc`, unless warnings are off.
    pub(crate) fn warn(&mut self, loc: SourceLocation, message: String) {
        if self.disable_warning > 0 {
            return;
        }
        self.warnings.push(Warning { message, loc });
    }

    /// What CPython raises as SystemError: a tree the parser cannot produce.
    pub(crate) fn system_error(&self, msg: &str) -> Box<CodegenError> {
        Box::new(CodegenError::System(msg.to_string()))
    }

    /// Run `f` inside one more C frame of CPython's code generator.
    pub(crate) fn framed<T>(
        &mut self,
        frame: Frame,
        f: impl FnOnce(&mut Self) -> CResult<T>,
    ) -> CResult<T> {
        self.c_stack = self.c_stack.saturating_add(frame.size());
        let result = f(self);
        self.c_stack = self.c_stack.saturating_sub(frame.size());
        result
    }

    /// The frame of `codegen_visit_expr` and its `Py_EnterRecursiveCall(" during
    /// compilation")`: RecursionError when the C stack would be used beyond the limit.
    pub(crate) fn enter_visit_expr(&mut self) -> CResult {
        self.c_stack = self.c_stack.saturating_add(Frame::VisitExpr.size());
        if self.c_stack > C_STACK_LIMIT {
            return Err(Box::new(CodegenError::Recursion));
        }
        self.enter_recursive()
    }

    /// Leaving `codegen_visit_expr`.
    pub(crate) fn leave_visit_expr(&mut self) {
        self.c_stack = self.c_stack.saturating_sub(Frame::VisitExpr.size());
        self.leave_recursive();
    }

    /// `Py_EnterRecursiveCall(" during compilation")`, as a plain depth count.
    pub(crate) fn enter_recursive(&mut self) -> CResult {
        self.depth += 1;
        if self.depth > MAX_RECURSION_DEPTH {
            return Err(Box::new(CodegenError::Recursion));
        }
        Ok(())
    }

    /// `Py_LeaveRecursiveCall`.
    pub(crate) fn leave_recursive(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}
