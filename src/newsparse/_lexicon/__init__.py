"""The lexicon: the package's knowledge, read once from its data files and checked,
with the records users extend (titles, particles, cue verbs, outlets)."""

from __future__ import annotations

from newsparse._lexicon.files import function_words, read_rows, read_words
from newsparse._lexicon.lexicon import (
    CueVerb,
    Lexicon,
    LexiconWords,
    Particle,
    Title,
    lexicon_for,
    title_key,
    words_of,
)
from newsparse._lexicon.outlets import Outlet, OutletTable, OutletTableError, outlet_key
from newsparse._lexicon.spelling import within_one_edit

__all__ = [
    "CueVerb",
    "Lexicon",
    "LexiconWords",
    "Outlet",
    "OutletTable",
    "OutletTableError",
    "Particle",
    "Title",
    "function_words",
    "lexicon_for",
    "outlet_key",
    "read_rows",
    "read_words",
    "title_key",
    "within_one_edit",
    "words_of",
]
