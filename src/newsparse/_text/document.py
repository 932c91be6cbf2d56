"""Text and offsets: the normalised view, lines, paragraphs and sentences.

The input is never altered. Stages match against a *normalised view* of it in
which typographic variants are folded to one form:

- curly, low and prime quotation marks, and the modifier letters used for
  apostrophes, ayn and hamza, become ``'`` or ``"``;
- hyphens become ``-``; en, em and other dashes become ``—``; the minus sign ``-``;
- no-break and other Unicode spaces become a plain space; CRLF, CR, NEL and the
  line separator become ``\\n``, the paragraph separator a blank line;
- zero-width characters, bidi controls, the soft hyphen, the BOM and other
  control characters (all but tab and newline) are dropped;
- characters are composed (NFC) and compatibility forms folded (NFKC: ligatures,
  full-width letters, ``…``) where that does not split a word; lone surrogates
  become U+FFFD.

Every position of the view maps back to the original exactly, so any span found
in the view becomes a span of the input with :meth:`TextView.span`.

>>> view = TextView("“Hi,” she said\\u00a0—\\r\\nfine")
>>> view.norm
'"Hi," she said —\\nfine'
>>> start, end = view.span(0, 5)
>>> view.original[start:end]
'“Hi,”'

:func:`segment` cuts a text into lines, paragraphs and sentences once, for all
stages to share.

>>> doc = segment("The U.S. envoy met Dr. Smith on Jan. 3. They spoke.\\n\\nA new day.")
>>> [doc.original_text(s) for s in doc.sentences]
['The U.S. envoy met Dr. Smith on Jan. 3.', 'They spoke.', 'A new day.']
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import attrs
import regex

from newsparse._lexicon import read_rows, read_words

__all__ = ["Document", "Span", "TextView", "segment", "with_plain_quote_marks", "without_markup"]


class Span(NamedTuple):
    """A half-open range ``start..end`` of positions in a :class:`TextView`'s ``norm``."""

    start: int
    end: int


# --------------------------------------------------------------------------
# the normalised view

_SINGLE_QUOTES = (
    "\u2018\u2019\u201a\u201b\u2032\u2035\u00b4"
    "\u02b9\u02bb\u02bc\u02bd\u02be\u02bf\u02c8\u2039\u203a\uff07"
)
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e\u301f\uff02"
_HYPHENS = "\u2010\u2011\u2043\ufe63\uff0d\u2212"
_DASHES = "\u2012\u2013\u2015\u2e3a\u2e3b\ufe58\ufe31\ufe32"
_SPACES = "\u00a0\u1680\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))
_LINE_BREAKS = "\u0085\u2028\x0b\x0c"
_DROPPED = (
    "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)


def _translation_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for chars, replacement in (
        (_SINGLE_QUOTES, "'"),
        (_DOUBLE_QUOTES, '"'),
        (_HYPHENS, "-"),
        (_DASHES, "\u2014"),
        (_SPACES, " "),
        (_LINE_BREAKS, "\n"),
        (_DROPPED, ""),
    ):
        for char in chars:
            table[ord(char)] = replacement
    table[0x2029] = "\n\n"
    table[0x0D] = "\n"
    for code in [*range(0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0)]:
        table[code] = ""
    for code in range(0xD800, 0xE000):
        table[code] = "\ufffd"
    return table


_TABLE = _translation_table()

# Runs of characters that may need folding: everything but printable ASCII,
# tab and newline. A carriage return joins the run so CRLF folds as one.
_RUN = regex.compile(r"(?:\r\n|[^\t\n\x20-\x7e])+")
_CLUSTER = regex.compile(r"\X")
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"


# A grapheme cluster is a letter and its marks: a few characters in any real text,
# but a hostile one (a letter and a million combining marks) is one cluster. Only
# clusters up to this length are cached, so the cache holds at most 4096 x 32
# characters whatever it has seen.
_LONGEST_CACHED_CLUSTER = 32


@functools.lru_cache(maxsize=4096)
def _fold_short_cluster(cluster: str) -> str:
    return _folded_cluster(cluster)


def _folded_cluster(cluster: str) -> str:
    """The view's form of one grapheme cluster."""
    if cluster in ("\r\n", "\r"):
        return "\n"
    translated = cluster.translate(_TABLE)
    if not translated:
        return translated
    folded = unicodedata.normalize("NFKC", translated)
    if folded != translated:
        # NFKC turns spacing accents (U+00A8, U+02DC) into a space and a mark,
        # which would split a word: compose only in that case.
        if any(c.isspace() for c in folded) and not any(c.isspace() for c in translated):
            folded = unicodedata.normalize("NFC", translated)
        folded = folded.translate(_TABLE)
    return folded


def _needs_folding(run: str) -> bool:
    return run.translate(_TABLE) != run or not unicodedata.is_normalized("NFKC", run)


class TextView:
    """The original text, its normalised form ``norm``, and the map between them.

    ``norm`` is what stages match against; :meth:`span` turns a ``norm`` range
    into the range of the original that holds it. Text that needs no folding
    (plain ASCII, most news) costs one scan and no memory for the map.
    """

    __slots__ = ("_norm_lengths", "_norm_starts", "_orig_ends", "_orig_starts", "norm", "original")

    def __init__(self, text: str) -> None:
        self.original = text
        # Each segment is a stretch of the original [orig_start, orig_end) that
        # became norm[norm_start : norm_start + norm_length]; between segments
        # the two texts agree character for character. Segments are in order;
        # a dropped character (length 0) shares its norm_start with the next.
        # They are kept as four arrays of machine integers, 32 bytes a segment
        # (a tuple of four ints is five times that): text of nothing but
        # characters to fold has a segment for each.
        norm_starts, orig_starts, orig_ends, norm_lengths = (array("q") for _ in range(4))
        pieces: list[str] = []
        last = 0
        npos = 0
        # Printable ASCII with tabs and line feeds needs no folding: one C-level test.
        plain = text.isascii() and not text.encode("ascii").translate(None, _PLAIN_ASCII)
        for run in () if plain else _RUN.finditer(text):
            start, end = run.span()
            if start > last and unicodedata.combining(text[start]):
                start -= 1  # let a combining mark compose with the letter before it
            run_text = text[start:end]
            if not _needs_folding(run_text):
                continue
            for cluster in _CLUSTER.finditer(run_text):
                group = cluster.group()
                if len(group) <= _LONGEST_CACHED_CLUSTER:
                    folded = _fold_short_cluster(group)
                else:
                    folded = _folded_cluster(group)
                if folded == group:
                    continue
                oa, ob = start + cluster.start(), start + cluster.end()
                if oa > last:
                    pieces.append(text[last:oa])
                    npos += oa - last
                # One segment per cluster (never merged), so a span can end
                # between two folded characters.
                norm_starts.append(npos)
                orig_starts.append(oa)
                orig_ends.append(ob)
                norm_lengths.append(len(folded))
                pieces.append(folded)
                npos += len(folded)
                last = ob
        if norm_starts:
            pieces.append(text[last:])
            self.norm = "".join(pieces)
        else:
            self.norm = text
        self._norm_starts = norm_starts
        self._orig_starts = orig_starts
        self._orig_ends = orig_ends
        self._norm_lengths = norm_lengths

    def __repr__(self) -> str:
        return f"TextView({self.original!r})"

    def respelled(self, norm: str) -> TextView:
        """This view with ``norm`` written another way at the same length: every
        position maps to the input as before (see :func:`with_plain_quote_marks`)."""
        if len(norm) != len(self.norm):
            raise ValueError("a respelled view keeps the length of its norm")
        view = object.__new__(TextView)
        for name in TextView.__slots__:
            object.__setattr__(view, name, getattr(self, name))
        view.norm = norm
        return view

    @property
    def is_identity(self) -> bool:
        """True when ``norm`` is the original text unchanged."""
        return not self._norm_starts

    def start(self, pos: int) -> int:
        """The original position of the character at ``norm[pos]`` (a span's start)."""
        i = bisect.bisect_right(self._norm_starts, pos) - 1
        if i < 0:
            return pos
        end = self._norm_starts[i] + self._norm_lengths[i]
        if pos < end:
            return self._orig_starts[i]
        return self._orig_ends[i] + (pos - end)

    def end(self, pos: int) -> int:
        """The original position just after ``norm[pos - 1]`` (a span's end)."""
        if pos <= 0:
            return 0
        last = pos - 1
        i = bisect.bisect_right(self._norm_starts, last) - 1
        if i < 0:
            return pos
        end = self._norm_starts[i] + self._norm_lengths[i]
        if last < end:
            return self._orig_ends[i]
        return self._orig_ends[i] + (last - end) + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original range holding ``norm[start:end]``.

        An empty range maps to an empty range; a range that covers part of a
        folded character (one ``.`` of ``…``) covers all of it.
        """
        if not self._norm_starts:  # norm is the text itself
            return (start, end) if end > start else (start, start)
        if end <= start:
            pos = self.start(start)
            return pos, pos
        return self.start(start), self.end(end)

    def original_text(self, span: Span | tuple[int, int]) -> str:
        """The original text under a ``norm`` range."""
        start, end = self.span(span[0], span[1])
        return self.original[start:end]

    def norm_end(self, pos: int) -> int:
        """The ``norm`` position where an original range ending at ``pos`` ends.

        The inverse of :meth:`end`: ``norm_end(end(p)) == p`` at every ``p`` that
        follows a whole character of the view. A range of the input mapped back
        must go through here, not by adding lengths: a dropped character (a
        zero-width space, a soft hyphen, a bidi mark) has no length in ``norm``,
        and a ligature more than one. A position inside a folded character is
        taken to its end.

        >>> view = TextView("Ira\u200bq said")
        >>> view.norm[: view.norm_end(5)]
        'Iraq'
        """
        if not self._norm_starts:
            return pos
        # The last segment that starts in the original before ``pos``.
        i = bisect.bisect_left(self._orig_starts, pos) - 1
        if i < 0:
            return pos
        end = self._norm_starts[i] + self._norm_lengths[i]
        if pos < self._orig_ends[i]:
            return end
        return end + (pos - self._orig_ends[i])


# --------------------------------------------------------------------------
# lines, paragraphs and sentences

# The standard library's engine splits words fastest; \w is Unicode-aware there too.
_WORD_SPLIT = re.compile(r"(\w+)")
_NON_SPACE = regex.compile(r"\S")
# What starts a line: an indent, or a lower-case word (white space in the view is
# space, tab and line feed). A heading is a line in capitals: at least two
# upper-case letters and no lower-case one. (\G: each matches only where it is
# asked to, at a line's start, so no search over a long run can go quadratic.)
_INDENT = regex.compile(r"\G(?:\t| {2,})\S")
_LOWER_START = regex.compile(r"\G[ \t]*+\p{Ll}")
_HEADING = regex.compile(r"\G(?:[^\p{Ll}\p{Lu}]*+\p{Lu}){2}[^\p{Ll}]*+")
# A run of terminators is matched from its first character only (the
# look-behind), so a long run of dots costs one pass, not one pass per dot.
_TERMINATOR = regex.compile(r"""(?<![.!?])[.!?]++["')\]]*+(?=\s++(\S))""")
_INITIAL = regex.compile(r"\p{Lu}")
_DOTTED = regex.compile(r"(?:\w\.)+\w")
_OPENERS = "\"'([{"


def _lines(norm: str) -> list[Span]:
    lines = []
    start = 0
    while True:
        newline = norm.find("\n", start)
        if newline < 0:
            lines.append(Span(start, len(norm)))
            return lines
        lines.append(Span(start, newline))
        start = newline + 1


def _trim(norm: str, start: int, end: int) -> Span | None:
    """``start..end`` without the white space at either end, or None if blank."""
    first = _NON_SPACE.search(norm, start, end)
    if first is None:
        return None
    stop = end
    while stop > first.start() and norm[stop - 1].isspace():
        stop -= 1
    return Span(first.start(), stop)


def _paragraphs(norm: str, lines: Sequence[Span]) -> list[Span]:
    """Paragraphs from lines.

    A blank line always separates paragraphs, and so does a line that starts
    with an indent. Whether a single line break does depends on the text: in
    hard-wrapped text (lines that go on with a lower-case word, as wire copy
    does) it is a space, except after a heading in capitals or a short line;
    elsewhere (one paragraph per line, as scraped text has) it is a break.
    """
    blocks = _blocks(norm, lines)
    breaks = _LineBreaks(norm, blocks)
    paragraphs: list[Span] = []
    for block in blocks:
        _split_block(norm, block, breaks, paragraphs)
    return paragraphs


def _blocks(norm: str, lines: Sequence[Span]) -> list[list[Span]]:
    """The lines between blank ones (``"a\\nb\\n\\n  \\nc"``: ``[[a, b], [c]]``); a
    line of white space only is blank (the view's only white space is space, tab
    and line feed)."""
    blocks: list[list[Span]] = []
    current: list[Span] = []
    for line in lines:
        if norm[line.start : line.end].isspace() or line.start == line.end:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _line_starts(norm: str, blocks: list[list[Span]]) -> tuple[set[int], set[int], int]:
    """Which lines of the blocks, the first of each aside, start with an indent (a
    tab, or two spaces or more: ``"  The port..."``), and which of the others go on
    with a lower-case word (``"would reopen..."``), as sets of their starts; and how
    many lines are not indented. Each line is read once."""
    indent_at: set[int] = set()
    lower_at: set[int] = set()
    single = 0
    for block in blocks:
        for line in block[1:]:
            if _INDENT.match(norm, line.start, line.end):
                indent_at.add(line.start)
            else:
                single += 1
                if _LOWER_START.match(norm, line.start, line.end):
                    lower_at.add(line.start)
    return indent_at, lower_at, single


class _LineBreaks:
    """Whether a single line break ends a paragraph, for the blocks of one text.

    The text is hard-wrapped when some line starts with an indent, or when at
    least 15% of the other lines (a block's first aside) go on in lower case;
    its width is that of its lines at the 90th percentile.
    """

    __slots__ = ("headings", "indent_at", "lower_at", "norm", "width", "wrapped")

    def __init__(self, norm: str, blocks: list[list[Span]]) -> None:
        self.norm = norm
        self.indent_at, self.lower_at, single = _line_starts(norm, blocks)
        lower = len(self.lower_at)
        self.wrapped = len(self.indent_at) > 0 or (lower > 0 and lower >= 0.15 * single)
        widths = sorted(line.end - line.start for block in blocks for line in block)
        self.width = widths[int(len(widths) * 0.9)] if widths else 0
        self.headings: dict[int, bool] = {}

    def heading(self, line: Span) -> bool:
        """Whether a line is a heading in capitals (``IRAQ-PORTS/``, ``BAGHDAD, Jan 3``
        is not): two upper-case letters or more and no lower-case one; read once a line."""
        if line.start in self.lower_at:
            return False  # a line that starts in lower case is no heading
        if line.start not in self.headings:
            found = _HEADING.fullmatch(self.norm, line.start, line.end) is not None
            self.headings[line.start] = found
        return self.headings[line.start]

    def between(self, previous: Span, line: Span) -> bool:
        """Whether a paragraph ends between two lines of a block: always in text that
        is not hard-wrapped and before an indented line; in hard-wrapped text before
        or after a heading, and after a short line (under 0.6 of the width) that does
        not end in one of ``,-;:(`` when ``line`` does not go on in lower case
        (``"Talks resume.\\nThe port..."``, not ``"the port\\nwould reopen"``)."""
        if not self.wrapped or line.start in self.indent_at:
            return True
        if self.heading(previous) or self.heading(line):
            return True
        previous_text = self.norm[previous.start : previous.end].strip()
        return (
            len(previous_text) < 0.6 * self.width
            and previous_text[-1:] not in ",-;:("
            and line.start not in self.lower_at
        )


def _split_block(norm: str, block: list[Span], breaks: _LineBreaks, paragraphs: list[Span]) -> None:
    """The paragraphs of one block of lines, added to ``paragraphs``: a paragraph
    ends at each line break that ``breaks`` says ends one, and is trimmed of white
    space at either end."""
    start = block[0].start
    for previous, line in itertools.pairwise(block):
        if breaks.between(previous, line):
            trimmed = _trim(norm, start, previous.end)
            if trimmed is not None:
                paragraphs.append(trimmed)
            start = line.start
    trimmed = _trim(norm, start, block[-1].end)
    if trimmed is not None:
        paragraphs.append(trimmed)


@functools.cache
def _abbreviations() -> dict[str, str]:
    return {row[0]: row[1] for row in read_rows("abbreviations.tsv")}


def _word_before(norm: str, lo: int, pos: int) -> str:
    """The white-space-delimited word ending at ``pos``, without opening punctuation."""
    start = pos
    while start > lo and not norm[start - 1].isspace():
        start -= 1
    return norm[start:pos].lstrip(_OPENERS)


def _word_at(norm: str, pos: int, hi: int) -> str:
    end = pos
    while end < hi and (norm[end].isalnum() or norm[end] in "'-"):
        end += 1
    return norm[pos:end]


def _ends_sentence(norm: str, lo: int, hi: int, match: regex.Match[str]) -> bool:
    next_start = match.start(1)
    following = norm[next_start]
    if following.islower() or following in ",;:":
        return False
    if match.group() != ".":
        return True
    word = _word_before(norm, lo, match.start())
    if not word:
        return True
    next_word = _word_at(norm, next_start + (following in _OPENERS), hi)
    starts_sentence = next_word in read_words("sentence_starters.txt")
    if _INITIAL.fullmatch(word) or _DOTTED.fullmatch(word):
        return starts_sentence
    kind = _abbreviations().get(word.lower())
    if kind is None and "-" in word:  # "then-Sen. Barack Obama", "ex-Gov. Jane Doe"
        kind = _abbreviations().get(word.rsplit("-", 1)[1].lower())
    if kind == "title":
        return False
    if kind == "month" and following.isdigit():
        return False
    if kind == "number":
        return not following.isdigit()  # "No. 5", but "shook his head no. Then ..."
    if kind is not None:
        return starts_sentence
    return True


#: The longest sentence, in characters. A longer run with no sentence end (a table,
#: a list, text with its full stops lost) is cut at a space before each limit, so
#: that work done per sentence stays proportional to the text's length.
MAX_SENTENCE = 2000
_CUT_REACH = 200


def _sentences(norm: str, paragraphs: Sequence[Span]) -> list[Span]:
    sentences: list[Span] = []

    def add(span: Span | None) -> None:
        while span is not None and span.end - span.start > MAX_SENTENCE:
            limit = span.start + MAX_SENTENCE
            cut = max(
                norm.rfind(" ", limit - _CUT_REACH, limit),
                norm.rfind("\n", limit - _CUT_REACH, limit),
            )
            cut = cut if cut > span.start else limit
            head = _trim(norm, span.start, cut)
            if head is not None:
                sentences.append(head)
            span = _trim(norm, cut, span.end)
        if span is not None:
            sentences.append(span)

    for paragraph in paragraphs:
        start = paragraph.start
        for match in _TERMINATOR.finditer(norm, paragraph.start, paragraph.end):
            if _ends_sentence(norm, paragraph.start, paragraph.end, match):
                add(_trim(norm, start, match.end()))
                start = match.end()
        add(_trim(norm, start, paragraph.end))
    return sentences


@attrs.frozen
class Document:
    """One article cut up once for every stage: view, lines, paragraphs, sentences, words.

    All spans are ranges of ``view.norm``, and the stages work in those positions
    only; assembly (``newsparse._assembly``) turns them into offsets of the input
    (:meth:`original_span` does the same for one span). ``words`` are the runs of letters and digits
    (``\\w+``), in order: ``Al-Sudani's`` is three words, ``Al``, ``Sudani`` and ``s``.
    """

    view: TextView
    lines: tuple[Span, ...]
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    words: list[tuple[int, int]] = attrs.field(eq=False, repr=False)
    word_texts: list[str] = attrs.field(eq=False, repr=False)
    #: ``word_pieces(norm)``, and where each piece starts (with the end last): the
    #: split that the words come from, for stages that read the gaps too.
    word_pieces: list[str] = attrs.field(eq=False, repr=False)
    word_offsets: list[int] = attrs.field(eq=False, repr=False)
    #: The lines of page furniture (``Share``, ``Advertisement``, a release number),
    #: blank in the view: where each stood and what it said, for a stage that reads
    #: them as evidence (a release number's date).
    furniture: tuple[tuple[Span, str], ...] = ()

    @property
    def norm(self) -> str:
        return self.view.norm

    @property
    def original(self) -> str:
        return self.view.original

    def original_span(self, span: Span | tuple[int, int]) -> tuple[int, int]:
        """The input offsets of a ``norm`` range."""
        return self.view.span(span[0], span[1])

    def original_text(self, span: Span | tuple[int, int]) -> str:
        """The input text of a ``norm`` range."""
        return self.view.original_text(span)

    def written_char(self, pos: int) -> str:
        """The input character that ``norm[pos]`` stands for (a ``"`` is written ``“`` or
        ``”``, say): what the view folded away, for a stage that needs it.

        >>> segment("“Hi”").written_char(3)
        '”'
        """
        return self.view.original[self.view.start(pos)]

    def sentence_of(self, pos: int) -> Span | None:
        """The sentence holding ``norm[pos]``, or None."""
        i = bisect.bisect_right(self.sentences, Span(pos, len(self.norm) + 1)) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def paragraph_of(self, pos: int) -> Span | None:
        """The paragraph holding ``norm[pos]``, or None."""
        i = bisect.bisect_right(self.paragraphs, Span(pos, len(self.norm) + 1)) - 1
        if i >= 0 and self.paragraphs[i].start <= pos < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def word_range(self, span: Span | tuple[int, int]) -> range:
        """The indices of the words that lie inside a ``norm`` range."""
        first = bisect.bisect_left(self.words, (span[0], -1))
        last = bisect.bisect_left(self.words, (span[1], -1))
        while last > first and self.words[last - 1][1] > span[1]:
            last -= 1
        return range(first, last)

    def sentences_in(self, paragraph: Span) -> Iterator[Span]:
        """The sentences of one paragraph, in order."""
        i = bisect.bisect_left(self.sentences, Span(paragraph.start, -1))
        while i < len(self.sentences) and self.sentences[i].end <= paragraph.end:
            yield self.sentences[i]
            i += 1


# Quotation marks written as two characters: `` opens (LDC wire text), '' opens
# before a word and closes after one (the New York Times News Service).
_DOUBLED_MARKS = regex.compile(r"``|''")


def with_plain_quote_marks(doc: Document) -> Document:
    """``doc`` with the doubled quotation marks (two backquotes, two apostrophes) read as ``"``:
    an opening one as a space and the mark (the mark just before the quoted word),
    a closing one as the mark and a space, so that every position keeps its place.

    >>> with_plain_quote_marks(segment("``We won,'' she said.")).norm
    ' "We won,"  she said.'
    """
    norm = doc.norm
    if "''" not in norm and "``" not in norm:
        return doc
    pieces = []
    last = 0
    for m in _DOUBLED_MARKS.finditer(norm):
        at = m.start()
        after = norm[at + 2 : at + 3]
        before = norm[at - 1 : at] if at else ""
        opening = m.group() == "``" or (
            (after.isalnum() or after in "$(")
            and (not before or before.isspace() or before in "([\u2014-")
        )
        pieces.append(norm[last:at])
        pieces.append(' "' if opening else '" ')
        last = m.end()
    pieces.append(norm[last:])
    return attrs.evolve(doc, view=doc.view.respelled("".join(pieces)))


def word_pieces(s: str) -> list[str]:
    """The gaps and the ``\\w+`` runs of ``s`` in turn, a gap first and last.

    >>> word_pieces("Al-Sudani's aide")
    ['', 'Al', '-', 'Sudani', "'", 's', ' ', 'aide', '']
    """
    return _WORD_SPLIT.split(s)


@functools.cache
def _markup() -> regex.Pattern[str]:
    codes = "|".join(regex.escape(code) for code in read_words("markup_codes.txt"))
    # "&Cx1f;": a control character written as a code.
    return regex.compile(rf"&(?:{codes}|Cx[0-9A-Fa-f]{{1,2}});")


def without_markup(view: TextView) -> TextView:
    """``view`` with wire layout codes (``&QL;``, ``&UR;``, see ``markup_codes.txt``) read
    as spaces, at the same length, so that no stage reads them as words.

    >>> without_markup(TextView("&UR; By JANE DOE &QL;")).norm
    '     By JANE DOE     '
    """
    norm = view.norm
    if "&" not in norm:
        return view
    blanked = _markup().sub(lambda m: " " * len(m.group()), norm)
    return view if blanked == norm else view.respelled(blanked)


#: Trailing marks a furniture label may carry (``SHARE:``, ``Read more »``; the view
#: writes guillemets as quotation marks).
_LABEL_TRAIL = " \t:.|>\"'"
#: The longest line looked at as furniture: labels are short, lines of text longer.
_FURNITURE_CHARS = 48


@functools.cache
def _furniture() -> tuple[frozenset[str], regex.Pattern[str] | None]:
    """The furniture phrases (folded) and one pattern of the shapes (see ``furniture.tsv``)."""
    rows = read_rows("furniture.tsv")
    phrases = frozenset(text.casefold() for kind, text in rows if kind == "phrase")
    shapes = [text for kind, text in rows if kind == "shape"]
    pattern = regex.compile("|".join(f"(?:{s})" for s in shapes)) if shapes else None
    return phrases, pattern


#: How far from the text's end a wire's end mark is looked for.
_END_MARK_CHARS = 60


@functools.cache
def _end_marks() -> regex.Pattern[str] | None:
    """One pattern of the wires' end marks (``end`` rows of ``furniture.tsv``): after
    a sentence's end, at the end of the text."""
    marks = [text for kind, text in read_rows("furniture.tsv") if kind == "end"]
    if not marks:
        return None
    either = "|".join(f"(?:{m})" for m in marks)
    return regex.compile(rf"(?<=[.!?\"'\u201d\u2019)][ \t]+)(?:{either})[ \t]*+(?=\s*+\Z)")


def end_mark(norm: str) -> Span | None:
    """Where a wire's end mark stands after the last sentence (``... the G20.
    Enditem``), or None.

    >>> norm = "Both sides met in Beijing. Enditem\\n"
    >>> span = end_mark(norm)
    >>> norm[span.start : span.end]
    'Enditem'
    """
    pattern = _end_marks()
    if pattern is None:
        return None
    m = pattern.search(norm, max(0, len(norm) - _END_MARK_CHARS))
    return None if m is None else Span(m.start(), m.start() + len(m.group().rstrip()))


def furniture_lines(norm: str, lines: Sequence[Span]) -> list[Span]:
    """The lines of ``norm`` that are page furniture (``furniture.tsv``): a share
    button, an advertising slot, a document label or a release number alone on its
    line. A phrase counts only where its line starts with a capital or a digit (a
    wrapped line that goes on in lower case, ``close.``, is text). Each span is the
    line without white space at its ends.

    >>> norm = "Senate passes bill\\nShare\\n2010-09-CA-005\\nThe Senate passed ..."
    >>> [norm[s.start : s.end] for s in furniture_lines(norm, _lines(norm))]
    ['Share', '2010-09-CA-005']
    """
    phrases, pattern = _furniture()
    found = []
    for line in lines:
        if line.end - line.start > _FURNITURE_CHARS:
            continue
        written = norm[line.start : line.end]
        text = written.strip()
        if not text:
            continue
        # A phrase is a label only where it opens its line in a capital or a digit;
        # a shape says itself how its line starts (a desk code: ``(lh)``).
        label = (text[0].isupper() or text[0].isdigit()) and (
            text.rstrip(_LABEL_TRAIL).casefold() in phrases
        )
        if label or (pattern is not None and pattern.fullmatch(text)):
            start = line.start + len(written) - len(written.lstrip())
            found.append(Span(start, start + len(text)))
    return found


def _without_furniture(
    view: TextView, lines: Sequence[Span]
) -> tuple[TextView, tuple[tuple[Span, str], ...]]:
    """``view`` with its furniture lines (among ``lines``, its lines) read as spaces, at
    the same length, so that its lines stay where they were; and each of them: where it
    was and what it said."""
    norm = view.norm
    furniture = furniture_lines(norm, lines)
    mark = end_mark(norm)
    if mark is not None and not (furniture and furniture[-1].end > mark.start):
        furniture.append(mark)
    if not furniture:
        return view, ()
    pieces = []
    last = 0
    for span in furniture:
        pieces += [norm[last : span.start], " " * (span.end - span.start)]
        last = span.end
    pieces.append(norm[last:])
    blanked = view.respelled("".join(pieces))
    return blanked, tuple((span, norm[span.start : span.end]) for span in furniture)


def segment(text: str) -> Document:
    """Build the normalised view of ``text`` and cut it into lines, paragraphs and sentences.

    Wire markup codes (``without_markup``) and page furniture (``furniture_lines``)
    are read as spaces, so that no stage reads them as words; ``Document.furniture``
    says where the furniture stood and what it said.
    """
    marked = without_markup(TextView(text))
    lines = _lines(marked.norm)  # the same lines once the furniture is blank
    view, furniture = _without_furniture(marked, lines)
    norm = view.norm
    paragraphs = _paragraphs(norm, lines)
    sentences = _sentences(norm, paragraphs)
    # Words and the gaps between them in turn, from one split; their offsets are the
    # running sum of the pieces' lengths (all in C).
    pieces = word_pieces(norm)
    offsets = list(itertools.accumulate(map(len, pieces), initial=0))
    return Document(
        view=view,
        lines=tuple(lines),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        words=list(zip(offsets[1:-1:2], offsets[2::2], strict=True)),
        word_texts=pieces[1::2],
        word_pieces=pieces,
        word_offsets=offsets,
        furniture=furniture,
    )
