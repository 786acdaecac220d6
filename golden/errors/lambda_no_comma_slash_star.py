lambda a, / *: 1
