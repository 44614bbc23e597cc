"""Which session the room follows, and what it may see of it now.

`last` follows the newest session whose window is open (its writer holds the lock); a
session whose window closed, ended or not, is never picked up again. A followed session
whose window closes stays on screen, its clocks stopped, with a line that says so.
"""

import datetime as dt
import time
from pathlib import Path
from typing import NamedTuple

from facilitator.session.clock import Clock
from facilitator.session.follower import Follower
from facilitator.session.journal import JOURNAL
from facilitator.session.phrases import hhmm
from facilitator.session.presence import opened_sessions, writer_alive
from facilitator.session.room import RoomView, room_view

LOOK_SECONDS = 0.5
"""How often to look for a newer session and check that the followed one's window is open:
a new session shows, and a closed window is said, within a second."""

WAITING = "Waiting for the facilitator"
ENDED = "Session ended"


class RoomScreen(NamedTuple):
    """What the room is shown: a session (or nothing yet) and a line about it."""

    room: RoomView | None
    notice: str | None


class RoomFeed:
    """Follows one session (`folder`), or with none given the newest open one."""

    def __init__(self, home: Path, clock: Clock, folder: Path | None = None) -> None:
        self.home = home
        self.clock = clock
        self.fixed = folder
        self.follower: Follower | None = None if folder is None else Follower(folder / JOURNAL)
        self.closed: tuple[float, str] | None = None
        """When the followed session's window was found closed: (monotonic, "10:42")."""
        self.seen_open = False
        self._looked = -LOOK_SECONDS

    def news(self) -> bool:
        """Whether the followed journal grew by an event since the last look (one read)."""
        return self.follower is not None and self.follower.poll()

    def poll(self) -> RoomScreen:
        """Catch up with the journal (and the sessions) and say what the room sees now."""
        if time.monotonic() - self._looked >= LOOK_SECONDS:
            self._looked = time.monotonic()  # not a ten-times-a-second job
            self._look()
        if self.follower is not None:
            self.follower.poll()
        state = self.follower.state if self.follower else None
        if state is None:
            return RoomScreen(None, WAITING)
        if state.ended is not None:
            return RoomScreen(room_view(state, self.clock.monotonic(), self.clock.now()), ENDED)
        if self.closed is not None and state.started is None:
            return RoomScreen(None, WAITING)  # quit before it started: nothing to show
        if self.closed is not None:
            stopped_at, when = self.closed
            room = room_view(state, stopped_at, self.clock.now(), stopped=True)
            return RoomScreen(
                room, f"The facilitator's window closed at {when}; the session is paused"
            )
        return RoomScreen(room_view(state, self.clock.monotonic(), self.clock.now()), None)

    def _look(self) -> None:
        if self.fixed is None:
            opened = opened_sessions(self.home)
            newest = opened[0] if opened else None
            if newest is not None and (self.follower is None or self.following != newest):
                self.follower, self.closed = Follower(newest / JOURNAL), None
                self.seen_open = False
        if self.follower is None:
            return
        if writer_alive(self.following):
            self.closed, self.seen_open = None, True
        elif self.closed is None:
            self.closed = (self.clock.monotonic(), hhmm(self._closed_at()))

    def _closed_at(self) -> dt.datetime:
        """Now, for a window seen open until now; else when its journal was last written."""
        if self.seen_open:
            return self.clock.now()
        try:
            written = (self.following / JOURNAL).stat().st_mtime
        except OSError:
            return self.clock.now()
        return dt.datetime.fromtimestamp(written).astimezone()

    @property
    def following(self) -> Path:
        assert self.follower is not None
        return self.follower.path.parent
