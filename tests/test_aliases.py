"""Alias tables: loading JSON and CSV, merging, and errors that say where."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse as np
from newsparse._tables import table as aliases

GOOD_RECORDS: list[dict[str, Any]] = [
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


# --------------------------------------------------------------------------
# hostile and mistaken tables (issue 14)

DEEP = "[" * 100_000 + "]" * 100_000

# (file name, content, expected message fragments, line, record, field), one case a line
MISTAKEN_FILES: list[tuple[str, str, list[str], int | None, int | None, str | None]] = [
    ("t.json", '[{"id": "Q1", "name": "Ada Lovelace", "type": "PERSON", "alias": ["Ada"]}]', ["unknown key 'alias' (did you mean 'aliases'?)"], 1, 1, "alias"),
    ("t.json", '[\n {"id": "Q1", "name": "Ada", "type": "PERSON"},\n {"id": "Q2", "name": "Basra", "tpye": "PLACE"}\n]', ["unknown key 'tpye' (did you mean 'type'?)"], 3, 2, "tpye"),
    ("t.json", '[{"id": "Q1", "name": "Ada", "type": "PERSON", "Aliases": ["Ada L."]}]', ["did you mean 'aliases'?"], 1, 1, "Aliases"),
    ("t.json", '[{"id": "Q1", "name": "Ada", "type": "PERSON", "wikidata_url": "https://x"}]', ["unknown key 'wikidata_url'; a record has the keys id, name, type, aliases, roles"], 1, 1, "wikidata_url"),
    ("t.json", '[{"id": "Q1", "name": "Ada", "type": "PERSON", "roles": [{"title": "Mayor", "since": "2020-01-01"}]}]', ["unknown key 'since'", "a role has the keys title, start, end"], 1, 1, "roles[0].since"),
    ("t.json", '[{"id": "Q1", "name": "Ada", "type": "PERSON", "roles": [{"title": "Mayor", "strat": "2020-01-01"}]}]', ["did you mean 'start'?"], 1, 1, "roles[0].strat"),
    ("t.json", '[\n {"id": "Q1", "name": "Ada Lovelace", "type": "PERSON",\n  "name": "Augusta Ada King"}\n]', ["the key 'name' is given twice"], 2, 1, "name"),
    ("t.json", '[{"id": "Q1", "name": "Ada", "type": "PERSON", "aliases": ["A. L."], "aliases": []}]', ["the key 'aliases' is given twice"], 1, 1, "aliases"),
    ("t.json", '[{"id": "Q1", "name": "Ada", "type": "PERSON", "roles": [{"title": "Mayor", "title": "Chair"}]}]', ["the key 'title' is given twice"], 1, 1, "roles[0].title"),
    ("t.json", DEEP, ["nested more than 8 levels deep"], 1, None, None),
    ("t.json", '[\n {"id": "Q1", "name": "Ada", "type": "PERSON",\n  "aliases": ' + DEEP + "}]", ["nested more than 8 levels deep"], 3, None, None),
    ("t.csv", "id,name,type,alias\nQ1,Ada Lovelace,PERSON,Ada\n", ["unknown column 'alias' (did you mean 'aliases'?)"], 1, None, "alias"),
    ("t.csv", "id,name,type,aliases,description\nQ1,Ada,PERSON,,a countess\n", ["unknown column 'description'", "id,name,type,aliases"], 1, None, "description"),
    ("t.csv", "id,name,type,aliases,\nQ1,Ada,PERSON,,\n", ["column 5 has no name"], 1, None, None),
    ("t.csv", "id,name,type,aliases,aliases\nQ1,Ada,PERSON,A,B\n", ["column 'aliases' appears twice"], 1, None, "aliases"),
]  # fmt: skip


# Files that are malformed, and tables that are mistaken (a misspelt key, a key given
# twice, JSON nested too deep): every one refused, naming file, line, record and field.
REFUSED_FILES = BAD_FILES + MISTAKEN_FILES


@pytest.mark.parametrize(
    ("name", "content", "fragments", "line", "record", "field"),
    REFUSED_FILES,
    ids=[f"{i}-{row[2][0][:30]}" for i, row in enumerate(REFUSED_FILES)],
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


@given(st.text(min_size=1, max_size=20).filter(lambda k: k not in ("id", "name", "type")))
def test_any_unknown_key_is_refused_by_name(key: str) -> None:
    record = {"id": "Q1", "name": "Ada Lovelace", "type": "PERSON", key: "x"}
    if key in ("aliases", "roles"):
        return
    with pytest.raises(np.AliasTableError) as caught:
        np.AliasTable.from_records([record], source="t.json")
    assert (caught.value.record, caught.value.field) == (1, key)
    assert f"unknown key {key!r}" in str(caught.value)


@given(st.integers(min_value=1, max_value=200))
def test_nesting_of_any_depth_is_an_alias_table_error_or_a_type_error_of_a_field(
    depth: int,
) -> None:
    text = '[{"id": "Q1", "name": "Ada", "type": "PERSON", "aliases": ' + "[" * depth
    text += "]" * depth + "}]"
    records = json.loads(text)
    if depth == 1:
        assert len(np.AliasTable.from_records(records)) == 1  # an empty list of aliases
        return
    with pytest.raises(np.AliasTableError) as caught:
        np.AliasTable.from_records(records)
    assert str(caught.value.field).startswith("aliases")


COMMON_ALIASES = [  # (alias, whether it warns), one case a line
    ("May", True),
    ("The", True),
    ("Will", True),
    ("Us", True),
    ("new", True),
    ("US", False),  # an acronym in capitals matches only in capitals already
    ("WHO", False),
    ("Mayo", False),
    ("Theresa May", False),
    ("New York", False),
]


@pytest.mark.parametrize(("alias", "warns"), COMMON_ALIASES)
def test_a_common_word_alias_warns_naming_file_record_and_entry(
    tmp_path: Path, alias: str, warns: bool
) -> None:
    records = [
        {"id": "Q-basra", "name": "Basra", "type": "PLACE"},
        {"id": "Q-x", "name": "Example Holdings", "type": "ORG", "aliases": ["EH", alias]},
    ]
    path = write(tmp_path, "t.json", json.dumps(records, indent=1))
    if not warns:
        np.AliasTable.from_file(path)
        return
    with pytest.warns(np.AliasTableWarning) as caught:
        np.AliasTable.from_file(path)
    [warning] = caught
    message = str(warning.message)
    assert message.startswith(f"{path}, line 7, record 2, field 'aliases[1]': ")
    assert f"the alias {alias!r} of entry 'Q-x' is a common English word" in message
    assert "matches only as written" in message


def test_a_common_word_alias_warns_from_csv_and_records(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "id,name,type,aliases\nQ-may,May Department Stores,ORG,May\n")
    with pytest.warns(
        np.AliasTableWarning, match=r"t\.csv, line 2, record 1, field 'aliases\[0\]'"
    ):
        np.AliasTable.from_file(path)
    with pytest.warns(np.AliasTableWarning, match=r"^<records>, record 1, field 'aliases\[0\]'"):
        np.AliasTable.from_records(
            [{"id": "m", "name": "Will Corp", "type": "ORG", "aliases": ["Will"]}]
        )


MAY_STORES = [{"id": "may", "name": "May Department Stores", "type": "ORG", "aliases": ["May"]}]

# (text, what the common-word alias "May" matches in it), one case a line
AS_WRITTEN = [
    ("May said sales rose 4 percent.", ["May"]),
    ("Shares of May rose; May Department Stores said so.", ["May", "May Department Stores"]),
    ("MAY SAYS SALES ROSE", []),
    ("Máy said sales rose.", []),
    ("sales may rise, may fall", []),
    ("MAY DEPARTMENT STORES SAYS SALES ROSE", ["MAY DEPARTMENT STORES"]),
]


@pytest.mark.parametrize(("text", "expected"), AS_WRITTEN)
def test_a_common_word_alias_matches_only_as_written(text: str, expected: list[str]) -> None:
    with pytest.warns(np.AliasTableWarning):
        table = np.AliasTable.from_records(MAY_STORES)
    assert [m.text for m in table.find(text)] == expected
    assert all(m.entry_id == "may" for m in table.find(text))


def test_an_alias_that_is_no_common_word_still_folds() -> None:
    table = np.AliasTable.from_records(
        [{"id": "macy", "name": "Macy's Inc", "type": "ORG", "aliases": ["Macy"]}]
    )
    assert [m.text for m in table.find("MACY SAYS SALES ROSE; Macy agreed.")] == ["MACY", "Macy"]


@pytest.mark.parametrize(
    "path",
    [
        Path(__file__).parent.parent / "examples" / "aliases.json",
        Path(__file__).parent.parent / "bench" / "data" / "reuters_aliases.json",
        Path("/work/shared/seed/aliases.json"),
    ],
    ids=["examples", "reuters", "seed"],
)
def test_the_bundled_tables_load_without_warnings(path: Path) -> None:
    from tests.conftest import _need

    table = np.AliasTable.from_file(_need(path))  # any warning is an error here
    assert len(table) > 0


# --------------------------------------------------------------------------
# sources and stale caches


def test_a_table_records_the_files_it_came_from(tmp_path: Path) -> None:
    a = write(tmp_path, "a.json", json.dumps(GOOD_RECORDS[:2]))
    b = write(tmp_path, "b.csv", "id,name,type,aliases\nQ-x,X Corp,ORG,\n")
    table = np.AliasTable.from_files([a, b])
    assert table.sources == (
        aliases.TableSource("a.json", hashlib.sha256(a.read_bytes()).hexdigest(), 2),
        aliases.TableSource("b.csv", hashlib.sha256(b.read_bytes()).hexdigest(), 1),
    )
    cache = tmp_path / "all.npcache"
    table.save_cache(cache)
    assert np.AliasTable.from_file(cache).sources == table.sources
    assert np.AliasTable.from_records(GOOD_RECORDS).sources == ()
    assert np.AliasTable.merge([table, np.AliasTable.from_records(GOOD_RECORDS[2:])]).sources == ()


def test_a_cache_with_its_unchanged_table_loads_the_cache_alone(tmp_path: Path) -> None:
    a = write(tmp_path, "people.json", json.dumps(GOOD_RECORDS))
    cache = tmp_path / "people.npcache"
    np.AliasTable.from_file(a).save_cache(cache)
    loaded = np.AliasTable.from_files([cache, a])
    assert loaded._index, "the cache's index is used"
    assert [e.id for e in loaded] == [r["id"] for r in GOOD_RECORDS]


def test_a_cache_loaded_with_a_changed_table_warns_it_is_stale(tmp_path: Path) -> None:
    people = write(tmp_path, "people.json", json.dumps(GOOD_RECORDS[:1]))
    places = write(tmp_path, "places.json", json.dumps(GOOD_RECORDS[2:]))
    cache = tmp_path / "all.npcache"
    np.AliasTable.from_files([people, places]).save_cache(cache)
    write(tmp_path, "people.json", json.dumps(GOOD_RECORDS[:2]))  # a record added since
    with pytest.warns(np.AliasTableWarning) as caught:
        loaded = np.AliasTable.from_files([cache, people])
    [warning] = caught
    message = str(warning.message)
    assert message.startswith(f"{cache}: the cache is stale")
    assert "people.json" in message
    assert "rebuild the cache" in message
    assert sorted(e.id for e in loaded) == ["Q-basra", "Q-gcpi", "Q-karbouli"]
    assert [m.entry_id for m in loaded.find("GCPI and Karbouli in Basra.")] == [
        "Q-gcpi",
        "Q-karbouli",
        "Q-basra",
    ]
