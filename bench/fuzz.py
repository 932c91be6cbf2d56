"""Robustness: no exception, no wrong offset, no pathological cost, on any input.

    python bench/fuzz.py [--shared ../shared] [--inputs 100000] [--seed 1]
                         [--only generated|reuters|shapes] [--size 50000]

1. ``generated``: ``--inputs`` texts, half random Unicode strings built from risky
   pieces, half real articles (the Reuters corpus, the seed, the project's own
   examples) mutated by inserting, deleting and duplicating risky pieces (CRLF,
   NBSP, zero-width and bidi controls, combining marks, BOM, NUL and other
   controls, quotes of every kind, ``By ``, ``(Reuters) -``, ``Al-``, lone
   surrogates, emoji, Arabic script). Each is parsed; an exception, a warning
   (a stage that failed) or an offset problem (``Article.offset_problems``) is
   counted and the first few are shown.
2. ``reuters``: every article of Reuters-21578, the same checks.
3. ``shapes``: adversarial texts of ``--size`` characters (long runs of
   capitalised words, thousands of unclosed quotes, repeated bylines and
   datelines, a line with no spaces, runs of apostrophes and hyphens, deep
   parentheses...) timed next to ordinary news text of the same length, and at
   four times the length: the first ratio should stay under 3, the second near 4.

Exit status 1 when any input failed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import newsparse

HERE = Path(__file__).resolve().parent

# Shared with the test suite (tests/test_robustness.py).
RISKY_DATA = json.loads((HERE.parent / "tests" / "data" / "risky.json").read_text(encoding="utf-8"))
RISKY: list[str] = RISKY_DATA["pieces"]


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


SHAPES: dict[str, Callable[[int], str]] = {
    **{name: _fill(piece) for name, piece in RISKY_DATA["shapes"].items()},
    "deep parentheses": lambda size: "(" * (size // 2) + ")" * (size - size // 2),
}


def shapes(shared: Path, size: int, repeats: int = 3) -> list[tuple[str, float, float]]:
    ordinary_source = "\n\n".join(real_articles(shared)[:3000]) or "Markets fell. " * 1000

    def ordinary(n: int) -> str:
        return (ordinary_source * (n // len(ordinary_source) + 1))[:n]

    def seconds(text: str) -> float:
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            newsparse.parse(text)
            runs.append(time.perf_counter() - start)
        return statistics.median(runs)

    newsparse.parse(ordinary(5000))  # load the package's tables before timing
    base = {n: seconds(ordinary(n)) for n in (size, 4 * size)}
    print(f"\n## Adversarial shapes, {size:,} characters, next to news text of that length\n")
    print(f"news text: {base[size]:.3f} s; at 4x the length, {base[4 * size] / base[size]:.1f}x\n")
    print("| shape | s | vs news text | at 4x the length |")
    print("| --- | --- | --- | --- |")
    rows = []
    for name, make in SHAPES.items():
        small, large = seconds(make(size)), seconds(make(4 * size))
        rows.append((name, small / base[size], large / small))
        print(f"| {name} | {small:.3f} | {small / base[size]:.2f}x | {large / small:.1f}x |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--only", choices=["generated", "reuters", "shapes"])
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
        rows = shapes(args.shared, args.size)
        worst = max(rows, key=lambda r: r[1])
        print(f"\nslowest shape: {worst[0]}, {worst[1]:.2f}x news text of the same length")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
