x = f"""{x # c
} {y z}"""
