"""Module docstring."""


def only_doc():
    """Only a docstring: becomes pass."""


async def doc_then_code():
    '''Docstring.'''
    return 1


class C:
    "Class docstring."
    x = 1

    def method(self):
        """Method docstring
        on two lines."""
        'second string'
        return self
