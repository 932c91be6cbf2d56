"""What ``AliasTable.find`` remembers between the words of texts changes no match.

``find`` remembers, by the characters that decide it, what it read at a word: the
name starting there, the article before it, a surname with the given names
before it. These tests read the same texts with those memos working and with
memos that forget everything (each word read afresh from its window of name
tokens, as before the memos), and in different orders, so that two places whose
remembered characters agree but whose answers differ would show.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsparse as np
from newsparse._memo import Memo
from newsparse._tables import table as table_module

RECORDS: list[dict[str, Any]] = [
    {"id": "sudani", "name": "Mohammed Shia al-Sudani", "type": "PERSON"},
    {"id": "ahmadi", "name": "Farid Ahmadi", "type": "PERSON"},
    {"id": "r-ahmadi", "name": "Rana Ahmadi", "type": "PERSON"},
    {"id": "pezeshkian", "name": "Masoud Pezeshkian", "type": "PERSON"},
    {"id": "oneill", "name": "Siobhan O'Neill", "type": "PERSON"},
    {"id": "bank", "name": "Bank of Velana", "type": "ORG", "aliases": ["BoV"]},
    {"id": "velana", "name": "Velana", "type": "PLACE"},
    {"id": "ngc", "name": "Northern Grain Cooperative", "type": "ORG", "aliases": ["NGC"]},
    {"id": "ministry", "name": "Ministry of Grain", "type": "ORG"},
    {"id": "national", "name": "National Grain Board", "type": "ORG"},
]

# Pieces of news text around the table's names: articles, possessives, apostrophes,
# titles, capitals, line breaks, given names of someone else, sentence ends.
_PIECES = [
    "Sudani",
    "al-Sudani",
    "Al-Sudani",
    "Al Sudani",
    "d'Sudani",
    "Muhammad Shia' Al-Sudani",
    "Mohammed",
    "Ahmadi",
    "Farid Ahmadi",
    "Rana",
    "Ahmadi's",
    "Pezeshekian",
    "Masoud",
    "Pezeshkian",
    "O'Neill",
    "O'Neill's",
    "Siobhan",
    "Bank",
    "Bank of Velana",
    "Velana's",
    "Velana",
    "VELANA",
    "BoV",
    "BOV",
    "NGC",
    "Northern",
    "Grain",
    "Cooperative",
    "Ministry of",
    "National",
    "Board",
    "Minister",
    "President",
    "the",
    "of",
    "said",
    "Yesterday",
    "al",
    "'s",
    "'",
    "-",
    ",",
    ".",
    "\n",
    "\n\n",
    "  ",
]


class _Forgetful(Memo[Any, Any]):
    """A memo that keeps nothing: every word is read afresh."""

    def keep(self, key: Any, value: Any, size: int) -> None:
        return None


def _forgetful() -> np.AliasTable:
    table = np.AliasTable.from_records(RECORDS)
    reading = table._read
    for name in reading.__slots__:
        setattr(reading, name, _Forgetful())
    return table


def _found(table: np.AliasTable, text: str) -> list[tuple[int, int, str, str, str]]:
    return [(m.start, m.end, m.text, m.entry_id, m.how.value) for m in table.find(text)]


REMEMBERING = np.AliasTable.from_records(RECORDS)
FORGETTING = _forgetful()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12), min_size=1))
@example([["Farid Ahmadi", "said"], ["Rana", "Ahmadi"], ["Yesterday", "Ahmadi"]])
@example([["al-Sudani"], ["d'Sudani"], ["Velana", "'s"], ["Velana's"]])
@example([["Bank of Velana", "said"], ["Bank", "of", "\n", "Velana"], ["Bank", "of", "Velana's"]])
def test_what_find_remembers_changes_no_match(texts: list[list[str]]) -> None:
    # One table reads every text with its memos warm from the texts before; the
    # other reads each afresh. Pieces are joined by spaces, or by nothing, so that
    # words meet their articles, apostrophes and possessives in every way.
    for pieces in texts:
        for joiner in (" ", ""):
            text = joiner.join(pieces)
            assert _found(REMEMBERING, text) == _found(FORGETTING, text), text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # The same word in contexts that differ just outside what is remembered.
        ("Velana's exports rose. Velana said.", [("Velana", "velana"), ("Velana", "velana")]),
        ("the al-Sudani plan; d'Sudani", [("al-Sudani", "sudani")]),
        (
            "Farid Ahmadi spoke. Later Rana Ahmadi spoke.",
            [("Farid Ahmadi", "ahmadi"), ("Rana Ahmadi", "r-ahmadi")],
        ),
        ("Ahmadi spoke.", []),  # two people share the surname
        (
            "Bank of Velana said; Bank of\nVelana said",
            [("Bank of Velana", "bank"), ("Bank of\nVelana", "bank")],
        ),
        ("Minister Masoud Pezeshekian said", [("Masoud Pezeshekian", "pezeshkian")]),
        ("O'Neill's view, and O'Neill", [("O'Neill", "oneill"), ("O'Neill", "oneill")]),
    ],
)
def test_find_reads_each_context_for_itself(text: str, found: list[tuple[str, str]]) -> None:
    for table in (np.AliasTable.from_records(RECORDS), REMEMBERING, FORGETTING):
        assert [(m.text, m.entry_id) for m in table.find(text)] == found


def test_a_long_text_is_read_across_its_blocks() -> None:
    # find scans a long text a block at a time; a name across a block's end is found.
    name = "Northern Grain Cooperative"
    filler = "grain prices rose " * (table_module._BLOCK // 18)
    for cut in range(-len(name) - 2, 3):
        text = filler[: table_module._BLOCK + cut] + " " + name + " and Velana."
        found = [(m.text, m.entry_id) for m in REMEMBERING.find(text)]
        assert found == [(name, "ngc"), ("Velana", "velana")], cut
        assert _found(REMEMBERING, text) == _found(FORGETTING, text)
