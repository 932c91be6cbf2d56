"""Users' alias tables: their values (a leaf module), the matching index, the
cache files, the one matcher that reads a table's names in a text (for
:meth:`AliasTable.find` and the entities stage alike) and :class:`AliasTable` itself.
"""

from __future__ import annotations

from newsparse._tables.index import common_words
from newsparse._tables.table import (
    AliasEntry,
    AliasTable,
    Hit,
    Matcher,
    Role,
    TableMatch,
    role_words,
)

__all__ = [
    "AliasEntry",
    "AliasTable",
    "Hit",
    "Matcher",
    "Role",
    "TableMatch",
    "common_words",
    "role_words",
]
