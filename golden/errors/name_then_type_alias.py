type X Y = int
