"""The text layer: the normalised view of an article with its exact map back to the
input, its lines, paragraphs, sentences and words, and the words as names see them.
"""

from __future__ import annotations

from newsparse._text.document import (
    Document,
    Span,
    TextView,
    segment,
    with_plain_quote_marks,
    without_markup,
)
from newsparse._text.names import (
    ARTICLES,
    CAPITALISED_OF,
    DEFAULT_WORDS,
    FOLDED_OF,
    FOLDED_WORDS,
    HEADING_OF,
    SENTENCE_START_OF,
    VARIANT_OF,
    VARIANT_WORDS,
    NameToken,
    ends_in_title,
    fold_token,
    is_article,
    is_suffix,
    key_of,
    name_keys,
    name_tokens,
    recase,
    strip_titles,
    tokens_in,
    tokens_of,
    variant_token,
)

__all__ = [
    "ARTICLES",
    "CAPITALISED_OF",
    "DEFAULT_WORDS",
    "FOLDED_OF",
    "FOLDED_WORDS",
    "HEADING_OF",
    "SENTENCE_START_OF",
    "VARIANT_OF",
    "VARIANT_WORDS",
    "Document",
    "NameToken",
    "Span",
    "TextView",
    "ends_in_title",
    "fold_token",
    "is_article",
    "is_suffix",
    "key_of",
    "name_keys",
    "name_tokens",
    "recase",
    "segment",
    "strip_titles",
    "tokens_in",
    "tokens_of",
    "variant_token",
    "with_plain_quote_marks",
    "without_markup",
]
