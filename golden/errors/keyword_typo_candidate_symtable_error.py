whille x: nonlocal y
