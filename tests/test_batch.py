"""Many articles: parse_many keeps order in and out of worker processes; public objects pickle."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

import newsparse as np

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
    items = [("Markets fell yesterday.", "2025-01-08"), "Markets fell yesterday."]
    first, second = np.parse_many(items, reference_date=dt.date(2024, 6, 1), processes=1)
    assert first.dates[0].value == "2025-01-07"
    assert second.dates[0].value == "2024-05-31"


def test_bad_arguments() -> None:
    with pytest.raises(np.InvalidArgumentError):
        list(np.parse_many(["x"], processes=0))


def test_parse_many_is_lazy() -> None:
    def endless():
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
