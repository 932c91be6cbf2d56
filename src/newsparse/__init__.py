"""newsparse: structured news parsing with exact character offsets.

>>> import newsparse
>>> article = newsparse.parse("First paragraph.\\n\\nSecond paragraph.")
>>> [p.to_dict() for p in article.paragraphs]
[{'start': 0, 'end': 16, 'kind': 'body'}, {'start': 18, 'end': 35, 'kind': 'body'}]
"""

from newsparse._batch import parse_many, parse_partition, shared_table
from newsparse._html import HtmlArticle, PageMetadata, parse_html
from newsparse._lexicon import (
    CueVerb,
    Lexicon,
    Outlet,
    OutletTable,
    OutletTableError,
    Particle,
    Title,
)
from newsparse._pipeline import NewsparseWarning, parse
from newsparse._records import RECORD_COLUMNS, records
from newsparse._stages import parse_byline, parse_dateline
from newsparse._tables import AliasEntry, AliasTable, Role, TableMatch
from newsparse._version import __version__
from newsparse.errors import (
    AliasTableError,
    AliasTableWarning,
    BatchError,
    ExtraMissingError,
    InputTypeError,
    InvalidArgumentError,
    LexiconError,
    NewsparseError,
    SchemaError,
)
from newsparse.model import (
    SCHEMA_VERSION,
    Article,
    Author,
    Byline,
    Dateline,
    DateMention,
    DateOrigin,
    DateSource,
    Entity,
    EntityType,
    Evidence,
    Granularity,
    Headline,
    MatchMethod,
    Mention,
    Paragraph,
    ParagraphKind,
    Quote,
    QuoteKind,
    QuotePart,
    Speaker,
    json_schema,
)

__all__ = [
    "RECORD_COLUMNS",
    "SCHEMA_VERSION",
    "AliasEntry",
    "AliasTable",
    "AliasTableError",
    "AliasTableWarning",
    "Article",
    "Author",
    "BatchError",
    "Byline",
    "CueVerb",
    "DateMention",
    "DateOrigin",
    "DateSource",
    "Dateline",
    "Entity",
    "EntityType",
    "Evidence",
    "ExtraMissingError",
    "Granularity",
    "Headline",
    "HtmlArticle",
    "InputTypeError",
    "InvalidArgumentError",
    "Lexicon",
    "LexiconError",
    "MatchMethod",
    "Mention",
    "NewsparseError",
    "NewsparseWarning",
    "Outlet",
    "OutletTable",
    "OutletTableError",
    "PageMetadata",
    "Paragraph",
    "ParagraphKind",
    "Particle",
    "Quote",
    "QuoteKind",
    "QuotePart",
    "Role",
    "SchemaError",
    "Speaker",
    "TableMatch",
    "Title",
    "__version__",
    "json_schema",
    "parse",
    "parse_byline",
    "parse_dateline",
    "parse_html",
    "parse_many",
    "parse_partition",
    "records",
    "shared_table",
]


def __dir__() -> list[str]:
    """The public names only (see docs/stability.md)."""
    return sorted(__all__)
