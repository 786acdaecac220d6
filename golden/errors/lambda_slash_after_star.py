lambda *, a, /: 1
