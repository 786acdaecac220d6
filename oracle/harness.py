# Helpers that oracle/batch.mjs loads into its interpreter for `cargo xtask conformance`.
# Each public function returns (status, [bytes, ...]).
import gc
import importlib.util
import os
import py_compile
import struct
import zipfile


def collect():
    """A clean state between .pyc compilations: marshal's FLAG_REF depends on refcounts."""
    gc.collect()


def compile_pyc(path, out):
    """What `py_compile.compile(path, cfile=out, UNCHECKED_HASH, doraise=True)` writes.

    Parts: the .pyc bytes (empty when compilation raised) and their canonical form.
    """
    try:
        os.unlink(out)
    except FileNotFoundError:
        pass
    try:
        py_compile.compile(
            path,
            cfile=out,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
            doraise=True,
        )
    except Exception as exc:
        import sys

        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1, [b"", b""]
    with open(out, "rb") as f:
        data = f.read()
    os.unlink(out)
    return 0, [data, canonical_pyc(data).encode("utf-8", "surrogatepass")]


def compiles(path):
    """0 when compile() accepts the file, 1 when CPython rejects it, 2 for anything else."""
    with open(path, "rb") as f:
        source = f.read()
    try:
        compile(source, path, "exec")
    except (SyntaxError, ValueError):
        return 1, []
    except BaseException:
        return 2, []
    return 0, []


def extract_py_members(zip_path, dest):
    """Extracts every `.py` member of the zip under dest, keeping member paths."""
    names = []
    with zipfile.ZipFile(zip_path) as z:
        for info in sorted(z.infolist(), key=lambda i: i.filename):
            if info.is_dir() or not info.filename.endswith(".py"):
                continue
            target = os.path.join(dest, info.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(z.read(info))
            names.append(info.filename)
    return 0, ["\n".join(names).encode()]


def canonical_pyc_file(path):
    with open(path, "rb") as f:
        data = f.read()
    return 0, [canonical_pyc(data).encode("utf-8", "surrogatepass")]


def canonical_pyc(data):
    """The .pyc as text, independent of marshal's serialization choices.

    The 16-byte header stays as hex; the body is read object by object with references
    resolved, the FLAG_REF bit and str interning ignored, and frozenset items sorted, so two
    files that unmarshal to the same objects give the same text.
    """
    lines = ["header " + data[:16].hex()]
    try:
        reader = _MarshalReader(data, 16)
        obj = reader.read()
        if reader.pos != len(data):
            lines.append(f"trailing bytes at {reader.pos}")
        _render(obj, 0, lines)
    except Exception as exc:
        lines.append(f"unreadable: {type(exc).__name__}: {exc}")
    return "\n".join(lines) + "\n"


class _MarshalReader:
    """A reader of marshal format 5 producing tagged tuples instead of Python objects."""

    def __init__(self, data, pos):
        self.data = data
        self.pos = pos
        self.refs = []

    def take(self, n):
        if self.pos + n > len(self.data):
            raise EOFError(f"need {n} bytes at {self.pos}")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def byte(self):
        return self.take(1)[0]

    def int32(self):
        return struct.unpack("<i", self.take(4))[0]

    def read(self):
        code = self.byte()
        flag, kind = code & 0x80, chr(code & 0x7F)
        if kind == "r":
            return self.refs[self.int32()]
        index = None
        if flag:
            index = len(self.refs)
            self.refs.append(("unfinished",))
        obj = self.read_kind(kind)
        if index is not None:
            self.refs[index] = obj
        return obj

    def read_kind(self, kind):
        simple = {"0": ("null",), "N": ("None",), "F": ("False",), "T": ("True",),
                  "S": ("StopIteration",), ".": ("Ellipsis",)}
        if kind in simple:
            return simple[kind]
        if kind == "i":
            return ("int", self.int32())
        if kind == "l":
            return ("int", self.read_long())
        if kind == "g":
            return ("float", struct.unpack("<d", self.take(8))[0].hex())
        if kind == "y":
            real, imag = struct.unpack("<dd", self.take(16))
            return ("complex", real.hex(), imag.hex())
        if kind == "s":
            return ("bytes", self.take(self.int32()).hex())
        if kind in "tua":
            return ("str", self.take(self.int32()).decode("utf-8", "surrogatepass"))
        if kind == "A":
            return ("str", self.take(self.int32()).decode("ascii"))
        if kind in "zZ":
            return ("str", self.take(self.byte()).decode("ascii"))
        if kind == "(":
            return ("tuple", [self.read() for _ in range(self.int32())])
        if kind == ")":
            return ("tuple", [self.read() for _ in range(self.byte())])
        if kind == "[":
            return ("list", [self.read() for _ in range(self.int32())])
        if kind in "<>":
            items = [self.read() for _ in range(self.int32())]
            name = "set" if kind == "<" else "frozenset"
            return (name, sorted(items, key=repr))
        if kind == "{":
            items = []
            while True:
                key = self.read()
                if key == ("null",):
                    return ("dict", items)
                items.append((key, self.read()))
        if kind == ":":
            return ("slice", [self.read() for _ in range(3)])
        if kind == "c":
            return self.read_code()
        raise ValueError(f"unknown marshal type {kind!r} at {self.pos - 1}")

    def read_long(self):
        n = self.int32()
        digits = struct.unpack(f"<{abs(n)}H", self.take(2 * abs(n)))
        value = sum(d << (15 * i) for i, d in enumerate(digits))
        return -value if n < 0 else value

    def read_code(self):
        ints = ["argcount", "posonlyargcount", "kwonlyargcount", "stacksize", "flags"]
        fields = [(name, ("int", self.int32())) for name in ints]
        for name in ["code", "consts", "names", "localsplusnames", "localspluskinds",
                     "filename", "name", "qualname"]:
            fields.append((name, self.read()))
        fields.append(("firstlineno", ("int", self.int32())))
        for name in ["linetable", "exceptiontable"]:
            fields.append((name, self.read()))
        return ("code", fields)


def _render(obj, depth, lines):
    pad = "  " * depth
    tag = obj[0]
    if tag == "code":
        lines.append(pad + "code")
        for name, value in obj[1]:
            lines.append(pad + "  ." + name)
            _render(value, depth + 2, lines)
    elif tag in ("tuple", "list", "set", "frozenset", "slice"):
        lines.append(f"{pad}{tag} len={len(obj[1])}")
        for item in obj[1]:
            _render(item, depth + 1, lines)
    elif tag == "dict":
        lines.append(f"{pad}dict len={len(obj[1])}")
        for key, value in obj[1]:
            _render(key, depth + 1, lines)
            _render(value, depth + 2, lines)
    elif tag == "str":
        lines.append(pad + "str " + ascii(obj[1]))
    else:
        lines.append(pad + " ".join(str(x) for x in obj))
