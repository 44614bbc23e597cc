"""The room follows the session whose window is open: two real processes, a facilitator's
window and the room's reader, and kill -9 where the window dies."""

import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from facilitator.session import SystemClock
from facilitator.session.presence import writer_alive
from facilitator.session.room_feed import ENDED, WAITING, RoomFeed, RoomScreen
from tests.conftest import BUNDLED, ROOT


class Window:
    """A facilitator's window: a process that writes one session."""

    def __init__(self, home: Path, agenda: str = "peer-circle") -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.room_writer", str(home), str(BUNDLED / f"{agenda}.toml")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert self.process.stdout is not None
        self.folder = Path(self.process.stdout.readline().strip())
        self.opened = time.monotonic()

    def do(self, command: str) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline() == "ok\n"

    def kill(self) -> float:
        """kill -9; returns when it died."""
        self.process.kill()
        self.process.wait()
        return time.monotonic()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def windows(tmp_path: Path) -> Iterator[Callable[..., Window]]:
    opened: list[Window] = []

    def open_window(agenda: str = "peer-circle") -> Window:
        opened.append(Window(tmp_path, agenda))
        return opened[-1]

    yield open_window
    for window in opened:
        window.stop()


def wait_for(feed: RoomFeed, wanted: Callable[[RoomScreen], bool], within: float) -> float:
    """Poll as the display does until the room is shown what is wanted; seconds it took."""
    started = time.monotonic()
    while not wanted(screen := feed.poll()):
        assert time.monotonic() - started < within, f"still {screen.notice!r} after {within}s"
        time.sleep(0.05)
    return time.monotonic() - started


def a_ghost(windows: Callable[..., Window]) -> Window:
    """A session started, then its window killed: unfinished, nobody writing it."""
    ghost = windows("lean-coffee")
    ghost.do("start")
    ghost.kill()
    assert not writer_alive(ghost.folder)
    return ghost


def test_last_waits_beside_a_ghost_and_follows_a_new_session_within_a_second(
    tmp_path: Path, windows: Callable[..., Window]
) -> None:
    a_ghost(windows)
    feed = RoomFeed(tmp_path, SystemClock())
    assert feed.poll() == RoomScreen(None, WAITING)
    window = windows()
    took = wait_for(feed, lambda s: s.room is not None, within=5)
    assert took <= 1.0
    screen = feed.poll()
    assert screen.room is not None and screen.room.title == "Peer mentoring circle"
    assert not screen.room.started  # the agenda is open at READY: no journal yet
    assert screen.room.speaker == "Ana"
    assert not (window.folder / "journal.jsonl").exists()


def test_a_killed_window_is_said_within_two_seconds_and_every_clock_stops(
    tmp_path: Path, windows: Callable[..., Window]
) -> None:
    window = windows()
    window.do("start")
    feed = RoomFeed(tmp_path, SystemClock())
    wait_for(feed, lambda s: s.room is not None and s.room.clock.running, within=5)
    died = window.kill()
    wait_for(feed, lambda s: s.notice is not None and "window closed" in s.notice, within=5)
    assert time.monotonic() - died <= 2.0
    screen = feed.poll()
    assert screen.room is not None and not screen.room.clock.running
    assert screen.notice is not None and screen.notice.endswith("the session is paused")
    left = screen.room.clock.remaining
    time.sleep(1.1)  # long enough for a running clock to show another second
    later = feed.poll()
    assert later.room is not None and later.room.clock.remaining == left


def test_an_ended_session_stays_ended_and_no_ghost_is_followed(
    tmp_path: Path, windows: Callable[..., Window]
) -> None:
    a_ghost(windows)
    window = windows()
    window.do("start")
    feed = RoomFeed(tmp_path, SystemClock())
    wait_for(feed, lambda s: s.room is not None and s.room.title.startswith("Peer mentoring"), 5)
    window.do("end")
    wait_for(feed, lambda s: s.notice == ENDED, within=5)
    window.do("close")
    window.stop()
    deadline = time.monotonic() + 1.5  # three looks for a session to follow
    while time.monotonic() < deadline:
        screen = feed.poll()
        assert screen.notice == ENDED and screen.room is not None
        assert screen.room.title.startswith("Peer mentoring")  # never the Lean Coffee ghost
        time.sleep(0.1)
    newer = windows("lean-coffee")
    wait_for(feed, lambda s: s.room is not None and s.room.title == "Lean Coffee", within=2)
    assert feed.following == newer.folder


def test_display_id_follows_a_closed_session_and_says_so(
    tmp_path: Path, windows: Callable[..., Window]
) -> None:
    ghost = a_ghost(windows)
    feed = RoomFeed(tmp_path, SystemClock(), ghost.folder)
    screen = feed.poll()
    assert screen.room is not None and screen.room.title == "Lean Coffee"
    assert screen.notice is not None and "window closed at" in screen.notice
    assert not screen.room.clock.running


def test_a_window_closed_at_ready_leaves_nothing_behind(
    tmp_path: Path, windows: Callable[..., Window]
) -> None:
    window = windows()
    assert (window.folder / "presence.json").exists()
    feed = RoomFeed(tmp_path, SystemClock())
    wait_for(feed, lambda s: s.room is not None and not s.room.started, within=5)
    window.do("close")
    assert not window.folder.exists()
    wait_for(feed, lambda s: s == RoomScreen(None, WAITING), within=2)


def test_sessions_marks_a_ghost_and_end_ends_it_with_its_summary(
    tmp_path: Path, windows: Callable[..., Window], capsys: pytest.CaptureFixture[str]
) -> None:
    from facilitator.cli import main

    ghost = a_ghost(windows)
    running = windows()
    running.do("start")
    assert main(["--home", str(tmp_path), "sessions"]) == 0
    listed = capsys.readouterr().out
    assert re.search(rf"{ghost.folder.name} .*\(closed \d\d:\d\d, not ended: ", listed)
    assert f"facilitator end {ghost.folder.name}" in listed
    assert re.search(rf"{running.folder.name} .*\(running: open in a window now\)", listed)
    assert main(["--home", str(tmp_path), "end", ghost.folder.name]) == 0
    assert "its summary is in" in capsys.readouterr().out
    assert (ghost.folder / "summary.md").exists()
    assert main(["--home", str(tmp_path), "end", running.folder.name]) == 1
    assert "open in another window" in capsys.readouterr().err
    assert main(["--home", str(tmp_path), "sessions"]) == 0
    assert re.search(rf"{ghost.folder.name} .*\(ended\)", capsys.readouterr().out)


async def test_the_picker_ends_a_ghost_and_writes_its_summary(tmp_path: Path) -> None:
    from facilitator.room_commands import end_record
    from facilitator.session import FakeClock, Session, find_session
    from facilitator.tui.app import make_app
    from facilitator.tui.launcher import Launcher
    from tests.tui_helpers import bundled, screen_text

    ghost = Session.begin(bundled("peer-circle"), FakeClock(), tmp_path, "x")
    ghost.start()
    ghost.close()  # its window is gone; it never ended
    record = find_session(tmp_path, "last")

    def never(*_: object) -> Session:
        raise AssertionError("not this")

    launcher = Launcher(start=never, resume=never, edit=never, end=end_record, unfinished=[record])  # type: ignore[arg-type]
    app = make_app(launcher=launcher, burst_gap=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "x ends it here" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")  # a letter answers nothing
        assert find_session(tmp_path, record.id).ended is False
        await pilot.press("left", "enter")  # End it, chosen on purpose
        await pilot.pause()
        assert f"Ended {record.id}" in screen_text(app)
    assert (record.folder / "summary.md").exists()
    assert find_session(tmp_path, record.id).ended
