"""The typed, immutable result of parsing one article.

Every class here is a frozen, slotted ``attrs`` class that holds data and knows
how to turn itself into the contract's JSON shape and back. None of them parses
text: that is the job of the stage modules.

Each extracted item carries ``start``, ``end`` and ``text``, where ``text`` is
exactly ``article_text[start:end]``. Offsets are Python ``str`` indices into the
input as it was given, never into a cleaned-up copy.

>>> m = Mention(start=4, end=9, text="Trump")
>>> m.to_dict()
{'start': 4, 'end': 9, 'text': 'Trump', 'how': None}
>>> Mention(start=4, end=9, text="Tru")
Traceback (most recent call last):
...
ValueError: Mention: text has 3 characters but start..end spans 5
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from typing import Any, TypeVar

import attrs

from newsparse import _json
from newsparse.errors import SchemaError

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Author",
    "Byline",
    "DateMention",
    "DateOrigin",
    "DateSource",
    "Dateline",
    "Entity",
    "EntityType",
    "Evidence",
    "Granularity",
    "Headline",
    "MatchMethod",
    "Mention",
    "Paragraph",
    "ParagraphKind",
    "Quote",
    "QuoteKind",
    "QuotePart",
    "Speaker",
    "json_schema",
]

#: The version of the JSON shape written by :meth:`Article.to_dict`.
SCHEMA_VERSION = 1


class EntityType(str, enum.Enum):
    """What kind of thing an entity is."""

    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    OTHER = "OTHER"


class Granularity(str, enum.Enum):
    """How precise a date is: ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, and for
    a season the months it spans, ``YYYY-MM/YYYY-MM``."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    SEASON = "season"
    """A season: ``value`` is its first and last month (``2024-06/2024-08``)."""


class DateOrigin(str, enum.Enum):
    """Where a part of the article's date came from (see :class:`DateSource`)."""

    DATELINE = "dateline"
    """Written in the dateline."""
    REFERENCE_DATE = "reference_date"
    """The ``reference_date`` the caller gave."""
    TEXT = "text"
    """The article's own dated evidence (:attr:`DateSource.evidence`)."""


class ParagraphKind(str, enum.Enum):
    """What a paragraph is in the article's layout (see :attr:`Paragraph.kind`)."""

    HEADLINE = "headline"
    """The article's headline, its first line."""
    DECK = "deck"
    """A line between the headline and the body: a subtitle, a section label."""
    SUBHEAD = "subhead"
    """A short heading between paragraphs of the body."""
    BYLINE = "byline"
    """A line that is a byline or a credit line and nothing else."""
    NOTE = "note"
    """An editor's note, a correction or an update notice (``This article was updated
    ...``), and the date line that closes it."""
    BODY = "body"
    """The article's text (the dateline's paragraph included)."""


class QuoteKind(str, enum.Enum):
    """``direct`` speech in quotation marks, ``indirect`` reported speech, or ``mixed``."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class MatchMethod(str, enum.Enum):
    """How a mention was found, so users can decide which matches to trust."""

    TABLE = "table"
    """A table name or alias, as written (up to case)."""
    VARIANT = "variant"
    """A table name or alias through the spelling folding."""
    FUZZY = "fuzzy"
    """A near-misspelling of a table name."""
    COREFERENCE = "coreference"
    """A short form joined to a fuller one named earlier in the article."""
    ACRONYM = "acronym"
    """An acronym defined in the article, e.g. ``Popular Mobilization Forces (PMF)``."""
    RULE = "rule"
    """Found by the text rules alone."""


_T = TypeVar("_T")


# --------------------------------------------------------------------------
# validation helpers (used by the classes below, not exported)


def _check_span(obj: Any) -> None:
    """Check the invariant shared by every item with offsets."""
    start, end = obj.start, obj.end
    if type(start) is int and type(end) is int and 0 <= start <= end:
        text = getattr(obj, "text", None)
        if text is None or len(text) == end - start:
            return  # the usual case, told in a few tests; the errors are named below
    name = type(obj).__name__
    for field_name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name}: {field_name} must be an int, not {type(value).__name__}")
    if not 0 <= start <= end:
        raise ValueError(f"{name}: offsets must satisfy 0 <= start <= end, got {start}..{end}")
    text = getattr(obj, "text", None)
    if text is not None and len(text) != end - start:
        raise ValueError(
            f"{name}: text has {len(text)} characters but start..end spans {end - start}"
        )


def _to_date(value: _dt.date | str | None) -> _dt.date | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        return _dt.date.fromisoformat(value)
    raise TypeError(f"expected a datetime.date or an ISO date string, not {type(value).__name__}")


def _tuple_of(values: Iterable[_T], kind: type[_T]) -> tuple[_T, ...]:
    """``values`` as a tuple, checking each element's type."""
    result = tuple(values)
    for item in result:
        if not isinstance(item, kind):
            raise TypeError(f"expected {kind.__name__} items, not {type(item).__name__}")
    return result


# Named converters, one per element type (the attrs mypy plugin needs named functions).
def _authors(values: Iterable[Author]) -> tuple[Author, ...]:
    return _tuple_of(values, Author)


def _mentions(values: Iterable[Mention]) -> tuple[Mention, ...]:
    return _tuple_of(values, Mention)


def _bylines(values: Iterable[Byline]) -> tuple[Byline, ...]:
    return _tuple_of(values, Byline)


def _entities(values: Iterable[Entity]) -> tuple[Entity, ...]:
    return _tuple_of(values, Entity)


def _date_mentions(values: Iterable[DateMention]) -> tuple[DateMention, ...]:
    return _tuple_of(values, DateMention)


def _quotes(values: Iterable[Quote]) -> tuple[Quote, ...]:
    return _tuple_of(values, Quote)


def _paragraphs(values: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    return _tuple_of(values, Paragraph)


_OPTIONAL_STR = attrs.validators.optional(attrs.validators.instance_of(str))
_STR = attrs.validators.instance_of(str)

_VALUE_SHAPES = {
    Granularity.DAY: ("YYYY-MM-DD", 10),
    Granularity.MONTH: ("YYYY-MM", 7),
    Granularity.YEAR: ("YYYY", 4),
    Granularity.SEASON: ("YYYY-MM/YYYY-MM", 15),
}


def _is_value(value: str, granularity: Granularity) -> bool:
    """Whether ``value`` is a date in the form ``granularity`` says."""
    if granularity is Granularity.SEASON:
        first, _, last = value.partition("/")
        return (
            len(value) == 15
            and _is_value(first, Granularity.MONTH)
            and _is_value(last, Granularity.MONTH)
            and first < last
        )
    parts = value.split("-")
    try:
        return (
            len(value) == _VALUE_SHAPES[granularity][1]
            and all(p.isdigit() and p.isascii() for p in parts)
            and bool(_dt.date(*(int(p) for p in (*parts, "1", "1")[:3])))
        )
    except ValueError:
        return False


# --------------------------------------------------------------------------
# the classes


@attrs.frozen
class Paragraph:
    """A paragraph of the input: ``start`` and ``end`` offsets, trimmed of spaces, and
    its ``kind`` in the layout (the headline, a deck, a subhead, a byline, the body).

    >>> Paragraph(0, 12, "headline").to_dict()
    {'start': 0, 'end': 12, 'kind': 'headline'}
    """

    start: int
    end: int
    kind: ParagraphKind = attrs.field(default=ParagraphKind.BODY, converter=ParagraphKind)

    def __attrs_post_init__(self) -> None:
        _check_span(self)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind.value}


@attrs.frozen
class Headline:
    """The article's headline: ``text`` is ``input[start:end]``."""

    start: int
    end: int
    text: str = attrs.field(validator=_STR)

    def __attrs_post_init__(self) -> None:
        _check_span(self)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@attrs.frozen
class Dateline:
    """The dateline at the head of an article: where, when and by which outlet it was filed."""

    start: int
    end: int
    text: str = attrs.field(validator=_STR)
    place: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    date: _dt.date | None = attrs.field(default=None, converter=_to_date)
    outlet: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)

    def __attrs_post_init__(self) -> None:
        _check_span(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "place": self.place,
            "date": None if self.date is None else self.date.isoformat(),
            "outlet": self.outlet,
        }


@attrs.frozen
class Evidence:
    """A stretch of the input a finding rests on: ``text`` is ``input[start:end]``."""

    start: int
    end: int
    text: str = attrs.field(validator=_STR)

    def __attrs_post_init__(self) -> None:
        _check_span(self)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@attrs.frozen
class DateSource:
    """Where :attr:`Article.published` came from: the day and the year apart.

    ``date`` is ``dateline`` (the dateline's date) or ``reference_date``; ``year``
    is ``dateline`` (written in it), ``reference_date``, or ``text`` when the
    dateline has a month and day but no year and the year was read from the
    article's own dated evidence, a release number (``2010-09-CA-005``) or a full
    date at its head; ``evidence`` is then that text.

    >>> DateSource(date="dateline", year="reference_date").to_dict()
    {'date': 'dateline', 'year': 'reference_date', 'evidence': None}
    """

    date: DateOrigin = attrs.field(converter=DateOrigin)
    year: DateOrigin = attrs.field(converter=DateOrigin)
    evidence: Evidence | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Evidence))
    )

    def __attrs_post_init__(self) -> None:
        if self.date is DateOrigin.TEXT:
            raise ValueError("DateSource: the day comes from the dateline or the reference date")
        if (self.year is DateOrigin.TEXT) != (self.evidence is not None):
            raise ValueError("DateSource: evidence is given exactly when the year is from the text")

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.value,
            "year": self.year.value,
            "evidence": None if self.evidence is None else self.evidence.to_dict(),
        }


@attrs.frozen
class Author:
    """A person named in a byline or credit line, with the role the line gives them.

    ``name`` is recased when the line is in ALL CAPS or all lower case; the span
    (``start``, ``end``, ``text``) is always the surface as written.
    """

    name: str = attrs.field(validator=_STR)
    role: str = attrs.field(validator=_STR)
    start: int
    end: int
    text: str = attrs.field(validator=_STR)

    def __attrs_post_init__(self) -> None:
        _check_span(self)
        if not self.role or self.role != self.role.lower():
            raise ValueError(f"Author: role must be a non-empty lower-case word, got {self.role!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@attrs.frozen
class Byline:
    """A byline (``By A and B, Reuters``) or a trailing credit line (``Reporting by A``)."""

    start: int
    end: int
    text: str = attrs.field(validator=_STR)
    organization: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    authors: tuple[Author, ...] = attrs.field(default=(), converter=_authors)

    def __attrs_post_init__(self) -> None:
        _check_span(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "organization": self.organization,
            "authors": [a.to_dict() for a in self.authors],
        }


@attrs.frozen
class Mention:
    """One place in the text where an entity is named."""

    start: int
    end: int
    text: str = attrs.field(validator=_STR)
    how: MatchMethod | None = attrs.field(
        default=None, converter=attrs.converters.optional(MatchMethod)
    )

    def __attrs_post_init__(self) -> None:
        _check_span(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "how": None if self.how is None else self.how.value,
        }


@attrs.frozen
class Entity:
    """A person, organisation or place, with every mention of it in the article.

    ``id`` is unique within the article and equals ``table_id`` when the entity
    resolved to an alias table entry; ``name`` is then the table's canonical name,
    else the fullest form found in the text.
    """

    id: str = attrs.field(validator=_STR)
    name: str = attrs.field(validator=_STR)
    type: EntityType = attrs.field(converter=EntityType)
    table_id: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mentions)

    def __attrs_post_init__(self) -> None:
        if not self.id:
            raise ValueError("Entity: id must not be empty")
        if self.table_id is not None and self.id != self.table_id:
            raise ValueError(f"Entity: id {self.id!r} must equal table_id {self.table_id!r}")
        if not self.mentions:
            raise ValueError(f"Entity {self.id!r}: needs at least one mention")
        starts = [m.start for m in self.mentions]
        if starts != sorted(starts):
            raise ValueError(f"Entity {self.id!r}: mentions must be in text order")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type.value,
            "table_id": self.table_id,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@attrs.frozen
class DateMention:
    """A date named in the body, resolved against the article's date.

    ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as ``granularity`` says, or
    for a season its first and last month, ``YYYY-MM/YYYY-MM``.
    """

    start: int
    end: int
    text: str = attrs.field(validator=_STR)
    value: str = attrs.field(validator=_STR)
    granularity: Granularity = attrs.field(converter=Granularity)

    def __attrs_post_init__(self) -> None:
        _check_span(self)
        if not _is_value(self.value, self.granularity):
            form = _VALUE_SHAPES[self.granularity][0]
            raise ValueError(
                f"DateMention: value {self.value!r} is not a {self.granularity.value} "
                f"in the form {form}"
            )

    @property
    def first_day(self) -> _dt.date:
        """The first day of the period the value names.

        >>> DateMention(0, 12, "in September", "2024-09", "month").first_day
        datetime.date(2024, 9, 1)
        >>> DateMention(0, 11, "this winter", "2024-12/2025-02", "season").first_day
        datetime.date(2024, 12, 1)
        """
        parts = [int(p) for p in self.value.split("/")[0].split("-")] + [1, 1]
        return _dt.date(parts[0], parts[1], parts[2])

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "granularity": self.granularity.value,
        }


@attrs.frozen
class Speaker:
    """Who a quote is attributed to.

    ``entity`` is the ``id`` of an entity of the same article when the speaker is
    a named entity (the surface may be a pronoun or a short form); ``anonymous``
    is true for unnamed sources such as ``an informed source``.
    """

    start: int
    end: int
    text: str = attrs.field(validator=_STR)
    entity: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    anonymous: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        _check_span(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entity": self.entity,
            "anonymous": self.anonymous,
        }


@attrs.frozen
class QuotePart:
    """One piece of a quote's content: ``text`` is ``input[start:end]``.

    A quotation that its attribution splits (``"We will not," she said, "give
    up."``) is one :class:`Quote` with two parts, ``We will not`` and ``give up``.
    """

    start: int
    end: int
    text: str = attrs.field(validator=_STR)

    def __attrs_post_init__(self) -> None:
        _check_span(self)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


def _to_parts(parts: Iterable[QuotePart]) -> tuple[QuotePart, ...]:
    return tuple(parts)


def _whole(quote: Quote) -> tuple[QuotePart, ...]:
    return (QuotePart(quote.start, quote.end, quote.text),)


def _check_parts(quote: Quote, _attribute: Any, parts: tuple[QuotePart, ...]) -> None:
    if not parts:
        raise ValueError("Quote: parts must hold at least one QuotePart")
    end = quote.start
    for part in parts:
        if not isinstance(part, QuotePart):
            raise TypeError(f"Quote: parts must be QuoteParts, not {type(part).__name__}")
        if part.start < end or part.end > quote.end:
            raise ValueError(
                f"Quote: parts must lie in order inside {quote.start}..{quote.end}, "
                f"got {part.start}..{part.end}"
            )
        end = part.end


@attrs.frozen
class Quote:
    """What someone said: the quoted or reported content, its cue and its speaker.

    ``text`` is ``input[start:end]``: the content, from its first word to its last.
    When the attribution splits one quotation (``"We will not," she said, "give
    up."``), the quote spans the whole of it, attribution included, and ``parts``
    gives the quoted pieces without it; otherwise ``parts`` is the one piece
    ``start..end`` (the default).
    """

    start: int
    end: int
    text: str = attrs.field(validator=_STR)
    kind: QuoteKind = attrs.field(converter=QuoteKind)
    cue: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    speaker: Speaker | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Speaker))
    )
    parts: tuple[QuotePart, ...] = attrs.field(
        default=attrs.Factory(_whole, takes_self=True), converter=_to_parts, validator=_check_parts
    )

    def __attrs_post_init__(self) -> None:
        _check_span(self)

    @property
    def content(self) -> str:
        """The quoted words without the attribution that splits them: the parts'
        texts, joined by a space."""
        return " ".join(part.text for part in self.parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "cue": self.cue,
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "parts": [part.to_dict() for part in self.parts],
        }


@attrs.frozen
class Article:
    """Everything newsparse read from one article.

    The article text itself is not stored: every item holds its own surface and
    offsets into it. Build one with :func:`newsparse.parse`; restore one from
    JSON with :meth:`from_dict` or :meth:`from_json`.

    Invariants, checked on construction: every offset lies in
    ``0..text_length``; entity ids are unique; no span is a mention of two
    entities; a quote's ``speaker.entity`` names an entity of the article;
    paragraphs are in order and do not overlap.
    """

    text_length: int
    published: _dt.date | None = attrs.field(default=None, converter=_to_date)
    dateline: Dateline | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Dateline))
    )
    byline: Byline | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Byline))
    )
    credits: tuple[Byline, ...] = attrs.field(default=(), converter=_bylines)
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entities)
    dates: tuple[DateMention, ...] = attrs.field(default=(), converter=_date_mentions)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=(), converter=_paragraphs)
    date_source: DateSource | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(DateSource))
    )
    """Where ``published`` came from; ``None`` when it is ``None``."""
    headline: Headline | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Headline))
    )
    """The article's headline (its paragraph's ``kind`` is ``headline``), or ``None``."""

    def __attrs_post_init__(self) -> None:
        if isinstance(self.text_length, bool) or not isinstance(self.text_length, int):
            raise TypeError("Article: text_length must be an int")
        if self.text_length < 0:
            raise ValueError("Article: text_length must not be negative")
        for item in self.spans():
            if item.end > self.text_length:
                raise ValueError(
                    f"Article: {type(item).__name__} at {item.start}..{item.end} "
                    f"lies beyond text_length {self.text_length}"
                )
        ids = self._check_entities()
        self._check_speakers(ids)
        self._check_paragraphs()

    def _check_entities(self) -> set[str]:
        """Entity ids are unique and a span is a mention of one entity at most; the ids."""
        ids: set[str] = set()
        seen_spans: set[tuple[int, int]] = set()
        for entity in self.entities:
            if entity.id in ids:
                raise ValueError(f"Article: entity id {entity.id!r} is used twice")
            ids.add(entity.id)
            for m in entity.mentions:
                if (m.start, m.end) in seen_spans:
                    raise ValueError(
                        f"Article: the mention {m.text!r} at {m.start}..{m.end} "
                        "is listed twice (a span belongs to one entity at most)"
                    )
                seen_spans.add((m.start, m.end))
        return ids

    def _check_speakers(self, ids: set[str]) -> None:
        for quote in self.quotes:
            speaker = quote.speaker
            if speaker is not None and speaker.entity is not None and speaker.entity not in ids:
                raise ValueError(
                    f"Article: a quote's speaker names entity {speaker.entity!r}, "
                    "which is not among the article's entities"
                )

    def _check_paragraphs(self) -> None:
        previous_end = 0
        for paragraph in self.paragraphs:
            if paragraph.start < previous_end:
                raise ValueError("Article: paragraphs must be in order and must not overlap")
            previous_end = paragraph.end

    def spans(self) -> Iterable[Any]:
        """Every item of the article that has offsets, in no particular order."""
        if self.dateline is not None:
            yield self.dateline
        for line in (self.byline, *self.credits):
            if line is not None:
                yield line
                yield from line.authors
        for entity in self.entities:
            yield from entity.mentions
        yield from self.dates
        for quote in self.quotes:
            yield quote
            if quote.speaker is not None:
                yield quote.speaker
        yield from self.paragraphs
        if self.headline is not None:
            yield self.headline
        if self.date_source is not None and self.date_source.evidence is not None:
            yield self.date_source.evidence

    def offset_problems(self, text: str) -> list[str]:
        """What is wrong with the offsets of this article as a reading of ``text``.

        Empty for every article :func:`newsparse.parse` returns. Checks that
        ``text_length`` is the text's length, that every item's ``text`` is
        ``text[start:end]``, and that lists of spans (paragraphs, the authors
        of a byline, each entity's mentions, dates, quotes) are in order. Useful
        when articles and texts are stored apart and joined again.

        >>> import newsparse
        >>> text = "Markets fell yesterday."
        >>> newsparse.parse(text, reference_date="2025-01-08").offset_problems(text)
        []
        >>> newsparse.parse(text).offset_problems("Markets rose yesterday.")
        []
        >>> article = newsparse.parse(text, reference_date="2025-01-08")
        >>> for problem in article.offset_problems("Markets fell."):
        ...     print(problem)
        text_length is 23, the text has 13 characters
        DateMention at 13..22: 'yesterday' is not '' in the text
        """
        problems = []
        if self.text_length != len(text):
            problems.append(
                f"text_length is {self.text_length}, the text has {len(text)} characters"
            )
        for item in self.spans():
            surface = getattr(item, "text", None)
            if surface is not None and text[item.start : item.end] != surface:
                problems.append(
                    f"{type(item).__name__} at {item.start}..{item.end}: {surface!r} is not "
                    f"{text[item.start : item.end]!r} in the text"
                )
        lists: list[tuple[str, Sequence[Any]]] = [
            ("paragraphs", self.paragraphs),
            ("dates", self.dates),
            ("quotes", self.quotes),
        ]
        lists += [(f"mentions of {e.id!r}", e.mentions) for e in self.entities]
        lists += [
            ("authors of a byline", line.authors)
            for line in (self.byline, *self.credits)
            if line is not None
        ]
        for name, items in lists:
            starts = [item.start for item in items]
            if starts != sorted(starts):
                problems.append(f"{name} are not in order of their offsets")
        return problems

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or ``None``."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    # ------------------------------------------------------------------
    # JSON

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape, built from JSON types only (dict, list, str, int, bool, None).

        >>> Article(text_length=0).to_dict()["schema_version"]
        1
        """
        return {
            "schema_version": SCHEMA_VERSION,
            "text_length": self.text_length,
            "published": None if self.published is None else self.published.isoformat(),
            "dateline": None if self.dateline is None else self.dateline.to_dict(),
            "byline": None if self.byline is None else self.byline.to_dict(),
            "credits": [c.to_dict() for c in self.credits],
            "entities": [e.to_dict() for e in self.entities],
            "dates": [d.to_dict() for d in self.dates],
            "quotes": [q.to_dict() for q in self.quotes],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "date_source": None if self.date_source is None else self.date_source.to_dict(),
            "headline": None if self.headline is None else self.headline.to_dict(),
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """:meth:`to_dict` as a JSON string (non-ASCII kept as is).

        The string always encodes as UTF-8: lone surrogates of the input are
        written as JSON escapes (``\\ud800``), which read back as they were.
        """
        return _json.dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Restore an article from :meth:`to_dict`'s shape.

        Keys the contract does not know are ignored, so output of a newer
        minor version (or the command line's ``source`` key) still loads.
        Raises :class:`~newsparse.SchemaError` naming the path of the first
        problem.

        >>> a = Article(text_length=10, published="2025-01-08")
        >>> Article.from_dict(a.to_dict()) == a
        True
        """
        return _read_article(data)

    @classmethod
    def from_json(cls, text: str | bytes) -> Article:
        """Restore an article from :meth:`to_json`'s output."""
        try:
            data = json.loads(text)
        except RecursionError:
            raise SchemaError("not valid JSON: nested too deeply") from None
        except ValueError as exc:
            raise SchemaError(f"not valid JSON: {exc}") from exc
        return _read_article(data)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :meth:`Article.to_dict`'s shape.

    >>> json_schema()["properties"]["schema_version"]
    {'const': 1}
    """
    text = (resources.files("newsparse") / "schema" / "article.schema.json").read_text(
        encoding="utf-8"
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


# --------------------------------------------------------------------------
# reading the JSON shape back, with errors that say where


class _Reader:
    """Typed access to one JSON object, raising SchemaError with the path."""

    __slots__ = ("data", "path")

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, Mapping):
            raise SchemaError(f"expected an object, got {_json_type(data)}", path or "<root>")
        self.data = data
        self.path = path

    def _at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, kind: type, *, optional: bool = False) -> Any:
        if key not in self.data:
            if optional:
                return None
            raise SchemaError("missing", self._at(key))
        value = self.data[key]
        if value is None and optional:
            return None
        if isinstance(value, bool) and kind is not bool:
            raise SchemaError(f"expected {kind.__name__}, got a boolean", self._at(key))
        if not isinstance(value, kind):
            raise SchemaError(f"expected {kind.__name__}, got {_json_type(value)}", self._at(key))
        return value

    def objects(self, key: str) -> list[_Reader]:
        values = self.get(key, list)
        return [_Reader(v, f"{self._at(key)}[{i}]") for i, v in enumerate(values)]

    def build(self, factory: Callable[..., _T], **kwargs: Any) -> _T:
        try:
            return factory(**kwargs)
        except (TypeError, ValueError) as exc:
            raise SchemaError(str(exc), self.path or "<root>") from exc


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), type(value).__name__
    )


def _read_span(r: _Reader) -> dict[str, Any]:
    return {"start": r.get("start", int), "end": r.get("end", int), "text": r.get("text", str)}


def _read_byline(r: _Reader) -> Byline:
    authors = [
        a.build(
            Author,
            name=a.get("name", str),
            role=a.get("role", str),
            **_read_span(a),
        )
        for a in r.objects("authors")
    ]
    return r.build(
        Byline,
        organization=r.get("organization", str, optional=True),
        authors=authors,
        **_read_span(r),
    )


def _read_quote(q: _Reader) -> Quote:
    speaker = None
    if q.get("speaker", dict, optional=True) is not None:
        s = _Reader(q.data["speaker"], f"{q.path}.speaker")
        speaker = s.build(
            Speaker,
            entity=s.get("entity", str, optional=True),
            anonymous=s.get("anonymous", bool),
            **_read_span(s),
        )
    parts = {}
    if q.get("parts", list, optional=True) is not None:  # absent before 0.2
        parts["parts"] = [p.build(QuotePart, **_read_span(p)) for p in q.objects("parts")]
    return q.build(
        Quote,
        kind=q.get("kind", str),
        cue=q.get("cue", str, optional=True),
        speaker=speaker,
        **parts,
        **_read_span(q),
    )


def _read_article(data: Any) -> Article:
    r = _Reader(data, "")
    version = r.get("schema_version", int)
    if version != SCHEMA_VERSION:
        raise SchemaError(
            f"schema_version {version} is not supported (this newsparse reads {SCHEMA_VERSION})",
            "schema_version",
        )
    dateline = None
    if r.get("dateline", dict, optional=True) is not None:
        d = _Reader(r.data["dateline"], "dateline")
        dateline = d.build(
            Dateline,
            place=d.get("place", str, optional=True),
            date=d.get("date", str, optional=True),
            outlet=d.get("outlet", str, optional=True),
            **_read_span(d),
        )
    byline = None
    if r.get("byline", dict, optional=True) is not None:
        byline = _read_byline(_Reader(r.data["byline"], "byline"))
    entities = []
    for e in r.objects("entities"):
        mentions = [
            m.build(Mention, how=m.get("how", str, optional=True), **_read_span(m))
            for m in e.objects("mentions")
        ]
        entities.append(
            e.build(
                Entity,
                id=e.get("id", str),
                name=e.get("name", str),
                type=e.get("type", str),
                table_id=e.get("table_id", str, optional=True),
                mentions=mentions,
            )
        )
    dates = [
        d.build(
            DateMention,
            value=d.get("value", str),
            granularity=d.get("granularity", str),
            **_read_span(d),
        )
        for d in r.objects("dates")
    ]
    quotes = [_read_quote(q) for q in r.objects("quotes")]
    paragraphs = [
        p.build(
            Paragraph,
            start=p.get("start", int),
            end=p.get("end", int),
            kind=p.get("kind", str, optional=True) or ParagraphKind.BODY,
        )
        for p in r.objects("paragraphs")
    ]
    headline = None
    if r.get("headline", dict, optional=True) is not None:
        h = _Reader(r.data["headline"], "headline")
        headline = h.build(Headline, **_read_span(h))
    date_source = None
    if r.get("date_source", dict, optional=True) is not None:
        d = _Reader(r.data["date_source"], "date_source")
        evidence = None
        if d.get("evidence", dict, optional=True) is not None:
            e = _Reader(d.data["evidence"], "date_source.evidence")
            evidence = e.build(Evidence, **_read_span(e))
        date_source = d.build(
            DateSource, date=d.get("date", str), year=d.get("year", str), evidence=evidence
        )
    return r.build(
        Article,
        date_source=date_source,
        text_length=r.get("text_length", int),
        published=r.get("published", str, optional=True),
        dateline=dateline,
        byline=byline,
        credits=[_read_byline(c) for c in r.objects("credits")],
        entities=entities,
        dates=dates,
        quotes=quotes,
        paragraphs=paragraphs,
        headline=headline,
    )
