"""The ``newsparse`` command: articles in, contract JSON out.

Exit status: 0 when every file parsed, 1 when some file could not be read (the
others are still written), 2 for bad usage (unknown options, a bad date, an
alias table that does not load).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as _dt
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from newsparse._version import __version__
from newsparse.aliases import AliasTable
from newsparse.batch import parse_many
from newsparse.errors import NewsparseError

__all__ = ["main"]

_EXAMPLES = """\
examples:
  newsparse article.txt                      one article, pretty JSON on a terminal
  newsparse --jsonl corpus/*.txt > out.jsonl one JSON object per line and file
  cat article.txt | newsparse -              read standard input
  newsparse --aliases people.json --aliases orgs.csv --reference-date 2025-01-08 a.txt
  newsparse --input-jsonl --processes 4 corpus.jsonl > out.jsonl
                                             many articles, one JSON object a line
  newsparse --aliases wikidata.json --write-cache wikidata.npcache
                                             index a large table once; later runs
                                             take --aliases wikidata.npcache

Each object is the contract's JSON (schema_version 1) with one more key,
"source": the file name as given ("-" for standard input).

exit status: 0 all files parsed, 1 some file failed (the rest are still written),
2 bad usage (including an alias table that does not load).
"""


def _iso_date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date in the form YYYY-MM-DD"
        ) from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsparse",
        description="Parse news articles (plain text) into structured JSON: "
        "dateline, byline, entities, dates, quotes and paragraphs, with character offsets.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="article text files (UTF-8); - reads stdin"
    )
    parser.add_argument(
        "--aliases",
        action="append",
        default=[],
        metavar="FILE",
        help="alias table (.json, .csv or .npcache) to resolve entities to; repeat to merge "
        "several",
    )
    parser.add_argument(
        "--write-cache",
        metavar="FILE",
        help="write the --aliases tables, merged and indexed, to FILE (.npcache), which "
        "loads many times faster; then parse the FILEs given, if any",
    )
    parser.add_argument(
        "--reference-date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the article's date when its dateline gives none (supplies year and anchor)",
    )
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument(
        "--jsonl", action="store_true", help="write each article as one line of JSON"
    )
    layout.add_argument(
        "--pretty", action="store_true", help="indent the JSON even when not on a terminal"
    )
    parser.add_argument(
        "--encoding",
        default="utf-8",
        metavar="NAME",
        help="encoding of the input files (default utf-8; a BOM is skipped)",
    )
    parser.add_argument(
        "--input-jsonl",
        action="store_true",
        help="read each FILE as JSON Lines: one article a line, a string or an object with "
        '"text" and optional "id" and "reference_date"',
    )
    parser.add_argument(
        "--processes",
        type=_positive,
        metavar="N",
        help="worker processes (default: one per CPU for many articles, else 1)",
    )
    parser.add_argument("--version", action="version", version=f"newsparse {__version__}")
    return parser


def _read(name: str, encoding: str, stdin: TextIO) -> str:
    if name == "-":
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
    else:
        with open(name, "rb") as handle:
            data = handle.read()
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-8-sig"
    return data.decode(encoding)


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = _parser()
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse reports usage errors (2) and --help/--version (0)
        return int(exc.code or 0)
    try:
        "".encode(args.encoding)
    except LookupError:
        print(f"newsparse: error: unknown encoding {args.encoding!r}", file=stderr)
        return 2
    if not args.files and not args.write_cache:
        parser.print_usage(stderr)
        print("newsparse: error: give at least one FILE (or --write-cache)", file=stderr)
        return 2
    if args.write_cache and not args.aliases:
        print("newsparse: error: --write-cache needs the tables to write (--aliases)", file=stderr)
        return 2
    if args.files.count("-") > 1:
        print("newsparse: error: standard input (-) can be read only once", file=stderr)
        return 2

    table = None
    if args.aliases:
        try:
            table = AliasTable.from_files(args.aliases)
        except NewsparseError as exc:
            print(f"newsparse: error: alias table: {exc}", file=stderr)
            return 2
    if args.write_cache:
        assert table is not None
        try:
            table.save_cache(args.write_cache)
        except OSError as exc:
            print(f"newsparse: error: {args.write_cache}: {exc.strerror or exc}", file=stderr)
            return 1
        if not args.files:
            return 0

    pretty = args.pretty or (
        not args.jsonl and not args.input_jsonl and len(args.files) == 1 and _is_terminal(stdout)
    )
    failures: list[str] = []
    sources: collections.deque[dict[str, Any]] = collections.deque()

    def items() -> Iterator[tuple[str, Any]]:
        for name in args.files:
            try:
                text = _read(name, args.encoding, stdin)
            except UnicodeDecodeError as exc:
                failures.append(
                    f"{name}: not valid {args.encoding} text "
                    f"(byte {exc.object[exc.start]:#04x} at offset {exc.start}); "
                    "convert it to UTF-8 or pass --encoding"
                )
                continue
            except OSError as exc:
                failures.append(f"{name}: {exc.strerror or exc}")
                continue
            if not args.input_jsonl:
                sources.append({"source": name})
                yield text, args.reference_date
                continue
            for number, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                record = _jsonl_record(line)
                if isinstance(record, str):
                    failures.append(f"{name}, line {number}: {record}")
                    continue
                body, reference, extra = record
                sources.append({"source": f"{name}:{number}", **extra})
                yield body, reference or args.reference_date

    processes = args.processes or (
        (os.cpu_count() or 1) if args.input_jsonl or len(args.files) >= _MANY_FILES else 1
    )
    progress = (
        _Progress(stderr)
        if _is_terminal(stderr) and (args.input_jsonl or len(args.files) > 1)
        else None
    )
    try:
        for article in parse_many(items(), aliases=table, processes=processes):
            record = {**article.to_dict(), **sources.popleft()}
            if pretty:
                stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
            else:
                stdout.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            stdout.flush()
            if progress is not None:
                progress.tick()
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly.
        if stdout is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        if progress is not None:
            progress.done()
    for failure in failures:
        print(f"newsparse: error: {failure}", file=stderr)
    return 1 if failures else 0


# From this many files on, the command parses in worker processes.
_MANY_FILES = 16


def _jsonl_record(line: str) -> tuple[str, Any, dict[str, Any]] | str:
    """An input line: the text, its reference date and extra keys, or what is wrong."""
    try:
        data = json.loads(line)
    except ValueError as exc:
        return f"not valid JSON ({exc})"
    if isinstance(data, str):
        return data, None, {}
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return 'each line must be a JSON string or an object with a string "text"'
    extra = {"id": data["id"]} if "id" in data else {}
    reference = data.get("reference_date")
    if reference is not None and not isinstance(reference, str):
        return '"reference_date" must be a string YYYY-MM-DD'
    if reference is not None:
        try:
            _dt.date.fromisoformat(reference)
        except ValueError:
            return f'"reference_date" {reference!r} is not a date YYYY-MM-DD'
    return data["text"], reference, extra


class _Progress:
    """A progress line on a terminal: articles parsed and their rate."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0
        self.started = time.monotonic()
        self.shown = self.started

    def tick(self) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.shown >= 0.5:
            self.shown = now
            rate = self.count / max(now - self.started, 1e-9)
            self.stream.write(f"\rnewsparse: {self.count:,} articles ({rate:,.0f}/s)")
            self.stream.flush()

    def done(self) -> None:
        if self.count:
            elapsed = max(time.monotonic() - self.started, 1e-9)
            self.stream.write(
                f"\rnewsparse: {self.count:,} articles in {elapsed:.1f} s"
                f" ({self.count / elapsed:,.0f}/s)\n"
            )
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
