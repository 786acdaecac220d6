//! Port of the AST's `identifier` (a `PyUnicode` name in Python/Python-ast.c).

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A name in the tree (`Name.id`, `FunctionDef.name`, `alias.name`, ...).
///
/// An `Arc<str>`: two words, cloned by a reference-count increment (the symbol table and the
/// compiler copy names a lot), and `Send + Sync` so trees can cross threads. Identifiers are
/// always valid UTF-8 (the tokenizer only accepts such names), unlike `Constant` strings.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Identifier(Arc<str>);

impl Identifier {
    pub fn new(name: &str) -> Self {
        Identifier(Arc::from(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Identifier {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Identifier {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Identifier {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Identifier {
    fn from(name: &str) -> Self {
        Identifier::new(name)
    }
}

impl From<String> for Identifier {
    fn from(name: String) -> Self {
        Identifier(Arc::from(name))
    }
}

impl PartialEq<str> for Identifier {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Identifier {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Debug for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
