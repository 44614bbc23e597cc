"""The `facilitator` command. Subcommands without a screen never import Textual."""

import argparse
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
from facilitator.agenda.schema import agenda_schema_text

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run group and peer mentoring sessions from a TOML agenda.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser("run", help="run a session from an agenda")
    run.add_argument("agenda", metavar="AGENDA", help="a path, or a bundled agenda's name")
    check = commands.add_parser("check", help="validate agenda files")
    check.add_argument("agendas", metavar="AGENDA", nargs="+", help="paths or bundled names")
    commands.add_parser("list", help="bundled agendas and those in this folder")
    commands.add_parser("schema", help="print the agenda JSON Schema, for editors")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run one subcommand; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.agendas)
    if args.command == "list":
        return list_agendas()
    if args.command == "schema":
        sys.stdout.write(agenda_schema_text())
        return EXIT_OK
    if args.command == "run":
        return run(args.agenda)
    parser.print_help()
    return EXIT_USAGE


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
        print(
            f"{loaded.source}: ok: {agenda.title}, {len(agenda.segments)} segments, "
            f"{format_duration(agenda.total_seconds)}"
        )
    return status


def list_agendas() -> int:
    """A table of the agendas that `run` can open by name."""
    rows = [("NAME", "TITLE", "FORMAT", "TIME")]
    for entry in local_agendas(Path.cwd()) + bundled_agendas():
        try:
            agenda = load_agenda(entry.path).agenda
        except AgendaError:
            rows.append((entry.name, "(invalid: see facilitator check)", "", ""))
            continue
        rows.append(
            (entry.name, agenda.title, agenda.format or "", format_duration(agenda.total_seconds))
        )
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
            + "  "
            + row[3]
        )
    return EXIT_OK


def run(wanted: str) -> int:
    """Open the live session screen on an agenda."""
    try:
        loaded = load_agenda(find_agenda(wanted, Path.cwd()))
    except AgendaError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    from facilitator.tui.app import make_app  # Textual only loads when a screen is shown.

    make_app(loaded.agenda).run()
    return EXIT_OK
