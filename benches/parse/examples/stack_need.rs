//! Parses the deepest inputs the parser accepts (and their error-pass versions) on a thread
//! with the stack size given in KiB (`stack_need 3072`): aborts with a stack overflow when that
//! is too small, which is how `PARSER_STACK_NEEDED` in crates/parser/src/lib.rs was measured.
//! A parse runs on the calling thread only when it has `PARSER_STACK_NEEDED` left, so lower
//! that constant to 1 MiB while measuring (sizes above it then run on this thread).
use pyc_parser::{parse, Mode, ParseFlags};
fn main() {
    let kib: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(8192);
    let mut cases = vec![];
    for (unit, n) in [
        ("-", 5968),
        ("not ", 5968),
        ("lambda: ", 2984),
        ("~", 5968),
        ("await ", 5968),
        ("+", 5968),
    ] {
        let e = format!("{}1", unit.repeat(n));
        cases.push(e.clone());
        cases.push(format!("x = {e} $"));
        cases.push(format!("{}1", unit.repeat(n + 50)));
    }
    cases.push(format!("{}1{}", "(".repeat(200), ")".repeat(200)));
    cases.push(format!("{}1{} $", "(".repeat(200), ")".repeat(200)));
    cases.push(format!("{}1{} = 2", "[".repeat(200), "]".repeat(200)));
    cases.push(format!("{}x{}", "f(".repeat(200), ")".repeat(200)));
    cases.push(format!("{}x{} $", "f(a, ".repeat(199), ")".repeat(199)));
    cases.push(format!(
        "{}x{}",
        "[(y for y in ".repeat(99),
        ")]".repeat(99)
    ));
    // Values parsed again while out with a caller, where CPython's memo answers: these parses
    // go past MAXSTACK (`Parser::replaying`).
    cases.push(format!(
        "{}{}x{}",
        "f(".repeat(199),
        "-".repeat(1212),
        ")".repeat(199)
    ));
    cases.push(format!("f({}x, y)", "-".repeat(5964)));
    cases.push(format!("y = q[{}i]", "-".repeat(5961)));
    cases.push(format!(
        "{}{}x{} $",
        "f(".repeat(199),
        "-".repeat(1212),
        ")".repeat(199)
    ));
    let mut ifs = String::new();
    for level in 0..99 {
        ifs.push_str(&" ".repeat(level));
        ifs.push_str("if x:\n");
    }
    ifs.push_str(&" ".repeat(99));
    ifs.push_str("pass $\n");
    cases.push(ifs);
    std::thread::Builder::new()
        .stack_size(kib * 1024)
        .spawn(move || {
            for c in &cases {
                let r = parse(c, "<s>", Mode::Exec, ParseFlags::default());
                if let Ok(t) = r {
                    pyc_ast::drop_deep(t);
                }
            }
        })
        .unwrap()
        .join()
        .unwrap();
    println!("ok {kib} KiB");
}
