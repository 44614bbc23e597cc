"""The journal: one JSON line per event, on disk before the action counts as done.

The first line is a header with the whole agenda, so editing the agenda file
later does not change a recorded session. A crash mid-write leaves a torn last
line: reading sets it aside in a file of its own and keeps everything before it.
"""

import contextlib
import datetime as dt
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from facilitator.agenda.model import Agenda
from facilitator.files import free_name
from facilitator.session.events import EVENT, FORMAT_VERSION, CarriedItem, Event
from facilitator.session.reducer import replay
from facilitator.session.state import State

JOURNAL = "journal.jsonl"


class JournalError(Exception):
    """A journal that cannot be read, said in one line that names the file."""


class Header(BaseModel):
    """The journal's first line."""

    model_config = ConfigDict(extra="forbid")

    format: int
    id: str
    created: dt.datetime
    source: str
    """Where the agenda was loaded from."""
    seed: int
    """Makes `order = "random"` the same on every replay."""
    agenda: Agenda
    carried: list[CarriedItem] = []
    """Open action items from the series' last session."""
    previous: str | None = None
    """The id of the series' last session, if there was one."""


def new_header(
    agenda: Agenda,
    session_id: str,
    created: dt.datetime,
    source: str,
    carried: list[CarriedItem] | None = None,
    previous: str | None = None,
) -> Header:
    """What a new session's journal starts with; the seed fixes any random speaking order."""
    return Header(
        format=FORMAT_VERSION,
        id=session_id,
        created=created,
        source=source,
        seed=secrets.randbits(32),
        agenda=agenda,
        carried=carried or [],
        previous=previous,
    )


@dataclass
class Journal:
    """Appends events to a session's journal file; keeps in memory what it could not write."""

    path: Path
    header: Header | None = None
    """A header still to be written: the file is made with the first event, so a session
    opened and closed with nothing done leaves no journal behind."""
    pending: list[str] = field(default_factory=list)
    """Event lines not yet on disk (after a write failed); retried before the next one."""

    @classmethod
    def reserve(cls, folder: Path, header: Header) -> "Journal":
        """Claim a new folder for a session; the journal is written with the first event."""
        folder.mkdir(parents=True, exist_ok=False)
        return cls(folder / JOURNAL, header)

    def _write_header(self, header: Header) -> None:
        with self.path.open("x", encoding="utf-8") as file:
            file.write(header.model_dump_json() + "\n")
            file.flush()
            os.fsync(file.fileno())
        _sync_folder(self.path.parent)
        self.header = None

    def append(self, event: Event) -> None:
        """Write the event (and any still pending) and fsync; OSError if it could not.

        The file must exist: a journal whose folder was removed is not silently
        started again without its header. A failed write is cut back off, so the
        retry never leaves half a line in the middle of the journal.
        """
        self.pending.append(EVENT.dump_json(event).decode() + "\n")
        if self.header is not None:
            self._write_header(self.header)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        size = os.fstat(descriptor).st_size
        try:
            unwritten = memoryview("".join(self.pending).encode())
            while unwritten:
                unwritten = unwritten[os.write(descriptor, unwritten) :]
            os.fsync(descriptor)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(descriptor, size)
            raise
        finally:
            os.close(descriptor)
        self.pending.clear()


@dataclass(frozen=True)
class Recorded:
    """A journal as read back."""

    header: Header
    events: list[Event]
    warnings: list[str]

    def replay(self) -> State:
        """The state the recorded events lead to."""
        return replay(
            self.header.agenda,
            self.header.seed,
            self.events,
            self.header.carried,
            self.header.format,
        )


def read_journal(path: Path, *, repair: bool = False) -> Recorded:
    """Read a journal; a torn last line is left out (and, to `repair`, set aside in a file
    of its own so that appending can go on); anything else wrong is a JournalError."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise JournalError(f"{path}: cannot be read: {error.strerror}") from None
    lines = raw.split(b"\n")
    torn = lines.pop()  # after the last newline: empty unless a write was cut short
    warnings = []
    if torn and repair:
        warnings.append(_set_aside(path, len(raw) - len(torn), torn))
    elif torn:
        warnings.append(f"{path}: the last event was cut short and is left out")
    if not lines:
        raise JournalError(f"{path}: is empty: not a session journal")
    header = _header(path, lines[0])
    events = [_event(path, number, line) for number, line in enumerate(lines[1:], start=2)]
    return Recorded(header, events, warnings)


def _header(path: Path, line: bytes) -> Header:
    try:
        data = json.loads(line)
        version = data.get("format") if isinstance(data, dict) else None
    except ValueError:
        version = None
    if not isinstance(version, int):
        raise JournalError(f"{path}:1: not a facilitator session journal")
    if version > FORMAT_VERSION:
        raise JournalError(
            f"{path}: written by a newer facilitator (journal format {version}; "
            f"this one reads up to {FORMAT_VERSION}); upgrade facilitator to open it"
        )
    try:
        return Header.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise JournalError(f"{path}:1: damaged header: {where}: {first['msg']}") from None


def _event(path: Path, number: int, line: bytes) -> Event:
    try:
        return EVENT.validate_json(line)
    except ValidationError:
        raise JournalError(
            f"{path}:{number}: damaged event; the journal stops making sense here"
        ) from None


def _set_aside(path: Path, keep: int, torn: bytes) -> str:
    """Move a torn last line to a file of its own and cut it from the journal."""
    aside = free_name(path.with_name(path.name + ".torn"))
    with aside.open("xb") as file:
        file.write(torn)
        file.flush()
        os.fsync(file.fileno())
    with path.open("r+b") as file:
        file.truncate(keep)
        os.fsync(file.fileno())
    return (
        f"{path}: the last event was cut short (the app stopped mid-write); "
        f"it was set aside in {aside.name} and everything before it is kept"
    )


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
