"""Hypothesis strategies for model objects whose offsets agree with a generated text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

import newsparse as np

texts = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=0, max_size=80)


@st.composite
def spans(draw: st.DrawFn, text: str) -> tuple[int, int, str]:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return start, end, text[start:end]


names = st.text(min_size=1, max_size=8)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, np.Article]:
    """A text and an article whose every span is a span of that text."""
    text = draw(texts)

    def span() -> dict[str, Any]:
        start, end, surface = draw(spans(text))
        return {"start": start, "end": end, "text": surface}

    def byline() -> np.Byline:
        authors = [
            np.Author(name=draw(names), role=draw(st.sampled_from(["author", "editing"])), **span())
            for _ in range(draw(st.integers(0, 3)))
        ]
        return np.Byline(organization=draw(st.none() | names), authors=authors, **span())

    used: set[tuple[int, int]] = set()
    entities = []
    for number in range(draw(st.integers(0, 4))):
        mentions = []
        for _ in range(draw(st.integers(1, 3))):
            s = span()
            if (s["start"], s["end"]) in used:
                continue
            used.add((s["start"], s["end"]))
            mentions.append(
                np.Mention(how=draw(st.none() | st.sampled_from(list(np.MatchMethod))), **s)
            )
        if not mentions:
            continue
        mentions.sort(key=lambda m: m.start)
        table_id = draw(st.none() | st.just(f"Q{number}"))
        entities.append(
            np.Entity(
                id=table_id or f"e{number}",
                name=draw(names),
                type=draw(st.sampled_from(list(np.EntityType))),
                table_id=table_id,
                mentions=mentions,
            )
        )
    ids = [e.id for e in entities]
    quotes = []
    for _ in range(draw(st.integers(0, 3))):
        speaker = None
        if draw(st.booleans()):
            speaker = np.Speaker(
                entity=draw(st.none() | st.sampled_from(ids)) if ids else None,
                anonymous=draw(st.booleans()),
                **span(),
            )
        whole = span()
        # Parts: ordered pieces inside the quote (a quotation split by its attribution).
        cuts = sorted(draw(st.lists(st.integers(whole["start"], whole["end"]), max_size=4)))
        pieces = [whole["start"], *cuts, whole["end"]]
        parts = [
            np.QuotePart(start=lo, end=hi, text=text[lo:hi])
            for lo, hi in zip(pieces[::2], pieces[1::2], strict=False)
        ]
        quotes.append(
            np.Quote(
                kind=draw(st.sampled_from(list(np.QuoteKind))),
                cue=draw(st.none() | st.sampled_from(["said", "according to"])),
                speaker=speaker,
                parts=parts,
                **whole,
            )
        )
    found_dates = []
    for _ in range(draw(st.integers(0, 3))):
        day = draw(dates)
        granularity = draw(st.sampled_from(list(np.Granularity)))
        season_end = (day.replace(day=1) + dt.timedelta(days=62)).isoformat()[:7]
        value = {
            "day": day.isoformat(),
            "month": day.isoformat()[:7],
            "year": str(day.year),
            "season": f"{day.isoformat()[:7]}/{season_end}",
        }
        found_dates.append(
            np.DateMention(value=value[granularity.value], granularity=granularity, **span())
        )
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    paragraphs = [
        np.Paragraph(a, b, draw(st.sampled_from(list(np.ParagraphKind))))
        for a, b in zip(cuts[::2], cuts[1::2], strict=False)
    ]
    dateline = None
    if draw(st.booleans()):
        dateline = np.Dateline(
            place=draw(st.none() | names),
            date=draw(st.none() | dates),
            outlet=draw(st.none() | names),
            **span(),
        )
    article = np.Article(
        text_length=len(text),
        published=draw(st.none() | dates),
        dateline=dateline,
        byline=byline() if draw(st.booleans()) else None,
        credits=[byline() for _ in range(draw(st.integers(0, 2)))],
        entities=entities,
        dates=found_dates,
        quotes=quotes,
        paragraphs=paragraphs,
        headline=np.Headline(**span()) if draw(st.booleans()) else None,
    )
    return text, article
