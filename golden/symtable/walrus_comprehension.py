if any((found := item) > 3 for item in [1, 5]):
    print(found)


def f(data):
    if [last := x for x in data]:
        return last


def g(data):
    global total
    [total := total + x for x in data]


def h(rows):
    return [[(cell := v) for v in row] for row in rows], cell
