"""parse(): the type rules, the reference date, the stages' safety net, and real articles."""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse as np
from newsparse import _pipeline
from tests.conftest import reuters_records


@pytest.mark.parametrize("value", [b"text", bytearray(b"text"), memoryview(b"text")])
def test_bytes_raise_type_error_with_a_decoding_hint(value: Any) -> None:
    with pytest.raises(TypeError, match=r"decode it first") as caught:
        np.parse(value)
    assert isinstance(caught.value, np.NewsparseError)


@pytest.mark.parametrize("value", [None, 3, ["a"], object()])
def test_other_non_strings_raise_type_error(value: Any) -> None:
    with pytest.raises(TypeError, match="needs str"):
        np.parse(value)


def test_aliases_must_be_a_table() -> None:
    with pytest.raises(TypeError, match="AliasTable"):
        np.parse("text", aliases=[{"id": "x"}])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2025, 1, 8), dt.date(2025, 1, 8)),
        (dt.datetime(1987, 2, 26, 15, 1, 1), dt.date(1987, 2, 26)),
        ("2025-01-08", dt.date(2025, 1, 8)),
        (None, None),
    ],
)
def test_reference_date_becomes_published_without_a_dateline(
    value: Any, expected: dt.date | None
) -> None:
    assert np.parse("No dateline here.", reference_date=value).published == expected


def test_bad_reference_dates() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD") as caught:
        np.parse("x", reference_date="8 January 2025")
    assert isinstance(caught.value, np.NewsparseError)
    with pytest.raises(TypeError, match="reference_date"):
        np.parse("x", reference_date=20250108)  # type: ignore[arg-type]


def test_a_failing_stage_costs_its_result_not_the_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(_pipeline, "find_quotes", broken)
    with pytest.warns(np.NewsparseWarning, match="quotes stage failed"):
        article = np.parse("One.\n\nTwo.")
    assert article.quotes == ()
    assert len(article.paragraphs) == 2


def test_text_length_and_paragraph_offsets(example_text: str) -> None:
    article = np.parse(example_text)
    assert article.text_length == len(example_text)
    surfaces = [example_text[p.start : p.end] for p in article.paragraphs]
    assert surfaces[0] == "Iraq and Kuwait agree to share dredging costs at disputed Gulf channel"
    assert surfaces[1] == "By Layla Haddad and PETER OSTROWSKI, Reuters"
    assert surfaces[2].startswith("BASRA, Iraq, March 4 (Reuters) - ")
    assert surfaces[-1].startswith("(Reporting by Layla Haddad")
    assert len(surfaces) == 11


def _assert_offsets_valid(text: str, article: np.Article) -> None:
    assert article.text_length == len(text)
    for item in article.spans():
        assert 0 <= item.start <= item.end <= len(text)
        if hasattr(item, "text"):
            assert text[item.start : item.end] == item.text


@given(st.text(max_size=400))
def test_any_string_parses(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        article = np.parse(text)
    _assert_offsets_valid(text, article)
    assert np.Article.from_dict(article.to_dict()) == article


def test_seed_article(seed_text: str) -> None:
    article = np.parse(seed_text)
    _assert_offsets_valid(seed_text, article)
    assert article.to_dict()["schema_version"] == 1
    # The seed is laid out as paragraphs separated by blank lines.
    assert len(article.paragraphs) == seed_text.strip().count("\n\n") + 1
    assert np.Article.from_dict(article.to_dict()) == article


def test_reuters_articles_parse_with_valid_offsets() -> None:
    count = 0
    for record in reuters_records(limit=2000):
        article = np.parse(record["text"])
        _assert_offsets_valid(record["text"], article)
        assert article.paragraphs, record["id"]
        count += 1
    assert count == 2000
