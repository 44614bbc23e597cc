"""Words as big as their space allows, for a room to read a name from across the table: a
5×7 capital font drawn with half blocks (two pixel rows a cell), scaled to fit, wrapped at
spaces; plain text when a character has no glyph or nothing bigger fits."""

import math

from rich.cells import cell_len
from textual.content import Content
from textual.events import Resize
from textual.reactive import reactive

from facilitator.tui.widgets.big_clock import FONT as DIGITS
from facilitator.tui.widgets.line import Line

ROWS = 7
LETTERS = {
    "A": "01110 10001 10001 11111 10001 10001 10001",
    "B": "11110 10001 10001 11110 10001 10001 11110",
    "C": "01110 10001 10000 10000 10000 10001 01110",
    "D": "11110 10001 10001 10001 10001 10001 11110",
    "E": "11111 10000 10000 11110 10000 10000 11111",
    "F": "11111 10000 10000 11110 10000 10000 10000",
    "G": "01110 10001 10000 10111 10001 10001 01111",
    "H": "10001 10001 10001 11111 10001 10001 10001",
    "I": "111 010 010 010 010 010 111",
    "J": "00111 00010 00010 00010 00010 10010 01100",
    "K": "10001 10010 10100 11000 10100 10010 10001",
    "L": "10000 10000 10000 10000 10000 10000 11111",
    "M": "10001 11011 10101 10101 10001 10001 10001",
    "N": "10001 10001 11001 10101 10011 10001 10001",
    "O": "01110 10001 10001 10001 10001 10001 01110",
    "P": "11110 10001 10001 11110 10000 10000 10000",
    "Q": "01110 10001 10001 10001 10101 10010 01101",
    "R": "11110 10001 10001 11110 10100 10010 10001",
    "S": "01111 10000 10000 01110 00001 00001 11110",
    "T": "11111 00100 00100 00100 00100 00100 00100",
    "U": "10001 10001 10001 10001 10001 10001 01110",
    "V": "10001 10001 10001 10001 10001 01010 00100",
    "W": "10001 10001 10001 10101 10101 10101 01010",
    "X": "10001 10001 01010 00100 01010 10001 10001",
    "Y": "10001 10001 10001 01010 00100 00100 00100",
    "Z": "11111 00001 00010 00100 01000 10000 11111",
    " ": "000 000 000 000 000 000 000",
    "-": "0000 0000 0000 1111 0000 0000 0000",
    ".": "0 0 0 0 0 0 1",
    ",": "00 00 00 00 00 01 10",
    "'": "1 1 0 0 0 0 0",
    "?": "01110 10001 00001 00010 00100 00000 00100",
    "!": "1 1 1 1 1 0 1",
    "&": "01100 10010 10100 01000 10101 10010 01101",
    "/": "00001 00001 00010 00100 01000 10000 10000",
    "(": "01 10 10 10 10 10 01",
    ")": "10 01 01 01 01 01 10",
}
FONT = {**{c: rows.split() for c, rows in LETTERS.items()}, **DIGITS}
HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def drawable(text: str) -> bool:
    return all(character.upper() in FONT for character in text)


def big_line(text: str, scale: int) -> list[str]:
    """One line of `text` in capitals, each pixel `scale` cells wide and half-rows high."""
    glyphs = [FONT[character.upper()] for character in text]
    pixels = [
        [bit == "1" for bit in "0".join(glyph[row] for glyph in glyphs)] for row in range(ROWS)
    ]
    rows = [[bit for bit in row for _ in range(scale)] for row in pixels for _ in range(scale)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return [
        "".join(HALVES[pair] for pair in zip(top, bottom, strict=True)).rstrip()
        for top, bottom in zip(rows[::2], rows[1::2], strict=True)
    ]


def line_width(text: str, scale: int) -> int:
    glyphs = [FONT[character.upper()] for character in text]
    return (sum(len(glyph[0]) for glyph in glyphs) + len(glyphs) - 1) * scale


def line_rows(scale: int) -> int:
    return math.ceil(ROWS * scale / 2)


def wrapped(text: str, scale: int, width: int) -> list[str] | None:
    """The words in lines no wider than `width` at this scale, or None if a word is wider."""
    lines: list[str] = []
    for word in text.split():
        if line_width(word, scale) > width:
            return None
        if lines and line_width(f"{lines[-1]} {word}", scale) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def layout(text: str, width: int, height: int, most: int = 8) -> tuple[int, list[str]] | None:
    """The biggest scale (up to `most`) at which the text fits, with its lines."""
    if not text.strip() or not drawable(text):
        return None
    for scale in range(most, 0, -1):
        lines = wrapped(text, scale, width)
        if lines and len(lines) * line_rows(scale) <= height:  # the font's last half-row parts them
            return scale, lines
    return None


class BigText(Line):
    """Shows `text` in the biggest letters that fit its box (plain when none do)."""

    DEFAULT_CSS = "BigText { width: 100%; content-align: center middle; text-align: center; }"

    text: reactive[str] = reactive("", repaint=False)  # its watcher draws
    most = 8
    """The largest scale wanted (the next speaker stays smaller than the speaker)."""

    def on_resize(self, event: Resize) -> None:
        self.watch_text(self.text)

    def watch_text(self, text: str) -> None:
        width, height = self.content_size
        fits = layout(text, width, height, self.most) if width and height else None
        self.set_class(fits is not None, "-big")
        if fits is None:
            self.update(Content(text))
            return
        scale, lines = fits
        drawn: list[str] = []
        for line in lines:
            drawn += big_line(line, scale)
        widest = max(cell_len(row) for row in drawn)
        self.update(Content("\n".join(row.ljust(widest) for row in drawn)))
