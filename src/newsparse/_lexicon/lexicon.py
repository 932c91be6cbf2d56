"""The lexicon: the knowledge every stage reads, loaded once, checked, extensible.

A :class:`Lexicon` holds the tables a user may want to extend: titles before
names, name particles, cue verbs of speech and the outlets table. The package's
own (``Lexicon.default()``) is read from the data files under ``newsparse/data``;
:meth:`Lexicon.extended` adds a user's entries to it. ``parse(text, lexicon=...)``
hands one lexicon to every stage.

>>> lexicon = Lexicon.default().extended(titles=[Title("Mufti", "religious")],
...     cue_verbs=["quipped"], particles=["ibn"])
>>> [t.name for t in lexicon.titles if t.name == "Mufti"]
['Mufti']
>>> "quipped" in {c.word for c in lexicon.cue_verbs}
True

The lookups the stages use (:class:`LexiconWords`) are derived from the records
once per lexicon, by :func:`words_of`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs

from newsparse._lexicon.files import SCHEMAS, function_words, read_rows
from newsparse._lexicon.outlets import Outlet, OutletTable
from newsparse.errors import InputTypeError, LexiconError

__all__ = [
    "CueVerb",
    "Lexicon",
    "LexiconWords",
    "Particle",
    "Title",
    "lexicon_for",
    "title_key",
    "words_of",
]

#: The kinds of title: the values the schema of ``data/titles.tsv`` allows.
TITLE_KINDS = tuple(sorted(SCHEMAS["titles.tsv"].choices[1]))
#: The kinds of particle: ``article`` (the Arabic article, left out of matching
#: keys), ``kin`` (``bin``, ``ibn``, ``abu``: a person's name), ``None`` for the
#: others (``van``, ``di``, ``de``: they join the words of people and places);
#: the values the schema of ``data/name_particles.txt`` allows.
PARTICLE_KINDS = tuple(sorted(SCHEMAS["name_particles.txt"].choices[1] - {""}))


def title_key(title: str) -> str:
    """The lookup form of a title: lower case, full stops as spaces, spaces single.

    >>> title_key("Lt.  Gen."), title_key("Prime Minister")
    ('lt gen', 'prime minister')
    """
    return " ".join(title.replace(".", " ").casefold().split())


def _word(value: str) -> str:
    if not isinstance(value, str):
        raise InputTypeError(f"a lexicon entry must be a str, not {type(value).__name__}")
    word = " ".join(value.split())
    if not word:
        raise LexiconError("a lexicon entry must not be empty")
    return word


@attrs.frozen(slots=True)
class Title:
    """A title, honorific or rank that stands before a name and is not part of it.

    ``kind`` is one of ``executive`` (an office in an organisation, named by the
    capitalised words just before it: ``Acme Chief Executive``), ``honorific``,
    ``military``, ``office``, ``religious`` and ``royal``. ``portfolio``: a
    capitalised word or two just before this title name its portfolio and belong
    to it (``Transport Minister``); it applies to the title's last word. ``sex``:
    ``m`` or ``f`` for a title that marks its holder's sex (``Mrs``, ``Prince``),
    ``u`` for one that does not; it tells apart two people of one surname
    (``Mrs. Clinton`` after ``Hillary Clinton`` and ``Bill Clinton``).
    """

    name: str = attrs.field(converter=_word)
    kind: str = "office"
    portfolio: bool = False
    sex: str = "u"

    def __attrs_post_init__(self) -> None:
        if self.kind not in TITLE_KINDS:
            raise LexiconError(
                f"title {self.name!r}: kind {self.kind!r} is not one of {', '.join(TITLE_KINDS)}"
            )
        if self.sex not in ("m", "f", "u"):
            raise LexiconError(f"title {self.name!r}: sex {self.sex!r} is not one of f, m, u")


@attrs.frozen(slots=True)
class Particle:
    """A lower-case particle inside personal names (``al``, ``bin``, ``van``, ``di``)."""

    word: str = attrs.field(converter=_word)
    kind: Literal["article", "kin"] | None = None

    def __attrs_post_init__(self) -> None:
        if self.word != self.word.casefold() or " " in self.word:
            raise LexiconError(f"particle {self.word!r}: must be one word in lower case")
        if self.kind is not None and self.kind not in PARTICLE_KINDS:
            raise LexiconError(
                f"particle {self.word!r}: kind {self.kind!r} is not one of "
                f"{', '.join(PARTICLE_KINDS)} or None"
            )


@attrs.frozen(slots=True)
class CueVerb:
    """A verb form that reports speech or writing (``said``, ``tweeted``).

    ``takes_object``: the listener comes before what was said (``told reporters
    that``), so one word after the verb is skipped. ``takes_infinitive``: what was
    said may be a ``to`` clause (``vowed to rebuild the port``). ``ambiguous``: the
    form is as often no speech verb: a noun, an adjective or a verb of another
    sense (``the three states``, ``a tweet``, ``pledged delegates``, ``the talks
    continued``), so it is read as a cue only with evidence of speech (see
    docs/quotes.md): ``that``, a colon or a quotation mark after it (``the report
    states that``), a quotation it attributes, a pronoun or a name before it.
    ``takes_complement``: what was said is an object and what it is called
    (``called the plan "a disaster"``, ``calling him a liar``) or follows a
    preposition (``called for talks``, ``called on crews to stay``); the verb
    reports nothing else (``called a meeting`` is no speech).
    """

    word: str = attrs.field(converter=_word)
    takes_object: bool = False
    takes_infinitive: bool = False
    ambiguous: bool = False
    takes_complement: bool = False

    def __attrs_post_init__(self) -> None:
        if self.word != self.word.casefold() or " " in self.word:
            raise LexiconError(f"cue verb {self.word!r}: must be one word in lower case")


def _titles(values: Iterable[Title | str]) -> tuple[Title, ...]:
    return tuple(v if isinstance(v, Title) else Title(v) for v in values)


def _particles(values: Iterable[Particle | str]) -> tuple[Particle, ...]:
    return tuple(v if isinstance(v, Particle) else Particle(v) for v in values)


def _cue_verbs(values: Iterable[CueVerb | str]) -> tuple[CueVerb, ...]:
    return tuple(v if isinstance(v, CueVerb) else CueVerb(v) for v in values)


def _outlets(values: Iterable[Outlet] | OutletTable) -> OutletTable:
    return values if isinstance(values, OutletTable) else OutletTable(values)


def _later_wins(records: Iterable[Any], key: Any) -> tuple[Any, ...]:
    """One record per key, the last given winning, in the order keys first came."""
    kept: dict[str, Any] = {}
    for record in records:
        kept[key(record)] = record
    return tuple(kept.values())


@attrs.frozen(slots=True, eq=False)
class Lexicon:
    """The extensible knowledge newsparse reads text with.

    Build one with :meth:`default` and :meth:`extended`; pass it to
    :func:`newsparse.parse` (or :func:`newsparse.parse_many`) as ``lexicon=``.
    A lexicon is immutable and can be shared between threads and pickled to
    worker processes. Alias tables build their matching keys with the default
    lexicon, whatever lexicon a parse uses.
    """

    titles: tuple[Title, ...] = attrs.field(converter=_titles)
    particles: tuple[Particle, ...] = attrs.field(converter=_particles)
    cue_verbs: tuple[CueVerb, ...] = attrs.field(converter=_cue_verbs)
    outlets: OutletTable = attrs.field(converter=_outlets)
    _words: list[LexiconWords] = attrs.field(init=False, factory=list, repr=False)

    def __attrs_post_init__(self) -> None:
        for what, records, key in (
            ("title", self.titles, lambda t: title_key(t.name)),
            ("particle", self.particles, lambda p: p.word),
            ("cue verb", self.cue_verbs, lambda c: c.word),
        ):
            seen: set[str] = set()
            for record in records:
                if key(record) in seen:
                    raise LexiconError(
                        f"{what} {key(record)!r} is given twice; use Lexicon.extended "
                        "to replace an entry"
                    )
                seen.add(key(record))

    @classmethod
    def default(cls) -> Lexicon:
        """The package's own lexicon (the same object on every call)."""
        return _default()

    def extended(
        self,
        *,
        titles: Iterable[Title | str] = (),
        particles: Iterable[Particle | str] = (),
        cue_verbs: Iterable[CueVerb | str] = (),
        outlets: Iterable[Outlet] = (),
    ) -> Lexicon:
        """This lexicon with more entries; an entry given again replaces the old one.

        A plain string is a title of kind ``office``, a particle of no kind, a
        cue verb without an object.

        >>> base = Lexicon.default()
        >>> more = base.extended(cue_verbs=[CueVerb("briefed", takes_object=True)])
        >>> len(more.cue_verbs) - len(base.cue_verbs)
        1
        """
        for name, value in (
            ("titles", titles),
            ("particles", particles),
            ("cue_verbs", cue_verbs),
            ("outlets", outlets),
        ):
            if isinstance(value, (str, bytes)):
                raise InputTypeError(
                    f"{name} must be a list of entries, not one {type(value).__name__}"
                )
        return Lexicon(
            titles=_later_wins((*self.titles, *_titles(titles)), lambda t: title_key(t.name)),
            particles=_later_wins((*self.particles, *_particles(particles)), lambda p: p.word),
            cue_verbs=_later_wins((*self.cue_verbs, *_cue_verbs(cue_verbs)), lambda c: c.word),
            outlets=self.outlets.extended(outlets) if outlets else self.outlets,
        )

    def __getstate__(self) -> dict[str, Any]:
        return {
            "titles": self.titles,
            "particles": self.particles,
            "cue_verbs": self.cue_verbs,
            "outlets": self.outlets,
        }

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]


@attrs.frozen(slots=True, eq=False)
class LexiconWords:
    """The lookups the stages read, derived once from a :class:`Lexicon`.

    ``title_kinds`` maps each title's :func:`title_key` to its kind;
    ``title_starts`` holds their first words, ``portfolio_ends`` the last words of
    portfolio titles; ``title_sexes`` the sex a title marks (``m``, ``f``), by key,
    for those that mark one; the particle sets are lower case.
    """

    title_kinds: Mapping[str, str]
    title_sexes: Mapping[str, str]
    title_starts: frozenset[str]
    portfolio_ends: frozenset[str]
    particles: frozenset[str]
    articles: frozenset[str]
    person_particles: frozenset[str]
    cues: frozenset[str]
    object_cues: frozenset[str]
    infinitive_cues: frozenset[str]
    ambiguous_cues: frozenset[str]
    complement_cues: frozenset[str]
    #: The first word of each title and the lengths in words of the titles it
    #: starts, longest first; the last words of titles.
    title_widths: Mapping[str, tuple[int, ...]]
    title_ends: frozenset[str]
    #: Lower-case words that join capitalised ones into one name: the linking
    #: words (``of``, ``for``, ``the``) and every particle.
    connectors: frozenset[str]

    @classmethod
    def of(cls, lexicon: Lexicon) -> LexiconWords:
        kinds = {title_key(t.name): t.kind for t in lexicon.titles}
        widths: dict[str, set[int]] = {}
        for key in kinds:
            widths.setdefault(key.split()[0], set()).add(len(key.split()))
        particles = frozenset(p.word for p in lexicon.particles)
        return cls(
            title_kinds=kinds,
            title_sexes={title_key(t.name): t.sex for t in lexicon.titles if t.sex != "u"},
            title_starts=frozenset(key.partition(" ")[0] for key in kinds),
            portfolio_ends=frozenset(
                title_key(t.name).split()[-1] for t in lexicon.titles if t.portfolio
            ),
            particles=particles,
            articles=frozenset(p.word for p in lexicon.particles if p.kind == "article"),
            person_particles=frozenset(
                p.word for p in lexicon.particles if p.kind in ("article", "kin")
            ),
            cues=frozenset(c.word for c in lexicon.cue_verbs),
            object_cues=frozenset(c.word for c in lexicon.cue_verbs if c.takes_object),
            infinitive_cues=frozenset(c.word for c in lexicon.cue_verbs if c.takes_infinitive),
            ambiguous_cues=frozenset(c.word for c in lexicon.cue_verbs if c.ambiguous),
            complement_cues=frozenset(c.word for c in lexicon.cue_verbs if c.takes_complement),
            title_widths={w: tuple(sorted(found, reverse=True)) for w, found in widths.items()},
            title_ends=frozenset(key.split()[-1] for key in kinds),
            connectors=function_words("linking") | particles,
        )


def lexicon_for(lexicon: object, outlets: OutletTable | None = None) -> Lexicon:
    """The lexicon a call reads with: ``lexicon`` (the default when ``None``), with
    ``outlets`` for its outlets when given.

    >>> lexicon_for(None) is Lexicon.default()
    True
    """
    if lexicon is None:
        lexicon = Lexicon.default()
    elif not isinstance(lexicon, Lexicon):
        raise InputTypeError(
            f"lexicon must be a Lexicon or None, not {type(lexicon).__name__}; "
            "build one with Lexicon.default().extended(...)"
        )
    return lexicon if outlets is None else attrs.evolve(lexicon, outlets=outlets)


def words_of(lexicon: Lexicon) -> LexiconWords:
    """The lookups of ``lexicon``, derived on first use and kept with it."""
    held = lexicon._words
    if not held:
        held.append(LexiconWords.of(lexicon))
    return held[0]


@functools.cache
def _default() -> Lexicon:
    return Lexicon(
        titles=[
            Title(row[0], row[1], row[2:3] == ("portfolio",), (row[3:4] or ("",))[0] or "u")
            for row in read_rows("titles.tsv")
        ],
        particles=[
            Particle(row[0], row[1] if len(row) > 1 and row[1] else None)  # type: ignore[arg-type]
            for row in read_rows("name_particles.txt")
        ],
        cue_verbs=[
            CueVerb(
                row[0],
                takes_object=row[1:2] == ("object",),
                takes_infinitive=row[1:2] == ("to",),
                ambiguous=row[2:3] == ("ambiguous",),
                takes_complement=row[1:2] == ("complement",),
            )
            for row in read_rows("cue_verbs.txt")
        ],
        outlets=OutletTable.default(),
    )
