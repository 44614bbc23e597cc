"""A Static that redraws only when what it shows changes, and lays the screen out again
only when its size can change."""

from typing import cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static


class Line(Static):
    """The live screen is refreshed ten times a second, and a key changes a dozen lines; a
    Static's update lays the whole screen out again (most of a frame's time), so a line
    whose words did not change is left alone, and one whose height stays is only redrawn."""

    _rows: tuple[int, int] = (0, 0)
    """The width last drawn at, and the rows the content took there."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        if content == self.content:
            return
        before = self._rows
        super().update(content, layout=False)
        width, visual = self.content_size.width, self.visual
        if isinstance(visual, Content) and "\n" not in visual.plain and visual.cell_length <= width:
            rows = 1  # one line that fits: no need to wrap it to know (drawing wraps it again)
        else:
            rules = cast(RulesMap, self.styles)  # what the layout measures the content with
            rows = visual.get_height(rules, width) if width else 0
        self._rows = (width, rows)
        auto = self.styles.width
        if layout and (not width or self._rows != before or (auto and auto.is_auto)):
            self.refresh(layout=True)


def show(widget: Widget, shown: bool) -> None:
    """Hide `widget`, or leave it to the stylesheet (which may still hide it, on a short
    screen say). An inline style, not a class: a class change matches the whole stylesheet
    against the widget again, a millisecond each time a key shows or hides a line."""
    widget.styles.display = None if shown else "none"
