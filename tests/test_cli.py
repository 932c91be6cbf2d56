"""The command line: output, exit codes, encodings, errors."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsparse as np
from newsparse import _batch as batch
from newsparse._cli import main

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
    table_path = str(ROOT / "examples" / "aliases.json")
    status, out, err = run(
        ["--aliases", table_path, "--reference-date", "2025-03-05", str(EXAMPLE)]
    )
    assert (status, err) == (0, "")
    # Every entry of the bundled table is named in the bundled article and resolved.
    table = json.loads((ROOT / "examples" / "aliases.json").read_text(encoding="utf-8"))
    entities = records(out)[0]["entities"]
    resolved = {e["table_id"] for e in entities if e["table_id"]}
    assert resolved == {entry["id"] for entry in table}
    # "the Faw project" is the port named before, not the town of that name.
    faw = [e["table_id"] for e in entities for m in e["mentions"] if "Faw" in m["text"]]
    assert faw == ["ex-faw", "ex-faw"]
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
    assert status == 0
    assert err.startswith("newsparse: note: ")  # the example's year is not known
    assert err.count("\n") == 1
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


def test_output_always_encodes_and_reads_back_exactly(tmp_path: Path) -> None:
    texts = ["Omar Rashid \ud800 said.", "Lone low \udfff here.", "Fine text."]
    corpus = tmp_path / "corpus.jsonl"
    # json.dumps escapes the surrogates, so the file itself is valid UTF-8.
    corpus.write_text("\n".join(json.dumps(t) for t in texts) + "\n", encoding="utf-8")
    status, out, err = run(["--input-jsonl", "--processes", "1", str(corpus)])
    assert (status, err) == (0, "")
    out.encode("utf-8")  # would raise on a lone surrogate
    got = records(out)
    assert [r["text_length"] for r in got] == [len(t) for t in texts]
    assert [np.Article.from_dict(r) for r in got] == [np.parse(t) for t in texts]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_input_jsonl_splits_records_on_newline_only(tmp_path: Path, separator: str) -> None:
    texts = [f"First{separator}paragraph.", "Second.", f"Third{separator}one."]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(
        b"\n".join(json.dumps(t, ensure_ascii=False).encode("utf-8") for t in texts) + b"\n"
    )
    status, out, err = run(["--input-jsonl", "--processes", "1", str(corpus)])
    assert (status, err) == (0, "")
    got = records(out)
    assert [r["source"] for r in got] == [f"{corpus}:{n}" for n in (1, 2, 3)]
    assert [r["text_length"] for r in got] == [len(t) for t in texts]


def test_input_jsonl_with_crlf_line_ends(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b'"One."\r\n\r\n{"id": 3, "text": "Three."}\r\n')
    status, out, err = run(["--input-jsonl", "--processes", "1", str(corpus)])
    assert (status, err) == (0, "")
    assert [(r["source"], r["text_length"]) for r in records(out)] == [
        (f"{corpus}:1", 4),
        (f"{corpus}:3", 6),
    ]


def test_input_jsonl_from_stdin_and_an_undecodable_line(tmp_path: Path) -> None:
    data = b'"One."\n"\xff broken"\n"Three."\n'
    status, out, err = run(["--input-jsonl", "--processes", "1", "-"], stdin_bytes=data)
    assert status == 1
    assert [r["source"] for r in records(out)] == ["-:1", "-:3"]
    assert err == "newsparse: error: -, line 2: not valid utf-8 text\n"


def test_input_jsonl_in_utf16(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('"One."\n"Two \u2028 lines."\n', encoding="utf-16")
    status, out, err = run(["--input-jsonl", "--encoding", "utf-16", str(corpus)])
    assert (status, err) == (0, "")
    assert [r["text_length"] for r in records(out)] == [4, 12]


class _Interleaved(io.StringIO):
    """Standard error that records how many records were written before each message."""

    def __init__(self, out: io.StringIO) -> None:
        super().__init__()
        self.out = out
        self.seen: list[int] = []

    def write(self, text: str) -> int:
        self.seen.append(self.out.getvalue().count("\n"))
        return super().write(text)


def test_failures_are_reported_as_they_happen(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("An article.", encoding="utf-8")
    out = io.StringIO()
    err = _Interleaved(out)
    stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    status = main(["--jsonl", str(good), missing, str(good)], stdin=stdin, stdout=out, stderr=err)
    assert status == 1
    assert err.getvalue() == f"newsparse: error: {missing}: No such file or directory\n"
    assert err.seen == [1]  # after the first record, before the third


def test_a_failing_item_is_reported_and_the_others_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_batch import _sabotaged

    monkeypatch.setattr(batch, "parse", _sabotaged)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('"One."\n"BUG"\n"Three."\n', encoding="utf-8")
    status, out, err = run(["--input-jsonl", "--processes", "1", str(corpus)])
    assert status == 1
    assert [r["source"] for r in records(out)] == [f"{corpus}:1", f"{corpus}:3"]
    assert err == (
        f"newsparse: error: {corpus}:2: parsing failed (RuntimeError: a bug in a stage)\n"
    )


def test_write_cache_never_overwrites_an_input(tmp_path: Path) -> None:
    table = tmp_path / "people.json"
    table.write_text('[{"id": "Q1", "name": "Omar Rashid", "type": "PERSON"}]', encoding="utf-8")
    before = table.read_bytes()
    for extra in ([], ["--force"]):
        status, out, err = run(["--aliases", str(table), "--write-cache", str(table), *extra])
        assert (status, out) == (2, "")
        assert "would overwrite an input file" in err
        assert table.read_bytes() == before
    # Another name for the same file is the same file.
    status, _, err = run(["--aliases", str(table), "--write-cache", f"{tmp_path}/./people.json"])
    assert status == 2
    assert table.read_bytes() == before


def test_write_cache_replaces_an_existing_file_only_with_force(tmp_path: Path) -> None:
    source = str(ROOT / "examples" / "aliases.json")
    cache = tmp_path / "aliases.npcache"
    cache.write_bytes(b"something of the user's")
    status, _, err = run(["--aliases", source, "--write-cache", str(cache)])
    assert status == 2
    assert "exists; pass --force to replace it" in err
    assert cache.read_bytes() == b"something of the user's"
    assert run(["--aliases", source, "--write-cache", str(cache), "--force"]) == (0, "", "")
    assert np.AliasTable.from_file(cache) == np.AliasTable.from_file(source)


def test_ctrl_c_ends_with_one_line_and_exit_130(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    line = json.dumps(EXAMPLE.read_text(encoding="utf-8"))
    corpus.write_text((line + "\n") * 5000, encoding="utf-8")
    command = [sys.executable, "-m", "newsparse", "--input-jsonl", "--processes", "2", str(corpus)]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    ) as process:
        assert process.stdout is not None
        first = process.stdout.readline()  # it has started writing
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C reaches the group
        # Read on through process.stdout: readline() may hold the start of the next
        # record in its buffer, which communicate() (reading the pipe itself) would skip.
        assert process.stderr is not None
        rest = process.stdout.read()
        err = process.stderr.read()
        process.wait(timeout=60)
    assert process.returncode == 130
    # Besides the one note that the example's dates want a year: one line.
    lines = err.decode().splitlines()
    assert [line for line in lines if not line.startswith("newsparse: note: ")] == [
        "newsparse: interrupted"
    ]
    assert len(lines) <= 2
    for output in (first + rest).splitlines():
        json.loads(output)  # every line written is a whole record


def test_ctrl_c_in_this_process_is_one_line_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(text: str, **options: object) -> np.Article:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "parse", interrupted)
    status, out, err = run(["--processes", "1", str(EXAMPLE)])
    assert (status, out, err) == (130, "", "newsparse: interrupted\n")


def test_input_jsonl_from_a_text_stream_without_bytes() -> None:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.StringIO('"One."\n"Two\u2028lines."\n')
    status = main(["--input-jsonl", "--processes", "1", "-"], stdin=stdin, stdout=out, stderr=err)
    assert (status, err.getvalue()) == (0, "")
    assert [r["text_length"] for r in records(out.getvalue())] == [4, 10]


def test_input_jsonl_line_nested_too_deeply_is_reported_and_the_rest_parsed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('"One."\n' + "[" * 100_000 + "]" * 100_000 + '\n"Three."\n', encoding="utf-8")
    status, out, err = run(["--input-jsonl", "--processes", "1", str(corpus)])
    assert status == 1
    assert [r["source"] for r in records(out)] == [f"{corpus}:1", f"{corpus}:3"]
    assert err == f"newsparse: error: {corpus}, line 2: not valid JSON (nested too deeply)\n"


@pytest.mark.parametrize(
    ("args", "stdin_text", "said"),
    [
        (["-"], "Talks resume next week, officials said.", True),
        (["--reference-date", "2025-01-08", "-"], "Talks resume next week, officials said.", False),
        (["-"], "Talks resumed in 1987, officials said.", False),  # nothing left out
        (["-"], "BAGHDAD, Jan 8, 2025 (Reuters) - Talks resume next week.", False),
        (["-"], "BAGHDAD, Jan 8 (Reuters) - Talks resume next week.", True),  # which year?
        (["--input-jsonl", "-"], '"Talks resume next week."\n', True),
    ],
)
def test_a_note_says_when_relative_dates_want_a_date(
    args: list[str], stdin_text: str, said: bool
) -> None:
    status, out, err = run(args, stdin_bytes=stdin_text.encode())
    assert status == 0
    assert len(records(out)) == 1
    assert ("relative dates ('next week') were left out" in err) is said
    assert err.count("\n") == int(said)
    if said and "--input-jsonl" in args:
        assert '"reference_date" in each line' in err
