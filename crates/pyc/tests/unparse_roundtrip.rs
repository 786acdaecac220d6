//! Property: for a generated tree `t` of the shapes CPython's parser produces,
//! `parse(unparse(t))` is `t` again, positions aside (compared through `ast.dump` without
//! attributes). Exercises `pyc_ast::unparse` against `pyc_parser::parse`.

use proptest::prelude::*;
use pyc_ast::constant::{Constant, Int, PyStr};
use pyc_ast::*;
use pyc_parser::{Mode, ParseFlags};

const L: Location = Location::MISSING;

fn id(name: &str) -> Identifier {
    Identifier::from(name)
}

fn identifier() -> impl Strategy<Value = Identifier> {
    prop::sample::select(vec!["a", "b", "c", "x", "y", "foo", "_p", "é"]).prop_map(id)
}

fn name(ctx: ExprContext) -> impl Strategy<Value = Expr> {
    identifier().prop_map(move |id| Expr::from(ExprName { loc: L, id, ctx }))
}

fn constant_expr(value: Constant) -> Expr {
    Expr::Constant(NodeBox::new(ExprConstant {
        loc: L,
        value,
        kind: None,
    }))
}

/// Code points that stress quoting and escaping, lone surrogates included.
fn text() -> impl Strategy<Value = Vec<u32>> {
    let interesting: Vec<u32> = "aZ '\"\\\n\t\r{}%é😀\u{200b}\u{7f}\u{0}"
        .chars()
        .map(u32::from)
        .chain([0xD800, 0xDFFF])
        .collect();
    prop::collection::vec(prop::sample::select(interesting), 0..8)
}

fn py_str(code_points: Vec<u32>) -> PyStr {
    PyStr::from_code_points(code_points).unwrap_or_default()
}

/// Non-negative numbers: a negative literal is a `UnaryOp` in a parsed tree.
fn constant() -> impl Strategy<Value = Expr> {
    let finite_float = (0u64..0x7FF0_0000_0000_0000).prop_map(f64::from_bits);
    prop_oneof![
        any::<u32>().prop_map(|v| Constant::int(i64::from(v))),
        any::<u128>().prop_map(|v| Constant::Int(Int::from(num_bigint::BigInt::from(v)))),
        finite_float.clone().prop_map(Constant::Float),
        Just(Constant::Float(f64::INFINITY)),
        finite_float.prop_map(|imag| Constant::Complex { real: 0.0, imag }),
        text().prop_map(|t| Constant::Str(py_str(t))),
        prop::collection::vec(any::<u8>(), 0..6).prop_map(Constant::Bytes),
        Just(Constant::None),
        any::<bool>().prop_map(Constant::Bool),
        Just(Constant::Ellipsis),
    ]
    .prop_map(constant_expr)
}

fn operator() -> impl Strategy<Value = Operator> {
    prop::sample::select(vec![
        Operator::Add,
        Operator::Sub,
        Operator::Mult,
        Operator::MatMult,
        Operator::Div,
        Operator::Mod,
        Operator::Pow,
        Operator::LShift,
        Operator::RShift,
        Operator::BitOr,
        Operator::BitXor,
        Operator::BitAnd,
        Operator::FloorDiv,
    ])
}

fn cmpop() -> impl Strategy<Value = CmpOp> {
    prop::sample::select(vec![
        CmpOp::Eq,
        CmpOp::NotEq,
        CmpOp::Lt,
        CmpOp::LtE,
        CmpOp::Gt,
        CmpOp::GtE,
        CmpOp::Is,
        CmpOp::IsNot,
        CmpOp::In,
        CmpOp::NotIn,
    ])
}

fn arg(annotation: Option<Expr>) -> impl Fn(Identifier) -> Arg {
    move |arg| Arg {
        loc: L,
        arg,
        annotation: annotation.clone(),
        type_comment: None,
    }
}

/// Lambda or function parameters, defaults aligned to the last positional ones.
fn arguments(expr: BoxedStrategy<Expr>, annotated: bool) -> impl Strategy<Value = Arguments> {
    let annotation = move || {
        if annotated {
            prop::option::of(expr.clone()).boxed()
        } else {
            Just(None).boxed()
        }
    };
    let param = move || (identifier(), annotation()).prop_map(|(n, a)| arg(a)(n));
    (
        prop::collection::vec(param(), 0..2),
        prop::collection::vec(param(), 0..3),
        prop::option::of(param()),
        prop::collection::vec((param(), prop::option::of(constant())), 0..2),
        prop::option::of(param()),
        prop::collection::vec(constant(), 0..3),
    )
        .prop_map(|(posonlyargs, args, vararg, kwonly, kwarg, defaults)| {
            let count = posonlyargs.len() + args.len();
            let defaults: Vec<Expr> = defaults.into_iter().take(count).collect();
            let (kwonlyargs, kw_defaults) = kwonly.into_iter().unzip();
            Arguments {
                posonlyargs,
                args,
                vararg: vararg.map(NodeBox::new),
                kwonlyargs,
                kw_defaults,
                kwarg: kwarg.map(NodeBox::new),
                defaults,
            }
        })
}

fn comprehensions(expr: BoxedStrategy<Expr>) -> impl Strategy<Value = Vec<Comprehension>> {
    let generator = (
        name(ExprContext::Store),
        expr.clone(),
        prop::collection::vec(expr, 0..2),
        0..2i32,
    )
        .prop_map(|(target, iter, ifs, is_async)| Comprehension {
            target,
            iter,
            ifs,
            is_async,
        });
    prop::collection::vec(generator, 1..3)
}

fn starred(expr: BoxedStrategy<Expr>) -> impl Strategy<Value = Expr> {
    expr.prop_map(|value| {
        Expr::Starred(NodeBox::new(ExprStarred {
            loc: L,
            value,
            ctx: ExprContext::Load,
        }))
    })
}

/// An element of a display or call: sometimes starred.
fn element(expr: BoxedStrategy<Expr>) -> BoxedStrategy<Expr> {
    prop_oneof![4 => expr.clone(), 1 => starred(expr)].boxed()
}

fn slice(expr: BoxedStrategy<Expr>) -> BoxedStrategy<Expr> {
    let opt = || prop::option::of(expr.clone());
    let slice = (opt(), opt(), opt()).prop_map(|(lower, upper, step)| {
        Expr::Slice(NodeBox::new(ExprSlice {
            loc: L,
            lower,
            upper,
            step,
        }))
    });
    let part = prop_oneof![expr.clone(), slice.clone()];
    let tuple = prop::collection::vec(part, 1..3).prop_map(|elts| {
        Expr::Tuple(NodeBox::new(ExprTuple {
            loc: L,
            elts,
            ctx: ExprContext::Load,
        }))
    });
    prop_oneof![expr, slice, tuple].boxed()
}

/// An f-string: non-empty literals and fields, adjacent literals merged as the parser does.
fn joined_str(expr: BoxedStrategy<Expr>) -> impl Strategy<Value = Expr> {
    let spec = prop::option::of(prop::sample::select(vec![">10", "x", ".2f", "^5", "%Y-%m"]));
    let field = (expr, prop::sample::select(vec![-1, 115, 114, 97]), spec).prop_map(
        |(value, conversion, spec)| {
            let format_spec = spec.map(|spec| {
                let values = vec![constant_expr(Constant::str(spec))];
                Expr::JoinedStr(NodeBox::new(ExprJoinedStr { loc: L, values }))
            });
            Expr::FormattedValue(NodeBox::new(ExprFormattedValue {
                loc: L,
                value,
                conversion,
                format_spec,
            }))
        },
    );
    let literal = text().prop_filter("non-empty", |t| !t.is_empty());
    let part = prop_oneof![literal.prop_map(Err), field.prop_map(Ok)];
    prop::collection::vec(part, 0..4).prop_map(|parts| {
        let mut values: Vec<Expr> = Vec::new();
        let mut pending: Vec<u32> = Vec::new();
        for part in parts {
            match part {
                Err(text) => pending.extend(text),
                Ok(field) => {
                    if !pending.is_empty() {
                        values.push(constant_expr(Constant::Str(py_str(std::mem::take(
                            &mut pending,
                        )))));
                    }
                    values.push(field);
                }
            }
        }
        if !pending.is_empty() {
            values.push(constant_expr(Constant::Str(py_str(pending))));
        }
        Expr::JoinedStr(NodeBox::new(ExprJoinedStr { loc: L, values }))
    })
}

fn expr() -> BoxedStrategy<Expr> {
    let leaf = prop_oneof![name(ExprContext::Load), constant()];
    leaf.prop_recursive(3, 24, 3, |inner| {
        let e = inner.clone();
        let list = |n: std::ops::Range<usize>| prop::collection::vec(element(e.clone()), n);
        prop_oneof![
            (inner.clone(), operator(), inner.clone()).prop_map(|(left, op, right)| Expr::BinOp(
                NodeBox::new(ExprBinOp {
                    loc: L,
                    left,
                    op,
                    right
                })
            )),
            (
                prop::sample::select(vec![
                    UnaryOp::Invert,
                    UnaryOp::Not,
                    UnaryOp::UAdd,
                    UnaryOp::USub
                ]),
                inner.clone()
            )
                .prop_map(|(op, operand)| Expr::UnaryOp(NodeBox::new(ExprUnaryOp {
                    loc: L,
                    op,
                    operand
                }))),
            (
                prop::sample::select(vec![BoolOp::And, BoolOp::Or]),
                prop::collection::vec(inner.clone(), 2..4)
            )
                .prop_map(|(op, values)| Expr::BoolOp(NodeBox::new(ExprBoolOp {
                    loc: L,
                    op,
                    values
                }))),
            (
                inner.clone(),
                prop::collection::vec((cmpop(), inner.clone()), 1..3)
            )
                .prop_map(|(left, rest)| {
                    let (ops, comparators) = rest.into_iter().unzip();
                    Expr::Compare(NodeBox::new(ExprCompare {
                        loc: L,
                        left,
                        ops,
                        comparators,
                    }))
                }),
            (inner.clone(), inner.clone(), inner.clone()).prop_map(|(test, body, orelse)| {
                Expr::IfExp(NodeBox::new(ExprIfExp {
                    loc: L,
                    test,
                    body,
                    orelse,
                }))
            }),
            (
                inner.clone(),
                list(0..3),
                prop::collection::vec((prop::option::of(Just("kw")), inner.clone()), 0..2)
            )
                .prop_map(|(func, args, keywords)| {
                    let keywords = keywords
                        .into_iter()
                        .enumerate()
                        .map(|(i, (named, value))| Keyword {
                            loc: L,
                            arg: named.map(|n| id(&format!("{n}{i}"))),
                            value,
                        })
                        .collect();
                    Expr::Call(NodeBox::new(ExprCall {
                        loc: L,
                        func,
                        args,
                        keywords,
                    }))
                }),
            (inner.clone(), identifier()).prop_map(|(value, attr)| Expr::Attribute(NodeBox::new(
                ExprAttribute {
                    loc: L,
                    value,
                    attr,
                    ctx: ExprContext::Load
                }
            ))),
            (inner.clone(), slice(inner.clone())).prop_map(|(value, slice)| Expr::Subscript(
                NodeBox::new(ExprSubscript {
                    loc: L,
                    value,
                    slice,
                    ctx: ExprContext::Load
                })
            )),
            list(0..3).prop_map(|elts| Expr::List(NodeBox::new(ExprList {
                loc: L,
                elts,
                ctx: ExprContext::Load
            }))),
            list(0..3).prop_map(|elts| Expr::Tuple(NodeBox::new(ExprTuple {
                loc: L,
                elts,
                ctx: ExprContext::Load
            }))),
            list(1..3).prop_map(|elts| Expr::Set(NodeBox::new(ExprSet { loc: L, elts }))),
            prop::collection::vec((prop::option::of(inner.clone()), inner.clone()), 0..3).prop_map(
                |pairs| {
                    let (keys, values) = pairs.into_iter().unzip();
                    Expr::Dict(NodeBox::new(ExprDict {
                        loc: L,
                        keys,
                        values,
                    }))
                }
            ),
            (inner.clone(), comprehensions(inner.clone())).prop_map(|(elt, generators)| {
                Expr::ListComp(NodeBox::new(ExprListComp {
                    loc: L,
                    elt,
                    generators,
                }))
            }),
            (inner.clone(), comprehensions(inner.clone())).prop_map(|(elt, generators)| {
                Expr::GeneratorExp(NodeBox::new(ExprGeneratorExp {
                    loc: L,
                    elt,
                    generators,
                }))
            }),
            (inner.clone(), inner.clone(), comprehensions(inner.clone())).prop_map(
                |(key, value, generators)| {
                    Expr::DictComp(NodeBox::new(ExprDictComp {
                        loc: L,
                        key,
                        value,
                        generators,
                    }))
                }
            ),
            (arguments(inner.clone(), false), inner.clone()).prop_map(|(args, body)| Expr::Lambda(
                NodeBox::new(ExprLambda {
                    loc: L,
                    args: NodeBox::new(args),
                    body
                })
            )),
            (name(ExprContext::Store), inner.clone()).prop_map(|(target, value)| Expr::NamedExpr(
                NodeBox::new(ExprNamedExpr {
                    loc: L,
                    target,
                    value
                })
            )),
            inner
                .clone()
                .prop_map(|value| Expr::Await(NodeBox::new(ExprAwait { loc: L, value }))),
            joined_str(inner),
        ]
    })
    .boxed()
}

fn stmt_of(kind: Stmt) -> Stmt {
    kind
}

fn target() -> BoxedStrategy<Expr> {
    let store = ExprContext::Store;
    prop_oneof![
        3 => name(store),
        1 => (expr(), identifier()).prop_map(move |(value, attr)| Expr::Attribute(NodeBox::new(ExprAttribute { loc: L, value, attr, ctx: store }))),
        1 => (expr(), slice(expr())).prop_map(move |(value, slice)| Expr::Subscript(NodeBox::new(ExprSubscript { loc: L, value, slice, ctx: store }))),
        1 => prop::collection::vec(name(store), 1..3).prop_map(move |elts| Expr::Tuple(NodeBox::new(ExprTuple { loc: L, elts, ctx: store }))),
        1 => prop::collection::vec(name(store), 0..3).prop_map(move |elts| Expr::List(NodeBox::new(ExprList { loc: L, elts, ctx: store }))),
    ]
    .boxed()
}

fn simple_stmt() -> BoxedStrategy<Stmt> {
    let alias = (identifier(), prop::option::of(identifier()))
        .prop_map(|(name, asname)| Alias {
            loc: L,
            name,
            asname,
        })
        .boxed();
    prop_oneof![
        4 => expr().prop_map(|value| Stmt::Expr(NodeBox::new(StmtExpr { loc: L, value }))),
        3 => (prop::collection::vec(target(), 1..3), expr())
            .prop_map(|(targets, value)| Stmt::Assign(NodeBox::new(StmtAssign { loc: L, targets, value, type_comment: None }))),
        1 => (name(ExprContext::Store), operator(), expr())
            .prop_map(|(target, op, value)| Stmt::AugAssign(NodeBox::new(StmtAugAssign { loc: L, target, op, value }))),
        1 => (name(ExprContext::Store), expr(), prop::option::of(expr())).prop_map(|(target, annotation, value)| {
            Stmt::AnnAssign(NodeBox::new(StmtAnnAssign { loc: L, target, annotation, value, simple: 1 }))
        }),
        1 => Just(stmt_of(Stmt::Pass(NodeBox::new(StmtPass { loc: L })))),
        1 => Just(Stmt::Break(NodeBox::new(StmtBreak { loc: L }))),
        1 => Just(Stmt::Continue(NodeBox::new(StmtContinue { loc: L }))),
        1 => prop::option::of(expr()).prop_map(|value| Stmt::Return(NodeBox::new(StmtReturn { loc: L, value }))),
        1 => prop::collection::vec(name(ExprContext::Del), 1..3)
            .prop_map(|targets| Stmt::Delete(NodeBox::new(StmtDelete { loc: L, targets }))),
        1 => prop::collection::vec(alias.clone(), 1..3).prop_map(|names| Stmt::Import(NodeBox::new(StmtImport { loc: L, names }))),
        1 => (prop::option::of(identifier()), prop::collection::vec(alias, 1..3), 0..3i32).prop_map(|(module, names, level)| {
            let level = if module.is_none() { level.max(1) } else { level };
            Stmt::ImportFrom(NodeBox::new(StmtImportFrom { loc: L, module, names, level: Some(level) }))
        }),
        1 => prop::collection::vec(identifier(), 1..3).prop_map(|names| Stmt::Global(NodeBox::new(StmtGlobal { loc: L, names }))),
        1 => prop::option::of((expr(), prop::option::of(expr()))).prop_map(|raise| {
            let (exc, cause) = match raise {
                Some((exc, cause)) => (Some(exc), cause),
                None => (None, None),
            };
            Stmt::Raise(NodeBox::new(StmtRaise { loc: L, exc, cause }))
        }),
        1 => (expr(), prop::option::of(expr())).prop_map(|(test, msg)| Stmt::Assert(NodeBox::new(StmtAssert { loc: L, test, msg }))),
    ]
    .boxed()
}

fn stmt() -> BoxedStrategy<Stmt> {
    prop_oneof![4 => simple_stmt(), 1 => extra_stmt()]
        .boxed()
        .prop_recursive(2, 12, 3, |inner| {
            let body = || prop::collection::vec(inner.clone(), 1..3);
            let orelse = || prop::collection::vec(inner.clone(), 0..2);
            let handler = (expr(), prop::option::of(identifier()), body())
                .prop_map(|(type_, name, body)| {
                    ExceptHandler::ExceptHandler(NodeBox::new(ExceptHandlerExceptHandler {
                        loc: L,
                        type_: Some(type_),
                        name,
                        body,
                    }))
                })
                .boxed();
            prop_oneof![
                (expr(), body(), orelse()).prop_map(|(test, body, orelse)| Stmt::If(NodeBox::new(
                    StmtIf {
                        loc: L,
                        test,
                        body,
                        orelse
                    }
                ))),
                (expr(), body(), orelse()).prop_map(|(test, body, orelse)| Stmt::While(
                    NodeBox::new(StmtWhile {
                        loc: L,
                        test,
                        body,
                        orelse
                    })
                )),
                (target(), expr(), body(), orelse()).prop_map(|(target, iter, body, orelse)| {
                    Stmt::For(NodeBox::new(StmtFor {
                        loc: L,
                        target,
                        iter,
                        body,
                        orelse,
                        type_comment: None,
                    }))
                }),
                (
                    identifier(),
                    arguments(expr(), true),
                    body(),
                    prop::collection::vec(expr(), 0..2),
                    prop::option::of(expr())
                )
                    .prop_map(|(name, args, body, decorator_list, returns)| {
                        Stmt::FunctionDef(NodeBox::new(StmtFunctionDef {
                            loc: L,
                            name,
                            args: NodeBox::new(args),
                            body,
                            decorator_list,
                            returns,
                            type_comment: None,
                            type_params: Vec::new(),
                        }))
                    }),
                (identifier(), prop::collection::vec(expr(), 0..2), body()).prop_map(
                    |(name, bases, body)| {
                        Stmt::ClassDef(NodeBox::new(StmtClassDef {
                            loc: L,
                            name,
                            bases,
                            keywords: Vec::new(),
                            body,
                            decorator_list: Vec::new(),
                            type_params: Vec::new(),
                        }))
                    }
                ),
                (
                    prop::collection::vec(
                        (
                            expr().prop_filter("not a tuple", |e| !matches!(e, Expr::Tuple(_))),
                            prop::option::of(name(ExprContext::Store))
                        ),
                        1..3
                    ),
                    body()
                )
                    .prop_map(|(items, body)| {
                        let items = items
                            .into_iter()
                            .map(|(context_expr, optional_vars)| WithItem {
                                context_expr,
                                optional_vars,
                            })
                            .collect();
                        Stmt::With(NodeBox::new(StmtWith {
                            loc: L,
                            items,
                            body,
                            type_comment: None,
                        }))
                    }),
                (
                    body(),
                    prop::collection::vec(handler.clone(), 1..3),
                    orelse(),
                    orelse()
                )
                    .prop_map(|(body, handlers, orelse, finalbody)| {
                        Stmt::Try(NodeBox::new(StmtTry {
                            loc: L,
                            body,
                            handlers,
                            orelse,
                            finalbody,
                        }))
                    }),
                (
                    body(),
                    prop::collection::vec(handler, 1..3),
                    orelse(),
                    orelse()
                )
                    .prop_map(|(body, handlers, orelse, finalbody)| {
                        Stmt::TryStar(NodeBox::new(StmtTryStar {
                            loc: L,
                            body,
                            handlers,
                            orelse,
                            finalbody,
                        }))
                    }),
                (body(), body()).prop_map(|(body, finalbody)| {
                    Stmt::Try(NodeBox::new(StmtTry {
                        loc: L,
                        body,
                        handlers: Vec::new(),
                        orelse: Vec::new(),
                        finalbody,
                    }))
                }),
                (
                    expr(),
                    prop::collection::vec((pattern(), prop::option::of(expr()), body()), 1..3)
                )
                    .prop_map(|(subject, cases)| {
                        let cases = cases
                            .into_iter()
                            .map(|(pattern, guard, body)| MatchCase {
                                pattern,
                                guard,
                                body,
                            })
                            .collect();
                        Stmt::Match(NodeBox::new(StmtMatch {
                            loc: L,
                            subject,
                            cases,
                        }))
                    }),
                (
                    identifier(),
                    type_params(),
                    arguments(expr(), true),
                    body(),
                    prop::collection::vec(expr(), 0..2),
                    prop::option::of(expr())
                )
                    .prop_map(
                        |(name, type_params, args, body, decorator_list, returns)| {
                            Stmt::AsyncFunctionDef(NodeBox::new(StmtAsyncFunctionDef {
                                loc: L,
                                name,
                                args: NodeBox::new(args),
                                body,
                                decorator_list,
                                returns,
                                type_comment: None,
                                type_params,
                            }))
                        }
                    ),
                (target(), expr(), body(), orelse()).prop_map(|(target, iter, body, orelse)| {
                    Stmt::AsyncFor(NodeBox::new(StmtAsyncFor {
                        loc: L,
                        target,
                        iter,
                        body,
                        orelse,
                        type_comment: None,
                    }))
                }),
                (
                    expr().prop_filter("not a tuple", |e| !matches!(e, Expr::Tuple(_))),
                    body()
                )
                    .prop_map(|(context_expr, body)| {
                        let items = vec![WithItem {
                            context_expr,
                            optional_vars: None,
                        }];
                        Stmt::AsyncWith(NodeBox::new(StmtAsyncWith {
                            loc: L,
                            items,
                            body,
                            type_comment: None,
                        }))
                    }),
                (
                    identifier(),
                    type_params(),
                    prop::collection::vec(expr(), 0..2),
                    prop::collection::vec((prop::option::of(Just("kw")), expr()), 0..2),
                    prop::collection::vec(expr(), 0..2),
                    body()
                )
                    .prop_map(
                        |(name, type_params, bases, keywords, decorator_list, body)| {
                            let keywords = keywords
                                .into_iter()
                                .enumerate()
                                .map(|(i, (named, value))| Keyword {
                                    loc: L,
                                    arg: named.map(|n| id(&format!("{n}{i}"))),
                                    value,
                                })
                                .collect();
                            Stmt::ClassDef(NodeBox::new(StmtClassDef {
                                loc: L,
                                name,
                                bases,
                                keywords,
                                body,
                                decorator_list,
                                type_params,
                            }))
                        }
                    ),
            ]
        })
        .boxed()
}

/// A capture name: any identifier but `_`.
fn capture() -> impl Strategy<Value = Identifier> {
    identifier()
}

fn literal_pattern() -> BoxedStrategy<Pattern> {
    let number = (0u32..1000).prop_map(|v| constant_expr(Constant::int(i64::from(v))));
    let value = prop_oneof![
        number.clone(),
        text().prop_map(|t| constant_expr(Constant::Str(py_str(t)))),
        prop::collection::vec(any::<u8>(), 0..4).prop_map(|b| constant_expr(Constant::Bytes(b))),
        number
            .clone()
            .prop_map(|operand| Expr::UnaryOp(NodeBox::new(ExprUnaryOp {
                loc: L,
                op: UnaryOp::USub,
                operand
            }))),
        (
            number,
            1u32..100,
            prop::sample::select(vec![Operator::Add, Operator::Sub])
        )
            .prop_map(|(left, imag, op)| {
                let right = constant_expr(Constant::Complex {
                    real: 0.0,
                    imag: f64::from(imag),
                });
                Expr::BinOp(NodeBox::new(ExprBinOp {
                    loc: L,
                    left,
                    op,
                    right,
                }))
            }),
        (identifier(), identifier()).prop_map(|(module, attr)| {
            let value = Expr::from(ExprName {
                loc: L,
                id: module,
                ctx: ExprContext::Load,
            });
            Expr::Attribute(NodeBox::new(ExprAttribute {
                loc: L,
                value,
                attr,
                ctx: ExprContext::Load,
            }))
        }),
    ];
    prop_oneof![
        4 => value.prop_map(|value| Pattern::MatchValue(NodeBox::new(PatternMatchValue { loc: L, value }))),
        1 => prop::sample::select(vec![Constant::None, Constant::Bool(true), Constant::Bool(false)])
            .prop_map(|value| Pattern::MatchSingleton(NodeBox::new(PatternMatchSingleton { loc: L, value }))),
        2 => prop::option::of(capture()).prop_map(|name| Pattern::MatchAs(NodeBox::new(PatternMatchAs { loc: L, pattern: None, name }))),
    ]
    .boxed()
}

fn pattern() -> BoxedStrategy<Pattern> {
    literal_pattern()
        .prop_recursive(3, 16, 3, |inner| {
            let star = prop::option::of(prop::option::of(capture()));
            let key = prop_oneof![
                (0u32..100).prop_map(|v| constant_expr(Constant::int(i64::from(v)))),
                text().prop_map(|t| constant_expr(Constant::Str(py_str(t)))),
                Just(constant_expr(Constant::None)),
            ];
            prop_oneof![
                (prop::collection::vec(inner.clone(), 0..3), star, 0usize..3).prop_map(
                    |(mut patterns, star, at)| {
                        if let Some(name) = star {
                            let at = at.min(patterns.len());
                            patterns.insert(
                                at,
                                Pattern::MatchStar(NodeBox::new(PatternMatchStar { loc: L, name })),
                            );
                        }
                        Pattern::MatchSequence(NodeBox::new(PatternMatchSequence {
                            loc: L,
                            patterns,
                        }))
                    }
                ),
                (
                    prop::collection::vec((key, inner.clone()), 0..3),
                    prop::option::of(capture())
                )
                    .prop_map(|(pairs, rest)| {
                        let (keys, patterns) = pairs.into_iter().unzip();
                        Pattern::MatchMapping(NodeBox::new(PatternMatchMapping {
                            loc: L,
                            keys,
                            patterns,
                            rest,
                        }))
                    }),
                (
                    name(ExprContext::Load),
                    prop::collection::vec(inner.clone(), 0..2),
                    prop::collection::vec(inner.clone(), 0..2)
                )
                    .prop_map(|(cls, patterns, kwd_patterns)| {
                        let kwd_attrs = (0..kwd_patterns.len())
                            .map(|i| id(&format!("k{i}")))
                            .collect();
                        Pattern::MatchClass(NodeBox::new(PatternMatchClass {
                            loc: L,
                            cls,
                            patterns,
                            kwd_attrs,
                            kwd_patterns,
                        }))
                    }),
                prop::collection::vec(inner.clone(), 2..4).prop_map(|patterns| Pattern::MatchOr(
                    NodeBox::new(PatternMatchOr { loc: L, patterns })
                )),
                (inner, capture()).prop_map(|(pattern, name)| {
                    Pattern::MatchAs(NodeBox::new(PatternMatchAs {
                        loc: L,
                        pattern: Some(pattern),
                        name: Some(name),
                    }))
                }),
            ]
        })
        .boxed()
}

/// `[T: bound, *Ts, **P = default]`: distinct names, a default only on the last parameter.
fn type_params() -> impl Strategy<Value = Vec<TypeParam>> {
    let param = (0..3u8, prop::option::of(expr()));
    (prop::collection::vec(param, 0..3), prop::option::of(expr())).prop_map(|(params, default)| {
        let count = params.len();
        params
            .into_iter()
            .enumerate()
            .map(|(i, (kind, bound))| {
                let name = id(&format!("T{i}"));
                let default_value = if i + 1 == count {
                    default.clone()
                } else {
                    None
                };
                match kind {
                    0 => TypeParam::TypeVar(NodeBox::new(TypeParamTypeVar {
                        loc: L,
                        name,
                        bound,
                        default_value,
                    })),
                    1 => TypeParam::TypeVarTuple(NodeBox::new(TypeParamTypeVarTuple {
                        loc: L,
                        name,
                        default_value,
                    })),
                    _ => TypeParam::ParamSpec(NodeBox::new(TypeParamParamSpec {
                        loc: L,
                        name,
                        default_value,
                    })),
                }
            })
            .collect()
    })
}

/// Statements that only make sense or only stress the unparser in a function body.
fn extra_stmt() -> BoxedStrategy<Stmt> {
    let yield_expr = prop::option::of(expr())
        .prop_map(|value| Expr::Yield(NodeBox::new(ExprYield { loc: L, value })));
    let yield_from =
        expr().prop_map(|value| Expr::YieldFrom(NodeBox::new(ExprYieldFrom { loc: L, value })));
    prop_oneof![
        yield_expr
            .clone()
            .prop_map(|value| Stmt::Expr(NodeBox::new(StmtExpr { loc: L, value }))),
        (
            name(ExprContext::Store),
            prop_oneof![yield_expr, yield_from]
        )
            .prop_map(|(target, value)| {
                Stmt::Assign(NodeBox::new(StmtAssign {
                    loc: L,
                    targets: vec![target],
                    value,
                    type_comment: None,
                }))
            }),
        prop::collection::vec(identifier(), 1..3)
            .prop_map(|names| Stmt::Nonlocal(NodeBox::new(StmtNonlocal { loc: L, names }))),
        (name(ExprContext::Store), type_params(), expr()).prop_map(|(name, type_params, value)| {
            Stmt::TypeAlias(NodeBox::new(StmtTypeAlias {
                loc: L,
                name,
                type_params,
                value,
            }))
        }),
    ]
    .boxed()
}

fn dump_fields(tree: &Mod) -> String {
    dump(
        tree,
        DumpOptions {
            include_attributes: false,
            indent: None,
            show_empty: false,
        },
    )
    .expect("dump")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn parse_of_unparse_gives_the_tree_back(body in prop::collection::vec(stmt(), 1..4)) {
        let tree = Mod::Module(NodeBox::new(ModModule { body, type_ignores: Vec::new() }));
        let source = pyc_ast::unparse::unparse(&tree).expect("unparse");
        let parsed = pyc_parser::parse(&source, "<unknown>", Mode::Exec, ParseFlags::default());
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(e) => return Err(TestCaseError::fail(format!("{source:?} does not parse: {e:?}"))),
        };
        prop_assert_eq!(dump_fields(&parsed), dump_fields(&tree), "source: {:?}", source);
        // A tree the parser built always passes compile()'s validation.
        prop_assert_eq!(pyc_ast::validate::validate(&parsed), Ok(()), "source: {:?}", source);
    }

    #[test]
    fn parse_of_unparse_gives_the_expression_back(body in expr()) {
        let tree = Mod::Expression(NodeBox::new(ModExpression { body }));
        let source = pyc_ast::unparse::unparse(&tree).expect("unparse");
        let parsed = pyc_parser::parse(&source, "<unknown>", Mode::Eval, ParseFlags::default());
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(e) => return Err(TestCaseError::fail(format!("{source:?} does not parse: {e:?}"))),
        };
        prop_assert_eq!(dump_fields(&parsed), dump_fields(&tree), "source: {:?}", source);
    }

    #[test]
    fn parse_of_unparse_gives_the_interactive_statement_back(body in prop::collection::vec(simple_stmt(), 1..3)) {
        // `single` mode: simple statements on one line, joined by `; `.
        let tree = Mod::Interactive(NodeBox::new(ModInteractive { body }));
        let source = pyc_ast::unparse::unparse(&tree).expect("unparse");
        let parsed = pyc_parser::parse(&format!("{source}\n"), "<unknown>", Mode::Single, ParseFlags::default());
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(e) => return Err(TestCaseError::fail(format!("{source:?} does not parse: {e:?}"))),
        };
        prop_assert_eq!(dump_fields(&parsed), dump_fields(&tree), "source: {:?}", source);
    }
}
