"""The session at a glance: one block per segment, as wide as its planned time, done, now
and to come; marks say it as well as colours do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.events import Resize
from textual.reactive import reactive

from facilitator.session.view import SegmentProgress, SessionView
from facilitator.tui.widgets.line import Line

if TYPE_CHECKING:  # the room's view is made only for the presenter view
    from facilitator.session.room import RoomView

MARKS = {"done": "█", "current": "▓", "to come": "░"}
"""Done, under way (its spent part), to come: told apart without colour."""


def strip(progress: list[SegmentProgress], width: int) -> str:
    """The segments in `width` cells, each at least one, parted by `┊`; the current one
    split into its spent part (▓) and what is left of it (░), with ▶ where it stands."""
    width -= len(progress) - 1  # the partings
    total = sum(max(segment.planned, 1.0) for segment in progress) or 1.0
    cells = [max(1, round(width * max(s.planned, 1.0) / total)) for s in progress]
    while sum(cells) > width and max(cells) > 1:
        cells[cells.index(max(cells))] -= 1
    parts = []
    for segment, size in zip(progress, cells, strict=True):
        if segment.status != "current":
            parts.append(MARKS[segment.status] * size)
            continue
        done = min(size - 1, round(size * segment.spent / max(segment.planned, 1.0)))
        parts.append("▓" * done + "▶" + "░" * (size - done - 1))
    return "┊".join(parts)


class ProgressStrip(Line):
    """A line across the screen; the schedule words follow the blocks."""

    view: reactive[SessionView | RoomView | None] = reactive(None, repaint=False)

    def on_resize(self, event: Resize) -> None:
        self.watch_view(self.view)

    def watch_view(self, view: SessionView | RoomView | None) -> None:
        if view is None:
            return
        drift = round(view.schedule.behind / 60)
        words = (
            f" {drift} min behind" if drift > 0 else f" {-drift} min ahead" if drift else " on time"
        )
        width = max(self.content_size.width - len(words), 10)
        self.update(Content(strip(view.progress, width) + words))
