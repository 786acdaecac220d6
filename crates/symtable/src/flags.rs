//! Port of Include/internal/pycore_symtable.h: the def-use flags, the scopes and the block types.

use bitflags::bitflags;

bitflags! {
    /// What a block does with a name (`DEF_*`, `USE`), as CPython records it in `ste_symbols`,
    /// without the scope bits (see [`Scope`]).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct SymbolFlags: u32 {
        /// `global` statement.
        const DEF_GLOBAL = 1;
        /// Assignment in the block.
        const DEF_LOCAL = 2;
        /// Formal parameter.
        const DEF_PARAM = 2 << 1;
        /// `nonlocal` statement.
        const DEF_NONLOCAL = 2 << 2;
        /// The name is read.
        const USE = 2 << 3;
        /// Free in a method of the class that also binds or uses it.
        const DEF_FREE_CLASS = 2 << 5;
        /// Bound by an import.
        const DEF_IMPORT = 2 << 6;
        /// Annotated.
        const DEF_ANNOT = 2 << 7;
        /// Iteration variable of a comprehension.
        const DEF_COMP_ITER = 2 << 8;
        /// Type parameter (PEP 695).
        const DEF_TYPE_PARAM = 2 << 9;
        /// Cell of an inlined comprehension (PEP 709).
        const DEF_COMP_CELL = 2 << 10;
        /// Any binding: `DEF_LOCAL | DEF_PARAM | DEF_IMPORT`.
        const DEF_BOUND = Self::DEF_LOCAL.bits() | Self::DEF_PARAM.bits() | Self::DEF_IMPORT.bits();
    }
}

/// Where the scope bits sit in a raw symbol value (`SCOPE_OFFSET`).
pub const SCOPE_OFFSET: u32 = 12;
/// The mask of the scope bits once shifted down (`SCOPE_MASK`).
pub const SCOPE_MASK: u32 = 0xf;

/// The scope the analysis gives a name (`LOCAL` ... `CELL`); `None` before analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Scope {
    Local = 1,
    GlobalExplicit = 2,
    GlobalImplicit = 3,
    Free = 4,
    Cell = 5,
}

impl Scope {
    /// The scope encoded in the bits above `SCOPE_OFFSET` of a raw symbol value.
    pub fn from_raw(raw: u32) -> Option<Scope> {
        match (raw >> SCOPE_OFFSET) & SCOPE_MASK {
            1 => Some(Scope::Local),
            2 => Some(Scope::GlobalExplicit),
            3 => Some(Scope::GlobalImplicit),
            4 => Some(Scope::Free),
            5 => Some(Scope::Cell),
            _ => None,
        }
    }

    /// The name `Lib/symtable.py` prints for the scope.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Local => "LOCAL",
            Scope::GlobalExplicit => "GLOBAL_EXPLICIT",
            Scope::GlobalImplicit => "GLOBAL_IMPLICIT",
            Scope::Free => "FREE",
            Scope::Cell => "CELL",
        }
    }
}

/// A symbol as CPython stores it: the flags plus the scope the analysis decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SymbolInfo {
    pub flags: SymbolFlags,
    pub scope: Option<Scope>,
}

impl SymbolInfo {
    /// The `long` CPython keeps in `ste_symbols`: flags | scope << SCOPE_OFFSET.
    pub fn raw(self) -> u32 {
        self.flags.bits() | (self.scope.map_or(0, |s| s as u32) << SCOPE_OFFSET)
    }
}

/// The kind of a block (`_Py_block_ty`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockType {
    Function,
    Class,
    Module,
    /// Annotations (PEP 649): the `__annotate__` function.
    Annotation,
    /// The value of a `type` statement (PEP 695).
    TypeAlias,
    /// The type parameters of a generic function, class or alias.
    TypeParameters,
    /// The bound, constraints or default of one type variable.
    TypeVariable,
}

impl BlockType {
    /// `_PyST_IsFunctionLike`: every block but modules and classes.
    pub fn is_function_like(self) -> bool {
        !matches!(self, BlockType::Class | BlockType::Module)
    }

    /// The name `symtable.SymbolTableType` gives the block.
    pub fn name(self) -> &'static str {
        match self {
            BlockType::Function => "function",
            BlockType::Class => "class",
            BlockType::Module => "module",
            BlockType::Annotation => "annotation",
            BlockType::TypeAlias => "type alias",
            BlockType::TypeParameters => "type parameters",
            BlockType::TypeVariable => "type variable",
        }
    }
}

/// The kind of comprehension a function block implements (`_Py_comprehension_ty`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ComprehensionType {
    #[default]
    None,
    List,
    Dict,
    Set,
    Generator,
}
