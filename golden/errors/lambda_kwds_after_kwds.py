lambda **k, **j: 1
