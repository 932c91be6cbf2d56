"""Parsing many articles: in this process, in a pool of worker processes, or in the
partitions of a distributed engine (Dask, Spark).

The alias and outlet tables are sent to each worker once, when it starts; the
texts then travel in chunks, and the articles come back in input order.

>>> articles = list(parse_many(["One.", "Two.\\n\\nThree."], processes=1))
>>> [len(a.paragraphs) for a in articles]
[1, 2]

For a distributed engine, :func:`parse_partition` turns one partition of records
into contract dictionaries, loading the alias table once per worker process:

>>> rows = parse_partition([{"id": 7, "text": "Markets fell yesterday."}],
...                        reference_date="2025-01-08")
>>> rows[0]["id"], rows[0]["dates"][0]["value"]
(7, '2025-01-07')
"""

from __future__ import annotations

import datetime as _dt
import functools
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from newsparse.aliases import AliasTable
from newsparse.errors import InvalidArgumentError, NewsparseError
from newsparse.model import Article
from newsparse.outlets import OutletTable
from newsparse.pipeline import parse

__all__ = ["parse_many", "parse_partition", "shared_table"]

#: An item of a batch: a text, or a text with its own reference date.
Item = str | tuple[str, _dt.date | str | None]

# What a worker keeps from its initializer: the tables and the default date.
_WORKER: dict[str, Any] = {}


def _start_worker(
    aliases: AliasTable | None, outlets: OutletTable | None, reference_date: Any
) -> None:
    _WORKER["aliases"] = aliases
    _WORKER["outlets"] = outlets
    _WORKER["reference_date"] = reference_date
    if aliases is not None:
        aliases.index  # build the matching index once per worker  # noqa: B018


def _parse_item(item: Item) -> Article:
    text, reference = _split(item, _WORKER.get("reference_date"))
    return parse(
        text,
        aliases=_WORKER.get("aliases"),
        reference_date=reference,
        outlets=_WORKER.get("outlets"),
    )


def _split(item: Item, default: Any) -> tuple[str, Any]:
    if isinstance(item, tuple):
        text, reference = item
        return text, reference if reference is not None else default
    return item, default


def parse_many(
    texts: Iterable[Item],
    *,
    aliases: AliasTable | None = None,
    reference_date: _dt.date | str | None = None,
    outlets: OutletTable | None = None,
    processes: int | None = None,
    chunksize: int = 32,
) -> Iterator[Article]:
    """Parse many articles, yielding them in input order.

    Each item is a text or a ``(text, reference_date)`` pair; ``reference_date``
    is the default for items without one. ``processes`` is the number of worker
    processes: ``None`` for one per CPU, ``1`` to parse in this process (no
    pool). Input is consumed lazily, so a generator over millions of texts
    works in constant memory.
    """
    if processes is None:
        processes = os.cpu_count() or 1
    if processes < 1 or chunksize < 1:
        raise InvalidArgumentError("processes and chunksize must be at least 1")
    if processes == 1:
        _start_worker(aliases, outlets, reference_date)
        try:
            for item in texts:
                yield _parse_item(item)
        finally:
            _WORKER.clear()
        return
    with multiprocessing.get_context().Pool(
        processes, initializer=_start_worker, initargs=(aliases, outlets, reference_date)
    ) as pool:
        yield from pool.imap(_parse_item, texts, chunksize)


@functools.lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> AliasTable:
    return AliasTable.from_files(paths)


def shared_table(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> AliasTable:
    """The alias table in these files, loaded once per process and kept.

    Workers of a distributed engine call this for every partition; only the
    first call in each worker process reads the files. A cache file
    (``.npcache``, see :meth:`AliasTable.save_cache`) loads fastest.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _load(tuple(os.fspath(p) for p in paths))


def parse_partition(
    records: Iterable[str | Mapping[str, Any]],
    *,
    aliases: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    reference_date: _dt.date | str | None = None,
    outlets: OutletTable | None = None,
) -> list[dict[str, Any]]:
    """Parse one partition of records into contract dictionaries (JSON-ready).

    A record is a text, or a mapping with ``"text"`` and, optionally, ``"id"``
    (copied to the output) and ``"reference_date"``. ``aliases`` names the alias
    table files, loaded once per worker process (:func:`shared_table`). A record
    that cannot be parsed (no text, a bad date) gives ``{"error": ..., "id": ...}``
    instead of stopping the partition. Use it as the function of Dask's
    ``Bag.map_partitions`` or Spark's ``RDD.mapPartitions``.
    """
    table = shared_table(aliases) if aliases is not None else None
    out: list[dict[str, Any]] = []
    for record in records:
        extra: dict[str, Any] = {}
        reference: Any = reference_date
        if isinstance(record, Mapping):
            if "id" in record:
                extra["id"] = record["id"]
            text = record.get("text")
            reference = record.get("reference_date") or reference_date
        else:
            text = record
        if not isinstance(text, str):
            out.append({"error": 'a record needs a string "text"', **extra})
            continue
        try:
            article = parse(text, aliases=table, reference_date=reference, outlets=outlets)
        except (NewsparseError, TypeError) as exc:
            out.append({"error": str(exc), **extra})
            continue
        out.append({**article.to_dict(), **extra})
    return out
