"""The ``newsparse`` command: articles in, contract JSON out.

Exit status: 0 when every file parsed, 1 when some file or record could not be
read or parsed (each reported on standard error as it happens; the others are
still written), 2 for bad usage (unknown options, a bad date, an alias table
that does not load, a cache file that would overwrite an input), 130 when
interrupted.
"""

from __future__ import annotations

import argparse
import codecs
import collections
import contextlib
import csv
import datetime as _dt
import io
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from newsparse import _json
from newsparse._batch import parse_many
from newsparse._html import extract_html, require_trafilatura
from newsparse._pipeline import unresolved_dates
from newsparse._records import RECORD_COLUMNS, rows_of, scalar
from newsparse._tables import AliasTable
from newsparse._version import __version__
from newsparse.errors import BatchError, NewsparseError
from newsparse.model import Article

__all__ = ["main"]

_EXAMPLES = """\
examples:
  newsparse article.txt                      one article, pretty JSON on a terminal
  newsparse --jsonl corpus/*.txt > out.jsonl one JSON object per line and file
  cat article.txt | newsparse -              read standard input
  newsparse --aliases people.json --aliases orgs.csv --reference-date 2025-01-08 a.txt
  newsparse --input-jsonl --processes 4 corpus.jsonl > out.jsonl
                                             many articles, one JSON object a line
  newsparse --html page.html                 a web page: its main text, dated by the page
  newsparse --aliases wikidata.json --write-cache wikidata.npcache
                                             index a large table once; later runs
                                             take --aliases wikidata.npcache
  newsparse --table mentions corpus/*.txt > mentions.csv
                                             one flat table (CSV with a header);
                                             --format jsonl for JSON Lines of rows

Each object is the contract's JSON (schema_version 1) with one more key,
"source": the file name as given ("-" for standard input); with --html, also
"text" (the extracted text the offsets point into) and "metadata".

exit status: 0 all files parsed, 1 some file or record failed (each reported
as it happens; the rest are still written), 2 bad usage (including an alias
table that does not load), 130 interrupted.
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
        "--force",
        action="store_true",
        help="let --write-cache replace an existing file (never one of the inputs)",
    )
    parser.add_argument(
        "--reference-date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the article's date when its dateline gives none (supplies year and anchor)",
    )
    parser.add_argument(
        "--table",
        choices=tuple(RECORD_COLUMNS),
        help="write the rows of one flat table instead of the articles' JSON (CSV by default)",
    )
    parser.add_argument(
        "--format",
        choices=("json", "jsonl", "csv"),
        help="json: the articles (the default); with --table, csv (the default) or jsonl, "
        "one JSON object a row",
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
        metavar="NAME",
        help="encoding of the input files (default utf-8; a BOM is skipped; with --html, "
        "the page's own declared encoding)",
    )
    parser.add_argument(
        "--html",
        action="store_true",
        help="read each FILE as a web page: its main text and metadata through trafilatura "
        "(pip install 'newsparse[html]'); the page's date is the reference date unless "
        "--reference-date is given",
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
    return _read_bytes(name, stdin).decode(_decoder(encoding))


def _read_bytes(name: str, stdin: TextIO) -> bytes:
    if name == "-":
        return stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
    with open(name, "rb") as handle:
        return handle.read()


def _decoder(encoding: str) -> str:
    """The codec to read with: UTF-8 input may start with a byte order mark."""
    return "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding


def _lines(name: str, encoding: str, stdin: TextIO) -> Iterator[tuple[int, str | None]]:
    """A JSON Lines file read as a stream: (line number, text or None if undecodable).

    Records end at ``\\n`` alone: U+2028, U+2029 and U+0085 are legal inside JSON
    strings and end no record. A line that does not decode is reported by itself
    where the encoding lets the rest be read (any encoding that writes ``\\n`` as
    that one byte).
    """
    codec = _decoder(encoding)
    if name == "-":
        binary: Any = stdin.buffer if hasattr(stdin, "buffer") else None
        if binary is None:  # a text stream without bytes beneath (tests, embedding)
            yield from enumerate(iter(stdin.readline, ""), 1)
            return
    else:
        binary = open(name, "rb")  # noqa: SIM115 (closed below, also when abandoned)
    try:
        if "\n".encode(encoding) == b"\n":
            for number, raw in enumerate(binary, 1):
                if number > 1 and codec == "utf-8-sig":
                    codec = "utf-8"  # a BOM only at the start
                try:
                    yield number, raw.decode(codec)
                except UnicodeDecodeError:
                    yield number, None
        else:
            reader = io.TextIOWrapper(binary, encoding=codec, newline="\n")
            for number, line in enumerate(reader, 1):
                yield number, line
    finally:
        if name != "-":
            binary.close()


class _Run:
    """One run of the command: where output and failures go, and what failed."""

    def __init__(self, args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO):
        self.args = args
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.failures = 0
        self.told_dates = False
        self.labels: collections.deque[dict[str, Any]] = collections.deque()

    def fail(self, message: str) -> None:
        """Report a failure now (on standard error), not at the end of the run."""
        self.failures += 1
        self.stderr.write(f"newsparse: error: {message}\n")
        self.stderr.flush()

    def items(self) -> Iterator[tuple[str, Any]]:
        """Each article's text and reference date; its label is queued in order."""
        args = self.args
        for name in args.files:
            try:
                if args.input_jsonl:
                    yield from self._records(name)
                    continue
                if args.html:
                    yield self._page(name)
                    continue
                text = _read(name, args.encoding, self.stdin)
            except UnicodeDecodeError as exc:
                self.fail(
                    f"{name}: not valid {args.encoding} text "
                    f"(byte {exc.object[exc.start]:#04x} at offset {exc.start}); "
                    "convert it to UTF-8 or pass --encoding"
                )
                continue
            except OSError as exc:
                self.fail(f"{name}: {exc.strerror or exc}")
                continue
            self.labels.append({"source": name, _TEXT: self._kept(text)})
            yield text, args.reference_date

    def _page(self, name: str) -> tuple[str, Any]:
        """A web page's extracted text and its reference date; its label is queued."""
        if self.args.encoding is None:
            page: str | bytes = _read_bytes(name, self.stdin)
        else:
            page = _read(name, self.args.encoding, self.stdin)
        text, metadata = extract_html(page)
        self.labels.append(
            {"source": name, "text": text, "metadata": metadata.to_dict(), _TEXT: self._kept(text)}
        )
        return text, self.args.reference_date or metadata.date

    def _records(self, name: str) -> Iterator[tuple[str, Any]]:
        for number, line in _lines(name, self.args.encoding, self.stdin):
            if line is None:
                self.fail(f"{name}, line {number}: not valid {self.args.encoding} text")
                continue
            if not line.strip():
                continue
            record = _jsonl_record(line)
            if isinstance(record, str):
                self.fail(f"{name}, line {number}: {record}")
                continue
            body, reference, extra = record
            self.labels.append({"source": f"{name}:{number}", **extra, _TEXT: self._kept(body)})
            yield body, reference or self.args.reference_date

    def item_failed(self, error: BatchError) -> None:
        label = self.labels.popleft()
        self.fail(f"{label['source']}: {error.reason}")

    def write(self, article: Article) -> None:
        label = self.labels.popleft()
        text = label.pop(_TEXT)
        if text is not None and not self.told_dates and article.published is None:
            self._tell_dates(label["source"], text, article)
        if self.args.table:
            line = self.rows(article, label)
        else:
            record = {**article.to_dict(), **label}
            line = _json.dumps(record, indent=2 if self.pretty else None) + "\n"
        with _interrupts_held():  # a record is written whole, or not at all
            self.stdout.write(line)
            self.stdout.flush()

    def rows(self, article: Article, label: dict[str, Any]) -> str:
        """The rows of ``--table`` for one article, as CSV lines or JSON Lines."""
        article_id = scalar(label["id"]) if "id" in label else label["source"]
        rows = rows_of(article, self.args.table, article_id=article_id, source=label["source"])
        if self.args.format == "jsonl":
            return "".join(_json.dumps(row) + "\n" for row in rows)
        return _csv_lines([[_csv_value(v) for v in row.values()] for row in rows])

    def _kept(self, text: str) -> str | None:
        """The text an article's label keeps until it is written: only while the note
        on relative dates may still be needed (see :meth:`_tell_dates`)."""
        return None if self.told_dates else text

    def _tell_dates(self, source: str, text: str, article: Article) -> None:
        """Say once, on standard error, that relative dates were left out for want of
        a date, and how to give one."""
        left = unresolved_dates(text, article)
        if not left:
            return
        self.told_dates = True
        shown = ", ".join(repr(d.text) for d in left[:3]) + (", ..." if len(left) > 3 else "")
        where = ", nor does the page" if self.args.html else ""
        how = (
            '--reference-date YYYY-MM-DD, or a "reference_date" in each line'
            if self.args.input_jsonl
            else "--reference-date YYYY-MM-DD"
        )
        self.stderr.write(
            f"newsparse: note: {source}: relative dates ({shown}) were left out: "
            f"no dateline with a full date gives the article's date{where}; give it with "
            f"{how} (said once per run)\n"
        )
        self.stderr.flush()

    @property
    def pretty(self) -> bool:
        args = self.args
        return bool(args.pretty) or (
            not args.jsonl
            and not args.input_jsonl
            and len(args.files) == 1
            and _is_terminal(self.stdout)
        )


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
    problem = _usage_problem(args)
    if problem:
        if not args.files and not args.write_cache:
            parser.print_usage(stderr)
        print(f"newsparse: error: {problem}", file=stderr)
        return 2
    if not args.html:  # a web page is read in its declared encoding unless told
        args.encoding = args.encoding or "utf-8"
    try:
        return _run(args, stdin, stdout, stderr)
    except KeyboardInterrupt:
        # Every line written so far is a whole record; say where it stopped, once.
        with contextlib.suppress(OSError, ValueError):
            stdout.flush()
        print("newsparse: interrupted", file=stderr)
        return 130


def _usage_problem(args: argparse.Namespace) -> str | None:
    try:
        codecs.lookup(args.encoding or "utf-8")
    except LookupError:
        return f"unknown encoding {args.encoding!r}"
    if args.html:
        if args.input_jsonl:
            return "--html reads web pages, one a FILE; it does not go with --input-jsonl"
        try:
            require_trafilatura()
        except NewsparseError as exc:
            return f"--html: {exc}"
    if not args.files and not args.write_cache:
        return "give at least one FILE (or --write-cache)"
    if args.write_cache and not args.aliases:
        return "--write-cache needs the tables to write (--aliases)"
    if args.files.count("-") > 1:
        return "standard input (-) can be read only once"
    problem = _table_problem(args)
    if problem:
        return problem
    if args.write_cache:
        return _cache_target_problem(args)
    return None


def _table_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with ``--table`` and ``--format`` together, if anything; sets the
    format of a table (csv) and of the articles (json) when none is given."""
    if args.table is None:
        if args.format == "csv":
            return "--format csv writes a flat table: name it with --table (" + _TABLE_NAMES + ")"
        if args.format == "jsonl":
            args.jsonl = True  # the articles, one line each
        return None
    args.format = args.format or "csv"
    if args.format == "json":
        return "--table writes rows: give --format csv or --format jsonl, or leave --table out"
    if args.jsonl or args.pretty:
        return "--jsonl and --pretty shape the articles' JSON; with --table, use --format"
    return None


_TABLE_NAMES = ", ".join(RECORD_COLUMNS)


def _csv_lines(rows: list[list[str]]) -> str:
    """Rows as CSV text: fields quoted when they need it, lines ended by ``\\n``."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _csv_value(value: Any) -> str:
    """A value as a CSV field: empty for null, ``true``/``false``, text as UTF-8 can
    hold it (a lone surrogate, which no UTF-8 file can, becomes U+FFFD)."""
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    return _json.replace_surrogates(str(value))


def _cache_target_problem(args: argparse.Namespace) -> str | None:
    """Why --write-cache must not write where it was told to, if it must not."""
    target = args.write_cache
    for given in [*args.aliases, *(f for f in args.files if f != "-")]:
        if _same_file(target, given):
            return f"--write-cache {target} would overwrite an input file; name another file"
    if os.path.exists(target) and not args.force:
        return f"--write-cache {target} exists; pass --force to replace it"
    return None


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist
        return os.path.abspath(one) == os.path.abspath(other)


def _table(args: argparse.Namespace, stderr: TextIO) -> tuple[AliasTable | None, int]:
    """The alias table of ``--aliases``, written to ``--write-cache`` when asked, and the
    exit status so far: the table is ``None`` (and the status not 0) when it failed."""
    try:
        table = AliasTable.from_files(args.aliases)
    except NewsparseError as exc:
        print(f"newsparse: error: alias table: {exc}", file=stderr)
        return None, 2
    if args.write_cache:
        try:
            table.save_cache(args.write_cache)
        except OSError as exc:
            print(f"newsparse: error: {args.write_cache}: {exc.strerror or exc}", file=stderr)
            return None, 1
    return table, 0


def _run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    table = None
    if args.aliases:
        table, status = _table(args, stderr)
        if table is None or (args.write_cache and not args.files):
            return status
    run = _Run(args, stdin, stdout, stderr)
    processes = args.processes or (
        (os.cpu_count() or 1) if args.input_jsonl or len(args.files) >= _MANY_FILES else 1
    )
    progress = (
        _Progress(stderr)
        if _is_terminal(stderr) and (args.input_jsonl or len(args.files) > 1)
        else None
    )
    articles = parse_many(run.items(), aliases=table, processes=processes, on_error=run.item_failed)
    try:
        if args.table and args.format == "csv":  # the header, even when no row follows
            stdout.write(_csv_lines([list(RECORD_COLUMNS[args.table])]))
        for article in articles:
            run.write(article)
            if progress is not None:
                progress.tick()
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly.
        if stdout is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        articles.close()
        if progress is not None:
            progress.done()
    return 1 if run.failures else 0


# The label key that keeps an article's text until it is written (never written).
_TEXT = "\0text"

# From this many files on, the command parses in worker processes.
_MANY_FILES = 16


def _jsonl_record(line: str) -> tuple[str, Any, dict[str, Any]] | str:
    """An input line: the text, its reference date and extra keys, or what is wrong."""
    try:
        data = json.loads(line)
    except RecursionError:
        return "not valid JSON (nested too deeply)"
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


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C held back until the block is done, then delivered as it would have been.

    A large record goes to a pipe in several writes; an interrupt between two of
    them would leave half a line of JSON behind.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            if callable(previous):
                previous(signal.SIGINT, None)
            elif previous == signal.SIG_DFL:
                raise KeyboardInterrupt


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
