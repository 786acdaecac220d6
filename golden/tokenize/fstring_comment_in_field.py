x = f"""{a # comment
=}"""
