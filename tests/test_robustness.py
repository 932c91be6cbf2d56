"""Robustness: any text parses without an exception or a wrong offset, and costs time in
proportion to its length, whatever its shape. The long run is ``bench/fuzz.py``."""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import newsparse as np

from .conftest import REUTERS

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


SHAPES: dict[str, Callable[[int], str]] = {
    "news text": lambda size: (ARTICLES[1] * (size // len(ARTICLES[1]) + 1))[:size],
    **{name: _fill(piece) for name, piece in RISKY_DATA["shapes"].items()},
    "deep parentheses": lambda size: "(" * (size // 2) + ")" * (size - size // 2),
}


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


# --------------------------------------------------------------------------
# regular expressions


def _patterns() -> Iterator[tuple[str, Any]]:
    """Every compiled pattern of the package: module constants and cached builders."""
    for info in pkgutil.iter_modules(np.__path__, "newsparse."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)):
                yield f"{info.name}.{name}", value
    from newsparse import datelines, dates

    yield "dates._pattern()", dates._pattern()
    for key, pattern in datelines._patterns().items():
        yield f"datelines._patterns()[{key!r}]", pattern


PATTERNS = dict(_patterns())
# Strings that make a backtracking engine try every way of matching: long runs of
# what patterns repeat, with the character that spoils the match at the end.
HOSTILE = [
    "a" * 2000 + "!", "A" * 2000 + "!", " " * 2000 + "x", "\t \n" * 700 + "!", "'" * 2000,
    "-" * 2000, "a'" * 1000 + "s", "A." * 1000 + "!", "A. " * 700, "1," * 1000, "(" * 2000,
    "Al-" * 700, "By " * 700, "Jan " * 500, "\u201c" * 2000, "a-b " * 500, ". " * 1000,
]  # fmt: skip


def _seconds(pattern: Any, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        pattern.match(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("name", PATTERNS)
def test_patterns_scan_hostile_text_in_linear_time(name: str) -> None:
    """Four times the text may cost about four times as much, not sixteen (a nested
    quantifier would show here long before a user's article does)."""
    pattern = PATTERNS[name]
    for hostile in HOSTILE:
        small = _seconds(pattern, hostile)
        large = _seconds(pattern, hostile * 4)
        assert large <= max(8 * small, 0.005), (name, hostile[:12], small, large)


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
