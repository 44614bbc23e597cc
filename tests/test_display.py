"""`facilitator display`: a read-only follower of a journal another process writes; it
shows the clock and the turn, and never a capture or a confidential segment's details."""

import select
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.session import FakeClock, Session
from facilitator.session.follower import Follower
from facilitator.session.journal import JOURNAL
from facilitator.session.room_feed import RoomFeed
from facilitator.session.view import SegmentProgress
from facilitator.tui import display
from facilitator.tui.display import DisplayApp
from facilitator.tui.file_watch import FileWatch
from facilitator.tui.widgets.big_clock import BigClock, big_text
from facilitator.tui.widgets.big_text import BigText
from facilitator.tui.widgets.progress_strip import strip
from facilitator.tui.widgets.room_panel import RoomPanel
from tests.tui_helpers import bundled, screen_text, settled

WRITER = """
import sys
from pathlib import Path
from facilitator.agenda import load_agenda
import pytest

from facilitator.session import FakeClock, Session
agenda = load_agenda(Path(sys.argv[2])).agenda
session = Session.begin(agenda, FakeClock(), Path(sys.argv[1]), "x")
session.start()
session.capture("note", "the salary figure")
session.next()
print(session.folder, flush=True)
sys.stdin.readline()
session.next()
print("more", flush=True)
sys.stdin.readline()
"""


def test_a_follower_reads_what_another_process_writes(tmp_path: Path) -> None:
    from tests.conftest import BUNDLED

    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path), str(BUNDLED / "peer-circle.toml")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdin is not None and writer.stdout is not None
    try:
        folder = Path(writer.stdout.readline().strip())
        follower = Follower(folder / JOURNAL)
        assert follower.poll()
        assert follower.state is not None and follower.state.slot.speaker == "Ben"
        assert not follower.poll()  # nothing new
        writer.stdin.write("\n")
        writer.stdin.flush()
        assert writer.stdout.readline() == "more\n"
        assert follower.poll()
        assert follower.state.slot.speaker == "Cleo"
    finally:
        writer.kill()
        writer.wait()


def test_a_line_being_written_waits_for_its_end(tmp_path: Path) -> None:
    session = Session.begin(bundled("peer-circle"), FakeClock(), tmp_path, "x")
    session.start()
    assert session.folder is not None
    path = session.folder / JOURNAL
    follower = Follower(path)
    follower.poll()
    whole = path.read_bytes()
    session.next()
    added = path.read_bytes()[len(whole) :]
    path.write_bytes(whole + added[:20])  # half of the next event
    follower.poll()
    assert follower.state is not None and follower.state.slot.speaker == "Ana"
    path.write_bytes(whole + added)
    follower._file = None  # same file, rewritten: the follower starts over and catches up
    assert follower.poll() and follower.state.slot.speaker == "Ben"


def test_a_follower_opens_the_journal_only_once_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The display looks a hundred times a second: a look at a journal that has not changed
    is one stat, no open and no read."""
    from facilitator.files import open_regular

    session = Session.begin(bundled("peer-circle"), FakeClock(), tmp_path, "x")
    session.start()
    assert session.folder is not None
    follower = Follower(session.folder / JOURNAL)
    assert follower.poll()
    opened: list[Path] = []

    def counted(path: Path, flags: int) -> int:
        opened.append(path)
        return open_regular(path, flags)

    monkeypatch.setattr("facilitator.session.follower.open_regular", counted)
    assert not any(follower.poll() for _ in range(5))
    assert opened == []
    session.next()
    assert follower.poll() and opened == [session.folder / JOURNAL]
    assert follower.state is not None and follower.state.slot.speaker == "Ben"


def started_display(home: Path) -> tuple[DisplayApp, Session]:
    """The bundled peer circle, started, and a display following it (on a fake clock)."""
    clock = FakeClock()
    session = Session.begin(bundled("peer-circle"), clock, home, "x")
    session.start()
    assert session.folder is not None
    return DisplayApp(RoomFeed(home, clock, session.folder)), session


async def test_a_tick_after_the_panel_went_is_not_a_crash(tmp_path: Path) -> None:
    """As the display closes, its widgets go before its timers stop: a last tick then
    draws nothing (it stopped the display with an error, under load)."""
    app, _ = started_display(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.query_one(RoomPanel).remove()
        app.refresh_display()
        await pilot.pause()
        assert app.is_running


async def test_the_display_shows_the_turn_and_never_a_capture(tmp_path: Path) -> None:
    app, session = started_display(tmp_path)
    session.capture("note", "the salary figure")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "1/7  Check-in" in shown and "Next: Ben" in shown
        assert app.query_one("#room-speaker", BigText).text == "Ana"
        assert "TIME LEFT of 2:00" in shown
        assert "salary" not in shown
        assert app.query_one(BigClock).query_one("#big").display  # the big digits, at 100x30
        hot_seat = next(i for i, s in enumerate(session.agenda.segments) if s.confidential)
        session.jump(hot_seat)
        session.capture("note", "confidential detail")
        await pilot.pause(0.3)
        shown = screen_text(app)
        assert "Hot seat" in shown
        assert "Ben" not in shown and "confidential detail" not in shown
        assert "Contractors" not in shown  # the presenter's focus is theirs to share
        session.end()
        await pilot.pause(0.3)
        assert "Session ended" in screen_text(app)


async def test_a_new_event_is_drawn_as_soon_as_it_is_seen_and_only_then(
    tmp_path: Path,
) -> None:
    """The journal is looked at far more often than the room is redrawn by the clock: a
    look that finds an event redraws at once; a look that finds nothing draws nothing."""
    app, session = started_display(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        drawn: list[object] = []
        redraw = app.refresh_display

        def counted() -> None:
            drawn.append(None)
            redraw()

        app.refresh_display = counted  # type: ignore[method-assign]
        app.watch_journal()
        assert drawn == []  # nothing new in the journal
        session.next()
        app.watch_journal()
        assert len(drawn) == 1
        assert app.query_one("#room-speaker", BigText).text == "Ben"


@pytest.mark.parametrize("system", ["tells", "has no inotify", "refuses a watch"])
async def test_a_journal_written_is_shown_without_waiting_for_the_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system: str
) -> None:
    """Where the system says when the journal is written (inotify), the display needs no
    timer to see it; where it cannot, the display looks often. The clock's redraw is out
    of reach here."""
    monkeypatch.setattr(display, "POLL_SECONDS", 3600)
    if system == "tells":
        monkeypatch.setattr(display, "WATCH_SECONDS", 3600)
    elif system == "has no inotify":
        monkeypatch.setattr(display, "FileWatch", no_watch)
    else:  # its watches used up, say
        monkeypatch.setattr(FileWatch, "watch", lambda watch, path: False)
    app, session = started_display(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert (app.file_watch is None) == (system == "has no inotify")
        speaker = app.query_one("#room-speaker", BigText)
        for name in ("Ben", "Cleo"):
            session.next()
            for _ in range(500):
                if speaker.text == name:
                    break
                await pilot.pause(0.01)
            assert speaker.text == name


async def test_an_error_met_when_the_system_says_the_journal_was_written_is_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read in the app's turn, not in the bare callback, where asyncio would only log it."""
    monkeypatch.setattr(display, "POLL_SECONDS", 3600)
    monkeypatch.setattr(display, "WATCH_SECONDS", 3600)
    app, session = started_display(tmp_path)
    with pytest.raises(OverflowError):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            monkeypatch.setattr(app.feed, "news", broken_news)
            session.next()
            for _ in range(500):
                if app.return_code is not None:
                    break
                await pilot.pause(0.01)
    assert app.return_code == 1


def broken_news() -> bool:
    raise OverflowError("a damaged journal")


def no_watch() -> FileWatch:
    raise OSError("no inotify here")


def test_a_watch_turns_readable_when_its_file_is_written_even_made_anew(tmp_path: Path) -> None:
    journal = tmp_path / "journal.jsonl"
    journal.write_text("one\n")
    watch = FileWatch()
    try:
        watch.watch(journal)
        assert select.select([watch], [], [], 0) == ([], [], [])
        with journal.open("a") as file:
            file.write("two\n")
        assert select.select([watch], [], [], 5)[0] == [watch]
        watch.drain()
        assert select.select([watch], [], [], 0)[0] == []
        journal.unlink()
        journal.write_text("anew\n")  # another file by that name: watched once asked again
        watch.drain()
        watch.watch(journal)
        with journal.open("a") as file:
            file.write("more\n")
        assert select.select([watch], [], [], 5)[0] == [watch]
    finally:
        watch.close()


async def test_with_no_session_the_display_waits_for_the_facilitator(tmp_path: Path) -> None:
    app = DisplayApp(RoomFeed(tmp_path, FakeClock()))
    async with app.run_test(size=(40, 12)) as pilot:
        await settled(pilot)  # laid out at its size, then drawn: one pause may see neither
        assert "Waiting for the facilitator" in screen_text(app)


def test_the_big_font_is_twice_the_height_of_digits() -> None:
    assert len(big_text("12:34", 1).splitlines()) == 7
    assert len(big_text("+1:02", 2).splitlines()) == 14


def test_the_progress_strip_marks_done_now_and_to_come() -> None:
    progress = [
        SegmentProgress("a", 600, 600, "done"),
        SegmentProgress("b", 600, 300, "current"),
        SegmentProgress("c", 1200, 0, "to come"),
        SegmentProgress("skipped", 0, 0, "to come"),
    ]
    shown = strip(progress, 44)
    assert len(shown) == 44 and shown.count("┊") == 3
    assert shown.startswith("██████████┊") and "┊▓▓▓▓▓▶" in shown and shown.endswith("┊░")
    overtime = [SegmentProgress("a", 60, 600, "current")]
    assert strip(overtime, 10) == "▓▓▓▓▓▓▓▓▓▶"


async def test_the_presenter_view_hides_what_is_private_and_keeps_every_key() -> None:
    from tests.tui_helpers import live_app

    app, session, _ = live_app(bundled("peer-circle"))
    async with app.run_test(size=(100, 30)) as pilot:
        session.start()
        session.capture("note", "the salary figure")
        await pilot.press("z")
        await pilot.pause()
        shown = screen_text(app)
        assert "salary" not in shown and "Queue" not in shown  # no items, no airtime
        assert app.screen.query_one(RoomPanel).query_one(BigClock).display
        assert "n Next" in shown.splitlines()[-1]  # the keys, on the bottom row still
        await pilot.press("n")
        assert session.view().turn.speaker == "Ben"  # keys keep working
        await pilot.press("o", *"typed aloud")
        await pilot.pause()
        shown = screen_text(app)
        assert "typed aloud" not in shown and "credit" not in shown  # never what is typed
        assert "Capturing: note…" in shown
        await pilot.press("escape", "z")
        await pilot.pause()
        assert "salary" in screen_text(app)


async def test_small_windows_still_show_the_clock(tmp_path: Path) -> None:
    app, _ = started_display(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        big = app.query_one(BigClock)
        assert big.query_one("#big").display  # the block font, one row a pixel
        assert "TIME LEFT of 2:00" in screen_text(app)
        await pilot.resize_terminal(30, 10)
        await settled(pilot)  # the resize reaches the clock over several rounds of messages
        assert big.query_one("#small").display  # Textual's digits, when nothing bigger fits
        assert "TIME LEFT of 2:00" in screen_text(app)


async def test_in_the_presenter_view_a_save_warning_quotes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from tests.session_helpers import disk_full
    from tests.tui_helpers import live_app

    app, session, _ = live_app(home=tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("space", "z")
        monkeypatch.setattr(os, "fsync", disk_full)
        await pilot.press("o", *"the salary figure", "enter")
        await pilot.pause()
        assert session.pending == 1  # the capture waits for the disk
        shown = screen_text(app)
        assert "NOT SAVED: kept in memory (z shows more)" in shown
        assert "salary" not in shown
