"""The one matcher of alias tables: what ``AliasTable.find`` and the entities stage see.

Both read a table through :class:`newsparse._tables.Matcher`; the stage then adds
its own rules (headlines passed over, coreference, roles, sentence openers, the
fuzzy reading of a run of capitalised words). Each case below is a made-up news
sentence with what ``find`` returns and what ``parse`` resolves to table ids; where
the two differ, ``why`` says why the difference is meant.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any, NamedTuple

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsparse as np
from newsparse._stages.entities import MAX_NAME_WORDS
from newsparse._tables import Matcher
from newsparse._text import is_article, tokens_in
from newsparse.model import MatchMethod

RECORDS: list[dict[str, Any]] = [
    {"id": "ahmadi", "name": "Farid Ahmadi", "type": "PERSON"},
    {"id": "okafor", "name": "Grace Okafor", "type": "PERSON"},
    {"id": "lindqvist", "name": "Erik Lindqvist", "type": "PERSON"},
    {
        "id": "t-harland",
        "name": "Thomas Harland",
        "type": "PERSON",
        "roles": [{"title": "Finance Minister", "start": "2020-01-01", "end": "2024-06-30"}],
    },
    {"id": "r-harland", "name": "Ruth Harland", "type": "PERSON"},
    {"id": "mansouri", "name": "Khalid al-Mansouri", "type": "PERSON"},
    {"id": "ngc", "name": "Northern Grain Cooperative", "type": "ORG", "aliases": ["NGC"]},
    {"id": "velana", "name": "Port Velana", "type": "PLACE"},
]
TABLE = np.AliasTable.from_records(RECORDS)
DAY = dt.date(2022, 5, 1)

Found = list[tuple[str, str, str]]  # (text, entry id, how) of each match, in order
Resolved = dict[str, list[tuple[str, str]]]  # table id: (text, how) of each mention


class Case(NamedTuple):
    text: str
    find: Found
    parse: Resolved
    why: str = ""  # why the stage's answer differs from find's, when it does


CASES = [
    Case(
        "Farid Ahmadi met Grace Okafor in Port Velana on Tuesday.",
        [
            ("Farid Ahmadi", "ahmadi", "table"),
            ("Grace Okafor", "okafor", "table"),
            ("Port Velana", "velana", "table"),
        ],
        {
            "ahmadi": [("Farid Ahmadi", "table")],
            "okafor": [("Grace Okafor", "table")],
            "velana": [("Port Velana", "table")],
        },
    ),
    Case(
        "Ahmadi said the plan would go ahead.",
        [("Ahmadi", "ahmadi", "variant")],
        {"ahmadi": [("Ahmadi", "variant")]},
    ),
    Case(
        "Farid Ahmadi arrived on Monday. Later, Ahmadi spoke to reporters.",
        [("Farid Ahmadi", "ahmadi", "table"), ("Ahmadi", "ahmadi", "variant")],
        {"ahmadi": [("Farid Ahmadi", "table"), ("Ahmadi", "coreference")]},
        "the stage joins a surname to the person named before it (coreference) first",
    ),
    Case(
        "GRACE OKAFOR WINS VOTE\n\nGrace Okafor won the vote on Sunday.",
        [("GRACE OKAFOR", "okafor", "table"), ("Grace Okafor", "okafor", "table")],
        # The stage reads a headline in capitals for the names its body gives.
        {"okafor": [("GRACE OKAFOR", "table"), ("Grace Okafor", "table")]},
    ),
    Case(
        "GRACE OKAFOR\n\nOkafor won.",
        [("GRACE OKAFOR", "okafor", "table"), ("Okafor", "okafor", "variant")],
        {},
        "headline passed over; a lone word opening a sentence is a name to the stage "
        "only when written so mid-sentence too, or when it speaks",
    ),
    Case("Harland told parliament the budget was balanced.", [], {}),
    Case(
        "Finance Minister Harland told parliament the budget was balanced.",
        [],
        {"t-harland": [("Harland", "variant")]},
        "two people are named Harland; the stage takes the one holding the office "
        "before the name on the article's date",
    ),
    Case(
        "Lindquist said exports rose in March.",
        [("Lindquist", "lindqvist", "fuzzy")],
        {"lindqvist": [("Lindquist", "fuzzy")]},
    ),
    Case(
        "Erik Lindquist said exports rose in March.",
        [("Erik Lindquist", "lindqvist", "fuzzy")],
        {"lindqvist": [("Erik Lindquist", "fuzzy")]},
    ),
    Case(
        "Traders in Lindquist said prices rose.",
        [("Lindquist", "lindqvist", "fuzzy")],
        {},
        why="after 'in' the word is a place, no subject of 'said', and a place is no "
        "person's surname",
    ),
    Case("Peter Okafor, a farmer, said the rains came late.", [], {}),
    Case(
        "Yesterday Okafor said the count was complete.",
        [("Okafor", "okafor", "variant")],
        {"okafor": [("Okafor", "variant")]},
    ),
    Case(
        "Khalid al-Mansouri met envoys on Friday. Al-Mansouri later left for the coast.",
        [("Khalid al-Mansouri", "mansouri", "table"), ("Al-Mansouri", "mansouri", "variant")],
        {"mansouri": [("Khalid al-Mansouri", "table"), ("Al-Mansouri", "coreference")]},
        "surname with its article joined to the full name by coreference",
    ),
    Case(
        "The Northern Grain Cooperative (NGC) raised prices. NGC said costs had doubled.",
        [
            ("Northern Grain Cooperative", "ngc", "table"),
            ("NGC", "ngc", "table"),
            ("NGC", "ngc", "table"),
        ],
        {"ngc": [("Northern Grain Cooperative", "table"), ("NGC", "table"), ("NGC", "table")]},
    ),
    Case(
        "Northern Grain Coperative said costs had doubled.",
        [("Northern Grain Coperative", "ngc", "variant")],
        {"ngc": [("Northern Grain Coperative", "variant")]},
    ),
    Case(
        "Officials of the Nothern Grain Cooperative met.",
        [],
        {"ngc": [("Nothern Grain Cooperative", "fuzzy")]},
        "the stage reads a run of capitalised words with one misspelt word fuzzily; "
        "find reads only a misspelt surname so",
    ),
    Case("Shares of ngc fell as grace okafor resigned.", [], {}),
    Case(
        "Markets in Farid Ahmadi Square were calm.",
        [("Farid Ahmadi", "ahmadi", "table")],
        {"ahmadi": [("Farid Ahmadi", "table")]},
    ),
]


def _found(text: str) -> Found:
    return [(m.text, m.entry_id, m.how.value) for m in TABLE.find(text)]


def _resolved(text: str) -> Resolved:
    article = np.parse(text, aliases=TABLE, reference_date=DAY)
    return {
        e.table_id: [(m.text, m.how.value if m.how else "") for m in e.mentions]
        for e in article.entities
        if e.table_id is not None
    }


def _as_resolved(found: Found) -> Resolved:
    """What the stage would resolve if it saw what find sees (with find's ``how``)."""
    resolved: Resolved = {}
    for text, entry_id, how in found:
        resolved.setdefault(entry_id, []).append((text, how))
    return resolved


@pytest.mark.parametrize("case", CASES, ids=[c.text[:40] for c in CASES])
def test_find_and_the_entities_stage_see_the_same_names(case: Case) -> None:
    assert _found(case.text) == case.find
    assert _resolved(case.text) == case.parse
    # A difference between the two is meant only where the case says why.
    assert (_as_resolved(case.find) != case.parse) == bool(case.why), case.why


def test_the_matcher_reads_name_tokens() -> None:
    text = "Envoys of Khalid al-Mansouri met Mansouri and Harland."
    tokens = tokens_in(text, 0, len(text))
    matcher = Matcher(TABLE.index)
    hits = matcher.names(tokens)
    assert [(text[tokens[h.first].start : tokens[h.last - 1].end], h.how) for h in hits] == [
        ("Khalid al-Mansouri", MatchMethod.TABLE)
    ]
    at = {t.text: i for i, t in enumerate(tokens)}
    surname = matcher.surname_at(text, tokens, at["Mansouri"])
    assert surname is not None
    assert surname.ids == {"mansouri"}
    assert matcher.surname_at(text, tokens, at["Harland"]) is None  # two people
    assert matcher.surname("harland") is None
    assert matcher.surname("lindquist") == ("lindqvist", MatchMethod.FUZZY)


def test_headlines_are_read_by_the_matcher_only_when_asked() -> None:
    # The stage's tokens (tokens_of) mark a headline's words; find's (tokens_in) do not.
    tokens = [t._replace(heading=True) for t in tokens_in("GRACE OKAFOR WINS", 0, 17)]
    matcher = Matcher(TABLE.index)
    assert matcher.names(tokens) == []
    assert [sorted(h.ids) for h in matcher.names(tokens, headings=True)] == [["okafor"]]


# Pieces of made-up news text: names of the table in several spellings and cases,
# other names, and filler.
_PIECES = [
    "Farid Ahmadi",
    "Ahmadi",
    "AHMADI",
    "Grace Okafor",
    "grace okafor",
    "Peter Okafor",
    "Okafor's",
    "Erik Lindquist",
    "Lindqvist",
    "Harland",
    "Finance Minister Harland",
    "Ruth Harland",
    "Khalid al-Mansouri",
    "Al-Mansouri",
    "al-Mansouri",
    "Northern Grain Cooperative",
    "Nothern Grain Cooperative",
    "NGC",
    "(NGC)",
    "ngc",
    "Port Velana",
    "said",
    "met",
    "in",
    "the",
    "on Monday",
    "Yesterday",
    "Minister",
    "-",
    ",",
    ".",
    "'",
    "\n\n",
    "GRAIN PRICES RISE\n\n",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
# The title of a run stays with the piece cut from it; it picks among the people of
# a shared surname only, and never makes a surname of someone else's name one.
@example(["Finance Minister Harland", "Farid Ahmadi", "Okafor's"])
# A word in lower case in a headline is no acronym the body names in capitals.
@example(["Grace Okafor", "ngc", "\n\n", "grace okafor", "NGC"])
# A run of more name tokens than a name may hold is cut (Al-Mansouri is two).
@example(["Farid Ahmadi"] * 6 + ["Ahmadi", "Al-Mansouri", "Erik Lindquist"])
@example(["Farid Ahmadi"] * 6 + ["Ahmadi", "al-Mansouri", "Erik Lindquist"])
def test_what_the_stage_resolves_from_the_table_find_reports(pieces: list[str]) -> None:
    text = " ".join(pieces)
    found = TABLE.find(text)
    for match in found:
        assert text[match.start : match.end] == match.text
    spans = [(m.start, m.end) for m in found]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    at = set(spans)
    article = np.parse(text, aliases=TABLE, reference_date=DAY)
    from_table = (MatchMethod.TABLE, MatchMethod.VARIANT, MatchMethod.FUZZY)
    for entity in article.entities:
        if entity.table_id is None:
            continue
        for mention in entity.mentions:
            if mention.how not in from_table or (mention.start, mention.end) in at:
                continue
            words = text[mention.start : mention.end].split()
            # Meant differences: the office before a surname two people share picks
            # one (find names neither), and the stage's fuzzy reading of a run of
            # capitalised words (find reads only a misspelt surname fuzzily).
            shared = words[-1].casefold() == "harland" and "Minister" in text[: mention.start]
            fuzzy_run = mention.how is MatchMethod.FUZZY and len(words) > 1
            # And a run of capitalised words too long to be one name, which the stage
            # cuts into pieces (find reads every name of it as written).
            cut = _capitalised_run(text, mention.start) > MAX_NAME_WORDS
            assert shared or fuzzy_run or cut, (text, mention)


def _capitalised_run(text: str, at: int) -> int:
    """How many capitalised words in a row stand around ``text[at]``, a hyphen's
    parts counted apart and an article in the run, as the name tokens count them
    (``al-Mansouri`` is two)."""
    words = [(m.start(), m.group()) for m in re.finditer(r"[^\s-]+", text)]
    i = next(k for k, (start, word) in enumerate(words) if start <= at < start + len(word))
    first = last = i

    def in_run(k: int) -> bool:  # capitalised, or an article joined to the word after
        word = words[k][1]
        return word[:1].isupper() or (is_article(word.casefold()) and k + 1 < len(words))

    while first > 0 and in_run(first - 1):
        first -= 1
    while last + 1 < len(words) and in_run(last + 1):
        last += 1
    return last - first + 1


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The figures came from the NGC on Monday.", ["NGC"]),
        ("The figures came from the NC on Monday.", []),  # a letter short
        ("The figures came from the NNGC on Monday.", []),  # a letter over
    ],
)
def test_an_acronym_matches_only_its_own_letters(text: str, found: list[str]) -> None:
    # Spelling variants fold doubled letters in names (Mohammed, Mohamed); an
    # acronym's letters are its spelling, so NNGC is not NGC.
    assert [m.text for m in TABLE.find(text)] == found
