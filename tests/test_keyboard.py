"""One keyboard policy on every screen, with the real typing guard: keys sent as a terminal
sends them (a burst in one go, or with real gaps between them), never through a test-only
shortcut. Each test is a failure a facilitator met, and the state it must end in."""

import asyncio
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from facilitator.tui import app as app_module
from facilitator.tui.commands import take_back
from facilitator.tui.screens.confirm import ConfirmScreen, EndScreen
from facilitator.tui.screens.live import LiveScreen
from facilitator.tui.screens.summary import SummaryScreen
from facilitator.tui.typing_guard import AFTER_ENTER, BURST_GAP
from facilitator.tui.widgets.items_list import ItemsList
from tests.tui_helpers import bundled, live_app, live_screen, screen_text, send, text_of

SIZE = (80, 24)


async def as_a_person(pilot: Pilot[None], *keys: str) -> None:
    """Commands pressed one by one at a person's pace: never in a burst, never right after
    an Enter (keys then are typing)."""
    for key in keys:
        await asyncio.sleep(AFTER_ENTER)
        await pilot.press(key)


def paste(pilot: Pilot[None], text: str) -> None:
    driver = pilot.app._driver
    assert driver is not None
    event = events.Paste(text)
    event.set_sender(pilot.app)
    driver.send_message(event)


async def settle(pilot: Pilot[None]) -> None:
    """Until no key is held by the typing guard (a loaded machine may take a while)."""
    app = pilot.app
    for _ in range(500):
        await pilot.pause(BURST_GAP)
        if not app.keyboard.guard.held:  # type: ignore[attr-defined]
            break
    await pilot.pause()


def bar_text(pilot: Pilot[None]) -> str:
    return pilot.app.screen.query_one("#capture-input", Input).value


def guarded(home: Path | None = None, agenda: str | None = None):  # type: ignore[no-untyped-def]
    return live_app(bundled(agenda) if agenda else None, home=home, burst_gap=BURST_GAP)


async def test_typing_into_the_end_dialog_never_crashes_nor_ends() -> None:
    app, session, _ = guarded()
    async with app.run_test(size=SIZE) as pilot:
        await as_a_person(pilot, "space", "o")
        await send(pilot, list("hello"), gap=0.08)
        await send(pilot, ["ctrl+e"])
        await send(pilot, list(" world"), gap=0.07)
        await settle(pilot)
        assert isinstance(app.screen, EndScreen)
        assert "Typing does not answer this" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, LiveScreen)
        assert session.state.ended is None
        assert bar_text(pilot) == "hello"  # the note being typed is still there


async def test_ctrl_e_then_yes_typed_fast_answers_nothing() -> None:
    app, session, _ = guarded()
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, ["ctrl+e", "y", "e", "s"])
        await settle(pilot)
        assert isinstance(app.screen, EndScreen)
        assert session.state.ended is None
        await send(pilot, ["ctrl+e"])
        await settle(pilot)
        assert session.state.ended is not None


async def test_v_a_number_and_two_enters_in_one_burst_vote_once_and_keep_the_screen() -> None:
    app, session, _ = guarded(agenda="lean-coffee")
    async with app.run_test(size=SIZE) as pilot:
        session.jump(1)
        session.capture("topic", "Hiring")
        await send(pilot, ["v", "1", "enter", "enter"])
        await settle(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert session.view().items[0].votes == 1
        assert text_of(app, "#message") == "+1 vote: Hiring"
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)


@pytest.mark.parametrize("gap", [0.0, 0.05, 0.1])
async def test_a_vote_tallied_fast_counts_each_press(gap: float) -> None:
    """Hands counted with a quick tap each: 2 2 2 2 is four votes, not typing; a letter in
    the run makes it typing after all, and the votes are taken back."""
    app, session, _ = guarded(agenda="lean-coffee")
    async with app.run_test(size=SIZE) as pilot:
        session.jump(1)
        session.capture("topic", "Hiring")
        session.capture("topic", "Burnout")
        await send(pilot, ["2"] * 4, gap=gap)
        await settle(pilot)
        assert [item.votes for item in session.view().items] == [4, 0]  # newest first
        assert not app.screen.query_one("#capture").display  # no note of "2222"
        await asyncio.sleep(AFTER_ENTER)
        await send(pilot, ["1", "1", "o"])  # one burst: a loaded machine stretches gaps
        await settle(pilot)
        assert [item.votes for item in session.view().items] == [4, 0]
        assert bar_text(pilot) == "11o"


@pytest.mark.parametrize("delay", [0, 0.05, 0.1, 0.12, 0.15, 0.2, 0.3])
async def test_text_typed_any_time_after_r_lands_in_the_resource_bar(delay: float) -> None:
    app, session, _ = guarded()
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, ["r"])
        await asyncio.sleep(delay)
        await send(pilot, list("https://example.org/tis"))
        await settle(pilot)
        assert bar_text(pilot) == "https://example.org/tis"
        await pilot.press("enter")
        assert [(i.type, i.text) for i in session.view().items] == [
            ("resource", "https://example.org/tis")
        ]


async def test_a_paste_after_a_capture_key_lands_in_its_bar() -> None:
    app, _, _ = guarded()
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, ["a"])
        paste(pilot, "@Ben send the deck")
        await settle(pilot)
        assert bar_text(pilot) == "@Ben send the deck"


async def test_a_paste_with_the_bar_closed_opens_a_note_holding_it() -> None:
    app, session, _ = guarded()
    async with app.run_test(size=SIZE) as pilot:
        paste(pilot, "next steps: n p x")
        await settle(pilot)
        assert bar_text(pilot) == "next steps: n p x"
        assert session.events == []
        await pilot.press("enter")
        assert [i.type for i in session.view().items] == ["note"]


async def test_a_command_key_answers_at_once() -> None:
    app, session, _ = guarded()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")  # no wait for the typing guard
        assert session.view().turn.speaker == "Ben"
        assert text_of(app, "#message") == "Ben's turn."


async def test_a_burst_that_starts_with_a_command_takes_it_back_and_keeps_the_note() -> None:
    app, session, _ = guarded()
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, list("nice work"))
        await settle(pilot)
        assert bar_text(pilot) == "nice work"
        assert session.view().turn.speaker == "Ana"  # the n was taken back
        assert text_of(app, "#message") == "Undone: next (back to Ana's turn)"  # and says so
        await pilot.press("enter")
        state = session.state
        assert [i.text for i in state.items.values()] == ["nice work"]
        assert not state.undoable[:-1]  # only the note is left to undo
        assert [e.kind for e in session.events] == ["next", "undo", "capture"]


async def test_letters_on_the_summary_screen_are_typing_and_do_nothing(tmp_path: Path) -> None:
    app, session, _ = guarded(home=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await send(pilot, ["ctrl+e", "ctrl+e"])
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        status = text_of(app, "#status")
        await send(pilot, list("please copy this up"))
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert session.state.ended is not None
        assert app.clipboard == ""
        assert text_of(app, "#status") == status  # no format or private switch left on
        assert "That was typing, not commands" in text_of(app, "#message")
        await pilot.press("u")
        assert isinstance(app.screen, ConfirmScreen)  # reopening asks first
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen) and session.state.ended is not None


async def test_the_presenter_view_never_shows_what_is_being_typed() -> None:
    app, _, _ = guarded()
    async with app.run_test(size=SIZE) as pilot:
        await as_a_person(pilot, "z", "o")
        await send(pilot, list("salary of Ben #private"))
        await settle(pilot)
        shown = screen_text(app)
        assert "salary" not in shown and "Ben #private" not in shown
        assert "Capturing: note… (hidden in the presenter view)" in shown
        await as_a_person(pilot, "enter", "z")
        assert "salary of Ben" in screen_text(app)  # the facilitator's own view lists it


async def test_an_old_message_goes_with_the_next_action() -> None:
    app, session, _ = guarded(agenda="lean-coffee")
    async with app.run_test(size=SIZE) as pilot:
        session.jump(1)
        await pilot.press("v", "0", "enter")
        assert text_of(app, "#message") == "There is no topic 0."
        await as_a_person(pilot, "t")
        assert text_of(app, "#message") == ""
        await as_a_person(pilot, "escape", "n")
        assert "There is no topic" not in text_of(app, "#message")


async def test_n_n_on_leave_the_session_moves_nothing() -> None:
    app, session, _ = guarded()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await send(pilot, ["ctrl+q", "n", "n"])
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert session.view().turn.speaker == "Ana"
        await pilot.press("escape")
        assert isinstance(app.screen, LiveScreen) and app.is_running


async def test_keys_typed_before_a_prompt_has_the_focus_are_its_text() -> None:
    app, session, _ = guarded()
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_screen(pilot)
        screen.action_latecomer()
        await send(pilot, list("Zoe"), gap=0.0)
        await settle(pilot)
        await pilot.press("enter")
        for _ in range(500):  # the prompt answers, then the live screen adds her
            if "Zoe" in session.state.people():
                break
            await pilot.pause(0.01)
        assert "Zoe" in session.state.people()


async def test_the_palette_offers_no_jump_vote_or_absence_that_would_be_refused() -> None:
    from facilitator.tui.palette import PeopleCommands, SegmentCommands, TopicCommands

    app, session, _ = guarded(agenda="lean-coffee")
    async with app.run_test(size=SIZE):
        session.jump(1)
        session.capture("topic", "Hiring")
        for name in session.state.people():
            session.mark_absent(name)
        screen = app.screen
        titles = [
            title
            for provider in (SegmentCommands, PeopleCommands, TopicCommands)
            for title, _, _ in provider(screen).choices(session)
        ]
        assert "Vote for topic 1: Hiring" in titles
        assert not [t for t in titles if t.startswith("Mark") and t.endswith("absent")]
        # the check-in round has nobody left to speak: jumping there would be refused
        assert "Jump to 1. Check-in" not in titles and "Jump to 3. Retro" in titles


def test_the_readme_key_tables_are_the_command_tables() -> None:
    from facilitator.tui.key_help import README_TABLES
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    for name, table in README_TABLES.items():
        start = readme.index(f"<!-- keys: {name} -->\n") + len(f"<!-- keys: {name} -->\n")
        shown = readme[start : readme.index("\n<!-- /keys -->", start)]
        assert shown == table, f"README's {name} table; it should read:\n{table}"


def test_an_action_is_taken_back_as_the_table_of_its_keys_says() -> None:
    """`private` is two commands: an item's flag in the items list (it waits for the typing
    guard: an edit opened after it would keep the flag) and what the summary shows."""
    assert take_back(ItemsList, "private") == "never"
    assert take_back(SummaryScreen, "private") == "again"
    assert take_back(LiveScreen, "pass_turn") == "never"  # not a key of the live screen
    assert take_back(LiveScreen, "items") == "observed"


async def test_keys_wait_for_a_screen_that_is_not_whole_but_not_forever(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Keys wait while the screen lacks what takes them; one that never becomes whole (a
    fault) delays them, and never takes the keyboard away."""
    monkeypatch.setattr(app_module, "EARLY_LIMIT", 0.3)
    app, session, _ = live_app(burst_gap=0.0)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await live_screen(pilot)
        screen.whole = False
        await send(pilot, ["space"])
        await pilot.pause(0.1)
        assert not session.state.running  # held
        for _ in range(500):  # a loaded machine may take seconds
            if session.state.running:
                break
            await pilot.pause(0.02)
        assert session.state.running  # taken after the limit
