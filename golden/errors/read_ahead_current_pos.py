# The first pass reads this statement ahead to its end, over both lines; the error ends where
# CPython's tokenizer stands, which has read only the tokens its parser asked for (line 3).
x = {a: *b,
     c: d}
