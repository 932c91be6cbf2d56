"""Datelines: where, when and by which outlet an article was filed.

Not implemented yet (issue 3): :func:`parse_dateline` and the dateline stage
find nothing until then.
"""

from __future__ import annotations

import datetime as _dt

from newsparse.model import Dateline
from newsparse.text import Document

__all__ = ["find_dateline", "parse_dateline"]


def parse_dateline(s: str, *, reference_date: _dt.date | None = None) -> Dateline | None:
    """The dateline that ``s`` starts with, or ``None``.

    Not implemented yet: always ``None``.
    """
    return None


def find_dateline(doc: Document, reference_date: _dt.date | None) -> Dateline | None:
    """The dateline stage of :func:`newsparse.parse`: the dateline at the head of the article."""
    return None
