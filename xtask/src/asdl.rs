//! Port of Parser/asdl.py: the ASDL lexer and parser (`ASDLParser`), reading `asdl/Python.asdl`.
//!
//! The grammar (Zephyr ASDL as CPython uses it):
//! ```text
//! module      ::= "module" Id ["version" String] "{" definition* "}"
//! definition  ::= TypeId "=" (product | sum)
//! product     ::= fields ["attributes" fields]
//! sum         ::= constructor ("|" constructor)* ["attributes" fields]
//! constructor ::= ConstructorId [fields]
//! fields      ::= "(" field ("," field)* ")"
//! field       ::= TypeId ["?" | "*" | "?*"] Id
//! ```
//! `--` starts a comment that runs to the end of the line. `?*` (a sequence whose elements may be
//! absent) is CPython's spelling for `Dict.keys`.

/// The types ASDL itself provides; every other type must be defined in the module.
pub const BUILTIN_TYPES: [&str; 4] = ["identifier", "string", "int", "constant"];

/// A parsed ASDL module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub name: String,
    pub definitions: Vec<Definition>,
}

/// `name = value`: one type of the module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub name: String,
    pub value: TypeDef,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeDef {
    Sum(Sum),
    Product(Product),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sum {
    pub constructors: Vec<Constructor>,
    pub attributes: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    pub fields: Vec<Field>,
    pub attributes: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constructor {
    pub name: String,
    pub fields: Vec<Field>,
}

/// How many values a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantifier {
    /// Exactly one (`expr value`).
    One,
    /// Zero or one (`expr? value`).
    Optional,
    /// A sequence (`expr* values`).
    Sequence,
    /// A sequence whose elements may be absent (`expr?* keys`).
    OptionalSequence,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub type_name: String,
    pub quantifier: Quantifier,
    pub name: String,
}

impl Field {
    /// The field as ASDL writes it: `expr? returns`.
    pub fn to_asdl(&self) -> String {
        let mark = match self.quantifier {
            Quantifier::One => "",
            Quantifier::Optional => "?",
            Quantifier::Sequence => "*",
            Quantifier::OptionalSequence => "?*",
        };
        format!("{}{} {}", self.type_name, mark, self.name)
    }

    pub fn is_sequence(&self) -> bool {
        matches!(
            self.quantifier,
            Quantifier::Sequence | Quantifier::OptionalSequence
        )
    }
}

impl Sum {
    /// A sum whose constructors carry nothing (`expr_context = Load | Store | Del`): a plain enum.
    pub fn is_simple(&self) -> bool {
        self.attributes.is_empty() && self.constructors.iter().all(|c| c.fields.is_empty())
    }
}

impl Module {
    pub fn definition(&self, name: &str) -> Option<&Definition> {
        self.definitions.iter().find(|d| d.name == name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// An identifier, keyword or type name.
    Name(String),
    /// A double-quoted string (only after `version`).
    Str(String),
    Punct(char),
    /// `?*`, lexed as one token so that `expr ?*` cannot be confused with two marks.
    OptionalSequenceMark,
}

/// A token with the 1-based line it starts on, for error messages.
struct Lexed {
    token: Token,
    line: usize,
}

fn tokenize(source: &str) -> Result<Vec<Lexed>, String> {
    let mut tokens = Vec::new();
    for (index, raw_line) in source.lines().enumerate() {
        let line = index + 1;
        let text = raw_line.split("--").next().unwrap_or("");
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_whitespace() {
                i += 1;
            } else if c.is_ascii_alphabetic() || c == '_' {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let name = chars[start..i].iter().collect();
                tokens.push(Lexed {
                    token: Token::Name(name),
                    line,
                });
            } else if c == '"' {
                let start = i + 1;
                i = start;
                while i < chars.len() && chars[i] != '"' {
                    i += 1;
                }
                if i == chars.len() {
                    return Err(format!("line {line}: unterminated string"));
                }
                let text = chars[start..i].iter().collect();
                tokens.push(Lexed {
                    token: Token::Str(text),
                    line,
                });
                i += 1;
            } else if c == '?' && chars.get(i + 1) == Some(&'*') {
                tokens.push(Lexed {
                    token: Token::OptionalSequenceMark,
                    line,
                });
                i += 2;
            } else if "{}()=|,?*".contains(c) {
                tokens.push(Lexed {
                    token: Token::Punct(c),
                    line,
                });
                i += 1;
            } else {
                return Err(format!("line {line}: unexpected character {c:?}"));
            }
        }
    }
    Ok(tokens)
}

/// Parses ASDL text into a [`Module`] and checks that every field type is defined.
pub fn parse(source: &str) -> Result<Module, String> {
    let tokens = tokenize(source)?;
    let mut parser = Parser { tokens, pos: 0 };
    let module = parser.module()?;
    check_types(&module)?;
    Ok(module)
}

struct Parser {
    tokens: Vec<Lexed>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos).map(|t| &t.token)
    }

    fn error(&self, message: &str) -> String {
        match self.tokens.get(self.pos) {
            Some(t) => format!("line {}: {message}, found {:?}", t.line, t.token),
            None => format!("{message}, found end of input"),
        }
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.pos).map(|t| t.token.clone());
        self.pos += 1;
        token
    }

    fn at_punct(&self, c: char) -> bool {
        self.peek() == Some(&Token::Punct(c))
    }

    fn at_keyword(&self, keyword: &str) -> bool {
        matches!(self.peek(), Some(Token::Name(n)) if n == keyword)
    }

    fn expect_punct(&mut self, c: char) -> Result<(), String> {
        if self.at_punct(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected {c:?}")))
        }
    }

    fn expect_name(&mut self, what: &str) -> Result<String, String> {
        match self.peek() {
            Some(Token::Name(_)) => match self.next() {
                Some(Token::Name(name)) => Ok(name),
                _ => Err(self.error(&format!("expected {what}"))),
            },
            _ => Err(self.error(&format!("expected {what}"))),
        }
    }

    fn module(&mut self) -> Result<Module, String> {
        if !self.at_keyword("module") {
            return Err(self.error("expected \"module\""));
        }
        self.pos += 1;
        let name = self.expect_name("the module name")?;
        if self.at_keyword("version") {
            self.pos += 1;
            match self.next() {
                Some(Token::Str(_)) => {}
                _ => return Err(self.error("expected the version string")),
            }
        }
        self.expect_punct('{')?;
        let mut definitions = Vec::new();
        while !self.at_punct('}') {
            definitions.push(self.definition()?);
        }
        self.pos += 1;
        if self.pos < self.tokens.len() {
            return Err(self.error("expected the end of the file"));
        }
        Ok(Module { name, definitions })
    }

    fn definition(&mut self) -> Result<Definition, String> {
        let name = self.expect_name("a type name")?;
        self.expect_punct('=')?;
        let value = if self.at_punct('(') {
            let fields = self.fields()?;
            let attributes = self.attributes()?;
            TypeDef::Product(Product { fields, attributes })
        } else {
            let mut constructors = vec![self.constructor()?];
            while self.at_punct('|') {
                self.pos += 1;
                constructors.push(self.constructor()?);
            }
            let attributes = self.attributes()?;
            TypeDef::Sum(Sum {
                constructors,
                attributes,
            })
        };
        Ok(Definition { name, value })
    }

    fn constructor(&mut self) -> Result<Constructor, String> {
        let name = self.expect_name("a constructor name")?;
        let fields = if self.at_punct('(') {
            self.fields()?
        } else {
            Vec::new()
        };
        Ok(Constructor { name, fields })
    }

    fn attributes(&mut self) -> Result<Vec<Field>, String> {
        if !self.at_keyword("attributes") {
            return Ok(Vec::new());
        }
        self.pos += 1;
        self.fields()
    }

    fn fields(&mut self) -> Result<Vec<Field>, String> {
        self.expect_punct('(')?;
        let mut fields = vec![self.field()?];
        while self.at_punct(',') {
            self.pos += 1;
            fields.push(self.field()?);
        }
        self.expect_punct(')')?;
        Ok(fields)
    }

    fn field(&mut self) -> Result<Field, String> {
        let type_name = self.expect_name("a field type")?;
        let quantifier = match self.peek() {
            Some(Token::Punct('?')) => Quantifier::Optional,
            Some(Token::Punct('*')) => Quantifier::Sequence,
            Some(Token::OptionalSequenceMark) => Quantifier::OptionalSequence,
            _ => Quantifier::One,
        };
        if quantifier != Quantifier::One {
            self.pos += 1;
        }
        let name = self.expect_name("a field name")?;
        Ok(Field {
            type_name,
            quantifier,
            name,
        })
    }
}

/// Every field type must be a builtin or a type of the module, and names must be unique.
fn check_types(module: &Module) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for def in &module.definitions {
        if !seen.insert(def.name.as_str()) {
            return Err(format!("type {} is defined twice", def.name));
        }
    }
    for def in &module.definitions {
        for field in fields_of(def) {
            let known = BUILTIN_TYPES.contains(&field.type_name.as_str())
                || module.definition(&field.type_name).is_some();
            if !known {
                return Err(format!(
                    "{}: field {} has undefined type {}",
                    def.name, field.name, field.type_name
                ));
            }
        }
    }
    Ok(())
}

/// All fields and attributes of a definition, constructors' fields included.
pub fn fields_of(def: &Definition) -> Vec<&Field> {
    match &def.value {
        TypeDef::Product(p) => p.fields.iter().chain(&p.attributes).collect(),
        TypeDef::Sum(s) => s
            .constructors
            .iter()
            .flat_map(|c| &c.fields)
            .chain(&s.attributes)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sum_product_attributes_and_quantifiers() {
        let module = parse(
            "-- comment\nmodule M version \"1\" {\n a = B(int x, a? y) | C attributes (int z)\n \
             p = (a* xs, a?* ys) attributes (int? w)\n}",
        )
        .unwrap();
        assert_eq!(module.name, "M");
        let TypeDef::Sum(sum) = &module.definitions[0].value else {
            panic!("a should be a sum");
        };
        assert_eq!(sum.constructors[0].name, "B");
        assert_eq!(sum.constructors[0].fields[1].to_asdl(), "a? y");
        assert!(sum.constructors[1].fields.is_empty());
        assert_eq!(sum.attributes[0].to_asdl(), "int z");
        let TypeDef::Product(product) = &module.definitions[1].value else {
            panic!("p should be a product");
        };
        assert_eq!(product.fields[0].quantifier, Quantifier::Sequence);
        assert_eq!(product.fields[1].quantifier, Quantifier::OptionalSequence);
        assert_eq!(product.attributes[0].to_asdl(), "int? w");
    }

    #[test]
    fn rejects_undefined_field_type() {
        let err = parse("module M { a = B(nothing x) }").unwrap_err();
        assert_eq!(err, "a: field x has undefined type nothing");
    }

    #[test]
    fn rejects_missing_field_name() {
        let err = parse("module M { a = B(int) }").unwrap_err();
        assert_eq!(err, "line 1: expected a field name, found Punct(')')");
    }
}
