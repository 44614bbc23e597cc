"""Undo takes back any action, one per press, says what it took back, and survives a resume."""

from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.session import FakeClock, Session
from tests.session_helpers import new_session

Action = Callable[[Session], object]
ACTIONS: dict[str, tuple[Action, str]] = {
    "next": (lambda s: s.next(), "Undone: next (back to Ana's turn)"),
    "back": (lambda s: s.back(), "Undone: back (back to Ben's turn)"),
    "pass": (lambda s: s.pass_turn(), "Undone: pass (back to Ana's turn)"),
    "absent": (lambda s: s.mark_absent(), "Undone: Ana absent (back to Ana's turn)"),
    "latecomer": (lambda s: s.add_latecomer("Dana"), "Undone: Dana joining"),
    "adjust": (lambda s: s.adjust(60), "Undone: +1m on the turn"),
    "capture": (lambda s: s.capture("note", "a thought"), "Undone: note: a thought"),
    "edit": (lambda s: (s.capture("note", "draft"), s.edit_item(1, "final")), "Undone: the edit of draft"),  # noqa: E501
    "delete": (lambda s: (s.capture("note", "gone"), s.delete_item(1)), "Undone: the delete (gone is back)"),  # noqa: E501
    "private": (lambda s: (s.capture("note", "pay"), s.mark_private(1)), "Undone: marked private: pay"),  # noqa: E501
    "jump": (lambda s: s.jump(3), "Undone: the jump (back to Ana's turn)"),
}  # fmt: skip


def snapshot(session: Session) -> tuple[object, ...]:
    view = session.view()
    return (view.turn, view.queue, view.items, set(session.state.absent), session.state.people())


@pytest.mark.parametrize("name", ACTIONS)
def test_each_action_is_undone_and_said(name: str) -> None:
    action, message = ACTIONS[name]
    session, clock = new_session()
    session.start()
    if name == "back":
        session.next()
    before = snapshot(session)
    action(session)
    clock.advance(10)
    outcome = session.undo()
    assert outcome.message == message
    if name in ("edit", "delete", "private"):
        session.undo()  # and the capture before it
    after = snapshot(session)
    assert after[1:] == before[1:]
    assert session.view().turn.speaker == ("Ben" if name == "back" else "Ana")


def test_undoing_next_gives_the_time_since_back_to_the_turn_before() -> None:
    session, clock = new_session()
    session.start()
    clock.advance(30)
    session.next()
    clock.advance(25)
    session.undo()
    assert session.view().turn.speaker == "Ana"
    assert session.view().turn.elapsed == 55


def test_votes_and_carry_marks_are_undone_too() -> None:
    session, _ = new_session()
    session.jump(2)
    session.capture("topic", "Hiring")
    session.vote(1)
    assert session.undo().message == "Undone: +1 vote: Hiring"
    assert session.state.items[1].votes == 0


def test_an_undo_survives_a_resume(tmp_path: Path) -> None:
    session, _ = new_session(home=tmp_path)
    session.start()
    session.capture("note", "kept")
    session.capture("note", "taken back")
    session.undo()
    assert session.folder is not None
    resumed = Session.reopen(session.folder, FakeClock())
    assert [i.text for i in resumed.view().items] == ["kept"]
    assert resumed.undo().message == "Undone: note: kept"
    assert resumed.view().items == []


def test_an_ended_session_is_reopened_from_the_command_line(tmp_path: Path) -> None:
    from facilitator.opening import resumed
    from facilitator.session import find_session

    session, _ = new_session(home=tmp_path)
    session.start()
    session.end()
    record = find_session(tmp_path, session.header.id)
    assert record.ended
    assert resumed(record, reopen_ended=False) is None  # no terminal to ask in: left ended
    reopened = resumed(record, reopen_ended=True)
    assert reopened is not None and reopened.state.ended is None
    assert not find_session(tmp_path, session.header.id).ended


def test_items_of_an_unfinished_session_are_not_from_last_time(tmp_path: Path) -> None:
    from facilitator.session.carry import from_last_session

    session, _ = new_session(home=tmp_path)
    session.start()
    session.capture("action", "@Ben send the draft")
    assert from_last_session(tmp_path, "circle") == (None, [])
    session.end()
    previous, carried = from_last_session(tmp_path, "circle")
    assert previous == session.header.id and [c.text for c in carried] == ["send the draft"]
