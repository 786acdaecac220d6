//! Port of Parser/action_helpers.c (all but the string helpers, which live in fstring.rs):
//! _PyPegen_make_module, _PyPegen_seq_*, _PyPegen_set_expr_context, _PyPegen_make_arguments,
//! _PyPegen_class_def_decorators, _PyPegen_function_def_decorators, _PyPegen_collect_call_seqs,
//! _PyPegen_seq_extract_starred_exprs, _PyPegen_seq_delete_starred_exprs,
//! _PyPegen_join_names_with_dot, _PyPegen_seq_count_dots, _PyPegen_alias_for_star,
//! _PyPegen_checked_future_import, _PyPegen_check_legacy_stmt, _PyPegen_get_expr_name,
//! _PyPegen_ensure_real, _PyPegen_ensure_imaginary, _PyPegen_check_barry_as_flufl,
//! _PyPegen_nonparen_genexp_in_call, _PyPegen_arguments_parsing_error,
//! _PyPegen_raise_error_for_missing_comma, _PyPegen_get_last_comprehension_item; and the
//! helper structs of Parser/pegen.h (SlashWithDefault, StarEtc, NameDefaultPair, ...).

use pyc_ast::constant::Constant;
use pyc_ast::node_box::{list_with_capacity, recycle_list};
use pyc_ast::{
    Alias, Arg, Arguments, CmpOp, Comprehension, ExceptHandler, Expr, ExprContext, Identifier,
    Keyword, Location, MatchCase, Mod, NodeBox, Pattern, Stmt, TypeParam, WithItem,
};
use pyc_tokenize::ErrorType;

use crate::generated::parser::tk;
use crate::mk;
use crate::pegen::{Dummy, Parser, Tok};

/// `SlashWithDefault`: `a, b=1, /`.
#[derive(Debug, Clone, PartialEq)]
pub struct SlashWithDefault {
    pub plain_names: Vec<Arg>,
    pub names_with_defaults: Vec<NameDefaultPair>,
}

/// `StarEtc`: `*args, kwonly=1, **kwargs`.
#[derive(Debug, Clone, PartialEq)]
pub struct StarEtc {
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<NameDefaultPair>,
    pub kwarg: Option<Arg>,
}

/// `NameDefaultPair`: a parameter and its default.
#[derive(Debug, Clone, PartialEq)]
pub struct NameDefaultPair {
    pub arg: Arg,
    pub value: Option<Expr>,
}

/// `CmpopExprPair`.
#[derive(Debug, Clone, PartialEq)]
pub struct CmpopExprPair {
    pub cmpop: CmpOp,
    pub expr: Expr,
}

/// `KeyValuePair`: a dict item; no key for `**mapping`.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyValuePair {
    pub key: Option<Expr>,
    pub value: Expr,
}

/// `KeyPatternPair`: a mapping or class pattern item.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyPatternPair {
    pub key: Expr,
    pub pattern: Pattern,
}

/// `KeywordOrStarred`: a call argument after the positional ones.
#[derive(Debug, Clone, PartialEq)]
pub enum KeywordOrStarred {
    Keyword(Keyword),
    Starred(Expr),
}

/// The location CPython gives its dummy nodes.
const DUMMY_LOC: Location = Location::new(1, 0, 1, 0);

/// `_PyPegen_dummy_name`.
pub fn dummy_name() -> Expr {
    mk::Name(Identifier::new(""), ExprContext::Load, DUMMY_LOC)
}

macro_rules! dummy_impls {
    ($($t:ty => $e:expr),* $(,)?) => {
        $(impl Dummy for $t {
            fn dummy(_p: &mut Parser<'_>) -> Self {
                $e
            }
        })*
    };
}

fn dummy_arg() -> Arg {
    mk::Arg(Identifier::new(""), None, None, DUMMY_LOC)
}

dummy_impls! {
    Arguments => Arguments::default(),
    Arg => dummy_arg(),
    StarEtc => StarEtc { vararg: None, kwonlyargs: vec![], kwarg: None },
    WithItem => mk::WithItem(dummy_name(), None),
    ExceptHandler => mk::ExceptHandler(None, None, vec![], DUMMY_LOC),
    MatchCase => mk::MatchCase(mk::MatchAs(None, None, DUMMY_LOC), None, vec![]),
    Pattern => mk::MatchAs(None, None, DUMMY_LOC),
    TypeParam => mk::TypeVar(Identifier::new(""), None, None, DUMMY_LOC),
    Alias => mk::Alias(Identifier::new(""), None, DUMMY_LOC),
    Comprehension => mk::Comprehension(dummy_name(), dummy_name(), vec![], 0),
    KeywordOrStarred => KeywordOrStarred::Starred(dummy_name()),
    Mod => mk::Module(vec![], vec![]),
}

impl Dummy for Tok {
    fn dummy(p: &mut Parser<'_>) -> Self {
        match p.last_token().or_else(|| p.tokens.first().copied()) {
            Some(t) => t,
            None => Tok::placeholder_endmarker(),
        }
    }
}

// ----- modules and statement sequences -----

/// `_PyPegen_make_module`: the body plus the `# type: ignore` comments.
pub fn make_module(p: &mut Parser<'_>, body: Vec<Stmt>) -> Mod {
    let type_ignores = p
        .type_ignores
        .iter()
        .map(|(lineno, tag)| mk::TypeIgnore(*lineno, Box::from(tag.as_str())))
        .collect();
    mk::Module(body, type_ignores)
}

/// `_PyPegen_interactive_exit`: end of input in single mode is not a statement.
pub fn interactive_exit(_p: &mut Parser<'_>) -> Option<Vec<Stmt>> {
    None
}

/// What `statement` and `simple_stmts` give (`asdl_stmt_seq*` in C): a compound statement, or
/// the statements of one line. One statement needs no list of its own: `statements` puts it
/// straight into the block's.
pub enum Stmts {
    One(Stmt),
    Many(Vec<Stmt>),
}

impl Stmts {
    pub fn into_vec(self) -> Vec<Stmt> {
        match self {
            Stmts::One(stmt) => vec![stmt],
            Stmts::Many(stmts) => stmts,
        }
    }

    fn len(&self) -> usize {
        match self {
            Stmts::One(_) => 1,
            Stmts::Many(stmts) => stmts.len(),
        }
    }
}

/// `_PyPegen_seq_flatten` of `statement+`, in one list of the final size (a block's list is
/// kept in the tree: no room to spare). The emptied list of lines is kept for the next
/// block's loop (`Parser::loop_vec`): a block then allocates its statements' list alone.
pub fn stmts_flatten(p: &mut Parser<'_>, mut seqs: Vec<Stmts>) -> Vec<Stmt> {
    let mut flat = list_with_capacity(seqs.iter().map(Stmts::len).sum());
    for seq in seqs.drain(..) {
        match seq {
            Stmts::One(stmt) => flat.push(stmt),
            Stmts::Many(stmts) => flat.extend(stmts),
        }
    }
    p.spare_stmts.push(seqs);
    flat
}

/// [`register_stmts`] of one statement.
pub fn register_stmt(p: &mut Parser<'_>, stmt: Stmt) -> Stmt {
    note_last_stmt(p, &stmt);
    stmt
}

/// `_PyPegen_register_stmts`: in the error pass, notes where the last compound statement
/// parsed starts (`p->last_stmt_location`, which becomes `SyntaxError._metadata` and tells
/// traceback where to look for keyword typos); the statements pass through.
pub fn register_stmts(p: &mut Parser<'_>, stmts: Vec<Stmt>) -> Vec<Stmt> {
    if let Some(last) = stmts.last() {
        note_last_stmt(p, last);
    }
    stmts
}

fn note_last_stmt(p: &mut Parser<'_>, last: &Stmt) {
    if p.call_invalid_rules {
        let loc = last.loc();
        if p.last_stmt_location.0 <= loc.lineno {
            p.last_stmt_location = (loc.lineno, loc.col_offset);
        }
    }
}

/// `_PyPegen_seq_insert_in_front`.
pub fn seq_insert_in_front<T>(first: T, rest: Option<Vec<T>>) -> Vec<T> {
    let mut rest = rest.unwrap_or_default();
    // In place when the list collected for `rest` has room for one more; else a list of the
    // exact length (a loop's list is made exact when no more elements were expected).
    if rest.len() < rest.capacity() {
        rest.insert(0, first);
        return rest;
    }
    let mut seq = list_with_capacity(rest.len() + 1);
    seq.push(first);
    seq.append(&mut rest);
    seq
}

/// `_PyPegen_seq_append_to_end`.
pub fn seq_append_to_end<T>(mut seq: Vec<T>, last: T) -> Vec<T> {
    seq.push(last);
    seq
}

/// `_PyPegen_join_sequences`.
pub fn join_sequences<T>(mut a: Vec<T>, b: Vec<T>) -> Vec<T> {
    a.extend(b);
    a
}

/// `CHECK_VERSION`: a construct newer than `feature_version` is an error.
pub fn check_version<T>(p: &mut Parser<'_>, version: i32, msg: &str, node: T) -> Option<T> {
    if p.feature_version < version {
        p.error_indicator = true;
        return p.raise_error(
            ErrorType::SyntaxError,
            false,
            format!("{msg} only supported in Python 3.{version} and greater"),
        );
    }
    Some(node)
}

/// `NEW_TYPE_COMMENT`: the text of a TYPE_COMMENT token.
pub fn new_type_comment(p: &mut Parser<'_>, tc: Option<Tok>) -> Option<Option<Box<str>>> {
    Some(tc.map(|t| Box::from(p.token_text(&t))))
}

// ----- names and contexts -----

/// `a->v.Name.id` for a NAME (or dotted name) expression.
pub fn name_id(e: &Expr) -> Identifier {
    match e {
        Expr::Name(n) => n.id.clone(),
        _ => Identifier::new(""),
    }
}

/// `_PyPegen_map_names_to_ids`.
pub fn map_names_to_ids(names: &[Expr]) -> Vec<Identifier> {
    names.iter().map(name_id).collect()
}

/// `_PyPegen_set_expr_context`: the target's context, recursively through tuples, lists and
/// starred targets.
pub fn set_expr_context(e: Expr, ctx: ExprContext) -> Expr {
    match e {
        Expr::Name(mut n) => {
            n.ctx = ctx;
            Expr::Name(n)
        }
        Expr::Tuple(mut t) => {
            t.elts = std::mem::take(&mut t.elts)
                .into_iter()
                .map(|x| set_expr_context(x, ctx))
                .collect();
            t.ctx = ctx;
            Expr::Tuple(t)
        }
        Expr::List(mut l) => {
            l.elts = std::mem::take(&mut l.elts)
                .into_iter()
                .map(|x| set_expr_context(x, ctx))
                .collect();
            l.ctx = ctx;
            Expr::List(l)
        }
        Expr::Subscript(mut s) => {
            s.ctx = ctx;
            Expr::Subscript(s)
        }
        Expr::Attribute(mut a) => {
            a.ctx = ctx;
            Expr::Attribute(a)
        }
        Expr::Starred(s) => {
            let mut s = NodeBox::into_inner(s);
            s.value = set_expr_context(s.value, ctx);
            s.ctx = ctx;
            Expr::from(s)
        }
        other => other,
    }
}

/// `_PyPegen_join_names_with_dot`.
pub fn join_names_with_dot(first: &Expr, second: &Expr) -> Expr {
    let id = format!("{}.{}", name_id(first), name_id(second));
    let (a, b) = (first.loc(), second.loc());
    mk::Name(
        Identifier::from(id),
        ExprContext::Load,
        Location::new(a.lineno, a.col_offset, b.end_lineno, b.end_col_offset),
    )
}

/// `_PyPegen_seq_count_dots`: the level of a relative import.
pub fn seq_count_dots(dots: &[Tok]) -> i32 {
    dots.iter()
        .map(|t| if t.kind == tk::ELLIPSIS { 3 } else { 1 })
        .sum()
}

/// `_PyPegen_alias_for_star`.
pub fn alias_for_star(loc: Location) -> Alias {
    mk::Alias(Identifier::new("*"), None, loc)
}

/// `_PyPegen_checked_future_import`: `from __future__ import barry_as_FLUFL` turns `<>` on.
pub fn checked_future_import(
    p: &mut Parser<'_>,
    module: Identifier,
    names: Vec<Alias>,
    level: i32,
    loc: Location,
) -> Option<Stmt> {
    if level == 0 && &*module == "__future__" && names.iter().any(|a| &*a.name == "barry_as_FLUFL")
    {
        p.flags.barry_as_flufl = true;
    }
    Some(mk::ImportFrom(Some(module), names, Some(level), loc))
}

/// `_PyPegen_check_legacy_stmt`: `print` and `exec` statements of Python 2.
pub fn check_legacy_stmt(_p: &mut Parser<'_>, name: &Expr) -> bool {
    matches!(name, Expr::Name(n) if matches!(&*n.id, "print" | "exec"))
}

/// `_PyPegen_check_barry_as_flufl`: true when the `!=` / `<>` token must be rejected.
pub fn check_barry_as_flufl(p: &mut Parser<'_>, t: &Tok) -> bool {
    let text = p.token_text(t);
    if p.flags.barry_as_flufl && text != "<>" {
        p.raise_error::<()>(
            ErrorType::SyntaxError,
            false,
            "with Barry as BDFL, use '<>' instead of '!='".into(),
        );
        return true;
    }
    !p.flags.barry_as_flufl && text != "!="
}

/// `_PyPegen_get_expr_name`: how error messages name an expression.
pub fn get_expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::GeneratorExp(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "f-string expression",
        Expr::TemplateStr(_) | Expr::Interpolation(_) => "t-string expression",
        Expr::Constant(c) => match c.value {
            Constant::None => "None",
            Constant::Bool(false) => "False",
            Constant::Bool(true) => "True",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Expr::Compare(_) => "comparison",
        Expr::IfExp(_) => "conditional expression",
        Expr::NamedExpr(_) => "named expression",
        Expr::Slice(_) => "slice",
    }
}

// ----- definitions -----

/// `_PyPegen_class_def_decorators`: the class keeps its own location.
pub fn class_def_decorators(decorators: Vec<Expr>, class_def: Stmt) -> Stmt {
    match class_def {
        Stmt::ClassDef(mut c) => {
            c.decorator_list = decorators;
            Stmt::ClassDef(c)
        }
        other => other,
    }
}

/// `_PyPegen_function_def_decorators`.
pub fn function_def_decorators(decorators: Vec<Expr>, function_def: Stmt) -> Stmt {
    match function_def {
        Stmt::FunctionDef(mut f) => {
            f.decorator_list = decorators;
            Stmt::FunctionDef(f)
        }
        Stmt::AsyncFunctionDef(mut f) => {
            f.decorator_list = decorators;
            Stmt::AsyncFunctionDef(f)
        }
        other => other,
    }
}

/// `_PyPegen_empty_arguments`.
pub fn empty_arguments() -> Arguments {
    Arguments::default()
}

/// `_PyPegen_add_type_comment_to_arg`.
pub fn add_type_comment_to_arg(p: &mut Parser<'_>, mut arg: Arg, tc: Option<Tok>) -> Option<Arg> {
    if let Some(t) = tc {
        arg.type_comment = Some(Box::from(p.token_text(&t)));
    }
    Some(arg)
}

/// `_PyPegen_name_default_pair`.
pub fn name_default_pair(
    p: &mut Parser<'_>,
    arg: Arg,
    value: Option<Expr>,
    tc: Option<Tok>,
) -> Option<NameDefaultPair> {
    let arg = add_type_comment_to_arg(p, arg, tc)?;
    Some(NameDefaultPair { arg, value })
}

/// `_PyPegen_make_arguments` (with `_make_posonlyargs`, `_make_posargs`, `_make_posdefaults`
/// and `_make_kwargs`).
pub fn make_arguments(
    slash_without_default: Option<Vec<Arg>>,
    slash_with_default: Option<SlashWithDefault>,
    plain_names: Option<Vec<Arg>>,
    names_with_default: Option<Vec<NameDefaultPair>>,
    star_etc: Option<StarEtc>,
) -> Arguments {
    // The lists are kept in the tree: each made to its size, at most once.
    let slash_defaults = slash_with_default
        .as_ref()
        .map_or(0, |swd| swd.names_with_defaults.len());
    let names_with_default = names_with_default.unwrap_or_default();
    let mut posdefaults = list_with_capacity(slash_defaults + names_with_default.len());
    let mut posonlyargs = Vec::new();
    if let Some(names) = slash_without_default {
        posonlyargs = names;
    } else if let Some(swd) = slash_with_default {
        posonlyargs = swd.plain_names;
        posonlyargs.reserve_exact(slash_defaults);
        for pair in swd.names_with_defaults {
            posonlyargs.push(pair.arg);
            posdefaults.extend(pair.value);
        }
    }
    let mut posargs = plain_names.unwrap_or_default();
    posargs.reserve_exact(names_with_default.len());
    for pair in names_with_default {
        posargs.push(pair.arg);
        posdefaults.extend(pair.value);
    }
    let (vararg, kwonly, kwarg) = match star_etc {
        Some(se) => (se.vararg, se.kwonlyargs, se.kwarg),
        None => (None, Vec::new(), None),
    };
    let mut kwonlyargs = list_with_capacity(kwonly.len());
    let mut kw_defaults = list_with_capacity(kwonly.len());
    for pair in kwonly {
        kwonlyargs.push(pair.arg);
        kw_defaults.push(pair.value);
    }
    mk::Arguments(
        posonlyargs,
        posargs,
        vararg,
        kwonlyargs,
        kw_defaults,
        kwarg,
        posdefaults,
    )
}

// ----- calls -----

/// The `func` of the `args` rule's dummy call (`_PyPegen_dummy_name`, one object for the whole
/// process in CPython): the one the last call taken apart gave back, else a new one. A call
/// with arguments then costs one node, not three.
fn dummy_func(p: &mut Parser<'_>) -> Expr {
    p.spare_dummy_func.take().unwrap_or_else(dummy_name)
}

/// `_PyAST_Call(func, b->v.Call.args, b->v.Call.keywords, EXTRA)` for the `arguments` rule's
/// dummy call `b`: the dummy's node becomes the call, its arguments already in place, and its
/// dummy function is kept for the next `args`.
pub fn call_from_arguments(
    p: &mut Parser<'_>,
    func: Expr,
    arguments: Option<Expr>,
    loc: Location,
) -> Expr {
    match arguments {
        Some(Expr::Call(mut call)) => {
            let dummy = std::mem::replace(&mut call.func, func);
            p.spare_dummy_func = Some(dummy);
            call.loc = loc;
            Expr::Call(call)
        }
        _ => mk::Call(func, Vec::new(), Vec::new(), loc),
    }
}

/// `b->v.Call.args`, `b->v.Call.keywords` of the `args` rule's dummy call (empty when absent);
/// its dummy function is kept for the next `args`.
pub fn call_parts(p: &mut Parser<'_>, call: Option<Expr>) -> (Vec<Expr>, Vec<Keyword>) {
    match call {
        Some(Expr::Call(c)) => {
            let c = NodeBox::into_inner(c);
            p.spare_dummy_func = Some(c.func);
            (c.args, c.keywords)
        }
        _ => (Vec::new(), Vec::new()),
    }
}

/// `_PyPegen_seq_extract_starred_exprs` and `_PyPegen_seq_delete_starred_exprs` together.
pub fn split_keywords_or_starred(items: Vec<KeywordOrStarred>) -> (Vec<Expr>, Vec<Keyword>) {
    let mut starred = Vec::new();
    let mut keywords = Vec::new();
    for item in items {
        match item {
            KeywordOrStarred::Keyword(k) => keywords.push(k),
            KeywordOrStarred::Starred(e) => starred.push(e),
        }
    }
    (starred, keywords)
}

/// `_PyPegen_collect_call_seqs`: positional arguments, then the starred ones among the
/// keywords.
pub fn collect_call_seqs(
    p: &mut Parser<'_>,
    args: Vec<Expr>,
    rest: Option<Vec<KeywordOrStarred>>,
    loc: Location,
) -> Expr {
    let Some(rest) = rest else {
        return mk::Call(dummy_func(p), args, Vec::new(), loc);
    };
    let (starred, keywords) = split_keywords_or_starred(rest);
    let mut all = args;
    all.extend(starred);
    mk::Call(dummy_func(p), all, keywords, loc)
}

/// The `args` rule's dummy call for keyword arguments only (`_PyPegen_seq_extract_starred_exprs`
/// and `_PyPegen_seq_delete_starred_exprs` under a `_PyPegen_dummy_name` call).
pub fn call_of_keywords(p: &mut Parser<'_>, items: Vec<KeywordOrStarred>, loc: Location) -> Expr {
    let (args, keywords) = split_keywords_or_starred(items);
    mk::Call(dummy_func(p), args, keywords, loc)
}

/// `_PyPegen_get_cmpops` and `_PyPegen_get_exprs` together.
pub fn split_cmpop_expr_pairs(mut pairs: Vec<CmpopExprPair>) -> (Vec<CmpOp>, Vec<Expr>) {
    let ops = pairs.iter().map(|p| p.cmpop).collect();
    let mut comparators = list_with_capacity(pairs.len());
    comparators.extend(pairs.drain(..).map(|p| p.expr));
    // The pairs' buffer goes to the pool, for the next comparison's pairs.
    recycle_list(&mut pairs);
    (ops, comparators)
}

/// `_PyPegen_get_keys` and `_PyPegen_get_values` together.
pub fn split_key_value_pairs(pairs: Vec<KeyValuePair>) -> (Vec<Option<Expr>>, Vec<Expr>) {
    pairs.into_iter().map(|p| (p.key, p.value)).unzip()
}

/// `_PyPegen_get_pattern_keys` and `_PyPegen_get_patterns` together.
pub fn split_key_pattern_pairs(pairs: Vec<KeyPatternPair>) -> (Vec<Expr>, Vec<Pattern>) {
    pairs.into_iter().map(|p| (p.key, p.pattern)).unzip()
}

// ----- patterns -----

fn is_complex_constant(e: &Expr) -> Option<bool> {
    match e {
        Expr::Constant(c) => Some(matches!(c.value, Constant::Complex { .. })),
        _ => None,
    }
}

/// `_PyPegen_ensure_real`.
pub fn ensure_real(p: &mut Parser<'_>, e: Expr) -> Option<Expr> {
    if is_complex_constant(&e) != Some(false) {
        return p.raise_error_known_location_at(
            &e.loc(),
            "real number required in complex literal".into(),
        );
    }
    Some(e)
}

/// `_PyPegen_ensure_imaginary`.
pub fn ensure_imaginary(p: &mut Parser<'_>, e: Expr) -> Option<Expr> {
    if is_complex_constant(&e) != Some(true) {
        return p.raise_error_known_location_at(
            &e.loc(),
            "imaginary number required in complex literal".into(),
        );
    }
    Some(e)
}

// ----- error helpers -----

/// `_PyPegen_get_last_comprehension_item`.
pub fn get_last_comprehension_item(c: &Comprehension) -> &Expr {
    c.ifs.last().unwrap_or(&c.iter)
}

/// `_PyPegen_nonparen_genexp_in_call`.
pub fn nonparen_genexp_in_call(
    p: &mut Parser<'_>,
    args: &Expr,
    comprehensions: &[Comprehension],
) -> Option<()> {
    let Expr::Call(call) = args else { return None };
    if call.args.len() <= 1 {
        return None;
    }
    let last_arg = call.args.last()?.loc();
    let last_item = get_last_comprehension_item(comprehensions.last()?).loc();
    let loc = Location::new(
        last_arg.lineno,
        last_arg.col_offset,
        last_item.end_lineno,
        last_item.end_col_offset,
    );
    p.raise_error_known_location_at(&loc, "Generator expression must be parenthesized".into())
}

/// `_PyPegen_arguments_parsing_error`.
pub fn arguments_parsing_error(p: &mut Parser<'_>, e: &Expr) -> Option<()> {
    let keyword_unpacking =
        matches!(e, Expr::Call(c) if c.keywords.iter().any(|k| k.arg.is_none()));
    let msg = if keyword_unpacking {
        "positional argument follows keyword argument unpacking"
    } else {
        "positional argument follows keyword argument"
    };
    p.raise_error(ErrorType::SyntaxError, false, msg.into())
}

/// `_PyPegen_raise_error_for_missing_comma`: "Perhaps you forgot a comma?" inside brackets.
pub fn raise_error_for_missing_comma(p: &mut Parser<'_>, a: &Expr, b: &Expr) -> Option<()> {
    if check_legacy_stmt(p, a) {
        return None;
    }
    // `p->tokens[p->mark - 1]->level`.
    let level = p.mark.checked_sub(1).map_or(0, |i| p.level_after(i));
    if level == 0 {
        return None;
    }
    let (la, lb) = (a.loc(), b.loc());
    let loc = Location::new(la.lineno, la.col_offset, lb.end_lineno, lb.end_col_offset);
    p.raise_error_known_location_at(&loc, "invalid syntax. Perhaps you forgot a comma?".into())
}
