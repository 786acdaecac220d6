x: (y := int)
