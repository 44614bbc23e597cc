"""Time that is not lost and not misread: checkpoints bound what a crash loses, the wall
clock only labels times, and due dates count from the day they were typed."""

import datetime as dt
from pathlib import Path

import pytest

from facilitator.session import FakeClock, Session
from facilitator.session.values import CHECKPOINT_SECONDS
from tests.session_helpers import new_session


def test_a_running_turn_is_checkpointed_every_15_seconds(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    for _ in range(100):  # the screen asks ten times a second
        clock.advance(0.1)
        session.checkpoint()
    assert [event.kind for event in session.events].count("checkpoint") == 10 // 15  # 10 s
    for _ in range(600):
        clock.advance(0.1)
        session.checkpoint()
    assert [event.kind for event in session.events].count("checkpoint") == 70 // 15
    session.toggle()
    clock.advance(60)
    assert session.checkpoint() is None  # a paused turn has nothing to lose


def test_a_crash_loses_at_most_one_checkpoint_interval(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    for _ in range(437):  # 43.7 s of a turn, then the power goes
        clock.advance(0.1)
        session.checkpoint()
    assert session.folder is not None
    clock.advance(120)
    resumed = Session.reopen(session.folder, clock)
    kept = resumed.view().turn.elapsed
    assert 43.7 - CHECKPOINT_SECONDS <= kept <= 43.7
    assert kept == pytest.approx(30, abs=0.2)  # the checkpoint made at 30 s


def test_a_wall_clock_jump_changes_no_duration(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    clock.advance(60)
    before = session.view().schedule.behind
    clock.jump_wall(-102 * 60)  # NTP sets the clock back
    clock.advance(30)
    clock.jump_wall(+1201 * 60)  # a laptop's clock set forward
    view = session.view()
    assert view.turn.elapsed == 90
    assert view.schedule.behind == before  # on the turn's own time: no change
    assert (
        view.schedule.projected_end
        > view.schedule.now
        > view.schedule.planned_end - (dt.timedelta(hours=1))
    )
    session.end()
    facts = session.facts()
    assert facts.length_seconds == 90
    assert facts.segments[0].actual_seconds == 90


def test_a_journal_opened_where_the_clock_is_behind_counts_no_negative_gap(
    tmp_path: Path,
) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    clock.advance(200)
    session.toggle()
    session.close()
    assert session.folder is not None
    behind = FakeClock(start=clock.now() - dt.timedelta(hours=3), monotonic=5.0)
    moved = Session.reopen(session.folder, behind)
    moved.toggle()
    behind.advance(100)
    moved.end()
    facts = moved.facts()
    assert facts.interrupted_seconds == 0
    assert facts.length_seconds == 300


def test_tomorrow_counts_from_the_day_it_was_typed(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)  # Wed 25 Nov
    session.toggle()
    session.close()
    clock.advance(2 * 24 * 3600)  # resumed on Friday
    assert session.folder is not None
    resumed = Session.reopen(session.folder, clock)
    resumed.capture("action", "@Ben send the deck by tomorrow")
    [item] = resumed.state.items.values()
    assert item.due == dt.date(2026, 11, 28)
