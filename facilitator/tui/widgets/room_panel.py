"""What the room sees, drawn from a `RoomScreen` only: the display in a terminal, the page
in a browser and the live screen's presenter view. It has no other source of text, so it
cannot show what the room may not see."""

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.reactive import reactive

from facilitator.session.room import RoomView
from facilitator.session.room_feed import RoomScreen
from facilitator.tui import clock_words
from facilitator.tui.widgets.big_clock import ROWS, BigClock, big_width
from facilitator.tui.widgets.big_text import BigText
from facilitator.tui.widgets.line import Line, show
from facilitator.tui.widgets.progress_strip import ProgressStrip

TALL = 36
ROOMY = 11
"""Rows from which the clock keeps its block font's 7 rows before names grow."""
"""Rows from which the next speaker is drawn big too (a browser window, a large terminal)."""


def segment_line(room: RoomView) -> str:
    line = f"{room.segment + 1}/{room.segment_count}  {room.segment_title}"
    line += clock_words.box_words(room.clock)
    if room.step_title:
        line += f"  ·  step {room.step + 1}/{room.steps}: {room.step_title}"
    return line


def speaker_line(room: RoomView) -> str:
    if room.confidential:
        return ""
    if room.speaker:
        return room.speaker
    return f"Topic: {room.topic}" if room.topic else "Everyone"


def state_line(room: RoomView) -> str:
    if not room.started:
        planned = round(room.schedule.planned_seconds / 60)
        return f"READY · planned {planned} min"
    return clock_words.state_words(room.clock, True)


class RoomPanel(Vertical):
    """A session as the room sees it, or what the room is waiting for."""

    DEFAULT_CSS = """
    RoomPanel { align: center middle; height: 1fr; }
    RoomPanel #room-progress { height: 1; margin: 0 1; }
    RoomPanel .line { width: 100%; height: auto; text-align: center; }
    RoomPanel #room-title { color: $text-muted; }
    RoomPanel #room-speaker, RoomPanel #room-focus { height: 1fr; }
    RoomPanel #room-clock { height: 2fr; }
    RoomPanel.-roomy #room-clock { min-height: 7; }
    RoomPanel #room-next { height: 1; }
    RoomPanel.-tall #room-next { height: 4; }
    RoomPanel #room-segment, RoomPanel #room-speaker,
    RoomPanel #room-state, RoomPanel #room-notice { text-style: bold; }
    /* As on the live screen (app.tcss): each state at least 4.5:1 on dark and light. */
    RoomPanel.-ok #room-state, RoomPanel.-ok #room-clock { color: $text-success; }
    RoomPanel.-wrap-up #room-state, RoomPanel.-wrap-up #room-clock { color: $text-warning; }
    RoomPanel.-time-up #room-state, RoomPanel.-overtime #room-state,
    RoomPanel.-time-up #room-clock, RoomPanel.-overtime #room-clock { color: $text-error; }
    RoomPanel.-paused #room-state, RoomPanel.-paused #room-clock { color: $text-muted; }
    App:light RoomPanel.-ok #room-state, App:light RoomPanel.-ok #room-clock { color: #1F6B38; }
    App:light RoomPanel.-wrap-up #room-state,
    App:light RoomPanel.-wrap-up #room-clock { color: #7A4A00; }
    App:light RoomPanel.-time-up #room-state, App:light RoomPanel.-overtime #room-state,
    App:light RoomPanel.-time-up #room-clock,
    App:light RoomPanel.-overtime #room-clock { color: $error-darken-2; }
    """

    screenful: reactive[RoomScreen | None] = reactive(None, repaint=False)

    def compose(self) -> ComposeResult:
        yield ProgressStrip(id="room-progress")
        yield Line(id="room-title", classes="line")
        yield Line(id="room-segment", classes="line")
        yield BigText(id="room-speaker")
        yield BigText(id="room-focus")
        yield BigClock(id="room-clock")
        yield Line(id="room-state", classes="line")
        next_up = BigText(id="room-next")
        next_up.most = 1  # smaller than the speaker, and only where there is room
        yield next_up
        yield Line(id="room-notice", classes="line")

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.height >= TALL, "-tall")
        self.set_class(event.size.height >= ROOMY, "-roomy")
        # The clock grows only as far as the width lets it; the names get the rest.
        widest = max(1, event.size.width // big_width("00:00", 1))
        self.query_one(BigClock).styles.max_height = ROWS * widest

    def present(self, room: Callable[[], RoomView]) -> None:
        """Show a live session's room view, asked for only while this panel is shown."""
        if self.display:
            self.screenful = RoomScreen(room(), None)

    def watch_screenful(self, screenful: RoomScreen | None) -> None:
        if screenful is None:
            return
        room = screenful.room
        self._line("notice", screenful.notice or "")
        shows_clock = room is not None and not room.ended
        self.query_one(BigClock).display = shows_clock
        self.query_one(ProgressStrip).display = room is not None
        if room is None:
            self._lines(title="", segment="", speaker="", focus="", state="", next="")
            return
        self.query_one(ProgressStrip).view = room
        if room.ended:
            self._lines(title=room.title, segment="", speaker="", focus="", state="", next="")
            return
        self.query_one(BigClock).value = clock_words.countdown(room.clock)
        clock_words.show_state(self, room.clock, room.started)
        self._lines(
            title="" if room.started else room.title,  # the clock needs the rows
            segment=segment_line(room),
            speaker=speaker_line(room),
            state=state_line(room),
            next=f"Next: {room.next_up}" if room.next_up else "",
        )
        # Kept, blank, at a turn without one when another turn of the segment has one: the
        # name keeps its size and place, and the display is not laid out again at each turn.
        self._line("focus", room.focus or "", kept=room.segment_focus)

    def _lines(self, **lines: str) -> None:
        for name, text in lines.items():
            self._line(name, text)

    def _line(self, name: str, text: str, *, kept: bool = False) -> None:
        line = self.query_one(f"#room-{name}", Line)
        show(line, bool(text) or kept)
        if isinstance(line, BigText):
            line.text = text
        else:
            line.update(Content(text))
