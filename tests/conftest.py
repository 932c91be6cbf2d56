"""Shared fixtures: paths to the project's files and to ../shared (skipped when absent)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSPARSE_SHARED", ROOT.parent / "shared"))
SEED_DIR = SHARED / "seed"
REUTERS = SHARED / "data" / "reuters21578" / "reuters21578.jsonl"

settings.register_profile("ci", max_examples=200, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session", autouse=True)
def _reference_tables_built() -> None:
    """The reference tables are built once per process (about a second): built
    here, so that the deadlines of property tests measure parsing, not the build."""
    import newsparse

    newsparse.parse("Warm-up.")


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(
            f"{path} is absent: the shared corpora live beside the project at ../shared "
            "(set NEWSPARSE_SHARED to point elsewhere)"
        )
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    files = sorted(_need(SEED_DIR).glob("*.txt"))
    if not files:
        pytest.skip(f"no seed article in {SEED_DIR}")
    return files[0].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    files = sorted(_need(SEED_DIR).glob("*.txt"))
    if not files:
        pytest.skip(f"no seed article in {SEED_DIR}")
    return files[0]


@pytest.fixture(scope="session")
def seed_expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_need(SEED_DIR / "expected.json").read_text(encoding="utf-8"))
    return data


def reuters_records(limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of the Reuters corpus; skips the calling test when it is absent."""
    with _need(REUTERS).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


@pytest.fixture(scope="session")
def example_text() -> str:
    return (ROOT / "examples" / "basra_port.txt").read_text(encoding="utf-8")
