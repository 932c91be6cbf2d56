"""The matching index of an alias table: compact, and flat in the table's size.

Every lookup the matcher needs (a whole name, the first word of a name, a
surname, a misspelt surname, a name with one misspelt word) goes to a
:class:`Multimap`: one sorted array of 64-bit integers, each a 32-bit hash of a
string key above a 32-bit value. A lookup is a hash and a binary search, so its
cost grows with the logarithm of the table at most, and a key costs eight bytes
however long it is. No string of the table is held twice: the keys of an entry
are computed again from the entry when a lookup names it (and memoised), which
also weeds out the rare hash shared by two keys.

Keys are hashed with CRC-32 of their UTF-8 form, the same in every process and
on every machine, so an index can be pickled to worker processes and written to
a cache file (see :mod:`newsparse._tables.table`).
"""

from __future__ import annotations

import datetime as _dt
import functools
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any, NamedTuple

import regex

from newsparse._lexicon import read_rows, read_words, within_one_edit
from newsparse._memo import Memo, WordMemo, remembered
from newsparse._tables.types import AliasEntry
from newsparse._text import (
    ARTICLES,
    FOLDED_WORDS,
    VARIANT_WORDS,
    NameToken,
    fold_token,
    is_article,
    key_of,
    name_tokens,
    variant_token,
)
from newsparse.model import EntityType, MatchMethod

__all__ = [
    "FORMAT",
    "Form",
    "Hit",
    "Index",
    "Multimap",
    "common_words",
    "is_common_word",
    "key_hash",
    "role_words",
    "with_article",
]

#: The version of the index layout and of the keys in it; a cache file written
#: with another version is refused.
FORMAT = 2

_LOW = 0xFFFFFFFF
_ACRONYM = regex.compile(r"(?:\p{Lu}\.?){2,6}")
_ACRONYM_LONGEST = 12
_DIGIT = regex.compile(r"\d")
# Stands for the one word that may differ in a masked key.
_MASK = "\x00"
# A misspelt surname (the last word) needs this many letters; a misspelt other word fewer.
_FUZZY_LAST = 7
_FUZZY_OTHER = 5
_UNSEEN: Any = object()
_NO_IDS: frozenset[str] = frozenset()


def key_hash(key: str) -> int:
    """The stable 32-bit hash of a key (CRC-32 of its UTF-8 form)."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass"))


class Multimap:
    """Strings to 32-bit values, as one sorted array of ``hash << 32 | value``.

    ``get`` returns every value stored under the key's hash; two keys that share a
    hash share their values, so callers check what they get.

    >>> m = Multimap.build([key_hash("qaani") << 32 | 7, key_hash("sudani") << 32 | 3])
    >>> m.get("qaani"), m.get("hassan")
    ((7,), ())
    """

    __slots__ = ("_bounds", "_memo", "_shift", "packed")

    def __init__(self, packed: array[int]) -> None:
        self.packed = packed
        # Where each run of hashes with the same top bits starts (some tens of values
        # each): a lookup bisects its run alone, a few comparisons instead of twenty
        # (each makes a Python integer of the array's value). Built once, a bisection
        # per run; four bytes per run, a fraction of a byte per value.
        bits = min((len(packed) >> 5).bit_length(), 24)
        self._shift = 32 - bits
        step = 1 << (64 - bits)
        bounds = array("I", [0])
        at = 0
        for run in range(1, 1 << bits):
            at = bisect_left(packed, run * step, at)
            bounds.append(at)
        bounds.append(len(packed))
        self._bounds = bounds
        # Keys looked up lately: news repeats its words, and a dictionary hit is
        # cheaper than a hash and a binary search.
        self._memo: Memo[str, tuple[int, ...]] = Memo()

    @classmethod
    def build(cls, packed: Iterable[int]) -> Multimap:
        """From integers ``hash << 32 | value``, in any order, repeats allowed."""
        return cls(array("Q", sorted(set(packed))))

    def __len__(self) -> int:
        return len(self.packed)

    def get(self, key: str) -> tuple[int, ...]:
        found = self._memo.get(key)
        if found is None:
            found = self.get_hash(key_hash(key))
            self._memo.keep(key, found, len(key))
        return found

    def get_hash(self, hashed: int) -> tuple[int, ...]:
        """The values under a hash, without the memo (for keys looked up once).

        A tuple, not a list: a tuple of numbers is dropped from the garbage
        collector's watch, so the answers kept in memos cost it nothing to walk.
        """
        packed = self.packed
        low = hashed << 32
        run = hashed >> self._shift
        end = self._bounds[run + 1]
        i = bisect_left(packed, low, self._bounds[run], end)
        if i == end or packed[i] >> 32 != hashed:
            return ()  # the commonest answer: no key of the table has this hash
        j = bisect_right(packed, low | _LOW, i + 1, end)
        if j == i + 1:
            return (packed[i] & _LOW,)
        return tuple([value & _LOW for value in packed[i:j]])


class Form(NamedTuple):
    """One written form of an entry (its name or an alias), as matching sees it."""

    words: int  # the name tokens, articles included: how far a match may reach
    head: str  # the first token folded, an article included (``al`` of ``Al-Sudani``)
    folded: tuple[str, ...]
    variants: tuple[str, ...]
    exact_key: str
    variant_key: str
    caps_only: bool  # an acronym: matches only in capitals
    written: str  # a common word (``May``): the one way it matches; else ""


class Hit(NamedTuple):
    """A match over name tokens: tokens ``first..last`` (exclusive) name the entries ``ids``."""

    first: int
    last: int
    ids: frozenset[str]
    how: MatchMethod


@functools.cache
def common_words() -> frozenset[str]:
    """The common English words of ``data/common_words.txt``, case-folded."""
    return frozenset(w.casefold() for w in read_words("common_words.txt"))


def is_common_word(written: str) -> bool:
    """Whether an alias is one common English word (``May``, ``The``, ``Us``)
    that matching would otherwise fold: it then matches only as written, in its own
    capitals and accents (``May``, never ``MAY`` or ``may``).

    An acronym in capitals (``US``, ``WHO``) is left out: it already matches only
    in capitals, as written.

    >>> is_common_word("May"), is_common_word(" us "), is_common_word("US")
    (True, True, False)
    >>> is_common_word("Theresa May")
    False
    """
    stripped = written.strip()
    return stripped.casefold() in common_words() and _ACRONYM.fullmatch(stripped) is None


def forms_of(
    entry: AliasEntry,
    fold: Callable[[str], str] = FOLDED_WORDS.__getitem__,
    variant: Callable[[str], str] = VARIANT_WORDS.__getitem__,
) -> tuple[Form, ...]:
    """The written forms of an entry with their keys; forms without a word are left out."""
    forms = []
    titles = entry.type is EntityType.PERSON
    for k, written in enumerate((entry.name, *entry.aliases)):
        words = name_tokens(written, titles=titles)
        if not words:
            continue
        heads = list(map(fold, words))
        # Most names hold no article: their words are their key as they are.
        folded = tuple(heads if ARTICLES.isdisjoint(heads) else key_of(heads))
        variants = tuple(map(variant, folded))
        stripped = written.strip()
        form = (
            len(words),
            heads[0],
            folded,
            variants,
            " ".join(folded),
            " ".join(variants),
            # An acronym is two to six capitals, each with a full stop or none.
            len(stripped) <= _ACRONYM_LONGEST and _ACRONYM.fullmatch(stripped) is not None,
            words[0] if k and len(words) == 1 and is_common_word(written) else "",
        )
        forms.append(tuple.__new__(Form, form))
    return tuple(forms)


def masked_key(variants: Sequence[str], k: int) -> str:
    """A variant key with word ``k`` masked: the key of every name that differs only there."""
    words = list(variants)
    words[k] = _MASK
    return " ".join(words)


def _may_name(forms: Sequence[Form], variant_key: str, words: Sequence[str]) -> bool:
    """Whether a form of an entry has this variant key, or is one of the names
    :meth:`Index.fuzzy` finds for ``words`` (the same words but one, that one
    within one edit): when not, neither lookup can answer with the entry."""
    last = len(words) - 1
    for form in forms:
        if form.variant_key == variant_key:
            return True
        if len(form.variants) != len(words):
            continue
        differ = [k for k, word in enumerate(words) if form.variants[k] != word]
        if len(differ) != 1:
            continue
        k = differ[0]
        if len(words[k]) >= (_FUZZY_LAST if k == last else _FUZZY_OTHER) and within_one_edit(
            form.variants[k], words[k]
        ):
            return True
    return False


def deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _near_marks(word: str, size: int) -> tuple[str, str]:
    """Marks of a word of ``size`` letters that begins or ends as ``word`` does."""
    return f"<{word[:3]}{size}", f">{word[-3:]}{size}"


_ROLE_STOP = frozenset({"of", "the", "and", "for", "s", "de"})


def role_words(title: str) -> frozenset[str]:
    """The words of a role title for comparison: countries as ``@XX``, small words out.

    >>> sorted(role_words("Prime Minister of Iraq")) == sorted(role_words("Iraqi prime minister"))
    True
    """
    words = [fold_token(w) for w in name_tokens(title, titles=False)]
    countries = _countries()
    out: set[str] = set()
    i = 0
    while i < len(words):
        for width in (3, 2, 1):
            code = countries.get(" ".join(words[i : i + width]))
            if code is not None:
                out.add("@" + code)
                i += width
                break
        else:
            if words[i] not in _ROLE_STOP:
                out.add(words[i])
            i += 1
    return frozenset(out)


@functools.cache
def _countries() -> dict[str, str]:
    """Folded country names, aliases and demonyms, to their ISO code."""
    found: dict[str, str] = {}
    for row in read_rows("countries.tsv"):
        name, aliases, demonyms, _, code = (*row, "", "", "", "", "")[:5]
        for written in (name, *aliases.split("|"), *demonyms.split("|")):
            if written.strip():
                key = " ".join(fold_token(w) for w in name_tokens(written, titles=False))
                found.setdefault(key, code)
    return found


def with_article(tokens: Sequence[NameToken], i: int) -> int:
    """The first token of a surname with its article: ``Al-Sudani`` starts at ``Al``."""
    if i > 0 and is_article(tokens[i - 1].folded) and tokens[i - 1].joins:
        return i - 1
    return i


class _Hashes(dict[str, int]):
    """Hashes of words, for one build."""

    def __missing__(self, word: str) -> int:
        value = self[word] = key_hash(word)
        return value


#: What :func:`_collect` gathers of a table's forms, for the maps of its index:
#: ``hash << 32 | value`` integers of keys, masked keys, pairs and surnames; the
#: most words of a name starting with a word, by the word's hash; long surnames.
_Collected = tuple[list[int], list[int], set[int], list[int], dict[int, int], set[str]]


def _collect(entries: Sequence[AliasEntry]) -> _Collected:
    """What the maps but ``near_misses`` hold for ``entries``: the ``hash << 32 | value``
    integers of ``keys``, ``masked`` and ``surnames`` (value: the entry's number) and
    ``pairs`` (value 0), unsorted, with repeats; ``starts`` as a dict of word hash to
    the most words of a name starting with the word (0: a surname only); and the
    surnames of people long enough to be matched with a typo (:data:`_FUZZY_LAST`)."""
    keys: list[int] = []
    masked: list[int] = []
    pairs: set[int] = set()
    surnames: list[int] = []
    starts: dict[int, int] = {}
    long_surnames: set[str] = set()
    # Memos of this build's own: table words repeat (given names), text words differ.
    fold = WordMemo(fold_token).__getitem__
    variant = WordMemo(variant_token).__getitem__
    word_hash = _Hashes().__getitem__
    for number, entry in enumerate(entries):
        person = entry.type is EntityType.PERSON
        for form in forms_of(entry, fold, variant):
            variants = form.variants
            keys.append(key_hash(form.variant_key) << 32 | number)
            for word in {form.head, form.folded[0], variants[0]}:
                h = word_hash(word)
                starts[h] = max(starts.get(h, 0), form.words)
            if len(variants) < 2:
                continue
            pairs.add(key_hash(f"{variants[0]} {variants[1]}") << 32)
            last = len(variants) - 1
            for k, word in enumerate(variants):
                if len(word) >= (_FUZZY_LAST if k == last else _FUZZY_OTHER) - 1:
                    masked.append(key_hash(masked_key(variants, k)) << 32 | number)
            if person:
                h = word_hash(variants[-1])
                surnames.append(h << 32 | number)
                starts.setdefault(h, 0)
                if len(variants[-1]) >= _FUZZY_LAST:
                    long_surnames.add(variants[-1])
    return keys, masked, pairs, surnames, starts, long_surnames


def _near_surnames(long_surnames: set[str]) -> tuple[list[int], set[str]]:
    """The integers of map ``near_misses`` for ``long_surnames`` (each deletion's hash
    over the surname's, and the surname's own over itself, unsorted), and the marks
    (:func:`_near_marks`) of the words one edit from them."""
    near_misses: list[int] = []
    near: set[str] = set()
    for surname in long_surnames:
        h = key_hash(surname)
        near_misses += [key_hash(d) << 32 | h for d in deletions(surname)]
        near_misses.append(h << 32 | h)
        # One edit leaves the first three or the last three letters of a word of
        # seven or more as they were: a cheap test before the deletions.
        for size in (len(surname) - 1, len(surname), len(surname) + 1):
            near.update(_near_marks(surname, size))
    return near_misses, near


class Index:
    """What matching needs of a table, compact and flat in the table's size."""

    def __init__(
        self,
        entries: Sequence[AliasEntry],
        maps: dict[str, Multimap] | None = None,
        near: Iterable[str] | None = None,
    ) -> None:
        self.entries = entries
        self.roles: list[tuple[str, frozenset[str], _dt.date | None, _dt.date | None]] = []
        self.role_words: set[str] = set()
        for entry in entries:
            for role in entry.roles:
                title_words = role_words(role.title)
                if title_words:
                    self.roles.append((entry.id, title_words, role.start, role.end))
                    self.role_words |= {w for w in title_words if not w.startswith("@")}
        if maps is None:
            maps, near = self._build(entries)
        self.keys = maps["keys"]
        self.masked = maps["masked"]
        self.pairs = maps["pairs"]
        self.surnames = maps["surnames"]
        self.near_misses = maps["near_misses"]
        self.starts = maps["starts"]
        self.near = frozenset(near or ())
        # Whether some name holds a digit: if none does, no match starts at a number.
        aliases = [a for e in entries for a in e.aliases]
        self.digits = _DIGIT.search("\n".join([*(e.name for e in entries), *aliases])) is not None
        # Whether some alias is a common word, matched only as written (see lookup).
        self.as_written = not common_words().isdisjoint(
            map(str.casefold, map(str.strip, aliases))
        ) and any(map(is_common_word, aliases))
        self._forms: Memo[int, tuple[Form, ...]] = Memo()
        self._named: Memo[tuple[str, str, bool, str], tuple[frozenset[str], MatchMethod] | None] = (
            Memo()
        )
        # Answers of surname() and fuzzy(), which depend on the table alone (bounded).
        self._surnames_seen: Memo[tuple[str, bool, int], tuple[int, ...]] = Memo()
        self._fuzzy_seen: Memo[tuple[str, ...], frozenset[str]] = Memo()
        self._people: Memo[str, tuple[int, MatchMethod] | None] = Memo()
        # Word to the longest name starting with it (0: only a surname starts there;
        # None: none), remembered as the words of texts come.
        self.longest_at: WordMemo[int | None] = WordMemo(self.longest_start, 1 << 16)

    def longest_start(self, word: str) -> int | None:
        """The most tokens of a name starting with ``word`` (0: only a surname is
        the word; ``None``: nothing starts with it), not remembered: ``longest_at``
        remembers it, and :meth:`~newsparse.AliasTable.find` its own answer per word."""
        values = self.starts.get_hash(key_hash(word))
        return max(values) if values else None

    @staticmethod
    def _build(entries: Sequence[AliasEntry]) -> tuple[dict[str, Multimap], set[str]]:
        """The index of ``entries``: its maps by name (each a :class:`Multimap` of
        ``hash << 32 | value``) and the marks of the surnames one edit may reach."""
        keys, masked, pairs, surnames, starts, long_surnames = _collect(entries)
        near_misses, near = _near_surnames(long_surnames)
        maps = {
            "keys": Multimap.build(keys),
            "masked": Multimap.build(masked),
            "pairs": Multimap.build(pairs),
            "surnames": Multimap.build(surnames),
            "near_misses": Multimap.build(near_misses),
            "starts": Multimap.build(h << 32 | v for h, v in starts.items()),
        }
        return maps, near

    # ------------------------------------------------------------------
    # state, for pickling and cache files

    def state(self) -> dict[str, Any]:
        """The index as plain data: byte strings of the arrays, in this machine's byte order."""
        maps = {
            "keys": self.keys,
            "masked": self.masked,
            "pairs": self.pairs,
            "surnames": self.surnames,
            "near_misses": self.near_misses,
            "starts": self.starts,
        }
        return {
            "format": FORMAT,
            "byteorder": sys.byteorder,
            "maps": {name: m.packed.tobytes() for name, m in maps.items()},
            "near": sorted(self.near),
        }

    @classmethod
    def from_state(cls, entries: Sequence[AliasEntry], state: dict[str, Any]) -> Index:
        """The index of :meth:`state`; a ``ValueError`` when it is of another format."""
        if state.get("format") != FORMAT:
            raise ValueError(f"index format {state.get('format')!r}, expected {FORMAT}")
        maps = {}
        for name, data in state["maps"].items():
            packed = array("Q")
            packed.frombytes(data)
            if state["byteorder"] != sys.byteorder:
                packed.byteswap()
            maps[name] = Multimap(packed)
        return cls(entries, maps, state["near"])

    # ------------------------------------------------------------------
    # entries and their forms

    def forms(self, number: int) -> tuple[Form, ...]:
        return remembered(self._forms, number, lambda: forms_of(self.entries[number]))

    def _ids(self, numbers: Collection[int]) -> frozenset[str]:
        if not numbers:
            # The memos keep many answers of no entry: one shared empty set for them
            # all, not one each for the garbage collector to walk.
            return _NO_IDS
        entries = self.entries
        return frozenset([entries[n].id for n in numbers])

    def key_ids(self, variant_key: str) -> frozenset[str]:
        """The entries with a name or alias of this variant key."""
        return self._ids(
            [
                n
                for n in self.keys.get(variant_key)
                if any(f.variant_key == variant_key for f in self.forms(n))
            ]
        )

    # ------------------------------------------------------------------
    # lookups

    def is_surname(self, variant: str) -> bool:
        """Whether a person of the table has this (variant) surname."""
        return bool(self._surname_numbers(variant, 1))

    def _surname_numbers(self, variant: str, limit: int = 0) -> list[int]:
        """The people with this surname; with ``limit``, no more than that many."""
        found = []
        for n in self.surnames.get(variant):
            if self.entries[n].type is EntityType.PERSON and any(
                len(f.variants) > 1 and f.variants[-1] == variant for f in self.forms(n)
            ):
                found.append(n)
                if len(found) == limit:
                    break
        return found

    def may_be_key(self, variant_key: str) -> bool:
        """Whether a name or alias may have this variant key (its hash is a key's):
        a test for keys looked up once, without the memo of :meth:`Multimap.get`."""
        return bool(self.keys.get_hash(key_hash(variant_key)))

    def may_continue(self, first: str, second: str) -> bool:
        """Whether some name of two words or more starts with these two (variant) words."""
        return bool(self.pairs.get(f"{first} {second}"))

    def may_continue_once(self, first: str, second: str) -> bool:
        """:meth:`may_continue` without the memo of :meth:`Multimap.get`, for a caller
        that remembers the answer itself."""
        return bool(self.pairs.get_hash(key_hash(f"{first} {second}")))

    def may_be_near_surname(self, variant: str) -> bool:
        """A cheap test: could ``variant`` be one edit from a long surname of the table?"""
        if len(variant) < _FUZZY_LAST:
            return False
        first, last = _near_marks(variant, len(variant))
        return first in self.near or last in self.near

    def surname(self, variant: str, *, fuzzy: bool = False, limit: int = 0) -> frozenset[str]:
        """The person entries whose surname this is (one typo forgiven with ``fuzzy``).

        With ``limit``, no more than that many: ``limit=2`` tells none, one and many
        apart without reading every holder of a common surname in a large table.
        """
        return self._ids(self.surname_numbers(variant, fuzzy, limit))

    def person(self, variant: str) -> tuple[int, MatchMethod] | None:
        """The number of the one person of the table with this (variant) surname, one
        typo forgiven in a long one, and how (``variant``, else ``fuzzy``); ``None``
        for none or two. The number lets a match read that entry's own forms."""
        return remembered(self._people, variant, lambda: self._person(variant), len(variant))

    def _person(self, variant: str) -> tuple[int, MatchMethod] | None:
        numbers = self.surname_numbers(variant, True, 2)
        if len(numbers) != 1:
            return None
        how = MatchMethod.VARIANT if self.is_surname(variant) else MatchMethod.FUZZY
        return numbers[0], how

    def surname_numbers(self, variant: str, fuzzy: bool, limit: int) -> tuple[int, ...]:
        """The entry numbers of :meth:`surname`, remembered (they depend on the table alone)."""
        return remembered(
            self._surnames_seen,
            (variant, fuzzy, limit),
            lambda: self._surname(variant, fuzzy, limit),
            len(variant),
        )

    def _surname(self, variant: str, fuzzy: bool, limit: int) -> tuple[int, ...]:
        found = self._surname_numbers(variant, limit)
        if (
            found
            or not fuzzy
            or len(variant) < _FUZZY_LAST
            or not self.may_be_near_surname(variant)
        ):
            return tuple(found)
        near: dict[int, None] = {}  # in the order found, as a set of them was
        surnames: set[int] = set()
        # Each deletion is looked up once (the answer is remembered): no memo of keys.
        for key in {variant, *deletions(variant)}:
            surnames.update(self.near_misses.get_hash(key_hash(key)))
        for hashed in surnames:
            for n in self.surnames.get_hash(hashed):
                if self.entries[n].type is not EntityType.PERSON:
                    continue
                if any(
                    len(f.variants) > 1
                    and len(f.variants[-1]) >= _FUZZY_LAST
                    and within_one_edit(variant, f.variants[-1])
                    for f in self.forms(n)
                ):
                    near[n] = None
                    if len(near) == limit:
                        return tuple(near)
        return tuple(near)

    def lookup(self, tokens: Sequence[NameToken], first: int, last: int) -> Hit | None:
        """The entries named by tokens ``first..last``: exact spellings before variants."""
        span = tokens[first:last]
        if not (span[0].capitalised and span[-1].capitalised):
            return None
        if len(span) == 1 and not self.keys.get(span[0].variant):
            return None  # the commonest case: one word, no key
        if len(span) > 1 and is_article(span[0].folded):
            return None  # found from the next word, with the article then added
        final = len(span) - 1
        kept = [t for i, t in enumerate(span) if i == final or not is_article(t.folded)]
        variant_key = " ".join([t.variant for t in kept])
        candidates = self.keys.get(variant_key)
        if not candidates:
            return None
        exact_key = " ".join([t.folded for t in kept])
        shouted = all(t.upper or len(t.text) == 1 for t in span)
        # A common word of the table matches only as written: the word itself counts.
        written = span[0].text if self.as_written and len(span) == 1 else ""
        # What these words name depends on the keys alone: remembered (bounded).
        named = remembered(
            self._named,
            (variant_key, exact_key, shouted, written),
            lambda: self._name(candidates, variant_key, exact_key, shouted, written),
            len(variant_key) + len(exact_key) + len(written),
        )
        return None if named is None else Hit(first, last, *named)

    def _name(
        self,
        candidates: Sequence[int],
        variant_key: str,
        exact_key: str,
        shouted: bool,
        written: str = "",
    ) -> tuple[frozenset[str], MatchMethod] | None:
        exact: set[int] = set()
        variant: set[int] = set()
        for n in candidates:
            for form in self.forms(n):
                if (
                    form.variant_key != variant_key
                    or (form.caps_only and not shouted)
                    or (form.written and form.written != written)
                    # An acronym is its letters: AP is not AAP, nor APP.
                    or (form.caps_only and form.exact_key != exact_key)
                ):
                    continue
                (exact if form.exact_key == exact_key else variant).add(n)
        if exact:
            return self._ids(exact), MatchMethod.TABLE
        if variant:
            return self._ids(variant), MatchMethod.VARIANT
        return None

    def holders(self, words: frozenset[str], day: _dt.date | None) -> frozenset[str]:
        """The entries holding, on ``day``, the role these title words name.

        ``Iraqi prime minister`` names ``Prime Minister of Iraq``; ``Treasury
        Secretary`` names ``Secretary of the Treasury``. Without a country in the
        words, a role of any country counts, so only a role held by one entry at
        that date resolves.
        """
        if not words or day is None:
            return frozenset()
        found = set()
        for entry_id, title, start, end in self.roles:
            if (start is not None and day < start) or (end is not None and day > end):
                continue
            if words == title or (
                words < title
                and len(words) >= 2
                and not any(w.startswith("@") for w in words)
                and all(w.startswith("@") for w in title - words)
            ):
                found.add(entry_id)
        return frozenset(found)

    def extend_back(
        self,
        tokens: Sequence[NameToken],
        first: int,
        last: int,
        ids: frozenset[str],
        number: int | None = None,
    ) -> int:
        """Where a surname's match starts once the given names before it are included.

        ``Masoud Pezeshekian`` for a table's ``Masoud Pezeshkian``: the words
        before the surname count when, with it, they name the same entry. ``number``
        is that entry's, when ``ids`` is the one entry: words that neither spell nor
        nearly spell one of its forms are passed over without a lookup (most words
        before a surname name someone else, or nobody).
        """
        best = first
        forms = None if number is None else self.forms(number)
        for start in range(first - 1, max(first - 4, -1), -1):
            before = tokens[start]
            if not (before.capitalised and before.joins):
                break
            folded = key_of([t.folded for t in tokens[start:last]])
            variants = [VARIANT_WORDS[w] for w in folded]
            key = " ".join(variants)
            if forms is not None and not _may_name(forms, key, variants):
                continue  # the entry is not among those named: they are not ids
            if self.key_ids(key) == ids or self.fuzzy(variants) == ids:
                best = start
        return best

    def fuzzy(self, variants: Sequence[str]) -> frozenset[str]:
        """Entries whose name has the same words but one, and that one within one edit.

        A misspelt surname (the last word) must have seven letters or more
        (``Pezeshekian``); a misspelt given name five or more, with the surname
        exact (``Hertzi Halevi``).
        """
        if len(variants) < 2 or sum(len(v) for v in variants) < _FUZZY_LAST:
            return frozenset()
        words = tuple(variants)
        return remembered(self._fuzzy_seen, words, lambda: self._fuzzy(words), sum(map(len, words)))

    def _fuzzy(self, words: tuple[str, ...]) -> frozenset[str]:
        last = len(words) - 1
        found: set[int] = set()
        for k, word in enumerate(words):
            if len(word) < (_FUZZY_LAST if k == last else _FUZZY_OTHER):
                continue
            for n in self.masked.get(masked_key(words, k)):
                for form in self.forms(n):
                    if (
                        len(form.variants) == len(words)
                        and form.variants[k] != word
                        and form.variants[:k] == words[:k]
                        and form.variants[k + 1 :] == words[k + 1 :]
                        and within_one_edit(form.variants[k], word)
                    ):
                        found.add(n)
        return self._ids(found)
