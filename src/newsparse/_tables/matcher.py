"""The one matcher of alias tables: which entries a table names at a word of a text.

Both readers of a table ask it: :meth:`newsparse.AliasTable.find` (over a few
name tokens around each word its pre-scan picks) and the entities stage (over
the article's name tokens, :func:`newsparse._text.tokens_of`). Each then applies
its own rules around the answer: ``find`` keeps the unambiguous hits, longest
first and not overlapping; the stage passes over headlines, resolves a surname
by coreference before the table, and a surname of several people by the role
held on the article's date.

The tokens are :class:`~newsparse._text.NameToken` tuples in text order, with
positions of one normalised text; a :class:`~newsparse._tables.index.Hit` names
tokens ``first..last`` (exclusive), the entries and how they were matched
(``table``: as written, ``variant``: through the spelling folding, ``fuzzy``: one
edit away).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

from newsparse._tables.index import Hit, Index, common_words, with_article
from newsparse._text import (
    CAPITALISED_OF,
    DEFAULT_WORDS,
    FOLDED_OF,
    VARIANT_OF,
    NameToken,
    ends_in_title,
    is_article,
)
from newsparse.model import MatchMethod

__all__ = ["Matcher"]

# How many given names before a surname may join its match (as Index.extend_back reads).
_GIVEN_NAMES = 3


class Matcher:
    """The hits of one table's :class:`Index` in name tokens.

    >>> from newsparse._tables.types import AliasEntry
    >>> from newsparse._text import tokens_in
    >>> from newsparse.model import EntityType
    >>> index = Index([AliasEntry("Q1", "Mohammed Shia al-Sudani", EntityType.PERSON)])
    >>> text = "PM Muhammad Shia' Al-Sudani met Sudani."
    >>> tokens = tokens_in(text, 0, len(text))
    >>> [(h.first, h.last, sorted(h.ids), h.how.value) for h in Matcher(index).names(tokens)]
    [(1, 5, ['Q1'], 'variant')]
    >>> hit = Matcher(index).surname_at(text, tokens, 6)
    >>> hit.first, hit.last, hit.how.value
    (6, 7, 'variant')
    """

    __slots__ = ("index",)

    def __init__(self, index: Index) -> None:
        self.index = index

    def name_at(self, tokens: Sequence[NameToken], i: int, longest: int) -> Hit | None:
        """The longest name of at most ``longest`` tokens starting at token ``i``, with
        the article joined before it (``Al-Sudani`` starts at ``Al``).

        Its ``ids`` may be several entries (two people of one name): the caller
        decides what an ambiguous name is. ``None`` when no name starts there.
        """
        index = self.index
        reach = 1
        while reach < longest and i + reach < len(tokens) and tokens[i + reach - 1].joins:
            reach += 1
        if reach > 1:
            second = tokens[i + 1]
            if not (
                is_article(second.folded) or index.may_continue(tokens[i].variant, second.variant)
            ):
                reach = 1  # no name of two words or more starts with these two
        for n in range(reach, 0, -1):
            hit = index.lookup(tokens, i, i + n)
            if hit is not None:
                first = with_article(tokens, i)
                return hit if first == i else hit._replace(first=first)
        return None

    def surname(self, variant: str) -> tuple[str, MatchMethod] | None:
        """The one person of the table with this (variant) surname, one typo forgiven
        in a long one, and how (``variant``, else ``fuzzy``); ``None`` for none or two."""
        index = self.index
        one = index.person(variant)
        return None if one is None else (index.entries[one[0]].id, one[1])

    def surname_at(self, norm: str, tokens: Sequence[NameToken], i: int) -> Hit | None:
        """The one person whose surname token ``i`` is (see :meth:`surname`), with the
        given names before it that name the same person (``Masoud Pezeshekian``) and
        an article joined before.

        ``None`` when no person or two have the surname, and when the surname ends
        someone else's name (see :func:`another_given_name`). ``norm`` is the text
        the tokens' positions are of.
        """
        index = self.index
        one = index.person(tokens[i].variant)
        if one is None:
            return None
        number, how = one
        ids = frozenset((index.entries[number].id,))
        first = with_article(tokens, i)
        begin = index.extend_back(tokens, first, i + 1, ids, number)
        if begin == first and another_given_name(norm, tokens, first):
            return None
        return Hit(begin, i + 1, ids, how)

    def names(self, tokens: Sequence[NameToken], *, headings: bool = False) -> list[Hit]:
        """The longest names of the table, left to right, not overlapping (ambiguous
        ones too); an article joined before a name is left to the name before it.

        Words in headlines (``NameToken.heading``) start none unless ``headings``.
        """
        # A name starts at a capitalised word. For those, the longest name each may
        # start is looked up column-wise in C; the loop visits only words that start one.
        capitalised = list(compress(range(len(tokens)), map(CAPITALISED_OF, tokens)))
        words = list(map(tokens.__getitem__, capitalised))
        get = self.index.longest_at.__getitem__
        by_variant = map(get, map(VARIANT_OF, words))
        by_folded = map(get, map(FOLDED_OF, words))
        longest_from = [v or f or 0 for v, f in zip(by_variant, by_folded, strict=True)]
        hits: list[Hit] = []
        covered = 0  # the first token not yet inside a match
        starting = compress(capitalised, longest_from)
        for j, longest in zip(starting, filter(None, longest_from), strict=True):
            if j < covered or (tokens[j].heading and not headings):
                continue
            hit = self.name_at(tokens, j, longest)
            if hit is None:
                continue
            hits.append(hit if hit.first >= covered else hit._replace(first=j))
            covered = hit.last
        return hits


def another_given_name(norm: str, tokens: Sequence[NameToken], first: int) -> bool:
    """Whether the surname at token ``first`` ends someone else's name: a capitalised
    word joined before it that is not the entry's given name (``Arthur Miller`` for a
    table's James Miller), nor a title (``Treasury Secretary Baker``), nor a common
    word opening the sentence (``Yesterday Miller said``). The entities stage reads
    such a run as one name, and a surname alone never stands for two people.
    """
    if first == 0:
        return False
    before = tokens[first - 1]
    if not (before.capitalised and before.joins) or before.possessive:
        return False
    if before.folded in common_words() and _opens_sentence(norm, before.start):
        return False
    words = [t.text for t in tokens[max(0, first - 1 - _GIVEN_NAMES) : first]]
    return not ends_in_title(words, DEFAULT_WORDS)


def _opens_sentence(norm: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or a line (a few characters back)."""
    gap = start
    while gap > 0 and start - gap < 8 and norm[gap - 1] in " \t\"'(":
        gap -= 1
    return gap == 0 or norm[gap - 1] in ".!?:;-\n\u2014"
