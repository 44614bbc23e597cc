"""Reopening an ended session is its own event: the shared summary reports the time the
session ran, without the gap; only the facilitator's report says it was reopened. Resuming
after a crash still counts the gap as an interruption."""

from pathlib import Path

from facilitator.session import FakeClock, Session
from facilitator.summary.render import render
from facilitator.summary.report import build_report
from tests.session_helpers import agenda


def one_minute_session(home: Path) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    session = Session.begin(agenda(), clock, home, "test.toml")
    session.start()
    clock.advance(60)
    session.end()
    return session, clock


def test_a_session_reopened_five_minutes_later_ran_one_minute(tmp_path: Path) -> None:
    session, clock = one_minute_session(tmp_path)
    clock.advance(300)
    session.reopen_ended()
    session.end()
    report = build_report(session.facts())
    assert (report.duration_seconds, report.interrupted_seconds) == (60, 0)
    text = render(report, "text")
    assert "18:00–18:01 (1 min; planned 30 min)" in text
    assert "interrupted" not in text and "Reopened" not in text


def test_reopened_the_next_day_to_add_two_items(tmp_path: Path) -> None:
    session, clock = one_minute_session(tmp_path)
    clock.advance(16 * 3600 + 11 * 60)  # Thu 26 Nov, 10:12
    session.reopen_ended()
    session.capture("action", "@Ben send the deck")
    session.capture("note", "Obi joins next time")
    session.end()
    shared = render(build_report(session.facts()), "markdown")
    assert "18:00–18:01 (1 min; planned 30 min)" in shared and "Reopened" not in shared
    private = render(build_report(session.facts(), include_private=True), "text")
    assert "Reopened on Thu 26 Nov 2026 at 10:12 to add 2 items." in private
    assert "interrupted" not in private


def test_resuming_after_a_crash_still_counts_the_gap(tmp_path: Path) -> None:
    clock = FakeClock()
    session = Session.begin(agenda(), clock, tmp_path, "test.toml")
    session.start()
    clock.advance(60)
    session.pause()
    assert session.folder is not None
    clock.advance(300)  # the laptop died: no end
    resumed = Session.reopen(session.folder, clock)
    resumed.end()
    report = build_report(resumed.facts())
    assert (report.duration_seconds, report.interrupted_seconds) == (360, 300)
    assert "The session was interrupted for 5 min." in render(report, "text")
