import __hidden
import __pkg.sub as __alias


class Ham:
    __slot = 1
    __dunder__ = 2
    _single = 3

    def method(self, __param):
        __local = __param
        return self.__slot, __local, __hidden

    class __Inner:
        __deep = 4

        def f(self):
            return __deep


class ___:
    __not_mangled = 1


class Gen[__T, U]:
    def m(self, x: __T) -> U:
        return __other
