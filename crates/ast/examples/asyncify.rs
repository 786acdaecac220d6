//! Rewrites blocking sleeps into asyncio: `time.sleep(x)` (also imported as
//! `from time import sleep`, or under an alias) becomes `await asyncio.sleep(x)`,
//! `asyncio.run(f())` becomes `await f()`, a function whose own body now awaits becomes
//! `async def`, and `import asyncio` is added once. Every original node keeps its position;
//! new nodes take the position of the node they replace. Prints the result as source.
//!
//! The input is a tree as CPython's `ast.dump(tree, include_attributes=True)` prints it:
//!
//! ```text
//! cargo run -p pyc-ast --example asyncify -- crates/ast/examples/asyncify_data/input.dump
//! ```
//!
//! `asyncify_data/asyncify.py` is the same rewrite written with Python's `ast.NodeTransformer`;
//! the test `tests/asyncify_example.rs` checks that both agree on `asyncify_data/input.py`.

use std::collections::HashSet;
use std::process::ExitCode;

use pyc_ast::constant::Constant;
use pyc_ast::toolkit::{copy_location, fix_missing_locations, iter_child_nodes, NodeRef};
use pyc_ast::transformer::{walk_expr, walk_stmt, Transformer};
use pyc_ast::visitor::{walk_stmt as visit_children, Visitor};
use pyc_ast::NodeBox;
use pyc_ast::{
    Alias, Expr, ExprAttribute, ExprAwait, ExprCall, ExprContext, ExprName, Identifier, Location,
    Mod, Stmt, StmtAsyncFunctionDef, StmtFunctionDef, StmtImport,
};

/// The names the module binds to `time`, `time.sleep` and `asyncio`.
#[derive(Default)]
struct Bindings {
    time_modules: HashSet<Identifier>,
    sleep_functions: HashSet<Identifier>,
    asyncio_modules: HashSet<Identifier>,
    /// A plain `import asyncio` is already there.
    imports_asyncio: bool,
}

impl<'a> Visitor<'a> for Bindings {
    fn visit_stmt(&mut self, node: &'a Stmt) {
        match node {
            Stmt::Import(import) => {
                for alias in &import.names {
                    let bound = alias.asname.clone().unwrap_or_else(|| alias.name.clone());
                    if &*alias.name == "time" {
                        self.time_modules.insert(bound.clone());
                    }
                    if &*alias.name == "asyncio" {
                        self.asyncio_modules.insert(bound);
                        self.imports_asyncio |= alias.asname.is_none();
                    }
                }
            }
            Stmt::ImportFrom(import)
                if import.module.as_deref() == Some("time") && import.level.unwrap_or(0) == 0 =>
            {
                for alias in import.names.iter().filter(|alias| &*alias.name == "sleep") {
                    self.sleep_functions
                        .insert(alias.asname.clone().unwrap_or_else(|| alias.name.clone()));
                }
            }
            _ => {}
        }
        visit_children(self, node);
    }
}

/// Whether the nodes await, outside nested functions, classes and lambdas.
fn awaits<'a>(nodes: impl IntoIterator<Item = NodeRef<'a>>) -> bool {
    nodes.into_iter().any(|node| match node {
        NodeRef::Expr(Expr::Await(_)) => true,
        NodeRef::Stmt(Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) | Stmt::ClassDef(_))
        | NodeRef::Expr(Expr::Lambda(_)) => false,
        _ => awaits(iter_child_nodes(node)),
    })
}

struct Asyncify {
    bindings: Bindings,
    rewrote_sleep: bool,
}

impl Asyncify {
    fn is_sleep(&self, func: &Expr) -> bool {
        match func {
            Expr::Name(name) => self.bindings.sleep_functions.contains(&name.id),
            Expr::Attribute(attribute) => {
                &*attribute.attr == "sleep"
                    && matches!(&attribute.value, Expr::Name(module) if self.bindings.time_modules.contains(&module.id))
            }
            _ => false,
        }
    }

    fn is_asyncio_run(&self, call: &ExprCall) -> bool {
        let Expr::Attribute(attribute) = &call.func else {
            return false;
        };
        &*attribute.attr == "run"
            && matches!(&attribute.value, Expr::Name(module) if self.bindings.asyncio_modules.contains(&module.id))
            && call.args.len() == 1
            && call.keywords.is_empty()
    }

    /// The position and single argument of an `asyncio.run(f())` call; any other call back.
    fn asyncio_run_argument(&self, call: ExprCall) -> Result<(Location, Expr), ExprCall> {
        if !self.is_asyncio_run(&call) {
            return Err(call);
        }
        let ExprCall {
            loc,
            func,
            args,
            keywords,
        } = call;
        let mut args = args.into_iter();
        match (args.next(), args.next()) {
            (Some(value), None) => Ok((loc, value)),
            (first, second) => {
                let args = first.into_iter().chain(second).chain(args).collect();
                Err(ExprCall {
                    loc,
                    func,
                    args,
                    keywords,
                })
            }
        }
    }

    /// `await asyncio.sleep(...)` with the arguments of `call`, positioned where `call` was.
    fn await_asyncio_sleep(&mut self, call: ExprCall) -> Expr {
        self.rewrote_sleep = true;
        let ExprCall {
            loc,
            func,
            args,
            keywords,
        } = call;
        let module = Expr::from(ExprName {
            loc: func.loc(),
            id: "asyncio".into(),
            ctx: ExprContext::Load,
        });
        let attribute = Expr::Attribute(NodeBox::new(ExprAttribute {
            loc: Location::default(),
            value: module,
            attr: "sleep".into(),
            ctx: ExprContext::Load,
        }));
        let func = copy_location(attribute, &func);
        let call = Expr::Call(NodeBox::new(ExprCall {
            loc,
            func,
            args,
            keywords,
        }));
        Expr::Await(NodeBox::new(ExprAwait { loc, value: call }))
    }
}

impl Transformer for Asyncify {
    fn visit_expr(&mut self, node: Expr) -> Expr {
        let node = walk_expr(self, node);
        match node {
            Expr::Call(call) if self.is_sleep(&call.func) => {
                self.await_asyncio_sleep(NodeBox::into_inner(call))
            }
            Expr::Call(call) => match self.asyncio_run_argument(NodeBox::into_inner(call)) {
                Ok((loc, value)) => Expr::Await(NodeBox::new(ExprAwait { loc, value })),
                Err(call) => Expr::Call(NodeBox::new(call)),
            },
            other => other,
        }
    }

    fn visit_stmt(&mut self, node: Stmt) -> Option<Stmt> {
        match walk_stmt(self, node) {
            Stmt::FunctionDef(def) if awaits(def.body.iter().map(NodeRef::Stmt)) => {
                let StmtFunctionDef {
                    loc,
                    name,
                    args,
                    body,
                    decorator_list,
                    returns,
                    type_comment,
                    type_params,
                } = NodeBox::into_inner(def);
                Some(Stmt::AsyncFunctionDef(NodeBox::new(StmtAsyncFunctionDef {
                    loc,
                    name,
                    args,
                    body,
                    decorator_list,
                    returns,
                    type_comment,
                    type_params,
                })))
            }
            other => Some(other),
        }
    }
}

/// After the docstring and the `from __future__` imports.
fn import_position(body: &[Stmt]) -> usize {
    let docstring = matches!(
        body.first(),
        Some(Stmt::Expr(stmt)) if matches!(&stmt.value, Expr::Constant(c) if matches!(c.value, Constant::Str(_)))
    );
    let start = usize::from(docstring);
    let futures = body[start..]
        .iter()
        .take_while(|stmt| matches!(stmt, Stmt::ImportFrom(import) if import.module.as_deref() == Some("__future__")))
        .count();
    start + futures
}

/// The whole rewrite of a module.
pub fn asyncify(tree: Mod) -> Mod {
    let mut bindings = Bindings::default();
    bindings.visit_mod(&tree);
    let mut asyncify = Asyncify {
        bindings,
        rewrote_sleep: false,
    };
    let mut tree = asyncify.visit_mod(tree);
    if let Mod::Module(module) = &mut tree {
        if asyncify.rewrote_sleep && !asyncify.bindings.imports_asyncio {
            let alias = Alias {
                loc: Location::default(),
                name: "asyncio".into(),
                asname: None,
            };
            let import = Stmt::Import(NodeBox::new(StmtImport {
                loc: Location::default(),
                names: vec![alias],
            }));
            let at = import_position(&module.body);
            module.body.insert(at, import);
        }
    }
    fix_missing_locations(tree)
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: asyncify TREE.dump  (a tree as ast.dump(tree, include_attributes=True) prints it)");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let tree = match pyc_ast::read_dump(text.trim_end()) {
        Ok(tree) => tree,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match pyc_ast::unparse::unparse(&asyncify(tree)) {
        Ok(source) => {
            println!("{source}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
