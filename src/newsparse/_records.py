"""Flat tables of articles: one plain ``dict`` a row, for pandas, CSV and SQL.

:func:`records` turns articles into the rows of one table (``articles``,
``entities``, ``mentions``, ``quotes`` or ``dates``); every row has the
table's columns (:data:`RECORD_COLUMNS`), in that order, and every value is a
JSON scalar (``str``, ``int``, ``bool`` or ``None``). A column is named by its
path in the contract's JSON with ``_`` for the dots (``speaker.entity`` is
``speaker_entity``); a row of a child carries its parent's fields under the
parent's name (a mention's ``entity_id``); ``n_`` counts a list (``n_mentions``).

>>> import newsparse
>>> article = newsparse.parse("Ann Lee said on Monday that talks would go on.",
...                           reference_date="2025-01-08")
>>> [(r["article_id"], r["entity_id"], r["text"]) for r in records(article, "mentions")]
[(0, 'person:ann-lee', 'Ann Lee')]
>>> records({"id": "a1", **article.to_dict()}, "dates")[0]["article_id"]
'a1'
"""

from __future__ import annotations

import datetime as _dt
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Union

from newsparse import _json
from newsparse.errors import InputTypeError, InvalidArgumentError
from newsparse.model import Article, Byline, Entity, Quote

__all__ = ["RECORD_COLUMNS", "Scalar", "records", "rows_of", "scalar"]

#: The type of every value of a row.
Scalar = Union[str, int, float, bool, None]  # noqa: UP007 (a runtime alias on Python 3.10)

_KEYS = ("article_id", "source")

#: Each table's columns, in order. Stable: columns may be added at the end in a
#: later version, never renamed or removed (see docs/tables.md).
RECORD_COLUMNS: Mapping[str, tuple[str, ...]] = types.MappingProxyType(
    {
        "articles": (
            *_KEYS,
            "text_length",
            "published",
            "dateline_start",
            "dateline_end",
            "dateline_text",
            "dateline_place",
            "dateline_date",
            "dateline_outlet",
            "byline_start",
            "byline_end",
            "byline_text",
            "byline_organization",
            "byline_authors",
            "date_source_date",
            "date_source_year",
            "date_source_evidence_text",
            "headline_start",
            "headline_end",
            "headline_text",
            "n_credits",
            "n_entities",
            "n_mentions",
            "n_dates",
            "n_quotes",
            "n_paragraphs",
        ),
        "entities": (*_KEYS, "id", "name", "type", "table_id", "n_mentions"),
        "mentions": (
            *_KEYS,
            "entity_id",
            "entity_name",
            "entity_type",
            "entity_table_id",
            "start",
            "end",
            "text",
            "how",
        ),
        "quotes": (
            *_KEYS,
            "start",
            "end",
            "text",
            "kind",
            "cue",
            "speaker_start",
            "speaker_end",
            "speaker_text",
            "speaker_entity",
            "speaker_anonymous",
        ),
        "dates": (*_KEYS, "start", "end", "text", "value", "granularity"),
    }
)

Row = dict[str, Scalar]
Key = dict[str, Scalar]


def _article_row(key: Key, article: Article) -> Iterator[Row]:
    dateline, byline, source = article.dateline, article.byline, article.date_source
    evidence = None if source is None else source.evidence
    yield {
        **key,
        "text_length": article.text_length,
        "published": None if article.published is None else article.published.isoformat(),
        **_prefixed("dateline", dateline, ("start", "end", "text", "place", "date", "outlet")),
        **_prefixed("byline", byline, ("start", "end", "text", "organization")),
        "byline_authors": _authors(byline),
        "date_source_date": None if source is None else source.date.value,
        "date_source_year": None if source is None else source.year.value,
        "date_source_evidence_text": None if evidence is None else evidence.text,
        **_prefixed("headline", article.headline, ("start", "end", "text")),
        "n_credits": len(article.credits),
        "n_entities": len(article.entities),
        "n_mentions": sum(len(e.mentions) for e in article.entities),
        "n_dates": len(article.dates),
        "n_quotes": len(article.quotes),
        "n_paragraphs": len(article.paragraphs),
    }


def _prefixed(prefix: str, item: Any, fields: tuple[str, ...]) -> Row:
    """The ``fields`` of ``item`` (``None`` for each when it is ``None``) as
    ``prefix_field`` columns; a date as its ISO text."""
    row: Row = {}
    for name in fields:
        value = None if item is None else getattr(item, name)
        row[f"{prefix}_{name}"] = value.isoformat() if isinstance(value, _dt.date) else value
    return row


def _authors(byline: Byline | None) -> str | None:
    """The byline's authors' names, joined with ``; `` (``None`` without a byline)."""
    return None if byline is None else "; ".join(a.name for a in byline.authors)


def _entity(key: Key, entity: Entity) -> Row:
    return {
        **key,
        "id": entity.id,
        "name": entity.name,
        "type": entity.type.value,
        "table_id": entity.table_id,
        "n_mentions": len(entity.mentions),
    }


def _entity_rows(key: Key, article: Article) -> Iterator[Row]:
    for entity in article.entities:
        yield _entity(key, entity)


def _mention_rows(key: Key, article: Article) -> Iterator[Row]:
    for entity in article.entities:
        parent = {
            **key,
            "entity_id": entity.id,
            "entity_name": entity.name,
            "entity_type": entity.type.value,
            "entity_table_id": entity.table_id,
        }
        for m in entity.mentions:
            how = None if m.how is None else m.how.value
            yield {**parent, "start": m.start, "end": m.end, "text": m.text, "how": how}


def _quote(key: Key, quote: Quote) -> Row:
    speaker = quote.speaker
    return {
        **key,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind.value,
        "cue": quote.cue,
        **_prefixed("speaker", speaker, ("start", "end", "text", "entity", "anonymous")),
    }


def _quote_rows(key: Key, article: Article) -> Iterator[Row]:
    for quote in article.quotes:
        yield _quote(key, quote)


def _date_rows(key: Key, article: Article) -> Iterator[Row]:
    for d in article.dates:
        yield {
            **key,
            "start": d.start,
            "end": d.end,
            "text": d.text,
            "value": d.value,
            "granularity": d.granularity.value,
        }


_TABLES: dict[str, Callable[[Key, Article], Iterator[Row]]] = {
    "articles": _article_row,
    "entities": _entity_rows,
    "mentions": _mention_rows,
    "quotes": _quote_rows,
    "dates": _date_rows,
}


def rows_of(article: Article, what: str, *, article_id: Scalar, source: str | None) -> list[Row]:
    """The rows of table ``what`` for one article, keyed by ``article_id`` and ``source``."""
    return list(_TABLES[_table(what)](_key(article_id, source), article))


def _key(article_id: Scalar, source: str | None) -> Key:
    return {"article_id": article_id, "source": source}


def _table(what: object) -> str:
    if not isinstance(what, str) or what not in _TABLES:
        raise InvalidArgumentError(f"no table {what!r}; the tables are {', '.join(RECORD_COLUMNS)}")
    return what


Item = Union[Article, Mapping[str, Any]]  # noqa: UP007 (a runtime alias on Python 3.10)


def records(
    articles: Item | Iterable[Item],
    what: str,
    *,
    ids: Iterable[Scalar] | None = None,
) -> list[dict[str, Scalar]]:
    """The rows of one table of ``articles``: plain dicts of JSON scalars.

    ``articles`` is an :class:`~newsparse.Article`, a dict of the contract's
    JSON (``Article.to_dict()``, or a line of the command line's output), or an
    iterable of them (``parse_many``'s generator is read once). ``what`` is
    ``articles`` (one row an article), ``entities``, ``mentions``, ``quotes`` or
    ``dates`` (one row an item, in the JSON's order); each row has the columns
    ``RECORD_COLUMNS[what]`` in order.

    ``article_id`` is the article's id: the next of ``ids`` when given (one per
    article), else a dict's ``id`` key (the ``id`` of a ``--input-jsonl`` line),
    else its ``source`` (so the command line's JSON gives the rows of its
    ``--table``), else the article's place in the input, counted from 0. ``source`` is a
    dict's ``source`` key (the command line's file name or ``FILE:LINE``), else
    ``None``.

    >>> import newsparse
    >>> texts = ["Oil rose on Monday.", "Gold fell on Tuesday, traders said."]
    >>> rows = records(newsparse.parse_many(texts, reference_date="2025-01-08", processes=1),
    ...                "dates", ids=["oil", "gold"])
    >>> [(r["article_id"], r["text"], r["value"]) for r in rows]
    [('oil', 'on Monday', '2025-01-06'), ('gold', 'on Tuesday', '2025-01-07')]
    >>> records([], "mentions")
    []

    Raises :class:`~newsparse.InvalidArgumentError` for an unknown table or
    when ``ids`` has fewer ids than there are articles, and
    :class:`~newsparse.SchemaError` for a dict not in the contract's shape.
    """
    table = _table(what)
    build = _TABLES[table]
    given = None if ids is None else iter(ids)
    rows: list[Row] = []
    for number, item in enumerate(_items(articles)):
        article, article_id, source = _read(item, number)
        if given is not None:
            article_id = next(given, _MISSING)
            if article_id is _MISSING:
                raise InvalidArgumentError(f"ids ran out at article {number}: give one per article")
        rows.extend(build(_key(article_id, source), article))
    if given is not None and next(given, _MISSING) is not _MISSING:
        raise InvalidArgumentError("ids has more ids than there are articles: give one per article")
    return rows


_MISSING: Any = object()


def _items(articles: Item | Iterable[Item]) -> Iterable[Item]:
    if isinstance(articles, (Article, Mapping)):
        return (articles,)
    if isinstance(articles, (str, bytes)) or not isinstance(articles, Iterable):
        raise InputTypeError(
            "records() needs an Article, a dict of its JSON, or an iterable of them, "
            f"not {type(articles).__name__}"
        )
    return articles


def _read(item: Item, number: int) -> tuple[Article, Scalar, str | None]:
    """An item as its article, its id (the dict's, else ``number``) and its source."""
    if isinstance(item, Article):
        return item, number, None
    if not isinstance(item, Mapping):
        raise InputTypeError(
            f"records(): article {number} is a {type(item).__name__}, "
            "not an Article or a dict of its JSON"
        )
    source = item.get("source")
    source = source if isinstance(source, str) else None
    article_id = scalar(item["id"]) if "id" in item else source
    return Article.from_dict(item), number if article_id is None else article_id, source


def scalar(value: Any) -> Scalar:
    """An id as a column's value: a JSON scalar as it is, anything else as its JSON text.

    >>> scalar(7), scalar("a1"), scalar({"feed": 2, "n": 9})
    (7, 'a1', '{"feed":2,"n":9}')
    """
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return _json.dumps(value)
