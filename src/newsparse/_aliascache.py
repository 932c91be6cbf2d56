"""Alias table cache files: a table with its matching index, ready to use at once.

Building the index of a table of a million names takes tens of seconds; a cache
file holds the entries and the index's arrays, so loading one costs little more
than reading it. The format is plain data, never pickle: a magic line, one line
of JSON describing what follows, then the sections as bytes.

    NEWSPARSE ALIAS CACHE\\n
    {"cache": 1, "index": 2, "newsparse": "0.1.0", "folding": "<digest>",
     "byteorder": "little", "entries": 3, "sections": [["entries", 120], ...],
     "sha256": "<digest of the sections>"}\\n
    <sections, one after another>

A file is refused, with an :class:`~newsparse.AliasTableError` naming it, when it
is not a cache (wrong magic line), when it was written by another version of
newsparse or with other spelling rules (its keys would not match this version's),
or when it is damaged (lengths or digest wrong, values out of range). A refused
cache is rebuilt from its source table with :meth:`AliasTable.save_cache`.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import secrets
import sys
from array import array
from importlib import resources
from typing import TYPE_CHECKING, Any

from newsparse._aliasindex import FORMAT, Index
from newsparse._version import __version__
from newsparse.errors import AliasTableError
from newsparse.model import EntityType

if TYPE_CHECKING:
    from newsparse.aliases import AliasTable

__all__ = ["MAGIC", "SUFFIX", "is_cache", "read_cache", "write_cache"]

MAGIC = b"NEWSPARSE ALIAS CACHE\n"
SUFFIX = ".npcache"
_CACHE_FORMAT = 1
_HEADER_LIMIT = 1 << 16
# Package data that shapes matching keys: a cache built with other rows is stale.
_FOLDING_DATA = ("transliterations.tsv", "titles.tsv", "countries.tsv")
# Maps whose values are entry numbers (the others hold hashes or lengths).
_ENTRY_MAPS = ("keys", "masked", "surnames")


def folding_digest() -> str:
    """A digest of the rules behind matching keys: the index format and its data tables."""
    digest = hashlib.sha256(f"index {FORMAT}".encode())
    for name in _FOLDING_DATA:
        digest.update((resources.files("newsparse") / "data" / name).read_bytes())
    return digest.hexdigest()[:32]


def is_cache(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is named as a cache file (``.npcache``)."""
    return os.fspath(path).lower().endswith(SUFFIX)


def write_cache(table: AliasTable, path: str | os.PathLike[str]) -> None:
    """Write ``table`` and its index to ``path``, replacing the file only once complete."""
    target = os.fspath(path)
    state = table.index.state()
    rows = [
        [
            e.id,
            e.name,
            e.type.value,
            list(e.aliases),
            [[r.title, _iso(r.start), _iso(r.end)] for r in e.roles],
        ]
        for e in table.entries
    ]
    sections: list[tuple[str, bytes]] = [
        ("entries", json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()),
        ("near", json.dumps(state["near"]).encode()),
        *((f"map:{name}", data) for name, data in state["maps"].items()),
    ]
    digest = hashlib.sha256()
    for _, data in sections:
        digest.update(data)
    header = {
        "cache": _CACHE_FORMAT,
        "index": FORMAT,
        "newsparse": __version__,
        "folding": folding_digest(),
        "byteorder": sys.byteorder,
        "entries": len(rows),
        "sections": [[name, len(data)] for name, data in sections],
        "sha256": digest.hexdigest(),
    }
    folder = os.path.dirname(os.path.abspath(target))
    # A name of our own rather than mkstemp's, so the file gets the usual permissions
    # (the umask's), and others who read the table (workers of a cluster) can read it.
    temporary = os.path.join(folder, f".{os.path.basename(target)}.{secrets.token_hex(6)}.tmp")
    try:
        with open(temporary, "xb") as out:
            out.write(MAGIC)
            out.write(json.dumps(header).encode() + b"\n")
            for _, data in sections:
                out.write(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read_cache(path: str | os.PathLike[str]) -> AliasTable:
    """The table in a cache file, with its index; refused when foreign, stale or damaged."""
    from newsparse.aliases import AliasEntry, AliasTable, Role

    source = os.fspath(path)

    def refuse(message: str) -> AliasTableError:
        return AliasTableError(message, source=source)

    try:
        with open(source, "rb") as handle:
            magic = handle.read(len(MAGIC))
            if magic != MAGIC:
                raise refuse(
                    "not a newsparse alias cache (its first line is wrong); load JSON or CSV "
                    "tables with AliasTable.from_file, and write caches with save_cache"
                )
            header_line = handle.readline(_HEADER_LIMIT)
            payload = handle.read()
    except OSError as exc:
        raise refuse(f"cannot read the file: {exc.strerror}") from exc
    header = _header(header_line, refuse)
    if header["newsparse"] != __version__ or header["folding"] != folding_digest():
        raise refuse(
            f"written by newsparse {header['newsparse']} with other spelling rules; "
            f"this is newsparse {__version__}: rebuild the cache from its source table"
        )
    sections: dict[str, bytes] = {}
    offset = 0
    for name, length in header["sections"]:
        sections[name] = payload[offset : offset + length]
        offset += length
    if offset != len(payload) or hashlib.sha256(payload).hexdigest() != header["sha256"]:
        raise refuse("the file is damaged (its length or digest is wrong); rebuild it")
    try:
        rows = json.loads(sections["entries"])
        kinds = {kind.value: kind for kind in EntityType}
        entries = []
        for entry_id, name, kind, aliases, roles in rows:
            if type(entry_id) is not str or type(name) is not str:
                raise TypeError("an id or a name is not a string")
            entries.append(
                AliasEntry(
                    entry_id,
                    name,
                    kinds[kind],
                    tuple(map(_string, aliases)) if aliases else (),
                    tuple(Role(_string(t), _date(a), _date(b)) for t, a, b in roles)
                    if roles
                    else (),
                )
            )
        table = AliasTable(entries)
        maps = {}
        for name, data in sections.items():
            if name.startswith("map:"):
                maps[name[4:]] = data
        state = {
            "format": header["index"],
            "byteorder": header["byteorder"],
            "maps": maps,
            "near": [_string(w) for w in json.loads(sections["near"])],
        }
        index = Index.from_state(table.entries, state)
    except (KeyError, TypeError, ValueError) as exc:
        raise refuse(f"the file is damaged ({exc}); rebuild it") from None
    if len(entries) != header["entries"] or not _in_range(index, len(entries)):
        raise refuse("the file is damaged (an entry number is out of range); rebuild it")
    table.adopt_index(index)
    return table


def _header(line: bytes, refuse: Any) -> dict[str, Any]:
    try:
        header = json.loads(line)
    except ValueError:
        header = None
    expected = {"cache", "index", "newsparse", "folding", "byteorder", "entries", "sections"}
    if not isinstance(header, dict) or not expected | {"sha256"} <= header.keys():
        raise refuse("the file is damaged (its header line is not readable); rebuild it")
    if header["cache"] != _CACHE_FORMAT or header["index"] != FORMAT:
        raise refuse(
            f"cache format {header['cache']}.{header['index']} is not this version's "
            f"({_CACHE_FORMAT}.{FORMAT}): rebuild the cache from its source table"
        )
    sections = header["sections"]
    if not (
        isinstance(sections, list)
        and all(
            isinstance(s, list) and len(s) == 2 and isinstance(s[0], str) and type(s[1]) is int
            for s in sections
        )
        and header["byteorder"] in ("little", "big")
    ):
        raise refuse("the file is damaged (its header line is not readable); rebuild it")
    return header


def _in_range(index: Index, count: int) -> bool:
    """Whether every entry number in the index names an entry."""
    for name in _ENTRY_MAPS:
        packed = getattr(index, name).packed
        if not packed:
            continue
        halves = array("I")
        halves.frombytes(packed.tobytes())
        # The low half of each 64-bit integer is the value.
        values = halves[0::2] if sys.byteorder == "little" else halves[1::2]
        if max(values) >= count:
            return False
    return True


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _date(value: Any) -> _dt.date | None:
    return None if value is None else _dt.date.fromisoformat(_string(value))


def _iso(day: _dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
