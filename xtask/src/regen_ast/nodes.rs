//! Port of Parser/asdl_c.py: TypeDefVisitor, StructVisitor (the node types → nodes.rs).

use super::{field_name, signature, type_name, Model, Shape, HEADER};
use crate::asdl::{self, Definition, Field, Quantifier, TypeDef};
use std::fmt::Write as _;

impl Model<'_> {
    pub(super) fn nodes_rs(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{HEADER}");
        out.push_str(
            "//! Port of Include/internal/pycore_ast.h: the node types of `asdl/Python.asdl`.\n\n\
             use crate::constant::Constant;\n\
             use crate::node_box::{prefetch_list, recycle_list, Node};\n\
             use crate::{Identifier, Location, NodeBox};\n",
        );
        for def in self.node_definitions() {
            match &def.value {
                TypeDef::Sum(sum) if sum.is_simple() => self.simple_sum(&mut out, def, sum),
                TypeDef::Sum(sum) => self.boxed_sum(&mut out, def, sum),
                TypeDef::Product(product) => {
                    let doc = signature(&def.name, &product.fields);
                    let name = type_name(&def.name);
                    let has_loc = !product.attributes.is_empty();
                    self.node_struct(&mut out, &name, &doc, &product.fields, has_loc);
                }
            }
        }
        out
    }

    fn simple_sum(&self, out: &mut String, def: &Definition, sum: &asdl::Sum) {
        let name = type_name(&def.name);
        let names: Vec<&str> = sum.constructors.iter().map(|c| c.name.as_str()).collect();
        let _ = writeln!(out, "\n/// `{} = {}`", def.name, names.join(" | "));
        out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n");
        let _ = writeln!(out, "pub enum {name} {{");
        for ctor in &names {
            let _ = writeln!(out, "    {ctor},");
        }
        out.push_str("}\n");
        let _ = writeln!(out, "\nimpl {name} {{");
        out.push_str("    /// The `ast` class name of the value.\n");
        out.push_str("    pub fn class_name(self) -> &'static str {\n        match self {\n");
        for ctor in &names {
            let _ = writeln!(out, "            {name}::{ctor} => \"{ctor}\",");
        }
        out.push_str("        }\n    }\n}\n");
    }

    fn boxed_sum(&self, out: &mut String, def: &Definition, sum: &asdl::Sum) {
        let name = type_name(&def.name);
        let has_loc = !sum.attributes.is_empty();
        let _ = writeln!(out, "\n/// `{}`: one of its constructors, boxed.", def.name);
        out.push_str("#[derive(Clone, Debug, PartialEq)]\n");
        let _ = writeln!(out, "pub enum {name} {{");
        for ctor in &sum.constructors {
            let _ = writeln!(out, "    {0}(NodeBox<{name}{0}>),", ctor.name);
        }
        out.push_str("}\n");

        let _ = writeln!(out, "\nimpl {name} {{");
        out.push_str("    /// The `ast` class name of the node.\n");
        out.push_str("    pub fn class_name(&self) -> &'static str {\n        match self {\n");
        for ctor in &sum.constructors {
            let _ = writeln!(out, "            {name}::{0}(_) => \"{0}\",", ctor.name);
        }
        out.push_str("        }\n    }\n");
        let ctors = &sum.constructors;
        let method = |out: &mut String, doc: &str, signature: &str, arm: &str| {
            let _ = writeln!(
                out,
                "\n    /// {doc}\n    {signature} {{\n        match self {{"
            );
            for ctor in ctors {
                let _ = writeln!(out, "            {name}::{}(node) => {arm},", ctor.name);
            }
            out.push_str("        }\n    }\n");
        };
        method(
            out,
            "Asks the processor to bring in the node's block (see `Node`).",
            "#[inline]\n    pub fn prefetch(&self)",
            "node.prefetch()",
        );
        if has_loc {
            method(
                out,
                "The node's position (its `attributes`).",
                "pub fn loc(&self) -> Location",
                "node.loc",
            );
            method(
                out,
                "The node's position, to update it.",
                "pub fn loc_mut(&mut self) -> &mut Location",
                "&mut node.loc",
            );
        }
        out.push_str("}\n");

        for ctor in &sum.constructors {
            let struct_name = format!("{name}{}", ctor.name);
            let doc = signature(&ctor.name, &ctor.fields);
            self.node_struct(out, &struct_name, &doc, &ctor.fields, has_loc);
            let _ = writeln!(
                out,
                "\nimpl From<{struct_name}> for {name} {{\n    #[inline]\n    fn from(node: {struct_name}) -> Self {{\n        {name}::{}(NodeBox::new(node))\n    }}\n}}",
                ctor.name
            );
        }
    }

    fn node_struct(&self, out: &mut String, name: &str, doc: &str, fields: &[Field], loc: bool) {
        // Default only where every field has an obvious empty value (`Arguments::default()`).
        let all_defaultable = fields.iter().all(|f| f.quantifier != Quantifier::One);
        let derives = if all_defaultable {
            "Clone, Debug, Default, PartialEq"
        } else {
            "Clone, Debug, PartialEq"
        };
        let _ = writeln!(out, "\n/// `{doc}`");
        let _ = writeln!(out, "#[derive({derives})]");
        let _ = writeln!(out, "pub struct {name} {{");
        if loc {
            out.push_str("    pub loc: Location,\n");
        }
        for field in fields {
            let _ = writeln!(
                out,
                "    pub {}: {},",
                field_name(&field.name),
                self.field_type(field)
            );
        }
        out.push_str("}\n");
        self.node_impl(out, name, fields);
    }

    /// `impl Node`: the children a node's drop prefetches, its boxed fields' blocks and its
    /// lists' buffers (what the drop reads next, after the node itself), and the lists whose
    /// buffers it gives to the pool.
    fn node_impl(&self, out: &mut String, name: &str, fields: &[Field]) {
        let mut lines = Vec::new();
        let mut lists = Vec::new();
        for field in fields {
            let field_name = field_name(&field.name);
            let boxed = matches!(self.shape(&field.type_name), Shape::Boxed | Shape::Product);
            match field.quantifier {
                Quantifier::Sequence | Quantifier::OptionalSequence => {
                    lines.push(format!("        prefetch_list(&self.{field_name});"));
                    lists.push(format!("        recycle_list(&mut self.{field_name});"));
                }
                Quantifier::One if boxed => {
                    lines.push(format!("        self.{field_name}.prefetch();"));
                }
                Quantifier::Optional if boxed => lines.push(format!(
                    "        if let Some(child) = &self.{field_name} {{\n            child.prefetch();\n        }}"
                )),
                _ => {}
            }
        }
        if lines.is_empty() {
            let _ = writeln!(out, "\nimpl Node for {name} {{}}");
            return;
        }
        let _ = write!(
            out,
            "\nimpl Node for {name} {{\n    #[inline]\n    fn prefetch_children(&self) {{\n{}\n    }}\n",
            lines.join("\n")
        );
        if !lists.is_empty() {
            let _ = write!(
                out,
                "\n    #[inline]\n    fn recycle_lists(&mut self) {{\n{}\n    }}\n",
                lists.join("\n")
            );
        }
        out.push_str("}\n");
    }
}
