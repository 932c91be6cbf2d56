"""Named entities: mentions, clustering within the article, and resolution to alias tables.

Not implemented yet (issue 5): the entities stage finds nothing until then.
"""

from __future__ import annotations

import datetime as _dt

from newsparse.aliases import AliasTable
from newsparse.model import Entity
from newsparse.text import Document

__all__ = ["find_entities"]


def find_entities(
    doc: Document, aliases: AliasTable | None, published: _dt.date | None
) -> tuple[Entity, ...]:
    """The entities stage of :func:`newsparse.parse`."""
    return ()
