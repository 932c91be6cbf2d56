"""Robustness: any text parses without an exception or a wrong offset, and costs time and
memory in proportion to its length, whatever its shape. Nothing here asserts a
wall-clock time; the long run, and the timings, are ``bench/fuzz.py``'s."""

from __future__ import annotations

import ast
import functools
import json
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse as np
from newsparse._stages import entities

from .conftest import REUTERS
from .patterns import compiled_patterns

ROOT = Path(__file__).resolve().parent.parent

# Pieces that have broken text tools (line ends, odd spaces, invisible and bidi
# controls, combining marks, NUL, quotes of every kind, the openings of bylines and
# datelines, the Arabic article, lone surrogates, emoji, right-to-left scripts) and
# adversarial shapes: shared with bench/fuzz.py.
RISKY_DATA = json.loads((ROOT / "tests" / "data" / "risky.json").read_text(encoding="utf-8"))
RISKY: list[str] = RISKY_DATA["pieces"]

risky_texts = st.lists(st.sampled_from(RISKY) | st.text(max_size=4), max_size=40).map("".join)

ARTICLES = [
    (ROOT / "examples" / "basra_port.txt").read_text(encoding="utf-8"),
    "By LAYLA HADDAD, Associated Press\nCAIRO (AP) \u2014 Egypt's foreign minister said on "
    'Sunday that talks would resume. "We will not give up," he told reporters, "not now."\n\n'
    "An informed source said the plan, according to officials close to the talks, was "
    "\u201csecret\u201d.\n\n(Reporting by Omar Rashid; Editing by Ann Lee)",
]
TABLE = np.AliasTable.from_records(
    [
        {"id": "Q1", "name": "Omar Rashid", "type": "PERSON"},
        {"id": "Q2", "name": "Mohammed al-Karbouli", "type": "PERSON", "aliases": ["MK"]},
    ]
)


def assert_sound(text: str, **options: Any) -> np.Article:
    """``parse`` returns an article whose offsets are right (a stage that fails would
    warn, and warnings are errors in this suite)."""
    article = np.parse(text, reference_date="2025-01-08", **options)
    assert article.offset_problems(text) == []
    assert np.Article.from_dict(article.to_dict()) == article
    return article


@given(risky_texts)
def test_risky_text_parses_soundly(text: str) -> None:
    assert_sound(text)
    assert_sound(text, aliases=TABLE)


@st.composite
def mutations(draw: st.DrawFn, texts: list[str]) -> str:
    """A text with risky pieces inserted, ranges deleted and ranges repeated."""
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 120)))
        action = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if action == "insert":
            text = text[:i] + draw(st.sampled_from(RISKY)) * draw(st.integers(1, 3)) + text[i:]
        elif action == "delete":
            text = text[:i] + text[j:]
        else:
            text = text[:j] + text[i:j] * draw(st.integers(1, 3)) + text[j:]
    return text


@given(mutations(ARTICLES))
def test_mutated_articles_parse_soundly(text: str) -> None:
    assert_sound(text, aliases=TABLE)


def _reuters_sample(count: int = 200) -> list[str]:
    if not REUTERS.exists():
        return []
    texts = []
    with REUTERS.open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) == count:
                break
    return texts


REUTERS_SAMPLE = _reuters_sample()


@pytest.mark.skipif(not REUTERS_SAMPLE, reason=f"{REUTERS} is absent (../shared)")
@given(st.data())
def test_mutated_reuters_articles_parse_soundly(data: st.DataObject) -> None:
    assert_sound(data.draw(mutations(REUTERS_SAMPLE)))


# --------------------------------------------------------------------------
# cost in proportion to length


def _fill(piece: str) -> Callable[[int], str]:
    return lambda size: (piece * (size // len(piece) + 1))[:size]


def _framed(opening: str, middle: str, closing: str) -> Callable[[int], str]:
    return lambda size: (
        opening + _fill(middle)(max(size - len(opening) - len(closing), 0)) + closing
    )


NEWS = "news text"
SHAPES: dict[str, Callable[[int], str]] = {
    NEWS: lambda size: (ARTICLES[1] * (size // len(ARTICLES[1]) + 1))[:size],
    **{name: _fill(piece) for name, piece in RISKY_DATA["shapes"].items()},
    **{name: _framed(*parts) for name, parts in RISKY_DATA["framed"].items()},
    "deep parentheses": lambda size: "(" * (size // 2) + ")" * (size - size // 2),
}
# The shapes that make runs of capitalised words, the ones an alias table reads.
NAME_SHAPES = [
    "capitalised words",
    "one capitalised word",
    "a short cycle of capitalised words",
    "names without punctuation",
    "all-caps names without punctuation",
    "a table of names and numbers",
    "capitalised words with al- and bin",
]
EXAMPLE_TABLE = np.AliasTable.from_file(ROOT / "examples" / "aliases.json")
REUTERS_TABLE = np.AliasTable.from_file(ROOT / "bench" / "data" / "reuters_aliases.json")


def _calls(text: str) -> int:
    """The Python and C functions ``parse`` calls on ``text``: work, counted exactly."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        np.parse(text, aliases=TABLE)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_work_grows_in_proportion_to_length(shape: str) -> None:
    make = SHAPES[shape]
    np.parse(make(2000), aliases=TABLE)  # tables and memos loaded before counting
    small, large = _calls(make(6000)), _calls(make(24000))
    assert large <= 4.6 * small, f"{shape}: 4x the text cost {large / small:.1f}x the calls"


def _peak(text: str, table: np.AliasTable | None) -> int:
    """The peak of the memory Python allocates while ``parse`` reads ``text``."""
    tracemalloc.start()
    try:
        np.parse(text, aliases=table)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


SMALL, LARGE = 4_000, 16_000


@functools.cache
def _news_peak(table: np.AliasTable | None) -> int:
    np.parse(SHAPES[NEWS](SMALL), aliases=table)
    return _peak(SHAPES[NEWS](LARGE), table)


# Every shape alone; the shapes of names with the project's Reuters table too, and
# two of them with the example table (tracing memory is slow: these are the ones
# a table reads).
WITH_TABLES: list[tuple[str, np.AliasTable | None, str]] = [(shape, None, "") for shape in SHAPES]
WITH_TABLES += [(shape, REUTERS_TABLE, ", Reuters table") for shape in NAME_SHAPES]
WITH_TABLES += [(shape, EXAMPLE_TABLE, ", example table") for shape in NAME_SHAPES[1:4:2]]


@pytest.mark.parametrize(
    ("shape", "table"),
    [(shape, table) for shape, table, _ in WITH_TABLES],
    ids=[shape + label for shape, _, label in WITH_TABLES],
)
def test_memory_grows_in_proportion_to_length(shape: str, table: np.AliasTable | None) -> None:
    """Four times the text may take about four times the memory, not sixteen (a name
    of unbounded length, or suffixes of one, would show here), and a character of
    any shape takes about what a character of news text takes."""
    make = SHAPES[shape]
    np.parse(make(SMALL), aliases=table)  # memos hold the shape's words before measuring
    small, large = _peak(make(SMALL), table), _peak(make(LARGE), table)
    assert large <= 5 * small, f"{shape}: 4x the text took {large / small:.1f}x the memory"
    news = _news_peak(table)
    assert large <= 3 * news, f"{shape}: {large / news:.1f}x the memory of news text"


def _least_cpu(run: Callable[[], object], repeats: int = 3) -> float:
    """The least CPU time of ``repeats`` runs: CPU time, not wall-clock time, so other
    work on the machine does not count, and the least, so a hiccup does not either."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("shape", NAME_SHAPES)
def test_cpu_time_of_names_with_a_table_grows_in_proportion(shape: str) -> None:
    """Work that no call count sees (one ``str.join`` of a whole run) shows in CPU time:
    sixteen times the text costs about sixteen times as much when linear, and 256
    times when quadratic. The bound (64x) lies far from both, so load on the
    machine, which changes both measurements alike, cannot make it fail."""
    make = SHAPES[shape]
    small_text, large_text = make(3_000), make(48_000)
    np.parse(small_text, aliases=REUTERS_TABLE)
    small = _least_cpu(lambda: np.parse(small_text, aliases=REUTERS_TABLE))
    large = _least_cpu(lambda: np.parse(large_text, aliases=REUTERS_TABLE))
    assert large <= 64 * max(small, 1e-4), f"{shape}: 16x the text cost {large / small:.0f}x"


def test_a_run_longer_than_any_name_is_cut() -> None:
    """No name is longer than ``MAX_NAME_WORDS`` tokens, however long the run of capitals."""
    text = "Share Tweet Email " * 200
    article = np.parse(text)
    longest = max(len(m.text.split()) for e in article.entities for m in e.mentions)
    assert longest <= entities.MAX_NAME_WORDS <= 24  # well above real names, well below 600


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Popular Mobilization Forces said so.", "Popular Mobilization Forces"),
        ("The International Monetary Fund said so.", "International Monetary Fund"),
        (
            "The Islamic Revolutionary Guard Corps Quds Force said so.",
            "Islamic Revolutionary Guard Corps Quds Force",
        ),
        (
            "Organization of the Petroleum Exporting Countries",
            "Organization of the Petroleum Exporting Countries",
        ),
        (
            "Saudi Crown Prince Mohammed bin Salman bin Abdulaziz Al Saud said so.",
            "Mohammed bin Salman bin Abdulaziz Al Saud",
        ),
    ],
)
def test_long_real_names_stay_whole(text: str, name: str) -> None:
    """The bound on a run's words lies above real names and titles with them."""
    article = np.parse(text)
    assert name in [m.text for e in article.entities for m in e.mentions]


def test_a_long_table_name_still_matches() -> None:
    long_name = "Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike Alpha"
    table = np.AliasTable.from_records(
        [{"id": "Q9", "name": f"{long_name} {long_name}", "type": "ORG"}]
    )
    text = f"The {long_name} {long_name} met on Monday."
    (found,) = [e for e in np.parse(text, aliases=table).entities if e.table_id == "Q9"]
    assert found.mentions[0].text == f"{long_name} {long_name}"


def test_memos_are_bounded_in_characters() -> None:
    """A memo keeps no long key, and starts afresh before its keys hold too much."""
    from newsparse._memo import LONGEST_KEY, MEMO_CHARACTERS, Memo, WordMemo, remembered

    memo: Memo[str, int] = Memo()
    remembered(memo, "x" * (LONGEST_KEY + 1), lambda: 1, LONGEST_KEY + 1)
    assert len(memo) == 0
    for n in range(2 * MEMO_CHARACTERS // LONGEST_KEY):
        key = f"{n:0{LONGEST_KEY}}"
        remembered(memo, key, lambda: 1, len(key))
        assert memo.characters <= MEMO_CHARACTERS
    word_memo = WordMemo(str.upper)
    assert word_memo["a" * 10_000] == "A" * 10_000
    assert len(word_memo) == 0


def test_what_find_remembers_of_words_is_bounded_in_characters() -> None:
    """The words a table has seen, across calls of find: long ones are not kept."""
    from newsparse._memo import MEMO_CHARACTERS

    table = np.AliasTable.from_records([{"id": "Q1", "name": "Omar Rashid", "type": "PERSON"}])
    long_words = " ".join(f"W{n:0300}" for n in range(100))
    assert table.find(long_words + " Omar Rashid")[-1].entry_id == "Q1"
    remembered = table._words
    assert all(len(word) <= 256 for word in remembered)
    for n in range(120):  # 5 million characters of words in all: it starts afresh
        table.find(" ".join(f"W{n:03}{m:0200}" for m in range(200)))
        assert remembered.characters <= MEMO_CHARACTERS
        assert sum(map(len, remembered)) == remembered.characters


# --------------------------------------------------------------------------
# regular expressions


PATTERNS = dict(compiled_patterns())
# Strings that make a backtracking engine try every way of matching: long runs of
# what patterns repeat, with the character that spoils the match at the end
# (shared with bench/fuzz.py, which prints the timings). A quarter of their
# length here, sixteen times that at most.
HOSTILE = [piece * (count // 4) + tail for piece, count, tail in RISKY_DATA["hostile"]]
FACTOR = 16


def _scans(pattern: Any, text: str, times: int) -> Callable[[], None]:
    def run() -> None:
        for _ in range(times):
            for _ in pattern.finditer(text):
                pass
            pattern.match(text)

    return run


@pytest.mark.parametrize("name", PATTERNS)
def test_patterns_scan_hostile_text_in_linear_time(name: str) -> None:
    """One scan of sixteen copies of a hostile string costs about what sixteen scans
    of it cost (the same text is read), not sixteen times more as a nested
    quantifier would make it. CPU time, least of three, and a bound (4x) far from
    both 1x and 16x: load on the machine cannot make it fail."""
    pattern = PATTERNS[name]
    for hostile in HOSTILE:
        large = _least_cpu(_scans(pattern, hostile * FACTOR, 1))
        if large < 0.002:
            continue  # 8,000 characters in 2 ms: no quadratic pattern is that fast
        small = _least_cpu(_scans(pattern, hostile, FACTOR))
        assert large <= 4 * small + 0.001, (name, hostile[:12], small, large)


def _matches_from_a_position_without_an_end() -> Iterator[str]:
    """Calls ``p.match(s, pos)``, ``p.search(s, pos)`` or ``p.fullmatch(s, pos)`` in the package."""
    package = Path(np.__file__).parent
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("match", "search", "fullmatch")
                and len(node.args) == 2
                and not node.keywords
            ):
                yield f"{path.name}:{node.lineno}: {ast.unparse(node)}"


def test_every_match_from_a_position_names_its_end() -> None:
    """The regex module reads to the end of the string on ``match(s, pos)`` without an
    end: called once per name of a long article, that is quadratic. Every such call
    names where it may end."""
    assert list(_matches_from_a_position_without_an_end()) == []
