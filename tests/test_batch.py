"""Many articles: parse_many keeps order in and out of worker processes; public objects pickle."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import pickle
import signal
import time
from collections.abc import Iterator

import pytest

import newsparse as np
from newsparse import _batch as batch

TEXTS = [
    "CAIRO, Jan. 5 (AP) -- Egypt said yesterday it would reopen the crossing.",
    "By Layla Haddad, Reuters\nBASRA, March 4 (Reuters) - Iraq and Kuwait agreed.",
    "No dateline. Omar Rashid said the talks went well.",
] * 5
TABLE = np.AliasTable.from_records([{"id": "Q1", "name": "Omar Rashid", "type": "PERSON"}])


@pytest.mark.parametrize("processes", [1, 2])
def test_parse_many_equals_parse_in_order(processes: int) -> None:
    expected = [np.parse(t, aliases=TABLE, reference_date="2025-03-05") for t in TEXTS]
    got = list(
        np.parse_many(
            TEXTS, aliases=TABLE, reference_date="2025-03-05", processes=processes, chunksize=2
        )
    )
    assert got == expected


def test_items_may_carry_their_own_reference_date() -> None:
    items: list[batch.Item] = [("Markets fell yesterday.", "2025-01-08"), "Markets fell yesterday."]
    first, second = np.parse_many(items, reference_date=dt.date(2024, 6, 1), processes=1)
    assert first.dates[0].value == "2025-01-07"
    assert second.dates[0].value == "2024-05-31"


def test_bad_arguments() -> None:
    with pytest.raises(np.InvalidArgumentError):
        list(np.parse_many(["x"], processes=0))


def test_parse_many_is_lazy() -> None:
    def endless() -> Iterator[str]:
        while True:
            yield "Another article."

    articles = np.parse_many(endless(), processes=1)
    assert next(articles).text_length == len("Another article.")


PUBLIC = [
    np.parse(
        TEXTS[1] + ' "We will not give up," Haddad said.',
        aliases=TABLE,
        reference_date="2025-03-05",
    ),
    TABLE,
    TABLE.entries[0],
    np.Role("Mayor", dt.date(2020, 1, 1), None),
    np.OutletTable.default(),
    np.Outlet("Basra Times", ("BT",), "IQ"),
    np.AliasTableError("bad", source="a.json", line=3, record=2, field="id"),
    np.SchemaError("missing", "entities[0].id"),
    np.InputTypeError("wrong"),
    np.InvalidArgumentError("wrong"),
    np.OutletTableError("wrong"),
    np.EntityType.PERSON,
    np.MatchMethod.FUZZY,
]


@pytest.mark.parametrize("obj", PUBLIC, ids=[type(o).__name__ for o in PUBLIC])
def test_public_objects_pickle(obj: object) -> None:
    restored = pickle.loads(pickle.dumps(obj))
    if isinstance(obj, Exception):
        assert type(restored) is type(obj)
        assert str(restored) == str(obj)
        assert vars(restored) == vars(obj)
    else:
        assert restored == obj


# A batch that survives: items whose worker dies, hangs or fails are named, the rest go on.
# The sabotaged parser runs in the workers through fork, so these need that start method.
needs_fork = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="the sabotaged parser reaches the workers only when they are forked",
)


def _sabotaged(text: str, **options: object) -> np.Article:
    if text == "DIE":  # as the kernel kills a process that takes too much memory
        os.kill(os.getpid(), signal.SIGKILL)
    if text == "HANG":
        time.sleep(600)
    if text == "BUG":
        raise RuntimeError("a bug in a stage")
    return np.parse(text, **options)  # type: ignore[arg-type]


@pytest.fixture
def sabotage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "parse", _sabotaged)


BATCH = [f"Article number {i}. Omar Rashid said so." for i in range(40)]


@needs_fork
@pytest.mark.usefixtures("sabotage")
@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("DIE", "its worker process was killed by SIGKILL while parsing it"),
        ("BUG", "parsing failed (RuntimeError: a bug in a stage)"),
    ],
)
def test_a_failing_item_is_raised_in_its_place(bad: str, reason: str) -> None:
    texts = [*BATCH[:17], bad, *BATCH[17:]]
    got: list[np.Article] = []
    with pytest.raises(np.BatchError) as caught:
        got.extend(np.parse_many(texts, processes=2, chunksize=4))
    assert (caught.value.index, caught.value.reason) == (17, reason)
    assert str(caught.value) == f"item 17: {reason}"
    assert [a.text_length for a in got] == [len(t) for t in BATCH[:17]]


@needs_fork
@pytest.mark.usefixtures("sabotage")
def test_on_error_callable_gets_each_failure_and_the_rest_is_parsed() -> None:
    texts = ["DIE", *BATCH[:10], "BUG", *BATCH[10:], "DIE"]
    errors: list[np.BatchError] = []
    got = list(np.parse_many(texts, processes=2, chunksize=3, on_error=errors.append))
    assert [e.index for e in errors] == [0, 11, len(texts) - 1]
    assert got == [np.parse(t) for t in BATCH]


@needs_fork
@pytest.mark.usefixtures("sabotage")
def test_a_hung_item_is_stopped_after_the_timeout() -> None:
    texts = [*BATCH[:5], "HANG", *BATCH[5:10]]
    errors: list[np.BatchError] = []
    started = time.monotonic()
    got = list(np.parse_many(texts, processes=2, chunksize=2, timeout=1, on_error=errors.append))
    assert time.monotonic() - started < 30
    assert [(e.index, e.reason) for e in errors] == [
        (5, "it took more than 1 s; its worker process was stopped")
    ]
    assert len(got) == 10


@needs_fork
@pytest.mark.usefixtures("sabotage")
def test_skip_warns_for_each_item_left_out() -> None:
    with pytest.warns(np.NewsparseWarning, match="skipped item 1: its worker process was killed"):
        got = list(np.parse_many(["One.", "DIE", "Two."], processes=2, on_error="skip"))
    assert [a.text_length for a in got] == [4, 4]


def test_a_worker_killed_from_outside_ends_the_batch_with_an_error() -> None:
    articles = np.parse_many(BATCH * 5, processes=2, chunksize=4)
    started = time.monotonic()
    for _ in range(5):
        next(articles)
    for child in multiprocessing.active_children():
        os.kill(child.pid or 0, signal.SIGKILL)
    with pytest.raises(np.BatchError, match="killed by SIGKILL"):
        list(articles)
    assert time.monotonic() - started < 30


def test_in_process_a_bug_is_a_batch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "parse", _sabotaged)
    errors: list[np.BatchError] = []
    got = list(np.parse_many(["One.", "BUG", "Two."], processes=1, on_error=errors.append))
    assert [a.text_length for a in got] == [4, 4]
    assert [e.index for e in errors] == [1]


@pytest.mark.parametrize("processes", [1, 2])
@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        (None, TypeError, "item 2: needs a str or a .* pair, not NoneType"),
        (b"bytes", TypeError, "item 2: needs a str .*, not bytes; decode it first"),
        (("text",), TypeError, "item 2: needs a str or a .* pair, not tuple"),
        (("text", "2025-13-01"), ValueError, "item 2: reference_date '2025-13-01' is not a date"),
        (("text", 20250101), TypeError, "item 2: reference_date must be a datetime.date"),
    ],
)
def test_a_bad_item_raises_naming_its_index_after_the_items_before_it(
    processes: int, bad: object, error: type[Exception], message: str
) -> None:
    got: list[np.Article] = []
    with pytest.raises(error, match=message) as caught:
        got.extend(np.parse_many(["One.", "Two.", bad, "Three."], processes=processes))  # type: ignore[list-item]
    assert isinstance(caught.value, np.NewsparseError)
    assert [a.text_length for a in got] == [4, 4]


@pytest.mark.parametrize("texts", ["one article", b"one article"])
def test_a_single_text_is_refused_at_once(texts: object) -> None:
    with pytest.raises(np.InputTypeError, match="needs an iterable of texts"):
        np.parse_many(texts)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options",
    [{"timeout": 0}, {"timeout": -1}, {"on_error": "ignore"}, {"chunksize": 0}],
)
def test_bad_options_are_refused_at_once(options: dict[str, object]) -> None:
    with pytest.raises(np.InvalidArgumentError):
        np.parse_many(["x"], **options)  # type: ignore[arg-type]


def test_interleaved_batches_keep_their_own_tables() -> None:
    other = np.AliasTable.from_records([{"id": "Q2", "name": "Layla Haddad", "type": "PERSON"}])
    text = "Omar Rashid met Layla Haddad."
    first = np.parse_many([text] * 3, aliases=TABLE, processes=1)
    second = np.parse_many([text] * 3, aliases=other, processes=1)
    ids = []
    for one, two in zip(first, second, strict=True):
        ids.append(
            (
                {e.table_id for e in one.entities} - {None},
                {e.table_id for e in two.entities} - {None},
            )
        )
    assert ids == [({"Q1"}, {"Q2"})] * 3


@pytest.mark.parametrize("processes", [1, 2])
def test_input_is_read_a_bounded_way_ahead_of_the_consumer(processes: int) -> None:
    read = 0

    def endless() -> Iterator[str]:
        nonlocal read
        while True:
            read += 1
            yield "Another short article."

    articles = np.parse_many(endless(), processes=processes, chunksize=4)
    for _ in range(50):
        next(articles)
    time.sleep(0.2)  # a paused consumer: the workers must not run ahead
    assert read <= 50 + 2 * processes * 4 + 4
    articles.close()


def test_closing_a_batch_stops_its_workers() -> None:
    articles = np.parse_many(BATCH * 10, processes=2, chunksize=2)
    next(articles)
    assert len(multiprocessing.active_children()) >= 2
    articles.close()
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"aliases": "people.json"}, "aliases must be an AliasTable or None, not str"),
        ({"outlets": ["Reuters"]}, "outlets must be an OutletTable or None, not list"),
        ({"reference_date": 20250108}, "reference_date must be a datetime.date"),
    ],
)
def test_tables_and_dates_of_the_wrong_type_are_refused_at_once(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(np.InputTypeError, match=message):
        np.parse_many(["x"], **options)  # type: ignore[arg-type]
