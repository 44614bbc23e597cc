"""Benchmarks of the live screen: start-up in a real terminal, keystrokes, timer accuracy."""

import asyncio
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from facilitator.agenda import load_agenda
from facilitator.session import FakeClock, Session, SystemClock
from facilitator.tui.app import make_app
from facilitator.tui.typing_guard import AFTER_ENTER, BURST_GAP
from facilitator.tui.widgets.turn_panel import TurnPanel

ROOT = Path(__file__).resolve().parent.parent
PEER_CIRCLE = ROOT / "agendas" / "peer-circle.toml"
FACILITATOR = Path(sys.executable).with_name("facilitator")
BARE_APP = """
from textual.app import App
from textual.widgets import Label
class Bare(App):
    def compose(self):
        yield Label("Peer mentoring circle")
Bare().run()
"""
AGENDA_APP = """
import sys
from pathlib import Path
from textual.app import App
from textual.widgets import Label
from facilitator.agenda import load_agenda
agenda = load_agenda(Path(sys.argv[1])).agenda
class Bare(App):
    def compose(self):
        yield Label(agenda.title)
Bare().run()
"""
"""The least `run` could do: the bare app, after loading the agenda with its models."""
COUNTER_APP = """
from textual.app import App
from textual.widgets import Label
class Counter(App):
    BINDINGS = [("n", "more", "More")]
    count = 0
    def compose(self):
        yield Label("count 0")
    def action_more(self):
        self.count += 1
        self.query_one(Label).update(f"count {self.count}")
Counter().run()
"""
"""A bare app's key to screen: `n` adds one to a counter on screen."""


_WINDOWS = itertools.count()


class _Window:
    """A command in a tmux server of its own, read as a person reads the screen."""

    def __init__(self, command: list[str], home: str) -> None:
        self.tmux = ["tmux", "-L", f"bench{os.getpid()}-{next(_WINDOWS)}"]
        self.started = time.perf_counter()
        size = ["-x", "80", "-y", "24"]
        subprocess.run(
            [*self.tmux, "new-session", "-d", *size, "-e", f"FACILITATOR_HOME={home}", *command],
            check=True,
        )

    def screen(self) -> str:
        return subprocess.run(
            [*self.tmux, "capture-pane", "-p"], capture_output=True, text=True
        ).stdout

    def wait_for(self, text: str) -> float:
        """Seconds from the start until `text` is on the screen."""
        return _shown((self, text))[0] - self.started

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", *keys], check=True)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


def _seconds_until_shown(command: list[str], text: str, home: str) -> float:
    window = _Window(command, home)
    try:
        return window.wait_for(text)
    finally:
        window.close()


def startup_ratio(rounds: int = 7) -> dict[str, float]:
    """`facilitator run` until the title shows, over a bare Textual app with one label; and
    the same bare app after loading the agenda, the floor for anything that validates it."""
    if shutil.which("tmux") is None:
        return {}
    ours, bare, floor = [], [], []
    with tempfile.TemporaryDirectory() as home:
        for _ in range(rounds):
            ours.append(
                _seconds_until_shown(
                    [str(FACILITATOR), "run", "peer-circle"], "1/7  Check-in", home
                )
            )
            bare.append(
                _seconds_until_shown(
                    [sys.executable, "-c", BARE_APP], "Peer mentoring circle", home
                )
            )
            floor.append(
                _seconds_until_shown(
                    [sys.executable, "-c", AGENDA_APP, str(PEER_CIRCLE)],
                    "Peer mentoring circle",
                    home,
                )
            )
    mine, theirs = statistics.median(ours), statistics.median(bare)
    return {
        "startup_s": round(mine, 3),
        "startup_ratio": round(mine / theirs, 2),
        "startup_agenda_floor_ratio": round(statistics.median(floor) / theirs, 2),
    }


def _capture_seconds(items: int, home: str, rounds: int = 7) -> float:
    """Median time from Enter on a capture to the item on a real terminal's screen."""
    agenda = load_agenda(PEER_CIRCLE).agenda
    session = Session.begin(agenda, FakeClock(), Path(home), "peer-circle")
    for number in range(items):
        session.capture("note", f"note number {number} https://example.org/{number}")
    session.close()  # the app in the window is the session's one writer
    window = _Window([str(FACILITATOR), "resume", session.header.id], home)
    try:
        window.wait_for("1/7  Check-in")
        times = []
        for number in range(rounds):
            window.keys("o")
            window.wait_for("Note  ·  credit: Ana")
            window.keys("-l", f"marker{number}")
            window.wait_for(f"marker{number}")
            started = time.perf_counter()
            window.keys("Enter")
            window.wait_for(f"NOTE   Ana: marker{number}")
            times.append(time.perf_counter() - started)
            time.sleep(AFTER_ENTER)  # a person's pause: keys right after Enter are typing
        return statistics.median(times)
    finally:
        window.close()


def keystroke_ratio() -> dict[str, float]:
    """A capture with 1,000 items already captured over the same with 10."""
    if shutil.which("tmux") is None:
        return {}
    with tempfile.TemporaryDirectory() as few_home, tempfile.TemporaryDirectory() as many_home:
        few = _capture_seconds(10, few_home)
        many = _capture_seconds(1000, many_home)
    return {"keystroke_ms_1000": round(many * 1000, 1), "keystroke_ratio": round(many / few, 2)}


def key_latency() -> dict[str, float]:
    """`n` and `b` pressed in the live app until the new turn's words are on screen, over
    `n` in a bare Textual app until its counter shows the new count; alternated, in tmux.
    Between Ana and Ben more changes: which keys work (Back comes and goes) and the focus and
    goal rows (Ben's, or Ana's kept blank); between Dev and Eun-ji, little more than the
    names."""
    if shutil.which("tmux") is None:
        return {}
    mine, theirs = _key_seconds(0, ("Ben", "Ana"))
    same_mine, same_theirs = _key_seconds(3, ("Eun-ji", "Dev"))
    return {
        "key_latency_ms": round(mine * 1000, 1),
        "key_latency_ratio": round(mine / theirs, 2),
        "key_latency_same_shape_ms": round(same_mine * 1000, 1),
        "key_latency_same_shape_ratio": round(same_mine / same_theirs, 2),
    }


def _key_seconds(skip: int, names: tuple[str, str], rounds: int = 9) -> tuple[float, float]:
    """Medians of ours and the bare app's, `n` and `b` alternated after `skip` turns. Keys
    come at least BURST_GAP apart, as a person presses commands: quicker ones are typing,
    and the live app holds them that long by design."""
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as home:
        live = _Window([str(FACILITATOR), "run", "peer-circle"], home)
        counter = _Window([sys.executable, "-c", COUNTER_APP], home)
        try:
            live.wait_for("1/7  Check-in")
            counter.wait_for("count 0")
            for _ in range(skip):
                time.sleep(BURST_GAP * 2)
                live.keys("n")
            live.wait_for(f"▶ {names[1]}")
            for number in range(1, rounds + 1):
                key, name = ("n", names[0]) if number % 2 else ("b", names[1])
                time.sleep(BURST_GAP)
                started = time.perf_counter()
                live.keys(key)
                live.wait_for(f"{name}'s turn.")
                ours.append(time.perf_counter() - started)
                started = time.perf_counter()
                counter.keys("n")
                counter.wait_for(f"count {number}")
                bare.append(time.perf_counter() - started)
        finally:
            live.close()
            counter.close()
    return statistics.median(ours), statistics.median(bare)


def display_lag(rounds: int = 10) -> dict[str, float]:
    """`n` and `b` pressed in the live app, in turn: time until the live app shows the new
    speaker, and until `facilitator display` in another window shows who is next (read from
    the journal). Both windows are read in one loop, so neither waits on the other's read."""
    if shutil.which("tmux") is None:
        return {}
    live_times, display_times = [], []
    with tempfile.TemporaryDirectory() as home:
        live = _Window([str(FACILITATOR), "run", "peer-circle"], home)
        room = _Window([str(FACILITATOR), "display"], home)
        try:
            live.wait_for("1/7  Check-in")
            live.keys("Space")
            room.wait_for("Next: Ben")
            for number in range(1, rounds + 1):
                key, speaker, next_up = ("n", "Ben", "Cleo") if number % 2 else ("b", "Ana", "Ben")
                time.sleep(BURST_GAP)  # a person's pause: quicker keys are held as typing
                started = time.perf_counter()
                live.keys(key)
                shown = _shown((live, f"▶ {speaker}"), (room, f"Next: {next_up}"))
                live_times.append(shown[0] - started)
                display_times.append(shown[1] - started)
        finally:
            live.close()
            room.close()
    lag, own = statistics.median(display_times), statistics.median(live_times)
    return {
        "display_lag_ms": round(lag * 1000, 1),
        "display_lag_ratio_vs_live": round(lag / own, 2),
    }


def _shown(*waits: tuple[_Window, str]) -> list[float]:
    """When each window first showed its text, the windows read in turn."""
    seen: dict[int, float] = {}
    deadline = time.perf_counter() + 60
    while True:
        screens = {}
        for index, (window, text) in enumerate(waits):
            if index not in seen:
                screens[index] = window.screen()
                if text in screens[index]:
                    seen[index] = time.perf_counter()
        if len(seen) == len(waits):
            return [seen[index] for index in range(len(waits))]
        if time.perf_counter() > deadline:
            missing = [waits[index][1] for index in screens if index not in seen]
            raise RuntimeError(f"{missing} never appeared:\n" + "\n".join(screens.values()))
        time.sleep(0.002)


async def _largest_display_lag(seconds: float = 6.0, burst: float = 0.05) -> float:
    """Run a real turn while the event loop is kept busy; compare the digits with the engine."""
    agenda = load_agenda(PEER_CIRCLE).agenda
    clock = SystemClock()
    session = Session(agenda, clock)
    app = make_app(session)
    worst = 0.0
    async with app.run_test(size=(80, 24)) as pilot:
        session.start()
        screen = app.screen
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            busy_until = time.monotonic() + burst
            while time.monotonic() < busy_until:  # hog the loop, as a heavy render would
                pass
            await asyncio.sleep(0.013)
            shown = screen.query_one(TurnPanel).said("countdown") or ""
            engine = session.view().turn.remaining
            # The display shows whole seconds rounded up; how far behind the engine is it?
            minutes, secs = shown.lstrip("+").split(":")
            displayed = int(minutes) * 60 + int(secs)
            worst = max(worst, (displayed - 1) - engine)
        await pilot.pause()
    return max(0.0, worst)


def timer_error_s() -> dict[str, float]:
    """The largest lag of the displayed countdown behind the engine, with a busy loop."""
    return {"timer_error_s": round(asyncio.run(_largest_display_lag()), 3)}
