"""The `facilitator` command. Subcommands without a screen never import Textual."""
# PYTHON_ARGCOMPLETE_OK

from __future__ import annotations

import os
import sys

# Nothing more here: `--version`, `--help` and Tab completion answer without loading pydantic
# or Textual (nor argparse, pathlib or typing, for `--version`); each command loads its own.
from facilitator import __version__

TYPE_CHECKING = False  # typing's own flag would import typing
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

EXIT_OK, EXIT_INVALID = 0, 1


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
    words = sys.argv[1:] if argv is None else list(argv)
    if words == ["--version"]:
        print(f"facilitator {__version__}")  # at once: no parser to build for this
        return EXIT_OK
    from facilitator.startup import without_pydantic_plugins

    without_pydantic_plugins()
    from facilitator.cli_help import HELP
    from facilitator.cli_parser import parser as command_line

    completing = "_ARGCOMPLETE" in os.environ
    parser = command_line(words[0] if words and words[0] in HELP and not completing else None)
    if completing:  # the shell asks for completions: nothing else runs
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
