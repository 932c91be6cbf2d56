"""Alias tables from Wikidata: dumps, wbgetentities output and SPARQL results, the class
mapping, roles from positions held, and errors that name the file, line and field."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json
import re
import tempfile
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse as np
from newsparse._lexicon import read_rows
from newsparse._tables import role_words, wikidata

DATA = Path(__file__).resolve().parent / "data" / "wikidata"
D = dt.date


def _entries(table: np.AliasTable) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(e.id, e.name, e.type.value, e.aliases) for e in table]


def _roles(table: np.AliasTable, entry_id: str) -> list[tuple[str, D | None, D | None]]:
    return [(r.title, r.start, r.end) for r in table[entry_id].roles]


# --------------------------------------------------------------------------
# the fixtures, written in Wikidata's documented shapes


def test_a_dump_gives_items_with_labels_aliases_types_and_dated_roles() -> None:
    table = np.AliasTable.from_wikidata(DATA / "dump.json")
    # The two positions only title roles; the property P39 is no item.
    assert _entries(table) == [
        ("Q97000001", "Karim Abdel-Hadi", "PERSON", ("Karim Abdul Hadi", "K. Abdel-Hadi")),
        ("Q97000004", "National Reform Alliance", "ORG", ("NRA",)),
        ("Q97000005", "Qal'at Nur", "PLACE", ("Qalat Nur", "Kalat Nur")),
    ]
    # The preferred statement first; the end of year precision is the year's last day.
    assert _roles(table, "Q97000001") == [
        ("Minister of Water Resources of Iraq", D(2022, 10, 27), None),
        ("Governor of Wasit", D(2015, 3, 1), D(2019, 12, 31)),
    ]
    assert [(s.name, s.entries) for s in table.sources] == [("dump.json", 3)]


def test_wbgetentities_output_skips_missing_ids() -> None:
    table = np.AliasTable.from_wikidata(str(DATA / "wbgetentities.json"))
    assert _entries(table) == [
        ("Q97000011", "Wasit Water Authority", "ORG", ("WWA",)),
        ("Q97000012", "Dalia Mansour", "PERSON", ("Dalia Al-Mansour",)),
        ("Q97000013", "Tigris Commercial Bank", "ORG", ()),
    ]


def test_sparql_results_merge_the_rows_of_an_item() -> None:
    table = np.AliasTable.from_wikidata(DATA / "sparql.json")
    assert _entries(table) == [
        ("Q97000021", "Samira Khoury", "PERSON", ("Samira al-Khoury", "S. Khoury")),
        ("Q97000022", "South Lebanon Water Council", "ORG", ()),
        ("Q97000023", "Cedar Relief Network", "ORG", ("CRN",)),
    ]
    assert _roles(table, "Q97000021") == [("Mayor of Tyre", D(2016, 5, 20), D(2022, 5, 31))]


def test_a_wikidata_table_resolves_entities_and_titles() -> None:
    table = np.AliasTable.from_wikidata(DATA / "dump.json")
    text = (
        "KUT, Iraq, March 3 (Reuters) - Water Resources Minister Karim Abdul Hadi said on "
        "Monday the dam would be repaired. The National Reform Alliance backed the plan."
    )
    article = np.parse(text, aliases=table)
    resolved = {e.table_id: [m.text for m in e.mentions] for e in article.entities if e.table_id}
    assert resolved["Q97000001"] == ["Karim Abdul Hadi"]
    assert resolved["Q97000004"] == ["National Reform Alliance"]
    # The roles' dates decide who held an office on a day.
    governor = role_words("Wasit governor")
    assert table.index.holders(governor, D(2017, 6, 1)) == {"Q97000001"}
    assert table.index.holders(governor, D(2020, 1, 1)) == frozenset()
    minister = role_words("Iraqi water resources minister")
    assert table.index.holders(minister, D(2024, 1, 1)) == {"Q97000001"}


def test_the_table_caches_like_any_other(tmp_path: Path) -> None:
    table = np.AliasTable.from_wikidata([DATA / "dump.json", DATA / "sparql.json"])
    table.save_cache(tmp_path / "wd.npcache")
    assert np.AliasTable.from_file(tmp_path / "wd.npcache") == table
    assert [s.name for s in table.sources] == ["dump.json", "sparql.json"]


# --------------------------------------------------------------------------
# building entities for the cases below


def _load_error(path: Path, text: str) -> tuple[Path, np.AliasTableError]:
    """The error that loading ``text`` written to ``path`` raises."""
    path.write_text(text, encoding="utf-8")
    with pytest.raises(np.AliasTableError) as caught:
        np.AliasTable.from_wikidata(path)
    return path, caught.value


def _term(lang: str, value: str) -> dict[str, str]:
    return {"language": lang, "value": value}


def _item_snak(prop: str, qid: str) -> dict[str, Any]:
    value = {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}
    return {"snaktype": "value", "property": prop, "datavalue": {"value": value}}


def _time_snak(prop: str, time: str, precision: int) -> dict[str, Any]:
    value = {"time": time, "precision": precision, "timezone": 0, "before": 0, "after": 0}
    return {"snaktype": "value", "property": prop, "datavalue": {"value": value, "type": "time"}}


def _entity(
    qid: str,
    labels: dict[str, str],
    *,
    aliases: dict[str, list[str]] | None = None,
    classes: tuple[str, ...] = ("Q5",),
    held: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "P31": [{"mainsnak": _item_snak("P31", c), "rank": "normal"} for c in classes]
    }
    if held is not None:
        claims["P39"] = held
    return {
        "type": "item",
        "id": qid,
        "labels": {k: _term(k, v) for k, v in labels.items()},
        "aliases": {k: [_term(k, a) for a in v] for k, v in (aliases or {}).items()},
        "claims": claims,
    }


def _held(position: str, **qualifiers: tuple[str, int] | str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, prop in (("start", "P580"), ("end", "P582")):
        value = qualifiers.get(name)
        if isinstance(value, tuple):
            found[prop] = [_time_snak(prop, *value)]
        elif value is not None:  # "somevalue" or "novalue"
            found[prop] = [{"snaktype": value, "property": prop}]
    return {"mainsnak": _item_snak("P39", position), "rank": "normal", "qualifiers": found}


def _dump(tmp_path: Path, entities: list[Any], name: str = "dump.json") -> Path:
    path = tmp_path / name
    lines = [json.dumps(e, ensure_ascii=False) for e in entities]
    path.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    return path


POSITION = _entity("Q2", {"en": "Mayor of Amara"}, classes=("Q4164871",))


@pytest.mark.parametrize(
    ("start", "end", "role"),
    [
        (
            ("+2010-06-15T00:00:00Z", 11),
            ("+2014-02-00T00:00:00Z", 10),
            (D(2010, 6, 15), D(2014, 2, 28)),
        ),
        (
            ("+2012-00-00T00:00:00Z", 9),
            ("+2016-02-00T00:00:00Z", 10),
            (D(2012, 1, 1), D(2016, 2, 29)),
        ),
        (("+2011-05-00T00:00:00Z", 10), None, (D(2011, 5, 1), None)),
        (("+1900-00-00T00:00:00Z", 7), ("+2003-04-09T00:00:00Z", 11), (None, D(2003, 4, 9))),
        (("-0044-03-15T00:00:00Z", 11), None, (None, None)),
        ("somevalue", "novalue", (None, None)),
        (
            ("+2020-01-01T00:00:00Z", 11),
            ("+2020-01-01T00:00:00Z", 11),
            (D(2020, 1, 1), D(2020, 1, 1)),
        ),
    ],
)
def test_dates_of_positions_held(
    tmp_path: Path, start: Any, end: Any, role: tuple[Any, Any]
) -> None:
    person = _entity("Q1", {"en": "Hadi Jaber"}, held=[_held("Q2", start=start, end=end)])
    table = np.AliasTable.from_wikidata(_dump(tmp_path, [person, POSITION]))
    assert _roles(table, "Q1") == [("Mayor of Amara", *role)]


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)),
    precision=st.sampled_from([9, 10, 11]),
)
def test_a_time_is_read_as_the_first_and_last_day_of_its_period(day: D, precision: int) -> None:
    month, date = (
        (day.month, day.day) if precision == 11 else (day.month, 0) if precision == 10 else (0, 0)
    )
    value = {"time": f"+{day.year:04d}-{month:02d}-{date:02d}T00:00:00Z", "precision": precision}
    where = wikidata._Where("dump.json", 1, 1, "")
    first = wikidata._time(value, where, "start", last=False)
    last = wikidata._time(value, where, "end", last=True)
    assert first is not None
    assert last is not None
    assert first <= day <= last
    if precision == 9:
        assert (first, last) == (D(day.year, 1, 1), D(day.year, 12, 31))
    elif precision == 10:
        assert first == D(day.year, day.month, 1)
        assert last.month == day.month
        assert last == D(9999, 12, 31) or (last + dt.timedelta(days=1)).month != day.month
    else:
        assert first == last == day


def test_a_role_that_ended_on_an_unknown_day_is_left_out(tmp_path: Path) -> None:
    held = [_held("Q2", start=("+2001-01-01T00:00:00Z", 11), end="somevalue")]
    person = _entity("Q1", {"en": "Hadi Jaber"}, held=held)
    table = np.AliasTable.from_wikidata(_dump(tmp_path, [person, POSITION]))
    assert table["Q1"].roles == ()


def test_deprecated_statements_are_not_read_and_preferred_ones_come_first(tmp_path: Path) -> None:
    person = _entity("Q1", {"en": "Rana Saleh"}, classes=("Q5", "Q7278"))
    person["claims"]["P31"][0]["rank"] = "deprecated"
    party = _entity("Q3", {"en": "Unity Bloc"}, classes=("Q515", "Q7278"))
    party["claims"]["P31"][1]["rank"] = "preferred"
    table = np.AliasTable.from_wikidata(_dump(tmp_path, [person, party]))
    assert [e.type.value for e in table] == ["ORG", "ORG"]


@pytest.mark.parametrize(
    ("languages", "name", "aliases"),
    [
        (("en",), "Basim Noori", ("Basim Nury", "Basim Nuri", "B. Noori")),
        ("en", "Basim Noori", ("Basim Nury", "Basim Nuri", "B. Noori")),
        (("ar", "en"), "باسم نوري", ("Basim Noori", "Basim Nury", "Basim Nuri", "B. Noori")),
        (("fr",), "Basim Nouri", ("Basim Nury", "Bassem Nouri")),
        (("de",), "Basim Nury", ()),  # the label in mul, for every language
    ],
)
def test_languages_choose_the_name_and_the_aliases(
    tmp_path: Path, languages: Any, name: str, aliases: tuple[str, ...]
) -> None:
    # The name is the first label in the languages, then mul; the aliases the other
    # labels, then the aliases, language by language, each once.
    person = _entity(
        "Q1",
        {"en": "Basim Noori", "ar": "باسم نوري", "fr": "Basim Nouri", "mul": "Basim Nury"},
        aliases={"en": ["Basim Nuri", "B. Noori", "Basim Noori"], "fr": ["Bassem Nouri"]},
    )
    (entry,) = np.AliasTable.from_wikidata(_dump(tmp_path, [person]), languages=languages)
    assert (entry.name, entry.aliases) == (name, aliases)


def test_an_item_with_an_alias_but_no_label_is_named_by_the_alias(tmp_path: Path) -> None:
    person = _entity("Q1", {}, aliases={"en": ["Umm Jasim", "Jasim's mother"]})
    (entry,) = np.AliasTable.from_wikidata(_dump(tmp_path, [person]))
    assert (entry.name, entry.aliases) == ("Umm Jasim", ("Jasim's mother",))


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        (None, ["PERSON", "ORG", "PLACE", "OTHER", "OTHER"]),
        ({"Q7278": "other", "Q99": "PLACE"}, ["PERSON", "OTHER", "PLACE", "OTHER", "PLACE"]),
        ({"Q5": "skip", "Q515": None}, ["ORG", "OTHER", "OTHER"]),
        ({"Q5": np.EntityType.ORG}, ["ORG", "ORG", "PLACE", "OTHER", "OTHER"]),
    ],
)
def test_types_from_instance_of(tmp_path: Path, types: Any, expected: list[str]) -> None:
    entities = [
        _entity("Q11", {"en": "Ali Fadel"}, classes=("Q5",)),
        _entity("Q12", {"en": "Unity Bloc"}, classes=("Q7278",)),
        _entity("Q13", {"en": "Amara"}, classes=("Q515",)),
        _entity("Q14", {"en": "Amara Festival"}, classes=()),
        _entity("Q15", {"en": "Hammar Marshes"}, classes=("Q99",)),
    ]
    table = np.AliasTable.from_wikidata(_dump(tmp_path, entities), types=types)
    assert [e.type.value for e in table] == expected


def test_a_disambiguation_page_is_no_entry(tmp_path: Path) -> None:
    page = _entity("Q16", {"en": "Amara (disambiguation)"}, classes=("Q4167410",))
    assert len(np.AliasTable.from_wikidata(_dump(tmp_path, [page]))) == 0


def test_the_class_file_maps_class_ids() -> None:
    rows = read_rows("wikidata_classes.tsv")
    assert all(re.fullmatch(r"Q[1-9]\d*", row[0]) for row in rows)
    assert len({row[0] for row in rows}) == len(rows)
    assert {row[1] for row in rows} == {"PERSON", "ORG", "PLACE", "OTHER", "skip"}
    assert {row[0]: row[1] for row in rows}["Q5"] == "PERSON"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"languages": ()}, "languages must be Wikidata language codes"),
        ({"languages": ["en", 3]}, "languages must be Wikidata language codes"),
        ({"types": {"human": "PERSON"}}, "'human' is not a Wikidata class id"),
        ({"types": {"Q5": "HUMAN"}}, "Q5 maps to 'HUMAN', not one of PERSON"),
    ],
)
def test_bad_arguments(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(np.InvalidArgumentError, match=re.escape(message)):
        np.AliasTable.from_wikidata(DATA / "dump.json", **kwargs)


# --------------------------------------------------------------------------
# shapes of files


def test_dump_lines_without_brackets_and_compressed_dumps(tmp_path: Path) -> None:
    expected = np.AliasTable.from_wikidata(DATA / "dump.json")
    lines = [
        line.rstrip(",")
        for line in (DATA / "dump.json").read_text(encoding="utf-8").splitlines()
        if line not in ("[", "]")
    ]
    plain = tmp_path / "dump.jsonl"
    plain.write_text("\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert np.AliasTable.from_wikidata(plain) == expected
    data = (DATA / "dump.json").read_bytes()
    (tmp_path / "dump.json.gz").write_bytes(gzip.compress(data))
    (tmp_path / "dump.json.bz2").write_bytes(bz2.compress(data))
    assert np.AliasTable.from_wikidata(tmp_path / "dump.json.gz") == expected
    assert np.AliasTable.from_wikidata(tmp_path / "dump.json.bz2") == expected


def test_older_dumps_and_unknown_values(tmp_path: Path) -> None:
    # Older dumps give an item value by its numeric id alone; "unknown value" names no class.
    person = {
        "id": "Q1",
        "labels": {"en": _term("en", "Hadi Jaber")},
        "claims": {
            "P31": [
                {"mainsnak": {"snaktype": "somevalue", "property": "P31"}},
                {"mainsnak": {"datavalue": {"value": {"entity-type": "item", "numeric-id": 5}}}},
            ]
        },
    }
    table = np.AliasTable.from_wikidata(_dump(tmp_path, [person]))
    assert _entries(table) == [("Q1", "Hadi Jaber", "PERSON", ())]


def test_a_list_of_entities_and_a_single_entity(tmp_path: Path) -> None:
    person = _entity("Q1", {"en": "Hadi Jaber"})
    for name, data in (("list.json", [person]), ("one.json", person)):
        path = tmp_path / name
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        assert _entries(np.AliasTable.from_wikidata(path)) == [("Q1", "Hadi Jaber", "PERSON", ())]


def test_positions_may_come_from_another_file(tmp_path: Path) -> None:
    held = [_held("Q2", start=("+2019-04-01T00:00:00Z", 11))]
    people = _dump(tmp_path, [_entity("Q1", {"en": "Hadi Jaber"}, held=held)], "people.json")
    positions = _dump(tmp_path, [POSITION], "positions.json")
    table = np.AliasTable.from_wikidata([people, positions])
    assert _roles(table, "Q1") == [("Mayor of Amara", D(2019, 4, 1), None)]


def test_an_id_in_two_files_is_refused_naming_both(tmp_path: Path) -> None:
    one = _dump(tmp_path, [_entity("Q1", {"en": "Hadi Jaber"})], "one.json")
    two = _dump(tmp_path, [_entity("Q1", {"en": "Hadi Jaber"})], "two.json")
    with pytest.raises(np.AliasTableError, match=f"already defined in {re.escape(str(one))}"):
        np.AliasTable.from_wikidata([one, two])


# --------------------------------------------------------------------------
# what loads but is left out


def test_an_item_without_a_name_in_the_languages_warns(tmp_path: Path) -> None:
    entities = [_entity("Q1", {"fr": "Hadi Jaber"}), _entity("Q3", {"en": "Ali Fadel"})]
    with pytest.warns(np.AliasTableWarning, match=r"1 items have no label or alias in en \(Q1\)"):
        table = np.AliasTable.from_wikidata(_dump(tmp_path, entities))
    assert [e.id for e in table] == ["Q3"]


def test_a_position_without_a_label_warns_and_titles_its_role_by_its_id(tmp_path: Path) -> None:
    held = [_held("Q2", start=("+2019-04-01T00:00:00Z", 11)), _held("Q4")]
    person = _entity("Q1", {"en": "Hadi Jaber"}, held=held)
    with pytest.warns(np.AliasTableWarning, match="the positions held Q2, Q4 have no label"):
        table = np.AliasTable.from_wikidata(_dump(tmp_path, [person]))
    assert _roles(table, "Q1") == [("Q2", D(2019, 4, 1), None), ("Q4", None, None)]


def test_a_role_that_ends_before_it_starts_warns_with_its_line_and_field(tmp_path: Path) -> None:
    held = [
        _held("Q2", start=("+2019-04-01T00:00:00Z", 11), end=("+2018-01-01T00:00:00Z", 11)),
        _held("Q2", start=("+2020-04-01T00:00:00Z", 11)),
    ]
    person = _entity("Q1", {"en": "Hadi Jaber"}, held=held)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = np.AliasTable.from_wikidata(_dump(tmp_path, [POSITION, person]))
    (warning,) = caught
    assert str(warning.message).endswith(
        "line 3, record 2, field 'claims.P39[0]': the position Q2 of Q1 ends (2018-01-01) "
        "before it starts (2019-04-01); the role is left out"
    )
    assert _roles(table, "Q1") == [("Mayor of Amara", D(2020, 4, 1), None)]


@settings(max_examples=40, deadline=None)
@given(
    label=st.text(min_size=1, max_size=30).filter(str.strip),
    aliases=st.lists(st.text(min_size=1, max_size=20).filter(str.strip), max_size=4),
)
def test_any_label_and_aliases_load_as_written(label: str, aliases: list[str]) -> None:
    person = _entity("Q1", {"en": label}, aliases={"en": aliases})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "entities.json"
        path.write_text(json.dumps({"entities": {"Q1": person}}), encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", np.AliasTableWarning)  # an alias may be a common word
            (entry,) = np.AliasTable.from_wikidata(path)
    assert entry.name == label.strip()
    others = (a.strip() for a in aliases if a.strip() != label.strip())
    assert entry.aliases == tuple(dict.fromkeys(others))


# --------------------------------------------------------------------------
# errors name the file, the line (or record) and the field


def _line(entity: Any) -> str:
    return json.dumps(entity)


BAD_P39 = _entity("Q1", {"en": "Hadi Jaber"}, held=[_held("Q2", start=("2019-04-01", 11))])
NO_DATAVALUE = _entity("Q1", {"en": "Hadi Jaber"})
NO_DATAVALUE["claims"]["P31"][0]["mainsnak"] = {"snaktype": "value", "property": "P31"}
NOT_AN_ITEM = _entity("Q1", {"en": "Hadi Jaber"})
NOT_AN_ITEM["claims"]["P31"][0]["mainsnak"]["datavalue"]["value"] = "Q5"


@pytest.mark.parametrize(
    ("text", "line", "record", "field", "message"),
    [
        ("[\n{}\n]\n", 2, 1, "id", "an entity needs its id"),
        (
            "[\n" + _line(POSITION) + ',\n{"id": "Q3",\n]\n',
            3,
            None,
            None,
            "malformed JSON at column",
        ),
        ("[\n[1, 2]\n]\n", 2, 1, None, "an entity must be an object, got an array"),
        (_line({"id": "Q1", "labels": []}), 1, 1, "labels", "must be an object, got an array"),
        (
            _line({"id": "Q1", "labels": {"en": "Hadi"}}),
            1,
            1,
            "labels.en",
            'must be an object {"language"',
        ),
        (
            _line({"id": "Q1", "aliases": {"en": "Hadi"}}),
            1,
            1,
            "aliases.en",
            "must be a list, got a string",
        ),
        (_line({"id": "Q1", "claims": []}), 1, 1, "claims", "must be an object"),
        (_line({"id": "Q1", "claims": {"P31": {}}}), 1, 1, "claims.P31", "must be a list"),
        (
            _line({"id": "Q1", "claims": {"P31": [5]}}),
            1,
            1,
            "claims.P31[0]",
            "a statement must be an object",
        ),
        (
            _line({"id": "Q1", "claims": {"P31": [{"mainsnak": 5}]}}),
            1,
            1,
            "claims.P31[0].mainsnak",
            "a snak must be an object",
        ),
        (_line(NO_DATAVALUE), 1, 1, "claims.P31[0].mainsnak.datavalue", "a value snak needs"),
        (_line(NOT_AN_ITEM), 1, 1, "claims.P31[0].mainsnak.datavalue.value", "must be an item"),
        (
            _line(BAD_P39),
            1,
            1,
            "claims.P39[0].qualifiers.P580[0].datavalue.value",
            "must be a time",
        ),
        (
            _line(
                {
                    "id": "Q1",
                    "claims": {"P39": [{"mainsnak": _item_snak("P39", "Q2"), "qualifiers": []}]},
                }
            ),
            1,
            1,
            "claims.P39[0].qualifiers",
            "must be an object",
        ),
        (
            _line(
                {
                    "id": "Q1",
                    "claims": {
                        "P39": [{"mainsnak": _item_snak("P39", "Q2"), "qualifiers": {"P580": {}}}]
                    },
                }
            ),
            1,
            1,
            "claims.P39[0].qualifiers.P580",
            "must be a list",
        ),
        (
            _line(
                _entity(
                    "Q1",
                    {"en": "Hadi Jaber"},
                    held=[_held("Q2", start=("+2019-02-30T00:00:00Z", 11))],
                )
            ),
            1,
            1,
            "claims.P39[0].qualifiers.P580[0].datavalue.value",
            "'+2019-02-30T00:00:00Z' is not a date",
        ),
        (
            '{"entities": {"Q1": {"id": "Q1", "labels": 3}}}',
            None,
            1,
            "entities.Q1.labels",
            "must be an object, got a number",
        ),
        (_line({"id": "Q1", "claims": None}), 1, 1, "claims", "must be an object, got null"),
        (_line({"id": "Q1", "aliases": []}), 1, 1, "aliases", "must be an object, got an array"),
        ("[" * 100_000, None, None, None, "nested too deeply"),
        ('{"results": []}', 1, None, None, "not a Wikidata file"),
        ('"Q1"', 1, None, None, "not a Wikidata file"),
        ('{\n  "entities": {\n', 3, None, None, "malformed JSON"),
        ("\n\n", None, None, None, "the file is empty"),
    ],
)
def test_entity_json_errors(
    tmp_path: Path, text: str, line: int | None, record: int | None, field: str | None, message: str
) -> None:
    path, error = _load_error(tmp_path / "people.json", text)
    assert (error.source, error.line, error.record, error.field) == (str(path), line, record, field)
    assert message in error.detail
    assert str(error).startswith(str(path))


def _sparql(bindings: list[Any], variables: list[str] | None = None) -> str:
    names = variables or sorted({k for row in bindings for k in row}) or ["item"]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}})


ITEM = {"type": "uri", "value": "http://www.wikidata.org/entity/Q7"}


@pytest.mark.parametrize(
    ("text", "record", "field", "message"),
    [
        (json.dumps({"head": {}, "results": {}}), None, "head.vars", "SPARQL results need"),
        (
            json.dumps({"head": {"vars": ["item"]}, "results": {}}),
            None,
            "results",
            "SPARQL results need",
        ),
        (_sparql([5], ["item"]), 1, None, "a binding must be an object"),
        (
            _sparql(
                [{"item": ITEM}, {"itemLabel": {"type": "literal", "value": "X"}}],
                ["item", "itemLabel"],
            ),
            2,
            "item",
            "the row has no item",
        ),
        (
            _sparql([{"item": {"type": "uri", "value": "http://example.org/Q7"}}]),
            1,
            "item",
            "is not a Wikidata item",
        ),
        (_sparql([{"item": {"type": "uri"}}]), 1, "item", 'must be an object {"type"'),
        (
            _sparql([{"item": ITEM, "class": {"type": "literal", "value": "human"}}]),
            1,
            "class",
            "is not a Wikidata item",
        ),
        (
            _sparql(
                [{"item": ITEM, "position": ITEM, "start": {"type": "literal", "value": "2019"}}]
            ),
            1,
            "start",
            "'2019' is not a date and time",
        ),
    ],
)
def test_sparql_errors(
    tmp_path: Path, text: str, record: int | None, field: str, message: str
) -> None:
    path, error = _load_error(tmp_path / "query.json", text)
    assert (error.source, error.record, error.field) == (str(path), record, field)
    assert message in error.detail


def test_sparql_variables_by_other_names_and_unknown_ones(tmp_path: Path) -> None:
    row = {
        "item": ITEM,
        "itemLable": {"type": "literal", "value": "Hamid Obeidi"},
        "itemDescription": {"type": "literal", "value": "made-up official"},
        "instance": {"type": "uri", "value": "http://www.wikidata.org/entity/Q5"},
        "positionHeld": {"type": "uri", "value": "http://www.wikidata.org/entity/Q8"},
        "positionHeldLabel": {"type": "literal", "value": "Mayor of Kut"},
        "startTime": {"type": "literal", "value": "2018-07-01T00:00:00Z"},
        "endDate": {"type": "literal", "value": "2021-03-31T00:00:00Z"},
        "alias": {"type": "literal", "value": "Hamid al-Obeidi"},
    }
    path = tmp_path / "query.json"
    path.write_text(_sparql([row], list(row)), encoding="utf-8")
    message = (
        f"{path}, field 'head.vars': the variables 'itemLable' (did you mean 'itemLabel'?), "
        "'itemDescription' are ignored"
    )
    with pytest.warns(np.AliasTableWarning, match=re.escape(message)) as caught:
        table = np.AliasTable.from_wikidata(path)
    assert caught[0].filename == __file__  # the warning names the caller's line
    assert _entries(table) == [("Q7", "Hamid al-Obeidi", "PERSON", ())]
    assert _roles(table, "Q7") == [("Mayor of Kut", D(2018, 7, 1), D(2021, 3, 31))]


def test_sparql_labels_that_are_ids_and_alt_labels(tmp_path: Path) -> None:
    rows = [
        {
            "item": {"type": "literal", "value": "Q7"},
            "itemLabel": {"type": "literal", "value": "Q7"},  # the label service's "no label"
            "itemAltLabel": {
                "type": "literal",
                "value": "Hamid Obeidi, H. Obeidi",
                "xml:lang": "en",
            },
            "position": ITEM | {"value": "http://www.wikidata.org/entity/Q8"},
            "positionLabel": {"type": "literal", "value": "Q8"},
        }
    ]
    path = tmp_path / "query.json"
    path.write_text(_sparql(rows), encoding="utf-8")
    with pytest.warns(np.AliasTableWarning, match="the positions held Q8 have no label"):
        (entry,) = np.AliasTable.from_wikidata(path)
    assert entry.roles == (np.Role("Q8"),)
    assert (entry.name, entry.aliases, entry.type.value) == (
        "Hamid Obeidi",
        ("H. Obeidi",),
        "OTHER",
    )


def test_a_duplicate_entity_in_a_dump_names_both_lines(tmp_path: Path) -> None:
    person = _entity("Q1", {"en": "Hadi Jaber"})
    with pytest.raises(np.AliasTableError) as caught:
        np.AliasTable.from_wikidata(_dump(tmp_path, [person, POSITION, person]))
    assert (caught.value.line, caught.value.field) == (4, "id")
    assert "first used at line 2" in caught.value.detail


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "latin1.json",
            '[\n{"id": "Q1", "labels": {"en": {"value": "Caf\xe9"}}}\n]'.encode("latin-1"),
            "not UTF-8 text",
        ),
        ("broken.json.gz", b"not gzip at all", "cannot read the file"),
        (
            "cut.json.gz",
            gzip.compress(b'[\n{"id": "Q1"},\n' * 50, mtime=0)[:40],
            "cannot read the file",
        ),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(np.AliasTableError, match=message) as caught:
        np.AliasTable.from_wikidata(path)
    assert caught.value.source == str(path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(np.AliasTableError, match="cannot read the file") as caught:
        np.AliasTable.from_wikidata(tmp_path / "nowhere.json")
    assert caught.value.source == str(tmp_path / "nowhere.json")
