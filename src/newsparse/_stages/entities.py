"""Named entities: mentions, clustering within the article, and resolution to alias tables.

Mentions come from three sources, combined:

1. the user's alias table (names and aliases through the spelling folding);
2. the package's reference tables: countries with their capitals and other
   names, major cities, world regions, international organisations, news
   agencies (demonyms such as ``Iraqi`` are known too, and are not mentions);
3. rules over the text: runs of capitalised words with their connectors and
   particles (``al-``, ``bin``, ``of``), titles in front of names
   (``Prime Minister``, ``Dr.``) left out, and the type read from heads and
   tails (``... Movement`` is an organisation, ``... province`` a place), from
   the words around (``political analyst Jane Doe``, ``in Kandahar``) and from
   the shape of the name.

Where two candidates overlap, the longer wins, then the user's table, then the
reference tables. Mentions are then clustered in text order: a surname joins
the one person named earlier with it (``Al-Sudani`` after ``Mohammed Shia'
Al-Sudani``) and stays apart when two people share it; a shorter form of an
organisation joins the full name (``Political Thinking Center``); an acronym
defined in the text joins its long form (``Popular Mobilization Forces (PMF)``).
A cluster takes the table's id and canonical name when one entry matches.

The stage has the shape of every stage (see ``newsparse._findings``):
``find_entities(doc, context, found) -> tuple[FoundEntity, ...]`` reads ``doc``,
``context``'s alias table and outlets, and the article's date, dateline and
bylines through ``found``; it hands on the entities, each with its mentions
(``FoundMention``) in positions of ``doc.norm``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import operator
from collections import Counter
from collections.abc import Sequence
from itertools import compress
from operator import attrgetter

import attrs
import regex

from newsparse._findings import Context, Found, FoundByline, FoundEntity, FoundMention
from newsparse._lexicon import LexiconWords, OutletTable, function_words, read_rows, read_words
from newsparse._stages.results import match_row, result_rows
from newsparse._tables import AliasEntry, AliasTable, Hit, Matcher, role_words
from newsparse._text import (
    ARTICLES,
    CAPITALISED_OF,
    FOLDED_OF,
    HEADING_OF,
    SENTENCE_START_OF,
    VARIANT_OF,
    Document,
    NameToken,
    Span,
    fold_token,
    given_name_sexes,
    given_names,
    is_article,
    name_keys,
    name_tokens,
    recase,
    tokens_of,
    variant_token,
)
from newsparse.model import EntityType, MatchMethod

__all__ = ["find_entities", "reference_table"]

# The English words that join the words of organisations' and places' names
# (``Bank of England``); never a name's first or last word, in any case.
_LINKING_WORDS = function_words("linking")
# Lower-case words that join capitalised ones into one name are those and every
# name particle of the lexicon (``Carlo di Rossi``, ``Sabah al-Akili``): the
# lexicon's ``connectors``. After a name's first word its ``person_particles``
# make it a person's (``Mohammed bin Salman``); the other particles also join the
# words of places (``Rio de Janeiro``).
_PLACE_PREPOSITIONS = function_words("place_preposition")
_LOCATIVE = function_words("locative")
_EMPLOYER_PREPOSITIONS = function_words("employer_preposition")
_NUMBER_WORDS = function_words("number_word")
_COMPASS = function_words("compass")
_LIST_PREPOSITIONS = function_words("list_preposition")
_NOT_BEFORE_PERSON = function_words("not_before_person")
_CONTRACTIONS = function_words("contraction")
# Words between a name and the cue verb that makes it speak: "Haddad also said".
_BEFORE_CUE = function_words("name_before_cue")
_ACRONYM_REACH = 100  # characters after a name read for its acronym
#: The longest run of capitalised words read as one name, in name tokens
#: (``Al-Sudani`` and ``U.S.`` are two each), the title in front included. Real
#: names stay well under it: ``U.S. Under-Secretary of State for Economic Affairs
#: Allen Wallis`` is 11, ``Saudi Crown Prince Mohammed bin Salman bin Abdulaziz Al
#: Saud`` 10, ``Organization of the Petroleum Exporting Countries`` 6. In
#: Reuters-21578, CoNLL-2003 and PolNeAR the runs longer than this are rows of
#: tables and headlines in title case. A longer run is cut into runs of at most
#: this many words (each then split and trimmed as any run is), so the work on a
#: run stays bounded however the text goes on: a megabyte of one capitalised
#: word is sixty thousand short runs, not one name.
MAX_NAME_WORDS = 16
#: An acronym in brackets after a name: capitals (``PMF``), or a word of the
#: name's initials written in lower case after its first (``Defra``, ``Ofwat``).
_ACRONYM_AFTER = regex.compile(r"[ \t]*\([ \t]*(\p{Lu}[\p{Lu}\d]{1,9}|\p{Lu}\p{Ll}{2,8})[ \t]*\)")
_AMPERSANDS = frozenset({"&", " & "})
_SLUG_DROP = regex.compile(r"[^\w]+")
_MINUTE = regex.compile(r"\d{1,3}(?:st|nd|rd|th)")


# --------------------------------------------------------------------------
# reference data


@functools.lru_cache(maxsize=8)
def reference_table(outlets: OutletTable | None = None) -> AliasTable:
    """The package's reference tables as one alias table (ids start with ``ref:``):
    places and organisations, and the outlets of ``outlets`` (the shipped table when
    ``None``), the same table the datelines and bylines of the article are read with.

    >>> reference_table()["ref:country:IQ"].name
    'Iraq'
    """
    entries = list(_places_and_organisations())
    known = {e.name for e in entries}
    for outlet in outlets if outlets is not None else OutletTable.default():
        if outlet.name in known:
            continue
        # Acronyms of two letters (AP, PA, AA) are too often something else in running text.
        names = [a for a in outlet.aliases if len(a.replace(".", "")) > 2]
        entries.append(
            AliasEntry(
                f"ref:outlet:{_slug(outlet.name)}", outlet.name, EntityType.ORG, tuple(names)
            )
        )
    return AliasTable(entries)


@functools.cache
def _places_and_organisations() -> tuple[AliasEntry, ...]:
    entries: list[AliasEntry] = []
    for row in read_rows("countries.tsv"):
        name, aliases, _, capital, code = (*row, "", "", "", "", "")[:5]
        entries.append(_ref(f"ref:country:{code}", name, EntityType.PLACE, aliases))
        if capital and capital != name:
            entries.append(_ref(f"ref:capital:{code}", capital, EntityType.PLACE, ""))
    seen = {e.name for e in entries}
    for row in read_rows("cities.tsv"):
        name, aliases, code = (*row, "", "", "")[:3]
        if name not in seen:
            entries.append(_ref(f"ref:city:{_slug(name)}", name, EntityType.PLACE, aliases))
    for row in read_rows("regions.tsv"):
        name, aliases = (*row, "", "")[:2]
        entries.append(_ref(f"ref:region:{_slug(name)}", name, EntityType.PLACE, aliases))
    generated, abbreviations = _generated_places(
        {e.id for e in entries} | {n for e in entries for n in (e.name, *e.aliases)}
    )
    entries = [_with_abbreviations(e, abbreviations) for e in entries] + generated
    for row in read_rows("organizations.tsv"):
        name, aliases = (*row, "", "")[:2]
        entries.append(_ref(f"ref:org:{_slug(name)}", name, EntityType.ORG, aliases))
    return tuple(entries)


def _ref(entry_id: str, name: str, kind: EntityType, aliases: str) -> AliasEntry:
    names = tuple(a.strip() for a in aliases.split("|") if a.strip())
    return AliasEntry(entry_id, name, kind, names)


#: The id prefix of the towns and cities of ``data/places.tsv``: one of one word
#: is a name only where the text says it is a place (see :func:`_place_evidence`).
_TOWN = "ref:place:"
#: The smallest town of ``data/places.tsv`` read as a reference name. News names
#: the larger ones far more often, and a smaller town's name is more often a
#: surname or a word; each one also costs memory and start-up time (the reference
#: table is built once per process).
TOWN_POPULATION = 50_000
#: The id prefix of the first-level subdivisions of ``data/subdivisions.tsv``.
_AREA = "ref:area:"
#: The id prefixes of the reference table's organisations and outlets.
_ORGANIZATION_REFS = ("ref:org:", "ref:outlet:")


def _with_abbreviations(entry: AliasEntry, abbreviations: dict[str, list[str]]) -> AliasEntry:
    """``entry`` with the abbreviations of the subdivisions of its name added to its aliases."""
    extra = abbreviations.get(name_keys(entry.name)[1])
    if not extra:
        return entry
    return attrs.evolve(entry, aliases=(*entry.aliases, *extra))


def _generated_places(seen: set[str]) -> tuple[list[AliasEntry], dict[str, list[str]]]:
    """The first-level subdivisions, then the towns and cities from the largest down,
    as reference entries. A name (or an id) already in ``seen`` stays with the
    first that took it (a country, its capital, the largest place of the name); a
    month, a weekday, a common or generic word (``March``, ``Central``) is none.
    Aliases of one or two letters (the postal codes IN, OR, ME) are too often words;
    written with a full stop (``N.H.``, ``D.C.``, ``Va.``) they are abbreviations.

    Also, by the key of a name taken before: the abbreviations of the subdivision of
    that name, which go to the place that took it (``N.Y.`` to ``New York``), as
    nothing else is written so."""
    never = _not_name_words() | _words("common_words.txt") | _place_words("generic")
    taken = {name_keys(name)[1] for name in seen}
    rows = [
        (f"{_AREA}{code}-{_slug(name)}", name, aliases)
        for name, aliases, code, _ in read_rows("subdivisions.tsv")
    ]
    towns = sorted(
        (row for row in read_rows("places.tsv") if int(row[3]) >= TOWN_POPULATION),
        key=lambda row: -int(row[3]),
    )
    rows += [(f"{_TOWN}{code}-{_slug(name)}", name, aliases) for name, aliases, code, _ in towns]
    entries = []
    abbreviations: dict[str, list[str]] = {}
    for entry_id, name, aliases in rows:
        key = name_keys(name)[1]
        if key in taken and entry_id.startswith(_AREA):
            dotted = [a for a in aliases.split("|") if a.endswith(".") and len(a) > 2]
            abbreviations.setdefault(key, []).extend(
                a for a in dotted if name_keys(a)[1] not in taken
            )
        if key in taken or entry_id in seen or name in never:
            continue
        seen.add(entry_id)
        # An alias that is another place's name or alias would make both ambiguous.
        others = [a for a in aliases.split("|") if len(a) > 2]
        kept = [a for a in others if name_keys(a)[1] not in taken]
        taken |= {key, *(name_keys(a)[1] for a in kept)}
        entries.append(_ref(entry_id, name, EntityType.PLACE, "|".join(kept)))
    return entries, abbreviations


@functools.cache
def _all_demonyms() -> frozenset[str]:
    """The demonyms and adjectives of ``data/countries.tsv``, as written."""
    words: set[str] = set()
    for row in read_rows("countries.tsv"):
        if len(row) > 2:
            words.update(d.strip() for d in row[2].split("|"))
    return frozenset(w for w in words if w)


@functools.cache
def _demonyms() -> frozenset[str]:
    """The demonyms of one word (``Iraqi``, ``Britons``)."""
    return frozenset(d for d in _all_demonyms() if " " not in d)


@functools.cache
def _words(name: str) -> frozenset[str]:
    return read_words(name)


@functools.cache
def _organization_words() -> tuple[frozenset[str], frozenset[str]]:
    """The tail and the head words of ``data/organization_words.tsv``."""
    return _organization_nouns("tail"), _organization_nouns("head")


@functools.cache
def _organization_nouns(position: str) -> frozenset[str]:
    """The words of ``data/organization_words.tsv`` in one position: ``tail``,
    ``head``, ``kind`` (``the newspaper ...``), ``member`` (``... shares``) or
    ``voice`` (``... spokesman Jo Doe``)."""
    return frozenset(row[0] for row in read_rows("organization_words.tsv") if row[1] == position)


@functools.cache
def _place_words(position: str) -> frozenset[str]:
    """The words of ``data/place_words.tsv`` in one position: ``tail`` (``Kandahar
    province``), ``head`` (``the city of ...``), ``opening`` (``River Calder``) or
    ``generic`` (a place only with another word: ``Western Province``)."""
    return frozenset(row[0] for row in read_rows("place_words.tsv") if row[1] == position)


@functools.cache
def _not_name_words() -> frozenset[str]:
    """Capitalised words that are never a name alone: months, weekdays, groups,
    demonyms, time zones."""
    months = {row[0].capitalize() for row in read_rows("months.tsv") if row[2] == "en"}
    weekdays = {row[0].capitalize() for row in read_rows("weekdays.tsv")}
    zones = _words("time_zones.txt")
    return frozenset(months | weekdays | _words("groups.txt") | _demonyms() | zones)


@functools.cache
def _abbreviated_words() -> frozenset[str]:
    """Folded words whose full stop is part of them when a name ends with them: the
    abbreviations of ``abbreviations.tsv`` (``Inc.``, ``Jr.``) and the abbreviated
    aliases of the subdivisions (``Calif.``, ``Fla.``)."""
    words = {row[0] for row in read_rows("abbreviations.tsv") if row[1] == "other"}
    for row in read_rows("subdivisions.tsv"):
        for alias in row[1].split("|"):
            if alias.endswith(".") and " " not in alias and "." not in alias[:-1]:
                words.add(fold_token(alias[:-1]))
    return frozenset(words)


def _name_end(norm: str, token: NameToken) -> int:
    """Where a name ending with ``token`` ends: after the full stop of an
    abbreviation (``U.S.``, ``N.J.``, ``Calif.``, ``Acme Inc.``), else at the word."""
    end = token.end
    if norm[end : end + 1] != ".":
        return end
    initials = len(token.text) <= 2 and token.start > 0 and norm[token.start - 1] == "."
    if initials or token.folded in _abbreviated_words():
        return end + 1
    return end


@functools.cache
def _calendar_words() -> frozenset[str]:
    months = {row[0] for row in read_rows("months.tsv") if row[2] == "en"}
    weekdays = {row[0] for row in read_rows("weekdays.tsv")}
    return frozenset(w.capitalize() for w in months | weekdays) | frozenset(
        w.upper() for w in months | weekdays
    )


@functools.cache
def _country_words() -> frozenset[str]:
    """Folded one-word country names and demonyms (``iraq``, ``iraqi``)."""
    words = set()
    for row in read_rows("countries.tsv"):
        for field in row[:3]:
            for written in field.split("|"):
                if written and " " not in written.strip():
                    words.add(fold_token(written.strip()).replace(".", ""))
    return frozenset(words)


def _slug(name: str) -> str:
    return _SLUG_DROP.sub("-", name.casefold()).strip("-")


# --------------------------------------------------------------------------
# candidates


@attrs.define
class _Candidate:
    first: int
    last: int
    source: str  # "user", "reference" or "rule"
    ids: frozenset[str] = frozenset()
    how: MatchMethod = MatchMethod.RULE
    type: EntityType | None = None
    person_cue: bool = False
    holds_place: bool = False
    place_first: bool = False  # the great place it holds opens it: "Sydney Newsroom"
    holds_organization: bool = False  # a reference organisation inside: "BBC Sport"
    title: tuple[int, int] | None = None
    dateline: bool = False  # the dateline's place: a place, whatever names it elsewhere
    in_results: bool = False  # in a row of results or standings (see .results)
    block: int = -1  # the table of rows it is in, when in_results (see _row_blocks)
    employer: bool = False  # after a person's name and "of": "Jane Doe of Acme Trading"
    # The type the words around it give: ORG for "the newspaper ...", "... shares",
    # "... said its"; PLACE for "rebel-held ...".
    around: EntityType | None = None
    nationality: bool = False  # a demonym of more than one word: "South African"
    guessed: bool = False  # typed by default, for want of evidence

    @property
    def length(self) -> int:
        return self.last - self.first


def _is_title_at(tokens: Sequence[NameToken], i: int, last: int, words: LexiconWords) -> int:
    """The number of tokens of a title starting at ``i`` (0 when none)."""
    widths = words.title_widths.get(tokens[i].folded)
    if widths is None:
        return 0  # no title starts with this word
    keys = words.title_kinds
    for width in widths:
        if i + width > last:
            continue
        key = " ".join(t.folded for t in tokens[i : i + width])
        if key in keys and all(t.capitalised or t.folded == "of" for t in tokens[i : i + width]):
            return width
    return 0


def _runs(norm: str, tokens: Sequence[NameToken], words: LexiconWords) -> list[tuple[int, int]]:
    """Runs of capitalised words, joined by connectors or an ampersand (``Duff &
    Phelps``, ``S&P``), as ``(first, last)`` token ranges."""
    runs = []
    common = _words("common_words.txt")
    count = len(tokens)
    # A run starts at a capitalised word or an article: the others are passed over in C.
    may_start = map(
        operator.or_,
        map(CAPITALISED_OF, tokens),
        map(ARTICLES.__contains__, map(FOLDED_OF, tokens)),
    )
    i = 0  # the first word not yet in a run
    for i_start in compress(range(count), may_start):
        if i_start < i:
            continue
        i = i_start
        token = tokens[i]
        starts = (
            token.capitalised
            and not token.text[0].isdigit()
            and not _is_contraction(token.text)
            and not token.heading
            and not (token.sentence_start and token.text in common)
        ) or (
            is_article(token.folded)
            and token.joins
            and i + 1 < count
            and tokens[i + 1].capitalised
            and not token.heading
        )
        if not starts:
            continue
        # (At MAX_NAME_WORDS the run ends: the next word starts a run of its own.)
        last = _run_end(norm, tokens, i, min(count, i + MAX_NAME_WORDS), words)
        runs.append((i, last))
        i = last
    return runs


def _run_end(
    norm: str, tokens: Sequence[NameToken], i: int, bound: int, words: LexiconWords
) -> int:
    """Where the run that starts at token ``i`` ends (before ``bound``)."""
    connectors = words.connectors
    last = i + 1
    while last < bound and (
        (tokens[last - 1].joins and not tokens[last - 1].possessive)
        or _an_office_of(tokens, last, words)
        or _a_holiday_goes_on(tokens, i, last)
        or _ampersand_before(norm, tokens, last)
        or _a_listed_portfolio(norm, tokens, i, last, bound)
    ):
        nxt = tokens[last]
        if nxt.text in _calendar_words() or nxt.text[0].isdigit():
            break  # "Ankara on March 18", "Baghdad Monday", "Mushtaq Ahmed 44"
        if nxt.capitalised and not nxt.heading and not _is_contraction(nxt.text):
            last += 1
            continue
        if nxt.folded == "and" and _and_goes_on(tokens, i, last, bound):
            last += 2
            continue
        if nxt.folded in connectors and nxt.joins and last + 1 < bound:
            if nxt.folded == "for" and _for_between_names(tokens, i, last, words):
                break  # "left Bahrain for Baghdad", "Ferdy Vierklau for Cocu"
            after = _after_connectors(tokens, last, bound, words)
            if after is not None and _the_before_a_name(tokens, last, after, bound):
                break  # "Call the Sydney Newsroom": a verb and the name after "the"
            if after is not None:
                last = after + 1
                continue
        break
    return last


def _for_between_names(
    tokens: Sequence[NameToken], first: int, i: int, words: LexiconWords
) -> bool:
    """Whether ``for`` at token ``i`` stands between two names rather than inside an
    organisation's name or a title (``Centre for Policy Studies``, ``Secretary of
    State for Wales``): with no organisation's word nor title's just before it, a
    place of the reference tables just before or after it (``left Bahrain for
    Baghdad``), or a run that opens with a given name before it (``Tomas Berglund
    for Miguel Ortega``, a substitution)."""
    before = tokens[i - 1]
    tails, heads = _organization_words()
    if (
        i + 1 >= len(tokens)
        or before.text in tails
        or before.text in heads
        or before.folded in words.title_ends
        or before.folded in words.portfolio_ends
    ):
        return False
    return (
        _a_place_word(before)
        or _a_place_word(tokens[i + 1])
        or _opens_with_given_name(tokens[first:i])
    )


def _a_listed_portfolio(
    norm: str, tokens: Sequence[NameToken], first: int, i: int, bound: int
) -> bool:
    """Whether a comma before token ``i`` goes on inside an organisation's name that
    lists what it is for (``Department for Environment, Food and Rural Affairs``,
    ``Ministry of Agriculture, Fisheries and Food``): the run so far is a head and
    ``of`` or ``for`` and one or two words, and after the comma come items of one or
    two capitalised words, the last after ``and``, none of them a place (``the
    Ministry of Defence, Britain and France``)."""
    if not _LIST_COMMA.fullmatch(norm, tokens[i - 1].end, tokens[i].start):
        return False
    heads = _organization_words()[1]
    if not (
        2 <= i - first - 1 <= 3
        and tokens[first].text in heads
        and tokens[first + 1].folded in ("of", "for")
        and not tokens[first + 1].capitalised
    ):
        return False
    k, words_in_item = i, 0
    while k < bound:
        token = tokens[k]
        if token.folded == "and" and not token.capitalised and words_in_item:
            return k + 1 < bound and _an_item_word(tokens[k + 1], 0)
        if words_in_item == 2 or token.heading or not _an_item_word(token, words_in_item):
            return False
        words_in_item += 1
        if not token.joins:
            if not _LIST_COMMA.fullmatch(
                norm, token.end, tokens[k + 1].start if k + 1 < bound else token.end
            ):
                return False
            words_in_item = 0
        k += 1
    return False


def _an_item_word(token: NameToken, position: int) -> bool:
    """Whether a word may stand at ``position`` of an item of such a list: capitalised,
    no place's name, and no given name opening the item."""
    return (
        token.capitalised
        and not _a_place_word(token)
        and not (position == 0 and _opens_with_given_name([token]))
    )


def _a_place_word(token: NameToken) -> bool:
    """Whether a word names a place of the reference tables on its own (any of its
    entries but the organisations and outlets)."""
    return any(
        not i.startswith(_ORGANIZATION_REFS) for i in reference_table().index.key_ids(token.variant)
    )


_LIST_COMMA = regex.compile(r",[ \t]")


def _the_before_a_name(tokens: Sequence[NameToken], i: int, after: int, bound: int) -> bool:
    """Whether ``the`` at ``i``, right after a capitalised word, opens a name of two
    words or more (``Call the Sydney Newsroom``, ``Contact the Kessel Trust``): the
    word before is no part of it. An epithet after ``the`` is one word (``Alexander
    the Great``, ``Ivan the Terrible``)."""
    return (
        tokens[i].folded == "the"
        and tokens[i - 1].capitalised
        and after + 1 < bound
        and tokens[after].joins
        and tokens[after + 1].capitalised
    )


def _a_head(token: NameToken) -> bool:
    """Whether a word heads an organisation's or a place's name before ``of`` (``Bank``,
    ``University``, ``Gulf``)."""
    return token.text in _organization_words()[1] or token.text in _place_heads()


def _after_connectors(
    tokens: Sequence[NameToken], i: int, bound: int, words: LexiconWords
) -> int | None:
    """The capitalised word that goes on a name after the connector at ``i``: the
    next word (``Bank of England``), or the word after two or three particles
    (``Nikolaus van der Pas``, ``Maria de la Cruz``), or after ``of the`` when an
    organisation's or a place's head or a portfolio's title is before it (``Bank of
    the West``, ``Gulf of the Farallones``, ``Minister of the Interior``); None when
    there is none."""
    j = i + 1
    if (
        tokens[i].folded == "of"
        and j + 1 < bound
        and i > 0
        and tokens[j].folded == "the"
        and not tokens[j].capitalised
        and tokens[i].joins
        and tokens[j].joins
        and (_a_head(tokens[i - 1]) or tokens[i - 1].folded in words.portfolio_ends)
    ):
        after = tokens[j + 1]
        return j + 1 if after.capitalised and not after.text[0].isdigit() else None
    while j < bound and j - i < 3 and tokens[j].folded in words.particles:
        if not (tokens[j - 1].folded in words.particles and tokens[j].joins):
            break
        j += 1
    if j >= bound or (j > i + 1 and tokens[i].folded not in words.particles):
        return None
    after = tokens[j]
    if after.capitalised and not after.text[0].isdigit() and tokens[j - 1].joins:
        return j
    return None


def _ampersand_before(norm: str, tokens: Sequence[NameToken], i: int) -> bool:
    """Whether an ampersand joins the capitalised words at tokens ``i - 1`` and ``i``
    (``Duff & Phelps``, ``S&P``): a firm's name, which people's names never are."""
    gap = norm[tokens[i - 1].end : tokens[i].start]
    return gap in _AMPERSANDS and tokens[i - 1].capitalised and tokens[i].capitalised


def _a_holiday_goes_on(tokens: Sequence[NameToken], first: int, i: int) -> bool:
    """Whether the possessive before token ``i`` is inside a holiday's name that the
    run from ``first`` opens (``New Year's Eve``, ``Valentine's Day``)."""
    return tokens[i - 1].possessive and (
        tuple(t.folded for t in tokens[first : i + 1]) in _named_other_prefixes()
    )


def _an_office_of(tokens: Sequence[NameToken], i: int, words: LexiconWords) -> bool:
    """Whether the possessive before token ``i`` is a title's and an organisation's
    tail follows (``U.S. Attorney's Office``, ``the Sheriff's Department``): the
    possessive is part of the organisation's name."""
    before = tokens[i - 1]
    return (
        before.possessive
        and before.folded in words.title_ends
        and tokens[i].text in _organization_words()[0]
    )


def _and_goes_on(tokens: Sequence[NameToken], first: int, i: int, bound: int) -> bool:
    """Whether ``and`` at ``i`` joins two words of an organisation's name: the run so
    far has a head and ``of`` or ``for`` (``Department for Trade and Industry``,
    ``Ministry of Trade and Industry``) and a capitalised word follows, or the words
    after it end with an organisation's tail (see below)."""
    if i + 1 >= bound or not tokens[i].joins:
        return False
    after = tokens[i + 1]
    if not after.capitalised or after.text[0].isdigit() or after.heading:
        return False
    tails, heads = _organization_words()
    if any(
        tokens[k].text in heads and tokens[k + 1].folded in ("of", "for")
        for k in range(first, i - 1)
    ):
        return True
    # "Birmingham Fire and Rescue Service", "United Nations Relief and Works Agency":
    # two words or more that no given name opens and no organisation's word ends,
    # then one to three capitalised words that one ends.
    if i - first < 2 or _opens_with_given_name(tokens[first:i]) or tokens[i - 1].text in tails:
        return False
    for k in range(i + 1, min(bound, i + 1 + _AND_TAIL_REACH)):
        token = tokens[k]
        if not token.capitalised or token.heading:
            return False
        if token.text in tails:
            return True
        if not token.joins:
            return False
    return False


#: The most words after ``and`` up to an organisation's tail that join a name.
_AND_TAIL_REACH = 3


def _is_contraction(text: str) -> bool:
    """``I'm``, ``We've``, ``Don't``: a word (as written) with a contraction's ending."""
    cut = text.rfind("'")
    if cut < 0:
        return False
    ending = text[cut - 1 :] if text[cut + 1 :] in ("t", "T") else text[cut:]
    return ending.casefold() in _CONTRACTIONS


@functools.cache
def _long_demonyms() -> frozenset[tuple[str, ...]]:
    """The demonyms of more than one word (``South African``, ``New Zealanders``;
    ``data/countries.tsv``), as tuples of their words."""
    return frozenset(tuple(d.split()) for d in _all_demonyms() if " " in d)


@functools.cache
def _long_demonym_openers() -> frozenset[str]:
    return frozenset(words[0] for words in _long_demonyms())


def _cut_at_plural_owners(
    norm: str, tokens: Sequence[NameToken], first: int, last: int
) -> list[tuple[int, int]]:
    """A run cut after a plural's possessive that a person's name follows
    (``Riverside News' Jo Marden``); one inside a name stays (``the Farmers'
    Union``, ``Cup Winners' Cup``)."""
    pieces, start = [], first
    for i in range(first, last - 1):
        text = tokens[i].text
        if (
            tokens[i + 1].start - tokens[i].end == 2
            and text[-1:] in ("s", "S")
            and norm[tokens[i].end : tokens[i + 1].start] == "' "
            and _opens_with_given_name(tokens[i + 1 : last])
        ):
            pieces.append((start, i + 1))
            start = i + 1
    pieces.append((start, last))
    return pieces


def _split_run(
    tokens: Sequence[NameToken], first: int, last: int, words: LexiconWords
) -> list[_Candidate]:
    """A run as one or more candidates: a demonym of two or three words apart
    (``South African Anna Kriel``), a person and the organisation after ``of``
    apart (``Mike Powell of Dresdner Kleinwort``), each without its titles."""
    openers = _long_demonym_openers()
    for i in range(first, last - 1):
        if tokens[i].text not in openers:
            continue
        for width in (3, 2):
            if i + width <= last and tuple(t.text for t in tokens[i : i + width]) in (
                _long_demonyms()
            ):
                demonym = _Candidate(i, i + width, "rule", nationality=True)
                return [
                    *(_split_run(tokens, first, i, words) if first < i else ()),
                    demonym,
                    *(_split_run(tokens, i + width, last, words) if i + width < last else ()),
                ]
    return _split_of(tokens, first, last, words)


def _split_of(
    tokens: Sequence[NameToken], first: int, last: int, words: LexiconWords
) -> list[_Candidate]:
    """A run as a person and the organisation or country after ``of`` apart, each
    without its titles."""
    of = _person_of(tokens, first, last, words)
    if of is None:
        return _split_titles(tokens, first, last, words)
    person = _split_titles(tokens, first, of, words)
    rest = _split_titles(tokens, of + 1, last, words)
    for piece in rest:
        piece.employer = True
    return [*person, *rest]


def _split_titles(
    tokens: Sequence[NameToken], first: int, last: int, words: LexiconWords
) -> list[_Candidate]:
    """A run without its titles, as one or more candidates.

    ``Iraqi Prime Minister Mohammed Shia' Al-Sudani`` gives ``Iraqi`` and the name,
    the name marked as a person's. Words that are never names alone (months,
    demonyms, groups, common words) are trimmed from the ends of each piece; a
    demonym stays at the head of an organisation (``Iraqi Political Thinking Center``).
    """
    pieces: list[_Candidate] = []
    start = first
    person_cue = False
    i = first
    if _organization_shaped(tokens, first, last):
        whole = _Candidate(first, last, "rule")
        return [whole] if _trim(tokens, whole, words) else []
    title: tuple[int, int] | None = None
    if _opens_with_role_noun(tokens, first, last):
        # A role noun capitalised as a sentence's first word: "Singer Maria Cruz",
        # "Minister of the Interior Jo Doe said".
        start = i = _portfolio_after(tokens, first + 1, last, words)
        title, person_cue = (first, start), True
    while i < last:
        if start < i and _describes_person_after(tokens, start, i, last):
            # A nationality or a party before a person: "Wisconsin Republican Paul Ryan".
            pieces.append(_Candidate(start, i + 1, "rule", person_cue=person_cue, title=title))
            title, person_cue = None, True
            i = start = i + 1
            continue
        width = _applying_title_at(tokens, i, last, words)
        if width:
            head = _portfolio_head(tokens, start, i, width, words)
            if start < head:
                piece = _Candidate(start, head, "rule", person_cue=person_cue, title=title)
                if _title_kind(tokens, i, width, words) == "executive" and not person_cue:
                    piece.around = EntityType.ORG  # "Acme Chief Executive Jane Doe"
                pieces.append(piece)
            # The title's words, with a country just before it: "Iraqi Prime Minister";
            # a portfolio after it, up to a given name: "Minister of Finance Jo Doe".
            end = _portfolio_after(tokens, i + width, last, words)
            if _portfolio_alone(tokens, end, last, words):
                return [piece for piece in pieces if _trim(tokens, piece, words)]
            title = (head - 1 if head > start else head, end)
            person_cue = True
            i = start = end
            continue
        i += 1
    if start < last:
        pieces.append(_Candidate(start, last, "rule", person_cue=person_cue, title=title))
    return [piece for piece in pieces if _trim(tokens, piece, words)]


def _title_kind(tokens: Sequence[NameToken], i: int, width: int, words: LexiconWords) -> str:
    """The kind of the title of ``width`` words at ``i`` (``data/titles.tsv``)."""
    return words.title_kinds.get(" ".join(t.folded for t in tokens[i : i + width]), "")


def _applying_title_at(tokens: Sequence[NameToken], i: int, last: int, words: LexiconWords) -> int:
    """The width of a title at ``i`` that stands before a name here (0 when none)."""
    width = _is_title_at(tokens, i, last, words)
    return width if width and _title_applies(tokens, i, width, last, words) else 0


def _portfolio_head(
    tokens: Sequence[NameToken], start: int, i: int, width: int, words: LexiconWords
) -> int:
    """Where a title at ``i`` begins once the portfolio before it is included: up to
    two words before ``Minister`` (``Foreign Minister``), no demonym (``Iraqi``)."""
    head = i
    if tokens[i + width - 1].folded in words.portfolio_ends:
        while head > start and i - head < 2 and tokens[head - 1].text not in _demonyms():
            head -= 1
    return head


def _portfolio_after(tokens: Sequence[NameToken], i: int, last: int, words: LexiconWords) -> int:
    """Where the name starts after a title that ends at ``i``: past a portfolio after
    ``of`` or ``for`` when a given name follows it (``Minister of Finance Fernando
    Haddad``, ``Minister of State for Trade Jo Marden``), else at ``i``."""
    if i >= last - 1 or tokens[i - 1].folded not in words.portfolio_ends:
        return i
    if tokens[i].folded not in ("of", "for") or not tokens[i - 1].joins:
        return i
    for j in range(i + 2, min(last, i + 2 + _PORTFOLIO_WORDS)):
        if _opens_with_given_name(tokens[j:last]) and j + 1 < last:
            return j
        if not (tokens[j].capitalised or tokens[j].folded in words.connectors):
            return i
    return i


def _portfolio_alone(tokens: Sequence[NameToken], i: int, last: int, words: LexiconWords) -> bool:
    """Whether all that follows a title ending at ``i`` is ``of`` or ``for`` and its
    portfolio or its seat, no given name in it (``The Minister of Finance said``,
    ``the Minister for Foreign Affairs``, ``the Conservative MP for Maidstone``): no
    person's name (a place's name there is read from the reference tables)."""
    the = 1 if i + 1 < last and tokens[i + 1].folded == "the" else 0
    rest = last - i - the
    if 2 < rest <= 1 + _PORTFOLIO_WORDS and any(
        _opens_with_given_name(tokens[j:last]) for j in range(i + 1 + the, last)
    ):
        return False  # "Minister of State Jo Marden": a name after the portfolio
    return (
        2 <= rest <= 1 + _PORTFOLIO_WORDS
        and tokens[i].folded in ("of", "for")
        and not tokens[i].capitalised
        and tokens[i - 1].joins
        and (tokens[i - 1].folded in words.portfolio_ends or tokens[i].folded == "for")
    )


#: The most words of a portfolio after ``of`` (``State for Foreign Affairs``).
_PORTFOLIO_WORDS = 4


def _describes_person_after(tokens: Sequence[NameToken], start: int, i: int, last: int) -> bool:
    """Whether the word at ``i`` of a run is a nationality or a party that describes the
    person named after it (``Wisconsin Republican Paul Ryan``): a given name follows,
    not an article (``Shia' Al-Sudani``), and the words before are no person's name."""
    return (
        i < last - 1
        and tokens[i].text in _nationality_words()
        and not is_article(tokens[i + 1].folded)
        and _opens_with_given_name(tokens[i + 1 : last])
        and not _opens_with_given_name(tokens[start:i])
    )


def _person_of(
    tokens: Sequence[NameToken], first: int, last: int, words: LexiconWords
) -> int | None:
    """Where ``of`` follows a person's name in a run (``Mike Powell of Dresdner
    Kleinwort``, ``Senator Ted Cruz of Texas``): a name of two or three words,
    after a title if one opens the run, that opens with a given name and holds no
    organisation word; or a name of one to three words with no organisation word
    before a country (``Sergi Valdarra of Spain``, ``Kesselbrunn of Austria``; not
    ``Gulf of Mexico``); None when the run has no such ``of``."""
    first += _is_title_at(tokens, first, last, words)
    for k in range(first + 1, min(first + 4, last - 1)):
        if tokens[k].folded != "of" or tokens[k].capitalised:
            continue
        name = tokens[first:k]
        tails, heads = _organization_words()
        if any(t.text in heads or t.text in tails for t in name):
            return None
        if len(name) > 1 and _opens_with_given_name(name):
            return k
        country = " ".join(t.folded for t in tokens[k + 1 : last])
        if country in _country_names() and not any(t.text in _place_heads() for t in name):
            return k  # a side or a player and the country: "Kesselbrunn of Austria"
        return None
    return None


@functools.cache
def _place_heads() -> frozenset[str]:
    """The place words a name of a place before ``of`` holds (``Sea of Japan``,
    ``Gulf of Mexico``, ``Republic of Korea``)."""
    return _place_words("tail") | _place_words("opening") | _place_words("generic")


@functools.cache
def _country_names() -> frozenset[str]:
    """The countries' names and aliases (``data/countries.tsv``), folded word by word."""
    names = set()
    for row in read_rows("countries.tsv"):
        for written in "|".join(row[:2]).split("|"):
            if written.strip():
                names.add(" ".join(fold_token(w) for w in written.split()))
    return frozenset(names)


def _opens_with_role_noun(tokens: Sequence[NameToken], first: int, last: int) -> bool:
    return (
        last - first > 2
        and tokens[first].sentence_start
        and tokens[first].folded in _words("role_nouns.txt")
    )


def _organization_shaped(tokens: Sequence[NameToken], first: int, last: int) -> bool:
    """``... Movement``, ``Ministry of ...``, ``Company for ...``: an organisation's name."""
    tails, heads = _organization_words()
    if tokens[last - 1].text in tails:
        return True
    for i in range(first, last - 1):
        if tokens[i].text in heads and tokens[i + 1].folded in ("of", "for"):
            return True
    return False


def _title_applies(
    tokens: Sequence[NameToken], i: int, width: int, last: int, words: LexiconWords
) -> bool:
    """Whether a title word stands before a name here.

    A military rank written out (``General``, ``Major``) counts only before a
    name of two words or more, or when abbreviated (``Gen.``): ``General Motors``
    and ``Major League`` are names, not ranks.
    """
    if _title_kind(tokens, i, width, words) != "military":
        return True
    key = " ".join(t.folded for t in tokens[i : i + width])
    abbreviated = tokens[i + width - 1].joins and tokens[i + width - 1].text != key
    rest = last - (i + width)
    return rest >= 2 or (abbreviated and rest >= 1)


def _is_connector(token: NameToken, words: LexiconWords) -> bool:
    """A word that joins a name's words but does not open a name: ``of``, ``The``, a
    lower-case particle. A capitalised particle opens one (``Ben Carlo``, ``De Rossi``)."""
    return token.folded in _LINKING_WORDS or (
        not token.capitalised and token.folded in words.connectors
    )


def _a_numbered_name(tokens: Sequence[NameToken], piece: _Candidate) -> bool:
    """Whether the candidate ends in a capitalised number word after another
    capitalised word of it (``Formula One``, ``League Two``): the number is the name's."""
    last = piece.last - 1
    if last <= piece.first:
        return False
    token, before = tokens[last], tokens[last - 1]
    return (
        token.folded in _NUMBER_WORDS
        and token.capitalised
        and not token.upper
        and before.capitalised
        and before.joins
        and before.folded not in _NUMBER_WORDS
    )


def _trim(tokens: Sequence[NameToken], piece: _Candidate, words: LexiconWords) -> bool:
    """Trim a candidate's ends; False when nothing that can be a name is left.

    Reads the tokens' ``folded``, ``text`` and ``capitalised``. A name does not
    end with a lower-case word or a connector in any case (``N.Y``, where the
    ``Y`` is the Spanish particle), and does not start with a connector that
    cannot open a name (see :func:`_is_connector`), a number, or a word that is
    never a name alone.
    """
    common = _words("common_words.txt")
    not_names = _not_name_words()
    while piece.first < piece.last:
        token = tokens[piece.last - 1]
        if not (
            token.folded in words.connectors
            or not token.capitalised
            or token.text in not_names
            or token.text in common
        ) or _a_numbered_name(tokens, piece):
            break  # a word that can end a name
        if _a_party_of_members(tokens, piece, common, not_names):
            piece.around = EntityType.ORG
            break
        piece.last -= 1
    # A demonym or a group stays at the head of an organisation's or an event's name
    # ("Iraqi Political Thinking Center", "Republican National Convention", "French Open").
    is_org = piece.first < piece.last and (
        _organization_shaped(tokens, piece.first, piece.last)
        or (
            piece.last - piece.first > 1 and _ends_with_event_word(tokens[piece.first : piece.last])
        )
    )
    while piece.first < piece.last:
        token = tokens[piece.first]
        if is_article(token.folded) and piece.first + 1 < piece.last:
            break
        if (
            _is_connector(token, words)
            or token.text.isdigit()
            or (token.text in not_names and not is_org)
        ):
            piece.first += 1
            continue
        if token.text in common and piece.last - piece.first == 1:
            piece.first += 1
            continue
        break
    if piece.last - piece.first == 1 and _a_plural_title(tokens[piece.first], words):
        return False  # "MPs", "Senators": the holders of an office, no name
    return piece.first < piece.last


def _a_party_of_members(
    tokens: Sequence[NameToken],
    piece: _Candidate,
    common: frozenset[str],
    not_names: frozenset[str],
) -> bool:
    """``the Liberal Democrats``, ``the Free Democrats``: a word no table knows before a
    group's plural (``data/groups.txt``) names a party, as the group's noun alone does
    not. A known name before it stays itself (``Senate Democrats``, ``Texas
    Republicans``), and so does a common word opening a sentence (``Many Democrats``)."""
    if piece.last - piece.first != 2:
        return False
    before, group = tokens[piece.first], tokens[piece.last - 1]
    if not (group.text.endswith("s") and group.text in _words("groups.txt")):
        return False
    return (
        before.capitalised
        and before.joins
        and not before.upper
        and before.text not in not_names
        and not (before.sentence_start and before.text in common)
        and before.folded not in given_names()
        and not reference_table().index.key_ids(before.variant)
    )


def _a_plural_title(token: NameToken, words: LexiconWords) -> bool:
    """Whether a word is the plural of a title of one word (``MPs``, ``Senators``)."""
    folded = token.folded
    return (
        len(folded) > 2
        and folded.endswith("s")
        and folded[:-1] in words.title_kinds
        and not token.possessive
    )


def _type_of(
    tokens: Sequence[NameToken], candidate: _Candidate, person_before: bool, lexicon: LexiconWords
) -> EntityType:
    """The type of a rule candidate: by the shape of its words, then by what stands
    around it (a title or role before it, a kind of organisation before it or what
    an organisation has after it, a cue verb after it), then by its words."""
    span = tokens[candidate.first : candidate.last]
    shaped = EntityType.OTHER if candidate.nationality else _type_by_shape(tokens, candidate)
    if shaped is not None:
        return shaped
    if candidate.person_cue or person_before:
        return EntityType.PERSON
    if candidate.around is not None:
        return candidate.around
    if (
        len(span) == 1
        and _speaks(tokens, candidate.first, candidate.last, lexicon)
        and not span[0].upper
        and not _after_the(tokens, candidate.first)
    ):
        return EntityType.PERSON  # "Haddad said"; "the Treasury said" is no person
    names = [t for t in span if t.folded not in lexicon.connectors or t.capitalised]
    by_word_before = _type_by_word_before(tokens, candidate) if len(names) > 1 else None
    if by_word_before is EntityType.ORG and _a_team(span):
        return by_word_before  # "the Florida Herons", though Florida is a given name
    given = _opens_with_given_name(span) and not _a_place_first(candidate, span)
    if 2 <= len(names) <= 4 and given:
        # "Elizabeth Warren", though Warren is a town too; "Wayne Jordan", "Anthony
        # Washington", though the last word is a country's or a city's
        return EntityType.PERSON
    if by_word_before is not None:
        return by_word_before
    held = _type_by_what_it_holds(candidate, span)
    if held is not None:
        return held
    if len(names) == 1:
        kind = _one_word_evidence(tokens, candidate)
        candidate.guessed = kind is None
        return EntityType.ORG if kind is None else kind
    candidate.guessed = not candidate.employer
    return _many_words_type(span, len(names), candidate.employer, lexicon)


def _a_place_first(candidate: _Candidate, span: Sequence[NameToken]) -> bool:
    """Whether a name opens with a great place's name, though a given name has it
    (``Sydney Newsroom``, ``Israel Radio``, ``Boston Red Sox``): no person's name.
    One that only ends with one is (``Wayne Jordan``, ``Anthony Washington``)."""
    return candidate.place_first and len(span) > 1


def _type_by_what_it_holds(candidate: _Candidate, span: Sequence[NameToken]) -> EntityType | None:
    """ORG for a name holding a reference organisation (``BBC Sport``, a part of
    it); OTHER for one holding a number (``Great Prophet 19``); ORG for one holding
    a great place (``Reform UK``, ``Bayern Munich``)."""
    if candidate.holds_organization:
        return EntityType.ORG
    if any(map(str.isdigit, "".join(t.text for t in span))):
        return EntityType.OTHER
    # "Reform UK", "Age UK", "Bayern Munich", "America Online", "Israel Radio": a
    # name that holds a great place and other capitalised words, with no event's or
    # place's word to type it, is an organisation's far more often than anything's.
    return EntityType.ORG if candidate.holds_place else None


#: The fewest letters of an acronym that opens an organisation's name: people's
#: initials written together are two (``JJ Watt``).
_ACRONYM_OPENER = 3


def _opens_with_an_acronym(span: Sequence[NameToken]) -> bool:
    """``SBC Warburg``, ``BNP Paribas``: a name of mixed case that opens with an
    acronym of three letters or more is no person's."""
    first = span[0]
    return (
        first.upper
        and len(first.text) >= _ACRONYM_OPENER
        and first.text.isalpha()
        and any(not t.upper for t in span[1:])
    )


def _many_words_type(
    span: Sequence[NameToken], names: int, employer: bool, lexicon: LexiconWords
) -> EntityType:
    """A name of ``names`` words with no other evidence: a person's when a person's
    particle joins its words (``Sabah al-Akili``) or when it has two to four
    capitalised words, unless it names where the person before ``of`` works."""
    if any(t.folded in lexicon.person_particles for t in span[1:]):
        return EntityType.PERSON
    if employer or _opens_with_an_acronym(span):
        return EntityType.ORG
    if names <= 4 and all(t.capitalised or t.folded in lexicon.particles for t in span):
        return EntityType.PERSON
    return EntityType.ORG


def _a_team(span: Sequence[NameToken]) -> bool:
    """Whether a name after ``the`` reads as a team's whatever its first word: a
    plural last word (``the Florida Herons``), not a name of its own (``the Tom
    Williams case``); ``the Harriet Colton email`` is no team."""
    last = span[-1]
    return (
        len(span) > 1
        and last.text.endswith("s")
        and not last.text.endswith("ss")
        and not last.possessive
        and last.folded not in given_names()
    )


def _type_by_word_before(tokens: Sequence[NameToken], candidate: _Candidate) -> EntityType | None:
    """A name of two words or more after ``the`` is an organisation's (``the
    Baltimore Orioles``), after a preposition of where a place's (``talks in Banja
    Luka``): no person's name without a title stands there."""
    before = tokens[candidate.first - 1] if candidate.first > 0 else None
    if before is None or not before.joins:
        return None
    if _after_the(tokens, candidate.first):
        return EntityType.ORG  # "the Baltimore Orioles", "The White Sox have ..."
    if before.capitalised:
        return None
    if _after_a_role_and_at(tokens, candidate.first):
        return EntityType.ORG  # "an analyst at Hargreaves Lansdown"
    if (
        before.folded in _LOCATIVE
        or _after_a_kind_of_place(tokens, candidate.first)
        or _compass_before(tokens, candidate.first)
    ):
        return EntityType.PLACE  # "in Banja Luka", "the town of Hebden Bridge", "west of ..."
    return None


def _after_a_role_and_at(tokens: Sequence[NameToken], first: int) -> bool:
    """Whether a person's role and ``at`` stand before the name at token ``first``
    (``an analyst at``, ``scientists at``): the name is where the person works, an
    organisation, not the place that ``at`` alone would make it."""
    if first < 2:
        return False
    at, role = tokens[first - 1], tokens[first - 2]
    if not (at.joins and role.joins) or at.folded not in _EMPLOYER_PREPOSITIONS:
        return False
    roles = _words("role_nouns.txt")
    return role.folded in roles or (role.folded.endswith("s") and role.folded[:-1] in roles)


def _after_the(tokens: Sequence[NameToken], first: int) -> bool:
    """Whether ``the`` stands just before the name at token ``first``: no person's
    name without a title follows it."""
    before = tokens[first - 1] if first > 0 else None
    return (
        before is not None
        and before.joins
        and before.folded in _NOT_BEFORE_PERSON
        and (before.sentence_start or not before.capitalised)
    )


def _opens_with_given_name(span: Sequence[NameToken]) -> bool:
    """Whether a name's first word is a common given name (``data/given_names.tsv``)
    written as one (``Elizabeth``, not ``ELIZABETH`` in a headline)."""
    first = span[0]
    return first.capitalised and not first.upper and first.folded in given_names()


def _type_by_shape(tokens: Sequence[NameToken], candidate: _Candidate) -> EntityType | None:
    """ORG for an organisation's head or tail word (``... Movement``, ``Ministry of
    ...``), PLACE for a place word at or after its end (``Kandahar province``)."""
    tails, heads = _organization_words()
    span = tokens[candidate.first : candidate.last]
    if span[-1].text in tails:
        return EntityType.ORG
    if len(span) > 2 and span[0].text in heads and span[1].folded == "of":
        return EntityType.ORG
    if tuple(t.folded for t in span) in _named_others():
        return EntityType.OTHER  # "Christmas", "Eid al-Fitr", "Thanksgiving"
    if len(span) > 1 and (_ends_with_event_word(span) or _event_opener_width(span)):
        return EntityType.OTHER  # "World Cup", "World War II", "Hurricane Milton"
    if len(span) > 1 and span[-1].folded in _NUMBER_WORDS:
        return EntityType.OTHER  # "Formula One", "League Two": a competition or a series
    after = tokens[candidate.last] if candidate.last < len(tokens) else None
    if span[-1].text in _place_words("tail") or (
        after is not None
        and span[-1].joins
        and (after.text in _place_words("tail") or _a_place_noun(after.text))
    ):
        return EntityType.PLACE
    if len(span) > 1 and span[0].text in _place_words("opening"):
        return EntityType.PLACE  # "River Calder", "Mount Kenya"
    if _organization_shaped(tokens, candidate.first, candidate.last):
        return EntityType.ORG
    return None


@functools.cache
def _named_others() -> frozenset[tuple[str, ...]]:
    """The names of ``data/holidays.txt`` and ``data/diseases.txt`` as their words
    read (case-folded; hyphens, apostrophes and a possessive's ``s`` left out, as
    name tokens leave them): names that are OTHER whole."""
    return frozenset(
        tuple(map(fold_token, name_tokens(name, titles=False)))
        for name in (*_words("holidays.txt"), *_words("diseases.txt"))
    )


@functools.cache
def _named_other_prefixes() -> frozenset[tuple[str, ...]]:
    """The names that are OTHER whole and every run of words that opens one."""
    return frozenset(name[:k] for name in _named_others() for k in range(1, len(name) + 1))


_ROMAN = regex.compile(r"[IVX]{1,4}")


def _ends_with_event_word(span: Sequence[NameToken]) -> bool:
    """Whether a name ends with a word of ``data/event_words.txt``, a number or a
    Roman numeral aside (``World War II``), in capitals too (``WORLD CUP``)."""
    last = span[-1].text
    if len(span) > 2 and (_ROMAN.fullmatch(last) or last.isdigit()):
        last = span[-2].text
    events = _words("event_words.txt")
    return last in events or (last.isupper() and last.capitalize() in events)


def _event_opener_width(span: Sequence[NameToken]) -> int:
    """How many words of ``data/event_openers.txt`` open a name of more words
    (``Hurricane Milton``, ``Tropical Storm Debby``), in capitals too; 0 for none."""
    openers = _words("event_openers.txt")
    for width in (2, 1):
        if len(span) > width and all(t.joins for t in span[: width - 1]):
            opening = " ".join(t.text for t in span[:width])
            if opening in openers or (opening.isupper() and opening.title() in openers):
                return width
    return 0


def _one_word_evidence(tokens: Sequence[NameToken], candidate: _Candidate) -> EntityType | None:
    """A name of one word: an acronym is an organisation's, a name joined to an
    article a person's (``al-Sudani``), a word after ``in``/``from`` or a noun for a
    kind of place a place's, a common given name alone a person's; None when
    nothing says (the stage then reads it as an organisation's, and the same word
    with evidence elsewhere in the article decides)."""
    token = tokens[candidate.last - 1]
    if token.upper and len(token.text) <= 8:
        return EntityType.ORG
    if candidate.first > 0 and is_article(tokens[candidate.first].folded):
        return EntityType.PERSON
    before = tokens[candidate.first - 1] if candidate.first > 0 else None
    if _after_a_role_and_at(tokens, candidate.first):
        return EntityType.ORG  # "an analyst at Barclays"
    if token.folded in _COMPASS and _after_the(tokens, candidate.first):
        return EntityType.PLACE  # "the South", "relations with the West"
    where = before is not None and before.joins and before.folded in _PLACE_PREPOSITIONS
    if (where and before is not None and before.folded in _LOCATIVE) or _compass_before(
        tokens, candidate.first
    ):
        return EntityType.PLACE  # "in Kelso", "west of Kelso"
    if _opens_with_given_name(tokens[candidate.first : candidate.last]):
        return EntityType.PERSON  # "Caroline", "to Cedric": a given name alone
    if where or _after_a_kind_of_place(tokens, candidate.first):
        return EntityType.PLACE  # "from Kelso", "the town of Kelso"
    after = tokens[candidate.last] if candidate.last < len(tokens) else None
    if after is not None and _MINUTE.fullmatch(after.text):
        return EntityType.PERSON  # a scorer and the minute: "(Okafor 64th, Diaz 82nd)"
    return None


def _held(norm: str, tokens: Sequence[NameToken], first: int) -> bool:
    """``rebel-held Tarsk``, ``government-controlled Velna``: a participle of holding
    (``data/place_words.tsv``, position ``held``) hyphened to the word before it,
    just before the name."""
    if first < 2:
        return False
    participle, before = tokens[first - 1], tokens[first - 2]
    return (
        participle.folded in _place_words("held")
        and norm[before.end : participle.start] == "-"
        and norm[participle.end : tokens[first].start] == " "
    )


def _after_a_kind_of_place(tokens: Sequence[NameToken], first: int) -> bool:
    """``the city of Sakai``, ``the Chechen capital Grozny``, ``the Chechen capital,
    Grozny.``: a lower-case noun for a kind of place (``data/place_words.tsv``,
    position ``head``) just before, or before a comma."""
    i = first - 1
    if i > 0 and tokens[i].folded == "of" and tokens[i - 1].joins:
        i -= 1
    if i < 0 or tokens[i].text not in _place_words("head"):
        return False
    # Before a comma, only a word closed by punctuation in turn reads as an apposition
    # ("the Chechen capital, Grozny."; not "a leading dairy state, Gore had").
    return tokens[i].joins or (
        tokens[first].start - tokens[i].end == len(", ") and not tokens[first].joins
    )


def _title_before(
    tokens: Sequence[NameToken], first: int, words: LexiconWords
) -> tuple[int, int] | None:
    """A title written just before a name, in any case: ``White House chief of staff Baker``.

    The span takes up to three capitalised words before the title, which often
    name the office (``White House``, ``Iraqi``).
    """
    if first == 0 or tokens[first - 1].folded not in words.title_ends:
        return None  # no title ends with the word before
    keys = words.title_kinds
    for width in (4, 3, 2, 1):
        start = first - width
        if start < 0 or not all(t.joins for t in tokens[start:first]):
            continue
        if " ".join(t.folded for t in tokens[start:first]) in keys:
            head = start
            while (
                head > 0
                and start - head < 3
                and tokens[head - 1].joins
                and tokens[head - 1].capitalised
                and tokens[head - 1].text not in _words("common_words.txt")
            ):
                head -= 1
            return head, first
    return None


def _person_before(tokens: Sequence[NameToken], norm: str, first: int, words: LexiconWords) -> bool:
    """``political analyst Jane Doe``, ``the commander, Jane Doe``, ``Supreme Leader, Jane Doe``."""
    if first == 0:
        return False
    before = tokens[first - 1]
    gap = norm[before.end : tokens[first].start]
    if gap.strip() not in ("", ","):
        return False
    if before.folded in _words("role_nouns.txt"):
        return True
    if before.folded not in words.title_ends:
        return False  # no title ends with the word before
    # a title just before: "Chief of Staff, Jane Doe"
    for width in (4, 3, 2, 1):
        start = first - width
        if start >= 0 and _is_title_at(tokens, start, first, words) == width:
            return True
    return False


def _candidates(
    doc: Document,
    tokens: Sequence[NameToken],
    table: AliasTable | None,
    reference: AliasTable,
    words: LexiconWords,
    title_case: Sequence[Span] = (),
) -> list[_Candidate]:
    """The article's candidate names in token order, none overlapping another: the
    user's table's, the reference table's and the rules' runs, the longest first
    (a table's before a rule's of the same length), each rule candidate typed.
    In rows of results and standings a town of one word needs no other evidence and
    a lone word at a line's start is kept: the row says they are sides."""
    rows = result_rows(doc)
    found: list[_Candidate] = []
    if table is not None:
        # A user's name is one in a line in title case too (its capitals are the
        # name's own), not in a line in capitals.
        found += [
            _from_hit(h, "user")
            for h in Matcher(table.index).names(tokens, headings=bool(title_case))
            if not _a_contraction(tokens, h)
            and (not tokens[h.first].heading or _in_rows(title_case, tokens[h.first].start))
        ]
    hits = Matcher(reference.index).names(tokens, headings=True)
    unsupported = [
        _unsupported_town(doc.norm, tokens, h) and not _held(doc.norm, tokens, h.first)
        for h in hits
    ]
    # A town the text shows to be a place once is that place wherever it is named.
    towns = {h.ids for h, no in zip(hits, unsupported, strict=True) if _is_town(h.ids) and not no}
    found += [
        _from_hit(h, "reference")
        for h, no in zip(hits, unsupported, strict=True)
        if not _a_contraction(tokens, h)
        and not _furniture_in_capitals(tokens, h)
        and not (no and h.ids not in towns and not _in_rows(rows, tokens[h.first].start))
        and not _family_name(tokens, h)
        and not _a_surname_of(table, tokens, h)
    ]
    places: set[tuple[int, int]] | None = None  # built only when a run needs it
    for first, last in _runs(doc.norm, tokens, words):
        if _a_letter_before(doc.norm, tokens[first]):
            if places is None:
                places = {(c.first, c.last) for c in found if c.source == "reference"}
            if (first + 1, last) in places:
                continue  # a party's letter and a state: "(R-Texas)", "D-Calif."
        for a, b in _cut_at_plural_owners(doc.norm, tokens, first, last):
            found += _split_run(tokens, a, b, words)
    kept = _without_overlaps(_cut_around(tokens, found, words))
    if rows:
        _mark_rows(doc.norm, tokens, rows, kept)
    kept = _without_lone_openers(
        doc.norm, tokens, _without_currency_marks(doc.norm, tokens, kept), words
    )
    for candidate in kept:
        if candidate.source == "rule":
            _type_rule_candidate(doc, tokens, candidate, words, reference)
    _coordinated_places(doc.norm, tokens, kept, reference)
    return _with_body_names_in_headings(tokens, kept)


#: What stands between the names of a list (``Kelso, Hawick and Selkirk``), and
#: which of those may end one.
_LIST_GAPS = frozenset({" and ", " or ", ", ", ", and ", ", or "})
_LAST_LIST_GAPS = frozenset({" and ", " or ", ", and ", ", or "})


def _coordinated_places(
    norm: str, tokens: Sequence[NameToken], kept: list[_Candidate], reference: AliasTable
) -> None:
    """``in Pontypridd and Treorchy``, ``from Kelso, Hawick and Selkirk``: a name typed
    for want of evidence in a list of names after a place preposition, whose first is
    a place, is a place too (the names of a list are of one kind). A list ends with
    ``and`` or ``or`` (``in Tripoli, Jan Doe, said`` is a place and a person)."""
    k = 0
    while k < len(kept):
        head = kept[k]
        end = k + 1
        last_and = k
        while end < len(kept):
            gap = norm[tokens[kept[end - 1].last - 1].end : tokens[kept[end].first].start]
            if gap not in _LIST_GAPS:
                break
            if gap in _LAST_LIST_GAPS:
                last_and = end
            end += 1
        if (
            last_and > k
            and _where_before_list(tokens, head.first)
            and _a_known_place(head, reference)
        ):
            for candidate in kept[k + 1 : last_and + 1]:
                if candidate.source == "rule" and candidate.guessed:
                    candidate.type, candidate.guessed = EntityType.PLACE, False
        k = end


def _where_before_list(tokens: Sequence[NameToken], first: int) -> bool:
    """A preposition of where before a list's first name, or before ``the`` and it
    (``in the North West and Yorkshire``)."""
    if _where_before(tokens, first):
        return True
    before = tokens[first - 1] if first > 0 else None
    return (
        before is not None
        and before.joins
        and before.folded == "the"
        and not before.capitalised
        and _where_before(tokens, first - 1)
    )


def _where_before(tokens: Sequence[NameToken], first: int) -> bool:
    """Whether a preposition of where (``in``, ``at``, ``between``) or a point of the
    compass and ``of`` stands just before the name at token ``first``."""
    before = tokens[first - 1] if first > 0 else None
    return before is not None and (
        (before.joins and (before.folded in _LOCATIVE or before.folded in _LIST_PREPOSITIONS))
        or _compass_before(tokens, first)
    )


def _a_known_place(candidate: _Candidate, reference: AliasTable) -> bool:
    """Whether a candidate is a place by evidence: a reference place, or a rule
    candidate typed a place's by the words around it."""
    if candidate.source == "reference":
        return len(candidate.ids) == 1 and all(
            reference[i].type is EntityType.PLACE for i in candidate.ids
        )
    return (
        candidate.source == "rule" and candidate.type is EntityType.PLACE and not candidate.guessed
    )


_HEADING_NAME_WORDS = 4  # the longest name looked for in a line in capitals


def _body_names(tokens: Sequence[NameToken], kept: list[_Candidate]) -> dict[str, _Candidate]:
    """The names outside lines in capitals by their variant keys, and the surnames of
    the people among them: the first candidate of each."""
    known: dict[str, _Candidate] = {}
    for c in kept:
        if tokens[c.first].heading:
            continue
        span = tokens[c.first : c.last]
        known.setdefault(_key(tokens, c), c)
        if c.type is EntityType.PERSON and len(span) > 1:
            known.setdefault(span[-1].variant, c)
    return known


def _with_body_names_in_headings(
    tokens: Sequence[NameToken], kept: list[_Candidate]
) -> list[_Candidate]:
    """Names the body gives, found again in lines in capitals (headlines, table
    rows) by their words, whatever the case of a capitalised word: ``HENDRIX DRAFT
    SELLS`` after ``Jimi Hendrix`` in the body. Each takes the type and the table
    entry of the body's name; a surname of a person, or a name of one word, needs
    a word of three letters or more."""
    heading = list(compress(range(len(tokens)), map(HEADING_OF, tokens)))
    known = _body_names(tokens, kept) if heading else {}
    if not known:
        return kept
    taken = {i for c in kept for i in range(c.first, c.last)}
    opening = {key.split(" ", 1)[0] for key in known}
    added = []
    for i in heading:
        if i in taken or not tokens[i].capitalised or tokens[i].variant not in opening:
            continue
        for width in range(min(_HEADING_NAME_WORDS, len(tokens) - i), 0, -1):
            span = tokens[i : i + width]
            if not all(t.heading for t in span) or taken.intersection(range(i, i + width)):
                continue
            if not span[-1].capitalised:
                continue  # a word in lower case is one in any line: "ngc" is not "NGC"
            if width == 1 and len(span[0].text) < 3:
                continue
            body = known.get(" ".join(t.variant for t in span))
            if body is not None:
                # The Arabic article joined before it is the name's: "Al-Mansouri".
                first = i
                before = tokens[i - 1] if i > 0 else None
                if (
                    before is not None
                    and before.heading
                    and before.joins
                    and is_article(before.folded)
                    and i - 1 not in taken
                ):
                    first = i - 1
                added.append(attrs.evolve(body, first=first, last=i + width, title=None))
                taken.update(range(first, i + width))
                break
    return sorted([*kept, *added], key=attrgetter("first")) if added else kept


def _mark_rows(
    norm: str, tokens: Sequence[NameToken], rows: Sequence[Span], candidates: list[_Candidate]
) -> None:
    """Mark the candidates that stand for a side in one of ``rows``, with the table
    of rows they are in."""
    blocks = _row_blocks(norm, rows)
    for candidate in candidates:
        at = tokens[candidate.first].start
        candidate.in_results = _a_side(norm, rows, at)
        if candidate.in_results:
            candidate.block = blocks[_row_index(rows, at)]


def _row_index(rows: Sequence[Span], pos: int) -> int:
    """The index of the one of ``rows`` (spans in order, none overlapping) that
    may hold ``pos``: the last starting at or before it (-1 for none)."""
    return bisect.bisect_right(rows, pos, key=attrgetter("start")) - 1


def _row_at(rows: Sequence[Span], pos: int) -> Span | None:
    """The one of ``rows`` that holds ``pos``."""
    i = _row_index(rows, pos)
    return rows[i] if i >= 0 and pos < rows[i].end else None


def _row_blocks(norm: str, rows: Sequence[Span]) -> list[int]:
    """For each of ``rows``, the number of its block: rows of one kind with nothing
    but blank space between them make one table. Tables of matches and fixtures
    (``Hamburg 3 Werder Bremen 1``, ``Hamburg v Bremen``; see
    :func:`.results.match_row`) have odd numbers, tables of standings even ones."""
    blocks, block, last, last_kind = [], 0, None, -1
    for row in rows:
        kind = 1 if match_row(norm, row) else 0
        if last is None or kind != last_kind or norm[last.end : row.start].strip():
            block = block + 1 if (block + 1) % 2 == kind else block + 2
        blocks.append(block)
        last, last_kind = row, kind
    return blocks


def _in_rows(rows: Sequence[Span], pos: int) -> bool:
    return _row_at(rows, pos) is not None


def _a_side(norm: str, rows: Sequence[Span], pos: int) -> bool:
    """Whether a name at ``pos`` stands for a side in one of ``rows``: in the row,
    outside its brackets (scorers, countries)."""
    row = _row_at(rows, pos)
    return (
        row is not None
        and norm.count("(", row.start, pos) <= norm.count(")", row.start, pos)
        and not _in_label(norm, row, pos)
    )


_LABEL_END = regex.compile(r": | - ")


def _in_label(norm: str, row: Span, pos: int) -> bool:
    """Whether ``pos`` is in the label that opens a row (``Playing Monday: Kelso v
    Barnsworth``, ``Division one - ...``): words with no figure, a colon or a dash."""
    end = _LABEL_END.search(norm, pos, row.end)
    return end is not None and not any(ch.isdigit() for ch in norm[row.start : end.start()])


def _a_letter_before(norm: str, token: NameToken) -> bool:
    """A capital letter alone with a hyphen after it (the ``R`` of ``R-Texas``)."""
    return len(token.text) == 1 and token.text.isupper() and norm[token.end : token.end + 1] == "-"


def _a_contraction(tokens: Sequence[NameToken], hit: Hit) -> bool:
    """A hit on one word that is a contraction (``I'll``, which folds as ``Ill.``)."""
    return hit.last - hit.first == 1 and _is_contraction(tokens[hit.first].text)


def _a_surname_of(table: AliasTable | None, tokens: Sequence[NameToken], hit: Hit) -> bool:
    """A one-word town or province that is a surname in the user's table: the user's
    table is specific, the generated place tables are general (``Ahmadi``)."""
    return (
        table is not None
        and hit.last - hit.first == 1
        and _is_generated(hit.ids)
        and table.index.is_surname(tokens[hit.first].variant)
    )


def _family_name(tokens: Sequence[NameToken], hit: Hit) -> bool:
    """A place's name with the Arabic article right after a capitalised name is a
    family name (``Noor al-Sabah``, ``Ahmed al-Basri``), not the place (Sabah)."""
    if hit.first == 0 or not is_article(tokens[hit.first].folded):
        return False
    before = tokens[hit.first - 1]
    return before.capitalised and before.joins and not before.heading


def _is_town(ids: frozenset[str]) -> bool:
    return any(i.startswith(_TOWN) for i in ids)


def _is_generated(ids: frozenset[str]) -> bool:
    """Whether the ids name a town or a subdivision of the generated tables."""
    return any(i.startswith((_TOWN, _AREA)) for i in ids)


def _furniture_in_capitals(tokens: Sequence[NameToken], hit: Hit) -> bool:
    """In a line in capitals (a headline, a table, a sign-off), an outlet's name is
    the wire's furniture (``REUTER``), and a letter alone is no name."""
    token = tokens[hit.first]
    if not token.heading:
        return False
    return len(token.text) < 2 or any(i.startswith("ref:outlet:") for i in hit.ids)


def _unsupported_town(norm: str, tokens: Sequence[NameToken], hit: Hit) -> bool:
    """A town of one word that the text does not show to be a place: a lone
    capitalised word is more often a surname or a company than a town of that name."""
    if hit.last - hit.first != 1 or not _is_town(hit.ids):
        return False
    if _place_evidence(tokens, hit.first, hit.last):
        return False
    # What follows a name says nothing of a town inside a longer name ("the new
    # Grand Faw port" is a port named for the town, not the town).
    before = tokens[hit.first - 1] if hit.first > 0 else None
    if before is not None and before.capitalised and before.joins and not before.sentence_start:
        return True
    return not (
        _hyphened_place_word(norm, tokens, hit.last)
        or _place_noun_after_list(norm, tokens, hit.last)
    )


def _hyphened_place_word(norm: str, tokens: Sequence[NameToken], last: int) -> bool:
    """``a Kelso-based firm``: a participle of ``data/place_words.tsv`` (position
    ``hyphened``) hyphened to the name that ends before token ``last``."""
    return (
        last < len(tokens)
        and norm[tokens[last - 1].end : tokens[last].start] == "-"
        and tokens[last].text in _place_words("hyphened")
    )


#: The most names of a list read up to the noun for a kind of place after it.
_LISTED_PLACES = 6


def _place_noun_after_list(norm: str, tokens: Sequence[NameToken], last: int) -> bool:
    """``the Kharkiv region``, ``the Kharkiv, Odesa and Sumy regions``: a lower-case
    noun for a kind of place (``data/place_words.tsv``, position ``tail``, or its
    plural) after the name, or after a list of capitalised names it opens."""
    j, words = last, 1
    while j < len(tokens) and words <= _LISTED_PLACES:
        gap = norm[tokens[j - 1].end : tokens[j].start]
        if tokens[j].capitalised and gap in (" ", ", "):
            j, words = j + 1, words + 1  # "Kharkiv, Odesa", "Khan Younis"
            continue
        joined = j + 1 < len(tokens) and tokens[j + 1].capitalised and not tokens[j].capitalised
        if joined and norm[tokens[j - 1].end : tokens[j + 1].start] in _LAST_LIST_GAPS:
            j, words = j + 2, words + 1  # "... and Sumy"
            continue
        return gap == " " and _a_place_noun(tokens[j].text)
    return False


def _a_place_noun(word: str) -> bool:
    """A lower-case noun for a kind of place, or its plural (``regions``, ``cities``)."""
    tails = _place_words("tail")
    singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    return word.islower() and (word in tails or singular in tails)


def _place_evidence(tokens: Sequence[NameToken], first: int, last: int) -> bool:
    """``in Nottingham``, ``from Bonn``; ``Lincoln, Nebraska``: a place preposition
    just before the name, or a comma and the name of a country or a first-level
    subdivision after it."""
    before = tokens[first - 1] if first > 0 else None
    if before is not None and before.joins and before.folded in _PLACE_PREPOSITIONS:
        return True
    if _compass_before(tokens, first) or _a_seat(tokens, first):
        return True
    after = tokens[last] if last < len(tokens) else None
    return (
        after is not None
        and not tokens[last - 1].joins
        and after.start - tokens[last - 1].end <= 3
        and _initials_at(tokens, last) in _region_words()
    )


def _a_seat(tokens: Sequence[NameToken], first: int) -> bool:
    """``the MP for Maidstone``, ``Senator for Victoria``: a member's title
    (``data/seat_titles.txt``) and ``for`` before the name, the place the member
    sits for."""
    return (
        first >= 2
        and tokens[first - 1].folded == "for"
        and tokens[first - 1].joins
        and tokens[first - 2].joins
        and tokens[first - 2].folded in _words("seat_titles.txt")
    )


def _compass_before(tokens: Sequence[NameToken], first: int) -> bool:
    """``west of Boulder``, ``north-east of Kelso``: a point of the compass and ``of``
    just before the name."""
    return (
        first >= 2
        and tokens[first - 1].folded == "of"
        and tokens[first - 1].joins
        and tokens[first - 2].joins
        and tokens[first - 2].folded in _COMPASS
    )


def _initials_at(tokens: Sequence[NameToken], k: int) -> str:
    """The folded word at token ``k``, initials joined by full stops read as one word
    (``N.Y.`` is ``ny``, as :func:`_region_words` keeps it)."""
    word = tokens[k].folded
    while (
        len(tokens[k].text) == 1
        and k + 1 < len(tokens)
        and len(tokens[k + 1].text) == 1
        and tokens[k + 1].start == tokens[k].end + 1
    ):
        k += 1
        word += tokens[k].folded
    return word


@functools.cache
def _region_words() -> frozenset[str]:
    """The folded names and aliases of one word of countries and first-level
    subdivisions (``nebraska``, ``neb``, ``iraq``)."""
    words = set()
    for row in (*read_rows("countries.tsv"), *read_rows("subdivisions.tsv")):
        for written in (row[0], *row[1].split("|")):
            if written.strip() and " " not in written.strip():
                words.add(fold_token(written.strip()).replace(".", ""))
    return frozenset(words - {w.casefold() for w in _words("common_words.txt")})


_RANK = {"user": 0, "reference": 1, "rule": 2}


def _without_overlaps(found: list[_Candidate]) -> list[_Candidate]:
    """The longest candidates (a table's first at equal length) that overlap none kept
    before them, in token order. A rule run that a reference place overlaps is marked
    ``holds_place`` (``New Middle East``)."""
    found.sort(key=lambda c: (-c.length, _RANK[c.source], c.first))
    taken: dict[int, _Candidate] = {}
    kept = []
    for candidate in found:
        cells = range(candidate.first, candidate.last)
        overlapped = [taken[c] for c in cells if c in taken]
        if overlapped:
            for winner in overlapped:
                if candidate.source != "reference" or winner.source != "rule":
                    continue
                if all(i.startswith(_ORGANIZATION_REFS) for i in candidate.ids):
                    winner.holds_organization = True  # "BBC Sport", "CNN International"
                else:
                    # (Only a country, a capital, a great city or a region: a town's or a
                    # province's name inside a run says little, Barack Obama, Sabah al-Akili.)
                    great = not _is_generated(candidate.ids)
                    winner.holds_place = winner.holds_place or great
                    winner.place_first = winner.place_first or (
                        great and candidate.first == winner.first
                    )
            continue
        for cell in cells:
            taken[cell] = candidate
        kept.append(candidate)
    kept.sort(key=lambda c: c.first)
    return kept


def _without_currency_marks(
    norm: str, tokens: Sequence[NameToken], kept: list[_Candidate]
) -> list[_Candidate]:
    """Capitals written against a currency sign are the currency's mark, no name:
    the ``C`` of ``C$100``, ``HK`` of ``HK$50``, ``US`` of ``US$5``; nor is a rule's
    letter alone hyphened to a word in lower case or a number (``U-turn``,
    ``X-ray``, ``B-52``)."""
    return [
        c
        for c in kept
        if not (
            c.length == 1
            and tokens[c.first].text.isupper()
            and len(tokens[c.first].text) <= 3
            and norm[tokens[c.last - 1].end : tokens[c.last - 1].end + 1] in _CURRENCY_SIGNS
        )
        and not (c.source == "rule" and c.length == 1 and _a_letter_hyphened(norm, tokens[c.first]))
    ]


def _a_letter_hyphened(norm: str, token: NameToken) -> bool:
    """``U-turn``, ``X-ray``, ``B-52``: one letter, a hyphen, a lower-case word or digits."""
    after = norm[token.end : token.end + 2]
    return (
        len(token.text) == 1
        and len(after) == 2
        and after[0] == "-"
        and (after[1].islower() or after[1].isdigit())
    )


_CURRENCY_SIGNS = frozenset("$€£¥")


def _without_lone_openers(
    norm: str, tokens: Sequence[NameToken], kept: list[_Candidate], words: LexiconWords
) -> list[_Candidate]:
    """A lone capitalised word that opens a sentence is a name only if it is also
    written capitalised mid-sentence and never in lower case (``Rail`` opening a
    sentence of an article on ``rail operators`` and the ``Rail Delivery Group``
    is the common word), speaks (``Haddad said``), has an age or kin
    after it (``Dornan, 52, said``, ``Dornan's wife``) or an office of its own
    (``Zentrix CEO says ...``). So is such a word
    before ``of`` at a name's start: ``Results of``, ``Supporters of`` are left out
    of the name after them, unless the word is an organisation's or a place's head
    (``Bank of ...``, ``Gulf of ...``)."""
    openers = [
        c
        for c in kept
        if c.source == "rule"
        and not c.in_results
        and c.around is None
        and tokens[c.first].sentence_start
        and not tokens[c.first].upper
        and (c.length == 1 or tokens[c.first + 1].folded == "of")
    ]
    if not openers:
        return kept
    mid_sentence = _mid_sentence_variants(tokens)
    lower_case = {t.text for t in tokens if t.text.islower()}
    dropped = set()
    for c in openers:
        opener = tokens[c.first]
        written_lower = opener.text.lower() in lower_case
        if opener.variant in mid_sentence and not written_lower:
            continue
        if c.length == 1:
            if not (
                (_speaks(tokens, c.first, c.last, words) and not written_lower)
                or _person_after(norm, tokens, c.last)
                or _a_result_after(tokens, c.last)
            ):
                dropped.add(id(c))
        elif _a_common_opener(tokens[c.first], words):
            c.first += 2
            if not _trim(tokens, c, words):
                dropped.add(id(c))
    return [c for c in kept if id(c) not in dropped]


def _a_common_opener(token: NameToken, words: LexiconWords) -> bool:
    """Whether a word before ``of`` is no head of a name: no organisation's or
    place's head, no title (``Duke of ...``)."""
    tails, heads = _organization_words()
    return not (
        token.text in heads
        or token.text in tails
        or token.text in _place_heads()
        or token.folded in words.title_ends
    )


def _type_rule_candidate(
    doc: Document,
    tokens: Sequence[NameToken],
    candidate: _Candidate,
    words: LexiconWords,
    reference: AliasTable,
) -> None:
    """Set a rule candidate's title (one written just before it), person cue and type."""
    if candidate.title is None:
        candidate.title = _title_before(tokens, candidate.first, words)
        if candidate.title is not None:
            candidate.person_cue = True
    person = _person_before(tokens, doc.norm, candidate.first, words) or _person_after(
        doc.norm, tokens, candidate.last
    )
    if not (candidate.person_cue or person) and _a_quoted_title(doc.norm, tokens, candidate):
        candidate.around = EntityType.OTHER  # MSNBC's "The Last Word": a work's title
    elif not (candidate.person_cue or person) and _organization_around(
        doc.norm, tokens, candidate, words
    ):
        candidate.around = EntityType.ORG
    elif (
        _held(doc.norm, tokens, candidate.first)
        or _after_a_kind_of_place(tokens, candidate.first)
        or _hyphened_place_word(doc.norm, tokens, candidate.last)
        or _place_noun_after_list(doc.norm, tokens, candidate.last)
    ):
        # "rebel-held Tarsk"; "the village of Karin Dolni", though Karin is a given
        # name; "a Tarsk-based firm"; "the Tarsk and Kessova districts"
        candidate.around = EntityType.PLACE
    candidate.type = _type_of(tokens, candidate, person, words)
    if person:
        candidate.person_cue = True
    elif candidate.guessed and candidate.type is EntityType.PERSON and candidate.length > 1:
        _town_named(tokens, candidate, reference, words)
    if (candidate.type is EntityType.PLACE or candidate.guessed) and _a_side_of_a_town(
        tokens, candidate, reference
    ):
        candidate.type, candidate.guessed = EntityType.ORG, False


_QUOTE_OPENS = regex.compile(r"[\"'\u201c\u2018`](The |A |An )?$")
_QUOTE_CLOSES = regex.compile(r"[,.!?]?[\"\u201d\u2019']")


def _a_quoted_title(norm: str, tokens: Sequence[NameToken], candidate: _Candidate) -> bool:
    """Whether a name fills a quotation whole, an article aside (``MSNBC's "The Last
    Word"``, ``the film "Kessel Rising"``): a work's title. One word alone in quotation
    marks may be a name set apart, and is not read so unless ``The`` opens it; nor is
    a name that opens with a given name (fans chanting "Jo Marden")."""
    first, last = tokens[candidate.first], tokens[candidate.last - 1]
    opening = _QUOTE_OPENS.search(norm, max(0, first.start - 5), first.start)
    if opening is None or last.possessive:
        return False
    if _opens_with_given_name(tokens[candidate.first : candidate.last]):
        return False  # fans chanting "Jo Marden": a person's name
    if candidate.last - candidate.first < 2 and opening.group(1) is None:
        return False
    return _QUOTE_CLOSES.match(norm, last.end, last.end + 2) is not None


#: The reference ids of towns and cities (no country, no subdivision).
_TOWN_REFS = ("ref:place:", "ref:city:", "ref:capital:")


def _a_side_of_a_town(
    tokens: Sequence[NameToken], candidate: _Candidate, reference: AliasTable
) -> bool:
    """``Bristol City``, ``Luton Town``: a town's name (no country's or state's:
    ``Mexico City``, ``Kansas City``) before a word of ``data/place_words.tsv`` in
    position ``side`` names a side of the town, not the town, which its own name
    names; ``New York City``, a name of the tables, is no rule candidate."""
    span = tokens[candidate.first : candidate.last]
    if len(span) < 2 or span[-1].text not in _place_words("side"):
        return False
    ids = reference.index.key_ids(" ".join(t.variant for t in span[:-1]))
    return bool(ids) and all(i.startswith(_TOWN_REFS) for i in ids)


_AGE = regex.compile(r", \d{1,3}, ")


def _person_after(norm: str, tokens: Sequence[NameToken], last: int) -> bool:
    """``Jo Marden, 52, said``, ``Dornan's wife``, ``the Marden administration``: an
    age in commas, a noun for a person's kin after the possessive
    (``data/kin_nouns.txt``) or one for the office a person leads just after the name
    (``data/office_nouns.txt``) makes a name a person's."""
    end = tokens[last - 1].end
    if _AGE.match(norm, end) is not None:
        return True
    if (
        last < len(tokens)
        and tokens[last - 1].joins
        and not tokens[last - 1].possessive
        and tokens[last].folded in _words("office_nouns.txt")
        and not tokens[last].capitalised
    ):
        return True
    return (
        tokens[last - 1].possessive
        and last < len(tokens)
        and tokens[last].folded in _words("kin_nouns.txt")
    )


def _town_named(
    tokens: Sequence[NameToken], candidate: _Candidate, reference: AliasTable, words: LexiconWords
) -> None:
    """A name typed a person's for want of evidence is an organisation's when its last
    word is a town's or a first-level subdivision's name and it has no initial nor
    a person's particle (``Ruch Chorzow``: a side or a firm of the town; ``Ameren
    Illinois``, ``Plaid Cymru``: a firm or a party of the state or nation; a
    person's name that opens with a given name was typed so with evidence)."""
    span = tokens[candidate.first : candidate.last]
    if any(_is_initial(t) or t.folded in words.person_particles for t in span):
        return
    if _is_generated(reference.index.key_ids(span[-1].variant)):
        candidate.type, candidate.guessed = EntityType.ORG, False


def _organization_around(
    norm: str, tokens: Sequence[NameToken], candidate: _Candidate, words: LexiconWords
) -> bool:
    """Whether the words around a name make it an organisation's: a lower-case noun
    for a kind of organisation just before it (``Dutch side Ruch Velden``, ``the
    newspaper Gazeta Veriu``), its acronym in brackets after it unless it opens with
    a given name, a noun for what an organisation has or employs just after it
    or its possessive (``Brightwater shares``, ``Riverside defender Jo Doe``), or
    ``its`` after its speech verb (``Brightwater said its profit ...``)."""
    first, last = candidate.first, candidate.last
    if any(_ampersand_before(norm, tokens, i) for i in range(first + 1, last)):
        return True  # "Duff & Phelps", "S&P"
    before = tokens[first - 1] if first > 0 else None
    if (
        before is not None
        and not before.capitalised
        and norm[before.end : tokens[first].start] == " "
        and before.folded in _organization_nouns("kind")
    ):
        return True
    if not _opens_with_given_name(tokens[first:last]) and _acronym_after(
        norm, tokens, first, last, words
    ):
        return True  # "Natural Resources Wales (NRW)": people are seldom given acronyms
    if last >= len(tokens):
        return False
    after = tokens[last]
    gap = norm[tokens[last - 1].end : after.start]
    if after.capitalised or gap not in (" ", "'s ", "' "):
        return False
    if after.folded in _organization_nouns("member"):
        return True
    if (
        gap == " "
        and after.folded in _organization_nouns("voice")
        and last - first > 1
        and not _opens_with_given_name(tokens[first:last])
        and after.joins
        and last + 1 < len(tokens)
        and tokens[last + 1].capitalised
    ):
        return True  # "Entergy Ohio spokesman Jo Doe"
    if gap == " " and after.folded in _organization_nouns("kind"):
        return True  # "the Sakai Herald newspaper", "the New Dawn party"
    return gap == " " and _it_speaks(tokens, last, words)


def _it_speaks(tokens: Sequence[NameToken], after: int, words: LexiconWords) -> bool:
    """``... said its``, ``... also said that its``, ``... said in its report``: the
    speaker's own is an ``its`` (``it`` is too often no more than a subject: ``Doe
    said it was fair``)."""
    i = after
    while i < len(tokens) and i - after < 2 and tokens[i].folded in _BEFORE_CUE:
        i += 1
    if i >= len(tokens) or tokens[i].folded not in words.cues:
        return False
    if tokens[i].folded in words.ambiguous_cues:
        return False
    for token in tokens[i + 1 : i + 1 + _ITS_REACH]:
        if token.sentence_start or token.capitalised:
            return False
        if token.folded == "its":
            return True
    return False


_ITS_REACH = 3  # words after the cue read for "its": "said in its report", "said that its"


def _mid_sentence_variants(tokens: Sequence[NameToken]) -> set[str]:
    """The variants of the words written capitalised mid-sentence (not in a headline)."""
    elsewhere = map(operator.or_, map(SENTENCE_START_OF, tokens), map(HEADING_OF, tokens))
    # True > False: capitalised, and neither at a sentence start nor in a headline.
    chosen = compress(tokens, map(operator.gt, map(CAPITALISED_OF, tokens), elsewhere))
    return set(map(VARIANT_OF, chosen))


def _cut_around(
    tokens: Sequence[NameToken], found: list[_Candidate], words: LexiconWords
) -> list[_Candidate]:
    """The user's table is specific: a rule run that holds one of its names is cut around it.

    ``Chancellor of the Exchequer Nigel Lawson`` keeps ``Nigel Lawson`` whole,
    whatever the words before it.
    """
    user = sorted((c for c in found if c.source == "user"), key=lambda c: c.first)
    if not user:
        return found
    user_starts = [c.first for c in user]
    kept = [c for c in found if c.source != "rule"]
    for candidate in found:
        if candidate.source != "rule":
            continue
        pieces = [candidate]
        # Only the table's matches that can overlap it (they do not overlap each other).
        i = max(bisect.bisect_left(user_starts, candidate.first) - 1, 0)
        j = bisect.bisect_left(user_starts, candidate.last)
        for hit in user[i:j]:
            cut = []
            for piece in pieces:
                if hit.last <= piece.first or piece.last <= hit.first:
                    cut.append(piece)
                    continue
                for first, last in ((piece.first, hit.first), (hit.last, piece.last)):
                    part = attrs.evolve(piece, first=first, last=last)
                    if first < last and _trim(tokens, part, words):
                        cut.append(part)
            pieces = cut
        kept += pieces
    return kept


def _speaks(tokens: Sequence[NameToken], first: int, after: int, words: LexiconWords) -> bool:
    """Whether a speech verb follows the name of tokens ``first..after`` (``Haddad
    said``), which makes a name of a lone word.

    Not after a preposition of where, which puts the subject before it, nor for the
    words of unnamed sources (``Residents said``, ``Officials said``),
    nor for cue forms that are as often no speech verb (``Coastal states``).
    """
    if after > 0 and tokens[after - 1].folded in _words("anonymous_sources.txt"):
        return False
    if first > 0 and tokens[first - 1].joins and tokens[first - 1].folded in _LOCATIVE:
        return False  # "Analysts at Barclays said": the subject stands before "at"
    for token in tokens[after : after + 2]:
        if token.folded in words.cues:
            return token.folded not in words.ambiguous_cues
        if token.folded not in _BEFORE_CUE:
            return False
    return False


def _with_dateline_place(
    doc: Document,
    tokens: Sequence[NameToken],
    reference: AliasTable,
    place: Span,
    candidates: list[_Candidate],
) -> list[_Candidate]:
    """The candidates with the dateline's place read as places: what the tables name
    there stays, what the reference table names there is added whatever the case
    (``BRUSSELS 1996-08-22``, ``VERONA, Italy``), and each comma-separated part
    is a place when nothing names it (``ROSEMONT, ILL.``). A run of the rules there is dropped:
    it would read on into the date (``Italy 1996-08-24``)."""
    first, last = _token_range(tokens, place.start, place.end)
    if first >= last:
        return candidates
    kept = [
        c
        for c in candidates
        if c.last <= first or c.first >= last or _place_from_table(c, reference)
    ]
    taken = {i for c in kept for i in range(c.first, c.last)}
    added = [
        _from_hit(hit._replace(first=hit.first + first, last=hit.last + first), "reference")
        for hit in Matcher(reference.index).names(tokens[first:last], headings=True)
        if len(hit.ids) == 1
        and reference[next(iter(hit.ids))].type is EntityType.PLACE
        and not taken.intersection(range(hit.first + first, hit.last + first))
    ]
    taken.update(i for c in added for i in range(c.first, c.last))
    for lo, hi in _comma_parts(tokens, doc.norm, first, last):
        if not taken.intersection(range(lo, hi)):
            added.append(_Candidate(lo, hi, "rule", type=EntityType.PLACE))
    for candidate in [*added, *kept]:
        if first <= candidate.first < last:
            candidate.dateline = True
    return sorted([*kept, *added], key=attrgetter("first"))


def _the_dateline_place_again(tokens: Sequence[NameToken], candidates: list[_Candidate]) -> None:
    """A rule name of the same words as the dateline's place, with no evidence of a
    person, is that place (``MILLBROOK, Pa. _`` and ``the Millbrook steel mill``):
    the dateline says what the word names in this article."""
    places = {_key(tokens, c) for c in candidates if c.dateline and c.type is EntityType.PLACE}
    if not places:
        return
    for c in candidates:
        if c.dateline or c.source != "rule" or c.person_cue or c.title is not None:
            continue
        if _key(tokens, c) in places:
            c.type, c.guessed, c.around = EntityType.PLACE, False, None


def _place_from_table(candidate: _Candidate, reference: AliasTable) -> bool:
    """A candidate the dateline's place keeps: the user's table's, or a place of the
    reference table (not a company's name that is also a word of a town's)."""
    if candidate.source == "user":
        return True
    return candidate.source == "reference" and all(
        reference[i].type is EntityType.PLACE for i in candidate.ids
    )


def _comma_parts(
    tokens: Sequence[NameToken], norm: str, first: int, last: int
) -> list[tuple[int, int]]:
    """Tokens ``first..last`` cut where a comma stands between two of them, as
    ``(first, last)`` token ranges (``ROSEMONT, ILL.`` gives two)."""
    parts = []
    lo = first
    for i in range(first + 1, last):
        if "," in norm[tokens[i - 1].end : tokens[i].start]:
            parts.append((lo, i))
            lo = i
    parts.append((lo, last))
    return parts


def _from_hit(hit: Hit, source: str) -> _Candidate:
    return _Candidate(hit.first, hit.last, source, hit.ids, hit.how)


# --------------------------------------------------------------------------
# clustering


@attrs.define
class _Cluster:
    type: EntityType
    table_id: str | None = None
    reference_id: str | None = None
    mentions: list[tuple[int, int, MatchMethod]] = attrs.Factory(list)
    keys: set[str] = attrs.Factory(set)
    surname: str | None = None

    #: The first token of the cluster's earliest mention.
    start: int | None = None
    #: Whether the cluster's type is a default: no mention gave evidence for it.
    guessed: bool = False
    #: Whether a mention has a title or a role before it (``President Obama``).
    titled: bool = False
    #: A person's middle initials in each of its names ("" for a name without).
    initials: set[str] = attrs.Factory(set)

    def add(self, first: int, last: int, how: MatchMethod) -> None:
        self.mentions.append((first, last, how))
        if self.start is None or first < self.start:
            self.start = first


class _Clusterer:
    def __init__(
        self,
        doc: Document,
        tokens: Sequence[NameToken],
        table: AliasTable | None,
        reference: AliasTable,
        published: _dt.date | None,
        words: LexiconWords,
    ) -> None:
        self.doc = doc
        self.words = words
        self.tokens = tokens
        self.table = table
        self.reference = reference
        self.published = published
        self.clusters: list[_Cluster] = []
        self.by_id: dict[str, _Cluster] = {}
        self.acronyms: dict[str, _Cluster] = {}
        # Another name given after a name (", known as Janko,"), by its tokens.
        self.nicknames: dict[tuple[int, int], _Cluster] = {}
        # Indexes over the clusters, so each mention costs the same however many there are.
        self.by_key: dict[str, list[_Cluster]] = {}
        self.by_surname: dict[str, list[_Cluster]] = {}
        # People by their first and last words, middle initials left out
        # ("donald trump" for Donald J. Trump), and by their first given name.
        self.by_bare_name: dict[str, list[_Cluster]] = {}
        self.by_given_name: dict[str, list[_Cluster]] = {}
        self.by_org_suffix: dict[str, _Cluster] = {}
        self.by_place_end: dict[str, list[_Cluster]] = {}

    def text(self, first: int, last: int) -> str:
        return self.doc.norm[self.tokens[first].start : self.tokens[last - 1].end]

    def variants(self, first: int, last: int) -> list[str]:
        """The variants of the words (each token has its own), as ``key_of`` keeps them."""
        span = self.tokens[first:last]
        if len(span) == 1:
            return [span[0].variant]
        final = len(span) - 1
        return [t.variant for i, t in enumerate(span) if i == final or t.folded not in ARTICLES]

    def cluster_for_id(self, entry_id: str, kind: EntityType, *, reference: bool) -> _Cluster:
        cluster = self.by_id.get(entry_id)
        if cluster is None:
            cluster = _Cluster(kind)
            if reference:
                cluster.reference_id = entry_id
            else:
                cluster.table_id = entry_id
            self.by_id[entry_id] = cluster
            self.clusters.append(cluster)
        return cluster

    def add(self, candidate: _Candidate) -> None:
        first, last = candidate.first, candidate.last
        variants = self.variants(first, last)
        if (
            candidate.source == "reference"
            and not candidate.dateline
            and self._person_named(candidate, variants)
        ):
            return
        if candidate.source in ("user", "reference") and len(candidate.ids) == 1:
            self._add_entry(candidate, variants)
            return
        named = self.nicknames.get((first, last))
        if named is not None:
            named.add(first, last, MatchMethod.COREFERENCE)
            return
        kind = candidate.type or EntityType.OTHER
        if len(variants) == 1:
            self._single(candidate, variants[0], kind)
        else:
            self._several(candidate, variants, kind)

    def _several(self, candidate: _Candidate, variants: list[str], kind: EntityType) -> None:
        """A rule name of several words joins the entity of the same words, the one
        entry of the user's table it nearly spells, or the organisation it is a
        shorter form of; else it is an entity of its own."""
        first, last = candidate.first, candidate.last
        key = " ".join(variants)
        for cluster in self.by_key.get(key, ()):
            # The same words are the same name: where one of the two was typed for
            # want of evidence, the other's type holds ("Lok Sabha" in a headline,
            # "the Lok Sabha" in the body).
            if cluster.guessed and not candidate.guessed and not _compatible(cluster.type, kind):
                cluster.type, cluster.guessed = kind, False
            if _compatible(cluster.type, kind) or candidate.guessed:
                cluster.add(first, last, MatchMethod.RULE)
                self._acronym(cluster, candidate)
                return
        if self.table is not None and kind in (EntityType.PERSON, EntityType.ORG, EntityType.OTHER):
            ids = self.table.index.fuzzy(variants)
            if len(ids) == 1:
                (entry_id,) = ids
                entry = self.table[entry_id]
                cluster = self.cluster_for_id(entry_id, entry.type, reference=False)
                self._remember(cluster, variants)
                cluster.add(first, last, MatchMethod.FUZZY)
                return
        if kind is EntityType.ORG:
            longer = self.by_org_suffix.get(key)
            if longer is not None:
                longer.add(first, last, MatchMethod.COREFERENCE)
                return
        if kind is EntityType.PERSON and not self._after_kin(first):
            same = self._same_but_initials(variants)
            if same is not None:
                self._remember(same, variants)
                same.add(first, last, MatchMethod.COREFERENCE)
                return
        self._new_cluster(candidate, kind, variants)

    def _after_kin(self, first: int) -> bool:
        """Whether a noun for kin stands just before the name at token ``first``
        (``his father, George Bush``): the name is of another of the family."""
        if first == 0:
            return False
        before = self.tokens[first - 1]
        gap = self.doc.norm[before.end : self.tokens[first].start]
        return gap in (" ", ", ") and before.folded in _words("kin_nouns.txt")

    def _same_but_initials(self, variants: list[str]) -> _Cluster | None:
        """The one person named earlier by the same first and last words whose middle
        initials, where both names have some, are the same: ``Donald Trump`` is the
        ``Donald J. Trump`` named before; ``George Bush`` is neither of ``George W.
        Bush`` and ``George H. W. Bush``."""
        bare, initials = _bare_name(variants)
        if bare is None:
            return None
        same = [
            c
            for c in self.by_bare_name.get(bare, ())
            if c.type is EntityType.PERSON and (not initials or c.initials & {"", initials})
        ]
        if not initials:
            # A name without initials may be any of them: it is one only when one is named.
            people = {id(c) for c in same}
            return same[0] if len(people) == 1 else None
        return same[0] if len(same) == 1 else None

    def _add_entry(self, candidate: _Candidate, variants: list[str]) -> None:
        """A name one entry of the user's or the reference table matches joins the
        entry's entity."""
        (entry_id,) = candidate.ids
        table = self.table if candidate.source == "user" else self.reference
        assert table is not None
        entry = table[entry_id]
        cluster = self.cluster_for_id(
            entry_id, entry.type, reference=candidate.source == "reference"
        )
        self._remember(cluster, variants)
        cluster.add(candidate.first, candidate.last, candidate.how)
        self._acronym(cluster, candidate)

    def _new_cluster(self, candidate: _Candidate, kind: EntityType, variants: list[str]) -> None:
        """A cluster of its own for a rule name of several words; a storm's or an
        operation's is also remembered without the word that opens it (``Edouard``
        after ``Hurricane Edouard``)."""
        first, last = candidate.first, candidate.last
        cluster = _Cluster(kind, guessed=candidate.guessed)
        self.clusters.append(cluster)
        self._remember(cluster, variants)
        opener = _event_opener_width(self.tokens[first:last]) if kind is EntityType.OTHER else 0
        if opener:
            self._remember(cluster, variants[opener:])
        cluster.add(first, last, MatchMethod.RULE)
        self._acronym(cluster, candidate)

    def _person_named(self, candidate: _Candidate, variants: list[str]) -> bool:
        """A one-word reference name that is the surname of the one person named
        before (``Warren`` after ``Elizabeth Warren``, though a town has the name)
        joins that person; whether it did."""
        same = self.by_surname.get(variants[0], ()) if len(variants) == 1 else ()
        if len(same) != 1 or same[0].guessed:
            return False  # none, two, or a name typed a person's for want of evidence
        same[0].add(candidate.first, candidate.last, MatchMethod.COREFERENCE)
        return True

    def _single(self, candidate: _Candidate, variant: str, kind: EntityType) -> None:
        first, last = candidate.first, candidate.last
        token = self.tokens[last - 1]
        acronym = self.acronyms.get(token.text)
        if acronym is not None:
            acronym.add(first, last, MatchMethod.ACRONYM)
            return
        same = [] if candidate.dateline else self._of_the_sex(candidate, variant)
        # A full name given later claims a surname only where the user's table does not.
        ahead = len(same) == 1 and (same[0].start or 0) > first
        if len(same) == 1 and not (ahead and self.table is not None):
            same[0].add(first, last, MatchMethod.COREFERENCE)
            return
        if (not same or ahead) and self.table is not None and kind is not EntityType.PLACE:
            found = self._table_surname(self.table, candidate, variant)
            if found is not None:
                entry_id, how = found
                cluster = self.cluster_for_id(entry_id, self.table[entry_id].type, reference=False)
                cluster.add(first, last, how)
                return
        if ahead:
            same[0].add(first, last, MatchMethod.COREFERENCE)
            return
        if same:
            kind = EntityType.PERSON  # a surname shared by two people: kept apart, not guessed
            if self._shared_surname(candidate, variant):
                return
        elif self._same_word(candidate, variant, kind) or self._given_name_of_one(
            candidate, variant, kind
        ):
            return
        places = self.by_place_end.get(variant, [])
        if len(places) == 1 and not same and kind is not EntityType.PERSON:
            places[0].add(first, last, MatchMethod.COREFERENCE)
            return
        cluster = _Cluster(kind, guessed=candidate.guessed, titled=candidate.person_cue)
        self._remember(cluster, [variant])
        self.clusters.append(cluster)
        cluster.add(first, last, MatchMethod.RULE)
        self._acronym(cluster, candidate)

    def _shared_surname(self, candidate: _Candidate, variant: str) -> bool:
        """A surname two people share, which nothing tells apart, joins the entity of
        that surname alone, not one of its own for each mention; whether it did."""
        for cluster in self.by_key.get(variant, ()):
            if cluster.type is EntityType.PERSON and cluster.surname is None:
                cluster.add(candidate.first, candidate.last, MatchMethod.RULE)
                return True
        return False

    def _of_the_sex(self, candidate: _Candidate, variant: str) -> list[_Cluster]:
        """The people whose surname is ``variant``; of several, those whom the title
        before the surname may name by the sex it marks (``Mrs. Clinton``: not ``Bill
        Clinton``), all of them when it marks none or none of them is of that sex."""
        same = self.by_surname.get(variant, [])
        if len(same) < 2:
            return same
        sex = _title_sex(self.tokens, candidate.first, self.words)
        if sex == "u":
            return same
        fitting = [c for c in same if self._sex_of(c) in (sex, "u")]
        return fitting or same

    def _sex_of(self, cluster: _Cluster) -> str:
        """The sex a person's mentions mark: a title that marks one (``Mrs.``,
        ``Prince``), else the first given name of a name of several words."""
        marked = "u"
        for first, last, _ in cluster.mentions:
            sex = _title_sex(self.tokens, first, self.words)
            if sex != "u":
                return sex
            if last - first > 1 and marked == "u":
                marked = given_name_sexes().get(self.tokens[first].folded, "u")
        return marked

    def _given_name_of_one(self, candidate: _Candidate, variant: str, kind: EntityType) -> bool:
        """A person's given name alone, with no title, joins the one person named
        before with that given name (``Hillary`` after ``Hillary Clinton``); so does a
        word typed for want of evidence that opens the name of one person named before
        (``Bukayo`` after ``Bukayo Saka``, a given name the shipped list lacks);
        whether it did."""
        token = self.tokens[candidate.first]
        if candidate.title is not None or candidate.length != 1:
            return False
        listed = kind is EntityType.PERSON and token.folded in given_names()
        if not (listed or candidate.guessed):
            return False
        people = [c for c in self.by_given_name.get(variant, ()) if c.type is EntityType.PERSON]
        if len(people) != 1:
            return False
        people[0].add(candidate.first, candidate.last, MatchMethod.COREFERENCE)
        return True

    def _same_word(self, candidate: _Candidate, variant: str, kind: EntityType) -> bool:
        """A one-word name joins a cluster of the same word and a compatible type;
        whether it did. A name alone with no evidence is the person the article names
        with a title elsewhere (``Obama's decision`` and ``President Obama``)."""
        for cluster in self.by_key.get(variant, ()):
            if cluster.guessed and candidate.person_cue:
                cluster.type, cluster.guessed, cluster.titled = kind, False, True
            # A word typed for want of evidence is the person the same word names with
            # evidence ("Al Gore" ... "Gore plans"); a preposition's evidence of a place
            # ("invested in Apple") is too weak to carry.
            guessed = candidate.guessed and (
                cluster.titled or (not cluster.guessed and cluster.type is EntityType.PERSON)
            )
            if guessed or _compatible(cluster.type, kind):
                cluster.titled = cluster.titled or candidate.person_cue
                cluster.add(candidate.first, candidate.last, MatchMethod.RULE)
                return True
        return False

    def _table_surname(
        self, table: AliasTable, candidate: _Candidate, variant: str
    ) -> tuple[str, MatchMethod] | None:
        """The person of the user's table a lone surname (the candidate's last token,
        of variant ``variant``) names, and how: the one person with that surname, as
        the table's :class:`Matcher` reads it for :meth:`AliasTable.find` too; else,
        after a title, the one of its people holding that office on the article's
        date (``Treasury Secretary Baker``)."""
        hit = Matcher(table.index).surname_at(self.doc.norm, self.tokens, candidate.last - 1)
        if hit is not None:
            return next(iter(hit.ids)), hit.how
        if candidate.title is None:
            return None
        ids = table.index.surname(variant, fuzzy=True)
        if len(ids) < 2:
            return None  # one person, whom the matcher found to be someone else here
        ids &= table.index.holders(role_words(self.text(*candidate.title)), self.published)
        if len(ids) != 1:
            return None
        how = MatchMethod.VARIANT if table.index.is_surname(variant) else MatchMethod.FUZZY
        return next(iter(ids)), how

    def _remember(self, cluster: _Cluster, variants: list[str]) -> None:
        key = " ".join(variants)
        if key not in cluster.keys:
            cluster.keys.add(key)
            self.by_key.setdefault(key, []).append(cluster)
        if cluster.type is EntityType.PERSON and len(variants) > 1:
            self._remember_person(cluster, variants)
        if (
            cluster.type is EntityType.PLACE
            and len(variants) > 1
            and variants[-1] not in _generic_place_variants()
        ):
            # "Faw" joins "Grand Faw" (a name the tables do not know on its own).
            ends = self.by_place_end.setdefault(variants[-1], [])
            if cluster not in ends:
                ends.append(cluster)
        if cluster.type is EntityType.ORG:
            # "Political Thinking Center" joins "Iraqi Political Thinking Center".
            for cut in range(1, len(variants) - 1):
                self.by_org_suffix.setdefault(" ".join(variants[cut:]), cluster)

    def _remember_person(self, cluster: _Cluster, variants: list[str]) -> None:
        """A person's name of several words: by its surname, its first and last
        words with the middle initials apart, and its first given name."""
        if cluster.surname != variants[-1]:
            cluster.surname = variants[-1]
            self.by_surname.setdefault(cluster.surname, []).append(cluster)
        bare, initials = _bare_name(variants)
        if bare is not None:
            cluster.initials.add(initials)
            named = self.by_bare_name.setdefault(bare, [])
            if cluster not in named:
                named.append(cluster)
        given = self.by_given_name.setdefault(variants[0], [])
        if cluster not in given:
            given.append(cluster)

    def _acronym(self, cluster: _Cluster, candidate: _Candidate) -> None:
        """``Popular Mobilization Forces (PMF)``: the acronym joins its long form;
        ``Jan Kessing, known as Janko``: the other name joins the name, there and
        wherever the article uses it again."""
        acronym = _acronym_after(
            self.doc.norm, self.tokens, candidate.first, candidate.last, self.words
        )
        if acronym is not None:
            self.acronyms[acronym] = cluster
        nickname = _nickname_after(self.doc.norm, self.tokens, candidate.last)
        if nickname is not None:
            self.nicknames[nickname] = cluster
            key = " ".join(self.variants(*nickname))
            if key not in cluster.keys:  # its later uses; no surname of the person
                cluster.keys.add(key)
                self.by_key.setdefault(key, []).append(cluster)


def _title_sex(tokens: Sequence[NameToken], first: int, words: LexiconWords) -> str:
    """The sex the title just before token ``first`` marks (``Mrs.``: ``f``), ``u``
    for none or a title that marks none (``data/titles.tsv``, column ``sex``)."""
    for width in (3, 2, 1):
        start = first - width
        if start < 0 or not all(t.joins for t in tokens[start:first]):
            continue
        sex = words.title_sexes.get(" ".join(t.folded for t in tokens[start:first]))
        if sex is not None:
            return sex
    return "u"


def _bare_name(variants: list[str]) -> tuple[str | None, str]:
    """A person's first and last words and the middle initials between them
    (``donald trump``, ``j``); ``None`` for a name with a middle word of its own."""
    middle = variants[1:-1]
    if len(variants) < 2 or any(len(v) > 1 for v in middle):
        return None, ""
    return f"{variants[0]} {variants[-1]}", "".join(middle)


def _acronym_after(
    norm: str, tokens: Sequence[NameToken], first: int, last: int, words: LexiconWords
) -> str | None:
    """The acronym of a name written in brackets just after it, its capitalised
    words' initials (``Popular Mobilization Forces (PMF)``), or those of the words
    before a connector that opens the name's qualification (``United Nations Relief
    and Works Agency for Palestine Refugees (UNRWA)``); ``None`` for none."""
    # (An end bound: the regex module reads to the end of the string otherwise,
    # which would make the stage quadratic in the article's length.)
    end = tokens[last - 1].end
    if norm.find("(", end, end + _ACRONYM_REACH) < 0:
        return None  # no bracket near: the usual case, told in C
    m = _ACRONYM_AFTER.match(norm, end, end + _ACRONYM_REACH)
    if m is None:
        return None
    acronym = m.group(1)
    wanted = acronym.upper().replace(".", "")
    letters: list[str] = []
    for t in tokens[first:last]:
        if t.folded in words.connectors and not t.capitalised and "".join(letters) == wanted:
            break  # "United Nations Relief and Works Agency for Palestine Refugees (UNRWA)"
        if t.capitalised and t.folded not in words.connectors:
            letters.append(t.text[0].upper())
    if len(letters) >= 2 and "".join(letters) == wanted:
        return acronym
    return None


@functools.cache
def _nickname_opener() -> regex.Pattern[str]:
    """A comma or an opening bracket and the words of ``data/nickname_openers.txt``
    (``, also known as``), with the ``the`` that may follow them."""
    phrases = sorted(_words("nickname_openers.txt"), key=len, reverse=True)
    body = "|".join(r"\s+".join(map(regex.escape, p.split())) for p in phrases)
    return regex.compile(rf"[ \t]*[,(][ \t]*(?:{body})[ \t]+(?:the[ \t]+)?")


#: The most words of another name given after a name.
_NICKNAME_WORDS = 4


def _nickname_after(norm: str, tokens: Sequence[NameToken], last: int) -> tuple[int, int] | None:
    """The tokens of another name given just after the name that ends before token
    ``last`` (``Jan Kessing, known as Janko``): capitalised words, one space or
    hyphen apart; ``None`` for none."""
    end = tokens[last - 1].end
    m = _nickname_opener().match(norm, end, end + _ACRONYM_REACH)
    if m is None:
        return None
    first, _ = _token_range(tokens, m.end(), m.end())
    if first >= len(tokens) or tokens[first].start != m.end() or not tokens[first].capitalised:
        return None
    stop = first + 1
    while (
        stop < len(tokens)
        and stop - first < _NICKNAME_WORDS
        and tokens[stop].capitalised
        and norm[tokens[stop - 1].end : tokens[stop].start] in (" ", "-")
    ):
        stop += 1
    return first, stop


@functools.cache
def _generic_place_variants() -> frozenset[str]:
    """The variants of the words that end places' names (``State``, ``Province``):
    ``State`` alone is not the ``Granite State``."""
    words = _place_words("tail") | _place_words("generic")
    return frozenset(variant_token(fold_token(w)) for w in words)


def _compatible(a: EntityType, b: EntityType) -> bool:
    return a is b or EntityType.OTHER in (a, b)


# --------------------------------------------------------------------------
# the stage


def find_entities(doc: Document, context: Context, found: Found) -> tuple[FoundEntity, ...]:
    """The entities stage of :func:`newsparse.parse`: the entities of ``doc``, each
    with its mentions in positions of ``doc.norm``, in the order of their first.

    Reads ``context``'s alias table, outlets (its outlets are organisations the
    reference table knows) and, through ``found``, the article's date, the
    dateline and the bylines. The first word after the dateline opens a sentence
    (``(Reuters) - Markets fell``). In the bylines (the byline and the credit
    lines) only the people and the organisation the byline stage read are names:
    ``Reporting``, ``Editing`` and ``Additional`` in ``Additional reporting by
    Sami Yousef; Editing by Clara Moss`` are not."""
    aliases, published = context.aliases, found.published(context)
    body = found.dateline.end if found.dateline is not None else None
    tokens = tokens_of(doc, body, found.layout.title_case)
    reference = reference_table(context.outlet_table)
    words = context.words
    clusterer = _Clusterer(doc, tokens, aliases, reference, published, words)
    candidates = _candidates(doc, tokens, aliases, reference, words, found.layout.title_case)
    if found.dateline is not None and found.dateline.place is not None:
        candidates = _with_dateline_place(doc, tokens, reference, found.dateline.place, candidates)
        _the_dateline_place_again(tokens, candidates)
    bylines = found.bylines.lines()
    if bylines:
        candidates = _outside_credit_words(doc, tokens, candidates, bylines)
        candidates = _with_byline_people(tokens, candidates, bylines)
    _sides_in_results(tokens, candidates)
    _towns_named_as_organizations(doc.norm, tokens, candidates)
    _organizations_named_so(tokens, candidates)
    # Names of two words or more first, so that a surname or a short form joins the
    # full name wherever the article gives it (a headline's "Netanyahu" the body's
    # "Benjamin Netanyahu"); each group in the article's order.
    for candidate in sorted(candidates, key=_one_word):
        clusterer.add(candidate)
    if aliases is not None and aliases.index.roles:
        _role_mentions(clusterer, candidates, aliases, published)
    _nationalities(clusterer, tokens)
    return _entities(doc, tokens, clusterer.clusters, aliases, reference, words)


def _towns_named_as_organizations(
    norm: str, tokens: Sequence[NameToken], candidates: list[_Candidate]
) -> None:
    """A town or a region of the reference tables after a lower-case noun for a kind
    of organisation is an organisation of its name (``Dutch side Tilburg``, ``Swiss club
    Kelso``), and so is one before a noun for one it employs and a name (``Kelso
    coach Jo Doe``): that mention only, the town stays a place elsewhere."""
    kinds = _organization_nouns("kind")
    members = _organization_nouns("member")
    for candidate in candidates:
        first, last = candidate.first, candidate.last
        if candidate.source != "reference" or candidate.dateline or first == 0:
            continue
        if not all(i.startswith(_SIDE_PLACES) for i in candidate.ids):
            continue
        before = tokens[first - 1]
        after = tokens[last] if last < len(tokens) else None
        if (
            before.folded in kinds
            and not before.capitalised
            and norm[before.end : tokens[first].start] == " "
        ) or (
            # "Milan coach Oscar Tabarez", "Kelso striker Jo Doe"
            after is not None
            and after.folded in members
            and not after.capitalised
            and norm[tokens[last - 1].end : after.start] == " "
            and last + 1 < len(tokens)
            and tokens[last + 1].capitalised
        ):
            candidate.source, candidate.ids = "rule", frozenset()
            candidate.how, candidate.type = MatchMethod.RULE, EntityType.ORG


def _organizations_named_so(tokens: Sequence[NameToken], candidates: list[_Candidate]) -> None:
    """A name typed for want of evidence is an organisation's where the same words
    are shown to be one elsewhere in the article (``Brightwater shares``)."""
    shown = {_key(tokens, c) for c in candidates if c.around is EntityType.ORG}
    if not shown:
        return
    for candidate in candidates:
        if candidate.guessed and candidate.source == "rule" and _key(tokens, candidate) in shown:
            candidate.type, candidate.guessed = EntityType.ORG, False


def _sides_in_results(tokens: Sequence[NameToken], candidates: list[_Candidate]) -> None:
    """The names in rows of results and standings (see :mod:`.results`) are sides:
    a club or a team is an organisation (``Hamburg 3 Werder Bremen 1``), though a
    town or a region has its name; a country stays a place (a country's team is
    named as the country), a person's name a person's (a golfer's row). The same
    name elsewhere in the article is the same side (``Hamburg beat ...``)."""
    of_sides = _tables_of_sides(tokens, candidates)
    sides = {
        _key(tokens, c)
        for c in candidates
        if c.in_results and _may_be_side(tokens, c, c.block in of_sides)
    }
    for candidate in _sides_by_result(tokens, candidates):
        candidate.source, candidate.ids = "rule", frozenset()
        candidate.how, candidate.type = MatchMethod.RULE, EntityType.ORG
    if not sides:
        return
    for candidate in candidates:
        if _key(tokens, candidate) in sides and _may_be_side(tokens, candidate, True):
            candidate.source, candidate.ids = "rule", frozenset()
            candidate.how, candidate.type = MatchMethod.RULE, EntityType.ORG


def _sides_by_result(tokens: Sequence[NameToken], candidates: list[_Candidate]) -> list[_Candidate]:
    """The mentions of towns and cities that a match's result names as sides in
    running text (``data/result_verbs.txt``): ``Kelso beat Tarsk 2-1``, ``Kelso
    drew 1-1``: the name before the verb when a rival's name or a score follows
    it, the name after it when a rival's name stands before it. Only that mention:
    ``in Kelso`` elsewhere is the town still."""
    verbs = _words("result_verbs.txt")
    at = {c.first: c for c in candidates}
    ends = {c.last: c for c in candidates}
    sides = []
    for c in candidates:
        if _a_result_after(tokens, c.last) and (
            c.last + 1 in at or tokens[c.last + 1].text[0].isdigit()
        ):
            sides.append(c)
        if c.first >= 2 and tokens[c.first - 1].folded in verbs and c.first - 1 in ends:
            sides.append(c)
        elif c.first >= 2 and _after_a_score(tokens, c.first):
            sides.append(c)  # "lost 3-1 to Kelso", "drew 1-1 with Kelso"
    return [c for c in sides if _a_town_side(c)]


#: The prepositions after a score that name the rival: ``lost 3-1 to``, ``2-1 over``.
_SCORE_PREPOSITIONS = frozenset({"to", "with", "over", "against", "at"})


def _after_a_score(tokens: Sequence[NameToken], first: int) -> bool:
    """Whether a score and a preposition stand before the name at ``first``."""
    before, score = tokens[first - 1], tokens[first - 2]
    return (
        before.folded in _SCORE_PREPOSITIONS
        and not before.capitalised
        and score.text[0].isdigit()
        and score.joins
        and before.joins
    )


def _a_result_after(tokens: Sequence[NameToken], i: int) -> bool:
    """Whether a match's result follows at token ``i``: a verb of
    ``data/result_verbs.txt`` and a capitalised rival or a score (``Fiorentina beat
    Milan``, ``Kelso drew 1-1``)."""
    if i + 1 >= len(tokens) or tokens[i].folded not in _words("result_verbs.txt"):
        return False
    after = tokens[i + 1]
    return tokens[i - 1].joins and (after.capitalised or after.text[0].isdigit())


def _a_town_side(candidate: _Candidate) -> bool:
    """Whether a candidate may be a side named for a town: a reference town's or
    city's name (no country, no province or state: national and state teams are
    named as their place, and read so)."""
    return (
        candidate.source == "reference"
        and not candidate.dateline
        and bool(candidate.ids)
        and all(i.startswith(_TOWN_REFS) for i in candidate.ids)
    )


def _tables_of_sides(tokens: Sequence[NameToken], candidates: list[_Candidate]) -> set[int]:
    """The blocks of rows whose names are all sides: a table of matches with one
    side that cannot be a person's (``Aston Vale 2 Kelso 0``), a table of
    standings where such sides are half of the names or more (a league table, not
    a golfer's or a batsman's)."""
    sides: Counter[int] = Counter()
    people: Counter[int] = Counter()
    for c in candidates:
        if c.block >= 0:
            (sides if _may_be_side(tokens, c) else people)[c.block] += 1
    return {b for b in sides if b % 2 == 1 or sides[b] >= people[b]}


def _key(tokens: Sequence[NameToken], candidate: _Candidate) -> str:
    return " ".join(t.variant for t in tokens[candidate.first : candidate.last])


def _may_be_side(
    tokens: Sequence[NameToken], candidate: _Candidate, among_sides: bool = False
) -> bool:
    """Whether a candidate may name a side: not the user's table's or the dateline's,
    no country or organisation of the reference table, no person's name. Among
    sides (in a table whose other names are sides, or where the same words are a
    side), a name that opens with a given name is a side's too (``Aston Vale 2
    Kelso 0``); one with an initial is a person's still."""
    if candidate.source == "user" or candidate.dateline:
        return False
    if candidate.source == "reference" and not all(
        i.startswith(_SIDE_PLACES) for i in candidate.ids
    ):
        return False  # a country, an organisation
    span = tokens[candidate.first : candidate.last]
    # A person's row names the person in full (Michael Hartley, M. Hartley); a given
    # name alone there is a side's name (Sydney, Lincoln).
    person = len(span) > 1 and _opens_with_given_name(span) and not among_sides
    return not (person or any(_is_initial(t) for t in span))


# The reference places whose names a club or a team takes: towns, cities, regions.
_SIDE_PLACES = (_TOWN, _AREA, "ref:city:", "ref:capital:", "ref:region:")


def _is_initial(token: NameToken) -> bool:
    return len(token.text) == 1 and token.text.isupper() and token.joins


def _nationalities(clusterer: _Clusterer, tokens: Sequence[NameToken]) -> None:
    """Nationalities and the adjectives of peoples and faiths (``Iraqi``, ``Kurds``,
    ``Sunni``; ``data/countries.tsv`` and ``data/groups.txt``), as written in
    running text, are ``OTHER`` entities where no other mention holds them."""
    words = _nationality_words()
    at = list(compress(range(len(tokens)), map(words.__contains__, map(_TEXT_OF, tokens))))
    if not at:
        return
    held = {
        i for c in clusterer.clusters for first, last, _ in c.mentions for i in range(first, last)
    }
    for i in at:
        if i not in held and not tokens[i].heading:
            clusterer.add(_Candidate(i, i + 1, "rule", type=EntityType.OTHER))


_TEXT_OF = attrgetter("text")


@functools.cache
def _nationality_words() -> frozenset[str]:
    """Demonyms and group words, without the words of directions (``Western``)."""
    return (_demonyms() | _words("groups.txt")) - _place_words("generic")


def _naming_mention(tokens: Sequence[NameToken], cluster: _Cluster) -> tuple[int, int]:
    """The mention that names a cluster: the longest, one outside lines in capitals
    before one in them, one not in capitals before one in them (a dateline's
    ``MILLBROOK`` and the body's ``Millbrook``), the first of those."""
    first, last, _ = max(
        cluster.mentions,
        key=lambda m: (m[1] - m[0], not tokens[m[0]].heading, not tokens[m[0]].upper, -m[0]),
    )
    return first, last


def _one_word(candidate: _Candidate) -> bool:
    return candidate.last - candidate.first == 1


def _full_name(name: str) -> bool:
    """Two words or more, none a letter alone, besides initials (``JOHN F. BURNS``): a
    name to recase, not an acronym (``GOP``), a contraction (``I'M``) or a code
    (``R-TX``)."""
    words = [w for w in name.split() if not (len(w) == 2 and w[0].isalpha() and w[1] == ".")]
    return len(words) > 1 and all(
        len(w) > 1 and w.replace("-", "").replace("'", "").isalpha() for w in words
    )


def _outside_credit_words(
    doc: Document,
    tokens: Sequence[NameToken],
    candidates: list[_Candidate],
    bylines: Sequence[FoundByline],
) -> list[_Candidate]:
    """The candidates less those the rules found inside a byline or credit line that
    are none of its people and not its organisation: the words of the line's roles.
    What a table names there stays (``in Baghdad``)."""
    lines = [(b.start, b.end) for b in bylines]
    people = [(p.start, p.end) for b in bylines for p in b.people]
    outlets = " | ".join(b.organization.casefold() for b in bylines if b.organization)
    kept = []
    for candidate in candidates:
        start, end = tokens[candidate.first].start, tokens[candidate.last - 1].end
        inside = any(lo <= start and end <= hi for lo, hi in lines)
        if (
            not inside
            or candidate.source != "rule"
            or any(start < hi and lo < end for lo, hi in people)
            or doc.norm[start:end].casefold() in outlets  # a name within the organisation's
        ):
            kept.append(candidate)
    return kept


def _with_byline_people(
    tokens: Sequence[NameToken], candidates: list[_Candidate], bylines: Sequence[FoundByline]
) -> list[_Candidate]:
    """The candidates and the people the byline stage read where nothing else names
    them: a name in capitals on a byline line (``BY JOHN SMITH``) has no evidence of
    case, but the byline is evidence that it names a person. A rule's run from the
    person's name is cut to the name (``Jane Doe Political correspondent``)."""
    candidates = [_cut_at_byline_people(tokens, c, bylines) for c in candidates]
    taken = {i for c in candidates for i in range(c.first, c.last)}
    added = []
    for person in (p for b in bylines for p in b.people):
        first, last = _token_range(tokens, person.start, person.end)
        if first >= last or tokens[first].start != person.start:
            continue
        if tokens[last - 1].end != person.end or taken.intersection(range(first, last)):
            continue
        added.append(_Candidate(first, last, "rule", type=EntityType.PERSON, person_cue=True))
        taken.update(range(first, last))
    if not added:
        return candidates
    return sorted([*candidates, *added], key=attrgetter("first"))


def _token_range(tokens: Sequence[NameToken], start: int, end: int) -> tuple[int, int]:
    """The tokens from the one at ``start`` to the one before ``end``."""
    first = bisect.bisect_left(tokens, start, key=attrgetter("start"))
    return first, bisect.bisect_left(tokens, end, key=attrgetter("start"))


def _cut_at_byline_people(
    tokens: Sequence[NameToken], candidate: _Candidate, bylines: Sequence[FoundByline]
) -> _Candidate:
    """A rule candidate that is a byline's person, or holds one and more (``Jane Doe
    Political correspondent``, ``AP Economics Writer Jane Doe``), cut to the name
    and typed a person's: a name in capitals (``By ANDREW LOWELL``) has no evidence
    of case but the byline's."""
    if candidate.source != "rule":
        return candidate
    for person in (p for b in bylines for p in b.people):
        first, last = _token_range(tokens, person.start, person.end)
        if (
            candidate.first <= first < last <= candidate.last
            and tokens[first].start == person.start
            and tokens[last - 1].end == person.end
        ):
            return attrs.evolve(
                candidate, first=first, last=last, type=EntityType.PERSON, person_cue=True
            )
    return candidate


def _role_mentions(
    clusterer: _Clusterer,
    candidates: list[_Candidate],
    table: AliasTable,
    published: _dt.date | None,
) -> None:
    """``the Iraqi prime minister``, ``Iraq's prime minister``: the holder of that role.

    A country (or its demonym) then role words; not when a name follows, since
    the name is the mention then.
    """
    tokens = clusterer.tokens
    taken = {i for c in candidates for i in range(c.first, c.last)}
    countries = _country_words()
    index = table.index
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.folded not in countries or token.heading:
            i += 1
            continue
        last = i + 1
        while (
            last < len(tokens)
            and last - i <= 4
            and tokens[last - 1].joins | tokens[last - 1].possessive
            and tokens[last].folded in index.role_words
        ):
            last += 1
        if last - i < 2:
            i += 1
            continue
        follows = tokens[last] if last < len(tokens) else None
        named = follows is not None and tokens[last - 1].joins and follows.capitalised
        if named or any(k in taken for k in range(i + 1, last)):
            i = last
            continue
        ids = index.holders(role_words(clusterer.text(i, last)), published)
        if len(ids) == 1:
            (entry_id,) = ids
            cluster = clusterer.cluster_for_id(entry_id, table[entry_id].type, reference=False)
            if i in taken:
                i += 1  # the country is a mention of its own; the role starts after it
            cluster.add(i, last, MatchMethod.COREFERENCE)
        i = last


def _entities(
    doc: Document,
    tokens: Sequence[NameToken],
    clusters: list[_Cluster],
    table: AliasTable | None,
    reference: AliasTable,
    words: LexiconWords,
) -> tuple[FoundEntity, ...]:
    """The clusters as entities: mentions (``FoundMention``) in positions of
    ``doc.norm``, from the clusters' token ranges; a name and an id each."""
    entities = []
    used_ids: set[str] = set()
    for cluster in sorted(clusters, key=attrgetter("start")):
        mentions = tuple(
            FoundMention(tokens[first].start, _name_end(doc.norm, tokens[last - 1]), how)
            for first, last, how in sorted(cluster.mentions)
        )
        if cluster.table_id is not None and table is not None:
            name = table[cluster.table_id].name
            entity_id = cluster.table_id
        else:
            if cluster.reference_id is not None:
                name = reference[cluster.reference_id].name
            else:
                first, last = _naming_mention(tokens, cluster)
                end = _name_end(doc.norm, tokens[last - 1])  # "Acme Inc.", "Jr."
                name = " ".join(doc.norm[tokens[first].start : end].split())
                if cluster.type is EntityType.PERSON and _full_name(name):
                    # A person named only in capitals (a byline, a headline) is named
                    # as a person writes it, as bylines are; mentions stay as written.
                    name = recase(name, words)
            entity_id = f"{cluster.type.value.lower()}:{_slug(name)}"
            base, n = entity_id, 2
            while entity_id in used_ids or (table is not None and entity_id in table):
                entity_id, n = f"{base}-{n}", n + 1
        used_ids.add(entity_id)
        entities.append(FoundEntity(entity_id, name, cluster.type, cluster.table_id, mentions))
    entities.sort(key=lambda e: e.mentions[0].start)
    return tuple(entities)
