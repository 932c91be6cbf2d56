"""The values of alias tables: entries, their roles, the files they came from, matches.

A leaf module: it imports nothing else of newsparse but the model's enums, so
the table (:mod:`newsparse._tables.table`), its index and its cache files can all use
these values without importing one another in a circle. The public names are
re-exported by :mod:`newsparse`.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from newsparse.model import EntityType, MatchMethod

__all__ = ["AliasEntry", "Role", "TableMatch", "TableSource"]


@attrs.frozen
class Role:
    """A title an entry held, with ISO dates; ``None`` means open-ended."""

    title: str
    start: _dt.date | None = None
    end: _dt.date | None = None

    def held_on(self, day: _dt.date) -> bool:
        """Whether the role was held on ``day``.

        >>> Role("Mayor", _dt.date(2020, 1, 1), None).held_on(_dt.date(2024, 5, 1))
        True
        """
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen
class AliasEntry:
    """One canonical entity of a table."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@attrs.frozen
class TableSource:
    """A table file a table was loaded from: its file name, the SHA-256 digest of its
    bytes, and how many entries it gave (they follow one another in the table).

    A cache file records the sources of the table it holds, so that a cache loaded
    beside a changed copy of one of them can say it is stale.
    """

    name: str
    sha256: str
    entries: int


@attrs.frozen
class TableMatch:
    """A place where a table entry is named: offsets into the text, the entry, and how."""

    start: int
    end: int
    text: str
    entry_id: str
    how: MatchMethod
