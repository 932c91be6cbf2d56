"""Parsing many articles: in this process, in worker processes, or in the
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

A batch never hangs and never loses an item silently: an item whose worker
process dies or takes longer than ``timeout`` is reported as a
:class:`~newsparse.BatchError` naming its index, and the other items go on.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as _dt
import functools
import multiprocessing
import multiprocessing.connection
import os
import signal
import time
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from multiprocessing.connection import Connection
from typing import Any, Literal

from newsparse._lexicon import Lexicon, OutletTable, lexicon_for
from newsparse._pipeline import NewsparseWarning, coerce_date, parse
from newsparse._tables import AliasTable
from newsparse.errors import BatchError, InputTypeError, InvalidArgumentError, NewsparseError
from newsparse.model import Article

__all__ = ["parse_many", "parse_partition", "shared_table"]

#: An item of a batch: a text, or a text with its own reference date.
Item = str | tuple[str, _dt.date | str | None]

#: What ``parse_many`` does with an item that could not be parsed.
OnError = Literal["raise", "skip"] | Callable[[BatchError], None]

# One unit of work: the item's index in the batch, its text, its reference date.
_Task = tuple[int, str, _dt.date | None]
_Outcome = Article | BatchError

# How many chunks per worker may be read ahead of the consumer: enough to keep
# every worker busy while the consumer takes the finished articles in order.
_CHUNKS_AHEAD = 2

# Seconds between a waiting worker's checks that its parent is still there.
_PARENT_CHECK = 2.0

# Seconds a worker gets to finish after being asked to stop, before it is killed.
_GRACE = 5.0


def parse_many(
    texts: Iterable[Item],
    *,
    aliases: AliasTable | None = None,
    reference_date: _dt.date | str | None = None,
    outlets: OutletTable | None = None,
    lexicon: Lexicon | None = None,
    processes: int | None = None,
    chunksize: int = 32,
    on_error: OnError = "raise",
    timeout: float | None = None,
) -> Generator[Article, None, None]:
    """Parse many articles, yielding them in input order.

    Each item is a text or a ``(text, reference_date)`` pair; ``reference_date``
    is the default for items without one. ``aliases``, ``outlets`` and
    ``lexicon`` are as for :func:`newsparse.parse`, sent to each worker once.
    ``processes`` is the number of worker processes: ``None`` for one per CPU
    this process may use, ``1`` to parse in this process. Input is read lazily
    and at most ``2 * processes * chunksize`` items are read ahead of the
    consumer, so a generator over millions of texts works in constant memory,
    and a consumer that pauses holds a bounded number of finished articles.

    An item whose worker process dies (killed by the kernel for its memory, for
    example) or that takes more than ``timeout`` seconds (``None``: no limit;
    it needs ``processes`` of 2 or more) fails as a :class:`~newsparse.BatchError`
    naming its index; the worker is replaced and the batch goes on. ``on_error``
    says what happens then: ``"raise"`` raises the error in the item's place
    (the articles before it have been yielded), ``"skip"`` yields nothing for it
    and warns (:class:`~newsparse.NewsparseWarning`), a callable is called with
    the error and nothing is yielded for the item. Closing the generator (or
    leaving a ``for`` loop over it with ``break``, then dropping it) stops the
    workers.

    A ``str`` in place of the iterable, an item that is not a text or a pair,
    or a bad reference date raises at once (``TypeError`` or ``ValueError``,
    both :class:`~newsparse.NewsparseError`\\ s) naming the item's index, after
    the articles before it.

    >>> [a.text_length for a in parse_many(["One.", ("Two.", "2025-01-08")], processes=1)]
    [4, 4]
    >>> parse_many("One article")
    Traceback (most recent call last):
    ...
    newsparse.errors.InputTypeError: parse_many() needs an iterable of texts, not a str; ...
    """
    if isinstance(texts, (str, bytes, bytearray)):
        raise InputTypeError(
            f"parse_many() needs an iterable of texts, not a {type(texts).__name__}; "
            "for one article call parse(), or pass [text]"
        )
    if processes is None:
        processes = _usable_cpus()
    if processes < 1 or chunksize < 1:
        raise InvalidArgumentError("processes and chunksize must be at least 1")
    if timeout is not None and not timeout > 0:
        raise InvalidArgumentError("timeout must be a positive number of seconds, or None")
    if on_error not in ("raise", "skip") and not callable(on_error):
        raise InvalidArgumentError('on_error must be "raise", "skip" or a callable')
    if aliases is not None and not isinstance(aliases, AliasTable):
        raise InputTypeError(f"aliases must be an AliasTable or None, not {type(aliases).__name__}")
    if outlets is not None and not isinstance(outlets, OutletTable):
        raise InputTypeError(
            f"outlets must be an OutletTable or None, not {type(outlets).__name__}"
        )
    lexicon_for(lexicon)  # a bad one fails here, not in every worker
    default = coerce_date(reference_date, "reference_date")
    tasks = _tasks(texts, default)
    setup = _Setup(aliases, outlets, lexicon)
    if processes == 1:
        outcomes = _in_process(tasks, setup)
    else:
        outcomes = _in_workers(tasks, setup, processes, chunksize, timeout)
    return _handled(outcomes, on_error)


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on every platform
        return os.cpu_count() or 1


def _tasks(texts: Iterable[Item], default: _dt.date | None) -> Iterator[_Task]:
    """Each item checked and made a task; a bad item raises, naming its index."""
    for index, item in enumerate(texts):
        if isinstance(item, str):
            yield index, item, default
            continue
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            try:
                reference = coerce_date(item[1], "reference_date")
            except NewsparseError as exc:
                raise type(exc)(f"parse_many() item {index}: {exc}") from None
            yield index, item[0], reference if reference is not None else default
            continue
        hint = (
            '; decode it first, e.g. data.decode("utf-8")'
            if isinstance(item, (bytes, bytearray, memoryview))
            else ""
        )
        raise InputTypeError(
            f"parse_many() item {index}: needs a str or a (str, reference_date) pair, "
            f"not {type(item).__name__}{hint}"
        )


def _handled(
    outcomes: Iterator[tuple[int, _Outcome]], on_error: OnError
) -> Generator[Article, None, None]:
    for _, outcome in outcomes:
        if isinstance(outcome, Article):
            yield outcome
        elif on_error == "raise":
            raise outcome
        elif on_error == "skip":
            warnings.warn(
                f"newsparse: parse_many() skipped {outcome}", NewsparseWarning, stacklevel=2
            )
        else:
            on_error(outcome)


class _Setup:
    """What every worker needs before its first item: the tables."""

    __slots__ = ("aliases", "lexicon", "outlets")

    def __init__(
        self, aliases: AliasTable | None, outlets: OutletTable | None, lexicon: Lexicon | None
    ) -> None:
        self.aliases = aliases
        self.outlets = outlets
        self.lexicon = lexicon

    def prepare(self) -> None:
        if self.aliases is not None:
            self.aliases.index  # build the matching index once per worker  # noqa: B018

    def parse(self, task: _Task) -> _Outcome:
        index, text, reference = task
        try:
            return parse(
                text,
                aliases=self.aliases,
                reference_date=reference,
                outlets=self.outlets,
                lexicon=self.lexicon,
            )
        except Exception as exc:  # parse() raises for no str; a failure here is a bug or memory
            return BatchError(index, f"parsing failed ({type(exc).__name__}: {exc})")


def _in_process(tasks: Iterator[_Task], setup: _Setup) -> Iterator[tuple[int, _Outcome]]:
    setup.prepare()
    for task in tasks:
        yield task[0], setup.parse(task)


def _work(connection: Connection, setup: _Setup) -> None:
    """A worker process: parse each task it is sent, answering item by item."""
    # Ctrl-C reaches the whole process group; the parent stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    setup.prepare()
    while True:
        try:
            # A parent killed outright sends no end of file while other workers
            # hold copies of its pipes: look for it now and then.
            while not connection.poll(_PARENT_CHECK):
                if os.getppid() != parent:
                    return
            chunk = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if chunk is None:
            return
        for task in chunk:
            connection.send((task[0], setup.parse(task)))


class _Worker:
    """The parent's handle on one worker process and the items it holds."""

    __slots__ = ("connection", "held", "process", "since")

    def __init__(self, context: Any, setup: _Setup) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, setup), daemon=True)
        self.process.start()
        child.close()
        # The tasks sent and not yet answered, in order; the first is under way.
        self.held: collections.deque[_Task] = collections.deque()
        self.since = time.monotonic()  # when the first held task started

    def send(self, chunk: list[_Task]) -> None:
        self.connection.send(chunk)
        self.held.extend(chunk)
        self.since = time.monotonic()

    def answers(self) -> Iterator[tuple[int, _Outcome]]:
        """What the worker has sent so far; raises EOFError once it is gone."""
        while self.held and self.connection.poll():
            index, outcome = self.connection.recv()
            self.held.popleft()
            self.since = time.monotonic()
            yield index, outcome

    def stop(self, *, wait: bool) -> None:
        if wait and self.process.is_alive():
            with contextlib.suppress(OSError):  # it died meanwhile
                self.connection.send(None)
            self.process.join(_GRACE)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()

    def why_stopped(self) -> str:
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                return f"its worker process was killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"its worker process was killed by signal {-code}"
        return f"its worker process exited with status {code}"


class _Reader:
    """The batch's input, read as far as the workers need: a bad item ends it."""

    __slots__ = ("error", "finished", "read", "tasks")

    def __init__(self, tasks: Iterator[_Task]) -> None:
        self.tasks = tasks
        self.read = 0  # items read so far
        self.finished = False
        self.error: NewsparseError | None = None  # raised in the bad item's place

    def take(self, count: int) -> list[_Task]:
        chunk: list[_Task] = []
        while len(chunk) < count and not self.finished:
            try:
                chunk.append(next(self.tasks))
            except StopIteration:
                self.finished = True
            except NewsparseError as exc:
                self.error = exc
                self.finished = True
        self.read += len(chunk)
        return chunk


def _in_workers(
    tasks: Iterator[_Task],
    setup: _Setup,
    processes: int,
    chunksize: int,
    timeout: float | None,
) -> Iterator[tuple[int, _Outcome]]:
    """Outcomes in input order from worker processes; a dead or stuck one is replaced."""
    pool = _Pool(_Reader(tasks), setup, processes, chunksize, timeout)
    owner = os.getpid()
    try:
        pool.start()
        yield from pool.outcomes()
    finally:
        # A forked child may finalise a copy of this generator: the workers are not its own.
        if os.getpid() == owner:
            pool.stop()


class _Pool:
    """The workers of one batch, the items they hold and the outcomes not yet yielded.

    Items go out in chunks to idle workers, at most ``_CHUNKS_AHEAD * processes *
    chunksize`` ahead of the consumer; a worker that dies or overruns ``timeout``
    fails the item it was parsing, its other items go to the next workers, and a
    fresh worker takes its place.
    """

    def __init__(
        self,
        reader: _Reader,
        setup: _Setup,
        processes: int,
        chunksize: int,
        timeout: float | None,
    ) -> None:
        self.context = multiprocessing.get_context()
        self.reader = reader
        self.setup = setup
        self.processes = processes
        self.chunksize = chunksize
        self.timeout = timeout
        self.ahead = _CHUNKS_AHEAD * processes * chunksize
        self.workers: list[_Worker] = []
        self.again: list[_Task] = []  # tasks taken back from a lost worker, in order
        self.done: dict[int, _Outcome] = {}
        self.next_out = 0
        self.finished_normally = False

    def start(self) -> None:
        self.workers.extend(_Worker(self.context, self.setup) for _ in range(self.processes))

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop(wait=self.finished_normally)

    def outcomes(self) -> Iterator[tuple[int, _Outcome]]:
        while True:
            while self.next_out in self.done:
                yield self.next_out, self.done.pop(self.next_out)
                self.next_out += 1
            for worker in list(self.workers):
                if not worker.held:
                    self.dispatch(worker)
            busy = [w for w in self.workers if w.held]
            if not busy:
                if self.again:
                    continue
                if self.reader.error is not None:
                    raise self.reader.error
                self.finished_normally = True
                return
            self.collect(busy, self.wait(busy))

    def replace(self, worker: _Worker) -> _Worker:
        worker.stop(wait=False)
        fresh = _Worker(self.context, self.setup)
        self.workers[self.workers.index(worker)] = fresh
        return fresh

    def fail(self, worker: _Worker, reason: str) -> None:
        """The item under way fails; the worker's other items are taken back."""
        failed = worker.held.popleft()
        self.done[failed[0]] = BatchError(failed[0], reason)
        self.again.extend(worker.held)
        self.again.sort()
        worker.held.clear()
        self.replace(worker)

    def next_chunk(self) -> list[_Task]:
        """Taken-back items first, else new ones as far as the read-ahead allows."""
        if self.again:
            chunk = self.again[: self.chunksize]
            del self.again[: self.chunksize]
            return chunk
        room = self.next_out + self.ahead - self.reader.read
        return self.reader.take(min(self.chunksize, room)) if room > 0 else []

    def dispatch(self, worker: _Worker) -> None:
        chunk = self.next_chunk()
        if not chunk:
            return
        if not worker.process.is_alive():  # lost while idle: nothing of the batch with it
            worker = self.replace(worker)
        try:
            worker.send(chunk)
        except OSError:  # lost just now, before it read the chunk
            self.again[:0] = chunk
            self.replace(worker)

    def wait(self, busy: list[_Worker]) -> set[Any]:
        """The connections and process sentinels of ``busy`` workers that are ready,
        waiting at most until the oldest item under way reaches the timeout."""
        limit = None
        if self.timeout is not None:
            oldest = min(w.since for w in busy)
            limit = max(0.0, oldest + self.timeout - time.monotonic())
        waits = [w.connection for w in busy] + [w.process.sentinel for w in busy]
        return set(multiprocessing.connection.wait(waits, limit))

    def collect(self, busy: list[_Worker], ready: set[Any]) -> None:
        """Take the answers of the ready workers; fail the items of dead or late ones."""
        for worker in busy:
            if worker.connection in ready or worker.process.sentinel in ready:
                with contextlib.suppress(EOFError, OSError):
                    for index, outcome in worker.answers():
                        self.done[index] = outcome
                if worker.held and not worker.process.is_alive():
                    worker.process.join()
                    self.fail(worker, f"{worker.why_stopped()} while parsing it")
                    continue
            if self.late(worker):
                self.fail(
                    worker, f"it took more than {self.timeout:g} s; its worker process was stopped"
                )

    def late(self, worker: _Worker) -> bool:
        return (
            self.timeout is not None
            and bool(worker.held)
            and time.monotonic() - worker.since > self.timeout
        )


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
    lexicon: Lexicon | None = None,
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
            article = parse(
                text, aliases=table, reference_date=reference, outlets=outlets, lexicon=lexicon
            )
        except (NewsparseError, TypeError) as exc:
            out.append({"error": str(exc), **extra})
            continue
        out.append({**article.to_dict(), **extra})
    return out
