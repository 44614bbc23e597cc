"""`facilitator display`: what the room sees, from another terminal, window or login. It
follows a session's journal read-only and never shows a capture; in a confidential
segment, only its title and the clock."""

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from facilitator.session.follower import Follower
from facilitator.session.view import SessionView, view
from facilitator.tui import clock_words
from facilitator.tui.widgets.big_clock import BigClock
from facilitator.tui.widgets.progress_strip import ProgressStrip

POLL_SECONDS = 0.1
"""How often the journal is read for new events (the display lags at most this, plus a
frame)."""

LOOK_SECONDS = 1.0
"""While no session runs (or after one ends), how often to look for a new one."""

Finder = Callable[[], Path | None]
"""Where the journal to follow is now, or None while no session runs."""


class DisplayApp(App[None]):
    """A read-only view of a running session, for a second screen or a shared window."""

    CSS = """
    Screen { align: center middle; }
    #progress { height: 1; margin: 0 1; }
    #segment, #speaker, #state, #next { width: 100%; height: auto; text-align: center; }
    #segment { text-style: bold; }
    #state { text-style: bold; }
    #speaker { text-style: bold; }
    .-ok #state, .-ok #clock { color: $text-success; }
    .-wrap-up #state, .-wrap-up #clock { color: $text-warning; }
    .-time-up #state, .-overtime #state, .-time-up #clock, .-overtime #clock { color: $text-error; }
    .-paused #state, .-paused #clock { color: $text-muted; }
    /* As on the live screen (app.tcss): darker shades reach 4.5:1 on the light theme. */
    App:light .-ok #state, App:light .-ok #clock { color: #1F6B38; }
    App:light .-wrap-up #state, App:light .-wrap-up #clock { color: #7A4A00; }
    App:light .-time-up #state, App:light .-overtime #state { color: $error-darken-2; }
    App:light .-time-up #clock, App:light .-overtime #clock { color: $error-darken-2; }
    """
    BINDINGS = [Binding("q,ctrl+q", "quit", "Quit")]
    TITLE = "facilitator display"

    def __init__(self, find: Finder, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.find = find
        self.clock = clock
        self.follower: Follower | None = None
        self._looked = -LOOK_SECONDS

    def compose(self) -> ComposeResult:
        yield ProgressStrip(id="progress")
        yield Static(id="segment")
        yield Static(id="speaker")
        yield BigClock(id="clock")
        yield Static(id="state")
        yield Static(id="next")

    def on_mount(self) -> None:
        self.refresh_display()
        self.set_interval(POLL_SECONDS, self.refresh_display)

    def refresh_display(self) -> None:
        """Catch up on the journal, then show the session as the clock says it is now."""
        waiting = self.follower is None or self._ended()
        if waiting and time.monotonic() - self._looked >= LOOK_SECONDS:
            self._looked = time.monotonic()  # listing sessions is not a 10-a-second job
            path = self.find()
            if path is not None and (self.follower is None or path != self.follower.path):
                self.follower = Follower(path)
        if self.follower is not None:
            self.follower.poll()
        state = self.follower.state if self.follower else None
        if state is None:
            self._waiting()
            return
        self.show(view(state, self.clock(), _now()))

    def _ended(self) -> bool:
        return bool(self.follower and self.follower.state and self.follower.state.ended)

    def _waiting(self) -> None:
        self.query_one(BigClock).display = False
        self.query_one(ProgressStrip).display = False
        self._lines("No session is running: waiting for one.", "", "", "")

    def show(self, shown: SessionView) -> None:
        turn = shown.turn
        self.query_one(BigClock).display = not shown.ended
        strip = self.query_one(ProgressStrip)
        strip.display = True
        strip.view = shown
        if shown.ended:
            self._lines("Session ended.", "", "", "")
            return
        self.query_one(BigClock).value = clock_words.countdown(turn)
        for name in clock_words.STATE_CLASSES:
            self.screen.set_class(name == clock_words.state_class(turn, shown.started), name)
        segment = f"{turn.segment + 1}/{shown.segment_count}  {turn.segment_title}"
        state = clock_words.state_words(turn, shown.started)
        if turn.confidential:  # the title and the clock, nothing more
            self._lines(segment, "", state, "")
            return
        if turn.step_title:
            segment += f"  ·  step {turn.step + 1}/{turn.steps}: {turn.step_title}"
        who = f"▶ {turn.speaker}" if turn.speaker else (turn.topic or "Everyone")
        if turn.focus:
            who += f"  ·  {turn.focus}"
        if turn.goal and not turn.goal.private:  # the room sees this screen
            who += f"  ·  goal: {turn.goal.text}"
        upcoming = shown.upcoming
        following = upcoming.speaker or upcoming.topic if upcoming else None
        next_line = f"Next: {following}" if following else ""
        self._lines(segment, who, state, next_line)

    def _lines(self, segment: str, speaker: str, state: str, next_line: str) -> None:
        for name, text in (
            ("#segment", segment),
            ("#speaker", speaker),
            ("#state", state),
            ("#next", next_line),
        ):
            self.query_one(name, Static).update(Content(text))


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()
