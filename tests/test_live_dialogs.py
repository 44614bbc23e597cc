"""Dialogs and bars the live screen opens: an answer the session would refuse keeps the
dialog open to correct; Esc goes back to where the facilitator was."""

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from facilitator.tui.screens.live import LiveScreen
from facilitator.tui.screens.prompt import PromptScreen
from facilitator.tui.widgets.capture_bar import CaptureBar
from facilitator.tui.widgets.items_list import ItemsList
from tests.tui_helpers import live_app, live_screen, settled, text_of, type_in


async def latecomer_prompt(pilot: Pilot[None]) -> PromptScreen:
    await type_in(pilot, "ctrl+p", *"latecomer", "enter")
    await settled(pilot)
    assert isinstance(pilot.app.screen, PromptScreen)
    return pilot.app.screen


async def test_a_latecomer_already_in_the_session_is_refused_inside_the_dialog() -> None:
    app, session, _ = live_app()
    people = session.state.people()
    async with app.run_test(size=(80, 24)) as pilot:
        await live_screen(pilot)
        prompt = await latecomer_prompt(pilot)
        await type_in(pilot, *"ben", "enter")
        await settled(pilot)
        assert app.screen is prompt  # still open, with the name, saying what is wrong
        assert prompt.field.value == "ben"
        assert "ben is already in the session." in text_of(app, ".keys")
        assert session.state.people() == people
        await type_in(pilot, "backspace", "backspace", "backspace", *"Bea", "enter")
        await settled(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert session.state.people() == [*people, "Bea"]
        assert text_of(app, "#message") == "Bea joined."


async def test_esc_still_cancels_a_refused_latecomer_and_the_keys_go_on() -> None:
    app, session, _ = live_app()
    people = session.state.people()
    async with app.run_test(size=(80, 24)) as pilot:
        await live_screen(pilot)
        await latecomer_prompt(pilot)
        await type_in(pilot, *"ANA", "enter", "escape")
        await settled(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert session.state.people() == people
        await type_in(pilot, "space")  # the live screen takes keys again
        assert session.state.running


@pytest.mark.parametrize("size", [(80, 24), (60, 16)])  # at 16 rows the bar hides the list
async def test_esc_in_an_items_edit_goes_back_to_the_list_on_the_same_item(
    size: tuple[int, int],
) -> None:
    app, session, _ = live_app()
    async with app.run_test(size=size) as pilot:
        await live_screen(pilot)
        await type_in(pilot, "o", *"first note", "enter")
        await type_in(pilot, "o", *"second note", "enter")
        await type_in(pilot, "i", "down", "enter", *" and more", "escape")
        await settled(pilot)
        items = app.screen.query_one(ItemsList)
        assert app.focused is items and items.highlighted == 1
        assert text_of(app, "#message") == "Edit cancelled: the item is as it was."
        await type_in(pilot, "p")  # the list's keys, on the item that was being edited
        assert session.state.items[1].private and not session.state.items[2].private
        assert session.state.items[1].text == "first note"


async def test_esc_in_a_new_capture_goes_back_to_the_session() -> None:
    app, session, _ = live_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await live_screen(pilot)
        await type_in(pilot, "i", "escape", "o", *"half a thought", "escape")
        await settled(pilot)
        assert app.focused is None
        assert not app.screen.query_one(CaptureBar).display
        await type_in(pilot, "space")
        assert session.state.running


async def test_enter_in_an_items_edit_saves_it_and_goes_back_to_the_session() -> None:
    app, session, _ = live_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await live_screen(pilot)
        await type_in(pilot, "o", *"a note", "enter", "i", "enter")
        field = app.screen.query_one("#capture-input", Input)
        assert field.value == "@Ana a note"
        await type_in(pilot, *" and more", "enter")
        assert session.state.items[1].text == "a note and more"
        assert app.focused is None
