"""The live screen's cheap widgets: a hidden line that changes lays nothing out, and the
countdown's digits are Textual's, drawn without Rich; "Not yet:" fits one line."""

import re

import pytest
from rich.cells import cell_len
from rich.color import Color
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Digits

from facilitator.tui.cells import names_line
from facilitator.tui.widgets.line import ClockDigits, Line


class Lines(App[None]):
    CSS = "#hidden { display: none; } #countdown, #textual { width: auto; }"

    def compose(self) -> ComposeResult:
        yield Line("before", id="hidden")
        yield Line("before", id="shown")
        yield ClockDigits("0:00", id="countdown")
        yield Digits("0:00", id="textual")


async def test_a_hidden_line_that_changes_lays_nothing_out_and_shows_its_news_when_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Lines()
    async with app.run_test(size=(40, 10)) as pilot:
        hidden, shown = app.query_one("#hidden", Line), app.query_one("#shown", Line)
        layouts: list[str] = []
        for line in (hidden, shown):
            spy_on_layouts(line, layouts, monkeypatch)
        hidden.update("a longer line, now")
        shown.update("a longer line, now")
        assert layouts == ["shown"]  # a line shown with a new width: the screen is laid out
        hidden.styles.display = "block"
        await pilot.pause()
        assert hidden.render_line(0).text.rstrip() == "a longer line, now"


def spy_on_layouts(line: Line, layouts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Note the line's id in `layouts` each time it asks for the screen to be laid out."""
    refresh = line.refresh

    def spy(*regions: Region, **how: bool) -> Widget:
        if how.get("layout"):
            layouts.append(line.id or "")
        return refresh(*regions, **how)

    monkeypatch.setattr(line, "refresh", spy)


@pytest.mark.parametrize("value", ["0:00", "12:34", "-1:05", "+0:45", "1:00:00", "5"])
async def test_the_countdown_draws_textuals_digits_in_their_colour(value: str) -> None:
    app = Lines()
    async with app.run_test(size=(40, 10)) as pilot:
        ours, theirs = app.query_one(ClockDigits), app.query_one("#textual", Digits)
        for digits in (ours, theirs):
            digits.update(value)
            digits.styles.color = "red"
        await pilot.pause()
        for y in range(3):
            mine, textual = ours.render_line(y), theirs.render_line(y)
            assert mine.text == textual.text
            assert looks(mine) == looks(textual) != {(None, None)}


def looks(strip: Strip) -> set[tuple[Color | None, bool | None]]:
    """The colours and weights a row of digits is drawn in."""
    return {(s.style.color, s.style.bold) for s in strip if s.text and s.style is not None}


NOT_YET = "Next: Ben  ·  Not yet: "
GROUP = ["Ben", "Cleo", "Dev", "Eun-ji"]


def test_not_yet_says_plus_n_more_when_not_even_one_name_fits_with_it() -> None:
    # At 60x18 the line read "Not yet: Ben +3…": the first name was kept however long.
    assert names_line(NOT_YET, GROUP, 30) == "Next: Ben  ·  Not yet: +4 more"
    assert names_line("Not yet: ", ["Maximiliana"], 12) == "Not yet: +1 more"


def test_not_yet_ends_with_plus_n_more_when_some_names_do_not_fit() -> None:
    assert names_line(NOT_YET, GROUP, 34) == "Next: Ben  ·  Not yet: Ben +3 more"
    assert names_line(NOT_YET, GROUP, 40) == "Next: Ben  ·  Not yet: Ben, Cleo +2 more"
    assert names_line(NOT_YET, GROUP, 80) == "Next: Ben  ·  Not yet: Ben, Cleo, Dev, Eun-ji"
    assert names_line(NOT_YET, [], 10) == NOT_YET


def test_the_last_name_fits_where_plus_one_more_would_not() -> None:
    assert names_line("Not yet: ", ["Ana", "Bo", "Al"], 20) == "Not yet: Ana, Bo, Al"


@pytest.mark.parametrize("width", range(8, 60))
@pytest.mark.parametrize(
    "names", [GROUP, ["李雷李雷", "Zoë", "Łukasz Wiśniewski-Kowalczyk", "Ana"], ["Bo"] * 12]
)
def test_not_yet_counts_every_name_left_out_and_keeps_to_its_width(
    names: list[str], width: int
) -> None:
    line = names_line("Not yet: ", names, width)
    said = re.fullmatch(r"Not yet: (.*?) ?(?:\+(\d+) more)?", line)
    assert said is not None
    shown, more = said.groups()
    left_out = int(more) if more else 0
    assert (shown.split(", ") if shown else []) == names[: len(names) - left_out]
    assert cell_len(line) <= max(width, cell_len(f"Not yet: +{len(names)} more"))
