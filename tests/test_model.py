"""The model: invariants, JSON round trips, the contract's shape and the shipped schema."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import newsparse as np
from tests.strategies import articles

VALIDATOR = jsonschema.Draft202012Validator(np.json_schema())


def mention(start: int, end: int, text: str | None = None) -> np.Mention:
    return np.Mention(start=start, end=end, text="x" * (end - start) if text is None else text)


# --------------------------------------------------------------------------
# invariants: each row builds something that must be refused


BAD_ITEMS = [
    ("negative start", lambda: np.Mention(start=-1, end=2, text="abc")),
    ("end before start", lambda: np.Mention(start=5, end=3, text="")),
    ("text shorter than span", lambda: np.Mention(start=0, end=4, text="abc")),
    ("text longer than span", lambda: np.Paragraph(start=0, end=-1)),
    ("bool offset", lambda: np.Mention(start=True, end=1, text="a")),
    ("float offset", lambda: np.Dateline(start=0.0, end=1, text="a")),  # type: ignore[arg-type]
    (
        "unknown entity type",
        lambda: np.Entity(id="a", name="A", type="ANIMAL", mentions=[mention(0, 1)]),
    ),
    ("entity without mentions", lambda: np.Entity(id="a", name="A", type="PERSON")),
    (
        "empty entity id",
        lambda: np.Entity(id="", name="A", type="PERSON", mentions=[mention(0, 1)]),
    ),
    (
        "id differs from table_id",
        lambda: np.Entity(id="a", name="A", type="ORG", table_id="Q1", mentions=[mention(0, 1)]),
    ),
    (
        "mentions out of order",
        lambda: np.Entity(id="a", name="A", type="ORG", mentions=[mention(5, 6), mention(0, 1)]),
    ),
    ("upper-case role", lambda: np.Author(name="A", role="Editing", start=0, end=1, text="A")),
    ("empty role", lambda: np.Author(name="A", role="", start=0, end=1, text="A")),
    ("unknown quote kind", lambda: np.Quote(start=0, end=1, text="a", kind="rumour")),
    (
        "speaker not a Speaker",
        lambda: np.Quote(start=0, end=1, text="a", kind="direct", speaker="he"),  # type: ignore[arg-type]
    ),
    ("anonymous not a bool", lambda: np.Speaker(start=0, end=1, text="a", anonymous=1)),  # type: ignore[arg-type]
    ("day value at month granularity", lambda: np.DateMention(0, 1, "x", "2025-01-08", "month")),
    ("month value at day granularity", lambda: np.DateMention(0, 1, "x", "2025-01", "day")),
    ("impossible day", lambda: np.DateMention(0, 1, "x", "2025-02-30", "day")),
    ("month 13", lambda: np.DateMention(0, 1, "x", "2025-13", "month")),
    ("short year", lambda: np.DateMention(0, 1, "x", "987", "year")),
    ("unknown granularity", lambda: np.DateMention(0, 1, "x", "2025", "decade")),
    ("author where byline expected", lambda: np.Article(text_length=5, credits=["By A"])),  # type: ignore[list-item]
    ("negative text_length", lambda: np.Article(text_length=-1)),
    ("span beyond text_length", lambda: np.Article(text_length=3, paragraphs=[np.Paragraph(0, 4)])),
    (
        "overlapping paragraphs",
        lambda: np.Article(text_length=9, paragraphs=[np.Paragraph(0, 5), np.Paragraph(4, 9)]),
    ),
    (
        "duplicate entity ids",
        lambda: np.Article(
            text_length=9,
            entities=[
                np.Entity(id="a", name="A", type="ORG", mentions=[mention(0, 1)]),
                np.Entity(id="a", name="B", type="ORG", mentions=[mention(2, 3)]),
            ],
        ),
    ),
    (
        "one span in two entities",
        lambda: np.Article(
            text_length=9,
            entities=[
                np.Entity(id="a", name="A", type="ORG", mentions=[mention(0, 1)]),
                np.Entity(id="b", name="B", type="ORG", mentions=[mention(0, 1)]),
            ],
        ),
    ),
    (
        "speaker names a missing entity",
        lambda: np.Article(
            text_length=9,
            quotes=[np.Quote(0, 1, "x", "direct", speaker=np.Speaker(2, 3, "y", entity="nobody"))],
        ),
    ),
]


@pytest.mark.parametrize(("why", "build"), BAD_ITEMS, ids=[row[0] for row in BAD_ITEMS])
def test_invariants_refuse_bad_items(why: str, build: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        build()


def test_items_are_frozen_and_hashable() -> None:
    m = np.Mention(start=0, end=3, text="Abc", how="rule")
    with pytest.raises(AttributeError):
        m.start = 1  # type: ignore[misc]
    assert {m, np.Mention(0, 3, "Abc", np.MatchMethod.RULE)} == {m}
    assert not hasattr(m, "__dict__")  # slotted


def test_enums_accept_their_json_values() -> None:
    assert (
        np.Entity(id="a", name="A", type="PLACE", mentions=[mention(0, 1)]).type
        is np.EntityType.PLACE
    )
    assert np.DateMention(0, 4, "1987", "1987", "year").granularity is np.Granularity.YEAR
    assert np.Quote(0, 1, "a", "mixed").kind is np.QuoteKind.MIXED


def test_dates_accept_date_datetime_and_iso() -> None:
    expected = dt.date(2025, 1, 8)
    for value in (expected, dt.datetime(2025, 1, 8, 15, 1), "2025-01-08"):
        assert np.Article(text_length=0, published=value).published == expected
        assert np.Dateline(0, 0, "", date=value).date == expected


def test_first_day_of_each_granularity() -> None:
    assert np.DateMention(0, 1, "x", "2025-01-08", "day").first_day == dt.date(2025, 1, 8)
    assert np.DateMention(0, 1, "x", "2024-09", "month").first_day == dt.date(2024, 9, 1)
    assert np.DateMention(0, 1, "x", "1987", "year").first_day == dt.date(1987, 1, 1)


# --------------------------------------------------------------------------
# the JSON shape


def test_to_dict_has_exactly_the_contract_keys() -> None:
    d = np.Article(text_length=0).to_dict()
    # The contract's keys in order, then the additions (date_source, headline).
    assert list(d)[-2:] == ["date_source", "headline"]
    assert list(d)[:-2] == [
        "schema_version",
        "text_length",
        "published",
        "dateline",
        "byline",
        "credits",
        "entities",
        "dates",
        "quotes",
        "paragraphs",
    ]
    assert d == {
        "schema_version": 1,
        "text_length": 0,
        "published": None,
        "dateline": None,
        "byline": None,
        "credits": [],
        "entities": [],
        "dates": [],
        "quotes": [],
        "paragraphs": [],
        "date_source": None,
        "headline": None,
    }


def test_nested_shapes() -> None:
    text = 'BAGHDAD, Jan 8 (Reuters) - Al-Sudani said: "No."'
    article = np.Article(
        text_length=len(text),
        dateline=np.Dateline(
            0, 26, text[0:26], place="BAGHDAD", date="1987-01-08", outlet="Reuters"
        ),
        entities=[
            np.Entity(
                id="p1",
                name="Al-Sudani",
                type="PERSON",
                mentions=[np.Mention(27, 36, "Al-Sudani", "rule")],
            )
        ],
        quotes=[
            np.Quote(
                44,
                47,
                "No.",
                "direct",
                cue="said",
                speaker=np.Speaker(27, 36, "Al-Sudani", entity="p1"),
            )
        ],
    )
    d = article.to_dict()
    assert d["dateline"] == {
        "start": 0,
        "end": 26,
        "text": "BAGHDAD, Jan 8 (Reuters) -",
        "place": "BAGHDAD",
        "date": "1987-01-08",
        "outlet": "Reuters",
    }
    assert d["entities"][0]["mentions"] == [
        {"start": 27, "end": 36, "text": "Al-Sudani", "how": "rule"}
    ]
    assert d["quotes"][0]["speaker"] == {
        "start": 27,
        "end": 36,
        "text": "Al-Sudani",
        "entity": "p1",
        "anonymous": False,
    }
    for item in article.spans():
        if hasattr(item, "text"):
            assert text[item.start : item.end] == item.text


def _json_types_only(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_types_only(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_json_types_only(v) for v in value)
    return value is None or type(value) in (str, int, bool)


@given(articles())
def test_round_trip_of_generated_articles(pair: tuple[str, np.Article]) -> None:
    text, article = pair
    d = article.to_dict()
    assert _json_types_only(d)
    VALIDATOR.validate(d)
    assert np.Article.from_dict(d) == article
    assert np.Article.from_json(article.to_json()) == article
    assert np.Article.from_json(article.to_json(indent=2)) == article
    for item in article.spans():
        if hasattr(item, "text"):
            assert text[item.start : item.end] == item.text


def test_from_dict_ignores_unknown_keys() -> None:
    d = np.Article(text_length=3).to_dict()
    d["source"] = "a.txt"
    d["future_field"] = [1, 2]
    assert np.Article.from_dict(d) == np.Article(text_length=3)


BAD_DICTS = [
    ("not an object", [], "<root>"),
    ("wrong version", {"schema_version": 2}, "schema_version"),
    ("missing text_length", {"schema_version": 1}, "text_length"),
    ("string text_length", {"text_length": "3"}, "text_length"),
    ("bool text_length", {"text_length": True}, "text_length"),
    ("entities not a list", {"entities": {}}, "entities"),
    (
        "mention start missing",
        {
            "entities": [
                {
                    "id": "a",
                    "name": "A",
                    "type": "ORG",
                    "table_id": None,
                    "mentions": [{"end": 1, "text": "x"}],
                }
            ]
        },
        "entities[0].mentions[0].start",
    ),
    (
        "bad entity type",
        {
            "entities": [
                {
                    "id": "a",
                    "name": "A",
                    "type": "CAT",
                    "table_id": None,
                    "mentions": [{"start": 0, "end": 1, "text": "x"}],
                }
            ]
        },
        "entities[0]",
    ),
    ("span beyond text", {"paragraphs": [{"start": 0, "end": 99}]}, "<root>"),
    (
        "speaker anonymous missing",
        {
            "quotes": [
                {
                    "start": 0,
                    "end": 1,
                    "text": "x",
                    "kind": "direct",
                    "cue": None,
                    "speaker": {"start": 0, "end": 1, "text": "x", "entity": None},
                }
            ]
        },
        "quotes[0].speaker.anonymous",
    ),
    ("bad published", {"published": "yesterday"}, "<root>"),
]


@pytest.mark.parametrize(("why", "change", "path"), BAD_DICTS, ids=[r[0] for r in BAD_DICTS])
def test_from_dict_names_the_path_of_the_problem(why: str, change: Any, path: str) -> None:
    base = np.Article(text_length=3).to_dict()
    if isinstance(change, dict):
        data: Any = {**base, **change}
        if why == "missing text_length":
            del data["text_length"]
    else:
        data = change
    with pytest.raises(np.SchemaError) as caught:
        np.Article.from_dict(data)
    assert caught.value.path == path
    assert isinstance(caught.value, np.NewsparseError)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON: Expecting property name"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON: nested too deeply"),
        ('{"entities": ' + "[" * 100_000, "not valid JSON: nested too deeply"),
    ],
)
def test_from_json_refuses_malformed_json(text: str, message: str) -> None:
    with pytest.raises(np.SchemaError, match=message):
        np.Article.from_json(text)


def test_schema_refuses_what_the_contract_forbids() -> None:
    good = np.Article(text_length=3).to_dict()
    VALIDATOR.validate(good)
    change: dict[str, Any]
    for change in (
        {"schema_version": 2},
        {"published": "8 Jan 2025"},
        {"dates": [{"start": 0, "end": 1, "text": "x", "value": "2025-01", "granularity": "day"}]},
        {
            "entities": [
                {"id": "a", "name": "A", "type": "person", "table_id": None, "mentions": []}
            ]
        },
        {"unknown": 1},
    ):
        assert not VALIDATOR.is_valid({**good, **change}), change


# Any str, lone surrogates included, except a high surrogate right before a low one:
# that pair is one character in every JSON reader (see newsparse._json).
_ANY_STR = st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=60
).filter(lambda s: not regex.search("[\ud800-\udbff][\udc00-\udfff]", s))


@given(_ANY_STR)
def test_json_of_any_text_encodes_as_utf8_and_reads_back(text: str) -> None:
    article = np.parse(text + " Omar Rashid said: \u201c" + text + "\u201d")
    for indent in (None, 2):
        encoded = article.to_json(indent=indent)
        assert json.loads(encoded.encode("utf-8")) == article.to_dict()
        assert np.Article.from_json(encoded) == article


@pytest.mark.parametrize(
    ("piece", "escape"),
    [
        ("The port \ud800 will reopen.", "\\ud800"),
        ("\udfff We will not give up.", "\\udfff"),
        ("Decoded with surrogateescape: \udcff.", "\\udcff"),
    ],
)
def test_lone_surrogates_are_written_as_json_escapes(piece: str, escape: str) -> None:
    article = np.parse(f'Omar Rashid said: "{piece}"')
    assert [q.text for q in article.quotes] == [piece.rstrip(".")]
    encoded = article.to_json()
    assert escape in encoded
    encoded.encode("utf-8")
    assert np.Article.from_json(encoded) == article


DATE_SOURCES = [
    # (why, text, reference date, published, date from, year from, evidence)
    (
        "a dateline with its year",
        "KABUL, Afghanistan (June 14, 2012) - A force detained two men today.",
        None,
        "2012-06-14",
        "dateline",
        "dateline",
        None,
    ),
    (
        "a dateline without a year, the reference date's year",
        "KABUL, Afghanistan (June 14) - A force detained two men today.",
        dt.date(2012, 6, 20),
        "2012-06-14",
        "dateline",
        "reference_date",
        None,
    ),
    (
        "a dateline without a year, a dated release number above it",
        "2012-06-S-026\nFor Immediate Release\n\nKABUL, Afghanistan (June 14) - A force detained two men.",
        None,
        "2012-06-14",
        "dateline",
        "text",
        "2012-06-S-026",
    ),
    (
        "a release number of December, a dateline of early January",
        "2012-12-S-101\nKABUL, Afghanistan (Jan. 2) - A force detained two men.",
        None,
        "2013-01-02",
        "dateline",
        "text",
        "2012-12-S-101",
    ),
    (
        "a full date in a header line",
        "Operational Update, March 10, 2011\nKABUL, Afghanistan (March 10) - Forces detained two men.",
        None,
        "2011-03-10",
        "dateline",
        "text",
        "March 10, 2011",
    ),
    (
        "a release number whose serial is a template's placeholder",
        "2012-06-S-XXX\nKABUL, Afghanistan (June 14) - A force detained two men.",
        None,
        "2012-06-14",
        "dateline",
        "text",
        "2012-06-S-XXX",
    ),
    (
        "a year after a full stop in the dateline's parentheses, a slip",
        "KABUL, Afghanistan (Nov. 1. 2011)\nA force detained two men yesterday.",
        None,
        "2011-11-01",
        "dateline",
        "dateline",
        None,
    ),
    (
        "no dateline date: the reference date",
        "Forces detained two men on Monday.",
        dt.date(2012, 6, 20),
        "2012-06-20",
        "reference_date",
        "reference_date",
        None,
    ),
]


@pytest.mark.parametrize(
    ("why", "text", "reference", "published", "date_from", "year_from", "evidence"),
    DATE_SOURCES,
    ids=[row[0] for row in DATE_SOURCES],
)
def test_the_article_says_where_its_date_came_from(
    why: str,
    text: str,
    reference: dt.date | None,
    published: str,
    date_from: str,
    year_from: str,
    evidence: str | None,
) -> None:
    article = np.parse(text, reference_date=reference)
    assert article.published == dt.date.fromisoformat(published)
    source = article.date_source
    assert source is not None
    assert (source.date.value, source.year.value) == (date_from, year_from)
    if evidence is None:
        assert source.evidence is None
    else:
        assert source.evidence is not None
        assert source.evidence.text == evidence
        assert text[source.evidence.start : source.evidence.end] == evidence
    assert np.Article.from_dict(article.to_dict()) == article


def test_no_year_guessed_without_evidence() -> None:
    article = np.parse("KABUL, Afghanistan (June 14) - A force detained two men today.")
    assert article.dateline is not None
    assert article.dateline.date is None
    assert (article.published, article.date_source) == (None, None)
    assert article.dates == ()


def test_output_without_date_source_still_reads() -> None:
    d = np.parse("Forces left on Monday.", reference_date=dt.date(2012, 6, 20)).to_dict()
    del d["date_source"]
    assert np.Article.from_dict(d).date_source is None


def test_a_date_source_needs_evidence_exactly_when_the_year_is_from_the_text() -> None:
    with pytest.raises(ValueError, match="evidence"):
        np.DateSource(date="dateline", year="text")
    with pytest.raises(ValueError, match="evidence"):
        np.DateSource(date="dateline", year="dateline", evidence=np.Evidence(0, 1, "x"))
    with pytest.raises(ValueError, match="day"):
        np.DateSource(date="text", year="dateline")


def test_a_quote_is_its_own_one_part_unless_given_parts() -> None:
    quote = np.Quote(start=4, end=9, text="given", kind="direct")
    assert quote.parts == (np.QuotePart(start=4, end=9, text="given"),)
    assert quote.content == "given"


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ([], "at least one"),
        ([np.QuotePart(start=2, end=5, text="abc")], "inside"),
        (
            [np.QuotePart(start=6, end=8, text="ab"), np.QuotePart(start=4, end=5, text="a")],
            "in order",
        ),
        ([(4, 5)], "QuotePart"),
    ],
)
def test_a_quotes_parts_lie_in_order_inside_it(parts: list[Any], message: str) -> None:
    with pytest.raises((TypeError, ValueError), match=message):
        np.Quote(start=4, end=9, text="given", kind="direct", parts=parts)


def test_output_without_quote_parts_still_reads() -> None:
    text = '"We will not," she said, "give up."'
    d = np.parse(text).to_dict()
    assert [p["text"] for p in d["quotes"][0]["parts"]] == ["We will not", "give up"]
    del d["quotes"][0]["parts"]
    quote = np.Article.from_dict(d).quotes[0]
    assert [p.text for p in quote.parts] == [quote.text]
