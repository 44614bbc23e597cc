"""A whole peer circle on a fake clock gives what a person computes by hand, kill or no kill."""

import datetime as dt
import random
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.session import Session, find_session
from facilitator.session.view import SessionView
from tests.session_script import ROOT, SCRIPT, clock_at, new_run, play

# Hand count, in seconds: check-in + resources + commitments + check-out (+ hot seat, where
# the presenter's airtime is the steps they speak in: present, questions, reflect; not the
# advice, which is the group's).
AIRTIME = {
    "Ana": 150 + 60 + 120 + 60,
    "Ben": 10 + 120 + (4 + 7 + 3) * 60 + 120 + 120 + 60,
    "Cleo": 110 + (4 + 6 + 3) * 60 + 120 + 120 + 60,
    "Dev": 120 + 120 + 120 + 60,
    "Eun-ji": 130 + 120 + 120 + 60,
    "Femi": 60 + 60 + 120 + 60,
}


def summary_of(view: SessionView) -> dict[str, object]:
    return {
        "airtime": {a.name: a.spoke for a in view.airtime},
        "items": [
            (i.type, i.person, i.text, list(i.urls), i.due, i.private, i.segment)
            for i in view.items
        ],
        "behind": view.schedule.behind,
        "ended": view.ended,
    }


EXPECTED = {
    "airtime": AIRTIME,
    "items": [
        ("action", "Dev", "ask for a budget", [], dt.date(2026, 12, 15), False, 5),
        ("note", "Dev", "salary ranges", [], None, True, 4),
        ("action", "Cleo", "draft the feedback script", [], dt.date(2026, 12, 2), True, 2),
        ("action", "Ben", "talk to finance", [], dt.date(2026, 11, 27), True, 2),
        (
            "resource",
            "Eun-ji",
            "Radical Candor https://www.radicalcandor.com",
            ["https://www.radicalcandor.com"],
            None,
            False,
            0,
        ),
        # The bundled circle's agenda gives Ben and Cleo their goals from the start.
        ("goal", "Cleo", "Give hard feedback within a week, every time", [], None, False, None),
        ("goal", "Ben", "Hire and onboard a team of five by spring", [], None, False, None),
    ],
    # 95m40s on the clock against the 90 minutes planned.
    "behind": 340.0,
    "ended": True,
}


def test_a_scripted_peer_circle_adds_up_as_by_hand(tmp_path: Path) -> None:
    session, clock = new_run(tmp_path)
    play(session, clock, SCRIPT)
    assert summary_of(session.view()) == EXPECTED
    advice = (9 + 9) * 60  # the group's, in the two hot seats
    assert sum(AIRTIME.values()) + advice + 360 + 300 == 95 * 60 + 40  # + review and break
    assert session.facts().group_seconds == advice + (7 + 6) * 60  # advice, and questions


def test_the_schedule_after_check_in_counts_the_latecomer(tmp_path: Path) -> None:
    session, clock = new_run(tmp_path)
    review = next(i for i, s in enumerate(SCRIPT) if s == (360,))
    play(session, clock, SCRIPT[:review])
    schedule = session.view().schedule
    # 11m40s gone; still to come: 6m review, 2 x 22m hot seats, 5m break, and three rounds
    # now of six people: 6 x 2m + 6 x 2m + 6 x 1m. Planned end: 19:30.
    assert schedule.projected_end == dt.datetime(2026, 11, 25, 19, 36, 40, tzinfo=dt.UTC)
    assert schedule.planned_end == dt.datetime(2026, 11, 25, 19, 30, tzinfo=dt.UTC)
    assert schedule.behind == 400


def test_the_journal_replays_to_the_same_state(tmp_path: Path) -> None:
    session, clock = new_run(tmp_path)
    play(session, clock, SCRIPT)
    assert session.folder is not None
    again = Session.reopen(session.folder, clock)
    assert again.state == session.state
    assert len(again.events) == len(session.events)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_killed_at_a_random_event_and_resumed_gives_the_same_session(
    tmp_path: Path, seed: int
) -> None:
    actions = [i + 1 for i, step in enumerate(SCRIPT) if not isinstance(step[0], int)]
    cut = random.Random(seed).choice(actions[:-1])
    child = subprocess.run(
        [sys.executable, "-m", "tests.session_script", str(tmp_path), str(cut)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == -9, child.stderr
    record = find_session(tmp_path, "last")
    assert not record.ended
    clock = clock_at(cut)
    resumed = Session.reopen(record.folder, clock)
    assert resumed.warnings == []
    assert not resumed.state.running
    if resumed.state.interruptions[-1].was_running:
        resumed.start()  # the facilitator presses space
    play(resumed, clock, SCRIPT[cut:])
    assert summary_of(resumed.view()) == EXPECTED
    assert [i.seconds for i in resumed.state.interruptions] == [0.0]
