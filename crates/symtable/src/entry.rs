//! Port of Python/symtable.c: ste_new and the fields of PySTEntryObject (pycore_symtable.h).

use indexmap::IndexMap;
use pyc_ast::{Expr, Stmt, TypeParam};

use crate::flags::{BlockType, ComprehensionType, Scope, SymbolFlags, SymbolInfo};

/// A source range (`_Py_SourceLocation`): 1-based lines, 0-based UTF-8 byte columns.
pub type SrcLoc = pyc_future::SourceLocation;

/// The index of a block in [`crate::SymbolTable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(pub u32);

impl EntryId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What identifies a block, as CPython's `st_blocks` keys it: the address of the AST node that
/// opens it. The keys, for a compiler looking blocks up with [`crate::SymbolTable::lookup`]:
/// - a `def`/`class`/`type` statement: [`BlockKey::of_stmt`]; a lambda or comprehension:
///   [`BlockKey::of_expr`];
/// - a function's annotations (`__annotate__`): `BlockKey::of(&*def.args)`;
/// - a generic's type parameters: `BlockKey::of_slice(&def.type_params)`;
/// - a type variable's bound or constraints: [`BlockKey::of_type_param`]; its default: that
///   key's [`BlockKey::plus_one`];
/// - the annotations of a module or class body: the block's own key, plus one.
///
/// The tree must not be mutated between building the table and looking blocks up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockKey(pub usize);

impl BlockKey {
    /// The key of the block a node opens.
    pub fn of<T>(node: &T) -> BlockKey {
        BlockKey(node as *const T as usize)
    }

    /// The key of the block a list (of type parameters) opens: the address of its elements.
    pub fn of_slice<T>(nodes: &[T]) -> BlockKey {
        BlockKey(nodes.as_ptr() as usize)
    }

    /// The second key derived from a node (`(uintptr_t)ptr + 1`).
    pub fn plus_one(self) -> BlockKey {
        BlockKey(self.0.wrapping_add(1))
    }

    /// The key of the block a statement opens (`def`, `async def`, `class`, `type`): the
    /// address of the boxed node, which stays put when the statement list moves.
    pub fn of_stmt(stmt: &Stmt) -> BlockKey {
        match stmt {
            Stmt::FunctionDef(f) => BlockKey::of(&**f),
            Stmt::AsyncFunctionDef(f) => BlockKey::of(&**f),
            Stmt::ClassDef(c) => BlockKey::of(&**c),
            Stmt::TypeAlias(t) => BlockKey::of(&**t),
            other => BlockKey::of(other),
        }
    }

    /// The key of the block an expression opens (lambda, comprehension, generator expression).
    pub fn of_expr(expr: &Expr) -> BlockKey {
        match expr {
            Expr::Lambda(l) => BlockKey::of(&**l),
            Expr::ListComp(l) => BlockKey::of(&**l),
            Expr::SetComp(s) => BlockKey::of(&**s),
            Expr::DictComp(d) => BlockKey::of(&**d),
            Expr::GeneratorExp(g) => BlockKey::of(&**g),
            other => BlockKey::of(other),
        }
    }

    /// The key of a type variable's bound (its default is [`BlockKey::plus_one`] of this).
    pub fn of_type_param(tp: &TypeParam) -> BlockKey {
        match tp {
            TypeParam::TypeVar(t) => BlockKey::of(&**t),
            TypeParam::TypeVarTuple(t) => BlockKey::of(&**t),
            TypeParam::ParamSpec(p) => BlockKey::of(&**p),
        }
    }
}

/// One block (`PySTEntryObject`): a module, class, function, lambda, comprehension, annotation,
/// type alias, type parameter or type variable scope.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: BlockKey,
    pub name: String,
    pub kind: BlockType,
    /// Names in first-use order with CPython's raw value (flags | scope << SCOPE_OFFSET).
    pub(crate) symbols: IndexMap<String, u32>,
    pub varnames: Vec<String>,
    pub children: Vec<EntryId>,
    /// Locations of `global` and `nonlocal` statements, for errors found by the analysis.
    pub(crate) directives: Vec<(String, SrcLoc)>,
    /// The type parameter names that are mangled in a generic class's type parameter scope:
    /// an index into the table's sets, shared with the blocks nested in it as CPython shares
    /// the set object.
    pub(crate) mangled_names: Option<usize>,
    pub(crate) scope_info: Option<&'static str>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub annotations_used: bool,
    pub comprehension: ComprehensionType,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub needs_classdict: bool,
    pub comp_inlined: bool,
    pub(crate) comp_iter_target: bool,
    pub can_see_class_scope: bool,
    pub(crate) comp_iter_expr: i32,
    pub has_conditional_annotations: bool,
    pub(crate) in_conditional_block: bool,
    pub(crate) in_unevaluated_annotation: bool,
    pub loc: SrcLoc,
    pub annotation_block: Option<EntryId>,
    pub has_docstring: bool,
    pub method: bool,
}

impl Entry {
    pub(crate) fn new(key: BlockKey, name: &str, kind: BlockType, loc: SrcLoc) -> Entry {
        Entry {
            key,
            name: name.to_string(),
            kind,
            symbols: IndexMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: Vec::new(),
            mangled_names: None,
            scope_info: None,
            nested: false,
            generator: false,
            coroutine: false,
            annotations_used: false,
            comprehension: ComprehensionType::None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            needs_classdict: false,
            comp_inlined: false,
            comp_iter_target: false,
            can_see_class_scope: false,
            comp_iter_expr: 0,
            has_conditional_annotations: false,
            in_conditional_block: false,
            in_unevaluated_annotation: false,
            loc,
            annotation_block: None,
            has_docstring: false,
            method: false,
        }
    }

    /// `_PyST_GetSymbol`: the raw value of a name, 0 when absent.
    pub fn raw_symbol(&self, name: &str) -> u32 {
        self.symbols.get(name).copied().unwrap_or(0)
    }

    /// The flags and scope of a name, if the block has it.
    pub fn symbol(&self, name: &str) -> Option<SymbolInfo> {
        self.symbols.get(name).map(|&raw| info_of(raw))
    }

    /// `_PyST_GetScope`.
    pub fn scope(&self, name: &str) -> Option<Scope> {
        Scope::from_raw(self.raw_symbol(name))
    }

    /// The names in CPython's dict order with their flags and scope.
    pub fn symbols(&self) -> impl Iterator<Item = (&str, SymbolInfo)> {
        self.symbols.iter().map(|(k, &v)| (k.as_str(), info_of(v)))
    }
}

fn info_of(raw: u32) -> SymbolInfo {
    SymbolInfo {
        flags: SymbolFlags::from_bits_truncate(raw & ((1 << crate::flags::SCOPE_OFFSET) - 1)),
        scope: Scope::from_raw(raw),
    }
}
