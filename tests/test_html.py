"""HTML in: parse_html and the command line's --html, on pages written for the tests."""

from __future__ import annotations

import datetime as _dt
import importlib.util
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsparse
from newsparse._cli import main

# Every test but those of a missing extra needs trafilatura.
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("trafilatura") is None,
    reason="trafilatura is not installed: pip install 'newsparse[html]'",
)

PAGES = Path(__file__).resolve().parent / "data" / "html"
WIRE = Path(__file__).resolve().parent.parent / "examples" / "port_deal.html"
AGENCY = PAGES / "agency_energy_talks.html"
UNDATED = PAGES / "undated_council_vote.html"

# page, its date and authors, the article's date and dateline place, a mention the
# article must hold, and words the extracted text must (and must not) contain.
CASES = [
    (
        WIRE,
        "2025-03-04",
        ("Layla Haddad", "Peter Ostrowski"),
        "2025-03-04",
        "BASRA, Iraq",
        ("Mohammed al-Karbouli", "PERSON"),
        "agreed on Tuesday to split the cost",
        "Privacy policy",
    ),
    (
        AGENCY,
        "2024-11-18",
        ("Anja Kovac",),
        "2024-11-18",
        "VIENNA",
        ("Klaus Brenner", "PERSON"),
        "keep gas flowing through the winter",
        "We use cookies",
    ),
    (
        UNDATED,
        None,
        (),
        None,
        None,
        ("Margaret Okafor", "PERSON"),
        "put off a vote on a new harbour levy",
        "Sign up",
    ),
]


@pytest.mark.parametrize(
    ("page", "page_date", "authors", "published", "place", "mention", "inside", "outside"),
    CASES,
    ids=[c[0].stem for c in CASES],
)
def test_a_page_gives_its_text_date_and_authors(
    page: Path,
    page_date: str | None,
    authors: tuple[str, ...],
    published: str | None,
    place: str | None,
    mention: tuple[str, str],
    inside: str,
    outside: str,
) -> None:
    result = newsparse.parse_html(page.read_bytes())
    assert isinstance(result, newsparse.HtmlArticle)
    assert inside in result.text
    assert outside not in result.text
    metadata = result.metadata
    assert (None if metadata.date is None else metadata.date.isoformat()) == page_date
    assert metadata.authors == authors
    article = result.article
    assert (None if article.published is None else article.published.isoformat()) == published
    assert (None if article.dateline is None else article.dateline.place) == place
    found = {(m.text, e.type.value) for e in article.entities for m in e.mentions}
    assert mention in found
    assert article.offset_problems(result.text) == []
    assert article == newsparse.parse(result.text, reference_date=metadata.date)


def test_relative_dates_resolve_against_the_page_date() -> None:
    dates = newsparse.parse_html(WIRE.read_text(encoding="utf-8")).article.dates
    assert [(d.text, d.value) for d in dates] == [
        ("on Tuesday", "2025-03-04"),
        ("last week", "2025-02-24"),
        ("2021", "2021"),
        ("next month", "2025-04"),
    ]


def test_a_reference_date_given_wins_over_the_page_date() -> None:
    result = newsparse.parse_html(UNDATED.read_bytes(), reference_date="2024-06-12")
    assert result.article.published == _dt.date(2024, 6, 12)
    assert [(d.text, d.value) for d in result.article.dates] == [
        ("on Monday", "2024-06-10"),
        ("next week", "2024-06-17"),
        ("last month", "2024-05"),
    ]
    wire = newsparse.parse_html(WIRE.read_bytes(), reference_date=_dt.date(2025, 3, 10))
    assert wire.metadata.date == _dt.date(2025, 3, 4)
    assert wire.article.published == _dt.date(2025, 3, 10)


def test_the_metadata_names_the_page() -> None:
    metadata = newsparse.parse_html(WIRE.read_bytes()).metadata
    assert metadata.to_dict() == {
        "title": "Iraq, Kuwait agree to share Gulf channel dredging costs",
        "authors": ["Layla Haddad", "Peter Ostrowski"],
        "date": "2025-03-04",
        "url": "https://www.gulfledger.example/world/2025/03/04/iraq-kuwait-channel",
        "sitename": "Gulf Ledger",
    }


LATIN1_PAGE = (
    '<html><head><meta charset="iso-8859-1"><title>Strike ends</title></head><body><article>'
    "<h1>Dock strike ends</h1><p>Union leader José Peñalver said on Friday that dock workers "
    "in Valparaíso would return to work after a deal on pay.</p><p>The port authority said "
    "ships would be unloaded from Saturday, and that the backlog would be cleared within "
    "a week.</p></article></body></html>"
)


def test_bytes_are_read_in_the_page_s_declared_encoding() -> None:
    result = newsparse.parse_html(LATIN1_PAGE.encode("latin-1"), url="https://example.org/a")
    assert "José Peñalver" in result.text
    assert result.metadata.url == "https://example.org/a"
    assert result.article.offset_problems(result.text) == []


@pytest.mark.parametrize("page", ["", "   \n", "<html><body></body></html>"])
def test_a_page_without_text_gives_an_empty_article(page: str) -> None:
    result = newsparse.parse_html(page)
    assert result.text == ""
    assert result.article == newsparse.parse("")


def test_a_page_trafilatura_fails_on_warns_and_gives_no_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    def fail(*args: object, **kwargs: object) -> None:
        raise ValueError("tree too deep")

    monkeypatch.setattr(trafilatura, "bare_extraction", fail)
    with pytest.warns(newsparse.NewsparseWarning, match="tree too deep"):
        result = newsparse.parse_html("<html><body><p>Some text.</p></body></html>")
    assert (result.text, result.article) == ("", newsparse.parse(""))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"html": 42}, newsparse.InputTypeError, "needs str or bytes, not int"),
        ({"html": "<p>x</p>", "url": 7}, newsparse.InputTypeError, "url must be a str"),
        ({"html": "<p>x</p>", "reference_date": "4/3/2025"}, ValueError, "YYYY-MM-DD"),
    ],
)
def test_wrong_arguments_are_named(
    kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        newsparse.parse_html(**kwargs)


# ---------------------------------------------------------------------------
# the command line


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    return main(args, stdin=stdin, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_the_command_line_writes_text_and_metadata_for_each_page() -> None:
    status, out, err = _run(["--html", "--jsonl", str(WIRE), str(AGENCY)])
    assert (status, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    validator = jsonschema.Draft202012Validator(newsparse.json_schema())
    for record, page in zip(records, (WIRE, AGENCY), strict=True):
        validator.validate(record)
        expected = newsparse.parse_html(page.read_bytes())
        assert record["source"] == str(page)
        assert record["text"] == expected.text
        assert record["metadata"] == expected.metadata.to_dict()
        article = newsparse.Article.from_dict(record)
        assert article == expected.article
        assert article.offset_problems(record["text"]) == []
    assert [r["published"] for r in records] == ["2025-03-04", "2024-11-18"]


def test_the_command_line_says_once_how_to_date_undated_pages(tmp_path: Path) -> None:
    second = tmp_path / "second.html"
    second.write_bytes(UNDATED.read_bytes())
    status, out, err = _run(["--html", "--jsonl", str(UNDATED), str(WIRE), str(second)])
    assert status == 0
    assert len(out.splitlines()) == 3
    assert err.count("\n") == 1
    assert err.startswith(f"newsparse: note: {UNDATED}: relative dates ('on Monday', ")
    assert "gives the article's date, nor does the page;" in err
    assert "--reference-date YYYY-MM-DD" in err
    status, out, err = _run(["--html", "--reference-date", "2024-06-12", str(UNDATED)])
    assert (status, err) == (0, "")
    assert json.loads(out)["published"] == "2024-06-12"


def test_html_does_not_go_with_input_jsonl() -> None:
    status, out, err = _run(["--html", "--input-jsonl", str(WIRE)])
    assert (status, out) == (2, "")
    assert "--html reads web pages" in err


def test_html_with_an_encoding_decodes_the_file_first(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(LATIN1_PAGE.replace("iso-8859-1", "utf-8").encode("cp1252"))
    status, out, _ = _run(["--html", "--encoding", "cp1252", str(page)])
    assert status == 0
    assert "José Peñalver" in json.loads(out)["text"]
