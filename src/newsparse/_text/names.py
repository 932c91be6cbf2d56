"""Names: matching keys, spelling variants, casing, particles, suffixes and titles.

One folding serves table entries and text alike. A name's *key* folds case,
accents (``ö`` as ``oe``), apostrophes and ayn/hamza marks (``Shia'``), hyphens
and spaces, drops the Arabic article (``al-``, ``Al-``, ``el-``, ``Al ``) before
another word, and drops titles and honorifics in front (``Dr.``, ``Ayatollah``).
Its *variant key* also folds transliteration classes (Mohammed, Muhammad,
Mohamed; Ismail, Esmail; Hussein, Husayn), ``gh`` at the start of a word as
``q`` (Ghaani, Qaani), ``kh`` as ``h``, ``ou`` as ``u``, ``ee`` as ``i``, and
doubled letters as one.

>>> name_keys("Mohammed Shia' Al-Sudani")
('mohammed shia sudani', 'muhammad shia sudani')
>>> name_keys("Muhammad Shia al-Sudani")[1] == name_keys("Mohammed Shia' Al-Sudani")[1]
True
>>> name_keys("Esmail Qaani")[1] == name_keys("Ismail Ghaani")[1]
True
>>> name_keys("Dr. Jürgen Müller")
('juergen mueller', 'juergen mueler')

>>> words = DEFAULT_WORDS
>>> recase("TED D'AFFLISIO", words), recase("keith grant", words), recase("SABAH AL-AKILI", words)
("Ted D'Afflisio", 'Keith Grant', 'Sabah al-Akili')
>>> recase("Mohamed ElBaradei", words)
'Mohamed ElBaradei'
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Sequence
from itertools import accumulate, compress, repeat
from operator import attrgetter, is_
from typing import NamedTuple

import regex

from newsparse._lexicon import Lexicon, LexiconWords, read_rows, read_words, title_key, words_of
from newsparse._memo import WordMemo
from newsparse._text.document import Document, Span, word_pieces

__all__ = [
    "DEFAULT_WORDS",
    "NameToken",
    "fold_token",
    "given_name_sexes",
    "given_names",
    "is_article",
    "is_shouting",
    "is_suffix",
    "key_of",
    "name_keys",
    "name_tokens",
    "recase",
    "strip_titles",
    "suffixes",
    "tokens_in",
    "tokens_of",
    "variant_token",
]

_PART = regex.compile(r"([-'])")
_LETTER = regex.compile(r"\p{L}")


#: The package's own lexicon lookups: matching keys of alias tables are built with
#: these, whatever lexicon a parse reads text with.
DEFAULT_WORDS = words_of(Lexicon.default())


@functools.cache
def given_names() -> frozenset[str]:
    """Folded common given names (``data/given_names.tsv``) that are no common word
    (``data/common_words.txt``): a name's first word that says a person is named."""
    common = {w.casefold() for w in read_words("common_words.txt")}
    return frozenset({fold_token(row[0]) for row in read_rows("given_names.tsv")} - common)


@functools.cache
def given_name_sexes() -> dict[str, str]:
    """The sex each given name of ``data/given_names.tsv`` usually marks, by its
    folded form: ``m``, ``f``, or ``u`` where it marks neither."""
    return {fold_token(row[0]): row[1] for row in read_rows("given_names.tsv")}


@functools.cache
def suffixes() -> frozenset[str]:
    """Suffixes that follow a name (``Jr.``, ``III``), as written and without a final stop."""
    words = read_words("name_suffixes.txt")
    return frozenset({*words, *(w.rstrip(".") for w in words)})


def is_suffix(token: str) -> bool:
    """Whether ``token`` is a name suffix, in any case: ``Jr.``, ``JR``, ``III``."""
    return token.casefold().rstrip(".") in _folded_suffixes()


@functools.cache
def _folded_suffixes() -> frozenset[str]:
    return frozenset(s.casefold().rstrip(".") for s in suffixes())


def _core_letters(token: str, particles: frozenset[str]) -> str:
    """The letters of a token that decide its case: particles and ``d'``/``al-`` prefixes aside."""
    if token.casefold() in particles:
        return ""
    pieces = _PART.split(token)
    if len(pieces) >= 3 and (len(pieces[0]) <= 2 or pieces[0].casefold() in particles):
        pieces = pieces[2:]
    letters = "".join(_LETTER.findall("".join(pieces)))
    if letters[:2] == "Mc" and letters[2:].isupper():
        return letters[2:]  # "McNEIL": a byline in capitals keeps the prefix's small c
    return letters


def is_shouting(name: str, words: LexiconWords) -> bool:
    """Whether a name is written all in capitals or all in lower case (so it needs recasing).

    Initials, suffixes (``Jr.``), particles and prefixes such as ``d'`` and ``Mc``
    do not count:
    ``TED d'AFFLISIO`` and ``DONALD G. McNEIL`` are in capitals.
    """
    letters = "".join(
        _core_letters(t, words.particles)
        for t in name.split()
        if len(t.rstrip(".")) > 1 and not is_suffix(t.casefold())
    )
    if not letters:
        return False
    return letters.isupper() or letters.islower()


def _recase_piece(piece: str) -> str:
    low = piece.casefold()
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:].capitalize()
    return low.capitalize()


def _recase_token(token: str, words: LexiconWords, *, first: bool) -> str:
    low = token.casefold()
    if is_suffix(low):
        bare = low.rstrip(".")
        if bare in ("ii", "iii", "iv", "v", "md", "phd"):
            return token.upper()
        return bare.capitalize() + ("." if token.endswith(".") else "")
    if low in words.particles and not first:
        return low
    if "." in low and len(low.replace(".", "")) <= 3:
        return low.upper()  # initials: R.J., A.
    pieces = _PART.split(token)
    out = []
    for i, piece in enumerate(pieces):
        if piece in ("-", "'"):
            out.append(piece)
        elif i == 0 and len(pieces) > 2 and pieces[1] == "-" and piece.casefold() in words.articles:
            out.append(piece.casefold() if not first else piece.capitalize())
        else:
            out.append(_recase_piece(piece))
    return "".join(out)


def recase(name: str, words: LexiconWords) -> str:
    """``name`` as a person would write it when it is in capitals or lower case, else unchanged.

    Particles after the first word are lower case (``al-Sudani``, ``van der Berg``);
    ``Mc`` names keep their inner capital (``McCune``); initials and roman
    numerals stay in capitals.
    """
    if not is_shouting(name, words):
        return name
    tokens = name.split()
    return " ".join(_recase_token(t, words, first=i == 0) for i, t in enumerate(tokens))


def strip_titles(tokens: list[str], words: LexiconWords) -> int:
    """How many leading tokens are titles or ranks (``Dr.``, ``Lt. Gen.``, ``1st Lt.``).

    >>> strip_titles(["Lt.", "Gen.", "Amir", "Haddad"], DEFAULT_WORDS)
    2
    """
    known = words.title_kinds
    starts = words.title_starts
    count = 0
    while count < len(tokens) and title_key(tokens[count]).partition(" ")[0] in starts:
        for width in (4, 3, 2, 1):
            key = title_key(" ".join(tokens[count : count + width]))
            if count + width <= len(tokens) and key in known:
                count += width
                break
        else:
            return count
    return count


def ends_in_title(names: Sequence[str], words: LexiconWords) -> bool:
    """Whether ``names`` end in a title or rank of one to four words.

    >>> words = DEFAULT_WORDS
    >>> ends_in_title(["Treasury", "Secretary"], words)
    True
    >>> ends_in_title(["Secretary", "of", "State"], words)
    True
    >>> ends_in_title(["Arthur"], words)
    False
    """
    known = words.title_kinds
    return any(
        title_key(" ".join(names[-width:])) in known for width in range(1, min(4, len(names)) + 1)
    )


# --------------------------------------------------------------------------
# matching keys

_NAME_WORD = regex.compile(r"\w+(?:'\w+)*")
_DIGRAPHS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_DOUBLED = re.compile(r"(.)\1+")
# A set, not a function: the token scans test membership in C (map(ARTICLES.__contains__, ...)).
ARTICLES = DEFAULT_WORDS.articles


def is_article(folded: str) -> bool:
    """Whether a folded word is the Arabic article (``al``, ``el``, ``ul``)."""
    return folded in ARTICLES


@functools.cache
def _classes() -> dict[str, str]:
    classes = {}
    for row in read_rows("transliterations.tsv"):
        for spelling in row:
            classes[fold_token(spelling)] = row[0]
    return classes


def fold_token(token: str) -> str:
    """A word folded for matching: case, accents (``ü`` as ``ue``), apostrophes.

    >>> fold_token("Qa'ani"), fold_token("Müller"), fold_token("ÉLYSÉE")
    ('qaani', 'mueller', 'elysee')
    """
    if token.isascii():  # no accents, digraphs nor compatibility forms to fold
        return token.casefold().replace("'", "")
    decomposed = unicodedata.normalize("NFKD", token.translate(_DIGRAPHS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().replace("'", "")


def variant_token(folded: str) -> str:
    """A folded word's spelling class: ``mohammed`` and ``muhammad`` give the same.

    >>> variant_token("mohamed"), variant_token("ghaani"), variant_token("youssef")
    ('muhammad', 'qani', 'yusuf')
    """
    known = _classes().get(folded)
    if known is not None:
        return known
    word = folded
    if word.startswith("gh"):
        word = "q" + word[2:]
    word = word.replace("kh", "h").replace("ou", "u").replace("ee", "i")
    if _DOUBLED.search(word) is not None:
        word = _DOUBLED.sub(r"\1", word)
    return _classes().get(word, word)


FOLDED_WORDS = WordMemo(fold_token)
VARIANT_WORDS = WordMemo(variant_token)


def name_tokens(name: str, *, titles: bool = True) -> list[str]:
    """The words of a name as matching sees them: apostrophes inside words kept, a possessive
    ``'s`` and (with ``titles``, for people) leading titles dropped.

    >>> name_tokens("Grand Ayatollah Ali al-Sistani's")
    ['Ali', 'al', 'Sistani']
    >>> name_tokens("Sheikha Noor")
    ['Sheikha', 'Noor']
    """
    # A word never ends with a bare apostrophe, so a possessive is its last two characters.
    words = [w[:-2] if w.endswith("'s") else w for w in _NAME_WORD.findall(name)]
    skip = strip_titles(words, DEFAULT_WORDS) if titles else 0
    # A title is left out only when at least two words remain: "Sheikha Noor" keeps
    # its title, or it would match a bare first name.
    return words[skip:] if len(words) - skip >= 2 else words


def key_of(folded: list[str]) -> list[str]:
    """Folded words without the Arabic article before another word."""
    return [w for i, w in enumerate(folded) if not (w in ARTICLES and i + 1 < len(folded))]


def name_keys(name: str) -> tuple[str, str]:
    """The key and the variant key of a name."""
    folded = key_of([fold_token(w) for w in name_tokens(name)])
    return " ".join(folded), " ".join(variant_token(w) for w in folded)


# --------------------------------------------------------------------------
# the words of an article, as names see them


class NameToken(NamedTuple):
    """A word of the article for name matching (positions are of the normalised view).

    ``joins`` says whether the next token may continue a name after this one
    (only spaces, a hyphen, or the full stop of an initial lie between).
    """

    start: int
    end: int
    text: str
    folded: str
    variant: str
    capitalised: bool
    upper: bool
    possessive: bool
    joins: bool
    sentence_start: bool
    heading: bool


# Columns of a list of tokens, read in C: ``map(CAPITALISED_OF, tokens)``.
CAPITALISED_OF = attrgetter("capitalised")
FOLDED_OF = attrgetter("folded")
VARIANT_OF = attrgetter("variant")
SENTENCE_START_OF = attrgetter("sentence_start")
HEADING_OF = attrgetter("heading")
_START_OF = attrgetter("start")

_JOIN_GAP = regex.compile(r"'?[ \t]*+\n?[ \t]*+|-|\.|\.[ \t]++")
_LOWER = regex.compile(r"\p{Ll}")
_OPENING_QUOTE = regex.compile(r"[:,][ \t]*+[\"'](?=\w)")


def _gap_owns(gap: str) -> bool:
    """Whether a gap starts with a possessive ``'s``."""
    return gap[:2] in ("'s", "'S")


def _gap_joins(gap: str) -> bool | None:
    """Whether a name may go on across a gap (None: after a full stop, as the word decides)."""
    if _gap_owns(gap):
        return False
    if gap in (" ", "-", "' "):
        return True
    if _JOIN_GAP.fullmatch(gap) is None:
        return False
    return None if gap.startswith(".") else True


def _word_shape(text: str) -> tuple[bool, bool]:
    """Whether a word is capitalised (or a number), and whether it is in capitals."""
    return text[0].isupper() or text[0].isdigit(), len(text) > 1 and text.isupper()


# Gaps between words are few and short; a long one is answered, not kept.
_OWNS = WordMemo(_gap_owns, limit=4096, longest_key=16)
_JOINS = WordMemo(_gap_joins, limit=4096, longest_key=16)
_SHAPES = WordMemo(_word_shape)


def tokens_of(
    doc: Document, body: int | None = None, title_case: Sequence[Span] = ()
) -> list[NameToken]:
    """The article's words for name matching, built once per article.

    Words joined by an apostrophe are one (``Qa'ani``, ``O'Neill``); a possessive
    ``'s`` is dropped and marks the word before it. Built column by column with
    C-level maps from the text layer's split of the article into words, since every
    word of every article passes through here. ``body`` is where the text after a
    dateline starts (a position of the view): its first word opens a sentence, as
    it does in the article (``BAGHDAD, Jan 8 (Reuters) - Markets fell``).
    ``title_case`` are lines written in title case (a headline, a subhead): their
    capitals say no more than those of a line in capitals, and their words are
    marked as a heading's are.
    """
    # A sentence's first word opens it, after any quote mark, bracket, bullet or
    # dash before it ("Export deals remained thin", "- Talks will resume").
    words = doc.words
    sentence_starts = set()
    for start in (*(s.start for s in doc.sentences), *(() if body is None else (body,))):
        first = bisect.bisect_left(words, (start, -1))
        if first < len(words):
            sentence_starts.add(words[first][0])
    # So does the first word of a quotation after a colon or a comma: Mr Diaz
    # said: "Exports fell" (not a scare quote's: the "New Middle East" plan).
    sentence_starts.update(m.end() for m in _OPENING_QUOTE.finditer(doc.norm))
    norm = doc.norm
    headings = [p for p in doc.paragraphs if not _LOWER.search(norm, p.start, p.end)]
    if title_case:
        headings = sorted([*headings, *title_case])
    pieces = _name_pieces(doc.word_pieces)
    offsets = doc.word_offsets if pieces is doc.word_pieces else None
    tokens = _tokens(norm, 0, len(norm), sentence_starts, headings, pieces, offsets)
    return _ended_at_paragraphs(tokens, doc.paragraphs)


def _ended_at_paragraphs(tokens: list[NameToken], paragraphs: Sequence[Span]) -> list[NameToken]:
    """The tokens, no name going on from a paragraph's last word into the next one.

    A line break inside a paragraph (hard-wrapped wire copy) may fall inside a name;
    one between paragraphs (table rows, a headline and its body, one paragraph per
    line) never does.
    """
    for paragraph in paragraphs[1:]:
        i = bisect.bisect_left(tokens, paragraph.start, key=_START_OF) - 1
        if i >= 0 and tokens[i].joins:
            tokens[i] = tokens[i]._replace(joins=False)
    return tokens


def tokens_in(norm: str, lo: int, hi: int) -> list[NameToken]:
    """The name tokens of ``norm[lo:hi]`` alone (no sentence or headline marks)."""
    lo = max(lo, 0)
    whole = lo == 0 and hi >= len(norm)
    pieces = _name_pieces(word_pieces(norm if whole else norm[lo:hi]))
    return _tokens(norm, lo, hi, set(), [], pieces, None)


# A name token from the start of a run of word characters, and the gap after it, as
# tokens_in reads them: runs joined by an apostrophe alone make one token, unless the
# run after it is a lone ``s``; a lone ``s`` after an apostrophe (a possessive) is part
# of the gap, unless an apostrophe alone and a run other than ``s`` follow it (``s'x``).
# The engine and ``\w`` are those of word_pieces (``re``). The gap is group 1.
_TOKEN_AND_GAP = re.compile(
    r"\w+(?:'(?![sS](?!\w))\w+)*+((?:\W*'[sS](?!\w)(?!'(?![sS](?!\w))\w))*+\W*+)"
)


def tokens_from(
    norm: str, start: int, hi: int, count: int, *, through: bool = False
) -> list[NameToken]:
    """The first ``count`` name tokens of ``tokens_in(norm, start, hi)``, read from the
    text directly, and none after a token that no name goes on from (``joins`` false)
    unless ``through``.

    ``start`` is where a run of word characters starts. The tokens are those that
    ``tokens_in`` gives from ``start`` for any range that holds ``start..hi`` when no
    apostrophe is just before ``start`` (one would join or drop the word there).

    >>> [t.text for t in tokens_from("PM Al-Sudani's aide", 3, 19, 5)]
    ['Al', 'Sudani']
    >>> [t.text for t in tokens_from("PM Al-Sudani's aide", 3, 19, 5, through=True)]
    ['Al', 'Sudani', 'aide']
    """
    limit = min(hi, len(norm))
    tokens: list[NameToken] = []
    if start >= limit or count < 1:
        return tokens
    # The tokens follow one another: each match ends where the next word starts.
    folds, variants, shapes = FOLDED_WORDS, VARIANT_WORDS, _SHAPES
    owns, joins_across = _OWNS, _JOINS
    new, append = tuple.__new__, tokens.append
    after = start
    for found in _TOKEN_AND_GAP.finditer(norm, start, limit):
        at = found.start()
        if at != after:
            break  # no word where the one before ended (none at ``start``)
        end, after = found.span(1)
        text = norm[at:end]
        last = after >= limit
        gap = _gap_at_end(norm, end, hi) if last else found.group(1)
        possessive = owns[gap]
        joins = joins_across[gap]
        if joins is None:
            joins = _goes_on_after_stop(text)
        if last or gap == "'":
            owned = (
                end + 1 < len(norm)
                and norm[end] == "'"
                and norm[end + 1] in "sS"
                and (end + 2 >= len(norm) or not norm[end + 2].isalnum())
            )
            if owned != possessive:
                possessive = owned
                joins = False if owned else _joins_after(gap, text)
        folded = folds[text]
        capitalised, upper = shapes[text]
        fields = (at, end, text, folded, variants[folded], capitalised, upper, possessive, joins)
        append(new(NameToken, (*fields, False, False)))
        if last or not (joins or through) or len(tokens) == count:
            break
    return tokens


@functools.cache
def _tokens_and_gaps(count: int) -> re.Pattern[str]:
    """Up to ``count`` name tokens, each with the gap after it, read as ``tokens_from``
    reads them one after the other (each repetition matches where the one before ended)."""
    return re.compile(f"(?:{_TOKEN_AND_GAP.pattern}){{1,{count}}}")


# The characters after the last gap that reading the tokens may look at: the
# lookaheads after a possessive ``'s`` in a gap, and a token's own ``'s`` check.
_READ_AFTER = 4


def tokens_reach(norm: str, start: int, hi: int, count: int) -> int:
    """Where the characters that ``tokens_from(norm, start, hi, count)`` reads end, at
    the furthest: the tokens depend on ``norm[start:reach]`` (and on ``hi - start``,
    and whether ``reach`` is the text's end) alone, whatever the gaps between them.

    >>> text = "PM Al-Sudani's aide said"
    >>> text[3 : tokens_reach(text, 3, 24, 2)]
    "Al-Sudani's aide"
    """
    found = _tokens_and_gaps(count).match(norm, start, hi)
    return min((start if found is None else found.end()) + _READ_AFTER, len(norm))


def _name_pieces(pieces: list[str]) -> list[str]:
    r"""From ``word_pieces`` (gaps and ``\w+`` runs in turn), the same for name words.

    Runs with an apostrophe alone between them are one word (``O'Neill``,
    ``rock'n'roll``) unless the second is a lone ``s``; a lone ``s`` after an
    apostrophe (a possessive) is no word but part of the gap, unless an apostrophe
    and a word other than ``s`` follow it (``s'x``). Only words after an apostrophe
    are looked at; ``pieces`` itself comes back when nothing changes.
    """
    # Word k is pieces[2k + 1]; the gap before it is pieces[2k].
    count = len(pieces) // 2
    after_apostrophe = list(
        compress(range(count), map(str.endswith, pieces[0 : 2 * count : 2], repeat("'")))
    )
    if not after_apostrophe:
        return pieces
    joined: list[int] = []
    skipped: list[int] = []
    for k in after_apostrophe:
        if pieces[2 * k + 1] not in ("s", "S"):
            if k > 0 and pieces[2 * k] == "'":
                joined.append(k)
        elif not (
            k + 1 < count and pieces[2 * k + 2] == "'" and pieces[2 * k + 3] not in ("s", "S")
        ):
            skipped.append(k)
    if not joined and not skipped:
        return pieces
    # A join glues word k and the apostrophe before it onto word k - 1; a skip glues
    # the lone s and the gap after it onto the gap before. One pass, in order.
    glued = sorted(
        [i for k in joined for i in (2 * k, 2 * k + 1)]
        + [i for k in skipped for i in (2 * k + 1, 2 * k + 2)]
    )
    merged: list[str] = []
    done = 0
    for i in glued:
        merged += pieces[done:i]
        merged[-1] += pieces[i]
        done = i + 1
    merged += pieces[done:]
    return merged


def _tokens(
    norm: str,
    lo: int,
    hi: int,
    sentence_starts: set[int],
    headings: list[Span],
    pieces: list[str],
    offsets: list[int] | None,
) -> list[NameToken]:
    # Every word of every article passes through here, so the work is done column by
    # column with C-level maps: the words and the gaps between them come in turn,
    # their lengths give the offsets, and memos give what each word and gap says.
    length = len(norm)
    # A possessive cut by the range's start is no word either.
    possessive_first = len(pieces) > 2 and not pieces[0] and pieces[1] in ("s", "S")
    if possessive_first and lo > 0 and norm[lo - 1] == "'":
        pieces = pieces[2:]
        lo += 1
        offsets = None
    if len(pieces) < 3:
        return []
    texts = pieces[1::2]
    gaps = pieces[2::2]
    if offsets is None:
        offsets = list(accumulate(map(len, pieces), initial=lo))
    starts = offsets[1:-1:2]
    ends = offsets[2::2]
    count = len(texts)
    gaps[-1] = _gap_at_end(norm, ends[-1], hi)
    possessive = list(map(_OWNS.__getitem__, gaps))
    joins = list(map(_JOINS.__getitem__, gaps))
    # After a full stop, an initial, a word in capitals or an abbreviated title goes on
    # ("J. R.", "U.S.", "Brig. Gen.").
    for i in compress(range(count), map(is_, joins, repeat(None))):
        joins[i] = _goes_on_after_stop(texts[i])
    # An apostrophe alone, and the end of the range, are read from the text around.
    for i in (*compress(range(count), map("'".__eq__, gaps)), count - 1):
        end = ends[i]
        owned = (
            end + 1 < length
            and norm[end] == "'"
            and norm[end + 1] in "sS"
            and (end + 2 >= length or not norm[end + 2].isalnum())
        )
        if owned != possessive[i]:
            possessive[i] = owned
            joins[i] = False if owned else _joins_after(gaps[i], texts[i])
    folded = list(map(FOLDED_WORDS.__getitem__, texts))
    variants = list(map(VARIANT_WORDS.__getitem__, folded))
    capitalised, upper = zip(*map(_SHAPES.__getitem__, texts), strict=True)
    starts_sentence = list(map(sentence_starts.__contains__, starts))
    in_heading = [False] * count
    for paragraph in headings:
        first = bisect.bisect_left(starts, paragraph.start)
        last = bisect.bisect_left(starts, paragraph.end)
        in_heading[first:last] = [True] * (last - first)
    columns = zip(
        starts,
        ends,
        texts,
        folded,
        variants,
        capitalised,
        upper,
        possessive,
        joins,
        starts_sentence,
        in_heading,
        strict=True,
    )
    # tuple.__new__ builds each NameToken in C (its generated __new__ is Python).
    return list(map(tuple.__new__, repeat(NameToken), columns))


def _gap_at_end(norm: str, end: int, hi: int) -> str:
    """The gap after the last word of a range ending at ``hi``, read from the text."""
    return norm[end : min(end + 2, hi)] if hi > end else "\n\n"


def _joins_after(gap: str, text: str) -> bool:
    """Whether a name may go on after ``text`` across ``gap`` (no possessive between)."""
    joins = _gap_joins(gap)
    return _goes_on_after_stop(text) if joins is None else joins


@functools.cache
def _title_abbreviations() -> frozenset[str]:
    """The abbreviated titles of ``data/abbreviations.tsv`` (``brig``, ``capt``, ``prof``)."""
    return frozenset(row[0] for row in read_rows("abbreviations.tsv") if row[1] == "title")


def _goes_on_after_stop(text: str) -> bool:
    """Whether a name goes on after ``text`` and its full stop: an initial or a short
    abbreviation (``J.``, ``Gen.``), one in capitals, or an abbreviated title of
    any length (``Brig. Gen.``, ``Capt.``, ``Prof.``)."""
    return len(text) <= 3 or text.isupper() or text.casefold() in _title_abbreviations()
