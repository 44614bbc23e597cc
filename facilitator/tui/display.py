"""`facilitator display`: what the room sees, from another terminal, window or login. It
follows a session read-only and shows only its `RoomView`; a viewer's keys change nothing."""

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding

from facilitator.session.room_feed import RoomFeed
from facilitator.tui.crash import CrashesPrivately
from facilitator.tui.widgets.room_panel import RoomPanel

POLL_SECONDS = 0.1
"""How often the room is drawn as the clock says it is now."""
WATCH_SECONDS = 0.01
"""How often the journal is looked at for new events (a look is one stat, most of the time):
a change shows this long after it is written, plus a frame. Measured over 10 s of a running
turn, the display takes 3.3% of a core looking every 20 ms, 4.2% every 10, 6.1% every 5."""


class DisplayApp(CrashesPrivately):
    """A read-only view of a running session, for a second screen or a shared window."""

    CSS = "Screen { align: center middle; }"
    BINDINGS = [Binding("q,ctrl+q", "quit", "Quit")]
    TITLE = "facilitator display"

    def __init__(self, feed: RoomFeed, *, crash_log: Path | None = None) -> None:
        super().__init__(crash_log=crash_log)
        self.feed = feed

    def compose(self) -> ComposeResult:
        yield RoomPanel()

    def on_mount(self) -> None:
        self.refresh_display()
        self.set_interval(POLL_SECONDS, self.refresh_display)
        self.set_interval(WATCH_SECONDS, self.watch_journal)

    def watch_journal(self) -> None:
        if self.feed.news():
            self.refresh_display()

    def refresh_display(self) -> None:
        """Catch up on the session, then show it as the clock says it is now."""
        self.query_one(RoomPanel).screenful = self.feed.poll()
