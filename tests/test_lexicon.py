"""The lexicon: the data files against their schemas, the records, and extensions
reaching every stage that reads them."""

from __future__ import annotations

import collections
import pickle
from importlib import resources

import pytest

import newsparse as np
from newsparse._lexicon import files, words_of

# README.md says where each file comes from and its licence; it is no table.
DATA_FILES = sorted(
    p.name
    for p in (resources.files("newsparse") / "data").iterdir()
    if p.is_file() and p.name != "README.md"
)


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_has_a_schema_and_keeps_it(name: str) -> None:
    assert name in files.SCHEMAS, f"data/{name} has no schema in _lexicon/files.py"
    assert files.read_rows(name)  # every row checked against it


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_fact_is_written_once(name: str) -> None:
    counts = collections.Counter(files.read_rows(name))
    repeated = sorted(row for row, n in counts.items() if n > 1)
    assert repeated == [], f"data/{name} repeats {repeated[:5]}"


def test_every_schema_has_its_file() -> None:
    assert sorted(files.SCHEMAS) == DATA_FILES


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("titles.tsv", "Mr\thonorific\nSheikh\tcleric\n", "titles.tsv, line 2, column 'kind'"),
        ("titles.tsv", "Mr\n", "titles.tsv, line 1: has 1 columns"),
        ("titles.tsv", "Mrs\thonorific\t\tfemale\n", "titles.tsv, line 1, column 'sex'"),
        ("cue_verbs.txt", "said\nbriefed\tlistener\n", "cue_verbs.txt, line 2, column 'takes'"),
        ("months.tsv", "# a comment\n\njan\t1\n", "months.tsv, line 3: has 2 columns"),
        ("outlets.tsv", "Reuters\t\tGB\twire\n", "outlets.tsv, line 1, column 'kind'"),
        ("function_words.tsv", "he\tpronoun\n", "function_words.tsv, line 1, column 'role'"),
        ("weekdays.tsv", "\t0\n", "weekdays.tsv, line 1, column 'token': is empty"),
    ],
)
def test_a_broken_row_names_its_file_line_and_column(name: str, text: str, message: str) -> None:
    with pytest.raises(np.LexiconError, match=message.replace("(", r"\(")):
        files.parse_rows(name, text)


def test_a_titles_sex_is_m_f_or_u() -> None:
    assert np.Title("Begum", "honorific", sex="f").sex == "f"
    with pytest.raises(np.LexiconError, match="title 'Begum': sex 'female'"):
        np.Title("Begum", "honorific", sex="female")


def test_function_words_of_an_unknown_role() -> None:
    with pytest.raises(np.LexiconError, match="role 'pronouns'"):
        files.function_words("pronouns")


def test_the_default_lexicon_holds_the_data_files() -> None:
    lexicon = np.Lexicon.default()
    assert lexicon is np.Lexicon.default()
    titles = {t.name: t for t in lexicon.titles}
    assert titles["Lt. Gen"].kind == "military"
    assert titles["Minister"].portfolio
    kinds = {p.word: p.kind for p in lexicon.particles}
    assert (kinds["al"], kinds["bin"], kinds["van"]) == ("article", "kin", None)
    cues = {c.word: c for c in lexicon.cue_verbs}
    assert cues["told"].takes_object
    assert not cues["said"].takes_object
    assert lexicon.outlets.lookup("AP") is not None


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: np.Title("Mukhtar", "cleric"), "kind 'cleric'"),
        (lambda: np.Title("  "), "must not be empty"),
        (lambda: np.Particle("Van"), "one word in lower case"),
        (lambda: np.Particle("bin", "family"), "kind 'family'"),  # type: ignore[arg-type]
        (lambda: np.CueVerb("went on"), "one word in lower case"),
    ],
)
def test_bad_records_are_refused(make: object, message: str) -> None:
    with pytest.raises(np.LexiconError, match=message):
        make()  # type: ignore[operator]


def test_extended_adds_and_a_later_entry_replaces() -> None:
    base = np.Lexicon.default()
    more = base.extended(titles=["Mukhtar", np.Title("General", "office")], cue_verbs=["quipped"])
    assert len(more.titles) == len(base.titles) + 1  # General was there: replaced
    assert {t.name: t.kind for t in more.titles}["General"] == "office"
    assert {t.name: t.kind for t in base.titles}["General"] == "military"  # base unchanged
    assert "quipped" in words_of(more).cues
    assert "quipped" not in words_of(base).cues


def test_an_entry_given_twice_is_refused() -> None:
    lexicon = np.Lexicon.default()
    with pytest.raises(np.LexiconError, match="title 'lt gen' is given twice"):
        np.Lexicon(
            titles=["Lt. Gen", "Lt Gen"],
            particles=lexicon.particles,
            cue_verbs=lexicon.cue_verbs,
            outlets=lexicon.outlets,
        )


def test_extended_refuses_a_string_for_a_list() -> None:
    with pytest.raises(np.InputTypeError, match="titles must be a list"):
        np.Lexicon.default().extended(titles="Mukhtar")


def test_a_lexicon_pickles_without_its_lookups() -> None:
    lexicon = np.Lexicon.default().extended(cue_verbs=["quipped"])
    words_of(lexicon)
    copy = pickle.loads(pickle.dumps(lexicon))
    assert copy.cue_verbs == lexicon.cue_verbs
    assert words_of(copy).cues == words_of(lexicon).cues


QUIPPED = "Mukhtar Karim Haddad quipped that the talks would go on."


def test_a_title_reaches_the_entities() -> None:
    lexicon = np.Lexicon.default().extended(titles=[np.Title("Mukhtar", "religious")])
    assert [e.name for e in np.parse(QUIPPED).entities] == ["Mukhtar Karim Haddad"]
    assert [e.name for e in np.parse(QUIPPED, lexicon=lexicon).entities] == ["Karim Haddad"]


def test_a_cue_verb_reaches_the_quotes() -> None:
    lexicon = np.Lexicon.default().extended(cue_verbs=["quipped"])
    assert np.parse(QUIPPED).quotes == ()
    (quote,) = np.parse(QUIPPED, lexicon=lexicon).quotes
    assert quote.text == "the talks would go on"


def test_an_object_cue_skips_its_listener() -> None:
    text = "The minister briefed reporters that the border would reopen on Monday."
    plain = np.Lexicon.default().extended(cue_verbs=["briefed"])
    listener = np.Lexicon.default().extended(cue_verbs=[np.CueVerb("briefed", takes_object=True)])
    assert np.parse(text, lexicon=plain).quotes[0].text.startswith("the border")
    (quote,) = np.parse(text, lexicon=listener).quotes
    assert quote.text == "the border would reopen on Monday"


def test_an_infinitive_cue_reports_its_to_clause() -> None:
    text = "The council resolved to close the old quay by the spring."
    plain = np.Lexicon.default().extended(cue_verbs=["resolved"])
    infinitive = np.Lexicon.default().extended(
        cue_verbs=[np.CueVerb("resolved", takes_infinitive=True)]
    )
    assert np.parse(text, lexicon=plain).quotes == ()
    (quote,) = np.parse(text, lexicon=infinitive).quotes
    assert quote.text == "to close the old quay by the spring"
    assert quote.speaker is not None
    assert quote.speaker.text == "The council"


def test_a_particle_reaches_names() -> None:
    # "zu" joins the capitalised words around it into one person's name.
    text = "Officials met Karl zu Wendling in Berlin on Tuesday."
    lexicon = np.Lexicon.default().extended(particles=["zu"])
    before = [e.name for e in np.parse(text).entities]
    after = [e.name for e in np.parse(text, lexicon=lexicon).entities]
    assert "Karl zu Wendling" not in before
    assert "Karl zu Wendling" in after


def test_a_title_reaches_the_bylines() -> None:
    lexicon = np.Lexicon.default().extended(titles=["Correspondent"])
    assert np.parse_byline("By Correspondent Jane Doe") is not None
    byline = np.parse_byline("By Correspondent Jane Doe", lexicon=lexicon)
    assert byline is not None
    assert [a.name for a in byline.authors] == ["Jane Doe"]


def test_outlets_of_the_lexicon_and_outlets_given_apart() -> None:
    text = "BASRA, Jan 8 (BH) - The port reopened on Sunday."
    herald = np.Outlet("Basra Herald", ("BH",), "IQ")
    lexicon = np.Lexicon.default().extended(outlets=[herald])
    assert np.parse(text).dateline is None  # "BH" is no agency the package knows
    dated = np.parse(text, lexicon=lexicon).dateline
    assert dated is not None
    assert dated.outlet == "Basra Herald"
    # outlets= replaces the lexicon's table for that call.
    assert np.parse(text, lexicon=lexicon, outlets=np.OutletTable.default()).dateline is None


def test_lexicon_must_be_a_lexicon() -> None:
    with pytest.raises(np.InputTypeError, match="lexicon must be a Lexicon"):
        np.parse("x", lexicon={"titles": []})  # type: ignore[arg-type]
    with pytest.raises(np.InputTypeError, match="lexicon must be a Lexicon"):
        list(np.parse_many(["x"], lexicon="default", processes=1))  # type: ignore[arg-type]


@pytest.mark.parametrize("processes", [1, 2])
def test_a_batch_reads_with_the_lexicon(processes: int) -> None:
    lexicon = np.Lexicon.default().extended(cue_verbs=["quipped"])
    articles = list(np.parse_many([QUIPPED, QUIPPED], lexicon=lexicon, processes=processes))
    assert [len(a.quotes) for a in articles] == [1, 1]
    rows = np.parse_partition([QUIPPED], lexicon=lexicon)
    assert len(rows[0]["quotes"]) == 1
