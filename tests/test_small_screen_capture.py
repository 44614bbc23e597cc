"""At 40×12 the capture bar is on screen whenever it is open, whatever else the turn shows
(a focus line, the catch-up hint, topics), and the clock keeps counting down meanwhile; and
at every size between that and a roomy screen, where the turn is tall and the bar too."""

import pytest
from textual.pilot import Pilot

from facilitator.agenda import Agenda, parse_agenda
from facilitator.tui.widgets.capture_bar import CaptureBar
from tests.tui_helpers import bundled, live_app, screen_text, settled

FOCUSED = """
title = "Small screen"
participants = [
  { name = "Ana", focus = "Whether to take the team lead role this spring" },
  { name = "Ben", focus = "Hiring the first contractor" },
  { name = "Cleo" },
]

[[segments]]
kind = "round"
title = "Check-in"
prompt = "One win and one worry since last time."
per_speaker = "20s"

[[segments]]
kind = "topics"
duration = "10m"
per_topic = "4m"
"""


def focused() -> Agenda:
    return parse_agenda(FOCUSED, "small.toml").agenda


async def bar_is_open(pilot: Pilot[None]) -> CaptureBar:
    bar = pilot.app.screen.query_one(CaptureBar)
    for _ in range(300):  # a loaded machine may take seconds
        await pilot.pause(0.05)
        if bar.display and bar.region.height:
            break
    return bar


def fully_on_screen(bar: CaptureBar) -> bool:
    screen = bar.screen.region
    return bar.region.height >= 2 and screen.contains_region(bar.region)


@pytest.mark.parametrize("where", ["focus", "catch-up", "topics"])
async def test_the_capture_bar_is_on_screen_at_40_by_12(where: str) -> None:
    app, session, clock = live_app(focused())
    async with app.run_test(size=(40, 12)) as pilot:
        session.start()
        if where == "catch-up":
            clock.advance(80)  # Ana runs a minute over: the round is behind
        if where == "topics":
            session.jump(1)
            for text in ("cheaper laptops", "a quieter room", "the offsite"):
                session.capture("topic", text)
        await pilot.press("a")
        bar = await bar_is_open(pilot)
        assert fully_on_screen(bar), (bar.region, screen_text(app))
        await pilot.press(*"x")
        assert "x" in screen_text(app)  # what is typed is seen


@pytest.mark.parametrize("size", [(80, 18), (80, 20), (60, 20), (60, 22), (40, 24)])
async def test_the_capture_bar_is_on_screen_where_the_turn_is_tall(size: tuple[int, int]) -> None:
    """Screens too tall for the short layout, too short for the turn and an open bar: the
    peer circle's prompt wraps on two or three rows there."""
    app, _, _ = live_app(bundled("peer-circle"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("a")
        bar = await bar_is_open(pilot)
        assert fully_on_screen(bar), (bar.region, screen_text(app))
        await pilot.press(*"zq")
        assert "zq" in screen_text(app)


async def test_the_countdown_keeps_counting_while_the_bar_is_open() -> None:
    app, session, clock = live_app(focused())
    async with app.run_test(size=(40, 12)) as pilot:
        session.start()
        await pilot.press("a")
        await bar_is_open(pilot)
        clock.advance(2)
        for _ in range(300):  # the screen refreshes four times a second
            await pilot.pause(0.1)
            if "0:18" in screen_text(app):
                break
        shown = screen_text(app)
        assert "0:18 LEFT of 0:20" in shown, shown  # not the turn's length alone


LONG_PROMPT = FOCUSED.replace(
    "One win and one worry since last time.", " ".join(["Say what is on your mind."] * 12)
)


@pytest.mark.parametrize("size", [(60, 18), (80, 24), (100, 30)])
async def test_a_long_prompt_gives_way_to_the_state_and_who_is_next(size: tuple[int, int]) -> None:
    """The prompt (300 characters) is cut with an ellipsis to what the turn panel has room
    for; the state in words and the next speaker stay on screen, above the keys."""
    app, _, _ = live_app(parse_agenda(LONG_PROMPT, "long.toml").agenda)
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        shown = screen_text(app)
        assert "READY: press space to start" in shown, shown
        assert "Next: Ben" in shown, shown
        turn = [line.split("│")[1].rstrip() for line in shown.splitlines() if "│" in line]
        assert any("your" in line and line.endswith("…") for line in turn), shown
