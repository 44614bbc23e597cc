"""The `facilitator` command. Subcommands without a screen never import Textual."""
# PYTHON_ARGCOMPLETE_OK

from __future__ import annotations

import argparse
import os
import sys

# Only argparse here: `--version`, `--help` and Tab completion answer without loading
# pydantic or Textual (nor pathlib or typing, for `--version`); each command loads its own.
from facilitator import __version__

TYPE_CHECKING = False  # typing's own flag would import typing
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

EXIT_OK, EXIT_INVALID = 0, 1


def _parser() -> argparse.ArgumentParser:
    from pathlib import Path

    from facilitator.cli_help import HelpFormatter, describe
    from facilitator.summary.formats import CHATS, FORMATS, SERIES_FORMATS

    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run group and peer mentoring sessions from a TOML agenda.\n"
        "Without a command, opens a picker of agendas.",
        epilog="examples:\n  facilitator run peer-circle\n  facilitator summary last --format chat",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument(
        "--home", metavar="DIR", help="the data folder (default: $FACILITATOR_HOME, else per user)"
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_SubcommandParser
    )
    run = commands.add_parser("run", help="run a session from an agenda")
    run.add_argument("agenda", metavar="AGENDA", help="a path, or a bundled agenda's name")
    run.add_argument("--quiet", action="store_true", help="no terminal bell at time-up")
    run.add_argument(
        "--new", action="store_true", help="start a new session even if one is unfinished"
    )
    resume = commands.add_parser("resume", help="continue an interrupted session")
    resume.add_argument("session", metavar="SESSION", nargs="?", default="last", help=SESSION)
    resume.add_argument("--quiet", action="store_true", help="no terminal bell at time-up")
    resume.add_argument(
        "--reopen", action="store_true", help="reopen an ended session without asking"
    )
    display = commands.add_parser(
        "display", help="what the room sees: follow a session read-only from another window"
    )
    display.add_argument(
        "session", metavar="SESSION", nargs="?", default="last", help=SESSION + ", or waits"
    )
    display.add_argument(
        "--serve", action="store_true", help="serve the display to a browser (needs [web])"
    )
    display.add_argument(
        "--host", default="127.0.0.1", help="with --serve: the address; 127.0.0.1 is this machine"
    )
    display.add_argument(
        "--port", type=_port, default=8000, help="with --serve, 1-65535 (default: 8000)"
    )
    display.add_argument(
        "--max-viewers",
        type=_at_least_one,
        default=10,
        help="with --serve: pages open at once, each a process (default: 10)",
    )
    history = commands.add_parser("history", help="a series: sessions, attendance, ledger")
    history.add_argument(
        "series", metavar="SERIES", nargs="?", help="a series' name (default: list each series)"
    )
    history.add_argument(
        "--format",
        choices=SERIES_FORMATS,
        help="markdown, text or json (default: text in a terminal, else markdown)",
    )
    history.add_argument("--include-private", action="store_true", help="include private items")
    library = commands.add_parser("resources", help="every resource shared, newest first")
    library.add_argument(
        "query", metavar="QUERY", nargs="?", default="", help="words or a link to look for"
    )
    library.add_argument("--series", metavar="SERIES", help="only this series' sessions")
    library.add_argument("--format", choices=SERIES_FORMATS, default="markdown", help=FORMAT)
    library.add_argument("--include-private", action="store_true", help="include private items")
    check = commands.add_parser("check", help="validate agenda files")
    check.add_argument("agendas", metavar="AGENDA", nargs="+", help="paths or bundled names")
    commands.add_parser("list", help="bundled agendas and those in this folder")
    schema = commands.add_parser("schema", help="print the agenda JSON Schema, for editors")
    which = schema.add_mutually_exclusive_group()
    which.add_argument(
        "--write", metavar="DIR", type=Path, help="write agenda.schema.json into DIR instead"
    )
    for document in ("summary", "history", "resources"):
        which.add_argument(
            f"--{document}",
            action="store_const",
            dest="document",
            const=document,
            help=f"the schema of `{document} --format json` instead",
        )
    commands.add_parser("sessions", help="recorded sessions, newest first")
    end = commands.add_parser(
        "end", help="end an unfinished session whose window is gone, writing its summary"
    )
    end.add_argument(
        "session", metavar="SESSION", help="a session id, or last for the newest unfinished one"
    )
    new = commands.add_parser("new", help="a new agenda from a bundled one, then the editor")
    new.add_argument("path", metavar="PATH", type=Path, help="the agenda file to write")
    new.add_argument(
        "--from", dest="source", metavar="NAME", default="peer-circle", help="a bundled agenda"
    )
    new.add_argument("--no-edit", action="store_true", help="write the file, open no editor")
    edit = commands.add_parser("edit", help="the agenda editor")
    edit.add_argument("path", metavar="PATH", type=Path, help="the agenda file to edit")
    summary = commands.add_parser("summary", help="a recorded session's summary on stdout")
    summary.add_argument("session", metavar="SESSION", nargs="?", default="last", help=SESSION)
    summary.add_argument("--format", choices=FORMATS, default="markdown", help=FORMAT)
    summary.add_argument(
        "--chat", choices=CHATS, default="plain", help="with --format chat: which chat's rules"
    )
    summary.add_argument("--copy", action="store_true", help="also put it on the clipboard")
    summary.add_argument(
        "--include-private", action="store_true", help="include #private and confidential items"
    )
    for name, command in commands.choices.items():
        describe(name, command)
    return parser


SESSION = "a session id from `facilitator sessions`, or last for the newest"
FORMAT = "how to print it"


class _SubcommandParser(argparse.ArgumentParser):
    """Subcommands format their help as the main parser does."""

    def __init__(self, **kwargs: object) -> None:
        from facilitator.cli_help import HelpFormatter

        super().__init__(formatter_class=HelpFormatter, **kwargs)  # type: ignore[arg-type]


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 1 to 65535, not {text!r}")
    return int(text)


def _at_least_one(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a number from 1 up, not {text!r}")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run one subcommand; returns the exit status."""
    status = None
    try:
        status = _run(argv)
        sys.stdout.flush()  # now, where a closed pipe is caught, not as the interpreter exits
        return status
    except BrokenPipeError:  # the reader stopped reading (`| head`): end quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more to write
        return EXIT_INVALID if status is None else status  # cut short: not known to be fine


def _run(argv: Sequence[str] | None) -> int:
    if (sys.argv[1:] if argv is None else list(argv)) == ["--version"]:
        print(f"facilitator {__version__}")  # at once: no parser to build for this
        return EXIT_OK
    from facilitator.startup import without_pydantic_plugins

    without_pydantic_plugins()
    parser = _parser()
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions: nothing else runs
        from facilitator.completion import complete

        complete(parser)
    args = parser.parse_args(argv)
    from facilitator.files import NO_LOCKS, can_lock

    if args.command in (None, "run", "resume") and not can_lock():
        print(f"facilitator: {NO_LOCKS}", file=sys.stderr)  # before any screen opens
        return EXIT_INVALID
    if args.command == "check":
        return check(args.agendas)
    if args.command == "list":
        return list_agendas()
    if args.command == "schema":
        return schema(args.write, args.document)
    # The rest need the session layer or a screen: load them only now.
    from facilitator.startup import loading

    with loading():
        from facilitator import commands

    return commands.run(args)


def schema(folder: Path | None, document: str | None) -> int:
    """A JSON Schema on stdout, or the agenda's written into a folder."""
    from facilitator.agenda.schema import agenda_schema_text, write_schema_beside

    if document is not None:
        from facilitator.summary.schemas import output_schema_text

        sys.stdout.write(output_schema_text(document))
        return EXIT_OK
    if folder is None:
        sys.stdout.write(agenda_schema_text())
        return EXIT_OK
    try:
        print(f"Wrote {write_schema_beside(folder, replace=True)}.")
    except OSError as error:
        from facilitator.text import clean

        print(clean(f"{folder}: {error.strerror}"), file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def check(wanted: list[str]) -> int:
    """Validate each agenda; print every problem; exit 1 if any agenda is invalid."""
    from pathlib import Path

    from facilitator.startup import loading

    with loading():
        from facilitator.agenda import AgendaError, find_agenda, format_duration, load_agenda
        from facilitator.text import clean, counted

    status = EXIT_OK
    for name in wanted:
        try:
            loaded = load_agenda(find_agenda(name, Path.cwd()))
        except AgendaError as error:
            print(error, file=sys.stderr)
            status = EXIT_INVALID
            continue
        for warning in loaded.warnings:
            print(warning.render(loaded.source), file=sys.stderr)
        agenda = loaded.agenda
        count = len(agenda.segments)
        ok = f"{loaded.source}: ok: {agenda.title}, {counted(count, 'segment')}, "
        print(clean(ok + format_duration(agenda.total_seconds), one_line=True))
    return status


def _cells(text: str) -> int:
    """Terminal cells `text` takes (a CJK letter two), as `rich.cells` counts them, without
    loading rich: `list` stays as light as `check`."""
    import unicodedata

    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def list_agendas() -> int:
    """A table of the agendas that `run` can open by name."""
    from pathlib import Path

    from facilitator.agenda import (
        AgendaError,
        bundled_agendas,
        format_duration,
        load_agenda,
        local_agendas,
    )
    from facilitator.text import clean

    rows = [("NAME", "TITLE", "FORMAT", "TIME")]
    for entry in local_agendas(Path.cwd()) + bundled_agendas():
        try:
            agenda = load_agenda(entry.path).agenda
        except AgendaError:
            rows.append((clean(entry.name), "(invalid: see facilitator check)", "", ""))
            continue
        duration = format_duration(agenda.total_seconds)
        rows.append((clean(entry.name), agenda.title, agenda.format or "", duration))
    widths = [max(_cells(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        print(
            "  ".join(cell + " " * (w - _cells(cell)) for cell, w in zip(row, widths, strict=False))
            + "  "
            + row[3]
        )
    return EXIT_OK
