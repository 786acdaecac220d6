import a.b as 1
