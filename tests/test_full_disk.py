"""A real full disk (a 64 KiB tmpfs, mounted as root): ending, quitting, retrying and
starting on it never lose a word and never claim a save they did not make (issue 24)."""

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.session import FakeClock, Session
from facilitator.session.journal import JOURNAL, read_journal
from facilitator.tui.disk_watch import SAVED_AGAIN
from facilitator.tui.screens.choice import ChoiceScreen
from facilitator.tui.screens.live import LiveScreen
from facilitator.tui.screens.summary import SummaryScreen
from tests.conftest import run_in_terminal
from tests.session_helpers import agenda
from tests.tui_helpers import live_app, text_of

SIZE = (100, 30)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a disk of 64 KiB of its own."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    """Take every free block of the disk; returns the file that holds them."""
    filler = disk / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (4096, 1):  # whole pages, then what is left of the last one
            with contextlib.suppress(OSError):
                while os.write(descriptor, b"\0" * size) == size:
                    pass
    finally:
        os.close(descriptor)
    return filler


def test_the_disk_is_really_full(small_disk: Path) -> None:
    fill(small_disk)
    with pytest.raises(OSError) as raised:
        (small_disk / "more").write_bytes(b"x" * 5000)
    assert raised.value.errno == errno.ENOSPC


def test_starting_on_a_full_disk_leaves_nothing_and_says_why(small_disk: Path) -> None:
    home = small_disk / "home"
    (home / "sessions").mkdir(parents=True)
    fill(small_disk)
    with pytest.raises(OSError, match="cannot start a session here: No space left on device"):
        Session.begin(agenda(), FakeClock(), home, "test.toml")
    assert list((home / "sessions").iterdir()) == []
    done = run_in_terminal("--home", str(home), "run", "peer-circle", "--new")
    assert done.returncode == 1
    assert "cannot start a session here: No space left on device; nothing was kept" in done.stderr
    assert "--home DIR" in done.stderr
    assert list((home / "sessions").iterdir()) == []


async def test_ending_on_a_full_disk_then_quitting_asks_and_writes_the_summary(
    small_disk: Path,
) -> None:
    app, session, _ = live_app(home=small_disk / "home")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "o", *"kept note", "enter")
        assert session.folder is not None and not session.pending
        filler = fill(small_disk)
        await pilot.press("ctrl+e", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        summary_screen = app.screen
        assert "NOT SAVED" in text_of(app, "#saved")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "quit on a full disk without a word"
        assert isinstance(app.screen, ChoiceScreen)
        assert "No space left on device" in app.screen.question
        filler.unlink()  # room again
        await pilot.press("enter")  # try the disk again
        await pilot.pause()
        assert not app.is_running
        assert summary_screen.saved.path is not None
    assert (session.folder / "summary.md").exists() and (session.folder / "session.json").exists()
    replayed = read_journal(session.folder / JOURNAL).replay()
    assert replayed.ended is not None
    assert [item.text for item in replayed.items.values()] == ["kept note"]


async def test_after_the_disk_takes_what_waited_the_live_screen_stops_saying_not_saved(
    small_disk: Path,
) -> None:
    app, session, _ = live_app(home=small_disk / "home")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert isinstance(app.screen, LiveScreen)
        screen = app.screen
        filler = fill(small_disk)
        for number in range(40):  # until a capture needs a block the disk has not got
            screen.done(session.capture("note", f"{number} " + "long words " * 30))
            if session.pending:
                break
        assert session.pending
        assert "NOT SAVED" in text_of(app, "#message")
        filler.unlink()
        screen.disk.retry()  # what happens every 5 s while actions wait
        assert not session.pending
        for _ in range(200):  # the next refresh takes the warning back
            if "NOT SAVED" not in text_of(app, "#message"):
                break
            await pilot.pause(0.05)
        assert text_of(app, "#message") == SAVED_AGAIN
        assert not session.unsaved_items  # the items list marks none NOT SAVED any more
