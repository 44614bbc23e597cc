"""`facilitator display`: what the room sees, from another terminal, window or login. It
follows a session read-only and shows only its `RoomView`; a viewer's keys change nothing."""

import asyncio
import contextlib
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding

from facilitator.session.room_feed import RoomFeed
from facilitator.tui.crash import CrashesPrivately
from facilitator.tui.file_watch import FileWatch
from facilitator.tui.widgets.room_panel import RoomPanel

POLL_SECONDS = 0.1
"""How often the room is drawn as the clock says it is now."""
WATCH_SECONDS = 0.01
"""Where the system cannot say when the journal is written (no inotify), how often it is
looked at for new events (a look is one stat, most of the time): a change shows this long
after it is written, plus a frame. Measured over 10 s of a running turn, the display takes
3.3% of a core looking every 20 ms, 4.2% every 10, 6.1% every 5."""


class DisplayApp(CrashesPrivately):
    """A read-only view of a running session, for a second screen or a shared window."""

    CSS = "Screen { align: center middle; }"
    BINDINGS = [Binding("q,ctrl+q", "quit", "Quit")]
    TITLE = "facilitator display"

    def __init__(self, feed: RoomFeed, *, crash_log: Path | None = None) -> None:
        super().__init__(crash_log=crash_log)
        self.feed = feed
        self.file_watch: FileWatch | None = None
        """Told at once when the followed journal is written; None: looked at on a timer."""

    def compose(self) -> ComposeResult:
        yield RoomPanel()

    def on_mount(self) -> None:
        with contextlib.suppress(OSError):
            watch = FileWatch()
            asyncio.get_running_loop().add_reader(watch.fileno(), self._written)
            self.file_watch = watch
        # Looking at the journal on a timer, while the system cannot say it was written:
        self.looking = self.set_interval(WATCH_SECONDS, self.watch_journal, pause=True)
        self.refresh_display()
        self.set_interval(POLL_SECONDS, self.refresh_display)

    def on_unmount(self) -> None:
        if self.file_watch is not None:
            asyncio.get_running_loop().remove_reader(self.file_watch.fileno())
            self.file_watch.close()

    def _written(self) -> None:
        """The journal was written: read it in the app's turn, where an error is handled
        (and logged privately) as any other."""
        assert self.file_watch is not None
        self.file_watch.drain()
        self.call_next(self.watch_journal)

    def watch_journal(self) -> None:
        if self.feed.news():
            self.refresh_display()

    def refresh_display(self) -> None:
        """Catch up on the session, then show it as the clock says it is now; and watch the
        journal followed now (another session's, when a newer one opened, or the same file
        made anew)."""
        panel = self.query_one_optional(RoomPanel) if self.screen_stack else None
        if panel is None:  # closing: a last tick after the screen (or its widgets) went
            return
        panel.screenful = self.feed.poll()
        follower, watch = self.feed.follower, self.file_watch
        if follower is None or (watch is not None and watch.watch(follower.path)):
            self.looking.pause()
        else:
            self.looking.resume()
