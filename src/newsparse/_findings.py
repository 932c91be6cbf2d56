"""What the stages find, in one coordinate system: positions of the normalised view.

Every stage has one shape, ``stage(doc, context, found) -> findings``:

- ``doc`` is the :class:`~newsparse._text.Document` (its spans are ranges of
  ``doc.norm``, and so is every span below);
- ``context`` is the :class:`Context`, the run's inputs (alias table, reference
  date, outlets);
- ``found`` is the :class:`Found` so far, what earlier stages handed on;
- it returns its own findings, the small frozen types of this module, which
  :mod:`newsparse._pipeline` puts into the next ``Found``.

No stage maps a position to the input or reads the input's text: that is
:mod:`newsparse._assembly`'s job, which turns a whole ``Found`` into the public
:class:`~newsparse.Article`.

>>> found = Found(dateline=FoundDateline(0, 26, Span(0, 7), None, "Reuters", None))
>>> found.published(Context(reference_date=_dt.date(2025, 1, 8)))
datetime.date(2025, 1, 8)
"""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

import attrs

from newsparse._lexicon import Lexicon, LexiconWords, OutletTable, words_of
from newsparse._tables import AliasTable
from newsparse._text import Span
from newsparse.model import (
    DateOrigin,
    EntityType,
    Granularity,
    MatchMethod,
    ParagraphKind,
    QuoteKind,
)

__all__ = [
    "Context",
    "Found",
    "FoundByline",
    "FoundBylines",
    "FoundDate",
    "FoundDateline",
    "FoundEntity",
    "FoundLayout",
    "FoundMention",
    "FoundPerson",
    "FoundQuote",
    "FoundSpeaker",
]


@attrs.frozen
class Context:
    """The inputs of one run of :func:`newsparse.parse`, as every stage reads them."""

    aliases: AliasTable | None = None
    """The user's alias table, if any."""
    reference_date: _dt.date | None = None
    """The date the article is read against when its dateline has none."""
    lexicon: Lexicon = attrs.field(factory=Lexicon.default)
    """The titles, particles, cue verbs and outlets every stage reads with."""

    @property
    def outlet_table(self) -> OutletTable:
        """The table of outlets datelines and bylines are read with."""
        return self.lexicon.outlets

    @property
    def words(self) -> LexiconWords:
        """The lexicon's lookups (derived once per lexicon)."""
        return words_of(self.lexicon)


class FoundDateline(NamedTuple):
    """A dateline: ``norm[start:end]``, its place's span and what it says."""

    start: int
    end: int
    place: Span | None
    """The place as read, commas and spaces at either end included (assembly trims them)."""
    date: _dt.date | None
    outlet: str | None
    outlet_at: Span | None
    """Where a scraped export writes its outlet (``date 2025-01-08 Shafaq News/``)."""
    year_from: DateOrigin | None = None
    """Where the date's year came from: the dateline, the reference date, or the text."""
    year_evidence: Span | None = None
    """The article's dated evidence the year was read from (``year_from`` is ``text``)."""


@attrs.frozen
class FoundPerson:
    """A person of a byline or credit line: ``norm[start:end]``, the name and role read."""

    start: int
    end: int
    name: str
    role: str


@attrs.frozen
class FoundByline:
    """A byline or credit line: ``norm[start:end]``, its outlet and its people in order."""

    start: int
    end: int
    organization: str | None
    people: tuple[FoundPerson, ...]


class FoundBylines(NamedTuple):
    """The byline stage's findings: the byline near the top and the credit lines."""

    byline: FoundByline | None
    credits: tuple[FoundByline, ...]

    def lines(self) -> tuple[FoundByline, ...]:
        """The byline (if any) and then the credit lines."""
        return self.credits if self.byline is None else (self.byline, *self.credits)


class FoundMention(NamedTuple):
    """A mention of an entity: ``norm[start:end]``, and how it was found."""

    start: int
    end: int
    how: MatchMethod


class FoundEntity(NamedTuple):
    """An entity with its id, name and type, and its mentions in order."""

    id: str
    name: str
    type: EntityType
    table_id: str | None
    mentions: tuple[FoundMention, ...]


class FoundDate(NamedTuple):
    """A date named in the text: ``norm[start:end]``, its value and granularity."""

    start: int
    end: int
    value: str
    granularity: Granularity


@attrs.frozen
class FoundSpeaker:
    """Who speaks: ``norm[start:end]``, and the index of its entity in ``Found.entities``."""

    start: int
    end: int
    entity: int | None = None
    anonymous: bool = False


class FoundQuote(NamedTuple):
    """A quote: its content ``norm[start:end]``, kind, cue verb and speaker; ``parts``
    the pieces of a quotation its attribution splits (empty: one piece, the whole)."""

    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    speaker: FoundSpeaker | None
    parts: tuple[tuple[int, int], ...] = ()


class FoundLayout(NamedTuple):
    """The layout stage's findings: the headline, the kind of each paragraph of
    ``doc.paragraphs`` (empty: every one is body), and the headline, decks and
    subheads written in title case."""

    headline: Span | None = None
    kinds: tuple[ParagraphKind, ...] = ()
    title_case: tuple[Span, ...] = ()


_NO_BYLINES = FoundBylines(None, ())
_NO_LAYOUT = FoundLayout()


@attrs.frozen
class Found:
    """What the stages found so far; each field is one stage's findings (empty before it ran)."""

    dateline: FoundDateline | None = None
    bylines: FoundBylines = _NO_BYLINES
    layout: FoundLayout = _NO_LAYOUT
    entities: tuple[FoundEntity, ...] = ()
    dates: tuple[FoundDate, ...] = ()
    quotes: tuple[FoundQuote, ...] = ()

    def published(self, context: Context) -> _dt.date | None:
        """The article's date: its dateline's, else the reference date."""
        if self.dateline is not None and self.dateline.date is not None:
            return self.dateline.date
        return context.reference_date
