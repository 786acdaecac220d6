"""Module docstring with "quotes"."""


def f():
    '''Function docstring ending in a quote"'''
    return 1


class C:
    "Class docstring\twith tab"

    def method(self):
        """Multi
        line
        docstring."""
