//! `dump` prints what the oracle's `ast.dump` prints, for the hand-built trees of
//! golden/ast-dump/cases.py (rebuilt here case by case), in every option combination; and
//! `read_dump` reads each attributed dump back to the same tree.

use pyc_ast::constant::{Constant, Int, PyStr};
use pyc_ast::dump::Dump;
use pyc_ast::transformer::{self, Transformer};
use pyc_ast::*;
use std::collections::BTreeSet;
use std::path::PathBuf;

// ------------------------------------------------------------------ builders (as in cases.py)

const NO_POS: Location = Location::MISSING;

fn pos(lineno: i32, col: i32, end_lineno: i32, end_col: i32) -> Location {
    Location::new(lineno, col, end_lineno, end_col)
}

fn id(name: &str) -> Identifier {
    Identifier::from(name)
}

fn name(name: &str, ctx: ExprContext) -> Expr {
    ExprName {
        loc: NO_POS,
        id: id(name),
        ctx,
    }
    .into()
}

fn load(n: &str) -> Expr {
    name(n, ExprContext::Load)
}

fn store(n: &str) -> Expr {
    name(n, ExprContext::Store)
}

fn constant(value: Constant) -> Expr {
    ExprConstant {
        loc: NO_POS,
        value,
        kind: None,
    }
    .into()
}

fn int(value: i64) -> Expr {
    constant(Constant::int(value))
}

fn text(value: &str) -> Expr {
    constant(Constant::str(value))
}

fn none() -> Expr {
    constant(Constant::None)
}

fn module(body: Vec<Stmt>) -> Mod {
    ModModule {
        body,
        type_ignores: vec![],
    }
    .into()
}

fn expr(value: Expr) -> Stmt {
    StmtExpr { loc: NO_POS, value }.into()
}

fn pass() -> Stmt {
    StmtPass { loc: NO_POS }.into()
}

fn arg(name: &str) -> Arg {
    Arg {
        loc: NO_POS,
        arg: id(name),
        annotation: None,
        type_comment: None,
    }
}

fn call(func: Expr, args: Vec<Expr>, keywords: Vec<Keyword>) -> Expr {
    ExprCall {
        loc: NO_POS,
        func,
        args,
        keywords,
    }
    .into()
}

fn attribute(value: Expr, attr: &str, ctx: ExprContext) -> Expr {
    ExprAttribute {
        loc: NO_POS,
        value,
        attr: id(attr),
        ctx,
    }
    .into()
}

fn starred(value: Expr, ctx: ExprContext) -> Expr {
    ExprStarred {
        loc: NO_POS,
        value,
        ctx,
    }
    .into()
}

fn tuple(elts: Vec<Expr>, ctx: ExprContext) -> Expr {
    ExprTuple {
        loc: NO_POS,
        elts,
        ctx,
    }
    .into()
}

fn list(elts: Vec<Expr>, ctx: ExprContext) -> Expr {
    ExprList {
        loc: NO_POS,
        elts,
        ctx,
    }
    .into()
}

fn subscript(value: Expr, slice: Expr, ctx: ExprContext) -> Expr {
    ExprSubscript {
        loc: NO_POS,
        value,
        slice,
        ctx,
    }
    .into()
}

fn keyword(arg: Option<&str>, value: Expr) -> Keyword {
    Keyword {
        loc: NO_POS,
        arg: arg.map(id),
        value,
    }
}

fn type_var(name: &str, bound: Option<Expr>, default_value: Option<Expr>) -> TypeParam {
    TypeParamTypeVar {
        loc: NO_POS,
        name: id(name),
        bound,
        default_value,
    }
    .into()
}

fn param_spec(name: &str, default_value: Option<Expr>) -> TypeParam {
    TypeParamParamSpec {
        loc: NO_POS,
        name: id(name),
        default_value,
    }
    .into()
}

fn type_var_tuple(name: &str, default_value: Option<Expr>) -> TypeParam {
    TypeParamTypeVarTuple {
        loc: NO_POS,
        name: id(name),
        default_value,
    }
    .into()
}

fn function_def(name: &str, args: Arguments, body: Vec<Stmt>) -> StmtFunctionDef {
    StmtFunctionDef {
        loc: NO_POS,
        name: id(name),
        args: NodeBox::new(args),
        body,
        decorator_list: vec![],
        returns: None,
        type_comment: None,
        type_params: vec![],
    }
}

fn alias(name: &str, asname: Option<&str>) -> Alias {
    Alias {
        loc: NO_POS,
        name: id(name),
        asname: asname.map(id),
    }
}

fn if_stmt(test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    StmtIf {
        loc: NO_POS,
        test,
        body,
        orelse,
    }
    .into()
}

fn match_case(pattern: Pattern, guard: Option<Expr>) -> MatchCase {
    MatchCase {
        pattern,
        guard,
        body: vec![pass()],
    }
}

fn match_as(pattern: Option<Pattern>, name: Option<&str>) -> Pattern {
    PatternMatchAs {
        loc: NO_POS,
        pattern,
        name: name.map(id),
    }
    .into()
}

fn match_value(value: Expr) -> Pattern {
    PatternMatchValue { loc: NO_POS, value }.into()
}

fn comprehension(target: Expr, iter: Expr, ifs: Vec<Expr>, is_async: i32) -> Comprehension {
    Comprehension {
        target,
        iter,
        ifs,
        is_async,
    }
}

fn formatted_value(value: Expr, conversion: i32, format_spec: Option<Expr>) -> Expr {
    ExprFormattedValue {
        loc: NO_POS,
        value,
        conversion,
        format_spec,
    }
    .into()
}

fn joined_str(values: Vec<Expr>) -> Expr {
    ExprJoinedStr {
        loc: NO_POS,
        values,
    }
    .into()
}

fn binop(left: Expr, op: Operator, right: Expr) -> Expr {
    ExprBinOp {
        loc: NO_POS,
        left,
        op,
        right,
    }
    .into()
}

fn big(digits: &str) -> Int {
    Int::from_str_radix(digits, 10).expect("test digits")
}

// ------------------------------------------------------------------ the cases

/// A case's tree: `dump` accepts any node, so roots vary as in cases.py.
enum Root {
    Mod(Mod),
    Stmt(Stmt),
    Expr(Expr),
    Pattern(Pattern),
    Arguments(Arguments),
}

impl Root {
    fn node(&self) -> &dyn Dump {
        match self {
            Root::Mod(n) => n,
            Root::Stmt(n) => n,
            Root::Expr(n) => n,
            Root::Pattern(n) => n,
            Root::Arguments(n) => n,
        }
    }

    fn numbered(self) -> Root {
        let mut numberer = Numberer { next: 0 };
        match self {
            Root::Mod(n) => Root::Mod(numberer.visit_mod(n)),
            Root::Stmt(n) => Root::Stmt(numberer.visit_stmt(n).expect("kept")),
            Root::Expr(n) => Root::Expr(numberer.visit_expr(n)),
            Root::Pattern(n) => Root::Pattern(numberer.visit_pattern(n)),
            Root::Arguments(n) => Root::Arguments(numberer.visit_arguments(n)),
        }
    }
}

/// cases.py's `number()`: pre-order positions (i+1, 2i, i+2, 2i+5) for every located node.
struct Numberer {
    next: i32,
}

impl Numberer {
    fn take(&mut self) -> Location {
        let i = self.next;
        self.next += 1;
        Location::new(i + 1, 2 * i, i + 2, 2 * i + 5)
    }
}

impl Transformer for Numberer {
    fn visit_stmt(&mut self, mut node: Stmt) -> Option<Stmt> {
        *node.loc_mut() = self.take();
        Some(transformer::walk_stmt(self, node))
    }
    fn visit_expr(&mut self, mut node: Expr) -> Expr {
        *node.loc_mut() = self.take();
        transformer::walk_expr(self, node)
    }
    fn visit_except_handler(&mut self, mut node: ExceptHandler) -> Option<ExceptHandler> {
        *node.loc_mut() = self.take();
        Some(transformer::walk_except_handler(self, node))
    }
    fn visit_arg(&mut self, mut node: Arg) -> Option<Arg> {
        node.loc = self.take();
        Some(transformer::walk_arg(self, node))
    }
    fn visit_keyword(&mut self, mut node: Keyword) -> Option<Keyword> {
        node.loc = self.take();
        Some(transformer::walk_keyword(self, node))
    }
    fn visit_alias(&mut self, mut node: Alias) -> Option<Alias> {
        node.loc = self.take();
        Some(transformer::walk_alias(self, node))
    }
    fn visit_pattern(&mut self, mut node: Pattern) -> Pattern {
        *node.loc_mut() = self.take();
        transformer::walk_pattern(self, node)
    }
    fn visit_type_param(&mut self, mut node: TypeParam) -> Option<TypeParam> {
        *node.loc_mut() = self.take();
        Some(transformer::walk_type_param(self, node))
    }
}

fn module_empty() -> Root {
    Root::Mod(module(vec![]))
}

fn module_pass_break_continue_type_ignore() -> Root {
    let ignore = |lineno, tag: &str| -> TypeIgnore {
        TypeIgnoreTypeIgnore {
            lineno,
            tag: tag.into(),
        }
        .into()
    };
    Root::Mod(
        ModModule {
            body: vec![
                pass(),
                StmtBreak { loc: NO_POS }.into(),
                StmtContinue { loc: NO_POS }.into(),
            ],
            type_ignores: vec![ignore(3, "[attr]"), ignore(4, "")],
        }
        .into(),
    )
}

fn interactive_expr_statement() -> Root {
    Root::Mod(
        ModInteractive {
            body: vec![expr(load("x")), expr(int(1))],
        }
        .into(),
    )
}

fn expression_u_kind_constant() -> Root {
    let body = ExprConstant {
        loc: NO_POS,
        value: Constant::str("u"),
        kind: Some("u".into()),
    };
    Root::Mod(ModExpression { body: body.into() }.into())
}

fn function_type_signature() -> Root {
    Root::Mod(
        ModFunctionType {
            argtypes: vec![load("int"), load("str")],
            returns: none(),
        }
        .into(),
    )
}

fn function_def_every_argument_kind() -> Root {
    let args = Arguments {
        posonlyargs: vec![arg("a")],
        args: vec![Arg {
            annotation: Some(load("int")),
            type_comment: Some("int".into()),
            ..arg("b")
        }],
        vararg: Some(NodeBox::new(arg("args"))),
        kwonlyargs: vec![arg("c"), arg("d")],
        kw_defaults: vec![None, Some(int(1))],
        kwarg: Some(NodeBox::new(Arg {
            annotation: Some(load("dict")),
            ..arg("kw")
        })),
        defaults: vec![int(2)],
    };
    let def = StmtFunctionDef {
        decorator_list: vec![load("deco"), call(load("d2"), vec![], vec![])],
        returns: Some(load("int")),
        type_comment: Some("(int) -> int".into()),
        type_params: vec![
            type_var("T", Some(load("int")), Some(load("bool"))),
            param_spec("P", Some(list(vec![load("int")], ExprContext::Load))),
            type_var_tuple("Ts", Some(starred(load("tuple"), ExprContext::Load))),
        ],
        ..function_def(
            "f",
            args,
            vec![StmtReturn {
                loc: NO_POS,
                value: Some(load("a")),
            }
            .into()],
        )
    };
    Root::Mod(module(vec![def.into()]))
}

fn async_function_await_for_with() -> Root {
    let body = vec![
        expr(
            ExprAwait {
                loc: NO_POS,
                value: call(load("h"), vec![], vec![]),
            }
            .into(),
        ),
        StmtAsyncFor {
            loc: NO_POS,
            target: store("x"),
            iter: load("xs"),
            body: vec![pass()],
            orelse: vec![StmtBreak { loc: NO_POS }.into()],
            type_comment: None,
        }
        .into(),
        StmtAsyncWith {
            loc: NO_POS,
            items: vec![WithItem {
                context_expr: load("cm"),
                optional_vars: None,
            }],
            body: vec![pass()],
            type_comment: Some("t".into()),
        }
        .into(),
    ];
    let def = function_def("g", Arguments::default(), body);
    let def = StmtAsyncFunctionDef {
        loc: def.loc,
        name: def.name,
        args: def.args,
        body: def.body,
        decorator_list: def.decorator_list,
        returns: def.returns,
        type_comment: def.type_comment,
        type_params: def.type_params,
    };
    Root::Mod(module(vec![def.into()]))
}

fn class_def_bases_keywords_type_params() -> Root {
    let class = StmtClassDef {
        loc: NO_POS,
        name: id("C"),
        bases: vec![load("B"), starred(load("more"), ExprContext::Load)],
        keywords: vec![
            keyword(Some("metaclass"), load("M")),
            keyword(None, load("kw")),
        ],
        body: vec![pass()],
        decorator_list: vec![load("dataclass")],
        type_params: vec![type_var("T", None, None)],
    };
    Root::Mod(module(vec![class.into()]))
}

fn return_without_value() -> Root {
    Root::Mod(module(vec![
        StmtReturn {
            loc: NO_POS,
            value: None,
        }
        .into(),
        StmtReturn {
            loc: NO_POS,
            value: Some(none()),
        }
        .into(),
    ]))
}

fn delete_del_context_targets() -> Root {
    let targets = vec![
        name("a", ExprContext::Del),
        attribute(load("b"), "c", ExprContext::Del),
        subscript(load("d"), int(0), ExprContext::Del),
    ];
    Root::Mod(module(vec![StmtDelete {
        loc: NO_POS,
        targets,
    }
    .into()]))
}

fn assign_tuple_starred_type_comment() -> Root {
    let target = tuple(
        vec![store("b"), starred(store("c"), ExprContext::Store)],
        ExprContext::Store,
    );
    Root::Mod(module(vec![StmtAssign {
        loc: NO_POS,
        targets: vec![store("a"), target],
        value: load("v"),
        type_comment: Some("int".into()),
    }
    .into()]))
}

fn type_alias_with_params() -> Root {
    Root::Mod(module(vec![StmtTypeAlias {
        loc: NO_POS,
        name: store("X"),
        type_params: vec![
            type_var("T", None, None),
            type_var_tuple("Ts", None),
            param_spec("P", None),
        ],
        value: subscript(load("list"), load("T"), ExprContext::Load),
    }
    .into()]))
}

fn aug_assign_every_operator() -> Root {
    use Operator::*;
    let ops = [
        Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv,
    ];
    let body = ops
        .iter()
        .enumerate()
        .map(|(i, &op)| {
            StmtAugAssign {
                loc: NO_POS,
                target: store("x"),
                op,
                value: int(i as i64),
            }
            .into()
        })
        .collect();
    Root::Mod(module(body))
}

fn ann_assign_simple_and_not() -> Root {
    Root::Mod(module(vec![
        StmtAnnAssign {
            loc: NO_POS,
            target: store("x"),
            annotation: load("int"),
            value: None,
            simple: 1,
        }
        .into(),
        StmtAnnAssign {
            loc: NO_POS,
            target: attribute(load("self"), "y", ExprContext::Store),
            annotation: text("str"),
            value: Some(text("")),
            simple: 0,
        }
        .into(),
    ]))
}

fn for_else_type_comment() -> Root {
    Root::Mod(module(vec![StmtFor {
        loc: NO_POS,
        target: store("i"),
        iter: load("r"),
        body: vec![StmtContinue { loc: NO_POS }.into()],
        orelse: vec![pass()],
        type_comment: Some("int".into()),
    }
    .into()]))
}

fn while_if_else_nested() -> Root {
    let inner = if_stmt(
        load("c"),
        vec![StmtBreak { loc: NO_POS }.into()],
        vec![if_stmt(load("d"), vec![pass()], vec![])],
    );
    Root::Mod(module(vec![StmtWhile {
        loc: NO_POS,
        test: constant(Constant::Bool(true)),
        body: vec![inner],
        orelse: vec![pass()],
    }
    .into()]))
}

fn with_items_optional_vars() -> Root {
    Root::Mod(module(vec![StmtWith {
        loc: NO_POS,
        items: vec![
            WithItem {
                context_expr: call(load("open"), vec![text("f")], vec![]),
                optional_vars: Some(store("f")),
            },
            WithItem {
                context_expr: load("g"),
                optional_vars: None,
            },
        ],
        body: vec![pass()],
        type_comment: Some("x".into()),
    }
    .into()]))
}

fn match_every_pattern() -> Root {
    let star = |name: Option<&str>| -> Pattern {
        PatternMatchStar {
            loc: NO_POS,
            name: name.map(id),
        }
        .into()
    };
    let singleton = |value| -> Pattern { PatternMatchSingleton { loc: NO_POS, value }.into() };
    let class = PatternMatchClass {
        loc: NO_POS,
        cls: attribute(load("m"), "P", ExprContext::Load),
        patterns: vec![match_as(Some(match_as(None, Some("x"))), Some("y"))],
        kwd_attrs: vec![id("z"), id("w")],
        kwd_patterns: vec![
            PatternMatchOr {
                loc: NO_POS,
                patterns: vec![match_value(int(1)), match_value(int(2))],
            }
            .into(),
            PatternMatchMapping {
                loc: NO_POS,
                keys: vec![],
                patterns: vec![],
                rest: None,
            }
            .into(),
        ],
    };
    let cases = vec![
        match_case(match_value(int(1)), None),
        match_case(singleton(Constant::None), None),
        match_case(singleton(Constant::Bool(true)), Some(load("g"))),
        match_case(
            PatternMatchSequence {
                loc: NO_POS,
                patterns: vec![match_as(None, Some("a")), star(Some("rest")), star(None)],
            }
            .into(),
            None,
        ),
        match_case(
            PatternMatchMapping {
                loc: NO_POS,
                keys: vec![text("k")],
                patterns: vec![match_as(None, None)],
                rest: Some(id("r")),
            }
            .into(),
            None,
        ),
        match_case(class.into(), None),
    ];
    Root::Mod(module(vec![StmtMatch {
        loc: NO_POS,
        subject: load("s"),
        cases,
    }
    .into()]))
}

fn raise_with_cause_and_bare() -> Root {
    Root::Mod(module(vec![
        StmtRaise {
            loc: NO_POS,
            exc: Some(call(load("E"), vec![], vec![])),
            cause: Some(load("e")),
        }
        .into(),
        StmtRaise {
            loc: NO_POS,
            exc: None,
            cause: None,
        }
        .into(),
    ]))
}

fn handler(type_: Option<Expr>, name: Option<&str>, body: Vec<Stmt>) -> ExceptHandler {
    ExceptHandlerExceptHandler {
        loc: NO_POS,
        type_,
        name: name.map(id),
        body,
    }
    .into()
}

fn try_handlers_else_finally() -> Root {
    let bare_raise = StmtRaise {
        loc: NO_POS,
        exc: None,
        cause: None,
    };
    Root::Mod(module(vec![StmtTry {
        loc: NO_POS,
        body: vec![expr(load("a"))],
        handlers: vec![
            handler(Some(load("E")), Some("e"), vec![pass()]),
            handler(
                Some(tuple(vec![load("F"), load("G")], ExprContext::Load)),
                None,
                vec![pass()],
            ),
            handler(None, None, vec![bare_raise.into()]),
        ],
        orelse: vec![pass()],
        finalbody: vec![expr(load("b"))],
    }
    .into()]))
}

fn try_star_handlers() -> Root {
    Root::Mod(module(vec![StmtTryStar {
        loc: NO_POS,
        body: vec![pass()],
        handlers: vec![handler(Some(load("ValueError")), Some("eg"), vec![pass()])],
        orelse: vec![],
        finalbody: vec![],
    }
    .into()]))
}

fn assert_with_and_without_msg() -> Root {
    Root::Mod(module(vec![
        StmtAssert {
            loc: NO_POS,
            test: load("x"),
            msg: Some(text("m")),
        }
        .into(),
        StmtAssert {
            loc: NO_POS,
            test: load("y"),
            msg: None,
        }
        .into(),
    ]))
}

fn import_from(module: Option<&str>, names: Vec<Alias>, level: Option<i32>) -> Stmt {
    StmtImportFrom {
        loc: NO_POS,
        module: module.map(id),
        names,
        level,
    }
    .into()
}

fn import_and_import_from() -> Root {
    Root::Mod(module(vec![
        StmtImport {
            loc: NO_POS,
            names: vec![alias("os", None), alias("a.b", Some("c"))],
        }
        .into(),
        import_from(None, vec![alias("*", None)], Some(2)),
        import_from(Some("m"), vec![alias("x", Some("y"))], Some(0)),
        import_from(Some("n"), vec![], None),
    ]))
}

fn global_and_nonlocal() -> Root {
    Root::Mod(module(vec![
        StmtGlobal {
            loc: NO_POS,
            names: vec![id("a"), id("b")],
        }
        .into(),
        StmtNonlocal {
            loc: NO_POS,
            names: vec![id("c")],
        }
        .into(),
        StmtGlobal {
            loc: NO_POS,
            names: vec![],
        }
        .into(),
    ]))
}

fn boolop(op: BoolOp, values: Vec<Expr>) -> Expr {
    ExprBoolOp {
        loc: NO_POS,
        op,
        values,
    }
    .into()
}

fn boolop_and_or() -> Root {
    Root::Mod(module(vec![
        expr(boolop(BoolOp::And, vec![load("a"), load("b")])),
        expr(boolop(BoolOp::Or, vec![load("c"), load("d"), load("e")])),
    ]))
}

fn compare_every_operator() -> Root {
    use CmpOp::*;
    let ops = vec![Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn];
    let comparators = (0..ops.len()).map(|i| load(&format!("b{i}"))).collect();
    let body = ExprCompare {
        loc: NO_POS,
        left: load("a"),
        ops,
        comparators,
    };
    Root::Mod(ModExpression { body: body.into() }.into())
}

fn named_expr_if_exp_unary_ops() -> Root {
    let mut body = vec![
        expr(
            ExprNamedExpr {
                loc: NO_POS,
                target: store("x"),
                value: int(1),
            }
            .into(),
        ),
        expr(
            ExprIfExp {
                loc: NO_POS,
                test: load("c"),
                body: load("a"),
                orelse: load("b"),
            }
            .into(),
        ),
    ];
    for op in [UnaryOp::Invert, UnaryOp::Not, UnaryOp::UAdd, UnaryOp::USub] {
        body.push(expr(
            ExprUnaryOp {
                loc: NO_POS,
                op,
                operand: load("v"),
            }
            .into(),
        ));
    }
    Root::Mod(module(body))
}

fn lambda(args: Arguments, body: Expr) -> Expr {
    ExprLambda {
        loc: NO_POS,
        args: NodeBox::new(args),
        body,
    }
    .into()
}

fn lambda_with_empty_and_full_arguments() -> Root {
    let full = Arguments {
        args: vec![arg("x")],
        defaults: vec![int(0)],
        ..Arguments::default()
    };
    Root::Mod(module(vec![
        expr(lambda(Arguments::default(), none())),
        expr(lambda(full, load("x"))),
    ]))
}

fn dict(keys: Vec<Option<Expr>>, values: Vec<Expr>) -> Expr {
    ExprDict {
        loc: NO_POS,
        keys,
        values,
    }
    .into()
}

fn dict_with_unpacking_and_set() -> Root {
    Root::Mod(module(vec![
        expr(dict(vec![Some(text("a")), None], vec![int(1), load("d")])),
        expr(dict(vec![], vec![])),
        expr(
            ExprSet {
                loc: NO_POS,
                elts: vec![int(1), int(2)],
            }
            .into(),
        ),
    ]))
}

fn comprehensions_every_kind() -> Root {
    let gen = || {
        vec![comprehension(
            store("x"),
            load("xs"),
            vec![load("p"), load("q")],
            0,
        )]
    };
    let agen = || vec![comprehension(store("y"), load("ys"), vec![], 1)];
    let both = || {
        let mut g = gen();
        g.extend(agen());
        g
    };
    Root::Mod(module(vec![
        expr(
            ExprListComp {
                loc: NO_POS,
                elt: load("x"),
                generators: gen(),
            }
            .into(),
        ),
        expr(
            ExprSetComp {
                loc: NO_POS,
                elt: load("y"),
                generators: agen(),
            }
            .into(),
        ),
        expr(
            ExprDictComp {
                loc: NO_POS,
                key: load("k"),
                value: load("v"),
                generators: both(),
            }
            .into(),
        ),
        expr(
            ExprGeneratorExp {
                loc: NO_POS,
                elt: load("x"),
                generators: gen(),
            }
            .into(),
        ),
    ]))
}

fn yield_yield_from_await() -> Root {
    Root::Mod(module(vec![
        expr(
            ExprYield {
                loc: NO_POS,
                value: None,
            }
            .into(),
        ),
        expr(
            ExprYield {
                loc: NO_POS,
                value: Some(int(1)),
            }
            .into(),
        ),
        expr(
            ExprYieldFrom {
                loc: NO_POS,
                value: load("it"),
            }
            .into(),
        ),
        expr(
            ExprAwait {
                loc: NO_POS,
                value: load("t"),
            }
            .into(),
        ),
    ]))
}

fn call_starred_and_keywords() -> Root {
    Root::Mod(module(vec![expr(call(
        attribute(load("obj"), "m", ExprContext::Load),
        vec![int(1), starred(load("a"), ExprContext::Load)],
        vec![keyword(Some("k"), int(2)), keyword(None, load("kw"))],
    ))]))
}

fn joined_str_formatted_values() -> Root {
    let spec = joined_str(vec![text(">10")]);
    Root::Mod(module(vec![expr(joined_str(vec![
        text("a"),
        formatted_value(load("x"), -1, None),
        formatted_value(load("y"), 114, Some(spec)),
    ]))]))
}

fn interpolation(value: Expr, str: &str, conversion: i32, format_spec: Option<Expr>) -> Expr {
    ExprInterpolation {
        loc: NO_POS,
        value,
        str: Constant::str(str),
        conversion,
        format_spec,
    }
    .into()
}

fn template_str_interpolations() -> Root {
    let spec = joined_str(vec![text("^3"), formatted_value(load("w"), -1, None)]);
    let template = ExprTemplateStr {
        loc: NO_POS,
        values: vec![
            text("t "),
            interpolation(load("x"), "x", -1, None),
            interpolation(load("y"), "y ", 97, Some(spec)),
        ],
    };
    Root::Mod(module(vec![expr(template.into())]))
}

fn constants_of_every_type() -> Root {
    let values = vec![
        Constant::None,
        Constant::Bool(true),
        Constant::Bool(false),
        Constant::Ellipsis,
        Constant::int(0),
        Constant::int(-5),
        Constant::Int(big("1267650600228229401496703205376")),
        Constant::Int(big("1180591620717411303424").neg()),
        Constant::Float(1.5),
        Constant::Float(1e300),
        Constant::Float(f64::INFINITY),
        Constant::Float(-0.0),
        Constant::Float(1e-7),
        Constant::Complex {
            real: 0.0,
            imag: 1.0,
        },
        Constant::Complex {
            real: 1.0,
            imag: -2.0,
        },
        Constant::Complex {
            real: 0.0,
            imag: -0.0,
        },
        Constant::str("plain"),
        Constant::str("quote ' and \" and \\ and \n\t\0"),
        Constant::str("\u{e9}\u{200b}\u{1f600}"),
        Constant::Str(PyStr::from_code_points([0xD800]).expect("surrogate")),
        Constant::Bytes(vec![]),
        Constant::Bytes(b"bytes\x00\xff'".to_vec()),
        Constant::Tuple(vec![
            Constant::int(1),
            Constant::str("a"),
            Constant::Tuple(vec![Constant::None]),
        ]),
        Constant::Tuple(vec![]),
        Constant::FrozenSet(vec![Constant::int(1), Constant::int(2), Constant::int(3)]),
        Constant::FrozenSet(vec![]),
    ];
    let elts = values.into_iter().map(constant).collect();
    Root::Mod(
        ModExpression {
            body: tuple(elts, ExprContext::Load),
        }
        .into(),
    )
}

fn slice(lower: Option<Expr>, upper: Option<Expr>, step: Option<Expr>) -> Expr {
    ExprSlice {
        loc: NO_POS,
        lower,
        upper,
        step,
    }
    .into()
}

fn subscript_slices() -> Root {
    let full = slice(Some(int(1)), Some(int(2)), Some(int(3)));
    let index = tuple(
        vec![
            slice(None, Some(load("u")), None),
            constant(Constant::Ellipsis),
        ],
        ExprContext::Load,
    );
    Root::Mod(module(vec![
        expr(subscript(load("a"), full, ExprContext::Load)),
        expr(subscript(
            load("b"),
            slice(None, None, None),
            ExprContext::Load,
        )),
        expr(subscript(load("c"), index, ExprContext::Store)),
    ]))
}

fn list_tuple_contexts_and_empty() -> Root {
    Root::Mod(module(vec![
        StmtAssign {
            loc: NO_POS,
            targets: vec![list(vec![store("a"), store("b")], ExprContext::Store)],
            value: tuple(vec![], ExprContext::Load),
            type_comment: None,
        }
        .into(),
        expr(list(vec![], ExprContext::Load)),
    ]))
}

fn attribute_chain() -> Root {
    let inner = attribute(
        attribute(load("a"), "b", ExprContext::Load),
        "c",
        ExprContext::Load,
    );
    Root::Mod(
        ModExpression {
            body: attribute(inner, "d", ExprContext::Load),
        }
        .into(),
    )
}

fn binop_chain_indentation() -> Root {
    use Operator::*;
    let mut node = load("a");
    for (i, op) in [Add, Mult, Sub, Pow, BitOr].into_iter().enumerate() {
        node = binop(node, op, int(i as i64));
    }
    Root::Mod(ModExpression { body: node }.into())
}

fn function_without_any_position() -> Root {
    let args = Arguments {
        args: vec![arg("x")],
        ..Arguments::default()
    };
    let ret = StmtReturn {
        loc: NO_POS,
        value: Some(binop(load("x"), Operator::Add, int(1))),
    };
    Root::Mod(module(vec![
        function_def("f", args, vec![ret.into()]).into()
    ]))
}

fn partial_positions() -> Root {
    let absent = Location::ABSENT;
    let func = ExprName {
        loc: pos(1, 0, absent, absent),
        id: id("f"),
        ctx: ExprContext::Load,
    };
    let one = ExprConstant {
        loc: pos(1, 2, 1, absent),
        value: Constant::int(1),
        kind: None,
    };
    let kw = Keyword {
        loc: pos(2, 4, absent, absent),
        ..keyword(Some("k"), load("v"))
    };
    let call = ExprCall {
        loc: pos(1, 0, 2, 9),
        func: func.into(),
        args: vec![one.into()],
        keywords: vec![kw],
    };
    let stmt = StmtExpr {
        loc: pos(1, 0, absent, absent),
        value: call.into(),
    };
    let pattern = PatternMatchAs {
        loc: pos(3, 5, absent, absent),
        pattern: None,
        name: Some(id("x")),
    };
    let case = MatchCase {
        pattern: pattern.into(),
        guard: None,
        body: vec![StmtPass {
            loc: pos(4, 4, 4, 8),
        }
        .into()],
    };
    let match_stmt = StmtMatch {
        loc: pos(3, 0, 4, 8),
        subject: load("s"),
        cases: vec![case],
    };
    Root::Mod(module(vec![stmt.into(), match_stmt.into()]))
}

fn odd_position_values() -> Root {
    let name = ExprName {
        loc: pos(0, -1, -7, 2147483647),
        id: id("x"),
        ctx: ExprContext::Load,
    };
    let stmt = StmtExpr {
        loc: pos(-2147483647, 0, 0, 0),
        value: name.into(),
    };
    Root::Mod(module(vec![stmt.into()]))
}

fn unicode_names_and_strings() -> Root {
    Root::Mod(module(vec![
        StmtAssign {
            loc: NO_POS,
            targets: vec![store("\u{3c0}")],
            value: text("caf\u{e9} \u{2028} \u{7f}"),
            type_comment: None,
        }
        .into(),
        import_from(
            Some("\u{fc}ber"),
            vec![alias("\u{e4}", Some("_\u{e5}"))],
            Some(1),
        ),
    ]))
}

fn expression_statement_root_stmt() -> Root {
    Root::Stmt(if_stmt(load("x"), vec![pass()], vec![]))
}

fn expression_root_expr() -> Root {
    Root::Expr(call(load("f"), vec![int(1), int(2), int(3)], vec![]))
}

fn pattern_root() -> Root {
    Root::Pattern(
        PatternMatchOr {
            loc: NO_POS,
            patterns: vec![match_value(int(1)), match_as(None, Some("x"))],
        }
        .into(),
    )
}

fn arguments_root_and_simple_nodes() -> Root {
    Root::Arguments(Arguments {
        args: vec![arg("a")],
        kw_defaults: vec![None],
        ..Arguments::default()
    })
}

fn four_simple_arguments_break_lines() -> Root {
    let u = ExprConstant {
        loc: NO_POS,
        value: Constant::str("x"),
        kind: Some("u".into()),
    };
    let b = constant(Constant::Bytes(b"y".to_vec()));
    Root::Mod(
        ModExpression {
            body: tuple(vec![u.into(), b], ExprContext::Load),
        }
        .into(),
    )
}

type Builder = fn() -> Root;

/// (name, numbered, builder), in cases.py's order.
const CASES: &[(&str, bool, Builder)] = &[
    ("module_empty", false, module_empty),
    (
        "module_pass_break_continue_type_ignore",
        true,
        module_pass_break_continue_type_ignore,
    ),
    (
        "interactive_expr_statement",
        true,
        interactive_expr_statement,
    ),
    (
        "expression_u_kind_constant",
        true,
        expression_u_kind_constant,
    ),
    ("function_type_signature", true, function_type_signature),
    (
        "function_def_every_argument_kind",
        true,
        function_def_every_argument_kind,
    ),
    (
        "async_function_await_for_with",
        true,
        async_function_await_for_with,
    ),
    (
        "class_def_bases_keywords_type_params",
        true,
        class_def_bases_keywords_type_params,
    ),
    ("return_without_value", true, return_without_value),
    (
        "delete_del_context_targets",
        true,
        delete_del_context_targets,
    ),
    (
        "assign_tuple_starred_type_comment",
        true,
        assign_tuple_starred_type_comment,
    ),
    ("type_alias_with_params", true, type_alias_with_params),
    ("aug_assign_every_operator", true, aug_assign_every_operator),
    ("ann_assign_simple_and_not", true, ann_assign_simple_and_not),
    ("for_else_type_comment", true, for_else_type_comment),
    ("while_if_else_nested", true, while_if_else_nested),
    ("with_items_optional_vars", true, with_items_optional_vars),
    ("match_every_pattern", true, match_every_pattern),
    ("raise_with_cause_and_bare", true, raise_with_cause_and_bare),
    ("try_handlers_else_finally", true, try_handlers_else_finally),
    ("try_star_handlers", true, try_star_handlers),
    (
        "assert_with_and_without_msg",
        true,
        assert_with_and_without_msg,
    ),
    ("import_and_import_from", true, import_and_import_from),
    ("global_and_nonlocal", true, global_and_nonlocal),
    ("boolop_and_or", true, boolop_and_or),
    ("compare_every_operator", true, compare_every_operator),
    (
        "named_expr_if_exp_unary_ops",
        true,
        named_expr_if_exp_unary_ops,
    ),
    (
        "lambda_with_empty_and_full_arguments",
        true,
        lambda_with_empty_and_full_arguments,
    ),
    (
        "dict_with_unpacking_and_set",
        true,
        dict_with_unpacking_and_set,
    ),
    ("comprehensions_every_kind", true, comprehensions_every_kind),
    ("yield_yield_from_await", true, yield_yield_from_await),
    ("call_starred_and_keywords", true, call_starred_and_keywords),
    (
        "joined_str_formatted_values",
        true,
        joined_str_formatted_values,
    ),
    (
        "template_str_interpolations",
        true,
        template_str_interpolations,
    ),
    ("constants_of_every_type", true, constants_of_every_type),
    ("subscript_slices", true, subscript_slices),
    (
        "list_tuple_contexts_and_empty",
        true,
        list_tuple_contexts_and_empty,
    ),
    ("attribute_chain", true, attribute_chain),
    ("binop_chain_indentation", true, binop_chain_indentation),
    (
        "function_without_any_position",
        false,
        function_without_any_position,
    ),
    ("partial_positions", false, partial_positions),
    ("odd_position_values", false, odd_position_values),
    ("unicode_names_and_strings", true, unicode_names_and_strings),
    (
        "expression_statement_root_stmt",
        true,
        expression_statement_root_stmt,
    ),
    ("expression_root_expr", true, expression_root_expr),
    ("pattern_root", true, pattern_root),
    (
        "arguments_root_and_simple_nodes",
        false,
        arguments_root_and_simple_nodes,
    ),
    (
        "four_simple_arguments_break_lines",
        true,
        four_simple_arguments_break_lines,
    ),
];

// ------------------------------------------------------------------ the golden file

struct Expected {
    case: String,
    options: DumpOptions,
    text: String,
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Parses `=== <case> include_attributes=<0|1> indent=<None|n> show_empty=<0|1>` blocks.
fn expected_dumps() -> Vec<Expected> {
    let path = repo_root().join("golden/ast-dump/dumps.txt");
    let text = std::fs::read_to_string(&path).expect("golden/ast-dump/dumps.txt");
    let mut blocks: Vec<Expected> = Vec::new();
    for line in text.lines() {
        if let Some(header) = line.strip_prefix("=== ") {
            let parts: Vec<&str> = header.split(' ').collect();
            let value = |key: &str| {
                parts
                    .iter()
                    .find_map(|p| p.strip_prefix(key))
                    .expect("header field")
            };
            let indent = value("indent=");
            blocks.push(Expected {
                case: parts[0].to_string(),
                options: DumpOptions {
                    include_attributes: value("include_attributes=") == "1",
                    indent: (indent != "None").then(|| indent.parse().expect("indent")),
                    show_empty: value("show_empty=") == "1",
                },
                text: String::new(),
            });
        } else {
            let block = blocks.last_mut().expect("a header first");
            if !block.text.is_empty() {
                block.text.push('\n');
            }
            block.text.push_str(line);
        }
    }
    blocks
}

fn build(case: &str) -> Root {
    let (_, numbered, builder) = CASES
        .iter()
        .find(|(name, _, _)| *name == case)
        .unwrap_or_else(|| panic!("no Rust builder for case {case}"));
    let root = builder();
    if *numbered {
        root.numbered()
    } else {
        root
    }
}

#[test]
fn dump_matches_the_oracle_for_every_case_and_option() {
    let expected = expected_dumps();
    assert_eq!(expected.len(), CASES.len() * 10);
    let mut failures = Vec::new();
    for block in &expected {
        let root = build(&block.case);
        let actual = dump(root.node(), block.options).expect("dump");
        if actual != block.text {
            failures.push(format!(
                "{} {:?}\n  expected: {}\n  actual:   {}",
                block.case, block.options, block.text, actual
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} dumps differ:\n{}",
        failures.len(),
        expected.len(),
        failures.join("\n")
    );
}

#[test]
fn cases_cover_every_concrete_node_class() {
    let classes = std::fs::read_to_string(repo_root().join("asdl/oracle_classes.json"))
        .expect("asdl/oracle_classes.json");
    let json: serde_json::Value = serde_json::from_str(&classes).expect("json");
    let abstract_bases: BTreeSet<&str> = json["classes"]
        .as_array()
        .expect("classes")
        .iter()
        .filter_map(|c| c["base"].as_str())
        .filter(|base| *base != "AST")
        .collect();
    let concrete: BTreeSet<&str> = json["classes"]
        .as_array()
        .expect("classes")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .filter(|name| !abstract_bases.contains(name))
        .collect();
    let mut seen = BTreeSet::new();
    for block in expected_dumps().iter().filter(|b| b.options.show_empty) {
        let bytes = block.text.as_bytes();
        for (i, _) in block.text.match_indices('(') {
            let start = block.text[..i]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .map_or(0, |p| p + 1);
            if start < i && bytes[start].is_ascii_alphabetic() {
                seen.insert(block.text[start..i].to_string());
            }
        }
    }
    let missing: Vec<&&str> = concrete.iter().filter(|c| !seen.contains(**c)).collect();
    assert!(missing.is_empty(), "no case dumps {missing:?}");
}

#[test]
fn read_dump_reads_every_attributed_module_dump_back() {
    for block in expected_dumps() {
        let one_line = block.options.indent.is_none() && !block.options.show_empty;
        if !(block.options.include_attributes && one_line) {
            continue;
        }
        let Root::Mod(tree) = build(&block.case) else {
            continue;
        };
        let read = read_dump(&block.text).unwrap_or_else(|e| panic!("{}: {e}", block.case));
        assert_eq!(read, tree, "{}", block.case);
        assert_eq!(dump(&read, block.options).expect("dump"), block.text);
    }
}
