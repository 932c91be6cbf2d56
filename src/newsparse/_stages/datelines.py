"""Datelines: where, when and by which outlet an article was filed.

Styles read (see ``docs/datelines.md`` for examples of each):

- wire: ``NEW YORK, March 26 -``, ``ROSEMONT, ILL., March 16 -``,
  ``BAGHDAD, Jan 8 (Reuters) -``, ``LONDON (Reuters) -``, ``WASHINGTON (AP) —``,
  ``PARIS, 8 janv (AFP) -``, ``BEIRUT, Lebanon (AP) —``, ``KABUL, Afghanistan (Jan. 25, 2013)``;
- agency prefixes: ``Baghdad-INA``, ``Erbil (Kurdistan24) -``, ``(Rudaw) -``;
- scraped exports: ``date 2025-01-08 Shafaq News/``, ``2025-01-08 | Outlet |``,
  an ISO timestamp alone on the first line.

A dateline date rarely has a year: it is taken from the reference date (the
closest such date on or before it, allowing a month of slack forward).

The stage has the shape of every stage (see ``newsparse._findings``):
``find_dateline(doc, context, found) -> FoundDateline | None`` reads the first
lines of ``doc``, ``context``'s reference date and outlets, and hands on the
dateline in positions of ``doc.norm`` (with where a scraped export writes its
outlet, which the byline stage reads). :func:`parse_dateline` reads one string
and has assembly build the public :class:`~newsparse.Dateline`.

>>> d = parse_dateline("BAGHDAD, Jan 8 (Reuters) - Iraq said", reference_date=_dt.date(2025, 1, 9))
>>> d.text, d.place, d.date, d.outlet
('BAGHDAD, Jan 8 (Reuters) -', 'BAGHDAD', datetime.date(2025, 1, 8), 'Reuters')
>>> parse_dateline("WASHINGTON officials said on Monday") is None
True
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import attrs
import regex
from dateutil.parser import isoparse

from newsparse import _assembly
from newsparse._findings import Context, Found, FoundDateline
from newsparse._lexicon import OutletTable, read_rows, read_words
from newsparse._text import Document, Span, TextView, without_markup
from newsparse.model import Dateline, DateOrigin

__all__ = ["find_dateline", "parse_dateline", "resolve_month_day", "year_evidence"]

# How far into an article a dateline may stand: lines, and characters.
_MAX_LINES = 8
_MAX_CHARS = 2000
# Lines that may hold a dateline with neither a date nor an agency ("TOKYO -").
_MAX_WEAK_LINE = 4
#: The fewest words after a place-only dateline's dash, to its line's end, that read
#: as a story's first sentence rather than a headline after its slug.
_PROSE_WORDS = 10


@functools.cache
def _months() -> dict[str, int]:
    """Month tokens of every language in the table, and truncated English names.

    Wire copy has typos such as ``Marc 3`` and ``Apri 1``: any prefix of at least
    three letters of an English month name is read as that month.
    """
    months = {row[0]: int(row[1]) for row in read_rows("months.tsv")}
    for row in read_rows("months.tsv"):
        token, number, language = row[0], int(row[1]), row[2]
        if language == "en" and len(token) > 4:
            for length in range(3, len(token)):
                months.setdefault(token[:length], number)
    return months


@functools.cache
def _month_openings() -> frozenset[str]:
    """The first two letters, lower case, of every month token that opens with two ASCII ones.

    A date opens with a digit or a month token (at least three letters); two ASCII
    letters outside this set start neither. (Other characters are left to the
    pattern, whose case-insensitive matching is wider than ``lower``.)
    """
    return frozenset(m[:2].lower() for m in _months() if m[:2].isascii())


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    months = _alternation(list(_months()))
    month = rf"(?i:(?P<month>{months}))\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    year = r"(?P<year>(?:1[89]|2\d)\d\d)(?!\d|-\d)"  # not the start of an ISO date
    return {
        # "March 26", "Sept. 8", "MAR8", "8 janv", optionally ", 2013" (or ". 2013", a slip).
        "date": regex.compile(
            rf"(?:{month}[ \t]*{day}|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?[ \t]+"
            rf"(?i:(?P<month2>{months}))\.?)"
            rf"(?:[ \t]*[,.]?[ \t]*{year})?(?![\p{{L}}\d])"
        ),
        # Dated evidence of the year: a release number ("2010-09-CA-005", its serial
        # perhaps a template's "XXX"), a full date.
        "release": regex.compile(
            r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])[-\u2014]\p{Lu}{1,4}[-\u2014](?:\d{1,5}|X{2,5})"
            r"(?![\w-])"
        ),
        "full_date": regex.compile(
            rf"(?<![\p{{L}}\d])(?:(?:{month}[ \t]*{day}"
            rf"|(?P<day2>[0-3]?\d)[ \t]+(?i:(?P<month2>{months}))\.?)"
            rf"[ \t]*,?[ \t]*{year}|(?P<iso>(?:1[89]|2\d)\d\d-[01]\d-[0-3]\d)(?![\p{{L}}\d]))"
        ),
        # "BRUSSELS 1996-08-22": an ISO date after the place.
        "iso_date": regex.compile(r"(?P<iso>(?:1[89]|2\d)\d\d-[01]\d-[0-3]\d)(?![\p{L}\d])"),
        "word": regex.compile(r"[\p{L}\d][\p{L}\p{M}\d'.\-/}]*+"),
        # "-", "--", "—", and the underscore AP and the New York Times News Service
        # type for a dash ("CAIRO, Egypt (AP) _ ...").
        # An em dash may touch the capital that opens the story ("BOSTON \u2014Standing").
        "separator": regex.compile(
            r"[ \t]*+[,.]?[ \t]*+(?:(?:--|-|_(?=[ \t]))(?![\p{L}\d])|\u2014(?![\p{Ll}\d]))"
        ),
        # After an agency in brackets a colon may end the dateline ("NEW DELHI (ANI):"),
        # and after a date that opens the line ("Dec. 6: Operations in ...").
        "agency_colon": regex.compile(r"[ \t]*+:(?=[ \t])"),
        # "PARIS 7-15 (AFP) -": AFP's numeric month and day, before the agency.
        "numeric_date": regex.compile(
            r"(?P<nm>1[0-2]|0?[1-9])-(?P<nd>3[01]|[12]\d|0?[1-9])(?=[ \t]*+\()"
        ),
        # Prose after an agency: a capital, then lower case soon (no headline in capitals).
        "prose": regex.compile(r"[ \t]++(?=[\p{Lu}\d\"'][^\n]{0,40}?\p{Ll})"),
        "paren": regex.compile(r"\([ \t]*+([^()\n]{1,60}?)[ \t]*+\)"),
        # "MOSCOW, December 3. /TASS/. Russia's ...": an agency between slashes, after
        # the date's full stop, and a full stop or colon after it.
        "slash_agency": regex.compile(
            r"\.?[ \t]*+/(\p{Lu}[\p{L}\- ]{1,30}?)/[ \t]*+[.:]?(?=[ \t])"
        ),
        # "New Delhi [India], December 3 (ANI):": the country in square brackets.
        "bracket_country": regex.compile(r"[ \t]*+\[[ \t]*+(\p{Lu}[\p{L} .]{1,40}?)[ \t]*+\]"),
        "scraped_date": regex.compile(
            r"(?i:date)[ \t:]++(?P<iso>\d{4}-\d\d-\d\d)[ \t]++(?P<outlet>[^/|\n]{2,60}?)[ \t]*+/"
        ),
        # "date 2025-01-08 DENVER, Oct 20 -": a scraped export's date before a wire dateline.
        "scraped_prefix": regex.compile(r"(?i:date)[ \t:]++(?P<iso>\d{4}-\d\d-\d\d)[ \t]++(?=\S)"),
        "scraped_pipe": regex.compile(
            r"(?P<iso>\d{4}-\d\d-\d\d)[ \t]*+\|[ \t]*+(?P<outlet>[^|\n]{2,60}?)[ \t]*+\|"
        ),
        "timestamp": regex.compile(
            r"(?P<iso>\d{4}-\d\d-\d\d)(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?"
            r"[ \t]*+(?:Z|[+-]\d\d:?\d\d|UTC|GMT)?[ \t]*+$"
        ),
        # "Shafaq News/ The ministry said": an outlet and a slash before the story.
        "outlet_slash": regex.compile(r"(?P<outlet>\p{Lu}[^/|\n]{1,40}?)[ \t]*+/[ \t]*+(?=\p{Lu})"),
        # "Reporting from Kyiv, Ukraine": a place line under the byline, to the line's end.
        "reporting_from": regex.compile(
            r"(?i:reporting[ \t]+from)[ \t]+(?=\p{Lu})(?=[^\n]{2,60}$)", regex.MULTILINE
        ),
        "lower": regex.compile(r"\p{Ll}"),
        "upper": regex.compile(r"\p{Lu}"),
        "lead": regex.compile(r"[ \t*]*+"),
    }


def resolve_month_day(
    month: int, day: int, reference: _dt.date | None, *, slack_days: int = 31
) -> _dt.date | None:
    """The date with this month and day closest on or before ``reference``.

    A date up to ``slack_days`` after ``reference`` is allowed (an article filed
    in another time zone, or a reference date that lags). ``None`` without a
    reference date or when no such date exists.

    >>> resolve_month_day(12, 31, _dt.date(1987, 1, 2))
    datetime.date(1986, 12, 31)
    >>> resolve_month_day(2, 27, _dt.date(1987, 2, 26))
    datetime.date(1987, 2, 27)
    """
    if reference is None:
        return None
    latest = reference + _dt.timedelta(days=slack_days)
    return max((c for c in _around(month, day, reference) if c <= latest), default=None)


def _around(month: int, day: int, near: _dt.date) -> list[_dt.date]:
    """The dates with this month and day in ``near``'s year and the years either side."""
    dates = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            dates.append(_dt.date(year, month, day))
        except ValueError:
            continue
    return dates


@attrs.frozen
class _Found:
    """A dateline found in a string: offsets into that string, and what it says."""

    start: int
    end: int
    place: tuple[int, int] | None
    date: _dt.date | None
    outlet: str | None
    strong: bool
    outlet_at: Span | None = None
    month_day: tuple[int, int] | None = None
    """The month and day written, when a date is."""
    year_from: DateOrigin | None = None
    """Where the date's year came from (``None`` without a date)."""
    year_evidence: Span | None = None
    """The text that gave the year, when ``year_from`` is ``text``."""

    def finding(self) -> FoundDateline:
        """What the stage hands on (positions of the string read, as they are)."""
        place = None if self.place is None else Span(*self.place)
        return FoundDateline(
            self.start,
            self.end,
            place,
            self.date,
            self.outlet,
            self.outlet_at,
            self.year_from,
            self.year_evidence,
        )


class _WirePlace(NamedTuple):
    """The place of a wire dateline as :meth:`_Reader._wire_place` read it."""

    end: int | None
    """Where the place ends (``None``: no place, the line starts with its date)."""
    first_part_end: int | None
    """Where its first comma-separated part ends."""
    comma_before_date: bool
    """Whether a comma came between the place and the date."""
    last_words: int
    """How many words its last part has."""


class _DateRead(NamedTuple):
    """A date as read at a position: the match, the date (``None`` without a year and a
    reference date), the month and day written, and whether a year was written."""

    match: regex.Match[str]
    date: _dt.date | None
    month_day: tuple[int, int]
    year_written: bool


class _Reader:
    """Reads a dateline at the start of one line, token by token."""

    def __init__(
        self, text: str, start: int, end: int, reference: _dt.date | None, outlets: OutletTable
    ) -> None:
        self.text = text
        self.end = end
        self.pos = start
        self.reference = reference
        self.outlets = outlets
        self.p = _patterns()
        self.read_date: _DateRead | None = None
        """The date of the dateline, once read."""

    def skip_space(self) -> None:
        while self.pos < self.end and self.text[self.pos] in " \t":
            self.pos += 1

    def match(self, name: str) -> regex.Match[str] | None:
        return self.p[name].match(self.text, self.pos, self.end)

    def date_here(self) -> _DateRead | None:
        if self.pos < self.end and self.text[self.pos].isdigit():
            iso = self.match("iso_date")
            if iso is not None:
                try:
                    day_read = _dt.date.fromisoformat(iso.group("iso"))
                except ValueError:
                    return None
                return _DateRead(iso, day_read, (day_read.month, day_read.day), True)
            numeric = self.match("numeric_date")
            if numeric is not None:
                month, day = int(numeric.group("nm")), int(numeric.group("nd"))
                resolved = resolve_month_day(month, day, self.reference)
                return _DateRead(numeric, resolved, (month, day), False)
        pair = self.text[self.pos : self.pos + 2]
        # Most words are no month: two ASCII letters tell, before the month pattern runs.
        if pair.isascii() and pair.isalpha() and pair.lower() not in _month_openings():
            return None
        m = self.match("date")
        if m is None:
            return None
        month_name = (m.group("month") or m.group("month2")).casefold()
        day = int(m.group("day") or m.group("day2"))
        month = _months()[month_name]
        if not 1 <= day <= 31:
            return None
        if m.group("year"):
            try:
                return _DateRead(m, _dt.date(int(m.group("year")), month, day), (month, day), True)
            except ValueError:
                return None
        return _DateRead(m, resolve_month_day(month, day, self.reference), (month, day), False)

    def outlet_in(self, candidate: str) -> str | None:
        found = self.outlets.lookup(candidate, fuzzy=True)
        return found.name if found is not None else None

    def read(self) -> _Found | None:
        lead = self.match("lead")
        if lead is not None:
            self.pos = lead.end()
        start = self.pos
        return (
            self._scraped(start)
            or self._reporting_from(start)
            or self._agency_only(start)
            or self._outlet_slash(start)
            or self._place_agency(start)
            or self._after_scraped_date(start)
            or self._wire(start)
        )

    def _after_scraped_date(self, start: int) -> _Found | None:
        """A wire dateline after a scraped export's date: ``date 2025-01-08 DENVER,
        Oct 20 -`` (the dateline starts at ``date``; its place is ``DENVER``)."""
        prefix = self.match("scraped_prefix")
        if prefix is None:
            return None
        self.pos = prefix.end()
        found = self._wire(start)
        if found is None:
            self.pos = start
            return None
        if found.place is not None:
            found = attrs.evolve(found, place=(prefix.end(), found.place[1]))
        return found

    def _scraped(self, start: int) -> _Found | None:
        for name in ("scraped_date", "scraped_pipe", "timestamp"):
            m = self.match(name)
            if m is None:
                continue
            try:
                day = isoparse(m.group("iso")).date()
            except ValueError:
                return None
            outlet = None
            outlet_at = None
            if "outlet" in m.groupdict():
                written = m.group("outlet").strip()
                outlet = self.outlet_in(written) or written
                outlet_at = self._written(outlet, start, m.end())
            return _Found(
                start,
                m.end(),
                None,
                day,
                outlet,
                strong=True,
                outlet_at=outlet_at,
                month_day=(day.month, day.day),
                year_from=DateOrigin.DATELINE,
            )
        return None

    def _written(self, name: str, start: int, end: int) -> Span | None:
        """Where ``name`` is first written in ``text[start:end]``, if it is."""
        at = self.text.find(name, start, end)
        return None if at < 0 else Span(at, at + len(name))

    def _reporting_from(self, start: int) -> _Found | None:
        """``Reporting from Kyiv, Ukraine`` alone on its line under a byline (the New
        York Times on the web): the place, when the tables know its first part."""
        m = self.match("reporting_from")
        if m is None:
            return None
        place_start = m.end()
        place_end = len(self.text[place_start : self.end].rstrip(" \t.")) + place_start
        first = self.text[place_start:place_end].split(",")[0].strip()
        if not first or not known_place(first):
            return None
        return _Found(start, place_end, (place_start, place_end), None, None, strong=False)

    def _outlet_slash(self, start: int) -> _Found | None:
        """``Shafaq News/ The ministry said ...``: an outlet of the table and a slash
        open the story (a scraped export without its date)."""
        m = self.match("outlet_slash")
        if m is None:
            return None
        found = self.outlets.lookup(m.group("outlet"))
        if found is None:
            return None
        outlet_at = Span(start, start + len(m.group("outlet")))
        return _Found(start, m.end(), None, None, found.name, strong=True, outlet_at=outlet_at)

    def _agency_only(self, start: int) -> _Found | None:
        paren = self.match("paren")
        if paren is None:
            return None
        self.pos = paren.end()
        outlet = _agency(self, paren.group(1))
        separator = self.match("separator")
        if outlet is None or separator is None:
            self.pos = start
            return None
        return _Found(start, separator.end(), None, None, outlet, strong=True)

    def _place_agency(self, start: int) -> _Found | None:
        word = self.match("word")
        if word is None or "-" not in word.group():
            return None
        place, _, agency = word.group().rpartition("-")
        outlet = self.outlets.lookup(agency)
        # "Baghdad-INA": an agency's acronym, in capitals, glued to the place.
        if not place or outlet is None or agency.upper() != agency or len(agency) > 6:
            return None
        self.pos = word.end()
        end = word.end()
        separator = self.match("separator")
        if separator is not None:
            end = separator.end()
        elif not self._at_line_end() and self.text[self.pos] != ":":
            self.pos = start
            return None
        return _Found(start, end, (start, start + len(place)), None, outlet.name, strong=True)

    def _wire(self, start: int) -> _Found | None:
        """A wire dateline from ``start``: ``WASHINGTON, March 12 (Reuter) -``.

        The place, then a date and an outlet, each optional, then a dash (see
        :meth:`_wire_place`, :meth:`_wire_date` and :meth:`_wire_end`).
        """
        place = self._wire_place()
        if place is None:
            return None
        dated = self._wire_date(start, place)
        if dated is None:
            return None
        if not dated[1]:
            place, dated = self._agency_after_place(place, dated)
        return self._wire_end(start, place, *dated)

    def _agency_after_place(
        self, place: _WirePlace, dated: tuple[_dt.date | None, bool, str | None]
    ) -> tuple[_WirePlace, tuple[_dt.date | None, bool, str | None]]:
        """``Tehran, IRNA -``: the place's last part an agency of the table, its
        acronym in capitals: the agency, no part of the place."""
        if place.end is None or place.first_part_end is None or place.first_part_end == place.end:
            return place, dated
        last = self.text[place.first_part_end : place.end].lstrip(" \t,")
        found = self.outlets.lookup(last)
        if found is None or last.upper() != last or " " in last:
            return place, dated
        return place._replace(end=place.first_part_end, last_words=1), (None, False, found.name)

    def _wire_place(self) -> _WirePlace | None:
        """The place, read from ``self.pos``: up to three comma-separated parts of up
        to five words each, stopping where a date starts; ``None`` for a byline
        (``By ...``). Leaves ``self.pos`` after the place and the space after it."""
        place_end = None
        first_part_end = None
        parts = 0
        comma_before_date = False
        last_part_words = 0
        while parts < 3:
            if self.date_here() is not None:
                comma_before_date = parts > 0
                break
            part_start = self.pos
            words, part_end = self._place_words()
            if words == 0:
                break
            place_end = part_end
            last_part_words = words
            country = self.match("bracket_country")
            if country is not None:  # "New Delhi [India], December 3 (ANI):"
                self.pos = place_end = country.end()
            if parts == 0:
                first_part_end = place_end
                if self.text[part_start : part_start + 3].casefold() == "by ":
                    return None
            parts += 1
            if not self._after_comma():
                break
        return _WirePlace(place_end, first_part_end, comma_before_date, last_part_words)

    def _place_words(self) -> tuple[int, int | None]:
        """One part of a place from ``self.pos``: up to five words separated by spaces,
        ending before a date; how many words, and where the last one ends. Leaves
        ``self.pos`` after the last word."""
        words = 0
        end = None
        while words < 5:
            word = self.match("word")
            if word is None:
                break
            self.pos = word.end()
            words += 1
            end = self.pos
            mark = self.pos
            self.skip_space()
            if self.pos == mark or self.date_here() is not None or self.match("word") is None:
                self.pos = mark
                break
        return words, end

    def _after_comma(self) -> bool:
        """Skip the spaces, and a comma with the spaces after it; whether there was one."""
        self.skip_space()
        if self.pos < self.end and self.text[self.pos] == ",":
            self.pos += 1
            self.skip_space()
            return True
        return False

    def _wire_date(
        self, start: int, place: _WirePlace
    ) -> tuple[_dt.date | None, bool, str | None] | None:
        """The date after the place (``date``, whether one was written, and an outlet
        after it: ``WASHINGTON, March 12, Reuter -``); ``None`` when what was read
        is no dateline (a headline in capitals, or neither place nor date)."""
        date: _dt.date | None = None
        outlet = None
        found_date = self.date_here()
        if found_date is None and place.end is not None:
            # "KANSAS CITY, Mo. - March 13 -": a dash between place and date.
            mark = self.pos
            separator = self.match("separator")
            if separator is not None:
                self.pos = separator.end()
                self.skip_space()
                found_date = self.date_here()
            if found_date is None:
                self.pos = mark
        elif (
            found_date is not None
            and not place.comma_before_date
            and place.last_words > 2
            and not (place.end is not None and known_place(self.text[start : place.end]))
        ):
            # "SYRIA SEEKING WHITE SUGAR ON APRIL 8 -" is a headline, not a place
            # ("RIO DE JANEIRO 1996-08-22" is).
            return None
        if found_date is None:
            return (None, False, None) if place.end is not None else None
        m, date = found_date.match, found_date.date
        self.read_date = found_date
        self.pos = m.end()
        self.skip_space()
        if self.pos < self.end and self.text[self.pos] == ",":
            # "WASHINGTON, March 12, Reuter -"
            mark = self.pos
            self.pos += 1
            self.skip_space()
            word = self.match("word")
            if word is not None and (name := self.outlet_in(word.group())):
                outlet = name
                self.pos = word.end()
            else:
                self.pos = mark
        return date, True, outlet

    def _wire_end(
        self,
        start: int,
        place: _WirePlace,
        date: _dt.date | None,
        has_date: bool,
        outlet: str | None,
    ) -> _Found | None:
        """What ends a wire dateline after its place and date: a date or an agency in
        brackets (``(Jan. 25, 2013)``, ``(Reuters)``), then a dash, or the end of the
        line after brackets; ``None`` when it does not end as a dateline does."""
        self.skip_space()
        read = self._brackets(date, has_date, outlet)
        if read is None:
            return None
        date, has_date, outlet, bracketed = read
        strong = has_date or outlet is not None
        end = self.pos
        separator = self.match("separator")
        if separator is None and outlet is not None and bracketed:
            # "NEW DELHI (ANI): ...", and "NEW DELHI, July 15 (PTI) The ..." with
            # prose straight after an agency of the table.
            separator = self.match("agency_colon")
            if separator is None and self.outlets.lookup(outlet) is not None:
                separator = self.match("prose")
                if separator is not None:
                    return self._finish(start, place, date, outlet, strong, self.pos, separator)
        if separator is None and place.end is None and has_date and not bracketed:
            # "Dec. 6: Operations in Kandahar ...": a date and a colon open the line.
            separator = self.match("agency_colon")
        if separator is None and not strong and self._capital_place(start, place):
            # "ISLAMABAD: The cabinet met ...": a known place in capitals and a colon.
            separator = self.match("agency_colon")
            strong = separator is not None
        if separator is None:
            return self._without_dash(start, place, date, outlet, (strong, bracketed), end)
        return self._finish(start, place, date, outlet, strong, separator.end(), separator)

    def _brackets(
        self, date: _dt.date | None, has_date: bool, outlet: str | None
    ) -> tuple[_dt.date | None, bool, str | None, bool] | None:
        """A date and an agency in brackets from ``self.pos`` (``(Jan. 25, 2013)``,
        ``(Reuters)``), or an agency between slashes (``/TASS/.``): the date, whether
        one was written, the outlet and whether brackets held them; ``None`` for
        brackets that hold neither (a tag, a ticker)."""
        paren = self.match("paren")
        bracketed = False
        if paren is not None:
            inner = _Reader(self.text, paren.start(1), paren.end(1), self.reference, self.outlets)
            in_date = inner.date_here()
            if in_date is not None and in_date.match.end() == paren.end(1):
                date, has_date, bracketed = in_date.date, True, True
                self.read_date = in_date
                self.pos = paren.end()
                self.skip_space()
                paren = self.match("paren")
        if paren is not None:
            name = _agency(self, paren.group(1))
            if name is None:
                return None
            outlet, bracketed = name, True
            self.pos = paren.end()
        elif outlet is None and (slashed := self.match("slash_agency")) is not None:
            name = self.outlet_in(slashed.group(1))
            if name is not None:  # "MOSCOW, December 3. /TASS/."
                outlet, bracketed = name, True
                self.pos = slashed.end()
        return date, has_date, outlet, bracketed

    def _without_dash(
        self,
        start: int,
        place: _WirePlace,
        date: _dt.date | None,
        outlet: str | None,
        shape: tuple[bool, bool],
        end: int,
    ) -> _Found | None:
        """A dateline that no dash ends: ``KABUL, Afghanistan (Jan. 25, 2013)`` or
        ``BRUSSELS 1996-08-22`` alone on its line, or a known place alone on its line
        (``BANGKOK``) with prose on the next."""
        strong, bracketed = shape  # with a date or an agency; in brackets
        if not strong and self._place_line(start, place):
            return _Found(start, end, (start, end), None, None, strong=False)
        if not (bracketed or self._iso_line(start, date)) or not self._at_line_end():
            return None
        return self._finish(start, place, date, outlet, strong, end, None)

    def _capital_place(self, start: int, place: _WirePlace) -> bool:
        """Whether what was read is one known place written in capitals (``LAHORE``)."""
        if place.end is None or place.first_part_end != place.end:
            return False
        written = self.text[start : place.end]
        return not self.p["lower"].search(written) and known_place(written)

    def _place_line(self, start: int, place: _WirePlace) -> bool:
        """Whether the line is a place alone, in capitals, that the reference tables
        know (``BANGKOK``, ``NEW YORK``), with prose on the next line."""
        if place.end is None or place.end != self.pos or not self._at_line_end():
            return False
        written = self.text[start : place.end]
        if self.p["lower"].search(written) or not known_place(written.split(",")[0]):
            return False
        nxt = self.text[self.end + 1 : self.end + 80]
        return self.p["lower"].search(nxt.split("\n", 1)[0]) is not None

    def _finish(
        self,
        start: int,
        place: _WirePlace,
        date: _dt.date | None,
        outlet: str | None,
        strong: bool,
        end: int,
        separator: regex.Match[str] | None,
    ) -> _Found | None:
        span = (start, place.end) if place.end is not None else None
        if not strong and not self._weak_place_ok(start, place, separator):
            return None
        read = self.read_date
        if read is None:
            return _Found(start, end, span, date, outlet, strong)
        year_from = _year_from(read.year_written, date)
        return _Found(start, end, span, date, outlet, strong, None, read.month_day, year_from)

    def _iso_line(self, start: int, date: _dt.date | None) -> bool:
        """Whether what was read is a place in capitals and an ISO date (``BRUSSELS
        1996-08-22``, ``VERONA, Italy 1996-08-24``): a dateline on a line of its own."""
        if date is None or self.pos < 10 or not self.text[self.pos - 10 : self.pos].strip():
            return False
        written = self.text[start : self.pos].rstrip()
        if self.p["iso_date"].search(written[-10:]) is None:
            return False
        first = written.split(",")[0]
        return self.p["lower"].search(first) is None and self.p["upper"].search(first) is not None

    def _at_line_end(self) -> bool:
        mark = self.pos
        self.skip_space()
        at_end = self.pos >= self.end
        self.pos = mark
        return at_end

    def _weak_place_ok(
        self, start: int, place: _WirePlace, separator: regex.Match[str] | None
    ) -> bool:
        """A dateline with neither date nor agency: ``TOKYO - The ...``.

        Its first part is in capitals, or in title case with the known country or
        state it is in (``Kabul, Afghanistan -``), and something says it is a place: the
        reference tables know it (``TOKYO``, ``HELMAND PROVINCE``) or its qualifier
        (``CONCORD, N.H.``, ``OSCEOLA, Iowa``), or a sentence runs on after the
        dash to the end of the line, as a story's first paragraph does (a headline's
        slug is followed by a headline: ``RESEARCH ALERT - Broker starts coverage``).
        """
        first_part_end = place.first_part_end
        if first_part_end is None or place.end is None or separator is None:
            return False
        first = self.text[start:first_part_end]
        qualifier = self.text[first_part_end : place.end].strip(" ,")
        # What follows must read as prose, not as the rest of a headline in capitals.
        after = self.text[separator.end() : min(self.end, separator.end() + 60)]
        if len(first.split()) > 4 or self.p["lower"].search(after) is None:
            return False
        if self.p["lower"].search(first):
            # "Kabul, Afghanistan - A bomb ...": in title case, a known place that is
            # no country, and the country or state it is in, as Al Jazeera
            # and CNN write them ("Jordan, Egypt - talks ..." is no dateline).
            words = (first + " " + qualifier).split()
            return (
                all(w[:1].isupper() for w in words)
                and known_place(first)
                and first.casefold() not in _names_in("countries.tsv")
                and qualifier.casefold() in _names_in("countries.tsv", "subdivisions.tsv")
            )
        if len(self.p["upper"].findall(first)) < 2:
            return False
        if known_place(first) or (qualifier and known_place(qualifier)):
            return True
        return len(self.text[separator.end() : self.end].split()) >= _PROSE_WORDS


#: The reference tables' places, and what each names them by.
_PLACE_TABLES = {
    "countries.tsv": (0, 1),
    "cities.tsv": (0, 1),
    "places.tsv": (0, 1),
    "subdivisions.tsv": (0, 1),
    "regions.tsv": (0, 1),
}


@functools.cache
def _known_places() -> frozenset[str]:
    """The names and aliases of the reference tables' places, case-folded."""
    return _names_in(*_PLACE_TABLES)


@functools.cache
def _names_in(*files: str) -> frozenset[str]:
    """The names and aliases of the places of some reference tables, case-folded."""
    names: set[str] = set()
    for file in files:
        for row in read_rows(file):
            for column in _PLACE_TABLES[file]:
                if column < len(row) and row[column]:
                    names.update(n.strip().casefold() for n in row[column].split("|"))
    return frozenset(names)


@functools.cache
def _place_tails() -> frozenset[str]:
    """Words after a name that make it a place (``PROVINCE``, ``District``), case-folded."""
    return frozenset(row[0].casefold() for row in read_rows("place_words.tsv") if row[1] == "tail")


def known_place(written: str) -> bool:
    """Whether the reference tables know a place by this name, whatever its case, or
    by the name before a word that makes it a place (``HELMAND PROVINCE``)."""
    words = written.casefold().split()
    known = _known_places()
    if " ".join(words) in known:
        return True
    return len(words) > 1 and words[-1] in _place_tails() and " ".join(words[:-1]) in known


def place_word(word: str) -> bool:
    """Whether one word is a known place's name or a word that ends one (``Province``)."""
    return known_place(word) or word.casefold() in _place_tails()


def _year_from(written: bool, date: _dt.date | None) -> DateOrigin | None:
    """Where a dateline date's year came from: written, the reference date, or none yet."""
    if written:
        return DateOrigin.DATELINE
    return None if date is None else DateOrigin.REFERENCE_DATE


def _agency(reader: _Reader, inner: str) -> str | None:
    if inner.strip().upper() in read_words("title_tags.txt"):
        return None
    return reader.outlet_in(inner) or _agency_like(inner)


def _agency_like(inner: str) -> str | None:
    """An agency missing from the table, in parentheses: ``(Kurdistan24)``, ``(Basra Herald)``.

    One to three capitalised words that are not all in capitals: an unknown
    acronym in capitals is as likely a ticker (``(MYR)``) or a tag
    (``(CORRECTED)``) as an agency, so only the table's acronyms count.
    """
    words = inner.split()
    if not 1 <= len(words) <= 3 or any(not w[:1].isupper() for w in words):
        return None
    if inner.upper() == inner:
        return None
    return inner.strip()


def _read(
    text: str, start: int, end: int, reference: _dt.date | None, outlets: OutletTable
) -> _Found | None:
    return _Reader(text, start, end, reference, outlets).read()


def parse_dateline(
    s: str,
    *,
    reference_date: _dt.date | None = None,
    outlets: OutletTable | None = None,
) -> Dateline | None:
    """The dateline that ``s`` starts with (on its first line), or ``None``.

    ``reference_date`` gives the year of a dateline without one. ``outlets``
    replaces the shipped table of agencies and outlets.

    >>> parse_dateline("ROSEMONT, ILL., March 16 - ", reference_date=_dt.date(1987, 3, 16)).place
    'ROSEMONT, ILL.'
    >>> parse_dateline("PARIS, 8 janv (AFP) -").outlet
    'Agence France-Presse'
    """
    view = without_markup(TextView(s))
    norm = view.norm
    line_end = norm.find("\n")
    found = _read(
        norm,
        0,
        len(norm) if line_end < 0 else line_end,
        reference_date,
        outlets or OutletTable.default(),
    )
    return None if found is None else _assembly.dateline(view, found.finding())


def _candidate_lines(doc: Document) -> Iterator[tuple[int, Span]]:
    count = 0
    for line in doc.lines:
        if line.start > _MAX_CHARS or count >= _MAX_LINES:
            return
        if doc.norm[line.start : line.end].strip():
            yield count, line
            count += 1


def find_dateline(doc: Document, context: Context, found: Found) -> FoundDateline | None:
    """The dateline stage of :func:`newsparse.parse`: the dateline at the head of the article.

    Reads ``doc``'s first lines and ``context``'s reference date (for the year) and
    outlets; nothing of ``found``. Returns the dateline in positions of ``doc.norm``.

    It may follow a title and a byline. The first line holding a dateline with a
    date or an agency wins; one with neither (``TOKYO - ...``) counts only near
    the top.
    """
    table = context.outlet_table
    weak: _Found | None = None
    for index, line in _candidate_lines(doc):
        read = _read(doc.norm, line.start, line.end, context.reference_date, table)
        if read is None:
            continue
        if read.strong:
            return _with_year_from_text(doc, read).finding()
        if weak is None and index < _MAX_WEAK_LINE:
            weak = read
    return weak.finding() if weak is not None else None


def _with_year_from_text(doc: Document, found: _Found) -> _Found:
    """``found`` with the year of a dateline that wrote a month and day but no year,
    when no reference date gave one, read from the article's own dated evidence
    (see :func:`year_evidence`); as it was without such evidence."""
    if found.date is not None or found.month_day is None:
        return found
    month, day = found.month_day
    evidence = year_evidence(doc.norm, doc.furniture)
    if evidence is None:
        return found
    near, span = evidence
    date = _nearest(month, day, near)
    if date is None:
        return found
    return attrs.evolve(found, date=date, year_from=DateOrigin.TEXT, year_evidence=span)


def _nearest(month: int, day: int, near: _dt.date) -> _dt.date | None:
    """The date with this month and day nearest to ``near`` (a year either side)."""
    return min(_around(month, day, near), key=lambda c: abs((c - near).days), default=None)


def year_evidence(
    norm: str, furniture: Sequence[tuple[Span, str]] = ()
) -> tuple[_dt.date, Span] | None:
    """The article's own evidence of when it was written, and where it stands.

    In order: a dated release number at its head (``2010-09-CA-005``: the
    middle of that month), in the text or among the ``furniture`` lines (their
    spans and their text: the view reads them as spaces), the first full date
    with a year at its head (``Feb. 21, 2011``, ``2011-02-21``), in the text or in
    a furniture line (a page's ``Updated ... March 11, 2025``), then the first
    full date further down. The head is the first ``_MAX_CHARS`` characters.
    ``None`` without any.

    >>> year_evidence("2012-06-S-026\\nKABUL, Afghanistan (June 14) - ...")
    (datetime.date(2012, 6, 15), Span(start=0, end=13))
    """
    head = min(len(norm), _MAX_CHARS)
    p = _patterns()
    releases = [(span.start, text, span) for span, text in furniture if span.start < head]
    inline = p["release"].search(norm, 0, head)
    if inline is not None:
        releases.append((inline.start(), inline.group(), Span(*inline.span())))
    for _, text, span in sorted(releases):
        release = p["release"].search(text)
        if release is not None:
            month = int(release.group("month"))
            return _dt.date(int(release.group("year")), month, 15), span
    # A page's date line ("Updated 6:42 PM EST, Tue March 11, 2025") is furniture:
    # its date is read from its text, at its place among the head's dates.
    dated = [
        (span.start, date, span)
        for span, text in furniture
        if span.start < head
        for m in p["full_date"].finditer(text)
        if (date := _full_date(text, m)) is not None
    ]
    for lo, hi in ((0, head), (head, len(norm))):
        for m in p["full_date"].finditer(norm, lo, hi):
            date = _full_date(norm, m)
            if date is not None:
                dated.append((m.start(), date, Span(*m.span())))
                break
        if dated:
            _, date, span = min(dated, key=lambda d: d[0])
            return date, span
    return None


def _full_date(norm: str, m: regex.Match[str]) -> _dt.date | None:
    """The date a ``full_date`` match names, read as a dateline's date is (one reading
    of month names and days); None for a day no month has."""
    read = _Reader(norm, m.start(), m.end(), None, OutletTable.default()).date_here()
    if read is None or not read.year_written or read.match.end() != m.end():
        return None
    return read.date
