//! Parses kept on one thread reuse what earlier parses left there (`NodeBox`'s pooled blocks,
//! the known identifiers): the trees must be exactly those a fresh thread makes. Every golden
//! source is parsed twice on one thread, after all the others, and once on a thread of its
//! own; the dumps with positions must agree.

use pyc_ast::{dump, DumpOptions};
use pyc_parser::{parse, Mode, ParseFlags};
use std::path::{Path, PathBuf};

fn golden_sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../golden");
    let mut files = Vec::new();
    let stages = std::fs::read_dir(&root).expect("golden/").flatten();
    for stage in stages {
        let Ok(entries) = std::fs::read_dir(stage.path()) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "py") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    files.push((path, text));
                }
            }
        }
    }
    files.sort();
    files
}

/// The dump with positions of `source`'s tree, or its error's text.
fn dump_of(source: &str) -> String {
    match parse(source, "<golden>", Mode::Exec, ParseFlags::default()) {
        Ok(tree) => {
            let options = DumpOptions {
                include_attributes: true,
                indent: None,
                show_empty: false,
            };
            let text = dump(&tree, options).unwrap_or_else(|e| format!("{e:?}"));
            pyc_ast::drop_deep(tree);
            text
        }
        Err(err) => format!("{err:?}"),
    }
}

#[test]
fn a_thread_s_later_parses_make_the_trees_a_fresh_thread_makes() {
    let sources = golden_sources();
    assert!(sources.len() > 900, "the golden sources are there");
    let on_one_thread: Vec<String> = std::thread::Builder::new()
        .stack_size(pyc_ast::stack::DEEP_STACK_THREAD_SIZE)
        .spawn({
            let sources = sources.clone();
            move || {
                let first: Vec<String> = sources.iter().map(|(_, s)| dump_of(s)).collect();
                let again: Vec<String> = sources.iter().map(|(_, s)| dump_of(s)).collect();
                assert_eq!(first, again, "a second round on the thread");
                again
            }
        })
        .expect("a thread")
        .join()
        .expect("the shared thread's parses");
    for ((path, source), shared) in sources.iter().zip(on_one_thread) {
        let source = source.clone();
        let fresh = std::thread::Builder::new()
            .stack_size(pyc_ast::stack::DEEP_STACK_THREAD_SIZE)
            .spawn(move || dump_of(&source))
            .expect("a thread")
            .join()
            .expect("a fresh thread's parse");
        assert_eq!(shared, fresh, "{}", path.display());
    }
}
