"""Dates named in the body, resolved against the article's date.

Not implemented yet (issue 3): the dates stage finds nothing until then.
"""

from __future__ import annotations

import datetime as _dt

from newsparse.model import DateMention
from newsparse.text import Document

__all__ = ["find_dates"]


def find_dates(doc: Document, published: _dt.date | None) -> tuple[DateMention, ...]:
    """The dates stage of :func:`newsparse.parse`."""
    return ()
