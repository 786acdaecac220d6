class C:
    y = [(z := x) for x in range(3)]
