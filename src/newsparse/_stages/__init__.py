"""The stages, one module each: datelines, bylines, layout, entities, dates, quotes.

Each is a function ``(doc, context, found) -> its findings`` (see
``newsparse._findings``): it reads the document, the run's inputs and what earlier
stages found, all in positions of the normalised view; none reaches back.
"""

from __future__ import annotations

from newsparse._stages.bylines import find_bylines, parse_byline
from newsparse._stages.datelines import find_dateline, parse_dateline
from newsparse._stages.dates import find_dates, find_dates_in
from newsparse._stages.entities import find_entities
from newsparse._stages.layout import find_layout
from newsparse._stages.quotes import find_quotes

__all__ = [
    "find_bylines",
    "find_dateline",
    "find_dates",
    "find_dates_in",
    "find_entities",
    "find_layout",
    "find_quotes",
    "parse_byline",
    "parse_dateline",
]
