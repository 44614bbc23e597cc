"""A countdown as big as its space allows, for a room to read from across the table: a
7-row block font scaled to fit, or Textual's 3-row digits when there is no room."""

from textual.app import ComposeResult
from textual.containers import Container
from textual.content import Content
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import Digits

from facilitator.tui.widgets.line import ClockDigits, Line

FONT = {
    "0": ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
    "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
    "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
    "3": ["11110", "00001", "00001", "01110", "00001", "00001", "11110"],
    "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
    "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
    "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
    "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
    "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
    "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
    ":": ["0", "1", "1", "0", "1", "1", "0"],
    "+": ["000", "000", "010", "111", "010", "000", "000"],
}
ROWS = 7


def big_text(text: str, scale: int) -> str:
    """`text` in the block font, each pixel `scale` rows high and 2×`scale` cells wide."""
    glyphs = [FONT[character] for character in text if character in FONT]
    lines = []
    for row in range(ROWS):
        pixels = " ".join(glyph[row] for glyph in glyphs)
        line = "".join(("██" if pixel == "1" else "  ") * scale for pixel in pixels)
        lines += [line.rstrip()] * scale
    return "\n".join(lines)


def big_width(text: str, scale: int) -> int:
    glyphs = [FONT[character] for character in text if character in FONT]
    return (sum(len(glyph[0]) for glyph in glyphs) + len(glyphs) - 1) * 2 * scale


class BigClock(Container):
    """Shows `value` (`12:34`, `+1:02`) in the biggest font that fits."""

    DEFAULT_CSS = """
    BigClock { height: 1fr; align: center middle; }
    BigClock #big { width: auto; height: auto; }
    BigClock #small { width: auto; }
    """

    value: reactive[str] = reactive("0:00", repaint=False)

    def compose(self) -> ComposeResult:
        yield Line(id="big")  # the digits' size changes less often than they do
        yield ClockDigits(id="small")

    def on_resize(self, event: Resize) -> None:
        self.watch_value(self.value)

    def watch_value(self, value: str) -> None:
        width, height = self.size
        scale = min(height // ROWS, width // max(big_width(value, 1), 1))
        big, small = self.query_one("#big", Line), self.query_one("#small", Digits)
        big.display, small.display = scale >= 1, scale < 1
        if scale >= 1:
            big.update(Content(big_text(value, scale)))
        else:
            small.update(value)
