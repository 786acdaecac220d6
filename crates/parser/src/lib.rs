//! Port of Parser/parser.c (generated from Grammar/python.gram), Parser/pegen.c, Parser/action_helpers.c.
