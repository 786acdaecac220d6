x = 5.attr
