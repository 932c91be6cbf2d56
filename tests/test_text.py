"""The text layer: the normalised view, its offset map, and segmentation."""

from __future__ import annotations

import re
import unicodedata

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newsparse._text import document as text_module
from newsparse._text.document import TextView, segment, with_plain_quote_marks

# --------------------------------------------------------------------------
# the normalised view

FOLDING = [
    ("plain ASCII is untouched", "Baghdad, Jan 8 (Reuters) -", "Baghdad, Jan 8 (Reuters) -"),
    ("curly double quotes", "\u201cWe will not,\u201d he said", '"We will not," he said'),
    ("low and reversed quotes", "\u201eja\u201c und \u201fno\u201d", '"ja" und "no"'),
    ("guillemets", "\u00abNouveau\u00bb", '"Nouveau"'),
    ("curly apostrophe", "Qaani\u2019s visit", "Qaani's visit"),
    ("modifier-letter ayn and hamza", "Shi\u02bfa Qa\u02bcani", "Shi'a Qa'ani"),
    ("acute accent used as apostrophe", "O\u00b4Neill", "O'Neill"),
    ("em dash stays a dash", "WASHINGTON (AP) \u2014 The", "WASHINGTON (AP) \u2014 The"),
    ("en dash becomes em dash", "PARIS \u2013 The", "PARIS \u2014 The"),
    ("non-breaking hyphen", "Al\u2011Sudani", "Al-Sudani"),
    ("minus sign", "\u22125 degrees", "-5 degrees"),
    ("no-break space", "Jan\u00a08", "Jan 8"),
    ("narrow and ideographic spaces", "a\u202fb\u3000c", "a b c"),
    ("CRLF", "line one\r\nline two", "line one\nline two"),
    ("lone CR", "line one\rline two", "line one\nline two"),
    ("line separator", "one\u2028two", "one\ntwo"),
    ("paragraph separator", "one\u2029two", "one\n\ntwo"),
    ("zero-width space dropped", "Bagh\u200bdad", "Baghdad"),
    ("bidi marks dropped", "\u200fTehran\u200e", "Tehran"),
    ("BOM dropped", "\ufeffBy Jane Doe", "By Jane Doe"),
    ("soft hyphen dropped", "Pezesh\u00adkian", "Pezeshkian"),
    ("NUL and other controls dropped", "a\x00b\x07c\x1bd", "abcd"),
    ("tab kept", "a\tb", "a\tb"),
    ("decomposed accent composed", "Mu\u0308ller", "M\u00fcller"),
    ("precomposed accent kept", "M\u00fcller", "M\u00fcller"),
    ("ligature unfolded", "\ufb01nance", "finance"),
    ("full-width letters", "\uff32\uff45\uff55\uff54\uff45\uff52\uff53", "Reuters"),
    ("ellipsis", "wait\u2026", "wait..."),
    ("spacing diaeresis is not split", "a\u00a8b", "a\u00a8b"),
    ("Arabic script untouched", "\u0628\u063a\u062f\u0627\u062f", "\u0628\u063a\u062f\u0627\u062f"),
    ("lone surrogate replaced", "a\ud800b", "a\ufffdb"),
]


@pytest.mark.parametrize(("why", "text", "norm"), FOLDING, ids=[row[0] for row in FOLDING])
def test_folding(why: str, text: str, norm: str) -> None:
    view = TextView(text)
    assert view.norm == norm
    assert view.original == text
    assert view.is_identity == (text == norm)


def test_spans_map_back_exactly() -> None:
    text = "\u201cAl\u2011Sudani\u201d\u00a0said\r\nno\u200b."
    view = TextView(text)
    assert view.norm == '"Al-Sudani" said\nno.'
    start = view.norm.index("Al-Sudani")
    s, e = view.span(start, start + len("Al-Sudani"))
    assert text[s:e] == "Al\u2011Sudani"
    s, e = view.span(0, view.norm.index(" said"))
    assert text[s:e] == "\u201cAl\u2011Sudani\u201d"
    # A span ending at the newline's place ends after the whole CRLF.
    nl = view.norm.index("\n")
    assert view.span(nl, nl + 1) == (text.index("\r"), text.index("\r") + 2)
    # A span over "no." covers the dropped zero-width space inside it.
    s, e = view.span(nl + 1, len(view.norm))
    assert text[s:e] == "no\u200b."


INVISIBLE_IN_A_NAME = [
    ("zero-width space", "Ira\u200bq"),
    ("soft hyphen", "Ira\u00adq"),
    ("left-to-right mark", "I\u200eraq"),
    ("bidi embedding and pop", "\u202bIraq\u202c"),
    ("byte order mark", "Ira\ufeffq"),
    ("a ligature folds to two letters", "O\ufb01ce"),
    ("a combining accent composes", "Ira\u0301q"),
]


@pytest.mark.parametrize(("why", "name"), INVISIBLE_IN_A_NAME)
def test_norm_end_maps_an_input_end_into_the_view(why: str, name: str) -> None:
    """A range of the input (an entity's mention) ends at the same character in the view."""
    view = TextView(f"of {name} said")
    end = view.norm_end(3 + len(name))
    assert view.norm[3:end] == TextView(name).norm
    assert view.norm[end:] == " said"


def test_part_of_a_folded_character_maps_to_all_of_it() -> None:
    view = TextView("so\u2026 yes")
    assert view.norm == "so... yes"
    assert view.span(2, 3) == (2, 3)  # the first "." of "..." is the whole "…"
    assert view.span(3, 5) == (2, 3)
    assert view.span(5, 6) == (3, 4)


RISKY = st.sampled_from(
    [
        "\r\n",
        "\r",
        "\u00a0",
        "\u200b",
        "\u200d",
        "\u200f",
        "\u202e",
        "\ufeff",
        "\u00ad",
        "\u0301",
        "\u0308",
        "\ufb01",
        "\u2026",
        "\u201c",
        "\u201d",
        "\u2019",
        "\u2014",
        "\u2011",
        "\x00",
        "\x1b",
        "\u2028",
        "\u2029",
        "\ud800",
        "\U0001f600",
        "\u0628",
        "\uff21",
        "\u00a8",
        "e",
        "A",
        " ",
        "\n",
        "'",
        '"',
        "-",
        ".",
    ]
)
RISKY_TEXT = st.lists(RISKY | st.text(max_size=3), max_size=40).map("".join)
ANY_TEXT = st.text(max_size=200)
WORD = regex.compile(r"\w+")


def _check_view(text: str) -> None:
    view = TextView(text)
    norm = view.norm
    n = len(norm)
    starts = [view.start(p) for p in range(n + 1)]
    ends = [view.end(p) for p in range(n + 1)]
    assert starts == sorted(starts)
    assert ends == sorted(ends)
    assert all(0 <= v <= len(text) for v in starts + ends)
    for p in range(n):
        s, e = view.span(p, p + 1)
        assert s < e, "every character of the view comes from some original text"
    # Whatever lies outside the whole view's span folds away to nothing.
    s, e = view.span(0, n)
    if n:
        assert TextView(text[:s]).norm == ""
        assert TextView(text[e:]).norm == ""
    # Words of the view map to original text that folds back to the same word.
    for word in WORD.finditer(norm):
        s, e = view.span(*word.span())
        assert word.group() in TextView(text[s:e]).norm
    # norm_end undoes end: a range of the input that ends where a view range
    # ends maps back to that end (inside one folded character, to its end).
    for p in range(1, n + 1):
        back = view.norm_end(view.end(p))
        inside = p < n and view.start(p) == view.start(p - 1)
        assert back == p or (inside and back > p), (p, back)
    ends = [view.norm_end(o) for o in range(len(text) + 1)]
    assert ends == sorted(ends)
    assert (ends[0], ends[-1]) == (0, n)


@given(RISKY_TEXT)
@example("e\u0301\u0301x")
@example("\r\n\r\n\u2029")
def test_view_offsets_on_risky_text(text: str) -> None:
    _check_view(text)


@given(ANY_TEXT)
def test_view_offsets_on_any_unicode(text: str) -> None:
    _check_view(text)


@given(RISKY_TEXT)
def test_segments_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    doc = segment(text)
    previous = 0
    for paragraph in doc.paragraphs:
        assert previous <= paragraph.start < paragraph.end <= len(doc.norm)
        assert not doc.norm[paragraph.start].isspace()
        assert not doc.norm[paragraph.end - 1].isspace()
        previous = paragraph.end
        sentences = list(doc.sentences_in(paragraph))
        assert sentences, "every paragraph has at least one sentence"
        assert sentences[0].start == paragraph.start
        assert sentences[-1].end == paragraph.end
    assert sum(len(list(doc.sentences_in(p))) for p in doc.paragraphs) == len(doc.sentences)
    for span in (*doc.paragraphs, *doc.sentences):
        start, end = doc.original_span(span)
        assert 0 <= start <= end <= len(text)


# --------------------------------------------------------------------------
# sentences: (text, the sentences it holds)

SENTENCES = [
    (
        "two plain sentences",
        "The talks ended. Both sides left.",
        ["The talks ended.", "Both sides left."],
    ),
    (
        "question and exclamation",
        "Will it hold? Nobody knows! We wait.",
        ["Will it hold?", "Nobody knows!", "We wait."],
    ),
    ("title before a name", "Dr. Laila Karim spoke first.", ["Dr. Laila Karim spoke first."]),
    (
        "military rank",
        "Lt. Gen. Amir Haddad visited Erbil.",
        ["Lt. Gen. Amir Haddad visited Erbil."],
    ),
    ("Mr. and Mrs.", "Mr. and Mrs. Lane flew home.", ["Mr. and Mrs. Lane flew home."]),
    (
        "U.S. mid-sentence",
        "The U.S. envoy arrived on Monday.",
        ["The U.S. envoy arrived on Monday."],
    ),
    (
        "U.S. at a sentence end",
        "Aid came from the U.S. The rest came later.",
        ["Aid came from the U.S.", "The rest came later."],
    ),
    ("U.N. before a name", "The U.N. Security Council met.", ["The U.N. Security Council met."]),
    (
        "month abbreviation with day",
        "The vote is on Jan. 3 in Baghdad.",
        ["The vote is on Jan. 3 in Baghdad."],
    ),
    ("Sept. with day", "It began on Sept. 11, 2001.", ["It began on Sept. 11, 2001."]),
    ("middle initial", "James A. Baker met the minister.", ["James A. Baker met the minister."]),
    ("two initials", "R.J. Peek led the patrol.", ["R.J. Peek led the patrol."]),
    ("initial-only first name", "J. Smith declined to comment.", ["J. Smith declined to comment."]),
    (
        "company suffix mid-sentence",
        "Acme Corp. Chief Executive Ann Lee resigned.",
        ["Acme Corp. Chief Executive Ann Lee resigned."],
    ),
    (
        "company suffix at the end",
        "Shares rose at Acme Inc. The index fell.",
        ["Shares rose at Acme Inc.", "The index fell."],
    ),
    (
        "Jr. mid-sentence",
        "Martin Luther King Jr. Day is a holiday.",
        ["Martin Luther King Jr. Day is a holiday."],
    ),
    ("No. before a number", "It ranked No. 1 in the survey.", ["It ranked No. 1 in the survey."]),
    (
        "no ending a sentence",
        'She shook her head no. "We will wait," she said.',
        ["She shook her head no.", '"We will wait," she said.'],
    ),
    (
        "decimal number",
        "Output rose 2.5 pct in March. Exports fell.",
        ["Output rose 2.5 pct in March.", "Exports fell."],
    ),
    (
        "money",
        "It cost $1.2 billion. Critics objected.",
        ["It cost $1.2 billion.", "Critics objected."],
    ),
    (
        "closing quote after the stop",
        'He said: "We are ready." Then he left.',
        ['He said: "We are ready."', "Then he left."],
    ),
    ("question inside a quote", '"Why now?" she asked.', ['"Why now?" she asked.']),
    (
        "quote opens the next sentence",
        'Talks resumed. "We are close," he said.',
        ["Talks resumed.", '"We are close," he said.'],
    ),
    ("split quote", '"We will not," he said, "give up."', ['"We will not," he said, "give up."']),
    (
        "curly quotes",
        "\u201cIt is over.\u201d Nobody answered.",
        ["\u201cIt is over.\u201d", "Nobody answered."],
    ),
    (
        "parenthesis",
        "Prices fell (again). Traders sold.",
        ["Prices fell (again).", "Traders sold."],
    ),
    ("ellipsis before a capital", "We waited... Nothing came.", ["We waited...", "Nothing came."]),
    ("ellipsis before lower case", "We waited... and waited.", ["We waited... and waited."]),
    ("a.m. mid-sentence", "It began at 6 a.m. local time.", ["It began at 6 a.m. local time."]),
    ("lower case after a stop", "The firm (est. in 1990) grew.", ["The firm (est. in 1990) grew."]),
    (
        "digit starts the next sentence",
        "The attack came in 1987. 25 people died.",
        ["The attack came in 1987.", "25 people died."],
    ),
    (
        "Gov. before a name",
        "Gov. Ana Ruiz signed it. Lawmakers cheered.",
        ["Gov. Ana Ruiz signed it.", "Lawmakers cheered."],
    ),
    ("St. in a place name", "They met in St. Petersburg.", ["They met in St. Petersburg."]),
    (
        "wrapped wire text",
        "Output rose in\nMarch. Exports\nfell.",
        ["Output rose in\nMarch.", "Exports\nfell."],
    ),
    ("no final stop", "Iraq and Kuwait agree on channel", ["Iraq and Kuwait agree on channel"]),
    ("stop before a dash", "It ended. \u2014 Reuters", ["It ended.", "\u2014 Reuters"]),
    ("multiple spaces", "It ended.   Then it began.", ["It ended.", "Then it began."]),
    ("e.g. mid-sentence", "Some states, e.g. Iraq, agreed.", ["Some states, e.g. Iraq, agreed."]),
    (
        "abbreviation then a name",
        "He joined Reuters Ltd. Smith said later.",
        ["He joined Reuters Ltd. Smith said later."],
    ),
]


@pytest.mark.parametrize(("why", "text", "expected"), SENTENCES, ids=[row[0] for row in SENTENCES])
def test_sentences(why: str, text: str, expected: list[str]) -> None:
    doc = segment(text)
    assert [doc.original_text(s) for s in doc.sentences] == expected


# --------------------------------------------------------------------------
# paragraphs: (text, the paragraphs it holds)

WIRE = (
    "IRAQ OIL OUTPUT RISES\n"
    "BAGHDAD, March 2 - Iraq's oil output rose in February, the\n"
    "oil ministry said on Monday.\n"
    "    Output averaged 1.9 mln barrels a day, up from 1.7 mln\n"
    "in January, it said.\n"
    " Reuter\n"
)
PARAGRAPHS = [
    ("blank lines", "One para.\n\nTwo para.", ["One para.", "Two para."]),
    ("several blank lines with spaces", "One.\n  \n\n \nTwo.", ["One.", "Two."]),
    ("CRLF blank line", "One.\r\n\r\nTwo.", ["One.", "Two."]),
    ("leading and trailing space", "  \n One.  \n\n", ["One."]),
    (
        "hard-wrapped wire copy with indents",
        WIRE,
        [
            "IRAQ OIL OUTPUT RISES",
            "BAGHDAD, March 2 - Iraq's oil output rose in February, the\noil ministry said on Monday.",
            "Output averaged 1.9 mln barrels a day, up from 1.7 mln\nin January, it said.",
            "Reuter",
        ],
    ),
    (
        "one paragraph per line",
        "Forces detained two suspects.\nThe operation took place in Kandahar.\nNo civilians were hurt.",
        [
            "Forces detained two suspects.",
            "The operation took place in Kandahar.",
            "No civilians were hurt.",
        ],
    ),
    (
        "title and byline lines over a blank-line body",
        "Talks resume in Geneva\nBy Jane Doe, Reuters\n\nGENEVA, May 3 (Reuters) - Talks resumed.",
        [
            "Talks resume in Geneva",
            "By Jane Doe, Reuters",
            "GENEVA, May 3 (Reuters) - Talks resumed.",
        ],
    ),
    (
        "line separators as in scraped releases",
        "Title of release\nRegional Command\u2028\u2028By Army Capt. Ann Lee\u2028\u2028KABUL - Text.",
        ["Title of release", "Regional Command", "By Army Capt. Ann Lee", "KABUL - Text."],
    ),
    ("paragraph separator", "One.\u2029Two.", ["One.", "Two."]),
    (
        "tab indent",
        "The first line goes on\nand on.\n\tA new one starts.",
        ["The first line goes on\nand on.", "A new one starts."],
    ),
    ("empty text", "", []),
    ("only white space", " \n\t\n ", []),
]


@pytest.mark.parametrize(
    ("why", "text", "expected"), PARAGRAPHS, ids=[row[0] for row in PARAGRAPHS]
)
def test_paragraphs(why: str, text: str, expected: list[str]) -> None:
    doc = segment(text)
    assert [doc.original_text(p) for p in doc.paragraphs] == expected


def test_original_offsets_survive_folding_in_segmentation() -> None:
    text = "\ufeffFirst\u00a0one.\u200b\r\n\r\n\u201cSecond.\u201d"
    doc = segment(text)
    assert [doc.original_text(p) for p in doc.paragraphs] == [
        "First\u00a0one.",
        "\u201cSecond.\u201d",
    ]


@given(
    st.text(
        alphabet=st.sampled_from(list("ab Z_9'-.\n\u00e9\u0301\u00a0\u2019\u0661")), max_size=60
    )
)
@example("Al-Sudani's 3rd term, 2025.")
def test_words_are_the_runs_of_word_characters(text: str) -> None:
    doc = segment(text)
    runs = list(re.finditer(r"\w+", doc.norm))
    assert doc.words == [m.span() for m in runs]
    assert doc.word_texts == [m.group() for m in runs]
    assert all(doc.norm[a:b] == w for (a, b), w in zip(doc.words, doc.word_texts, strict=True))


def _line_marks(norm: str) -> tuple[set[int], set[int], set[int]]:
    """Line starts that are indented, open with a lower-case letter, or are headings,
    read line by line from the plain definitions."""
    indented, lower, headings = set(), set(), set()
    start = 0
    for line in norm.split("\n"):
        bare = line.lstrip(" \t")
        if re.match(r"(?:\t| {2,})\S", line):
            indented.add(start)
        if bare and unicodedata.category(bare[0]) == "Ll":
            lower.add(start)
        categories = [unicodedata.category(c) for c in line]
        if "Ll" not in categories and categories.count("Lu") >= 2:
            headings.add(start)
        start += len(line) + 1
    return indented, lower, headings


@given(
    st.text(alphabet=st.sampled_from(list(" \t\n\nAbZq9.,-\u00c9\u00e9\u01c5\u00aa")), max_size=80)
)
@example("BAGHDAD TALKS\n  Indented line\nwrapped on\n\tTabbed")
def test_line_marks_agree_with_reading_line_by_line(text: str) -> None:
    norm = TextView(text).norm
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", norm)]
    found: tuple[set[int], set[int], set[int]] = (set(), set(), set())
    for start, end in lines:
        for marks, pattern in zip(
            found,
            (
                text_module._INDENT.match,
                text_module._LOWER_START.match,
                text_module._HEADING.fullmatch,
            ),
            strict=True,
        ):
            if pattern(norm, start, end):
                marks.add(start)
    assert found == _line_marks(norm)


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("``We won,'' she said.", ' "We won,"  she said.'),
        ("''We won,'' she said.", ' "We won,"  she said.'),
        ("He said ''no'' twice.", 'He said  "no"  twice.'),
        ("The players'' union met.", 'The players"  union met.'),  # closing: no word after
        ("Nothing doubled here.", "Nothing doubled here."),
    ],
)
def test_doubled_quote_marks_read_as_one_in_place(text: str, norm: str) -> None:
    doc = with_plain_quote_marks(segment(text))
    assert doc.norm == norm
    assert len(doc.norm) == len(text)
    assert doc.original_text((0, len(text))) == text  # positions still map to the input


MARKUP = [
    # (why, text, what the stages read)
    ("codes around a byline", "&UR; By JANE DOE &QL;", "     By JANE DOE     "),
    ("a control character written as a code", "The end&Cx1f;", "The end      "),
    ("a code glued to a word", "Senate&LR;\nvoted", "Senate    \nvoted"),
    ("an entity for a character is kept", "AT&AMP;T and R&amp;D", "AT&AMP;T and R&amp;D"),
    ("an ampersand in prose is kept", "Procter & Gamble; Johnson & Johnson", None),
    ("an unknown code is kept", "&XYZ; stays", None),
]


@pytest.mark.parametrize(("why", "text", "norm"), MARKUP, ids=[row[0] for row in MARKUP])
def test_wire_markup_codes_read_as_spaces(why: str, text: str, norm: str | None) -> None:
    doc = segment(text)
    assert doc.norm == (text if norm is None else norm)
    assert len(doc.norm) == len(text)
    # Every position still maps to itself: the codes are blanked, not removed.
    assert doc.view.span(0, len(doc.norm)) == (0, len(text))


def test_markup_codes_yield_no_entities() -> None:
    import newsparse

    text = "&UR; By JANE DOE &QL;\n&UR; WASHINGTON _ The Senate voted on Tuesday. &QL;"
    article = newsparse.parse(text)
    names = {entity.name for entity in article.entities}
    assert not names & {"UR", "QL", "LR"}
    assert article.dateline is not None
    assert article.dateline.place == "WASHINGTON"
    assert article.byline is not None
    assert [a.name for a in article.byline.authors] == ["Jane Doe"]
