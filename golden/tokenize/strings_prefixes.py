a = b"x" + rb"y" + Br"z" + u"w" + R"v" + f"t" + rf"s" + Fr"q" + t"p" + tr"o" + Rt"n"
