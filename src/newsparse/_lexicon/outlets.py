"""News agencies and outlets: the table datelines and bylines are read with.

The package ships a table of general reference data (the major international
and national news agencies and some large outlets). Users add their own with
:meth:`OutletTable.extended` or load one with :meth:`OutletTable.from_file`.

>>> table = OutletTable.default()
>>> table.lookup("AP").name
'Associated Press'
>>> table.lookup("Reutersd") is None, table.lookup("Reutersd", fuzzy=True).name
(True, 'Reuters')
>>> local = table.extended([Outlet("Basra Herald", ("BH Daily",), "IQ")])
>>> local.lookup("bh daily").name
'Basra Herald'
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
from collections.abc import Iterable, Iterator

import attrs
import regex

from newsparse._lexicon.files import read_rows
from newsparse._lexicon.spelling import within_one_edit
from newsparse.errors import NewsparseError

__all__ = ["Outlet", "OutletTable", "OutletTableError"]

_KEY_DROP = regex.compile(r"[\W_]+")


class OutletTableError(NewsparseError, ValueError):
    """An outlet table file cannot be loaded; the message names the file and line."""


def outlet_key(name: str) -> str:
    """The lookup key of an outlet name: case-folded letters and digits only.

    >>> outlet_key("Agence France-Presse"), outlet_key("A.P.")
    ('agencefrancepresse', 'ap')
    """
    return _KEY_DROP.sub("", name.casefold())


def _aliases(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class Outlet:
    """A news agency or outlet: its canonical name, other names, and country."""

    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    country: str | None = None
    kind: str = "outlet"

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)


# The shortest key a typo is forgiven in.
_FUZZY_LENGTH = 6


def _near_marks(key: str, size: int) -> tuple[tuple[str, int], tuple[str, int]]:
    """Marks of the keys of ``size`` letters that begin with the first three letters of
    ``key`` or end with its last three: ``_near_marks("reutersd", 7)`` is
    ``(("<reu", 7), (">rsd", 7))``, and ``reuters`` has the first.

    One edit (an insertion, deletion or substitution) to a key of six letters or
    more leaves its first three letters or its last three as they were: every key
    one edit from another has a mark of its, at its own size, in common with it.
    """
    return ("<" + key[:3], size), (">" + key[-3:], size)


class OutletTable:
    """A set of outlets, looked up by any of their names, case and punctuation aside."""

    __slots__ = ("_by_key", "_hash", "_near", "outlets")

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets: tuple[Outlet, ...] = tuple(outlets)
        # Worked out once: each parse looks its reference table up by the outlets table.
        self._hash = hash(self.outlets)
        self._by_key: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for name in outlet.names:
                key = outlet_key(name)
                if key:
                    # A later outlet (a user's) overrides an earlier one of the same name.
                    self._by_key[key] = outlet
        # For one typo: the keys of six letters or more by their first three letters
        # and by their last three, with their length (see _near_marks).
        self._near: dict[tuple[str, int], list[str]] = {}
        for key in self._by_key:
            if len(key) >= _FUZZY_LENGTH:
                for mark in _near_marks(key, len(key)):
                    self._near.setdefault(mark, []).append(key)

    def __len__(self) -> int:
        return len(self.outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self.outlets)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OutletTable) and self.outlets == other.outlets

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"OutletTable(<{len(self.outlets)} outlets>)"

    def __reduce__(self) -> tuple[type[OutletTable], tuple[tuple[Outlet, ...]]]:
        return (OutletTable, (self.outlets,))

    @classmethod
    def default(cls) -> OutletTable:
        """The table shipped with newsparse (``newsparse/data/outlets.tsv``)."""
        return _default_table()

    def extended(self, outlets: Iterable[Outlet]) -> OutletTable:
        """A new table with ``outlets`` added; they win over shipped entries of the same name."""
        return OutletTable((*self.outlets, *outlets))

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], *, extend_default: bool = True) -> OutletTable:
        """Outlets from a file: JSON (a list of ``{"name", "aliases", "country"}``) or CSV
        with a header ``name,aliases,country`` (aliases separated by ``|``).

        By default the shipped table is extended; pass ``extend_default=False`` to
        use the file alone.
        """
        source = os.fspath(path)
        try:
            with open(source, encoding="utf-8-sig") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise OutletTableError(f"{source}: cannot read the file: {exc}") from exc
        outlets = _read_json(text, source) if source.endswith(".json") else _read_csv(text, source)
        return cls.default().extended(outlets) if extend_default else cls(outlets)

    def lookup(self, name: str, *, fuzzy: bool = False) -> Outlet | None:
        """The outlet called ``name``, or ``None``.

        With ``fuzzy``, a name of six letters or more may differ from a known one
        by one typing error (``Reutersd``), when exactly one outlet is that close.
        """
        key = outlet_key(name)
        if not key:
            return None
        found = self._by_key.get(key)
        if found is not None or not fuzzy or len(key) < _FUZZY_LENGTH:
            return found
        close = {
            id(self._by_key[known]): self._by_key[known]
            for size in (len(key) - 1, len(key), len(key) + 1)
            for mark in _near_marks(key, size)
            for known in self._near.get(mark, ())
            if within_one_edit(key, known)
        }
        return next(iter(close.values())) if len(close) == 1 else None


@functools.cache
def _default_table() -> OutletTable:
    outlets = []
    for row in read_rows("outlets.tsv"):
        name, aliases, country, kind = (*row, "", "", "", "")[:4]
        outlets.append(
            Outlet(
                name=name,
                aliases=tuple(a.strip() for a in aliases.split("|") if a.strip()),
                country=None if country in ("", "-") else country,
                kind=kind or "outlet",
            )
        )
    return OutletTable(outlets)


def _read_json(text: str, source: str) -> list[Outlet]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise OutletTableError(f"{source}, line {exc.lineno}: malformed JSON: {exc.msg}") from exc
    if not isinstance(data, list):
        raise OutletTableError(f"{source}: the top level must be a list of outlets")
    outlets = []
    for number, record in enumerate(data, 1):
        if not isinstance(record, dict) or not isinstance(record.get("name"), str):
            raise OutletTableError(f"{source}, record {number}: needs a string field 'name'")
        aliases = record.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise OutletTableError(
                f"{source}, record {number}, field 'aliases': must be a list of strings"
            )
        country = record.get("country")
        outlets.append(
            Outlet(
                record["name"].strip(),
                tuple(aliases),
                country if isinstance(country, str) else None,
                str(record.get("kind") or "outlet"),
            )
        )
    return outlets


def _read_csv(text: str, source: str) -> list[Outlet]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [c.strip().lower() for c in next(reader, [])]
    if "name" not in header:
        raise OutletTableError(f"{source}, line 1: the header must read name,aliases,country")
    outlets = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise OutletTableError(
                f"{source}, line {reader.line_num}: has {len(row)} columns "
                f"but the header has {len(header)}"
            )
        record = dict(zip(header, row, strict=True))
        outlets.append(
            Outlet(
                record["name"].strip(),
                tuple(a.strip() for a in record.get("aliases", "").split("|") if a.strip()),
                record.get("country", "").strip() or None,
                record.get("kind", "").strip() or "outlet",
            )
        )
    return outlets
