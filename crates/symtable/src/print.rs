//! Port of Lib/symtable.py: main (print_symbols, Symbol._flags_str, Symbol._scope_str).

use pyc_ast::constant::{Constant, PyStr};

use crate::api::Table;
use crate::flags::{Scope, SymbolFlags};
use crate::SymbolTable;

/// `symtable._flags`: `USE`, then the `DEF_*` names in the order the module imports them.
/// `DEF_BOUND` is a combination and prints only when all three of its flags are set.
const FLAG_NAMES: [(&str, SymbolFlags); 12] = [
    ("USE", SymbolFlags::USE),
    ("DEF_GLOBAL", SymbolFlags::DEF_GLOBAL),
    ("DEF_NONLOCAL", SymbolFlags::DEF_NONLOCAL),
    ("DEF_LOCAL", SymbolFlags::DEF_LOCAL),
    ("DEF_PARAM", SymbolFlags::DEF_PARAM),
    ("DEF_TYPE_PARAM", SymbolFlags::DEF_TYPE_PARAM),
    ("DEF_FREE_CLASS", SymbolFlags::DEF_FREE_CLASS),
    ("DEF_IMPORT", SymbolFlags::DEF_IMPORT),
    ("DEF_BOUND", SymbolFlags::DEF_BOUND),
    ("DEF_ANNOT", SymbolFlags::DEF_ANNOT),
    ("DEF_COMP_ITER", SymbolFlags::DEF_COMP_ITER),
    ("DEF_COMP_CELL", SymbolFlags::DEF_COMP_CELL),
];

/// The flag names `Symbol._flags_str` yields (upper case) for a symbol's flags.
pub(crate) fn flag_names(flags: SymbolFlags) -> impl Iterator<Item = &'static str> {
    FLAG_NAMES
        .iter()
        .filter(move |(_, flag)| flags.contains(*flag))
        .map(|(name, _)| *name)
}

/// `Symbol._scope_str`: the scope's name, or the number (0) before analysis.
pub(crate) fn scope_str(scope: Option<Scope>) -> &'static str {
    scope.map_or("0", Scope::name)
}

/// Python's `repr` of a `str`.
pub(crate) fn repr(text: &str) -> String {
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
        let flags: Vec<String> = flag_names(info.flags).map(str::to_lowercase).collect();
        let scope = scope_str(info.scope).to_lowercase();
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
