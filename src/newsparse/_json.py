"""JSON text that any UTF-8 writer accepts.

A Python ``str`` may hold lone surrogates (``"\\ud800"``), which no UTF-8
encoder writes: ``json.dumps(..., ensure_ascii=False)`` passes them through and
the output cannot be saved. Here every such code point is written as a JSON
escape (``\\ud800``), which JSON readers, Python's included, read back as the
same code point; the rest of the text stays as it is.

One limit no JSON text can avoid: a high surrogate followed at once by a low
one (two lone code points in Python) is read back by every JSON reader as the
single character the pair encodes.

>>> dumps({"text": "caf\\u00e9 \\ud800"})
'{"text":"café \\\\ud800"}'
>>> import json; json.loads(dumps({"text": "\\ud800"})) == {"text": "\\ud800"}
True
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["dumps", "replace_surrogates"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(data: Any, *, indent: int | None = None) -> str:
    """``data`` as JSON text: compact, or indented by ``indent``; non-ASCII kept."""
    separators = (",", ": ") if indent is not None else (",", ":")
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    return _SURROGATE.sub(_escape, text)


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD, for text that is not JSON (CSV),
    which has no escape for them.

    >>> replace_surrogates("caf\\u00e9 \\ud800") == "caf\\u00e9 \\ufffd"
    True
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
