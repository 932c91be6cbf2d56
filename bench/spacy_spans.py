"""Do the spaCy component's spans say what newsparse found? Measured on real text.

    python bench/spacy_spans.py [--shared ../shared] [--reuters 500]

Runs a blank English pipeline (``spacy.blank("en")``) with the ``newsparse``
component on the seed article (with the seed's alias table) and on the first
``--reuters`` Reuters-21578 articles (each dated by its own date), twice: with
the component's default ``split_tokens`` and without it (spans grown to whole
tokens). For each it counts the mentions, quotes and dates of the article, the
spans of the groups, and how many spans have exactly the text of their item,
and, for the mentions, whether ``label_``, ``id_``, ``kb_id_`` and
``_.newsparse_how`` agree with the entity. Needs the ``spacy`` extra.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import spacy

ROOT = Path(__file__).resolve().parent.parent


def _texts(shared: Path, count: int) -> list[tuple[str, str, str | None, str | None]]:
    """(corpus, text, reference date, alias table) of each article measured."""
    seed = sorted((shared / "seed").glob("*.txt"))[0]
    table = str(shared / "seed" / "aliases.json")
    texts: list[tuple[str, str, str | None, str | None]] = [
        ("seed", seed.read_text(encoding="utf-8"), None, table)
    ]
    path = shared / "data" / "reuters21578" / "reuters21578.jsonl"
    with path.open(encoding="utf-8") as handle:
        for _, line in zip(range(count), handle, strict=False):
            record = json.loads(line)
            date = _dt.datetime.strptime(record["date"].split()[0], "%d-%b-%Y").date()
            texts.append(("reuters", record["text"], date.isoformat(), None))
    return texts


def _measure(doc: Any, counts: Counter[str]) -> None:
    article = doc._.newsparse
    expected = {(m.start, m.end): (e, m) for e in article.entities for m in e.mentions}
    spans = doc.spans["newsparse_entities"]
    counts["mentions"] += len(expected)
    counts["mention spans"] += len(spans)
    for span in spans:
        found = expected.get((span.start_char, span.end_char))
        if found is None:
            continue
        entity, mention = found
        counts["mention spans, text equal"] += span.text == mention.text
        counts["mention spans, attributes equal"] += (
            span.label_ == entity.type.value
            and span.id_ == entity.id
            and span.kb_id_ == (entity.table_id or "")
            and span._.newsparse_how == (mention.how.value if mention.how else None)
        )
    for key, items in (("quotes", article.quotes), ("dates", article.dates)):
        group = doc.spans[f"newsparse_{key}"]
        counts[key] += len(items)
        counts[f"{key} spans"] += len(group)
        counts[f"{key} spans, text equal"] += sum(
            s.text == i.text for s, i in zip(group, items, strict=True)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--reuters", type=int, default=500)
    args = parser.parse_args()
    texts = _texts(args.shared, args.reuters)
    for split in (True, False):
        pipelines: dict[str | None, Any] = {}
        for corpus in ("seed", "reuters"):
            counts: Counter[str] = Counter()
            for name, text, reference, table in texts:
                if name != corpus:
                    continue
                if table not in pipelines:
                    nlp = spacy.blank("en")
                    nlp.add_pipe("newsparse", config={"aliases": table, "split_tokens": split})
                    pipelines[table] = nlp
                nlp = pipelines[table]
                doc = nlp.make_doc(text)
                doc._.newsparse_reference_date = reference
                for _, component in nlp.pipeline:
                    doc = component(doc)
                _measure(doc, counts)
            print(f"split_tokens={split} {corpus}: {dict(counts)}")


if __name__ == "__main__":
    main()
