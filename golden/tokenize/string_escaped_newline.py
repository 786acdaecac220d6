x = "abc\
def"
