"""Alias table entries from Wikidata's own formats (see docs/wikidata.md).

Three shapes are read, told apart by their content: the JSON entity format of the
dumps (one entity a line, with the dumps' ``[`` and ``]`` lines and trailing commas,
or without them), of ``wbgetentities`` and ``Special:EntityData``
(``{"entities": {"Q1": {...}}}``), and SPARQL query results in JSON
(``{"head": ..., "results": {"bindings": [...]}}``).

An item gives an entry: its id, its label in the first of ``languages`` that has
one (then ``mul``) as the name, its other labels and its aliases in those languages
as aliases, a type from its classes (instance of, P31; ``data/wikidata_classes.tsv``)
and its positions held (P39) with their start (P580) and end (P582) as roles,
titled by the position's label (the position must be in the input too). An item
that is a position held by another of the input only titles roles.

>>> text = '{"head": {"vars": ["item", "itemLabel"]}, "results": {"bindings": [' \\
...     '{"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q90001"},' \\
...     ' "itemLabel": {"type": "literal", "value": "Nadia Karam", "xml:lang": "en"}}]}}'
>>> item = read_items(io.StringIO(text), "people.json")[0]
>>> item.id, item.labels, item.record
('Q90001', {'en': 'Nadia Karam'}, 1)
"""

from __future__ import annotations

import bz2
import calendar
import datetime as _dt
import difflib
import gzip
import io
import json
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, NamedTuple

import attrs

from newsparse._lexicon import read_rows
from newsparse._tables.types import AliasEntry, Role
from newsparse.errors import AliasTableError, AliasTableWarning, InvalidArgumentError
from newsparse.model import EntityType

__all__ = ["Item", "entries_of", "open_text", "read_items", "wikidata_types"]

#: What a class may give: an entity type, or ``None`` (``skip``: not an entity).
Kind = EntityType | None

# Wikidata's label for every language (since 2024), used after the chosen languages.
_MUL = "mul"
_ENTITY = re.compile(r"(?:https?://www\.wikidata\.org/entity/)?(Q[1-9]\d*)")
_TIME = re.compile(r"([+-]?)(\d{1,16})-(\d\d)-(\d\d)T\d\d:\d\d:\d\dZ")
# Wikidata's precisions: 9 a year, 10 a month, 11 a day (coarser ones are no date).
_YEAR, _MONTH, _DAY = 9, 10, 11
_SPARQL_VARIABLES = (
    "item",
    "itemLabel",
    "itemAltLabel",
    "alias",
    "class",
    "position",
    "positionLabel",
    "start",
    "end",
)
# Other names queries give the same variables.
_SYNONYMS = {
    "instance": "class",
    "instanceOf": "class",
    "type": "class",
    "positionHeld": "position",
    "positionHeldLabel": "positionLabel",
    "startTime": "start",
    "startDate": "start",
    "endTime": "end",
    "endDate": "end",
}


@attrs.frozen
class Held:
    """A position an item held (P39), its title when the input gives it, its dates, and
    where the statement is (the line, record and field of its errors and warnings)."""

    position: str
    title: str | None
    start: _dt.date | None
    end: _dt.date | None
    line: int | None
    record: int | None
    field: str


@attrs.frozen
class Item:
    """What one Wikidata item of the input says, before languages and types are chosen."""

    id: str
    source: str
    line: int | None
    record: int
    labels: dict[str, str] = attrs.Factory(dict)
    aliases: dict[str, list[str]] = attrs.Factory(dict)
    classes: list[str] = attrs.Factory(list)
    held: list[Held] = attrs.Factory(list)


class _Where(NamedTuple):
    source: str
    line: int | None
    record: int | None
    prefix: str

    def error(self, message: str, field: str = "") -> AliasTableError:
        return AliasTableError(
            message,
            source=self.source,
            line=self.line,
            record=self.record,
            field=(self.prefix + field).rstrip(".") or None,
        )


# --------------------------------------------------------------------------
# the class table


def wikidata_types(extra: Mapping[str, str | EntityType | None] | None = None) -> dict[str, Kind]:
    """The classes of ``data/wikidata_classes.tsv``, with ``extra`` (a class to a type
    name, an :class:`EntityType`, or ``None`` or ``"skip"`` to leave its items out) over them.

    >>> types = wikidata_types({"Q7278": "OTHER"})
    >>> types["Q5"].value, types["Q7278"].value, types["Q4167410"]
    ('PERSON', 'OTHER', None)
    """
    table: dict[str, Kind] = {
        row[0]: None if row[1] == "skip" else EntityType(row[1])
        for row in read_rows("wikidata_classes.tsv")
    }
    for key, value in (extra or {}).items():
        if not isinstance(key, str) or not _ENTITY.fullmatch(key):
            raise InvalidArgumentError(f"types: {key!r} is not a Wikidata class id such as 'Q5'")
        table[_ENTITY.fullmatch(key).group(1)] = _kind(key, value)  # type: ignore[union-attr]
    return table


def _kind(key: str, value: object) -> Kind:
    if value is None or value == "skip":
        return None
    if isinstance(value, EntityType):
        return value
    name = value.strip().upper() if isinstance(value, str) else ""
    if name not in EntityType.__members__:
        raise InvalidArgumentError(
            f"types: {key} maps to {value!r}, not one of PERSON, ORG, PLACE, OTHER or 'skip'"
        )
    return EntityType[name]


# --------------------------------------------------------------------------
# reading a file


def open_text(path: str) -> IO[str]:
    """The file at ``path`` as UTF-8 text (a byte order mark skipped), unpacked when it
    ends in ``.gz`` or ``.bz2`` as the dumps do."""
    try:
        if path.endswith(".gz"):
            return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig")
        if path.endswith(".bz2"):
            return io.TextIOWrapper(bz2.open(path, "rb"), encoding="utf-8-sig")
        return open(path, encoding="utf-8-sig")  # the caller closes it
    except OSError as exc:
        raise AliasTableError(f"cannot read the file: {exc.strerror}", source=path) from exc


def read_items(stream: IO[str], source: str) -> list[Item]:
    """The items of one Wikidata file, whatever its shape (the module's docstring)."""
    try:
        first, number = _first_line(stream)
        if first is None:
            raise AliasTableError("the file is empty", source=source)
        if _is_entity_line(first):
            return list(_dump_items(first, number, stream, source))
        second, after = _first_line(stream)
        if first.strip() == "[" and (second is None or _is_whole(second)):
            return list(_dump_items(second or "", number + after, stream, source))
        text = first + "\n" * (after - 1) + (second or "") + stream.read()
    except UnicodeDecodeError as exc:
        raise AliasTableError(
            f"not UTF-8 text (byte {exc.object[exc.start]:#04x}); save the file as UTF-8",
            source=source,
        ) from exc
    return _document_items(_loads(text, source, number - 1), source)


def _first_line(stream: IO[str]) -> tuple[str | None, int]:
    for number, line in enumerate(stream, 1):
        if line.strip():
            return line, number
    return None, 0


def _is_whole(line: str) -> bool:
    """Whether a line after a dump's ``[`` is a whole JSON value (or the closing ``]``),
    so that the file is a dump, one entity a line, not a JSON array spread over lines."""
    try:
        json.loads(line.strip().rstrip(","))
    except (ValueError, RecursionError):
        return line.strip() == "]"
    return True


def _is_entity_line(line: str) -> bool:
    """Whether one line holds a whole entity (a dump without its brackets)."""
    try:
        data = json.loads(line.strip().rstrip(","))
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and "id" in data and "entities" not in data


def _loads(text: str, source: str, lines_before: int) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise AliasTableError(
            f"malformed JSON at column {exc.colno}: {exc.msg}",
            source=source,
            line=exc.lineno + lines_before,
        ) from exc
    except RecursionError:
        raise AliasTableError("JSON nested too deeply for a Wikidata file", source=source) from None


def _dump_items(first: str, number: int, stream: IO[str], source: str) -> Iterator[Item]:
    """The entities of a dump: one a line, ``[`` and ``]`` lines and trailing commas allowed."""
    record = 0
    for at, line in enumerate(_chain(first, stream), number):
        body = line.strip().rstrip(",")
        if body in ("", "[", "]"):
            continue
        record += 1
        data = _loads(body, source, at - 1)
        item = _entity(data, _Where(source, at, record, ""))
        if item is not None:
            yield item


def _chain(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


def _document_items(data: Any, source: str) -> list[Item]:
    if isinstance(data, dict) and "head" in data and "results" in data:
        return _sparql_items(data, source)
    wheres: Iterable[tuple[Any, _Where]]
    if isinstance(data, dict) and isinstance(data.get("entities"), dict):
        wheres = (
            (entity, _Where(source, None, n, f"entities.{key}."))
            for n, (key, entity) in enumerate(data["entities"].items(), 1)
        )
    elif isinstance(data, list):
        wheres = ((entity, _Where(source, None, n, "")) for n, entity in enumerate(data, 1))
    elif isinstance(data, dict) and "id" in data:
        wheres = iter([(data, _Where(source, None, 1, ""))])
    else:
        raise AliasTableError(
            "not a Wikidata file: expected entity JSON (a dump, or wbgetentities' "
            '{"entities": ...}) or SPARQL results ({"head": ..., "results": ...})',
            source=source,
            line=1,
        )
    return [item for entity, where in wheres if (item := _entity(entity, where)) is not None]


# --------------------------------------------------------------------------
# the JSON entity format


def _entity(data: Any, where: _Where) -> Item | None:
    """The item of one entity, or ``None`` for a property, a lexeme or a missing entity."""
    if not isinstance(data, dict):
        raise where.error(f"an entity must be an object, got {_json_type(data)}")
    entity_id = data.get("id")
    if not isinstance(entity_id, str) or not entity_id:
        raise where.error("an entity needs its id, a string such as 'Q42'", "id")
    if "missing" in data or not _ENTITY.fullmatch(entity_id):
        return None  # wbgetentities' answer for an unknown id; properties, lexemes
    claims = data.get("claims", {})
    if not isinstance(claims, dict):
        raise where.error(f"must be an object, got {_json_type(claims)}", "claims")
    return Item(
        entity_id,
        where.source,
        where.line,
        where.record or 1,
        labels=_labels(data.get("labels"), where),
        aliases=_aliases(data.get("aliases"), where),
        classes=[value for value, _, _ in _item_values(claims, "P31", where)],
        held=[_held(*found, where) for found in _item_values(claims, "P39", where)],
    )


def _labels(value: Any, where: _Where) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise where.error(f"must be an object, got {_json_type(value)}", "labels")
    return {lang: _text(term, where, f"labels.{lang}") for lang, term in value.items()}


def _aliases(value: Any, where: _Where) -> dict[str, list[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise where.error(f"must be an object, got {_json_type(value)}", "aliases")
    found: dict[str, list[str]] = {}
    for lang, terms in value.items():
        if not isinstance(terms, list):
            raise where.error(f"must be a list, got {_json_type(terms)}", f"aliases.{lang}")
        found[lang] = [_text(t, where, f"aliases.{lang}[{i}]") for i, t in enumerate(terms)]
    return found


def _text(term: Any, where: _Where, field: str) -> str:
    """The ``value`` of a term (``{"language": ..., "value": ...}``)."""
    value = term.get("value") if isinstance(term, dict) else None
    if not isinstance(value, str):
        raise where.error('must be an object {"language": ..., "value": "a string"}', field)
    return value.strip()


def _statements(claims: Mapping[str, Any], prop: str, where: _Where) -> list[tuple[Any, str]]:
    """The statements of ``prop`` that are not deprecated, preferred ones first, each
    with its field."""
    statements = claims.get(prop, [])
    if not isinstance(statements, list):
        raise where.error(f"must be a list, got {_json_type(statements)}", f"claims.{prop}")
    ranked: list[tuple[int, int, Any, str]] = []
    for i, statement in enumerate(statements):
        field = f"claims.{prop}[{i}]"
        if not isinstance(statement, dict):
            raise where.error(f"a statement must be an object, got {_json_type(statement)}", field)
        rank = statement.get("rank", "normal")
        if rank != "deprecated":
            ranked.append((0 if rank == "preferred" else 1, i, statement, field))
    return [(statement, field) for _, _, statement, field in sorted(ranked, key=lambda r: r[:2])]


def _item_values(
    claims: Mapping[str, Any], prop: str, where: _Where
) -> list[tuple[str, Mapping[str, Any], str]]:
    """The items (ids) that the statements of ``prop`` name, each with its statement
    and field; "unknown value" and "no value" left out."""
    found = []
    for statement, field in _statements(claims, prop, where):
        value = _snak_value(statement.get("mainsnak"), where, f"{field}.mainsnak")
        if value is not None:
            item_id = _item_id(value, where, f"{field}.mainsnak.datavalue.value")
            found.append((item_id, statement, field))
    return found


def _held(position: str, statement: Mapping[str, Any], field: str, where: _Where) -> Held:
    qualifiers = statement.get("qualifiers", {})
    if not isinstance(qualifiers, dict):
        raise where.error(f"must be an object, got {_json_type(qualifiers)}", f"{field}.qualifiers")
    start = _qualifier_date(qualifiers, "P580", where, field, last=False)
    end = _qualifier_date(qualifiers, "P582", where, field, last=True)
    return Held(position, None, start, end, where.line, where.record, where.prefix + field)


_ENDED = _dt.date.min  # an end of "unknown value": the role ended, no one knows when


def _qualifier_date(
    qualifiers: Mapping[str, Any], prop: str, where: _Where, field: str, *, last: bool
) -> _dt.date | None:
    snaks = qualifiers.get(prop, [])
    at = f"{field}.qualifiers.{prop}"
    if not isinstance(snaks, list):
        raise where.error(f"must be a list, got {_json_type(snaks)}", at)
    for i, snak in enumerate(snaks):
        if isinstance(snak, dict) and snak.get("snaktype") == "somevalue" and last:
            return _ENDED
        value = _snak_value(snak, where, f"{at}[{i}]")
        if value is not None:
            return _time(value, where, f"{at}[{i}].datavalue.value", last=last)
    return None


def _snak_value(snak: Any, where: _Where, field: str) -> Any:
    """A snak's ``datavalue.value``; ``None`` for "unknown value" and "no value"."""
    if not isinstance(snak, dict):
        raise where.error(f"a snak must be an object, got {_json_type(snak)}", field)
    if snak.get("snaktype", "value") != "value":
        return None
    datavalue = snak.get("datavalue")
    if not isinstance(datavalue, dict) or "value" not in datavalue:
        raise where.error('a value snak needs "datavalue": {"value": ...}', f"{field}.datavalue")
    return datavalue["value"]


def _item_id(value: Any, where: _Where, field: str) -> str:
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            return str(value["id"])
        if isinstance(value.get("numeric-id"), int):
            return f"Q{value['numeric-id']}"
    raise where.error('must be an item, {"entity-type": "item", "id": "Q..."}', field)


def _time(value: Any, where: _Where, field: str, *, last: bool) -> _dt.date | None:
    """A Wikidata time as a day: the first day of a month or year for a start, the last
    for an end (``last``); ``None`` when coarser than a year or outside 1..9999."""
    time = value.get("time") if isinstance(value, dict) else None
    precision = value.get("precision", _DAY) if isinstance(value, dict) else None
    found = _TIME.fullmatch(time) if isinstance(time, str) else None
    if found is None or not isinstance(precision, int) or isinstance(precision, bool):
        raise where.error(
            'must be a time {"time": "+YYYY-MM-DDT00:00:00Z", "precision": 9 to 11}', field
        )
    return _day(found, precision, last=last, where=where, field=field)


def _day(
    found: re.Match[str], precision: int, *, last: bool, where: _Where, field: str
) -> _dt.date | None:
    sign, year, month, day = found.group(1), int(found.group(2)), *map(int, found.groups()[2:])
    if precision < _YEAR or sign == "-" or not 1 <= year <= 9999:
        return None
    if precision == _YEAR:
        month, day = (12, 31) if last else (1, 1)
    elif precision == _MONTH or day == 0:
        day = calendar.monthrange(year, month)[1] if last and 1 <= month <= 12 else 1
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise where.error(f"{found.group()!r} is not a date", field) from None


# --------------------------------------------------------------------------
# SPARQL results


def _sparql_items(data: Mapping[str, Any], source: str) -> list[Item]:
    """The items of SPARQL results: the rows of one item (``item``) merged, in order."""
    where = _Where(source, None, None, "")
    head = data.get("head")
    variables = head.get("vars") if isinstance(head, dict) else None
    if not isinstance(variables, list) or "item" not in variables:
        raise where.error('SPARQL results need "head": {"vars": [..., "item", ...]}', "head.vars")
    read = _variables(variables, source)
    results = data.get("results")
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list):
        raise where.error('SPARQL results need "results": {"bindings": [...]}', "results")
    items: dict[str, Item] = {}
    for number, row in enumerate(bindings, 1):
        _merge_row(items, row, _Where(source, None, number, ""), read)
    return list(items.values())


def _variables(variables: Sequence[Any], source: str) -> dict[str, str]:
    """The variables read, each under its name here (``startTime`` is ``start``);
    a warning names the others, which are ignored, with the one each likely meant."""
    read: dict[str, str] = {}
    ignored = []
    for variable in variables:
        name = _SYNONYMS.get(str(variable), str(variable))
        if name in _SPARQL_VARIABLES:
            read.setdefault(name, str(variable))
            continue
        near = difflib.get_close_matches(str(variable), _SPARQL_VARIABLES, n=1, cutoff=0.75)
        ignored.append(f"{variable!r}" + (f" (did you mean {near[0]!r}?)" if near else ""))
    if ignored:
        warnings.warn(
            AliasTableWarning(
                f"{source}, field 'head.vars': the variables {', '.join(ignored)} are ignored; "
                f"the variables read are {', '.join(_SPARQL_VARIABLES)}"
            ),
            stacklevel=7,
        )
    return read


def _merge_row(items: dict[str, Item], row: Any, where: _Where, read: Mapping[str, str]) -> None:
    if not isinstance(row, dict):
        raise where.error(f"a binding must be an object, got {_json_type(row)}")
    values = {
        name: _binding(row, written, where) for name, written in read.items() if written in row
    }
    if "item" not in values:
        raise where.error("the row has no item", "item")
    item_id = _sparql_id(values["item"][0], where, "item")
    item = items.setdefault(item_id, Item(item_id, where.source, None, where.record or 1))
    _add_names(item, values)
    if "class" in values:
        item.classes.append(_sparql_id(values["class"][0], where, "class"))
    if "position" in values:
        item.held.append(_sparql_held(values, where))


def _add_names(item: Item, values: Mapping[str, tuple[str, str | None]]) -> None:
    """A row's label and aliases, under their languages (``mul`` when not given)."""
    label, lang = values.get("itemLabel", ("", None))
    if label and label != item.id:  # the label service writes the id when there is no label
        item.labels.setdefault(lang or _MUL, label)
    joined, lang = values.get("itemAltLabel", ("", None))
    written = [a.strip() for a in joined.split(", ")]  # the label service joins with ", "
    if "alias" in values:
        written.append(values["alias"][0])
        lang = lang or values["alias"][1]
    item.aliases.setdefault(lang or _MUL, []).extend(a for a in written if a)


def _binding(row: Mapping[str, Any], name: str, where: _Where) -> tuple[str, str | None]:
    """A binding's value and its language (``xml:lang``)."""
    cell = row[name]
    if not isinstance(cell, dict) or not isinstance(cell.get("value"), str):
        raise where.error('must be an object {"type": ..., "value": "a string"}', name)
    lang = cell.get("xml:lang")
    return cell["value"].strip(), lang if isinstance(lang, str) else None


def _sparql_id(value: str, where: _Where, name: str) -> str:
    found = _ENTITY.fullmatch(value)
    if found is None:
        raise where.error(
            f"{value!r} is not a Wikidata item (http://www.wikidata.org/entity/Q... or Q...)", name
        )
    return found.group(1)


def _sparql_held(values: Mapping[str, tuple[str, str | None]], where: _Where) -> Held:
    position = _sparql_id(values["position"][0], where, "position")
    title = values.get("positionLabel", ("", None))[0] or None
    dates = []
    for name in ("start", "end"):
        written = values.get(name, ("", None))[0]
        found = _TIME.fullmatch(written)
        if written and found is None:
            raise where.error(f"{written!r} is not a date and time YYYY-MM-DDT00:00:00Z", name)
        day = None if found is None else _day(found, _DAY, last=False, where=where, field=name)
        dates.append(day)
    if title == position:
        title = None  # the label service's id for a position without a label
    return Held(position, title, dates[0], dates[1], None, where.record, "end")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return names.get(type(value), "a number")


# --------------------------------------------------------------------------
# items to entries


class Chosen(NamedTuple):
    """The entries of each file, with their lines, and what was left out, for warnings."""

    entries: dict[str, list[tuple[AliasEntry, int | None]]]
    unnamed: list[Item]
    untitled: dict[str, Item]
    reversed: list[tuple[Item, Held]]


def entries_of(
    items: Sequence[Item], languages: Sequence[str], types: Mapping[str, Kind]
) -> Chosen:
    """The entries of the items (by source), the items without a name in ``languages``,
    the positions without a title (with an item holding each), and the roles that end
    before they start."""
    order = [*languages, _MUL]
    positions = {held.position for item in items for held in item.held}
    by_id = {item.id: item for item in items}
    chosen = Chosen({}, [], {}, [])
    for item in items:
        if item.id in positions:
            continue
        kind = _type_of(item, types)
        names = _names(item, order)
        if kind is None:
            continue
        if not names:
            chosen.unnamed.append(item)
            continue
        roles = _roles(item, by_id, order, chosen)
        entry = AliasEntry(item.id, names[0], kind, tuple(names[1:]), tuple(roles))
        chosen.entries.setdefault(item.source, []).append((entry, item.line))
    return chosen


def _type_of(item: Item, types: Mapping[str, Kind]) -> Kind:
    for cls in item.classes:
        if cls in types:
            return types[cls]
    return EntityType.OTHER


def _names(item: Item, order: Sequence[str]) -> list[str]:
    """The name (the first label in ``order``), then the aliases: other labels, then
    aliases, language by language; each once."""
    written = [item.labels.get(lang, "") for lang in order]
    written += [alias for lang in order for alias in item.aliases.get(lang, [])]
    return list(dict.fromkeys(name for name in written if name))


def _label(item: Item | None, order: Sequence[str]) -> str | None:
    if item is None:
        return None
    return next((item.labels[lang] for lang in order if item.labels.get(lang)), None)


def _roles(
    item: Item, by_id: Mapping[str, Item], order: Sequence[str], chosen: Chosen
) -> list[Role]:
    roles: list[Role] = []
    for held in item.held:
        position = by_id.get(held.position)
        title = held.title or _label(position, order)
        if title is None:
            chosen.untitled.setdefault(held.position, item)
            title = held.position
        if held.end is _ENDED:
            continue  # ended on an unknown day: left out, never read as still held
        if held.start is not None and held.end is not None and held.end < held.start:
            chosen.reversed.append((item, held))
        else:
            role = Role(title, held.start, held.end)
            if role not in roles:
                roles.append(role)
    return roles
