"""The `facilitator` command. Subcommands without a screen never import Textual."""

import argparse
import sys
from collections.abc import Callable, Sequence
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
from facilitator.session import (
    JournalError,
    Session,
    SessionRecord,
    SystemClock,
    data_home,
    find_session,
    recorded_sessions,
)
from facilitator.session.carry import from_last_session
from facilitator.session.events import CarriedItem
from facilitator.session.journal import JOURNAL, read_journal
from facilitator.summary import FORMATS, Format, build_report, copy_message, copy_to_system, osc52
from facilitator.summary.render import render

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


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
    resume = commands.add_parser("resume", help="continue an interrupted session")
    resume.add_argument("session", metavar="SESSION", nargs="?", default="last")
    resume.add_argument("--quiet", action="store_true", help="no terminal bell at time-up")
    check = commands.add_parser("check", help="validate agenda files")
    check.add_argument("agendas", metavar="AGENDA", nargs="+", help="paths or bundled names")
    commands.add_parser("list", help="bundled agendas and those in this folder")
    commands.add_parser("schema", help="print the agenda JSON Schema, for editors")
    commands.add_parser("sessions", help="recorded sessions, newest first")
    summary = commands.add_parser("summary", help="a recorded session's summary on stdout")
    summary.add_argument("session", metavar="SESSION", nargs="?", default="last")
    summary.add_argument("--format", choices=FORMATS, default="markdown")
    summary.add_argument("--copy", action="store_true", help="also put it on the clipboard")
    summary.add_argument(
        "--include-private", action="store_true", help="include #private and confidential items"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run one subcommand; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "check":
        return check(args.agendas)
    if args.command == "list":
        return list_agendas()
    if args.command == "schema":
        sys.stdout.write(agenda_schema_text())
        return EXIT_OK
    home = data_home(args.home)
    try:
        if args.command == "sessions":
            return list_sessions(home)
        if args.command == "summary":
            return print_summary(home, args.session, args.format, args.copy, args.include_private)
        if args.command == "resume":
            return _screen(
                home, quiet=args.quiet, session=_reopen(find_session(home, args.session))
            )
        if args.command == "run":
            loaded = load_agenda(find_agenda(args.agenda, Path.cwd()))
            return _screen(home, quiet=args.quiet, session=_starter(home)(loaded.source))
        return _screen(home)
    except (AgendaError, JournalError) as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID


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


def list_sessions(home: Path) -> int:
    """Recorded sessions, newest first, with whether they ended."""
    records = recorded_sessions(home)
    if not records:
        print(f"No recorded sessions in {home / 'sessions'}.")
        return EXIT_OK
    for record in records:
        state = "ended" if record.ended else "unfinished: facilitator resume " + record.id
        print(f"{record.id}  {record.created:%a %d %b %Y %H:%M}  {record.title}  ({state})")
    return EXIT_OK


def print_summary(home: Path, wanted: str, format: Format, copy: bool, private: bool) -> int:
    """A recorded session's summary on stdout; with --copy, on the clipboard too."""
    record = find_session(home, wanted)
    recorded = read_journal(record.folder / JOURNAL)
    for warning in recorded.warnings:
        print(warning, file=sys.stderr)
    text = render(build_report(recorded.replay(), record.id, include_private=private), format)
    if copy:
        copied = copy_to_system(text, quiet_stdout=True)
        terminal = not copied.ok and _send_osc52(text)
        summary = record.folder / "summary.md"
        print(
            copy_message(copied, terminal, summary if summary.exists() else None), file=sys.stderr
        )
    sys.stdout.write(text)
    return EXIT_OK


def _send_osc52(text: str) -> bool:
    """Ask the terminal to take the text (OSC 52), when there is a terminal to ask."""
    try:
        with open("/dev/tty", "w", encoding="utf-8") as tty:
            tty.write(osc52(text))
    except OSError:
        return False
    return True


def _starter(home: Path) -> Callable[[str | Path], Session]:
    def start(path: str | Path) -> Session:
        agenda = load_agenda(Path(path)).agenda
        carried: list[CarriedItem] = []
        if agenda.series:
            carried = from_last_session(home, agenda.series)[1]
        return Session.begin(agenda, SystemClock(), home, str(path), carried)

    return start


def _reopen(record: SessionRecord) -> Session:
    return Session.reopen(record.folder, SystemClock())


def _screen(home: Path, *, quiet: bool = False, session: Session | None = None) -> int:
    """Open the app: on a session, or on the picker."""
    from facilitator.tui.app import make_app  # Textual only loads when a screen is shown.
    from facilitator.tui.launcher import Launcher

    launcher = Launcher(
        start=_starter(home),
        resume=_reopen,
        agendas=local_agendas(Path.cwd()) + bundled_agendas(),
        unfinished=[record for record in recorded_sessions(home) if not record.ended],
    )
    make_app(session, launcher, quiet=quiet).run()
    return EXIT_OK
