"""Every compiled pattern of the package, for the checks of their cost on hostile text
(tests/test_robustness.py, which asserts, and bench/fuzz.py, which prints figures)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from typing import Any

import regex

import newsparse


def compiled_patterns() -> Iterator[tuple[str, Any]]:
    """Each module constant that is a compiled pattern, and the cached pattern builders."""
    for info in pkgutil.walk_packages(newsparse.__path__, "newsparse."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)):
                yield f"{info.name}.{name}", value
    from newsparse._stages import datelines, dates

    yield "dates._pattern()", dates._pattern()
    for key, pattern in datelines._patterns().items():
        yield f"datelines._patterns()[{key!r}]", pattern
