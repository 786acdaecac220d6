//! The ASDL agrees with the oracle's `ast` classes, and the checked-in generated code is fresh.

use super::*;
use crate::asdl::{Sum, TypeDef};
use serde_json::Value;
use std::collections::BTreeMap;

fn root() -> PathBuf {
    workspace_root()
}

fn module() -> Module {
    let source = std::fs::read_to_string(root().join(ASDL_PATH)).unwrap();
    asdl::parse(&source).unwrap()
}

/// What `ast` says about one class, as `asdl/capture_classes.py` recorded it.
#[derive(Debug, PartialEq)]
struct ClassInfo {
    base: String,
    fields: Vec<String>,
    field_types: BTreeMap<String, String>,
    attributes: Vec<String>,
    class_default_none: Vec<String>,
    doc: String,
}

fn oracle_classes() -> BTreeMap<String, ClassInfo> {
    let text = std::fs::read_to_string(root().join("asdl/oracle_classes.json")).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["version"], "3.14.2");
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    let mut classes = BTreeMap::new();
    for class in json["classes"].as_array().unwrap() {
        let field_types = class["field_types"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect();
        let info = ClassInfo {
            base: class["base"].as_str().unwrap().to_string(),
            fields: strings(&class["fields"]),
            field_types,
            attributes: strings(&class["attributes"]),
            class_default_none: strings(&class["class_default_none"]),
            doc: class["doc"].as_str().unwrap().to_string(),
        };
        classes.insert(class["name"].as_str().unwrap().to_string(), info);
    }
    classes
}

/// The `_field_types` entry `ast` derives from an ASDL field: `expr | None`, `list[expr]`.
fn python_field_type(field: &Field) -> String {
    let base = match field.type_name.as_str() {
        "identifier" | "string" => "str",
        "constant" => "object",
        other => other,
    };
    match field.quantifier {
        Quantifier::One => base.to_string(),
        Quantifier::Optional => format!("{base} | None"),
        Quantifier::Sequence | Quantifier::OptionalSequence => format!("list[{base}]"),
    }
}

/// The one place our ASDL knowingly differs from CPython's text: `arguments.kw_defaults` holds
/// None entries, which CPython's `expr*` does not say.
fn cpython_spelling(field: &Field) -> Field {
    let mut field = field.clone();
    if field.name == "kw_defaults" && field.quantifier == Quantifier::OptionalSequence {
        field.quantifier = Quantifier::Sequence;
    }
    field
}

fn class_info(base: &str, fields: &[Field], attributes: &[Field], doc: String) -> ClassInfo {
    let names = |fs: &[Field]| fs.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
    ClassInfo {
        base: base.to_string(),
        fields: names(fields),
        field_types: fields
            .iter()
            .map(|f| (f.name.clone(), python_field_type(f)))
            .collect(),
        attributes: names(attributes),
        class_default_none: fields
            .iter()
            .chain(attributes)
            .filter(|f| f.quantifier == Quantifier::Optional)
            .map(|f| f.name.clone())
            .collect(),
        doc,
    }
}

/// `stmt = FunctionDef(...)\n     | AsyncFunctionDef(...)`: how CPython documents a sum; a
/// simple sum stays on one line (`expr_context = Load | Store | Del`).
fn sum_doc(name: &str, sum: &Sum) -> String {
    let ctors: Vec<String> = sum
        .constructors
        .iter()
        .map(|c| {
            signature(
                &c.name,
                &c.fields.iter().map(cpython_spelling).collect::<Vec<_>>(),
            )
        })
        .collect();
    if sum.is_simple() {
        return format!("{name} = {}", ctors.join(" | "));
    }
    let pad = " ".repeat(name.len() + 1);
    format!("{name} = {}", ctors.join(&format!("\n{pad}| ")))
}

fn asdl_classes(module: &Module) -> BTreeMap<String, ClassInfo> {
    let mut classes = BTreeMap::new();
    for def in &module.definitions {
        match &def.value {
            TypeDef::Product(p) => {
                let doc_fields: Vec<Field> = p.fields.iter().map(cpython_spelling).collect();
                let doc = signature(&def.name, &doc_fields);
                classes.insert(
                    def.name.clone(),
                    class_info("AST", &p.fields, &p.attributes, doc),
                );
            }
            TypeDef::Sum(sum) => {
                let doc = sum_doc(&def.name, sum);
                classes.insert(
                    def.name.clone(),
                    class_info("AST", &[], &sum.attributes, doc),
                );
                for ctor in &sum.constructors {
                    let doc = signature(&ctor.name, &ctor.fields);
                    let info = class_info(&def.name, &ctor.fields, &sum.attributes, doc);
                    classes.insert(ctor.name.clone(), info);
                }
            }
        }
    }
    classes
}

#[test]
fn asdl_describes_every_oracle_class_exactly() {
    let oracle = oracle_classes();
    let ours = asdl_classes(&module());
    let oracle_names: Vec<&String> = oracle.keys().collect();
    let our_names: Vec<&String> = ours.keys().collect();
    assert_eq!(our_names, oracle_names);
    for (name, info) in &oracle {
        assert_eq!(&ours[name], info, "class {name}");
    }
}

#[test]
fn generated_files_are_fresh() {
    let files = generate_from_disk(&root()).unwrap();
    let dir = root().join(OUTPUT_DIR);
    for (name, expected) in files {
        let actual = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            actual == expected,
            "{OUTPUT_DIR}/{name} is stale: run `cargo xtask regen-ast`"
        );
    }
}

#[test]
fn names_follow_architecture_md() {
    assert_eq!(type_name("expr_context"), "ExprContext");
    assert_eq!(type_name("excepthandler"), "ExceptHandler");
    assert_eq!(type_name("match_case"), "MatchCase");
    assert_eq!(snake_name("withitem"), "with_item");
    assert_eq!(field_name("type"), "type_");
}

#[test]
fn field_named_like_a_generator_local_is_rejected() {
    let module = asdl::parse("module M { a = B(int loc) attributes (int lineno) }").unwrap();
    let err = generate(&module).unwrap_err();
    assert_eq!(err, "a: field name loc is reserved by the generator");
}
