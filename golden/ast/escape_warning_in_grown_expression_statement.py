x["\d"].y(z)
f("\w")(g).h()
a.b["\q"]
