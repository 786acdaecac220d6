//! Port of Lib/symtable.py: main (print_symbols, Symbol._flags_str, Symbol._scope_str).

use pyc_ast::constant::{Constant, PyStr};

use crate::api::Table;
use crate::flags::{Scope, SymbolFlags};
use crate::SymbolTable;

/// `symtable._flags`: `USE`, then the `DEF_*` names in the order the module imports them.
/// `DEF_BOUND` is a combination and prints only when all three of its flags are set.
const FLAG_NAMES: [(&str, SymbolFlags); 12] = [
    ("use", SymbolFlags::USE),
    ("def_global", SymbolFlags::DEF_GLOBAL),
    ("def_nonlocal", SymbolFlags::DEF_NONLOCAL),
    ("def_local", SymbolFlags::DEF_LOCAL),
    ("def_param", SymbolFlags::DEF_PARAM),
    ("def_type_param", SymbolFlags::DEF_TYPE_PARAM),
    ("def_free_class", SymbolFlags::DEF_FREE_CLASS),
    ("def_import", SymbolFlags::DEF_IMPORT),
    ("def_bound", SymbolFlags::DEF_BOUND),
    ("def_annot", SymbolFlags::DEF_ANNOT),
    ("def_comp_iter", SymbolFlags::DEF_COMP_ITER),
    ("def_comp_cell", SymbolFlags::DEF_COMP_CELL),
];

/// Python's `repr` of a `str`.
fn repr(text: &str) -> String {
    Constant::Str(PyStr::from(text)).repr()
}

/// What `python -m symtable FILE` prints for one file, given the name it shows (the argument
/// as written, or `<stdin>`).
pub fn print_symtable(st: &SymbolTable, shown_filename: &str) -> String {
    let mut out = String::new();
    print_symbols(&mut out, &st.top(), 0, shown_filename);
    out
}

fn print_symbols(out: &mut String, table: &Table<'_>, level: usize, filename: &str) {
    let indent = "    ".repeat(level);
    let nested = if table.is_nested() { "nested " } else { "" };
    let kind = table.get_type().name();
    let what = if kind == "module" {
        format!("from file {}", repr(filename))
    } else {
        repr(table.get_name())
    };
    out.push_str(&format!(
        "{indent}symbol table for {nested}{kind} {what}:\n"
    ));
    for (name, info) in table.entry().symbols() {
        let flags: Vec<&str> = FLAG_NAMES
            .iter()
            .filter(|(_, flag)| info.flags.contains(*flag))
            .map(|(n, _)| *n)
            .collect();
        let scope = match info.scope {
            Some(scope) => scope_name(scope),
            None => "0".to_string(),
        };
        out.push_str(&format!(
            "    {indent}{scope} symbol {}: {}\n",
            repr(name),
            flags.join(", ")
        ));
    }
    out.push('\n');
    for child in table.get_children() {
        print_symbols(out, &child, level + 1, filename);
    }
}

fn scope_name(scope: Scope) -> String {
    scope.name().to_lowercase()
}
