"""Robustness: no exception, no wrong offset, no pathological cost, on any input.

    python bench/fuzz.py [--shared ../shared] [--inputs 100000] [--seed 1]
                         [--only generated|reuters|shapes|patterns] [--size 50000]
                         [--repeats 3] [--growth 4] [--aliases TABLE] [--shape NAME]

1. ``generated``: ``--inputs`` texts, half random Unicode strings built from risky
   pieces, half real articles (the Reuters corpus, the seed, the project's own
   examples) mutated by inserting, deleting and duplicating risky pieces (CRLF,
   NBSP, zero-width and bidi controls, combining marks, BOM, NUL and other
   controls, quotes of every kind, ``By ``, ``(Reuters) -``, ``Al-``, lone
   surrogates, emoji, Arabic script). Each is parsed; an exception, a warning
   (a stage that failed) or an offset problem (``Article.offset_problems``) is
   counted and the first few are shown.
2. ``reuters``: every article of Reuters-21578, the same checks.
3. ``shapes``: adversarial texts of ``--size`` characters (one capitalised word
   repeated, short cycles of them, names without punctuation, text in capitals,
   tables of names and numbers, long quotes, thousands of unclosed quotes,
   repeated bylines and datelines, a line with no spaces, runs of apostrophes and
   hyphens, deep parentheses...; ``tests/data/risky.json``) measured next to
   ordinary news text of the same length (Reuters articles one after another):
   CPU time and peak memory (tracemalloc), and both again at ``--growth`` times
   the length. The ratios to news text should stay under 3; the growth near
   ``--growth``. ``--aliases`` parses with an alias table; ``--size 1000000`` is
   the megabyte of the acceptance figures (use ``--growth 1 --repeats 1`` there
   to keep it to minutes).
4. ``patterns``: every regular expression of the package on hostile strings (long
   runs of what patterns repeat, a spoiling character at the end): one scan of
   sixteen copies against sixteen scans of one, the same text either way, so a
   linear pattern prints about 1x and a quadratic one about 16x. Timings are
   printed here, never asserted in the test suite.

Exit status 1 when any input failed.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import json
import random
import statistics
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import newsparse

HERE = Path(__file__).resolve().parent

# Shared with the test suite (tests/test_robustness.py).
RISKY_DATA = json.loads((HERE.parent / "tests" / "data" / "risky.json").read_text(encoding="utf-8"))
RISKY: list[str] = RISKY_DATA["pieces"]
# Strings that make a backtracking engine try every way of matching: long runs of
# what patterns repeat, with the character that spoils the match at the end.
HOSTILE: list[str] = [piece * count + tail for piece, count, tail in RISKY_DATA["hostile"]]


def risky_text(rng: random.Random) -> str:
    """Random text: risky pieces, random code points and ordinary words."""
    pieces = []
    for _ in range(rng.randint(0, 60)):
        roll = rng.random()
        if roll < 0.5:
            pieces.append(rng.choice(RISKY))
        elif roll < 0.7:
            pieces.append(chr(rng.randint(0, 0x10FFFF)))
        else:
            pieces.append(rng.choice(["Omar", "Rashid", "Baghdad", "the", "minister", " ", ". "]))
    return "".join(pieces)


def mutated(rng: random.Random, text: str) -> str:
    """``text`` with a few risky insertions, deletions and duplications."""
    for _ in range(rng.randint(1, 6)):
        if not text:
            text = rng.choice(RISKY)
            continue
        i = rng.randrange(len(text) + 1)
        roll = rng.random()
        if roll < 0.5:
            text = text[:i] + rng.choice(RISKY) * rng.choice((1, 1, 2, 10)) + text[i:]
        elif roll < 0.75:
            j = min(len(text), i + rng.randint(1, 80))
            text = text[:i] + text[j:]
        else:
            j = min(len(text), i + rng.randint(1, 200))
            text = text[:j] + text[i:j] * rng.randint(1, 3) + text[j:]
    return text


def real_articles(shared: Path) -> list[str]:
    texts = [
        p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "examples").glob("*.txt"))
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "seed").glob("*.txt"))]
    reuters = shared / "data" / "reuters21578" / "reuters21578.jsonl"
    if reuters.exists():
        with reuters.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle]
    return texts


class Tally:
    def __init__(self, show: int = 5) -> None:
        self.inputs = 0
        self.failures: list[str] = []
        self.show = show

    def check(self, text: str) -> None:
        self.inputs += 1
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                article = newsparse.parse(text, reference_date="2025-01-08")
        except Exception as exc:  # the tally counts what must never happen
            self.fail(text, f"{type(exc).__name__}: {exc}")
            return
        problems = article.offset_problems(text)
        if problems:
            self.fail(text, "; ".join(problems[:3]))

    def fail(self, text: str, what: str) -> None:
        self.failures.append(what)
        if len(self.failures) <= self.show:
            print(f"  FAILED on {text[:120]!r}: {what}", file=sys.stderr)


def generated(shared: Path, count: int, seed: int) -> Tally:
    rng = random.Random(seed)
    articles = real_articles(shared)
    tally = Tally()
    for n in range(count):
        text = risky_text(rng) if n % 2 or not articles else mutated(rng, rng.choice(articles))
        tally.check(text)
    return tally


def reuters(shared: Path) -> Tally:
    tally = Tally()
    path = shared / "data" / "reuters21578" / "reuters21578.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                tally.check(json.loads(line)["text"])
    return tally


def _fill(piece: str) -> Callable[[int], str]:
    return lambda size: (piece * (size // max(len(piece), 1) + 1))[:size]


def _framed(opening: str, middle: str, closing: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        room = max(size - len(opening) - len(closing), 0)
        return opening + _fill(middle)(room) + closing

    return make


SHAPES: dict[str, Callable[[int], str]] = {
    **{name: _fill(piece) for name, piece in RISKY_DATA["shapes"].items()},
    **{name: _framed(*parts) for name, parts in RISKY_DATA["framed"].items()},
    "deep parentheses": lambda size: "(" * (size // 2) + ")" * (size - size // 2),
}


def _cost(text: str, table: newsparse.AliasTable | None, repeats: int) -> tuple[float, int]:
    """CPU seconds of ``parse`` (the median of ``repeats``) and its peak traced memory.

    Time is taken without tracing (which slows Python several times); the peak
    of the memory that Python allocates is taken in one more, traced, run.
    """
    runs = []
    for _ in range(repeats):
        start = time.process_time()
        newsparse.parse(text, aliases=table)
        runs.append(time.process_time() - start)
    gc.collect()
    tracemalloc.start()
    try:
        newsparse.parse(text, aliases=table)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return statistics.median(runs), peak


class ShapeRow(NamedTuple):
    name: str
    seconds: float
    time_ratio: float  # to news text of the same length
    peak: int
    memory_ratio: float  # to news text of the same length
    time_growth: float | None  # at ``growth`` times the length
    memory_growth: float | None


def shapes(
    shared: Path,
    size: int,
    repeats: int = 3,
    growth: int = 4,
    table: newsparse.AliasTable | None = None,
    names: list[str] | None = None,
) -> list[ShapeRow]:
    """Each adversarial shape next to news text of the same length: time and peak memory.

    Both should be near news text's (within 3x), and grow with the length as
    news text's do (``growth`` times the length, near ``growth`` times the cost).
    """
    ordinary_source = "\n\n".join(real_articles(shared)[:3000]) or "Markets fell. " * 1000

    def ordinary(n: int) -> str:
        return (ordinary_source * (n // len(ordinary_source) + 1))[:n]

    newsparse.parse(ordinary(5000), aliases=table)  # load the package's tables first
    sizes = (size, growth * size) if growth > 1 else (size,)
    made: dict[str, Callable[[int], str]] = {"news text": ordinary}
    made.update((n, SHAPES[n]) for n in (names or SHAPES))
    print(f"\n## Adversarial shapes, {size:,} characters, next to news text of that length\n")
    print("Time is CPU time (median of runs), memory the peak that tracemalloc sees.")
    if table is not None:
        print(f"With an alias table of {len(table):,} entries.")
    grown = f" | time at {growth}x the length | memory at {growth}x" if growth > 1 else ""
    print(f"\n| shape | s | time vs news | peak MB | memory vs news{grown} |")
    print("| --- " * (7 if growth > 1 else 5) + "|")
    rows = []
    base: tuple[float, int] | None = None
    for name, make in made.items():
        costs = [_cost(make(n), table, repeats) for n in sizes]
        (seconds, peak), *more = costs
        if base is None:
            base = seconds, peak
        row = ShapeRow(
            name,
            seconds,
            seconds / max(base[0], 1e-9),
            peak,
            peak / max(base[1], 1),
            more[0][0] / max(seconds, 1e-9) if more else None,
            more[0][1] / max(peak, 1) if more else None,
        )
        rows.append(row)
        cells = [
            name,
            f"{seconds:.3f}",
            f"{row.time_ratio:.2f}x",
            f"{peak / 1e6:.1f}",
            f"{row.memory_ratio:.2f}x",
        ]
        if more:
            cells += [f"{row.time_growth:.1f}x", f"{row.memory_growth:.1f}x"]
        print("| " + " | ".join(cells) + " |", flush=True)
    return rows[1:]


def _patterns() -> Iterator[tuple[str, Any]]:
    """Every compiled pattern of the package (the list the tests check, shared)."""
    spec = importlib.util.spec_from_file_location("patterns", HERE.parent / "tests" / "patterns.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield from module.compiled_patterns()


def scan_seconds(pattern: Any, text: str, times: int = 1, repeats: int = 5) -> float:
    """The least CPU time of ``repeats`` runs of ``times`` scans of ``text`` (finditer, match)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _ in range(times):
            for _ in pattern.finditer(text):
                pass
            pattern.match(text)
        best = min(best, time.process_time() - start)
    return best


def patterns(factor: int = 16) -> list[tuple[str, float]]:
    """Each pattern on the hostile strings: one scan of ``factor`` copies of a string
    against ``factor`` scans of it. The same text is read either way, so a linear
    pattern gives about 1x; a quadratic one about ``factor`` times."""
    print(f"\n## Patterns on hostile strings: one scan of {factor}x the text / {factor} scans\n")
    print("| pattern | worst string | ratio | s |")
    print("| --- | --- | --- | --- |")
    rows = []
    for name, pattern in _patterns():
        worst = (0.0, "", 0.0)
        for hostile in HOSTILE:
            small = scan_seconds(pattern, hostile, factor)
            large = scan_seconds(pattern, hostile * factor)
            ratio = large / max(small, 1e-6)
            if ratio > worst[0]:
                worst = (ratio, hostile[:8], large)
        rows.append((name, worst[0]))
        print(f"| {name} | {worst[1]!r} | {worst[0]:.2f}x | {worst[2]:.4f} |", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", type=int, default=50_000, help="characters (1000000 for 1 MB)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per text (median)")
    parser.add_argument("--growth", type=int, default=4, help="also at this many times the size")
    parser.add_argument("--aliases", type=Path, help="an alias table for the shapes")
    parser.add_argument("--shape", action="append", choices=list(SHAPES), help="only these")
    parser.add_argument("--only", choices=["generated", "reuters", "shapes", "patterns"])
    args = parser.parse_args(argv)
    print(f"newsparse {newsparse.__version__}, python {sys.version.split()[0]}")
    failed = 0
    runs: Iterator[tuple[str, Callable[[], Tally]]] = iter(
        [
            (
                "generated and mutated inputs",
                lambda: generated(args.shared, args.inputs, args.seed),
            ),
            ("Reuters-21578 articles", lambda: reuters(args.shared)),
        ]
    )
    for (label, run), key in zip(runs, ("generated", "reuters"), strict=True):
        if args.only not in (None, key):
            continue
        start = time.perf_counter()
        tally = run()
        failed += len(tally.failures)
        print(
            f"{label}: {tally.inputs:,} parsed in {time.perf_counter() - start:.0f} s, "
            f"{len(tally.failures)} with an exception, a warning or an offset problem"
        )
    if args.only in (None, "shapes"):
        table = newsparse.AliasTable.from_file(args.aliases) if args.aliases else None
        rows = shapes(args.shared, args.size, args.repeats, args.growth, table, args.shape)
        slowest = max(rows, key=lambda r: r.time_ratio)
        largest = max(rows, key=lambda r: r.memory_ratio)
        print(
            f"\nslowest shape: {slowest.name}, {slowest.time_ratio:.2f}x the time of news text "
            f"of the same length; largest: {largest.name}, {largest.memory_ratio:.2f}x its "
            "peak memory"
        )
    if args.only in (None, "patterns"):
        worst = max(patterns(), key=lambda r: r[1])
        print(f"\nworst pattern: {worst[0]}, {worst[1]:.2f}x (linear is near 1x)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
