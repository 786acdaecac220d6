//! `Visitor` and `Transformer` walk the tree in field order; `dump` and `read_dump` fail with an
//! error, never a panic or a stack overflow, on trees and text they cannot handle.

use pyc_ast::constant::{Constant, Int};
use pyc_ast::transformer::{self, Transformer};
use pyc_ast::visitor::{self, Visitor};
use pyc_ast::*;

const ATTRS: DumpOptions = DumpOptions {
    include_attributes: true,
    indent: None,
    show_empty: false,
};

/// `def f(a=x):\n    pass\n    return y + z` as the oracle dumps it with attributes.
const SAMPLE: &str = "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a', lineno=1, col_offset=6, end_lineno=1, end_col_offset=7)], defaults=[Name(id='x', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9)]), body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8), Return(value=BinOp(left=Name(id='y', ctx=Load(), lineno=3, col_offset=11, end_lineno=3, end_col_offset=12), op=Add(), right=Name(id='z', ctx=Load(), lineno=3, col_offset=15, end_lineno=3, end_col_offset=16)), lineno=3, col_offset=4, end_lineno=3, end_col_offset=16)], lineno=1, col_offset=0, end_lineno=3, end_col_offset=16)])";

fn sample() -> Mod {
    read_dump(SAMPLE).expect("sample dump")
}

#[derive(Default)]
struct NameCollector {
    names: Vec<String>,
    args: Vec<String>,
    operators: Vec<Operator>,
}

impl<'a> Visitor<'a> for NameCollector {
    fn visit_expr(&mut self, node: &'a Expr) {
        if let Expr::Name(name) = node {
            self.names.push(name.id.to_string());
        }
        visitor::walk_expr(self, node);
    }

    fn visit_arg(&mut self, node: &'a Arg) {
        self.args.push(node.arg.to_string());
        visitor::walk_arg(self, node);
    }

    fn visit_operator(&mut self, node: Operator) {
        self.operators.push(node);
    }
}

#[test]
fn visitor_reaches_nested_nodes_in_field_order() {
    let tree = sample();
    let mut collector = NameCollector::default();
    collector.visit_mod(&tree);
    assert_eq!(collector.names, ["x", "y", "z"]);
    assert_eq!(collector.args, ["a"]);
    assert_eq!(collector.operators, [Operator::Add]);
}

/// Drops `pass` statements and turns every name `y` into the constant 1.
struct DropPassRenameY;

impl Transformer for DropPassRenameY {
    fn visit_stmt(&mut self, node: Stmt) -> Option<Stmt> {
        if matches!(node, Stmt::Pass(_)) {
            return None;
        }
        Some(transformer::walk_stmt(self, node))
    }

    fn visit_expr(&mut self, node: Expr) -> Expr {
        match node {
            Expr::Name(name) if name.id == "y" => ExprConstant {
                loc: name.loc,
                value: Constant::int(1),
                kind: None,
            }
            .into(),
            other => transformer::walk_expr(self, other),
        }
    }
}

#[test]
fn transformer_removes_statements_and_replaces_expressions() {
    let tree = DropPassRenameY.visit_mod(sample());
    assert_eq!(
        dump(&tree, DumpOptions::default()).expect("dump"),
        "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a')], defaults=[Name(id='x', ctx=Load())]), body=[Return(value=BinOp(left=Constant(value=1), op=Add(), right=Name(id='z', ctx=Load())))])])"
    );
}

#[test]
fn default_transformer_keeps_the_tree() {
    struct Identity;
    impl Transformer for Identity {}
    assert_eq!(Identity.visit_mod(sample()), sample());
}

fn not_chain(depth: usize) -> Expr {
    let mut node: Expr = ExprName {
        loc: Location::MISSING,
        id: Identifier::from("x"),
        ctx: ExprContext::Load,
    }
    .into();
    for _ in 0..depth {
        node = ExprUnaryOp {
            loc: Location::MISSING,
            op: UnaryOp::Not,
            operand: node,
        }
        .into();
    }
    node
}

#[test]
fn dump_of_a_tree_deeper_than_python_can_print_is_an_error() {
    let deep = not_chain(5000);
    assert_eq!(dump(&deep, DumpOptions::default()), Err(DumpError::TooDeep));
    let shallow = not_chain(900);
    let text = dump(&shallow, DumpOptions::default()).expect("900 levels print");
    assert!(text.starts_with("UnaryOp(op=Not(), operand=UnaryOp("));
}

#[test]
fn drop_deep_takes_apart_a_chain_too_deep_for_recursion() {
    // A million levels: dropped recursively this would need far more than a test thread's stack.
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| drop_deep(not_chain(1_000_000)))
        .expect("spawn")
        .join()
        .expect("no overflow");
}

#[test]
fn drop_deep_accepts_every_root_kind() {
    drop_deep(sample());
    drop_deep(Arguments::default());
    let handler: ExceptHandler = ExceptHandlerExceptHandler {
        loc: Location::MISSING,
        type_: None,
        name: None,
        body: vec![],
    }
    .into();
    drop_deep(handler);
}

#[test]
fn dump_of_an_int_over_the_digit_limit_raises_value_error_like_python() {
    let huge = Int::from_str_radix(&"9".repeat(4301), 10).expect("digits");
    let node: Expr = ExprConstant {
        loc: Location::MISSING,
        value: Constant::Int(huge),
        kind: None,
    }
    .into();
    let Err(DumpError::Repr(err)) = dump(&node, DumpOptions::default()) else {
        panic!("expected a repr error");
    };
    // The oracle: ast.dump(ast.Constant(10**5000)) raises this ValueError.
    assert_eq!(err.exc_type, "ValueError");
    assert_eq!(
        err.message,
        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    );
}

#[test]
fn read_dump_round_trips_the_sample() {
    assert_eq!(dump(&sample(), ATTRS).expect("dump"), SAMPLE);
}

#[test]
fn read_dump_reports_what_is_wrong() {
    let cases = [
        ("", "dump text at byte 0: expected a node, found \"\""),
        (
            "Module(body=[Pass()], bogus=1)",
            "dump text at byte 28: Module has no field bogus, found \"1)\"",
        ),
        (
            "Expression()",
            "dump text at byte 12: Expression is missing its field body, found \"\"",
        ),
        (
            "Module(body=[Name(id='x', ctx=Load())])",
            "dump text at byte 18: expected a stmt node, not Name, found \"id='x', ctx=Load())])\"",
        ),
        (
            "Expression(body=Name(id=1, ctx=Load()))",
            "dump text at byte 24: expected a string, found \"1, ctx=Load()))\"",
        ),
        (
            "Expression(body=Constant(value=1, lineno=99999999999))",
            "dump text at byte 41: int out of the range of a C int, found \"99999999999))\"",
        ),
        (
            "Module() trailing",
            "dump text at byte 9: expected the end of the dump, found \"trailing\"",
        ),
        (
            "Expression(body=Name(id='x' ctx=Load()))",
            "dump text at byte 28: expected \",\", found \"ctx=Load()))\"",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(read_dump(text), Err(message.to_string()), "{text:?}");
    }
}

#[test]
fn read_dump_refuses_nesting_deeper_than_dump_prints() {
    let depth = 5000;
    let text = format!(
        "Expression(body={}Name(id='x', ctx=Load()){})",
        "UnaryOp(op=Not(), operand=".repeat(depth),
        ")".repeat(depth)
    );
    let err = read_dump(&text).expect_err("too deep");
    assert!(err.contains("nodes nested too deeply"), "{err}");
}

#[test]
fn read_dump_node_reads_any_node_kind() {
    let text = "BinOp(left=Name(id='a', ctx=Load()), op=Sub(), right=Constant(value=2.5))";
    let node: Expr = read_dump_node(text).expect("expr dump");
    assert_eq!(dump(&node, DumpOptions::default()).expect("dump"), text);
    let pattern: Result<Pattern, String> = read_dump_node(text);
    assert_eq!(
        pattern,
        Err("dump text at byte 6: expected a pattern node, not BinOp, found \"left=Name(id='a', ctx=Load()),\"".to_string())
    );
}

#[test]
fn read_dump_never_panics_on_truncated_text() {
    for end in 0..SAMPLE.len() {
        if SAMPLE.is_char_boundary(end) {
            assert!(read_dump(&SAMPLE[..end]).is_err());
        }
    }
}
