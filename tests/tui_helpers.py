"""Apps on a fake clock for the screen tests and snapshots."""

import asyncio
from pathlib import Path

from textual import events
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, Static

from facilitator.agenda import Agenda, load_agenda
from facilitator.session import FakeClock, Session
from facilitator.summary.files import save_summary
from facilitator.tui.app import FacilitatorApp, make_app
from facilitator.tui.screens.live import LiveScreen
from facilitator.tui.widgets.side_panel import SidePanel
from facilitator.tui.widgets.turn_panel import TurnPanel
from tests.conftest import BUNDLED, ROOT
from tests.session_helpers import agenda as circle

HOSTILE = ROOT / "tests" / "agendas" / "hostile-names.toml"


def bundled(name: str) -> Agenda:
    return load_agenda(BUNDLED / f"{name}.toml").agenda


def live_app(
    agenda: Agenda | None = None,
    home: Path | None = None,
    quiet: bool = False,
    burst_gap: float = 0.0,
) -> tuple[FacilitatorApp, Session, FakeClock]:
    """An app on a session whose clock only moves when the test says so. Keys run as they
    are pressed (`burst_gap=0`); the tests of typing bursts give the real guard."""
    clock = FakeClock()
    chosen = agenda or circle()
    session = Session.begin(chosen, clock, home, "test.toml") if home else Session(chosen, clock)
    session.summary_writer = save_summary  # as `facilitator run` gives it
    return make_app(session, quiet=quiet, burst_gap=burst_gap), session, clock


def text_of(app: App[None], selector: str) -> str:
    """The plain text a Static (or the side panel) shows, as the user reads it."""
    widget = app.screen.query_one(selector)
    if isinstance(widget, SidePanel):
        return "\n".join(widget.rows)
    assert isinstance(widget, Static)
    content = widget.content
    return content.plain if isinstance(content, Content) else str(content)


def turn_says(app: App[None], row: str) -> str:
    """What a row of the turn panel says (`state`, `countdown` …); "" if it is not shown."""
    return app.screen.query_one(TurnPanel).said(row) or ""


def turn_shows(app: App[None], row: str) -> bool:
    """Whether the turn panel shows the row (a blank one kept in its place counts)."""
    return app.screen.query_one(TurnPanel).said(row) is not None


def screen_text(app: App[None]) -> str:
    """Everything painted on the screen, line by line, without styles."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def live_screen(pilot: Pilot[None]) -> LiveScreen:
    """The live screen, once it is open and whole: the app opens on it (or by a message, a
    reopening say), and a loaded machine may not have put it together when a test starts."""
    for _ in range(500):
        if isinstance(pilot.app.screen, LiveScreen) and pilot.app.screen.whole:
            return pilot.app.screen
        await pilot.pause(0.01)
    raise AssertionError(f"the live screen never opened: {pilot.app.screen}")


async def settled(pilot: Pilot[None]) -> None:
    """Wait until the screen stops changing: a layout change (a bar opening) resizes
    widgets, which redraw and may resize others, over several rounds of messages."""
    before = None
    for _ in range(100):
        await pilot.pause()
        drawn = pilot.app.export_screenshot()
        if drawn == before:
            return
        before = drawn
    raise AssertionError("the screen kept changing")


async def type_in(pilot: Pilot[None], *keys: str) -> None:
    """Keys as a person types them: a command, Enter, Tab or an arrow is handled before the
    next key; letters typed into an open field come as one burst, as a fast typist's do,
    each still reaching the field in its order (Pilot waits a tenth of a second after each
    key it presses: a sentence took seconds)."""
    letters: list[str] = []
    for key in keys:
        if len(key) == 1 and isinstance(pilot.app.focused, Input):
            letters.append(key)
            continue
        await _typed(pilot, letters)
        letters = []
        await pilot.press(key)
        await pilot.pause()
    await _typed(pilot, letters)


async def _typed(pilot: Pilot[None], letters: list[str]) -> None:
    if letters:
        await send(pilot, letters)
        await pilot.pause()


NAMED = {" ": ("space", " "), "enter": ("enter", "\r"), "escape": ("escape", "\x1b")}


async def send(pilot: Pilot[None], keys: list[str], gap: float = 0.0) -> None:
    """Keys as a terminal delivers them, `gap` seconds apart (0: one burst)."""
    driver = pilot.app._driver
    assert driver is not None
    for n, key in enumerate(keys):
        if n and gap:
            await asyncio.sleep(gap)
        name, character = NAMED.get(key, (key, key if len(key) == 1 else None))
        if key.startswith("ctrl+"):
            character = None
        event = events.Key(name, character)
        event.set_sender(pilot.app)
        driver.send_message(event)
