"""Oracle side of the set-order test: run under oracle/python from the repository root.

Writes crates/symtable/tests/trees/pyset_cases.txt: random sequences of the set operations the
symbol table's analysis uses (add, discard, copy with set(s), s |= t), each followed by the
iteration order CPython gives. Format, one case per line:
    OPS => ORDER
where OPS are space-separated `+name`, `-name`, `copy`, `|name1,name2,...` (merge a fresh set
built by adding those names) and ORDER is the names of list(s), space-separated.
"""
import random

rng = random.Random(3_14_2)
pool = [f"v{i}" for i in range(40)] + ["__class__", "__classdict__", "self", "x", "é", "名前", "𝔘"]
lines = []
for _ in range(300):
    s = set()
    ops = []
    for _ in range(rng.randrange(1, 60)):
        r = rng.random()
        if r < 0.55:
            name = rng.choice(pool)
            s.add(name)
            ops.append("+" + name)
        elif r < 0.8:
            name = rng.choice(pool)
            s.discard(name)
            ops.append("-" + name)
        elif r < 0.9:
            s = set(s)
            ops.append("copy")
        else:
            other = set()
            names = rng.sample(pool, rng.randrange(1, 12))
            for name in names:
                other.add(name)
            s |= other
            ops.append("|" + ",".join(names))
    lines.append(" ".join(ops) + " => " + " ".join(s) + "\n")
with open("crates/symtable/tests/trees/pyset_cases.txt", "w", encoding="utf-8") as f:
    f.writelines(lines)
