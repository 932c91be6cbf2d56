"""Bylines and credit lines: the people who wrote an article, with their roles.

A byline stands near the top (``By Jane Doe and JOHN SMITH, Reuters``); credit
lines close the article (``(Reporting by A; Editing by B)``). Each gives a list
of people with roles and, kept apart, the agency or outlet. Names in capitals
or lower case are recased; the surface as written stays in the offsets.

The stage has the shape of every stage (see ``newsparse._findings``):
``find_bylines(doc, context, found) -> FoundBylines`` reads the first and last
lines of ``doc``, ``context``'s outlets and ``found.dateline``, and hands on the
byline and the credit lines in positions of ``doc.norm``. :func:`parse_byline`
reads one string and has assembly build the public :class:`~newsparse.Byline`.

>>> b = parse_byline("By Cal Mankowski and TED D'AFFLISIO, Reuters")
>>> [(a.name, a.role) for a in b.authors], b.organization
([('Cal Mankowski', 'author'), ("Ted D'Afflisio", 'author')], 'Reuters')
>>> c = parse_byline("(Reporting by Jane Doe in Erbil; Editing by Tom Hale)")
>>> [(a.name, a.role) for a in c.authors]
[('Jane Doe', 'reporting'), ('Tom Hale', 'editing')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import attrs
import regex

from newsparse import _assembly
from newsparse._findings import (
    Context,
    Found,
    FoundByline,
    FoundBylines,
    FoundDateline,
    FoundPerson,
)
from newsparse._lexicon import (
    Lexicon,
    LexiconWords,
    OutletTable,
    lexicon_for,
    read_rows,
    read_words,
    words_of,
)
from newsparse._stages.datelines import known_place
from newsparse._text import (
    Document,
    Span,
    TextView,
    fold_token,
    given_names,
    is_suffix,
    recase,
    strip_titles,
    without_markup,
)
from newsparse.model import Byline

__all__ = ["find_bylines", "parse_byline"]

# Where a byline may stand: the first lines of the article; credits: the last ones.
_TOP_LINES = 8
_BOTTOM_LINES = 6
_MAX_LINE = 300

_BY = regex.compile(r"(?i:\bby)\b")
# Parts of a credit line: "Reporting by A; Editing by B", "By A, with additional reporting by B",
# "Reporting by A. Editing by B."
_SEGMENT_BREAK = regex.compile(
    r";|\.\s+(?=[\p{L} ]{0,40}?\b(?i:by)\b)|,?\s+(?i:with)\s+(?=[\p{L} ]{0,40}?\b(?i:by)\b)"
)
# Each starts at the first space of a run (or at no space), so a long run of spaces is
# read once, not once from each of its positions.
_NAME_BREAK = regex.compile(
    r"(?<!\s)\s*+(?:,\s*+(?i:and)\s|,|\||&|(?<=\s)(?i:and)\s|(?<=\s)[\u2014\-]\s|\u2014)\s*+"
)
# A bar or a bullet between a byline and what follows it on its line.
_BAR = regex.compile(r"[ \t]+[|\u2022\u00b7][ \t]+")
_SPECIAL_TO = regex.compile(r"(?i:special\s+to)\s+(.+)$")
# "c.1998 N.Y. Times News Service", "(c) 2016 The New York Times", "Copyright 2016 AP".
_COPYRIGHT = regex.compile(r"(?i:\(c\)|c\.|\u00a9|copyright)[ \t]*+(?:(?:19|20)\d\d\b)?[ \t,]*+")
_SERVICE_TAIL = regex.compile(r"[ \t]++(?i:news[ \t]++service|wire[ \t]++service|service)$")
_IN_PLACE = regex.compile(r"(?<!\s)\s++(?:in|from)\s++\p{Lu}.*$")
_WORD = regex.compile(r"[^\s,]+")
_INITIAL = regex.compile(r"(?:\p{L}\.)+")
_NAME_PART = regex.compile(r"(?:\p{L}\.)+|[\p{L}\p{M}][\p{L}\p{M}'\-]*+\.?")
_LEADING_BY = regex.compile(r"[\s(\-\u2014]*+(?i:by)\s")
_CREDIT_START = regex.compile(r"[\s(\-\u2014]*+[\p{L} ]{0,40}?\b(?i:by)\b")
# Trailing credits without "by": "Jane Doe contributed reporting.", "Jane Doe and
# the Associated Press contributed to this report.", "Follow Jane Doe on Twitter @jdoe."
_CONTRIBUTED = regex.compile(
    r"(?P<names>\S.*?)\s++(?i:contributed)(?:\s++(?i:reporting|to\s++this\s++"
    r"(?:report|story|article)))?(?:\s++(?i:from|in)\s++\p{Lu}[^.]*+)?\.?"
)
_FOLLOW = regex.compile(
    r"(?i:follow)\s++(?P<names>\S.*?)\s++(?i:on)\s++(?i:twitter|x|facebook|instagram|threads)\b"
    r"[^\n]*"
)
# A byline without "By" (an outlet, "Jane Doe — Staff Writer") is a short line.
_SHORT_LINE = 80


@functools.cache
def _roles() -> dict[str, str]:
    return {row[0]: row[1] for row in read_rows("credit_roles.tsv")}


#: The most words of a staff title before an outlet (``Senior business reporter``).
_MAX_TITLE_WORDS = 4


@functools.cache
def _staff_titles() -> dict[str, str]:
    return {w.casefold(): w for w in read_words("staff_titles.txt")}


@functools.cache
def _staff_title_keys() -> tuple[str, ...]:
    return tuple(_staff_titles())


@functools.cache
def _title_heads() -> frozenset[str]:
    """The last words of the staff titles (``Writer``, ``Correspondent``): what ends the
    title in a service line such as ``AP Science Writer``."""
    return frozenset(title.split()[-1].casefold() for title in _staff_titles())


@functools.cache
def _outlet_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in read_words("outlet_words.txt"))


@functools.cache
def _services() -> tuple[str, ...]:
    words = read_words("military_services.txt")
    return tuple(sorted((w.casefold() for w in words), key=len, reverse=True))


_NO_AUTHOR_LINES = frozenset(
    {
        "staff",
        "by staff",
        "staff reports",
        "staff report",
        "from staff reports",
        "wire reports",
        "from wire reports",
        "staff and wire reports",
        "from staff and wire reports",
        "staff and agencies",
        "agencies",
        "wire services",
        "from wire services",
    }
)


class _Reader:
    """Reads one byline or credit line of ``norm[lo:hi]``."""

    def __init__(self, norm: str, outlets: OutletTable, words: LexiconWords) -> None:
        self.norm = norm
        self.outlets = outlets
        self.words = words

    def outlet(self, text: str, *, loose: bool = True) -> str | None:
        """The outlet a chunk names: a table entry (one typo forgiven) or an outlet-like name."""
        words = text.strip(" .").split()
        if len(words) > 1 and words[0] == "the":
            words = words[1:]
        while len(words) > 1 and words[-1].casefold() in ("desk", "staff", "team", "newsroom"):
            words = words[:-1]
        if not words or len(words) > 5:
            return None
        name = " ".join(words)
        found = self.outlets.lookup(name, fuzzy=True) or self.outlets.lookup(text, fuzzy=True)
        if found is not None:
            return found.name
        outlet_like = any(w.casefold() in _outlet_words() for w in words)
        if loose and outlet_like and all(w[:1].isupper() or w[:1].isdigit() for w in words):
            return name
        return None

    def service(self, text: str) -> tuple[str, str | None] | None:
        """The outlet a service line names, and the staff title it gives, if any.

        ``N.Y. Times News Service``, ``c.1998 The New York Times``, ``Associated
        Press Writer`` (title ``writer``), ``AP Diplomatic Writer``, ``Special to
        The Washington Post``; None for anything else.
        """
        text = text.strip(" .,")
        copyright_mark = _COPYRIGHT.match(text)
        if copyright_mark is not None:
            text = text[copyright_mark.end() :]
        special = _SPECIAL_TO.match(text)
        if special is not None:
            outlet = self.outlet(special.group(1), loose=False)
            return None if outlet is None else (outlet, None)
        outlet = self.outlet(text, loose=False)
        if outlet is None and (tail := _SERVICE_TAIL.search(text)) is not None:
            outlet = self.outlet(text[: tail.start()], loose=False)
        if outlet is not None:
            return outlet, None
        return self._title_then_outlet(text) or self._outlet_then_title(text)

    def _outlet_then_title(self, text: str) -> tuple[str, str] | None:
        """``Associated Press Special Correspondent``, ``AP writers``, ``BBC Scotland
        political editor``: the longest opening that is an outlet, then a staff title
        of capitalised words (its last word may not be: ``AP writers``), or a region
        and a title in lower case (the region no part of the role)."""
        words = text.split()
        if len(words) < 2 or not _a_title_head(words[-1]):
            return None
        for cut in range(min(len(words) - 1, 5), 0, -1):
            outlet = self.outlet(" ".join(words[:cut]), loose=False)
            if outlet is None:
                continue
            desk = words[cut:-1]
            if all(w[:1].isupper() for w in desk) and len(words) - cut <= 3:
                return outlet, " ".join(words[cut:]).casefold()
            if (
                len(words) - cut <= _MAX_TITLE_WORDS
                and desk
                and words[-1].islower()
                and all(w.islower() for w in desk[1:])
            ):
                return outlet, " ".join(w for w in words[cut:] if w.islower())
            return None
        return None

    def _title_then_outlet(self, text: str) -> tuple[str, str] | None:
        """``Business reporter, BBC News``, ``Political editor, The Herald``: a staff
        title of a few words, a comma, then an outlet of the table."""
        title, comma, rest = text.rpartition(",")
        words = title.split()
        if not comma or not 1 <= len(words) <= _MAX_TITLE_WORDS:
            return None
        if not (words[0][:1].isupper() and _a_title_head(words[-1])):
            return None
        outlet = self.outlet(rest.strip(), loose=False)
        return None if outlet is None else (outlet, title.strip().casefold())

    def read(self, lo: int, hi: int) -> FoundByline | None:
        span = _strip(self.norm, lo, hi)
        if span is None or span.end - span.start > _MAX_LINE:
            return None
        lo, hi = span
        if self.norm[lo] == "(" and self.norm[hi - 1] == ")":
            lo, hi = lo + 1, hi - 1
        text = self.norm[lo:hi]
        bare = text.strip(" .").casefold()
        if bare in _NO_AUTHOR_LINES:
            return FoundByline(span.start, span.end, None, ())
        bar = _BAR.search(self.norm, lo, hi)
        if bar is not None:
            return self._before_a_bar(span, lo, bar, hi)
        if _BY.search(text) is None:
            return self._without_by(span, lo, hi)
        return self._with_by(span, lo, hi)

    def _before_a_bar(
        self, span: Span, lo: int, bar: regex.Match[str], hi: int
    ) -> FoundByline | None:
        """``Jane Roe | Reuters``, ``By Jane Roe • Published Dec 3, 2024``: the byline
        before a bar or a bullet, and an outlet after it (what else follows, a page's
        date, is furniture). Names alone before it count only with an outlet after."""
        after = self.norm[bar.end() : hi].strip()
        outlet = self.outlet(after, loose=False)
        if _BY.search(self.norm, lo, bar.start()) is not None:
            found = self._with_by(Span(lo, bar.start()), lo, bar.start())
        elif outlet is not None and _a_given_name_first(self.norm[lo : bar.start()]):
            person = self.person(lo, bar.start(), "author")
            found = None if person is None else FoundByline(lo, bar.start(), None, (person,))
        else:
            return None
        if found is None:
            return None
        return FoundByline(span.start, span.end, found.organization or outlet, found.people)

    def _without_by(self, span: Span, lo: int, hi: int) -> FoundByline | None:
        text = self.norm[lo:hi]
        organization = self.outlet(text)
        if organization is not None:
            return FoundByline(span.start, span.end, organization, ())
        placed = self._names_in_a_place(span, lo, hi)
        if placed is not None:
            return placed
        # "Jane Doe — Staff Writer", "Jane Doe, Special to The Times"
        lowered = text.casefold()
        if "special" not in lowered and not lowered.endswith(_staff_title_keys()):
            return None  # neither can follow a name here
        chunks = list(_chunks(self.norm, lo, hi))
        if len(chunks) < 2:
            return None
        # What follows the name decides first: most short lines are no byline.
        rest = self.norm[chunks[1][0] : hi].strip()
        title = _staff_title(rest)
        special = None if title is not None else _SPECIAL_TO.match(rest)
        if title is None and special is None:
            return None
        first = chunks[0]
        person = self.person(first[0], first[1], "author")
        if person is None:
            return None
        if title is not None:
            return FoundByline(span.start, span.end, None, (attrs.evolve(person, role=title),))
        assert special is not None
        return FoundByline(span.start, span.end, self.outlet(special.group(1)), (person,))

    def _names_in_a_place(self, span: Span, lo: int, hi: int) -> FoundByline | None:
        """``Jane Doe in Miami``, ``Jane Doe and Omar Rashid in Kyiv`` (the Guardian's
        byline): names that open with common given names, ``in`` and a place the
        reference tables know."""
        place = _IN_PLACE.search(self.norm, lo, hi)
        if place is None:
            return None
        preposition, where = self.norm[place.start() : hi].split(None, 1)
        if preposition != "in" or not known_place(where.strip(" .")):
            return None
        people = []
        for start, end in _chunks(self.norm, lo, place.start()):
            if not _a_given_name_first(self.norm[start:end]):
                return None
            person = self.person(start, end, "author")
            if person is None:
                return None
            people.append(person)
        return FoundByline(span.start, span.end, None, tuple(people)) if people else None

    def _with_by(self, span: Span, lo: int, hi: int) -> FoundByline | None:
        people: list[FoundPerson] = []
        organization = None
        start = lo
        for m in [*_SEGMENT_BREAK.finditer(self.norm, lo, hi), None]:
            end = hi if m is None else m.start()
            segment = self._segment(start, end)
            if segment is None:
                return None
            found_org, found_people = segment
            organization = organization or found_org
            people.extend(found_people)
            start = hi if m is None else m.end()
        if not people and organization is None:
            return None
        return FoundByline(span.start, span.end, organization, tuple(people))

    def _segment(self, lo: int, hi: int) -> tuple[str | None, list[FoundPerson]] | None:
        """One ``ROLE by NAMES`` part; None when it is not one (prose, say)."""
        by = _BY.search(self.norm, lo, hi)
        if by is None:
            return None
        role = _role_before(self.norm[lo : by.start()])
        if role is None:
            return None
        organization: str | None = None
        people: list[FoundPerson] = []
        for index, (start, end) in enumerate(_chunks(self.norm, by.end(), hi)):
            read = self._chunk(start, end, role, first=index == 0, people=people)
            if read is None:
                return None
            organization = organization or read
        return organization or None, people

    def _chunk(
        self, start: int, end: int, role: str, *, first: bool, people: list[FoundPerson]
    ) -> str | None:
        """One chunk of the names after ``by`` (``norm[start:end]``): an outlet, a suffix
        or a staff title of the person before (``Jr.``, ``Staff Writer``), or a person
        added to ``people``. Returns the outlet it names, ``""`` when it names none,
        and None when the chunk is no name at all (the line is not a byline)."""
        chunk = self.norm[start:end]
        if people and (service := self.service(chunk)) is not None:
            # "By JANE DOE, AP Diplomatic Writer", "..., Associated Press Writer"
            if service[1] is not None:
                people[-1] = attrs.evolve(people[-1], role=service[1])
            return service[0]
        outlet = self._outlet_chunk(start, end, role, first=first, people=people)
        if outlet is not None:
            return outlet
        bare = chunk.strip(" .")
        if people and is_suffix(bare):
            last = people[-1]
            suffix = chunk.strip()
            written = recase(suffix, self.words) if bare.isupper() else suffix
            people[-1] = attrs.evolve(last, end=end, name=f"{last.name} {written}")
            return ""
        special = _SPECIAL_TO.match(chunk)
        if special is not None:
            return self.outlet(special.group(1)) or ""
        if people and bare.casefold() in _staff_titles():
            people[-1] = attrs.evolve(people[-1], role=bare.casefold())
            return ""
        if people and bare.casefold() in _outlet_words() and " " not in bare:
            return ""  # "By Jane Doe and agencies": the wires, no person
        person = self.person(start, end, role)
        if person is None:
            return None
        person, trailing_outlet = self._split_outlet(person)
        people.append(person)
        return trailing_outlet or ""

    def _outlet_chunk(
        self, start: int, end: int, role: str, *, first: bool, people: list[FoundPerson]
    ) -> str | None:
        """The outlet a chunk of the names after ``by`` names, or None. The first chunk
        is a person unless the table knows it (``By Reuters staff``); a later one is a
        name and a table outlet after it (``By JANE DOE and JOHN ROE Associated
        Press``: the person is added to ``people``), else an outlet when it looks like
        one (``..., Basra Times``)."""
        chunk = self.norm[start:end]
        outlet = self.outlet(chunk, loose=False)
        if outlet is not None:
            return outlet
        if first:
            return None if self.person(start, end, role) is not None else self.outlet(chunk)
        person = self.person(start, end, role)
        if person is not None:
            person, outlet = self._split_outlet(person)
            if outlet is not None:
                people.append(person)
                return outlet
        return self.outlet(chunk)

    def _split_outlet(self, person: FoundPerson) -> tuple[FoundPerson, str | None]:
        """``Brad Schade Reuters``: an outlet written after the name without a comma."""
        tokens = person.name.split()
        for width in (3, 2, 1):
            if len(tokens) - width < 2:
                continue
            tail = " ".join(tokens[-width:])
            found = self.outlets.lookup(tail, fuzzy=True)
            if found is not None:
                surface = self.norm[person.start : person.end]
                cut = surface.rfind(tokens[-width])
                head = surface[:cut].rstrip()
                name = " ".join(tokens[:-width])
                alone = attrs.evolve(person, end=person.start + len(head), name=name)
                # read again without the outlet, so that a name in capitals is recased
                return self.person(alone.start, alone.end, alone.role) or alone, found.name
        return person, None

    def person(self, lo: int, hi: int, role: str) -> FoundPerson | None:
        """A person's name in ``norm[lo:hi]``, titles, services and ``in Place`` left out."""
        text = self.norm[lo:hi]
        place = _IN_PLACE.search(text)
        if place is not None:
            text = text[: place.start()]
        lead = len(text) - len(text.lstrip())
        folded = text.casefold()
        for service in _services():
            if folded[lead:].startswith(service + " "):
                lead += len(service) + 1
                break
        tokens = list(_WORD.finditer(text, lead))
        if not tokens:
            return None
        skip = strip_titles([t.group() for t in tokens], self.words)
        tokens = tokens[skip:]
        if not 1 <= len(tokens) <= 6 or not _name_shaped([t.group() for t in tokens]):
            return None
        start = lo + tokens[0].start()
        end = lo + tokens[-1].end()
        surface = self.norm[start:end].rstrip(",")
        last = tokens[-1].group().rstrip(",")
        if surface.endswith(".") and not (is_suffix(last) or _INITIAL.fullmatch(last)):
            surface = surface[:-1]  # the full stop that ends the line
        end = start + len(surface)
        return FoundPerson(start, end, recase(" ".join(surface.split()), self.words), role)


def _role_before(written: str) -> str | None:
    """The role a phrase before ``by`` gives (``Additional reporting`` → ``reporting``;
    nothing → ``author``), or None when it is no role of a byline."""
    phrase = " ".join(written.strip(" ,(-\u2014").casefold().split())
    if phrase.startswith(("with ", "and ")):
        phrase = phrase.split(" ", 1)[1]
    if phrase:
        phrase = " ".join(w for w in phrase.split() if w != "by")
    return _roles().get(phrase or "by")


def _name_shaped(tokens: list[str]) -> bool:
    """Whether tokens can be a personal name: letters, one or more capitalised or all one case."""
    if any(not _NAME_PART.fullmatch(t) for t in tokens):
        return False
    words = [t for t in tokens if t.casefold() not in ("and", "the", "of")]
    if len(words) != len(tokens):
        return False
    capitalised = [t for t in tokens if t[:1].isupper()]
    return bool(capitalised) or all(t.islower() for t in tokens)


def _strip(norm: str, lo: int, hi: int, chars: str = "") -> Span | None:
    """``lo..hi`` without white space (and ``chars``) at either end; None if nothing is left."""
    while lo < hi and norm[lo].isspace():
        lo += 1
    while hi > lo and (norm[hi - 1].isspace() or norm[hi - 1] in chars):
        hi -= 1
    return Span(lo, hi) if hi > lo else None


def _chunks(norm: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The parts of a list of names, split at commas, bars, dashes and ``and``."""
    start = lo
    for m in _NAME_BREAK.finditer(norm, lo, hi):
        span = _strip(norm, start, m.start())
        if span is not None:
            yield span
        start = m.end()
    span = _strip(norm, start, hi)
    if span is not None:
        yield span


def parse_byline(
    s: str, *, outlets: OutletTable | None = None, lexicon: Lexicon | None = None
) -> Byline | None:
    """The byline or credit line ``s`` (one line), or ``None`` when it is not one.

    ``lexicon`` gives the titles (and, unless ``outlets`` is given, the outlets)
    it is read with; :meth:`Lexicon.default` when ``None``.

    >>> parse_byline("By Brad Schade Reuters").organization
    'Reuters'
    >>> parse_byline("The report was written by the committee") is None
    True
    """
    view = without_markup(TextView(s))
    chosen = lexicon_for(lexicon, outlets)
    line = _Reader(view.norm, chosen.outlets, words_of(chosen)).read(0, len(view.norm))
    return None if line is None else _assembly.byline(view, line)


def find_bylines(doc: Document, context: Context, found: Found) -> FoundBylines:
    """The byline stage of :func:`newsparse.parse`: the byline near the top and the credit lines.

    Reads ``doc``'s first and last lines, ``context``'s outlets and the dateline
    ``found`` (its line holds no byline; a scraped export's outlet may stand as
    the byline). Returns the lines in positions of ``doc.norm``.

    A byline is a line among the first ones that starts with ``By``, or names
    only an outlet, or reads ``Staff`` or ``Jane Doe — Staff Writer``. Without
    one, a scraped export's outlet (``date 2025-01-08 Outlet/``) stands as the
    byline's organization. Credit lines are among the last lines and start with
    a role (``Reporting by``, ``(Editing by``, ``Compiled by``).
    """
    reader = _Reader(doc.norm, context.outlet_table, context.words)
    lines = [line for line in doc.lines if doc.norm[line.start : line.end].strip()]
    dateline = found.dateline
    byline = _top_byline(doc, reader, lines[:_TOP_LINES], dateline)
    if byline is None and dateline is not None:
        byline = _outlet_byline(dateline)
    return FoundBylines(byline, _credits(doc, reader, lines[-_BOTTOM_LINES:], byline))


def _credits(
    doc: Document, reader: _Reader, bottom: list[Span], byline: FoundByline | None
) -> tuple[FoundByline, ...]:
    """The credit lines among the ``bottom`` lines, the byline's line left out."""
    credits = []
    for line in bottom:
        if byline is not None and line.start <= byline.start < line.end:
            continue
        if not _CREDIT_START.match(doc.norm, line.start, line.end):
            found = _trailer(doc, reader, line)
        else:
            found = reader.read(line.start, line.end)
        if found is not None and (found.people or found.organization):
            credits.append(found)
    return tuple(credits)


def _trailer(doc: Document, reader: _Reader, line: Span) -> FoundByline | None:
    """A credit at the end of a story that is no ``by`` line: ``Jane Doe contributed
    reporting.`` (reporting), ``The Associated Press contributed to this report.``
    (an organization), ``Follow Jane Doe on Twitter @jdoe.`` (the author)."""
    span = _strip(doc.norm, line.start, line.end)
    if span is None or span.end - span.start > _SHORT_LINE * 2:
        return None
    for shape, role in ((_CONTRIBUTED, "reporting"), (_FOLLOW, "author")):
        m = shape.fullmatch(doc.norm, span.start, span.end)
        if m is None:
            continue
        people = []
        organization = None
        for lo, hi in _chunks(doc.norm, m.start("names"), m.end("names")):
            folded = doc.norm[lo:hi].casefold()
            title = next((t for t in _staff_title_keys() if folded.startswith(t + " ")), None)
            if title is not None:
                lo += len(title) + 1  # "Staff writer Jane Doe contributed reporting."
            service, lo, hi = _writer_of_a_service(doc.norm, reader, lo, hi)
            if service is not None and organization is None:
                organization = service
            outlet = reader.outlet(doc.norm[lo:hi], loose=False)
            person = None if outlet else reader.person(lo, hi, role)
            if outlet is not None and organization is None:
                organization = outlet
            elif (
                person is not None
                and (person.start, person.end) == (lo, hi)
                and " " in person.name  # a name in full: "They contributed." is prose
            ):
                people.append(person)
            else:
                return None
        return FoundByline(span.start, span.end, organization, tuple(people))
    return None


#: A place after a credited writer's name: "Jane Doe in Tucson".
_WRITER_PLACE = regex.compile(r"[ \t]+in[ \t]+\p{Lu}[\p{L}\p{M}.,' \t-]*+")
#: The most words of a service and its desk before a writer's title.
_SERVICE_WORDS = 5


def _writer_of_a_service(
    norm: str, reader: _Reader, lo: int, hi: int
) -> tuple[str | None, int, int]:
    """A credited writer's name without the service, desk and title before it and
    the place after it (``AP Economics Writer Jane Doe``, ``Associated Press
    writers Jane Doe in Tucson``): the service and the name's span; the span as it
    is, with no service, when none opens it."""
    place = _WRITER_PLACE.search(norm, lo, hi)
    if place is not None and place.end() == hi:
        hi = place.start()
    words = list(regex.finditer(r"\S+", norm[lo:hi]))
    t = next((t for t in range(1, len(words) - 1) if _a_title_head(words[t].group())), None)
    if t is not None and t <= _SERVICE_WORDS:
        service = reader.service(" ".join(w.group() for w in words[: t + 1]))
        if service is not None:
            return service[0], lo + words[t + 1].start(), hi
    return None, lo, hi


def _staff_title(text: str) -> str | None:
    """The staff title a short text is, in lower case (``Staff Writer``, ``Political
    editor``): one of ``data/staff_titles.txt`` or one of its shape (see
    :func:`_a_title_line`); None for anything else."""
    text = text.strip()
    if text.casefold() in _staff_titles() or _a_title_line(text):
        return text.casefold()
    return None


def _a_title_line(text: str) -> bool:
    """Whether a short text is a staff title of one to four words, capitalised or in
    sentence case, that ends with a title's word (``Political Editor``, ``Senior
    correspondent``, ``Staff Writer``)."""
    words = text.split()
    if not 1 <= len(words) <= _MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    if any(not w.isalpha() for w in words):
        return False
    same_case = all(w[:1].isupper() for w in words) or all(w.islower() for w in words[1:])
    return same_case and _a_title_head(words[-1])


def _a_title_head(word: str) -> bool:
    """Whether a word is a staff title's last word, or its plural (``Writer``, ``writers``)."""
    folded = word.casefold()
    return folded in _title_heads() or folded.removesuffix("s") in _title_heads()


def _top_byline(
    doc: Document, reader: _Reader, top: list[Span], dateline: FoundDateline | None
) -> FoundByline | None:
    """The byline among the ``top`` lines, the dateline's line left out."""
    for index, line in enumerate(top):
        if dateline is not None and line.start <= dateline.start < line.end:
            continue
        starts_with_by = _LEADING_BY.match(doc.norm, line.start, line.end) is not None
        if not starts_with_by and line.end - line.start > _SHORT_LINE:
            continue
        if not starts_with_by and dateline is not None and line.start > dateline.start:
            continue  # below the dateline only a "By" line is the byline (a short story's
            # "(Additional reporting by ...)" is a credit)
        found = reader.read(line.start, line.end)
        if found is None:
            continue
        if not (starts_with_by or found.people) and index == 0 and len(top) > 1:
            continue  # a title that happens to be an outlet's name
        if found.people and found.organization is None and index + 1 < len(top):
            return _with_service_line(doc, reader, found, top[index + 1], dateline)
        return found
    return _name_line(doc, reader, top, dateline) or _name_and_role_line(doc, reader, top, dateline)


#: The most people a byline of names alone gives (``Jane Doe and John Roe``).
_NAME_LINE_PEOPLE = 3


def _a_given_name_first(text: str) -> bool:
    """Whether a text is a name of two to four words that opens with a common given
    name (``data/given_names.tsv``)."""
    words = text.split()
    return 2 <= len(words) <= 4 and fold_token(words[0]) in given_names()


def _name_line(
    doc: Document, reader: _Reader, top: list[Span], dateline: FoundDateline | None
) -> FoundByline | None:
    """A byline of names alone on the line just before the dateline's, below the
    headline (``Jane Doe`` over ``BRUSSELS 1996-08-22``): each name a person's,
    opening with a common given name (``data/given_names.tsv``), in any case."""
    if dateline is None:
        return None
    index = next((i for i, line in enumerate(top) if line.start <= dateline.start < line.end), 0)
    if index < 2:
        return None  # the line before the dateline's is the headline, or there is none
    span = _strip(doc.norm, top[index - 1].start, top[index - 1].end)
    if span is None or span.end - span.start > _SHORT_LINE:
        return None
    chunks = list(_chunks(doc.norm, span.start, span.end))
    if not 1 <= len(chunks) <= _NAME_LINE_PEOPLE:
        return None
    people = []
    for lo, hi in chunks:
        if not _a_given_name_first(doc.norm[lo:hi]):
            return None
        person = reader.person(lo, hi, "author")
        if person is None or (person.start, person.end) != (lo, hi):
            return None
        people.append(person)
    return FoundByline(span.start, span.end, None, tuple(people))


#: The most words of a name before its role on a line of their own, and the lines
#: under the headline such a line is looked for in.
_ROLE_LINE_NAME = 4
_ROLE_LINE_REACH = 3


def _name_and_role_line(
    doc: Document, reader: _Reader, top: list[Span], dateline: FoundDateline | None
) -> FoundByline | None:
    """A byline of a name and the writer's role on a line of their own under the
    headline, with no comma between (``Jane Doe Political correspondent``, ``Jane
    Doe Deputy political editor``): capitalised words that are a writer's name (see
    :func:`_a_writers_name`), then the role, a capitalised word and words in lower
    case ending with a staff title's last word (``correspondent``, ``editor``)."""
    for line in top[1 : 1 + _ROLE_LINE_REACH]:
        if dateline is not None and line.start >= dateline.start:
            return None
        span = _strip(doc.norm, line.start, line.end)
        if span is None or span.end - span.start > _SHORT_LINE:
            continue
        words = list(_WORD.finditer(doc.norm, span.start, span.end))
        if len(words) < 3 or words[-1].group().casefold() not in _title_heads():
            continue
        texts = [w.group() for w in words]
        k = next(
            (k for k in range(2, len(texts) - 1) if all(t.islower() for t in texts[k + 1 :])),
            None,
        )
        if (
            k is None
            or k > _ROLE_LINE_NAME
            or not texts[k][:1].isupper()
            or not all(t[:1].isupper() for t in texts[:k])
            or not _a_writers_name(texts[:k], texts[k:])
        ):
            continue
        role = " ".join(texts[k:]).casefold()
        person = reader.person(words[0].start(), words[k - 1].end(), role)
        if person is None:
            continue
        return FoundByline(span.start, span.end, None, (person,))
    return None


def _a_writers_name(name: list[str], role: list[str]) -> bool:
    """Whether the words of a role line before its role are a writer's name: they
    open with a common given name, or are two words, none a common word, before a
    role of two words or more (``Haroon Siddique Legal affairs correspondent``,
    though the given-name lists lack the name)."""
    if fold_token(name[0]) in given_names():
        return True
    common = read_words("common_words.txt")
    return len(name) == 2 and len(role) >= 2 and not any(w.capitalize() in common for w in name)


def _with_service_line(
    doc: Document,
    reader: _Reader,
    found: FoundByline,
    line: Span,
    dateline: FoundDateline | None,
) -> FoundByline:
    """The byline ``found`` and, when the next line names the wire or paper it came
    through, that line too: ``By JOHN SMITH`` over ``N.Y. Times News Service``, or
    over ``Associated Press Writer`` (the title becomes the author's role)."""
    if dateline is not None and line.start <= dateline.start < line.end:
        return found
    span = _strip(doc.norm, line.start, line.end)
    if span is None or span.end - span.start > _SHORT_LINE:
        return found
    written = doc.norm[span.start : span.end]
    service = reader.service(written)
    if service is None:
        # "BY JANE ROE" over "Staff Writer": the author's title, no outlet
        title = _staff_title(written)
        if len(found.people) == 1 and title is not None:
            person = attrs.evolve(found.people[0], role=title)
            return FoundByline(found.start, span.end, found.organization, (person,))
        return found
    outlet, title = service
    people = found.people
    if title is not None and len(people) == 1:
        people = (attrs.evolve(people[0], role=title),)
    return FoundByline(found.start, span.end, outlet, people)


def _outlet_byline(dateline: FoundDateline) -> FoundByline | None:
    """A scraped export's outlet as the byline, where the dateline writes it:
    ``date 2025-01-08 Shafaq News/``, ``2025-01-08 | Shafaq News |``."""
    if dateline.outlet is None or dateline.outlet_at is None:
        return None
    start, end = dateline.outlet_at
    return FoundByline(start, end, dateline.outlet, ())
