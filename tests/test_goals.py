"""Goals across a series: a goal from the agenda, progress on it, a goal replaced with G,
a goal reached with d; each undone with ctrl+z; private goals stay private; the history says
how long it has been since progress was noted."""

import json
from pathlib import Path

import pytest

from facilitator.session import FakeClock, Session
from facilitator.session.carry import from_last_session
from facilitator.session.goals import goal_lines
from facilitator.summary.formats import FORMATS, SERIES_FORMATS
from facilitator.summary.history import build_history, series_digests
from facilitator.summary.history_render import render_history
from facilitator.summary.render import render
from facilitator.summary.report import REPORT_VERSION, build_report
from tests.conftest import run_cli
from tests.session_helpers import CIRCLE, agenda

GOALS = CIRCLE.replace('{ name = "Ben" },', '{ name = "Ben", goal = "lead the data-centre move" },')
WEEK = 7 * 24 * 3600


def session_of(home: Path, clock: FakeClock, text: str = GOALS) -> Session:
    previous, carried = from_last_session(home, "circle")
    return Session.begin(agenda(text), clock, home, "test.toml", carried, previous)


def turn_of(session: Session, name: str) -> None:
    """Move on until `name` has the floor."""
    while session.state.slot.speaker != name:
        assert session.next().done


def goal_of(session: Session) -> str | None:
    goal = session.view().turn.goal
    return goal.text if goal else None


def finish(session: Session, clock: FakeClock) -> None:
    session.end()
    session.close()
    clock.advance(WEEK)


def three_sessions(home: Path) -> FakeClock:
    """Goal from the agenda, progress in session 1; replaced with G in 2; reached in 3."""
    clock = FakeClock()
    first = session_of(home, clock)
    first.start()
    turn_of(first, "Ben")
    assert goal_of(first) == "lead the data-centre move"
    assert first.capture("progress", "drafted the migration plan").done
    finish(first, clock)
    second = session_of(home, clock)
    second.start()
    turn_of(second, "Ben")
    assert goal_of(second) == "lead the data-centre move"  # from the agenda, carried
    assert second.capture("goal", "hire a deputy first").done
    assert goal_of(second) == "hire a deputy first"
    finish(second, clock)
    third = session_of(home, clock)
    third.start()
    turn_of(third, "Ben")
    assert goal_of(third) == "hire a deputy first"  # G beats the agenda's older goal
    (goal,) = [item for item in third.state.items.values() if item.type == "goal"]
    outcome = third.set_carry(goal.id, "done")
    assert outcome.message == "Marked reached: hire a deputy first."
    assert goal_of(third) is None
    finish(third, clock)
    return clock


def test_a_goal_is_set_progressed_replaced_and_reached_across_a_series(tmp_path: Path) -> None:
    clock = three_sessions(tmp_path)
    sessions = series_digests(tmp_path, "circle", clock.now())
    history = build_history("circle", sessions, clock.now().date())
    (ben,) = history.goals
    assert ben.person == "Ben"
    first, second = ben.goals
    ids = [s.session for s in history.sessions]
    assert (first.text, first.set_in, first.status, first.ended_in) == (
        "lead the data-centre move",
        ids[0],
        "replaced",
        ids[1],
    )
    assert [(p.session, p.text) for p in first.progress] == [(ids[0], "drafted the migration plan")]
    assert (second.text, second.set_in, second.status, second.ended_in) == (
        "hire a deputy first",
        ids[1],
        "reached",
        ids[2],
    )
    text = render_history(history, "markdown")
    assert "## Goals" in text
    assert "lead the data-centre move — set in session 1 (Wed 25 Nov 2026), replaced" in text
    assert "    - session 1 (Wed 25 Nov 2026): drafted the migration plan" in text
    assert "hire a deputy first — set in session 2 (Wed 2 Dec 2026), reached in session 3" in text
    data = json.loads(render_history(history, "json"))
    assert data["goals"][0]["goals"][1]["status"] == "reached"


def test_an_agenda_goal_that_is_already_current_is_not_set_again(tmp_path: Path) -> None:
    clock = FakeClock()
    first = session_of(tmp_path, clock)
    finish(first, clock)
    second = session_of(tmp_path, clock)
    goals = [item for item in second.state.items.values() if item.type == "goal"]
    assert [(g.text, g.carried_from) for g in goals] == [
        ("lead the data-centre move", first.header.id)
    ]
    report = build_report(second.facts())
    assert report.goals == []  # nothing set or reached this time


def test_the_history_says_how_many_sessions_went_by_without_progress(tmp_path: Path) -> None:
    clock = FakeClock()
    for progress in (True, False, False):
        session = session_of(tmp_path, clock)
        session.start()
        turn_of(session, "Ben")
        if progress:
            assert session.capture("progress", "spoke to the vendor").done
        finish(session, clock)
    history = build_history(
        "circle", series_digests(tmp_path, "circle", clock.now()), clock.now().date()
    )
    (goal,) = history.goals[0].goals
    assert (goal.status, goal.sessions_without_progress) == ("current", 2)
    assert "current; no progress noted for 2 sessions" in render_history(history, "text")


def test_progress_needs_a_current_goal_and_says_so(tmp_path: Path) -> None:
    clock = FakeClock()
    session = session_of(tmp_path, clock)
    session.start()  # Ana speaks first, and has no goal
    assert session.refusal("capture", "progress", "read a book") == (
        "Ana has no current goal: set one with G first."
    )
    assert session.can("capture", "progress")  # the key: @Ben may follow
    assert session.capture("progress", "@Ben met the vendor").done
    bare = Session(agenda(CIRCLE), FakeClock())
    assert bare.refusal("capture", "progress") == "Ana has no current goal: set one with G first."


def test_every_turn_of_a_segment_keeps_a_goal_line_once_one_of_its_speakers_has_a_goal() -> None:
    session = Session(agenda(CIRCLE), FakeClock())
    session.start()
    assert not session.view().turn.segment_goal  # nobody has one yet
    session.capture("goal", "@Cleo write a design doc")
    turn = session.view().turn
    assert turn.speaker == "Ana" and turn.goal is None and turn.segment_goal  # Cleo's round
    turn_of(session, "Cleo")
    assert session.view().turn.goal is not None
    session.capture("goal", "@Ben lead the move")
    session.next_segment()  # the hot seat: Ben's, and Ben has one
    assert session.view().turn.segment_goal
    goal = next(i for i in session.state.items.values() if i.person == "Ben")
    session.set_carry(goal.id, "done")  # reached: no current goal in this segment
    assert not session.view().turn.segment_goal


def test_a_goal_is_credited_to_the_speaker_unless_a_name_is_given() -> None:
    session = Session(agenda(CIRCLE), FakeClock())
    session.start()
    session.capture("goal", "run a workshop")
    session.capture("goal", "@Cleo write a design doc #private")
    goals = {item.person: item for item in session.state.items.values() if item.type == "goal"}
    assert goals["Ana"].text == "run a workshop" and not goals["Ana"].private
    assert goals["Cleo"].private
    assert session.capture("progress", "@Cleo outline done").done
    progress = [i for i in session.state.items.values() if i.type == "progress"]
    assert progress[0].private  # progress on a private goal is private


@pytest.mark.parametrize("step", ["progress", "goal", "reached"])
def test_ctrl_z_takes_back_each_goal_action(step: str) -> None:
    session = Session(agenda(GOALS), FakeClock())
    session.start()
    turn_of(session, "Ben")
    before = dict(session.state.items)
    (goal,) = [i for i in session.state.items.values() if i.type == "goal"]
    match step:
        case "progress":
            assert session.capture("progress", "first rack moved").done
        case "goal":
            assert session.capture("goal", "a new goal").done
            assert goal_of(session) == "a new goal"
        case "reached":
            assert session.set_carry(goal.id, "done").done
            assert goal_of(session) is None
    assert session.undo().done
    assert session.state.items == before
    assert goal_of(session) == "lead the data-centre move"


def test_a_private_goal_stays_out_of_what_the_room_and_the_shared_record_see(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    first = session_of(tmp_path, clock, CIRCLE)
    first.start()
    assert first.capture("goal", "@Cleo ask for a raise #private").done
    turn_of(first, "Cleo")
    goal = first.view().turn.goal
    assert goal is not None and (goal.text, goal.private) == ("ask for a raise", True)
    assert first.capture("progress", "@Cleo gathered figures").done
    for format in FORMATS:
        shared = render(build_report(first.facts()), format)
        assert "raise" not in shared and "figures" not in shared, format
        mine = render(build_report(first.facts(), include_private=True), format)
        assert "ask for a raise" in mine and "gathered figures" in mine, format
    finish(first, clock)
    second = session_of(tmp_path, clock, CIRCLE)  # carried, still private
    turn_of(second, "Cleo")
    carried = second.view().turn.goal
    assert carried is not None and carried.private
    finish(second, clock)
    sessions = series_digests(tmp_path, "circle", clock.now())
    shared_history = build_history("circle", sessions, clock.now().date())
    assert shared_history.goals == []
    for shown in SERIES_FORMATS:
        assert "raise" not in render_history(shared_history, shown)
    everything = build_history("circle", sessions, clock.now().date(), include_private=True)
    assert "ask for a raise (private)" in render_history(everything, "markdown")


def test_a_goal_in_a_confidential_segment_is_never_shared() -> None:
    session = Session(agenda(GOALS), FakeClock())
    session.jump(1)  # the confidential hot seat, Ben presenting
    turn = session.view().turn
    assert turn.goal is not None and turn.confidential  # the screens keep it from the room


def test_the_summary_has_a_goals_section_in_every_format() -> None:
    session = Session(agenda(GOALS), FakeClock())
    session.start()
    turn_of(session, "Ben")
    session.capture("progress", "vendor shortlist")
    report = build_report(session.facts())
    assert report.version == REPORT_VERSION == 4
    assert [g.text for g in report.goals] == ["lead the data-centre move"]
    markdown = render(report, "markdown")
    assert "## Goals\n\n- Ben: lead the data-centre move (set in the agenda)" in markdown
    assert "## Progress on goals\n\n- vendor shortlist (Ben, Check-in)" in markdown
    assert "Ben: lead the data-centre move (set in the agenda)" in render(report, "chat")
    assert json.loads(render(report, "json"))["progress"][0]["text"] == "vendor shortlist"


def test_a_goal_replaced_in_the_session_is_not_in_its_summary() -> None:
    session = Session(agenda(GOALS), FakeClock())
    session.start()
    turn_of(session, "Ben")
    session.capture("goal", "hire a deputy first")  # replaces the agenda's
    report = build_report(session.facts())
    assert [(g.person, g.text) for g in report.goals] == [("Ben", "hire a deputy first")]


def test_the_review_lists_the_circles_goals_with_their_last_progress() -> None:
    clock = FakeClock()
    session = Session(agenda(GOALS), clock)
    session.start()
    turn_of(session, "Ben")
    session.capture("progress", "vendor shortlist")
    (line,) = goal_lines(session.view().items)
    assert (line.person, line.text, line.last_progress) == (
        "Ben",
        "lead the data-centre move",
        clock.now().date(),
    )


def test_history_shows_a_private_goal_only_with_include_private(tmp_path: Path) -> None:
    clock = FakeClock()
    session = session_of(tmp_path, clock, CIRCLE)
    session.start()
    assert session.capture("goal", "@Cleo ask for a raise #private").done
    assert session.capture("goal", "@Ben run the offsite").done
    finish(session, clock)
    home = ("--home", str(tmp_path))
    shared = run_cli(*home, "history", "circle", "--format", "markdown")
    assert shared.returncode == 0, shared.stderr
    assert "run the offsite — set in session 1" in shared.stdout
    assert "raise" not in shared.stdout
    everything = run_cli(*home, "history", "circle", "--format", "markdown", "--include-private")
    assert "ask for a raise (private) — set in session 1" in everything.stdout
