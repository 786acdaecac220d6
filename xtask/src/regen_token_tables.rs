//! `cargo xtask regen-token-tables`: data the tokenizer takes from CPython 3.14 itself, asked of
//! the oracle and committed: the identifier and printable character classes (Unicode 16.0) as
//! `crates/tokenize/src/generated/unicode.rs`, and the single-byte codecs a coding cookie may name
//! with the names Python's codec registry knows, as `crates/tokenize/src/generated/encodings.rs`.

use std::path::Path;
use std::process::Command;

const OUTPUT_PATH: &str = "crates/tokenize/src/generated/unicode.rs";
const ENCODINGS_PATH: &str = "crates/tokenize/src/generated/encodings.rs";

/// Prints, for each class, its name and its code point ranges as `first-last` in hex.
const ORACLE_SCRIPT: &str = r#"
import unicodedata
def ranges(pred):
    out = []; start = None
    for cp in range(0x110000):
        ok = pred(chr(cp))
        if ok and start is None: start = cp
        elif not ok and start is not None: out.append((start, cp - 1)); start = None
    if start is not None: out.append((start, 0x10FFFF))
    return out
print(unicodedata.unidata_version)
for name, pred in [('PRINTABLE', str.isprintable),
                   ('XID_START', lambda c: c.isidentifier()),
                   ('XID_CONTINUE', lambda c: ('a' + c).isidentifier())]:
    print(name, ' '.join('%x-%x' % r for r in ranges(pred)))
"#;

/// Prints `CODEC <name>` and `TABLE <hex>*128` for each decoder we port: UTF-8, ASCII, Latin-1
/// and every single-byte charmap codec whose bytes below 0x80 are ASCII (the characters of bytes
/// 0x80-0xFF, `ffff` where undefined), `ALIAS <alias> <codec>` for the registry's aliases, and
/// `MODULE <name>` for every codec module (names Python knows but we do not decode).
const ENCODINGS_SCRIPT: &str = r#"
import encodings, encodings.aliases, importlib, pkgutil
modules = sorted(m.name for m in pkgutil.iter_modules(encodings.__path__))
def ascii_charmap(name):
    # A single-byte charmap codec that decodes bytes 0-127 as ASCII (a cookie is found in
    # ASCII), as nearly every one does: not the EBCDIC ones, nor cp864.
    try:
        table = getattr(importlib.import_module('encodings.' + name), 'decoding_table', None)
    except Exception:
        return False
    return isinstance(table, str) and len(table) == 256 and table[:128] == ''.join(map(chr, range(128)))
targets = ['utf_8', 'ascii', 'latin_1'] + [m for m in modules if ascii_charmap(m)]
for t in targets:
    table = []
    for b in range(128, 256):
        try:
            table.append(ord(bytes([b]).decode(t)))
        except UnicodeDecodeError:
            table.append(0xFFFF)
    print('CODEC', t, ' '.join('%x' % x for x in table))
for alias, codec in sorted(encodings.aliases.aliases.items()):
    print('ALIAS', alias, codec)
for m in modules:
    print('MODULE', m)
"#;

pub fn run(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err(format!(
            "regen-token-tables takes no arguments, got {args:?}"
        ));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = ask_oracle(&root, ORACLE_SCRIPT)?;
    let generated = render(&text)?;
    std::fs::write(root.join(OUTPUT_PATH), generated)
        .map_err(|e| format!("writing {OUTPUT_PATH}: {e}"))?;
    let encodings = ask_oracle(&root, ENCODINGS_SCRIPT)?;
    let generated = render_encodings(&encodings)?;
    std::fs::write(root.join(ENCODINGS_PATH), generated)
        .map_err(|e| format!("writing {ENCODINGS_PATH}: {e}"))
}

fn ask_oracle(root: &Path, script: &str) -> Result<String, String> {
    let output = Command::new(root.join("oracle/python"))
        .arg("-c")
        .arg(script)
        .output()
        .map_err(|e| format!("running the oracle: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "oracle failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| e.to_string())
}

fn render_encodings(oracle_output: &str) -> Result<String, String> {
    let mut codecs = String::new();
    let mut aliases = String::new();
    let mut modules = String::new();
    for line in oracle_output.lines() {
        let mut fields = line.split(' ');
        match fields.next() {
            Some("CODEC") => {
                let name = fields.next().ok_or("codec without name")?;
                let chars: Vec<String> = fields
                    .map(|hex| format!("0x{}", hex.to_uppercase()))
                    .collect();
                if chars.len() != 128 {
                    return Err(format!("codec {name}: {} entries", chars.len()));
                }
                codecs.push_str(&format!("    (\n        \"{name}\",\n        [\n"));
                for row in chars.chunks(8) {
                    codecs.push_str(&format!("            {},\n", row.join(", ")));
                }
                codecs.push_str("        ],\n    ),\n");
            }
            Some("ALIAS") => {
                let alias = fields.next().ok_or("alias without name")?;
                let codec = fields.next().ok_or("alias without codec")?;
                aliases.push_str(&format!("    (\"{alias}\", \"{codec}\"),\n"));
            }
            Some("MODULE") => {
                let name = fields.next().ok_or("module without name")?;
                modules.push_str(&format!("    \"{name}\",\n"));
            }
            _ => return Err(format!("bad oracle line: {line}")),
        }
    }
    let mut out = String::new();
    out.push_str("// @generated by cargo xtask regen-token-tables; do not edit\n");
    out.push_str(
        "//! Port of Lib/encodings (CPython 3.14): the codecs a coding cookie may name.\n\n",
    );
    out.push_str("/// Decoders we port: the codec and the characters of bytes 0x80-0xFF (0xFFFF: undefined;\n/// `utf_8` is decoded by other means).\n");
    out.push_str(&format!(
        "pub(crate) static CODECS: &[(&str, [u32; 128])] = &[\n{codecs}];\n\n"
    ));
    out.push_str("/// `encodings.aliases.aliases`: normalized alias to codec module.\n");
    out.push_str(&format!(
        "pub(crate) static ALIASES: &[(&str, &str)] = &[\n{aliases}];\n\n"
    ));
    out.push_str("/// Every codec module of `encodings`.\n");
    out.push_str(&format!(
        "pub(crate) static MODULES: &[&str] = &[\n{modules}];\n"
    ));
    Ok(out)
}

fn render(oracle_output: &str) -> Result<String, String> {
    let mut lines = oracle_output.lines();
    let version = lines.next().ok_or("empty oracle output")?;
    let mut out = String::new();
    out.push_str("// @generated by cargo xtask regen-token-tables; do not edit\n");
    out.push_str(&format!(
        "//! Port of Objects/unicodetype_db.h (Unicode {version}, as CPython 3.14 has it): the classes\n//! behind str.isprintable and str.isidentifier, as sorted inclusive code point ranges.\n"
    ));
    for line in lines {
        let (name, ranges) = line.split_once(' ').ok_or("bad oracle line")?;
        out.push_str(&format!("\npub(crate) static {name}: &[(u32, u32)] = &[\n"));
        for range in ranges.split(' ') {
            let (first, last) = range.split_once('-').ok_or("bad range")?;
            out.push_str(&format!(
                "    (0x{}, 0x{}),\n",
                first.to_uppercase(),
                last.to_uppercase()
            ));
        }
        out.push_str("];\n");
    }
    Ok(out)
}
