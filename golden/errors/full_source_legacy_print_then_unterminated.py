print "x"
y = "abc
