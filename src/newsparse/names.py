"""Personal names: casing, particles, suffixes and titles.

>>> recase("TED D'AFFLISIO"), recase("keith grant"), recase("SABAH AL-AKILI")
("Ted D'Afflisio", 'Keith Grant', 'Sabah al-Akili')
>>> recase("Mohamed ElBaradei")
'Mohamed ElBaradei'
"""

from __future__ import annotations

import functools

import regex

from newsparse import _data

__all__ = [
    "is_shouting",
    "is_suffix",
    "particles",
    "recase",
    "strip_titles",
    "suffixes",
    "titles",
]

_PART = regex.compile(r"([-'])")
_LETTER = regex.compile(r"\p{L}")


@functools.cache
def particles() -> frozenset[str]:
    """Lower-case particles of names (``al``, ``bin``, ``van``, ``de``...)."""
    return _data.read_words("name_particles.txt")


@functools.cache
def suffixes() -> frozenset[str]:
    """Suffixes that follow a name (``Jr.``, ``III``), as written and without a final stop."""
    words = _data.read_words("name_suffixes.txt")
    return frozenset({*words, *(w.rstrip(".") for w in words)})


def is_suffix(token: str) -> bool:
    """Whether ``token`` is a name suffix, in any case: ``Jr.``, ``JR``, ``III``."""
    return token.casefold().rstrip(".") in _folded_suffixes()


@functools.cache
def _folded_suffixes() -> frozenset[str]:
    return frozenset(s.casefold().rstrip(".") for s in suffixes())


@functools.cache
def titles() -> dict[str, str]:
    """Titles and ranks before a name, keyed by their lower-case form without full stops."""
    return {_title_key(row[0]): row[1] for row in _data.read_rows("titles.tsv")}


def _title_key(title: str) -> str:
    return " ".join(title.replace(".", " ").casefold().split())


def _core_letters(token: str) -> str:
    """The letters of a token that decide its case: particles and ``d'``/``al-`` prefixes aside."""
    if token.casefold() in particles():
        return ""
    pieces = _PART.split(token)
    if len(pieces) >= 3 and (len(pieces[0]) <= 2 or pieces[0].casefold() in particles()):
        pieces = pieces[2:]
    return "".join(_LETTER.findall("".join(pieces)))


def is_shouting(name: str) -> bool:
    """Whether a name is written all in capitals or all in lower case (so it needs recasing).

    Initials, particles and prefixes such as ``d'`` do not count:
    ``TED d'AFFLISIO`` is in capitals.
    """
    letters = "".join(_core_letters(t) for t in name.split() if len(t.rstrip(".")) > 1)
    if not letters:
        return False
    return letters.isupper() or letters.islower()


def _recase_piece(piece: str) -> str:
    low = piece.casefold()
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:].capitalize()
    return low.capitalize()


def _recase_token(token: str, *, first: bool) -> str:
    low = token.casefold()
    if is_suffix(low):
        bare = low.rstrip(".")
        if bare in ("ii", "iii", "iv", "v", "md", "phd"):
            return token.upper()
        return bare.capitalize() + ("." if token.endswith(".") else "")
    if low in particles() and not first:
        return low
    if "." in low and len(low.replace(".", "")) <= 3:
        return low.upper()  # initials: R.J., A.
    pieces = _PART.split(token)
    out = []
    for i, piece in enumerate(pieces):
        if piece in ("-", "'"):
            out.append(piece)
        elif i == 0 and len(pieces) > 2 and pieces[1] == "-" and piece.casefold() in ("al", "el"):
            out.append(piece.casefold() if not first else piece.capitalize())
        else:
            out.append(_recase_piece(piece))
    return "".join(out)


def recase(name: str) -> str:
    """``name`` as a person would write it when it is in capitals or lower case, else unchanged.

    Particles after the first word are lower case (``al-Sudani``, ``van der Berg``);
    ``Mc`` names keep their inner capital (``McCune``); initials and roman
    numerals stay in capitals.
    """
    if not is_shouting(name):
        return name
    tokens = name.split()
    return " ".join(_recase_token(t, first=i == 0) for i, t in enumerate(tokens))


def strip_titles(tokens: list[str]) -> int:
    """How many leading tokens are titles or ranks (``Dr.``, ``Lt. Gen.``, ``1st Lt.``).

    >>> strip_titles(["Lt.", "Gen.", "Amir", "Haddad"])
    2
    """
    known = titles()
    count = 0
    while count < len(tokens):
        for width in (4, 3, 2, 1):
            key = _title_key(" ".join(tokens[count : count + width]))
            if count + width <= len(tokens) and key in known:
                count += width
                break
        else:
            return count
    return count
