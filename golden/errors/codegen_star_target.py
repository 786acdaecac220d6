* NL = '\n'
