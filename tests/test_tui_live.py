"""The live screen with Pilot, against a fake clock: every key in the table does its job."""

import os
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.binding import ActiveBinding
from textual.pilot import Pilot
from textual.widgets import Input

from facilitator.agenda import Agenda
from facilitator.session import Session
from facilitator.tui.commands import LIVE_COMMANDS
from facilitator.tui.screens.confirm import ConfirmScreen, EndScreen
from facilitator.tui.screens.help import HelpScreen
from facilitator.tui.screens.live import LiveScreen
from facilitator.tui.screens.summary import SummaryScreen
from facilitator.tui.typing_guard import BURST_GAP
from facilitator.tui.widgets.capture_bar import CaptureBar
from facilitator.tui.widgets.keys_line import KeysLine
from tests.session_helpers import disk_full
from tests.tui_helpers import (
    HOSTILE,
    bundled,
    live_app,
    live_screen,
    screen_text,
    send,
    settled,
    text_of,
    turn_says,
    type_in,
)

SIZE = (80, 24)


async def typed_into(pilot: Pilot[None], field: Input) -> str:
    """The field's text once the held keys have been let go (a loaded machine takes longer
    than the hold: wait for it, up to 3 s)."""
    for _ in range(30):
        await pilot.pause(0.1)
        if field.value:
            break
    return field.value


def refresh(app: object) -> None:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, LiveScreen)
    screen.refresh_view()


async def test_space_starts_pauses_and_resumes_the_turn() -> None:
    app, session, clock = live_app()
    async with app.run_test(size=SIZE) as pilot:
        assert "READY" in turn_says(app, "state")
        await pilot.press("space")
        clock.advance(30)
        refresh(app)
        assert turn_says(app, "countdown") == "1:30"
        assert turn_says(app, "state") == "TIME LEFT of 2:00"
        await pilot.press("space")
        clock.advance(100)
        refresh(app)
        assert turn_says(app, "countdown") == "1:30"
        assert turn_says(app, "state").startswith("PAUSED")
        assert not session.state.running


async def test_the_countdown_says_wrap_up_time_and_over_in_words() -> None:
    app, _, clock = live_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        seen = []
        for seconds in (70, 40, 12, 70):
            clock.advance(seconds)
            refresh(app)
            seen.append((turn_says(app, "countdown"), turn_says(app, "state")))
        assert seen == [
            ("0:50", "WRAP UP: 0:50 left"),
            ("0:10", "WRAP UP: 0:10 left"),
            ("+0:02", "TIME"),
            ("+1:12", "OVER BY 1:12"),
        ]


async def test_the_bell_rings_once_at_time_up_unless_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    for quiet, rings in ((False, 1), (True, 0)):
        app, _, clock = live_app(quiet=quiet)
        bells: list[None] = []
        monkeypatch.setattr(app, "bell", lambda bells=bells: bells.append(None))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space")
            for _ in range(3):
                clock.advance(50)
                refresh(app)
            assert len(bells) == rings


async def test_n_right_b_left_move_between_turns() -> None:
    app, session, _ = live_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert session.view().turn.speaker == "Ben"
        await pilot.press("right")
        assert session.view().turn.speaker == "Cleo"
        await pilot.press("left")
        assert session.view().turn.speaker == "Ben"
        await pilot.press("b")
        assert session.view().turn.speaker == "Ana"
        assert "Next: Ben" in turn_says(app, "upcoming")


async def test_plus_and_minus_change_the_turn_by_a_minute() -> None:
    app, session, _ = live_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "plus", "minus")
        assert session.view().turn.allotted == 180
        assert text_of(app, "#message") == "Took 1m from Ana's turn."


async def test_p_passes_and_x_marks_the_speaker_absent() -> None:
    app, session, _ = live_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert text_of(app, "#message") == "Ana passes: back at the end."
        await pilot.press("x")
        assert text_of(app, "#message") == "Ben is marked absent."
        side = text_of(app, "#side")
        assert "↷ Ana passed" in side
        assert "✗ Ben absent" in side
        assert session.view().turn.speaker == "Cleo"


async def test_capturing_credits_the_speaker_and_never_stops_the_clock() -> None:
    app, session, clock = live_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n", "a")
        hint = text_of(app, "#capture-hint")
        assert "owner: Ben" in hint
        clock.advance(20)
        await type_in(pilot, *"send the draft by friday", "enter")
        assert session.state.running
        assert text_of(app, "#message") == "Action (Ben): send the draft, due Fri 27 Nov"
        refresh(app)
        assert "ACTION Ben: send the draft · due Fri 27 Nov" in screen_text(app)
        assert turn_says(app, "countdown") == "1:40"
        await type_in(pilot, "r", *"@cleo The Manager's Path", "enter")
        await type_in(pilot, "o", *"quiet today #private", "enter")
        items = [(i.type, i.person, i.private) for i in session.view().items]
        assert items == [
            ("note", "Ben", True),
            ("resource", "Cleo", False),
            ("action", "Ben", False),
        ]


async def test_escape_cancels_a_capture() -> None:
    app, session, _ = live_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", *"never mind", "escape")
        assert session.view().items == []
        assert not app.screen.query_one(CaptureBar).display
        await pilot.press("n")  # keys drive the session again
        assert session.view().turn.speaker == "Ben"


async def test_ctrl_z_undoes_the_last_capture() -> None:
    app, session, _ = live_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "o", *"first", "enter", "o", *"second", "enter", "ctrl+z")
        assert [i.text for i in session.view().items] == ["first"]
        assert text_of(app, "#message") == "Undone: note: second"


async def test_lean_coffee_topics_votes_and_extension() -> None:
    app, session, clock = live_app(bundled("lean-coffee"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert text_of(app, "#message") == "Topics are added during a topics segment."
        await type_in(pilot, "ctrl+p", *"Jump to 2", "enter")
        await type_in(pilot, "t", *"Hiring", "enter", "t", *"Burnout", "enter")
        await type_in(pilot, "2", "2", "1")
        side = text_of(app, "#side")
        assert "· 1. Hiring           1" in side
        assert "· 2. Burnout          2" in side
        await pilot.press("n")
        assert session.view().turn.topic == "Burnout"
        assert "Next topic: Hiring" in turn_says(app, "upcoming")
        clock.advance(7 * 60)
        await pilot.press("g")
        assert text_of(app, "#message") == "Extended by 3m."
        assert session.view().turn.remaining == 180


async def test_ctrl_e_asks_first_then_ends_and_shows_the_summary(tmp_path: Path) -> None:
    app, session, clock = live_app(home=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "space", "r", *"Thinking in Systems https://example.org/tis", "enter")
        clock.advance(90)
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, EndScreen)
        await pilot.press("n")  # a letter answers nothing
        assert isinstance(app.screen, EndScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LiveScreen)
        assert session.state.ended is None
        await pilot.press("ctrl+e", "ctrl+e")
        assert isinstance(app.screen, SummaryScreen)
        assert session.state.ended is not None
        assert session.folder is not None
        summary = (session.folder / "summary.md").read_text()
        assert "Thinking in Systems https://example.org/tis (Ana, Check-in)" in summary
        assert (session.folder / "session.json").exists()
        assert str(session.folder / "summary.md") in text_of(app, "#saved")


async def test_help_lists_every_key_from_the_bindings() -> None:
    app, _, _ = live_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        for command in LIVE_COMMANDS:
            assert command.words in shown
        assert "1–9        vote for the topic of that number (Lean Coffee)" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, LiveScreen)


async def test_ctrl_q_during_a_session_asks_and_leaves_it_resumable(tmp_path: Path) -> None:
    app, session, _ = live_app(home=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        assert app.is_running
        await pilot.press("ctrl+q", "enter")
    assert not session.state.running  # paused on the way out: no time is lost
    assert session.folder is not None
    assert Session.reopen(session.folder, session.clock).view().turn.elapsed == 0


async def test_the_palette_jumps_and_adds_a_latecomer() -> None:
    app, session, _ = live_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "ctrl+p", *"Jump to 4", "enter")
        assert session.view().turn.kind == "break"
        await type_in(pilot, "ctrl+p", *"latecomer", "enter")
        await type_in(pilot, "enter")  # nothing typed yet: the dialog stays and says so
        assert "Nothing typed yet" in screen_text(app)
        await type_in(pilot, *"Dana", "enter")
        assert "Dana" in session.state.people()
        await type_in(pilot, "ctrl+p", *"Mark Cleo absent", "enter")
        assert "Cleo" in session.state.absent


async def test_items_can_be_edited_deleted_and_made_private_from_the_list() -> None:
    app, session, _ = live_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "a", *"@ben send the draft by 2026-12-01", "enter")
        await type_in(pilot, "o", *"a note", "enter")
        await type_in(pilot, "i", "down", "enter")
        field = app.screen.query_one("#capture-input", Input)
        assert field.value == "@Ben send the draft by 2026-12-01"
        await type_in(pilot, "end", *" today", "enter")
        assert session.state.items[1].text == "send the draft today"
        assert str(session.state.items[1].due) == "2026-12-01"
        await type_in(pilot, "i", "p")  # the list opens on the newest item
        assert session.state.items[2].private
        await pilot.press("delete")
        assert list(session.state.items) == [1]
        await pilot.press("escape", "n")
        assert session.view().turn.speaker == "Ben"


async def test_esc_says_whether_an_edit_or_a_new_item_was_dropped() -> None:
    app, session, _ = live_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "o", *"a note", "enter")
        await type_in(pilot, "i", "enter", *" and more", "escape")
        assert text_of(app, "#message") == "Edit cancelled: the item is as it was."
        assert session.state.items[1].text == "a note"
        await type_in(pilot, "escape", "o", *"half a thought", "escape")
        assert text_of(app, "#message") == "Nothing captured."
        assert list(session.state.items) == [1]


async def test_last_times_items_are_marked_in_the_review(tmp_path: Path) -> None:
    from facilitator.session import FakeClock
    from facilitator.session.values import CarriedItem
    from facilitator.tui.app import make_app

    carried = [CarriedItem(text="send the draft", person="Ben", session="earlier")]
    session = Session.begin(bundled("one-on-one"), FakeClock(), tmp_path, "x", carried)
    app = make_app(session, burst_gap=0)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "ctrl+p", *"Jump to 2", "enter")
        assert "· open  Ben: send the draft" in text_of(app, "#side")
        await type_in(pilot, "i", "d")
        assert "✓ done  Ben: send the draft" in text_of(app, "#side")


async def test_markup_in_names_is_shown_as_typed_and_does_nothing() -> None:
    app, _, _ = live_app(bundled_hostile())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        shown = screen_text(app)
        assert "[/bold]Eve's [red]circle" in shown
        assert "▶ [@click=app.quit]x" in shown
        assert "$variable and [dim]markup[/dim]" in shown
        await type_in(pilot, "o", *"[bold]not bold[/bold] $x", "enter")
        await pilot.click("#side", offset=(3, 2))
        await pilot.click("#turn", offset=(3, 3))
        assert app.is_running
        assert "NOTE   [@click=app.quit]x: [bold]not bold[/bold] $x" in screen_text(app)


def bundled_hostile() -> Agenda:
    from facilitator.agenda import load_agenda

    return load_agenda(HOSTILE).agenda


async def test_the_screen_survives_shrinking_to_40_by_12_and_back() -> None:
    app, _, _ = live_app(bundled("peer-circle"))
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "space", "o", *"hello", "enter")
        for size in ((60, 20), (40, 12), (30, 8), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        refresh(app)
        assert "Check-in" in screen_text(app)


async def test_a_journal_that_cannot_be_written_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, session, _ = live_app(home=tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("space")
        monkeypatch.setattr(os, "fsync", disk_full)
        await type_in(pilot, "o", *"keep me", "enter")
        assert text_of(app, "#message").startswith("NOT SAVED")
        assert "NOTE   Ana: keep me · NOT SAVED" in screen_text(app)
        await pilot.press("n")
        assert session.view().turn.speaker == "Ben"
        assert app.is_running


async def test_m_silences_the_bell(monkeypatch: pytest.MonkeyPatch) -> None:
    app, _, clock = live_app()
    bells: list[None] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "space")
        assert text_of(app, "#message") == "Started: 1/4 Check-in · Ana's turn."
        clock.advance(130)
        refresh(app)
        assert bells == []
        assert turn_says(app, "state") == "OVER BY 0:10"


async def test_a_review_says_plainly_why_it_is_empty() -> None:
    app, session, _ = live_app(bundled("one-on-one"))
    async with app.run_test(size=SIZE) as pilot:
        session.jump(1)
        refresh(app)
        await pilot.pause()
        assert "This is the first session of its series: nothing to review yet." in text_of(
            app, "#side"
        )


async def test_a_vote_given_by_mistake_is_taken_back_from_the_items_list() -> None:
    app, session, _ = live_app(bundled("lean-coffee"))
    async with app.run_test(size=SIZE) as pilot:
        session.jump(1)
        session.capture("topic", "Hiring")
        refresh(app)
        await type_in(pilot, "1", "1")
        assert session.view().items[0].votes == 2
        await type_in(pilot, "i", "minus")
        assert session.view().items[0].votes == 1
        assert text_of(app, "#message") == "-1 vote: Hiring"


async def test_a_burst_of_letters_with_the_bar_closed_becomes_a_note_not_commands() -> None:
    app, session, _ = live_app(burst_gap=BURST_GAP)
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, [*"they agreed to review it"])
        field = (await live_screen(pilot)).query_one("#capture-input", Input)
        assert await typed_into(pilot, field) == "they agreed to review it"
        assert session.events == []  # no next, no pass, no absence
        await pilot.press("enter")
        assert [i.text for i in session.view().items] == ["they agreed to review it"]


async def test_they_and_enter_on_the_live_screen_run_nothing() -> None:
    app, session, _ = live_app(burst_gap=BURST_GAP)
    async with app.run_test(size=SIZE) as pilot:
        await send(pilot, [*"they", "enter"])
        await pilot.pause(0.3)
        assert session.state.ended is None
        assert all(event.kind == "capture" for event in session.events)


async def test_keys_in_the_same_burst_as_enter_are_typing() -> None:
    app, session, _ = live_app(burst_gap=BURST_GAP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause(0.3)
        await pilot.press(*"first")
        await send(pilot, ["enter", *"yes see you"])
        field = app.screen.query_one("#capture-input", Input)
        assert await typed_into(pilot, field) == "yes see you"  # kept, to save or drop
        assert [i.text for i in session.view().items] == ["first"]
        assert session.state.ended is None and session.view().turn.speaker == "Ana"


async def test_typing_long_after_a_command_takes_back_nothing_of_it() -> None:
    """A burst starting with a key that runs nothing (y) takes back only its own keys: the
    turn moved and the action saved seconds before stay (it once undid them)."""
    app, session, _ = live_app(burst_gap=BURST_GAP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause(0.3)
        await type_in(pilot, "a", *"@Ben draft the plan", "enter")
        await pilot.pause(0.5)
        await send(pilot, [*"yyyy"])
        field = app.screen.query_one("#capture-input", Input)
        assert await typed_into(pilot, field) == "yyyy"
        assert session.view().turn.speaker == "Ben"
        assert [i.text for i in session.view().items] == ["draft the plan"]


async def test_a_command_pressed_alone_still_runs_after_the_hold() -> None:
    app, session, _ = live_app(burst_gap=BURST_GAP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause(0.3)
        assert session.view().turn.speaker == "Ben"


async def test_ctrl_e_then_enter_or_esc_keeps_the_session_going_and_letters_answer_nothing() -> (
    None
):
    app, session, _ = live_app()
    async with app.run_test(size=SIZE) as pilot:
        for key in ("enter", "escape"):
            await pilot.press("ctrl+e", "y", "e", "s")
            assert isinstance(app.screen, EndScreen)
            assert "Typing does not answer this" in screen_text(app)
            await pilot.press(key)
            assert isinstance(app.screen, LiveScreen)
        await pilot.press("ctrl+e", "tab", "enter")
        assert session.state.ended is not None


async def test_the_summary_screen_reopens_the_session_paused_where_it_ended(
    tmp_path: Path,
) -> None:
    app, session, clock = live_app(home=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n")
        clock.advance(30)
        await pilot.press("ctrl+e", "ctrl+e")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("u")
        assert isinstance(app.screen, ConfirmScreen)  # reopening asks first
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert session.state.ended is None and not session.state.running
        assert session.view().turn.speaker == "Ben"
        await type_in(pilot, "o", *"after the reopen", "enter", "ctrl+e", "ctrl+e")
        assert session.folder is not None
        assert "after the reopen" in (session.folder / "summary.md").read_text()


async def test_ctrl_z_undoes_a_next_and_says_so() -> None:
    app, session, clock = live_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n")
        clock.advance(20)
        await pilot.press("ctrl+z")
        assert text_of(app, "#message") == "Undone: next (back to Ana's turn)"
        assert session.view().turn.speaker == "Ana"
        assert session.view().turn.elapsed == 20  # the time since counts for Ana


async def test_the_palette_offers_only_what_can_be_done_now() -> None:
    app, _, _ = live_app()
    async with app.run_test(size=SIZE) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Next" in titles and "Extend topic" not in titles and "Back" not in titles
        await pilot.press("n")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Back" in titles
        helps = {command.title: command.help for command in app.get_system_commands(app.screen)}
        assert helps["Add a minute"] == "key: +, ="  # as typed, not `plus,equals_sign`
        assert "Help" in titles and "Keys" not in titles  # Textual's panel: Esc left it open


async def test_ctrl_c_with_nothing_selected_says_which_key_quits() -> None:
    app, session, _ = live_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+c")
        for _ in range(200):  # the toast shows in a moment (longer on a loaded machine)
            if "ctrl+q quits" in screen_text(app):
                break
            await pilot.pause(0.02)
        assert "ctrl+q quits" in screen_text(app)
        assert app.is_running and session.state.ended is None


async def test_quitting_a_session_that_never_started_leaves_no_folder(tmp_path: Path) -> None:
    app, session, _ = live_app(home=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
    assert session.folder is not None and not session.folder.exists()


async def test_one_key_right_after_enter_is_typing_too() -> None:
    app, session, _ = live_app(burst_gap=BURST_GAP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause(0.3)
        await pilot.press(*"first")
        await send(pilot, ["enter", "n"])
        field = app.screen.query_one("#capture-input", Input)
        assert await typed_into(pilot, field) == "n"
        assert session.view().turn.speaker == "Ana"  # the n did not move the turn


async def test_the_footer_shows_the_keys_that_work_now_however_they_changed() -> None:
    """The footer is one line of the working keys, redrawn when they change: by a key, or
    (at the screen's next tick) by a change that came some other way; a click presses one."""
    app, session, _ = live_app(bundled("peer-circle"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await live_screen(pilot)
        footer = screen.query_one(KeysLine)
        await pilot.press("space")
        await pilot.pause()
        assert session.state.running and "b Back" not in footer_text(footer)
        await pilot.press("n")  # Ben's turn: going back to Ana now works
        await pilot.pause()
        assert "n Next b Back p Pass" in footer_text(footer)
        session.undo()  # back on Ana's turn, not by a key: the next tick shows the keys
        for _ in range(300):
            await pilot.pause(0.01)
            if "b Back" not in footer_text(footer):
                break
        assert "b Back" not in footer_text(footer)
        await pilot.click(KeysLine, offset=(footer_text(footer).index("n Next") + 2, 0))
        await pilot.pause()
        assert session.view().turn.speaker == "Ben"  # the click pressed n


async def test_the_keys_that_work_are_always_those_textual_works_out() -> None:
    """The live screen remembers which keys work until the session records an event or the
    focus moves: after every kind of change, it says what Textual works out afresh."""
    app, session, _ = live_app(bundled("peer-circle"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await live_screen(pilot)

        def working(bindings: dict[str, ActiveBinding]) -> dict[str, tuple[str, bool]]:
            return {key: (b.binding.action, b.enabled) for key, b in bindings.items()}

        def afresh() -> dict[str, tuple[str, bool]]:
            return working(super(LiveScreen, screen).active_bindings)

        keys = ["space", "n", "b", "i", "down", "escape", "r", "escape", "z", "z", "ctrl+z"]
        keys += ["p", "question_mark", "escape", "ctrl+e", "escape", "o", "ctrl+z", "escape"]
        for key in keys:
            await pilot.press(key)
            await settled(pilot)
            if app.screen is screen:
                assert working(screen.active_bindings) == afresh(), key
        session.undo()  # not by a key
        assert working(screen.active_bindings) == afresh()
        await pilot.press("i")  # the items list has the keys (ctrl+c is then not a copy)
        await pilot.press("ctrl+e")  # a dialog on top: Textual checks some keys against it
        await settled(pilot)
        session.toggle()  # an event meanwhile, and the footer's tick asks
        screen.refresh_view()
        await pilot.press("escape")
        await settled(pilot)
        assert app.screen is screen
        assert working(screen.active_bindings) == afresh()


@pytest.mark.parametrize("display", ["x", "✓", "界"], ids=["ascii", "narrow", "wide"])
async def test_a_footer_too_long_for_the_screen_ends_at_a_whole_word(display: str) -> None:
    app, _, _ = live_app(bundled("peer-circle"))
    async with app.run_test(size=(40, 24)) as pilot:
        footer = (await live_screen(pilot)).query_one(KeysLine)
        footer.keys = tuple((str(n), display, f"Do thing {n}") for n in range(9))
        line, whole = footer.render_line(0), " ".join(f"{display} Do thing {n}" for n in range(9))
        assert 30 < line.cell_length <= 40
        assert whole.startswith(line.text) and whole[len(line.text)] == " "  # a whole word
        assert not line.text.endswith(display)  # of a description, not a bare key
        await pilot.resize_terminal(3, 24)
        await pilot.pause()
        footer.keys = tuple((str(n), display, f"Do thing {n}") for n in range(9))
        assert footer.render_line(0).text == display  # not even a word fits: the first key


def footer_text(footer: KeysLine) -> str:
    return footer.render_line(0).text


async def test_a_held_ctrl_q_leaves_once_saying_how_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Key repeat: the second ctrl+q leaves through the question, the rest ask nothing."""
    app, session, _ = live_app(home=tmp_path)
    farewells: list[object] = []
    leave = app.exit

    def exit(*args: Any, **kwargs: Any) -> None:
        farewells.append(kwargs.get("message"))
        leave(*args, **kwargs)

    monkeypatch.setattr(app, "exit", exit)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        for _ in range(8):  # queued at once, as a held key's repeats come: none waits
            app.post_message(events.Key("ctrl+q", None))
        for _ in range(100):
            if not app.is_running:
                break
            await pilot.pause(0.05)
    assert not session.state.running
    assert farewells == [f"Session saved. Continue it with: facilitator resume {session.header.id}"]
