"""Users' alias tables: their values (a leaf module), the matching index, the
cache files and :class:`AliasTable` itself.
"""

from __future__ import annotations

from newsparse._tables.table import AliasEntry, AliasTable, Hit, Role, TableMatch, role_words

__all__ = [
    "AliasEntry",
    "AliasTable",
    "Hit",
    "Role",
    "TableMatch",
    "role_words",
]
