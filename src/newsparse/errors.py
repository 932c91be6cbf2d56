"""The exceptions newsparse raises on purpose.

Every one of them derives from :class:`NewsparseError`, so ``except
newsparse.NewsparseError`` catches anything the library raises deliberately.
Where an error is also a programming mistake of a familiar kind, it derives
from the matching built-in too (``TypeError``, ``ValueError``), so existing
handlers keep working.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AliasTableError",
    "AliasTableWarning",
    "BatchError",
    "ExtraMissingError",
    "InputTypeError",
    "InvalidArgumentError",
    "LexiconError",
    "NewsparseError",
    "SchemaError",
]


class NewsparseError(Exception):
    """Base class of every error newsparse raises on purpose."""


class InputTypeError(NewsparseError, TypeError):
    """An argument has the wrong type, e.g. ``bytes`` where text is expected."""


class InvalidArgumentError(NewsparseError, ValueError):
    """An argument has the right type but a value newsparse cannot use."""


class LexiconError(NewsparseError, ValueError):
    """A lexicon entry or a data file row is not one newsparse can use.

    For a data file the message names the file, the line and the column.
    """


class SchemaError(NewsparseError, ValueError):
    """A dictionary or JSON document does not have the contract's shape.

    ``path`` says where, e.g. ``entities[2].mentions[0].start``.
    """

    def __init__(self, message: str, path: str = "") -> None:
        self.path = path
        self.detail = message
        super().__init__(f"{path}: {message}" if path else message)

    def __reduce__(self) -> tuple[type[SchemaError], tuple[str, str]]:
        return (type(self), (self.detail, self.path))


class AliasTableError(NewsparseError, ValueError):
    """An alias table file cannot be loaded.

    The message names the file, the line or record (counted from 1, as an editor
    shows them) and the field, and says how to fix it. The attributes carry the
    same facts for programs: ``source``, ``line``, ``record`` and ``field``, each
    ``None`` when it does not apply, and ``detail``, the message without them.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        record: int | None = None,
        field: str | None = None,
    ) -> None:
        self.detail = message
        self.source = source
        self.line = line
        self.record = record
        self.field = field
        where = []
        if source is not None:
            where.append(source)
        if line is not None:
            where.append(f"line {line}")
        if record is not None:
            where.append(f"record {record}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)

    def __reduce__(self) -> tuple[Any, ...]:
        fields = {"source": self.source, "line": self.line, "record": self.record}
        fields["field"] = self.field
        return (_rebuild_alias_error, (self.detail, fields))


class AliasTableWarning(UserWarning):
    """An alias table loads, but something in it will likely not do what was meant.

    For example an alias that is a common English word (``May``, ``The``): it is
    kept, but matches only as written. The message names the file, the record and
    the entry, like :class:`AliasTableError`'s.
    """


class ExtraMissingError(NewsparseError, ImportError):
    """A feature needs an optional extra that is not installed.

    The message names the package missing and the command that installs it,
    e.g. ``pip install 'newsparse[html]'`` for :func:`newsparse.parse_html`.
    """


class BatchError(NewsparseError):
    """One item of a batch could not be parsed (its worker died, hung or failed).

    ``index`` is the item's position in the batch (counted from 0) and ``reason``
    says what happened. :func:`newsparse.parse_many` raises it, or hands it to the
    ``on_error`` callback and goes on with the next item.
    """

    def __init__(self, index: int, reason: str) -> None:
        self.index = index
        self.reason = reason
        super().__init__(f"item {index}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.index, self.reason))


def _rebuild_alias_error(detail: str, fields: dict[str, Any]) -> AliasTableError:
    return AliasTableError(detail, **fields)
