s = """a
b""" + \
   c \ d
