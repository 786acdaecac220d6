//! Port of Python/symtable.c, first pass: _PySymtable_Build, ste_new, symtable_enter_block,
//! symtable_enter_existing_block, symtable_exit_block, symtable_add_def_helper,
//! symtable_add_def_ctx, symtable_add_def, check_name, symtable_enter_type_param_block,
//! symtable_record_directive, check_import_from, symtable_lookup_entry.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use pyc_future::{syntax_error_at, CompilerFlags, FutureFeatures};
use pyc_tokenize::{ErrorType, SyntaxError};

use crate::entry::{BlockKey, Entry, EntryId, SrcLoc};
use crate::flags::{BlockType, SymbolFlags};
use crate::mangle::maybe_mangle;

/// Errors are boxed so that the many `Result` temporaries of the recursive visitors stay one
/// word wide: unboxed, they make each level of nesting cost kilobytes of stack in debug builds.
pub(crate) type VisitResult = Result<(), Box<SyntaxError>>;

/// How deep the visitors may recurse before giving up (CPython raises RecursionError "... during
/// compilation" at a depth set by its C stack; the oracle gets through a chain of about 80,000
/// binary operators). [`crate::SymbolTable::build`] runs on a thread with [`BUILD_STACK_SIZE`]
/// of stack, enough for this depth even in a debug build.
const MAX_RECURSION_DEPTH: u32 = 80_000;

/// The stack of the thread the table is built on (reserved, touched only as deep as used).
pub(crate) const BUILD_STACK_SIZE: usize = 1 << 30;

/// The expression context of a name, as `check_name` needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

/// The state of the first pass (`struct symtable`).
pub(crate) struct Builder<'a> {
    pub(crate) filename: &'a str,
    pub(crate) future: FutureFeatures,
    pub(crate) entries: Vec<Entry>,
    pub(crate) blocks: HashMap<BlockKey, EntryId>,
    /// The `ste_mangled_names` sets, shared by index between blocks.
    pub(crate) mangled_sets: Vec<HashSet<String>>,
    stack: Vec<EntryId>,
    cur: Option<EntryId>,
    /// `st_private`: the name of the class whose body is being visited, for mangling.
    pub(crate) private: Option<String>,
    depth: u32,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(filename: &'a str, future: FutureFeatures) -> Builder<'a> {
        Builder {
            filename,
            future,
            entries: Vec::new(),
            blocks: HashMap::new(),
            mangled_sets: Vec::new(),
            stack: Vec::new(),
            cur: None,
            private: None,
            depth: 0,
        }
    }

    /// `st_cur`. The visitors only run inside a block, so there always is one.
    pub(crate) fn cur_id(&self) -> EntryId {
        self.cur.unwrap_or(EntryId(0))
    }

    pub(crate) fn cur(&self) -> &Entry {
        &self.entries[self.cur_id().index()]
    }

    pub(crate) fn cur_mut(&mut self) -> &mut Entry {
        let id = self.cur_id();
        &mut self.entries[id.index()]
    }

    pub(crate) fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id.index()]
    }

    pub(crate) fn entry_mut(&mut self, id: EntryId) -> &mut Entry {
        &mut self.entries[id.index()]
    }

    pub(crate) fn error(&self, msg: String, loc: SrcLoc) -> Box<SyntaxError> {
        Box::new(syntax_error_at(msg, self.filename, loc))
    }

    /// `ENTER_RECURSIVE`.
    pub(crate) fn enter_recursive(&mut self) -> VisitResult {
        self.depth += 1;
        if self.depth > MAX_RECURSION_DEPTH {
            return Err(Box::new(SyntaxError {
                error_type: ErrorType::SyntaxError,
                msg: pyc_ast::stack::STACK_OVERFLOW_MESSAGE.into(),
                filename: self.filename.to_string(),
                lineno: None,
                offset: None,
                end_lineno: None,
                end_offset: None,
                text: None,
            }));
        }
        Ok(())
    }

    /// `LEAVE_RECURSIVE`.
    pub(crate) fn leave_recursive(&mut self) {
        self.depth -= 1;
    }

    /// `ste_new`: a new block, registered under its key but not entered.
    pub(crate) fn ste_new(
        &mut self,
        name: &str,
        kind: BlockType,
        key: BlockKey,
        loc: SrcLoc,
    ) -> EntryId {
        let mut entry = Entry::new(key, name, kind, loc);
        if let Some(cur) = self.cur {
            let parent = self.entry(cur);
            entry.nested = parent.nested || parent.kind.is_function_like();
            entry.method = parent.kind == BlockType::Class && kind == BlockType::Function;
        }
        let id = EntryId(self.entries.len() as u32);
        self.entries.push(entry);
        self.blocks.insert(key, id);
        id
    }

    /// `symtable_enter_existing_block`.
    pub(crate) fn enter_existing_block(&mut self, id: EntryId, add_to_children: bool) {
        self.stack.push(id);
        let prev = self.cur;
        if let Some(prev) = prev {
            let comp_iter_expr = self.entry(prev).comp_iter_expr;
            let mangled = self.entry(prev).mangled_names;
            let entry = self.entry_mut(id);
            entry.comp_iter_expr = comp_iter_expr;
            if mangled.is_some() && entry.kind != BlockType::Class {
                entry.mangled_names = mangled;
            }
        }
        self.cur = Some(id);
        // Under `from __future__ import annotations` annotations become strings: their blocks
        // are visited (for errors) but never become part of the tree.
        if self.future.features.contains(CompilerFlags::ANNOTATIONS)
            && self.entry(id).kind == BlockType::Annotation
        {
            return;
        }
        if add_to_children {
            if let Some(prev) = prev {
                self.entry_mut(prev).children.push(id);
            }
        }
    }

    /// `symtable_enter_block`.
    pub(crate) fn enter_block(
        &mut self,
        name: &str,
        kind: BlockType,
        key: BlockKey,
        loc: SrcLoc,
    ) -> VisitResult {
        let id = self.ste_new(name, kind, key, loc);
        self.enter_existing_block(id, true);
        if matches!(
            kind,
            BlockType::Annotation | BlockType::TypeVariable | BlockType::TypeAlias
        ) {
            // These blocks are functions that receive the annotation format.
            self.add_def(".format", SymbolFlags::DEF_PARAM, loc)?;
            self.add_def(".format", SymbolFlags::USE, loc)?;
        }
        Ok(())
    }

    /// `symtable_exit_block`.
    pub(crate) fn exit_block(&mut self) {
        self.stack.pop();
        self.cur = self.stack.last().copied();
    }

    /// The stack of entered blocks, innermost last (`st_stack`).
    pub(crate) fn stack(&self) -> &[EntryId] {
        &self.stack
    }

    /// `_Py_MaybeMangle(st_private, ste, name)`.
    pub(crate) fn maybe_mangle<'n>(&self, ste: EntryId, name: &'n str) -> Cow<'n, str> {
        let set = self.entry(ste).mangled_names.map(|i| &self.mangled_sets[i]);
        maybe_mangle(self.private.as_deref(), set, name)
    }

    /// Start a new `ste_mangled_names` set for the current block.
    pub(crate) fn new_mangled_names(&mut self) {
        self.mangled_sets.push(HashSet::new());
        let set = self.mangled_sets.len() - 1;
        self.cur_mut().mangled_names = Some(set);
    }

    /// `symtable_lookup_entry`: the raw flags of a (mangled) name in a block.
    pub(crate) fn lookup_entry(&self, ste: EntryId, name: &str) -> u32 {
        let mangled = self.maybe_mangle(ste, name);
        self.entry(ste).raw_symbol(&mangled)
    }

    /// `symtable_lookup`.
    pub(crate) fn lookup(&self, name: &str) -> u32 {
        self.lookup_entry(self.cur_id(), name)
    }

    /// `symtable_add_def_helper`: record `flag` for `name` in block `ste`.
    pub(crate) fn add_def_helper(
        &mut self,
        name: &str,
        flag: SymbolFlags,
        ste: EntryId,
        loc: SrcLoc,
    ) -> VisitResult {
        let mangled = self.maybe_mangle(self.cur_id(), name).into_owned();
        let entry = self.entry(ste);
        let mut val = match entry.symbols.get(&mangled) {
            Some(&old) => {
                let old = SymbolFlags::from_bits_retain(old);
                if flag.contains(SymbolFlags::DEF_PARAM) && old.contains(SymbolFlags::DEF_PARAM) {
                    let msg = format!("duplicate argument '{name}' in function definition");
                    return Err(self.error(msg, loc));
                }
                if flag.contains(SymbolFlags::DEF_TYPE_PARAM)
                    && old.contains(SymbolFlags::DEF_TYPE_PARAM)
                {
                    return Err(self.error(format!("duplicate type parameter '{name}'"), loc));
                }
                old | flag
            }
            None => flag,
        };
        if entry.comp_iter_target {
            if val.intersects(SymbolFlags::DEF_GLOBAL | SymbolFlags::DEF_NONLOCAL) {
                let msg = format!(
                    "comprehension inner loop cannot rebind assignment expression target '{name}'"
                );
                return Err(self.error(msg, loc));
            }
            val |= SymbolFlags::DEF_COMP_ITER;
        }
        let entry = self.entry_mut(ste);
        entry.symbols.insert(mangled.clone(), val.bits());
        if flag.contains(SymbolFlags::DEF_PARAM) {
            entry.varnames.push(mangled);
        } else if flag.contains(SymbolFlags::DEF_GLOBAL) {
            let globals = &mut self.entries[0].symbols;
            let old = globals.get(&mangled).copied().unwrap_or(0);
            globals.insert(mangled, old | flag.bits());
        }
        Ok(())
    }

    /// `check_name`: `__debug__` cannot be bound or deleted.
    pub(crate) fn check_name(&self, name: &str, loc: SrcLoc, ctx: Ctx) -> VisitResult {
        if name != "__debug__" {
            return Ok(());
        }
        match ctx {
            Ctx::Store => Err(self.error("cannot assign to __debug__".into(), loc)),
            Ctx::Del => Err(self.error("cannot delete __debug__".into(), loc)),
            Ctx::Load => Ok(()),
        }
    }

    /// `symtable_add_def_ctx`.
    pub(crate) fn add_def_ctx(
        &mut self,
        name: &str,
        flag: SymbolFlags,
        loc: SrcLoc,
        ctx: Ctx,
    ) -> VisitResult {
        let write_mask = SymbolFlags::DEF_PARAM | SymbolFlags::DEF_LOCAL | SymbolFlags::DEF_IMPORT;
        if flag.intersects(write_mask) {
            self.check_name(name, loc, ctx)?;
        }
        if flag.contains(SymbolFlags::DEF_TYPE_PARAM) {
            if let Some(set) = self.cur().mangled_names {
                self.mangled_sets[set].insert(name.to_string());
            }
        }
        self.add_def_helper(name, flag, self.cur_id(), loc)
    }

    /// `symtable_add_def`.
    pub(crate) fn add_def(&mut self, name: &str, flag: SymbolFlags, loc: SrcLoc) -> VisitResult {
        let ctx = if flag == SymbolFlags::USE {
            Ctx::Load
        } else {
            Ctx::Store
        };
        self.add_def_ctx(name, flag, loc, ctx)
    }

    /// `symtable_enter_type_param_block`: the scope holding a generic's type parameters.
    pub(crate) fn enter_type_param_block(
        &mut self,
        name: &str,
        key: BlockKey,
        has_defaults: bool,
        has_kwdefaults: bool,
        is_class: bool,
        loc: SrcLoc,
    ) -> VisitResult {
        let current_type = self.cur().kind;
        self.enter_block(name, BlockType::TypeParameters, key, loc)?;
        if current_type == BlockType::Class {
            self.cur_mut().can_see_class_scope = true;
            self.add_def("__classdict__", SymbolFlags::USE, loc)?;
        }
        if is_class {
            // Set when the type parameter tuple is built, used when the bases are.
            self.add_def(".type_params", SymbolFlags::DEF_LOCAL, loc)?;
            self.add_def(".type_params", SymbolFlags::USE, loc)?;
            // The Generic base.
            self.add_def(".generic_base", SymbolFlags::DEF_LOCAL, loc)?;
            self.add_def(".generic_base", SymbolFlags::USE, loc)?;
        }
        if has_defaults {
            self.add_def(".defaults", SymbolFlags::DEF_PARAM, loc)?;
        }
        if has_kwdefaults {
            self.add_def(".kwdefaults", SymbolFlags::DEF_PARAM, loc)?;
        }
        Ok(())
    }

    /// `symtable_record_directive`: remember where a `global`/`nonlocal` name was declared.
    pub(crate) fn record_directive(&mut self, name: &str, loc: SrcLoc) {
        let mangled = self.maybe_mangle(self.cur_id(), name).into_owned();
        self.cur_mut().directives.push((mangled, loc));
    }

    /// `allows_top_level_await`.
    pub(crate) fn allows_top_level_await(&self) -> bool {
        self.future
            .features
            .contains(CompilerFlags::ALLOW_TOP_LEVEL_AWAIT)
            && self.cur().kind == BlockType::Module
    }

    /// `IS_ASYNC_DEF`.
    pub(crate) fn is_async_def(&self) -> bool {
        self.cur().kind == BlockType::Function && self.cur().coroutine
    }
}
