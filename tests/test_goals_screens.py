"""Goals on screen: G and P from the keyboard, d in the items list, ctrl+z; the goal under
the speaker's name with their focus, kept from the presenter view and the room display
when it is private or the segment confidential."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from facilitator.session import FakeClock, Session
from facilitator.tui.app import make_app
from facilitator.tui.display import DisplayApp
from facilitator.tui.screens.live import LiveScreen
from facilitator.tui.widgets.turn_panel import TurnPanel
from tests.session_helpers import CIRCLE, agenda
from tests.tui_helpers import (
    bundled,
    live_app,
    screen_text,
    text_of,
    turn_says,
    turn_shows,
    type_in,
)

SIZE = (80, 24)
Snap = Callable[..., bool]
GOALS = CIRCLE.replace('{ name = "Ben" },', '{ name = "Ben", goal = "lead the move" },')


def refresh(app: Any) -> None:
    screen = app.screen
    assert isinstance(screen, LiveScreen)
    screen.refresh_view()


async def test_g_p_and_d_set_note_and_reach_a_goal_and_ctrl_z_takes_each_back() -> None:
    app, session, _ = live_app(agenda(GOALS))
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "space", "P", *"read a book", "enter")
        assert text_of(app, "#message") == "Ana has no current goal: set one with G first."
        assert app.screen.query_one("#capture-input", Input).value == "read a book"  # kept
        await type_in(pilot, "escape", "G", *"run the offsite", "enter")
        assert text_of(app, "#message") == "Goal (Ana): run the offsite"
        refresh(app)
        assert "goal: run the offsite" in turn_says(app, "goal")
        await type_in(pilot, "P", *"booked the venue", "enter")
        assert text_of(app, "#message") == "Progress (Ana): booked the venue"
        await type_in(pilot, "i", "down", "d")  # the list opens on the newest: the progress
        await pilot.pause()
        (goal,) = [i for i in session.state.items.values() if i.text == "run the offsite"]
        assert session.state.items[goal.id].carry == "done"
        await type_in(pilot, "escape")
        refresh(app)
        assert turn_says(app, "goal") == ""  # reached: no current goal (Ben's keeps the row)
        for undone in ("marked reached", "progress", "goal"):
            await type_in(pilot, "ctrl+z")
            assert undone in text_of(app, "#message")
        refresh(app)
        assert turn_says(app, "goal") == ""  # Ana has no goal again


async def test_the_clock_keeps_its_place_from_turn_to_turn_of_a_segment() -> None:
    """Ben has a goal too long for the panel, Ana none: her turn keeps a blank row for it,
    his shows it on one row, and the clock does not move at each turn. Below 24 rows, or
    with no goal or focus in the round, no row is kept."""
    long_goal = GOALS.replace("lead the move", "lead the move " + "and much more " * 8)
    app, _, _ = live_app(agenda(long_goal))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.pause()
        turn = screen.query_one(TurnPanel)
        clock = turn.row_region("countdown")
        assert turn_shows(app, "goal") and turn_says(app, "goal") == ""
        await type_in(pilot, "n")
        assert "goal: lead the move" in turn_says(app, "goal")
        assert turn.row_region("goal").height == 1
        assert turn.row_region("countdown") == clock
        assert not turn_shows(app, "focus")  # nobody in the round has a focus
    app, _, _ = live_app(agenda(GOALS))
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        assert not turn_shows(app, "goal")  # no room: Ana's has none
        await type_in(pilot, "n")
        assert turn_shows(app, "goal")
    app, _, _ = live_app(agenda(CIRCLE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not turn_shows(app, "goal")


async def test_a_private_goal_is_not_in_the_presenter_view() -> None:
    app, session, _ = live_app(agenda(GOALS))
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "space", "G", *"ask for a raise #private", "enter", "z")
        refresh(app)
        await pilot.pause()
        assert "ask for a raise" not in screen_text(app)
        await type_in(pilot, "z")
        refresh(app)
        await pilot.pause()
        assert "goal (private): ask for a raise" in screen_text(app)
        await type_in(pilot, "n", "z")  # Ben's goal is shared, but the room's view has none
        refresh(app)
        await pilot.pause()
        assert "lead the move" not in screen_text(app)
        session.jump(1)  # the confidential hot seat: Ben's goal stays off the shared view
        refresh(app)
        await pilot.pause()
        assert "lead the move" not in screen_text(app)


def _hot_seat_with_a_goal() -> tuple[Any, Session]:
    session = Session(bundled("peer-circle"), FakeClock())
    app = make_app(session, burst_gap=0)
    return app, session


def _steps(app: Any, session: Session) -> Callable[[Pilot[None]], Any]:
    async def run_before(pilot: Pilot[None]) -> None:
        session.jump(2)  # the hot seat: Ben presents, his focus and his goal under his name
        session.capture("progress", "two offers out")
        await pilot.pause()
        refresh(app)
        await pilot.pause()

    return run_before


def test_a_turn_with_a_goal_and_a_focus_at_80x24(snap_compare: Snap) -> None:
    app, session = _hot_seat_with_a_goal()
    assert snap_compare(app, terminal_size=(80, 24), run_before=_steps(app, session))


def test_a_turn_with_a_goal_and_a_focus_at_40x12(snap_compare: Snap) -> None:
    app, session = _hot_seat_with_a_goal()
    assert snap_compare(app, terminal_size=(40, 12), run_before=_steps(app, session))


async def test_the_room_display_never_shows_a_goal(tmp_path: Path) -> None:
    """The room sees a RoomView, which holds no goal: a private one cannot reach it."""
    from facilitator.session.room_feed import RoomFeed

    clock = FakeClock()
    session = Session.begin(agenda(GOALS), clock, tmp_path, "x")
    session.start()
    session.capture("goal", "ask for a raise #private")  # Ana's, private
    assert session.folder is not None
    app = DisplayApp(RoomFeed(tmp_path, clock, session.folder))
    async with app.run_test(size=(100, 30)) as pilot:

        async def shown_once(words: str) -> str:
            """The screen once it says `words` (a loaded machine may take seconds)."""
            for _ in range(400):
                if words in (shown := screen_text(app)):
                    return shown
                await pilot.pause(0.05)
            raise AssertionError(f"never shown: {words}")

        assert "raise" not in await shown_once("TIME LEFT")  # Ana's turn
        session.next()
        shown = await shown_once("Next: Cleo")  # Ben's turn, whose goal is in the agenda
        assert "lead the move" not in shown and "raise" not in shown


async def test_a_review_lists_the_circles_goals_with_their_last_progress() -> None:
    app, session, clock = live_app(bundled("peer-circle"))
    async with app.run_test(size=(100, 50)) as pilot:  # a window with room for the panel
        session.start()
        session.next()  # Ben
        session.capture("progress", "two offers out")
        session.jump(1)  # Last time's commitments
        refresh(app)
        await pilot.pause()
        side = text_of(app, "#side")
        assert "Goals (2)" in side
        day = f"{clock.now():%a} {clock.now().day} {clock.now():%b}"
        assert f"◎ Ben: Hire and onboard a team of five by spring · progress {day}" in side
        cleo = "◎ Cleo: Give hard feedback within a week, every time · no progress yet"
        assert cleo in side or "↓ 1 more" in side  # listed, or counted below what fits
