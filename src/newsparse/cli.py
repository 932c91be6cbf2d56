"""The ``newsparse`` command: articles in, contract JSON out.

Exit status: 0 when every file parsed, 1 when some file could not be read (the
others are still written), 2 for bad usage (unknown options, a bad date, an
alias table that does not load).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from newsparse._version import __version__
from newsparse.aliases import AliasTable
from newsparse.errors import NewsparseError
from newsparse.pipeline import parse

__all__ = ["main"]

_EXAMPLES = """\
examples:
  newsparse article.txt                      one article, pretty JSON on a terminal
  newsparse --jsonl corpus/*.txt > out.jsonl one JSON object per line and file
  cat article.txt | newsparse -              read standard input
  newsparse --aliases people.json --aliases orgs.csv --reference-date 2025-01-08 a.txt

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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsparse",
        description="Parse news articles (plain text) into structured JSON: "
        "dateline, byline, entities, dates, quotes and paragraphs, with character offsets.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="article text files (UTF-8); - reads stdin"
    )
    parser.add_argument(
        "--aliases",
        action="append",
        default=[],
        metavar="FILE",
        help="alias table (.json or .csv) to resolve entities to; repeat to merge several",
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

    pretty = args.pretty or (not args.jsonl and len(args.files) == 1 and _is_terminal(stdout))
    status = 0
    for name in args.files:
        try:
            text = _read(name, args.encoding, stdin)
        except UnicodeDecodeError as exc:
            print(
                f"newsparse: error: {name}: not valid {args.encoding} text "
                f"(byte {exc.object[exc.start]:#04x} at offset {exc.start}); "
                "convert it to UTF-8 or pass --encoding",
                file=stderr,
            )
            status = 1
            continue
        except OSError as exc:
            print(f"newsparse: error: {name}: {exc.strerror or exc}", file=stderr)
            status = 1
            continue
        article = parse(text, aliases=table, reference_date=args.reference_date)
        record = {**article.to_dict(), "source": name}
        try:
            if pretty:
                stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
            else:
                stdout.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            stdout.flush()
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): stop quietly.
            if stdout is sys.stdout:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
    return status


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
