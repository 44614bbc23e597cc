"""The state words and panel titles are readable from across the room: at least WCAG AA's
4.5:1 against what is behind them, on the default dark and light themes. Measured on what
the screen paints (colour and background of each cell), so every CSS rule that applies is
counted."""

import pytest
from rich.color import Color as RichColor
from rich.style import Style
from textual.app import App
from textual.pilot import Pilot

from facilitator.tui.widgets.keys_line import KeysLine
from facilitator.tui.widgets.turn_panel import TurnPanel
from tests.tui_helpers import live_app, live_screen, settled, turn_says

AA = 4.5
THEMES = ("textual-dark", "textual-light")
STATES = {  # seconds into a 2-minute turn (warnings 1m and 15s), and its word
    "time left": (0, "TIME LEFT"),
    "wrap up": (70, "WRAP UP"),
    "time": (120, "TIME"),
    "over by": (150, "OVER BY"),
}


def luminance(color: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in color)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_ratio_is_wcags() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def painted_ratio(app: App[None], words: str, row: str | None = None) -> float:
    """The contrast of the cells that show `words` (in the turn panel's `row`, its top line,
    if given)."""
    strips = app.screen._compositor.render_strips()
    if row is not None:
        region = app.screen.query_one(TurnPanel).row_region(row)
        strips = [strips[region.y].crop(region.x, region.right)]
    for strip in strips:
        for segment in strip:
            if segment.text.strip() and words in segment.text and segment.style is not None:
                fore, back = segment.style.color, segment.style.bgcolor
                assert isinstance(fore, RichColor) and isinstance(back, RichColor)
                return contrast(fore.get_truecolor(), back.get_truecolor())
    raise AssertionError(f"{words!r} is not on screen")


async def state_says(pilot: Pilot[None], app: App[None], word: str) -> None:
    """Wait until the state line begins with the word (the clock repaints on a timer), and
    the one-second flash of a warning or time-up is over: the steady colours are measured."""

    def says() -> bool:
        state = turn_says(app, "state")
        return state == word if word == "TIME" else state.startswith(word)  # not TIME LEFT

    while not says() or app.screen.query("TurnPanel.-flash"):
        await pilot.pause(0.05)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("state", STATES, ids=str)
async def test_each_state_word_reaches_aa(theme: str, state: str) -> None:
    seconds, word = STATES[state]
    app, _, clock = live_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.press("space")
        clock.advance(seconds)
        await state_says(pilot, app, word)
        assert painted_ratio(app, word, "state") >= AA
        assert painted_ratio(app, "", "countdown") >= AA  # the big digits, in the same colour
        if state == "over by":  # paused, it says so in the muted colour
            await pilot.press("space")
            await state_says(pilot, app, "PAUSED")
            assert painted_ratio(app, "PAUSED", "state") >= AA


@pytest.mark.parametrize("theme", THEMES)
async def test_panel_titles_reach_aa(theme: str) -> None:
    app, session, _ = live_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        session.capture("note", "a note")
        await pilot.press("space")
        title = "Captured, newest first"
        while not any(title in s.text for s in app.screen._compositor.render_strips()):
            await pilot.pause(0.05)
        assert painted_ratio(app, title) >= AA


async def test_a_theme_chosen_mid_session_repaints_the_clock_and_the_footer() -> None:
    """The turn panel keeps its rows' styles, and the footer its drawn keys, until a restyle:
    once a theme is chosen they are painted in its colours, as Textual works them out."""
    app, _, _ = live_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await live_screen(pilot)
        turn, footer = screen.query_one(TurnPanel), screen.query_one(KeysLine)
        await pilot.press("space")
        await state_says(pilot, app, "TIME LEFT")

        def painted() -> tuple[Style | None, Style | None]:
            """The style of the countdown's first digit cell, and of the footer's first key."""
            strips = screen._compositor.render_strips()
            clock = turn.row_region("countdown")
            digits = [s for s in strips[clock.y].crop(clock.x, clock.right) if s.text.strip()]
            first_key = next(s for s in strips[footer.region.y] if s.text.strip())
            return digits[0].style, first_key.style

        before = painted()
        app.theme = "textual-light"
        await settled(pilot)
        clock, key = painted()
        assert clock is not None and key is not None and (clock, key) != before
        assert clock.color == turn.get_component_rich_style("turn--clock").color
        wanted = footer.get_visual_style("keys-line--key").rich_style
        assert (key.color, key.bgcolor) == (wanted.color, wanted.bgcolor)
