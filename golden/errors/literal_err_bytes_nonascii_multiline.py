x = b"""abc
é"""
