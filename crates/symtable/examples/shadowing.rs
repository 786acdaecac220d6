//! Which top-level imports and definitions of a module are never rebound, and which are
//! shadowed later, told by the symbol table.
//!
//! usage: cargo run -p pyc-symtable --example shadowing -- TREE.dump [FILENAME]
//!
//! TREE.dump is `ast.dump(ast.parse(src), include_attributes=True)` of the module (what
//! `pyc_ast::read_dump` reads; our parser will replace it). The module's statements give the
//! binding sites in source order; the symbol table decides which of them bind a module-level
//! name (a comprehension variable at module level does not, a name declared `global` in a
//! function and assigned there does, from inside the function).

use std::collections::BTreeMap;
use std::process::ExitCode;

use pyc_ast::{Expr, Mod, Pattern, Stmt};
use pyc_future::CompilerFlags;
use pyc_symtable::{BlockType, SymbolTable, Table};

/// How a statement binds a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BindingKind {
    Import,
    Def,
    Class,
    TypeAlias,
    Assignment,
    AugmentedAssignment,
    ForTarget,
    WithAs,
    ExceptAs,
    MatchCapture,
}

impl BindingKind {
    fn describe(self) -> &'static str {
        match self {
            BindingKind::Import => "import",
            BindingKind::Def => "def",
            BindingKind::Class => "class",
            BindingKind::TypeAlias => "type alias",
            BindingKind::Assignment => "assignment",
            BindingKind::AugmentedAssignment => "augmented assignment",
            BindingKind::ForTarget => "for target",
            BindingKind::WithAs => "with ... as",
            BindingKind::ExceptAs => "except ... as",
            BindingKind::MatchCapture => "match capture",
        }
    }

    /// The bindings this report is about: imports and definitions.
    fn is_definition(self) -> bool {
        matches!(
            self,
            BindingKind::Import | BindingKind::Def | BindingKind::Class
        )
    }
}

/// One place the module binds a name.
#[derive(Debug, Clone)]
struct Binding {
    name: String,
    line: i32,
    kind: BindingKind,
}

/// The binding sites of module-level statements, in source order. Compound statements are
/// entered (their bodies still run at module level); function and class bodies are not.
fn module_bindings(body: &[Stmt], out: &mut Vec<Binding>) {
    for stmt in body {
        stmt_bindings(stmt, out);
    }
}

fn push(out: &mut Vec<Binding>, name: &str, line: i32, kind: BindingKind) {
    out.push(Binding {
        name: name.to_string(),
        line,
        kind,
    });
}

fn stmt_bindings(stmt: &Stmt, out: &mut Vec<Binding>) {
    let line = stmt.loc().lineno;
    match stmt {
        Stmt::Import(i) => {
            for alias in &i.names {
                let bound = alias.asname.as_deref().unwrap_or(&alias.name);
                let first = bound.split('.').next().unwrap_or(bound);
                push(out, first, line, BindingKind::Import);
            }
        }
        Stmt::ImportFrom(i) => {
            for alias in i.names.iter().filter(|a| &*a.name != "*") {
                let bound = alias.asname.as_deref().unwrap_or(&alias.name);
                push(out, bound, line, BindingKind::Import);
            }
        }
        Stmt::FunctionDef(f) => push(out, &f.name, line, BindingKind::Def),
        Stmt::AsyncFunctionDef(f) => push(out, &f.name, line, BindingKind::Def),
        Stmt::ClassDef(c) => push(out, &c.name, line, BindingKind::Class),
        Stmt::TypeAlias(t) => target_bindings(&t.name, line, BindingKind::TypeAlias, out),
        Stmt::Assign(a) => {
            for target in &a.targets {
                target_bindings(target, line, BindingKind::Assignment, out);
            }
        }
        Stmt::AugAssign(a) => {
            target_bindings(&a.target, line, BindingKind::AugmentedAssignment, out)
        }
        Stmt::AnnAssign(a) if a.value.is_some() => {
            target_bindings(&a.target, line, BindingKind::Assignment, out)
        }
        Stmt::For(f) => {
            target_bindings(&f.target, line, BindingKind::ForTarget, out);
            module_bindings(&f.body, out);
            module_bindings(&f.orelse, out);
        }
        Stmt::AsyncFor(f) => {
            target_bindings(&f.target, line, BindingKind::ForTarget, out);
            module_bindings(&f.body, out);
            module_bindings(&f.orelse, out);
        }
        Stmt::With(w) => {
            for item in w.items.iter().filter_map(|i| i.optional_vars.as_ref()) {
                target_bindings(item, line, BindingKind::WithAs, out);
            }
            module_bindings(&w.body, out);
        }
        Stmt::AsyncWith(w) => {
            for item in w.items.iter().filter_map(|i| i.optional_vars.as_ref()) {
                target_bindings(item, line, BindingKind::WithAs, out);
            }
            module_bindings(&w.body, out);
        }
        Stmt::While(w) => {
            module_bindings(&w.body, out);
            module_bindings(&w.orelse, out);
        }
        Stmt::If(i) => {
            module_bindings(&i.body, out);
            module_bindings(&i.orelse, out);
        }
        Stmt::Try(t) => try_bindings(&t.body, &t.handlers, &t.orelse, &t.finalbody, out),
        Stmt::TryStar(t) => try_bindings(&t.body, &t.handlers, &t.orelse, &t.finalbody, out),
        Stmt::Match(m) => {
            for case in &m.cases {
                pattern_bindings(&case.pattern, out);
                module_bindings(&case.body, out);
            }
        }
        _ => {}
    }
}

fn try_bindings(
    body: &[Stmt],
    handlers: &[pyc_ast::ExceptHandler],
    orelse: &[Stmt],
    finalbody: &[Stmt],
    out: &mut Vec<Binding>,
) {
    module_bindings(body, out);
    for handler in handlers {
        let pyc_ast::ExceptHandler::ExceptHandler(h) = handler;
        if let Some(name) = &h.name {
            push(out, name, h.loc.lineno, BindingKind::ExceptAs);
        }
        module_bindings(&h.body, out);
    }
    module_bindings(orelse, out);
    module_bindings(finalbody, out);
}

fn target_bindings(target: &Expr, line: i32, kind: BindingKind, out: &mut Vec<Binding>) {
    match target {
        Expr::Name(n) => push(out, &n.id, line, kind),
        Expr::Tuple(t) => t
            .elts
            .iter()
            .for_each(|e| target_bindings(e, line, kind, out)),
        Expr::List(l) => l
            .elts
            .iter()
            .for_each(|e| target_bindings(e, line, kind, out)),
        Expr::Starred(s) => target_bindings(&s.value, line, kind, out),
        _ => {}
    }
}

fn pattern_bindings(pattern: &Pattern, out: &mut Vec<Binding>) {
    let line = pattern.loc().lineno;
    match pattern {
        Pattern::MatchAs(a) => {
            if let Some(inner) = &a.pattern {
                pattern_bindings(inner, out);
            }
            if let Some(name) = &a.name {
                push(out, name, line, BindingKind::MatchCapture);
            }
        }
        Pattern::MatchStar(s) => {
            if let Some(name) = &s.name {
                push(out, name, line, BindingKind::MatchCapture);
            }
        }
        Pattern::MatchMapping(m) => {
            m.patterns.iter().for_each(|p| pattern_bindings(p, out));
            if let Some(rest) = &m.rest {
                push(out, rest, line, BindingKind::MatchCapture);
            }
        }
        Pattern::MatchSequence(s) => s.patterns.iter().for_each(|p| pattern_bindings(p, out)),
        Pattern::MatchClass(c) => {
            c.patterns.iter().for_each(|p| pattern_bindings(p, out));
            c.kwd_patterns.iter().for_each(|p| pattern_bindings(p, out));
        }
        Pattern::MatchOr(o) => {
            // Every alternative binds the same names: count them once.
            if let Some(first) = o.patterns.first() {
                pattern_bindings(first, out);
            }
        }
        Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => {}
    }
}

/// The functions (by qualified name) that declare `name` global and assign it.
fn global_rebinders(table: &Table<'_>, prefix: &str, name: &str, out: &mut Vec<String>) {
    for child in table.get_children() {
        let qualified = if prefix.is_empty() {
            child.get_name().to_string()
        } else {
            format!("{prefix}.{}", child.get_name())
        };
        let rebinds = child
            .lookup(name)
            .is_some_and(|s| s.is_declared_global() && s.is_assigned());
        if rebinds && child.get_type() == BlockType::Function {
            out.push(qualified.clone());
        }
        global_rebinders(&child, &qualified, name, out);
    }
}

/// The report for a module's tree.
pub fn report(module: &Mod, filename: &str) -> Result<String, String> {
    let Mod::Module(m) = module else {
        return Err("not a module".into());
    };
    let st = SymbolTable::from_module(module, filename, CompilerFlags::empty())
        .map_err(|e| format!("{}: {e}", e.error_type.name()))?;
    let top = st.top();
    let mut sites = Vec::new();
    module_bindings(&m.body, &mut sites);
    // The symbol table has the last word on what a module-level binding is.
    sites.retain(|b| top.lookup(&b.name).is_some_and(|s| s.is_local()));
    let mut by_name: BTreeMap<&str, Vec<&Binding>> = BTreeMap::new();
    for site in &sites {
        by_name.entry(&site.name).or_default().push(site);
    }
    let mut kept = Vec::new();
    let mut shadowed = Vec::new();
    for site in &sites {
        let all = &by_name[site.name.as_str()];
        // Report each name once, at its first binding, when that is an import or definition.
        if !std::ptr::eq(all[0], site) || !site.kind.is_definition() {
            continue;
        }
        let mut rebinders = Vec::new();
        global_rebinders(&top, "", &site.name, &mut rebinders);
        let head = format!("line {}: {} {}", site.line, site.kind.describe(), site.name);
        if all.len() == 1 && rebinders.is_empty() {
            kept.push(head);
            continue;
        }
        let mut lines = vec![head];
        for later in &all[1..] {
            lines.push(format!(
                "    rebound at line {} by {}",
                later.line,
                later.kind.describe()
            ));
        }
        for function in rebinders {
            lines.push(format!(
                "    rebound in function {function} (global declaration)"
            ));
        }
        shadowed.push(lines.join("\n"));
    }
    let mut out = String::from("never rebound:\n");
    for line in &kept {
        out.push_str(&format!("  {line}\n"));
    }
    out.push_str("shadowed:\n");
    for block in &shadowed {
        out.push_str(&format!("  {block}\n"));
    }
    Ok(out)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dump_path) = args.first() else {
        eprintln!("usage: shadowing TREE.dump [FILENAME]");
        return ExitCode::from(2);
    };
    let filename = args.get(1).map_or(dump_path.as_str(), String::as_str);
    let result = std::fs::read_to_string(dump_path)
        .map_err(|e| format!("{dump_path}: {e}"))
        .and_then(|text| pyc_ast::read_dump(&text).map_err(|e| format!("{dump_path}: {e}")))
        .and_then(|module| report(&module, filename));
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("shadowing: {message}");
            ExitCode::FAILURE
        }
    }
}
