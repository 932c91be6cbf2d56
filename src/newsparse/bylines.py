"""Bylines and credit lines: the people who wrote an article, with their roles.

Not implemented yet (issue 4): :func:`parse_byline` and the byline stage find
nothing until then.
"""

from __future__ import annotations

from newsparse.model import Byline
from newsparse.text import Document

__all__ = ["find_bylines", "parse_byline"]


def parse_byline(s: str) -> Byline | None:
    """The byline or credit line ``s``, or ``None``.

    Not implemented yet: always ``None``.
    """
    return None


def find_bylines(doc: Document) -> tuple[Byline | None, tuple[Byline, ...]]:
    """The byline stage of :func:`newsparse.parse`: the byline near the top and the credit lines."""
    return None, ()
