"""One date text everywhere: a due date in another year says its year; "carried N times"
counts the sessions an item was carried into; a terminal never shows Markdown escapes."""

import datetime as dt
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.session import FakeClock, Session
from facilitator.session.carry import from_last_session
from facilitator.session.phrases import date_text
from facilitator.summary.history import build_history, series_digests
from facilitator.summary.history_render import render_history
from facilitator.summary.render import render
from facilitator.summary.report import build_report
from facilitator.tui.widgets.items_list import item_line
from tests.session_helpers import agenda

DEC_2 = dt.datetime(2026, 12, 2, 18, 0, tzinfo=dt.UTC)


def test_a_date_says_its_year_only_when_it_is_not_this_years() -> None:
    today = DEC_2.date()
    assert date_text(dt.date(2026, 12, 1), today) == "Tue 1 Dec"
    assert date_text(dt.date(2027, 12, 1), today) == "Wed 1 Dec 2027"
    assert date_text(dt.date(2026, 12, 1)) == "Tue 1 Dec 2026"  # no today: a record


def test_by_dec_1_said_on_dec_2_is_due_next_year_and_says_so_everywhere(
    tmp_path: Path,
) -> None:
    clock = FakeClock(DEC_2)
    session = Session.begin(agenda(), clock, tmp_path, "test.toml")
    session.start()
    outcome = session.capture("action", "@Ben renew the licence by Dec 1")
    assert outcome.message == "Action (Ben): renew the licence, due Wed 1 Dec 2027"
    [item] = session.state.items.values()
    assert "due Wed 1 Dec 2027" in item_line(item, False, today=DEC_2.date()).plain
    session.end()
    report = build_report(session.facts())
    for format in ("markdown", "chat", "text"):
        assert "due Wed 1 Dec 2027" in render(report, format), format
    history = build_history("circle", series_digests(tmp_path, "circle", DEC_2), DEC_2.date())
    assert "due Wed 1 Dec 2027" in render_history(history, "text")


def test_a_due_date_already_past_is_said_so_as_it_is_captured() -> None:
    session = Session(agenda(), FakeClock(DEC_2))
    outcome = session.capture("action", "@Ben update the rota due 2026-11-20")
    assert outcome.message == "Action (Ben): update the rota, due Fri 20 Nov (already past)"


def test_carried_counts_sessions_carried_into_and_is_left_out_when_closed_at_once(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    first = Session.begin(agenda(), clock, tmp_path, "test.toml")
    first.capture("action", "@Ben send the deck")
    first.capture("action", "@Cleo book a room")
    first.end()
    first.close()
    clock.advance(7 * 24 * 3600)
    previous, carried = from_last_session(tmp_path, "circle")
    second = Session.begin(agenda(), clock, tmp_path, "test.toml", carried, previous)
    ids = {item.text: item.id for item in second.state.items.values()}
    second.set_carry(ids["book a room"], "done")
    second.end()
    second.close()
    history = build_history("circle", series_digests(tmp_path, "circle", clock.now()), DEC_2.date())
    text = render_history(history, "text")
    assert "[done] Cleo: book a room" in text  # closed in its first review
    assert "[open, carried 1 time] Ben: send the deck" in text


def test_history_in_a_terminal_shows_no_markdown_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    session = Session.begin(agenda(), clock, tmp_path, "test.toml")
    session.capture("action", "@Ben send the *draft* [v2]")
    session.end()
    session.close()
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["--home", str(tmp_path), "history", "circle"]) == 0
    shown = capsys.readouterr().out
    assert "[open] Ben: send the *draft* [v2]" in shown
    assert "\\" not in shown
