"""The lexicon: the package's knowledge files, read once, and the table of outlets."""

from __future__ import annotations

from newsparse._lexicon.files import read_rows, read_words
from newsparse._lexicon.outlets import Outlet, OutletTable, OutletTableError, outlet_key
from newsparse._lexicon.spelling import within_one_edit

__all__ = [
    "Outlet",
    "OutletTable",
    "OutletTableError",
    "outlet_key",
    "read_rows",
    "read_words",
    "within_one_edit",
]
