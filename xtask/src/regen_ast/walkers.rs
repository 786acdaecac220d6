//! Port of Lib/ast.py: NodeVisitor, NodeTransformer (→ visitor.rs, transformer.rs), and
//! drop_deep.rs, which drops a tree without recursion.

use super::{field_name, snake_name, type_name, Model, Shape, HEADER};
use crate::asdl::{self, Constructor, Definition, Field, Quantifier, TypeDef};
use std::fmt::Write as _;

impl Model<'_> {
    pub(super) fn visitor_rs(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{HEADER}");
        out.push_str(
            "//! Port of Lib/ast.py's `NodeVisitor`: a read-only visitor whose `visit_*` methods recurse\n\
             //! through `walk_*` by default, children in field order. The recursion is as deep as the\n\
             //! tree: a stage that must survive any depth counts levels itself, as CPython's do.\n\n\
             #![allow(unused_variables)]\n\n\
             use super::nodes::*;\n\n\
             /// Override the `visit_*` methods of the node kinds you care about; call the matching\n\
             /// `walk_*` from an override to keep descending.\n\
             pub trait Visitor<'a> {\n",
        );
        for def in self.node_definitions() {
            let stem = snake_name(&def.name);
            let ty = type_name(&def.name);
            if self.shape(&def.name) == Shape::Simple {
                let _ = writeln!(out, "    fn visit_{stem}(&mut self, node: {ty}) {{}}");
            } else {
                let _ = writeln!(
                    out,
                    "    fn visit_{stem}(&mut self, node: &'a {ty}) {{\n        walk_{stem}(self, node);\n    }}"
                );
            }
        }
        out.push_str("}\n");
        for def in self.node_definitions() {
            if self.shape(&def.name) == Shape::Simple {
                continue;
            }
            let stem = snake_name(&def.name);
            let ty = type_name(&def.name);
            let _ = writeln!(
                out,
                "\npub fn walk_{stem}<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, node: &'a {ty}) {{"
            );
            match &def.value {
                TypeDef::Product(product) => {
                    for field in &product.fields {
                        self.visit_field(&mut out, "    ", "node", field);
                    }
                }
                TypeDef::Sum(sum) => {
                    out.push_str("    match node {\n");
                    for ctor in &sum.constructors {
                        self.visit_constructor(&mut out, &ty, ctor);
                    }
                    out.push_str("    }\n");
                }
            }
            out.push_str("}\n");
        }
        out
    }

    fn visit_constructor(&self, out: &mut String, sum: &str, ctor: &Constructor) {
        let visited: Vec<&Field> = ctor
            .fields
            .iter()
            .filter(|f| self.shape(&f.type_name) != Shape::Builtin)
            .collect();
        if visited.is_empty() {
            let _ = writeln!(out, "        {sum}::{}(_) => {{}}", ctor.name);
            return;
        }
        let _ = writeln!(out, "        {sum}::{}(node) => {{", ctor.name);
        for field in visited {
            self.visit_field(out, "            ", "node", field);
        }
        out.push_str("        }\n");
    }

    fn visit_field(&self, out: &mut String, pad: &str, owner: &str, field: &Field) {
        let shape = self.shape(&field.type_name);
        if shape == Shape::Builtin {
            return;
        }
        let stem = snake_name(&field.type_name);
        let name = field_name(&field.name);
        let call = |value: &str| {
            if shape == Shape::Simple {
                format!("visitor.visit_{stem}(*{value})")
            } else {
                format!("visitor.visit_{stem}({value})")
            }
        };
        let line = match field.quantifier {
            Quantifier::One if shape == Shape::Simple => {
                format!("visitor.visit_{stem}({owner}.{name});")
            }
            Quantifier::One => format!("{};", call(&format!("&{owner}.{name}"))),
            Quantifier::Optional => format!(
                "if let Some(value) = &{owner}.{name} {{\n{pad}    {};\n{pad}}}",
                call("value")
            ),
            Quantifier::Sequence => format!(
                "for value in &{owner}.{name} {{\n{pad}    {};\n{pad}}}",
                call("value")
            ),
            Quantifier::OptionalSequence => format!(
                "for value in {owner}.{name}.iter().flatten() {{\n{pad}    {};\n{pad}}}",
                call("value")
            ),
        };
        let _ = writeln!(out, "{pad}{line}");
    }

    pub(super) fn transformer_rs(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{HEADER}");
        out.push_str(
            "//! Port of Lib/ast.py's `NodeTransformer`: each `visit_*` takes a node by value and returns\n\
             //! its replacement. Kinds that only ever sit in lists or optional fields (`Stmt`, `Keyword`,\n\
             //! `Arg`, ...) return `Option`: `None` removes the node. Kinds that fill required fields\n\
             //! (`Expr`, `Pattern`, `Arguments`, `Mod`) must return a node.\n\n\
             #![allow(unused_variables)]\n\n\
             use super::nodes::*;\n\
             use crate::NodeBox;\n\n\
             pub trait Transformer {\n",
        );
        for def in self.node_definitions() {
            let stem = snake_name(&def.name);
            let ty = type_name(&def.name);
            if self.shape(&def.name) == Shape::Simple {
                let _ = writeln!(
                    out,
                    "    fn visit_{stem}(&mut self, node: {ty}) -> {ty} {{\n        node\n    }}"
                );
            } else if self.is_required_somewhere(&def.name) {
                let _ = writeln!(
                    out,
                    "    fn visit_{stem}(&mut self, node: {ty}) -> {ty} {{\n        walk_{stem}(self, node)\n    }}"
                );
            } else {
                let _ = writeln!(
                    out,
                    "    fn visit_{stem}(&mut self, node: {ty}) -> Option<{ty}> {{\n        Some(walk_{stem}(self, node))\n    }}"
                );
            }
        }
        out.push_str("}\n");
        for def in self.node_definitions() {
            if self.shape(&def.name) == Shape::Simple {
                continue;
            }
            let stem = snake_name(&def.name);
            let ty = type_name(&def.name);
            let _ = writeln!(
                out,
                "\n/// Transforms the children of `node`, keeping the node itself.\n\
                 pub fn walk_{stem}<T: Transformer + ?Sized>(transformer: &mut T, node: {ty}) -> {ty} {{"
            );
            match &def.value {
                TypeDef::Product(product) => {
                    let has_loc = !product.attributes.is_empty();
                    self.rebuild(&mut out, "    ", &ty, &ty, &product.fields, has_loc, false);
                }
                TypeDef::Sum(sum) => {
                    let has_loc = !sum.attributes.is_empty();
                    out.push_str("    match node {\n");
                    for ctor in &sum.constructors {
                        let _ = writeln!(out, "        {ty}::{}(node) => {{", ctor.name);
                        let struct_name = format!("{ty}{}", ctor.name);
                        self.rebuild(
                            &mut out,
                            "            ",
                            &struct_name,
                            &format!("{ty}::{}", ctor.name),
                            &ctor.fields,
                            has_loc,
                            true,
                        );
                        out.push_str("        }\n");
                    }
                    out.push_str("    }\n");
                }
            }
            out.push_str("}\n");
        }
        out
    }

    /// Emits: destructure `node`, transform each field, rebuild (re-boxing for sum variants).
    #[allow(clippy::too_many_arguments)]
    fn rebuild(
        &self,
        out: &mut String,
        pad: &str,
        struct_name: &str,
        wrap: &str,
        fields: &[Field],
        has_loc: bool,
        boxed: bool,
    ) {
        let mut names: Vec<String> = fields.iter().map(|f| field_name(&f.name)).collect();
        if has_loc {
            names.insert(0, "loc".to_string());
        }
        let deref = if boxed {
            "NodeBox::into_inner(node)"
        } else {
            "node"
        };
        if names.is_empty() {
            let _ = writeln!(out, "{pad}let {struct_name} {{}} = {deref};");
        } else {
            let _ = writeln!(
                out,
                "{pad}let {struct_name} {{ {} }} = {deref};",
                names.join(", ")
            );
        }
        let mut inits = Vec::new();
        if has_loc {
            inits.push("loc".to_string());
        }
        for field in fields {
            let name = field_name(&field.name);
            let value = self.transform_expr(field);
            inits.push(if value == name {
                name
            } else {
                format!("{name}: {value}")
            });
        }
        let body = if inits.is_empty() {
            format!("{struct_name} {{}}")
        } else {
            let inner = format!("{pad}    ");
            let lines: Vec<String> = inits.iter().map(|i| format!("{inner}{i},\n")).collect();
            format!("{struct_name} {{\n{}{pad}}}", lines.concat())
        };
        if boxed {
            let _ = writeln!(out, "{pad}{wrap}(NodeBox::new({body}))");
        } else if wrap != struct_name {
            let _ = writeln!(out, "{pad}{wrap}({body})");
        } else {
            let _ = writeln!(out, "{pad}{body}");
        }
    }

    /// The expression that transforms one field's value (bound to a variable of the field's name).
    fn transform_expr(&self, field: &Field) -> String {
        let name = field_name(&field.name);
        let shape = self.shape(&field.type_name);
        if shape == Shape::Builtin {
            return name;
        }
        let stem = snake_name(&field.type_name);
        let removable = shape != Shape::Simple && !self.is_required_somewhere(&field.type_name);
        let product = shape == Shape::Product;
        match field.quantifier {
            Quantifier::One if product => format!("NodeBox::new(transformer.visit_{stem}(NodeBox::into_inner({name})))"),
            Quantifier::One => format!("transformer.visit_{stem}({name})"),
            Quantifier::Optional => match (product, removable) {
                (true, true) => {
                    format!("{name}.and_then(|value| transformer.visit_{stem}(NodeBox::into_inner(value))).map(NodeBox::new)")
                }
                (true, false) => {
                    format!("{name}.map(|value| NodeBox::new(transformer.visit_{stem}(NodeBox::into_inner(value))))")
                }
                (false, true) => format!("{name}.and_then(|value| transformer.visit_{stem}(value))"),
                (false, false) => format!("{name}.map(|value| transformer.visit_{stem}(value))"),
            },
            Quantifier::Sequence if removable => format!(
                "{name}.into_iter().filter_map(|value| transformer.visit_{stem}(value)).collect()"
            ),
            Quantifier::Sequence => {
                format!("{name}.into_iter().map(|value| transformer.visit_{stem}(value)).collect()")
            }
            Quantifier::OptionalSequence if removable => format!(
                "{name}.into_iter().map(|value| value.and_then(|value| transformer.visit_{stem}(value))).collect()"
            ),
            Quantifier::OptionalSequence => format!(
                "{name}.into_iter().map(|value| value.map(|value| transformer.visit_{stem}(value))).collect()"
            ),
        }
    }

    pub(super) fn drop_deep_rs(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{HEADER}");
        out.push_str(
            "//! Dropping a tree without recursion. Rust's own drop recurses once per level, so a tree\n\
             //! as deep as a long `a + b + ... + z` chain (CPython's parser builds those for any length)\n\
             //! would overflow the stack; `drop_deep` takes nodes apart with a heap stack instead.\n\n\
             #![allow(unused_variables)]\n\n\
             use super::nodes::*;\n\
             use crate::NodeBox;\n\n\
             /// Any node kind that can contain other nodes, waiting to be taken apart.\n\
             pub enum Deferred {\n",
        );
        let kinds: Vec<&Definition> = self
            .node_definitions()
            .filter(|d| self.shape(&d.name) != Shape::Simple)
            .collect();
        for def in &kinds {
            let _ = writeln!(out, "    {0}({0}),", type_name(&def.name));
        }
        out.push_str("}\n");
        for def in &kinds {
            let _ = writeln!(
                out,
                "\nimpl From<{0}> for Deferred {{\n    fn from(node: {0}) -> Self {{\n        Deferred::{0}(node)\n    }}\n}}",
                type_name(&def.name)
            );
        }
        out.push_str(
            "\n/// Drops `node` and everything under it using heap memory, whatever the depth.\n\
             pub fn drop_deep(node: impl Into<Deferred>) {\n\
             \x20   let mut stack = vec![node.into()];\n\
             \x20   while let Some(node) = stack.pop() {\n\
             \x20       node.dismantle(&mut stack);\n\
             \x20   }\n\
             }\n\n\
             impl Deferred {\n\
             \x20   /// Moves the node's children onto `stack` and drops what is left, which is shallow.\n\
             \x20   fn dismantle(self, stack: &mut Vec<Deferred>) {\n\
             \x20       match self {\n",
        );
        let holds_nodes = |def: &Definition| {
            asdl::fields_of(def)
                .iter()
                .any(|f| !matches!(self.shape(&f.type_name), Shape::Builtin | Shape::Simple))
        };
        for def in &kinds {
            if holds_nodes(def) {
                let _ = writeln!(
                    out,
                    "            Deferred::{}(node) => dismantle_{}(node, stack),",
                    type_name(&def.name),
                    snake_name(&def.name)
                );
            } else {
                let _ = writeln!(
                    out,
                    "            Deferred::{}(_) => {{}}",
                    type_name(&def.name)
                );
            }
        }
        out.push_str("        }\n    }\n}\n");
        for def in kinds.iter().filter(|def| holds_nodes(def)) {
            let ty = type_name(&def.name);
            let _ = writeln!(
                out,
                "\nfn dismantle_{}(node: {ty}, stack: &mut Vec<Deferred>) {{",
                snake_name(&def.name)
            );
            match &def.value {
                TypeDef::Product(product) => {
                    self.dismantle_fields(&mut out, "    ", &ty, &product.fields, "node");
                }
                TypeDef::Sum(sum) => {
                    out.push_str("    match node {\n");
                    for ctor in &sum.constructors {
                        let _ = writeln!(out, "        {ty}::{}(node) => {{", ctor.name);
                        let struct_name = format!("{ty}{}", ctor.name);
                        let source = "NodeBox::into_inner(node)";
                        self.dismantle_fields(
                            &mut out,
                            "            ",
                            &struct_name,
                            &ctor.fields,
                            source,
                        );
                        out.push_str("        }\n");
                    }
                    out.push_str("    }\n");
                }
            }
            out.push_str("}\n");
        }
        out
    }

    /// Emits: destructure the struct, push every node-valued field onto `stack`.
    fn dismantle_fields(
        &self,
        out: &mut String,
        pad: &str,
        ty: &str,
        fields: &[Field],
        value: &str,
    ) {
        let nested: Vec<&Field> = fields
            .iter()
            .filter(|f| !matches!(self.shape(&f.type_name), Shape::Builtin | Shape::Simple))
            .collect();
        if nested.is_empty() {
            let _ = writeln!(out, "{pad}let _ = {value};");
            return;
        }
        let names: Vec<String> = nested.iter().map(|f| field_name(&f.name)).collect();
        let _ = writeln!(
            out,
            "{pad}let {ty} {{ {}, .. }} = {value};",
            names.join(", ")
        );
        for field in nested {
            let name = field_name(&field.name);
            let product = self.shape(&field.type_name) == Shape::Product;
            let line = match field.quantifier {
                Quantifier::One if product => {
                    format!("stack.push(Deferred::from(NodeBox::into_inner({name})));")
                }
                Quantifier::One => format!("stack.push(Deferred::from({name}));"),
                Quantifier::Optional if product => {
                    format!("stack.extend({name}.map(|value| Deferred::from(NodeBox::into_inner(value))));")
                }
                Quantifier::Optional => format!("stack.extend({name}.map(Deferred::from));"),
                Quantifier::Sequence => {
                    format!("stack.extend({name}.into_iter().map(Deferred::from));")
                }
                Quantifier::OptionalSequence => {
                    format!("stack.extend({name}.into_iter().flatten().map(Deferred::from));")
                }
            };
            let _ = writeln!(out, "{pad}{line}");
        }
    }
}
