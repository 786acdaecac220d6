//! Port of Python/Python-ast.c's constructors (`_PyAST_BinOp`, ...): one function per AST
//! constructor, fields in ASDL order and the location last (CPython's `EXTRA`), so that the
//! grammar's actions read like CPython's. (The f-string nodes are built in fstring.rs.)
#![allow(non_snake_case, clippy::too_many_arguments)]

use pyc_ast::constant::Constant;
use pyc_ast::*;

pub fn Module(body: Vec<Stmt>, type_ignores: Vec<TypeIgnore>) -> Mod {
    ModModule { body, type_ignores }.into()
}

pub fn Interactive(body: Vec<Stmt>) -> Mod {
    ModInteractive { body }.into()
}

pub fn Expression(body: Expr) -> Mod {
    ModExpression { body }.into()
}

pub fn FunctionType(argtypes: Vec<Expr>, returns: Expr) -> Mod {
    ModFunctionType { argtypes, returns }.into()
}

pub fn FunctionDef(
    name: Identifier,
    args: Arguments,
    body: Vec<Stmt>,
    decorator_list: Vec<Expr>,
    returns: Option<Expr>,
    type_comment: Option<Box<str>>,
    type_params: Vec<TypeParam>,
    loc: Location,
) -> Stmt {
    StmtFunctionDef {
        name,
        args: NodeBox::new(args),
        body,
        decorator_list,
        returns,
        type_comment,
        type_params,
        loc,
    }
    .into()
}

pub fn AsyncFunctionDef(
    name: Identifier,
    args: Arguments,
    body: Vec<Stmt>,
    decorator_list: Vec<Expr>,
    returns: Option<Expr>,
    type_comment: Option<Box<str>>,
    type_params: Vec<TypeParam>,
    loc: Location,
) -> Stmt {
    StmtAsyncFunctionDef {
        name,
        args: NodeBox::new(args),
        body,
        decorator_list,
        returns,
        type_comment,
        type_params,
        loc,
    }
    .into()
}

pub fn ClassDef(
    name: Identifier,
    bases: Vec<Expr>,
    keywords: Vec<Keyword>,
    body: Vec<Stmt>,
    decorator_list: Vec<Expr>,
    type_params: Vec<TypeParam>,
    loc: Location,
) -> Stmt {
    StmtClassDef {
        name,
        bases,
        keywords,
        body,
        decorator_list,
        type_params,
        loc,
    }
    .into()
}

pub fn Return(value: Option<Expr>, loc: Location) -> Stmt {
    StmtReturn { value, loc }.into()
}

pub fn Delete(targets: Vec<Expr>, loc: Location) -> Stmt {
    StmtDelete { targets, loc }.into()
}

pub fn Assign(
    targets: Vec<Expr>,
    value: Expr,
    type_comment: Option<Box<str>>,
    loc: Location,
) -> Stmt {
    StmtAssign {
        targets,
        value,
        type_comment,
        loc,
    }
    .into()
}

pub fn TypeAlias(name: Expr, type_params: Vec<TypeParam>, value: Expr, loc: Location) -> Stmt {
    StmtTypeAlias {
        name,
        type_params,
        value,
        loc,
    }
    .into()
}

pub fn AugAssign(target: Expr, op: Operator, value: Expr, loc: Location) -> Stmt {
    StmtAugAssign {
        target,
        op,
        value,
        loc,
    }
    .into()
}

pub fn AnnAssign(
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    simple: i32,
    loc: Location,
) -> Stmt {
    StmtAnnAssign {
        target,
        annotation,
        value,
        simple,
        loc,
    }
    .into()
}

pub fn For(
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Vec<Stmt>,
    type_comment: Option<Box<str>>,
    loc: Location,
) -> Stmt {
    StmtFor {
        target,
        iter,
        body,
        orelse,
        type_comment,
        loc,
    }
    .into()
}

pub fn AsyncFor(
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Vec<Stmt>,
    type_comment: Option<Box<str>>,
    loc: Location,
) -> Stmt {
    StmtAsyncFor {
        target,
        iter,
        body,
        orelse,
        type_comment,
        loc,
    }
    .into()
}

pub fn While(test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>, loc: Location) -> Stmt {
    StmtWhile {
        test,
        body,
        orelse,
        loc,
    }
    .into()
}

pub fn If(test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>, loc: Location) -> Stmt {
    StmtIf {
        test,
        body,
        orelse,
        loc,
    }
    .into()
}

pub fn With(
    items: Vec<WithItem>,
    body: Vec<Stmt>,
    type_comment: Option<Box<str>>,
    loc: Location,
) -> Stmt {
    StmtWith {
        items,
        body,
        type_comment,
        loc,
    }
    .into()
}

pub fn AsyncWith(
    items: Vec<WithItem>,
    body: Vec<Stmt>,
    type_comment: Option<Box<str>>,
    loc: Location,
) -> Stmt {
    StmtAsyncWith {
        items,
        body,
        type_comment,
        loc,
    }
    .into()
}

pub fn Match(subject: Expr, cases: Vec<MatchCase>, loc: Location) -> Stmt {
    StmtMatch {
        subject,
        cases,
        loc,
    }
    .into()
}

pub fn Raise(exc: Option<Expr>, cause: Option<Expr>, loc: Location) -> Stmt {
    StmtRaise { exc, cause, loc }.into()
}

pub fn Try(
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
    loc: Location,
) -> Stmt {
    StmtTry {
        body,
        handlers,
        orelse,
        finalbody,
        loc,
    }
    .into()
}

pub fn TryStar(
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
    loc: Location,
) -> Stmt {
    StmtTryStar {
        body,
        handlers,
        orelse,
        finalbody,
        loc,
    }
    .into()
}

pub fn Assert(test: Expr, msg: Option<Expr>, loc: Location) -> Stmt {
    StmtAssert { test, msg, loc }.into()
}

pub fn Import(names: Vec<Alias>, loc: Location) -> Stmt {
    StmtImport { names, loc }.into()
}

pub fn ImportFrom(
    module: Option<Identifier>,
    names: Vec<Alias>,
    level: Option<i32>,
    loc: Location,
) -> Stmt {
    StmtImportFrom {
        module,
        names,
        level,
        loc,
    }
    .into()
}

pub fn Global(names: Vec<Identifier>, loc: Location) -> Stmt {
    StmtGlobal { names, loc }.into()
}

pub fn Nonlocal(names: Vec<Identifier>, loc: Location) -> Stmt {
    StmtNonlocal { names, loc }.into()
}

pub fn Expr(value: Expr, loc: Location) -> Stmt {
    StmtExpr { value, loc }.into()
}

pub fn Pass(loc: Location) -> Stmt {
    StmtPass { loc }.into()
}

pub fn Break(loc: Location) -> Stmt {
    StmtBreak { loc }.into()
}

pub fn Continue(loc: Location) -> Stmt {
    StmtContinue { loc }.into()
}

pub fn BoolOp(op: BoolOp, values: Vec<Expr>, loc: Location) -> Expr {
    ExprBoolOp { op, values, loc }.into()
}

pub fn NamedExpr(target: Expr, value: Expr, loc: Location) -> Expr {
    ExprNamedExpr { target, value, loc }.into()
}

pub fn BinOp(left: Expr, op: Operator, right: Expr, loc: Location) -> Expr {
    ExprBinOp {
        left,
        op,
        right,
        loc,
    }
    .into()
}

pub fn UnaryOp(op: UnaryOp, operand: Expr, loc: Location) -> Expr {
    ExprUnaryOp { op, operand, loc }.into()
}

pub fn Lambda(args: Arguments, body: Expr, loc: Location) -> Expr {
    ExprLambda {
        args: NodeBox::new(args),
        body,
        loc,
    }
    .into()
}

pub fn IfExp(test: Expr, body: Expr, orelse: Expr, loc: Location) -> Expr {
    ExprIfExp {
        test,
        body,
        orelse,
        loc,
    }
    .into()
}

pub fn Dict(keys: Vec<Option<Expr>>, values: Vec<Expr>, loc: Location) -> Expr {
    ExprDict { keys, values, loc }.into()
}

pub fn Set(elts: Vec<Expr>, loc: Location) -> Expr {
    ExprSet { elts, loc }.into()
}

pub fn ListComp(elt: Expr, generators: Vec<Comprehension>, loc: Location) -> Expr {
    ExprListComp {
        elt,
        generators,
        loc,
    }
    .into()
}

pub fn SetComp(elt: Expr, generators: Vec<Comprehension>, loc: Location) -> Expr {
    ExprSetComp {
        elt,
        generators,
        loc,
    }
    .into()
}

pub fn DictComp(key: Expr, value: Expr, generators: Vec<Comprehension>, loc: Location) -> Expr {
    ExprDictComp {
        key,
        value,
        generators,
        loc,
    }
    .into()
}

pub fn GeneratorExp(elt: Expr, generators: Vec<Comprehension>, loc: Location) -> Expr {
    ExprGeneratorExp {
        elt,
        generators,
        loc,
    }
    .into()
}

pub fn Await(value: Expr, loc: Location) -> Expr {
    ExprAwait { value, loc }.into()
}

pub fn Yield(value: Option<Expr>, loc: Location) -> Expr {
    ExprYield { value, loc }.into()
}

pub fn YieldFrom(value: Expr, loc: Location) -> Expr {
    ExprYieldFrom { value, loc }.into()
}

pub fn Compare(left: Expr, ops: Vec<CmpOp>, comparators: Vec<Expr>, loc: Location) -> Expr {
    ExprCompare {
        left,
        ops,
        comparators,
        loc,
    }
    .into()
}

pub fn Call(func: Expr, args: Vec<Expr>, keywords: Vec<Keyword>, loc: Location) -> Expr {
    ExprCall {
        func,
        args,
        keywords,
        loc,
    }
    .into()
}

pub fn Constant(value: Constant, kind: Option<Box<str>>, loc: Location) -> Expr {
    ExprConstant { value, kind, loc }.into()
}

pub fn Attribute(value: Expr, attr: Identifier, ctx: ExprContext, loc: Location) -> Expr {
    ExprAttribute {
        value,
        attr,
        ctx,
        loc,
    }
    .into()
}

pub fn Subscript(value: Expr, slice: Expr, ctx: ExprContext, loc: Location) -> Expr {
    ExprSubscript {
        value,
        slice,
        ctx,
        loc,
    }
    .into()
}

pub fn Starred(value: Expr, ctx: ExprContext, loc: Location) -> Expr {
    ExprStarred { value, ctx, loc }.into()
}

pub fn Name(id: Identifier, ctx: ExprContext, loc: Location) -> Expr {
    ExprName { id, ctx, loc }.into()
}

pub fn List(elts: Vec<Expr>, ctx: ExprContext, loc: Location) -> Expr {
    ExprList { elts, ctx, loc }.into()
}

pub fn Tuple(elts: Vec<Expr>, ctx: ExprContext, loc: Location) -> Expr {
    ExprTuple { elts, ctx, loc }.into()
}

pub fn Slice(lower: Option<Expr>, upper: Option<Expr>, step: Option<Expr>, loc: Location) -> Expr {
    ExprSlice {
        lower,
        upper,
        step,
        loc,
    }
    .into()
}

pub fn Comprehension(target: Expr, iter: Expr, ifs: Vec<Expr>, is_async: i32) -> Comprehension {
    Comprehension {
        target,
        iter,
        ifs,
        is_async,
    }
}

pub fn ExceptHandler(
    type_: Option<Expr>,
    name: Option<Identifier>,
    body: Vec<Stmt>,
    loc: Location,
) -> ExceptHandler {
    ExceptHandlerExceptHandler {
        type_,
        name,
        body,
        loc,
    }
    .into()
}

pub fn Arguments(
    posonlyargs: Vec<Arg>,
    args: Vec<Arg>,
    vararg: Option<Arg>,
    kwonlyargs: Vec<Arg>,
    kw_defaults: Vec<Option<Expr>>,
    kwarg: Option<Arg>,
    defaults: Vec<Expr>,
) -> Arguments {
    Arguments {
        posonlyargs,
        args,
        vararg: vararg.map(NodeBox::new),
        kwonlyargs,
        kw_defaults,
        kwarg: kwarg.map(NodeBox::new),
        defaults,
    }
}

pub fn Arg(
    arg: Identifier,
    annotation: Option<Expr>,
    type_comment: Option<Box<str>>,
    loc: Location,
) -> Arg {
    Arg {
        arg,
        annotation,
        type_comment,
        loc,
    }
}

pub fn Keyword(arg: Option<Identifier>, value: Expr, loc: Location) -> Keyword {
    Keyword { arg, value, loc }
}

pub fn Alias(name: Identifier, asname: Option<Identifier>, loc: Location) -> Alias {
    Alias { name, asname, loc }
}

pub fn WithItem(context_expr: Expr, optional_vars: Option<Expr>) -> WithItem {
    WithItem {
        context_expr,
        optional_vars,
    }
}

pub fn MatchCase(pattern: Pattern, guard: Option<Expr>, body: Vec<Stmt>) -> MatchCase {
    MatchCase {
        pattern,
        guard,
        body,
    }
}

pub fn MatchValue(value: Expr, loc: Location) -> Pattern {
    PatternMatchValue { value, loc }.into()
}

pub fn MatchSingleton(value: Constant, loc: Location) -> Pattern {
    PatternMatchSingleton { value, loc }.into()
}

pub fn MatchSequence(patterns: Vec<Pattern>, loc: Location) -> Pattern {
    PatternMatchSequence { patterns, loc }.into()
}

pub fn MatchMapping(
    keys: Vec<Expr>,
    patterns: Vec<Pattern>,
    rest: Option<Identifier>,
    loc: Location,
) -> Pattern {
    PatternMatchMapping {
        keys,
        patterns,
        rest,
        loc,
    }
    .into()
}

pub fn MatchClass(
    cls: Expr,
    patterns: Vec<Pattern>,
    kwd_attrs: Vec<Identifier>,
    kwd_patterns: Vec<Pattern>,
    loc: Location,
) -> Pattern {
    PatternMatchClass {
        cls,
        patterns,
        kwd_attrs,
        kwd_patterns,
        loc,
    }
    .into()
}

pub fn MatchStar(name: Option<Identifier>, loc: Location) -> Pattern {
    PatternMatchStar { name, loc }.into()
}

pub fn MatchAs(pattern: Option<Pattern>, name: Option<Identifier>, loc: Location) -> Pattern {
    PatternMatchAs { pattern, name, loc }.into()
}

pub fn MatchOr(patterns: Vec<Pattern>, loc: Location) -> Pattern {
    PatternMatchOr { patterns, loc }.into()
}

pub fn TypeIgnore(lineno: i32, tag: Box<str>) -> TypeIgnore {
    TypeIgnoreTypeIgnore { lineno, tag }.into()
}

pub fn TypeVar(
    name: Identifier,
    bound: Option<Expr>,
    default_value: Option<Expr>,
    loc: Location,
) -> TypeParam {
    TypeParamTypeVar {
        name,
        bound,
        default_value,
        loc,
    }
    .into()
}

pub fn ParamSpec(name: Identifier, default_value: Option<Expr>, loc: Location) -> TypeParam {
    TypeParamParamSpec {
        name,
        default_value,
        loc,
    }
    .into()
}

pub fn TypeVarTuple(name: Identifier, default_value: Option<Expr>, loc: Location) -> TypeParam {
    TypeParamTypeVarTuple {
        name,
        default_value,
        loc,
    }
    .into()
}
