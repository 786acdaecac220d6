"""Capture every AST node class of the oracle's `ast` module (CPython 3.14) as JSON.

Run under the oracle: `oracle/python asdl/capture_classes.py > asdl/oracle_classes.json`.
Only the classes of the C module `_ast` are the grammar's; the deprecated Python-level aliases
(`Index`, `ExtSlice`, `Suite`, `Param`, `AugLoad`, `AugStore`, `slice`) are left out.
"""

import _ast
import ast
import json
import sys


def type_name(tp):
    """The field type as `ast` spells it: `expr`, `list[stmt]`, `str | None`, `object`."""
    if isinstance(tp, type):
        return tp.__name__
    return repr(tp).replace("ast.", "")


def describe(cls):
    base = cls.__bases__[0]
    return {
        "name": cls.__name__,
        "base": base.__name__,
        "fields": list(cls._fields),
        "field_types": {
            name: type_name(tp) for name, tp in vars(cls).get("_field_types", {}).items()
        },
        "attributes": list(cls._attributes),
        # The ASDL signature CPython generated the class from, e.g. `Dict(expr?* keys, expr* values)`.
        "doc": cls.__doc__,
        # `ast.dump` omits a None value only when the class attribute is None too.
        "class_default_none": [
            name
            for name in list(cls._fields) + list(cls._attributes)
            if name in vars(cls) and getattr(cls, name) is None
            or any(name in vars(b) and getattr(b, name) is None for b in cls.__mro__[1:-1])
        ],
    }


def main():
    classes = [
        obj
        for obj in vars(_ast).values()
        if isinstance(obj, type) and issubclass(obj, ast.AST) and obj is not ast.AST
    ]
    classes.sort(key=lambda c: c.__name__)
    out = {"version": sys.version.split()[0], "classes": [describe(c) for c in classes]}
    json.dump(out, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


main()
