"""Alias tables: the user's list of canonical entities and the names they go by.

A table is loaded from JSON (a list of records) or CSV (a header
``id,name,type,aliases`` with aliases separated by ``|``), from one file or
several merged. Loading checks everything and either returns the whole table
or raises an :class:`~newsparse.AliasTableError` naming the file, the line (or
record) and the field; it never returns half a table.

>>> table = AliasTable.from_records([
...     {"id": "Q1", "name": "Ada Lovelace", "type": "PERSON", "aliases": ["Countess of Lovelace"]},
... ])
>>> table["Q1"].aliases
('Countess of Lovelace',)
>>> try:
...     AliasTable.from_records([{"id": "Q1", "name": "Ada", "type": "HUMAN"}], source="a.json")
... except AliasTableError as error:
...     print(error.source, error.record, error.field, "-", error.detail)
a.json 1 type - 'HUMAN' is not one of PERSON, ORG, PLACE, OTHER
"""

from __future__ import annotations

import csv
import datetime as _dt
import difflib
import hashlib
import io
import json
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain, compress, repeat
from operator import attrgetter, is_
from typing import Any, NamedTuple, cast

import attrs

from newsparse._memo import Memo
from newsparse._tables.cache import SUFFIX, is_cache, read_cache, write_cache
from newsparse._tables.index import (
    _UNSEEN,
    Hit,
    Index,
    common_words,
    is_common_word,
    role_words,
    with_article,
)
from newsparse._tables.matcher import Matcher
from newsparse._tables.types import AliasEntry, Role, TableMatch, TableSource
from newsparse._tables.wikidata import (
    Chosen,
    Item,
    entries_of,
    open_text,
    read_items,
    wikidata_types,
)
from newsparse._text import (
    ARTICLES,
    FOLDED_WORDS,
    VARIANT_WORDS,
    NameToken,
    TextView,
    is_article,
    tokens_from,
    tokens_in,
    tokens_reach,
)
from newsparse.errors import AliasTableError, AliasTableWarning, InvalidArgumentError
from newsparse.model import EntityType, MatchMethod

__all__ = [
    "AliasEntry",
    "AliasTable",
    "Hit",
    "Matcher",
    "Role",
    "TableMatch",
    "TableSource",
    "role_words",
]

_TYPES = ", ".join(t.value for t in EntityType)
# The keys a JSON record and a role may have, and the columns of a CSV table. Any
# other is refused: a misspelt key ("alias") would otherwise drop what it holds.
_RECORD_KEYS = ("id", "name", "type", "aliases", "roles")
_ROLE_KEYS = ("title", "start", "end")
_CSV_COLUMNS = ("id", "name", "type", "aliases")
# How deep a JSON table may nest (list, record, roles, role, value); deeper is no
# table, and is refused before Python's recursion limit is reached.
_DEEPEST = 8


def _capitals() -> str:
    """A character class of every upper- and title-case letter of the BMP, for ``re``."""
    chars = [chr(c) for c in range(0x10000) if chr(c).isupper() or chr(c).istitle()]
    return "".join(re.escape(c) for c in chars)


# Words a key can start with: capitalised, or digits, with no word character before.
# The standard library's engine scans for a leading bitmap class fastest. A lower-case
# "al-" before a name is added back from the words around a match.
_CAPITALS = _capitals()
_KEY_START = re.compile(rf"[{_CAPITALS}\d](?<!\w.)\w*(?:'(?![sS]\b)\w+)*")
# The same without numbers, for the tables (most) where no name holds a digit.
_KEY_START_LETTER = re.compile(rf"[{_CAPITALS}](?<!\w.)\w*(?:'(?![sS]\b)\w+)*")
# Characters around a word that may start a key: an article before it, three given
# names before a surname, and the longest key after it (per word).
_ARTICLE_BEFORE = 4
_NAMES_BEFORE = 60
_WORD_AFTER = 30


# The gap after a word where a name may go on (as NameToken.joins reads it), and the next word.
# Read with ``re``, whose ``\w`` the name tokens use (newsparse._text.tokens_from): the
# word is the token after the gap, whenever the gap joins.
_NEXT_WORD = re.compile(r"(?:'?[ \t]*+\n?[ \t]*+|-|\.[ \t]*+)(\w++(?:'(?![sS]\b)\w++)*+)")
_GAP_CHARS = frozenset(" \t\n-'.")


# How many words a table remembers between calls of find; past that it starts afresh.
_WORDS_REMEMBERED = 1 << 17


class _Start(NamedTuple):
    """What a word of the text can start: its keys, the longest name, a surname's person."""

    folded: str
    variant: str
    longest: int  # the most tokens of a name starting with the word (0: none)
    alone: tuple[str, MatchMethod] | None  # the one entry the word alone names, and how
    surname: tuple[str, MatchMethod] | None  # the one person whose surname it is, and how


def _starting(matcher: Matcher, word: str) -> _Start | None:
    """What ``word`` can start, or ``None`` when no match starts at it."""
    index = matcher.index
    folded = FOLDED_WORDS[word]
    variant = VARIANT_WORDS[folded]
    # Looked up once per word (this answer is remembered), most words as one key.
    by_variant = index.longest_start(variant)
    by_folded = by_variant if folded == variant else index.longest_start(folded)
    longest = by_variant or by_folded or 0
    if not longest and by_variant is None and not index.may_be_near_surname(variant):
        return None  # no name starts with it, it is no surname, nor one typo from one
    people = index.surname_numbers(variant, True, 2)
    if not longest and not people:
        return None
    surname = matcher.surname(variant) if len(people) == 1 else None  # one person, or none
    alone = _alone(index, word, variant) if longest else None  # a surname only: no name
    return _Start(folded, variant, longest, alone, surname)


def _alone(index: Index, word: str, variant: str) -> tuple[str, MatchMethod] | None:
    """The one entry that ``word`` alone names, as a name token, and how; ``None`` for none
    or several. What a name of one token names depends on its characters alone.

    Most words that start a name start only longer ones: when no key is the word's
    variant, the token is not built. (A word is its one token when it opens with a
    word character; the few capitals that are none, such as ``Ⓐ``, are read.)
    """
    if word[0].isalnum() and not index.may_be_key(variant):
        return None
    hit = index.lookup(tokens_from(word, 0, len(word), 1), 0, 1)
    return None if hit is None or len(hit.ids) != 1 else (next(iter(hit.ids)), hit.how)


def _continues(norm: str, end: int, start: _Start, index: Index, read: _Reading) -> bool:
    """Whether a name of two tokens or more may start at the word ending at ``end``
    (the gap after it joins, and the next word, read no further than the characters
    a name from the word may cover, is an article or a name's second word after this
    one). When not, the longest name there is the word alone: the name tokens of the
    text reach no further. The answer for two words is remembered (``read.follows``)."""
    after = _NEXT_WORD.match(norm, end, end + _WORD_AFTER * (start.longest - 1) + 1)
    if after is None:
        return False
    key = (start.variant, after.group(1))
    known = read.follows.get(key)
    if known is None:
        second = FOLDED_WORDS[key[1]]
        known = is_article(second) or index.may_continue_once(start.variant, VARIANT_WORDS[second])
        read.follows.keep(key, known, len(key[0]) + len(key[1]))
    return known


def _joined_before(norm: str, start: int) -> bool:
    """Whether the word before ``start`` may be part of the same name (capitalised, or an
    article, with only a joining gap between). Never false when it is."""
    j = start - 1
    while j >= 0 and j >= start - 4 and norm[j] in _GAP_CHARS:
        j -= 1
    if j == start - 1 or j < 0:
        return False
    if j < start - 4:
        return True  # a long gap: let the words decide
    if not (norm[j].isalnum() or norm[j] == "_"):
        return False
    lo = j
    while lo > 0 and lo > j - 40 and (norm[lo - 1].isalnum() or norm[lo - 1] in "_'"):
        lo -= 1
    word = norm[lo : j + 1].lstrip("'")
    if lo <= j - 40 or not word:
        return True
    return word[0].isupper() or word[0].isdigit() or is_article(FOLDED_WORDS[word])


def _window(norm: str, lo: int, hi: int) -> list[NameToken]:
    """The name tokens of ``norm[lo:hi]``, without a word cut by the window's start."""
    lo = max(lo, 0)
    tokens = tokens_in(norm, lo, hi)
    if (
        tokens
        and lo > 0
        and tokens[0].start == lo
        and (norm[lo - 1].isalnum() or norm[lo - 1] == "_")
    ):
        del tokens[0]
    return tokens


def _longest_name(matcher: Matcher, tokens: Sequence[NameToken], longest: int) -> _Named | None:
    """The longest name of one entry of at most ``longest`` tokens starting at the first
    of ``tokens``: the token after its last, its entry and how; ``None`` for none, or a
    name of several entries. It depends on the tokens' texts and joins alone."""
    hit = matcher.name_at(tokens, 0, longest)
    if hit is None or len(hit.ids) != 1:
        return None
    return hit.last, next(iter(hit.ids)), hit.how


_TEXT_OF = attrgetter("text")
_JOINS_OF = attrgetter("joins")


# The last letter of each article, in both cases: ASCII text without them holds none.
_ARTICLE_ENDS = frozenset(c for a in ARTICLES for c in (a[-1], a[-1].upper()))
# The ASCII characters that are no word character (``\w``).
_ASCII_NON_WORD = "".join(c for c in map(chr, range(128)) if not (c.isalnum() or c == "_"))


def _article_start(articles: Memo[str, int], norm: str, span: tuple[int, int], covered: int) -> int:
    """Where a name at the word at ``span`` starts once an article just before it is
    joined (:func:`_article_before`), unless the match before, ending at ``covered``,
    holds the article. Remembered by the few characters before the word."""
    begin = span[0]
    lo = begin - _ARTICLE_BEFORE if begin > _ARTICLE_BEFORE else 0
    key = norm[lo - 1 if lo else 0 : begin]
    before = articles.get(key)
    if before is None:
        before = _article_before(norm, lo, span)
        articles.keep(key, before, len(key))
    return begin if begin + before < covered else begin + before


def _article_before(norm: str, lo: int, span: tuple[int, int]) -> int:
    """Where a name at the word at ``span`` starts once an article before it is joined,
    as an offset from the word (0 or less), read from the name tokens from ``lo`` to
    the word's end (those before the word are the same in any longer window)."""
    start, end = span
    before = norm[lo:start]
    if before.isascii():
        # The token before the word ends with the last word character before it
        # (a possessive's s, after an apostrophe, joins no name); in ASCII it folds
        # to an article only when that character is an article's last letter.
        last = before.rstrip(_ASCII_NON_WORD)
        if not last or last[-1] not in _ARTICLE_ENDS:
            return 0
    tokens = _window(norm, lo, end)
    k = next(j for j, t in enumerate(tokens) if t.start == start)
    return tokens[with_article(tokens, k)].start - start


#: The longest name at a word: the token after its last (or, where said, the end of
#: that token as an offset from the word's start), its entry and how.
_Named = tuple[int, str, MatchMethod]
#: A match find makes: where it starts and ends in the normalised text, its entry and how.
_Hit = tuple[int, int, str, MatchMethod]
#: What find reads at a word: where the match starts and ends, as offsets from the
#: word's start, the entry and how it was matched.
_Found = tuple[int, int, str, MatchMethod]
# The characters before a word that tell whether it opens a sentence (as
# newsparse._tables.matcher reads them), and one more.
_SENTENCE_BEFORE = 9
# The characters after a word that end its name token (see newsparse._text.tokens_in).
_AFTER_WORD = 2
# The words before a surname its match may read (an article, three given names, a
# title of up to four words before them; see Matcher.surname_at), and one more.
_WORDS_BACK = 6
# The name tokens before a surname that the matcher reads: an article, and the four
# words before it that may end in a title (see matcher.another_given_name).
_TOKENS_BACK = 5
# A run of word characters joined by apostrophes. Each holds one name token at least
# (a lone ``s`` after an apostrophe, a possessive, none), and no token spans two.
_UNIT = re.compile(r"\w+(?:'\w+)*")


def _word_or_apostrophe(char: str) -> bool:
    return char.isalnum() or char in "_'"


def _may_be_capitalised(unit: str) -> bool:
    """Whether a run of :data:`_UNIT` may hold a capitalised name token (or a number)."""
    return unit[0].isupper() or unit[0].isdigit() or "'" in unit


class _Reading:
    """What :meth:`AliasTable.find` read at the words of texts, remembered by the
    characters that decided it, so that what a text repeats is read once.

    ``spans``: the name of several tokens at a word, as the end of its last token
    from the word's start, its entry and how, by the characters its tokens are read
    from (:func:`~newsparse._text.tokens_reach`), so that the tokens are built only
    the first time; ``names``: the same (:func:`_longest_name`), by the texts and
    joins of the tokens read, for the same name in another context; ``follows``:
    whether a name of several tokens may start with a word and the next
    (:func:`_continues`), by the word's variant and the next word; ``articles``:
    where a name starts once an article before it is joined, by the characters
    before the word; ``surnames``: the person a surname names with the given names
    before it (:data:`_Found`), by the characters around it that its reading reads,
    and ``windows`` the same by the whole window of characters it may read.
    Each is a bounded :class:`~newsparse._memo.Memo`; the keys of ``surnames`` hold
    the characters with the positions in them of the word and of the window's edges.
    """

    __slots__ = ("articles", "follows", "names", "spans", "surnames", "windows")

    def __init__(self) -> None:
        self.spans: Memo[tuple[int, int, str, bool], _Named | None] = Memo()
        self.names: Memo[tuple[int, tuple[str, ...], tuple[bool, ...]], _Named | None] = Memo()
        self.follows: Memo[tuple[str, str], bool] = Memo()
        self.articles: Memo[str, int] = Memo()
        self.surnames: Memo[tuple[str, int, int, int], _Found | None] = Memo()
        self.windows: Memo[tuple[str, int, int, int], _Found | None] = Memo()

    def clear(self) -> None:
        for memo in (
            self.spans,
            self.names,
            self.follows,
            self.articles,
            self.surnames,
            self.windows,
        ):
            memo.clear()


_GROUP = re.Match.group
# The characters of text scanned at a time by find: in news, some 150 words a key can
# start with (match objects), well under the 700 allocations between two collections
# of the garbage collector's youngest generation.
_BLOCK = 1 << 12


def _blocks(norm: str) -> Iterator[tuple[int, int]]:
    """Ranges of ``norm`` of about :data:`_BLOCK` characters, each ending after a space
    or a line break (so that no word is cut), or at the text's end."""
    lo = 0
    while lo < len(norm):
        hi = len(norm) if lo + _BLOCK >= len(norm) else _space_after(norm, lo + _BLOCK)
        yield lo, hi
        lo = hi


def _space_after(norm: str, position: int) -> int:
    """The position after the first space or line break at or after ``position``."""
    space = _SPACE.search(norm, position)
    return len(norm) if space is None else space.end()


_SPACE = re.compile(r"\s")


def _entries(entries: Iterable[AliasEntry]) -> tuple[AliasEntry, ...]:
    return tuple(entries)


def _sources(sources: Iterable[TableSource]) -> tuple[TableSource, ...]:
    return tuple(sources)


@attrs.frozen
class AliasTable:
    """A set of :class:`AliasEntry` with unique ids.

    Build one with :meth:`from_file`, :meth:`from_files` or :meth:`from_records`.
    Tables are immutable; :meth:`merge` makes a new one from several.

    ``sources`` names the table files the entries came from, in order (see
    :class:`TableSource`); it is empty for a table built from records, and for a
    merge of tables of which one has no file. It plays no part in equality.
    """

    entries: tuple[AliasEntry, ...] = attrs.field(converter=_entries)
    sources: tuple[TableSource, ...] = attrs.field(
        default=(), converter=_sources, kw_only=True, eq=False
    )
    _by_id: dict[str, AliasEntry] = attrs.field(init=False, repr=False, eq=False)
    _index: list[Index] = attrs.field(init=False, repr=False, eq=False, factory=list)
    # What each word of the text can start, remembered across calls of find (bounded).
    _words: Memo[str, _Start | None] = attrs.field(
        init=False, repr=False, eq=False, factory=lambda: Memo(_WORDS_REMEMBERED)
    )
    # What find read at a word, by the characters that decide it (see _Reading).
    _read: _Reading = attrs.field(init=False, repr=False, eq=False, factory=lambda: _Reading())

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, AliasEntry] = {}
        for number, entry in enumerate(self.entries, 1):
            if entry.id in by_id:
                raise AliasTableError(
                    f"duplicate id {entry.id!r}; every entry needs its own id",
                    record=number,
                    field="id",
                )
            by_id[entry.id] = entry
        object.__setattr__(self, "_by_id", by_id)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[AliasEntry]:
        return iter(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def __getitem__(self, entry_id: str) -> AliasEntry:
        return self._by_id[entry_id]

    def get(self, entry_id: str) -> AliasEntry | None:
        """The entry with this id, or ``None``."""
        return self._by_id.get(entry_id)

    @property
    def index(self) -> Index:
        """The matching index, built on first use."""
        if not self._index:
            self._index.append(Index(self.entries))
        return self._index[0]

    def adopt_index(self, index: Index) -> None:
        """Use an index built elsewhere (a cache file) for this table's entries."""
        self._index[:] = [index]
        self._words.clear()
        self._read.clear()

    def save_cache(self, path: str | os.PathLike[str]) -> None:
        """Write the table and its matching index to a cache file (``.npcache``).

        :meth:`from_file` loads it many times faster than the JSON or CSV it came
        from. A cache belongs to the version of newsparse that wrote it; another
        version refuses it, and it is rebuilt from the source table. The file is
        written atomically (a temporary file, fsync, rename), and records the
        table's :attr:`sources`, so that :meth:`from_files` can tell when it is stale.
        """
        write_cache(path, self.entries, self.index, self.sources)

    @classmethod
    def from_cache(cls, path: str | os.PathLike[str]) -> AliasTable:
        """A table from a cache file written by :meth:`save_cache`.

        Raises :class:`~newsparse.AliasTableError` naming the file and what is
        wrong when it is not a cache, was written by another version, or is
        damaged or crafted: every section is checked against the file and the
        entries before use (see :mod:`newsparse._tables.cache`).
        """
        entries, sources, index = read_cache(path)
        table = cls(entries, sources=sources)
        table.adopt_index(index)
        return table

    def __getstate__(self) -> dict[str, Any]:
        # The index travels with the table once built, so worker processes need not
        # build it again.
        return {
            "entries": self.entries,
            "sources": self.sources,
            "index": self._index[0].state() if self._index else None,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["entries"], sources=state.get("sources", ()))  # type: ignore[misc]
        if state.get("index") is not None:
            self._index.append(Index.from_state(self.entries, state["index"]))

    def find(self, text: str) -> list[TableMatch]:
        """The table's matches in ``text``: longest first, left to right, not overlapping.

        A name or alias matches through the spelling folding (see
        :mod:`newsparse._text.names`); a surname alone matches when exactly one person
        of the table has it. An alias in capitals (``ISIS``) matches only in
        capitals.

        >>> table = AliasTable.from_records([{"id": "Q1", "name": "Mohammed Shia al-Sudani",
        ...     "type": "PERSON"}])
        >>> found = table.find("PM Muhammad Shia' Al-Sudani met Sudani.")
        >>> [(m.text, m.entry_id, m.how.value) for m in found]
        [("Muhammad Shia' Al-Sudani", 'Q1', 'variant'), ('Sudani', 'Q1', 'variant')]
        """
        view = TextView(text)
        norm = view.norm
        index = self.index
        # One scan for the words a key can start with, a block of text at a time;
        # each distinct word is folded and looked up once, and remembered for later
        # calls (news repeats its words). The loop in Python visits only the words
        # that may start a match. The blocks are small: the match objects of a block
        # are dropped before the garbage collector moves them to its old generation,
        # where enough of them set off collections that walk every object of the
        # process (a large table's entries among them) for nothing.
        matcher = Matcher(index)
        matches: list[TableMatch] = []
        covered = 0
        scan = _KEY_START if index.digits else _KEY_START_LETTER
        for lo, hi in _blocks(norm):
            found = list(scan.finditer(norm, lo, hi))
            starts = self._starts(matcher, list(map(_GROUP, found)))
            covered = self._matches_in(matcher, view, text, found, starts, covered, matches)
        return matches

    def _starts(self, matcher: Matcher, words: list[str]) -> list[_Start | None]:
        """What each of ``words`` can start: looked up in C, and read for the words
        not seen before (:func:`_starting`), which are remembered."""
        starting = self._words
        starts = list(map(starting.get, words, repeat(_UNSEEN)))
        for i in compress(range(len(starts)), map(is_, starts, repeat(_UNSEEN))):
            start = starting.get(words[i], _UNSEEN)
            if start is _UNSEEN:  # kept within bounds of entries and characters
                start = _starting(matcher, words[i])
                starting.keep(words[i], start, len(words[i]))
            starts[i] = start
        return starts

    def _matches_in(
        self,
        matcher: Matcher,
        view: TextView,
        text: str,
        found: list[re.Match[str]],
        starts: list[_Start | None],
        covered: int,
        matches: list[TableMatch],
    ) -> int:
        """Add to ``matches`` those at the words ``found`` (what each can start is
        ``starts``), after ``covered`` (the end of the match before); the end of the
        last match added.

        The commonest cases are read here, without a call: the word's own answer
        (:attr:`_Start.alone`) where no name of several tokens may start
        (:func:`_continues`), else the name of several tokens read from the text
        (:meth:`_name_after`), with an article before either; else the surname
        there (:meth:`_surname_hit`). After an apostrophe, which may join the word to
        the one before, :meth:`_hit_at` reads it.
        """
        norm = view.norm
        index = matcher.index
        read = self._read
        articles = read.articles
        for at, start in zip(compress(found, starts), filter(None, starts), strict=True):
            begin, end = span = at.span()
            if begin < covered:
                continue
            if begin and norm[begin - 1] == "'":
                hit = self._hit_at(matcher, norm, span, start, covered)
            else:
                if start.longest < 2 or not _continues(norm, end, start, index, read):
                    named = None if start.alone is None else (end, *start.alone)
                else:
                    named = self._name_after(matcher, norm, begin, end, start.longest)
                if named is None:
                    hit = self._surname_hit(matcher, norm, span, start, covered)
                else:
                    hit = (_article_start(articles, norm, span, covered), *named)
            if hit is None:
                continue
            first, covered, entry_id, how = hit
            a, b = view.span(first, covered)
            matches.append(TableMatch(a, b, text[a:b], entry_id, how))
        return covered

    def _hit_at(
        self, matcher: Matcher, norm: str, span: tuple[int, int], word: _Start, covered: int
    ) -> _Hit | None:
        """The longest name at a word, else the surname there: start, end, entry and how.

        Cheap tests on the characters around the word come first; the tokens after
        it are read (:meth:`_name_at`) only when a name of several may start there,
        and the :class:`Matcher` decides from them. A name of two entries is no
        match; the words before ``covered`` (the end of the match before) are left
        to that match.
        """
        start = span[0]
        if (
            start > 1
            and norm[start - 1] == "'"
            and (norm[start - 2].isalnum() or norm[start - 2] == "_")
        ):
            return None  # the end of a word joined by an apostrophe ("d'Estaing")
        found = self._name_at(matcher, norm, span, word) if word.longest else None
        if found is None:
            return self._surname_hit(matcher, norm, span, word, covered)
        before, after, entry_id, how = found
        # An article or given name before the end of the match before is left to it.
        return start if start + before < covered else start + before, start + after, entry_id, how

    def _surname_hit(
        self, matcher: Matcher, norm: str, span: tuple[int, int], word: _Start, covered: int
    ) -> _Hit | None:
        """The surname at the word at ``span`` with the given names before it that
        name the same person (:meth:`_surname_at`), where no name starts there:
        start, end, entry and how; ``None`` when the word is no surname of one person."""
        if word.surname is None:
            return None
        start, end = span
        if not _joined_before(norm, start):
            # No word before that may join the name: the surname's own answer.
            return start, end, *word.surname
        found = self._surname_at(matcher, norm, span)
        if found is None:
            return None
        before, after, entry_id, how = found
        # An article or given name before the end of the match before is left to it.
        return start if start + before < covered else start + before, start + after, entry_id, how

    def _name_at(
        self, matcher: Matcher, norm: str, span: tuple[int, int], word: _Start
    ) -> _Found | None:
        """The longest name of one entry at the word at ``span``, with an article just
        before it, as offsets from the word's start (:data:`_Found`).

        Where no name of two tokens or more may start (:func:`_continues`), the
        answer is the word's own (:attr:`_Start.alone`, read once per word). Else
        the name is read from the few tokens it may cover, straight from the text
        (:func:`~newsparse._text.tokens_from`): the same tokens as a window of the
        text from a few characters before the word to ``_WORD_AFTER`` characters a
        token after it would give. After an apostrophe, which may join the word to
        the one before or drop it, that window is read instead. The article before
        the word is remembered by the few characters before it.
        """
        start, end = span
        longest = word.longest
        if start and norm[start - 1] == "'":
            return self._name_in_window(matcher, norm, span, longest)
        if longest > 1 and _continues(norm, end, word, self.index, self._read):
            named = self._name_after(matcher, norm, start, end, longest)
            if named is None:
                return None
        elif word.alone is not None:
            named = end, *word.alone
        else:
            return None
        last, entry_id, how = named
        before = _article_start(self._read.articles, norm, span, 0) - start
        return before, last - start, entry_id, how

    def _name_after(
        self, matcher: Matcher, norm: str, start: int, end: int, longest: int
    ) -> _Named | None:
        """The longest name of several tokens at the word from ``start`` to ``end``:
        the end of its last token, its entry and how (:meth:`_name_from`),
        remembered by the characters its tokens are read from."""
        hi = end + _WORD_AFTER * (longest - 1) + 1
        reach = tokens_reach(norm, start, hi, longest)
        key = (longest, hi - start, norm[start:reach], reach == len(norm))
        spans = self._read.spans
        known = spans.get(key, _UNSEEN)
        if known is _UNSEEN:
            known = self._name_from(matcher, norm, start, hi, longest)
            spans.keep(key, known, len(key[2]))
        if known is None:
            return None
        after, entry_id, how = known
        return start + after, entry_id, how

    def _name_from(
        self, matcher: Matcher, norm: str, start: int, hi: int, longest: int
    ) -> _Named | None:
        """The longest name of one entry at the word at ``start`` read from the tokens
        after it (:func:`_longest_name`), with the end of its last token as an offset
        from the word's start. Remembered by the tokens' texts and joins."""
        tokens = tokens_from(norm, start, hi, longest)
        read = self._read.names
        key = (longest, tuple(map(_TEXT_OF, tokens)), tuple(map(_JOINS_OF, tokens)))
        known = read.get(key, _UNSEEN)
        if known is _UNSEEN:
            known = _longest_name(matcher, tokens, longest)
            read.keep(key, known, sum(map(len, key[1])))
        if known is None:
            return None
        last, entry_id, how = known
        return tokens[last - 1].end - start, entry_id, how

    def _name_in_window(
        self, matcher: Matcher, norm: str, span: tuple[int, int], longest: int
    ) -> _Found | None:
        """:meth:`_name_at` read from the name tokens of the window around the word."""
        start, end = span
        lo = max(start - _ARTICLE_BEFORE, 0)
        tokens = _window(norm, lo, end + _WORD_AFTER * (longest - 1) + 1)
        k = next((j for j, t in enumerate(tokens) if t.start == start), None)
        hit = None if k is None else matcher.name_at(tokens, k, longest)
        if hit is None or len(hit.ids) != 1:
            return None
        before = tokens[with_article(tokens, k)].start - start  # type: ignore[arg-type]
        return before, tokens[hit.last - 1].end - start, next(iter(hit.ids)), hit.how

    def _surname_at(self, matcher: Matcher, norm: str, span: tuple[int, int]) -> _Found | None:
        """The one person whose surname the word at ``span`` is, with the given names
        or the article before it, as offsets from the word's start.

        Remembered by the characters that decide it: the words before the surname
        that its match may read (back to a word in lower case that is no article, or
        at most an article, three given names and a title before them), with the few
        before those that tell whether a word opens a sentence (see
        newsparse._tables.matcher), and the few after the surname that end it; the
        whole window, with where it starts, when it holds fewer words.
        """
        start, end = span
        lo = max(start - _NAMES_BEFORE, 0)
        read = self._read
        # First by the whole window the reading may look at (a slice: what a text
        # repeats costs no more), then by the few words of it that decide.
        window = max(lo - _SENTENCE_BEFORE, 0)
        seen = (norm[window : end + _AFTER_WORD], start - window, end - start, lo - window)
        known = read.windows.get(seen, _UNSEEN)
        if known is _UNSEEN:
            known = self._surname_read(matcher, norm, span, lo)
            read.windows.keep(seen, known, len(seen[0]))
        return known  # type: ignore[no-any-return]

    def _surname_read(
        self, matcher: Matcher, norm: str, span: tuple[int, int], lo: int
    ) -> _Found | None:
        """:meth:`_surname_at` remembered by the words that decide it (``lo``: where
        the window of characters before the surname starts)."""
        start, end = span
        # A lone s (a possessive's) is not counted; every other unit holds a token at least.
        units = [u for u in _UNIT.finditer(norm, lo, start) if u.group() not in ("s", "S")]
        first = lo
        for words, unit in enumerate(reversed(units), 1):
            text = unit.group()
            if words > _WORDS_BACK:
                first = unit.start()
                break
            if not (_may_be_capitalised(text) or is_article(FOLDED_WORDS[text])):
                first = unit.start()  # no name reaches back over it
                break
        first = max(first - _SENTENCE_BEFORE, 0)
        key = (norm[first : end + _AFTER_WORD], start - first, end - start, lo - first)
        read = self._read
        remembered = read.surnames.get(key, _UNSEEN)
        if remembered is not _UNSEEN:
            return remembered  # type: ignore[no-any-return]
        # The tokens from a unit's start are those of any longer window from there on
        # (no word character, nor an apostrophe joining one, comes just before it):
        # the window starts at the furthest unit the matcher may read, and they are
        # read straight from the text unless a character just before the unit could
        # join or cut it (the first unit of the window may be cut by its start).
        back = units[-_TOKENS_BACK].start() if len(units) >= _TOKENS_BACK else lo
        if back == lo or _word_or_apostrophe(norm[back - 1]):
            tokens = _window(norm, back, end + 1)
        else:
            tokens = tokens_from(norm, back, end + 1, end + 1 - back, through=True)
        k = next((j for j, t in enumerate(tokens) if t.start == start), None)
        hit = None if k is None else matcher.surname_at(norm, tokens, k)
        found = None
        if hit is not None:
            found = (
                tokens[hit.first].start - start,
                tokens[hit.last - 1].end - start,
                next(iter(hit.ids)),
                hit.how,
            )
        read.surnames.keep(key, found, len(key[0]))
        return found

    @classmethod
    def merge(cls, tables: Iterable[AliasTable]) -> AliasTable:
        """One table holding the entries of all; an id used twice is an error.

        A single table comes back as it is, with its index (a cache file's stays
        ready to use); several are indexed afresh on first use. The sources are
        kept when every table has them.
        """
        tables = list(tables)
        if len(tables) == 1:
            return tables[0]
        entries: list[AliasEntry] = []
        sources: list[TableSource] | None = []
        seen: dict[str, int] = {}
        for index, table in enumerate(tables):
            for entry in table.entries:
                if entry.id in seen:
                    raise AliasTableError(
                        f"duplicate id {entry.id!r}: tables {seen[entry.id] + 1} and {index + 1} "
                        "both define it; rename one or drop it from one table",
                        field="id",
                    )
                seen[entry.id] = index
                entries.append(entry)
            if sources is not None and (table.sources or not table.entries):
                sources += table.sources
            else:
                sources = None
        return cls(entries, sources=sources or ())

    # ------------------------------------------------------------------
    # loading

    @classmethod
    def from_records(
        cls, records: Sequence[Mapping[str, Any]], *, source: str = "<records>"
    ) -> AliasTable:
        """A table from records shaped like the JSON format's, e.g. from ``json.load``.

        A key other than the format's is refused (a misspelt ``alias`` would drop
        the aliases); an alias that is a common word warns (:func:`_warn_common_words`).
        """
        if isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Sequence):
            raise AliasTableError(
                "an alias table is a list of records (JSON objects)", source=source
            )
        entries = [_entry(record, source=source, record=i) for i, record in enumerate(records, 1)]
        return _unique(entries, source=source, lines=None)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], *, format: str | None = None) -> AliasTable:
        """A table from a ``.json`` or ``.csv`` file (UTF-8, with or without BOM), or from
        a cache file (``.npcache``, see :meth:`save_cache`).

        ``format`` (``"json"`` or ``"csv"``) overrides the file's suffix. The table's
        :attr:`sources` names the file with the digest of its bytes.
        """
        source = os.fspath(path)
        kind = _kind(source, format)
        if kind == SUFFIX.lstrip("."):
            return cls.from_cache(source)
        return _parse(_read(source), source, kind)

    @classmethod
    def from_wikidata(
        cls,
        path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        languages: str | Sequence[str] = ("en",),
        types: Mapping[str, str | EntityType | None] | None = None,
    ) -> AliasTable:
        """A table from Wikidata's JSON: entity dumps (one entity a line, plain or
        ``.gz``/``.bz2``), ``wbgetentities`` output, or SPARQL results; one file or several.

        An item's id is its Wikidata id; its name its label in the first of
        ``languages`` that has one (then ``mul``); its aliases its other labels and
        its aliases in those languages; its type that of the first of its classes
        (instance of, P31) in ``data/wikidata_classes.tsv`` or ``types`` (a class id
        to ``PERSON``, ``ORG``, ``PLACE``, ``OTHER``, or ``"skip"`` to leave its
        items out), else ``OTHER``; its roles its positions held (P39) with their
        start (P580) and end (P582), titled by the position's label (the position
        must be in the input too, else its id titles the role). The mapping is in
        docs/wikidata.md.

        A file that is not one of these shapes raises an
        :class:`~newsparse.AliasTableError` naming the file, the line (or record) and
        the field; what loads but is left out or only partly read (an item without
        a name in ``languages``, a role that ends before it starts, a position
        without a label, whose roles are titled by its id, a SPARQL variable not
        read) is told in an :class:`~newsparse.AliasTableWarning`.
        """
        paths = (
            [os.fspath(path)]
            if isinstance(path, (str, os.PathLike))
            else [os.fspath(p) for p in path]
        )
        order = _languages(languages)
        classes = wikidata_types(types)
        items: list[Item] = []
        for source in paths:  # a loop, not a comprehension: warnings name the caller's line
            items += _wikidata_items(source)
        chosen = entries_of(items, order, classes)
        _warn_left_out(chosen, order)
        loaded = []
        for source in paths:
            pairs = chosen.entries.get(source, [])
            lines = [line for _, line in pairs]
            known = TableSource(os.path.basename(source), _file_digest(source), len(pairs))
            table = _unique(
                [entry for entry, _ in pairs],
                source=source,
                lines=None if None in lines else cast("list[int]", lines),
                sources=(known,),
            )
            loaded.append((source, table))
        _refuse_shared_ids(loaded)
        return cls.merge(table for _, table in loaded)

    @classmethod
    def from_files(cls, paths: Iterable[str | os.PathLike[str]]) -> AliasTable:
        """One table from several files; an id defined in two files is an error naming both.

        A cache file may come with table files: a table file named (by its file
        name) among the cache's :attr:`sources` is already in the cache and is not
        loaded again, so ``from_files(["people.npcache", "people.json"])`` loads the
        cache alone. When that table file has changed since the cache was built
        (its digest differs), an :class:`~newsparse.AliasTableWarning` says the
        cache is stale, and the file's entries replace those the cache took from
        it (the index is then built afresh: rebuild the cache to load fast again).
        """
        sources = [os.fspath(path) for path in paths]
        caches = {i: cls.from_cache(p) for i, p in enumerate(sources) if is_cache(p)}
        loaded, stale = _load(sources, caches)
        for i, parts in stale.items():
            at = next(n for n, (source, _) in enumerate(loaded) if source == sources[i])
            loaded[at] = (sources[i], _without(caches[i], parts))
        _refuse_shared_ids(loaded)
        return cls.merge(table for _, table in loaded)


def _load(
    sources: Sequence[str], caches: Mapping[int, AliasTable]
) -> tuple[list[tuple[str, AliasTable]], dict[int, set[int]]]:
    """The tables of the files ``sources`` (paths), given the caches among them
    (by place in ``sources``, already loaded): each file's path with its table, in
    order, but for a table file a cache holds as it is; and, by cache, the places
    among its :attr:`~AliasTable.sources` of the files it holds stale copies of."""
    # Each file name a cache was built from: the cache, and the source's place in it.
    built_from: dict[str, tuple[int, int]] = {}
    for i, cache in caches.items():
        for k, known in enumerate(cache.sources):
            built_from.setdefault(known.name, (i, k))
    stale: dict[int, set[int]] = {}
    loaded: list[tuple[str, AliasTable]] = []
    for i, source in enumerate(sources):
        if i in caches:
            loaded.append((source, caches[i]))
            continue
        kind = _kind(source, None)
        data = _read(source)
        covered = built_from.get(os.path.basename(source))
        if covered is not None:
            cache_at, k = covered
            if _holds(caches[cache_at].sources[k], data, sources[cache_at], source):
                continue
            stale.setdefault(cache_at, set()).add(k)
        loaded.append((source, _parse(data, source, kind)))
    return loaded, stale


def _holds(known: TableSource, data: bytes, cache: str, source: str) -> bool:
    """Whether a cache (path ``cache``) holds the table file ``source`` (its bytes,
    ``data``) as it is, as ``known`` (the cache's record of the file) says; warns that
    the cache is stale when it does not. The warning names the caller of
    :meth:`AliasTable.from_files`."""
    if known.sha256 == _digest(data):
        return True
    warnings.warn(
        AliasTableWarning(
            f"{cache}: the cache is stale: it was built from another "
            f"version of {known.name} than {source} (whose digest differs); "
            f"{source} is used instead of the cache's copy; rebuild the cache with "
            "save_cache"
        ),
        stacklevel=4,
    )
    return False


def _refuse_shared_ids(loaded: Sequence[tuple[str, AliasTable]]) -> None:
    """Refuse an id that two of the ``(path, table)`` pairs define, naming both files."""
    owners: dict[str, str] = {}
    for source, table in loaded:
        for entry in table.entries:
            if entry.id in owners:
                raise AliasTableError(
                    f"duplicate id {entry.id!r}, already defined in {owners[entry.id]}; "
                    "every entry needs its own id",
                    source=source,
                    field="id",
                )
            owners[entry.id] = source


def _without(cache: AliasTable, parts: set[int]) -> AliasTable:
    """A cache's table without the entries it took from the sources numbered ``parts``."""
    entries: list[AliasEntry] = []
    kept: list[TableSource] = []
    at = 0
    for k, known in enumerate(cache.sources):
        if k not in parts:
            entries += cache.entries[at : at + known.entries]
            kept.append(known)
        at += known.entries
    return AliasTable(entries, sources=kept)


# --------------------------------------------------------------------------
# Wikidata


def _languages(languages: str | Sequence[str]) -> list[str]:
    order = [languages] if isinstance(languages, str) else list(languages)
    if not order or not all(isinstance(lang, str) and lang.strip() for lang in order):
        raise InvalidArgumentError(
            f"languages must be Wikidata language codes such as 'en', got {languages!r}"
        )
    return [lang.strip() for lang in order]


def _wikidata_items(source: str) -> list[Item]:
    try:
        with open_text(source) as stream:
            return read_items(stream, source)
    except (OSError, EOFError) as exc:  # a damaged .gz or .bz2 file
        raise AliasTableError(f"cannot read the file: {exc}", source=source) from exc


def _file_digest(source: str) -> str:
    digest = hashlib.sha256()
    with open(source, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _listed(ids: Sequence[str]) -> str:
    return ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")


def _warn_left_out(chosen: Chosen, languages: Sequence[str]) -> None:
    """An :class:`~newsparse.AliasTableWarning` for each kind of thing
    :meth:`AliasTable.from_wikidata` leaves out, naming the file (and line)."""
    if chosen.unnamed:
        first = chosen.unnamed[0]
        warnings.warn(
            AliasTableWarning(
                f"{first.source}: {len(chosen.unnamed)} items have no label or alias in "
                f"{', '.join(languages)} ({_listed([i.id for i in chosen.unnamed])}) and are "
                "left out; add their languages to languages="
            ),
            stacklevel=3,
        )
    if chosen.untitled:
        ids = list(chosen.untitled)
        holder = chosen.untitled[ids[0]]
        warnings.warn(
            AliasTableWarning(
                f"{holder.source}: the positions held {_listed(ids)} have no label in the "
                f"input, so their roles are titled by their ids (the first held by "
                f"{holder.id}), which no title in a text matches; give their entities too "
                "(wbgetentities with their ids) or select ?positionLabel"
            ),
            stacklevel=3,
        )
    for item, held in chosen.reversed:
        where = AliasTableError(
            "", source=item.source, line=held.line, record=held.record, field=held.field
        )
        warnings.warn(
            AliasTableWarning(
                f"{str(where)[:-2]}: the position {held.position} of {item.id} ends "
                f"({held.end}) before it starts ({held.start}); the role is left out"
            ),
            stacklevel=3,
        )


# --------------------------------------------------------------------------
# reading files


def _kind(source: str, format: str | None) -> str:
    """The format of a table file: ``json``, ``csv`` or ``npcache``, from its name."""
    kind = (format or os.path.splitext(source)[1].lstrip(".")).lower()
    if kind not in ("json", "csv", SUFFIX.lstrip(".")):
        raise AliasTableError(
            f"cannot tell the format from the file name; name it .json, .csv or {SUFFIX}, "
            "or pass format='json' or format='csv'",
            source=source,
        )
    return kind


def _read(source: str) -> bytes:
    try:
        with open(source, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise AliasTableError(f"cannot read the file: {exc.strerror}", source=source) from exc


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parse(data: bytes, source: str, kind: str) -> AliasTable:
    """The table in a JSON or CSV file's bytes, recording the file among its sources."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AliasTableError(
            f"not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset {exc.start}); "
            "save the file as UTF-8",
            source=source,
        ) from exc
    entries, lines = _from_json(text, source) if kind == "json" else _from_csv(text, source)
    known = TableSource(os.path.basename(source), _digest(data), len(entries))
    return _unique(entries, source=source, lines=lines, sources=(known,))


# --------------------------------------------------------------------------
# validation


def _unique(
    entries: list[AliasEntry],
    *,
    source: str,
    lines: Sequence[int] | None,
    sources: Sequence[TableSource] = (),
) -> AliasTable:
    """The table of ``entries``, refused when an id is used twice; warns of common words."""
    first: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.id in first:
            where = f"line {lines[first[entry.id]]}" if lines else f"record {first[entry.id] + 1}"
            raise AliasTableError(
                f"duplicate id {entry.id!r}, first used at {where}; every entry needs its own id",
                source=source,
                line=lines[index] if lines else None,
                record=index + 1,
                field="id",
            )
        first[entry.id] = index
    _warn_common_words(entries, source=source, lines=lines)
    return AliasTable(entries, sources=sources)


def _any_common_word(entries: Sequence[AliasEntry]) -> bool:
    """Whether an alias is a common word: a test run in C first, as most tables have none."""
    aliases = list(chain.from_iterable(map(attrgetter("aliases"), entries)))
    if common_words().isdisjoint(map(str.casefold, map(str.strip, aliases))):
        return False
    return any(map(is_common_word, aliases))


def _warn_common_words(
    entries: Sequence[AliasEntry], *, source: str, lines: Sequence[int] | None
) -> None:
    """An :class:`~newsparse.AliasTableWarning` for each alias that is a common English
    word (``May``, ``The``): folded, it would name the entry in every other headline,
    so it matches only as written (see :func:`newsparse._tables.index.is_common_word`)."""
    if not _any_common_word(entries):
        return
    for index, entry in enumerate(entries):
        for i, written in enumerate(entry.aliases):
            if not is_common_word(written):
                continue
            where = AliasTableError(
                "",
                source=source,
                line=lines[index] if lines else None,
                record=index + 1,
                field=f"aliases[{i}]",
            )
            warnings.warn(
                AliasTableWarning(
                    f"{str(where)[:-2]}: the alias {written!r} of entry {entry.id!r} is a common "
                    f"English word; it matches only as written ({written!r} exactly, not in "
                    "other capitals or accents), and still wherever a sentence starts with it"
                ),
                stacklevel=4,
            )


def _text(value: Any, where: dict[str, Any], field: str, *, required: bool = True) -> str:
    if not isinstance(value, str):
        got = "missing" if value is None else f"a {type(value).__name__}"
        raise AliasTableError(f"must be a non-empty string, got {got}", field=field, **where)
    stripped = value.strip()
    if required and not stripped:
        raise AliasTableError("must not be empty", field=field, **where)
    return stripped


def _date(value: Any, where: dict[str, Any], field: str) -> _dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise AliasTableError(
        f"{value!r} is not a date in the form YYYY-MM-DD (use null for an open end)",
        field=field,
        **where,
    )


def _entry(
    data: Any,
    *,
    source: str,
    record: int,
    line: int | None = None,
    split_aliases: bool = False,
) -> AliasEntry:
    """The entry of one record (a JSON object, or a CSV row as a dict of its columns,
    whose aliases are one string split at ``|`` when ``split_aliases``), refused with
    an error naming ``source``, the ``record`` (and ``line``) and the field."""
    where: dict[str, Any] = {"source": source, "record": record, "line": line}
    if not isinstance(data, Mapping):
        raise AliasTableError(f"each record must be an object, got {type(data).__name__}", **where)
    _check_keys(data, _RECORD_KEYS, where, "", "a record")
    entry_id = _text(data.get("id"), where, "id")
    name = _text(data.get("name"), where, "name")
    kind = _type(data.get("type"), where)
    aliases = _aliases(data.get("aliases"), where, split_aliases=split_aliases)
    roles = _roles(data.get("roles"), where)
    return AliasEntry(
        id=entry_id,
        name=name,
        type=kind,
        aliases=tuple(dict.fromkeys(aliases)),
        roles=tuple(roles),
    )


def _type(value: Any, where: dict[str, Any]) -> EntityType:
    """A record's ``type`` (a string naming a type, in any case) as the type."""
    type_name = value.strip().upper() if isinstance(value, str) else ""
    if type_name not in EntityType.__members__:
        raise AliasTableError(f"{value!r} is not one of {_TYPES}", field="type", **where)
    return EntityType[type_name]


def _aliases(value: Any, where: dict[str, Any], *, split_aliases: bool) -> list[str]:
    """A record's ``aliases`` (a list of strings, or none; a string split at ``|``
    when ``split_aliases``) as a list of stripped strings, repeats kept."""
    if value is None:
        return []
    if split_aliases and isinstance(value, str):
        value = [a for a in value.split("|") if a.strip()]
    if not isinstance(value, list):
        raise AliasTableError(
            f"must be a list of strings, got a {type(value).__name__}",
            field="aliases",
            **where,
        )
    return [_text(alias, where, f"aliases[{i}]") for i, alias in enumerate(value)]


def _roles(value: Any, where: dict[str, Any]) -> list[Role]:
    """A record's ``roles`` (a list of objects with title, start and end, or none)
    as a list of :class:`Role`."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise AliasTableError(
            f"must be a list of objects, got a {type(value).__name__}",
            field="roles",
            **where,
        )
    return [_role(raw, where, f"roles[{i}]") for i, raw in enumerate(value)]


def _role(value: Any, where: dict[str, Any], field: str) -> Role:
    """One role of a record (an object with ``title`` and ISO dates ``start`` and
    ``end``, either may be null), at ``field`` (``roles[i]``), as a :class:`Role`."""
    if not isinstance(value, Mapping):
        raise AliasTableError(
            f"must be an object with title, start and end, got a {type(value).__name__}",
            field=field,
            **where,
        )
    _check_keys(value, _ROLE_KEYS, where, f"{field}.", "a role")
    title = _text(value.get("title"), where, f"{field}.title")
    start = _date(value.get("start"), where, f"{field}.start")
    end = _date(value.get("end"), where, f"{field}.end")
    if start is not None and end is not None and end < start:
        raise AliasTableError(
            f"ends ({end}) before it starts ({start})", field=f"{field}.end", **where
        )
    return Role(title, start, end)


def _check_keys(
    data: Mapping[Any, Any], known: Sequence[str], where: dict[str, Any], prefix: str, what: str
) -> None:
    """Refuse a key given twice in one JSON object, and a key that is not ``known``,
    with the nearest known key when it looks like a misspelling of one."""
    repeated = getattr(data, "repeated", None)
    if repeated:
        raise AliasTableError(
            f"the key {repeated!r} is given twice in the record; keep one",
            field=prefix + repeated,
            **where,
        )
    for key in data:
        if key not in known:
            raise AliasTableError(
                f"unknown key {key!r}{_did_you_mean(key, known)}; "
                f"{what} has the keys {', '.join(known)}",
                field=prefix + str(key),
                **where,
            )


def _did_you_mean(key: object, known: Sequence[str]) -> str:
    near = difflib.get_close_matches(str(key).strip().lower(), known, n=1, cutoff=0.6)
    return f" (did you mean {near[0]!r}?)" if near else ""


class _Object(dict[str, Any]):
    """A JSON object that gave a key twice: ``repeated`` is the first such key."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]], repeated: str) -> None:
        super().__init__(pairs)
        self.repeated = repeated


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict, noting a repeated key (``json`` keeps the last silently)."""
    record = dict(pairs)
    if len(record) == len(pairs):
        return record
    seen: set[str] = set()
    repeated = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
    return _Object(pairs, repeated)


# Strings and brackets of JSON text, to find where it nests too deep.
_JSON_STRUCTURE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _too_deep(text: str) -> int | None:
    """The line where JSON text nests deeper than a table can (``None``: it does not)."""
    depth = 0
    for found in _JSON_STRUCTURE.finditer(text):
        bracket = found.group()
        if bracket in "[{":
            depth += 1
            if depth > _DEEPEST:
                return 1 + text.count("\n", 0, found.start())
        elif bracket in "]}":
            depth -= 1
    return None


def _from_json(text: str, source: str) -> tuple[list[AliasEntry], list[int] | None]:
    try:
        data = json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        raise AliasTableError(
            f"malformed JSON at column {exc.colno}: {exc.msg}", source=source, line=exc.lineno
        ) from exc
    except RecursionError:
        # Nested deeper than Python's parser goes: no table does (a shallower nesting
        # is told as the wrong type of a field). Said with the line where it starts.
        raise AliasTableError(
            f"nested more than {_DEEPEST} levels deep; a table is a list of records that hold "
            "strings, lists of strings and role objects",
            source=source,
            line=_too_deep(text),
        ) from None
    if not isinstance(data, list):
        raise AliasTableError(
            f"the top level must be a list of records, got a JSON {type(data).__name__}",
            source=source,
            line=1,
        )
    lines: list[int] | None = None
    entries: list[AliasEntry] = []
    for number, record in enumerate(data, 1):
        try:
            entries.append(_entry(record, source=source, record=number))
        except AliasTableError as exc:
            lines = lines or _record_lines(text)
            raise AliasTableError(
                exc.detail,
                source=source,
                line=lines[number - 1],
                record=number,
                field=exc.field,
            ) from None
    if len({e.id for e in entries}) != len(entries) or _any_common_word(entries):
        lines = lines or _record_lines(text)  # for the message
    return entries, lines


def _record_lines(text: str) -> list[int]:
    """The line on which each element of a JSON array starts (the text is valid JSON)."""
    decoder = json.JSONDecoder()
    lines: list[int] = []
    pos = text.index("[") + 1
    line = 1 + text.count("\n", 0, pos)
    length = len(text)
    while True:
        while pos < length and text[pos] in " \t\r\n,":
            if text[pos] == "\n":
                line += 1
            pos += 1
        if pos >= length or text[pos] == "]":
            return lines
        lines.append(line)
        _, end = decoder.raw_decode(text, pos)
        line += text.count("\n", pos, end)
        pos = end


def _from_csv(text: str, source: str) -> tuple[list[AliasEntry], list[int]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise AliasTableError(
            "the file is empty; it needs a header line id,name,type,aliases", source=source
        ) from None
    columns = [c.strip().lower() for c in header]
    for number, column in enumerate(columns, 1):
        if column not in _CSV_COLUMNS:
            what = (
                f"unknown column {header[number - 1]!r}{_did_you_mean(column, _CSV_COLUMNS)}"
                if column
                else f"column {number} has no name"
            )
            raise AliasTableError(
                f"{what}; the header must read {','.join(_CSV_COLUMNS)} (aliases may be left out)",
                source=source,
                line=1,
                field=header[number - 1].strip() or None,
            )
        if columns.index(column) != number - 1:
            raise AliasTableError(
                f"column {column!r} appears twice in the header; keep one",
                source=source,
                line=1,
                field=column,
            )
    missing = [c for c in ("id", "name", "type") if c not in columns]
    if missing:
        raise AliasTableError(
            f"the header lacks {', '.join(missing)}; it must read id,name,type,aliases",
            source=source,
            line=1,
        )
    entries: list[AliasEntry] = []
    lines: list[int] = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                raise AliasTableError(
                    f"has {len(row)} columns but the header has {len(columns)}; "
                    "quote a field that holds a comma",
                    source=source,
                    line=reader.line_num,
                )
            record = dict(zip(columns, row, strict=True))
            entries.append(
                _entry(
                    record,
                    source=source,
                    record=len(entries) + 1,
                    line=reader.line_num,
                    split_aliases=True,
                )
            )
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise AliasTableError(f"malformed CSV: {exc}", source=source, line=reader.line_num) from exc
    return entries, lines
