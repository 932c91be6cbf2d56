"""Golden outputs: what every article of a fixed corpus parses to, and what changed.

    python bench/golden.py save [--shared ../shared] [--out bench/golden]
    python bench/golden.py diff [--shared ../shared] [--out bench/golden] [--show 5]

``save`` parses a fixed set of texts and stores each article's contract JSON,
one line per text, in ``--out`` (kept out of git: it holds text of the corpora,
which the project never ships). ``diff`` parses the same texts with the code of
the work tree and reports, per corpus and per part of the article (dateline,
byline, credits, entities, dates, quotes, paragraphs), how many articles
changed, with the first few differences shown in full. A change of the code
that is meant to change no output shows 0 everywhere.

The texts: the seed article and the project's examples, the first 2,000
Reuters-21578 articles, the PolNeAR and CoNLL-2003 training texts (each with
its own reference date where the corpus gives one), and the risky fuzz seeds of
``tests/data/risky.json``. The alias tables: the seed's for the seed, the
project's Reuters table for Reuters, none elsewhere.

Exit status: 0 when nothing changed (``diff``) or the files were written
(``save``); 1 when some output changed.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse

HERE = Path(__file__).resolve().parent
PARTS = ("published", "dateline", "byline", "credits", "entities", "dates", "quotes", "paragraphs")


def corpora(shared: Path) -> Iterator[tuple[str, list[tuple[str, str | None]], Any]]:
    """(name, [(text, reference date)], alias table) for each corpus that is present."""
    root = HERE.parent / "examples"
    examples = [(p.read_text(encoding="utf-8"), None) for p in sorted(root.glob("*.txt"))]
    yield "examples", examples, newsparse.AliasTable.from_file(root / "aliases.json")
    seed = shared / "seed"
    if seed.is_dir():
        texts = [(p.read_text(encoding="utf-8"), None) for p in sorted(seed.glob("*.txt"))]
        yield "seed", texts, newsparse.AliasTable.from_file(seed / "aliases.json")
    risky = json.loads((HERE.parent / "tests" / "data" / "risky.json").read_text(encoding="utf-8"))
    pieces = [(piece * 50, None) for piece in risky["pieces"]]
    yield "risky", pieces, None
    sources = [
        ("reuters", shared / "data" / "reuters21578" / "reuters21578.jsonl", 2000, None),
        ("polnear", shared / "data" / "polnear" / "train.jsonl", None, "publication_date"),
        ("conll", shared / "data" / "conll2003" / "train.jsonl", None, None),
    ]
    for name, path, limit, date_key in sources:
        if not path.exists():
            print(f"golden: {path} is absent; {name} skipped", file=sys.stderr)
            continue
        rows: list[tuple[str, str | None]] = []
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                rows.append((record["text"], record.get(date_key) if date_key else None))
                if limit is not None and len(rows) >= limit:
                    break
        table = (
            newsparse.AliasTable.from_file(HERE / "data" / "reuters_aliases.json")
            if name == "reuters"
            else None
        )
        yield name, rows, table


def outputs(shared: Path) -> Iterator[tuple[str, list[str]]]:
    """Each corpus's name and the JSON of each of its articles, one string each."""
    for name, rows, table in corpora(shared):
        lines = []
        with warnings.catch_warnings():
            warnings.simplefilter("error", newsparse.NewsparseWarning)
            for text, reference in rows:
                article = newsparse.parse(text, aliases=table, reference_date=reference)
                lines.append(json.dumps(article.to_dict(), sort_keys=True, ensure_ascii=True))
        yield name, lines


def save(shared: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for name, lines in outputs(shared):
        (out / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"golden: {name}: {len(lines):,} articles saved")
    return 0


def diff(shared: Path, out: Path, show: int) -> int:
    changed_any = False
    for name, lines in outputs(shared):
        path = out / f"{name}.jsonl"
        if not path.exists():
            print(f"golden: {name}: no saved outputs in {out}; run `save` first")
            changed_any = True
            continue
        before = path.read_text(encoding="utf-8").splitlines()
        if len(before) != len(lines):
            print(f"golden: {name}: {len(before)} saved, {len(lines)} now; corpus changed?")
            changed_any = True
            continue
        counts = dict.fromkeys(PARTS, 0)
        shown = 0
        articles = 0
        for number, (old_line, new_line) in enumerate(zip(before, lines, strict=True)):
            if old_line == new_line:
                continue
            articles += 1
            old, new = json.loads(old_line), json.loads(new_line)
            for part in PARTS:
                if old.get(part) != new.get(part):
                    counts[part] += 1
                    if shown < show:
                        shown += 1
                        print(f"--- {name} #{number} {part}")
                        print(f"  before: {json.dumps(old.get(part), ensure_ascii=False)[:600]}")
                        print(f"  after:  {json.dumps(new.get(part), ensure_ascii=False)[:600]}")
        summary = ", ".join(f"{part} {count}" for part, count in counts.items() if count)
        total = f"{articles} of {len(lines):,} articles changed"
        print(f"golden: {name}: {total} ({summary or 'none'})")
        changed_any = changed_any or articles > 0
    return 1 if changed_any else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["save", "diff"])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--out", type=Path, default=HERE / "golden")
    parser.add_argument("--show", type=int, default=5, help="differences shown in full")
    args = parser.parse_args(argv)
    if args.command == "save":
        return save(args.shared, args.out)
    return diff(args.shared, args.out, args.show)


if __name__ == "__main__":
    sys.exit(main())
