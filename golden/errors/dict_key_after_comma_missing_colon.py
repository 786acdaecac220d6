{a: b, c d}
