"""Dates named in the body, resolved against the article's date.

Absolute: ``Jan. 3``, ``January 3, 2025``, ``3 January 2025``, ``2025-01-03``,
``January 2025``, ``in 1987``. Relative: ``yesterday``, ``today``,
``last Sunday``, ``on Sunday``, ``next week``, ``earlier this month``,
``last year``, ``three days ago``, ``in September``.

Each date has a ``value`` and a ``granularity``: ``day`` (``YYYY-MM-DD``),
``month`` (``YYYY-MM``) or ``year`` (``YYYY``). A week is given by its Monday,
at day granularity.

Where the year is not written, the tense of the clause decides: ``in September``
is the most recent September before the article when the clause speaks of the
past (``said``, ``was``, a verb in -ed), the coming one when it speaks of the
future (``will``, ``is due to``, ``next``...), and the nearer one otherwise; a
month and day are placed the same way.

The stage has the shape of every stage (see ``newsparse._findings``):
``find_dates(doc, context, found) -> tuple[FoundDate, ...]`` reads the words and
sentences of ``doc``, the article's date (``found.published(context)``) and the
dateline's span, and hands on the dates in positions of ``doc.norm``.

>>> found = find_dates_in("He left last Sunday and returns in March.", _dt.date(2025, 1, 8))
>>> [(d.text, d.value) for d in found]
[('last Sunday', '2025-01-05'), ('in March', '2025-03')]
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Iterator
from itertools import compress
from typing import NamedTuple

import regex
from dateutil.relativedelta import relativedelta

from newsparse import _assembly
from newsparse._findings import Context, Found, FoundDate
from newsparse._lexicon import function_words, read_rows
from newsparse._stages.datelines import place_word, year_evidence
from newsparse._text import Document, Span, segment
from newsparse.model import DateMention, Granularity

__all__ = ["find_dates", "find_dates_in"]

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Clause boundaries: a tense cue is looked for between the nearest ones.
_CLAUSE_BREAK_PATTERN = (
    r"[,;:()\u2014\"]|\s-\s|\s(?:and|but|while|whereas|although|though|because)\s"
)
_CLAUSE_BREAK = regex.compile(_CLAUSE_BREAK_PATTERN)
# The same, searched backwards from a date: the nearest break before it.
_CLAUSE_BREAK_BEFORE = regex.compile(_CLAUSE_BREAK_PATTERN, regex.REVERSE)


_WORDS = regex.compile(r"[\p{L}']+")
_CAPITALISED_AFTER = regex.compile(r"\s+(\p{Lu}\p{Ll}*)")
_CAPITALISED_BEFORE = regex.compile(r"(\p{Lu}[\p{L}']*+)\s++$")


# The years a date may name, 1500 to 2199: news speaks of the early modern period
# at the earliest and of this century's plans at the latest, and a four-digit
# number outside them is far more often an amount. The scanner's triggers are
# these same years (see _triggers).
_YEAR = r"(?:1[5-9]|2[01])\d\d"
_YEARS = range(1500, 2200)


@functools.cache
def _english_months() -> dict[str, int]:
    return {row[0]: int(row[1]) for row in read_rows("months.tsv") if row[2] == "en"}


@functools.cache
def _weekdays() -> dict[str, int]:
    return {row[0]: int(row[1]) for row in read_rows("weekdays.tsv")}


@functools.cache
def _relative_days() -> dict[str, int]:
    """The phrases that name a day by its distance from the article's date (``yesterday``)."""
    return {row[0]: int(row[1]) for row in read_rows("relative_days.tsv")}


class _Season(NamedTuple):
    first: int
    last: int
    bare: bool


@functools.cache
def _seasons() -> dict[str, _Season]:
    """The seasons (``data/seasons.tsv``) by name: their first and last months."""
    return {
        row[0]: _Season(int(row[1]), int(row[2]), row[3] == "yes")
        for row in read_rows("seasons.tsv")
    }


@functools.cache
def _tense_words() -> tuple[frozenset[str], frozenset[str]]:
    future: set[str] = set()
    past: set[str] = set()
    for row in read_rows("tense_cues.tsv"):
        (future if row[1] == "future" else past).add(row[0])
    return frozenset(future), frozenset(past)


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _pattern() -> regex.Pattern[str]:
    full = [m for m in _english_months() if len(m) > 3 or m == "may"]
    months = _alternation(list(_english_months()))
    weekdays = _alternation([w for w in _weekdays() if len(w) > 4])
    # Month and weekday names must be capitalised (or in capitals): "may" is a verb.
    month = rf"(?=\p{{Lu}})(?i:{months})(?:\.|\b)"
    month_full = rf"(?=\p{{Lu}})(?i:{_alternation(full)})\b"
    weekday = rf"(?=\p{{Lu}})(?i:{weekdays})\b"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
    year = rf"{_YEAR}(?![\p{{L}}\d])"
    numbers = _alternation(list(_NUMBERS))
    seasons = _alternation(list(_seasons()))
    bare_seasons = _alternation([name for name, season in _seasons().items() if season.bare])
    determiners = _alternation(sorted(function_words("determiner")))
    relative = "|".join(
        r"\s+".join(regex.escape(w) for w in phrase.split())
        for phrase in sorted(_relative_days(), key=len, reverse=True)
    )
    on = r"(?:(?P<on>(?i:on|in))\s+)?"
    return regex.compile(
        rf"""
        (?<![\p{{L}}\d,.\-])
        (?:
            (?P<iso>{_YEAR}-[01]\d-[0-3]\d)(?![\d\-])
          | {on}(?:(?P<wd_md>{weekday}),?\s+)?(?P<m_md>{month})\s+(?P<d_md>{day})
                (?:,?\s+(?P<y_md>{year}))?
          | {on}(?P<d_dm>{day})\s+(?:of\s+)?(?P<m_dm>{month})(?:,?\s+(?P<y_dm>{year}))?
          | (?:(?P<in_my>(?i:in))\s+)?(?P<m_my>{month})\s+(?:of\s+)?(?P<y_my>{year})
          | (?P<rel_wd>(?i:last|next|this|past|coming))\s+(?P<wd_rel>{weekday})
          | (?P<rel_m>(?i:last|next|this|past|coming))\s+(?P<m_rel>{month_full})(?!\s*\d)
          | (?:(?P<in_s>(?i:in|during))\s+)?(?:(?i:the)\s+)?(?P<s_y>(?i:{seasons}))\s+
                (?:(?i:of)\s+)?(?P<y_s>{year})
          | (?P<rel_s>(?i:last|next|this|past|coming))\s+(?P<s_rel>(?i:{seasons}))\b
          | (?P<prep_s>(?i:in|during|since|until|by|from|before|after))\s+(?:(?i:the)\s+)?
                (?P<s_bare>(?i:{bare_seasons}))\b(?!\s+(?i:of)\b|\s*\d)
          | (?P<det_y>(?i:{determiners}))\s+(?P<y_det>{year})
                (?=\s+\p{{Ll}}[\p{{Ll}}-]*+(?<!s)(?![\p{{L}}\d-]))
          | (?P<rel_unit>(?i:(?:earlier|later)\s+this|this|last|next|past|coming))\s+
                (?P<unit>(?i:week|month|year))\b
          | (?P<deictic>(?i:{relative}))\b
          | (?P<wd_prep>(?i:until|till|through|by|before|since))\s+(?P<wd_p>{weekday})
          | (?P<count>\d{{1,3}}|(?i:{numbers}))\s+(?P<ago_unit>(?i:day|week|month|year))s?\s+
                (?i:ago)\b
          | {on}(?P<wd>{weekday})
          | (?P<prep_m>(?i:in|during|since|until|by|from|before|after|early|late|mid-?))\s*
                (?P<m_bare>{month_full})(?!\s*\d)
          | (?P<prep_y>(?i:in|during|since|until|by|from|before|after))\s+(?P<y_bare>{year})
        )
        """,
        regex.VERBOSE,
    )


# How far from a date its clause is read for a tense cue, each way.
_CLAUSE_REACH = 300


def _clause(text: str, lo: int, hi: int, start: int, end: int) -> tuple[str, str]:
    """The clause around ``start..end``, as the part before it and the part after it
    (at most ``_CLAUSE_REACH`` characters each way)."""
    lo = max(lo, start - _CLAUSE_REACH)
    hi = min(hi, end + _CLAUSE_REACH)
    before = _CLAUSE_BREAK_BEFORE.search(text, lo, start)
    left = before.end() if before else lo
    right_match = _CLAUSE_BREAK.search(text, end, hi)
    right = right_match.start() if right_match else hi
    return text[left:start], text[end:right]


def _tense(before: str, after: str) -> str | None:
    """``future``, ``past`` or None, from the cue word of the clause nearest the date.

    ``said on Monday it would act``: ``said`` is nearer than ``would``, so past.
    """
    future_words, past_words = _tense_words()

    def cue(word: str) -> str | None:
        if word in future_words:
            return "future"
        if word in past_words or (word.endswith("ed") and len(word) > 4):
            return "past"
        return None

    left = [w.casefold() for w in _WORDS.findall(before)][::-1]
    right = [w.casefold() for w in _WORDS.findall(after)]
    if "going to" in before.casefold() or "going to" in after.casefold():
        return "future"
    # A participle after "be" is no past tense: "will be submitted by Friday".
    left = [
        "" if w.endswith("ed") and i + 1 < len(left) and left[i + 1] in ("be", "being") else w
        for i, w in enumerate(left)
    ]
    for distance in range(max(len(left), len(right))):
        found = [cue(side[distance]) for side in (left, right) if distance < len(side)]
        if "future" in found:
            return "future"
        if "past" in found:
            return "past"
    return None


def _monday(day: _dt.date) -> _dt.date:
    return day - _dt.timedelta(days=day.weekday())


#: Half a year in days: a past month and day without a year lie within it of the
#: article's date.
_HALF_YEAR_DAYS = 183


def _month_day(month: int, day: int, published: _dt.date, tense: str | None) -> _dt.date | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(_dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if tense == "future":
        later = [c for c in candidates if c >= published]
        return min(later) if later else None
    nearest = min(candidates, key=lambda c: (abs((c - published).days), c > published))
    if tense == "past":
        # Writers give the year of a past day more than half a year back; a past
        # tense with a day just ahead tells of a date set ("Sentencing was set for
        # March 14" in an article of March 12 is two days on).
        earlier = max((c for c in candidates if c <= published), default=None)
        if earlier is not None and (published - earlier).days <= _HALF_YEAR_DAYS:
            return earlier
    return nearest


# The two ways a month and day are written, as the groups that hold them.
_MONTH_DAY_GROUPS = (("m_md", "d_md", "y_md"), ("m_dm", "d_dm", "y_dm"))


def _resolve(
    m: regex.Match[str],
    published: _dt.date | None,
    tense_of: Callable[[], str | None],
    near: _dt.date | None = None,
) -> tuple[str, Granularity] | None:
    """The value of a date expression and its granularity; ``tense_of()`` tells the
    tense of its clause, for dates without a year. Without ``published``, ``near``
    (the article's own dated evidence) places a month and day in a year.

    The absolute shapes are read here or in :func:`_month_and_day`; the ones that
    need the article's date (``published``) in :func:`_relative`.
    """
    # Named groups one by one: a dict of every group costs more than the few read.
    g = m.group
    if g("iso"):
        return _iso(g("iso"))
    for groups in _MONTH_DAY_GROUPS:
        if g(groups[0]):
            return _month_and_day(m, groups, published, tense_of, near)
    if g("m_my"):
        # "January 2025", "in March of 1987"
        month = _english_months()[g("m_my").rstrip(".").casefold()]
        return f"{int(g('y_my')):04d}-{month:02d}", Granularity.MONTH
    if g("y_bare"):
        # "in 1987", "since 2003"
        return g("y_bare"), Granularity.YEAR
    if g("y_det"):
        # "her 2020 campaign", "the 1996 election"
        return g("y_det"), Granularity.YEAR
    if g("s_y"):
        # "in the spring of 2023", "summer 2024"
        return _season_of(_seasons()[g("s_y").casefold()], int(g("y_s"))), Granularity.SEASON
    if published is None:
        return None
    return _relative(m, published, tense_of)


def _iso(text: str) -> tuple[str, Granularity] | None:
    """``2025-01-03`` (the ``iso`` group); None when it names no real day (``2025-02-30``)."""
    try:
        return _dt.date.fromisoformat(text).isoformat(), Granularity.DAY
    except ValueError:
        return None


def _month_and_day(
    m: regex.Match[str],
    groups: tuple[str, str, str],
    published: _dt.date | None,
    tense_of: Callable[[], str | None],
    near: _dt.date | None = None,
) -> tuple[str, Granularity] | None:
    """A month and a day, as the ``groups`` (month, day, year) of ``m`` hold them:
    ``Jan. 3``, ``January 3, 2025``, ``on Friday, Jan. 3``, ``3rd of January 2025``.

    Without a year the day is placed by the clause's tense around ``published``
    (see :func:`_month_day`); without it, in the year nearest to ``near``, the
    article's own dated evidence (a release number's month, a full date); None
    without either or for a day the month has not (``February 30``).
    """
    g = m.group
    month_key, day_key, year_key = groups
    month = _english_months()[g(month_key).rstrip(".").casefold()]
    day = int(g(day_key).rstrip("stndrh"))
    if g(year_key):
        try:
            return _dt.date(int(g(year_key)), month, day).isoformat(), Granularity.DAY
        except ValueError:
            return None
    if published is None:
        if near is None:
            return None
        found = _month_day(month, day, near, None)
        return (found.isoformat(), Granularity.DAY) if found else None
    found = _month_day(month, day, published, tense_of())
    return (found.isoformat(), Granularity.DAY) if found else None


def _relative(
    m: regex.Match[str], published: _dt.date, tense_of: Callable[[], str | None]
) -> tuple[str, Granularity] | None:
    """A date read from ``published``: a weekday (``last Sunday``, ``on Sunday``), a
    week, month or year (``next week``, ``earlier this month``), ``yesterday``,
    ``three days ago``, or a month without a year (``in September``)."""
    g = m.group
    if g("wd_rel") or g("wd"):
        return _weekday(m, published, tense_of), Granularity.DAY
    if g("wd_p"):
        return _weekday_after(g("wd_prep"), g("wd_p"), published, tense_of), Granularity.DAY
    if g("unit"):
        return _this_unit(g("rel_unit"), g("unit"), published)
    if g("deictic"):
        # "yesterday", "today", "tomorrow"
        said = " ".join(g("deictic").casefold().split())
        step = _relative_days()[said]
        return (published + _dt.timedelta(days=step)).isoformat(), Granularity.DAY
    if g("ago_unit"):
        return _ago(g("count"), g("ago_unit"), published)
    if g("m_bare"):
        return _bare_month(g("prep_m"), g("m_bare"), published, tense_of), Granularity.MONTH
    if g("m_rel"):
        return _month_near(g("rel_m"), g("m_rel"), published), Granularity.MONTH
    if g("s_rel") or g("s_bare"):
        return _season_near(m, published, tense_of), Granularity.SEASON
    return None


def _month_near(modifier: str, name: str, published: _dt.date) -> str:
    """A month named with ``last``, ``next`` or ``this`` (``last October``): the last one
    before the article's month, the next one after it, or the one of its year."""
    month = _english_months()[name.casefold()]
    modifier = modifier.casefold()
    if modifier in ("last", "past"):
        year = published.year - (month >= published.month)
    elif modifier in ("next", "coming"):
        year = published.year + (month <= published.month)
    else:
        year = published.year
    return f"{year:04d}-{month:02d}"


def _season_of(season: _Season, year: int) -> str:
    """The months of a season that starts in ``year`` (a winter ends in the next)."""
    last_year = year + (season.last < season.first)
    return f"{year:04d}-{season.first:02d}/{last_year:04d}-{season.last:02d}"


def _season_span(season: _Season, year: int) -> tuple[_dt.date, _dt.date]:
    """The first day of a season that starts in ``year`` and the first day after it."""
    first = _dt.date(year, season.first, 1)
    return first, first + relativedelta(months=(season.last - season.first) % 12 + 1)


def _season_near(
    m: regex.Match[str], published: _dt.date, tense_of: Callable[[], str | None]
) -> str:
    """A season without a year (the ``rel_s`` and ``s_rel`` groups, or ``prep_s`` and
    ``s_bare``): ``last summer`` (the last one over before the article's date),
    ``next spring`` (the first one to start after it), ``this winter`` (the one the
    article's date falls in, else the one that starts in its year); after a
    preposition (``in the spring``, ``until the summer``) the clause's tense
    decides as for a month alone: the one under way or the last one for the past,
    the one under way or the next one for the future, the one under way or the
    nearer one without a tense."""
    g = m.group
    season = _seasons()[(g("s_rel") or g("s_bare")).casefold()]
    years = range(published.year - 2, published.year + 2)
    spans = [(year, *_season_span(season, year)) for year in years]
    under_way = [year for year, first, after in spans if first <= published < after]
    over = [year for year, _, after in spans if after <= published]
    ahead = [year for year, first, _ in spans if first > published]
    if g("s_rel"):
        modifier = g("rel_s").casefold()
        if modifier in ("last", "past"):
            return _season_of(season, over[-1])
        if modifier in ("next", "coming"):
            return _season_of(season, ahead[0])
        return _season_of(season, under_way[0] if under_way else published.year)
    preposition = g("prep_s").casefold()
    tense = tense_of()
    if preposition in ("until", "by") and tense is None:
        tense = "future"
    elif preposition in ("since", "after", "from"):
        tense = "past"
    if under_way:
        return _season_of(season, under_way[0])
    if tense == "past":
        return _season_of(season, over[-1])
    if tense == "future":
        return _season_of(season, ahead[0])
    since = (published - _season_span(season, over[-1])[1]).days
    until = (_season_span(season, ahead[0])[0] - published).days
    return _season_of(season, over[-1] if since <= until else ahead[0])


def _weekday(m: regex.Match[str], published: _dt.date, tense_of: Callable[[], str | None]) -> str:
    """The day a weekday names (the ``rel_wd`` and ``wd_rel`` groups, or ``wd``):
    ``last Sunday`` or ``past Sunday`` (the one before the article's day, a week
    back when that day is a Sunday), ``next Sunday`` or ``coming Sunday`` (the one
    after it), ``this Sunday`` (in the article's week, which starts on Monday), and
    ``Sunday`` or ``on Sunday`` alone (the coming one, the article's day included,
    when the clause speaks of the future, else the most recent one)."""
    g = m.group
    weekday = _weekdays()[(g("wd_rel") or g("wd")).casefold()]
    back = (published.weekday() - weekday) % 7
    modifier = (g("rel_wd") or "").casefold()
    if modifier in ("last", "past"):
        found = published - _dt.timedelta(days=back or 7)
    elif modifier in ("next", "coming"):
        found = published + _dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    elif modifier == "this":
        found = _monday(published) + _dt.timedelta(days=weekday)
    elif tense_of() == "future":
        found = published + _dt.timedelta(days=(weekday - published.weekday()) % 7)
    else:
        found = published - _dt.timedelta(days=back)
    return found.isoformat()


def _weekday_after(
    preposition: str, name: str, published: _dt.date, tense_of: Callable[[], str | None]
) -> str:
    """A weekday after a preposition (``until Saturday``, ``by Friday``, ``since
    Monday``): ``since`` looks back; ``until``, ``till``, ``through``, ``by`` and
    ``before`` look ahead (the article's day included) unless the clause speaks
    of the past (``had waited until Friday``)."""
    weekday = _weekdays()[name.casefold()]
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if preposition.casefold() == "since" or tense_of() == "past":
        return (published - _dt.timedelta(days=back)).isoformat()
    return (published + _dt.timedelta(days=ahead)).isoformat()


def _this_unit(modifier: str, unit: str, published: _dt.date) -> tuple[str, Granularity]:
    """A week, month or year near ``published``, from the ``rel_unit`` and ``unit``
    groups: ``last week`` (its Monday), ``next month``, ``earlier this year`` (the
    same year: ``earlier this`` and ``later this`` are ``this``)."""
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(
        " ".join(modifier.casefold().split()), 0
    )
    unit = unit.casefold()
    if unit == "week":
        return (_monday(published) + _dt.timedelta(weeks=step)).isoformat(), Granularity.DAY
    if unit == "month":
        found = published + relativedelta(months=step)
        return f"{found.year:04d}-{found.month:02d}", Granularity.MONTH
    return f"{published.year + step:04d}", Granularity.YEAR


def _ago(count_text: str, unit: str, published: _dt.date) -> tuple[str, Granularity]:
    """``three days ago``, ``2 weeks ago``, ``a month ago``, ``ten years ago``, from the
    ``count`` (a number in digits or words) and ``ago_unit`` groups."""
    count = _NUMBERS.get(count_text.casefold()) or int(count_text)
    unit = unit.casefold()
    if unit in ("day", "week"):
        days = count * (7 if unit == "week" else 1)
        return (published - _dt.timedelta(days=days)).isoformat(), Granularity.DAY
    if unit == "month":
        found = published - relativedelta(months=count)
        return f"{found.year:04d}-{found.month:02d}", Granularity.MONTH
    return f"{published.year - count:04d}", Granularity.YEAR


def _bare_month(
    preposition: str, name: str, published: _dt.date, tense_of: Callable[[], str | None]
) -> str:
    """A month without a year, after a preposition (the ``prep_m`` and ``m_bare``
    groups): ``in September``, ``until March``, ``since June``, ``mid-July``.

    ``since``, ``after`` and ``from`` look back; ``until`` and ``by`` look ahead when
    the clause has no tense of its own; otherwise the clause's tense decides, and
    without one the nearer month (the past one when both are as near).
    """
    month = _english_months()[name.casefold()]
    preposition = preposition.casefold().rstrip("-")
    tense = tense_of()
    if preposition in ("until", "by") and tense is None:
        tense = "future"
    elif preposition in ("since", "after", "from"):
        tense = "past"
    past_year = published.year - (month > published.month)
    future_year = published.year + (month < published.month)
    if tense == "past":
        year = past_year
    elif tense == "future":
        year = future_year
    else:
        # No tense cue: the nearer one, the past one when both are as near.
        back = (published.month - month) % 12
        ahead = (month - published.month) % 12
        year = past_year if back <= ahead else future_year
    return f"{year:04d}-{month:02d}"


def _is_name(text: str, m: regex.Match[str], lo: int) -> bool:
    """``Sunday Times``, ``Black Monday``: a weekday inside a capitalised name; ``Last
    Night of the Proms``: a phrase of days written as a name, its later words
    capitalised."""
    deictic = m.group("deictic")
    if deictic:
        words = deictic.split()
        return not deictic.isupper() and any(w[0].isupper() for w in words[1:])
    if not m.group("wd") or m.group("on"):
        return False
    after = _CAPITALISED_AFTER.match(text, m.end(), m.end() + 40)
    if after and after.group(1).casefold() not in _english_months():
        return True
    # A capitalised word just before it: "Black Monday", "Bloody Sunday"; but not a
    # place's name or a word that ends one, as wire copy writes "in Kabul Monday",
    # "in Helmand Province Saturday".
    before = _CAPITALISED_BEFORE.search(text, max(lo, m.start() - 40), m.start())
    return before is not None and not place_word(before.group(1))


def _span(m: regex.Match[str]) -> tuple[int, int]:
    """The span of a date expression: prepositions other than ``in`` and ``on`` are left out."""
    start = m.start()
    for preposition, target in (
        ("prep_m", "m_bare"),
        ("prep_y", "y_bare"),
        ("wd_prep", "wd_p"),
        ("prep_s", "s_bare"),
    ):
        if m.group(preposition) and m.group(preposition).casefold() != "in":
            start = m.start(target)
    if m.group("det_y"):
        start = m.start("y_det")  # "her 2020 campaign": the year alone
    elif m.group("s_y") and not m.group("in_s"):
        start = m.start("s_y")  # "the fall of 2024": from the season
    return start, m.end()


@functools.cache
def _triggers() -> tuple[frozenset[str], frozenset[str]]:
    """Words a date expression contains (triggers), and words it may start with (openers).

    The full pattern is tried only at a trigger, starting up to three words
    before it when those are openers (``in``, ``last``, ``earlier this``, ``3``).
    Triggers are matched as written: month and weekday names capitalised or in
    capitals, the other words in any of the usual cases, years as four digits.
    """
    named = [*_english_months(), *_weekdays()]
    plain = ["week", "weeks", "month", "months", "year", "years", "day", "days"]
    plain += [phrase.split()[-1] for phrase in _relative_days()] + ["ago", *_seasons()]
    triggers = {w.capitalize() for w in named} | {w.upper() for w in named}
    triggers |= {f(w) for w in plain for f in (str.lower, str.capitalize, str.upper)}
    triggers |= {str(year) for year in _YEARS}
    openers = {
        *function_words("date_opener"),
        *function_words("determiner"),
        *_NUMBERS,
        *_weekdays(),
    }
    return frozenset(triggers), frozenset(openers)


def _scan(
    doc: Document,
    published: _dt.date | None,
    skip: tuple[int, int] | None,
    near: _dt.date | None = None,
) -> Iterator[FoundDate]:
    """The dates of ``doc`` in positions of ``doc.norm``, none overlapping ``skip``."""
    pattern = _pattern()
    triggers, openers = _triggers()
    norm = doc.norm
    words = doc.words
    texts = doc.word_texts
    resume = 0
    for i in compress(range(len(texts)), map(triggers.__contains__, texts)):
        start = words[i][0]
        if start < resume:
            continue
        sentence = doc.sentence_of(start)
        if sentence is None:
            continue
        first = i
        while first > 0 and i - first < 3 and words[first - 1][0] >= sentence.start:
            before = texts[first - 1]
            if not (before.casefold() in openers or before[0].isdigit()):
                break
            first -= 1
        for j in range(first, i + 1):
            if words[j][0] < resume:
                continue
            m = pattern.match(norm, words[j][0], sentence.end)
            if m is not None and m.end() > start:
                break
        else:
            continue
        resume = m.end()
        found = _mention(doc, m, published, sentence, skip, near)
        if found is not None:
            yield found


def _mention(
    doc: Document,
    m: regex.Match[str],
    published: _dt.date | None,
    sentence: Span,
    skip: tuple[int, int] | None,
    near: _dt.date | None = None,
) -> FoundDate | None:
    """The date ``m`` matched in ``sentence``, unless it names something or overlaps ``skip``."""
    norm = doc.norm
    if _is_name(norm, m, sentence.start):
        return None
    start, end = _span(m)
    if skip is not None and start < skip[1] and skip[0] < end:
        return None

    # The tense of the clause around the date, read only when a date needs it.
    def tense() -> str | None:
        return _tense(*_clause(norm, sentence.start, sentence.end, start, end))

    resolved = _resolve(m, published, tense, near)
    if resolved is None:
        return None
    value, granularity = resolved
    return FoundDate(start, end, value, granularity)


def find_dates(doc: Document, context: Context, found: Found) -> tuple[FoundDate, ...]:
    """The dates stage of :func:`newsparse.parse`: every date in the text, outside the dateline.

    Reads ``doc``'s words and sentences and, through ``found``, the article's date
    (its dateline's, else ``context``'s reference date) and the dateline's span.
    Returns the dates in positions of ``doc.norm``. Without a date of the article
    only dates that carry their year are resolved, and a month and day when the
    article's own dated evidence gives their year (a release number at its head,
    a full date: see :func:`~newsparse._stages.datelines.year_evidence`); dates
    relative to the article's day (``yesterday``, ``on Friday``) are not.
    """
    dateline = found.dateline
    skip = (dateline.start, dateline.end) if dateline is not None else None
    published = found.published(context)
    near = None
    if published is None:
        evidence = year_evidence(doc.norm, doc.furniture)
        # evidence of a year the dates stage reads (see _YEARS)
        near = evidence[0] if evidence is not None and evidence[0].year in _YEARS else None
    return tuple(_scan(doc, published, skip, near))


def find_dates_in(text: str, published: _dt.date | None) -> tuple[DateMention, ...]:
    """The dates of ``text`` resolved against ``published``, for a text that is not a whole article.

    >>> [(d.text, d.value, d.granularity.value) for d in find_dates_in("It rose in 1987.", None)]
    [('in 1987', '1987', 'year')]
    """
    doc = segment(text)
    return _assembly.dates(doc.view, find_dates(doc, Context(reference_date=published), Found()))
