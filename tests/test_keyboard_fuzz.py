"""Random keys at random speeds on every screen: no exception, never a blank or stuck
screen, and a burst of typing changes the session by captures alone (no move, no clock).

FACILITATOR_FUZZ_EXAMPLES sets how many sequences each test tries (CI: a few dozen)."""

import asyncio
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot

from facilitator.session import Session
from facilitator.tui.app import FacilitatorApp
from facilitator.tui.screens.live import LiveScreen
from facilitator.tui.typing_guard import BURST_GAP
from tests.test_keyboard import paste, settle
from tests.tui_helpers import live_app, send

pytestmark = pytest.mark.slow  # many generated key sequences, each in a running app

EXAMPLES = int(os.environ.get("FACILITATOR_FUZZ_EXAMPLES", "20"))
LETTERS = list("abcdefghijklmnopqrstuvwxyzNGP ?+-=123")
KEY = st.one_of(
    st.sampled_from(LETTERS),
    st.sampled_from(["enter", "escape", "ctrl+z", "ctrl+e", "paste"]),
)
Start = Callable[[Pilot[None], Session], Awaitable[None]]


async def _live(pilot: Pilot[None], session: Session) -> None:
    return None


async def _end_dialog(pilot: Pilot[None], session: Session) -> None:
    await send(pilot, ["ctrl+e"])


async def _leave_dialog(pilot: Pilot[None], session: Session) -> None:
    await pilot.press("ctrl+q")


async def _items(pilot: Pilot[None], session: Session) -> None:
    await pilot.press("i")


async def _summary(pilot: Pilot[None], session: Session) -> None:
    await send(pilot, ["ctrl+e", "ctrl+e"])


async def _latecomer(pilot: Pilot[None], session: Session) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, LiveScreen)
    screen.action_latecomer()


STARTS: dict[str, Start] = {
    "live": _live,
    "end dialog": _end_dialog,
    "leave dialog": _leave_dialog,
    "items list": _items,
    "summary": _summary,
    "latecomer prompt": _latecomer,
}


async def _play(
    home: Path, start: str, keys: list[tuple[str, float]]
) -> tuple[FacilitatorApp, Session]:
    app, session, _ = live_app(home=home, burst_gap=BURST_GAP)
    async with app.run_test(size=(80, 24)) as pilot:
        session.capture("note", "one to edit")
        await STARTS[start](pilot, session)
        await settle(pilot)
        for key, gap in keys:
            await asyncio.sleep(gap)
            if not app.is_running:
                break
            if key == "paste":
                paste(pilot, "pasted words")
            else:
                await send(pilot, [key])
        await settle(pilot)
        if app.is_running:  # never blank, never stuck: Esc leads back to a screen that answers
            assert app.screen.id != "_default", "a blank screen"  # Textual's empty one
            for _ in range(3):
                await pilot.press("escape")
            assert app.screen.is_current
    return app, session


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    start=st.sampled_from(sorted(STARTS)),
    keys=st.lists(st.tuples(KEY, st.floats(0, 0.3)), min_size=1, max_size=20),
)
def test_no_keys_at_any_speed_on_any_screen_raise_or_leave_a_blank_screen(
    tmp_path_factory: pytest.TempPathFactory, start: str, keys: list[tuple[str, float]]
) -> None:
    asyncio.run(_play(tmp_path_factory.mktemp("home"), start, keys))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    start=st.sampled_from(["live", "end dialog", "items list"]),
    typed=st.lists(
        st.one_of(st.sampled_from(LETTERS), st.sampled_from(["enter", "paste"])),
        min_size=3,
        max_size=25,
    ),
)
@example(start="live", typed=["n", "a", "enter"])  # found by this test: Enter ends a burst
@example(start="live", typed=["n", "a", "paste"])  # and so does a paste
@example(start="items list", typed=["p", "enter", "a", "enter"])  # the list's p, not the summary's
def test_a_burst_of_typing_changes_the_session_by_captures_alone(
    tmp_path_factory: pytest.TempPathFactory, start: str, typed: list[str]
) -> None:
    keys = [(key, 0.0) for key in typed]  # one burst, as a terminal delivers it
    _, session = asyncio.run(_play(tmp_path_factory.mktemp("home"), start, keys))
    state = session.state
    assert state.ended is None and not state.running
    assert (state.at.segment, state.at.slot, state.at.step) == (0, 0, 0)
    assert not state.absent and state.participants == list(session.agenda.participants)
    # Keys right after a capture key are that capture's text (the issue asks it), so a
    # burst that starts with r, a, o or G is that kind of item; any other is a note.
    assert all(item.type != "topic" for item in state.items.values())
    assert not any(item.private for item in state.items.values())
