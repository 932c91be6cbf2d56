"""The command line: output, exit codes, encodings, errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsparse as np
from newsparse.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "basra_port.txt"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(
    args: list[str], *, stdin_bytes: bytes = b"", terminal: bool = False
) -> tuple[int, str, str]:
    out: io.StringIO = Terminal() if terminal else io.StringIO()
    err = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(stdin_bytes), encoding="utf-8")
    status = main(args, stdin=stdin, stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def records(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_one_file_prints_contract_json(tmp_path: Path) -> None:
    text = "First paragraph.\n\nSecond one."
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    status, out, err = run([str(path)])
    assert (status, err) == (0, "")
    (record,) = records(out)
    assert record["source"] == str(path)
    assert record["schema_version"] == 1
    assert record["text_length"] == len(text)
    assert [text[p["start"] : p["end"]] for p in record["paragraphs"]] == [
        "First paragraph.",
        "Second one.",
    ]
    assert np.Article.from_dict(record) == np.parse(text)


def test_pretty_on_a_terminal_and_compact_otherwise() -> None:
    _, out, _ = run([str(EXAMPLE)], terminal=True)
    assert out.startswith("{\n  ")
    _, out, _ = run([str(EXAMPLE)])
    assert out.count("\n") == 1
    _, out, _ = run(["--jsonl", str(EXAMPLE)], terminal=True)
    assert out.count("\n") == 1
    _, out, _ = run(["--pretty", str(EXAMPLE)])
    assert out.startswith("{\n  ")


def test_many_files_one_line_each_in_order(tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        path = tmp_path / f"{i}.txt"
        path.write_text("x" * (i + 1), encoding="utf-8")
        paths.append(str(path))
    status, out, _ = run(["--jsonl", *paths])
    assert status == 0
    assert [(r["source"], r["text_length"]) for r in records(out)] == [
        (paths[0], 1),
        (paths[1], 2),
        (paths[2], 3),
    ]


def test_stdin_with_bom() -> None:
    status, out, _ = run(["-"], stdin_bytes="\ufeffOne.\n\nTwo.".encode())
    assert status == 0
    (record,) = records(out)
    assert record["source"] == "-"
    assert record["text_length"] == len("One.\n\nTwo.")


def test_bom_is_skipped_in_files(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHello.")
    _, out, _ = run([str(path)])
    assert records(out)[0]["text_length"] == len("Hello.")


def test_a_failing_file_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Fine.", encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\u00e9 au lait.".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    status, out, err = run([str(latin), str(missing), str(good)])
    assert status == 1
    assert [r["source"] for r in records(out)] == [str(good)]
    assert f"{latin}: not valid utf-8 text (byte 0xe9 at offset 3)" in err
    assert f"{missing}: No such file or directory" in err


def test_encoding_option(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\u00e9.".encode("latin-1"))
    status, out, _ = run(["--encoding", "latin-1", str(latin)])
    assert status == 0
    assert records(out)[0]["text_length"] == 5
    status, _, err = run(["--encoding", "klingon", str(latin)])
    assert status == 2
    assert "unknown encoding" in err


def test_a_directory_is_a_failed_file(tmp_path: Path) -> None:
    status, _, err = run([str(tmp_path)])
    assert status == 1
    assert str(tmp_path) in err


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--no-such-option", "a.txt"],
        ["--reference-date", "08/01/2025", "a.txt"],
        ["--jsonl", "--pretty", "a.txt"],
        ["-", "-"],
        ["--write-cache", "t.npcache", "a.txt"],
    ],
)
def test_bad_usage_exits_2(args: list[str]) -> None:
    status, out, err = run(args)
    assert status == 2
    assert out == ""
    assert "newsparse: error:" in err


def test_reference_date_option(tmp_path: Path) -> None:
    # The example's dateline says "March 4": the reference date gives the year.
    _, out, _ = run(["--reference-date", "2025-03-05", str(EXAMPLE)])
    assert records(out)[0]["published"] == "2025-03-04"
    undated = tmp_path / "undated.txt"
    undated.write_text("No dateline in this text.", encoding="utf-8")
    _, out, _ = run(["--reference-date", "2025-01-08", str(undated)])
    assert records(out)[0]["published"] == "2025-01-08"


def test_aliases_option(tmp_path: Path) -> None:
    status, _, err = run(["--aliases", str(ROOT / "examples" / "aliases.json"), str(EXAMPLE)])
    assert (status, err) == (0, "")
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "a", "name": "A", "type": "ORG"},\n {"id": "a"}]', encoding="utf-8")
    status, out, err = run(["--aliases", str(bad), str(EXAMPLE)])
    assert status == 2
    assert out == ""
    assert f"{bad}, line 2, record 2, field 'name'" in err


def test_write_cache_then_parse_with_it(tmp_path: Path) -> None:
    source = str(ROOT / "examples" / "aliases.json")
    cache = tmp_path / "aliases.npcache"
    assert run(["--aliases", source, "--write-cache", str(cache)]) == (0, "", "")
    _, with_json, _ = run(["--aliases", source, str(EXAMPLE)])
    status, with_cache, err = run(["--aliases", str(cache), str(EXAMPLE)])
    assert (status, err) == (0, "")
    assert with_cache == with_json
    assert any(e["table_id"] for e in records(with_cache)[0]["entities"])
    # A damaged cache is bad usage, like any table that does not load.
    cache.write_bytes(cache.read_bytes()[:-5])
    status, out, err = run(["--aliases", str(cache), str(EXAMPLE)])
    assert (status, out) == (2, "")
    assert f"{cache}: the file is damaged" in err


def test_version_and_help() -> None:
    status, out, _ = run(["--version"])
    assert (status, out.strip()) == (0, f"newsparse {np.__version__}")
    status, text, _ = run(["--help"])
    assert status == 0
    assert "examples:" in text
    assert "--jsonl" in text
    assert "exit status" in text


def test_python_dash_m_and_console_script_agree() -> None:
    by_module = subprocess.run(
        [sys.executable, "-m", "newsparse", str(EXAMPLE)],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    )
    record = json.loads(by_module.stdout)
    assert record["text_length"] == len(EXAMPLE.read_text(encoding="utf-8"))
    script = Path(sys.executable).with_name("newsparse")
    if script.exists():
        by_script = subprocess.run(
            [str(script), str(EXAMPLE)],
            capture_output=True,
            check=True,
            text=True,
            encoding="utf-8",
        )
        assert by_script.stdout == by_module.stdout


def test_offsets_of_cli_output_on_the_seed(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    status, out, _ = run([str(seed_path)])
    assert status == 0
    record = records(out)[0]
    assert record["text_length"] == len(text)
    assert record["paragraphs"]
    article = np.Article.from_dict(record)
    for item in article.spans():
        if hasattr(item, "text"):
            assert text[item.start : item.end] == item.text


def test_input_jsonl_keeps_order_ids_and_dates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": "CAIRO (AP) -- Egypt said on Monday it would act.",
                "reference_date": "2025-01-08",
            }
        ),
        json.dumps("A bare string article."),
        "",
        "{not json",
        json.dumps({"id": 7, "text": "Third article."}),
        json.dumps({"text": 5}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = run(["--input-jsonl", "--processes", "2", str(corpus)])
    assert status == 1
    got = records(out)
    assert [(r["source"], r.get("id")) for r in got] == [
        (f"{corpus}:1", "a1"),
        (f"{corpus}:2", None),
        (f"{corpus}:5", 7),
    ]
    assert got[0]["published"] == "2025-01-08"
    assert got[0]["dates"][0]["value"] == "2025-01-06"
    assert f"{corpus}, line 4: not valid JSON" in err
    assert (
        f'{corpus}, line 6: each line must be a JSON string or an object with a string "text"'
        in err
    )
    validator = jsonschema.Draft202012Validator(np.json_schema())
    for record in got:
        validator.validate(record)


def test_many_files_in_processes_keep_their_order(tmp_path: Path) -> None:
    paths = []
    for i in range(20):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text("Line.\n\n" * (i + 1), encoding="utf-8")
        paths.append(str(path))
    status, out, _ = run(paths)
    assert status == 0
    assert [len(r["paragraphs"]) for r in records(out)] == list(range(1, 21))


def test_processes_must_be_positive() -> None:
    status, _, err = run(["--processes", "0", str(EXAMPLE)])
    assert status == 2
    assert "at least 1" in err
