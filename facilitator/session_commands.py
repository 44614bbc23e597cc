"""The commands that record, resume and report sessions; `cli.py` loads this on demand."""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from facilitator.agenda import AgendaError, bundled_agendas, find_agenda, load_agenda, local_agendas
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
from facilitator.summary.clipboard import copy_message, copy_to_system, osc52
from facilitator.summary.formats import Format
from facilitator.summary.render import render
from facilitator.summary.report import build_report

EXIT_OK, EXIT_INVALID = 0, 1


def run(args: argparse.Namespace) -> int:
    """Run a session command; a bad agenda or journal is one clear message, exit 1."""
    home = data_home(args.home)
    try:
        if args.command == "sessions":
            return list_sessions(home)
        if args.command == "summary":
            return print_summary(home, args.session, args.format, args.copy, args.include_private)
        if args.command == "resume":
            session = _reopen(find_session(home, args.session))
            return _screen(home, quiet=args.quiet, session=session)
        if args.command == "run":
            loaded = load_agenda(find_agenda(args.agenda, Path.cwd()))
            return _screen(home, quiet=args.quiet, session=_starter(home)(loaded.source))
        return _screen(home)
    except (AgendaError, JournalError) as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID


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

    launcher = None
    if session is None:  # the picker: what there is to choose from
        launcher = Launcher(
            start=_starter(home),
            resume=_reopen,
            agendas=local_agendas(Path.cwd()) + bundled_agendas(),
            unfinished=[record for record in recorded_sessions(home) if not record.ended],
        )
    make_app(session, launcher, quiet=quiet).run()
    return EXIT_OK
