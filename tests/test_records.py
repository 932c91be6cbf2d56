"""Flat tables: newsparse.records, RECORD_COLUMNS, the command line's --table, the pandas recipe."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse as np
from newsparse._cli import main
from tests import strategies

ROOT = Path(__file__).resolve().parent.parent

# Made-up news in wire style, with the items each table must hold.
STORY = (
    "MOSUL, Iraq, Feb 11 (Reuters) - Governor Layla Farouk said on Tuesday that "
    "the bridge over the Tigris would reopen in March.\n\n"
    '"We will not wait for Baghdad," Farouk told reporters, adding that the '
    "Northern Reconstruction Fund (NRF) had paid for the work.\n\n"
    "Reporting by Sami Nader; Editing by Clara Dunn"
)
TABLE = np.AliasTable.from_records(
    [{"id": "ex-farouk", "name": "Layla Farouk", "type": "PERSON", "aliases": ["Farouk"]}]
)


def _article() -> np.Article:
    return np.parse(STORY, aliases=TABLE, reference_date="2025-02-12")


def _int(value: object) -> int:
    assert isinstance(value, int)
    return value


def _counts(article: np.Article) -> dict[str, int]:
    return {
        "articles": 1,
        "entities": len(article.entities),
        "mentions": sum(len(e.mentions) for e in article.entities),
        "quotes": len(article.quotes),
        "dates": len(article.dates),
    }


def test_the_tables_of_a_story_hold_its_items() -> None:
    article = _article()
    mentions = np.records(article, "mentions")
    farouk = [(r["text"], r["how"]) for r in mentions if r["entity_table_id"] == "ex-farouk"]
    assert farouk == [("Layla Farouk", "table"), ("Farouk", "table")]
    for row in mentions:
        assert STORY[_int(row["start"]) : _int(row["end"])] == row["text"]
    assert [(r["text"], r["value"], r["granularity"]) for r in np.records(article, "dates")] == [
        ("on Tuesday", "2025-02-11", "day"),
        ("in March", "2025-03", "month"),
    ]
    quotes = np.records(article, "quotes")
    direct = [q for q in quotes if q["kind"] == "direct"]
    assert [(q["text"], q["speaker_text"], q["speaker_entity"]) for q in direct] == [
        ("We will not wait for Baghdad", "Farouk", "ex-farouk")
    ]
    (row,) = np.records(article, "articles")
    assert row["published"] == "2025-02-11"
    assert (row["dateline_text"], row["dateline_place"], row["dateline_date"]) == (
        "MOSUL, Iraq, Feb 11 (Reuters) -",
        "MOSUL, Iraq",
        "2025-02-11",
    )
    # The credit line is read as the byline or as a credit; the row says as the article does.
    lines = [line for line in (article.byline, *article.credits) if line is not None]
    assert [line.text for line in lines] == ["Reporting by Sami Nader; Editing by Clara Dunn"]
    byline = article.byline
    assert row["byline_text"] == (None if byline is None else byline.text)
    assert row["byline_authors"] == (None if byline is None else "Sami Nader; Clara Dunn")
    assert row["n_credits"] == len(article.credits)
    assert {k: row[f"n_{k}"] for k in ("entities", "mentions", "quotes", "dates")} == {
        k: v for k, v in _counts(article).items() if k != "articles"
    }
    entities = {r["id"]: r for r in np.records(article, "entities")}
    assert entities["ex-farouk"]["n_mentions"] == 2
    assert entities["ex-farouk"]["name"] == "Layla Farouk"


def test_an_article_without_a_dateline_has_null_dateline_columns() -> None:
    text = "By Hana Said and Tom Reyes\n\nPrices rose last week."
    (row,) = np.records(np.parse(text, reference_date="2025-01-08"), "articles")
    assert row["dateline_start"] is None
    assert row["dateline_place"] is None
    assert row["byline_text"] == "By Hana Said and Tom Reyes"
    assert row["byline_authors"] == "Hana Said; Tom Reyes"
    assert (row["date_source_date"], row["date_source_year"]) == (
        "reference_date",
        "reference_date",
    )


@pytest.mark.parametrize(
    ("items", "ids", "expected"),
    [
        (["One.", "Two."], None, [0, 1]),
        (["One.", "Two."], ["a", "b"], ["a", "b"]),
        (["One."], [None], [None]),
        (["One.", "Two."], (n * 10 for n in range(2)), [0, 10]),
    ],
)
def test_article_ids(items: list[str], ids: Any, expected: list[Any]) -> None:
    articles = [np.parse(text) for text in items]
    rows = np.records(articles, "articles", ids=ids)
    assert [r["article_id"] for r in rows] == expected
    assert all(r["source"] is None for r in rows)


def test_dicts_of_the_json_carry_their_id_and_source() -> None:
    article = _article()
    lines = [
        {**article.to_dict(), "id": 17, "source": "feed.jsonl:3"},
        {**article.to_dict(), "id": {"feed": "wire", "n": 2}},
        article.to_dict(),
    ]
    rows = np.records(lines, "dates")
    assert {(r["article_id"], r["source"]) for r in rows} == {
        (17, "feed.jsonl:3"),
        ('{"feed":"wire","n":2}', None),
        (2, None),
    }
    assert np.records({**article.to_dict(), "source": "a.txt"}, "dates")[0]["article_id"] == "a.txt"
    # A dict and its article give the same rows.
    assert np.records(article.to_dict(), "quotes") == np.records(article, "quotes")


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: np.records(np.parse("A."), "people"),
            np.InvalidArgumentError,
            "no table 'people'",
        ),
        (lambda: np.records("A.", "dates"), np.InputTypeError, "not str"),  # type: ignore[arg-type]
        (lambda: np.records(3, "dates"), np.InputTypeError, "not int"),  # type: ignore[arg-type]
        (lambda: np.records(["A."], "dates"), np.InputTypeError, "article 0 is a str"),  # type: ignore[list-item]
        (lambda: np.records({"text": "A."}, "dates"), np.SchemaError, "schema_version: missing"),
        (
            lambda: np.records([np.parse("A."), np.parse("B.")], "dates", ids=["a"]),
            np.InvalidArgumentError,
            "ids ran out at article 1",
        ),
        (
            lambda: np.records([np.parse("A.")], "dates", ids=["a", "b"]),
            np.InvalidArgumentError,
            "more ids than",
        ),
    ],
)
def test_misuse_is_refused(call: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        call()
    assert issubclass(error, np.NewsparseError)


def _scalar(value: object) -> bool:
    return value is None or type(value) in (str, int, float, bool)


@settings(max_examples=60, deadline=None)
@given(strategies.articles())
def test_any_article_gives_rows_of_the_documented_columns(pair: tuple[str, np.Article]) -> None:
    text, article = pair
    for what, columns in np.RECORD_COLUMNS.items():
        rows = np.records(article, what)
        assert len(rows) == _counts(article)[what]
        assert all(tuple(row) == columns for row in rows)
        assert all(_scalar(v) for row in rows for v in row.values())
        spans = [(_int(r["start"]), _int(r["end"]), r["text"]) for r in rows if "start" in r]
        assert all(text[start:end] == surface for start, end, surface in spans)
        assert np.records(article.to_dict(), what) == rows
        json.dumps(rows)  # JSON scalars only


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=300))
def test_any_parsed_text_gives_rows_that_count_its_items(text: str) -> None:
    article = np.parse(text, reference_date="2025-01-08")
    for what, columns in np.RECORD_COLUMNS.items():
        rows = np.records(article, what)
        assert len(rows) == _counts(article)[what]
        assert all(tuple(row) == columns for row in rows)


def test_the_columns_are_documented_in_order() -> None:
    page = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    for what, columns in np.RECORD_COLUMNS.items():
        (line,) = [li for li in page.splitlines() if li.startswith(f"| `{what}` |")]
        documented = re.findall(r"`(\w+)`", line.split("|")[3])
        assert (*columns[:2], *documented) == columns
    with pytest.raises(TypeError):
        np.RECORD_COLUMNS["more"] = ("x",)  # type: ignore[index]


# --------------------------------------------------------------------------
# the command line


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    status = main(args, stdin=stdin, stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def _without_notes(err: str) -> str:
    """Standard error without the command line's notes (the one on undated relative
    dates, which an undated story here may well earn)."""
    return "".join(line for line in err.splitlines(True) if not line.startswith("newsparse: note:"))


def _corpus(tmp_path: Path) -> Path:
    lines = [
        {"id": "w1", "text": STORY, "reference_date": "2025-02-12"},
        {"id": 2, "text": "AMMAN, March 2 (Reuters) - Jordan said on Sunday it would act."},
        {"text": 'Talks "went well", an aide said.\n\nThey end today.'},
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("what", list(np.RECORD_COLUMNS))
def test_csv_tables_have_the_json_counts(tmp_path: Path, what: str) -> None:
    corpus = str(_corpus(tmp_path))
    status, out, err = _run(["--input-jsonl", "--processes", "1", corpus])
    assert (status, _without_notes(err)) == (0, "")
    expected = np.records([json.loads(line) for line in out.splitlines()], what)
    status, table, err = _run(["--input-jsonl", "--processes", "1", "--table", what, corpus])
    assert (status, _without_notes(err)) == (0, "")
    reader = csv.reader(io.StringIO(table))
    assert tuple(next(reader)) == np.RECORD_COLUMNS[what]
    rows = list(reader)
    assert len(rows) == len(expected)
    assert rows == [[_csv_field(v) for v in row.values()] for row in expected]
    ids = {row[0] for row in rows}
    assert ids <= {"w1", "2", f"{corpus}:3"}


def _csv_field(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_jsonl_rows_and_file_sources(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    status, out, err = _run(["--table", "mentions", "--format", "jsonl", str(path)])
    assert (status, _without_notes(err)) == (0, "")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows == np.records({**np.parse(STORY).to_dict(), "source": str(path)}, "mentions") != []
    assert {(r["article_id"], r["source"]) for r in rows} == {(str(path), str(path))}


def test_a_csv_table_without_rows_still_has_its_header(tmp_path: Path) -> None:
    path = tmp_path / "quiet.txt"
    path.write_text("nothing here at all", encoding="utf-8")
    status, out, _ = _run(["--table", "quotes", str(path)])
    assert status == 0
    assert out == ",".join(np.RECORD_COLUMNS["quotes"]) + "\n"
    status, out, _ = _run(["--table", "quotes", "--format", "jsonl", str(path)])
    assert (status, out) == (0, "")


def test_csv_fields_that_need_quoting_and_lone_surrogates(tmp_path: Path) -> None:
    text = 'Ana Ruiz said "yes, and\nno" to \ud800 Ana Ruiz.'
    corpus = tmp_path / "odd.jsonl"
    corpus.write_text(json.dumps({"id": 1, "text": text}) + "\n", encoding="utf-8")
    status, out, _ = _run(["--input-jsonl", "--table", "mentions", str(corpus)])
    assert status == 0
    out.encode("utf-8")  # writable to any UTF-8 file
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = np.records(np.parse(text), "mentions")
    assert [r["text"] for r in rows] == [r["text"] for r in expected] != []
    status, out, _ = _run(["--input-jsonl", "--table", "articles", str(corpus)])
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["text_length"] == str(len(text))
    status, out, _ = _run(["--input-jsonl", "--table", "quotes", str(corpus)])
    quotes = list(csv.DictReader(io.StringIO(out)))
    assert [q["text"] for q in quotes] == [
        str(q["text"]).replace("\ud800", "\ufffd") for q in np.records(np.parse(text), "quotes")
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv"], "--format csv writes a flat table: name it with --table"),
        (["--table", "mentions", "--format", "json"], "--table writes rows"),
        (["--table", "mentions", "--jsonl"], "with --table, use --format"),
        (["--table", "mentions", "--pretty"], "with --table, use --format"),
        (["--table", "people"], "invalid choice: 'people'"),
    ],
)
def test_table_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("One.", encoding="utf-8")
    status, out, err = _run([*args, str(path)])
    assert (status, out) == (2, "")
    assert message in err


def test_format_jsonl_without_a_table_is_the_articles_one_a_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("One.\n\nTwo.", encoding="utf-8")
    assert _run(["--format", "jsonl", str(path)]) == _run(["--jsonl", str(path)])
    assert _run(["--format", "json", str(path)]) == _run([str(path)])


# --------------------------------------------------------------------------
# the pandas recipe of docs/tables.md


def _python_blocks() -> list[str]:
    page = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    return re.findall(r"^```python\n(.*?)^```", page, re.MULTILINE | re.DOTALL)


def test_the_pandas_recipes_run(tmp_path: Path) -> None:
    pytest.importorskip("pandas", reason="pandas is not installed; the recipe needs it")
    recipe, reading = _python_blocks()
    # The command line's CSV, read as the page says, has the documented columns and counts.
    corpus = str(_corpus(tmp_path))
    _, out, _ = _run(["--input-jsonl", "--processes", "1", corpus])
    expected = np.records([json.loads(line) for line in out.splitlines()], "mentions")
    _, table, _ = _run(["--input-jsonl", "--processes", "1", "--table", "mentions", corpus])
    (tmp_path / "mentions.csv").write_text(table, encoding="utf-8")
    script = recipe + reading + "print(len(mentions), ','.join(mentions.columns))\n"
    (tmp_path / "recipe.py").write_text(script, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "recipe.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "PERSON" in done.stdout
    last = done.stdout.splitlines()[-1]
    assert last.split() == [str(len(expected)), ",".join(np.RECORD_COLUMNS["mentions"])]
