(print x.y(1 2))
