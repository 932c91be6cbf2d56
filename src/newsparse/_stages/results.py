"""Rows of results and standings: where the names of a line are teams.

Sports copy on every wire gives results and tables as lines of names and numbers::

    Hamburg 3 Werder Bremen 1
    3. Riverside Rovers 12 8 2 2 25 11 26

A name in such a row is a side: a club, a team or a country's team. This module
reads the shape of a line only; what a side's name becomes (a club is an
organisation, a country stays a place) is the entities stage's to say.

The shapes, read on a line with each name (capitalised words) replaced by a mark
and the bracketed parts left out (scorers, countries, half-time scores):

* a **result**: a name and a score, twice or more (``A 3 B 1``, several results
  on one line as some sports give them);
* a **standing**: an optional rank, a name, then three numbers or more to the end
  of the line (played, won, drawn, lost, goals, points);
* a **fixture**: names paired by ``v`` or ``vs``, one pair or a list of them
  (``Hamburg v Werder Bremen, Kelso v Harbour City``), a wrapped list's line
  opening with the last name of a pair or ending with the first.

A golfer's or a runner's row has the same shape as a standing; the stage keeps a
name that reads as a person's (a given name first, an initial) a person's.
"""

from __future__ import annotations

import regex

from newsparse._text import Document, Span

__all__ = ["match_row", "result_rows"]

_MARK = "\x00"
_DIGIT = regex.compile(r"\d")
_ROW_ENDS = frozenset("0123456789-)]")
# A name as rows write it: capitalised words, joined by spaces, a slash, an ampersand
# or a lower-case particle (``Admira / Wacker``, ``Newell's Old Boys``, ``Rayo de Oro``).
_WORD = r"\p{Lu}[\p{L}\p{M}\d'.&-]*"
_NAME = regex.compile(rf"{_WORD}(?:[ \t]+(?:(?:[/&]|de|del|la|of|van|von|am|y)[ \t]+)?{_WORD})*")
_BRACKETS = regex.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]")
# A score or a figure of a table: 3, 1-0, 8.56, .537, 1/2, 103-95, or a dash for none.
# (Atomic and possessive throughout: a line that is no row fails in one pass.)
_NUMBER = r"(?>[-+]?\.?\d[\d.,:/]*+(?:-\d[\d.,:/]*+)?|-)"
_RESULT = regex.compile(
    rf"[ \t]*+(?:\d+[.)][ \t]+)?(?:{_MARK}[ \t]++{_NUMBER}[ \t,;]*+){{2,}}+\.?[ \t]*"
)
# A match: two names, each with its score (``Hamburg 3 Werder Bremen 1``).
_MATCH = regex.compile(rf"[ \t]*+{_MARK}[ \t]++\d{{1,3}}[ \t]++{_MARK}[ \t]++\d{{1,3}}\.?[ \t]*")
# A fixture: names paired by "v" or "vs", after an optional label and a dash or colon.
_PAIR = rf"{_MARK}[ \t]++vs?\.?[ \t]++{_MARK}"
_FIXTURE = regex.compile(
    rf"[ \t]*+(?:[^\n]*?(?:[ \t]-|:)[ \t]+)?(?:{_MARK}[ \t]*+,[ \t]*+)?"
    rf"{_PAIR}(?:[ \t]*+[,;][ \t]*+{_PAIR})*+(?:[ \t]*+,[ \t]*+{_MARK}[ \t]++vs?\.?)?[ \t,.]*"
)
_VERSUS = regex.compile(r"[ \t]vs?\.?[ \t]")
_STANDING = regex.compile(rf"[ \t]*+(?:\d+[.)]?[ \t]+)?{_MARK}(?:[ \t]++{_NUMBER}){{3,}}+[ \t]*")


def result_rows(doc: Document) -> list[Span]:
    """The lines of ``doc`` that are rows of results or standings, in order."""
    norm = doc.norm
    return [line for line in doc.lines if _is_row(norm, line)]


def match_row(norm: str, row: Span) -> bool:
    """Whether a row of results pairs its names: one match, two names each with a
    score of its own (``Hamburg 3 Werder Bremen 1``, brackets left out), or a
    fixture (``Hamburg v Werder Bremen``)."""
    text = norm[row.start : row.end].rstrip(" \t.")
    if _is_fixture(text):
        return True
    return _MATCH.fullmatch(_NAME.sub(_MARK, _BRACKETS.sub(" ", text))) is not None


def _is_fixture(text: str) -> bool:
    if _VERSUS.search(text) is None:
        return False
    return _FIXTURE.fullmatch(_NAME.sub(_MARK, text)) is not None


def _is_row(norm: str, line: Span) -> bool:
    text = norm[line.start : line.end].rstrip(" \t.")
    if _is_fixture(text):
        return True
    # Told cheaply first: a row ends with a figure, a dash or a bracket.
    if not text or text[-1] not in _ROW_ENDS or _DIGIT.search(text) is None:
        return False
    text = _BRACKETS.sub(" ", text)
    shape = _NAME.sub(_MARK, text)
    return bool(_RESULT.fullmatch(shape) or _STANDING.fullmatch(shape))
