"""The `facilitator` command. Subcommands without a screen never import Textual."""
# PYTHON_ARGCOMPLETE_OK

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from facilitator import __version__
from facilitator.agenda import (
    AgendaError,
    bundled_agendas,
    find_agenda,
    format_duration,
    load_agenda,
    local_agendas,
)
from facilitator.agenda.schema import agenda_schema_text, write_schema_beside
from facilitator.summary.formats import FORMATS
from facilitator.text import clean

EXIT_OK, EXIT_INVALID = 0, 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run group and peer mentoring sessions from a TOML agenda. "
        "Without a command, opens a picker of agendas.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument(
        "--home", metavar="DIR", help="the data folder (default: $FACILITATOR_HOME, else per user)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser("run", help="run a session from an agenda")
    run.add_argument("agenda", metavar="AGENDA", help="a path, or a bundled agenda's name")
    run.add_argument("--quiet", action="store_true", help="no terminal bell at time-up")
    run.add_argument(
        "--new", action="store_true", help="start a new session even if one is unfinished"
    )
    resume = commands.add_parser("resume", help="continue an interrupted session")
    resume.add_argument("session", metavar="SESSION", nargs="?", default="last")
    resume.add_argument("--quiet", action="store_true", help="no terminal bell at time-up")
    resume.add_argument(
        "--reopen", action="store_true", help="reopen an ended session without asking"
    )
    display = commands.add_parser(
        "display", help="what the room sees: follow a session read-only from another window"
    )
    display.add_argument("session", metavar="SESSION", nargs="?", default="last")
    display.add_argument(
        "--serve", action="store_true", help="serve the display to a browser (needs [web])"
    )
    display.add_argument("--host", default="127.0.0.1", help="with --serve (default: localhost)")
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
    history.add_argument("series", metavar="SERIES", nargs="?")
    history.add_argument("--format", choices=FORMATS, default="markdown")
    history.add_argument("--include-private", action="store_true", help="include private items")
    library = commands.add_parser("resources", help="every resource shared, newest first")
    library.add_argument("query", metavar="QUERY", nargs="?", default="")
    library.add_argument("--series", metavar="SERIES")
    library.add_argument("--format", choices=FORMATS, default="markdown")
    library.add_argument("--include-private", action="store_true", help="include private items")
    check = commands.add_parser("check", help="validate agenda files")
    check.add_argument("agendas", metavar="AGENDA", nargs="+", help="paths or bundled names")
    commands.add_parser("list", help="bundled agendas and those in this folder")
    schema = commands.add_parser("schema", help="print the agenda JSON Schema, for editors")
    schema.add_argument(
        "--write", metavar="DIR", type=Path, help="write agenda.schema.json into DIR instead"
    )
    commands.add_parser("sessions", help="recorded sessions, newest first")
    end = commands.add_parser(
        "end", help="end an unfinished session whose window is gone, writing its summary"
    )
    end.add_argument("session", metavar="SESSION")
    new = commands.add_parser("new", help="a new agenda from a bundled one, then the editor")
    new.add_argument("path", metavar="PATH", type=Path)
    new.add_argument("--from", dest="source", metavar="NAME", default="peer-circle")
    new.add_argument("--no-edit", action="store_true", help="write the file, open no editor")
    edit = commands.add_parser("edit", help="the agenda editor")
    edit.add_argument("path", metavar="PATH", type=Path)
    summary = commands.add_parser("summary", help="a recorded session's summary on stdout")
    summary.add_argument("session", metavar="SESSION", nargs="?", default="last")
    summary.add_argument("--format", choices=FORMATS, default="markdown")
    summary.add_argument("--copy", action="store_true", help="also put it on the clipboard")
    summary.add_argument(
        "--include-private", action="store_true", help="include #private and confidential items"
    )
    return parser


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
    parser = _parser()
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions: nothing else runs
        from facilitator.completion import complete

        complete(parser)
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.agendas)
    if args.command == "list":
        return list_agendas()
    if args.command == "schema":
        if args.write is None:
            sys.stdout.write(agenda_schema_text())
            return EXIT_OK
        try:
            print(f"Wrote {write_schema_beside(args.write, replace=True)}.")
        except OSError as error:
            print(clean(f"{args.write}: {error.strerror}"), file=sys.stderr)
            return EXIT_INVALID
        return EXIT_OK
    # The rest need the session layer or a screen: load them only now.
    from facilitator import commands

    return commands.run(args)


def check(wanted: list[str]) -> int:
    """Validate each agenda; print every problem; exit 1 if any agenda is invalid."""
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
        ok = f"{loaded.source}: ok: {agenda.title}, {len(agenda.segments)} segments, "
        print(clean(ok + format_duration(agenda.total_seconds), one_line=True))
    return status


def list_agendas() -> int:
    """A table of the agendas that `run` can open by name."""
    rows = [("NAME", "TITLE", "FORMAT", "TIME")]
    for entry in local_agendas(Path.cwd()) + bundled_agendas():
        try:
            agenda = load_agenda(entry.path).agenda
        except AgendaError:
            rows.append((clean(entry.name), "(invalid: see facilitator check)", "", ""))
            continue
        rows.append(
            (
                clean(entry.name),
                agenda.title,
                agenda.format or "",
                format_duration(agenda.total_seconds),
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
            + "  "
            + row[3]
        )
    return EXIT_OK
