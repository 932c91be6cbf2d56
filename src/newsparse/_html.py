"""HTML in: the page's text and metadata through trafilatura, then :func:`parse`.

trafilatura (the ``newsparse[html]`` extra) is imported when a page is read, never
when newsparse is imported. The page's date becomes the ``reference_date`` (one
given by the caller wins), and its authors are kept on the result: trafilatura
drops a byline from the text it extracts, so they are the article's byline hints.
Offsets of the article are into :attr:`HtmlArticle.text`, the extracted text.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import warnings
from typing import Any

import attrs

from newsparse._lexicon import Lexicon, OutletTable
from newsparse._pipeline import NewsparseWarning, coerce_date, parse
from newsparse._tables import AliasTable
from newsparse.errors import ExtraMissingError, InputTypeError
from newsparse.model import Article

__all__ = ["HtmlArticle", "PageMetadata", "extract_html", "parse_html", "require_trafilatura"]


def _authors(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


def _optional_date(value: _dt.date | str | None) -> _dt.date | None:
    return coerce_date(value, "date")


_OPTIONAL_STR = attrs.validators.optional(attrs.validators.instance_of(str))


@attrs.frozen
class PageMetadata:
    """What a web page says about itself, as trafilatura reads it.

    ``authors`` are the names of its author metadata, in order (a page's
    ``Jane Doe; John Roe`` is two); ``date`` is its publication date.

    >>> page = PageMetadata(title="Port deal signed", authors=["Layla Haddad"], date="2025-03-04")
    >>> page.to_dict()
    {'title': 'Port deal signed', 'authors': ['Layla Haddad'], 'date': '2025-03-04',
     'url': None, 'sitename': None}
    """

    title: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    authors: tuple[str, ...] = attrs.field(default=(), converter=_authors)
    date: _dt.date | None = attrs.field(default=None, converter=_optional_date)
    url: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    sitename: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)

    def to_dict(self) -> dict[str, Any]:
        """The command line's ``metadata`` object: JSON types only."""
        return {
            "title": self.title,
            "authors": list(self.authors),
            "date": None if self.date is None else self.date.isoformat(),
            "url": self.url,
            "sitename": self.sitename,
        }


@attrs.frozen
class HtmlArticle:
    """An article read from HTML: the extracted ``text``, the ``article`` parsed
    from it (its offsets are into ``text``) and the page's ``metadata``."""

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    article: Article = attrs.field(validator=attrs.validators.instance_of(Article))
    metadata: PageMetadata = attrs.field(validator=attrs.validators.instance_of(PageMetadata))


def require_trafilatura() -> Any:
    """The trafilatura module; :class:`~newsparse.ExtraMissingError` when it is absent."""
    try:
        return importlib.import_module("trafilatura")
    except ImportError:
        raise ExtraMissingError(
            "reading HTML needs trafilatura, which is not installed; "
            "install it with: pip install 'newsparse[html]'"
        ) from None


def _names(author: object) -> tuple[str, ...]:
    """The names of a page's author field (trafilatura joins several with ``;``)."""
    if not isinstance(author, str):
        return ()
    return tuple(name.strip() for name in author.split(";") if name.strip())


def _page_date(value: object) -> _dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def extract_html(html: str | bytes, *, url: str | None = None) -> tuple[str, PageMetadata]:
    """The main text of a page and its metadata, through trafilatura.

    The text is ``""`` when trafilatura finds none, and when it fails on the page
    (with a :class:`~newsparse.NewsparseWarning`): no page raises. Raises
    :class:`~newsparse.ExtraMissingError` when trafilatura is not installed.
    """
    if not isinstance(html, (str, bytes)):
        raise InputTypeError(f"parse_html() needs str or bytes, not {type(html).__name__}")
    if url is not None and not isinstance(url, str):
        raise InputTypeError(f"url must be a str or None, not {type(url).__name__}")
    trafilatura = require_trafilatura()
    result = None
    if html.strip():
        try:
            result = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False
            )
        except Exception as exc:  # a page never costs more than its own text
            warnings.warn(
                f"newsparse: trafilatura could not read the page ({type(exc).__name__}: "
                f"{exc}); its text is left empty",
                NewsparseWarning,
                stacklevel=3,
            )
    if result is None:
        return "", PageMetadata(url=url)
    data: dict[str, Any] = result if isinstance(result, dict) else result.as_dict()
    text = data.get("text")
    metadata = PageMetadata(
        title=_text_or_none(data.get("title")),
        authors=_names(data.get("author")),
        date=_page_date(data.get("date")),
        url=_text_or_none(data.get("url")) or url,
        sitename=_text_or_none(data.get("sitename")),
    )
    return (text if isinstance(text, str) else ""), metadata


def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    aliases: AliasTable | None = None,
    reference_date: _dt.date | str | None = None,
    outlets: OutletTable | None = None,
    lexicon: Lexicon | None = None,
) -> HtmlArticle:
    """Read one article from a web page (``str``, or ``bytes`` in the page's own encoding).

    The page's main text is extracted with trafilatura (the ``newsparse[html]``
    extra) and parsed as :func:`newsparse.parse` does, with the same options;
    ``reference_date``, when not given, is the page's publication date. The
    article's offsets are into the extracted text, :attr:`HtmlArticle.text`.
    ``url`` is the page's address, if known (trafilatura reads metadata from it).
    """
    reference = coerce_date(reference_date, "reference_date")
    text, metadata = extract_html(html, url=url)
    article = parse(
        text,
        aliases=aliases,
        reference_date=reference or metadata.date,
        outlets=outlets,
        lexicon=lexicon,
    )
    return HtmlArticle(text=text, article=article, metadata=metadata)
