x = """abc
\N{NOPE} def"""
