imprt os
x = 1
