"""The pipeline: one function per stage, called in order, then assembly.

Data flows one way: text → segments → dateline and byline → entities → dates
and quotes → :class:`~newsparse.Article`. Each stage is a function
``(doc, context, found) -> its findings`` (see :mod:`newsparse._findings`): it
reads the document, the run's inputs and what earlier stages found, all in
positions of the normalised view, and nothing reaches back. Assembly
(:mod:`newsparse._assembly`) then maps every finding to input offsets.
"""

from __future__ import annotations

import datetime as _dt
import warnings
from collections.abc import Callable
from typing import TypeVar

from newsparse import _assembly
from newsparse._findings import Context, Found
from newsparse._lexicon import Lexicon, OutletTable, lexicon_for
from newsparse._stages import (
    find_bylines,
    find_dateline,
    find_dates,
    find_dates_in,
    find_entities,
    find_layout,
    find_quotes,
)
from newsparse._tables import AliasTable
from newsparse._text import Document, segment
from newsparse.errors import InputTypeError, InvalidArgumentError
from newsparse.model import Article, DateMention

__all__ = ["NewsparseWarning", "parse", "unresolved_dates"]

_T = TypeVar("_T")


class NewsparseWarning(UserWarning):
    """A stage failed on some input and its result was left empty (please report it)."""


def parse(
    text: str,
    *,
    aliases: AliasTable | None = None,
    reference_date: _dt.date | str | None = None,
    outlets: OutletTable | None = None,
    lexicon: Lexicon | None = None,
) -> Article:
    """Read one article.

    ``aliases`` is an :class:`~newsparse.AliasTable` to resolve entities to;
    ``reference_date`` (a ``datetime.date`` or ``YYYY-MM-DD``) supplies the year
    and the anchor for relative dates when the article has no dated dateline.
    ``outlets`` replaces the shipped table of news agencies and outlets used to
    read datelines and bylines (see :meth:`OutletTable.extended`). ``lexicon``
    (a :class:`~newsparse.Lexicon`, see :meth:`Lexicon.extended`) gives every
    stage its titles, name particles, cue verbs and outlets (``outlets``, when
    given, replaces the lexicon's).

    Any ``str`` parses without an exception; a non-``str`` raises ``TypeError``.

    >>> article = parse("A short note.\\n\\nA second paragraph.")
    >>> article.text_length, len(article.paragraphs)
    (34, 2)
    >>> parse(b"bytes")
    Traceback (most recent call last):
    ...
    newsparse.errors.InputTypeError: parse() needs str, not bytes; decode it first, ...
    """
    if not isinstance(text, str):
        hint = (
            '; decode it first, e.g. data.decode("utf-8")'
            if isinstance(text, (bytes, bytearray, memoryview))
            else ""
        )
        raise InputTypeError(f"parse() needs str, not {type(text).__name__}{hint}")
    if aliases is not None and not isinstance(aliases, AliasTable):
        raise InputTypeError(
            f"aliases must be an AliasTable or None, not {type(aliases).__name__}; "
            "load one with AliasTable.from_file(path)"
        )
    reference = coerce_date(reference_date, "reference_date")
    if outlets is not None and not isinstance(outlets, OutletTable):
        raise InputTypeError(
            f"outlets must be an OutletTable or None, not {type(outlets).__name__}"
        )

    context = Context(
        aliases=aliases, reference_date=reference, lexicon=lexicon_for(lexicon, outlets)
    )
    doc = segment(text)
    # Each stage reads the findings before it (a new Found each time: cheaper than
    # attrs.evolve, whose cost shows on short articles).
    found = Found()
    dateline = _stage("dateline", find_dateline, found.dateline, doc, context, found)
    found = Found(dateline)
    bylines = _stage("byline", find_bylines, found.bylines, doc, context, found)
    found = Found(dateline, bylines)
    layout = _stage("layout", find_layout, found.layout, doc, context, found)
    found = Found(dateline, bylines, layout)
    entities = _stage("entities", find_entities, found.entities, doc, context, found)
    found = Found(dateline, bylines, layout, entities)
    dates = _stage("dates", find_dates, found.dates, doc, context, found)
    found = Found(dateline, bylines, layout, entities, dates)
    quotes = _stage("quotes", find_quotes, found.quotes, doc, context, found)
    found = Found(dateline, bylines, layout, entities, dates, quotes)
    return _assembly.article(doc, context, found)


# Any day serves to tell which expressions a date of the article would resolve.
_ANY_DAY = _dt.date(2000, 1, 5)


def unresolved_dates(text: str, article: Article) -> tuple[DateMention, ...]:
    """The date expressions of ``text`` (``last Sunday``, ``next month``) that
    ``article``, its reading, left out for want of a date of the article.

    Empty when the article has a date (``published``): then every date resolved.

    >>> text = "Talks resume next week, officials said in 1987."
    >>> [d.text for d in unresolved_dates(text, parse(text))]
    ['next week']
    >>> unresolved_dates(text, parse(text, reference_date="1987-03-02"))
    ()
    """
    if article.published is not None:
        return ()
    known = {(d.start, d.end) for d in article.dates}
    dateline = article.dateline
    return tuple(
        d
        for d in find_dates_in(text, _ANY_DAY)
        if (d.start, d.end) not in known
        and (dateline is None or d.end <= dateline.start or dateline.end <= d.start)
    )


def coerce_date(value: object, name: str) -> _dt.date | None:
    """``value`` as a ``datetime.date``: accepts a date, a datetime or ``YYYY-MM-DD``."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidArgumentError(
                f"{name} {value!r} is not a date in the form YYYY-MM-DD"
            ) from None
    raise InputTypeError(
        f"{name} must be a datetime.date or a YYYY-MM-DD string, not {type(value).__name__}"
    )


def _stage(
    name: str,
    function: Callable[[Document, Context, Found], _T],
    empty: _T,
    doc: Document,
    context: Context,
    found: Found,
) -> _T:
    """Run one stage on ``doc`` with the run's ``context`` and what was ``found`` before
    it; a bug in it costs that stage's result (``empty``), never the article."""
    try:
        return function(doc, context, found)
    except Exception as exc:  # parse() must not raise for any str
        warnings.warn(
            f"newsparse: the {name} stage failed ({type(exc).__name__}: {exc}); "
            "its result is left empty. Please report this with the article.",
            NewsparseWarning,
            stacklevel=3,
        )
        return empty
