"""The one kind of memo newsparse keeps: bounded in entries and in characters.

News repeats its words and names, so what a word or a run of words folds to,
names or starts is worth remembering across the articles of a corpus. But a
memo that only counts its entries can still grow without bound in bytes (one
key can be as long as a hostile text), so every memo here is bounded three
ways, and starts afresh when it would go past one:

- ``limit``, entries: 65,536 (262,144 for word memos), for the small objects
  around each key;
- ``budget``, characters of all kept keys: 4,194,304, for the keys themselves;
- ``longest_key``, characters of one key: 256 (64 for word memos); a longer key
  is answered, not kept.

Values are no larger than their keys, or small, so a memo holds at most a few
tens of megabytes whatever it has seen. The memos of a table's index belong to
the table; the word memos of the name folding are shared by the process.

>>> memo: Memo[str, int] = Memo(limit=2)
>>> remembered(memo, "Sudani", lambda: 6, size=6), remembered(memo, "Qaani", lambda: 5, size=5)
(6, 5)
>>> remembered(memo, "Halevi", lambda: 6, size=6), sorted(memo)  # full: starts afresh
(6, ['Halevi'])
>>> upper = WordMemo(str.upper)
>>> upper["al-sudani"], len(upper)
('AL-SUDANI', 1)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["LONGEST_KEY", "LONGEST_WORD", "MEMO_CHARACTERS", "Memo", "WordMemo", "remembered"]

#: The characters that the keys of one memo may hold in all.
MEMO_CHARACTERS = 1 << 22
#: The longest key a memo keeps: real keys are names of a few words.
LONGEST_KEY = 256
#: The longest word a word memo keeps: real words are shorter
#: (``Donaudampfschifffahrtsgesellschaft`` is 34); a line of a million letters
#: without a space is one word.
LONGEST_WORD = 64
_ENTRIES = 1 << 16
_WORD_ENTRIES = 1 << 18
_UNSEEN: Any = object()
_K = TypeVar("_K")
_V = TypeVar("_V")


class Memo(dict[_K, _V]):
    """Answers kept for keys seen lately, bounded in entries and in characters.

    Lookups of kept keys are plain dict lookups (in C); :meth:`keep` adds one.
    """

    __slots__ = ("budget", "characters", "limit", "longest_key")

    def __init__(
        self,
        limit: int = _ENTRIES,
        *,
        longest_key: int = LONGEST_KEY,
        budget: int = MEMO_CHARACTERS,
    ) -> None:
        super().__init__()
        self.limit = limit
        self.longest_key = longest_key
        self.budget = budget
        self.characters = 0

    def clear(self) -> None:
        super().clear()
        self.characters = 0

    def keep(self, key: _K, value: _V, size: int) -> None:
        """Keep ``value`` for ``key`` of ``size`` characters, unless the key is too long."""
        if size > self.longest_key:
            return
        if len(self) >= self.limit or self.characters + size > self.budget:
            self.clear()
        self[key] = value
        self.characters += size


class WordMemo(Memo[str, _V]):
    """A memo of a function of one word: ``memo[word]`` computes and keeps it once."""

    __slots__ = ("function",)

    def __init__(
        self,
        function: Callable[[str], _V],
        limit: int = _WORD_ENTRIES,
        *,
        longest_key: int = LONGEST_WORD,
        budget: int = MEMO_CHARACTERS,
    ) -> None:
        super().__init__(limit, longest_key=longest_key, budget=budget)
        self.function = function

    def __missing__(self, key: str) -> _V:
        value = self.function(key)
        self.keep(key, value, len(key))
        return value


def remembered(memo: Memo[_K, _V], key: _K, compute: Callable[[], _V], size: int = 1) -> _V:
    """``memo[key]``, computed by ``compute()`` the first time; ``size`` is how many
    characters the key holds (a key longer than the memo's ``longest_key`` is not kept).
    """
    found = memo.get(key, _UNSEEN)
    if found is _UNSEEN:
        found = compute()
        memo.keep(key, found, size)
    return found  # type: ignore[no-any-return]
