"""Alias tables: loading JSON and CSV, merging, and errors that say where."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import newsparse as np

GOOD_RECORDS = [
    {
        "id": "Q-karbouli",
        "name": "Mohammed al-Karbouli",
        "type": "PERSON",
        "aliases": ["Karbouli", "Muhammad Al-Karbouli"],
        "roles": [{"title": "Minister of Transport", "start": "2024-01-15", "end": None}],
    },
    {
        "id": "Q-gcpi",
        "name": "General Company for Ports of Iraq",
        "type": "ORG",
        "aliases": ["GCPI"],
    },
    {"id": "Q-basra", "name": "Basra", "type": "place"},
]


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_json_table_loads(tmp_path: Path) -> None:
    path = write(tmp_path, "t.json", json.dumps(GOOD_RECORDS, indent=1))
    table = np.AliasTable.from_file(path)
    assert len(table) == 3
    assert "Q-gcpi" in table
    entry = table["Q-karbouli"]
    assert entry.type is np.EntityType.PERSON
    assert entry.aliases == ("Karbouli", "Muhammad Al-Karbouli")
    assert entry.roles == (np.Role("Minister of Transport", dt.date(2024, 1, 15), None),)
    assert table["Q-basra"].type is np.EntityType.PLACE
    assert table.get("nope") is None


def test_csv_table_loads(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        "id,name,type,aliases\n"
        'Q-gcpi,"General Company for Ports of Iraq",ORG,GCPI|Ports Company\n'
        "\n"
        "Q-basra,Basra,PLACE,\n",
    )
    table = np.AliasTable.from_file(path)
    assert [e.id for e in table] == ["Q-gcpi", "Q-basra"]
    assert table["Q-gcpi"].aliases == ("GCPI", "Ports Company")
    assert table["Q-basra"].aliases == ()


def test_files_merge_and_equal_tables_compare_equal(tmp_path: Path) -> None:
    a = write(tmp_path, "a.json", json.dumps(GOOD_RECORDS[:1]))
    b = write(tmp_path, "b.csv", "id,name,type,aliases\nQ-x,X Corp,ORG,\n")
    table = np.AliasTable.from_files([a, b])
    assert [e.id for e in table] == ["Q-karbouli", "Q-x"]
    assert table == np.AliasTable.from_files([a, b])


def test_the_seed_table_loads() -> None:
    from tests.conftest import SEED_DIR, _need

    table = np.AliasTable.from_file(_need(SEED_DIR / "aliases.json"))
    assert len(table) == 15
    assert all(entry.name for entry in table)


# (file name, content, expected message fragments, line, record, field)
BAD_FILES: list[tuple[str, str, list[str], int | None, int | None, str | None]] = [
    (
        "t.json",
        '[\n {"id": "a", "name": "A", "type": "ORG"}\n {"id": "b"}]',
        ["malformed JSON"],
        3,
        None,
        None,
    ),
    ("t.json", '{"id": "a"}', ["top level must be a list"], 1, None, None),
    (
        "t.json",
        '[\n {"id": "a", "name": "A", "type": "ORG"},\n "oops"\n]',
        ["must be an object"],
        3,
        2,
        None,
    ),
    (
        "t.json",
        '[\n {"name": "A", "type": "ORG"}\n]',
        ["non-empty string, got missing"],
        2,
        1,
        "id",
    ),
    ("t.json", '[{"id": 7, "name": "A", "type": "ORG"}]', ["got a int"], 1, 1, "id"),
    ("t.json", '[{"id": "a", "name": "  ", "type": "ORG"}]', ["must not be empty"], 1, 1, "name"),
    (
        "t.json",
        '[{"id": "a", "name": "A", "type": "COMPANY"}]',
        ["'COMPANY' is not one of PERSON, ORG, PLACE, OTHER"],
        1,
        1,
        "type",
    ),
    (
        "t.json",
        '[{"id": "a", "name": "A", "type": "ORG", "aliases": "B"}]',
        ["list of strings"],
        1,
        1,
        "aliases",
    ),
    (
        "t.json",
        '[{"id": "a", "name": "A", "type": "ORG", "aliases": ["B", 3]}]',
        ["non-empty string"],
        1,
        1,
        "aliases[1]",
    ),
    (
        "t.json",
        '[{"id": "a", "name": "A", "type": "ORG", "roles": {"title": "x"}}]',
        ["list of objects"],
        1,
        1,
        "roles",
    ),
    (
        "t.json",
        '[{"id": "a", "name": "A", "type": "ORG", "roles": [{"start": "2020-01-01"}]}]',
        ["non-empty string"],
        1,
        1,
        "roles[0].title",
    ),
    (
        "t.json",
        '[{"id": "a", "name": "A", "type": "ORG", "roles": [{"title": "T", "start": "2020-13-01"}]}]',
        ["not a date in the form YYYY-MM-DD"],
        1,
        1,
        "roles[0].start",
    ),
    (
        "t.json",
        '[{"id": "a", "name": "A", "type": "ORG", "roles": [{"title": "T", "start": "2020-02-01", "end": "2019-01-01"}]}]',
        ["ends (2019-01-01) before it starts (2020-02-01)"],
        1,
        1,
        "roles[0].end",
    ),
    (
        "t.json",
        '[\n{"id": "a", "name": "A", "type": "ORG"},\n{"id": "b", "name": "B", "type": "ORG"},\n{"id": "a", "name": "C", "type": "ORG"}\n]',
        ["duplicate id 'a', first used at line 2"],
        4,
        3,
        "id",
    ),
    ("t.csv", "", ["the file is empty"], None, None, None),
    ("t.csv", "name,type\nA,ORG\n", ["the header lacks id"], 1, None, None),
    (
        "t.csv",
        "id,name,type,aliases\na,A,ORG,\nb,B,ORG\n",
        ["has 3 columns but the header has 4"],
        3,
        None,
        None,
    ),
    (
        "t.csv",
        "id,name,type,aliases\na,A,ORG,\nb,B,THING,\n",
        ["'THING' is not one of"],
        3,
        2,
        "type",
    ),
    (
        "t.csv",
        "id,name,type,aliases\na,A,ORG,\n\na,B,ORG,\n",
        ["duplicate id 'a', first used at line 2"],
        4,
        2,
        "id",
    ),
    ("t.txt", "id,name,type\n", ["cannot tell the format"], None, None, None),
]


@pytest.mark.parametrize(
    ("name", "content", "fragments", "line", "record", "field"),
    BAD_FILES,
    ids=[f"{i}-{row[2][0][:30]}" for i, row in enumerate(BAD_FILES)],
)
def test_bad_files_name_file_line_record_and_field(
    tmp_path: Path,
    name: str,
    content: str,
    fragments: list[str],
    line: int | None,
    record: int | None,
    field: str | None,
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(np.AliasTableError) as caught:
        np.AliasTable.from_file(path)
    error = caught.value
    assert isinstance(error, np.NewsparseError)
    message = str(error)
    assert message.startswith(str(path))
    for fragment in fragments:
        assert fragment in message
    assert (error.line, error.record, error.field) == (line, record, field)
    if line is not None:
        assert f"line {line}" in message


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(np.AliasTableError, match="cannot read the file"):
        np.AliasTable.from_file(tmp_path / "absent.json")
    path = tmp_path / "latin.csv"
    path.write_bytes("id,name,type\na,Caf\u00e9,ORG\n".encode("latin-1"))
    with pytest.raises(np.AliasTableError, match="not UTF-8"):
        np.AliasTable.from_file(path)


def test_duplicate_ids_across_files_name_both(tmp_path: Path) -> None:
    a = write(tmp_path, "a.json", '[{"id": "x", "name": "A", "type": "ORG"}]')
    b = write(tmp_path, "b.csv", "id,name,type,aliases\nx,B,ORG,\n")
    with pytest.raises(np.AliasTableError) as caught:
        np.AliasTable.from_files([a, b])
    assert str(b) in str(caught.value)
    assert f"already defined in {a}" in str(caught.value)


def test_from_records_refuses_a_mapping() -> None:
    records: Any = {"id": "a"}
    with pytest.raises(np.AliasTableError, match="list of records"):
        np.AliasTable.from_records(records)


def test_role_held_on() -> None:
    role = np.Role("Prime Minister", dt.date(2022, 10, 27), dt.date(2024, 1, 1))
    assert role.held_on(dt.date(2023, 5, 1))
    assert not role.held_on(dt.date(2022, 10, 26))
    assert not role.held_on(dt.date(2024, 1, 2))
    assert np.Role("Mayor").held_on(dt.date(1900, 1, 1))
