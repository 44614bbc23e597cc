"""The current turn: segment, prompt, speaker, the big countdown, and who is next."""

from itertools import zip_longest
from typing import NamedTuple

from rich.style import Style
from textual import events
from textual.content import Content
from textual.css.query import NoMatches
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from facilitator.session.view import SessionView
from facilitator.tui import clock_words
from facilitator.tui.cells import ELLIPSIS, fit, wrapped
from facilitator.tui.widgets.line import digit_rows, plain_strip

CONFIDENTIAL = "CONFIDENTIAL: captures here stay private"
GIVES_WAY = ("prompt", "goal", "focus", "upcoming")
"""The rows that give up lines, in this order, when the panel has no room for all: first
the prompt; then the big digits give way to the time left in one line (the clockline);
then the others. The segment, the speaker and the time left in words always stay."""


class Row(NamedTuple):
    """One thing the panel says: its name, its text, and its part of the stylesheet."""

    name: str
    text: str
    part: str = ""
    """Its component class (`turn--muted` …); "" for the panel's own style."""


class TurnPanel(Widget):
    """Renders the turn part of a SessionView; user text is always literal.

    One widget drawn line by line, not a widget a line: a key changes most of the rows, and
    ten widgets cost ten times the styling, layout and drawing (and a slower first frame).
    The stylesheet colours the rows through component classes, and the turn's state class
    (`-ok`, `-wrap-up` …) on the panel colours the countdown and the state line."""

    COMPONENT_CLASSES = {
        "turn--title",
        "turn--muted",
        "turn--confidential",
        "turn--clock",
        "turn--state",
    }
    view: reactive[SessionView | None] = reactive(None, repaint=False)
    quiet = False
    """No bell at time-up (set by the screen)."""

    _rows: tuple[Row, ...] = ()
    """What the panel says, a row a thing, before wrapping."""
    _lines: tuple[tuple[str, str, str], ...] = ()
    """The rows wrapped at the panel's width and cut to its room, as drawn: each line's row,
    text and part."""
    _width = 0
    _asked: tuple[tuple[Row, ...], int, int | None] | None = None
    """The rows, width and room last laid out: the same again is drawn as it is."""
    _below: tuple[Widget, Widget] | None = None
    """The foot and the list below the panel, found once."""
    _styles: dict[str, Style]
    """Each part's style, worked out once per restyle: Textual forgets its own at every
    refresh, and a key refreshes most rows (a tenth of a millisecond a row)."""
    _compact = False
    """On a short screen with the capture bar open: the segment, the speaker and the clock
    in one line (the clockline), so that the bar always fits."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-paused")  # as a session opens: no restyle then
        self._styles = {}

    def said(self, name: str) -> str | None:
        """What the row `name` says (the countdown: its digits), or None if it is not shown."""
        found = [row.text for row in self._rows if row.name == name]
        if name == "countdown" and found and self.view is not None:
            return clock_words.countdown(self.view.turn)
        return "\n".join(found) if found else None

    def row_region(self, name: str) -> Region:
        """Where on the screen the row `name` is drawn (all its lines)."""
        ys = [y for y, line in enumerate(self._lines) if line[0] == name]
        if not ys:
            raise KeyError(name)
        x, y = self.content_region.offset
        return Region(x, y + ys[0], self._width, len(ys))

    # -- what it says ----------------------------------------------------------------------

    def watch_view(self, before: SessionView | None, view: SessionView | None) -> None:
        if view is None:
            return
        self._cue(before, view)
        clock_words.show_state(self, view.turn, view.started)
        self._show()

    def on_resize(self, event: events.Resize) -> None:
        self._show()

    def notify_style_update(self) -> None:
        """The screen's classes say whether the capture bar is open on a short screen (the
        stylesheet then limits the panel's height): the rows follow."""
        super().notify_style_update()
        self._styles.clear()
        screen = self.screen if self.is_attached else None
        compact = screen is not None and screen.has_class("-short", "-capturing")
        if compact != self._compact:
            self._compact = compact
            self._show()

    def _show(self) -> None:
        """Say what the view says, drawing again only the lines that changed; a change in
        how many there are lays the screen out again."""
        view, width, room = self.view, self.content_size.width, self._room_below()
        if view is None:
            return
        rows = self._compact_rows(view) if self._compact else self._full_rows(view, width)
        if (rows, width, room) == self._asked:
            return
        self._asked = (rows, width, room)
        lines = self._wrapped(rows, width, room, GIVES_WAY[:1])
        if room is not None and len(lines) > room and not self._compact:
            rows = self._full_rows(view, width, digits=False)
            lines = self._wrapped(rows, width, room, GIVES_WAY)
        if len(lines) != self.content_size.height:
            self.refresh(layout=True)
        elif width != self._width:
            self.refresh()
        else:
            for y, (before, after) in enumerate(zip_longest(self._lines, lines)):
                if before != after:
                    self.refresh(Region(0, y, width, 1))
        self._rows, self._lines, self._width = rows, lines, width

    def _room_below(self) -> int | None:
        """The lines the panel has room for: within its container's most, and from its top
        down to the foot (the message, the capture bar, the keys), less its border and the
        list's least; None before a layout."""
        if self._below is None:
            try:
                self._below = (self.screen.query_one("#foot"), self.screen.query_one("#items"))
            except NoMatches:
                return None
        foot, listed = self._below[0].region, self._below[1]
        top = self.content_region.y
        if not foot.height or not top:
            return None
        least = listed.styles.min_height
        kept = int(least.value) if least is not None and listed.display else 0
        room = foot.y - kept - self.styles.gutter.bottom - top
        most = self.parent.styles.max_height if isinstance(self.parent, Widget) else None
        if most is not None and most.is_cells:
            room = min(room, int(most.value) - self.styles.gutter.height)
        return max(0, room)

    def _full_rows(self, view: SessionView, width: int, digits: bool = True) -> tuple[Row, ...]:
        turn = view.turn
        rows = [self._segment_row(view)]
        if turn.confidential:
            rows.append(Row("confidential", CONFIDENTIAL, "turn--confidential"))
        rows.append(Row("prompt", turn.prompt or "", "turn--muted"))
        rows.append(Row("speaker", self._speaker_line(view), "turn--title"))
        focus = f"  focus: {turn.focus}" if turn.focus else ""
        rows += self._kept_row("focus", focus, turn.segment_focus)
        rows += self._kept_row("goal", self._goal_text(view), turn.segment_goal)
        if digits:
            rows += [Row("countdown", row, "turn--clock") for row in self._digits(view)]
            rows.append(Row("state", clock_words.state_words(turn, view.started), "turn--state"))
        else:
            rows.append(self._clock_row(view))
        rows.append(Row("upcoming", clock_words.upcoming_line(view, width or 200)))
        return tuple(rows)

    def _compact_rows(self, view: SessionView) -> tuple[Row, ...]:
        return (
            self._segment_row(view),
            Row("speaker", self._speaker_line(view), "turn--title"),
            self._clock_row(view),
        )

    @staticmethod
    def _clock_row(view: SessionView) -> Row:
        return Row("clockline", clock_words.clock_line(view.turn, view.started))

    @staticmethod
    def _segment_row(view: SessionView) -> Row:
        """`3/7  Hot seat` and what its time box says, on every panel."""
        turn = view.turn
        segment = f"{turn.segment + 1}/{view.segment_count}  {turn.segment_title}"
        return Row("segment", segment + clock_words.box_words(turn), "turn--title")

    def _digits(self, view: SessionView) -> tuple[str, ...]:
        """The countdown in Textual's three-row digits, bold if the stylesheet says so."""
        bold = bool(self._style("turn--clock").bold)
        return digit_rows(clock_words.countdown(view.turn), bold)

    @staticmethod
    def _goal_text(view: SessionView) -> str:
        """The speaker's current goal, under their name, marked private when it is."""
        goal = view.turn.goal
        mark = " (private)" if goal and goal.private else ""
        return f"  goal{mark}: {goal.text}" if goal else ""

    def _kept_row(self, name: str, text: str, kept: bool) -> list[Row]:
        """A row that only some turns have (focus, goal), one line however long. In a
        segment where some turn has one, every turn keeps the row (blank without one), so
        the clock stays where it is from turn to turn and the screen is not laid out again
        at each; but only on a screen with room for every row the panel can have (from 24
        rows): on a smaller one, as in any other segment, a turn without one has no such
        row, so the clock and the list below keep theirs."""
        if text or (kept and self.screen.has_class("-roomy")):
            return [Row(name, text, "turn--muted")]
        return []

    @staticmethod
    def _wrapped(
        rows: tuple[Row, ...], width: int, room: int | None = None, gives_way: tuple[str, ...] = ()
    ) -> tuple[tuple[str, str, str], ...]:
        """Each row as the lines it takes at `width`: the focus and the goal keep to one,
        cut with an ellipsis; the digits are drawn as they are; the rest wrap. With more
        lines than `room`, the rows that `gives_way` lose their last ones, in that order."""
        texts: list[list[str]] = []
        for name, text, _ in rows:
            if name in ("focus", "goal"):
                texts.append([Content(text).truncate(width, ellipsis=True).plain])
            elif name == "countdown":
                texts.append([text])
            else:
                texts.append(list(wrapped(text, max(width, 1))))
        over = sum(map(len, texts)) - room if room is not None else 0
        for name in gives_way:
            for row, lines in zip(rows, texts, strict=True):
                if row.name == name and over > 0:
                    cut = min(over, len(lines))
                    over -= cut
                    del lines[len(lines) - cut :]
                    if lines and name == "prompt":  # what is left of it says it goes on
                        lines[-1] = fit(lines[-1] + ELLIPSIS, width).rstrip()
        pairs = zip(rows, texts, strict=True)
        return tuple((row.name, text, row.part) for row, lines in pairs for text in lines)

    # -- drawing ---------------------------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if width != self._width:
            room = self._asked[2] if self._asked is not None else None
            return len(self._wrapped(self._rows, width, room, GIVES_WAY))
        return len(self._lines)

    def render_line(self, y: int) -> Strip:
        _, text, part = self._lines[y] if y < len(self._lines) else ("", "", "")
        return plain_strip(self, text, y, self._style(part) if part else None)

    def _style(self, part: str) -> Style:
        """The part's style, worked out again after a restyle (a new state, a new theme)."""
        style = self._styles.get(part)
        if style is None:
            style = self._styles[part] = self.get_component_rich_style(part)
        return style

    # -- the bell and the flash ------------------------------------------------------------

    def _cue(self, before: SessionView | None, now: SessionView) -> None:
        """The bell at time-up, and a flash at time-up and at each warning, within one turn."""
        if before is None or not now.turn.running:
            return
        if (before.turn.segment, before.turn.speaker, before.turn.step, before.turn.topic) != (
            now.turn.segment,
            now.turn.speaker,
            now.turn.step,
            now.turn.topic,
        ):
            return
        if now.turn.remaining <= 0 < before.turn.remaining:
            if not self.quiet:
                self.app.bell()
            self._flash()
        elif now.turn.warning is not None and now.turn.warning != before.turn.warning:
            self._flash()

    def _flash(self) -> None:
        self.add_class("-flash")
        self.set_timer(1.0, lambda: self.remove_class("-flash"))

    @staticmethod
    def _speaker_line(view: SessionView) -> str:
        turn = view.turn
        parts = []
        if turn.speaker:
            parts.append(f"▶ {turn.speaker}")
        if turn.topic:
            parts.append(f"Topic: {turn.topic}")
        if turn.step_title:
            parts.append(f"step {turn.step + 1}/{turn.steps}: {turn.step_title}")
        if not parts:
            parts.append("Everyone")
        return "  ·  ".join(parts)
