"""Snapshots of the states whose look matters, on a frozen clock at 80x24."""

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from facilitator.agenda import bundled_agendas
from facilitator.agenda.draft import AgendaDraft
from facilitator.tui.app import FacilitatorApp, make_app
from facilitator.tui.launcher import Launcher
from tests.conftest import BUNDLED
from tests.tui_helpers import HOSTILE, bundled, live_app, live_screen, settled

SIZE = (80, 24)
Snap = Callable[..., bool]


def _steps(
    app: FacilitatorApp, *actions: Callable[[], Any]
) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Run session commands before the snapshot, then render the result."""

    async def run_before(pilot: Pilot[None]) -> None:
        screen = await live_screen(pilot)
        for action in actions:
            action()
        for field in screen.query(Input):  # a blinking cursor is caught on or off
            field.cursor_blink = False
        screen.refresh_view()
        for _ in range(50):  # a warning's flash lasts a second, or longer on a loaded machine
            if not screen.query(".-flash"):
                break
            await pilot.pause(0.1)
        await settled(pilot)

    return run_before


def test_running_turn(snap_compare: Snap) -> None:
    app, session, clock = live_app(bundled("peer-circle"))
    steps = _steps(
        app, session.start, lambda: clock.advance(35), session.next, lambda: clock.advance(20)
    )
    assert snap_compare(app, terminal_size=SIZE, run_before=steps)


def test_wrap_up_warning(snap_compare: Snap) -> None:
    app, session, clock = live_app(bundled("peer-circle"))
    steps = _steps(app, session.start, lambda: clock.advance(75))
    assert snap_compare(app, terminal_size=SIZE, run_before=steps)


def test_overtime(snap_compare: Snap) -> None:
    app, session, clock = live_app(bundled("peer-circle"))
    steps = _steps(app, session.start, lambda: clock.advance(192))
    assert snap_compare(app, terminal_size=SIZE, run_before=steps)


def test_paused(snap_compare: Snap) -> None:
    app, session, clock = live_app(bundled("peer-circle"))
    steps = _steps(app, session.start, lambda: clock.advance(50), session.pause)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps)


def test_capture_input_open(snap_compare: Snap) -> None:
    app, session, clock = live_app(bundled("peer-circle"))
    steps = _steps(app, session.start, session.next, lambda: clock.advance(10))

    async def typed(pilot: Pilot[None]) -> None:
        await steps(pilot)
        await pilot.press("a", *"send the draft by friday")
        field = pilot.app.screen.query_one(Input)
        assert field.value == "send the draft by friday"
        await settled(pilot)  # the bar's opening resizes the clock above it, which redraws
        assert field.has_focus

    assert snap_compare(app, terminal_size=SIZE, run_before=typed)


def test_help_screen(snap_compare: Snap) -> None:
    app, _, _ = live_app(bundled("peer-circle"))
    assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])


def test_topics_segment(snap_compare: Snap) -> None:
    app, session, clock = live_app(bundled("lean-coffee"))
    steps = _steps(
        app,
        lambda: session.jump(1),
        lambda: session.capture("topic", "Hiring seniors"),
        lambda: session.capture("topic", "Burnout on the team"),
        lambda: session.vote(2, 3),
        lambda: clock.advance(300),
        session.next,
        lambda: clock.advance(100),
    )
    assert snap_compare(app, terminal_size=SIZE, run_before=steps)


def test_picker(snap_compare: Snap) -> None:
    launcher = Launcher(start=_never, resume=_never, edit=_never, agendas=bundled_agendas())
    assert snap_compare(make_app(launcher=launcher), terminal_size=SIZE)


def test_hostile_names(snap_compare: Snap) -> None:
    from facilitator.agenda import load_agenda

    app, session, clock = live_app(load_agenda(HOSTILE).agenda)
    steps = _steps(
        app,
        session.start,
        lambda: session.capture("note", "[bold]not bold[/bold] and [@click=app.quit]x"),
        lambda: clock.advance(30),
    )
    assert snap_compare(app, terminal_size=SIZE, run_before=steps)


def _never(*_: object) -> Any:
    raise AssertionError("the picker snapshot opens nothing")


def test_editor_on_the_peer_circle(
    snap_compare: Snap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the status line shows the path as given: keep it short
    Path("peer-circle.toml").write_text((BUNDLED / "peer-circle.toml").read_text())
    app = make_app(draft=AgendaDraft.open(Path("peer-circle.toml")))
    to_the_hot_seat = ["down"] * 10
    assert snap_compare(app, terminal_size=SIZE, press=to_the_hot_seat)


def test_lean_coffee_past_its_time_box(snap_compare: Snap) -> None:
    app, session, clock = live_app(bundled("lean-coffee"))
    topics = [f"Topic {n} we keep putting off, said at some length" for n in range(1, 13)]

    def discuss() -> None:
        session.jump(1)
        for text in topics:
            session.capture("topic", text)
        for number in (12, 12, 3, 7):
            session.vote_for_topic(number)
        session.start()
        clock.advance(60)
        for _ in range(8):
            session.next()
            clock.advance(7 * 60)

    assert snap_compare(app, terminal_size=SIZE, run_before=_steps(app, discuss))


def test_the_25th_speaker_of_a_40_person_round(snap_compare: Snap) -> None:
    from tests.test_big_groups import round_of

    names = [f"Person {n:02}" for n in range(39)] + ["李雷李雷李雷李雷李雷"]
    app, session, clock = live_app(round_of(names))

    def speak() -> None:
        session.start()
        for _ in range(24):
            clock.advance(61)
            session.next()

    assert snap_compare(app, terminal_size=SIZE, run_before=_steps(app, speak))


def test_the_display_at_100x30(snap_compare: Snap, tmp_path: Path) -> None:
    from facilitator.session import FakeClock, Session
    from facilitator.session.room_feed import RoomFeed
    from facilitator.tui.display import DisplayApp

    clock = FakeClock()
    session = Session.begin(bundled("peer-circle"), clock, tmp_path, "x")
    session.start()
    clock.advance(35)
    session.next()
    clock.advance(80)
    assert session.folder is not None
    app = DisplayApp(RoomFeed(tmp_path, clock, session.folder))
    assert snap_compare(app, terminal_size=(100, 30))


def test_the_display_of_a_hot_seat_at_80x24(snap_compare: Snap, tmp_path: Path) -> None:
    from facilitator.session import FakeClock, Session
    from facilitator.session.room_feed import RoomFeed
    from facilitator.tui.display import DisplayApp

    clock = FakeClock()
    session = Session.begin(bundled("mastermind-hot-seat"), clock, tmp_path, "x")
    session.start()
    hot_seat = next(i for i, s in enumerate(session.agenda.segments) if s.title == "Hot seat")
    session.jump(hot_seat)
    clock.advance(95)
    assert session.folder is not None
    app = DisplayApp(RoomFeed(tmp_path, clock, session.folder))
    assert snap_compare(app, terminal_size=(80, 24))
