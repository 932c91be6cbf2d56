"""The measurement harness: one table of figures per capability.

Reads the seed article (``shared/seed``) and the Reuters-21578 corpus
(``shared/data/reuters21578``) and prints what newsparse gets right on them.
Figures are measured on ``split == TEST``; tune on TRAIN (``--split TRAIN``).

    python bench/evaluate.py [--shared ../shared] [--split TEST] [--limit N]

Each capability adds its rows to ``ROWS`` below; a row that cannot be measured
(the corpus is absent) says so instead of a figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import newsparse

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parent.parent / "shared"

MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_GOLD_DATELINE = re.compile(
    rf"^\W*(?P<place>.*?)[\s,]*\b(?:(?:{MONTHS})[a-z]*\.?\s*\d{{1,2}}|\d{{1,2}}\s+(?:{MONTHS})[a-z]*)\b.*$",
    re.IGNORECASE,
)


class Corpus:
    """The shared material, loaded lazily."""

    def __init__(
        self,
        shared: Path,
        split: str,
        limit: int | None,
        show_misses: int = 0,
        speed_sample: int = 500,
        repeats: int = 5,
    ) -> None:
        self.shared = shared
        self.speed_sample = speed_sample
        self.repeats = repeats
        self.show_misses = show_misses
        self.split = split
        self.limit = limit

    @property
    def seed_dir(self) -> Path:
        return self.shared / "seed"

    def seed(self) -> tuple[str, dict[str, Any], newsparse.AliasTable] | None:
        texts = sorted(self.seed_dir.glob("*.txt"))
        if not texts:
            return None
        expected = json.loads((self.seed_dir / "expected.json").read_text(encoding="utf-8"))
        table = newsparse.AliasTable.from_file(self.seed_dir / "aliases.json")
        return texts[0].read_text(encoding="utf-8"), expected, table

    def reuters(self, *, every_split: bool = False) -> Iterator[dict[str, Any]]:
        """Reuters records of the chosen split (or of every split), up to ``limit``."""
        path = self.shared / "data" / "reuters21578" / "reuters21578.jsonl"
        if not path.exists():
            return
        count = 0
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["split"] != self.split and not every_split:
                    continue
                yield record
                count += 1
                if self.limit is not None and count >= self.limit:
                    return


def reuters_date(record: dict[str, Any]) -> dt.date:
    """The date of a Reuters item's ``<DATE>`` timestamp, e.g. ``26-FEB-1987 15:01:01.79``."""
    return dt.datetime.strptime(record["date"].split()[0], "%d-%b-%Y").date()


def gold_place(dateline_raw: str) -> str | None:
    """The place of a Reuters gold dateline: what precedes its month and day."""
    match = _GOLD_DATELINE.match(dateline_raw.strip())
    place = match.group("place") if match else dateline_raw.strip()
    return fold_place(place.strip().rstrip("-")) or None


def fold_place(place: str | None) -> str:
    """Places compare case-insensitively with spaces folded."""
    return " ".join((place or "").replace(" ,", ",").split()).casefold().strip(" ,")


def percent(right: int, total: int) -> str:
    return f"{100 * right / total:.2f}% ({right}/{total})" if total else "n/a"


# --------------------------------------------------------------------------
# rows: each function yields (capability, measure, figure)

Row = tuple[str, str, str]


def robustness_rows(corpus: Corpus) -> Iterator[Row]:
    total = failures = bad_offsets = 0
    start = time.perf_counter()
    for record in corpus.reuters():
        text = record["text"]
        total += 1
        try:
            article = newsparse.parse(text, reference_date=reuters_date(record))
        except Exception:  # the harness counts what the library must never do
            failures += 1
            continue
        for item in article.spans():
            text_ok = getattr(item, "text", None) in (None, text[item.start : item.end])
            if not (0 <= item.start <= item.end <= len(text) and text_ok):
                bad_offsets += 1
                break
    elapsed = time.perf_counter() - start
    if not total:
        yield ("robustness", "Reuters articles", "corpus absent")
        return
    split = corpus.split
    yield (
        "robustness",
        f"Reuters {split}: parsed without exception",
        percent(total - failures, total),
    )
    yield ("robustness", f"Reuters {split}: all offsets valid", percent(total - bad_offsets, total))
    yield ("speed", f"Reuters {split}: parse, articles/s", f"{total / elapsed:,.0f}")


def gold_dateline_date(record: dict[str, Any]) -> dt.date | None:
    """The gold date of a Reuters dateline: its month and day, the year from ``<DATE>``.

    The year is the one that puts the date closest on or before the timestamp,
    allowing a month forward (datelines filed in Tokyo are a day ahead of New York).
    None when the gold dateline has no date (``TOKYO -``).
    """
    match = _GOLD_DATELINE.match(record["dateline_raw"].strip())
    if match is None:
        return None
    raw = match.group(0)
    numbers = re.search(rf"\b({MONTHS})[a-z]*\.?\s*(\d{{1,2}})\b", raw, re.IGNORECASE)
    day_first = re.search(rf"\b(\d{{1,2}})\s+({MONTHS})[a-z]*\b", raw, re.IGNORECASE)
    if numbers is not None:
        month_name, day = numbers.group(1), int(numbers.group(2))
    elif day_first is not None:
        month_name, day = day_first.group(2), int(day_first.group(1))
    else:
        return None
    month = MONTHS.split("|").index(month_name.lower()) + 1
    stamp = reuters_date(record)
    best = None
    for year in (stamp.year - 1, stamp.year, stamp.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= stamp + dt.timedelta(days=31) and (best is None or candidate > best):
            best = candidate
    return best


def dateline_rows(corpus: Corpus) -> Iterator[Row]:
    total = place_ok = date_ok = both = 0
    misses: list[str] = []
    for record in corpus.reuters():
        total += 1
        stamp = reuters_date(record)
        article = newsparse.parse(record["text"], reference_date=stamp)
        dateline = article.dateline
        got_place = fold_place(dateline.place) if dateline else ""
        p = got_place == (gold_place(record["dateline_raw"]) or "")
        gold_date = gold_dateline_date(record)
        if gold_date is None:
            # No date in the dateline: the article's date is the reference date.
            d = (dateline is None or dateline.date is None) and article.published == stamp
        else:
            d = dateline is not None and dateline.date == gold_date
        place_ok += p
        date_ok += d
        both += p and d
        if not (p and d) and len(misses) < corpus.show_misses:
            got = dateline.to_dict() if dateline else None
            misses.append(f"{record['id']}: gold {record['dateline_raw']!r} got {got}")
    if total:
        yield ("datelines", f"Reuters {corpus.split}: place right", percent(place_ok, total))
        yield ("datelines", f"Reuters {corpus.split}: date right", percent(date_ok, total))
        yield ("datelines", f"Reuters {corpus.split}: place and date right", percent(both, total))
    for miss in misses:
        print("  miss:", miss, file=sys.stderr)
    seed = corpus.seed()
    if seed is None:
        yield ("datelines", "seed", "seed absent")
        return
    text, expected, _ = seed
    article = newsparse.parse(text)
    gold = expected["dateline"]
    got = article.dateline
    yield (
        "datelines",
        "seed: date and outlet right",
        "yes"
        if got is not None
        and got.date is not None
        and got.date.isoformat() == gold["date"]
        and got.outlet == gold["outlet"]
        else f"no (got {got.to_dict() if got else None})",
    )


def seed_rows(corpus: Corpus) -> Iterator[Row]:
    seed = corpus.seed()
    if seed is None:
        yield ("seed", "seed article", "seed absent")
        return
    text, expected, table = seed
    article = newsparse.parse(text, aliases=table)
    spans = list(article.spans())
    valid = all(
        0 <= s.start <= s.end <= len(text)
        and getattr(s, "text", None) in (None, text[s.start : s.end])
        for s in spans
    )
    yield ("seed", "offsets valid", f"{'yes' if valid else 'NO'} ({len(spans)} items)")
    yield ("seed", "paragraphs", str(len(article.paragraphs)))
    found = {(d.text.lower(), d.value) for d in article.dates}
    right = sum((g["surface"].lower(), g["value"]) in found for g in expected["dates"])
    yield ("dates", "seed: dates right", f"{right} of {len(expected['dates'])}")


# The agency at the end of a Reuters author line, typos included ("Reutersd").
_AGENCY_TAIL = re.compile(r",?\s*\b(reuters?[a-z]?)\.?\s*$", re.IGNORECASE)


def gold_byline(author_raw: str) -> tuple[list[str], str | None]:
    """The people and agency of a Reuters ``<AUTHOR>`` line, split by plain rules.

    ``By Cal Mankowski, Reuters`` gives (["cal mankowski"], "Reuters").
    """
    line = re.sub(r"^\s*by\s+", "", author_raw.strip(), flags=re.IGNORECASE)
    agency = None
    tail = _AGENCY_TAIL.search(line)
    if tail is not None:
        agency = "Reuters"
        line = line[: tail.start()]
    people = [p.strip() for p in re.split(r",|\band\b", line, flags=re.IGNORECASE) if p.strip()]
    return [" ".join(p.casefold().split()) for p in people], agency


def byline_rows(corpus: Corpus) -> Iterator[Row]:
    total = direct_ok = in_article_ok = 0
    misses: list[str] = []
    for record in corpus.reuters(every_split=True):
        if not record["author_raw"]:
            continue
        total += 1
        people, agency = gold_byline(record["author_raw"])
        direct = newsparse.parse_byline(record["author_raw"])
        got = _byline_reading(direct)
        direct_ok += got == (people, agency)
        article = newsparse.parse(record["text"], reference_date=reuters_date(record))
        in_article = _byline_reading(article.byline)
        in_article_ok += in_article == (people, agency)
        if in_article != (people, agency) and len(misses) < corpus.show_misses:
            misses.append(f"{record['id']}: gold {record['author_raw']!r} got {in_article}")
    for miss in misses:
        print("  miss:", miss, file=sys.stderr)
    if not total:
        yield ("bylines", "Reuters author lines", "none among the records read")
        return
    yield (
        "bylines",
        "Reuters author lines: parse_byline people and agency",
        percent(direct_ok, total),
    )
    yield ("bylines", "Reuters author lines: parse (in the article)", percent(in_article_ok, total))


def byline_speed_rows(corpus: Corpus) -> Iterator[Row]:
    """``parse_byline`` next to trafilatura's ``normalize_authors`` and nameparser, same lines."""
    lines = [r["author_raw"] for r in corpus.reuters(every_split=True) if r["author_raw"]]
    if not lines:
        return
    gold = [gold_byline(line) for line in lines]

    def ours() -> int:
        right = 0
        for line, (people, agency) in zip(lines, gold, strict=True):
            right += _byline_reading(newsparse.parse_byline(line)) == (people, agency)
        return right

    peers: dict[str, Callable[[], int]] = {"newsparse.parse_byline": ours}
    try:
        from trafilatura.metadata import normalize_authors
    except ImportError:
        normalize_authors = None
    if normalize_authors is not None:

        def trafilatura_people() -> int:
            right = 0
            for line, (people, _) in zip(lines, gold, strict=True):
                found = normalize_authors(None, line) or ""
                names = [" ".join(n.casefold().split()) for n in found.split(";") if n.strip()]
                right += names == people
            return right

        peers["trafilatura normalize_authors (people only)"] = trafilatura_people
    try:
        import nameparser
    except ImportError:
        nameparser = None
    if nameparser is not None:

        def nameparser_people() -> int:
            right = 0
            for line, (people, _) in zip(lines, gold, strict=True):
                name = nameparser.HumanName(line)
                full = " ".join(p for p in (name.first, name.middle, name.last) if p)
                right += [" ".join(full.casefold().split())] == people
            return right

        peers["nameparser HumanName (people only)"] = nameparser_people
    timings: dict[str, list[float]] = {name: [] for name in peers}
    scores: dict[str, int] = {}
    for _ in range(corpus.repeats):
        for name, function in peers.items():
            start = time.perf_counter()
            scores[name] = function()
            timings[name].append(time.perf_counter() - start)
    n = len(lines)
    base = n / statistics.median(timings["newsparse.parse_byline"])
    for name in peers:
        rate = n / statistics.median(timings[name])
        ratio = "" if rate == base else f" (newsparse {base / rate:.1f}x its speed)"
        yield (
            "bylines",
            f"{n} author lines, median of {corpus.repeats}: {name}",
            f"{rate:,.0f} lines/s, right {percent(scores[name], n)}{ratio}",
        )
    if len(peers) == 1:
        yield ("bylines", "peers", "not installed (pip install '.[bench]')")


def _byline_reading(byline: newsparse.Byline | None) -> tuple[list[str], str | None] | None:
    if byline is None:
        return None
    return [" ".join(a.name.casefold().split()) for a in byline.authors], byline.organization


def gold_mentions(text: str, gold: list[dict[str, Any]]) -> dict[int, set[tuple[int, int]]]:
    """The spans of each gold entity's surfaces in the text (index into ``gold``).

    Longer surfaces are placed first, so ``Qaani`` inside ``Ismail Qaani`` is not
    counted twice, and ``Middle East`` inside ``New Middle East`` is left out
    when the gold says ``not_within``.
    """
    surfaces = sorted(
        ((surface, index) for index, g in enumerate(gold) for surface in g["surfaces"]),
        key=lambda pair: -len(pair[0]),
    )
    taken: list[tuple[int, int]] = []
    found: dict[int, set[tuple[int, int]]] = {i: set() for i in range(len(gold))}
    for surface, index in surfaces:
        excluded = [
            (m.start(), m.end())
            for outer in gold[index].get("not_within", [])
            for m in re.finditer(re.escape(outer), text)
        ]
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            span = (m.start(), m.end())
            if any(a <= span[0] and span[1] <= b for a, b in taken + excluded):
                continue
            taken.append(span)
            found[index].add(span)
    return found


def score_entities(
    text: str, expected: dict[str, Any], article: newsparse.Article, *, with_table: bool
) -> tuple[int, int, list[str], list[str]]:
    """Clusters right, clusters scored, problems, junk entities (see issue 5's measure)."""
    gold = [g for g in expected["entities"] if with_table or not g.get("needs_alias_table")]
    spans = gold_mentions(text, gold)
    owner = {span: i for i, group in spans.items() for span in group}
    right = 0
    problems = []
    for index, g in enumerate(gold):
        wanted = spans[index]
        best = None
        for entity in article.entities:
            got = {(m.start, m.end) for m in entity.mentions}
            share = len(got & wanted) / len(wanted) if wanted else 0.0
            if best is None or share > best[0]:
                best = (share, entity)
        if best is None:
            problems.append(f"{g['canonical']}: no entity")
            continue
        share, entity = best
        others = {owner[(m.start, m.end)] for m in entity.mentions if (m.start, m.end) in owner}
        ok = (
            share >= 0.9
            and entity.type.value == g["type"]
            and others <= {index}
            and (not with_table or entity.table_id == g.get("table_id"))
        )
        right += ok
        if not ok:
            problems.append(
                f"{g['canonical']}: best {entity.name!r} ({entity.type.value}, "
                f"table_id {entity.table_id}) holds {share:.0%} of {len(wanted)}"
                + (
                    f", and other gold entities {sorted(others - {index})}"
                    if others - {index}
                    else ""
                )
            )
    if with_table:
        gold_ids = {g.get("table_id") for g in gold}
        for entity in article.entities:
            if entity.table_id is not None and entity.table_id not in gold_ids:
                problems.append(f"{entity.name}: resolved to {entity.table_id}, not in the gold")
    junk_words = set(expected["not_entities"])
    junk = [
        e.name
        for e in article.entities
        if e.name in junk_words or any(m.text in junk_words for m in e.mentions)
    ]
    return right, len(gold), problems, junk


def entity_rows(corpus: Corpus) -> Iterator[Row]:
    seed = corpus.seed()
    if seed is None:
        yield ("entities", "seed", "seed absent")
        return
    text, expected, table = seed
    for with_table in (False, True):
        article = newsparse.parse(text, aliases=table if with_table else None)
        right, total, problems, junk = score_entities(
            text, expected, article, with_table=with_table
        )
        label = "with aliases.json" if with_table else "without a table"
        yield ("entities", f"seed {label}: clusters right", f"{right} of {total}")
        yield ("entities", f"seed {label}: junk entities", f"{len(junk)} {junk if junk else ''}")
        for problem in problems[: corpus.show_misses]:
            print(f"  {label}: {problem}", file=sys.stderr)


REUTERS_TABLE = HERE / "data" / "reuters_aliases.json"


def reuters_code_rows(corpus: Corpus) -> Iterator[Row]:
    """Share of the people and organisation codes of each article found through our table.

    The table (``bench/data/reuters_aliases.json``) is the team's own: one entry per
    code of the TRAIN articles, with the names and offices of 1987. A code is
    found when an entity of the article resolves to its entry.
    """
    table = newsparse.AliasTable.from_file(REUTERS_TABLE)
    for split in ("TRAIN", "TEST"):
        articles = found = total = 0
        shares: list[float] = []
        bakers = bakers_right = 0
        misses: list[str] = []
        for record in Corpus(corpus.shared, split, corpus.limit).reuters():
            codes = [c for c in record["people"] + record["orgs"] if c in table]
            if not codes:
                continue
            article = newsparse.parse(
                record["text"], aliases=table, reference_date=reuters_date(record)
            )
            got = {e.table_id for e in article.entities if e.table_id}
            hits = sum(code in got for code in codes)
            articles += 1
            found += hits
            total += len(codes)
            shares.append(hits / len(codes))
            if len(misses) < corpus.show_misses and hits < len(codes):
                misses.append(f"{record['id']}: missed {sorted(set(codes) - got)}")
            baker_codes = {"james-baker", "howard-baker"} & set(record["people"])
            if baker_codes:
                bakers += 1
                bakers_right += (
                    baker_codes <= got and not ({"james-baker", "howard-baker"} - baker_codes) & got
                )
        for miss in misses:
            print(f"  {split}: {miss}", file=sys.stderr)
        if not articles:
            continue
        yield (
            "entities",
            f"Reuters {split}: codes found (our table, {len(table)} entries)",
            f"{percent(found, total)}; per article {100 * statistics.mean(shares):.2f}%",
        )
        yield (
            "entities",
            f"Reuters {split}: James Baker told from Howard Baker",
            percent(bakers_right, bakers),
        )


def attribution_right(
    quote: newsparse.Quote, gold: dict[str, Any], article: newsparse.Article
) -> bool:
    """Right when the speaker is the gold's: the entity of that name, or an unnamed
    source with the gold's head word, or (a source that is no entity) the same words."""
    speaker = quote.speaker
    if speaker is None:
        return False
    wanted = gold["speaker"].casefold()
    if gold.get("anonymous"):
        return speaker.anonymous and wanted.split()[-1] in speaker.text.casefold()
    if speaker.entity is not None:
        entity = article.entity(speaker.entity)
        if entity is not None and entity.name.casefold() == wanted:
            return True
    return wanted in speaker.text.casefold()


def quote_rows(corpus: Corpus) -> Iterator[Row]:
    seed = corpus.seed()
    if seed is None:
        yield ("quotes", "seed", "seed absent")
        return
    text, expected, table = seed
    article = newsparse.parse(text, aliases=table)
    right = 0
    for gold in expected["attributions"]:
        start = gold["quote_starts"]
        matches = [
            q
            for q in article.quotes
            if any(p.text.lstrip('"\u201c ').startswith(start) for p in q.parts)
        ]
        ok = any(attribution_right(q, gold, article) for q in matches)
        right += ok
        if not ok and corpus.show_misses:
            got = [(q.text[:40], q.speaker.text if q.speaker else None) for q in matches]
            print(f"  quote miss: {gold['speaker']} / {start!r}: got {got}", file=sys.stderr)
    yield (
        "quotes",
        "seed: attributions right (with aliases.json)",
        f"{right} of {len(expected['attributions'])}",
    )
    scare = [
        q.text
        for q in article.quotes
        if q.speaker is not None
        and q.text.strip('"\u201c\u201d ,.').casefold()
        in {s.casefold() for s in expected["scare_quotes_not_speech"]}
    ]
    yield ("quotes", "seed: scare quotes given a speaker", f"{len(scare)} {scare if scare else ''}")
    valid = all(
        text[q.start : q.end] == q.text
        and (q.speaker is None or text[q.speaker.start : q.speaker.end] == q.speaker.text)
        for q in article.quotes
    )
    yield ("quotes", "seed: offsets valid for every quote and speaker", "yes" if valid else "NO")
    cases = read_attribution_cases()
    if cases:
        ok = sum(attribution_case_right(case) for case in cases)
        yield ("quotes", "team-written wire attribution cases", percent(ok, len(cases)))


ATTRIBUTION_CASES = HERE.parent / "tests" / "data" / "attributions.tsv"


def read_attribution_cases() -> list[dict[str, str]]:
    """The team's table of wire-style attribution cases (``tests/data/attributions.tsv``)."""
    if not ATTRIBUTION_CASES.exists():
        return []
    rows = []
    for line in ATTRIBUTION_CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, kind, cue, starts, speaker, anonymous = line.split("\t")
        rows.append(
            {
                "text": text.replace("\\n", "\n"),
                "kind": kind,
                "cue": cue,
                "quote_starts": starts,
                "speaker": speaker,
                "anonymous": anonymous,
            }
        )
    return rows


def attribution_case_right(case: dict[str, str]) -> bool:
    """Whether ``parse`` finds the case's quote, kind, cue and speaker, read as
    ``tests/test_quotes.py`` reads the table (an empty cue or speaker: none)."""
    article = newsparse.parse(case["text"], reference_date="2025-01-08")
    for quote in article.quotes:
        # A quotation its attribution splits is one quote; each piece is one of its parts.
        if not any(part.text.startswith(case["quote_starts"]) for part in quote.parts):
            continue
        if quote.kind.value != case["kind"] or quote.cue != (case["cue"] or None):
            continue
        speaker = quote.speaker
        if not case["speaker"]:
            return speaker is None
        if speaker is None or speaker.anonymous != (case["anonymous"] == "yes"):
            continue
        entity = article.entity(speaker.entity) if speaker.entity else None
        if entity is not None:
            return entity.name == case["speaker"]
        return speaker.text.casefold() == case["speaker"].casefold()
    return False


def _lead(text: str) -> str:
    """The head of an article: its first three lines, where titles, bylines and datelines stand."""
    return "\n".join(text.split("\n")[:3])


def dateline_speed_rows(corpus: Corpus) -> Iterator[Row]:
    """The dateline stage against ``dateparser.search_dates`` on the same leads, in one run."""
    from newsparse._findings import Context, Found
    from newsparse._stages import find_dateline
    from newsparse._text import segment

    records = list(corpus.reuters())[: corpus.speed_sample]
    if not records:
        return
    leads = [(_lead(r["text"]), reuters_date(r), gold_dateline_date(r)) for r in records]

    def ours() -> int:
        right = 0
        for lead, stamp, gold in leads:
            found = find_dateline(segment(lead), Context(reference_date=stamp), Found())
            right += found is not None and found.date == (gold or None)
        return right

    try:
        from dateparser.search import search_dates
    except ImportError:
        search_dates = None

    def theirs() -> int:
        assert search_dates is not None
        right = 0
        for lead, stamp, gold in leads:
            base = dt.datetime(stamp.year, stamp.month, stamp.day, 23, 59)
            # English only: the fair setting for English wire copy, and 10x faster.
            found = search_dates(lead, languages=["en"], settings={"RELATIVE_BASE": base})
            right += bool(found) and found[0][1].date() == gold
        return right

    timings: dict[str, list[float]] = {"newsparse": [], "dateparser": []}
    scores: dict[str, int] = {}
    for _ in range(corpus.repeats):
        for name, function in (("newsparse", ours), ("dateparser", theirs)):
            if name == "dateparser" and search_dates is None:
                continue
            start = time.perf_counter()
            scores[name] = function()
            timings[name].append(time.perf_counter() - start)
    n = len(leads)
    ours_rate = n / statistics.median(timings["newsparse"])
    yield (
        "datelines",
        f"speed on {n} leads, median of {corpus.repeats}: newsparse",
        f"{ours_rate:,.0f} articles/s, date right {percent(scores['newsparse'], n)}",
    )
    if search_dates is None:
        yield ("datelines", "speed: dateparser", "not installed (pip install '.[bench]')")
        return
    theirs_rate = n / statistics.median(timings["dateparser"])
    yield (
        "datelines",
        f"speed on {n} leads, median of {corpus.repeats}: dateparser.search_dates",
        f"{theirs_rate:,.0f} articles/s, date right {percent(scores['dateparser'], n)} "
        f"(newsparse {ours_rate / theirs_rate:.0f}x faster)",
    )


ROWS: list[Callable[[Corpus], Iterator[Row]]] = [
    seed_rows,
    dateline_rows,
    dateline_speed_rows,
    byline_rows,
    byline_speed_rows,
    entity_rows,
    reuters_code_rows,
    quote_rows,
    robustness_rows,
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--split", default="TEST", choices=["TEST", "TRAIN", "NOT-USED"])
    parser.add_argument("--limit", type=int, default=None, help="at most N Reuters articles")
    parser.add_argument(
        "--show-misses", type=int, default=0, metavar="N", help="print N misses per row to stderr"
    )
    parser.add_argument(
        "--speed-sample", type=int, default=500, metavar="N", help="leads timed against peers"
    )
    parser.add_argument("--repeats", type=int, default=5, help="timing repetitions (median)")
    args = parser.parse_args(argv)
    if not args.shared.exists():
        print(f"evaluate: {args.shared} not found; pass --shared", file=sys.stderr)
        return 2
    corpus = Corpus(
        args.shared, args.split, args.limit, args.show_misses, args.speed_sample, args.repeats
    )
    print(f"newsparse {newsparse.__version__}, python {sys.version.split()[0]}")
    rows = [row for function in ROWS for row in function(corpus)]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    header = ("capability", "measure", "figure")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    for row in (header, tuple("-" * w for w in widths), *rows):
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
