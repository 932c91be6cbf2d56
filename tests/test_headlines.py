"""The layout: headlines, decks, subheads and page furniture, and what later stages make of them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse as np
from newsparse._text import segment

#: Lines of the kinds an article's head and body are made of, for texts built at random.
LINES = [
    "Port Reopens After Storm",
    "PORT REOPENS AFTER STORM",
    "Port reopens after storm.",
    "By Layla Haddad",
    "Layla Haddad",
    "BASRA, March 3 (Reuters) - The port reopened on Sunday.",
    "BASRA (AP) _ Ships queued.",
    "BASRA",
    "Share",
    "Advertisement",
    "2010-09-CA-005",
    "What comes next",
    '"We have the ships," Omar Rashid said.',
    "The port of Basra reopened on Sunday after a storm shut it for days.",
    "",
    " ",
]
article_texts = st.lists(
    st.tuples(st.sampled_from(LINES), st.sampled_from(["\n", "\n\n", "\r\n"])), max_size=10
).map(lambda parts: "".join(line + end for line, end in parts))

H, D, S, B, N, T = "headline", "deck", "subhead", "byline", "note", "body"

LAYOUTS = [
    # (text, headline or None, the kinds of the paragraphs in order)
    # a headline over a wire dateline, in capitals, title case or sentence case
    (
        "PORT REOPENS AFTER STORM\nBASRA, March 3 (Reuters) - The port reopened.",
        "PORT REOPENS AFTER STORM",
        [H, T],
    ),
    (
        "Port Reopens After Storm\n\nBASRA (AP) _ The port reopened on Sunday.",
        "Port Reopens After Storm",
        [H, T],
    ),
    (
        "Port reopens after storm.\nBASRA 1996-08-22\nThe port reopened on Sunday.",
        "Port reopens after storm.",
        [H, T, T],
    ),
    # no dateline: one line without a full stop, or shorter than what follows
    (
        "Port reopens after storm\n\nThe port of Basra reopened on Sunday after a storm shut it.",
        "Port reopens after storm",
        [H, T],
    ),
    (
        "Port reopens.\n\nThe port of Basra reopened on Sunday after a storm shut it for days.",
        "Port reopens.",
        [H, T],
    ),
    # a deck and a byline between the headline and the dateline
    (
        "Port Reopens After Storm\nShips queue as the harbour clears\nBy Layla Haddad\nBASRA, Iraq (AP) _ The port reopened.",
        "Port Reopens After Storm",
        [H, D, B, T],
    ),
    # two paragraphs of text, the first no shorter: no headline
    ("The port reopened on Sunday.\n\nShips queued for days.", None, [T, T]),
    ("A short note.\n\nA second one.", None, [T, T]),
    # one paragraph only, or the dateline in the first
    ("Port reopens after storm", None, [T]),
    ("BASRA (Reuters) - The port reopened.\n\nShips queued for days.", None, [T, T]),
    # a subhead between paragraphs of the body
    (
        "BASRA (Reuters) - The port reopened on Sunday.\n\nWhat comes next\n\nShips will queue for days.",
        None,
        [T, S, T],
    ),
    # notes: a labelled one anywhere; update notices and corrections at the end, with
    # the date line under a correction, after any credit line
    (
        "Correction: An earlier version misspelled a name.\n\nBASRA (Reuters) - The port reopened.",
        None,
        [N, T],
    ),
    (
        "BASRA (Reuters) - The port reopened.\n\nShips queued.\n\nAmanda Reyes contributed reporting."
        "\n\nThis article was updated to include comments from the ministry.",
        None,
        [T, T, B, N],
    ),
    (
        "BASRA (Reuters) - The port reopened.\n\nAn article on Monday about the port misstated "
        "its depth.\n\nTuesday, May 3, 2016.",
        None,
        [T, N, N],
    ),
    # not notes: a sentence that opens as a correction does, without an error; an
    # update notice that the text goes on after
    (
        "BASRA (Reuters) - The port reopened.\n\nAn article on the port ran in 2020, officials said.",
        None,
        [T, T],
    ),
    (
        "BASRA (Reuters) - The port reopened.\n\nThis story has been updated often.\n\nShips queued.",
        None,
        [T, T, T],
    ),
    # not a subhead: a line that ends a sentence, or one that ends with a colon
    (
        "BASRA (Reuters) - The port reopened on Sunday.\n\nShips queued.\n\nThey will sail on Monday.",
        None,
        [T, T, T],
    ),
    (
        "BASRA (Reuters) - The port reopened on Sunday.\n\nThe ministry said:\n\nShips will sail.",
        None,
        [T, T, T],
    ),
]


@pytest.mark.parametrize(("text", "headline", "kinds"), LAYOUTS, ids=[r[0][:40] for r in LAYOUTS])
def test_layout(text: str, headline: str | None, kinds: list[str]) -> None:
    article = np.parse(text)
    assert (None if article.headline is None else article.headline.text) == headline
    assert [p.kind.value for p in article.paragraphs] == kinds
    if article.headline is not None:
        first = article.paragraphs[0]
        assert (article.headline.start, article.headline.end) == (first.start, first.end)


FURNITURE = [
    # (text, the lines read as furniture)
    ("Port reopens\nShare\nAdvertisement\nThe port reopened.", ["Share", "Advertisement"]),
    (
        "Port reopens\n\nDownload PDF\n\nFor Immediate Release\n\nThe port reopened.",
        ["Download PDF", "For Immediate Release"],
    ),
    ("SHARE:\nRead more \u00bb\nThe port reopened.", ["SHARE:", "Read more \u00bb"]),
    ("2010-09-CA-005\nKABUL, Afghanistan (Sept. 1) - Forces met.", ["2010-09-CA-005"]),
    ("Release #2012-06-S-026\nKABUL - Forces met.", ["Release #2012-06-S-026"]),
    ("The talks went on.\nPage 2 of 3\nThey ended.", ["Page 2 of 3"]),
    # a wire slug, with markup codes around it or a version after a comma
    ("&UR; BC-FLOOD-WALES-NYT &QL;\nCARDIFF _ Rivers rose.", ["BC-FLOOD-WALES-NYT"]),
    (
        "AM-Flood-Warnings, 2nd Ld-Writethru\nCARDIFF (AP) _ Rivers rose.",
        ["AM-Flood-Warnings, 2nd Ld-Writethru"],
    ),
    ("BC-Flood-Warnings\nRivers rose.", ["BC-Flood-Warnings"]),
    # a desk code under the headline, the wire's continuation mark
    ("RIVERS RISE IN WALES\n(bl)\nCARDIFF _ Rivers rose.", ["(bl)"]),
    ("Rivers rose across the valley.\n(MORE)", ["(MORE)"]),
    # a web page's date line
    ("Published On 12 Mar 2025\nRivers rose.", ["Published On 12 Mar 2025"]),
    (
        "By Jane Roe\nUpdated 6:42 PM EST, Tue March 11, 2025\nRivers rose.",
        ["Updated 6:42 PM EST, Tue March 11, 2025"],
    ),
    ("Updated figures for 2025 were released.\nRivers rose.", []),
    # brackets inside a line, or a word in brackets that is no code, are text
    ("Rivers rose (again)\nin the valley.", []),
    ("The vote\n(unanimous)\nwas taken.", []),
    # a hyphened word alone on a line is no slug
    ("Anti-Corruption\nRivers rose.", []),
    # a wrapped line that goes on in lower case, a label inside a sentence, a date: text
    ("Traders expected the market to\nclose.\nShares fell.", []),
    ("Users may share the file.\nThey did.", []),
    ("The vote is on\n2025-01-08\nin the capital.", []),
    ("Print media were banned, the ministry said.", []),
    # a wire's end mark after the last sentence; inside the text it is a word
    ("Both sides met in Beijing and Brasilia. Enditem", ["Enditem"]),
    ("The opposition joined the walkout. PTI KR RT\n", ["PTI KR RT"]),
    ("The PTI report said so. Enditem was its last word.", []),
    ("The walkout went on, said the PTI. It ended.", []),
]


@pytest.mark.parametrize(("text", "lines"), FURNITURE, ids=[r[0][:30] for r in FURNITURE])
def test_furniture_is_read_as_spaces(text: str, lines: list[str]) -> None:
    doc = segment(text)
    assert [doc.original_text(span) for span, _ in doc.furniture] == lines
    for span, _ in doc.furniture:
        assert not doc.norm[span.start : span.end].strip()
        assert all(not (p.start < span.end and span.start < p.end) for p in doc.paragraphs)


def test_furniture_feeds_no_stage() -> None:
    text = (
        "Download PDF\nShare\n\nBASRA (AP) _ Port director Omar Rashid said the port reopened.\n\n"
        'Advertisement\n\n"We have waited long enough," he said.\n\nSave\nPrint\n'
    )
    article = np.parse(text)
    names = {e.name for e in article.entities}
    assert {"Download PDF", "Share", "Save", "Print", "Advertisement"}.isdisjoint(names)
    assert "Omar Rashid" in names
    assert [q.kind.value for q in article.quotes] == ["indirect", "direct"]
    assert article.offset_problems(text) == []


def test_a_title_case_headline_gives_the_names_the_body_gives_and_no_others() -> None:
    text = (
        "Harlan Vows Border Bill Will Pass Before Recess\n\n"
        "WASHINGTON (AP) _ Senate Majority Leader Tom Harlan said on Tuesday that the "
        "border bill would pass before the recess.\n"
    )
    article = np.parse(text)
    people = {e.name: [m.text for m in e.mentions] for e in article.entities}
    assert people["Tom Harlan"] == ["Harlan", "Tom Harlan"]
    assert not [name for name in people if "Border" in name or "Recess" in name]


def test_a_title_case_headline_may_leave_its_prepositions_in_lower_case() -> None:
    text = (
        "Harlan Says Donations Slipped through the Cracks where Auditors Looked\n\n"
        "WASHINGTON (AP) _ Senator Tom Harlan said on Tuesday that donations went unchecked.\n"
    )
    article = np.parse(text)
    names = {e.name for e in article.entities}
    assert "Tom Harlan" in names
    assert not names & {"Donations", "Slipped", "Cracks", "Auditors Looked", "Auditors"}


def test_a_headline_in_sentence_case_keeps_its_names() -> None:
    text = "Harlan says border bill will pass\n\nWASHINGTON (AP) _ The bill will pass, Tom Harlan said.\n"
    article = np.parse(text)
    harlan = next(e for e in article.entities if e.name == "Tom Harlan")
    assert [m.text for m in harlan.mentions] == ["Harlan", "Tom Harlan"]


def test_a_quotation_that_opens_a_paragraph_after_a_subhead_is_speech() -> None:
    text = (
        "BASRA (Reuters) - Port director Omar Rashid said the port reopened on Sunday.\n\n"
        "Long queues\n\n"
        '"We have the ships," he said.\n'
    )
    article = np.parse(text)
    assert [(q.text, q.speaker.text if q.speaker else None) for q in article.quotes] == [
        ("the port reopened on Sunday", "Port director Omar Rashid"),
        ("We have the ships", "he"),
    ]


@pytest.mark.parametrize(
    "dateline", ["WASHINGTON (AP) _", "WASHINGTON, March 5 (Reuters) -", "WASHINGTON \u2014"]
)
def test_a_speaker_starts_after_the_dateline(dateline: str) -> None:
    text = f"{dateline} Senate Majority Leader Tom Harlan said on Tuesday that the bill would pass."
    article = np.parse(text, reference_date="2024-03-05")
    (quote,) = article.quotes
    assert quote.speaker is not None
    assert quote.speaker.text == "Senate Majority Leader Tom Harlan"


@given(article_texts)
def test_any_text_has_one_kind_per_paragraph_and_the_headline_first(text: str) -> None:
    article = np.parse(text)
    kinds = [p.kind for p in article.paragraphs]
    assert kinds.count(np.ParagraphKind.HEADLINE) == (article.headline is not None)
    if article.headline is not None:
        assert kinds[0] is np.ParagraphKind.HEADLINE
        assert text[article.headline.start : article.headline.end] == article.headline.text
