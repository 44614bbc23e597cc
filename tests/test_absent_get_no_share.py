"""Someone marked absent gets no planned time after that, and every later table says
they are absent: the summary's airtime, its chart, and the live airtime panel. Someone who
took a turn before leaving attended; someone marked absent on their first turn did not."""

from facilitator.session import FakeClock, Session
from facilitator.summary.render import render
from facilitator.summary.report import build_report
from tests.session_helpers import agenda

TWO_ROUNDS = """
title = "Two rounds"
participants = [{ name = "Ana" }, { name = "Ben" }, { name = "Cleo" }]

[[segments]]
kind = "round"
title = "Check-in"
per_speaker = "20s"
order = "agenda"

[[segments]]
kind = "round"
title = "Updates"
per_speaker = "1m"
"""


def ben_leaves_five_seconds_into_his_turn() -> Session:
    clock = FakeClock()
    session = Session(agenda(TWO_ROUNDS), clock)
    session.start()
    clock.advance(20)
    session.next()  # Ben
    clock.advance(5)
    session.mark_absent()  # Ben leaves; Cleo speaks
    clock.advance(20)
    session.next()  # Updates: Ana, Cleo (Ben is away)
    for _ in range(2):
        clock.advance(60)
        session.next()
    session.end()
    return session


def test_an_absent_person_is_allotted_only_what_they_used() -> None:
    session = ben_leaves_five_seconds_into_his_turn()
    assert [p.name for p in session.view().airtime if p.absent] == ["Ben"]  # the live panel's
    report = build_report(session.facts())
    ben = next(p for p in report.airtime if p.name == "Ben")
    assert (ben.spoke_seconds, ben.allotted_seconds, ben.absent) == (5, 5, True)
    check_in, updates = report.segments
    assert (check_in.planned_seconds, updates.planned_seconds) == (45, 120)  # no share for Ben


def test_every_later_table_says_absent() -> None:
    report = build_report(ben_leaves_five_seconds_into_his_turn().facts())
    markdown = render(report, "markdown")
    assert "| Ben (absent) | 0:05 | 0:05 |" in markdown
    text = render(report, "text")
    assert "Ben (absent)  " in text and "0:05 of 0:20" not in text


def test_someone_who_spoke_then_left_attended() -> None:
    clock = FakeClock()
    session = Session(agenda(TWO_ROUNDS), clock)
    session.start()
    for _ in range(3):  # Ana, Ben, Cleo check in
        clock.advance(20)
        session.next()
    clock.advance(30)
    session.mark_absent("Ben")  # he leaves during the updates
    report = build_report(session.facts())
    assert (report.attendees, report.absent) == (["Ana", "Ben", "Cleo"], [])
    assert "Absent" not in render(report, "chat")


def test_someone_marked_absent_on_their_first_turn_did_not_attend() -> None:
    report = build_report(ben_leaves_five_seconds_into_his_turn().facts())
    assert (report.attendees, report.absent) == (["Ana", "Cleo"], ["Ben"])


def test_marking_someone_absent_later_leaves_the_turns_they_took_as_planned() -> None:
    """Ben checks in, then leaves during the updates: his check-in keeps its plan and his
    share of it; only his update, which he will not take, is no longer planned."""
    clock = FakeClock()
    session = Session(agenda(TWO_ROUNDS), clock)
    session.start()
    for seconds in (20, 10, 20):  # Ana, Ben (briefly), Cleo check in
        clock.advance(seconds)
        session.next()
    clock.advance(30)
    session.mark_absent("Ben")  # during Ana's update
    for _ in range(2):  # Ana's, then Cleo's update (Ben's is skipped)
        clock.advance(30)
        session.next()
    report = build_report(session.facts())
    check_in, updates = report.segments
    assert (check_in.planned_seconds, updates.planned_seconds) == (60, 120)
    ben = next(p for p in report.airtime if p.name == "Ben")
    assert (ben.spoke_seconds, ben.allotted_seconds) == (10, 20)
