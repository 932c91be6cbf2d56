"""What ``AliasTable.find`` remembers, and how it reads a name, change no match.

``find`` remembers, by the characters that decide it, what it read at a word: the
article before it, a surname with the given names before it. These tests read the
same texts with those memos working and with memos that forget everything, and
in different orders, so that two places whose remembered characters agree but
whose answers differ would show.

It reads a name from the few tokens after the word, straight from the text
(``tokens_from``), or takes the word's own answer where no longer name may start;
the tests hold both to what the window of name tokens around the word, read
whole, gives.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsparse as np
from newsparse._memo import Memo
from newsparse._tables import table as table_module
from newsparse._text import tokens_from, tokens_reach

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


class _Windowed(np.AliasTable):
    """A table that reads every name from the whole window of name tokens around
    the word (``_window``), with no shortcut: every word goes through ``_hit_at``,
    not the cases ``find`` reads in its own loop."""

    def _matches_in(
        self,
        matcher: Any,
        view: Any,
        text: str,
        found: list[Any],
        starts: list[Any],
        covered: int,
        matches: list[Any],
    ) -> int:
        for at, start in zip(found, starts, strict=True):
            span = at.span()
            if start is None or span[0] < covered:
                continue
            hit = self._hit_at(matcher, view.norm, span, start, covered)
            if hit is not None:
                first, covered, entry_id, how = hit
                a, b = view.span(first, covered)
                matches.append(np.TableMatch(a, b, text[a:b], entry_id, how))
        return covered

    def _name_at(self, matcher: Any, norm: str, span: tuple[int, int], word: Any) -> Any:
        return self._name_in_window(matcher, norm, span, word.longest)


REMEMBERING = np.AliasTable.from_records(RECORDS)
FORGETTING = _forgetful()
WINDOWED = _Windowed(REMEMBERING.entries)


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
            assert _found(REMEMBERING, text) == _found(WINDOWED, text), text


# Characters that decide how name tokens are cut: apostrophes, a lone s, gaps, an
# underscore and a digit (word characters), a letter with an accent.
_CHARACTERS = st.sampled_from([*"aAsSbB'' -._1\né\t", "al", "Al", "'s", "s'", "Foo", "x"])


def _window_tokens(norm: str, start: int, lo: int, hi: int, count: int) -> list[Any]:
    """The name tokens of the window ``norm[lo:hi]`` from ``start`` on, cut after
    ``count`` of them or after the first that no name goes on from."""
    tokens = []
    for token in table_module._window(norm, lo, hi):
        if token.start >= start:
            tokens.append(token)
            if len(tokens) == count or not token.joins:
                break
    return tokens


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_CHARACTERS, min_size=1, max_size=16).map("".join),
    st.integers(0, 40),
    st.integers(0, 5),
    st.integers(0, 6),
    st.integers(1, 4),
)
def test_tokens_read_from_a_word_are_those_of_its_window(
    norm: str, at: int, back: int, ahead: int, count: int
) -> None:
    # Wherever a run of word characters starts without an apostrophe just before it,
    # the tokens read from it are those of any window around it.
    start = _a_word_start(norm, at)
    if start is None:
        return
    hi = min(start + 1 + ahead * 3, len(norm) + 3)
    lo = max(start - back, 0)
    assert tokens_from(norm, start, hi, count) == _window_tokens(norm, start, lo, hi, count)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_CHARACTERS, min_size=1, max_size=24).map("".join),
    st.lists(_CHARACTERS, max_size=6).map("".join),
    st.integers(0, 40),
    st.integers(0, 40),
    st.integers(1, 4),
)
def test_tokens_read_from_a_word_depend_on_the_characters_up_to_their_reach(
    norm: str, other: str, at: int, ahead: int, count: int
) -> None:
    # find remembers a name by norm[start:reach]: any text that agrees there (and
    # ends there, or not, as norm does) gives the same tokens from the word.
    start = _a_word_start(norm, at)
    if start is None:
        return
    hi = min(start + 1 + ahead, len(norm) + 3)
    reach = tokens_reach(norm, start, hi, count)
    same = norm[start:reach] + (other if reach < len(norm) else "")
    if reach < len(norm) and not other:
        same += norm[reach:]
    moved = [
        t._replace(start=t.start + start, end=t.end + start)
        for t in tokens_from(same, 0, hi - start, count)
    ]
    assert moved == tokens_from(norm, start, hi, count)


def _a_word_start(norm: str, at: int) -> int | None:
    """One of the places where a run of word characters starts with no apostrophe
    just before it, chosen by ``at``; None where there is none."""
    starts = [
        i
        for i in range(len(norm))
        if (norm[i].isalnum() or norm[i] == "_")
        and (i == 0 or not (norm[i - 1].isalnum() or norm[i - 1] in "_'"))
    ]
    return starts[at % len(starts)] if starts else None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_CHARACTERS, min_size=1, max_size=24).map("".join),
    st.integers(0, 40),
    st.integers(0, 5),
    st.integers(0, 40),
)
def test_tokens_read_through_from_a_word_are_those_of_its_window(
    norm: str, at: int, back: int, ahead: int
) -> None:
    # With through=True the reading goes on past tokens no name goes on from, and
    # still gives the tokens of any window from the word on.
    start = _a_word_start(norm, at)
    if start is None:
        return
    hi = min(start + 1 + ahead, len(norm) + 3)
    lo = max(start - back, 0)
    expected = [t for t in table_module._window(norm, lo, hi) if t.start >= start]
    assert tokens_from(norm, start, hi, hi - start, through=True) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=16))
@example(["Secretary", "of", "the", "Treasury", "Pezeshkian"])
@example(["Sudani", "al-Sudani", "said", "Minister", "of", "National", "Masoud", "Pezeshekian"])
def test_a_surname_read_from_the_words_before_it_is_read_as_from_its_window(
    pieces: list[str],
) -> None:
    # The surname reader tokenises from the fifth word back; with every read taken
    # from the whole window of characters before the surname, the matches are the same.
    for joiner in (" ", ""):
        text = joiner.join(pieces)
        found = _found(FORGETTING, text)
        table_module._TOKENS_BACK, kept = 10**6, table_module._TOKENS_BACK
        try:
            assert _found(FORGETTING, text) == found, text
        finally:
            table_module._TOKENS_BACK = kept


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
    for table in (np.AliasTable.from_records(RECORDS), REMEMBERING, FORGETTING, WINDOWED):
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
        assert _found(REMEMBERING, text) == _found(WINDOWED, text)
