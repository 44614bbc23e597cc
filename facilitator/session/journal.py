"""The journal: one JSON line per event, on disk before the action counts as done.

The first line is a header with the whole agenda, so editing the agenda file
later does not change a recorded session. Reading keeps every event it can: a line
cut short by a crash, or damaged on disk, is skipped, named, and set aside.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from facilitator.agenda.model import Agenda
from facilitator.files import free_name, open_regular, write_atomically
from facilitator.session import events as ev
from facilitator.session.bulk import bulk
from facilitator.session.derived import DERIVED_LIMIT, checksum_of
from facilitator.session.reducer import replay
from facilitator.session.state import State
from facilitator.session.values import FORMAT_VERSION, CarriedItem, Moment
from facilitator.text import counted

JOURNAL = "journal.jsonl"
RECORD = "session.json"
"""The session's record, written when it ends; it keeps a copy of the journal's header."""
HEADER_COPY = "journal_header"
CHECKSUM = "checksum"
"""A hash of the rest of `session.json`, so that a copy edited since is not believed."""
LAST_SEQ = "journal_last_seq"
"""In `session.json`: the number of the journal's last event when it was written."""


class JournalError(Exception):
    """A journal that cannot be read, said in one line that names the file."""


class Header(BaseModel):
    """The journal's first line."""

    model_config = ConfigDict(extra="forbid")

    format: int
    id: str
    created: Moment
    source: str
    """Where the agenda was loaded from."""
    seed: int
    """Makes `order = "random"` the same on every replay."""
    agenda: Agenda
    carried: list[CarriedItem] = []
    """Open action items from the series' last session."""
    previous: str | None = None
    """The id of the series' last session, if there was one."""
    boot: str | None = None
    """The machine's boot id when the session began (format 4)."""


def new_header(
    agenda: Agenda,
    session_id: str,
    created: dt.datetime,
    source: str,
    carried: list[CarriedItem] | None = None,
    previous: str | None = None,
    boot: str | None = None,
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
        boot=boot,
    )


@dataclass(frozen=True)
class Recorded:
    """A journal as read back: its header, the events that could be read, and what was
    wrong with the rest."""

    header: Header
    events: list[ev.Event]
    warnings: list[str]
    good: list[bytes]
    """The journal's good lines as read, the header first."""

    @cached_property
    def lines(self) -> list[str]:
        """The good lines as a writer carries on with them (only a resumed session needs them)."""
        return [line.decode() + "\n" for line in self.good]

    @bulk()
    def replay(self) -> State:
        """The state the recorded events lead to."""
        return replay(
            self.header.agenda,
            self.header.seed,
            self.events,
            self.header.carried,
            self.header.format,
        )


@bulk()
def read_journal(path: Path, *, repair: bool = False) -> Recorded:
    """Read a journal, keeping every event that can be read. Damaged lines (cut short,
    garbage, an unknown kind) are skipped and named; to `repair`, they are set aside in a
    file beside the journal, which is rewritten without them so that appending can go on.
    A damaged or missing header is rebuilt from `session.json` when there is one."""
    try:
        descriptor = open_regular(path, os.O_RDONLY)
        with os.fdopen(descriptor, "rb") as file:
            raw = file.read()
    except OSError as error:
        raise JournalError(f"{path}: cannot be read: {error.strerror}") from None
    numbered = [  # blank lines are skipped; NULs a crash left around an event are dropped
        (number, stripped.strip(b"\x00"))
        for number, line in enumerate(raw.split(b"\n"), start=1)
        if (stripped := line.strip(b" \t\r"))
    ]
    if not numbered:
        raise JournalError(f"{path}: is empty: not a session journal")
    header, header_note = _header(path, numbered[0])
    if header_note:
        numbered[0:0] = [(0, b"")]  # the first line is read as an event instead
    read: list[tuple[ev.Event, bytes]] = []
    damaged: list[tuple[int, bytes]] = []
    for number, line in numbered[1:]:
        event = event_of(line)
        if event is None:
            damaged.append((number, line))
        else:
            read.append((event, line))
    read, order_notes = _in_order(path, read, len(damaged))
    events = [event for event, _ in read]
    good = [header.model_dump_json().encode() if header_note else numbered[0][1]]
    good += [line for _, line in read]
    recorded = Recorded(header, events, [header_note] if header_note else [], good)
    if damaged:
        recorded.warnings.append(_damage_note(path, damaged, len(events), repair))
    recorded.warnings.extend(order_notes + _cut_note(path, events))
    if repair and (damaged or header_note or order_notes or not raw.endswith(b"\n")):
        write_atomically(path, "".join(recorded.lines))
    return recorded


def _in_order(
    path: Path, read: list[tuple[ev.Event, bytes]], damaged: int
) -> tuple[list[tuple[ev.Event, bytes]], list[str]]:
    """The events by their numbers (format 4): a duplicated line is dropped, lines out of
    order are put back, and numbers missing or taken twice are said; older events have none."""
    if not damaged and [event.seq for event, _ in read] == list(range(1, len(read) + 1)):
        return read, []  # as written: each number once, in order, none missing
    notes: list[str] = []
    seen: dict[int, bytes] = {}
    kept: list[tuple[ev.Event, bytes]] = []
    duplicates = clashes = 0
    for event, line in read:
        if event.seq is not None and event.seq in seen:
            if seen[event.seq].strip() == line.strip():
                duplicates += 1
                continue
            clashes += 1
        elif event.seq is not None:
            seen[event.seq] = line
        kept.append((event, line))
    numbers = [event.seq or 0 for event, _ in kept]
    if numbers != sorted(numbers):
        kept.sort(key=lambda pair: pair[0].seq or 0)
        notes.append(f"{path}: lines out of order; they were read in the order of their numbers")
    if duplicates:
        notes.append(f"{path}: {counted(duplicates, 'duplicated line')} ignored")
    if clashes:
        notes.append(
            f"{path}: {counted(clashes, 'event')} share a number with another: "
            "two windows wrote this session; both are kept"
        )
    unnumbered = sum(1 for event, _ in kept if event.seq is None)
    missing = max(numbers, default=0) - len(seen) - unnumbered - damaged
    if missing > 0:
        words = "1 event is" if missing == 1 else f"{missing} events are"
        notes.append(f"{path}: {words} missing (the journal was cut or lines were removed)")
    return kept, notes


def _header(path: Path, numbered: tuple[int, bytes]) -> tuple[Header, str]:
    """The journal's header, or one rebuilt from session.json with a note saying so."""
    number, line = numbered
    try:
        data = json.loads(line)
    except ValueError:
        data = None
    version = data.get("format") if isinstance(data, dict) else None
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise JournalError(
            f"{path}: written by a newer facilitator (journal format {version}; "
            f"this one reads up to {FORMAT_VERSION}); upgrade facilitator to open it"
        )
    why = "not a facilitator session journal"
    if isinstance(version, int):
        try:
            return Header.model_validate(data), ""
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = ".".join(str(part) for part in first["loc"])
            why = f"damaged header: {where}: {first['msg']}"
    elif isinstance(data, dict) and "kind" in data:
        why = "the header is missing"
    kept = _kept_header(path.with_name(RECORD))
    if kept is None:
        raise JournalError(f"{path}:{number}: {why}")
    return kept, f"{path}: {why}; it was rebuilt from {RECORD}"


def _kept_header(record: Path) -> Header | None:
    """The header a session's `session.json` keeps a copy of, if it can be read."""
    kept = _kept_record(record)
    try:
        return None if kept is None else Header.model_validate(kept[HEADER_COPY])
    except (ValueError, KeyError, TypeError):
        return None


def _kept_record(record: Path) -> dict[str, object] | None:
    """A session's `session.json`, if it is a small plain file as it was written."""
    try:
        descriptor = open_regular(record, os.O_RDONLY)
        with os.fdopen(descriptor, "rb") as file:
            if os.fstat(descriptor).st_size > DERIVED_LIMIT:
                return None
            kept = json.loads(file.read())
        checksum = kept.pop(CHECKSUM, None)  # older builds wrote none
        if checksum is not None and checksum != checksum_of(kept):
            return None  # edited or damaged since it was written: not believed
    except (OSError, ValueError, TypeError, AttributeError, RecursionError):
        return None
    return kept if isinstance(kept, dict) else None


def _cut_note(path: Path, events: list[ev.Event]) -> list[str]:
    """A word if `session.json` recorded more events than the journal now holds."""
    if not path.with_name(RECORD).exists():
        return []
    kept = _kept_record(path.with_name(RECORD))
    recorded = kept.get(LAST_SEQ) if kept else None
    last = max((event.seq or 0 for event in events), default=0)
    if not isinstance(recorded, int) or recorded <= last:
        return []
    missing = recorded - last
    words = "its last event is" if missing == 1 else f"its last {missing} events are"
    return [f"{path}: {words} missing ({RECORD} recorded {recorded}): the journal was cut"]


def event_of(line: bytes) -> ev.Event | None:
    """An event from its journal line; None for a line that is not one."""
    try:
        return ev.EVENT.validate_json(line)
    except ValidationError:
        return None


def _damage_note(path: Path, damaged: list[tuple[int, bytes]], kept: int, repair: bool) -> str:
    numbers = ", ".join(str(number) for number, _ in damaged[:5])
    more = f" and {len(damaged) - 5} more" if len(damaged) > 5 else ""
    lines = "line" if len(damaged) == 1 else "lines"
    said = f"{path}: {len(damaged)} damaged {lines} skipped ({lines} {numbers}{more}); "
    events, verb = ("1 event reads", "is") if kept == 1 else (f"{kept} events read", "are")
    if not repair:
        return said + f"{events} well and {verb} used"
    aside = free_name(path.with_name(path.name + ".damaged"))
    write_atomically(
        aside, "".join(f"{number}: {line.decode('utf-8', 'replace')}\n" for number, line in damaged)
    )
    return said + f"set aside in {aside.name}; {events} well and {verb} kept"
