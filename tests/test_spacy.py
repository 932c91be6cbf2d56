"""The spaCy component: spans on a blank pipeline, doc.ents, saving and loading."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import newsparse

spacy = pytest.importorskip(
    "spacy", reason="spaCy is not installed: the component needs pip install 'newsparse[spacy]'"
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "basra_port.txt"
TABLE = ROOT / "examples" / "aliases.json"


def _pipeline(**config: Any) -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsparse", config=config)
    return nlp


def _group(doc: Any, key: str = "newsparse_entities") -> list[tuple[str, str]]:
    return [(span.text, span.label_) for span in doc.spans[key]]


# Made-up news sentences, with the mentions the entity group must hold as written.
CASES = [
    (
        "ANKARA, March 3 (Reuters) - Turkish Energy Minister Selim Aydogan said on Monday "
        "that gas flows to Bulgaria would resume.",
        [
            ("ANKARA", "PLACE"),
            ("Reuters", "ORG"),
            ("Turkish", "OTHER"),
            ("Selim Aydogan", "PERSON"),
            ("Bulgaria", "PLACE"),
        ],
    ),
    (
        # A mention ending inside a spaCy token ("Karbala-5") is split off it.
        "Iran said its Karbala-5 offensive near Basra had ended.",
        [("Iran", "PLACE"), ("Karbala", "PLACE"), ("Basra", "PLACE")],
    ),
    (
        "Kuwait's deputy foreign minister, Sheikha Noor al-Sabah, met World Bank officials.",
        [("Kuwait", "PLACE"), ("Noor al-Sabah", "PERSON"), ("World Bank", "ORG")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_mentions_are_spans_of_their_text_and_type(
    text: str, expected: list[tuple[str, str]]
) -> None:
    doc = _pipeline(reference_date="2025-03-04")(text)
    assert _group(doc) == expected
    article = doc._.newsparse
    assert isinstance(article, newsparse.Article)
    assert article == newsparse.parse(text, reference_date="2025-03-04")


def test_span_attributes_carry_ids_tables_and_how() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    doc = _pipeline(aliases=str(TABLE), reference_date="2025-03-04")(text)
    article = doc._.newsparse
    by_offsets = {(m.start, m.end): (e, m) for e in article.entities for m in e.mentions}
    spans = doc.spans["newsparse_entities"]
    assert len(spans) == len(by_offsets)
    for span in spans:
        entity, mention = by_offsets[span.start_char, span.end_char]
        assert span.text == mention.text
        assert (span.label_, span.id_, span.kb_id_) == (
            entity.type.value,
            entity.id,
            entity.table_id or "",
        )
        assert span._.newsparse_how == (mention.how.value if mention.how else None)
    speakers = {(q._.newsparse_speaker, q.id_, q.kb_id_) for q in doc.spans["newsparse_quotes"]}
    assert ("Al-Karbouli", "ex-karbouli", "ex-karbouli") in speakers
    assert ("a ministry spokesman", "", "") in speakers
    resolved = {(s.text, s.kb_id_, s._.newsparse_how) for s in spans if s.kb_id_}
    assert ("Muhammad Al-Karbouli", "ex-karbouli", "variant") in resolved
    assert ("GCPI", "ex-gcpi", "table") in resolved
    assert ("Karbouli", "ex-karbouli", "coreference") in resolved


def test_quotes_and_dates_are_groups_too() -> None:
    text = (
        'Port director Omar Rashid said on Tuesday: "The dredgers arrive next month."\n\n'
        "The ministry said the channel would open in 2026."
    )
    doc = _pipeline(reference_date="2025-03-04")(text)
    quotes = doc.spans["newsparse_quotes"]
    assert [(q.text, q.label_, q._.newsparse_cue, q._.newsparse_speaker) for q in quotes] == [
        ("The dredgers arrive next month", "direct", "said", "Port director Omar Rashid"),
        ("the channel would open in 2026", "indirect", "said", "The ministry"),
    ]
    rashid = doc._.newsparse.quotes[0].speaker.entity
    assert rashid is not None
    assert (quotes[0].id_, quotes[0].kb_id_) == (rashid, "")  # not in a table
    assert (quotes[1].id_, quotes[1].kb_id_) == ("", "")
    dates = doc.spans["newsparse_dates"]
    assert [(d.text, d.label_, d._.newsparse_value) for d in dates] == [
        ("on Tuesday", "DATE", "2025-03-04"),
        ("next month", "DATE", "2025-04"),
        ("in 2026", "DATE", "2026"),
    ]


def test_a_doc_may_bring_its_own_reference_date() -> None:
    nlp = _pipeline(reference_date="2025-03-04")
    doc = nlp.make_doc("The minister resigned on Friday.")
    doc._.newsparse_reference_date = "2024-11-20"
    doc = nlp(doc)
    assert [d._.newsparse_value for d in doc.spans["newsparse_dates"]] == ["2024-11-15"]
    assert doc._.newsparse.published.isoformat() == "2024-11-20"
    # The next doc is dated by the settings again.
    other = nlp("The minister resigned on Friday.")
    assert [d._.newsparse_value for d in other.spans["newsparse_dates"]] == ["2025-02-28"]


def test_group_keys_are_settings_and_none_writes_no_group() -> None:
    nlp = _pipeline(entities_key="names", quotes_key=None, dates_key=None)
    doc = nlp("The World Bank said so.")
    assert set(doc.spans) == {"names"}
    assert _group(doc, "names") == [("World Bank", "ORG")]


def _ruled(**config: Any) -> Any:
    """A pipeline whose entity ruler sets entities before the component runs."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "DATE", "pattern": "Tuesday"},
            {"label": "GPE", "pattern": "Khor Abdullah"},
            {"label": "ORG", "pattern": [{"LOWER": "kuwait"}]},
            {"label": "PRODUCT", "pattern": "dredgers"},
        ]
    )
    nlp.add_pipe("newsparse", config=config)
    return nlp


TEXT_WITH_RULES = "Kuwait agreed on Tuesday to pay for dredgers in the Khor Abdullah waterway."


@pytest.mark.parametrize(
    ("set_ents", "expected"),
    [
        (
            True,
            [
                ("Kuwait", "PLACE"),  # the component's, over the ruler's ORG
                ("Tuesday", "DATE"),  # the ruler's, overlapping no mention
                ("dredgers", "PRODUCT"),
                ("Khor Abdullah", "PLACE"),
            ],
        ),
        (
            False,
            [
                ("Kuwait", "ORG"),
                ("Tuesday", "DATE"),
                ("dredgers", "PRODUCT"),
                ("Khor Abdullah", "GPE"),
            ],
        ),
    ],
)
def test_set_ents_keeps_the_entities_it_does_not_overlap(
    set_ents: bool, expected: list[tuple[str, str]]
) -> None:
    doc = _ruled(set_ents=set_ents)(TEXT_WITH_RULES)
    assert [(e.text, e.label_) for e in doc.ents] == expected


def test_set_ents_writes_table_ids_on_the_entities() -> None:
    doc = _pipeline(aliases=str(TABLE), set_ents=True)("The World Bank reviewed the tender.")
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("World Bank", "ORG", "ex-worldbank")
    ]


def test_without_split_tokens_spans_grow_to_whole_tokens() -> None:
    text = "Iran said its Karbala-5 offensive had ended."
    assert _group(_pipeline(split_tokens=False)(text)) == [
        ("Iran", "PLACE"),
        ("Karbala-5", "PLACE"),
    ]
    doc = _pipeline()(text)
    assert [t.text for t in doc][3:5] == ["Karbala", "-5"]
    assert [t.text for t in spacy.blank("en")(text)][3:5] == ["Karbala-5", "offensive"]


def test_a_saved_pipeline_carries_its_alias_table(tmp_path: Path) -> None:
    table = tmp_path / "people.json"
    shutil.copyfile(TABLE, table)
    nlp = _pipeline(aliases=str(table), reference_date="2025-03-04", set_ents=True)
    text = "Sheikha Noor said on Tuesday that the GCPI would pay."
    before = nlp(text)
    nlp.to_disk(tmp_path / "pipeline")
    table.unlink()  # the saved pipeline must not need the original file
    loaded = spacy.load(tmp_path / "pipeline")
    config = loaded.get_pipe_config("newsparse")
    assert config["aliases"] == str(table)
    assert config["reference_date"] == "2025-03-04"
    assert config["set_ents"] is True
    after = loaded(text)
    assert [(e.text, e.kb_id_) for e in after.ents] == [
        ("Sheikha Noor", "ex-noor"),
        ("GCPI", "ex-gcpi"),
    ]
    assert after._.newsparse == before._.newsparse
    saved = json.loads((tmp_path / "pipeline" / "newsparse" / "tables.json").read_text())
    assert saved == ["0-people.json"]


def test_several_tables_merge_and_are_saved_in_order(tmp_path: Path) -> None:
    ports = tmp_path / "ports.csv"
    ports.write_text(
        "id,name,type,aliases\nport-uq,Umm Qasr,PLACE,Um Qasr|Umm Qassar\n", encoding="utf-8"
    )
    nlp = _pipeline(aliases=[str(TABLE), str(ports)], set_ents=True)
    text = "The GCPI said ships would dock at Um Qasr."
    assert [(e.text, e.kb_id_) for e in nlp(text).ents] == [
        ("GCPI", "ex-gcpi"),
        ("Um Qasr", "port-uq"),
    ]
    nlp.to_disk(tmp_path / "pipeline")
    ports.unlink()
    saved = tmp_path / "pipeline" / "newsparse"
    assert json.loads((saved / "tables.json").read_text()) == ["0-aliases.json", "1-ports.csv"]
    loaded = spacy.load(tmp_path / "pipeline")
    assert [(e.text, e.kb_id_) for e in loaded(text).ents] == [
        ("GCPI", "ex-gcpi"),
        ("Um Qasr", "port-uq"),
    ]


def test_a_pipeline_without_tables_saves_and_loads(tmp_path: Path) -> None:
    nlp = _pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert _group(loaded("The World Bank said so.")) == [("World Bank", "ORG")]


def test_the_article_travels_with_the_doc_bytes() -> None:
    nlp = _pipeline(reference_date="2025-03-04")
    doc = nlp("The World Bank said on Tuesday that rates rose.")
    restored = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.newsparse == doc._.newsparse
    assert _group(restored) == [("World Bank", "ORG")]
    assert [d._.newsparse_value for d in restored.spans["newsparse_dates"]] == ["2025-03-04"]


def test_the_article_is_built_once_for_repeated_reads() -> None:
    nlp = _pipeline()
    first, second = nlp("The World Bank said so."), nlp("The GCPI said so.")
    article = first._.newsparse
    assert first._.newsparse is article
    assert second._.newsparse is not article
    assert second._.newsparse == newsparse.parse("The GCPI said so.")
    assert first._.newsparse == article  # built again, equal


def test_a_doc_the_component_has_not_seen_has_no_article() -> None:
    _pipeline()
    assert spacy.blank("en")("Plain text.")._.newsparse is None


@pytest.mark.parametrize(
    ("config", "error", "message"),
    [
        ({"reference_date": "4 March 2025"}, newsparse.InvalidArgumentError, "YYYY-MM-DD"),
        ({"aliases": 7}, ValueError, "aliases"),  # spaCy's check of the settings
        ({"set_ents": "sometimes"}, ValueError, "set_ents"),
    ],
)
def test_bad_settings_are_refused_when_the_pipe_is_added(
    config: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        _pipeline(**config)


def test_the_component_refuses_aliases_that_are_not_paths() -> None:
    from newsparse._spacy import NewsparseComponent

    with pytest.raises(newsparse.InputTypeError, match="a path or a list of paths"):
        NewsparseComponent(spacy.blank("en"), "newsparse", aliases={"people": "a.json"})  # type: ignore[arg-type]


def test_a_missing_table_fails_at_initialize_naming_the_file(tmp_path: Path) -> None:
    nlp = _pipeline(aliases=str(tmp_path / "absent.json"))
    with pytest.raises(newsparse.NewsparseError, match=r"absent\.json"):
        nlp.initialize()


def test_seed_spans_are_the_mentions(seed_text: str, seed_path: Path) -> None:
    nlp = _pipeline(aliases=str(seed_path.parent / "aliases.json"))
    doc = nlp(seed_text)
    mentions = sorted(
        (m.start, m.end, m.text) for e in doc._.newsparse.entities for m in e.mentions
    )
    assert mentions
    assert [(s.start_char, s.end_char, s.text) for s in doc.spans["newsparse_entities"]] == mentions
