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
import functools
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
import regex

from newsparse import _data
from newsparse.errors import AliasTableError
from newsparse.model import EntityType, MatchMethod
from newsparse.names import (
    NameToken,
    fold_many,
    fold_token,
    is_article,
    key_of,
    name_tokens,
    tokens_in,
    tokens_of,
    variant_token,
    within_one_edit,
)
from newsparse.text import TextView, segment

__all__ = ["AliasEntry", "AliasTable", "Role", "TableMatch"]

_TYPES = ", ".join(t.value for t in EntityType)


@attrs.frozen
class Role:
    """A title an entry held, with ISO dates; ``None`` means open-ended."""

    title: str
    start: _dt.date | None = None
    end: _dt.date | None = None

    def held_on(self, day: _dt.date) -> bool:
        """Whether the role was held on ``day``.

        >>> Role("Mayor", _dt.date(2020, 1, 1), None).held_on(_dt.date(2024, 5, 1))
        True
        """
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen
class AliasEntry:
    """One canonical entity of a table."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@attrs.frozen
class TableMatch:
    """A place where a table entry is named: offsets into the text, the entry, and how."""

    start: int
    end: int
    text: str
    entry_id: str
    how: MatchMethod


@attrs.frozen
class Hit:
    """A match over name tokens: tokens ``first..last`` (exclusive) name the entries ``ids``."""

    first: int
    last: int
    ids: frozenset[str]
    how: MatchMethod


_ACRONYM = regex.compile(r"(?:\p{Lu}\.?){2,6}")


def _capitals() -> str:
    """A character class of every upper- and title-case letter of the BMP, for ``re``."""
    chars = [chr(c) for c in range(0x10000) if chr(c).isupper() or chr(c).istitle()]
    return "".join(re.escape(c) for c in chars)


# Words a key can start with: capitalised, or digits. The standard library's engine
# scans a bitmap class fastest. A lower-case "al-" before a name is added back
# from the window of words around a match.
_KEY_START = re.compile(rf"\b[{_capitals()}\d]\w*(?:'(?![sS]\b)\w+)*")
# Characters around a word that may start a key: enough for three given names
# before a surname, and for the longest key after it (per word).
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 30


class _Index:
    """Keys of every name and alias of a table, for matching text word by word.

    Work per word of text does not depend on the table's size: each word is
    looked up in dictionaries, and only words that start some key are tried.
    """

    def __init__(self, entries: Sequence[AliasEntry]) -> None:
        self.exact: dict[str, set[str]] = {}
        self.variant: dict[str, set[str]] = {}
        self.first: dict[str, int] = {}
        self.longest = 0
        # Every word a match can start at: first words of keys, and surnames.
        self.starts: set[str] = set()
        self.caps_only: set[str] = set()
        self.surnames: dict[str, set[str]] = {}
        self.by_token: dict[str, set[str]] = {}
        self.long_surnames: dict[str, set[str]] = {}
        # (first or last three letters, length) of words that may be a near-misspelling
        # of a long surname: a cheap test before the deletion index.
        self.near_surnames: set[tuple[str, int]] = set()
        self.tokens_of_entry: dict[str, list[list[str]]] = {}
        self.roles: list[tuple[str, frozenset[str], _dt.date | None, _dt.date | None]] = []
        self.role_words: set[str] = set()
        for entry in entries:
            for role in entry.roles:
                title_words = role_words(role.title)
                if title_words:
                    self.roles.append((entry.id, title_words, role.start, role.end))
                    self.role_words |= {w for w in title_words if not w.startswith("@")}
            for written in (entry.name, *entry.aliases):
                words = name_tokens(written, titles=entry.type is EntityType.PERSON)
                folded = key_of([fold_token(w) for w in words])
                if not folded:
                    continue
                variants = [variant_token(w) for w in folded]
                exact_key = " ".join(folded)
                variant_key = " ".join(variants)
                self.exact.setdefault(exact_key, set()).add(entry.id)
                self.variant.setdefault(variant_key, set()).add(entry.id)
                length = len(words)
                self.longest = max(self.longest, length)
                for first in (folded[0], variants[0], fold_token(words[0])):
                    self.first[first] = max(self.first.get(first, 0), length)
                    self.starts.add(first)
                if _ACRONYM.fullmatch(written.strip()):
                    self.caps_only.add(exact_key)
                self.tokens_of_entry.setdefault(entry.id, []).append(variants)
                for v in variants:
                    self.by_token.setdefault(v, set()).add(entry.id)
                if entry.type is EntityType.PERSON and len(variants) > 1:
                    self.starts.add(variants[-1])
                    surname = variants[-1]
                    self.surnames.setdefault(surname, set()).add(entry.id)
                    if len(surname) >= 7:
                        for deleted in {surname, *_deletions(surname)}:
                            self.long_surnames.setdefault(deleted, set()).add(entry.id)
                        # One edit leaves either the first three or the last three
                        # letters of a word of seven or more as they were.
                        for size in (len(surname) - 1, len(surname), len(surname) + 1):
                            self.near_surnames.add(("<" + surname[:3], size))
                            self.near_surnames.add((">" + surname[-3:], size))

    def scan(self, tokens: Sequence[NameToken], *, headings: bool = False) -> list[Hit]:
        """Longest matches of names and aliases, left to right, not overlapping.

        Lines in capitals (headlines) are passed over unless ``headings`` is true.
        """
        hits: list[Hit] = []
        i = 0
        count = len(tokens)
        while i < count:
            token = tokens[i]
            longest = self.first.get(token.variant) or self.first.get(token.folded)
            if not longest or (token.heading and not headings):
                i += 1
                continue
            reach = 1
            while reach < longest and i + reach < count and tokens[i + reach - 1].joins:
                reach += 1
            hit = None
            for n in range(reach, 0, -1):
                hit = self._lookup(tokens, i, i + n)
                if hit is not None:
                    break
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.last
        return hits

    def _lookup(self, tokens: Sequence[NameToken], first: int, last: int) -> Hit | None:
        span = tokens[first:last]
        if not (span[0].capitalised and span[-1].capitalised):
            return None
        folded = key_of([t.folded for t in span])
        exact_key = " ".join(folded)
        ids = self.exact.get(exact_key)
        how = MatchMethod.TABLE
        if ids is None:
            ids = self.variant.get(" ".join(variant_token(w) for w in folded))
            how = MatchMethod.VARIANT
        if not ids:
            return None
        if exact_key in self.caps_only and not all(t.upper or len(t.text) == 1 for t in span):
            return None
        return Hit(first, last, frozenset(ids), how)

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

    def surname(self, variant: str, *, fuzzy: bool = False) -> frozenset[str]:
        """The person entries whose surname this is (one typo forgiven with ``fuzzy``)."""
        found = self.surnames.get(variant)
        if found or not fuzzy or len(variant) < 7:
            return frozenset(found or ())
        near: set[str] = set()
        for key in {variant, *_deletions(variant)}:
            for entry_id in self.long_surnames.get(key, ()):
                if any(within_one_edit(variant, t[-1]) for t in self.tokens_of_entry[entry_id]):
                    near.add(entry_id)
        return frozenset(near)

    def extend_back(
        self, tokens: Sequence[NameToken], first: int, last: int, ids: frozenset[str]
    ) -> int:
        """Where a surname's match starts once the given names before it are included.

        ``Masoud Pezeshekian`` for a table's ``Masoud Pezeshkian``: the words
        before the surname count when, with it, they name the same entry.
        """
        best = first
        for start in range(first - 1, max(first - 4, -1), -1):
            before = tokens[start]
            if not (before.capitalised and before.joins):
                break
            folded = key_of([t.folded for t in tokens[start:last]])
            variants = [variant_token(w) for w in folded]
            if self.variant.get(" ".join(variants)) == set(ids) or self.fuzzy(variants) == ids:
                best = start
        return best

    def fuzzy(self, variants: Sequence[str]) -> frozenset[str]:
        """Entries whose name has the same words but one, and that one within one edit.

        A misspelt surname (the last word) must have seven letters or more
        (``Pezeshekian``); a misspelt given name five or more, with the surname
        exact (``Hertzi Halevi``).
        """
        if len(variants) < 2 or sum(len(v) for v in variants) < 7:
            return frozenset()
        candidates: set[str] = set()
        for v in variants:
            candidates |= self.by_token.get(v, set())
        found: set[str] = set()
        for entry_id in candidates:
            for words in self.tokens_of_entry[entry_id]:
                if len(words) != len(variants):
                    continue
                differ = [i for i, (a, b) in enumerate(zip(words, variants, strict=True)) if a != b]
                if len(differ) != 1:
                    continue
                k = differ[0]
                shortest = 7 if k == len(words) - 1 else 5
                if len(variants[k]) >= shortest and within_one_edit(words[k], variants[k]):
                    found.add(entry_id)
        return frozenset(found)


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
    for row in _data.read_rows("countries.tsv"):
        name, aliases, demonyms, _, code = (*row, "", "", "", "", "")[:5]
        for written in (name, *aliases.split("|"), *demonyms.split("|")):
            if written.strip():
                key = " ".join(fold_token(w) for w in name_tokens(written, titles=False))
                found.setdefault(key, code)
    return found


def _near(near: set[tuple[str, int]], word: str) -> bool:
    size = len(word)
    return ("<" + word[:3], size) in near or (">" + word[-3:], size) in near


def with_article(tokens: Sequence[NameToken], i: int) -> int:
    """The first token of a surname with its article: ``Al-Sudani`` starts at ``Al``."""
    if i > 0 and is_article(tokens[i - 1].folded) and tokens[i - 1].joins:
        return i - 1
    return i


def _non_overlapping(hits: list[Hit]) -> list[Hit]:
    """Longer hits first; a hit that overlaps a kept one is dropped."""
    kept: list[Hit] = []
    taken: set[int] = set()
    for hit in sorted(hits, key=lambda h: (h.first - h.last, h.first)):
        cells = set(range(hit.first, hit.last))
        if cells & taken:
            continue
        taken |= cells
        kept.append(hit)
    return kept


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _entries(entries: Iterable[AliasEntry]) -> tuple[AliasEntry, ...]:
    return tuple(entries)


@attrs.frozen
class AliasTable:
    """A set of :class:`AliasEntry` with unique ids.

    Build one with :meth:`from_file`, :meth:`from_files` or :meth:`from_records`.
    Tables are immutable; :meth:`merge` makes a new one from several.
    """

    entries: tuple[AliasEntry, ...] = attrs.field(converter=_entries)
    _by_id: dict[str, AliasEntry] = attrs.field(init=False, repr=False, eq=False)
    _index: list[_Index] = attrs.field(init=False, repr=False, eq=False, factory=list)

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
    def index(self) -> _Index:
        """The matching index, built on first use."""
        if not self._index:
            self._index.append(_Index(self.entries))
        return self._index[0]

    def __getstate__(self) -> dict[str, Any]:
        return {"entries": self.entries}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["entries"])  # type: ignore[misc]

    def find(self, text: str) -> list[TableMatch]:
        """The table's matches in ``text``: longest first, left to right, not overlapping.

        A name or alias matches through the spelling folding (see
        :mod:`newsparse.names`); a surname alone matches when exactly one person
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
        # One C-level scan for the words a key can start with; folding through memos.
        spans = list(map(re.Match.span, _KEY_START.finditer(norm)))
        words = [norm[a:b] for a, b in spans]
        folded, variants = fold_many(words)
        # Which distinct words can start a match: set operations, in C.
        starts = index.starts
        present = starts.intersection(variants)
        present.update(starts.intersection(folded))
        if index.near_surnames:
            near = index.near_surnames
            present.update(
                v
                for v in set(variants) - present
                if len(v) >= 6 and _near(near, v) and index.surname(v, fuzzy=True)
            )
        if not present:
            return []
        candidates = [
            i
            for i, (f, v) in enumerate(zip(folded, variants, strict=True))
            if v in present or f in present
        ]
        matches: list[TableMatch] = []
        covered = 0
        for i in candidates:
            start = spans[i][0]
            if start < covered:
                continue
            hit = self._hit_at(norm, start, index)
            if hit is None:
                continue
            (lo, hi), entry_id, how = hit
            if lo < covered:
                continue
            covered = hi
            a, b = view.span(lo, hi)
            matches.append(TableMatch(a, b, text[a:b], entry_id, how))
        return matches

    def _hit_at(
        self, norm: str, start: int, index: _Index
    ) -> tuple[tuple[int, int], str, MatchMethod] | None:
        """The longest name at ``start``, else the surname there, in a window of words."""
        word_end = start
        while word_end < len(norm) and (norm[word_end].isalnum() or norm[word_end] in "'_"):
            word_end += 1
        head = fold_token(norm[start:word_end])
        longest = max(index.first.get(head, 0), index.first.get(variant_token(head), 0))
        after = word_end + _WINDOW_AFTER * max(longest - 1, 0) + 1
        tokens = tokens_in(norm, max(0, start - _WINDOW_BEFORE), after)
        k = next((j for j, t in enumerate(tokens) if t.start == start), None)
        if k is None:
            return None
        longest = index.first.get(tokens[k].variant) or index.first.get(tokens[k].folded) or 0
        reach = 1
        while reach < longest and k + reach < len(tokens) and tokens[k + reach - 1].joins:
            reach += 1
        for n in range(reach if longest else 0, 0, -1):
            hit = index._lookup(tokens, k, k + n)
            if hit is not None and len(hit.ids) == 1:
                first_token = tokens[with_article(tokens, k)] if n == 1 else tokens[k]
                return (first_token.start, tokens[k + n - 1].end), next(iter(hit.ids)), hit.how
        ids = index.surname(tokens[k].variant, fuzzy=True)
        if len(ids) != 1:
            return None
        how = MatchMethod.VARIANT if tokens[k].variant in index.surnames else MatchMethod.FUZZY
        begin = index.extend_back(tokens, with_article(tokens, k), k + 1, ids)
        return (tokens[begin].start, tokens[k].end), next(iter(ids)), how

    def _find_slow(self, text: str) -> list[TableMatch]:
        """The table's matches in ``text``: longest first, left to right, not overlapping.

        A name or alias matches through the spelling folding (see
        :mod:`newsparse.names`); a surname alone matches when exactly one person
        of the table has it. An alias in capitals (``ISIS``) matches only in
        capitals.

        >>> table = AliasTable.from_records([{"id": "Q1", "name": "Mohammed Shia al-Sudani",
        ...     "type": "PERSON"}])
        >>> found = table.find("PM Muhammad Shia' Al-Sudani met Sudani.")
        >>> [(m.text, m.entry_id, m.how.value) for m in found]
        [("Muhammad Shia' Al-Sudani", 'Q1', 'variant'), ('Sudani', 'Q1', 'variant')]
        """
        doc = segment(text)
        tokens = tokens_of(doc)
        index = self.index
        matches = []
        covered = 0
        hits = index.scan(tokens, headings=True)
        singles = []
        for i, token in enumerate(tokens):
            if token.capitalised:
                ids = index.surname(token.variant, fuzzy=True)
                if len(ids) == 1:
                    exact = token.variant in index.surnames
                    how = MatchMethod.VARIANT if exact else MatchMethod.FUZZY
                    first = index.extend_back(tokens, with_article(tokens, i), i + 1, ids)
                    singles.append(Hit(first, i + 1, ids, how))
        for hit in sorted(_non_overlapping([*hits, *singles]), key=lambda h: h.first):
            if len(hit.ids) != 1 or tokens[hit.first].start < covered:
                continue
            start, end = doc.original_span((tokens[hit.first].start, tokens[hit.last - 1].end))
            covered = tokens[hit.last - 1].end
            matches.append(TableMatch(start, end, text[start:end], next(iter(hit.ids)), hit.how))
        return matches

    @classmethod
    def merge(cls, tables: Iterable[AliasTable]) -> AliasTable:
        """One table holding the entries of all; an id used twice is an error."""
        entries: list[AliasEntry] = []
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
        return cls(entries)

    # ------------------------------------------------------------------
    # loading

    @classmethod
    def from_records(
        cls, records: Sequence[Mapping[str, Any]], *, source: str = "<records>"
    ) -> AliasTable:
        """A table from records shaped like the JSON format's, e.g. from ``json.load``."""
        if isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Sequence):
            raise AliasTableError(
                "an alias table is a list of records (JSON objects)", source=source
            )
        entries = [_entry(record, source=source, record=i) for i, record in enumerate(records, 1)]
        return _unique(entries, source=source, lines=None)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], *, format: str | None = None) -> AliasTable:
        """A table from a ``.json`` or ``.csv`` file (UTF-8, with or without BOM).

        ``format`` (``"json"`` or ``"csv"``) overrides the file's suffix.
        """
        source = os.fspath(path)
        kind = (format or os.path.splitext(source)[1].lstrip(".")).lower()
        if kind not in ("json", "csv"):
            raise AliasTableError(
                "cannot tell the format from the file name; name it .json or .csv, "
                "or pass format='json' or format='csv'",
                source=source,
            )
        try:
            with open(source, encoding="utf-8-sig") as handle:
                text = handle.read()
        except UnicodeDecodeError as exc:
            raise AliasTableError(
                f"not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset {exc.start}); "
                "save the file as UTF-8",
                source=source,
            ) from exc
        except OSError as exc:
            raise AliasTableError(f"cannot read the file: {exc.strerror}", source=source) from exc
        if kind == "json":
            return _from_json(text, source)
        return _from_csv(text, source)

    @classmethod
    def from_files(cls, paths: Iterable[str | os.PathLike[str]]) -> AliasTable:
        """One table from several files; an id defined in two files is an error naming both."""
        tables = []
        owners: dict[str, str] = {}
        for path in paths:
            table = cls.from_file(path)
            for entry in table.entries:
                if entry.id in owners:
                    raise AliasTableError(
                        f"duplicate id {entry.id!r}, already defined in {owners[entry.id]}; "
                        "every entry needs its own id",
                        source=os.fspath(path),
                        field="id",
                    )
                owners[entry.id] = os.fspath(path)
            tables.append(table)
        return cls.merge(tables)


# --------------------------------------------------------------------------
# validation


def _unique(entries: list[AliasEntry], *, source: str, lines: Sequence[int] | None) -> AliasTable:
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
    return AliasTable(entries)


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
    where: dict[str, Any] = {"source": source, "record": record, "line": line}
    if not isinstance(data, Mapping):
        raise AliasTableError(f"each record must be an object, got {type(data).__name__}", **where)
    entry_id = _text(data.get("id"), where, "id")
    name = _text(data.get("name"), where, "name")
    raw_type = data.get("type")
    type_name = raw_type.strip().upper() if isinstance(raw_type, str) else ""
    if type_name not in EntityType.__members__:
        raise AliasTableError(f"{raw_type!r} is not one of {_TYPES}", field="type", **where)
    raw_aliases = data.get("aliases")
    aliases: list[str] = []
    if raw_aliases is not None:
        if split_aliases and isinstance(raw_aliases, str):
            raw_aliases = [a for a in raw_aliases.split("|") if a.strip()]
        if not isinstance(raw_aliases, list):
            raise AliasTableError(
                f"must be a list of strings, got a {type(raw_aliases).__name__}",
                field="aliases",
                **where,
            )
        for i, alias in enumerate(raw_aliases):
            aliases.append(_text(alias, where, f"aliases[{i}]"))
    roles: list[Role] = []
    raw_roles = data.get("roles")
    if raw_roles is not None:
        if not isinstance(raw_roles, list):
            raise AliasTableError(
                f"must be a list of objects, got a {type(raw_roles).__name__}",
                field="roles",
                **where,
            )
        for i, raw_role in enumerate(raw_roles):
            field = f"roles[{i}]"
            if not isinstance(raw_role, Mapping):
                raise AliasTableError(
                    f"must be an object with title, start and end, got a {type(raw_role).__name__}",
                    field=field,
                    **where,
                )
            title = _text(raw_role.get("title"), where, f"{field}.title")
            start = _date(raw_role.get("start"), where, f"{field}.start")
            end = _date(raw_role.get("end"), where, f"{field}.end")
            if start is not None and end is not None and end < start:
                raise AliasTableError(
                    f"ends ({end}) before it starts ({start})", field=f"{field}.end", **where
                )
            roles.append(Role(title, start, end))
    return AliasEntry(
        id=entry_id,
        name=name,
        type=EntityType[type_name],
        aliases=tuple(dict.fromkeys(aliases)),
        roles=tuple(roles),
    )


def _from_json(text: str, source: str) -> AliasTable:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AliasTableError(
            f"malformed JSON at column {exc.colno}: {exc.msg}", source=source, line=exc.lineno
        ) from exc
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
    if len({e.id for e in entries}) != len(entries):
        lines = _record_lines(text)
    return _unique(entries, source=source, lines=lines)


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


def _from_csv(text: str, source: str) -> AliasTable:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise AliasTableError(
            "the file is empty; it needs a header line id,name,type,aliases", source=source
        ) from None
    columns = [c.strip().lower() for c in header]
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
    return _unique(entries, source=source, lines=lines)
