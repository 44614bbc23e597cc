"""The live screen's cheap widgets: a Static that redraws only when what it shows changes,
and lays the screen out again only when its size can change and it is shown; and the
countdown's digits, drawn without Rich."""

from functools import lru_cache
from typing import cast

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.css.styles import RulesMap
from textual.renderables.digits import Digits as DigitRows
from textual.strip import Strip
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Digits, Static

LEFT = ("start", "left")


class Line(Static):
    """The live screen is refreshed ten times a second, and a key changes a dozen lines; a
    Static's update lays the whole screen out again (most of a frame's time), so a line
    whose words did not change is left alone, and one whose size stays is only redrawn."""

    _rows: tuple[int, int, int] = (0, 0, 0)
    """The width last drawn at, the rows the content took there, and (when the content
    sets the width) its widest line."""
    _plain: str | None = None
    """The text, when it is one unstyled line that fits that width."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        if content == self.content:
            return
        before = self._rows
        super().update(content, layout=False)
        width, visual = self.content_size.width, self.visual
        self._plain = None
        if isinstance(visual, Content) and "\n" not in visual.plain and visual.cell_length <= width:
            rows = 1  # one line that fits: no need to wrap it to know (drawing wraps it again)
            if not visual.spans and "\t" not in visual.plain:
                self._plain = visual.plain
        else:
            rules = cast(RulesMap, self.styles)  # what the layout measures the content with
            rows = visual.get_height(rules, width) if width else 0
        widest = 0  # a width from the content: the same widest line, the same width
        if (auto := self.styles.width) and auto.is_auto:
            plain = visual.plain if isinstance(visual, Content) else None
            widest = max(map(cell_len, plain.split("\n"))) if plain is not None else -1
        self._rows = (width, rows, widest)
        # A hidden line takes no room whatever it says (showing it lays the screen out).
        if layout and self.display and (not width or self._rows != before or widest < 0):
            self.refresh(layout=True)

    def render_line(self, y: int) -> Strip:
        """One unstyled line that fits is drawn as it is, in the line's own style: Textual
        wraps and styles it anew, a tenth of a millisecond, and a key changes ten lines."""
        width = self.content_size.width
        if self._plain is None or self._rows[0] != width or self.styles.text_align not in LEFT:
            return super().render_line(y)
        return plain_strip(self, self._plain if y == 0 else "", y)


class ClockDigits(Digits):
    """Textual's three-row digits, drawn row by row in the widget's style: Textual draws
    them through Rich, 0.7 ms against 0.3 ms at each change (each second, and each key)."""

    def render_line(self, y: int) -> Strip:
        if self.text_selection is not None or self.styles.text_align not in LEFT:
            return super().render_line(y)  # the selection's colours; an alignment
        rows = digit_rows(self.value, bool(self.visual_style.bold))
        return plain_strip(self, rows[y] if y < len(rows) else "", y)


@lru_cache(maxsize=64)
def digit_rows(value: str, bold: bool) -> tuple[str, ...]:
    """`value`'s three rows of glyphs, as Textual's digits draw them."""
    segments = DigitRows(value).render(Style(bold=bold))
    return tuple(row.text for row in segments if isinstance(row, Segment) and row.text != "\n")


def plain_strip(widget: Widget, text: str, y: int, style: Style | None = None) -> Strip:
    """Unstyled `text` as line `y` of `widget`, as Textual draws it: in the widget's style
    (the one Textual keeps until the styles change, not worked out again from every
    ancestor's) or the `style` given, marked with where it starts (a selection with the
    mouse reads that)."""
    style = widget.visual_style.rich_style if style is None else style
    return Strip([Segment(text, style + _starts_at(y))])


@lru_cache(maxsize=64)
def _starts_at(y: int) -> Style:
    return Style.from_meta({"offset": (0, y)})


def show(widget: Widget, shown: bool) -> None:
    """Hide `widget`, or leave it to the stylesheet (which may still hide it, on a short
    screen say). An inline style, not a class: a class change matches the whole stylesheet
    against the widget again, a millisecond each time a key shows or hides a line."""
    widget.styles.display = None if shown else "none"
