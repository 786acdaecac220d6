//! Port of Lib/ast.py: dump (→ dump.rs), and its inverse (→ read_dump.rs).

use super::{field_name, snake_name, type_name, Model, HEADER};
use crate::asdl::{Field, Quantifier, TypeDef};
use std::fmt::Write as _;

impl Model<'_> {
    pub(super) fn dump_rs(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{HEADER}");
        out.push_str(
            "//! Port of Lib/ast.py's `dump` (its `_format`), one `Dump` impl per node type.\n\n\
             use super::nodes::*;\n\
             use crate::dump::{node_is_simple, write_node};\n\
             use crate::dump::{Dump, DumpError, DumpFields, DumpOptions, Formatter, NodeArgs};\n",
        );
        for def in self.node_definitions() {
            let ty = type_name(&def.name);
            match &def.value {
                TypeDef::Sum(sum) if sum.is_simple() => {
                    let _ = writeln!(
                        out,
                        "\nimpl Dump for {ty} {{\n    fn write(&self, f: &mut Formatter, _: usize) -> Result<(), DumpError> {{\n        f.empty_node(self.class_name())\n    }}\n\n    fn is_simple(&self, _: &DumpOptions) -> bool {{\n        true\n    }}\n}}"
                    );
                }
                TypeDef::Sum(sum) => {
                    let _ = writeln!(
                        out,
                        "\nimpl Dump for {ty} {{\n    fn write(&self, f: &mut Formatter, depth: usize) -> Result<(), DumpError> {{\n        match self {{"
                    );
                    for ctor in &sum.constructors {
                        let _ = writeln!(
                            out,
                            "            {ty}::{}(node) => node.write(f, depth),",
                            ctor.name
                        );
                    }
                    out.push_str("        }\n    }\n\n");
                    out.push_str(
                        "    fn is_simple(&self, options: &DumpOptions) -> bool {\n        match self {\n",
                    );
                    for ctor in &sum.constructors {
                        let _ = writeln!(
                            out,
                            "            {ty}::{}(node) => node.is_simple(options),",
                            ctor.name
                        );
                    }
                    out.push_str("        }\n    }\n}\n");
                    let has_loc = !sum.attributes.is_empty();
                    for ctor in &sum.constructors {
                        let struct_name = format!("{ty}{}", ctor.name);
                        self.dump_struct(&mut out, &struct_name, &ctor.name, &ctor.fields, has_loc);
                    }
                }
                TypeDef::Product(product) => {
                    let has_loc = !product.attributes.is_empty();
                    self.dump_struct(&mut out, &ty, &def.name, &product.fields, has_loc);
                }
            }
        }
        out
    }

    fn dump_struct(&self, out: &mut String, ty: &str, class: &str, fields: &[Field], loc: bool) {
        let _ = writeln!(
            out,
            "\nimpl Dump for {ty} {{\n    fn write(&self, f: &mut Formatter, depth: usize) -> Result<(), DumpError> {{\n        write_node(self, f, depth)\n    }}\n\n    fn is_simple(&self, options: &DumpOptions) -> bool {{\n        node_is_simple(self, options)\n    }}\n}}"
        );
        let binding = if fields.is_empty() && !loc {
            "_"
        } else {
            "args"
        };
        let _ = writeln!(
            out,
            "\nimpl DumpFields for {ty} {{\n    const CLASS: &'static str = \"{class}\";\n\n    fn fields(&self, {binding}: &mut NodeArgs<'_>) -> Result<(), DumpError> {{"
        );
        for field in fields {
            let method = match field.quantifier {
                Quantifier::One => "field",
                Quantifier::Optional => "optional",
                Quantifier::Sequence | Quantifier::OptionalSequence => "sequence",
            };
            let _ = writeln!(
                out,
                "        args.{method}(\"{}\", &self.{})?;",
                field.name,
                field_name(&field.name)
            );
        }
        if loc {
            out.push_str("        args.attributes(&self.loc)\n    }\n}\n");
        } else {
            out.push_str("        Ok(())\n    }\n}\n");
        }
    }

    pub(super) fn read_dump_rs(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{HEADER}");
        out.push_str(
            "//! The inverse of `dump` for `include_attributes=True`, indent None: one `ReadDump` impl per\n\
             //! node type, reading the fields `ast.dump` printed (in any order; omitted ones take their\n\
             //! defaults: None, an empty list, an absent position).\n\n\
             use super::nodes::*;\n\
             use crate::read_dump::{ReadDump, Reader};\n\
             use crate::{Location, NodeBox};\n",
        );
        for def in self.node_definitions() {
            let ty = type_name(&def.name);
            match &def.value {
                TypeDef::Sum(sum) if sum.is_simple() => {
                    let _ = writeln!(
                        out,
                        "\nimpl ReadDump for {ty} {{\n    fn read(reader: &mut Reader<'_>) -> Result<Self, String> {{\n        let value = match reader.class_name()? {{"
                    );
                    for ctor in &sum.constructors {
                        let _ = writeln!(out, "            \"{0}\" => {ty}::{0},", ctor.name);
                    }
                    let _ = writeln!(
                        out,
                        "            other => return Err(reader.unexpected_class(\"{}\", other)),\n        }};\n        reader.no_fields()?;\n        Ok(value)\n    }}\n}}",
                        def.name
                    );
                }
                TypeDef::Sum(sum) => {
                    let _ = writeln!(
                        out,
                        "\nimpl ReadDump for {ty} {{\n    fn read(reader: &mut Reader<'_>) -> Result<Self, String> {{\n        reader.enter()?;\n        // Choosing a function keeps this frame small: nested nodes recurse through it.\n        let read_fields: fn(&mut Reader<'_>) -> Result<{ty}, String> = match reader.class_name()? {{"
                    );
                    for ctor in &sum.constructors {
                        let _ = writeln!(
                            out,
                            "            \"{0}\" => |reader| Ok({ty}::{0}(NodeBox::new(read_fields_{1}_{2}(reader)?))),",
                            ctor.name,
                            snake_name(&def.name),
                            snake_name(&ctor.name)
                        );
                    }
                    let _ = writeln!(
                        out,
                        "            other => return Err(reader.unexpected_class(\"{}\", other)),\n        }};\n        let node = read_fields(reader)?;\n        reader.leave();\n        Ok(node)\n    }}\n}}",
                        def.name
                    );
                    let has_loc = !sum.attributes.is_empty();
                    for ctor in &sum.constructors {
                        let fn_name = format!(
                            "read_fields_{}_{}",
                            snake_name(&def.name),
                            snake_name(&ctor.name)
                        );
                        let struct_name = format!("{ty}{}", ctor.name);
                        self.read_struct(
                            &mut out,
                            &fn_name,
                            &struct_name,
                            &ctor.name,
                            &ctor.fields,
                            has_loc,
                        );
                    }
                }
                TypeDef::Product(product) => {
                    let fn_name = format!("read_fields_{}", snake_name(&def.name));
                    let has_loc = !product.attributes.is_empty();
                    let _ = writeln!(
                        out,
                        "\nimpl ReadDump for {ty} {{\n    fn read(reader: &mut Reader<'_>) -> Result<Self, String> {{\n        reader.enter()?;\n        match reader.class_name()? {{\n            \"{0}\" => {{}}\n            other => return Err(reader.unexpected_class(\"{0}\", other)),\n        }}\n        let node = {fn_name}(reader)?;\n        reader.leave();\n        Ok(node)\n    }}\n}}",
                        def.name
                    );
                    self.read_struct(&mut out, &fn_name, &ty, &def.name, &product.fields, has_loc);
                }
            }
        }
        out
    }

    fn read_struct(
        &self,
        out: &mut String,
        fn_name: &str,
        ty: &str,
        class: &str,
        fields: &[Field],
        loc: bool,
    ) {
        let _ = writeln!(
            out,
            "\nfn {fn_name}(reader: &mut Reader<'_>) -> Result<{ty}, String> {{"
        );
        for field in fields {
            let init = if field.is_sequence() {
                "Vec::new()"
            } else {
                "None"
            };
            let _ = writeln!(out, "    let mut {} = {init};", field_name(&field.name));
        }
        if loc {
            out.push_str("    let mut loc = Location::default();\n");
        }
        // `field_index` and `field_key` are in RESERVED_FIELD_NAMES, so no field shadows them.
        out.push_str("    let mut field_index = 0;\n");
        out.push_str("    while let Some(field_key) = reader.next_field(field_index)? {\n        field_index += 1;\n        match field_key {\n");
        for field in fields {
            let name = field_name(&field.name);
            let value = match field.quantifier {
                Quantifier::One => "Some(ReadDump::read(reader)?)",
                _ => "ReadDump::read(reader)?",
            };
            let _ = writeln!(out, "            \"{}\" => {name} = {value},", field.name);
        }
        if loc {
            for attr in ["lineno", "col_offset", "end_lineno", "end_col_offset"] {
                let _ = writeln!(
                    out,
                    "            \"{attr}\" => loc.{attr} = reader.attribute()?,"
                );
            }
        }
        let _ = writeln!(
            out,
            "            other => return Err(reader.unknown_field(\"{class}\", other)),\n        }}\n    }}"
        );
        let mut inits = Vec::new();
        if loc {
            inits.push("loc".to_string());
        }
        for field in fields {
            let name = field_name(&field.name);
            if field.quantifier == Quantifier::One {
                inits.push(format!(
                    "{name}: reader.required({name}, \"{class}\", \"{}\")?",
                    field.name
                ));
            } else {
                inits.push(name);
            }
        }
        if inits.is_empty() {
            let _ = writeln!(out, "    Ok({ty} {{}})\n}}");
        } else {
            let _ = writeln!(
                out,
                "    Ok({ty} {{\n        {},\n    }})\n}}",
                inits.join(",\n        ")
            );
        }
    }
}
