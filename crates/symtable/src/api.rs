//! Port of Lib/symtable.py: SymbolTable, Function, Class and Symbol, as views of the table.

use std::fmt;

use crate::entry::{Entry, EntryId};
use crate::flags::{BlockType, Scope, SymbolFlags, SymbolInfo};
use crate::print::{flag_names, repr, scope_str};
use crate::SymbolTable;

/// One block's table (`symtable.SymbolTable`, with the extras of `symtable.Function` and
/// `symtable.Class`, which only make sense on function and class tables).
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    st: &'a SymbolTable,
    id: EntryId,
}

impl<'a> Table<'a> {
    pub(crate) fn new(st: &'a SymbolTable, id: EntryId) -> Table<'a> {
        Table { st, id }
    }

    /// The underlying block.
    pub fn entry(&self) -> &'a Entry {
        self.st.entry(self.id)
    }

    pub fn entry_id(&self) -> EntryId {
        self.id
    }

    /// `get_type`.
    pub fn get_type(&self) -> BlockType {
        self.entry().kind
    }

    /// `get_id`: CPython gives the address of the AST node; this is our equivalent, the
    /// block's key (see [`crate::BlockKey`]), so it is unique but not stable across runs.
    pub fn get_id(&self) -> usize {
        self.entry().key.0
    }

    /// `get_name`: the class or function name, `top` for the module.
    pub fn get_name(&self) -> &'a str {
        &self.entry().name
    }

    /// `get_lineno`.
    pub fn get_lineno(&self) -> i32 {
        self.entry().loc.lineno
    }

    /// `is_optimized`: locals live in fast slots (function blocks only).
    pub fn is_optimized(&self) -> bool {
        self.entry().kind == BlockType::Function
    }

    /// `is_nested`.
    pub fn is_nested(&self) -> bool {
        self.entry().nested
    }

    /// `has_children`.
    pub fn has_children(&self) -> bool {
        !self.entry().children.is_empty()
    }

    /// `get_identifiers`: the names, in the order the block first mentions them.
    pub fn get_identifiers(&self) -> impl Iterator<Item = &'a str> {
        self.entry().symbols.keys().map(String::as_str)
    }

    /// `lookup`.
    pub fn lookup(&self, name: &str) -> Option<Symbol<'a>> {
        let (name, &raw) = self.entry().symbols.get_key_value(name)?;
        let namespaces = self
            .get_children()
            .into_iter()
            .filter(|child| child.get_name() == name)
            .collect();
        Some(Symbol {
            name,
            info: info_of(raw),
            namespaces,
            module_scope: self.get_name() == "top",
        })
    }

    /// `get_symbols`.
    pub fn get_symbols(&self) -> Vec<Symbol<'a>> {
        self.get_identifiers()
            .filter_map(|n| self.lookup(n))
            .collect()
    }

    /// `get_children`.
    pub fn get_children(&self) -> Vec<Table<'a>> {
        let st = self.st;
        self.entry()
            .children
            .iter()
            .map(|&id| Table::new(st, id))
            .collect()
    }

    fn idents_matching(&self, test: impl Fn(u32) -> bool) -> Vec<&'a str> {
        self.entry()
            .symbols
            .iter()
            .filter(|(_, &raw)| test(raw))
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// `Function.get_parameters`.
    pub fn get_parameters(&self) -> Vec<&'a str> {
        self.idents_matching(|raw| raw & SymbolFlags::DEF_PARAM.bits() != 0)
    }

    /// `Function.get_locals`: local and cell names.
    pub fn get_locals(&self) -> Vec<&'a str> {
        self.idents_matching(|raw| matches!(Scope::from_raw(raw), Some(Scope::Local | Scope::Cell)))
    }

    /// `Function.get_globals`: implicit and explicit globals.
    pub fn get_globals(&self) -> Vec<&'a str> {
        self.idents_matching(|raw| {
            matches!(
                Scope::from_raw(raw),
                Some(Scope::GlobalImplicit | Scope::GlobalExplicit)
            )
        })
    }

    /// `Function.get_nonlocals`.
    pub fn get_nonlocals(&self) -> Vec<&'a str> {
        self.idents_matching(|raw| raw & SymbolFlags::DEF_NONLOCAL.bits() != 0)
    }

    /// `Function.get_frees`.
    pub fn get_frees(&self) -> Vec<&'a str> {
        self.idents_matching(|raw| Scope::from_raw(raw) == Some(Scope::Free))
    }

    /// `Class.get_methods` (deprecated in Python, kept for parity): the functions defined
    /// in the class body, generic ones included, but not generator expressions.
    pub fn get_methods(&self) -> Vec<&'a str> {
        let entry = self.entry();
        let is_local_symbol = |name: &str| entry.scope(name) == Some(Scope::Local);
        let mut methods: Vec<&'a str> = Vec::new();
        for child in self.get_children() {
            let child_entry = child.entry();
            let name = child.get_name();
            if !is_local_symbol(name) || methods.contains(&name) {
                continue;
            }
            match child_entry.kind {
                BlockType::Function => {
                    let is_genexpr =
                        name == "genexpr" && child_entry.varnames.iter().any(|v| v == ".0");
                    if !is_genexpr {
                        methods.push(name);
                    }
                }
                BlockType::TypeParameters => {
                    let has_def = child
                        .get_children()
                        .iter()
                        .any(|c| c.get_name() == name && c.get_type() == BlockType::Function);
                    if has_def {
                        methods.push(name);
                    }
                }
                _ => {}
            }
        }
        methods
    }
}

fn info_of(raw: u32) -> SymbolInfo {
    SymbolInfo {
        flags: SymbolFlags::from_bits_truncate(raw & ((1 << crate::flags::SCOPE_OFFSET) - 1)),
        scope: Scope::from_raw(raw),
    }
}

/// One name of a table (`symtable.Symbol`).
#[derive(Debug, Clone)]
pub struct Symbol<'a> {
    name: &'a str,
    info: SymbolInfo,
    namespaces: Vec<Table<'a>>,
    module_scope: bool,
}

impl<'a> Symbol<'a> {
    pub fn get_name(&self) -> &'a str {
        self.name
    }

    pub fn flags(&self) -> SymbolFlags {
        self.info.flags
    }

    pub fn scope(&self) -> Option<Scope> {
        self.info.scope
    }

    fn has(&self, flag: SymbolFlags) -> bool {
        self.info.flags.intersects(flag)
    }

    /// `is_referenced`: read in its block.
    pub fn is_referenced(&self) -> bool {
        self.has(SymbolFlags::USE)
    }

    pub fn is_parameter(&self) -> bool {
        self.has(SymbolFlags::DEF_PARAM)
    }

    pub fn is_type_parameter(&self) -> bool {
        self.has(SymbolFlags::DEF_TYPE_PARAM)
    }

    /// `is_global`: a global, or bound at module level.
    pub fn is_global(&self) -> bool {
        matches!(
            self.info.scope,
            Some(Scope::GlobalImplicit | Scope::GlobalExplicit)
        ) || (self.module_scope && self.has(SymbolFlags::DEF_BOUND))
    }

    pub fn is_nonlocal(&self) -> bool {
        self.has(SymbolFlags::DEF_NONLOCAL)
    }

    /// `is_declared_global`: named in a `global` statement.
    pub fn is_declared_global(&self) -> bool {
        self.info.scope == Some(Scope::GlobalExplicit)
    }

    /// `is_local`: local or cell, or bound at module level.
    pub fn is_local(&self) -> bool {
        matches!(self.info.scope, Some(Scope::Local | Scope::Cell))
            || (self.module_scope && self.has(SymbolFlags::DEF_BOUND))
    }

    pub fn is_annotated(&self) -> bool {
        self.has(SymbolFlags::DEF_ANNOT)
    }

    pub fn is_free(&self) -> bool {
        self.info.scope == Some(Scope::Free)
    }

    pub fn is_free_class(&self) -> bool {
        self.has(SymbolFlags::DEF_FREE_CLASS)
    }

    pub fn is_imported(&self) -> bool {
        self.has(SymbolFlags::DEF_IMPORT)
    }

    /// `is_assigned`: bound by an assignment-like statement (`DEF_LOCAL`).
    pub fn is_assigned(&self) -> bool {
        self.has(SymbolFlags::DEF_LOCAL)
    }

    pub fn is_comp_iter(&self) -> bool {
        self.has(SymbolFlags::DEF_COMP_ITER)
    }

    pub fn is_comp_cell(&self) -> bool {
        self.has(SymbolFlags::DEF_COMP_CELL)
    }

    /// `is_namespace`: the name of a class or function block of its table.
    pub fn is_namespace(&self) -> bool {
        !self.namespaces.is_empty()
    }

    pub fn get_namespaces(&self) -> &[Table<'a>] {
        &self.namespaces
    }

    /// `get_namespace`: the single namespace, with Python's error text otherwise.
    pub fn get_namespace(&self) -> Result<Table<'a>, &'static str> {
        match self.namespaces.as_slice() {
            [] => Err("name is not bound to any namespaces"),
            [one] => Ok(*one),
            _ => Err("name is bound to multiple namespaces"),
        }
    }
}

impl fmt::Display for Table<'_> {
    /// `SymbolTable.__repr__`: `<Function SymbolTable for f in file.py>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.get_type() {
            BlockType::Function => "Function ",
            BlockType::Class => "Class ",
            _ => "",
        };
        let filename = self.st.filename();
        match self.get_name() {
            "top" => write!(f, "<{kind}SymbolTable for module {filename}>"),
            name => write!(f, "<{kind}SymbolTable for {name} in {filename}>"),
        }
    }
}

impl fmt::Display for Symbol<'_> {
    /// `Symbol.__repr__`: `<symbol 'x': LOCAL, USE|DEF_LOCAL>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let flags: Vec<&str> = flag_names(self.info.flags).collect();
        let scope = scope_str(self.info.scope);
        write!(
            f,
            "<symbol {}: {scope}, {}>",
            repr(self.name),
            flags.join("|")
        )
    }
}
