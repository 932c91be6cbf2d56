"""The pipeline: one pure function per stage, called in order.

Data flows one way: text → segments → dateline and byline → entities → dates
and quotes → :class:`~newsparse.Article`. A later stage reads earlier results;
nothing reaches back.
"""

from __future__ import annotations

import datetime as _dt
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from newsparse._lexicon import Lexicon, OutletTable
from newsparse._stages import find_bylines, find_dateline, find_dates, find_entities, find_quotes
from newsparse._tables import AliasTable
from newsparse._text import segment
from newsparse.errors import InputTypeError, InvalidArgumentError
from newsparse.model import Article, Byline, DateMention, Entity, Paragraph, Quote

__all__ = ["NewsparseWarning", "parse"]

_T = TypeVar("_T")


_NO_BYLINES: tuple[Byline | None, tuple[Byline, ...]] = (None, ())


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

    lexicon = _lexicon_of(lexicon, outlets)
    outlets = lexicon.outlets
    doc = segment(text)
    dateline = _stage("dateline", find_dateline, None, doc, reference, outlets)
    byline, credits = _stage("byline", find_bylines, _NO_BYLINES, doc, dateline, outlets, lexicon)
    published = dateline.date if dateline is not None and dateline.date else reference
    found_entities: tuple[Entity, ...] = _stage(
        "entities",
        find_entities,
        (),
        doc,
        aliases,
        published,
        outlets,
        dateline,
        (byline, *credits) if byline is not None else credits,
        lexicon,
    )
    found_dates: tuple[DateMention, ...] = _stage("dates", find_dates, (), doc, published, dateline)
    found_quotes: tuple[Quote, ...] = _stage(
        "quotes", find_quotes, (), doc, found_entities, lexicon
    )
    paragraphs = [Paragraph(*doc.original_span(p)) for p in doc.paragraphs]
    return Article(
        text_length=len(text),
        published=published,
        dateline=dateline,
        byline=byline,
        credits=credits,
        entities=found_entities,
        dates=found_dates,
        quotes=found_quotes,
        paragraphs=paragraphs,
    )


def _lexicon_of(lexicon: object, outlets: OutletTable | None) -> Lexicon:
    """The run's lexicon: ``lexicon`` or the default, with ``outlets`` when given."""
    if lexicon is None:
        lexicon = Lexicon.default()
    elif not isinstance(lexicon, Lexicon):
        raise InputTypeError(
            f"lexicon must be a Lexicon or None, not {type(lexicon).__name__}; "
            "build one with Lexicon.default().extended(...)"
        )
    return lexicon if outlets is None else attrs.evolve(lexicon, outlets=outlets)


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


def _stage(name: str, function: Callable[..., _T], empty: _T, *args: Any) -> _T:
    """Run one stage; a bug in it costs that stage's result, never the article."""
    try:
        return function(*args)
    except Exception as exc:  # parse() must not raise for any str
        warnings.warn(
            f"newsparse: the {name} stage failed ({type(exc).__name__}: {exc}); "
            "its result is left empty. Please report this with the article.",
            NewsparseWarning,
            stacklevel=3,
        )
        return empty
