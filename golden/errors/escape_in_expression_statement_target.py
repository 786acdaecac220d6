f("\d").x
a["\q"].b += 1
g("\N{NO SUCH NAME}").y
