//! Port of Python/symtable.c: _PySymtable_Build and _Py_SymtableStringObjectFlags (without the
//! parsing), giving the symbol table of a module: its blocks, their symbols and scopes. The
//! public view ([`Table`], [`Symbol`]) follows Python's `symtable` module.

mod analyze;
mod api;
mod build;
pub mod entry;
pub mod flags;
mod mangle;
mod print;
pub mod pyset;
mod visit;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use pyc_ast::Mod;
use pyc_future::{future_from_ast, CompilerFlags, FutureFeatures};
use pyc_tokenize::{ErrorType, SyntaxError};

pub use api::{Symbol, Table};
pub use entry::{BlockKey, Entry, EntryId, SrcLoc};
pub use flags::{BlockType, ComprehensionType, Scope, SymbolFlags, SymbolInfo};
pub use mangle::mangle;
pub use print::print_symtable;

use build::Builder;

/// The symbol table of a module (`struct symtable` after `_PySymtable_Build`).
#[derive(Debug, Clone)]
pub struct SymbolTable {
    filename: String,
    future: FutureFeatures,
    entries: Vec<Entry>,
    blocks: HashMap<BlockKey, EntryId>,
    mangled_sets: Vec<HashSet<String>>,
}

impl SymbolTable {
    /// `_PySymtable_Build`: both passes over a module whose future features are known.
    pub fn build(
        module: &Mod,
        filename: &str,
        future: &FutureFeatures,
    ) -> Result<SymbolTable, SyntaxError> {
        // The visitors recurse once per level of nesting: give them a stack as deep as the
        // recursion limit needs, whatever the caller's thread has.
        let size = build::BUILD_STACK_SIZE;
        pyc_ast::stack::on_deep_stack(size, size, || Self::build_boxed(module, filename, future))
            .unwrap_or_else(|_| {
                let msg = "internal error: the symbol table builder panicked";
                Err(Box::new(unsupported(filename, msg)))
            })
            .map_err(|e| *e)
    }

    fn build_boxed(
        module: &Mod,
        filename: &str,
        future: &FutureFeatures,
    ) -> Result<SymbolTable, Box<SyntaxError>> {
        let mut st = Builder::new(filename, *future);
        st.enter_block(
            "top",
            BlockType::Module,
            BlockKey::of(module),
            SrcLoc::default(),
        )?;
        match module {
            Mod::Module(m) => {
                if pyc_future::get_docstring(&m.body).is_some() {
                    st.cur_mut().has_docstring = true;
                }
                m.body.iter().try_for_each(|s| st.visit_stmt(s))?;
            }
            Mod::Interactive(m) => m.body.iter().try_for_each(|s| st.visit_stmt(s))?,
            Mod::Expression(e) => st.visit_expr(&e.body)?,
            Mod::FunctionType(_) => {
                let msg = "this compiler does not handle FunctionTypes";
                return Err(Box::new(unsupported(filename, msg)));
            }
        }
        st.exit_block();
        st.analyze()?;
        Ok(SymbolTable {
            filename: filename.to_string(),
            future: *future,
            entries: st.entries,
            blocks: st.blocks,
            mangled_sets: st.mangled_sets,
        })
    }

    /// What `symtable.symtable(source, filename, mode)` does after parsing
    /// (`_Py_SymtableStringObjectFlags`): the future features, plus the caller's flags, then
    /// the table.
    pub fn from_module(
        module: &Mod,
        filename: &str,
        flags: CompilerFlags,
    ) -> Result<SymbolTable, SyntaxError> {
        let mut future = future_from_ast(module, filename)?;
        future.features |= flags;
        SymbolTable::build(module, filename, &future)
    }

    pub fn filename(&self) -> &str {
        &self.filename
    }

    pub fn future(&self) -> &FutureFeatures {
        &self.future
    }

    /// The module's table.
    pub fn top(&self) -> Table<'_> {
        Table::new(self, EntryId(0))
    }

    /// The table of a block.
    pub fn table(&self, id: EntryId) -> Table<'_> {
        Table::new(self, id)
    }

    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id.index()]
    }

    /// Every block, the module first, in creation order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// `_Py_MaybeMangle(private, ste, name)`: how a name is spelled in block `id` when the
    /// enclosing class is `private` (in a generic class's type parameter scope only the type
    /// parameters are mangled).
    pub fn maybe_mangle<'n>(
        &self,
        private: Option<&str>,
        id: EntryId,
        name: &'n str,
    ) -> Cow<'n, str> {
        let set = self.entry(id).mangled_names.map(|i| &self.mangled_sets[i]);
        mangle::maybe_mangle(private, set, name)
    }

    /// `_PySymtable_Lookup`: the block a node opens (see [`BlockKey`] for the keys).
    pub fn lookup(&self, key: BlockKey) -> Option<EntryId> {
        self.blocks.get(&key).copied()
    }
}

fn unsupported(filename: &str, msg: &str) -> SyntaxError {
    SyntaxError {
        error_type: ErrorType::SyntaxError,
        msg: msg.to_string(),
        filename: filename.to_string(),
        lineno: None,
        offset: None,
        end_lineno: None,
        end_offset: None,
        text: None,
    }
}
