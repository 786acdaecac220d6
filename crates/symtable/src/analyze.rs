//! Port of Python/symtable.c, second pass: symtable_analyze, analyze_block,
//! analyze_child_block, analyze_name, is_free_in_any_child, inline_comprehension,
//! analyze_cells, drop_class_free, update_symbols, error_at_directive.

use std::collections::HashMap;

use pyc_tokenize::SyntaxError;

use crate::build::Builder;
use crate::entry::EntryId;
use crate::flags::{BlockType, ComprehensionType, Scope, SymbolFlags, SCOPE_OFFSET};
use crate::pyset::PySet;

type AnalyzeResult<T = ()> = Result<T, Box<SyntaxError>>;

/// The name sets CPython threads through the analysis of one block.
struct NameSets {
    /// Names bound in enclosing function scopes (`None` for the module).
    bound: Option<PySet>,
    /// Names declared global in enclosing scopes.
    global: PySet,
    /// Type parameters of enclosing scopes.
    type_params: PySet,
}

impl Builder<'_> {
    /// `symtable_analyze`.
    pub(crate) fn analyze(&mut self) -> AnalyzeResult {
        let mut free = PySet::new();
        let sets = NameSets {
            bound: None,
            global: PySet::new(),
            type_params: PySet::new(),
        };
        self.analyze_block(EntryId(0), sets, &mut free, None)
    }

    /// `error_at_directive`: the error located at the `global`/`nonlocal` statement.
    fn error_at_directive(&self, ste: EntryId, name: &str, msg: String) -> Box<SyntaxError> {
        let directive = self.entry(ste).directives.iter().find(|(n, _)| n == name);
        match directive {
            Some((_, loc)) => self.error(msg, *loc),
            None => self.error(
                "BUG: internal directive bookkeeping broken".into(),
                self.entry(ste).loc,
            ),
        }
    }

    /// `analyze_name`: decide the scope of one name of a block.
    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &self,
        ste: EntryId,
        scopes: &mut HashMap<String, Scope>,
        name: &str,
        flags: SymbolFlags,
        sets: &mut NameSets,
        local: &mut PySet,
        free: &mut PySet,
        class_entry: Option<EntryId>,
    ) -> AnalyzeResult {
        if flags.contains(SymbolFlags::DEF_GLOBAL) {
            if flags.contains(SymbolFlags::DEF_NONLOCAL) {
                let msg = format!("name '{name}' is nonlocal and global");
                return Err(self.error_at_directive(ste, name, msg));
            }
            scopes.insert(name.to_string(), Scope::GlobalExplicit);
            sets.global.add(name);
            if let Some(bound) = &mut sets.bound {
                bound.discard(name);
            }
            return Ok(());
        }
        if flags.contains(SymbolFlags::DEF_NONLOCAL) {
            let Some(bound) = &sets.bound else {
                let msg = "nonlocal declaration not allowed at module level".to_string();
                return Err(self.error_at_directive(ste, name, msg));
            };
            if !bound.contains(name) {
                let msg = format!("no binding for nonlocal '{name}' found");
                return Err(self.error_at_directive(ste, name, msg));
            }
            if sets.type_params.contains(name) {
                let msg = format!("nonlocal binding not allowed for type parameter '{name}'");
                return Err(self.error_at_directive(ste, name, msg));
            }
            scopes.insert(name.to_string(), Scope::Free);
            free.add(name);
            return Ok(());
        }
        if flags.intersects(SymbolFlags::DEF_BOUND) {
            scopes.insert(name.to_string(), Scope::Local);
            local.add(name);
            sets.global.discard(name);
            if flags.contains(SymbolFlags::DEF_TYPE_PARAM) {
                sets.type_params.add(name);
            } else {
                sets.type_params.discard(name);
            }
            return Ok(());
        }
        // A scope that can see the enclosing class resolves a name the class binds (or
        // declares global) through the class namespace and the globals only.
        if let Some(class_entry) = class_entry {
            let class_flags =
                SymbolFlags::from_bits_retain(self.entry(class_entry).raw_symbol(name));
            if class_flags.contains(SymbolFlags::DEF_GLOBAL) {
                scopes.insert(name.to_string(), Scope::GlobalExplicit);
                return Ok(());
            }
            if class_flags.intersects(SymbolFlags::DEF_BOUND)
                && !class_flags.contains(SymbolFlags::DEF_NONLOCAL)
            {
                scopes.insert(name.to_string(), Scope::GlobalImplicit);
                return Ok(());
            }
        }
        if let Some(bound) = &sets.bound {
            if bound.contains(name) {
                scopes.insert(name.to_string(), Scope::Free);
                free.add(name);
                return Ok(());
            }
        }
        scopes.insert(name.to_string(), Scope::GlobalImplicit);
        Ok(())
    }

    /// `analyze_block`: the scopes of a block's names, then of its children's, then cells and
    /// free variables. `free` collects the block's free variables for its parent.
    fn analyze_block(
        &mut self,
        ste: EntryId,
        mut sets: NameSets,
        free: &mut PySet,
        class_entry: Option<EntryId>,
    ) -> AnalyzeResult {
        let mut local = PySet::new();
        let mut scopes: HashMap<String, Scope> = HashMap::new();
        let mut newglobal = PySet::new();
        let mut newfree = PySet::new();
        let mut newbound = PySet::new();
        let mut inlined_cells = PySet::new();
        let kind = self.entry(ste).kind;

        // Class bindings are invisible to nested functions: pass down what the class saw.
        if kind == BlockType::Class {
            newglobal.merge(&sets.global);
            if let Some(bound) = &sets.bound {
                newbound.merge(bound);
            }
        }

        let symbols: Vec<(String, u32)> = self
            .entry(ste)
            .symbols
            .iter()
            .map(|(k, &v)| (k.clone(), v))
            .collect();
        for (name, flags) in &symbols {
            let flags = SymbolFlags::from_bits_retain(*flags);
            self.analyze_name(
                ste,
                &mut scopes,
                name,
                flags,
                &mut sets,
                &mut local,
                free,
                class_entry,
            )?;
        }

        if kind != BlockType::Class {
            if kind.is_function_like() {
                newbound.merge(&local);
            }
            if let Some(bound) = &sets.bound {
                newbound.merge(bound);
            }
            newglobal.merge(&sets.global);
        } else {
            newbound.add("__class__");
            newbound.add("__classdict__");
            newbound.add("__conditional_annotations__");
        }

        let children = self.entry(ste).children.clone();
        let ste_can_see_class_scope = self.entry(ste).can_see_class_scope;
        for &child in &children {
            let new_class_entry = if self.entry(child).can_see_class_scope {
                if kind == BlockType::Class {
                    Some(ste)
                } else {
                    class_entry
                }
            } else {
                None
            };
            // Every comprehension but a generator expression is inlined (PEP 709), except in
            // annotation scopes nested in classes.
            let child_entry = self.entry(child);
            let inline_comp = child_entry.comprehension != ComprehensionType::None
                && !child_entry.generator
                && !ste_can_see_class_scope;
            let child_sets = NameSets {
                bound: Some(PySet::copy_of(&newbound)),
                global: PySet::copy_of(&newglobal),
                type_params: PySet::copy_of(&sets.type_params),
            };
            let mut child_free = PySet::copy_of(&newfree);
            self.analyze_block(child, child_sets, &mut child_free, new_class_entry)?;
            if inline_comp {
                self.inline_comprehension(
                    ste,
                    child,
                    &mut scopes,
                    &mut child_free,
                    &mut inlined_cells,
                );
                self.entry_mut(child).comp_inlined = true;
            }
            newfree.merge(&child_free);
        }

        // Splice the children of inlined comprehensions into this block's children.
        let mut spliced = Vec::with_capacity(children.len());
        for &child in &self.entry(ste).children {
            if self.entry(child).comp_inlined {
                spliced.extend(self.entry(child).children.iter().copied());
            } else {
                spliced.push(child);
            }
        }
        self.entry_mut(ste).children = spliced;

        if kind.is_function_like() {
            analyze_cells(&mut scopes, &mut newfree, &inlined_cells);
        } else if kind == BlockType::Class {
            self.drop_class_free(ste, &mut newfree);
        }
        let classflag = kind == BlockType::Class || ste_can_see_class_scope;
        self.update_symbols(
            ste,
            &scopes,
            sets.bound.as_ref(),
            &newfree,
            &inlined_cells,
            classflag,
        )?;
        free.merge(&newfree);
        Ok(())
    }

    /// `is_free_in_any_child`.
    fn is_free_in_any_child(&self, entry: EntryId, name: &str) -> bool {
        self.entry(entry)
            .children
            .iter()
            .any(|&child| self.entry(child).scope(name) == Some(Scope::Free))
    }

    /// `inline_comprehension`: merge an inlined comprehension's symbols into its parent.
    fn inline_comprehension(
        &mut self,
        ste: EntryId,
        comp: EntryId,
        scopes: &mut HashMap<String, Scope>,
        comp_free: &mut PySet,
        inlined_cells: &mut PySet,
    ) {
        let mut remove_dunder_class = false;
        let comp_symbols: Vec<(String, u32)> = self
            .entry(comp)
            .symbols
            .iter()
            .map(|(k, &v)| (k.clone(), v))
            .collect();
        let ste_kind = self.entry(ste).kind;
        for (name, comp_raw) in comp_symbols {
            let comp_flags = SymbolFlags::from_bits_retain(comp_raw & ((1 << SCOPE_OFFSET) - 1));
            // The `.0` parameter stays behind.
            if comp_flags.contains(SymbolFlags::DEF_PARAM) {
                continue;
            }
            let mut scope = Scope::from_raw(comp_raw);
            if scope == Some(Scope::Cell) || comp_flags.contains(SymbolFlags::DEF_COMP_CELL) {
                inlined_cells.add(&name);
            }
            let existing = self.entry(ste).symbols.get(&name).copied();
            // `__class__` is never free through a class scope (see drop_class_free).
            if scope == Some(Scope::Free) && ste_kind == BlockType::Class && name == "__class__" {
                scope = Some(Scope::GlobalImplicit);
                comp_free.discard(&name);
                remove_dunder_class = true;
            }
            match existing {
                None => {
                    self.entry_mut(ste)
                        .symbols
                        .insert(name.clone(), comp_flags.bits());
                    if let Some(scope) = scope {
                        scopes.insert(name, scope);
                    }
                }
                Some(flags) => {
                    let flags = SymbolFlags::from_bits_retain(flags);
                    // A free variable of the comprehension that is local in a function becomes
                    // a plain local, unless a child of the comprehension still needs it.
                    if flags.intersects(SymbolFlags::DEF_BOUND)
                        && ste_kind != BlockType::Class
                        && !self.is_free_in_any_child(comp, &name)
                    {
                        comp_free.discard(&name);
                    }
                }
            }
        }
        if remove_dunder_class {
            self.entry_mut(comp).symbols.shift_remove("__class__");
        }
    }

    /// `drop_class_free`: `__class__`, `__classdict__` and `__conditional_annotations__` are
    /// provided by the class itself, as cells.
    fn drop_class_free(&mut self, ste: EntryId, free: &mut PySet) {
        if free.discard("__class__") {
            self.entry_mut(ste).needs_class_closure = true;
        }
        if free.discard("__classdict__") {
            self.entry_mut(ste).needs_classdict = true;
        }
        if free.discard("__conditional_annotations__") {
            self.entry_mut(ste).has_conditional_annotations = true;
        }
    }

    /// `update_symbols`: store the scopes, and the free variables that pass through.
    fn update_symbols(
        &mut self,
        ste: EntryId,
        scopes: &HashMap<String, Scope>,
        bound: Option<&PySet>,
        free: &PySet,
        inlined_cells: &PySet,
        classflag: bool,
    ) -> AnalyzeResult {
        let loc = self.entry(ste).loc;
        let symbols = &mut self.entries[ste.index()].symbols;
        for (name, raw) in symbols.iter_mut() {
            let mut flags = *raw;
            if inlined_cells.contains(name) {
                flags |= SymbolFlags::DEF_COMP_CELL.bits();
            }
            let Some(&scope) = scopes.get(name) else {
                let msg = format!("internal error: no scope for '{name}'");
                return Err(Box::new(pyc_future::syntax_error_at(
                    msg,
                    self.filename,
                    loc,
                )));
            };
            *raw = flags | ((scope as u32) << SCOPE_OFFSET);
        }
        for name in free.iter() {
            if let Some(raw) = symbols.get_mut(name) {
                // A method's free variable that the class also binds or uses.
                if classflag {
                    *raw |= SymbolFlags::DEF_FREE_CLASS.bits();
                }
                continue;
            }
            if let Some(bound) = bound {
                if !bound.contains(name) {
                    continue; // a global
                }
            }
            symbols.insert(name.to_string(), (Scope::Free as u32) << SCOPE_OFFSET);
        }
        Ok(())
    }
}

/// `analyze_cells`: a local that a child needs free becomes a cell.
fn analyze_cells(scopes: &mut HashMap<String, Scope>, free: &mut PySet, inlined_cells: &PySet) {
    for (name, scope) in scopes.iter_mut() {
        if *scope != Scope::Local {
            continue;
        }
        if !free.contains(name) && !inlined_cells.contains(name) {
            continue;
        }
        *scope = Scope::Cell;
        free.discard(name);
    }
}
