"""The names module: one folding for tables and text, spelling variants, near-misspellings."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse._lexicon import within_one_edit
from newsparse._text.document import segment, word_pieces
from newsparse._text.names import (
    NameToken,
    _name_pieces,
    fold_token,
    name_keys,
    name_tokens,
    tokens_in,
    tokens_of,
    variant_token,
)

# Spellings of one name that must share a variant key.
SAME = [
    ("Mohammed Shia' Al-Sudani", "Muhammad Shia al-Sudani"),
    ("Mohamed Karim", "Mohammad Karim"),
    ("Mohamad Karim", "Muhammed Karim"),
    ("Ismail Qaani", "Esmail Qaani"),
    ("Ismail Qaani", "Ismail Ghaani"),
    ("Ismail Qaani", "Ismail Qa'ani"),
    ("Saddam Hussein", "Saddam Husayn"),
    ("Hassan Nouri", "Hasan Nuri"),
    ("Youssef Karam", "Yusuf Karam"),
    ("Ahmed Jabouri", "Ahmad Jabouri"),
    ("Omar Farouk", "Umar Farouk"),
    ("Abdul Rahman Jazaeri", "Abdel Rahman Jazaeri"),
    ("Sabah al-Akili", "Sabah Al-Akili"),
    ("Sabah al-Akili", "Sabah el-Akili"),
    ("Sabah al-Akili", "Sabah Al Akili"),
    ("Sabah al-Akili", "Sabah Akili"),
    ("SABAH AL-AKILI", "sabah al-akili"),
    ("Jürgen Müller", "Juergen Mueller"),
    ("Jörg Schäfer", "Joerg Schaefer"),
    ("José Sarney", "Jose Sarney"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("Dr. Ihsan Karim", "Ihsan Karim"),
    ("Grand Ayatollah Ali Sistani", "Ali Sistani"),
    ("Lt. Gen. Amir Haddad", "Amir Haddad"),
    ("Prime Minister Mark Rutte", "Mark Rutte"),
    ("Khalid Mansour", "Khaled Mansour"),
    ("Mustafa Kamal", "Mostafa Kamal"),
    ("Hossein Salami", "Hussein Salami"),
    ("Qasim Suleimani", "Qassem Suleimani"),
    ("O'Neill", "ONeill"),
    ("Kim Jong-un", "Kim Jong Un"),
]


@pytest.mark.parametrize(("a", "b"), SAME, ids=[f"{a} = {b}" for a, b in SAME])
def test_spellings_share_a_variant_key(a: str, b: str) -> None:
    assert name_keys(a)[1] == name_keys(b)[1]


# Different names that must not share one.
DIFFERENT = [
    ("Mohamed al-Hassan", "Mohammed Shia al-Sudani"),
    ("Ali al-Sistani", "Ali Khamenei"),
    ("Ammar al-Hakim", "Al-Hikma Movement"),
    ("James Baker", "Howard Baker"),
    ("Hassan Rouhani", "Hussein Rouhani"),
    ("Sabah al-Akili", "Sabah al-Akidi"),
    ("Jordan Smith", "Jordan"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=[f"{a} != {b}" for a, b in DIFFERENT])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_keys(a)[1] != name_keys(b)[1]


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Baghdad", "baghdad"),
        ("QAANI", "qaani"),
        ("Qa'ani", "qaani"),
        ("Shia'", "shia"),
        ("Müller", "mueller"),
        ("Erdoğan", "erdogan"),
        ("Élysée", "elysee"),
        ("Straße", "strasse"),
    ],
)
def test_fold_token(word: str, folded: str) -> None:
    assert fold_token(word) == folded


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Qaani's", ["Qaani"]),
        ("Mohammed Shia' Al-Sudani", ["Mohammed", "Shia", "Al", "Sudani"]),
        ("Dr. Ihsan Al-Shammari", ["Ihsan", "Al", "Shammari"]),
        ("Ayatollah Ali al-Sistani", ["Ali", "al", "Sistani"]),
        ("Mark O'Neill", ["Mark", "O'Neill"]),
        ("Ayatollah", ["Ayatollah"]),
    ],
)
def test_name_tokens(name: str, tokens: list[str]) -> None:
    assert name_tokens(name) == tokens


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("pezeshekian", "pezeshkian", True),
        ("hertzi", "herzi", True),
        ("halevi", "halevy", True),
        ("sudani", "sudani", True),
        ("sudani", "sadani", True),
        ("sudani", "sudanese", False),
        ("baker", "parker", False),
        ("", "a", True),
        ("ab", "ba", False),
    ],
)
def test_within_one_edit(a: str, b: str, close: bool) -> None:
    assert within_one_edit(a, b) is close
    assert within_one_edit(b, a) is close


# --------------------------------------------------------------------------
# the words of an article: the column-wise tokenizer against a plain reading


def _plain_tokens(norm: str, lo: int, hi: int) -> list[NameToken]:
    """The name tokens of ``norm[lo:hi]`` read word by word, as the docs describe them."""
    word = re.compile(r"\w+(?:'(?![sS]\b)\w+)*")
    joining = re.compile(r"'?[ \t]*\n?[ \t]*|-|\.|\.[ \t]+")
    spans = [
        m.span()
        for m in word.finditer(norm, lo, hi)
        # a possessive "'s" is no word
        if not (
            m.end() - m.start() == 1
            and m.start() > 0
            and norm[m.start() - 1] == "'"
            and m.group() in "sS"
        )
    ]
    tokens = []
    for i, (a, b) in enumerate(spans):
        text = norm[a:b]
        owned = (
            b + 1 < len(norm)
            and norm[b] == "'"
            and norm[b + 1] in "sS"
            and (b + 2 >= len(norm) or not norm[b + 2].isalnum())
        )
        if i + 1 < len(spans):
            gap = norm[b : spans[i + 1][0]]
        else:
            gap = norm[b : min(b + 2, hi)] if hi > b else "\n\n"
        joins = not owned and joining.fullmatch(gap) is not None
        if gap.startswith(".") and len(text) > 3 and not text.isupper():
            joins = False  # a full stop ends a word that is no initial
        folded = fold_token(text)
        tokens.append(
            NameToken(
                a,
                b,
                text,
                folded,
                variant_token(folded),
                text[0].isupper() or text[0].isdigit(),
                len(text) > 1 and text.isupper(),
                owned,
                joins,
                False,
                False,
            )
        )
    return tokens


TOKEN_TEXTS = [
    "Prime Minister Mohammed Shia' Al-Sudani's office said on Jan. 3 that J. R. Ewing",
    "O'Neill's aides and the U.S.-led coalition met in Ba'qubah.\n\nMr. Kerr left",
    "Smith.'s' Jones' home; s'x, 'S, __O'Neill  \t Sudani's'ss",
    "THE WHITE HOUSE\nWASHINGTON (AP) — Bush's aide, Gen. Colin Powell, ...",
]
TOKEN_PIECES = [
    "'s",
    "'S",
    "' ",
    "'",
    "s",
    "S",
    "Al-",
    "O'Neill",
    " ",
    "\n",
    ".",
    ". ",
    "J.",
    "ABC",
    "Smith",
    "s'x",
    "_",
    "é",
    "\t",
    "-",
    "x",
    "1987",
    "\u00e9t\u00e9",
]


@pytest.mark.parametrize("text", TOKEN_TEXTS)
def test_tokens_of_a_whole_text_read_word_by_word(text: str) -> None:
    assert tokens_in(text, 0, len(text)) == _plain_tokens(text, 0, len(text))


@given(st.lists(st.sampled_from(TOKEN_PIECES), max_size=14), st.data())
def test_tokens_of_any_range_read_word_by_word(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text) + 3))
    assert tokens_in(text, lo, hi) == _plain_tokens(text, lo, hi)


def test_tokens_mark_sentence_starts_and_headlines() -> None:
    doc = segment("IRAQ TALKS RESUME\n\nThe talks resumed. Officials met in Baghdad.")
    tokens = tokens_of(doc)
    assert [t.text for t in tokens if t.heading] == ["IRAQ", "TALKS", "RESUME"]
    assert [t.text for t in tokens if t.sentence_start] == ["IRAQ", "The", "Officials"]


# The name words as one regex reads them (the split the tokens came from before they
# were derived from the text layer's split): a lone "s" after an apostrophe is no word.
_NAME_SPLIT = re.compile(r"((?!(?<=')[sS](?!\w|'(?![sS]\b)\w))\w+(?:'(?![sS]\b)\w+)*)")


@given(st.one_of(st.lists(st.sampled_from(TOKEN_PIECES), max_size=14).map("".join), st.text()))
def test_name_words_from_the_text_layer_split_are_the_regex_split(text: str) -> None:
    assert _name_pieces(word_pieces(text)) == _NAME_SPLIT.split(text)


@given(st.lists(st.sampled_from([*TOKEN_PIECES, "\n\n", "IRAQ ", ". The "]), max_size=20))
def test_tokens_of_an_article_are_its_tokens_with_sentence_and_headline_marks(
    pieces: list[str],
) -> None:
    doc = segment("".join(pieces))
    plain = [t._replace(sentence_start=False, heading=False) for t in tokens_of(doc)]
    alone = tokens_in(doc.norm, 0, len(doc.norm))
    # The article's tokens also end names at paragraph breaks: the last word
    # before a paragraph's start never joins the next.
    ends = set()
    for paragraph in doc.paragraphs[1:]:
        before = [i for i, t in enumerate(alone) if t.start < paragraph.start]
        if before:
            ends.add(before[-1])
    assert plain == [t._replace(joins=False) if i in ends else t for i, t in enumerate(alone)]
