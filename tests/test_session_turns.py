"""Timing turns: start, pause, warnings, overtime, next and back, passes, absences."""

from facilitator.session import Session
from tests.session_helpers import CIRCLE, new_session, speakers


def test_a_session_opens_paused_on_the_first_turn() -> None:
    session, clock = new_session()
    clock.advance(300)
    turn = session.view().turn
    assert (turn.segment_title, turn.speaker, turn.running) == ("Check-in", "Ana", False)
    assert turn.remaining == 120
    assert session.view().upcoming is not None
    assert session.view().upcoming.speaker == "Ben"  # type: ignore[union-attr]


def test_remaining_time_comes_from_the_clock_and_pauses_are_exact() -> None:
    session, clock = new_session()
    session.toggle()
    clock.advance(30.25)
    assert session.view().turn.remaining == 89.75
    session.toggle()
    clock.advance(600)
    assert session.view().turn.remaining == 89.75
    assert not session.view().turn.running
    session.toggle()
    clock.advance(9.75)
    assert session.view().turn.remaining == 80


def test_warnings_then_time_then_overtime() -> None:
    session, clock = new_session()
    session.start()
    states = []
    for at in (59, 61, 106, 119, 120, 124, 126, 192):
        clock.advance(at - session.view().turn.elapsed)
        turn = session.view().turn
        states.append((turn.urgency, turn.warning, round(turn.overtime)))
    assert states == [
        ("ok", None, 0),
        ("wrap_up", 60, 0),
        ("wrap_up", 15, 0),
        ("wrap_up", 15, 0),
        ("time_up", None, 0),
        ("time_up", None, 4),
        ("overtime", None, 6),
        ("overtime", None, 72),
    ]


def test_next_moves_to_the_next_speaker_and_starts_their_clock() -> None:
    session, clock = new_session()
    session.next()
    clock.advance(10)
    turn = session.view().turn
    assert (turn.speaker, turn.running, turn.remaining) == ("Ben", True, 110)
    assert speakers(session) == [("Ana", "skipped"), ("Ben", "speaking"), ("Cleo", "waiting")]


def test_observers_do_not_get_a_turn_by_default() -> None:
    session, _ = new_session()
    assert [name for name, _ in speakers(session)] == ["Ana", "Ben", "Cleo"]


def test_steps_of_a_hot_seat_come_one_after_another() -> None:
    session, clock = new_session()
    session.jump(1)
    clock.advance(200)
    turn = session.view().turn
    assert (turn.speaker, turn.step_title, turn.step, turn.steps) == ("Ben", "Present", 0, 2)
    assert turn.remaining == -20
    session.next()
    turn = session.view().turn
    assert (turn.step_title, turn.remaining, turn.allotted) == ("Questions", 120, 120)
    upcoming = session.view().upcoming
    assert upcoming is not None and upcoming.segment_title == "Lean Coffee"


def test_back_across_a_segment_boundary_continues_the_last_turn() -> None:
    session, clock = new_session()
    session.start()
    for _ in range(3):
        clock.advance(100)
        session.next()
    assert session.view().turn.segment_title == "Hot seat"
    clock.advance(5)
    session.back()
    turn = session.view().turn
    assert (turn.segment_title, turn.speaker, turn.running) == ("Check-in", "Cleo", True)
    clock.advance(10)
    assert session.view().turn.remaining == 10
    session.back()
    assert session.view().turn.speaker == "Ben"


def test_back_from_the_first_turn_is_refused() -> None:
    session, _ = new_session()
    outcome = session.back()
    assert not outcome.done
    assert outcome.message == "This is the first turn."


def test_adding_and_taking_minutes_changes_the_turn_not_the_clock() -> None:
    session, clock = new_session()
    session.start()
    clock.advance(100)
    session.adjust(60)
    assert session.view().turn.remaining == 80
    session.adjust(-60)
    session.adjust(-60)
    assert session.view().turn.remaining == -40
    session.adjust(-600)
    assert session.view().turn.allotted == 0


def test_passing_moves_speaker_to_end_of_round() -> None:
    session, clock = new_session()
    session.start()
    clock.advance(20)
    outcome = session.pass_turn()
    assert outcome.message == "Ana passes: back at the end."
    assert speakers(session) == [
        ("Ana", "passed"),
        ("Ben", "speaking"),
        ("Cleo", "waiting"),
        ("Ana", "waiting"),
    ]
    assert session.view().not_spoken == ["Cleo", "Ana"]
    session.next()
    session.next()
    turn = session.view().turn
    assert (turn.speaker, turn.remaining) == ("Ana", 120)
    refused = session.pass_turn()
    assert (refused.done, refused.message) == (False, "Ana has already passed once in this round.")


def test_the_last_speaker_who_passes_speaks_again_at_once() -> None:
    session, _ = new_session()
    session.next()
    session.next()
    session.pass_turn()
    assert session.view().turn.speaker == "Cleo"
    assert speakers(session)[-2:] == [("Cleo", "passed"), ("Cleo", "speaking")]


def test_a_round_where_everyone_passed_goes_round_again_once() -> None:
    session, _ = new_session()
    for _ in range(3):
        session.pass_turn()
    assert [name for name, _ in speakers(session)] == ["Ana", "Ben", "Cleo"] * 2
    assert session.view().turn.speaker == "Ana"
    assert not session.pass_turn().done
    session.next()
    session.next()
    session.next()
    assert session.view().turn.segment_title == "Hot seat"


def test_absent_speakers_are_skipped_for_the_rest_of_the_session() -> None:
    session, _ = new_session()
    assert session.mark_absent("ben").message == "Ben is marked absent."
    assert speakers(session)[1] == ("Ben", "absent")
    session.next()
    assert session.view().turn.speaker == "Cleo"
    session.next()
    assert session.view().turn.segment_title == "Lean Coffee"  # the hot seat was Ben's alone


def test_marking_the_current_speaker_absent_moves_on() -> None:
    session, _ = new_session()
    session.mark_absent()
    assert session.view().turn.speaker == "Ben"
    assert session.view().not_spoken == ["Cleo"]


def test_an_absent_speaker_who_returns_gets_a_turn_at_the_end() -> None:
    session, clock = new_session()
    session.mark_absent("Ana")
    clock.advance(90)
    session.next()
    assert session.mark_present("ana").message == "Ana is back."
    assert speakers(session) == [
        ("Ana", "skipped"),
        ("Ben", "spoken"),
        ("Cleo", "speaking"),
        ("Ana", "waiting"),
    ]
    clock.advance(1)
    assert not session.mark_present("Ana").done


def test_a_returning_speaker_whose_turn_is_ahead_keeps_it() -> None:
    session, _ = new_session()
    session.mark_absent("Cleo")
    session.mark_present("Cleo")
    assert [name for name, _ in speakers(session)] == ["Ana", "Ben", "Cleo"]


def test_a_latecomer_joins_the_round_and_later_rounds() -> None:
    session, _ = new_session()
    session.next()
    assert session.add_latecomer("  Dana  ").message == "Dana joined."
    assert [name for name, _ in speakers(session)] == ["Ana", "Ben", "Cleo", "Dana"]
    assert not session.add_latecomer("dana").done
    assert "Dana" in [a.name for a in session.view().airtime]


def test_a_latecomer_whose_name_reads_as_someone_elses_is_refused() -> None:
    """Ben and Bén are one name to a reader, to `check` and to every @name: a second one
    would take the first one's items."""
    session, _ = new_session()
    refused = session.add_latecomer("Bén")
    assert not refused.done
    assert refused.message == "Bén reads as Ben, who is already in the session."
    assert "Bén" not in session.state.people()


def test_a_round_not_begun_has_the_latecomer_after_it_was_looked_at() -> None:
    two_rounds = CIRCLE.replace('title = "Hot seat"\nspeakers = ["Ben"]', 'title = "Again"')
    session, _ = new_session(two_rounds)
    before = session.view().progress[1].planned  # the second round, seen before Dana came
    session.add_latecomer("Dana")
    assert session.view().progress[1].planned > before
    session.next_segment()
    assert "Dana" in [name for name, _ in speakers(session)]


def test_a_latecomer_does_not_join_a_round_with_named_speakers() -> None:
    session, _ = new_session()
    session.jump(1)
    session.add_latecomer("Dana")
    assert [name for name, _ in speakers(session)] == ["Ben"]


def test_jump_goes_to_a_segment_and_starts_it() -> None:
    session, _ = new_session()
    assert session.jump(3).message == "4/4 Break."
    turn = session.view().turn
    assert (turn.kind, turn.running, turn.remaining) == ("break", True, 300)
    assert not session.jump(9).done


def test_next_on_the_last_turn_says_how_to_end() -> None:
    session, _ = new_session()
    session.jump(3)
    outcome = session.next()
    assert outcome.message == "This is the last turn: press ctrl+e to end the session."
    session.end()
    assert session.view().ended
    assert not session.start().done


def test_airtime_counts_each_persons_turns() -> None:
    session, clock = new_session()
    session.start()
    clock.advance(150)
    session.next()
    clock.advance(60)
    session.pass_turn()
    clock.advance(100)
    session.next()
    clock.advance(30)
    session.pause()
    airtime = {a.name: (a.spoke, a.allotted) for a in session.view().airtime}
    assert airtime == {"Ana": (150, 120), "Ben": (90, 120), "Cleo": (100, 120)}


def test_random_order_is_the_same_on_every_replay() -> None:
    text = """
title = "R"
participants = [{ name = "A" }, { name = "B" }, { name = "C" }, { name = "D" }, { name = "E" }]
[[segments]]
kind = "round"
per_speaker = 1
order = "random"
[[segments]]
kind = "round"
per_speaker = 1
order = "reverse"
"""
    session, clock = new_session(text)
    again = Session(session.agenda, clock, header=session.header)
    order = [name for name, _ in speakers(session)]
    assert order == [name for name, _ in speakers(again)]
    assert sorted(order) == ["A", "B", "C", "D", "E"]
    session.jump(1)
    assert [name for name, _ in speakers(session)] == ["E", "D", "C", "B", "A"]


def test_passing_or_leaving_in_a_hot_seat_skips_the_rest_of_that_turn() -> None:
    text = """
title = "Hot seats"
participants = [{ name = "Ana" }, { name = "Ben" }, { name = "Cleo" }]
[[segments]]
kind = "round"
steps = [{ title = "Present", duration = "3m" }, { title = "Advice", duration = "5m" }]
"""
    session, _ = new_session(text)
    session.pass_turn()
    turn = session.view().turn
    assert (turn.speaker, turn.step_title) == ("Ben", "Present")
    session.mark_absent()
    turn = session.view().turn
    assert (turn.speaker, turn.step_title) == ("Cleo", "Present")


def test_an_ended_session_records_nothing_more() -> None:
    session, _ = new_session()
    session.capture("note", "before the end")
    session.end()
    events = len(session.events)
    for outcome in (
        session.start(),
        session.next(),
        session.adjust(60),
        session.capture("note", "after"),
        session.add_latecomer("Zoe"),
    ):
        assert (outcome.done, outcome.message) == (False, "The session has ended.")
    assert len(session.events) == events
    assert session.end().message == "The session has ended."


def test_every_move_says_where_it_led() -> None:
    session, _ = new_session()
    assert session.start().message == "Started: 1/4 Check-in · Ana's turn."
    assert session.next().message == "Ben's turn."
    assert session.back().message == "Ana's turn."
    assert session.next_segment().message.startswith("2/4 ")
    assert session.jump(0).message == "1/4 Check-in · Ana's turn."


def test_the_palette_and_the_commands_share_one_rule() -> None:
    """Every refusal a command gives is the one `refusal` gives beforehand."""
    session, _ = new_session()
    session.mark_absent("Ben")
    cases = [
        (session.jump, ("jump", 9), (9,)),
        (session.mark_present, ("present", "Ana"), ("Ana",)),
        (session.mark_absent, ("absent", "Ben"), ("Ben",)),
        (session.add_latecomer, ("latecomer", "ana"), ("ana",)),
        (session.vote_for_topic, ("vote", 1), (1,)),
        (session.delete_item, ("delete", 42), (42,)),
        (session.pause, ("pause",), ()),
    ]
    for command, (name, *arguments), given in cases:
        why = session.refusal(name, *arguments)  # type: ignore[arg-type]
        assert why is not None and not session.can(name, *arguments)  # type: ignore[arg-type]
        outcome = command(*given)  # type: ignore[operator]
        assert (outcome.done, outcome.message) == (False, why)
