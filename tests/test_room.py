"""The room sees a `RoomView` and nothing else: no private topic or capture, nothing from
a confidential segment, not even in a crash."""

import json
import stat
from pathlib import Path

import pytest

from facilitator.session import FakeClock, Session
from facilitator.session.journal import JOURNAL
from facilitator.session.room import PRIVATE_TOPIC
from facilitator.session.room_feed import RoomFeed
from facilitator.tui.app import make_app
from facilitator.tui.crash import CRASH_LOG
from facilitator.tui.display import DisplayApp
from facilitator.tui.widgets.big_text import BigText
from tests.tui_helpers import bundled, screen_text

SECRETS = ("layoffs", "divorce", "salary", "lawyer", "pip-plan", "burnout")


def private_topics_session(home: Path | None = None) -> tuple[Session, FakeClock]:
    """Lean Coffee at its topics: two private topics, the first voted for and under way."""
    clock = FakeClock()
    agenda = bundled("lean-coffee")
    session = Session.begin(agenda, clock, home, "x") if home else Session(agenda, clock)
    session.start()
    topics = next(i for i, s in enumerate(agenda.segments) if s.KIND == "topics")
    session.jump(topics)
    session.capture("topic", "layoffs planned at ACME next month #private")
    session.capture("topic", "Ben's divorce #private")
    session.vote_for_topic(1)
    session.vote_for_topic(1)
    session.next()
    return session, clock


def every_private_capture(session: Session) -> None:
    """Each kind of capture marked #private, then each kind in a confidential segment."""
    session.capture("note", "the salary figure #private")
    session.capture("resource", "https://example.com/lawyer #private")
    session.capture("action", "@Ben write the pip-plan #private")
    hot_seat = next(i for i, s in enumerate(session.agenda.segments) if s.confidential)
    session.jump(hot_seat)
    session.capture("note", "burnout, said in confidence")
    session.capture("resource", "https://example.com/lawyer")
    session.capture("action", "@Ben draft the pip-plan")


def test_a_private_topic_under_way_and_next_is_named_as_private_only() -> None:
    session, _ = private_topics_session()
    room = session.room_view()
    assert room.topic == PRIVATE_TOPIC and room.next_up == PRIVATE_TOPIC
    assert not any(secret in repr(room) for secret in SECRETS)


def test_a_shared_topic_is_shown_and_a_private_one_is_not() -> None:
    session, _ = private_topics_session()
    session.capture("topic", "hiring in 2027")
    session.vote_for_topic(3)
    session.next()  # the private divorce topic has no votes: hiring comes next
    room = session.room_view()
    assert room.topic == "hiring in 2027"
    assert not any(secret in repr(room) for secret in SECRETS)


def test_no_private_or_confidential_capture_is_in_the_room_view() -> None:
    session = Session(bundled("peer-circle"), FakeClock())
    session.start()
    every_private_capture(session)
    room = session.room_view()
    assert room.confidential and room.speaker is None and room.focus is None
    assert not any(secret in repr(room) for secret in SECRETS)


async def test_the_display_shows_no_private_topic(tmp_path: Path) -> None:
    session, clock = private_topics_session(tmp_path)
    assert session.folder is not None
    app = DisplayApp(RoomFeed(tmp_path, clock, session.folder))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert app.query_one("#room-speaker", BigText).text == f"Topic: {PRIVATE_TOPIC}"
        assert f"Next: {PRIVATE_TOPIC}" in shown
        assert not any(secret in shown for secret in SECRETS)


async def test_the_presenter_view_shows_no_private_topic() -> None:
    session, _ = private_topics_session()
    app = make_app(session, burst_gap=0.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        shown = screen_text(app)
        assert app.screen.query_one("#room-speaker", BigText).text == f"Topic: {PRIVATE_TOPIC}"
        assert not any(secret in shown for secret in SECRETS)


async def test_the_presenter_view_shows_no_private_or_confidential_capture() -> None:
    session = Session(bundled("peer-circle"), FakeClock())
    app = make_app(session, burst_gap=0.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space", "z")
        every_private_capture(session)
        await pilot.pause(0.3)
        shown = screen_text(app)
        assert "Hot seat" in shown
        assert not any(secret in shown for secret in SECRETS)


def write_poisoned_journal(tmp_path: Path) -> tuple[Session, FakeClock]:
    """A session with private captures, then a line whose clock reading overflows."""
    clock = FakeClock()
    session = Session.begin(bundled("peer-circle"), clock, tmp_path, "x")
    session.start()
    every_private_capture(session)
    assert session.folder is not None
    journal = session.folder / JOURNAL
    last = json.loads(journal.read_text().splitlines()[-1])
    poisoned = {"kind": "adjust", "seconds": 60, "at": last["at"], "mono": 1e308}
    with journal.open("a") as file:
        file.write(json.dumps(poisoned) + "\n")
    return session, clock


async def test_a_display_crash_shows_one_line_and_logs_privately(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    session, clock = write_poisoned_journal(tmp_path)  # a damaged line: set aside, no crash
    assert session.folder is not None
    log = tmp_path / CRASH_LOG

    def broken(self: RoomFeed) -> None:
        secret = [item.text for item in session.state.items.values()]  # a local
        raise OverflowError(f"{len(secret)} items")

    monkeypatch.setattr(RoomFeed, "poll", broken)
    app = DisplayApp(RoomFeed(tmp_path, clock, session.folder), crash_log=log)
    with pytest.raises(Exception):  # noqa: B017 - whatever the error, it is caught
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(100):  # until the display has read the line and met the error
                if app.return_code is not None:
                    break
                await pilot.pause(0.05)
    assert app.return_code == 1
    captured = capsys.readouterr()
    shown = (captured.out + captured.err).strip()
    said = f"facilitator stopped on an unexpected error; the details are in {log}."
    assert "".join(shown.split()) == "".join(said.split())  # one line, wrapped to the screen
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert "Traceback" in log.read_text()


async def test_a_live_app_crash_shows_one_line_and_logs_privately(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from facilitator.tui.screens.live import LiveScreen

    session = Session(bundled("peer-circle"), FakeClock())
    session.start()
    session.capture("note", "the salary figure #private")
    log = tmp_path / CRASH_LOG

    def broken(self: LiveScreen) -> None:
        secret = self.session.state.items  # a local that Textual's report would print
        raise ValueError(f"{len(secret)} items")

    app = make_app(session, crash_log=log, burst_gap=0)
    with pytest.raises(ValueError, match=r"\d+ items"):
        async with app.run_test(size=(100, 30)) as pilot:
            monkeypatch.setattr(LiveScreen, "refresh_view", broken)
            await pilot.press("z")  # z refreshes the view at once
            for _ in range(100):  # until the app has met the error, however busy the machine
                if app.return_code is not None:
                    break
                await pilot.pause(0.05)
    captured = capsys.readouterr()
    shown = (captured.out + captured.err).strip()
    assert shown.startswith("facilitator stopped on an unexpected error; the details are in")
    assert "salary" not in shown and "Traceback" not in shown
    assert stat.S_IMODE(log.stat().st_mode) == 0o600 and "ValueError" in log.read_text()
