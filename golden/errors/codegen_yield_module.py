yield "x"
