"""Recording a session: each event goes to the journal, then to the state, in that order."""

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from facilitator.agenda.model import Agenda
from facilitator.session import events as ev
from facilitator.session.clock import Clock
from facilitator.session.guards import Command, refusal
from facilitator.session.journal import JOURNAL, Header, new_header, read_journal
from facilitator.session.presence import announce, withdraw
from facilitator.session.records import keep_listing, new_session_folder, record_of
from facilitator.session.reducer import apply, replay
from facilitator.session.state import State
from facilitator.session.writer import Journal, hold_lock, release_lock


@dataclass(frozen=True)
class Outcome:
    """What a command did, in words the facilitator can be shown."""

    done: bool
    message: str = ""
    saved: bool = True
    """False when the journal could not be written: the session goes on in memory."""


def refused(message: str) -> Outcome:
    return Outcome(False, message)


class Recorder:
    """A session's events, its journal and its state; `Session` adds the commands."""

    def __init__(
        self,
        agenda: Agenda,
        clock: Clock,
        *,
        journal: Journal | None = None,
        header: Header | None = None,
        events: list[ev.Event] | None = None,
    ) -> None:
        self.clock = clock
        self.journal = journal
        self.header = header or new_header(agenda, "unsaved", clock.now(), source="")
        self.events: list[ev.Event] = list(events or [])
        self.state: State = self._replayed()
        self.unsaved_items: set[int] = set()
        self.warnings: list[str] = []

    @classmethod
    def begin(
        cls,
        agenda: Agenda,
        clock: Clock,
        home: Path,
        source: str,
        carried: list[ev.CarriedItem] | None = None,
        previous: str | None = None,
    ) -> Self:
        """A new session with a journal in a folder of its own (and last time's open items)."""
        created = clock.now()
        folder = new_session_folder(home, agenda.title, created)
        header = new_header(agenda, folder.name, created, source, carried or [], previous)
        journal = Journal.reserve(folder, header)
        announce(folder, header.model_dump_json())  # the room sees it before the first event
        return cls(agenda, clock, journal=journal, header=header)

    @classmethod
    def reopen(cls, folder: Path, clock: Clock) -> Self:
        """Replay a recorded session and carry on; the time it was closed is an interruption.
        JournalError if another process is writing it."""
        hold_lock(folder)
        try:
            recorded = read_journal(folder / JOURNAL, repair=True)
        except Exception:
            release_lock(folder)
            raise
        journal = Journal(folder / JOURNAL, recorded.lines, len("".join(recorded.lines).encode()))
        session = cls(
            recorded.header.agenda,
            clock,
            journal=journal,
            header=recorded.header,
            events=recorded.events,
        )
        session.warnings = recorded.warnings
        if recorded.events and session.state.ended is None:
            session._record(ev.Reopen(**session._stamp()))
        return session

    @property
    def agenda(self) -> Agenda:
        return self.header.agenda

    @property
    def folder(self) -> Path | None:
        return self.journal.path.parent if self.journal else None

    @property
    def pending(self) -> int:
        """Events recorded in memory that are not on disk yet."""
        return self.journal.pending if self.journal else 0

    def flush(self) -> Outcome:
        """Try again to write what is pending; says whether everything is on disk now."""
        if self.journal is None or not self.pending:
            return Outcome(True, "Everything is saved.")
        try:
            self.journal.flush()
        except OSError as error:
            return Outcome(False, _not_saved(self.pending, error), saved=False)
        self.unsaved_items.clear()
        return Outcome(True, "Saved now: everything is on disk.")

    def rescue(self) -> Path:
        """Write the whole session to a new folder elsewhere; returns the journal's path."""
        if self.journal is None:
            raise OSError(0, "this session has no journal")
        return self.journal.rescue()

    def close(self) -> None:
        """Stop writing the session (another window may then open it)."""
        if self.folder is not None:
            self._keep_listing()
            withdraw(self.folder)
            release_lock(self.folder)

    def _keep_listing(self) -> None:
        """The session's line in `sessions`, so that listing it needs no journal read."""
        journal = self.journal
        if journal is None or journal.pending or not journal.written:
            return
        record = record_of(journal.path.parent, self.header, ended=self.state.ended is not None)
        keep_listing(record, journal.size)

    def discard_if_unused(self) -> None:
        """Remove the session's folder if nothing was ever recorded in it."""
        if self.folder is not None and not self.events:
            self.close()
            with contextlib.suppress(OSError):
                self.folder.rmdir()  # only an empty folder goes

    def _stamp(self) -> dict[str, dt.datetime | float]:
        return {"at": self.clock.now(), "mono": self.clock.monotonic()}

    def _replayed(self) -> State:
        header = self.header
        return replay(header.agenda, header.seed, self.events, header.carried, header.format)

    def _record(self, event: ev.Event, message: str = "", guard: Command | None = None) -> Outcome:
        """Journal first, then the state; a failed write keeps the event in memory. Once a
        session has ended, its record is closed: nothing more is recorded."""
        why = refusal(self.state, guard) if guard else None
        if self.state.ended is not None and not isinstance(event, ev.Reopen):
            why = "The session has ended."  # a reopen is all an ended session takes
        if why is not None:
            return refused(why)
        saved = True
        if self.journal is not None:
            try:
                self.journal.append(event)
            except OSError as error:
                saved = False
                message = f"{_not_saved(self.pending, error)} {message}"
            else:
                self.unsaved_items.clear()
                if not self.events:  # the journal now says the session is open
                    withdraw(self.journal.path.parent)
        self.events.append(event)
        if isinstance(event, ev.Undo):
            self.state = self._replayed()
        else:
            apply(self.state, event)
            if event.UNDOABLE:
                self.state.undoable.append(len(self.events) - 1)
        if saved and isinstance(event, ev.End | ev.Pause):
            self._keep_listing()  # kept current at each end and pause
        return Outcome(True, message.strip(), saved)


def _not_saved(pending: int, error: OSError) -> str:
    events = "1 action" if pending == 1 else f"{pending} actions"
    return f"NOT SAVED ({error.strerror or error}): kept in memory ({events} waiting for the disk)."
