"""Docstring first."""
from __future__ import annotations

x: int


class A:
    y: list[A]

    def m(self, z: B) -> C:
        return z


def f(a: Undefined) -> Other:
    return a
