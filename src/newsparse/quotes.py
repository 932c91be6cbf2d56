"""Quotes and attribution: who said what.

Not implemented yet (issue 6): the quotes stage finds nothing until then.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsparse.model import Entity, Quote
from newsparse.text import Document

__all__ = ["find_quotes"]


def find_quotes(doc: Document, entities: Sequence[Entity]) -> tuple[Quote, ...]:
    """The quotes stage of :func:`newsparse.parse`."""
    return ()
