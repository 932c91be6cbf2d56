"""Loading the package's data tables (plain UTF-8 text files under ``newsparse/data``).

Tables are read once per process and cached. Each non-blank line that does not
start with ``#`` is a row; columns are separated by tabs.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["read_rows", "read_words"]


@functools.cache
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>``, each a tuple of its tab-separated columns."""
    text = (resources.files("newsparse") / "data" / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            rows.append(tuple(column.strip() for column in line.split("\t")))
    return tuple(rows)


@functools.cache
def read_words(name: str) -> frozenset[str]:
    """The first column of every row of ``data/<name>``, as a set."""
    return frozenset(row[0] for row in read_rows(name))
