"""Following a session from another process: read its journal as it grows, never lock it,
never write it. The live app keeps writing; the follower catches up on each poll."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from facilitator.files import open_regular
from facilitator.session import events as ev
from facilitator.session.journal import Header, event_of
from facilitator.session.presence import PRESENCE
from facilitator.session.reducer import apply, replay
from facilitator.session.state import State


class Follower:
    """The state of a session whose journal another process writes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.header: Header | None = None
        self.events: list[ev.Event] = []
        self.state: State | None = None
        self._file: tuple[int, int] | None = None
        """(device, inode) of the journal read so far: a rewritten journal is read anew."""
        self._offset = 0
        self._partial = b""
        self._seen: tuple[int, int, int, int] | None = None
        """The journal's device, inode, size and time of change at the last read."""

    def poll(self) -> bool:
        """Read what was appended since the last poll; True when the state changed. A journal
        that has not changed since is not opened (one stat: polls can come often)."""
        try:
            status = os.stat(self.path)
        except OSError:
            pass
        else:
            seen = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
            if seen == self._seen:
                return False
            self._seen = seen
        try:
            descriptor = open_regular(self.path, os.O_RDONLY)
        except OSError:  # not made yet, or moved away for a moment: try again later
            return self.state is None and self._read_presence()
        with os.fdopen(descriptor, "rb") as file:
            status = os.fstat(descriptor)
            identity = (status.st_dev, status.st_ino)
            if identity != self._file or status.st_size < self._offset:
                self._start_over(identity)
            file.seek(self._offset)
            added = file.read()
        if not added:
            return False
        self._offset += len(added)
        lines = (self._partial + added).split(b"\n")
        self._partial = lines.pop()  # a line still being written waits for its newline
        return self._take([line for line in lines if line.strip()])

    def _read_presence(self) -> bool:
        """A session open at its start, with no journal yet: its header alone."""
        try:
            descriptor = open_regular(self.path.parent / PRESENCE, os.O_RDONLY)
            with os.fdopen(descriptor, "rb") as file:
                header = Header.model_validate_json(file.read())
        except (OSError, ValidationError):
            return False
        self.header = header
        self.state = replay(header.agenda, header.seed, [], header.carried, header.format)
        return True

    def _start_over(self, identity: tuple[int, int]) -> None:
        self._file, self._offset, self._partial = identity, 0, b""
        self.header, self.events, self.state = None, [], None

    def _take(self, lines: list[bytes]) -> bool:
        new: list[ev.Event] = []
        for line in lines:
            if self.header is None:
                try:
                    self.header = Header.model_validate_json(line)
                except ValidationError:
                    continue  # a damaged header: the events alone cannot be shown
                continue
            event = event_of(line)
            if event is not None:
                new.append(event)
        if self.header is None or (not new and self.state is not None):
            return False
        self.events += new
        if self.state is None or any(isinstance(event, ev.Undo) for event in new):
            header = self.header
            self.state = replay(
                header.agenda, header.seed, self.events, header.carried, header.format
            )
        else:
            for event in new:
                apply(self.state, event)
        return True
