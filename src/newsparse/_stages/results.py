"""Rows of results and standings: where the names of a line are teams.

Sports copy on every wire gives results and tables as lines of names and numbers::

    Hamburg 3 Werder Bremen 1
    3. Riverside Rovers 12 8 2 2 25 11 26

A name in such a row is a side: a club, a team or a country's team. This module
reads the shape of a line only; what a side's name becomes (a club is an
organisation, a country stays a place) is the entities stage's to say.

The shapes, read on a line with each candidate name replaced by a mark and the
bracketed parts left out (scorers, countries, half-time scores):

* a **result**: a name and a score, twice or more (``A 3 B 1``, several results
  on one line as some sports give them);
* a **standing**: an optional rank, a name, then three numbers or more to the end
  of the line (played, won, drawn, lost, goals, points).

A golfer's or a runner's row has the same shape as a standing; the stage keeps a
name that reads as a person's (a given name first, an initial) a person's.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from newsparse._text import Document, NameToken, Span

__all__ = ["result_rows"]

_MARK = "\x00"
_BRACKETS = regex.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]")
_NUMBER = r"[-+]?\d[\d.,:/]*(?:-\d[\d.,:/]*)?"
_RESULT = regex.compile(
    rf"[ \t]*(?:\d+[.)][ \t]+)?(?:{_MARK}[ \t]+{_NUMBER}[ \t,;]*){{2,}}\.?[ \t]*"
)
_STANDING = regex.compile(rf"[ \t]*(?:\d+[.)]?[ \t]+)?{_MARK}(?:[ \t]+{_NUMBER}){{3,}}[ \t]*")


def result_rows(
    doc: Document, tokens: Sequence[NameToken], names: Sequence[tuple[int, int]]
) -> set[int]:
    """The indexes of ``names`` (token ranges ``(first, last)``, in order, none
    overlapping) that stand in a row of results or standings."""
    found: set[int] = set()
    norm = doc.norm
    i = 0
    for line in doc.lines:
        while i < len(names) and tokens[names[i][0]].start < line.start:
            i += 1
        j = i
        while j < len(names) and tokens[names[j][1] - 1].end <= line.end:
            j += 1
        if j > i and _is_row(norm, line, tokens, names[i:j]):
            found.update(range(i, j))
        i = j
    return found


def _is_row(
    norm: str, line: Span, tokens: Sequence[NameToken], names: Sequence[tuple[int, int]]
) -> bool:
    if not any(ch.isdigit() for ch in norm[line.start : line.end]):
        return False
    pieces = []
    pos = line.start
    for first, last in names:
        pieces += [norm[pos : tokens[first].start], _MARK]
        pos = tokens[last - 1].end
    pieces.append(norm[pos : line.end])
    shape = _BRACKETS.sub(" ", "".join(pieces))
    return bool(_RESULT.fullmatch(shape) or _STANDING.fullmatch(shape))
