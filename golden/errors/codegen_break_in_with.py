with a, b:
    break
