"""The layout stage: which paragraphs are the headline, decks, subheads and bylines.

News text, as exported or scraped, keeps the lines around the story: a headline
first, perhaps a deck (a subtitle, a section label) before the body, subheads
between its paragraphs. They are not prose, and the later stages read them as
such: a headline written in title case (``Senate Leaders Clash Over Border
Bill``) capitalises words that are no names, so the entities stage reads its
names the way it reads a line in capitals, keeping those the body gives.

The shapes, in positions of the view:

* **headline**: the first paragraph of an article of more than one, on one
  line, at most ``_HEADLINE_WORDS`` words, holding no dateline, when something
  says it stands apart: a dateline or a byline after it, capitals or title case,
  no full stop at its end, or a next paragraph longer than it;
* **deck**: a line between the headline and the dateline (or the byline that
  opens the body) that is neither: ``ISAF Joint Command - Afghanistan``, a
  subtitle. Without a dateline or a byline to say where the body starts, no
  line is a deck;
* **subhead**: a short line of the body (at most ``_SUBHEAD_WORDS`` words) with
  no punctuation at its end, between a paragraph that ends a sentence and one
  that starts with a capital (``What comes next``), not a row of results;
* **byline**: a paragraph that the byline stage read as a byline or a credit
  line, whole.

>>> from newsparse._text import segment
>>> doc = segment("Port Reopens After Storm\\n\\nBASRA (Reuters) - The port reopened.")
>>> layout = find_layout(doc, Context(), Found())
>>> doc.norm[layout.headline.start : layout.headline.end], layout.title_case == (layout.headline,)
('Port Reopens After Storm', True)
"""

from __future__ import annotations

import functools

import regex

from newsparse._findings import Context, Found, FoundLayout
from newsparse._lexicon import function_words, read_rows
from newsparse._stages.results import result_rows
from newsparse._tables import common_words
from newsparse._text import Document, Span
from newsparse.model import ParagraphKind

__all__ = ["find_layout", "title_cased"]

#: A headline is a line: longer runs of words are paragraphs of text.
_HEADLINE_WORDS = 30
#: A subhead is a few words; a longer line without a full stop is a sentence cut short.
_SUBHEAD_WORDS = 10
_SENTENCE_END = regex.compile(r"[.!?][\"')\]]*+$")
_OPEN_END = regex.compile(r"[\p{L}\p{N}\"')\]]$")
_OPENS_CAPITAL = regex.compile(r"^[\"'(\[]*+[\p{Lu}\p{N}]")
_LOWER = regex.compile(r"\p{Ll}")
# A word of four letters or more: the words title case capitalises and prose does not.
_LONG_WORD = regex.compile(r"(?<![\p{L}\p{M}'])\p{L}[\p{L}\p{M}]{3,}+")


def find_layout(doc: Document, context: Context, found: Found) -> FoundLayout:
    """The layout stage of :func:`newsparse.parse`: the kind of each paragraph of
    ``doc`` and which of the headline, decks and subheads are written in title case.

    Reads the dateline and the bylines through ``found``; nothing of ``context``.
    """
    paragraphs = doc.paragraphs
    if len(paragraphs) < 2:
        return FoundLayout()
    norm = doc.norm
    kinds = [ParagraphKind.BODY] * len(paragraphs)
    lines = found.bylines.lines()
    for i, paragraph in enumerate(paragraphs):
        if any(b.start <= paragraph.start and paragraph.end <= b.end for b in lines):
            kinds[i] = ParagraphKind.BYLINE
    body = _body_start(doc, found, kinds)
    if _is_headline(doc, found, kinds, body):
        kinds[0] = ParagraphKind.HEADLINE
        if body is not None:
            for i in range(1, body):
                if kinds[i] is ParagraphKind.BODY and _one_line(norm, paragraphs[i]):
                    kinds[i] = ParagraphKind.DECK
    _mark_subheads(doc, kinds, body if body is not None else 1)
    _mark_notes(doc, kinds)
    headline = paragraphs[0] if kinds[0] is ParagraphKind.HEADLINE else None
    marked = [p for p, k in zip(paragraphs, kinds, strict=True) if k in _HEADINGS]
    title_case = tuple(p for p in marked if title_cased(norm, p, doc))
    return FoundLayout(headline, tuple(kinds), title_case)


_HEADINGS = frozenset({ParagraphKind.HEADLINE, ParagraphKind.DECK, ParagraphKind.SUBHEAD})


def _body_start(doc: Document, found: Found, kinds: list[ParagraphKind]) -> int | None:
    """The index of the paragraph where the body starts, when a dateline or a byline
    says so: the dateline's paragraph, else the paragraph after the byline; None
    without either."""
    paragraphs = doc.paragraphs
    if found.dateline is not None:
        at = found.dateline.start
        for i, paragraph in enumerate(paragraphs):
            if paragraph.end > at:
                return i
    byline = found.bylines.byline
    if byline is not None:
        for i, paragraph in enumerate(paragraphs):
            if paragraph.start >= byline.end and kinds[i] is ParagraphKind.BODY:
                return i
    return None


def _one_line(norm: str, span: Span) -> bool:
    return norm.find("\n", span.start, span.end) < 0


def _is_headline(doc: Document, found: Found, kinds: list[ParagraphKind], body: int | None) -> bool:
    norm = doc.norm
    first = doc.paragraphs[0]
    if kinds[0] is not ParagraphKind.BODY or body == 0 or not _one_line(norm, first):
        return False
    if _notes()[0].match(norm, first.start, first.end):
        return False  # "Correction: ..." opening the article is a note
    words = len(doc.word_range(first))
    if not 0 < words <= _HEADLINE_WORDS:
        return False
    if body is not None:
        return True
    text = norm[first.start : first.end]
    if not _LOWER.search(text) or not _SENTENCE_END.search(text):
        return True
    following = doc.paragraphs[1]
    return len(doc.word_range(following)) > words or title_cased(norm, first, doc)


def _mark_subheads(doc: Document, kinds: list[ParagraphKind], body: int) -> None:
    norm = doc.norm
    paragraphs = doc.paragraphs
    rows: list[Span] | None = None
    for i in range(body + 1, len(paragraphs) - 1):
        paragraph = paragraphs[i]
        if kinds[i] is not ParagraphKind.BODY or not _one_line(norm, paragraph):
            continue
        text = norm[paragraph.start : paragraph.end]
        if not 0 < len(doc.word_range(paragraph)) <= _SUBHEAD_WORDS:
            continue
        if not _OPEN_END.search(text) or not _OPENS_CAPITAL.match(text):
            continue
        before, after = paragraphs[i - 1], paragraphs[i + 1]
        if kinds[i - 1] not in (ParagraphKind.BODY, ParagraphKind.SUBHEAD):
            continue
        if not _SENTENCE_END.search(norm, before.start, before.end):
            continue
        if not _OPENS_CAPITAL.match(norm[after.start : after.end]):
            continue
        if rows is None:
            rows = result_rows(doc)
        if any(r.start < paragraph.end and paragraph.start < r.end for r in rows):
            continue
        kinds[i] = ParagraphKind.SUBHEAD


@functools.cache
def _notes() -> tuple[regex.Pattern[str], ...]:
    """The patterns of ``data/notes.tsv``: the openings of notes read wherever they
    stand, of those read at the article's end, of corrections there, and the words
    that say an error was corrected (searched, not matched)."""
    rows = read_rows("notes.tsv")

    def words(where: str) -> str:
        phrases = sorted((o for o, w in rows if w == where), key=len, reverse=True)
        return "|".join(r"\s+".join(regex.escape(p) for p in o.split()) for o in phrases)

    def opening(alternatives: str) -> regex.Pattern[str]:
        return regex.compile(rf"[\"'(\[]*+(?i:{alternatives})(?![\p{{L}}\d])")

    return (
        opening(words("any")),
        opening(f"{words('any')}|{words('end')}"),
        opening(words("correction")),
        regex.compile(rf"(?<![\p{{L}}\d])(?i:{words('error')})(?![\p{{L}}\d])"),
    )


_DATE_LINE = regex.compile(
    r"(?:\p{Lu}\p{Ll}+,\s+)?\p{Lu}\p{Ll}+\.?\s+\d{1,2},\s+\d{4}\.?|\d{4}-\d{2}-\d{2}\.?"
)


def _mark_notes(doc: Document, kinds: list[ParagraphKind]) -> None:
    """Editor's notes, corrections and update notices: a paragraph that opens with a
    labelled note (``Correction:``), wherever it stands, or, among the paragraphs that
    close the article (after its last paragraph of text, bylines and credits between),
    one that opens as a note does (``This article was updated ...``, ``An earlier
    version of this story ...``), with the date line that may close it (``Saturday,
    March 19, 2016.``)."""
    norm = doc.norm
    paragraphs = doc.paragraphs
    anywhere, at_end, correction, error = _notes()

    def opens_note(span: Span) -> bool:
        return at_end.match(norm, span.start, span.end) is not None or (
            correction.match(norm, span.start, span.end) is not None
            and error.search(norm, span.start, span.end) is not None
        )

    for i, paragraph in enumerate(paragraphs):
        if kinds[i] is ParagraphKind.BODY and anywhere.match(norm, paragraph.start, paragraph.end):
            kinds[i] = ParagraphKind.NOTE
    for i in range(len(paragraphs) - 1, 0, -1):
        paragraph = paragraphs[i]
        kind = kinds[i]
        # The date line under a correction closes it: "Saturday, March 19, 2016."
        closes_note = _DATE_LINE.fullmatch(
            norm, paragraph.start, paragraph.end
        ) is not None and opens_note(paragraphs[i - 1])
        if kind is ParagraphKind.BODY and (opens_note(paragraph) or closes_note):
            kinds[i] = ParagraphKind.NOTE
        elif kind not in (ParagraphKind.BYLINE, ParagraphKind.NOTE):
            return


def title_cased(norm: str, span: Span | tuple[int, int], doc: Document) -> bool:
    """Whether ``norm[span]`` is written in title case: it has lower-case letters, and
    every word of four letters or more is capitalised but for the prepositions and
    conjunctions headlines leave in lower case (``through``, ``where``;
    ``data/function_words.tsv``, role ``headline_lower``), two of them at least, one of
    them a common word or one ``doc`` writes in lower case elsewhere: ``Senate
    Leaders Clash Over Border Bill``, not ``Senate passes border bill`` nor a name
    alone (``Tom Harlan``).

    >>> from newsparse._text import segment
    >>> doc = segment("Leaders Clash Over Border Bill\\n\\nThe border bill passed.")
    >>> title_cased(doc.norm, doc.paragraphs[0], doc), title_cased(doc.norm, doc.paragraphs[1], doc)
    (True, False)
    """
    text = norm[span[0] : span[1]]
    if not _LOWER.search(text):
        return False
    minor = function_words("headline_lower")
    long_words = [w for w in _LONG_WORD.findall(text) if w[0].isupper() or w not in minor]
    if len(long_words) < 2 or any(not w[0].isupper() for w in long_words):
        return False
    common = common_words()
    if any(w.casefold() in common for w in long_words):
        return True
    lower = {w.casefold() for w in long_words}
    return any(w in lower for w in doc.word_texts)
