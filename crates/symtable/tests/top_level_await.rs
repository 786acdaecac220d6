//! The top-level-await rules (`PyCF_ALLOW_TOP_LEVEL_AWAIT`): for each tree in
//! `tests/trees/top_level_await/`, what `compile()` did without and with the flag (an error, or
//! success and whether the module became a coroutine), written by `tests/oracle/trees.py`.

use std::path::Path;

use pyc_future::CompilerFlags;
use pyc_symtable::SymbolTable;

fn outcome(module: &pyc_ast::Mod, flags: CompilerFlags) -> String {
    match SymbolTable::from_module(module, "<tla>", flags) {
        Ok(st) => format!("ok {}", u8::from(st.top().entry().coroutine)),
        Err(e) => {
            let field = |v: Option<i32>| v.map_or("None".to_string(), |v| v.to_string());
            format!(
                "error {}|{}|{}|{}|{}",
                e.msg,
                field(e.lineno),
                field(e.offset),
                field(e.end_lineno),
                field(e.end_offset)
            )
        }
    }
}

#[test]
fn top_level_await_is_allowed_only_with_the_flag_and_only_at_module_level() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/trees/top_level_await");
    let mut checked = 0;
    for n in 0.. {
        let Ok(dump) = std::fs::read_to_string(dir.join(format!("{n}.dump"))) else {
            break;
        };
        let expected = std::fs::read_to_string(dir.join(format!("{n}.outcome"))).expect("outcome");
        let module = pyc_ast::read_dump(&dump).expect("a readable dump");
        let ours = format!(
            "{}\n{}\n",
            outcome(&module, CompilerFlags::empty()),
            outcome(&module, CompilerFlags::ALLOW_TOP_LEVEL_AWAIT)
        );
        assert_eq!(ours, expected, "case {n}");
        checked += 1;
    }
    assert_eq!(checked, 10);
}
