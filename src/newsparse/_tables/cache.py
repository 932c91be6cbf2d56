"""Alias table cache files: a table with its matching index, ready to use at once.

Building the index of a table of a million names takes tens of seconds; a cache
file holds the entries and the index's arrays, so loading one costs little more
than reading it. The format is plain data, never pickle: a magic line, one line
of JSON describing what follows, then the sections as bytes.

    NEWSPARSE ALIAS CACHE\\n
    {"cache": 1, "index": 2, "newsparse": "0.1.0", "folding": "<digest>",
     "byteorder": "little", "entries": 3, "sections": [["entries", 120], ...],
     "sha256": "<digest of the sections>",
     "sources": [{"name": "people.json", "sha256": "<digest>", "entries": 3}]}\\n
    <sections, one after another>

A file is refused, with an :class:`~newsparse.AliasTableError` naming it, when it
is not a cache (wrong magic line), when it was written by another version of
newsparse or with other spelling rules (its keys would not match this version's),
or when it is damaged. The digest only catches accidents: anyone can write a
file with a matching one. So every section is also checked against the file and
the entries before it is used — lengths against the file's size before the body
is read, counts against the entries, entry numbers within range, the arrays
sorted, the lengths of names no longer than the longest name — and a crafted
file is refused in about the time it takes to read it; it cannot make matching
slower than its entries would with an index built afresh. A refused cache is
rebuilt from its source table with :meth:`AliasTable.save_cache`.

``sources`` (absent from caches of newsparse before it was added, which load
with no sources) names the table files the cache was built from, with the
SHA-256 digest of each file's bytes, so that a cache loaded beside a newer copy
of its table can say it is stale (see :meth:`AliasTable.from_files`).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import operator
import os
import random
import secrets
import sys
from array import array
from importlib import resources
from itertools import islice
from typing import TYPE_CHECKING, Any, BinaryIO

import regex

from newsparse._tables.index import FORMAT, Index, forms_of, key_hash, masked_key
from newsparse._tables.types import AliasEntry, Role, TableSource
from newsparse._version import __version__
from newsparse.errors import AliasTableError
from newsparse.model import EntityType

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence

__all__ = ["MAGIC", "SUFFIX", "is_cache", "read_cache", "write_cache"]

MAGIC = b"NEWSPARSE ALIAS CACHE\n"
SUFFIX = ".npcache"
_CACHE_FORMAT = 1
_HEADER_LIMIT = 1 << 16
# Package data that shapes matching keys: a cache built with other rows is stale.
_FOLDING_DATA = ("transliterations.tsv", "titles.tsv", "countries.tsv")
# The sections of a cache, each exactly once.
_MAPS = ("keys", "masked", "pairs", "surnames", "near_misses", "starts")
_SECTIONS = frozenset({"entries", "near", *(f"map:{name}" for name in _MAPS)})
# Maps whose values are entry numbers (the others hold hashes or lengths).
_ENTRY_MAPS = ("keys", "masked", "surnames")
# Values under one hash past this many are checked against the entries' own keys:
# a crafted run would have every lookup of that key read each entry it names.
_LONG_RUN = 64
_SAMPLE = 16
_RANDOM = random.SystemRandom()


def folding_digest() -> str:
    """A digest of the rules behind matching keys: the index format and its data tables."""
    digest = hashlib.sha256(f"index {FORMAT}".encode())
    for name in _FOLDING_DATA:
        digest.update((resources.files("newsparse") / "data" / name).read_bytes())
    return digest.hexdigest()[:32]


def is_cache(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is named as a cache file (``.npcache``)."""
    return os.fspath(path).lower().endswith(SUFFIX)


#: What a cache file holds: a table's entries, the files they came from, its index.
CacheContents = tuple[tuple[AliasEntry, ...], tuple[TableSource, ...], Index]


def write_cache(
    path: str | os.PathLike[str],
    entries: Sequence[AliasEntry],
    index: Index,
    sources: Sequence[TableSource],
) -> None:
    """Write a table's entries, index and sources to ``path``, replacing the file only
    once complete.

    The bytes go to a temporary file in the same folder, are flushed to the disk
    (fsync), and the file is then renamed over ``path`` in one step, so a reader,
    a crash or a full disk never sees half a cache.
    """
    target = os.fspath(path)
    state = index.state()
    rows = [
        [
            e.id,
            e.name,
            e.type.value,
            list(e.aliases),
            [[r.title, _iso(r.start), _iso(r.end)] for r in e.roles],
        ]
        for e in entries
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
        "sources": [{"name": s.name, "sha256": s.sha256, "entries": s.entries} for s in sources],
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
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _sync_folder(folder: str) -> None:
    """Flush the rename to the disk too, where the system allows it (not on Windows)."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def read_cache(path: str | os.PathLike[str]) -> CacheContents:
    """The table in a cache file, with its index; refused when foreign, stale or damaged.

    Reads the path of a cache file; returns its entries, its sources and its index
    (:data:`CacheContents`), every section checked first.
    """
    source = os.fspath(path)

    def refuse(message: str) -> AliasTableError:
        return AliasTableError(message, source=source)

    def damaged(what: str) -> AliasTableError:
        return refuse(f"the file is damaged ({what}); rebuild it from its source table")

    header, payload = _read_file(source, refuse, damaged)
    sections = _split(payload, header["sections"])
    entries = _entries(sections["entries"], header["entries"], damaged)
    sources = _sources(header.get("sources", []), len(entries), damaged)
    ids = {e.id for e in entries}
    if len(ids) != len(entries) or "" in ids:
        raise damaged("two of its entries share an id, or an id is empty")
    maps = _maps(sections, damaged)
    near = _near(sections["near"], damaged)
    state = {"format": header["index"], "byteorder": header["byteorder"], "maps": maps}
    index = Index.from_state(entries, {**state, "near": near})
    problem = _index_problem(index, entries)
    if problem:
        raise damaged(problem)
    return entries, sources, index


def _read_file(
    source: str,
    refuse: Callable[[str], AliasTableError],
    damaged: Callable[[str], AliasTableError],
) -> tuple[dict[str, Any], bytes]:
    """The header (a dict, checked by :func:`_header`) and the body (the sections'
    bytes, their digest checked) of the cache file at ``source``."""
    try:
        with open(source, "rb") as handle:
            header, expected = _read_header(handle, refuse, damaged)
            payload = handle.read(expected)
    except OSError as exc:
        raise refuse(f"cannot read the file: {exc.strerror}") from exc
    if len(payload) != expected:
        raise damaged("it changed while being read")
    if hashlib.sha256(payload).hexdigest() != header["sha256"]:
        raise damaged("its digest is wrong")
    return header, payload


def _read_header(
    handle: BinaryIO,
    refuse: Callable[[str], AliasTableError],
    damaged: Callable[[str], AliasTableError],
) -> tuple[dict[str, Any], int]:
    """The header of the cache file open (at its start) in ``handle``, as a dict, and
    the number of bytes of sections after it, which the file's size is checked
    against before the body is read: a file cut short, or a huge one, is refused
    without reading it. Leaves ``handle`` at the start of the body."""
    size = os.fstat(handle.fileno()).st_size
    magic = handle.read(len(MAGIC))
    if magic != MAGIC:
        raise refuse(
            "not a newsparse alias cache (its first line is wrong); load JSON or CSV "
            "tables with AliasTable.from_file, and write caches with save_cache"
        )
    header_line = handle.readline(_HEADER_LIMIT)
    if not header_line.endswith(b"\n"):
        raise damaged("its header line is cut short or too long")
    header = _header(header_line, refuse, damaged)
    if header["newsparse"] != __version__ or header["folding"] != folding_digest():
        raise refuse(
            f"written by newsparse {header['newsparse']} with other spelling rules; "
            f"this is newsparse {__version__}: rebuild the cache from its source table"
        )
    expected: int = sum(length for _, length in header["sections"])
    body = size - len(MAGIC) - len(header_line)
    if body != expected:
        raise damaged(
            f"the header describes {expected:,} bytes after it, the file holds "
            f"{body:,}: it is cut short or has bytes added"
        )
    return header, expected


def _split(payload: bytes, layout: Sequence[Sequence[Any]]) -> dict[str, memoryview]:
    """The body of a cache cut into its sections: reads the header's ``[name, length]``
    pairs, in file order; returns each section's name with a view of its bytes."""
    sections: dict[str, memoryview] = {}
    view = memoryview(payload)
    offset = 0
    for name, length in layout:
        sections[name] = view[offset : offset + length]
        offset += length
    return sections


def _maps(
    sections: Mapping[str, memoryview], damaged: Callable[[str], AliasTableError]
) -> dict[str, memoryview]:
    """The map sections (``map:<name>`` of ``sections``) by the map's name, each
    refused unless it is a whole number of 64-bit values."""
    maps = {}
    for name in _MAPS:
        data = sections[f"map:{name}"]
        if len(data) % 8:
            raise damaged(f"section map:{name} is not a whole number of 64-bit values")
        maps[name] = data
    return maps


def _near(data: memoryview, damaged: Callable[[str], AliasTableError]) -> list[str]:
    """Section ``near`` (JSON bytes) as its list of strings of 16 characters or fewer."""
    try:
        near = json.loads(bytes(data))
    except (ValueError, RecursionError):
        raise damaged("section near is not readable") from None
    if not isinstance(near, list) or not all(type(w) is str and len(w) <= 16 for w in near):
        raise damaged("section near is not a list of short strings")
    return near


def _header(
    line: bytes,
    refuse: Callable[[str], AliasTableError],
    damaged: Callable[[str], AliasTableError],
) -> dict[str, Any]:
    try:
        header = json.loads(line)
    except (ValueError, RecursionError):
        header = None
    expected = {"cache", "index", "newsparse", "folding", "byteorder", "entries", "sections"}
    if not isinstance(header, dict) or not expected | {"sha256"} <= header.keys():
        raise damaged("its header line is not readable")
    if header["cache"] != _CACHE_FORMAT or header["index"] != FORMAT:
        raise refuse(
            f"cache format {header['cache']}.{header['index']} is not this version's "
            f"({_CACHE_FORMAT}.{FORMAT}): rebuild the cache from its source table"
        )
    sections = header["sections"]
    if not (
        isinstance(sections, list)
        and all(
            isinstance(s, list)
            and len(s) == 2
            and isinstance(s[0], str)
            and type(s[1]) is int
            and s[1] >= 0
            for s in sections
        )
        and header["byteorder"] in ("little", "big")
        and type(header["entries"]) is int
        and header["entries"] >= 0
        and isinstance(header["sha256"], str)
        and isinstance(header["newsparse"], str)
    ):
        raise damaged("its header line is not readable")
    names = [s[0] for s in sections]
    if len(names) != len(set(names)) or set(names) != _SECTIONS:
        raise damaged(
            f"its sections are {', '.join(names)}; expected {', '.join(sorted(_SECTIONS))}"
        )
    return header


def _entries(
    data: memoryview, count: int, damaged: Callable[[str], AliasTableError]
) -> tuple[AliasEntry, ...]:
    try:
        rows = json.loads(bytes(data))
        if not isinstance(rows, list):
            raise TypeError("not a list")
        if len(rows) != count:
            raise damaged(f"it holds {len(rows):,} entries, its header says {count:,}")
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
    except (KeyError, TypeError, ValueError, RecursionError) as exc:
        raise damaged(f"section entries is not readable: {exc}") from None
    return tuple(entries)


def _sources(
    raw: Any, count: int, damaged: Callable[[str], AliasTableError]
) -> tuple[TableSource, ...]:
    if not isinstance(raw, list):
        raise damaged("its list of sources is not readable")
    sources = []
    for item in raw:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and isinstance(item.get("sha256"), str)
            and type(item.get("entries")) is int
            and item["entries"] >= 0
        ):
            raise damaged("its list of sources is not readable")
        sources.append(TableSource(item["name"], item["sha256"], item["entries"]))
    if sources and sum(s.entries for s in sources) != count:
        raise damaged("its sources do not add up to its entries")
    return tuple(sources)


def _halves(packed: array[int]) -> tuple[array[int], array[int]]:
    """The high halves (hashes) and the low halves (values) of a map's integers."""
    halves = array("I")
    halves.frombytes(packed.tobytes())
    if sys.byteorder == "little":
        return halves[1::2], halves[0::2]
    return halves[0::2], halves[1::2]


def _index_problem(index: Index, entries: Sequence[AliasEntry]) -> str | None:
    """What is wrong with an index read from a file, or ``None`` when it fits its entries.

    Every test but the rare long run (:data:`_LONG_RUN`) runs in C over the arrays,
    so a sound cache of a million names is checked in a fraction of its loading time.
    """
    strings = [w for e in entries for w in (e.name, *e.aliases)]
    words = max(((len(w) + 1) // 2 for w in strings), default=0)  # a bound: cheap, not tight
    limits = _limits(strings, words)
    for name in _MAPS:
        packed = getattr(index, name).packed
        problem = _size_problem(name, packed, limits[name])
        if problem is None and packed:
            hashes, values = _halves(packed)
            problem = _values_problem(name, hashes, values, len(entries), strings, words)
        if problem:
            return problem
    if len(index.near) > 6 * len(index.surnames):
        return "section near holds more than its surnames give"
    return _long_run_problem(index, entries)


def _limits(strings: Sequence[str], words: int) -> dict[str, int]:
    """The most integers each map can hold, by map name, as the index builds them for
    entries whose names and aliases are ``strings``, of at most ``words`` words each."""
    forms = len(strings)
    return {
        "keys": forms,
        "surnames": forms,
        "pairs": forms,
        "masked": forms * words,
        "starts": forms * 4,
        "near_misses": forms * (max(map(len, strings), default=0) + 2),
    }


def _size_problem(name: str, packed: array[int], limit: int) -> str | None:
    """What is wrong with the ``hash << 32 | value`` integers of map ``name`` as a
    whole (``packed``; ``limit``, the most it may hold), as a message, else ``None``."""
    if len(packed) > limit:
        return f"section map:{name} holds {len(packed):,} values, more than its entries give"
    if not all(map(operator.lt, packed, islice(packed, 1, None))):
        return f"section map:{name} is not in order"
    return None


def _values_problem(
    name: str,
    hashes: array[int],
    values: array[int],
    count: int,
    strings: Sequence[str],
    words: int,
) -> str | None:
    """What is wrong with the values of map ``name`` (not empty, in order), as a
    message, else ``None``: reads its hashes and values (:func:`_halves`), the number
    of entries (``count``), and the entries' names and aliases (``strings``, of at
    most ``words`` words), which bound the lengths that ``starts`` gives."""
    if name in _ENTRY_MAPS and max(values) >= count:
        return f"section map:{name} has an entry number out of range"
    if name == "starts":
        if not all(map(operator.lt, hashes, islice(hashes, 1, None))):
            return "section map:starts holds a word twice"
        if max(values) > words or not _some_name_has(strings, max(values)):
            return f"section map:starts gives a name of {max(values):,} words; none has as many"
    elif name == "pairs" and any(values):
        return "section map:pairs holds values where there are none"
    return None


def _long_run_problem(index: Index, entries: Sequence[AliasEntry]) -> str | None:
    """Whether a hash with many values (an entry number under a key that is not one of
    its own) is false: each such value is checked against its entry's keys, and the
    first that fails ends the check, so a crafted run is refused at once."""
    for name in ("keys", "surnames", "masked"):
        hashes, values = _halves(getattr(index, name).packed)
        if not any(map(operator.eq, hashes, islice(hashes, _LONG_RUN, None))):
            continue  # no hash has more than _LONG_RUN values (the usual case)
        for i, j in _long_runs(hashes):
            # A sample drawn at random: a run that is mostly false (the only kind
            # that makes lookups slower than the entries' own) fails it, and the
            # check costs the same for a run of a hundred and of a million.
            for n in _RANDOM.sample(list(values[i:j]), _SAMPLE):
                if hashes[i] not in _own_hashes(name, entries[n]):
                    return f"section map:{name} names entry {n + 1} under a key not its own"
    return None


def _long_runs(hashes: Sequence[int]) -> Iterator[tuple[int, int]]:
    """The runs of one hash in ``hashes`` (sorted) longer than :data:`_LONG_RUN`, as
    ``(start, stop)`` slices, first to last."""
    i = 0
    while i < len(hashes):
        j = i
        while j < len(hashes) and hashes[j] == hashes[i]:
            j += 1
        if j - i > _LONG_RUN:
            yield i, j
        i = j


def _own_hashes(name: str, entry: AliasEntry) -> set[int]:
    """The hashes under which map ``name`` (``keys``, ``surnames`` or ``masked``) of a
    sound index holds ``entry``: those of its forms' keys of that kind."""
    own: set[int] = set()
    for form in forms_of(entry):
        if name == "keys":
            own.add(key_hash(form.variant_key))
        elif name == "surnames":
            own.add(key_hash(form.variants[-1]))
        else:
            own.update(key_hash(masked_key(form.variants, k)) for k in range(len(form.variants)))
    return own


def _some_name_has(strings: Sequence[str], words: int) -> bool:
    """Whether one of ``strings`` has at least ``words`` words (as :func:`name_tokens`
    counts them before titles are dropped): one scan in C, which stops at the first."""
    if words <= 1:
        return True
    line = regex.compile(rf"(?m)^[^\n\w]*+(?:\w++(?:'\w++)*+[^\n\w]*+){{{words}}}")
    return line.search("\n".join(strings)) is not None


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _date(value: Any) -> _dt.date | None:
    return None if value is None else _dt.date.fromisoformat(_string(value))


def _iso(day: _dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
