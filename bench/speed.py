"""Speed and scale: newsparse next to its peers, measured in one run.

    python bench/speed.py [--shared ../shared] [--sizes 1000,10000,100000,1000000]
                          [--repeats 5] [--megabytes 3.6] [--split TEST]
                          [--tables text|export|fixed] [--skip-spacy-above 100000]
                          [--first-calls 0] [--only tables|large|parse|length|peers|profile]

Prints, for the Reuters-21578 text (``shared/data/reuters21578``), as Markdown tables:

1. ``AliasTable.find`` next to flashtext ``extract_keywords(span_info=True)``,
   pyahocorasick ``iter_long`` and spaCy's ``PhraseMatcher(attr="LOWER")`` on a
   blank English pipeline, with generated tables of each size that cover the text
   as real tables do (``--tables``: ``text``, one entry in fifty a phrase of the
   text, the rest made up; ``export``, the same with the rest built like a
   people-and-organisations export; ``fixed``, the same 200 names of the text at
   every size, the rest made up): build time, bytes per alias (tracemalloc;
   allocations outside Python's allocator, as pyahocorasick's, are not seen) and
   MB/s, medians of interleaved runs; ``find``'s first call over the text right after
   the table is built, and with ``--first-calls N`` the median of N first calls,
   each on a fresh copy of the table (its memos empty, the folding of words warm);
2. a 1M-entry table: loaded from JSON and indexed, written to a cache file, and
   loaded from the cache;
3. whole ``parse`` with a 1k-entry table next to tokenising the same text with one
   compiled regex;
4. cost against text length (1 KB to 10 MB) and against table size;
5. the dateline stage next to ``dateparser.search_dates`` and ``parse_byline`` next
   to trafilatura's ``normalize_authors`` (the rows of ``bench/evaluate.py``);
6. where ``parse`` spends its time.

Peers come with the bench extra (``pip install '.[bench]'``); a missing one is
reported and skipped.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform as _platform
import pstats
import random
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsparse
from newsparse._text.document import segment

HERE = Path(__file__).resolve().parent
# Syllables for made-up names.
SYLLABLES = (
    *("ka", "ro", "vel", "min", "tz", "la", "dor", "sen", "mi", "ra", "bel", "gu"),
    *("to", "nar", "is", "ek", "om", "pa", "ur", "ves", "al", "hu", "ben"),
)
NAME_IN_TEXT = re.compile(r"\b[A-Z][a-z]{2,} (?:[A-Z][a-z]{2,} )?[A-Z][a-z]{3,}\b")


def reuters_text(shared: Path, megabytes: float, split: str | None = None) -> list[str]:
    """Reuters articles, in corpus order (of one ``split`` when given), until they hold
    ``megabytes`` of UTF-8."""
    path = shared / "data" / "reuters21578" / "reuters21578.jsonl"
    texts: list[str] = []
    size = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if split is not None and record["split"] != split:
                continue
            text = record["text"]
            texts.append(text)
            size += len(text.encode())
            if size >= megabytes * 1e6:
                break
    return texts


def _given_names() -> frozenset[str]:
    path = HERE / "data" / "given_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


ORG_TAILS = ("Corp", "Inc", "Co", "Bank", "Group", "Ltd", "Association", "Board", "Exchange")


def names_in_text(text: str, count: int, seed: int = 7) -> list[dict[str, str]]:
    """``count`` people and organisations named in ``text``: a pair of capitalised words
    after a common given name (a person), or ending with a company word (an organisation)."""
    given = _given_names()
    found: dict[str, str] = {}
    for name in NAME_IN_TEXT.findall(text):
        words = name.split()
        if words[0] in given:
            found.setdefault(name, "PERSON")
        elif words[-1] in ORG_TAILS:
            found.setdefault(name, "ORG")
    names = sorted(found)
    random.Random(seed).shuffle(names)
    return [{"name": n, "type": found[n]} for n in names[:count]]


def generated_records(
    count: int, text: str, in_text: int = 200, seed: int = 7
) -> list[dict[str, Any]]:
    """A table of ``count`` entries: ``in_text`` names that occur in ``text`` (the same ones
    at every size, so that tables of every size have the same work to find), and made-up
    people (two or three words) and organisations (words and a company word) for the rest."""
    rng = random.Random(seed)
    records = names_in_text(text, min(in_text, count), seed)
    seen = {r["name"] for r in records}

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    while len(records) < count:
        if rng.random() < 0.8:
            name, kind = " ".join(word() for _ in range(rng.choice((2, 2, 3)))), "PERSON"
        else:
            name, kind = f"{word()} {rng.choice(ORG_TAILS)}", "ORG"
        if name not in seen:
            seen.add(name)
            records.append({"name": name, "type": kind})
    return [{"id": f"G{i}", **r} for i, r in enumerate(records)]


# A run of capitalised words of the text (words in capitals and with inner capitals
# too: ``U.S.``, ``McDonnell``), for tables that draw entries from the text.
CAPITALISED_RUN = re.compile(r"\b[A-Z][\w.'&-]*(?:[ ][A-Z][\w.'&-]*)*")
# The heads an export of organisations repeats over thousands of entries.
ORG_HEADS = (
    *("National", "Ministry of", "University of", "Bank of", "Federal", "Central"),
    *("Royal", "Department of", "Institute of", "Council of", "Union of", "State"),
)
#: The kinds of generated table (``--tables``): ``text``, one entry in ``SHARE`` a
#: capitalised phrase of the text, at every size; ``export``, a people-and-organisations
#: export (given names, surnames and heads shared by many entries), one entry in
#: ``SHARE`` from the text too; ``fixed``, the same 200 names of the text at every size.
KINDS = ("text", "export", "fixed")
SHARE = 50


def phrases_in_text(text: str, seed: int = 7) -> list[str]:
    """The distinct phrases of one to three words inside the capitalised runs of
    ``text`` (a run ``Bank of Japan Governor`` gives ``Bank``, ``Japan Governor``...),
    in a random order weighted by how often each occurs: a table covers the names a
    text repeats before the ones it names once, as a real table does."""
    found: list[str] = []
    for run in CAPITALISED_RUN.findall(text):
        words = [w.rstrip(".,'-&") for w in run.split()]
        words = [w for w in words if len(w) > 1]
        for i in range(len(words)):
            for j in range(i + 1, min(i + 3, len(words)) + 1):
                found.append(" ".join(words[i:j]))
    random.Random(seed).shuffle(found)
    return list(dict.fromkeys(found))


def covering_records(
    count: int, text: str, kind: str = "text", share: int = SHARE, seed: int = 7
) -> list[dict[str, Any]]:
    """A table of ``count`` entries that covers ``text`` as a real table of its size
    would: one entry in ``share`` is a phrase of the text (:func:`phrases_in_text`;
    past the text's own phrases, the rest are made up), typed as the made-up
    entries are (people four times in five).

    ``kind="text"``: the others are made-up people (two or three made-up words) and
    companies. ``kind="export"``: the others are built as an export of people and
    organisations is, from a few thousand given names and surnames (the text's own
    among them) and a dozen heads (``National``, ``Ministry of``, ``University
    of``), so that many entries share a given name, a surname or a head.
    """
    if kind == "fixed":
        return generated_records(count, text, seed=seed)
    rng = random.Random(seed)
    phrases = phrases_in_text(text, seed)
    records: list[dict[str, Any]] = []
    seen: set[str] = set()

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    def add(name: str, entity_type: str) -> None:
        if name not in seen:
            seen.add(name)
            records.append({"id": f"G{len(records)}", "name": name, "type": entity_type})

    given = sorted(_given_names())
    surnames: list[str] = []
    if kind == "export":
        people = [p["name"].split() for p in names_in_text(text, 10**6, seed)]
        surnames = sorted({words[-1] for words in people if words[-1][0].isupper()})
        given = sorted({*given, *(words[0] for words in people)})
        given += [word() for _ in range(2000)]
        surnames += [word() for _ in range(4000)]
    drawn = 0
    while len(records) < count:
        if len(records) % share == 0 and drawn < len(phrases):
            add(phrases[drawn], "PERSON" if rng.random() < 0.8 else "ORG")
            drawn += 1
        elif kind == "export" and rng.random() < 0.7:
            middle = f" {rng.choice(given)}" if rng.random() < 0.2 else ""
            add(f"{rng.choice(given)}{middle} {rng.choice(surnames)}", "PERSON")
        elif kind == "export":
            place = rng.choice(surnames) if rng.random() < 0.5 else word()
            tail = f" {rng.choice(ORG_TAILS)}" if rng.random() < 0.3 else ""
            add(f"{rng.choice(ORG_HEADS)} {place}{tail}", "ORG")
        elif rng.random() < 0.8:
            add(" ".join(word() for _ in range(rng.choice((2, 2, 3)))), "PERSON")
        else:
            add(f"{word()} {rng.choice(ORG_TAILS)}", "ORG")
    return records


def measured(build: Callable[[], Any]) -> tuple[Any, float, int]:
    """Build something twice: once timed, once under tracemalloc for the bytes it keeps
    (tracemalloc slows Python's allocations, so the two are not measured together)."""
    gc.collect()
    start = time.perf_counter()
    built = build()
    elapsed = time.perf_counter() - start
    gc.collect()
    tracemalloc.start()
    again = build()
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del again
    return built, elapsed, size


def median_times(functions: dict[str, Callable[[], Any]], repeats: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeats):
        for name, function in functions.items():  # interleaved, so drift hits all alike
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def first_calls(table: newsparse.AliasTable, text: str, count: int) -> float:
    """The median time of ``count`` first calls of ``find`` over ``text``, each on a
    fresh copy of ``table`` (its entries, and its index from its state: every memo of
    the table and of the index empty, the process-wide folding of words warm)."""
    from newsparse._tables.index import Index

    state = table.index.state()
    times = []
    for _ in range(count):
        fresh = newsparse.AliasTable(table.entries)
        fresh.adopt_index(Index.from_state(table.entries, state))
        start = time.perf_counter()
        fresh.find(text)
        times.append(time.perf_counter() - start)
        del fresh
        gc.collect()
    return statistics.median(times)


def table_rows(
    text: str,
    sizes: list[int],
    repeats: int,
    skip_spacy_above: int,
    kind: str = "text",
    fresh_calls: int = 0,
) -> None:
    megabytes = len(text.encode()) / 1e6
    print(f"\n## AliasTable.find and peers on {megabytes:.2f} MB of Reuters text\n")
    print(f"Tables of kind {kind!r} (see covering_records).\n")
    print("| table | tool | build s | bytes/alias | MB/s | matches | vs flashtext |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    rates: dict[int, float] = {}
    ratios: dict[int, float] = {}
    first_ratios: dict[int, str] = {}
    for size in sizes:
        records = covering_records(size, text, kind)
        names = [r["name"] for r in records]
        tools: dict[str, tuple[Callable[[], Any], float, int]] = {}

        def build_newsparse(records: list[dict[str, Any]] = records) -> newsparse.AliasTable:
            table = newsparse.AliasTable.from_records(records)
            table.index  # noqa: B018 - the index is built on first use; build it here
            return table

        table, seconds, memory = measured(build_newsparse)
        # The first call warms the memos of words (the table's and the folding's), as
        # any long run has them; it is timed and shown on a row of its own.
        start = time.perf_counter()
        table.find(text)
        first_call = time.perf_counter() - start
        tools["newsparse AliasTable.find"] = (lambda t=table: t.find(text), seconds, memory)
        for name, build, run in _peers(names, text, size <= skip_spacy_above):
            if build is None:
                print(f"| {size:,} | {name} | {run} | | | | |")
                continue
            built, seconds, memory = measured(build)
            tools[name] = (lambda b=built, r=run: r(b), seconds, memory)
        # The tables stay for the whole run: out of the collector's way, as a long-running
        # service would keep them (gc.freeze), so no tool pays for walking another's.
        gc.collect()
        gc.freeze()
        medians = median_times({name: tool[0] for name, tool in tools.items()}, repeats)
        counts = {name: len(tool[0]()) for name, tool in tools.items()}
        gc.unfreeze()
        fresh = first_calls(table, text, fresh_calls) if fresh_calls else None
        flashtext_rate = megabytes / medians["flashtext"] if "flashtext" in medians else None
        for name, (_, seconds, memory) in tools.items():
            rate = megabytes / medians[name]
            ratio = f"{rate / flashtext_rate:.2f}x" if flashtext_rate else ""
            if name.startswith("newsparse"):
                rates[size] = rate
                if flashtext_rate:
                    ratios[size] = rate / flashtext_rate
            print(
                f"| {size:,} | {name} | {seconds:.2f} | {memory / size:,.0f} | {rate:.1f} "
                f"| {counts[name]:,} | {ratio} |"
            )
            if name.startswith("newsparse"):
                rate = megabytes / first_call
                ratio = f"{rate / flashtext_rate:.2f}x" if flashtext_rate else ""
                first_ratios[size] = ratio
                print(f"| {size:,} | (its first call) | | | {rate:.1f} | | {ratio} |")
                if fresh is not None:
                    rate = megabytes / fresh
                    ratio = f"{rate / flashtext_rate:.2f}x" if flashtext_rate else ""
                    first_ratios[size] = ratio
                    print(
                        f"| {size:,} | (first calls, median of {fresh_calls} fresh tables) "
                        f"| | | {rate:.1f} | | {ratio} |"
                    )
        del tools, table
        gc.collect()
    if len(rates) > 1:
        smallest, largest = min(rates), max(rates)
        print(
            f"\nnewsparse: {rates[largest]:.1f} MB/s at {largest:,} entries, "
            f"{rates[smallest]:.1f} MB/s at {smallest:,}: "
            f"{rates[smallest] / rates[largest]:.2f}x the time per MB."
        )
    for size, ratio in ratios.items():
        print(
            f"newsparse at {size:,} entries: {ratio:.2f}x flashtext's throughput "
            f"({first_ratios[size]} on its first call)."
        )


def _peers(
    names: list[str], text: str, with_spacy: bool
) -> list[tuple[str, Callable[[], Any] | None, Any]]:
    """(name, build, run) for each peer; build is None and run a reason when it is missing."""
    peers: list[tuple[str, Callable[[], Any] | None, Any]] = []
    try:
        from flashtext import KeywordProcessor

        def build_flashtext() -> Any:
            processor = KeywordProcessor()
            for name in names:
                processor.add_keyword(name)
            return processor

        peers.append(
            ("flashtext", build_flashtext, lambda kp: kp.extract_keywords(text, span_info=True))
        )
    except ImportError:
        peers.append(("flashtext", None, "not installed"))
    try:
        import ahocorasick

        def build_aho() -> Any:
            automaton = ahocorasick.Automaton()
            for i, name in enumerate(names):
                automaton.add_word(name.lower(), i)
            automaton.make_automaton()
            return automaton

        peers.append(
            ("pyahocorasick iter_long", build_aho, lambda a: list(a.iter_long(text.lower())))
        )
    except ImportError:
        peers.append(("pyahocorasick iter_long", None, "not installed"))
    if not with_spacy:
        peers.append(("spaCy PhraseMatcher", None, "skipped (--skip-spacy-above)"))
        return peers
    try:
        import spacy
        from spacy.matcher import PhraseMatcher

        nlp = spacy.blank("en")
        nlp.max_length = len(text) + 1

        def build_spacy() -> Any:
            matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            matcher.add("NAMES", list(nlp.tokenizer.pipe(names)))
            return matcher

        peers.append(("spaCy PhraseMatcher", build_spacy, lambda m: m(nlp.make_doc(text))))
    except ImportError:
        peers.append(("spaCy PhraseMatcher", None, "not installed"))
    return peers


def parse_rows(texts: list[str], repeats: int) -> None:
    text = "\n\n".join(texts)
    megabytes = len(text.encode()) / 1e6
    records = generated_records(1000, text)
    table = newsparse.AliasTable.from_records(records)
    word = re.compile(r"\w+")
    newsparse.parse(texts[0], aliases=table)
    # Between the floor and parse, what any pure-Python reading of every word costs:
    # the words with their offsets, one small tuple a word, and newsparse's text layer
    # alone (view, lines, paragraphs, sentences, words) that every stage shares.
    medians = median_times(
        {
            "tokenise with one regex": lambda: [word.findall(t) for t in texts],
            "words with offsets (one regex, spans)": lambda: [
                [m.span() for m in word.finditer(t)] for t in texts
            ],
            "one Python tuple per word": lambda: [
                [(w, w.casefold(), w[0].isupper()) for w in word.findall(t)] for t in texts
            ],
            "newsparse text layer only (segment)": lambda: [segment(t) for t in texts],
            "parse, all stages, 1k table": lambda: [
                newsparse.parse(t, aliases=table, reference_date="1987-03-01") for t in texts
            ],
        },
        repeats,
    )
    print(f"\n## Whole parse on {len(texts):,} articles ({megabytes:.2f} MB)\n")
    floor = medians["tokenise with one regex"]
    print("| what | s | MB/s | articles/s | vs the floor |")
    print("| --- | --- | --- | --- | --- |")
    for name, seconds in medians.items():
        print(
            f"| {name} | {seconds:.2f} | {megabytes / seconds:.2f} "
            f"| {len(texts) / seconds:,.0f} | {seconds / floor:.1f}x |"
        )
    ratio = medians["parse, all stages, 1k table"] / floor
    print(f"\nparse takes {ratio:.1f}x the time of the regex floor.")


def length_rows(texts: list[str], repeats: int) -> None:
    corpus = "\n\n".join(texts)
    print("\n## Cost against text length (one text, all stages, no table)\n")
    print("| length | s | MB/s | time per MB vs 1 MB |")
    print("| --- | --- | --- | --- |")
    per_mb: dict[int, float] = {}
    for size in (1_000, 10_000, 100_000, 1_000_000, 10_000_000):
        text = (corpus * (size // len(corpus) + 1))[:size]
        runs = repeats if size <= 1_000_000 else max(1, repeats // 2)
        seconds = median_times({"parse": lambda t=text: newsparse.parse(t)}, runs)["parse"]
        per_mb[size] = seconds / (size / 1e6)
        base = per_mb.get(1_000_000)
        relative = f"{per_mb[size] / base:.2f}" if base else ""
        print(f"| {size:,} | {seconds:.3f} | {size / 1e6 / seconds:.2f} | {relative} |")
    print(
        f"\n10 MB takes {per_mb[10_000_000] * 10 / (per_mb[1_000_000]):.1f}x the time of 1 MB "
        "(linear would be 10x)."
    )
    print("\n## Cost against table size (parse of the same articles)\n")
    print("| table | s | articles/s |")
    print("| --- | --- | --- |")
    sample = texts[:500]
    for size in (0, 1_000, 100_000):
        table = newsparse.AliasTable.from_records(generated_records(size, corpus)) if size else None
        if table is not None:
            table.index  # noqa: B018
            newsparse.parse(sample[0], aliases=table)

        def run(table: newsparse.AliasTable | None = table) -> None:
            for text in sample:
                newsparse.parse(text, aliases=table, reference_date="1987-03-01")

        seconds = median_times({"parse": run}, max(1, repeats // 2))["parse"]
        print(f"| {size:,} | {seconds:.2f} | {len(sample) / seconds:,.0f} |")


def large_table_rows(text: str, size: int) -> None:
    records = generated_records(size, text)
    print(f"\n## A {size:,}-entry table\n")
    print("| step | s | note |")
    print("| --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "table.json"
        source.write_text(json.dumps(records), encoding="utf-8")
        del records
        gc.collect()
        start = time.perf_counter()
        table = newsparse.AliasTable.from_file(source)
        loaded = time.perf_counter() - start
        table.index  # noqa: B018
        usable = time.perf_counter() - start
        print(f"| load JSON ({source.stat().st_size / 1e6:.0f} MB) | {loaded:.1f} | |")
        print(f"| load JSON and build the index | {usable:.1f} | usable |")
        cache = Path(folder) / "table.npcache"
        start = time.perf_counter()
        table.save_cache(cache)
        print(
            f"| write the cache file | {time.perf_counter() - start:.1f} "
            f"| {cache.stat().st_size / size:.0f} bytes/alias on disk |"
        )
        del table
        gc.collect()
        start = time.perf_counter()
        table = newsparse.AliasTable.from_file(cache)
        print(f"| load the cache file | {time.perf_counter() - start:.1f} | usable |")
        del table
        gc.collect()
        tracemalloc.start()
        table = newsparse.AliasTable.from_file(cache)
        kept, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del table
        print(f"| memory of the loaded table | | {kept / size:.0f} bytes/alias, strings included |")


def peer_rows(shared: Path, repeats: int) -> None:
    """The dateline and byline rows of the measurement harness, with their peers."""
    sys.path.insert(0, str(HERE))
    import evaluate

    corpus = evaluate.Corpus(shared, "TEST", None, repeats=repeats)
    print("\n## Datelines and bylines next to their peers\n")
    print("| measure | figure |")
    print("| --- | --- |")
    for function in (evaluate.dateline_speed_rows, evaluate.byline_speed_rows):
        for _, measure, figure in function(corpus):
            print(f"| {measure} | {figure} |")


def stage_rows(texts: list[str], table: newsparse.AliasTable) -> None:
    """Each stage of parse timed on its own (a second pass, with the memos warm)."""
    import attrs

    from newsparse._findings import Context, Found
    from newsparse._stages import bylines, datelines, dates, entities, quotes

    reference = newsparse._pipeline.coerce_date("1987-03-01", "reference_date")
    context = Context(aliases=table, reference_date=reference)
    seconds: dict[str, float] = {}

    def timed(stage: str, function: Callable[..., Any], *args: Any) -> Any:
        start = time.perf_counter()
        result = function(*args)
        seconds[stage] += time.perf_counter() - start
        return result

    for _ in range(2):
        seconds = dict.fromkeys(["text", "dateline", "byline", "entities", "dates", "quotes"], 0.0)
        for text in texts:
            doc = timed("text", segment, text)
            found = Found()
            for stage, field, function in (
                ("dateline", "dateline", datelines.find_dateline),
                ("byline", "bylines", bylines.find_bylines),
                ("entities", "entities", entities.find_entities),
                ("dates", "dates", dates.find_dates),
                ("quotes", "quotes", quotes.find_quotes),
            ):
                result = timed(stage, function, doc, context, found)
                found = attrs.evolve(found, **{field: result})
    total = sum(seconds.values())
    print(f"\n## Time per stage ({len(texts):,} articles, 1k table)\n")
    print("| stage | s | share |")
    print("| --- | --- | --- |")
    for stage, value in seconds.items():
        print(f"| {stage} | {value:.2f} | {100 * value / total:.0f}% |")


def profile_rows(texts: list[str]) -> None:
    table = newsparse.AliasTable.from_records(generated_records(1000, "\n\n".join(texts)))
    stage_rows(texts, table)
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        newsparse.parse(text, aliases=table, reference_date="1987-03-01")
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    by_module: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        module = Path(filename).stem if "newsparse" in filename else "other (stdlib, regex, attrs)"
        by_module[module] = by_module.get(module, 0.0) + tottime
    total = sum(by_module.values())
    print(f"\n## Where parse spends its time ({len(texts):,} articles)\n")
    print("| module | share |")
    print("| --- | --- |")
    for module, seconds in sorted(by_module.items(), key=lambda kv: -kv[1])[:10]:
        print(f"| {module} | {100 * seconds / total:.0f}% |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=3.6)
    parser.add_argument("--split", choices=["TRAIN", "TEST", "NOT-USED"], help="Reuters split")
    parser.add_argument("--tables", choices=KINDS, default="text", help="generated tables")
    parser.add_argument("--skip-spacy-above", type=int, default=100_000)
    parser.add_argument(
        "--first-calls",
        type=int,
        default=0,
        help="also time this many first calls of find, each on a fresh copy of the table",
    )
    parser.add_argument(
        "--only", choices=["tables", "large", "parse", "length", "peers", "profile"]
    )
    args = parser.parse_args(argv)
    texts = reuters_text(args.shared, args.megabytes, args.split)
    text = "\n\n".join(texts)
    print(f"newsparse {newsparse.__version__}, python {sys.version.split()[0]}, {platform()}")
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.only in (None, "tables"):
        table_rows(text, sizes, args.repeats, args.skip_spacy_above, args.tables, args.first_calls)
    if args.only in (None, "large"):
        large_table_rows(text, max(sizes))
    if args.only in (None, "parse"):
        parse_rows(texts, args.repeats)
    if args.only in (None, "length"):
        length_rows(texts, args.repeats)
    if args.only in (None, "peers"):
        peer_rows(args.shared, args.repeats)
    if args.only in (None, "profile"):
        profile_rows(texts[:1000])
    return 0


def platform() -> str:
    return f"{_platform.machine()}, {os.cpu_count()} CPUs"


if __name__ == "__main__":
    sys.exit(main())
