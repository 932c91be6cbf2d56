"""Spelling distance between keys: the one typo search of the tables."""

from __future__ import annotations

__all__ = ["within_one_edit"]


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by at most one insertion, deletion or substitution.

    >>> within_one_edit("pezeshekian", "pezeshkian"), within_one_edit("hertzi", "herzi")
    (True, True)
    """
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]
