"""Recording a session: each event goes to the journal, then to the state, in that order."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from typing import NamedTuple, Self

from facilitator.agenda.model import Agenda
from facilitator.files import private_folder, tighten
from facilitator.session import events as ev
from facilitator.session.clock import Clock, boot_of
from facilitator.session.journal import JOURNAL, Header, JournalError, new_header, read_journal
from facilitator.session.presence import announce, withdraw
from facilitator.session.records import keep_listing, new_session_folder, record_of
from facilitator.session.reducer import apply, replay
from facilitator.session.state import Interruption, State
from facilitator.session.values import MONO_LIMIT, CarriedItem
from facilitator.session.writer import Journal, hold_lock, release_lock
from facilitator.text import counted


class Outcome(NamedTuple):
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
        self.last_seq = _last_seq(self.events)
        """The number of the last event recorded (format 4 numbers them from 1)."""
        self.state: State = self._replayed()
        self.unsaved_items: set[int] = set()
        self.warnings: list[str] = []
        self.resumed_after: Interruption | None = None
        """The time the app was closed, when this opening resumed an unfinished session."""

    @classmethod
    def begin(
        cls,
        agenda: Agenda,
        clock: Clock,
        home: Path,
        source: str,
        carried: list[CarriedItem] | None = None,
        previous: str | None = None,
    ) -> Self:
        """A new session with a journal in a folder of its own (and last time's open items)."""
        created = clock.now()
        folder = new_session_folder(home, agenda.title, created)
        header = new_header(
            agenda, folder.name, created, source, carried or [], previous, boot_of(clock)
        )
        journal = Journal.reserve(folder, header)
        announce(folder, header.model_dump_json())  # the room sees it before the first event
        return cls(agenda, clock, journal=journal, header=header)

    @classmethod
    def reopen(cls, folder: Path, clock: Clock) -> Self:
        """Replay a recorded session and carry on; the time it was closed is an interruption.
        JournalError if another process is writing it."""
        path = folder / JOURNAL
        hold_lock(folder)
        with contextlib.suppress(OSError):  # a session recorded by an older build: tightened
            private_folder(folder, up_to=folder.parent.parent)
            tighten(folder)
        try:  # nothing is written until the whole journal has been read and replayed
            recorded = read_journal(path)
            session = cls(recorded.header.agenda, clock, header=recorded.header)
            session.events, session.last_seq = recorded.events, _last_seq(recorded.events)
            session.state = session._replayed()
            if recorded.warnings:
                recorded = read_journal(path, repair=True)  # damaged lines set aside
            size = len("".join(recorded.lines).encode())
            status = os.lstat(path)
        except JournalError:
            release_lock(folder)
            raise
        except Exception as error:  # a journal no check foresaw: said in one line, no trace
            release_lock(folder)
            raise JournalError(f"{path}: cannot be replayed ({error!r:.200})") from None
        identity = (status.st_dev, status.st_ino) if status.st_size == size else None
        session.journal = Journal(path, recorded.lines, size, identity)
        session.warnings = recorded.warnings
        if recorded.events and session.state.ended is None:
            session._record(ev.Reopen(**session._stamp(), **session._closed_since()))
            session.resumed_after = session.state.interruptions[-1]
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
        keep_listing(record)

    def discard_if_unused(self) -> None:
        """Remove the session's folder if nothing was ever recorded in it."""
        if self.folder is not None and not self.events:
            self.close()
            with contextlib.suppress(OSError):
                self.folder.rmdir()  # only an empty folder goes

    def _closed_since(self) -> dict[str, str | float | None]:
        """How long the session was closed, by the monotonic clock when the machine has not
        restarted since its last event (a wall-clock jump then counts for nothing)."""
        now = boot_of(self.clock)
        last = self.header.boot
        for event in self.events:
            if isinstance(event, ev.Reopen):
                last = event.boot
        gap = self.clock.monotonic() - self.events[-1].mono if self.events else -1.0
        if now is not None and now == last and 0 <= gap <= MONO_LIMIT:
            return {"boot": now, "closed": gap}
        return {"boot": now}

    def _stamp(self) -> dict[str, dt.datetime | float]:
        return {"at": self.clock.now(), "mono": self.clock.monotonic()}

    def _replayed(self) -> State:
        header = self.header
        return replay(header.agenda, header.seed, self.events, header.carried, header.format)

    def _record(self, event: ev.Event, message: str = "") -> Outcome:
        """Journal first, then the state; a failed write keeps the event in memory. Once a
        session has ended, its record is closed: nothing more is recorded."""
        if self.state.ended is not None and not isinstance(event, ev.Reopen):
            return refused("The session has ended.")  # a reopen is all an ended session takes
        saved = True
        if event.seq is None:  # numbered after the last one read, damaged lines included
            self.last_seq += 1
            event = event.model_copy(update={"seq": self.last_seq})
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


def _last_seq(events: list[ev.Event]) -> int:
    """The highest sequence number among the events, or their count for older journals."""
    return max([event.seq or 0 for event in events] + [len(events)])


def _not_saved(pending: int, error: OSError) -> str:
    events = counted(pending, "action")
    return f"NOT SAVED ({error.strerror or error}): kept in memory ({events} waiting for the disk)."
