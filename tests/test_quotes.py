"""Quotes and attribution: the team's table of wire-style cases, the seed, scare quotes."""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse as np
from newsparse._stages import quotes as quotes_module

CASES_FILE = Path(__file__).parent / "data" / "attributions.tsv"


def _cases() -> list[tuple[str, str, str, str, str, bool]]:
    rows = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, kind, cue, starts, speaker, anonymous = line.split("\t")
            rows.append((text.replace("\\n", "\n"), kind, cue, starts, speaker, anonymous == "yes"))
    return rows


CASES = _cases()


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize(
    ("text", "kind", "cue", "starts", "speaker", "anonymous"),
    CASES,
    ids=[f"{i}-{c[0][:40]}" for i, c in enumerate(CASES)],
)
def test_attribution_cases(
    text: str, kind: str, cue: str, starts: str, speaker: str, anonymous: bool
) -> None:
    article = np.parse(text, reference_date="2025-01-08")
    # A quotation its attribution splits is one quote; each piece is one of its parts.
    candidates = [q for q in article.quotes if any(p.text.startswith(starts) for p in q.parts)]
    assert candidates, f"no quote starts with {starts!r}: {[q.parts for q in article.quotes]}"
    quote = candidates[0]
    assert (quote.kind.value, quote.cue) == (kind, cue or None)
    assert text[quote.start : quote.end] == quote.text
    if not speaker:  # no one is named: "when asked whether ..."
        assert quote.speaker is None
        return
    assert quote.speaker is not None
    assert quote.speaker.anonymous is anonymous
    if quote.speaker.entity is not None:
        entity = article.entity(quote.speaker.entity)
        assert entity is not None
        assert entity.name == speaker
    else:
        assert quote.speaker.text.casefold() == speaker.casefold()
    assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


SCARE = [
    'The so-called "secret" visit surprised nobody.',
    'Officials fear a "domino effect" across the region.',
    'The drills, named "Northern Shield 7", began on Monday.',
    'The plan is known as the "New Gulf Vision" in the capital.',
    'He described the groups as "terrorist and sectarian" in the speech.',
]


@pytest.mark.parametrize("text", SCARE)
def test_scare_quotes_and_titles_are_not_speech(text: str) -> None:
    assert all(
        q.speaker is None or q.kind is not np.QuoteKind.DIRECT for q in np.parse(text).quotes
    )
    assert not [q for q in np.parse(text).quotes if q.text.strip('" ') in text.split('"')[1]]


NOT_SPEECH = [
    "The three states last voted for the governing party in 1988.",
    "Coastal states swing toward the opposition in most years.",
    "Haddad holds a lead in pledged delegates after the vote in Basra.",
    "The original tweet was deleted within the hour.",
    "Port workers filed claims against the company in May.",
    "The council called a meeting for Friday.",
    "A website called Harbour News ran the story first.",
    "The new quay has been called a landmark.",
    "The talks continued the next morning in Basra.",
    "She read the report on the flight to Basra.",
    "A port official, who asked not to be named, walked away.",
    "In a statement, the ministry said.",
    "It depends on what happens in the other port states that precede it on the calendar.",
    # a cue that ends its clause, a coordinator after it
    "No delays had been reported but at least 12 ships were waiting.",
    # the same forms before "to", "that" or a pronoun, as nouns or in idioms
    "Haddad pledged to Clinton.",
    "It was a campaign promise he had made in May.",
    "His old promise to rebuild the quay was popular.",
    "The three states that border the river voted early.",
    "Only time will tell if the port will recover.",
    "She does not mention that on the campaign trail.",
    "Jane Doe said at the event he attended on Friday.",
    "Omar Rashid maintains a large lead in the polls.",
    "The mill has maintained a steady output since May.",
    "Omar Rashid has never complained about the noise at the port.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_a_cue_form_used_as_a_noun_gives_no_quote(text: str) -> None:
    assert np.parse(text).quotes == ()


@pytest.mark.parametrize(
    "text",
    [
        '"They came at dawn," a resident who asked not to be named told reporters.',
        "A resident, who asked not to be named, told reporters they came at dawn.",
    ],
)
def test_asking_not_to_be_named_is_no_speech(text: str) -> None:
    (quote,) = np.parse(text).quotes
    assert quote.cue == "told"
    assert quote.speaker is not None
    assert quote.speaker.text.startswith(("a resident", "A resident"))


def test_a_cue_form_after_no_is_a_noun() -> None:
    text = (
        "Tarsk Radio's Omar Rashid, reporting from Kessan, said the shells hit "
        "homes with no warning."
    )
    quotes = np.parse(text).quotes
    assert [(q.cue, q.text) for q in quotes] == [("said", "the shells hit homes with no warning")]
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.text.startswith("Tarsk Radio's Omar Rashid")


def test_a_cue_inside_reported_speech_before_a_coordinator_adds_no_quote() -> None:
    text = "Omar Rashid said no delays had been reported but at least 12 ships were waiting."
    quotes = np.parse(text).quotes
    assert [(q.text, q.speaker and q.speaker.text) for q in quotes] == [
        ("no delays had been reported but at least 12 ships were waiting", "Omar Rashid")
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("The ministry's report states that the port will reopen.", "the port will reopen"),
        ('The ministry\'s report states: "The port will reopen."', "The port will reopen"),
        ("Layla Haddad, who claims the port was sold, resigned.", "the port was sold"),
        ("Layla Haddad claims the port was sold to a rival.", "the port was sold to a rival"),
    ],
)
def test_the_same_forms_used_as_verbs_give_quotes(text: str, said: str) -> None:
    assert [q.text for q in np.parse(text).quotes] == [said]


def test_a_quotation_after_reported_speech_is_the_same_speakers() -> None:
    text = (
        "Layla Haddad said the port would close for a month.\n\n"
        '"We have no choice. The quay is falling into the river."'
    )
    quotes = np.parse(text).quotes
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["Layla Haddad"] * 2


def test_a_quote_over_two_paragraphs() -> None:
    text = '"The port will reopen," Haddad said. "The first ships are waiting.\n\n"After that, we dredge the second channel."'
    quotes = np.parse(text).quotes
    assert [q.text for q in quotes][-1].endswith("we dredge the second channel")
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.text == "Haddad"
    assert [p.text for p in quotes[-1].parts] == [
        "The port will reopen",
        'The first ships are waiting.\n\n"After that, we dredge the second channel',
    ]


# A quotation split by its attribution is one quote of several parts; a quotation
# with a cue or a speaker of its own, or beyond the next sentence or paragraph, is not.
SPLIT = [
    ('"We will not," she said, "give up."', [["We will not", "give up"]]),
    (
        '"We will not give up," said Jane Doe, the minister. "Not now. Not ever."',
        [["We will not give up", "Not now. Not ever"]],
    ),
    (
        "\u201cThe quay is falling into the river,\u201d Omar Rashid told reporters."
        " \u201cWe have no choice.\u201d",
        [["The quay is falling into the river", "We have no choice"]],
    ),
    (
        "``The quay is falling into the river,'' Rashid said. ``We have no choice.''",
        [["The quay is falling into the river", "We have no choice"]],
    ),
    (
        '"We will not give up," she said. "Not now, not ever," she added.',
        [["We will not give up"], ["Not now, not ever"]],
    ),
    (
        '"We will not give up," said Jane Doe. She left for Basra on Monday. '
        '"Not now, not ever, not under any minister."',
        [["We will not give up"], ["Not now, not ever, not under any minister"]],
    ),
    (
        '"We will not give up," said Jane Doe.\n\n"Not now, not ever, not under any minister."',
        [["We will not give up"], ["Not now, not ever, not under any minister"]],
    ),
    (
        'Jane Doe said the port would close. "We have no choice in the matter," she said.',
        [["the port would close"], ["We have no choice in the matter"]],
    ),
    # Reported speech that its attribution interrupts, and a lead into a quotation.
    (
        "The new quay, the port authority said, will open to container ships in March.",
        [["The new quay", "will open to container ships in March"]],
    ),
    (
        'The new quay, she said, "will take the first container ships in March."',
        [["The new quay", '"will take the first container ships in March."']],
    ),
]

# Where what was said starts and ends, and its kind.
BOUNDS = [
    (
        "Omar Rashid said on Friday that the quay would reopen.",
        "the quay would reopen",
        "indirect",
    ),
    (
        "Omar Rashid said the dredging would resemble that of the old harbour.",
        "the dredging would resemble that of the old harbour",
        "indirect",
    ),
    (
        "Omar Rashid said he was unconvinced that the quay would hold.",
        "he was unconvinced that the quay would hold",
        "indirect",
    ),
    (
        "Port officials said Basra should keep its quay open, not close it for the winter.",
        "Basra should keep its quay open, not close it for the winter",
        "indirect",
    ),
    (
        "The mayor praised Omar Rashid, who said the quay would reopen slowly, in stages.",
        "the quay would reopen slowly, in stages",
        "indirect",
    ),
    (
        "Omar Rashid, who said the quay would reopen, resigned on Friday.",
        "the quay would reopen",
        "indirect",
    ),
    (
        "Rashid said the talks between Basra and then-Gov. Ali Hassan had stalled.",
        "the talks between Basra and then-Gov. Ali Hassan had stalled",
        "indirect",
    ),
    (
        'The old quay "is falling into the river, bit by bit," Omar Rashid said.',
        'The old quay "is falling into the river, bit by bit,"',
        "mixed",
    ),
    (
        'As for the old quay, "It is falling into the river," Omar Rashid said.',
        "It is falling into the river",
        "direct",
    ),
    (
        "Dock workers said the ruling, which lifted limits that other states have copied,"
        " shows the need for a new port law.",
        "the ruling, which lifted limits that other states have copied,"
        " shows the need for a new port law",
        "indirect",
    ),
    (
        "Omar Rashid, a port engineer, said Basra harbour officials plan to dredge"
        " the channel in the spring.",
        "Basra harbour officials plan to dredge the channel in the spring",
        "indirect",
    ),
    (
        "Rashid said Haddad's handling of the tender was not the only problem.",
        "Haddad's handling of the tender was not the only problem",
        "indirect",
    ),
    (
        "Haddad said in an interview with the Basra Courier on Monday last week that"
        " the quay would stay shut.",
        "the quay would stay shut",
        "indirect",
    ),
    (
        '"The court expresses no view on the merits" of the tender, the ruling said.',
        '"The court expresses no view on the merits" of the tender',
        "mixed",
    ),
    (
        '"It would seal the tender for Haddad" because she would widen her lead, he said.',
        '"It would seal the tender for Haddad" because she would widen her lead',
        "mixed",
    ),
    (
        'The ruling will carry "a great deal of weight" and give bidders the "certainty"'
        " they need, port spokesman Omar Rashid said.",
        'The ruling will carry "a great deal of weight" and give bidders the "certainty" they need',
        "mixed",
    ),
]


@pytest.mark.parametrize(("text", "said", "kind"), BOUNDS)
def test_what_was_said_starts_and_ends_where_its_clause_does(
    text: str, said: str, kind: str
) -> None:
    quotes = np.parse(text).quotes
    assert [(q.text, q.kind.value) for q in quotes] == [(said, kind)]


@pytest.mark.parametrize(("text", "parts"), SPLIT)
def test_a_quotation_its_attribution_splits_is_one_quote(text: str, parts: list[list[str]]) -> None:
    quotes = np.parse(text).quotes
    assert [[p.text for p in q.parts] for q in quotes] == parts
    for q in quotes:
        assert q.text == text[q.start : q.end]
        assert q.parts[0].start == q.start
        assert q.parts[-1].end == q.end
        assert all(text[p.start : p.end] == p.text for p in q.parts)
        assert q.content == " ".join(parts[quotes.index(q)])


@given(
    st.text(
        alphabet=st.sampled_from(list('ab "\u201c\u201d,. \nsaid that according to He')),
        max_size=200,
    )
)
def test_any_text_gives_valid_quotes(text: str) -> None:
    for quote in np.parse(text).quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.start == quote.parts[0].start <= quote.parts[-1].end == quote.end
        assert all(text[p.start : p.end] == p.text for p in quote.parts)
        if quote.speaker is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_seed_attributions(seed_text: str, seed_expected: dict[str, Any]) -> None:
    from tests.conftest import SEED_DIR

    table = np.AliasTable.from_file(SEED_DIR / "aliases.json")
    article = np.parse(seed_text, aliases=table)
    right = 0
    for gold in seed_expected["attributions"]:
        for quote in article.quotes:
            if not quote.text.lstrip('"\u201c ').startswith(gold["quote_starts"]):
                continue
            speaker = quote.speaker
            if speaker is None:
                continue
            wanted = gold["speaker"].casefold()
            if gold.get("anonymous"):
                ok = speaker.anonymous and wanted.split()[-1] in speaker.text.casefold()
            else:
                entity = article.entity(speaker.entity) if speaker.entity else None
                ok = (
                    entity is not None and entity.name.casefold() == wanted
                ) or wanted in speaker.text.casefold()
            if ok:
                right += 1
                break
    assert right >= 13
    scare = {s.casefold() for s in seed_expected["scare_quotes_not_speech"]}
    assert not [
        q
        for q in article.quotes
        if q.speaker is not None and q.text.strip('"\u201c\u201d ,.').casefold() in scare
    ]


def _clause_words(norm: str, clause_start: int, verb_start: int) -> list[tuple[int, int, str]]:
    """The words from a clause start up to a cue verb, read directly for that verb."""
    limit = quotes_module._CLAUSE_WORDS + 1
    found = islice(quotes_module._WORD.finditer(norm, clause_start, verb_start), limit)
    return [(m.start(), m.end(), m.group().casefold()) for m in found]


@given(
    st.lists(
        st.sampled_from(
            ["said", "that", "re-said", "O'Neill", "the", "minister", " ", ", ", "-", "'"]
        ),
        max_size=60,
    ),
    st.data(),
)
def test_a_clauses_words_read_once_are_those_read_for_each_verb(
    pieces: list[str], data: st.DataObject
) -> None:
    norm = "".join(pieces)
    reader = quotes_module._ClauseWords(norm, len(norm))
    for _ in range(5):
        clause = data.draw(st.integers(0, len(norm)))
        verb = data.draw(st.integers(clause, len(norm)))
        assert reader.before(clause, verb) == _clause_words(norm, clause, verb)


# Characters that the view drops or folds, inside the name of a speaker whose noun
# phrase stops before the name ends ("The General Company" + "for Ports of Iraq"):
# the speaker is the whole name, never cut short or run into the verb.
INVISIBLE_IN_A_SPEAKER = [
    ("zero-width space", "Ports of Ira\u200bq"),
    ("three zero-width spaces", "Ports of I\u200b\u200b\u200braq"),
    ("soft hyphens", "Ports of Ir\u00ad\u00adaq"),
    ("bidi marks", "Ports of I\u200e\u200f\u200eraq"),
    ("isolates", "Ports of \u2066Ir\u2069aq"),
    ("byte order marks", "Ports of Ira\ufeff\ufeffq"),
    ("word joiner and zero-width joiner", "Ports of I\u2060r\u200daq"),
    ("a ligature, longer in the view", "Oil\ufb01elds of Iraq"),
    ("an accent that composes, shorter in the view", "Ports of Ira\u0301q"),
]


@pytest.mark.parametrize(("why", "name"), INVISIBLE_IN_A_SPEAKER)
def test_a_speaker_with_invisible_characters_is_named_whole(why: str, name: str) -> None:
    speaker = f"The General Company for {name}"
    text = f'{speaker} said "we are ready to work".'
    article = np.parse(text)
    assert [q.speaker.text if q.speaker else None for q in article.quotes] == [speaker]
    (found,) = article.quotes
    assert found.speaker is not None
    assert found.speaker.entity is not None
    assert article.offset_problems(text) == []


@pytest.mark.parametrize("apostrophe", ["\u2019", "'"])
def test_a_contraction_as_speaker_is_one_word_whatever_its_apostrophe(apostrophe: str) -> None:
    # A speaker's words are read in the view, where a curly apostrophe (U+2019) is a
    # straight one: "we've" written with it is one word, and does not take the entity
    # of an earlier speaker "I've" written so (it once did, through the word "ve").
    text = (
        "Layla Haddad, who ran the campaign office in Basra, said the alliance was fraying.\n\n"
        f"I{apostrophe}ve warned that the coalition was thin since the spring.\n\n"
        f"Since then, we{apostrophe}ve argued that the young voters and the cities are ours.\n"
    )
    article = np.parse(text)
    speakers = {q.cue: q.speaker for q in article.quotes if q.speaker is not None}
    assert speakers["warned"].text == f"I{apostrophe}ve"
    assert speakers["argued"].text == f"we{apostrophe}ve"
    assert speakers["argued"].entity is None
    assert article.offset_problems(text) == []


def test_a_cue_ending_with_a_colon_introduces_the_next_paragraphs_quotation() -> None:
    text = (
        "Karim Bashir, the port's director, spoke to dock workers on Monday. He said:\n\n"
        '"We will rebuild the quay. It will take a year, and it will cost more."\n\n'
        "The workers left the hall.\n"
    )
    (quote,) = np.parse(text).quotes
    assert quote.kind is np.QuoteKind.DIRECT
    assert quote.text.startswith("We will rebuild the quay. It will take a year")
    assert quote.speaker is not None
    assert quote.speaker.text == "He"
    assert quote.speaker.entity == "person:karim-bashir"


@pytest.mark.parametrize(
    "text",
    ["Karim Bashir told the AP", "She told The", "He said Thursday", "They told reporters,"],
)
def test_a_cue_at_the_texts_end_gives_no_quote_and_no_error(text: str) -> None:
    assert np.parse(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Layla Haddad met James Baker in Basra. She said the port would reopen.", "Layla Haddad"),
        ("James Baker met Layla Haddad in Basra. He said the port would reopen.", "James Baker"),
        # A given name that marks no sex, or none at all: the last person named.
        ("Layla Haddad met Robin Okafor in Basra. She said the port would reopen.", "Robin Okafor"),
    ],
)
def test_he_and_she_name_a_person_of_that_sex_when_the_given_name_says(
    text: str, speaker: str
) -> None:
    article = np.parse(text)
    (quote,) = article.quotes
    assert quote.speaker is not None
    assert quote.speaker.entity is not None
    entity = article.entity(quote.speaker.entity)
    assert entity is not None
    assert entity.name == speaker


def test_a_double_mark_between_letters_is_an_apostrophe() -> None:
    # Some wires write the apostrophe as a double mark: "don"t", "isn"t".
    text = '"We don"t see a problem on the accounting side," the minister said.'
    (quote,) = np.parse(text).quotes
    assert quote.text == 'We don"t see a problem on the accounting side'
    assert quote.kind is np.QuoteKind.DIRECT


@pytest.mark.parametrize(
    "text",
    [
        'Haddad said:" The port will reopen within weeks."',
        '"The talks went well, "  Rashid said.',
    ],
)
def test_no_quote_starts_or_ends_with_white_space(text: str) -> None:
    quotes = np.parse(text).quotes
    assert quotes
    assert all(q.text == q.text.strip() for q in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Sen. Jane Doe (D-R.I.), said on Tuesday that she had not read the plan.",
            "Sen. Jane Doe (D-R.I.)",
        ),
        ('"We will stay in Basra," said the U.S.', "the U.S."),
        ('"We will stay in Basra," said Jane Doe.', "Jane Doe"),
        ('"We will stay in Basra," said Jane Doe (Reuters).', "Jane Doe (Reuters)"),
        (
            'The dockers, who called the ruling "a joke," said they would appeal.',
            'The dockers, who called the ruling "a joke,"',
        ),
    ],
)
def test_a_speaker_keeps_its_brackets_and_initials_not_the_stop_after_them(
    text: str, speaker: str
) -> None:
    quotes = np.parse(text).quotes
    assert [q.speaker.text if q.speaker else None for q in quotes] == [speaker]


# A participle after a comma shares the subject of the clause before it, though no
# entity opens that clause: a title before a name, a phrase opened by a determiner,
# a possessive or a quantifier, a run of capitalised words.
SHARED_SUBJECT = [
    (
        "The port authority's lawyers declined to comment on the filing, saying the case"
        " was still open.",
        "the case",
        "The port authority's lawyers",
    ),
    (
        "Several harbour pilots have refused to work overnight shifts, arguing that the"
        " channel lights are broken.",
        "the channel",
        "Several harbour pilots",
    ),
    (
        "Regional Transport Commissioner Layla Haddad rejected the plan on Tuesday, saying"
        " it would cost too much.",
        "it would",
        "Regional Transport Commissioner Layla Haddad",
    ),
    (
        "Democrats had sued the county over the closures, saying that voters in rural"
        " areas would be hurt.",
        "voters",
        "Democrats",
    ),
    (
        "The two ministries issued a joint statement on Friday, noting that exports had"
        " fallen for a third month.",
        "exports",
        "The two ministries",
    ),
    # A subordinate clause before the cue has its own subject.
    (
        "Some residents cheered, and when Mayor Jane Doe thanked the crews and said the"
        " bridge would reopen, the crowd applauded.",
        "the bridge",
        "Jane Doe",
    ),
    # A phrase opened by a participle or a cue in -ed stands before the subject.
    (
        "Asked whether the talks would resume, the union's negotiator shrugged, saying"
        " only that it was too early to tell.",
        "it was",
        "the union's negotiator",
    ),
    (
        "Continuing to explain his view, the mayor rejected the report, saying that the"
        " bridge was safe.",
        "the bridge",
        "the mayor",
    ),
    # A cue in a clause a participle opens has the main clause's subject: the
    # participle is no speaker.
    (
        "Jane Doe was making a fresh appeal to farmers on Monday, refusing to concede"
        " that the harvest had failed.",
        "the harvest",
        "Jane Doe",
    ),
    (
        "The mill's owners closed the gates on Friday, declining to say whether the"
        " workers would be paid.",
        "whether",
        "The mill's owners",
    ),
    # Adjectives in -ing open a subject of their own.
    (
        "Leading economists say that the recovery will be slow.",
        "the recovery",
        "Leading economists",
    ),
]


def _speaker_of_quote(text: str, starts: str) -> str | None:
    """The speaker's text of the quote of ``text`` that starts with ``starts``."""
    quote = next(q for q in np.parse(text).quotes if q.text.startswith(starts))
    return None if quote.speaker is None else quote.speaker.text


@pytest.mark.parametrize(("text", "starts", "speaker"), SHARED_SUBJECT)
def test_a_participle_shares_the_noun_phrase_opening_its_sentence(
    text: str, starts: str, speaker: str
) -> None:
    assert _speaker_of_quote(text, starts) == (speaker or None)


# An attribution that closes a sentence with its verb first names a speaker in lower
# case too: an article or a quantifier before a noun for a person, such a noun alone,
# or a role before a name. An object, or a clause, after the verb is none.
INVERTED_SPEAKER = [
    (
        "The crews worked through the night, said a senior official.",
        "The crews",
        "a senior official",
    ),
    (
        "The ferry will not run on Sunday, said officials familiar with the plan.",
        "The ferry",
        "officials familiar with the plan",
    ),
    (
        "A calmer mayor may not be a bad thing, say some councillors, who wince at his remarks.",
        "A calmer mayor",
        "some councillors",
    ),
    (
        "The firm lobbied the council on taxes and other issues, said lobbyist Jane Doe.",
        "The firm",
        "lobbyist Jane Doe",
    ),
    (
        "The port reopened on Monday, said analyst Jane Doe of Acme Research.",
        "The port",
        "analyst Jane Doe of Acme Research",
    ),
    # Not a speaker: a clause after the verb, with its subject before it.
    (
        "Mark Roe, a senior adviser to the mayor, said he expects Kelso and Tarsk to sign.",
        "he expects",
        "Mark Roe, a senior adviser to the mayor",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker"), INVERTED_SPEAKER)
def test_an_inverted_attribution_names_a_speaker_in_lower_case(
    text: str, starts: str, speaker: str
) -> None:
    assert _speaker_of_quote(text, starts) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Kelso County, leading a group of nine towns, asked a federal judge to halt the plan.",
        "Jane Doe, a former governor, stressed her executive experience and her plan.",
    ],
)
def test_an_object_after_a_cue_is_no_inverted_speaker(text: str) -> None:
    article = np.parse(text)
    assert all(q.speaker is None or "judge" not in q.speaker.text for q in article.quotes)
    assert all(q.speaker is None or "experience" not in q.speaker.text for q in article.quotes)


# Words before a closing attribution that open with a preposition are what was said
# when a finite verb follows in them: a clause, not an opening phrase.
CLAUSE_AFTER_PREPOSITION = [
    (
        "About 270 families have been moved into new homes, officials said.",
        "About 270",
        "officials",
    ),
    ("Over 100 people were hurt in the blast, police said.", "Over 100", "police"),
    # An opening phrase: what was said comes after it.
    ("In a statement, she said the port would reopen.", "the port", "she"),
    (
        "On the mayor's claim there are no funds, the auditor said she disagreed.",
        "she disagreed",
        "the auditor",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker"), CLAUSE_AFTER_PREPOSITION)
def test_a_clause_opened_by_a_preposition_is_what_was_said(
    text: str, starts: str, speaker: str
) -> None:
    quotes = np.parse(text).quotes
    assert [q.text[: len(starts)] for q in quotes] == [starts]
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.text == speaker


# Words of a time between a speaker and the cue are no part of the speaker.
TIME_BEFORE_CUE = [
    (
        "Mark Roe, R-Texas, who backed the bill, last week said he would vote against it.",
        "Mark Roe",
    ),
    (
        "Jane Doe, who has been feuding with her party for months, on Friday described the"
        " plan as a disaster.",
        "Jane Doe",
    ),
    ("Senator Jane Doe on Tuesday said the plan would fail.", "Senator Jane Doe"),
    # Names that hold such words stay whole.
    ("Morning Consult said the race was close.", "Morning Consult"),
]


@pytest.mark.parametrize(("text", "speaker"), TIME_BEFORE_CUE)
def test_a_time_between_speaker_and_cue_is_not_the_speaker(text: str, speaker: str) -> None:
    quotes = np.parse(text).quotes
    assert quotes
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.text.startswith(speaker)
    assert not quotes[0].speaker.text.endswith(("week", "Friday", "Tuesday"))


# A relative pronoun just before a cue verb is its subject, whatever comes before it.
RELATIVE_BEFORE_CUE = [
    (
        "Most voters said the mayor was honest, compared with 23 percent who said he was not.",
        "he was not",
        "who",
    ),
    (
        "The plan won praise from farmers, including several growers who have said it would"
        " save the harvest.",
        "it would",
        "who",
    ),
    # Not one that ends no clause of its own before the verb.
    (
        "Officials in the city that hosts the talks said the port would reopen.",
        "the port",
        "Officials",
    ),
]


def test_a_name_in_a_relative_clause_of_the_speaker_does_not_name_the_speaker() -> None:
    text = "Jane Doe, who met Omar Rashid on Monday, said the talks went well."
    (quote,) = np.parse(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.entity == "person:jane-doe"


# (text, the speaker's entity): a name in a participle's phrase after a comma does
# not name the speaker; a place before a person's role does not speak, the role's
# holder named before does.
SPEAKER_ENTITIES = [
    (
        "The Tarsk Front, led by Omar Rashid, said its fighters had left the town.",
        "org:tarsk-front",
    ),
    ("A Kelso city council spokesperson said the vote would go ahead.", None),
    (
        "Chilean President Omar Rashid spoke on Monday. Chile's president said the plan would pass.",
        "person:omar-rashid",
    ),
    ("Chile said the plan would pass.", "place:chile"),
]


@pytest.mark.parametrize(("text", "entity"), SPEAKER_ENTITIES)
def test_the_entity_that_names_a_speaker(text: str, entity: str | None) -> None:
    quote = np.parse(text).quotes[-1]
    assert quote.speaker is not None
    assert quote.speaker.entity == entity


@pytest.mark.parametrize(("text", "starts", "speaker"), RELATIVE_BEFORE_CUE)
def test_a_relative_pronoun_just_before_a_cue_is_its_speaker(
    text: str, starts: str, speaker: str
) -> None:
    assert _speaker_of_quote(text, starts) == speaker


# A quotation after a cue, a phrase of when, where or how and a comma is the cue's.
COMMA_QUOTATION = [
    ('Jane Doe said in an interview on Friday, "The port will reopen within a week."', "said"),
    (
        'Jane Doe told reporters in Kelso last week, "I have said all along it would reopen."',
        "told",
    ),
    ('Jane Doe said Tuesday, "We will not give up on the port."', "said"),
    ('Jane Doe asks at the town hall, "Any questions I can answer?"', "asks"),
]


@pytest.mark.parametrize(("text", "cue"), COMMA_QUOTATION)
def test_a_quotation_after_a_circumstance_and_a_comma_is_the_cues(text: str, cue: str) -> None:
    quotes = np.parse(text).quotes
    assert len(quotes) == 1
    assert (quotes[0].kind.value, quotes[0].cue) == ("direct", cue)
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.text == "Jane Doe"


# Reported speech read in full: (text, the quote's text, its cue, its speaker's text,
# its kind). Each row is one shape of English news attribution.
READ_IN_FULL = [
    # A progressive is no passive: "is calling for".
    (
        "Jane Doe, who won the county, is calling for the other candidates to drop out.",
        "the other candidates to drop out",
        "calling",
        "Jane Doe, who won the county",
        "indirect",
    ),
    (
        "The dockers' union has been calling for a new contract since March.",
        "a new contract since March",
        "calling",
        "The dockers' union",
        "indirect",
    ),
    # A pronoun's "'s" is "has" or "is", not a possessive: the pronoun speaks.
    (
        "Sen. Omar Rashid, who's called for 20,000 more troops at the border, was absent.",
        "20,000 more troops at the border",
        "called",
        "who",
        "indirect",
    ),
    (
        "She's said that the port would reopen in May.",
        "the port would reopen in May",
        "said",
        "She",
        "indirect",
    ),
    # A form as often no verb ("pledged delegates") is one before a to-clause.
    (
        "Jane Doe and Mayor Omar Rashid pledged to work together after their talks on Friday.",
        "to work together after their talks on Friday",
        "pledged",
        "Jane Doe and Mayor Omar Rashid",
        "indirect",
    ),
    # ... before "that" and a clause whose subject is a noun in lower case, when the
    # cue's subject is a pronoun or a name, or a phrase and its comma open it.
    (
        "It states that courts should not rule too close to an election.",
        "courts should not rule too close to an election",
        "states",
        "It",
        "indirect",
    ),
    (
        "But economists note that despite the new limits, mills are still being built.",
        "despite the new limits, mills are still being built",
        "note",
        "economists",
        "indirect",
    ),
    (
        "The union points out that wages have not risen since 2019.",
        "wages have not risen since 2019",
        "points",
        "The union",
        "indirect",
    ),
    # ... before a subject pronoun and its auxiliary.
    (
        "Omar Rashid claims he's owed $2 million by the port.",
        "he's owed $2 million by the port",
        "claims",
        "Omar Rashid",
        "indirect",
    ),
    (
        "Dockers promise they will stay on strike.",
        "they will stay on strike",
        "promise",
        "Dockers",
        "indirect",
    ),
    # Verbs of saying in their other forms.
    (
        "He joked that his own campaign had never got off the ground.",
        "his own campaign had never got off the ground",
        "joked",
        "He",
        "indirect",
    ),
    (
        "Mill owners will tell you that the river has never been cleaner.",
        "the river has never been cleaner",
        "tell",
        "Mill owners",
        "indirect",
    ),
    (
        "Leaked files reveal that the port was sold in 2019.",
        "the port was sold in 2019",
        "reveal",
        "Leaked files",
        "indirect",
    ),
    # An infinitive has the subject of the verb it hangs on.
    (
        "He flew in on his own jet, with his name on its side, to tell the crowd how hard"
        " their lives were.",
        "how hard their lives were",
        "tell",
        "He",
        "indirect",
    ),
    # A clause after a phrase of when, where or how: a subject pronoun and its auxiliary.
    (
        "Omar Rashid told reporters in Basra he would not resign.",
        "he would not resign",
        "told",
        "Omar Rashid",
        "indirect",
    ),
    (
        "Jane Doe said in an interview on Friday she's ready to run.",
        "she's ready to run",
        "said",
        "Jane Doe",
        "indirect",
    ),
    # An adverb of measure opens the subject of what was said.
    (
        "The port authority said nearly every ship had been turned away.",
        "nearly every ship had been turned away",
        "said",
        "The port authority",
        "indirect",
    ),
    (
        "The budget office said about half of the shortfall came from the tax cuts.",
        "about half of the shortfall came from the tax cuts",
        "said",
        "The budget office",
        "indirect",
    ),
    # "maintain" is a verb of saying with a clause after it, not with an object.
    (
        "The campaign has long maintained they were never told.",
        "they were never told",
        "maintained",
        "The campaign",
        "indirect",
    ),
    (
        "Omar Rashid maintained that the port was never sold.",
        "the port was never sold",
        "maintained",
        "Omar Rashid",
        "indirect",
    ),
    # A cue and "about": what was said is about the phrase after it, up to its clause's
    # punctuation or a coordinator; not after a negation.
    (
        "Jane Doe complained about the dour tone of the campaign but praised her rival.",
        "the dour tone of the campaign",
        "complained",
        "Jane Doe",
        "indirect",
    ),
    (
        "Omar Rashid wrote about the closing of the port in his last column.",
        "the closing of the port in his last column",
        "wrote",
        "Omar Rashid",
        "indirect",
    ),
    # The subject of a passive cue is no speaker.
    (
        "The mayor was asked about the flooding of the quay on Friday.",
        "the flooding of the quay on Friday",
        "asked",
        None,
        "indirect",
    ),
]


@pytest.mark.parametrize(("text", "said", "cue", "speaker", "kind"), READ_IN_FULL)
def test_reported_speech_is_read_in_full(
    text: str, said: str, cue: str, speaker: str | None, kind: str
) -> None:
    quotes = [q for q in np.parse(text).quotes if q.cue == cue]
    assert [q.text for q in quotes] == [said]
    assert quotes[0].kind.value == kind
    assert (quotes[0].speaker.text if quotes[0].speaker is not None else None) == speaker


# The title of a work or a name in quotation marks, in title case after a word in
# lower case, is no speech.
TITLES = [
    "In his new memoir, ''The Long Road to Basra,'' the minister looks back on the war.",
    'The crowd wore hats reading "Make the Port Great Again" at the rally on Friday.',
    'She now hosts "The Evening Hour with Jane Doe" on a cable network.',
    "According to his 1998 book ''The Art of the Harbour,'' he bought the quay in 1987.",
    "His helicopter made CNBC's ''Secret Homes of the Very Rich'' in a segment last year.",
]


@pytest.mark.parametrize("text", TITLES)
def test_a_title_in_quotation_marks_is_no_speech(text: str) -> None:
    title = text.replace("''", '"').split('"')[1].strip(", ")
    assert not [q for q in np.parse(text).quotes if q.text.strip(", ") == title]


def test_a_quotation_in_a_title_case_headline_is_speech() -> None:
    quotes = np.parse('Minister: "We Will Reopen The Port"\n\nThe port is closed.').quotes
    assert [q.text for q in quotes] == ["We Will Reopen The Port"]
