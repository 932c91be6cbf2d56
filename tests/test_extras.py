"""The optional extras: newsparse imports none of them, and says how to install a missing one."""

from __future__ import annotations

import importlib.metadata
import io
import subprocess
import sys
from pathlib import Path

import pytest

import newsparse
from newsparse._cli import main

WIRE = Path(__file__).resolve().parent.parent / "examples" / "port_deal.html"


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    return main(args, stdin=stdin, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_without_trafilatura_the_error_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura fails
    with pytest.raises(newsparse.ExtraMissingError, match=r"pip install 'newsparse\[html\]'"):
        newsparse.parse_html("<p>A page.</p>")
    status, _, err = _run(["--html", str(WIRE)])
    assert status == 2
    assert "pip install 'newsparse[html]'" in err


def test_importing_newsparse_imports_no_extra() -> None:
    code = "import sys, newsparse; print(sorted({'spacy', 'trafilatura'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_runtime_dependencies_stay_three_and_the_extras_are_declared() -> None:
    requires = importlib.metadata.requires("newsparse") or []
    runtime = sorted(r.split(">")[0].split("=")[0].strip() for r in requires if ";" not in r)
    assert runtime == ["attrs", "python-dateutil", "regex"]
    extras = set(importlib.metadata.metadata("newsparse").get_all("Provides-Extra") or [])
    assert {"spacy", "html"} <= extras
    for extra, package in (("spacy", "spacy"), ("html", "trafilatura")):
        markers = (f'extra == "{extra}"', f"extra == '{extra}'")
        assert any(r.startswith(package) and r.endswith(markers) for r in requires)


def test_spacy_finds_the_component_through_its_entry_point() -> None:
    (point,) = importlib.metadata.entry_points(group="spacy_factories", name="newsparse")
    assert point.value == "newsparse._spacy:make_component"
