//! Fuzz target: arbitrary text through the parser in every mode, with and without type
//! comments, must give a tree or a ParseError, never a panic, and never run long: the generated
//! parser's memo, shared first items and FIRST-set checks must keep each input's work bounded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyc_parser::{parse, Mode, ParseFlags};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let typed = ParseFlags {
        type_comments: true,
        ..ParseFlags::default()
    };
    for mode in [Mode::Exec, Mode::Eval, Mode::Single, Mode::FuncType] {
        for flags in [ParseFlags::default(), typed] {
            if let Ok(tree) = parse(source, "<fuzz>", mode, flags) {
                pyc_ast::drop_deep(tree);
            }
        }
    }
});
