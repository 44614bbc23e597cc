"""An `@name` is never dropped silently: one that names nobody keeps the capture bar open
saying which, Enter again saves it as a guest owner; chat syntax is never an owner."""

import datetime as dt

import pytest

from facilitator.session.capture import parse_capture
from facilitator.tui.widgets.capture_bar import CaptureBar
from tests.session_helpers import agenda
from tests.tui_helpers import live_app, text_of, type_in

PANEL = """
title = "Cooling study"
participants = [
  { name = "Ana", role = "facilitator" },
  { name = "Zoë" },
  { name = "Lukas" },
  { name = "José María" },
]

[[segments]]
kind = "round"
title = "Check-in"
per_speaker = "2m"
"""
WEDNESDAY = dt.date(2026, 12, 2)


async def test_an_unknown_name_keeps_the_bar_open_then_saves_every_owner() -> None:
    app, session, _ = live_app(agenda(PANEL))
    async with app.run_test(size=(100, 24)) as pilot:
        await type_in(pilot, "a", *"@zoe @lu", "tab", *"@li @jose", "tab")
        await type_in(pilot, *"share the cooling study by friday", "enter")
        bar = app.screen.query_one(CaptureBar)
        assert bar.display and session.state.items == {}  # not saved with fewer owners
        hint = text_of(app, "#capture-hint")
        assert "@li: nobody by that name here" in hint and "Enter again saves" in hint
        await type_in(pilot, "enter")
        assert not bar.display
        [item] = session.state.items.values()
        assert [item.person, *item.also] == ["Zoë", "Lukas", "li", "José María"]
        assert item.guests == ("li",)
        assert item.text == "share the cooling study"


async def test_someone_marked_absent_is_named_as_an_owner_at_once() -> None:
    """Absent today, still in the session: an action for them is theirs, not a guest's."""
    app, session, _ = live_app(agenda(PANEL))
    async with app.run_test(size=(100, 24)) as pilot:
        session.mark_absent("Lukas")
        await type_in(pilot, "a", *"@zoe @lukas share the notes", "enter")
        assert not app.screen.query_one(CaptureBar).display  # saved: no question asked
        [item] = session.state.items.values()
        assert ([item.person, *item.also], item.guests) == (["Zoë", "Lukas"], ())


async def test_fixing_the_unknown_name_saves_at_once() -> None:
    app, session, _ = live_app(agenda(PANEL))
    async with app.run_test(size=(100, 24)) as pilot:
        await type_in(pilot, "a", *"@zoe @lo share it", "enter")
        assert session.state.items == {}
        for _ in "@lo share it":
            await pilot.press("backspace")
        await type_in(pilot, *"@luk share it", "enter")
        [item] = session.state.items.values()
        assert ([item.person, *item.also], item.guests) == (["Zoë", "Lukas"], ())


@pytest.mark.parametrize(
    "typed",
    ["@here check the doc", "<@U123ABC> check the doc", "<!channel> check the doc"],
)
def test_chat_mentions_are_never_owners(typed: str) -> None:
    draft = parse_capture("action", typed, ["Ana", "Ben"], "Ben", WEDNESDAY)
    assert (draft.person, draft.also, draft.guests) == ("Ben", (), ())
    assert draft.text == typed  # said, not taken


def test_chat_mentions_among_owners_stay_in_the_text() -> None:
    draft = parse_capture("action", "@Ana @everyone @Ben ship it", ["Ana", "Ben"], None, WEDNESDAY)
    assert (draft.person, draft.also) == ("Ana", ("Ben",))
    assert "@everyone" in draft.text
