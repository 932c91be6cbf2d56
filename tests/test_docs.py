"""The documentation: runnable examples run, the schema copies agree, every field is documented."""

from __future__ import annotations

import csv
import doctest
import importlib
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsparse

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(page: Path, language: str) -> list[str]:
    return [
        body for lang, body in FENCE.findall(page.read_text(encoding="utf-8")) if lang == language
    ]


PAGES = [p for p in [*sorted(DOCS.glob("*.md")), ROOT / "README.md"] if _blocks(p, "pycon")]
MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(newsparse.__path__, "newsparse.")
    if not name.endswith("__main__")
)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
# Modules of an optional extra, and the package each needs.
EXTRAS = {"newsparse._spacy": "spacy"}


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    if name in EXTRAS:
        pytest.importorskip(
            EXTRAS[name], reason=f"{name} needs {EXTRAS[name]} (an extra of newsparse)"
        )
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS, verbose=False)
    assert result.failed == 0


# Pages whose examples need an optional extra, and the package each needs.
PAGE_EXTRAS = {"spacy.md": "spacy", "html.md": "trafilatura"}


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_examples_in_the_docs_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if page.name in PAGE_EXTRAS:
        needed = PAGE_EXTRAS[page.name]
        pytest.importorskip(needed, reason=f"{page.name}'s examples need {needed} (an extra)")
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest(
        "\n".join(_blocks(page, "pycon")), {}, page.name, str(page), 0
    )
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_json_examples_in_the_output_reference_are_valid() -> None:
    validator = jsonschema.Draft202012Validator(newsparse.json_schema())
    blocks = _blocks(DOCS / "output.md", "json")
    assert blocks
    for block in blocks:
        data = json.loads(block)
        validator.validate(data)
        assert newsparse.Article.from_dict(data).to_dict() == {
            k: v for k, v in data.items() if k != "source"
        }


def test_docs_schema_is_the_packaged_schema() -> None:
    shipped = json.loads((DOCS / "schema" / "article.schema.json").read_text(encoding="utf-8"))
    assert shipped == newsparse.json_schema()


def _field_names(schema: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for node in [schema, *schema["$defs"].values()]:
        names.update(node.get("properties", {}))
    return names


def test_output_reference_documents_every_field() -> None:
    page = (DOCS / "output.md").read_text(encoding="utf-8")
    missing = sorted(n for n in _field_names(newsparse.json_schema()) if f"`{n}`" not in page)
    assert missing == []


def test_schema_matches_the_model() -> None:
    article_keys = set(newsparse.Article(text_length=0).to_dict())
    schema = newsparse.json_schema()
    assert set(schema["required"]) == article_keys
    # The command line's keys: source, and id (--input-jsonl), text and metadata (--html).
    assert set(schema["properties"]) == article_keys | {"source", "id", "text", "metadata"}
    metadata = newsparse.PageMetadata(title="A page", authors=["A. Writer"], date="2025-01-08")
    assert set(schema["$defs"]["page_metadata"]["properties"]) == set(metadata.to_dict())


def test_public_names_are_documented() -> None:
    for name in newsparse.__all__:
        obj = getattr(newsparse, name)
        if callable(obj) and not isinstance(obj, type(newsparse.SCHEMA_VERSION)):
            assert obj.__doc__, f"{name} has no docstring"


def test_the_package_shows_its_public_names_only() -> None:
    assert dir(newsparse) == sorted(newsparse.__all__)
    assert all(hasattr(newsparse, name) for name in newsparse.__all__)
    assert len(set(newsparse.__all__)) == len(newsparse.__all__)


# Pages that describe the internals on purpose: the design and the stability policy.
_ABOUT_INTERNALS = {"architecture.md", "stability.md", "performance.md"}


@pytest.mark.parametrize(
    "page",
    [p for p in [*sorted(DOCS.glob("*.md")), ROOT / "README.md"] if p.name not in _ABOUT_INTERNALS],
    ids=lambda p: p.name,
)
def test_user_pages_cite_public_names_only(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    # A traceback names an error's module (newsparse.errors.InputTypeError): allowed.
    cited = set(re.findall(r"\bnewsparse\.(?!errors\.\w+Error\b)([A-Za-z_]\w*)", text))
    assert cited <= set(newsparse.__all__), (
        f"{page.name} cites {sorted(cited - set(newsparse.__all__))}"
    )


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second() -> None:
    blocks = [b.strip() for b in _blocks(ROOT / "README.md", "sh")]
    install_and_run, install_and_test = blocks[0], blocks[1]
    assert "pip install ." in install_and_run
    assert "newsparse" in install_and_run.split("&&")[-1]
    assert "examples/" in install_and_run
    assert "pytest" in install_and_test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test in ci


def test_the_wikidata_cookbook_runs_as_a_script(tmp_path: Path) -> None:
    (recipe,) = [b for b in _blocks(DOCS / "aliases.md", "python") if "wikidata.csv" in b]
    # A made-up export with exactly the columns the cookbook's text names.
    with (tmp_path / "wikidata.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["item", "itemLabel", "altLabels", "instanceLabel"])
        writer.writerow(
            ["http://www.wikidata.org/entity/Q900001", "Omar Rashid", "O. Rashid", "human"]
        )
        writer.writerow(
            ["http://www.wikidata.org/entity/Q900002", "Basra Port Authority", "", "organization"]
        )
        writer.writerow(
            ["http://www.wikidata.org/entity/Q900003", "Umm Qasr", "Umm Qassar | Um Qasr", "city"]
        )
    (tmp_path / "recipe.py").write_text(recipe, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "recipe.py"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    table = newsparse.AliasTable.from_file(tmp_path / "aliases.csv")
    assert [(e.id, e.name, e.type.value, e.aliases) for e in table.entries] == [
        ("Q900001", "Omar Rashid", "PERSON", ("O. Rashid",)),
        ("Q900002", "Basra Port Authority", "ORG", ()),
        ("Q900003", "Umm Qasr", "PLACE", ("Umm Qassar", "Um Qasr")),
    ]
