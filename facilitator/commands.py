"""The commands that record sessions, report them, or open a screen.

`cli.py` loads this module only for them, so `check`, `list` and `schema` stay light.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator import room_commands
from facilitator.agenda import (
    AgendaError,
    AgendaFile,
    bundled_agendas,
    find_agenda,
    load_agenda,
    local_agendas,
)
from facilitator.files import write_atomically
from facilitator.opening import begin, refuse_early, reopen, resumed, starter
from facilitator.prompts import (
    NoTerminalError,
    ask_yes,
    interactive,
    need_terminal,
    unfinished_of,
)
from facilitator.session import (
    JournalError,
    Session,
    SessionRecord,
    SystemClock,
    data_home,
    find_session,
    recorded_sessions,
)
from facilitator.session.journal import JOURNAL, read_journal
from facilitator.session.phrases import moment_text
from facilitator.session.presence import writer_alive
from facilitator.session.records import usable
from facilitator.startup import hold_collection, loading, release_collection
from facilitator.text import clean

if TYPE_CHECKING:  # the editor's and the summaries' code loads only for their commands
    from facilitator.agenda.draft import AgendaDraft
    from facilitator.summary.formats import Chat, Format

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def run(args: argparse.Namespace) -> int:
    """Run a session command; a bad agenda or journal is one clear message, exit 1."""
    home = data_home(args.home)
    try:
        if args.command == "sessions":
            return list_sessions(home)
        if args.command == "end":
            return room_commands.end_session(home, args.session)
        if args.command == "summary":
            return print_summary(
                home, args.session, (args.format, args.chat), args.copy, args.include_private
            )
        if args.command == "resume":
            record = find_session(home, args.session, unfinished=True)
            refuse_early(record)
            need_terminal(args.command)
            session = resumed(record, args.reopen)
            if session is None:
                return EXIT_INVALID
            return _screen(home, quiet=args.quiet, session=session)
        if args.command in ("history", "resources"):
            from facilitator import history_commands  # the series' code loads only for these

            if args.command == "history":
                return history_commands.history(
                    home, args.series, args.format, args.include_private
                )
            return history_commands.resources(
                home, args.query, args.series, args.format, args.include_private
            )
        if args.command == "display":
            return room_commands.display(home, args.session, args)
        if args.command == "new":
            return new_agenda(home, args.path, args.source, edit=not args.no_edit)
        if args.command == "edit":
            from facilitator.agenda.draft import AgendaDraft

            draft = AgendaDraft.open(args.path)
            need_terminal(args.command)
            return _screen(home, draft=draft)
        if args.command == "run":
            loaded = load_agenda(find_agenda(args.agenda, Path.cwd()))
            unfinished = None if args.new else unfinished_of(home, loaded.source)
            need_terminal(args.command)
            session = reopen(unfinished) if unfinished else begin(home, loaded)
            return _screen(home, quiet=args.quiet, session=session)
        need_terminal(args.command)
        return _screen(home)
    except NoTerminalError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # ctrl+c at a question
        print("\nInterrupted: nothing was done.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except EOFError:  # ctrl+d, or no input, at a question
        print("\nNo answer: nothing was done.", file=sys.stderr)
        return EXIT_INVALID
    except (AgendaError, JournalError) as error:
        print(clean(str(error)), file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        raise  # `| head` has read enough: the command line stops quietly
    except OSError as error:  # a folder that cannot be written, a disk that is full
        where = f"{error.filename}: " if error.filename else ""
        print(clean(f"{where}{error.strerror or error}"), file=sys.stderr)
        return EXIT_INVALID


def list_sessions(home: Path) -> int:
    """Recorded sessions, newest first, with whether they ended."""
    records = recorded_sessions(home)
    if not records:
        print(f"No recorded sessions in {home / 'sessions'}.")
        return EXIT_OK
    for record in records:
        if record.problem:
            print(clean(f"{record.id}  DAMAGED: {record.problem}", one_line=True))
            continue
        state = "ended" if record.ended else _unfinished_words(record)
        title = clean(record.title, one_line=True)
        when = moment_text(record.created)  # local time, as the summary says it
        print(clean(f"{record.id}  {when}  {title}  ({state})", one_line=True))
    return EXIT_OK


def _unfinished_words(record: SessionRecord) -> str:
    """A session still open in a window, or one whose window is gone (a ghost)."""
    if writer_alive(record.folder):
        return "running: open in a window now"
    try:
        written = dt.datetime.fromtimestamp((record.folder / JOURNAL).stat().st_mtime)
    except OSError:
        return f"unfinished: facilitator resume {record.id}"
    return (
        f"closed {written.astimezone():%H:%M}, not ended: "
        f"facilitator resume {record.id}, or facilitator end {record.id}"
    )


def print_summary(
    home: Path, wanted: str, format: tuple[Format, Chat], copy: bool, private: bool
) -> int:
    """A recorded session's summary on stdout; with --copy, on the clipboard too."""
    # The summary's code (and the clipboard's) loads only for this command, not on the
    # way to a session's first frame.
    from facilitator.session.facts import facts_of
    from facilitator.summary.clipboard import copy_message, copy_to_system
    from facilitator.summary.render import render
    from facilitator.summary.report import build_report

    record = find_session(home, wanted)
    try:
        recorded = read_journal(record.folder / JOURNAL)
    except JournalError as error:
        from facilitator.salvage import print_readable_captures

        return print_readable_captures(record.folder / JOURNAL, error, private)
    for warning in recorded.warnings:
        print(clean(warning), file=sys.stderr)
    facts = facts_of(recorded.replay(), record.id, SystemClock().now())
    text = render(build_report(facts, include_private=private), *format)
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
    from facilitator.summary.clipboard import osc52

    try:
        with open("/dev/tty", "w", encoding="utf-8") as tty:
            tty.write(osc52(text))
    except OSError:
        return False
    return True


def new_agenda(home: Path, path: Path, source: str, *, edit: bool) -> int:
    """Write a new agenda from a bundled one; then, in a terminal, open it in the editor."""
    from facilitator.agenda.draft import AgendaDraft
    from facilitator.agenda.schema import write_schema_beside
    from facilitator.agenda.writing import agenda_data, toml_text

    agenda = load_agenda(find_agenda(source, Path.cwd())).agenda
    if agenda.series is not None:  # a circle of its own: not the template's items and history
        agenda = agenda.model_copy(update={"series": series_named_after(path)})
    in_terminal = interactive()
    if path.exists():
        if not in_terminal:
            print(f"{path}: exists; not overwritten", file=sys.stderr)
            return EXIT_INVALID
        if not ask_yes(f"{path} exists. Overwrite it? [y/N] ", default=False):
            print("Nothing written.", file=sys.stderr)
            return EXIT_INVALID
    write_atomically(path, toml_text(agenda_data(agenda)), private=False)
    schema = write_schema_beside(path.parent)  # so the `#:schema` line resolves
    series = f', series "{agenda.series}"' if agenda.series else ""
    print(clean(f"Wrote {path} (from {source}{series}); its schema is {schema}."))
    if edit and in_terminal:
        return _screen(home, draft=AgendaDraft.open(path))
    return EXIT_OK


def series_named_after(path: Path) -> str | None:
    """A new agenda's own series, from its file's name: `New Managers.toml` is `new-managers`."""
    words = re.findall(r"[^\W_]+", path.stem.casefold())
    return "-".join(words)[:100].strip("-") or None


def _editable(entry: AgendaFile) -> AgendaDraft:
    """A local agenda opens as it is; a bundled one as a copy to save in this folder."""
    from facilitator.agenda.draft import AgendaDraft

    if entry.origin == "local":
        return AgendaDraft.open(entry.path)
    copy = Path.cwd() / entry.path.name
    if copy.exists():
        return AgendaDraft.open(copy)
    return AgendaDraft.unsaved(load_agenda(entry.path).agenda, copy)


def _series_markdown(home: Path, series: str) -> str:
    from facilitator.summary.history_render import series_markdown  # only when asked for

    return series_markdown(home, series, SystemClock().now())


def _screen(
    home: Path,
    *,
    quiet: bool = False,
    session: Session | None = None,
    draft: AgendaDraft | None = None,
) -> int:
    """Open the app: on a session, or on the picker."""
    hold_collection()  # until the app has drawn its first screen
    with loading():  # Textual only loads when a screen is shown.
        from facilitator.tui.app import make_app
        from facilitator.tui.launcher import Launcher

    launcher = Launcher(
        start=starter(home),
        resume=reopen,
        edit=_editable,
        end=room_commands.end_record,
        history=partial(_series_markdown, home),
    )
    if session is None and draft is None:  # the picker: what there is to choose from
        launcher.agendas = local_agendas(Path.cwd()) + bundled_agendas()
        launcher.unfinished = [r for r in usable(recorded_sessions(home)) if not r.ended]
    from facilitator.tui.crash import CRASH_LOG

    app = make_app(session, launcher, quiet=quiet, draft=draft, crash_log=home / CRASH_LOG)
    try:
        app.run()
    finally:
        release_collection()  # an app closed before its first screen settled
    return app.return_code or EXIT_OK
