x = """line1
line2 \"""
still"""
y = '''a'''
