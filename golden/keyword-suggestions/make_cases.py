# Writes cases.json: for many misspelt names, what CPython 3.14's `_suggestions` and
# `difflib.get_close_matches` pick from keyword.kwlist (the two sources traceback consults).
# Run with `oracle/python golden/keyword-suggestions/make_cases.py`.
import difflib, json, keyword, os, random
import _suggestions

rng = random.Random(314)
words = set()
letters = "abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789é"
for kw in keyword.kwlist + keyword.softkwlist:
    for i in range(len(kw) + 1):
        words.add(kw[:i] + kw[i + 1:])                      # deletion
        words.add(kw[:i] + kw[i:i + 1] * 2 + kw[i + 1:])    # doubling
        if i + 1 < len(kw):
            words.add(kw[:i] + kw[i + 1] + kw[i] + kw[i + 2:])  # swap
        words.add(kw[:i] + kw[i:i + 1].swapcase() + kw[i + 1:])  # case flip
        words.add(kw[:i] + rng.choice(letters) + kw[i + 1:])     # substitution
        words.add(kw[:i] + rng.choice(letters) + kw[i:])         # insertion
    words.add(kw.upper())
    words.add(kw + "s")
for _ in range(300):
    words.add("".join(rng.choice(letters) for _ in range(rng.randint(1, 12))))
words.update(["x", "self", "print", "whille", "iff", "esle", "retrun", "improt", "fro", "a" * 50,
              "pas" * 20, "Tru", "nonlocl", "awiat", "ünïcode", "définir"])
words.discard("")
kws = keyword.kwlist
cases = [dict(word=w, suggestion=_suggestions._generate_suggestions(kws, w),
              close=difflib.get_close_matches(w, kws, n=3, cutoff=0.5))
         for w in sorted(words)]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
with open(out, "w") as f:
    json.dump(dict(kwlist=kws, cases=cases), f, indent=0, ensure_ascii=True)
print(len(cases), "cases")
