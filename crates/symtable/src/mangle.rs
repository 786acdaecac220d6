//! Port of Python/symtable.c: _Py_Mangle, _Py_MaybeMangle.

use std::borrow::Cow;
use std::collections::HashSet;

/// `_Py_Mangle`: `__spam` inside class `Ham` is `_Ham__spam`, except dunder names, dotted
/// (import) names, and classes whose name is only underscores.
pub fn mangle<'a>(private: Option<&str>, ident: &'a str) -> Cow<'a, str> {
    let Some(private) = private else {
        return Cow::Borrowed(ident);
    };
    if !ident.starts_with("__") || ident.ends_with("__") || ident.contains('.') {
        return Cow::Borrowed(ident);
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(ident);
    }
    Cow::Owned(format!("_{stripped}{ident}"))
}

/// `_Py_MaybeMangle`: in the type parameter scope of a generic class (whose `mangled_names`
/// is given) only the type parameter names are mangled. See
/// [`crate::SymbolTable::maybe_mangle`].
pub fn maybe_mangle<'a>(
    private: Option<&str>,
    mangled_names: Option<&HashSet<String>>,
    name: &'a str,
) -> Cow<'a, str> {
    if let Some(names) = mangled_names {
        if !names.contains(name) {
            return Cow::Borrowed(name);
        }
    }
    mangle(private, name)
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn mangle_follows_cpython_rules() {
        assert_eq!(mangle(Some("Ham"), "__spam"), "_Ham__spam");
        assert_eq!(mangle(Some("__Ham"), "__spam"), "_Ham__spam");
        assert_eq!(mangle(Some("Ham"), "__init__"), "__init__");
        assert_eq!(mangle(Some("Ham"), "__a.b"), "__a.b");
        assert_eq!(mangle(Some("___"), "__spam"), "__spam");
        assert_eq!(mangle(Some("Ham"), "_spam"), "_spam");
        assert_eq!(mangle(Some("Ham"), "__"), "__");
        assert_eq!(mangle(None, "__spam"), "__spam");
    }
}
