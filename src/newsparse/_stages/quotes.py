"""Quotes and attribution: who said what.

Direct speech stands in quotation marks (straight or curly; a quote may run
over several paragraphs, each reopened with a mark); reported speech follows a
cue verb (``said that``, ``told reporters that``, ``disclosed that``) or comes
with ``according to X`` at either end of its sentence. Each quote has a
``kind`` (``direct``, ``indirect``, ``mixed``), its content as ``text``, the
``cue`` and a ``Speaker``: a named entity (with its role phrase, ``political
analyst Jane Doe``), a pronoun resolved to the last person named before it, an
unnamed source (``an informed source``, ``Israeli security sources``), or an
organisation or document (``the Center's analysis``).

Short phrases in quotation marks that are not speech (scare quotes, titles:
``"secret"``, ``"New Middle East"``) give no quote.

The stage has the shape of every stage (see ``newsparse._findings``):
``find_quotes(doc, context, found) -> tuple[FoundQuote, ...]`` reads ``doc`` and
the entities' mentions in ``found.entities``, all in positions of ``doc.norm``,
and hands on the quotes in those positions; a speaker names its entity by its
index in ``found.entities``.

>>> text = 'The minister said that talks would resume. "We will not give up," Haddad said.'
>>> for q in find_quotes_in(text):
...     print(q.kind.value, "|", q.text, "|", q.cue, "|", q.speaker.text)
indirect | talks would resume | said | The minister
direct | We will not give up | said | Haddad
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from itertools import compress, islice, takewhile
from typing import NamedTuple

import attrs
import regex

from newsparse import _assembly
from newsparse._findings import Context, Found, FoundEntity, FoundQuote, FoundSpeaker
from newsparse._lexicon import LexiconWords, function_words, read_rows, read_words
from newsparse._text import (
    Document,
    Span,
    fold_token,
    given_name_sexes,
    segment,
    with_plain_quote_marks,
)
from newsparse.model import EntityType, Quote, QuoteKind

__all__ = ["find_quotes", "find_quotes_in"]

# A quotation is speech when it has this many words, or ends with punctuation.
_SPEECH_WORDS = 5
_OPENING = "\u201c\u201e\u00ab"
_CLOSING = "\u201d\u00bb"
# The closed classes of English the rules read (data/function_words.tsv).
_PRONOUNS = function_words("personal_pronoun")
_OTHER_PRONOUNS = function_words("other_pronoun")
_SUBJECT_PRONOUNS = _PRONOUNS | _OTHER_PRONOUNS
# Words between a speaker and the cue: "he also said", "she had earlier said".
_AUXILIARIES = function_words("before_cue")
# Words that end the speaker's noun phrase before a cue: "sources quoted by media claimed".
_NP_STOP = function_words("speaker_stop")
_NEAR = function_words("near")
# Words that open a reported clause right after a cue without "that": "said the port would".
_CLAUSE_OPENERS = function_words("clause_opener")
# Words after a cue that do not open what was said: "said in a statement that".
_NOT_CLAUSE = function_words("not_clause")
#: Words that open a phrase of when, where or how: "In a statement", "Over the years".
_OPENING_WORDS = _NOT_CLAUSE | function_words("place_preposition") | function_words("preposition")
#: Words that open a subordinate clause or a phrase before a clause's subject:
#: "After the meeting he said ...", whose opening words are no speaker.
_SUBORDINATORS = function_words("subordinator")
#: Words that link a clause to the one before: "... and added that", "a plan that
#: officials said would fail", "Haddad, who said".
_COORDINATORS = function_words("coordinator")
_RELATIVES = function_words("relative")
_LINKS = _SUBORDINATORS | _COORDINATORS | _RELATIVES
_NEGATIONS = function_words("negation")
_ASIDES = function_words("aside")
_AGENTS = function_words("agent")
# Finite auxiliaries: after a name, they show it opens a clause ("said Obama has never").
_FINITE = function_words("finite")
_DAY_PARTS = function_words("day_part")
_THAT_WINDOW = 12
# The most words read before a cue verb for its subject, and the most characters
# read after 'according to' or an inverted cue for a speaker.
_CLAUSE_WORDS = 30
_PHRASE_REACH = 200
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'\-]*")
_ACCORDING = regex.compile(r"\b(?i:according\s+to)\b")
_ACCORDING_WORD = regex.compile(r"(?i:according)")  # where _ACCORDING may match


class _Cue(NamedTuple):
    """A cue verb in the text: ``norm[start:end]`` is ``word``."""

    start: int
    end: int
    word: str


def _cue_words(doc: Document, cues: frozenset[str], title_case: Sequence[Span] = ()) -> list[_Cue]:
    """Every cue verb of the article, as written (lower case), found among its words in
    C; a participle in ``-ed`` opening a sentence before a lower-case word
    (``Asked why the port closed, the minister said ...``), in lower case; and in a
    line written in title case, a capitalised cue after its first word (``Minister
    Says Port Will Reopen``)."""
    spans, texts = doc.words, doc.word_texts
    at = list(compress(range(len(texts)), map(cues.__contains__, texts)))
    norm = doc.norm
    for line in title_case:
        first = bisect.bisect_left(spans, (line.start, -1))
        last = bisect.bisect_left(spans, (line.end, -1))
        at += [i for i in range(first + 1, last) if texts[i].casefold() in cues]
    for sentence in doc.sentences:
        i = bisect.bisect_left(spans, (sentence.start, -1))
        if i + 1 >= len(spans) or spans[i][0] != sentence.start:
            continue
        word = texts[i]
        folded = word.casefold()
        if (
            word[:1].isupper()
            and folded.endswith("ed")
            and folded in cues
            and norm[spans[i + 1][0]].islower()
            and not norm[spans[i][1] : spans[i + 1][0]].strip()
        ):
            at.append(i)
    return [
        _Cue(*spans[i], texts[i].casefold())
        for i in sorted(set(at))
        if not _asks_for_anonymity(texts, i)
    ]


#: The words after a cue that ask for anonymity, not speech: ``who asked not to be
#: named``, ``requested not to be identified``.
_ANONYMITY_ASKED = ("not", "to", "be")


def _asks_for_anonymity(texts: Sequence[str], i: int) -> bool:
    """Whether the cue at word ``i`` asks not to be named (``a resident who asked not
    to be named told reporters``): the speech is the next cue's."""
    after = texts[i + 1 : i + 1 + len(_ANONYMITY_ASKED)]
    return tuple(w.casefold() for w in after) == _ANONYMITY_ASKED


@functools.cache
def _anonymous_heads() -> frozenset[str]:
    return read_words("anonymous_sources.txt")


# --------------------------------------------------------------------------
# quotation marks


@attrs.frozen
class _Quotation:
    """Text in quotation marks: ``start..end`` is the content, inside the marks."""

    open: int
    start: int
    end: int
    close: int
    speech: bool


def _quotations(doc: Document, cues: frozenset[str] = frozenset()) -> list[_Quotation]:
    """Pairs of double quotation marks, per paragraph; an unclosed one runs on
    into the next paragraph when that opens with a mark (news style). ``cues``: the
    cue verbs, after which a short quotation is speech (``said "not yet."``)."""
    norm = doc.norm
    found: list[_Quotation] = []
    pending: int | None = None
    starts = frozenset(p.start for p in doc.paragraphs)
    for paragraph in doc.paragraphs:
        marks = _marks(norm, paragraph)
        if pending is not None and (not marks or marks[0] != paragraph.start):
            # The quote that ran on is not reopened: it ended with its paragraph.
            found.append(_make(norm, pending, None, _previous_end(doc, paragraph), cues))
            pending = None
        if pending is not None:
            marks = marks[1:]  # the reopening mark continues the quote
        pending = _pair(doc, marks, pending, found, cues, starts)
    if pending is not None:
        found.append(_make(norm, pending, None, doc.paragraphs[-1].end, cues))
    return found


def _marks(norm: str, paragraph: Span) -> list[int]:
    """The positions of the double quotation marks of a paragraph (``"`` in the view);
    a mark between two letters is an apostrophe some wires write so (``don"t``)."""
    marks = []
    at = norm.find('"', paragraph.start, paragraph.end)
    while at >= 0:
        if not (0 < at < len(norm) - 1 and norm[at - 1].isalpha() and norm[at + 1].isalpha()):
            marks.append(at)
        at = norm.find('"', at + 1, paragraph.end)
    return marks


def _pair(
    doc: Document,
    marks: list[int],
    opened: int | None,
    found: list[_Quotation],
    cues: frozenset[str],
    starts: frozenset[int],
) -> int | None:
    """Pair a paragraph's ``marks`` in turn, adding each quotation to ``found``; the
    mark still open at the paragraph's end (``opened``: one still open before it).
    A curly closing mark cannot open a quote, and a curly opening mark after a
    space opens a new one (the earlier mark was stray). ``starts``: where the
    paragraphs start (a quotation that opens one opens a clause)."""
    norm = doc.norm
    for i in marks:
        char = doc.written_char(i)
        if opened is None:
            if char in _CLOSING:
                continue  # a stray closing mark
            opened = i
        elif char in _OPENING and i > opened + 1 and norm[i - 1].isspace():
            opened = i  # a new quote opens: the earlier mark was stray
        else:
            found.append(_make(norm, opened, i, i + 1, cues, opened in starts))
            opened = None
    return opened


def _previous_end(doc: Document, paragraph: Span) -> int:
    i = doc.paragraphs.index(paragraph)
    return doc.paragraphs[i - 1].end if i > 0 else paragraph.start


def _make(
    norm: str,
    open_: int,
    close: int | None,
    end: int,
    cues: frozenset[str],
    opens_paragraph: bool = False,
) -> _Quotation:
    content_end = close if close is not None else end
    content = norm[open_ + 1 : content_end]
    words = _WORD.findall(content)
    stripped = content.rstrip()
    speech = (
        len(words) >= _SPEECH_WORDS
        or (
            len(words) >= 2
            and stripped[-1:] in ".,?!"
            and close is not None
            and (opens_paragraph or _opens_clause(norm, open_, cues))
        )
    ) and not (close is not None and _names_a_work(norm, open_, words, stripped))
    return _Quotation(open_, open_ + 1, content_end, end if close is None else close + 1, speech)


#: The most words of a title in quotation marks (``"The Art of the Deal"``).
_TITLE_WORDS = 12
#: Words a title leaves in lower case (``data/function_words.tsv``, role
#: ``headline_lower``).
_TITLE_SMALL = function_words("headline_lower")


def _names_a_work(norm: str, open_: int, words: list[str], stripped: str) -> bool:
    """Whether a quotation is the title of a work or a name, not speech: its words in
    title case (every word but a short function word capitalised: ``"The Art of the
    Deal"``, ``"Make Mexico Great Again Also"``), no stop, question or exclamation
    mark at its end, and a word in lower case or a possessive just before its opening
    mark (``his book ''...''``, ``a hat reading "..."``, ``CNBC's "..."``), so that a
    headline in title case keeps its quotations."""
    if not 2 <= len(words) <= _TITLE_WORDS or stripped[-1:] in ".?!":
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.casefold() in _TITLE_SMALL for w in words):
        return False
    if not any(len(w) > 3 for w in words):
        return False
    before = norm[max(0, open_ - 30) : open_].split()
    return bool(before) and (before[-1][:1].islower() or before[-1].endswith(("'s", "s'")))


#: What may stand before a short quotation that is speech: nothing (it opens its
#: paragraph), or the end of a sentence or clause (``"Not yet," she said.``, ``She
#: said: "Not yet."``, ``said, "Not yet."``).
_BEFORE_SPEECH = frozenset(".?!:,;-\u2013\u2014()")


def _opens_clause(norm: str, open_: int, cues: frozenset[str]) -> bool:
    """Whether a quotation mark at ``open_`` opens a clause rather than sitting inside
    one: a short quotation in the middle of a clause (``as "free riders."``, ``the
    low-rated "Rush Hour."``, ``is "not a journalist,"``) is a scare quote or a title,
    whatever punctuation US style puts inside its marks."""
    before = norm[max(0, open_ - 40) : open_].rstrip()
    if not before or before[-1] in _BEFORE_SPEECH:
        return True
    word = before.split()[-1].casefold()
    return word in cues


# --------------------------------------------------------------------------
# speakers


# A mention of an entity: where it starts and ends in the view, and the entity's index.
_Mention = tuple[int, int, int]


@attrs.define
class _Context:
    """What the quotes of one article are read against: the entities' mentions (in
    positions of ``doc.norm``, sorted by their starts), the quotation marks' and the
    cue verbs' positions."""

    doc: Document
    lexicon: LexiconWords
    entities: Sequence[FoundEntity]
    mentions: list[_Mention]
    starts: list[int]
    opens: list[int] = attrs.Factory(list)
    cues: list[_Cue] = attrs.Factory(list)
    #: The starts and ends of the speech in quotation marks, sorted: a pronoun
    #: outside stands for no one named inside ("... Cruz ...," he said).
    quoted_starts: list[int] = attrs.Factory(list)
    quoted_ends: list[int] = attrs.Factory(list)
    #: The lines written in title case (a headline, decks, subheads): every word
    #: capitalised, cue verbs too ("Minister Says Port Will Reopen").
    title_case: Sequence[Span] = ()

    @classmethod
    def build(
        cls,
        doc: Document,
        entities: Sequence[FoundEntity],
        lexicon: LexiconWords,
        title_case: Sequence[Span] = (),
    ) -> _Context:
        mentions = sorted(
            ((m.start, m.end, i) for i, e in enumerate(entities) for m in e.mentions),
            key=lambda t: t[0],
        )
        cues = _cue_words(doc, lexicon.cues, title_case)
        return cls(
            doc,
            lexicon,
            entities,
            mentions,
            [m[0] for m in mentions],
            cues=cues,
            title_case=title_case,
        )

    def in_title_case(self, at: int) -> bool:
        """Whether position ``at`` lies in a line written in title case."""
        return any(line.start <= at < line.end for line in self.title_case)

    def type_of(self, mention: _Mention) -> EntityType:
        """The type of the entity a mention names."""
        return self.entities[mention[2]].type

    def entities_in(self, start: int, end: int) -> list[_Mention]:
        """Entity mentions inside the view's range ``start..end``."""
        i = bisect.bisect_left(self.starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i][0] < end:
            if self.mentions[i][1] <= end:
                found.append(self.mentions[i])
            i += 1
        return found

    def last_person_before(self, start: int, sex: str = "u") -> int | None:
        """The index of the entity of the last mention of a person before ``start``;
        of a person whose given name does not mark the other sex, for a ``sex`` of
        ``m`` or ``f`` (``she`` is not ``James Baker``)."""
        i = bisect.bisect_left(self.starts, start) - 1
        while i >= 0:
            mention = self.mentions[i]
            if (
                self.type_of(mention) is EntityType.PERSON
                and _may_be(self.entities[mention[2]].name, sex)
                and not self.quoted(mention[0], start)
            ):
                return mention[2]
            i -= 1
        return None

    def quoted(self, at: int, outside: int) -> bool:
        """Whether ``at`` lies inside speech in quotation marks that ``outside`` is not in."""
        k = bisect.bisect_right(self.quoted_starts, at) - 1
        return (
            k >= 0
            and at < self.quoted_ends[k]
            and not self.quoted_starts[k] <= outside < self.quoted_ends[k]
        )


def _may_be(name: str, sex: str) -> bool:
    """Whether a person of this name may be of ``sex`` (``m``, ``f``; ``u`` for any):
    the sex the first given name usually marks (``data/given_names.tsv``), when it
    marks one."""
    if sex == "u":
        return True
    first = fold_token(name.split(maxsplit=1)[0]) if name.strip() else ""
    marked = given_name_sexes().get(first, "u")
    return marked in ("u", sex)


#: The sex a third-person pronoun marks.
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def _speaker(context: _Context, lo: int, hi: int) -> FoundSpeaker | None:
    """The speaker named by the noun phrase ``norm[lo:hi]``."""
    norm = context.doc.norm
    while lo < hi and not norm[lo].isalnum():
        lo += 1
    hi = _phrase_trimmed(norm, lo, hi)
    if hi <= lo:
        return None
    if _WORD.search(norm, lo, hi) is None:
        return None
    inside = context.entities_in(lo, hi)
    named = _naming(context, inside, lo, hi) if inside else None
    if named is not None:
        return FoundSpeaker(lo, hi, entity=named[2])
    words = list(map(str.casefold, _WORD.findall(norm, lo, hi)))
    if len(words) == 1 and words[0] in _PRONOUNS:
        sex = _PRONOUN_SEX.get(words[0], "u")
        return FoundSpeaker(lo, hi, entity=context.last_person_before(lo, sex))
    if 2 <= len(words) <= _ROLE_WORDS and (words[0] == "the" or inside):
        # "the minister", "Chile's president": named before with the role
        holder = _role_holder(context, words[-1], lo)
        if holder is not None:
            return FoundSpeaker(lo, hi, entity=holder)  # "the minister", named before
    anonymous = not _anonymous_heads().isdisjoint(words) and words[0] not in _OTHER_PRONOUNS
    return FoundSpeaker(lo, hi, anonymous=anonymous)


#: Initials with their dots at a phrase's end: ``the U.S.``, ``(D-R.I.)``.
_INITIALS_END = regex.compile(r"(?<!\p{L})(?:\p{L}\.){2,}$")


def _phrase_trimmed(norm: str, lo: int, hi: int) -> int:
    """Where the phrase ``norm[lo:hi]`` ends without the punctuation after it: a
    bracket or a quotation it opened stays closed (``Sen. Jane Doe (D-R.I.)``),
    and its initials keep their dots (``the U.S.``)."""
    while hi > lo and not norm[hi - 1].isalnum():
        if norm[hi - 1] == ")" and norm.count("(", lo, hi) >= norm.count(")", lo, hi):
            break
        if norm[hi - 1] == '"' and norm.count('"', lo, hi) % 2 == 0:
            break  # a quotation it holds closes: 'the ruling "a joke,"'

        if norm[hi - 1] == "." and _INITIALS_END.search(norm, max(lo, hi - 12), hi):
            break
        hi -= 1
    return hi


#: The most words of a role phrase that stands for a person named before (``the
#: transport minister``); how far back, in characters, the person is looked for.
_ROLE_WORDS = 4
_ROLE_REACH = 3000


@functools.cache
def _role_nouns() -> frozenset[str]:
    return frozenset(w.casefold() for w in read_words("role_nouns.txt"))


def _role_holder(context: _Context, role: str, lo: int) -> int | None:
    """The person the article gave the role ``role`` before ``lo`` (``Transport
    Minister Layla Haddad`` ... ``the minister said``; ``Jane Doe, a spokeswoman for
    the port,`` ... ``the spokeswoman``): the last person whose mention has the word
    just before it or in an apposition just after it; None when there is none, or
    when two people had it."""
    if role not in context.lexicon.title_ends and role not in _role_nouns():
        return None
    norm = context.doc.norm
    holders: list[int] = []
    i = bisect.bisect_left(context.starts, lo) - 1
    while i >= 0 and context.mentions[i][0] > lo - _ROLE_REACH:
        start, end, entity = context.mentions[i]
        i -= 1
        if context.type_of((start, end, entity)) is not EntityType.PERSON:
            continue
        before = norm[max(0, start - 40) : start].casefold().split()[-3:]
        after = norm[end : end + 60]
        apposed = after.startswith(", ") and role in after[2:].split(",")[0].casefold().split()
        if (role in before or apposed) and entity not in holders:
            holders.append(entity)
    return holders[0] if len(holders) == 1 else None


# The entity types that name a speaker, the most telling first.
_SPEAKING_TYPES = (EntityType.PERSON, EntityType.ORG, EntityType.PLACE)


#: A relative clause after a comma inside a speaker's phrase: what it names is not
#: the speaker.
_RELATIVE_IN_PHRASE = regex.compile(r",[ \t]+(?:(?:who|whose|whom|which)\b|\p{Ll}+ed[ \t]+by\b)")


def _naming(context: _Context, inside: list[_Mention], lo: int, hi: int) -> _Mention | None:
    """The mention that names the speaker ``norm[lo:hi]``: its last person, else its
    last organisation, else its last place, else a mention that is the whole
    phrase. A nationality or another OTHER name inside a longer phrase (``Israeli
    security sources``) does not name the speaker, nor a name in a relative clause
    after a comma (``The rebel leader, who toppled Jan Doe in May,``)."""
    relative = _RELATIVE_IN_PHRASE.search(context.doc.norm, lo, hi)
    if relative is not None:
        inside = [m for m in inside if m[0] < relative.start()]
    for kind in _SPEAKING_TYPES:
        of_kind = [m for m in inside if context.type_of(m) is kind]
        if of_kind:
            if kind is EntityType.PLACE and _a_role_after(context, of_kind[-1], hi):
                return None  # "Chile's president", "a Tarsk council spokeswoman"
            return of_kind[-1]
    whole = [m for m in inside if (m[0], m[1]) == (lo, hi)]
    return whole[-1] if whole else None


def _a_role_after(context: _Context, place: _Mention, hi: int) -> bool:
    """Whether the speaker's phrase goes on after a place's name to a role noun of a
    person that heads it (``Chile's president``, ``a Tarsk city council
    spokesperson``): the place says whose the role is; a person speaks."""
    words = _WORD.findall(context.doc.norm, place[1], hi)
    if not words or len(words) > _ROLE_WORDS:
        return False
    head = words[-1].casefold()
    return head in _role_nouns() or head in context.lexicon.title_ends


# A word before a cue verb: where it starts and ends, and its text case-folded.
_Word = tuple[int, int, str]


class _ClauseWords:
    """The first words of each clause of one sentence, read once for all its cue verbs.

    ``before(clause_start, verb_start)`` gives what reading the words from the
    clause start up to the verb (at most ``_CLAUSE_WORDS + 1``) gives: a sentence
    of many cues does not read its opening words again for each.
    """

    def __init__(self, norm: str, end: int) -> None:
        self.norm = norm
        self.end = end
        self.read: dict[int, tuple[list[_Word], list[int]]] = {}

    def before(self, clause_start: int, verb_start: int) -> list[_Word]:
        read = self.read.get(clause_start)
        if read is None:
            found = islice(_WORD.finditer(self.norm, clause_start, self.end), _CLAUSE_WORDS + 1)
            words = [piece for m in found for piece in _contraction_split(m)]
            read = self.read[clause_start] = (words, [end for _, end, _ in words])
        words, ends = read
        k = bisect.bisect_right(ends, verb_start)
        if k < len(words) and words[k][0] < verb_start:
            # A word that runs into the verb ("re-said") is read up to it.
            start = words[k][0]
            return [*words[:k], (start, verb_start, self.norm[start:verb_start].casefold())]
        return words[:k]


#: Forms of "be" before a progressive cue: "have been calling for".
_PROGRESSIVE = frozenset({"been", "being"})


def _contraction_split(m: regex.Match[str]) -> list[_Word]:
    """A word as read before a cue verb: a pronoun's ``'s`` (``who's called``, ``she's
    said``) is its own word, the auxiliary ``has``, so the pronoun alone speaks."""
    word = m.group().casefold()
    if word.endswith("'s") and word[:-2] in _CONTRACTED:
        return [(m.start(), m.end() - 2, word[:-2]), (m.end() - 2, m.end(), "has")]
    return [(m.start(), m.end(), word)]


def _subject(words: list[_Word]) -> tuple[int, int] | None:
    """The noun phrase before a cue verb, from the clause's words, auxiliaries left out.

    A clause of more than ``_CLAUSE_WORDS`` words before its verb is read no further:
    its subject is the phrase that opens it, or nothing.
    """
    folded = [word for _, _, word in words]
    if len(words) > _CLAUSE_WORDS:
        stop = next((i for i in range(1, 9) if _is_np_stop(folded, i)), None)
        return (words[0][0], words[stop - 1][1]) if stop else None
    # "Clinton has repeatedly called": auxiliaries and adverbs, in any order.
    while folded and (
        folded[-1] in _AUXILIARIES
        or folded[-1] in _PROGRESSIVE
        or (folded[-1].endswith("ly") and len(folded) > 1)
    ):
        folded.pop()
    if not folded:
        return None
    end = len(folded)
    for i in range(1, len(folded)):
        if _is_np_stop(folded, i):
            end = i
            break
    if end > 8:
        return None
    return words[0][0], words[end - 1][1]


@functools.cache
def _when_words() -> frozenset[str]:
    """Words of a time in lower case (``on``, ``last``, ``week``, ``morning``,
    ``yesterday``), and the weekdays in any case."""
    relative = frozenset(row[0] for row in read_rows("relative_days.tsv") if " " not in row[0])
    return function_words("date_opener") | _DAY_PARTS | function_words("time_unit") | relative


def _is_when(norm: str, word: _Word) -> bool:
    """Whether a word says when (``last week``, ``on Friday``): a weekday's full name
    (not ``the Sun``), or a word of a time in lower case (not ``Morning Consult``)."""
    if word[2] in _weekdays():
        return word[2].endswith("day")
    return word[2] in _when_words() and norm[word[0]].islower()


def _without_when(norm: str, words: list[_Word]) -> list[_Word]:
    """The words before a cue verb without the words of a time that end them, when
    words are left: ``Jane Doe (D-Calif.) last week said``, ``Doe on Friday said``."""
    end = len(words)
    while end > 1 and _is_when(norm, words[end - 1]):
        end -= 1
    return words[:end]


def _is_np_stop(folded: Sequence[str], i: int) -> bool:
    """Whether word ``i`` (of case-folded words) ends the noun phrase that opens them."""
    if folded[i] in _NEAR or folded[i - 1] in _NEAR:
        return False  # "officials close to Tehran", "people familiar with the matter"
    return folded[i] in _NP_STOP


def _cover_mentions(context: _Context, lo: int, hi: int, limit: int) -> tuple[int, int]:
    """A noun phrase widened to hold a whole entity mention that starts in it:
    ``The General Company for Ports of Iraq said``, not ``The General Company``."""
    for m_start, m_end, _ in context.entities_in(lo, limit):
        if lo <= m_start < hi < m_end:
            return lo, m_end
    return lo, hi


#: Dashes that set a clause apart: "calling it a feat - but he said ...".
_DASHES = (" - ", " -- ", "\u2014", " \u2013 ")


def _clause_start(norm: str, lo: int, at: int) -> int:
    """Where the clause holding ``at`` starts: after the last comma, colon, semicolon
    or dash before it."""
    cut = max(norm.rfind(",", lo, at), norm.rfind(";", lo, at), norm.rfind(":", lo, at))
    for dash in _DASHES:
        found = norm.rfind(dash, lo, at)
        if found >= 0 and found + len(dash) - 1 > cut:
            cut = found + len(dash) - 1
    return cut + 1 if cut >= 0 else lo


# --------------------------------------------------------------------------
# the stage


@attrs.define
class _Found:
    start: int
    end: int
    kind: QuoteKind
    cue: str
    speaker: FoundSpeaker | None
    parts: list[tuple[int, int]] = attrs.field(factory=list)


def _quotation_or_clause(
    norm: str,
    at: int,
    words: list[regex.Match[str]],
    object_cue: bool,
    infinitive: bool = False,
    subject_before: bool = False,
    heading: bool = False,
) -> int | None:
    """Without ``that``: a quotation after the cue (``said: "..."``, ``says, "..."``,
    ``told reporters: "..."``), or a clause that starts right after it (``said the
    port would reopen``). An ``object_cue`` takes the listener first (``told
    reporters``, ``told the AP``, ``told Al Jazeera``); a day may stand between
    (``said Thursday the port ...``, ``told CNN on Friday ...``). After a cue
    whose subject is before it (``subject_before``), a name opens the clause
    (``Jane Doe said Basra, despite its wealth, ...``): no speaker follows it; in
    a ``heading`` in title case, whatever the case of the words after it."""
    if not words:
        return None
    first = _after_listener(words) if object_cue else 0
    # 'said: "..."', 'said "..."', 'says, "..."', 'told reporters: "..."'
    for skip in (0, first) if 0 < first < len(words) else (0,):
        gap_start = words[skip - 1].end() if skip else at
        mark = norm.find('"', gap_start, words[skip].start() + 1)
        if mark >= 0 and not norm[gap_start:mark].strip(" :,"):
            return mark
    colon = _colon_quotation(norm, at, words)
    if colon is None:
        colon = _comma_quotation(norm, at, words, first)
    if colon is not None:
        return colon
    first = _after_day(words, first)
    if first >= len(words):
        return None
    before = norm[words[first - 1].end() if first else at : words[first].start()]
    if before.strip():
        return None
    if (
        subject_before
        and words[first].group()[0].isupper()
        and (heading or any(w.group()[0].islower() for w in words[first + 1 :]))
    ):
        return words[first].start()  # not "Kennedy wrote Linick.": a name alone
    if not (subject_before or object_cue or norm[:at].endswith("ing")) and _inverted_speaker(
        norm, at, words
    ):
        return None  # "..., said a senior official.": who said it, not what
    opens = _opens_said(norm, words, first, object_cue, infinitive)
    return words[first].start() if opens else _clause_after_circumstance(norm, words, first)


#: The most words of a phrase of when, where or how between a cue and the subject
#: pronoun that opens what was said (``said in a statement on Thursday they ...``).
_CIRCUMSTANCE_PHRASE_WORDS = 8


def _clause_after_circumstance(norm: str, words: list[regex.Match[str]], first: int) -> int | None:
    """Where what was said starts after a phrase of when, where or how that follows a
    cue (``said in an interview he would not resign``, ``told reporters in Basra
    they had ...``, ``said in a statement on Thursday it will``): a subject pronoun
    in lower case and a finite auxiliary after it (or its contraction: ``she's``),
    within a few words and with no punctuation between; None otherwise (``said at
    the event he attended``)."""
    if first >= len(words) or not _is_circumstance(words[first].group().casefold()):
        return None
    for j in range(first + 1, min(len(words) - 1, first + _CIRCUMSTANCE_PHRASE_WORDS + 1)):
        gap = _ABBREVIATED.sub("", norm[words[j - 1].start() : words[j].start()])
        if any(not (c.isalnum() or c.isspace() or c in "'-") for c in gap):
            return None
        word = words[j].group()
        if word[0].isupper() and word != "I":
            continue
        if _pronoun_clause_follows(norm, words[j : j + 2]):
            return words[j].start()
    return None


#: Words right after a cue that takes a listener that show it has none, so is no speech.
_IDIOM_AFTER_OBJECT_CUE = frozenset({"if", "whether"})


def _inverted_speaker(norm: str, at: int, words: list[regex.Match[str]]) -> bool:
    """Whether the words after a cue verb with no subject before it (at ``at``) name
    its speaker, in lower case, with no finite verb after them: ``..., said a senior
    official.``, ``..., say some councillors, who ...``, ``..., said spokeswoman
    Jane Doe.`` (see :func:`_speaker_after`), not ``said the minister would resign``."""
    if not words or words[0].group()[0].isupper():
        return False
    comma = norm.find(",", at, words[-1].end())
    phrase = [w.group().casefold() for w in words if comma < 0 or w.start() < comma]
    if any(w in _FINITE or w == "to" or _verb_like(w) for w in phrase):
        return False  # "asked a federal judge to block ...": an object, then a clause
    if phrase[0] in _DETERMINERS:
        # An article, then a noun for a person: not "stressed his executive
        # experience", "wrote an op-ed urging Congress".
        return phrase[0] in _ARTICLES and _head_follows(phrase[:_SPEAKER_HEAD_WORDS], False)
    return _speaker_after(norm, at, words[-1].end())


def _opens_said(
    norm: str, words: list[regex.Match[str]], first: int, object_cue: bool, infinitive: bool
) -> bool:
    """Whether ``words[first]``, right after a cue (and its listener), opens what was
    said: a clause opener, a number, a lower-case word that is no preposition or
    adverb, a ``to`` clause where the cue takes one (``vowed to rebuild``, ``vowed
    not to``; after a listener ``told crews to stay``, ``accused the company of``,
    ``described the plan as``), or a name that a verb follows."""
    word = words[first].group()
    folded = word.casefold()
    if folded == "not":
        # "vowed not to raise taxes", but "asked not to be named" is no speech.
        following = words[first + 1].group().casefold() if first + 1 < len(words) else ""
        return infinitive and following == "to"
    to_clause = (folded == "to" and infinitive) or (
        object_cue and first > 0 and folded in _AFTER_LISTENER
    )
    if folded in _CLAUSE_OPENERS or word[0].isdigit() or to_clause:
        return True
    if word[0].islower() and folded not in _NOT_CLAUSE and not folded.endswith("ly"):
        return True
    return (
        _measure_opens(words, first)
        or _name_opens_clause(norm, words, first)
        or _name_goes_on(norm, words, first)
    )


#: Adverbs of measure that open a clause's subject: "said nearly every voter ...".
_MEASURE_ADVERBS = frozenset(
    {"nearly", "almost", "roughly", "approximately", "about", "only", "just", "barely"}
)


def _measure_opens(words: list[regex.Match[str]], i: int) -> bool:
    """Whether ``words[i]`` is an adverb of measure before a number, a determiner or a
    quantifier, so opens the subject of what was said (``said nearly every
    conversation ...``, ``said about half of ...``, ``said only 12 ships ...``;
    not ``said about the plan``)."""
    if words[i].group() not in _MEASURE_ADVERBS or i + 1 >= len(words):
        return False
    following = words[i + 1].group()
    return (
        following[0].isdigit()
        or following in _QUANTIFIERS
        or following in {"half", "every", "each", "a"}
    )


def _name_goes_on(norm: str, words: list[regex.Match[str]], i: int) -> bool:
    """Whether the capitalised words from ``words[i]`` go on as a clause's subject
    rather than ending as a speaker's name: a lower-case word follows them, after a
    plain space, that neither links nor ends a speaker's phrase (``said Trump
    campaign strategists plan``, ``said Clinton's actions in Libya are``; not
    ``said Jane Doe, the minister``, ``said Jane Doe of Acme``, ``said Jane Doe
    late Monday``, ``said Ms. Doe's spokesman``)."""
    if not words[i].group()[0].isupper():
        return False
    j = i + 1
    while j < len(words) and words[j].group()[0].isupper():
        gap = norm[words[j - 1].end() : words[j].start()]
        if gap != " " and not (gap == ". " and len(words[j - 1].group()) <= 4):
            return False
        j += 1
    if j >= len(words) or norm[words[j - 1].end() : words[j].start()] != " ":
        return False
    folded = words[j].group().casefold()
    return not (
        folded in _SPEAKER_GOES_ON
        or folded in _weekdays()
        or folded in _role_nouns()
        or folded in _anonymous_heads()
        or folded.endswith("ly")
    )


#: The most capitalised words of a name that opens a clause after a cue.
_NAME_WORDS = 4


#: The most lower-case words among a clause's opening names before its verb
#: (``said Republican nominee Donald Trump is``, ``said Trump's nomination will``).
_NAME_NOUNS = 2


def _name_opens_clause(norm: str, words: list[regex.Match[str]], i: int) -> bool:
    """Whether the capitalised words from ``words[i]`` open the subject of a clause
    said without ``that``: a finite verb follows them, with nothing but spaces
    (and an abbreviation's full stop) between, and at most a couple of nouns
    among them (``say Democrats are trying``, ``said Obama has never``, ``say
    Braynard represented``, ``said Mr. Obama simply believed``, ``said Republican
    nominee Donald Trump is``, ``said Trump's nomination will``)."""
    if not words[i].group()[0].isupper():
        return False
    nouns = 0
    for j in range(i + 1, min(len(words), i + _NAME_WORDS + _NAME_NOUNS + 1)):
        gap = norm[words[j - 1].end() : words[j].start()]
        if gap == ' "' and words[j - 1].group()[0].isupper():
            return True  # 'said American Jews "know all too well ..."'
        if gap != " " and not (gap == ". " and len(words[j - 1].group()) <= 4):
            return False
        word = words[j].group()
        if word[0].isupper():
            continue
        if _verb_like(word) or word in _FINITE:
            return True
        # A present tense right after a name: "Trump wants" (not "across", "this").
        if j > i and words[j - 1].group()[0].isupper() and _present_tense(word):
            return True
        nouns += 1
        if nouns > _NAME_NOUNS or word in _NOT_CLAUSE or word in _CLAUSE_OPENERS:
            return False
    return False


def _present_tense(word: str) -> bool:
    """A word in ``-s`` that may be a verb's present tense (``wants``; not ``across``)."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


#: The most words between a cue and the colon that introduces its quotation
#: (``said in a statement on Friday: "..."``).
_COLON_WORDS = 8


def _colon_quotation(norm: str, at: int, words: list[regex.Match[str]]) -> int | None:
    """The quotation mark after a colon that ends the few words after a cue at ``at``
    (``tweeted in response: "..."``, ``told reporters on Friday: "..."``), with no
    other stop, semicolon or quotation mark before the colon; else None."""
    for i, w in enumerate(words[:_COLON_WORDS]):
        gap = norm[words[i - 1].end() if i else at : w.start()]
        if ":" in gap:
            return None if i == 0 else _mark_after(norm, gap, w.start())
        if any(c in gap for c in '.;"'):
            return None
    if words and len(words) <= _COLON_WORDS:
        gap = norm[words[-1].end() : words[-1].end() + 4]
        if gap.lstrip().startswith(":"):
            return _mark_after(norm, gap, words[-1].end() + len(gap))
    return None


def _comma_quotation(norm: str, at: int, words: list[regex.Match[str]], first: int) -> int | None:
    """The quotation mark right after a comma that ends a phrase of when, where or how
    after a cue at ``at`` (and its listener, up to ``words[first]``): ``said in an
    interview on Friday, "..."``, ``told reporters in Kelso last week, "..."``; no
    other stop or quotation mark before the comma. None otherwise."""
    if first >= len(words) or not _is_circumstance(words[first].group().casefold()):
        return None
    for i in range(first + 1, min(len(words), first + _COLON_WORDS + 1)):
        gap = norm[words[i - 1].end() : words[i].start()]
        if "," in gap:
            after = gap[gap.index(",") + 1 :].lstrip()
            return words[i].start() - 1 if after == '"' else None
        if any(c in gap for c in '.;:"'):
            return None
    return None


def _is_circumstance(word: str) -> bool:
    """A word (case-folded) that opens a phrase of when, where or how: a preposition
    (``in``, ``at``) or a word of a time (``last``, ``Tuesday``)."""
    return word in _CIRCUMSTANCE_WORDS or word in _weekdays()


def _mark_after(norm: str, gap: str, end: int) -> int | None:
    """The position of the quotation mark in ``gap`` (the text before ``end``), when
    only spaces stand between its colon and the mark."""
    colon = gap.index(":")
    rest = gap[colon + 1 :]
    if rest.strip() == '"':
        return end - len(gap) + colon + 1 + rest.index('"')
    return None


#: The most words of a listener named after a cue (``told The Associated Press``).
_LISTENER_WORDS = 4


def _after_listener(words: list[regex.Match[str]]) -> int:
    """The index of the first word after the listener that opens ``words``: one word
    (``reporters``, ``CNN``), an article and the words of a noun phrase (``the
    port authority``), or a name's capitalised words, with an article or without
    (``the AP``, ``Al Jazeera``)."""
    i = 1 if words[0].group().casefold() in _ARTICLES and len(words) > 1 else 0
    if i and not words[i].group()[0].isupper():
        # "the port authority of ...", "the crowd the port ...": up to what opens
        # what was said.
        j = i + 1
        while j < len(words) and j - i < _LISTENER_WORDS:
            folded = words[j].group().casefold()
            if (
                folded in _AFTER_LISTENER
                or folded in _CLAUSE_OPENERS
                or folded in _WH_WORDS
                or folded == "that"
            ):
                break
            j += 1
        return j
    if not words[i].group()[0].isupper():
        return i + 1
    j = i + 1
    while j < len(words) and j - i < _LISTENER_WORDS and words[j].group()[0].isupper():
        j += 1
    return j


#: Words that open a question said or asked after a listener: "told the crowd how ...".
_WH_WORDS = frozenset({"how", "what", "why", "whether", "if", "where", "when"})


def _after_day(words: list[regex.Match[str]], i: int) -> int:
    """The index after a day named at ``i`` (``Thursday``, ``on Thursday``, ``Thursday
    night``), else ``i``."""
    start = i + 1 if i < len(words) and words[i].group().casefold() == "on" else i
    if start < len(words) and words[start].group().casefold() in _weekdays():
        start += 1
        if start < len(words) and words[start].group().casefold() in _DAY_PARTS:
            start += 1  # "said Tuesday night"
        return start
    return i


@functools.cache
def _weekdays() -> frozenset[str]:
    return frozenset(row[0].casefold() for row in read_rows("weekdays.tsv"))


_ARTICLES = frozenset({"the", "a", "an"})
#: Words that open what was said after a listener: "told crews to stay", "accused
#: the company of hiding losses", "described the plan as a disaster".
_AFTER_LISTENER = frozenset({"to", "of", "as"})


def _content_after(
    norm: str,
    at: int,
    hi: int,
    quotations: list[_Quotation],
    object_cue: bool = False,
    infinitive: bool = False,
    subject_before: bool = False,
    heading: bool = False,
) -> tuple[int, int, QuoteKind] | None:
    """What a cue introduces from ``at``: ``that ...`` (reported), or a quotation or
    a clause (see :func:`_quotation_or_clause`); nothing when a coordinator follows
    the cue at once (``had been reported but at least ...``: the cue ends a clause)."""
    words = list(islice(_WORD.finditer(norm, at, hi), _THAT_WINDOW + 2))
    if words and words[0].group() in _COORDINATORS and not norm[at : words[0].start()].strip():
        return None
    if object_cue and words and words[0].group().casefold() in _IDIOM_AFTER_OBJECT_CUE:
        return None  # "time will tell if ...", "hard to tell whether ...": no listener
    start = _after_that(norm, at, words)
    if start is None:
        start = _quotation_or_clause(
            norm, at, words, object_cue, infinitive, subject_before, heading
        )
        if start is None:
            return _topic_after(norm, at, hi, words)
    while start < hi and norm[start].isspace():
        start += 1
    end = hi
    while end > start and norm[end - 1] in " .":
        end -= 1
    if end <= start:
        return None
    return _content_kind(norm, start, end, quotations)


#: What ends the topic of a cue's ``about``: a clause's punctuation or a coordinator.
_TOPIC_END = regex.compile(r"[,;:()\u2013\u2014]| - | but | and (?=\p{Ll}+ed\b)")


def _topic_after(
    norm: str, at: int, hi: int, words: list[regex.Match[str]]
) -> tuple[int, int, QuoteKind] | None:
    """What was said about, after a cue and ``about`` (``complained about the long
    lines``, ``wrote about the vote in Basra``, ``asked about his plans``), up to the
    clause's punctuation or a coordinator; None after a negation (``did not say
    anything about``) or without ``about`` right after the cue."""
    if len(words) < 2 or words[0].group().casefold() != "about":
        return None
    if norm[at : words[0].start()].strip():
        return None
    before = norm[max(0, at - 40) : at].casefold().split()[-4:-1]
    if any(w in _NEGATIONS or w.endswith("n't") for w in before):
        return None
    start = words[1].start()
    stop = _TOPIC_END.search(norm, start, hi)
    end = _trim_end(norm, start, stop.start() if stop else hi)
    if len(_WORD.findall(norm, start, end)) < 2:
        return None
    return start, end, _kind(norm, start, end)


def _after_that(norm: str, at: int, words: list[regex.Match[str]]) -> int | None:
    """Where the clause after ``that`` starts, when ``that`` is among the first words
    after the cue at ``at`` with no comma, colon or quotation mark before it, and no
    clause begun before it: the words before ``that`` say when, where or to whom
    (``said on Friday that``, ``told reporters that``), while a subject pronoun or
    a finite verb shows that what was said has begun (``say they feel that way``,
    ``said he's unconvinced that``, ``said the plan would resemble that of``)."""
    previous = ""
    for w in words[:_THAT_WINDOW]:
        folded = w.group().casefold()
        if folded == "that":
            # "a coup in that country": after a preposition, no clause opens.
            return None if previous in _OPENING_WORDS else w.end()
        if previous == "to" and folded not in _DETERMINERS and w.group()[0].islower():
            return None  # "urged people to seek shelter that way": a to-clause began
        base = folded.split("'", 1)[0]
        if base in _SUBJECT_PRONOUNS or folded in _FINITE or base in _FINITE:
            return None
        gap = norm[at : w.start()]
        if "," in gap or ":" in gap or '"' in gap or any(dash in gap for dash in _DASHES):
            return None
        previous = folded
    return None


def _content_kind(
    norm: str, start: int, end: int, quotations: list[_Quotation]
) -> tuple[int, int, QuoteKind]:
    """``norm[start:end]`` as said: a quotation that opens there is direct speech, a
    clause with a quotation within its first words mixed, any other indirect."""
    for q in quotations:
        if q.open == start:
            # The whole quotation, though it run on past the sentence ("said: "... . ...").
            return q.start, q.end, QuoteKind.DIRECT
    return start, end, _kind(norm, start, end)


def _sentence_quotes(
    context: _Context, sentence: Span, quotations: list[_Quotation], used: set[int]
) -> list[_Found]:
    """The quotes one sentence attributes, in this order: each ``according to X``'s
    (see :func:`_according`), then each cue verb's (see :func:`_cue_quotes`). A
    quotation opened in an earlier sentence and closed in this one is this one's.

    ``quotations`` are the article's, sorted by their opening mark; ``used`` holds
    the opening marks of those already attributed, and gains the ones this
    sentence attributes.
    """
    lo, hi = sentence
    first = bisect.bisect_left(context.opens, lo)
    last = bisect.bisect_left(context.opens, hi)
    # A quotation of several sentences closes in a later one, with its cue there:
    # "... The planet is in crisis. We need bold action," Sanders said.
    # So does one that ends its own sentence with "?" or "!": "We are not leaving!"
    # Omar Rashid shouted.
    if first > 0 and (
        lo <= quotations[first - 1].close < hi
        or _exclaimed_just_before(context.doc.norm, quotations[first - 1], lo)
    ):
        first -= 1
    inside = [q for q in quotations[first:last] if q.speech]
    found: list[_Found] = []
    for m in _ACCORDING.finditer(context.doc.norm, lo, hi):
        according = _according(context, sentence, m, inside, used)
        if according is not None:
            found.append(according)
    following = quotations[last] if last < len(quotations) else None
    _cue_quotes(context, sentence, inside, used, found, following)
    return found


def _used_as_verb(context: _Context, verb: _Cue, hi: int) -> bool:
    """Whether an ambiguous cue form (``states``, ``read``) is a verb of speech here:
    ``that``, a colon or a quotation mark follows it (``the report states that``,
    ``notes: "..."``), or a pronoun or the name of a person or an organisation
    stands before it and a clause after it (``she notes the port is shut``,
    ``which claims it was sold``, ``Haddad claims the port was sold``; not ``She
    read the report``); a ``to`` form before a to-clause (``pledged to work``; see
    :func:`_noun_before`), and any form before a subject pronoun and its auxiliary
    (``promise they will``). See :func:`_that_clause_follows` for ``that``."""
    norm = context.doc.norm
    after = norm[verb.end : min(hi, verb.end + 8)].lstrip()
    if after[:1] in (":", '"') or after[:2] == ',"':
        return True
    words = list(islice(_WORD.finditer(norm, verb.end, hi), 3))
    first = words[0].group().casefold() if words else ""
    gap_start = verb.end
    if first == "out" and len(words) > 1 and not norm[verb.end : words[0].start()].strip():
        gap_start = words[0].end()
        words, first = words[1:], words[1].group().casefold()  # "points out that"
    if first == "that" and not norm[gap_start : words[0].start()].strip(" "):
        return _that_clause_follows(context, verb, words[1:2], gap_start > verb.end)
    if first == "to" and verb.word in context.lexicon.infinitive_cues and len(words) > 1:
        # "pledged to work together", not "pledged delegates", "pledged to Clinton",
        # "his campaign promise to ...".
        following = words[1].group()
        return (
            following[0].islower()
            and following.casefold() not in _DETERMINERS
            and not (not verb.word.endswith(("ed", "ing")) and _noun_before(norm, verb.start))
        )
    if _pronoun_clause_follows(norm, words):
        return True  # "Candidates promise they will", "Doe claims he's worth"
    if not _clause_follows(norm, verb.end, hi):
        return False
    return _subject_just_before(context, verb)


def _that_clause_follows(
    context: _Context, verb: _Cue, following: list[regex.Match[str]], out: bool
) -> bool:
    """Whether ``that`` after an ambiguous cue form opens a clause, from the word
    ``following`` it: ``the report states that the port ...``, not ``the states that
    precede it`` or ``claims that were denied``. A noun in lower case may open it
    when the cue's subject is a pronoun or a name (``It states that courts ...``)
    or after ``out`` (``points out that wages ...``); a phrase before its comma
    (``experts note that despite the limits, ...``; not ``mention that on the trail``)."""
    if not following:
        return False
    word = following[0].group()
    folded = word.casefold()
    if word[0].isupper() or word[0].isdigit():
        return True
    if folded in _CLAUSE_OPENERS or folded in _SUBJECT_PRONOUNS:
        return True
    if _verb_like(folded):
        return False
    if folded in _OPENING_WORDS:
        end = following[0].end()
        return "," in context.doc.norm[end : end + _OPENING_REACH]
    return out or _subject_just_before(context, verb)


def _pronoun_clause_follows(norm: str, words: list[regex.Match[str]]) -> bool:
    """Whether the words after a cue open a clause with a subject pronoun and a finite
    auxiliary (``they will``, ``he's``): not a noun's relative clause (``the promise
    he made``)."""
    if not words:
        return False
    pronoun, _, contracted = words[0].group().casefold().partition("'")
    if pronoun not in _SUBJECT_PRONOUNS or len(words) < 2:
        return False
    following = words[1].group().casefold()
    if contracted in ("s", "re", "ll"):
        return not _verb_like(following)  # not "the claims he's made"
    return not contracted and following in _FINITE and following not in _PERFECT


#: Auxiliaries of the perfect: after a noun and a pronoun they open a relative clause
#: (``the remarks he had made``).
_PERFECT = frozenset({"had", "has", "have"})
#: How far after a preposition that follows ``that`` its comma is looked for.
_OPENING_REACH = 60


def _noun_before(norm: str, at: int) -> bool:
    """Whether the word at ``at`` ends a noun phrase: a determiner or a possessive one
    word or two before it (``his promise``, ``his oft-stated promise``, ``the
    campaign promise``), no auxiliary or adverb between."""
    words = norm[max(0, at - 40) : at].split()[-2:]
    if not words or not all(w[-1:].isalpha() for w in words):
        return False  # "at the center, calling for"
    last = words[-1].casefold()
    if last in _DETERMINERS or last.endswith(("'s", "s'")):
        return last[:-2] not in _CONTRACTED or not last.endswith("'s")
    if len(words) < 2 or last in _AUXILIARIES or last in _FINITE or last.endswith("ly"):
        return False
    if not last[:1].isalpha() or not last[:1].islower():
        return False
    first = words[0].casefold()
    return first in _DETERMINERS or (first.endswith(("'s", "s'")) and first[:-2] not in _CONTRACTED)


def _subject_just_before(context: _Context, verb: _Cue) -> bool:
    """Whether a pronoun, a relative, or the name of a person or an organisation stands
    just before a cue verb (``she notes``, ``which claims``, ``Haddad claims``)."""
    norm = context.doc.norm
    before = norm[max(0, verb.start - 12) : verb.start].split()
    if before and before[-1].casefold() in _SUBJECT_PRONOUNS | _RELATIVES:
        return True
    k = bisect.bisect_left(context.starts, verb.start) - 1
    if k < 0:
        return False
    mention = context.mentions[k]
    return not norm[mention[1] : verb.start].strip() and context.type_of(mention) in (
        EntityType.PERSON,
        EntityType.ORG,
    )


#: The most words of a clause's subject read for its verb after an ambiguous cue.
_SUBJECT_WORDS = 5


def _clause_follows(norm: str, at: int, hi: int) -> bool:
    """Whether a clause opens at ``at``: a subject pronoun, or a few words then a
    finite verb, before any punctuation (``the port was sold``; not ``the report
    on the flight``)."""
    words = list(islice(_WORD.finditer(norm, at, hi), _SUBJECT_WORDS + 1))
    if not words:
        return False
    if words[0].group().casefold().partition("'")[0] in _SUBJECT_PRONOUNS:
        return True  # "he was", "he's"
    for i, w in enumerate(words[1:], 1):
        if norm[words[i - 1].end() : w.start()].strip():
            return False
        folded = w.group().casefold()
        if folded in _FINITE or _verb_like(folded):
            return True
    return False


def _says_more(norm: str, verb: _Cue, hi: int) -> bool:
    """Whether a cue verb introduces a clause of its own (``said that ...``) rather
    than closing its sentence (``..., she said.``, ``she told reporters on Friday.``)."""
    words = list(islice(_WORD.finditer(norm, verb.end, hi), _AFTER_CUE_WORDS + 1))
    return len(words) > _AFTER_CUE_WORDS or any(w.group().casefold() == "that" for w in words)


def _introduced(
    norm: str, verb: _Cue, hi: int, following: _Quotation | None, used: set[int]
) -> _Quotation | None:
    """The quotation ``following``, opening right after the sentence, when a cue verb
    ending the sentence with a colon (``Jane Doe said:``) introduces it; else None."""
    if (
        following is not None
        and following.speech
        and following.open not in used
        and norm[verb.end : hi].strip() == ":"
        and not norm[hi : following.open].strip()
    ):
        return following
    return None


def _exclaimed_just_before(norm: str, quotation: _Quotation, lo: int) -> bool:
    """Whether ``quotation`` closes with ``?`` or ``!`` just before position ``lo``."""
    return (
        quotation.close <= lo
        and not norm[quotation.close : lo].strip()
        and norm[quotation.start : quotation.end].rstrip(" '")[-1:] in ("?", "!")
    )


def _according(
    context: _Context,
    sentence: Span,
    m: regex.Match[str],
    inside: list[_Quotation],
    used: set[int],
) -> _Found | None:
    """What ``according to X`` (the match ``m``) gives X, the noun phrase after it up
    to the next comma or stop (or a name after a title's comma: see :func:`_phrase_end`):

    - the quotation just before it, only spaces and commas between
      (``"We will not give up," according to Jane Doe.``);
    - when it opens the sentence, what follows the comma after X
      (``According to the ministry, talks resume today.``);
    - set off by commas before the longer part of the sentence, that part
      (``Among the rulings at risk, according to Ms. Doe, are 16 on ...``);
    - otherwise the sentence up to it, or up to the last comma before it
      (``Talks resume today, according to the ministry.``).
    """
    norm = context.doc.norm
    lo, hi = sentence
    np_end = _phrase_end(norm, m.end(), hi, context.lexicon.particles)
    speaker = _speaker(context, m.end(), np_end)
    before = [
        q for q in inside if q.close <= m.start() and norm[q.close : m.start()].strip(" ,") == ""
    ]
    if before:
        q = before[-1]
        used.add(q.open)
        end = _trim_end(norm, q.start, q.end)
        return _Found(q.start, end, QuoteKind.DIRECT, "according to", speaker)
    if m.start() == _skip_space(norm, lo):
        after = norm.find(",", np_end, hi)
        if after < 0:
            return None
        start = _skip_space(norm, after + 1)
        kind = _kind(norm, start, hi)
        return _Found(start, _trim_end(norm, start, hi), kind, "according to", speaker)
    clause = _skip_space(norm, lo)
    after = _skip_space(norm, np_end + 1) if norm[np_end : np_end + 1] == "," else hi
    if len(_WORD.findall(norm, after, hi)) > len(_WORD.findall(norm, clause, m.start())):
        # Set off by commas, before the longer part of the sentence: "Among the
        # rulings at risk, according to Ms. Doe, are 16 on ...", "because, according
        # to Haddad, the port would close".
        return _Found(
            after, _trim_end(norm, after, hi), _kind(norm, after, hi), "according to", speaker
        )
    end = norm.rfind(",", lo, m.start())
    end = end if end > clause else m.start()
    if end <= clause:
        return None
    kind = _kind(norm, clause, end)
    return _Found(clause, _trim_end(norm, clause, end), kind, "according to", speaker)


def _cue_quotes(
    context: _Context,
    sentence: Span,
    inside: list[_Quotation],
    used: set[int],
    found: list[_Found],
    following: _Quotation | None = None,
) -> None:
    """The quotes of each cue verb of ``sentence``, added to ``found`` in turn.

    A quotation just before the verb is what it attributes (``"...," X said``: see
    :func:`_quotation_before` and :func:`_quoted`); otherwise what the verb
    introduces (``X said that ...``: see :func:`_reported`), up to the clause of
    the sentence's next cue verb (``X said that ..., and Y told reporters that
    ...``). A cue verb inside a quotation is part of what was said and gives none.
    """
    norm = context.doc.norm
    lo, hi = sentence
    clause_words = _ClauseWords(norm, hi)
    # A cue inside a quotation is part of what was said: no attribution, and no
    # end to what the cue before it reports ('said, "I think you heard us say it."').
    cues = [
        verb
        for verb in context.cues[
            bisect.bisect_left(context.cues, (lo,)) : bisect.bisect_left(context.cues, (hi,))
        ]
        if not any(q.start <= verb.start < q.end for q in inside)
    ]
    cues = [
        verb for k, verb in enumerate(cues) if k == 0 or not _goes_on(norm, lo, verb, clause_words)
    ]
    closing = _closing_attribution(context, sentence, cues, inside, used, clause_words)
    if closing is not None:
        cues = _reporting_inside(norm, lo, cues, closing, inside, used)
    verbs = [
        not _after_determiner(norm, verb.start)  # a noun: "the claim that", "his remarks"
        and (verb.word not in context.lexicon.ambiguous_cues or _used_as_verb(context, verb, hi))
        for verb in cues
    ]
    for k, verb in enumerate(cues):
        if _after_determiner(norm, verb.start):
            continue
        quotation = _attributed_quotation(norm, sentence, verb, inside, used)
        if quotation is not None:
            found += _quoted(context, sentence, verb, quotation, inside, used)
            continue
        if not verbs[k]:
            continue  # "the three states", "pledged delegates"
        aside = _aside(context, sentence, verb, found, clause_words)
        if aside is not None:
            found.append(aside)
            continue
        if closing is not None and k == len(cues) - 1:
            # "..., the Daily Courier reported late Thursday.": the words after it
            # say when, not what.
            within = [f for f in found if not (lo <= f.start and f.end <= closing)]
            found += _said_after(context, sentence, verb, inside, used, within, clause_words)
            continue
        # A cue form used as a noun ends nothing: "said the decision, which clinics
        # in other states have copied, was wrong".
        later = next(compress(cues[k + 1 :], verbs[k + 1 :]), None)
        content_end = _content_end(norm, sentence, verb, later)
        reported = _reported(
            context, sentence, verb, content_end, inside, used, found, clause_words
        )
        if reported is not None:
            found.append(reported)
        elif verb.word not in context.lexicon.complement_cues:  # "called a meeting": none
            found += _said_otherwise(
                context, sentence, verb, inside, used, found, following, clause_words
            )


#: The most words of an aside's opening before its cue (``As the port board's
#: chairman said``) and between its cue and its comma (``As reported by the Basra
#: Courier on Friday``).
_ASIDE_WORDS = 8


def _aside(
    context: _Context, sentence: Span, verb: _Cue, found: list[_Found], clause_words: _ClauseWords
) -> _Found | None:
    """What an aside that opens a sentence attributes: the rest of the sentence after
    its comma (``As the minister said, the port will reopen.``, ``As reported by the
    Basra Courier, bids closed early.``), its speaker the agent after ``by`` or the
    subject before the cue; None when the sentence opens otherwise."""
    norm = context.doc.norm
    lo, hi = sentence
    words = clause_words.before(lo, verb.start)
    if not words or words[0][2] not in _ASIDES or len(words) > _ASIDE_WORDS:
        return None
    if any(c in ',;:"' for c in norm[words[0][1] : verb.start]):
        return None
    comma = norm.find(",", verb.end, hi)
    if comma < 0 or len(_WORD.findall(norm, verb.end, comma)) > _ASIDE_WORDS:
        return None
    start = _skip_space(norm, comma + 1)
    end = _trim_end(norm, start, hi)
    if len(_WORD.findall(norm, start, end)) < 2:
        return None
    agent = _WORD.match(norm, _skip_space(norm, verb.end))
    if agent is not None and agent.group().casefold() in _AGENTS:
        speaker = _speaker(context, agent.end(), comma)
    elif len(words) > 1:
        speaker = _clause_subject(context, words[1:], verb, _subject(words[1:]))
    else:
        return None  # "As said, ...": no one is named, nor is it an attribution
    return _Found(start, end, _kind(norm, start, end), verb.word, speaker)


def _attributed_quotation(
    norm: str, sentence: Span, verb: _Cue, inside: list[_Quotation], used: set[int]
) -> _Quotation | None:
    """The quotation just before a cue verb that it attributes (see
    :func:`_quotation_before`); not a question that closed the sentence before when
    the verb says more ('"...?" The senator said that ...')."""
    quotation = _quotation_before(norm, verb, inside, used)
    if (
        quotation is not None
        and quotation.close <= sentence.start
        and _says_more(norm, verb, sentence.end)
    ):
        return None
    return quotation


def _said_otherwise(
    context: _Context,
    sentence: Span,
    verb: _Cue,
    inside: list[_Quotation],
    used: set[int],
    found: list[_Found],
    following: _Quotation | None,
    clause_words: _ClauseWords,
) -> list[_Found]:
    """What a cue verb that introduces nothing after it attributes: the quotation of
    the next paragraph after ``He said:`` ending its own, else what was said before
    it (see :func:`_said_after`)."""
    norm = context.doc.norm
    lo, hi = sentence
    introduced = _introduced(norm, verb, hi, following, used)
    if introduced is None:
        return _said_after(context, sentence, verb, inside, used, found, clause_words)
    used.add(introduced.open)
    speaker = _reporter(context, lo, verb, found, clause_words)
    end = _trim_end(norm, introduced.start, introduced.end)
    return [_Found(introduced.start, end, QuoteKind.DIRECT, verb.word, speaker)]


def _reporting_inside(
    norm: str, lo: int, cues: list[_Cue], closing: int, inside: list[_Quotation], used: set[int]
) -> list[_Cue]:
    """The cue verbs of a sentence that an attribution closes at ``closing``: its own,
    and those before it that report something of their own. The others are words of
    what it reports (``Social media has added another link, she noted.``); one with
    a clause of its own reports inside it (``The campaign said the candidate will
    attend, CNN reported.``), as does a question opening the sentence (``Asked if
    ..., the candidate said ...``)."""
    start = _skip_space(norm, lo)
    return [
        verb
        for verb in cues
        if verb.start >= closing
        or verb.start == start
        or _reports_explicitly(norm, verb)
        or _clause_follows(norm, verb.end, closing)
        or _quotation_before(norm, verb, inside, used) is not None
    ]


def _closing_attribution(
    context: _Context,
    sentence: Span,
    cues: list[_Cue],
    inside: list[_Quotation],
    used: set[int],
    clause_words: _ClauseWords,
) -> int | None:
    """Where the attribution that closes a sentence starts, when its last cue verb
    closes it (``..., she noted.``, ``..., the ministry said on Friday.``, ``...,
    said Jane Doe, the minister.``) and reports the words before it: the sentence
    holds no quotation before it and the cue is no participle (``..., saying``).
    None otherwise, or when the sentence has one cue only."""
    if len(cues) < 2:
        return None
    norm = context.doc.norm
    lo, hi = sentence
    verb = cues[-1]
    start = _skip_space(norm, lo)
    clause = _clause_start(norm, lo, verb.start)
    if (
        _quotation_before(norm, verb, inside, used) is not None
        or not _fragments_only(norm, start, clause, inside)
        or not _ends_its_sentence(context, verb, hi)
    ):
        return None
    after = norm[verb.end : hi].rstrip()
    words = clause_words.before(clause, verb.start)
    if not (
        _speaker_phrase(context, _strip_adverbs(words))
        if words
        else _speaker_after(norm, verb.end, hi)
    ):
        # "..., but cautioned", "..., whose leaders have called", "..., recounted the
        # incident on the radio."
        return None
    attribution = _attribution_clause(context, start, clause, verb, hi, inside, [], clause_words)
    if attribution is None:
        return None
    if not attribution[3] and len(_WORD.findall(after)) > _AFTER_CUE_WORDS:
        return None
    if not attribution[3] and "," in after:
        return None  # "The port, he said, will reopen": read as it comes
    if not _more_than_opening(norm, start, attribution[2]):
        return None
    return min(clause, attribution[0])


def _fragments_only(norm: str, start: int, end: int, quotations: list[_Quotation]) -> bool:
    """Whether the quotations that open in ``start..end`` (if any) are quoted words that
    go on with the sentence begun before them (``its votes will carry "great weight"
    and ...``), not quotations that stand as what was said."""
    return all(
        q.open > start and norm[start : q.open].strip() and _goes_on_lower(norm, q.start)
        for q in quotations
        if start <= q.open < end
    )


def _ends_its_sentence(context: _Context, verb: _Cue, hi: int) -> bool:
    """Whether a cue verb and the few words after it end their sentence with a full
    stop, saying when, where or to whom it was said (see
    :func:`_only_circumstance`); not a participle (``..., saying ...``), an
    ambiguous form used otherwise (``..., the two states to vote.``) or a complement
    cue (``called the plan ...``)."""
    if verb.word.endswith("ing"):
        return False  # "..., saying ..."
    if verb.word in context.lexicon.ambiguous_cues and not _used_as_verb(context, verb, hi):
        return False  # "..., the first two states to vote."
    after = context.doc.norm[verb.end : hi].rstrip()
    if not after.endswith(".") or ":" in after or "that" in _WORD.findall(after.casefold()):
        return False
    # "..., Reid said he would not give advice.": a report of its own.
    return verb.word not in context.lexicon.complement_cues and _only_circumstance(
        context, verb, hi
    )


#: Words that open a phrase of when, where or how after a cue verb that closes its
#: sentence (``said on Friday``, ``told reporters in Basra``, ``reported late
#: Thursday``); not those that open what was said (``asked about the plan``).
_CIRCUMSTANCE_WORDS = (_OPENING_WORDS | function_words("date_opener")) - {
    "about",
    "of",
    "as",
    "to",
    "for",
    "that",
    "so",
}


#: Words after a listener that open what was said or asked of them.
_ASKED_OF = _AFTER_LISTENER | {"about", "whether", "if", "for"}


def _only_circumstance(context: _Context, verb: _Cue, hi: int) -> bool:
    """Whether the words after a cue verb up to its sentence's end say only when, where
    or to whom it was said (``..., she said.``, ``..., he told reporters on Friday.``,
    ``..., the paper reported late Thursday.``), or name an inverted speaker (``...,
    said Jane Doe, the minister.``); not an object or a clause of its own (``...,
    Clinton promised a new country.``, ``..., Reid said he would not.``)."""
    norm = context.doc.norm
    words = list(islice(_WORD.finditer(norm, verb.end, hi), _AFTER_CUE_WORDS + 1))
    if not words:
        return True
    if norm[verb.end : words[0].start()].strip(" ") == ",":
        return False  # "..., he said, adding ..."
    if not norm[verb.end : words[0].start()].strip() and _speaker_after(norm, verb.end, hi):
        # "..., said a senior official."; not a listener and what was asked of them
        # ("..., asked a federal judge to block the rules.").
        comma = norm.find(",", verb.end, hi)
        phrase = [w.group().casefold() for w in words if comma < 0 or w.start() < comma]
        return verb.word not in context.lexicon.object_cues and not any(
            w in _ASKED_OF and (k == 0 or phrase[k - 1] not in _NEAR) for k, w in enumerate(phrase)
        )
    i = 0
    if verb.word in context.lexicon.object_cues:
        i = _after_listener(words)
    i = _after_day(words, i)
    if i >= len(words):
        return True
    first = words[i].group().casefold()
    return (
        first in _CIRCUMSTANCE_WORDS
        or first in _weekdays()
        or (first.endswith("ly") and first not in _SUBJECT_PRONOUNS)
    )


#: The most words of a speaker phrase that closes a sentence (``the ministry's
#: spokesman``, ``a senior official``).
_CLOSING_SPEAKER_WORDS = 5


def _speaker_phrase(context: _Context, words: list[_Word]) -> bool:
    """Whether ``words`` are a speaker and nothing else: a pronoun, a person's or an
    organisation's name, or a short noun phrase after a determiner (``the
    ministry``, ``a spokeswoman``)."""
    if not words or len(words) > _CLOSING_SPEAKER_WORDS:
        return False
    first = words[0][2]
    if len(words) == 1 and first in _SUBJECT_PRONOUNS:
        return True
    if first in _DETERMINERS:
        return not any(w[2] in _LINKS or w[2] in _NOT_CLAUSE for w in words[1:])
    # A name, after capitalised words of a title if any: "Mr. Smith", "Foreign
    # Minister Jane Doe".
    norm = context.doc.norm
    for m in context.entities_in(words[0][0], words[-1][1]):
        if m[1] >= words[-1][1] and context.type_of(m) in (EntityType.PERSON, EntityType.ORG):
            return all(norm[w[0]].isupper() for w in words if w[0] < m[0])
    return False


#: The most words read after an inverted cue verb for the head of its speaker.
_SPEAKER_HEAD_WORDS = 4


#: Words after a name that go on with a speaker's phrase (``said Jane Doe of Acme``,
#: ``said Jane Doe, who ...``, ``said Jane Doe and John Roe``, ``said Jane Doe late
#: Monday``).
_SPEAKER_GOES_ON = (
    _OPENING_WORDS | function_words("date_opener") | _RELATIVES | _COORDINATORS | _DAY_PARTS
)


def _speaker_after(norm: str, at: int, hi: int) -> bool:
    """Whether an inverted cue verb (ending at ``at``) names its speaker after it: a
    name (``, said Jane Doe``); a role in lower case before a name (``, said
    lobbyist Jane Doe``, ``, said campaign spokesman Jane Doe``); a noun for a
    person's role or an unnamed source (``, said officials familiar with ...``); or
    a determiner or a quantifier and, within a few words, a name or such a noun
    (``, said a senior official``, ``, say some councillors``); not an object
    (``, recounted the incident``)."""
    found = list(islice(_WORD.finditer(norm, at, hi), _SPEAKER_HEAD_WORDS + _NAME_WORDS))
    words = [w.group() for w in found[:_SPEAKER_HEAD_WORDS]]
    if not words:
        return False
    if words[0][0].isupper():
        return not _name_goes_on(norm, found, 0)
    first = words[0].casefold()
    if first in _DETERMINERS:
        return _head_follows(words, names=True)
    if any(w.group().casefold() in _FINITE for w in found):
        return False  # "said one candidate he likes is ...": a clause of its own
    if first in _QUANTIFIERS:
        return _head_follows(words, names=False)
    return _is_head(first) or _role_before_name(norm, found)


def _head_follows(words: list[str], names: bool) -> bool:
    """Whether, after the first of ``words`` and before any preposition, a noun for a
    person's role or an unnamed source comes, or with ``names`` a capitalised word."""
    for word in words[1:]:
        if word.casefold() in _OPENING_WORDS:
            return False  # "the incident on Aaron's show": a preposition first
        if (names and word[0].isupper()) or _is_head(word.casefold()):
            return True
    return False


#: The most lower-case words of a role before a name (``campaign spokesman Jane Doe``).
_ROLE_BEFORE_NAME_WORDS = 2


def _role_before_name(norm: str, found: list[regex.Match[str]]) -> bool:
    """Whether the words after an inverted cue are a role in lower case, then a name
    (``lobbyist Jane Doe``): at most ``_ROLE_BEFORE_NAME_WORDS`` lower-case words that
    are no preposition or verb, then a capitalised word that ends no clause."""
    for i, word in enumerate(found[: _ROLE_BEFORE_NAME_WORDS + 1]):
        text = word.group()
        if text[0].isupper():
            return i > 0 and not _name_goes_on(norm, found, i)
        folded = text.casefold()
        if folded in _OPENING_WORDS or folded in _DETERMINERS or folded in _SUBJECT_PRONOUNS:
            return False
        if _verb_like(folded) or folded.endswith("ing") or _present_tense(folded):
            return False  # "said he expects Obama to ...", "said having Trump ...": verbs
    return False


def _is_head(word: str) -> bool:
    """A noun (case-folded) for a person's role or an unnamed source, or its plural
    (``spokeswoman``, ``officials``, ``councillors``)."""
    heads = _role_nouns() | _anonymous_heads()
    return word in heads or (word.endswith("s") and word[:-1] in heads)


def _reports_explicitly(norm: str, verb: _Cue) -> bool:
    """Whether a cue verb's own complement opens right after it: ``that``, a colon or
    a quotation mark."""
    after = norm[verb.end : verb.end + 8].lstrip()
    if after[:1] in (":", '"'):
        return True
    word = _WORD.match(after)
    return word is not None and word.group().casefold() == "that"


def _goes_on(norm: str, lo: int, verb: _Cue, clause_words: _ClauseWords) -> bool:
    """Whether a cue verb after the sentence's first goes on with what the one before
    it reports rather than opening an attribution: its clause holds nothing but a
    negation before it (``said the U.S. should stand with Israel, not declare
    neutrality``)."""
    clause = _clause_start(norm, lo, verb.start)
    if clause <= lo:
        return False
    words = _strip_adverbs(clause_words.before(clause, verb.start))
    return bool(words) and all(w[2] in _NEGATIONS for w in words)


def _content_end(norm: str, sentence: Span, verb: _Cue, next_cue: _Cue | None) -> int:
    """Where what a cue verb reports ends: at the sentence's end, or where the clause
    of the sentence's next cue verb begins (``said that the port would close, and
    the minister told reporters that ...``, ``said the port was closed and added
    that ...``)."""
    if next_cue is None:
        return sentence.end
    joined = _coordinated(norm, verb.end, next_cue.start)
    if joined is not None:
        return joined
    next_clause = _clause_start(norm, sentence.start, next_cue.start)
    return next_clause if next_clause > verb.end else sentence.end


#: The most words between a cue verb and its sentence's end (or the comma that
#: goes on) where the verb closes what was said: "..., she said in a statement on
#: Friday." Longer, the words are a clause of their own.
_AFTER_CUE_WORDS = 8


_DETERMINERS = function_words("determiner")


def _after_determiner(norm: str, at: int) -> bool:
    """Whether the word before position ``at`` is a determiner or a possessive
    (``the claim``, ``his remarks``, ``the centre's report``)."""
    before = norm[max(0, at - 24) : at]
    if not before[-1:].isspace():
        return False
    words = before.split()
    word = words[-1].casefold() if words else ""
    if word[:-2] in _CONTRACTED and word.endswith("'s"):
        return False  # "who's called for", "she's said": is or has, not a possessive
    return word in _DETERMINERS or word.endswith(("'s", "s'"))


#: Words whose ``'s`` is ``is`` or ``has``, not a possessive: ``who's called for``.
_CONTRACTED = _SUBJECT_PRONOUNS | frozenset({"who", "there", "what", "here", "where"})


def _said_after(
    context: _Context,
    sentence: Span,
    verb: _Cue,
    inside: list[_Quotation],
    used: set[int],
    found: list[_Found],
    clause_words: _ClauseWords,
) -> list[_Found]:
    """What was said before its attribution: ``The port will reopen, the minister
    said.``, ``..., Jane Doe told reporters on Friday.``, ``..., said Jane Doe, the
    minister.``, ``..., a spokeswoman, Jane Doe, said.``, and both parts of ``The
    port, he said, will reopen.``

    The attribution is a short clause after a comma (see
    :func:`_attribution_clause`): a noun phrase and the verb, then at most a few
    words (when, where, to whom) to the sentence's end or to a comma and the rest
    of what was said; or the verb and its speaker after it. What was said may hold
    commas and a subordinate clause (``Since the vote, the port has been quiet, she
    said.``). Nothing when the sentence holds a quotation or is attributed
    otherwise."""
    norm = context.doc.norm
    lo, hi = sentence
    start = _skip_space(norm, lo)
    clause = _clause_start(norm, lo, verb.start)
    attribution = _attribution_clause(context, start, clause, verb, hi, inside, found, clause_words)
    if attribution is None:
        return []
    subject_start, subject_end, content_end, inverted = attribution
    # What was said before the attribution must be more than an opening phrase
    # ("In a statement, she said"); with the rest of the sentence after it, the
    # rest is what was said ("Over the years, she said, email has helped her").
    pieces = [(start, content_end)] if _more_than_opening(norm, start, content_end) else []
    if not pieces and inverted:
        return []
    if not inverted:
        rest_comma = norm.find(",", verb.end, hi)
        last = rest_comma if rest_comma >= 0 else hi
        if len(_WORD.findall(norm, verb.end, last)) > _AFTER_CUE_WORDS:
            return []
        if rest_comma >= 0:
            after = _skip_space(norm, rest_comma + 1)
            if _WORD.match(norm, after) is None:
                return []
            pieces.append((after, hi))
    if not pieces:
        return []
    speaker = _speaker(context, subject_start, subject_end)
    kept = _said_pieces(norm, pieces, inside, used)
    if not kept:
        return []
    # "The port, he said, will reopen.": one statement that its attribution splits
    # is one quote of two parts.
    kinds = {_kind(norm, s, e) for s, e in kept}
    kind = kinds.pop() if len(kinds) == 1 else QuoteKind.MIXED
    quote = _Found(kept[0][0], kept[-1][1], kind, verb.word, speaker)
    if len(kept) > 1:
        quote.parts.extend(kept)
    return [quote]


def _said_pieces(
    norm: str, pieces: list[tuple[int, int]], inside: list[_Quotation], used: set[int]
) -> list[tuple[int, int]]:
    """The pieces of what was said around an attribution, trimmed, that hold two words
    or more; the quotations in them count as used."""
    kept = []
    for piece_start, piece_end in pieces:
        end = _trim_end(norm, piece_start, piece_end)
        if len(_WORD.findall(norm, piece_start, end)) < 2:
            continue
        kept.append((piece_start, end))
        used.update(q.open for q in inside if piece_start <= q.open < end)
    return kept


#: The most words after an inverted cue to the sentence's end: the speaker and a
#: role (``..., said Jane Doe, director of the Basra Port Authority.``).
_INVERTED_WORDS = 20


def _attribution_clause(
    context: _Context,
    start: int,
    clause: int,
    verb: _Cue,
    hi: int,
    inside: list[_Quotation],
    found: list[_Found],
    clause_words: _ClauseWords,
) -> tuple[int, int, int, bool] | None:
    """The attribution of what was said around a cue verb (see :func:`_said_after`),
    as its speaker's span, the end of what was said, and whether the speaker
    follows the verb; None when the words before the verb are no attribution:

    - the clause after the last comma before the verb (``, the minister said``),
      its subject widened to whole mentions;
    - with the verb right after the comma, the noun phrase after the verb
      (``, said Jane Doe, the minister``), or else an apposition of the commas
      before (``, a spokeswoman, Jane Doe, said``)."""
    norm = context.doc.norm
    if clause <= start or norm[clause - 1] != ",":
        return None
    if not _fragments_only(norm, start, verb.start, inside):
        return None  # quotations: read otherwise
    if any(f.start < clause and f.end > start for f in found):
        return None
    content_end, inverted = clause - 1, False
    words = clause_words.before(clause, verb.start)
    if words:
        if words[0][2] in _RELATIVES:
            return None  # "A port official, who asked ...": the official is no speech
        subject = _subject(words)
        if subject is None or subject[0] != words[0][0]:
            return None
        subject = _cover_mentions(context, *subject, verb.start)
    else:
        after_end = _phrase_end(norm, verb.end, hi, context.lexicon.particles)
        after = _WORD.match(norm, _skip_space(norm, verb.end))
        if (
            after is not None
            and after.start() < after_end
            and (
                after.group()[0].isupper()
                or after.group().casefold() in _DETERMINERS
                or _speaker_after(norm, verb.end, hi)
            )
            and len(_WORD.findall(norm, verb.end, hi)) <= _INVERTED_WORDS
            and not _name_goes_on(norm, list(islice(_WORD.finditer(norm, after.start(), hi), 8)), 0)
        ):
            subject, inverted = (after.start(), after_end), True
        else:
            comma = _apposition_before(norm, start, clause - 1)
            if comma is None:
                return None
            subject, content_end = (_skip_space(norm, comma + 1), clause - 1), comma
    return subject[0], subject[1], content_end, inverted


#: The most words of each part of an apposition before an attribution's verb.
_APPOSITION_PART_WORDS = 10


def _apposition_before(norm: str, start: int, comma: int) -> int | None:
    """The comma that opens the apposition ending at ``comma`` just before a cue verb
    (``, a spokeswoman, Jane Doe, said``; ``, Jane Doe, the minister, said``): two
    short noun phrases back, else one, opening with a capital or a determiner, with
    what was said before it; None when there is none."""
    first = norm.rfind(",", start, comma)
    second = norm.rfind(",", start, first) if first > start else -1
    for opening in (second, first):
        if opening <= start:
            continue
        parts = norm[opening + 1 : comma].split(",")
        if any(len(_WORD.findall(part)) > _APPOSITION_PART_WORDS for part in parts):
            continue
        word = _WORD.search(norm, opening + 1, comma)
        if word is None or not (
            word.group()[0].isupper() or word.group().casefold() in _DETERMINERS
        ):
            continue
        if len(_WORD.findall(norm, start, opening)) >= 2:
            return opening
    return None


#: The fewest words of what was said that opens with a preposition and holds a
#: comma (``In all, though, the talks will go on, she said.``), so that an opening
#: phrase alone (``In a statement, she said``) is none.
_OPENING_PHRASE_WORDS = 6


def _more_than_opening(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]``, before an attribution, is what was said, not an
    opening phrase of a preposition (``In a statement``, ``On Friday``)."""
    opening = _WORD.match(norm, start)
    if opening is None:
        return False
    first = opening.group().casefold()
    if first not in _OPENING_WORDS:
        return True
    if "," in norm[start:end] and len(_WORD.findall(norm, start, end)) >= _OPENING_PHRASE_WORDS:
        return True
    return first not in _SUBORDINATORS and _finite_in(norm, opening.end(), end)


def _finite_in(norm: str, start: int, end: int) -> bool:
    """Whether the words of ``norm[start:end]`` hold a finite auxiliary before any
    relative pronoun, subordinator or clause subject: a phrase that opens with a preposition is then
    a clause of its own (``About 200 people have left, officials said``), not an
    opening phrase (``In a statement that was released on Friday, ...``)."""
    for word in _WORD.finditer(norm, start, end):
        folded = word.group().casefold()
        if folded in _RELATIVES or folded in _SUBORDINATORS or folded in _CLAUSE_SUBJECTS:
            return False  # "On his claim there are ...": a clause inside the phrase
        if folded in _FINITE:
            return True
    return False


#: Words that open a clause as its subject: ``there are``, ``he is``.
_CLAUSE_SUBJECTS = _SUBJECT_PRONOUNS | function_words("existential")


# A full stop of an abbreviation or an initial (``Mr.``, ``Sen.``, ``J.``, ``U.S.``).
_ABBREVIATED = regex.compile(r"\b(?:\p{L}\.){1,3}|\b\p{Lu}\p{Ll}{0,3}\.")


def _quotation_before(
    norm: str, verb: _Cue, inside: list[_Quotation], used: set[int]
) -> _Quotation | None:
    """The quotation a cue verb after it attributes (``"...," he said``, ``"...," said
    Jane Doe``, ``"...," Jane Doe said``): the last one, not yet used, that closes
    before the verb with at most eight words and none of ``.;:"`` between them
    (an abbreviation's full stop aside: ``"...," Mr. Haddad said``)."""
    before = [
        q
        for q in inside
        if q.close <= verb.start
        and q.open not in used
        and (
            _attribution_between(norm[q.close : verb.start])
            or _tail_before(norm, q, verb) is not None
        )
    ]
    return before[-1] if before else None


def _attribution_between(between: str) -> bool:
    """Whether the text between a quotation and a cue verb after it may name its
    speaker: at most eight words (``"...," the minister told reporters``), or a name
    with an apposition (``"...," Jane Doe, an analyst at Acme Capital in New York,
    told me``), with none of ``.;:"`` (an abbreviation's full stop aside)."""
    if any(c in _ABBREVIATED.sub("", between) for c in '.;:"'):
        return False
    words = between.split()
    if len(words) <= 8:
        return True
    return (
        len(words) <= _APPOSITION_WORDS
        and ", " in between.strip(" ,")
        and between.count(",") <= _APPOSITION_COMMAS + 1
        and words[0].strip(",")[:1].isupper()
    )


#: The most words of what was said after a quotation, before its attribution
#: (``"..." if she does not win by a wide margin, said Jane Doe``).
_TAIL_WORDS = 30


def _tail_before(norm: str, quotation: _Quotation, verb: _Cue) -> int | None:
    """Where the attribution starts between a quotation and its cue verb, when what
    was said goes on after the quotation up to a comma (``"The court expresses no
    view on the merits" of the case, the opinion said``, ``"..." because she would
    widen her lead, he said``): the quotation ends with no punctuation of its own,
    lower-case words follow it, and at most eight words follow the comma; None
    otherwise."""
    if norm[quotation.start : quotation.end].rstrip()[-1:] in (",", "?", "!", "."):
        return None
    first = _WORD.search(norm, quotation.close, verb.start)
    comma = norm.rfind(",", quotation.close, verb.start)
    if first is None or comma < first.end() or not first.group()[0].islower():
        return None
    if norm[quotation.close : first.start()].strip():
        return None
    if len(_WORD.findall(norm, comma, verb.start)) > 8:
        return None
    if len(_WORD.findall(norm, quotation.close, comma)) > _TAIL_WORDS:
        return None
    if any(c in _ABBREVIATED.sub("", norm[quotation.close : verb.start]) for c in '.;:"'):
        return None
    return comma + 1


def _quoted(
    context: _Context,
    sentence: Span,
    verb: _Cue,
    quotation: _Quotation,
    inside: list[_Quotation],
    used: set[int],
) -> list[_Found]:
    """Direct speech before its cue verb, and the rest of it when the attribution
    splits it (``"We will not," he said, "give up."``: see :func:`_continuation`);
    mixed speech when the sentence leads into the quotation with words of its own
    (``The port "will reopen soon," the minister said.``: see :func:`_lead_in`).

    The speaker is the phrase between the quotation and the verb (``"...," Jane Doe
    said``) or, with nothing there, the phrase after the verb up to the sentence's
    end at most (``"...," said Jane Doe``).
    """
    norm = context.doc.norm
    hi = sentence.end
    after_end = _phrase_end(norm, verb.end, hi, context.lexicon.particles)
    tail = _tail_before(norm, quotation, verb)
    attribution = quotation.close if tail is None else tail
    if norm[attribution : verb.start].strip(" ,"):
        speaker = _speaker(context, attribution, verb.start)
    else:
        speaker = _speaker(context, verb.end, after_end)
    used.add(quotation.open)
    end = _trim_end(norm, quotation.start, quotation.end)
    lead = _lead_in(context, sentence.start, quotation)
    if lead is not None or tail is not None:
        # 'The port "will reopen soon," the minister said.', '"The court expresses
        # no view" on the case, the opinion said.': what was said holds the quotation.
        start = quotation.open if lead is None else lead
        end = _trim_end(norm, start, quotation.close if tail is None else tail - 1)
        found = [_Found(start, end, QuoteKind.MIXED, verb.word, speaker)]
    else:
        found = [_Found(quotation.start, end, QuoteKind.DIRECT, verb.word, speaker)]
    rest = _continuation(norm, verb, after_end, inside, used)
    if rest is not None:
        used.add(rest.open)
        end = _trim_end(norm, rest.start, rest.end)
        found.append(_Found(rest.start, end, QuoteKind.DIRECT, verb.word, speaker))
    return found


#: The fewest words of a sentence's own before a quotation that make them part of what
#: was said (``But Mr. Kim's "execution has been challenged," he said``); one word
#: (``But "...," he said``) is a link, not what was said.
_LEAD_IN_WORDS = 2


def _goes_on_lower(norm: str, at: int) -> bool:
    """Whether the quotation whose words start at ``at`` goes on with a sentence begun
    before it: its first letter is lower case (``The port "will reopen"``, not ``As
    for the port, "It will reopen"``)."""
    first = _WORD.search(norm, at, min(len(norm), at + 40))
    return first is not None and first.group()[0].islower()


def _lead_in(context: _Context, lo: int, quotation: _Quotation) -> int | None:
    """Where the words that lead into a quotation start, when the sentence opens with
    words of its own that the quotation completes (``The port "will reopen soon,"
    the minister said.``, ``America needs leaders "who understand ...," she said.``):
    at least two words, no other quotation mark and no cue verb of their own
    (``He said the port "will reopen," she added`` reads otherwise); None when the
    quotation opens the sentence."""
    norm = context.doc.norm
    start = _skip_space(norm, lo)
    if not _goes_on_lower(norm, quotation.start):
        return None  # 'As for the plan, "I write it off," he said': a sentence of its own
    if norm[start : quotation.open].rstrip()[-1:] in (":", "-", "\u2014", "\u2013", "("):
        return None  # "He had a message: "...," ...": the quotation stands alone
    return start if _words_of_its_own(context, start, quotation.open, fragments=True) else None


def _words_of_its_own(context: _Context, start: int, end: int, fragments: bool = False) -> bool:
    """Whether ``start..end`` holds words a sentence says before a quotation: at least
    ``_LEAD_IN_WORDS`` words and no cue verb; no quotation mark, or, with
    ``fragments``, only quoted words that go on with the sentence (``its votes will
    carry "great weight" and bring bidders the "firepower" they need``)."""
    norm = context.doc.norm
    if not start < end:
        return False
    marks = [i for i in range(start, end) if norm[i] == '"']
    if marks and not (
        fragments
        and len(marks) % 2 == 0
        and all(_goes_on_lower(norm, mark + 1) for mark in marks[::2])
    ):
        return False
    if len(_WORD.findall(norm, start, end)) < _LEAD_IN_WORDS:
        return False
    cues = context.cues
    k = bisect.bisect_left(cues, (start,))
    return not (k < len(cues) and cues[k].start < end)


def _continuation(
    norm: str, verb: _Cue, after_end: int, inside: list[_Quotation], used: set[int]
) -> _Quotation | None:
    """The quotation that goes on after a cue verb (``he said, "give up."``): the first
    one not yet used that opens after the verb, six spaces on at most, when nothing
    but spaces and commas stand between the verb's phrase (ending at ``after_end``)
    and its mark."""
    for nxt in inside:
        if (
            nxt.open > verb.end
            and nxt.open not in used
            and norm[verb.end : nxt.open].count(" ") <= 6
        ):
            return nxt if norm[after_end : nxt.open].strip(" ,") == "" else None
    return None


def _reported(
    context: _Context,
    sentence: Span,
    verb: _Cue,
    content_end: int,
    inside: list[_Quotation],
    used: set[int],
    found: list[_Found],
    clause_words: _ClauseWords,
) -> _Found | None:
    """What a cue verb introduces, up to ``content_end`` (``X said that ...``, ``X told
    reporters: "..."``, ``X said the port would reopen``: see :func:`_content_after`),
    with its speaker (see :func:`_reporter`); None when it introduces nothing. The
    quotations in it count as used."""
    norm = context.doc.norm
    folded = verb.word.casefold()
    object_cue = folded in context.lexicon.object_cues
    infinitive = folded in context.lexicon.infinitive_cues
    if folded in context.lexicon.complement_cues:
        if _passive_before(norm, verb.start):
            return None  # "has been called", "a website called ..."
        content = _complement_after(norm, verb.end, content_end)
    else:
        # "Jane Doe said Basra ...": a name after a cue with its subject is said.
        plain = not (object_cue or infinitive)
        clause = _clause_start(norm, sentence.start, verb.start)
        subject_before = plain and bool(norm[clause : verb.start].strip(' "'))
        content = _content_after(
            norm,
            verb.end,
            content_end,
            inside,
            object_cue,
            infinitive,
            subject_before,
            context.in_title_case(verb.start),
        )
    if content is None:
        return None
    start, end, kind = content
    # "Ministers have been accused of ...": the subject of a passive is no speaker.
    passive = (object_cue or folded.endswith("ed")) and _passive_before(norm, verb.start)
    speaker = None if passive else _reporter(context, sentence.start, verb, found, clause_words)
    if speaker is not None and _non_restrictive(norm, speaker, sentence.start):
        # "Haddad, who claims the port was sold, resigned": the clause ends at its comma.
        comma = _clause_comma(norm, start, end)
        if comma > start:
            end = comma
            kind = _kind(norm, start, end) if kind is not QuoteKind.DIRECT else kind
    for q in inside:
        if start - 1 <= q.open < end:
            used.add(q.open)
    quotation = next((q for q in inside if q.start == start), None)
    if kind is QuoteKind.DIRECT and quotation is not None and _goes_on_lower(norm, start):
        lead = _lead_before_attribution(context, sentence.start, verb, clause_words)
        if lead is not None:
            # 'The port, he said, "will reopen."': one statement in two parts.
            rest = (quotation.open, _trim_end(norm, quotation.open, quotation.close))
            return _Found(lead[0], rest[1], QuoteKind.MIXED, verb.word, speaker, [lead, rest])
    return _Found(start, _trim_end(norm, start, end), kind, verb.word, speaker)


def _clause_comma(norm: str, start: int, end: int) -> int:
    """The first comma in ``start..end`` that is no thousands separator (``20,000``), or -1."""
    comma = norm.find(",", start, end)
    while 0 < comma < end - 1 and norm[comma - 1].isdigit() and norm[comma + 1].isdigit():
        comma = norm.find(",", comma + 1, end)
    return comma


def _lead_before_attribution(
    context: _Context, lo: int, verb: _Cue, clause_words: _ClauseWords
) -> tuple[int, int] | None:
    """The words of what was said before an attribution set off by commas, when a
    quotation follows it (``The port, he said, "will reopen."``, ``No name change,
    he said, "hides what it really is."``): the sentence's words before the comma,
    at least two, with no quotation mark or cue verb, and more than an opening
    phrase (``After the meeting, he said, "..."`` has none); the attribution is a
    subject and the verb."""
    norm = context.doc.norm
    start = _skip_space(norm, lo)
    clause = _clause_start(norm, lo, verb.start)
    if not start < clause - 1 or norm[clause - 1] != ",":
        return None
    words = clause_words.before(clause, verb.start)
    if not words or words[0][2] in _LINKS:
        return None
    subject = _subject(words)
    if subject is None or subject[0] != words[0][0]:
        return None
    end = _trim_end(norm, start, clause - 1)
    if not (_words_of_its_own(context, start, end) and _more_than_opening(norm, start, end)):
        return None
    return start, end


#: The most words between a complement cue and the quotation that names its object
#: (``called the long lines at the polls "unacceptable"``), and of a complement
#: after an object pronoun (``calling him a liar``).
_COMPLEMENT_WORDS = 6
_CUE_PREPOSITIONS = function_words("cue_preposition")
_OBJECT_PRONOUNS = function_words("object_pronoun")
#: Words before a participle that make it passive: "has been called", "was dubbed".
_PASSIVE = function_words("passive")


def _passive_before(norm: str, at: int) -> bool:
    """Whether the word before ``at`` makes a participle there passive (``has been
    called``), or it follows a noun without a subject (``a website called ...``)."""
    words = norm[max(0, at - 24) : at].split()
    if not words:
        return False
    if words[-1].casefold() in _DETERMINERS:
        return True
    # "is calling for": a progressive, not a passive.
    verb = _WORD.match(norm, at)
    progressive = verb is not None and verb.group().casefold().endswith("ing")
    return words[-1].casefold() in _PASSIVE and not progressive


def _complement_after(norm: str, at: int, hi: int) -> tuple[int, int, QuoteKind] | None:
    """What a complement cue at ``at`` reports, up to ``hi``: after ``for`` or ``on``
    (``called for talks``, ``called on crews to stay``), an object and the quotation
    that names it (``called the plan "a disaster"``), or an object pronoun and a
    short phrase (``calling him a liar``); None for anything else (``called a
    meeting``)."""
    words = list(islice(_WORD.finditer(norm, at, hi), _COMPLEMENT_WORDS + 2))
    if not words or norm[at : words[0].start()].strip():
        return None
    start = words[0].start()
    first = words[0].group().casefold()
    if first in _CUE_PREPOSITIONS:
        if len(words) < 2:
            return None
        start, end = words[1].start(), _trim_end(norm, words[1].start(), hi)
        return (start, end, _kind(norm, start, end)) if end > start else None
    mark = norm.find('"', at, hi)
    # The object may hold an abbreviation and an apposition: 'called Mrs. Doe, the
    # minister, a "hawk"'.
    between = _ABBREVIATED.sub("", norm[at:mark]) if mark >= 0 else ""
    if (
        mark >= 0
        and len(_WORD.findall(norm, at, mark)) <= _COMPLEMENT_WORDS
        and not any(c in between for c in ".;:")
        and between.count(",") in (0, 2)
    ):
        close = norm.find('"', mark + 1, hi)
        if close > mark:
            return start, close + 1, QuoteKind.MIXED
    if first in _OBJECT_PRONOUNS:
        stop = regex.search(r"[,.;:!?\n]", norm[at:hi])
        end = at + stop.start() if stop else hi
        if 2 <= len(_WORD.findall(norm, start, end)) <= _COMPLEMENT_WORDS:
            return start, _trim_end(norm, start, end), _kind(norm, start, end)
    return None


def _non_restrictive(norm: str, speaker: FoundSpeaker, lo: int) -> bool:
    """Whether the speaker is a relative pronoun after a comma that interrupts the
    sentence's subject (``Haddad, who claims the port was sold, resigned``), so that
    the clause ends at its next comma. After a verb, the clause runs on to the
    sentence's end (``Trump outdid Cruz, who said he would use it sparingly, in
    emergencies``)."""
    if not (
        norm[speaker.start : speaker.end].casefold() in _RELATIVES
        and norm[max(0, speaker.start - 2) : speaker.start] == ", "
    ):
        return False
    before = (w.group().casefold() for w in _WORD.finditer(norm, lo, speaker.start))
    return not any(_verb_like(w) or (len(w) > 4 and w.endswith("ing")) for w in before)


def _reporter(
    context: _Context, lo: int, verb: _Cue, found: list[_Found], clause_words: _ClauseWords
) -> FoundSpeaker | None:
    """Who speaks through a cue verb of the sentence starting at ``lo``: the subject of
    its clause (``The minister also told reporters that ...``: see :func:`_subject`),
    widened to a whole entity mention; or, for a participle after a comma
    (``..., explaining that ...``), the last speaker ``found`` in the sentence, else
    the entity that opens it."""
    norm = context.doc.norm
    clause = _clause_start(norm, lo, verb.start)
    words = clause_words.before(clause, verb.start)
    if _shares_subject(context, lo, verb, words):
        return _shared_subject(context, lo, verb, [], found)
    if _coordinated(norm, lo, verb.start) is not None:
        shared = _shared_subject(context, lo, verb, [], found)  # "... and added that"
        if shared is not None:
            return shared
    if words and words[0][2] in _LINKS and not (clause == lo and words[0][2] in _RELATIVES):
        # (A sentence's first "That" is a demonstrative: "That is why critics say".)
        return _linked_reporter(context, lo, clause, verb, words, found)
    words = _without_auxiliaries(norm, words)
    kept = _strip_adverbs(words)
    if verb.word.endswith("ing") and kept and kept[-1][2] in _OPENING_WORDS:
        # "..., perhaps by arguing that", "quit before announcing".
        return _participle_subject(context, lo, clause, verb, kept[:-1], found)
    # Only adverbs after a comma ("Doe, exasperated, famously responded"): no subject
    # of its own ("Kelly responded" is one).
    adverbs_only = all(
        w[2] in _AUXILIARIES or (w[2].endswith("ly") and norm[w[0]].islower()) or _is_when(norm, w)
        for w in words
    )
    # A clause after a comma that opens with a verb has the subject before the comma:
    # "Jane Doe, a spokeswoman, issued a statement saying", "..., have both urged".
    predicate = clause > lo and _opens_predicate(norm, words)
    subject = (
        None if (adverbs_only and words) or predicate else _subject(_without_when(norm, words))
    )
    if _links_within(words, subject):
        # "Filing closed, a deadline that county officials said went unnoticed",
        # "Roe was out when a member of the family suggested": the link's clause.
        return _linked_reporter(context, lo, clause, verb, words, found)
    if subject is None and clause > lo and (adverbs_only or predicate):
        # "Jane Doe, a spokeswoman, said", "Doe, exasperated, famously responded"
        subject = _apposed_subject(norm, lo, clause - 1, clause_words)
    return _clause_subject(context, words, verb, subject)


def _without_auxiliaries(norm: str, words: list[_Word]) -> list[_Word]:
    """A clause's words before its cue verb without the adverbs and auxiliaries that
    open them (``Later the spokeswoman said``, ``Nor have they warned``) and the
    modals and adverbs in lower case that end them (``Mill owners will tell``, ``The
    campaign has long maintained``; not ``George Will said``)."""
    while len(words) > 1 and words[0][2] in _AUXILIARIES and words[0][2] not in _FINITE:
        words = words[1:]
    while (
        len(words) > 1
        and (words[-1][2] in _MODALS or words[-1][2] in _PLAIN_ADVERBS)
        and norm[words[-1][0]].islower()
    ):
        words = words[:-1]
    if len(words) > 1 and words[0][2] in _FINITE and words[1][2] in _SUBJECT_PRONOUNS:
        words = words[1:]  # the subject after its auxiliary
    return words


def _shares_subject(context: _Context, lo: int, verb: _Cue, words: list[_Word]) -> bool:
    """Whether a cue verb has the subject of the sentence's main clause, not one of
    its own: a participle after a comma (``..., explaining that ...``), or a verb in a
    clause that a participle opens (``..., refusing to concede that``, ``Continuing
    to explain his view, Doe ...``): the participle is no speaker."""
    norm = context.doc.norm
    if verb.word.endswith("ing") and norm[lo : verb.start].rstrip(' "').endswith(","):
        return True
    if len(words) == 1 and words[0][2] == "to" and norm[lo : words[0][0]].rstrip().endswith(","):
        return True  # "..., to tell everyone how ...": the subject of the verb before
    if not words or not _is_participle(context, words[0][0], words[0][2]):
        return False
    # Only "to", auxiliaries and adverbs between them: "refusing to concede", not
    # "holding a call after her campaign said", "Leading Democrats say".
    return all(w[2] == "to" or w[2] in _AUXILIARIES or w[2].endswith("ly") for w in words[1:])


def _is_participle(context: _Context, start: int, word: str) -> bool:
    """Whether the word (case-folded) at ``start`` is a participle in ``-ing``
    (``refusing``, ``Continuing``), not a function word (``during``), a pronoun in
    ``-thing`` or the start of a name (``Ewing``)."""
    return (
        len(word) > 5
        and word.endswith("ing")
        and "-" not in word  # "best-selling", "right-wing": adjectives
        and not word.endswith("thing")
        and word not in _OPENING_WORDS
        and not any(m[0] == start for m in context.entities_in(start, start + len(word) + 1))
    )


def _clause_subject(
    context: _Context, words: list[_Word], verb: _Cue, subject: tuple[int, int] | None
) -> FoundSpeaker | None:
    """The speaker a cue verb's clause ``words`` name, from the ``subject`` read from
    their start, if any, widened to whole entity mentions. When the clause opens
    with a preposition, or is too long for its subject to be read from its start
    (``In a speech in Laramie Sanders claimed ...``, ``He is backing Clinton -- not
    me -- and he says ...``), the name or pronoun just before the verb."""
    if subject is None or (words and words[0][2] in _NOT_CLAUSE):
        subject = _subject_before_verb(context, words, verb.start) or subject
    if subject is None:
        return None
    return _speaker(context, *_cover_mentions(context, *subject, verb.start))


def _participle_subject(
    context: _Context,
    lo: int,
    clause: int,
    verb: _Cue,
    before: list[_Word],
    found: list[_Found],
) -> FoundSpeaker | None:
    """The speaker of a participle after a preposition (``..., perhaps by arguing
    that``, ``quit before announcing``): the subject of the clause ``before`` it
    (see :func:`_shared_subject`), else, in a clause opening the sentence, the noun
    phrase before its verb (``A ministry official responded by saying``)."""
    shared = _shared_subject(context, lo, verb, before, found)
    if shared is not None or clause != lo:
        return shared
    phrase = list(takewhile(lambda w: not _verb_like(w[2]), before))
    opening = _subject(phrase) if phrase else None
    return _speaker(context, *opening) if opening is not None else None


#: Modal auxiliaries before a cue: "will tell", "would say".
_MODALS = function_words("modal")


#: Adverbs without ``-ly`` before a cue: "has long maintained", "still says".
_PLAIN_ADVERBS = frozenset({"long", "still", "now", "already", "often", "always", "even"})


#: The most characters read back from a cue verb for a coordinator before it.
_COORDINATOR_REACH = 40


def _links_within(words: list[_Word], subject: tuple[int, int] | None) -> bool:
    """Whether the clause ``words`` before a cue verb hold, after their first word, a
    subordinator (``Roe was out when a member ... suggested``) or a relative pronoun
    that ends the noun phrase opening them (``a deadline that officials said``; not
    ``officials in the city that hosts the talks said``) or stands just before the
    verb (``compared with 23 percent who said``)."""
    for i in range(len(words) - 1, 0, -1):
        word = words[i][2]
        if word in _SUBORDINATORS:
            if words[i - 1][2] in _FINITE:
                continue  # an adverb: "has since said"
            return True
        if word in _RELATIVES:
            if all(w[2] in _AUXILIARIES or w[2].endswith("ly") for w in words[i + 1 :]):
                return True  # "compared with 23 percent who said": the relative speaks
            return subject is not None and subject[1] == words[i - 1][1]
    return False


def _coordinated(norm: str, lo: int, verb_start: int) -> int | None:
    """Where the coordinator just before a cue verb starts (``and added``, ``but
    later said``: auxiliaries and ``-ly`` adverbs may stand between), not before
    ``lo``; None when there is none."""
    words = list(_WORD.finditer(norm, max(lo, verb_start - _COORDINATOR_REACH), verb_start))
    for w in reversed(words):
        folded = w.group().casefold()
        if folded in _COORDINATORS:
            return w.start() if not norm[w.end() : verb_start].count(",") else None
        if not (folded in _AUXILIARIES or folded.endswith("ly")):
            return None
    return None


def _linked_reporter(
    context: _Context,
    lo: int,
    clause: int,
    verb: _Cue,
    words: list[_Word],
    found: list[_Found],
) -> FoundSpeaker | None:
    """The speaker of a cue verb whose clause opens with a linking word (``words[0]``),
    read from the last link before the verb:

    - a relative pronoun that is the subject (``Haddad, who said``, ``a report,
      which notes``, ``who has in the past described``) speaks for the entity just
      before it; a relative clause that ends before the verb leaves the phrase
      before it as the subject (``but groups that have endorsed him say``);
    - words after the link that hold a subject name it: ``a plan that officials
      said``, ``while Haddad said``, ``After the meeting he said`` (the name or
      pronoun just before the verb);
    - with none, a coordinator or a participle shares the subject of the clause
      before (``... and added that``, ``while also saying``);
    - else none is named: ``when asked whether``, ``if told``.
    """
    norm = context.doc.norm
    last = max(i for i, w in enumerate(words) if w[2] in _LINKS)
    link = words[last]
    rest = _strip_adverbs(words[last + 1 :])
    if link[2] in _RELATIVES and _opens_with_verb(norm, words[last + 1 :]):
        first = next((i for i, w in enumerate(words) if w[2] not in _LINKS), last)
        if first < last and any(_verb_like(w[2]) for w in rest):
            # "groups that have endorsed him say": the relative clause is the subject's.
            return _speaker(context, words[first][0], words[last - 1][1])
        return FoundSpeaker(link[0], link[1], entity=_antecedent(context, lo, link[0]))
    if rest:
        subject = _subject_before_verb(context, rest, verb.start)
        if subject is None and rest[0][2] not in _NOT_CLAUSE:
            subject = _subject(rest)
        if subject is not None:
            return _speaker(context, *_cover_mentions(context, *subject, verb.start))
    if link[2] in _COORDINATORS or verb.word.endswith("ing"):
        return _shared_subject(context, lo, verb, words[:last], found)
    return None


def _shared_subject(
    context: _Context, lo: int, verb: _Cue, before: list[_Word], found: list[_Found]
) -> FoundSpeaker | None:
    """The subject a coordinated cue verb or a participle shares with the clause
    ``before`` its link (empty when there is no link):
    the last speaker ``found`` in the sentence, else the first pronoun or name of
    that clause (``when Rubio thanked Miami and said ...``), else the sentence's
    opening one."""
    earlier = [f for f in found if f.speaker is not None]
    if earlier:
        return earlier[-1].speaker
    for w in before:
        if w[2] in _PRONOUNS:
            return _speaker(context, w[0], w[1])
    if before:
        for mention in context.entities_in(before[0][0], before[-1][1]):
            if context.type_of(mention) in (EntityType.PERSON, EntityType.ORG):
                return FoundSpeaker(mention[0], mention[1], entity=mention[2])
    return _opening_speaker(context, lo, verb.start)


def _strip_adverbs(words: list[_Word]) -> list[_Word]:
    """``words`` without the auxiliaries and ``-ly`` adverbs at either end."""
    start, end = 0, len(words)
    while start < end and (words[start][2] in _AUXILIARIES or words[start][2].endswith("ly")):
        start += 1
    while end > start and (words[end - 1][2] in _AUXILIARIES or words[end - 1][2].endswith("ly")):
        end -= 1
    return words[start:end]


def _opens_with_verb(norm: str, words: list[_Word]) -> bool:
    """Whether the words after a relative pronoun open with a verb or an adverb, not a
    noun phrase: ``who has said``, ``which notes``, ``who last year threatened``
    (not ``which Will claims``)."""
    if not words:
        return True
    first = words[0][2]
    if norm[words[0][0]].isupper():
        return False
    return (
        first in _AUXILIARIES
        or first in _FINITE
        or first.endswith("ly")
        or first in _NOT_CLAUSE
        or _verb_like(first)
    )


def _opens_predicate(norm: str, words: list[_Word]) -> bool:
    """Whether a clause's words before its cue verb open with a verb, in lower case,
    so hold no subject: a finite auxiliary (``have both urged``, ``are warning``) or
    a verb in ``-ed`` before a lower-case word or none (``issued a statement
    saying``, ``replied on Saturday to suggest``; not ``retired judge Jane Doe
    said``, ``elected officials say``, a participle as an adjective before a
    noun). Not an auxiliary before its subject: ``Nor, apparently, have they
    warned``."""
    if not words or not norm[words[0][0]].islower():
        return False
    first = words[0][2]
    if first in _FINITE:
        return len(words) == 1 or words[1][2] not in _SUBJECT_PRONOUNS
    if not _verb_like(first):
        return False
    if len(words) == 1:
        return True
    following = words[1]
    return norm[following[0]].islower() and (
        following[2] in _DETERMINERS or following[2] in _OPENING_WORDS
    )


def _verb_like(word: str) -> bool:
    """A finite auxiliary, or a word in ``-ed`` (``endorsed``)."""
    return word in _FINITE or (len(word) > 4 and word.endswith("ed"))


def _antecedent(context: _Context, lo: int, at: int) -> int | None:
    """The entity of the mention just before a relative pronoun at ``at`` (a comma
    aside): ``Haddad, who``."""
    before = context.entities_in(lo, at)
    if before and not context.doc.norm[before[-1][1] : at].strip(" ,"):
        return before[-1][2]
    return None


def _subject_before_verb(
    context: _Context, words: list[_Word], verb_start: int
) -> tuple[int, int] | None:
    """The entity mention or the pronoun that ends just before a cue verb (auxiliaries
    and adverbs aside), or None."""
    kept = _strip_adverbs(words)
    if not kept:
        return None
    last = kept[-1]
    if last[2] in _PRONOUNS:
        return last[0], last[1]
    for m_start, m_end, _ in reversed(context.entities_in(words[0][0], verb_start)):
        if m_end == last[1] or (m_start <= last[0] < m_end):
            return m_start, m_end
    return None


#: The most commas and words between a subject and its verb across an apposition.
_APPOSITION_COMMAS = 3
_APPOSITION_WORDS = 24


def _apposed_subject(
    norm: str, lo: int, comma: int, clause_words: _ClauseWords
) -> tuple[int, int] | None:
    """The subject of a cue verb just after a comma, across an apposition or a
    relative clause: ``Jane Doe, a spokeswoman for the ministry, said ...``,
    ``Another pollster, Jane Doe of Acme, said ...``, ``Doe, who led the talks,
    told ...``. The phrase runs from the noun phrase opening the sentence (at
    ``lo``) to the comma before the verb (at ``comma``); the naming mention in it
    names the speaker."""
    start = _skip_space(norm, lo)
    if norm.count(",", start, comma) + 1 > _APPOSITION_COMMAS:
        return None
    first_comma = norm.find(",", start, comma + 1)
    if first_comma < 0:  # set apart by dashes: "Unions -- the teachers too -- said"
        dashes = [found for dash in _DASHES if (found := norm.find(dash, start, comma + 1)) >= 0]
        if not dashes:
            return None
        first_comma = min(dashes)
    aside_end = comma + 2 if norm[comma + 1 : comma + 2] == '"' else comma + 1
    if '"' in norm[start:first_comma] or norm.count('"', first_comma, aside_end) % 2:
        # A quotation opens the sentence; in the aside, a whole one may stand ("The
        # Tigers, who called the ruling "a joke," said ...").
        return None
    opening = _subject(clause_words.before(start, first_comma))
    if opening is None or opening[0] != start:
        return None
    if len(_WORD.findall(norm, start, comma)) > _APPOSITION_WORDS:
        return None
    return start, comma if aside_end == comma + 1 else aside_end


def _opening_speaker(context: _Context, lo: int, hi: int) -> FoundSpeaker | None:
    """The named entity or the pronoun that opens a sentence (``Al-Akili also called
    ...``, ``She has pushed back ..., saying``), after an opening phrase of a
    preposition and its comma (``In May, a federal judge sided ...``), if any."""
    norm = context.doc.norm
    start = _skip_space(norm, lo)
    opening = _WORD.match(norm, start)
    if opening is not None and _opening_aside(context, opening):
        comma = norm.find(",", start, hi)
        if comma < 0:
            return None
        start = _skip_space(norm, comma + 1)
        opening = _WORD.match(norm, start)
    if opening is not None and opening.group().casefold() in _PRONOUNS:
        return _speaker(context, opening.start(), opening.end())
    phrase_start = start
    if opening is not None and opening.group().casefold() in _DETERMINERS:
        start = _skip_space(norm, opening.end())  # "a federal judge", "the ministry"
    for mention in context.entities_in(start, hi):
        if mention[0] == start and context.type_of(mention) in (EntityType.PERSON, EntityType.ORG):
            return FoundSpeaker(mention[0], mention[1], entity=mention[2])
        break
    return _opening_phrase(context, phrase_start, hi)


def _opening_aside(context: _Context, opening: regex.Match[str]) -> bool:
    """Whether the word opening a sentence opens a phrase before its subject and a
    comma: a preposition or a subordinator (``In May, ...``, ``After the vote,
    ...``), a participle (``Continuing to explain his view, Doe ...``) or a cue verb
    in ``-ed`` (``Asked whether ..., Doe ...``)."""
    word = opening.group().casefold()
    if word in _NOT_CLAUSE or word in _SUBORDINATORS:
        return True
    if word.endswith("ed") and word in context.lexicon.cues:
        return not context.entities_in(opening.start(), opening.end())
    return _is_participle(context, opening.start(), word)


#: The most words of a noun phrase opening a sentence, read up to its verb.
_OPENING_SUBJECT_WORDS = 8
_QUANTIFIERS = function_words("quantifier")


def _opening_phrase(context: _Context, start: int, hi: int) -> FoundSpeaker | None:
    """The noun phrase that opens a clause up to its verb (a finite auxiliary, a word
    in ``-ed`` or a cue verb), when it is the subject a participle shares and no
    entity opens it: a title before a name (``U.S. District Judge Jane Doe imposed
    ..., saying``), a phrase opened by a determiner, a possessive or a quantifier
    (``The ministry's lawyers declined ..., saying``, ``Many farmers have warned
    ..., noting``; read as :func:`_subject` reads a subject), or a run of capitalised
    words (``Democrats had sued ..., saying``). None when no verb ends it within
    ``_OPENING_SUBJECT_WORDS`` words, or when it is none of these."""
    norm = context.doc.norm
    phrase = _opening_words(context, start, hi)
    if phrase is None:
        return None
    named = [
        m
        for m in context.entities_in(start, phrase[-1][1])
        if context.type_of(m) in (EntityType.PERSON, EntityType.ORG)
    ]
    if named:
        return _speaker(context, start, named[-1][1])
    first = phrase[0][2]
    if first in _DETERMINERS or first in _QUANTIFIERS or first.endswith(("'s", "s'")):
        subject = _subject(phrase)
        return _speaker(context, *subject) if subject is not None else None
    if all(norm[w[0]].isupper() for w in phrase):
        return _speaker(context, start, phrase[-1][1])
    return None


def _opening_words(context: _Context, start: int, hi: int) -> list[_Word] | None:
    """The words of the noun phrase opening a clause at ``start``, up to the first word
    that shows its verb (see :func:`_verb_signal`), before its first comma; None when
    there is none within ``_OPENING_SUBJECT_WORDS`` words, when the clause opens
    with a verb (``Asked whether ..., Doe said``), or when a subordinate or relative
    clause, with a subject of its own, stands between it and the cue at ``hi``
    (``Some booed, and when Doe thanked them and said ...``)."""
    norm = context.doc.norm
    comma = norm.find(",", start, hi)
    end = hi if comma < 0 else comma
    found = islice(_WORD.finditer(norm, start, end), _OPENING_SUBJECT_WORDS + 1)
    words = [(m.start(), m.end(), m.group().casefold()) for m in found]
    verb = next((i for i, w in enumerate(words) if i and _verb_signal(context, w[2])), None)
    if verb is None or _verb_like(words[0][2]) or words[0][2].endswith("ing"):
        return None
    between = (w.group().casefold() for w in _WORD.finditer(norm, words[verb][0], hi))
    if any(w in _SUBORDINATORS or w in _RELATIVES for w in between):
        return None
    return words[:verb]


def _verb_signal(context: _Context, word: str) -> bool:
    """Whether a word after a clause's first one shows its verb has begun: a finite
    auxiliary or another word that stands before a cue (``has``, ``also``), a word
    in ``-ed``, or a cue verb."""
    return _verb_like(word) or word in _AUXILIARIES or word in context.lexicon.cues


def _is_particle(word: str, particles: frozenset[str]) -> bool:
    """A name particle, alone or before a hyphen (``bin``, ``al-Sudani``): lower case in a name."""
    return word.casefold().partition("-")[0] in particles


def _phrase_end(norm: str, at: int, hi: int, particles: frozenset[str]) -> int:
    """The end of the noun phrase after ``according to`` or an inverted cue (at most
    ``_PHRASE_REACH`` characters on, at a space)."""
    if hi - at > _PHRASE_REACH:
        space = norm.rfind(" ", at, at + _PHRASE_REACH)
        hi = space if space > at else at + _PHRASE_REACH
    comma = norm.find(",", at, hi)
    end = hi if comma < 0 else comma
    if comma >= 0:
        rest = norm[comma + 1 : hi].strip(" .")
        words = rest.split()
        if (
            words
            and len(words) <= 5
            and all(w[0].isupper() or _is_particle(w, particles) for w in words)
        ):
            end = hi  # "according to Army Chief of Staff, Jane Doe."
    return end


def _kind(norm: str, start: int, end: int) -> QuoteKind:
    """Direct when the content opens with a quotation mark, mixed when it quotes some
    of its words (``said the talks were "frozen for now"``), indirect otherwise."""
    if norm[start : start + 1] == '"':
        return QuoteKind.DIRECT
    if _quotes_words(norm, start, end):
        return QuoteKind.MIXED
    return QuoteKind.INDIRECT


def _quotes_words(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` holds a pair of quotation marks around a word."""
    first = norm.find('"', start, end)
    if first < 0:
        return False
    second = norm.find('"', first + 1, end)
    return second > first and _WORD.search(norm, first + 1, second) is not None


def _skip_space(norm: str, at: int) -> int:
    while at < len(norm) and norm[at].isspace():
        at += 1
    return at


def _trim_end(norm: str, start: int, end: int) -> int:
    while end > start and norm[end - 1] in " \n.,;":
        end -= 1
    return end


def _any_in(positions: list[int], span: Span) -> bool:
    """Whether a sorted list holds a position inside ``span``."""
    i = bisect.bisect_left(positions, span.start)
    return i < len(positions) and positions[i] < span.end


def find_quotes(doc: Document, context: Context, found: Found) -> tuple[FoundQuote, ...]:
    """The quotes stage of :func:`newsparse.parse`: the quotes of ``doc``, in order.

    Reads ``doc``'s paragraphs, sentences and words and the entities ``found``
    (their mentions, in positions of ``doc.norm``); ``context``'s lexicon gives
    the cue verbs and name particles.
    Returns the quotes in positions of ``doc.norm``, each speaker naming its
    entity by its index in ``found.entities``.
    """
    doc = with_plain_quote_marks(doc)
    reading = _Context.build(doc, found.entities, context.words, found.layout.title_case)
    quotations = _quotations(doc, context.words.cues)
    quotations.sort(key=lambda q: q.open)
    reading.opens = [q.open for q in quotations]
    reading.quoted_starts = [q.start for q in quotations if q.speech]
    reading.quoted_ends = [q.end for q in quotations if q.speech]
    used: set[int] = set()
    quotes: list[_Found] = []
    # Only a sentence with a cue verb or an "according" can attribute anything.
    cue_starts = [cue.start for cue in reading.cues]
    according = [m.start() for m in _ACCORDING_WORD.finditer(doc.norm)]
    for sentence in doc.sentences:
        if _any_in(cue_starts, sentence) or _any_in(according, sentence):
            quotes += _sentence_quotes(reading, sentence, quotations, used)
    quotes += _labelled(reading, quotations, used)
    quotes += _run_on(reading, quotations, used, quotes)
    if found.dateline is not None:
        _after_dateline(doc.norm, found.dateline.end, quotes)
    quotes.sort(key=lambda f: f.start)
    _link_speakers(reading, quotes)
    norm = doc.norm
    for f in quotes:  # no quote starts or ends with white space
        while f.start < f.end and norm[f.start].isspace():
            f.start += 1
        while f.end > f.start and norm[f.end - 1].isspace():
            f.end -= 1
        # Parts follow the quote's own bounds (a dateline before it trimmed away).
        f.parts = [
            (max(a, f.start), min(b, f.end)) for a, b in f.parts if min(b, f.end) > max(a, f.start)
        ]
        if len(f.parts) < 2:
            f.parts = []
    quotes = _joined(doc, [f for f in quotes if f.end > f.start])
    return tuple(
        FoundQuote(f.start, f.end, f.kind, f.cue or None, f.speaker, tuple(f.parts)) for f in quotes
    )


def _joined(doc: Document, quotes: list[_Found]) -> list[_Found]:
    """``quotes`` (in order) with the pieces of one quotation that its attribution
    splits joined into one quote: ``"We will not," she said, "give up."`` and ``"We
    will not give up," she said. "Not now."``. Two direct quotes are one quotation
    when the second has the first's speaker and the attribution between them is
    all that stands between them: the speaker is there, no other quotation mark is,
    and the second opens in the same paragraph (it may run on past it), in the
    sentence of the attribution or the one after it."""
    out: list[_Found] = []
    for f in quotes:
        last = out[-1] if out else None
        if last is not None and _splits(doc, last, f):
            if not last.parts:
                last.parts.append((last.start, last.end))
            last.parts.append((f.start, f.end))
            last.end = f.end
            continue
        out.append(f)
    return out


def _splits(doc: Document, first: _Found, then: _Found) -> bool:
    """Whether the attribution of ``first`` is all that splits it from ``then``."""
    speaker, other = first.speaker, then.speaker
    if (
        first.kind is QuoteKind.INDIRECT
        or then.kind is not QuoteKind.DIRECT
        or speaker is None
        or other is None
        or (speaker.start, speaker.end) != (other.start, other.end)
        or not first.end <= speaker.start < speaker.end <= then.start
    ):
        return False
    norm = doc.norm
    if norm.count('"', first.end, then.start) > 2:
        return False
    paragraph = doc.paragraph_of(first.start)
    if paragraph is None or then.start >= paragraph.end:
        return False
    sentence = doc.sentence_of(speaker.start)
    return sentence is not None and (
        then.start < sentence.end or norm[sentence.end : then.start].strip(' "') == ""
    )


#: What may stand before a speaker's name that labels a quotation: a dash, or the
#: end of the sentence before.
_BEFORE_LABEL = frozenset('-\u2013\u2014.?!")')


def _after_dateline(norm: str, end: int, quotes: list[_Found]) -> None:
    """Quotes and speakers that open with the dateline (``BASRA, March 4 (Reuters) -
    Talks ended, officials said.``, ``CAIRO (AP) _ The minister said ...``) start
    after it and its dash."""

    def after(stop: int) -> int:
        start = end
        while start < stop and (norm[start].isspace() or norm[start] in "-\u2013\u2014_"):
            start += 1
        return start

    for f in quotes:
        if f.start < end < f.end:
            f.start = after(f.end)
        speaker = f.speaker
        if speaker is not None and speaker.start < end < speaker.end:
            f.speaker = attrs.evolve(speaker, start=after(speaker.end))


def _labelled(context: _Context, quotations: list[_Quotation], used: set[int]) -> list[_Found]:
    """Direct speech after its speaker's name and a colon, the name opening its line or
    sentence or following a dash (``Clinton: "Our goal is ..."``, ``- Jane Doe:
    "..."``): a person or an organisation named in full, nothing else before the
    colon. The quotations read count as used."""
    norm = context.doc.norm
    found = []
    for q in quotations:
        if not q.speech or q.open in used:
            continue
        colon = norm.rfind(":", max(0, q.open - 4), q.open)
        if colon < 0 or norm[colon + 1 : q.open].strip():
            continue
        k = bisect.bisect_left(context.starts, colon) - 1
        while k >= 0 and context.mentions[k][1] > colon:
            k -= 1
        if k < 0:
            continue
        mention = context.mentions[k]
        if norm[mention[1] : colon].strip() or context.type_of(mention) not in (
            EntityType.PERSON,
            EntityType.ORG,
        ):
            continue
        before = norm[max(0, mention[0] - 3) : mention[0]]
        if before.strip() and before.rstrip()[-1] not in _BEFORE_LABEL:
            continue
        used.add(q.open)
        speaker = FoundSpeaker(mention[0], mention[1], entity=mention[2])
        found.append(
            _Found(q.start, _trim_end(norm, q.start, q.end), QuoteKind.DIRECT, "", speaker)
        )
    return found


def _run_on(
    context: _Context, quotations: list[_Quotation], used: set[int], found: list[_Found]
) -> list[_Found]:
    """Direct speech without a cue of its own, among ``quotations`` not ``used``: it
    takes the speaker of the quote ``found`` just before it (direct or reported),
    when it runs on from it (the next paragraph of a long quote, a quotation after
    ``X said that ...``): a few hundred characters on at most. A person named
    between them is more often spoken of than speaking, so does not stop it."""
    norm = context.doc.norm
    direct = sorted((f for f in found if f.speaker is not None), key=lambda f: f.end)
    ends = [f.end for f in direct]
    more = []
    for q in quotations:
        if not q.speech or q.open in used:
            continue
        k = bisect.bisect_right(ends, q.open) - 1
        previous = direct[k] if k >= 0 else None
        speaker = previous.speaker if previous and q.open - previous.end < 400 else None
        cue = previous.cue if previous is not None and speaker is not None else None
        end = _trim_end(norm, q.start, q.end)
        more.append(_Found(q.start, end, QuoteKind.DIRECT, cue or "", speaker))
    return more


def _link_speakers(context: _Context, found: list[_Found]) -> None:
    """``The analysis concludes`` after ``The Center's analysis suggests``: the same source.

    A speaker without an entity whose last word (``analysis``, ``source``) ended
    an earlier speaker takes that speaker's entity and anonymity; ``it`` takes
    the last speaker that was not a person.
    """
    norm = context.doc.norm
    by_head: dict[str, FoundSpeaker] = {}
    last_thing: FoundSpeaker | None = None
    last: FoundSpeaker | None = None
    for f in found:
        speaker = f.speaker
        if speaker is None:
            continue
        words = _WORD.findall(norm, speaker.start, speaker.end)
        head = words[-1].casefold() if words else ""
        if last is not None and _stands_for_unnamed(context, speaker, words, last):
            # "A senior port official said ... He added that ...": the official.
            f.speaker = speaker = attrs.evolve(speaker, entity=None, anonymous=True)
        last = speaker
        if speaker.entity is None:
            earlier = by_head.get(head)
            if len(words) == 1 and head == "it" and last_thing is not None:
                earlier = last_thing
            if earlier is not None and len(words) <= 3:
                f.speaker = attrs.evolve(
                    speaker, entity=earlier.entity, anonymous=earlier.anonymous
                )
                speaker = f.speaker
        if head:
            by_head.setdefault(head, speaker)
        entity = speaker.entity
        if entity is not None and context.entities[entity].type is not EntityType.PERSON:
            last_thing = speaker


def _stands_for_unnamed(
    context: _Context, speaker: FoundSpeaker, words: list[str], previous: FoundSpeaker
) -> bool:
    """Whether ``he`` or ``she`` stands for the unnamed source that spoke just before
    (``A senior official said ... He added ...``): one person (``official``, not
    ``officials``), named after the person the pronoun was resolved to."""
    if len(words) != 1 or words[0].casefold() not in _PRONOUNS:
        return False
    if not previous.anonymous or previous.entity is not None or previous.start >= speaker.start:
        return False
    norm = context.doc.norm
    comma = norm.find(",", previous.start, previous.end)
    phrase = _WORD.findall(norm, previous.start, comma if comma >= 0 else previous.end)
    if not phrase or phrase[0].casefold() not in _ARTICLES or _present_tense(phrase[-1]):
        return False  # "Officials said", "the critics say": not one person
    if speaker.entity is None:
        return True
    i = bisect.bisect_left(context.starts, speaker.start) - 1
    while i >= 0 and context.mentions[i][2] != speaker.entity:
        i -= 1
    return i < 0 or context.mentions[i][0] < previous.start


def find_quotes_in(text: str) -> tuple[Quote, ...]:
    """The quotes of ``text`` (a text, not an article: no entities, so no speaker names one)."""
    doc = segment(text)
    return _assembly.quotes(doc.view, find_quotes(doc, Context(), Found()), ())
