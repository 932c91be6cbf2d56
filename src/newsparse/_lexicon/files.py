"""Reading the package's data files (plain UTF-8 text under ``newsparse/data``).

Each non-blank line that does not start with ``#`` is a row; columns are
separated by tabs. Every file has a schema here (its columns, how many are
required, the values a column may take), and a row that breaks it fails the
read with a :class:`~newsparse.LexiconError` naming the file, line and column.
Files are read once per process.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import NamedTuple

from newsparse.errors import LexiconError

__all__ = [
    "SCHEMAS",
    "Schema",
    "check_row",
    "function_words",
    "parse_rows",
    "read_rows",
    "read_words",
]


class Schema(NamedTuple):
    """The columns of a data file, how many a row needs, and closed value sets."""

    columns: tuple[str, ...]
    required: int = 1
    choices: dict[int, frozenset[str]] = {}  # noqa: RUF012 - never mutated


_FUNCTION_ROLES = frozenset(
    {
        "personal_pronoun",
        "other_pronoun",
        "before_cue",
        "name_before_cue",
        "speaker_stop",
        "near",
        "clause_opener",
        "not_clause",
        "linking",
        "place_preposition",
        "compass",
        "list_preposition",
        "locative",
        "employer_preposition",
        "number_word",
        "not_before_person",
        "contraction",
        "determiner",
        "quantifier",
        "existential",
        "time_unit",
        "date_opener",
        "finite",
        "day_part",
        "subordinator",
        "coordinator",
        "relative",
        "cue_preposition",
        "object_pronoun",
        "passive",
        "preposition",
        "negation",
        "aside",
        "agent",
        "headline_lower",
        "modal",
    }
)

#: Every data file and its shape.
SCHEMAS: dict[str, Schema] = {
    "abbreviations.tsv": Schema(
        ("abbreviation", "kind"), 2, {1: frozenset({"title", "month", "number", "other"})}
    ),
    "anonymous_sources.txt": Schema(("head noun",)),
    "cities.tsv": Schema(("name", "aliases", "country"), 3),
    "common_words.txt": Schema(("word",)),
    "countries.tsv": Schema(("name", "aliases", "demonyms", "capital", "iso code"), 5),
    "credit_roles.tsv": Schema(("phrase", "role"), 2),
    "cue_verbs.txt": Schema(
        ("verb", "takes", "also"),
        1,
        {1: frozenset({"", "object", "to", "complement"}), 2: frozenset({"", "ambiguous"})},
    ),
    "event_openers.txt": Schema(("words",)),
    "event_words.txt": Schema(("word",)),
    "function_words.tsv": Schema(("word", "role"), 2, {1: _FUNCTION_ROLES}),
    "furniture.tsv": Schema(("kind", "text"), 2, {0: frozenset({"phrase", "shape", "end"})}),
    "given_names.tsv": Schema(("name", "sex", "origin"), 3, {1: frozenset({"f", "m", "u"})}),
    "holidays.txt": Schema(("name",)),
    "diseases.txt": Schema(("name",)),
    "result_verbs.txt": Schema(("word",)),
    "seat_titles.txt": Schema(("word",)),
    "groups.txt": Schema(("word",)),
    "kin_nouns.txt": Schema(("noun",)),
    "office_nouns.txt": Schema(("noun",)),
    "markup_codes.txt": Schema(("code",)),
    "military_services.txt": Schema(("service",)),
    "months.tsv": Schema(("token", "month", "language"), 3),
    "name_particles.txt": Schema(("particle", "kind"), 1, {1: frozenset({"", "article", "kin"})}),
    "name_suffixes.txt": Schema(("suffix",)),
    "notes.tsv": Schema(
        ("opening", "where"), 2, {1: frozenset({"any", "end", "correction", "error"})}
    ),
    "organization_words.tsv": Schema(
        ("word", "position"), 2, {1: frozenset({"tail", "head", "kind", "member", "voice"})}
    ),
    "organizations.tsv": Schema(("name", "aliases"), 1),
    "outlet_words.txt": Schema(("word",)),
    "outlets.tsv": Schema(
        ("name", "aliases", "country", "kind"), 4, {3: frozenset({"agency", "outlet"})}
    ),
    "place_words.tsv": Schema(
        ("word", "position"),
        2,
        {1: frozenset({"tail", "generic", "head", "opening", "held", "hyphened", "side"})},
    ),
    "places.tsv": Schema(("name", "aliases", "country", "population"), 4),
    "relative_days.tsv": Schema(("phrase", "days"), 2),
    "regions.tsv": Schema(("name", "aliases"), 1),
    "role_nouns.txt": Schema(("noun",)),
    "nickname_openers.txt": Schema(("phrase",)),
    "seasons.tsv": Schema(
        ("season", "first month", "last month", "bare"), 4, {3: frozenset({"yes", "no"})}
    ),
    "sentence_starters.txt": Schema(("word",)),
    "staff_titles.txt": Schema(("title",)),
    "subdivisions.tsv": Schema(("name", "aliases", "country", "kind"), 4),
    "tense_cues.tsv": Schema(("word", "tense"), 2, {1: frozenset({"past", "future"})}),
    "time_zones.txt": Schema(("abbreviation",)),
    "title_tags.txt": Schema(("tag",)),
    "titles.tsv": Schema(
        ("title", "kind", "portfolio", "sex"),
        2,
        {
            1: frozenset({"executive", "honorific", "military", "office", "religious", "royal"}),
            2: frozenset({"", "portfolio"}),
            3: frozenset({"", "m", "f"}),
        },
    ),
    "transliterations.tsv": Schema(("spellings",) * 16, 2),
    "weekdays.tsv": Schema(("token", "weekday"), 2),
    "wikidata_classes.tsv": Schema(
        ("class", "type", "label"),
        3,
        {1: frozenset({"PERSON", "ORG", "PLACE", "OTHER", "skip"})},
    ),
}


def check_row(name: str, number: int, row: tuple[str, ...]) -> None:
    """Raise :class:`LexiconError` when ``row`` (line ``number`` of ``name``) breaks its schema."""
    schema = SCHEMAS.get(name)
    if schema is None:
        raise LexiconError(f"data/{name}: a data file without a schema in newsparse._lexicon.files")
    where = f"data/{name}, line {number}"
    if not row[0]:
        raise LexiconError(f"{where}, column {schema.columns[0]!r}: is empty")
    if len(row) < schema.required or len(row) > len(schema.columns):
        raise LexiconError(
            f"{where}: has {len(row)} columns; this file has {schema.required} to "
            f"{len(schema.columns)} ({', '.join(dict.fromkeys(schema.columns))})"
        )
    for column, allowed in schema.choices.items():
        if column < len(row) and row[column] not in allowed:
            raise LexiconError(
                f"{where}, column {schema.columns[column]!r}: {row[column]!r} is not one of "
                + ", ".join(sorted(repr(a) for a in allowed))
            )


def parse_rows(name: str, text: str) -> tuple[tuple[str, ...], ...]:
    """The checked rows of the text of data file ``name``."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            row = tuple(column.strip() for column in line.split("\t"))
            check_row(name, number, row)
            rows.append(row)
    return tuple(rows)


@functools.cache
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>``, each a tuple of its tab-separated columns."""
    text = (resources.files("newsparse") / "data" / name).read_text(encoding="utf-8")
    return parse_rows(name, text)


@functools.cache
def read_words(name: str) -> frozenset[str]:
    """The first column of every row of ``data/<name>``, as a set."""
    return frozenset(row[0] for row in read_rows(name))


@functools.cache
def function_words(role: str) -> frozenset[str]:
    """The words of ``data/function_words.tsv`` that play ``role``.

    >>> sorted(function_words("linking"))
    ['for', 'of', 'the']
    """
    if role not in _FUNCTION_ROLES:
        raise LexiconError(f"function word role {role!r} is not one of {sorted(_FUNCTION_ROLES)}")
    return frozenset(row[0] for row in read_rows("function_words.tsv") if row[1] == role)
