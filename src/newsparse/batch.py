"""Parsing many articles: in this process, or in a pool of worker processes.

The alias and outlet tables are sent to each worker once, when it starts; the
texts then travel in chunks, and the articles come back in input order.

>>> articles = list(parse_many(["One.", "Two.\\n\\nThree."], processes=1))
>>> [len(a.paragraphs) for a in articles]
[1, 2]
"""

from __future__ import annotations

import datetime as _dt
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from typing import Any

from newsparse.aliases import AliasTable
from newsparse.errors import InvalidArgumentError
from newsparse.model import Article
from newsparse.outlets import OutletTable
from newsparse.pipeline import parse

__all__ = ["parse_many"]

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
