"""The spaCy pipeline component ``newsparse`` (the ``newsparse[spacy]`` extra).

spaCy finds the factory through the ``spacy_factories`` entry point of the
installed package, so ``nlp.add_pipe("newsparse")`` needs no import; importing
this module registers it too. The component runs :func:`newsparse.parse` on
``doc.text`` and puts what it found on the ``Doc`` (see docs/spacy.md):

* ``doc._.newsparse``: the :class:`~newsparse.Article` (kept in ``doc.user_data``
  as its contract JSON, so ``Doc.to_bytes`` and ``DocBin`` carry it; the last one
  read is remembered);
* span groups: each entity mention (``label_`` the entity's type, ``id_`` its
  id, ``kb_id_`` its alias table id, ``_.newsparse_how`` how it was found), each
  quote (``label_`` its kind, ``id_`` its speaker's entity and ``kb_id_`` that
  entity's table id, ``_.newsparse_cue``, ``_.newsparse_speaker``) and each date
  (``label_`` ``DATE``, ``_.newsparse_value``);
* with ``set_ents``, the mentions in ``doc.ents`` beside the entities already
  there that they do not overlap.

newsparse's offsets are characters; a mention whose edge falls inside a spaCy
token is made a span of its own by splitting that token (``split_tokens``, the
default), else the span grows to the tokens around it.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("newsparse", config={"reference_date": "2025-01-08"})
>>> doc = nlp("Omar Rashid, the port's director, said on Monday: \\"We are ready.\\"")
>>> [(s.text, s.label_) for s in doc.spans["newsparse_entities"]]
[('Omar Rashid', 'PERSON')]
>>> [(s.text, s._.newsparse_value) for s in doc.spans["newsparse_dates"]]
[('on Monday', '2025-01-06')]
>>> doc._.newsparse.published
datetime.date(2025, 1, 8)
"""

from __future__ import annotations

import bisect
import itertools
import json
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsparse._pipeline import coerce_date, parse
from newsparse._tables import AliasTable
from newsparse.errors import InputTypeError
from newsparse.model import Article

__all__ = ["DEFAULT_CONFIG", "NewsparseComponent", "make_component"]

#: The factory's settings and their defaults (``nlp.add_pipe("newsparse", config=...)``).
DEFAULT_CONFIG: dict[str, Any] = {
    "aliases": None,
    "reference_date": None,
    "set_ents": False,
    "split_tokens": True,
    "entities_key": "newsparse_entities",
    "quotes_key": "newsparse_quotes",
    "dates_key": "newsparse_dates",
}

# Where the article's JSON is kept in doc.user_data.
_ARTICLE_KEY = "newsparse.article"
_SPAN_EXTENSIONS = ("newsparse_how", "newsparse_cue", "newsparse_speaker", "newsparse_value")
# The folder of a saved component that holds copies of its alias tables.
_TABLES_DIR = "aliases"
_TABLES_LIST = "tables.json"


# The JSON last read and its Article (immutable, so it may be handed out again): a
# loop over a doc's spans that reads doc._.newsparse builds the Article once. The
# JSON is held, so its identity cannot pass to another object.
_last_read: list[tuple[object, Article]] = []


def _article_of(doc: Doc) -> Article | None:
    data = doc.user_data.get(_ARTICLE_KEY)
    if data is None:
        return None
    if _last_read and _last_read[0][0] is data:
        return _last_read[0][1]
    article = Article.from_dict(data)
    _last_read[:] = [(data, article)]
    return article


def _register_extensions() -> None:
    """The ``Doc`` and ``Span`` attributes the component writes, registered once."""
    if not Doc.has_extension("newsparse"):
        Doc.set_extension("newsparse", getter=_article_of)
    if not Doc.has_extension("newsparse_reference_date"):
        Doc.set_extension("newsparse_reference_date", default=None)
    for name in _SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def _paths(value: object) -> tuple[str, ...]:
    """The alias table paths of the ``aliases`` setting: none, one path or a list."""
    if value is None:
        return ()
    if isinstance(value, (str, os.PathLike)):
        return (os.fspath(value),)
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, os.PathLike)) for v in value):
        return tuple(os.fspath(v) for v in value)
    raise InputTypeError(
        f"aliases must be a path or a list of paths to alias tables, not {type(value).__name__}"
    )


class NewsparseComponent:
    """The pipeline component: parses each ``Doc``'s text and writes the result on it.

    Built by spaCy from the factory's settings (:data:`DEFAULT_CONFIG`); the alias
    tables are read when first needed (the first ``Doc``, ``nlp.initialize()``),
    or from the copies a saved pipeline carries (:meth:`from_disk`).
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        aliases: str | Sequence[str] | None = None,
        reference_date: str | None = None,
        set_ents: bool = False,
        split_tokens: bool = True,
        entities_key: str | None = "newsparse_entities",
        quotes_key: str | None = "newsparse_quotes",
        dates_key: str | None = "newsparse_dates",
    ) -> None:
        _register_extensions()
        self.name = name
        self.aliases = _paths(aliases)
        self.reference_date = coerce_date(reference_date, "reference_date")
        self.set_ents = bool(set_ents)
        self.split_tokens = bool(split_tokens)
        self.keys = {"entities": entities_key, "quotes": quotes_key, "dates": dates_key}
        self._table: AliasTable | None = None
        self._loaded = not self.aliases

    @property
    def table(self) -> AliasTable | None:
        """The merged alias table (``None`` without ``aliases``), loaded on first use."""
        if not self._loaded:
            self._table = AliasTable.from_files(self.aliases)
            self._loaded = True
        return self._table

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Any = None
    ) -> None:
        """Load the alias tables now (``nlp.initialize()``), so a bad path fails early."""
        del get_examples, nlp
        _ = self.table

    def __call__(self, doc: Doc) -> Doc:
        reference = doc._.newsparse_reference_date or self.reference_date
        article = parse(doc.text, aliases=self.table, reference_date=reference)
        if self.split_tokens:
            doc = _split_at(doc, _edges(article))
        doc.user_data[_ARTICLE_KEY] = article.to_dict()
        mentions = self._entity_spans(doc, article)
        if self.keys["entities"]:
            doc.spans[self.keys["entities"]] = mentions
        if self.keys["quotes"]:
            doc.spans[self.keys["quotes"]] = _quote_spans(doc, article)
        if self.keys["dates"]:
            doc.spans[self.keys["dates"]] = _date_spans(doc, article)
        if self.set_ents:
            doc.ents = _merged_ents(mentions, doc.ents)
        return doc

    def _entity_spans(self, doc: Doc, article: Article) -> list[Span]:
        spans = []
        for entity in article.entities:
            for mention in entity.mentions:
                span = doc.char_span(
                    mention.start,
                    mention.end,
                    label=entity.type.value,
                    kb_id=entity.table_id or "",
                    span_id=entity.id,
                    alignment_mode="expand",
                )
                if span is not None:
                    span._.newsparse_how = None if mention.how is None else mention.how.value
                    spans.append(span)
        spans.sort(key=lambda s: (s.start_char, s.end_char))
        return spans

    # ------------------------------------------------------------------
    # saving and loading with the pipeline (nlp.to_disk, spacy.load)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save copies of the alias tables in ``path``, so the saved pipeline needs
        none of the original files."""
        del exclude
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        names = [f"{i}-{Path(p).name}" for i, p in enumerate(self.aliases)]
        if names:
            (folder / _TABLES_DIR).mkdir(exist_ok=True)
            for source, name in zip(self.aliases, names, strict=True):
                shutil.copyfile(source, folder / _TABLES_DIR / name)
        (folder / _TABLES_LIST).write_text(json.dumps(names), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> NewsparseComponent:
        """Load the alias tables saved by :meth:`to_disk` (the paths of the
        settings are then not read)."""
        del exclude
        folder = Path(path)
        listing = folder / _TABLES_LIST
        if listing.exists():
            names = json.loads(listing.read_text(encoding="utf-8"))
            paths = [folder / _TABLES_DIR / name for name in names]
            self._table = AliasTable.from_files(paths) if paths else None
            self._loaded = True
        return self


def _edges(article: Article) -> set[int]:
    """The character offsets where the spans the component writes begin and end."""
    edges: set[int] = set()
    for entity in article.entities:
        for mention in entity.mentions:
            edges.update((mention.start, mention.end))
    for quote in article.quotes:
        edges.update((quote.start, quote.end))
    for date in article.dates:
        edges.update((date.start, date.end))
    return edges


def _split_at(doc: Doc, edges: set[int]) -> Doc:
    """``doc`` with every token split at the ``edges`` that fall inside it."""
    starts = [token.idx for token in doc]
    inside: dict[int, list[int]] = {}  # token index: the edges inside it
    for edge in sorted(edges):
        i = bisect.bisect_right(starts, edge) - 1
        if i >= 0 and starts[i] < edge < starts[i] + len(doc[i].text):
            inside.setdefault(i, []).append(edge - starts[i])
    cuts = [(doc[i], offsets) for i, offsets in inside.items()]
    if not cuts:
        return doc
    with doc.retokenize() as retokenizer:
        for token, offsets in cuts:
            text = token.text
            bounds = [0, *offsets, len(text)]
            orths = [text[a:b] for a, b in itertools.pairwise(bounds)]
            heads: list[Token | tuple[Token, int]] = [(token, 0)] * len(orths)
            retokenizer.split(token, orths, heads=heads)
    return doc


def _quote_spans(doc: Doc, article: Article) -> list[Span]:
    tables = {e.id: e.table_id or "" for e in article.entities}
    spans = []
    for quote in article.quotes:
        speaker = quote.speaker
        entity = (speaker.entity or "") if speaker is not None else ""
        span = doc.char_span(
            quote.start,
            quote.end,
            label=quote.kind.value,
            kb_id=tables.get(entity, ""),
            span_id=entity,
            alignment_mode="expand",
        )
        if span is not None:
            span._.newsparse_cue = quote.cue
            span._.newsparse_speaker = None if speaker is None else speaker.text
            spans.append(span)
    return spans


def _date_spans(doc: Doc, article: Article) -> list[Span]:
    spans = []
    for date in article.dates:
        span = doc.char_span(date.start, date.end, label="DATE", alignment_mode="expand")
        if span is not None:
            span._.newsparse_value = date.value
            spans.append(span)
    return spans


def _merged_ents(mentions: Sequence[Span], existing: Sequence[Span]) -> list[Span]:
    """The mentions (the first of any that share a token) and the entities already
    set that overlap none of them, in text order."""
    taken: set[int] = set()
    kept = []
    for span in mentions:
        tokens = set(range(span.start, span.end))
        if not tokens & taken:
            taken |= tokens
            kept.append(span)
    kept += [ent for ent in existing if not set(range(ent.start, ent.end)) & taken]
    return sorted(kept, key=lambda span: span.start)


@Language.factory("newsparse", default_config=DEFAULT_CONFIG)
def make_component(
    nlp: Language,
    name: str,
    aliases: str | list[str] | None,
    reference_date: str | None,
    set_ents: bool,
    split_tokens: bool,
    entities_key: str | None,
    quotes_key: str | None,
    dates_key: str | None,
) -> NewsparseComponent:
    """The ``newsparse`` factory: a :class:`NewsparseComponent` with these settings."""
    return NewsparseComponent(
        nlp,
        name,
        aliases=aliases,
        reference_date=reference_date,
        set_ents=set_ents,
        split_tokens=split_tokens,
        entities_key=entities_key,
        quotes_key=quotes_key,
        dates_key=dates_key,
    )
