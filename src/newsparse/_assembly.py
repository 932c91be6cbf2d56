"""Assembly: the stages' findings, in view positions, as the public model in input offsets.

This is the one place that maps a span of the normalised view to offsets of the
input (:meth:`TextView.span`) and reads the input's text for a surface. It reads
a :class:`~newsparse._text.Document` and a :class:`~newsparse._findings.Found`
and builds the :class:`~newsparse.Article` and everything in it.

>>> from newsparse._text import Span, TextView
>>> view = TextView("BAGHDAD\\u00a0(Reuters) - Talks")
>>> dateline(view, FoundDateline(0, 19, Span(0, 7), None, "Reuters", None)).text
'BAGHDAD\\xa0(Reuters) -'
"""

from __future__ import annotations

from collections.abc import Sequence

from newsparse._findings import (
    Context,
    Found,
    FoundByline,
    FoundDate,
    FoundDateline,
    FoundEntity,
    FoundQuote,
    FoundSpeaker,
)
from newsparse._text import Document, Span, TextView
from newsparse.model import (
    Article,
    Author,
    Byline,
    Dateline,
    DateMention,
    DateOrigin,
    DateSource,
    Entity,
    Evidence,
    Headline,
    Mention,
    Paragraph,
    ParagraphKind,
    Quote,
    QuotePart,
    Speaker,
)

__all__ = ["article", "byline", "dateline", "dates", "quotes"]


def article(doc: Document, context: Context, found: Found) -> Article:
    """The article of ``doc`` from everything the stages ``found`` (all in view positions)."""
    view = doc.view
    entities = [_entity(view, e) for e in found.entities]
    ids = [e.id for e in entities]  # in the order the quotes' speakers refer to them
    entities.sort(key=lambda e: e.mentions[0].start)
    bylines = found.bylines
    return Article(
        text_length=len(view.original),
        published=found.published(context),
        dateline=None if found.dateline is None else dateline(view, found.dateline),
        byline=None if bylines.byline is None else byline(view, bylines.byline),
        credits=[byline(view, line) for line in bylines.credits],
        entities=entities,
        dates=dates(view, found.dates),
        quotes=quotes(view, found.quotes, ids),
        paragraphs=paragraphs(view, doc.paragraphs, found.layout.kinds),
        date_source=date_source(view, context, found),
        headline=None
        if found.layout.headline is None
        else Headline(*_surface(view, *found.layout.headline)),
    )


def paragraphs(
    view: TextView, spans: Sequence[Span], kinds: Sequence[ParagraphKind]
) -> list[Paragraph]:
    """The paragraphs with their kinds (all body when the layout stage gave none)."""
    if not kinds:
        return [Paragraph(*view.span(*p)) for p in spans]
    return [Paragraph(*view.span(*p), kind) for p, kind in zip(spans, kinds, strict=True)]


def date_source(view: TextView, context: Context, found: Found) -> DateSource | None:
    """Where the article's date came from: the dateline's date (its year written, from
    the reference date or from the text's evidence), else the reference date."""
    dateline_found = found.dateline
    if dateline_found is not None and dateline_found.date is not None:
        year = dateline_found.year_from or DateOrigin.DATELINE
        evidence = None
        if year is DateOrigin.TEXT and dateline_found.year_evidence is not None:
            evidence = Evidence(*_surface(view, *dateline_found.year_evidence))
        elif year is DateOrigin.TEXT:
            year = DateOrigin.DATELINE
        return DateSource(date=DateOrigin.DATELINE, year=year, evidence=evidence)
    if context.reference_date is not None:
        return DateSource(date=DateOrigin.REFERENCE_DATE, year=DateOrigin.REFERENCE_DATE)
    return None


def _surface(view: TextView, start: int, end: int) -> tuple[int, int, str]:
    """The input offsets of ``norm[start:end]`` and the input's text between them."""
    first, last = view.span(start, end)
    return first, last, view.original[first:last]


def dateline(view: TextView, found: FoundDateline) -> Dateline:
    """The dateline ``found`` in ``view``; its place is the input's text, trimmed of ``" ,"``."""
    start, end, text = _surface(view, found.start, found.end)
    place = None
    if found.place is not None:
        place = _surface(view, *found.place)[2].strip(" ,")
    return Dateline(start, end, text, place=place or None, date=found.date, outlet=found.outlet)


def byline(view: TextView, found: FoundByline) -> Byline:
    """The byline or credit line ``found`` in ``view``, with its authors."""
    authors = [Author(p.name, p.role, *_surface(view, p.start, p.end)) for p in found.people]
    start, end, text = _surface(view, found.start, found.end)
    return Byline(start, end, text, organization=found.organization, authors=authors)


def _entity(view: TextView, found: FoundEntity) -> Entity:
    mentions = [Mention(*_surface(view, m.start, m.end), m.how) for m in found.mentions]
    return Entity(found.id, found.name, found.type, found.table_id, mentions)


def dates(view: TextView, found: Sequence[FoundDate]) -> tuple[DateMention, ...]:
    """The dates ``found`` in ``view``, in their order."""
    return tuple(
        DateMention(*_surface(view, d.start, d.end), d.value, d.granularity) for d in found
    )


def quotes(view: TextView, found: Sequence[FoundQuote], ids: Sequence[str]) -> tuple[Quote, ...]:
    """The quotes ``found`` in ``view``; ``ids`` are the entities' ids in the order of
    ``Found.entities``, the order a speaker's ``entity`` index refers to."""
    return tuple(_quote(view, q, ids) for q in found)


def _quote(view: TextView, found: FoundQuote, ids: Sequence[str]) -> Quote:
    speaker = None if found.speaker is None else _speaker(view, found.speaker, ids)
    start, end, text = _surface(view, found.start, found.end)
    if not found.parts:
        return Quote(start, end, text, found.kind, found.cue, speaker)
    parts = [QuotePart(*_surface(view, lo, hi)) for lo, hi in found.parts]
    return Quote(start, end, text, found.kind, found.cue, speaker, parts)


def _speaker(view: TextView, found: FoundSpeaker, ids: Sequence[str]) -> Speaker:
    entity = None if found.entity is None else ids[found.entity]
    start, end, text = _surface(view, found.start, found.end)
    return Speaker(start, end, text, entity=entity, anonymous=found.anonymous)
