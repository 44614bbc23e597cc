"""Capturing resources, action items, notes and topics; undo; Lean Coffee; carry-over."""

import datetime as dt
from pathlib import Path

import pytest

from facilitator.session import FakeClock, Session
from facilitator.session.capture import parse_capture
from facilitator.session.carry import from_last_session
from facilitator.session.values import CarriedItem
from tests.session_helpers import CIRCLE, agenda, new_session

PEOPLE = ["Ana", "Ben", "Benedikt", "Dr. Okafor"]
WEDNESDAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "person", "known", "rest"),
    [
        ("send the draft", "Cleo", True, "send the draft"),
        ("@Ben send the draft", "Ben", True, "send the draft"),
        ("@ben send the draft", "Ben", True, "send the draft"),
        ("@bened send the draft", "Benedikt", True, "send the draft"),
        ("@an send the draft", "Ana", True, "send the draft"),
        ("@Dr. Okafor intro to the CFO", "Dr. Okafor", True, "intro to the CFO"),
        ("@dr intro to the CFO", "Dr. Okafor", True, "intro to the CFO"),
        ("@Zed book the room", "Zed", False, "book the room"),
        # A name within the words stays in them, as the person's name without the `@`, and
        # names no owner: the speaker's action is to talk to Ben.
        ("ask @Ben, then decide", "Cleo", True, "ask Ben, then decide"),
        ("talk to @ben about the budget", "Cleo", True, "talk to Ben about the budget"),
        ("the deck, recommended by @dr", "Cleo", True, "the deck, recommended by Dr. Okafor"),
        ("pair with @Zed on the plan", "Cleo", True, "pair with Zed on the plan"),
        ("mail ana@example.com", "Cleo", True, "mail ana@example.com"),
    ],
)
def test_at_name_picks_the_person_else_the_speaker(
    text: str, person: str, known: bool, rest: str
) -> None:
    draft = parse_capture("action", text, PEOPLE, "Cleo", WEDNESDAY)
    assert (draft.person, draft.person_known, draft.text) == (person, known, rest)


def test_owners_named_first_leave_the_words_and_one_named_within_stays() -> None:
    draft = parse_capture(
        "action", "@Ana, @Ben ask @benedikt and @zed by friday", PEOPLE, "Cleo", WEDNESDAY
    )
    assert (draft.person, draft.also, draft.guests) == ("Ana", ("Ben",), ())
    assert draft.text == "ask Benedikt and zed"
    assert draft.due == dt.date(2026, 11, 27)


def test_an_ambiguous_prefix_is_kept_and_flagged() -> None:
    draft = parse_capture("note", "@be call back", PEOPLE, "Ana", WEDNESDAY)
    assert (draft.person, draft.person_known) == ("be", False)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("by 2026-12-03", dt.date(2026, 12, 3)),
        ("by Friday", dt.date(2026, 11, 27)),
        ("due fri", dt.date(2026, 11, 27)),
        ("by Wednesday", dt.date(2026, 12, 2)),
        ("by next monday", dt.date(2026, 11, 30)),
        ("by today", WEDNESDAY),
        ("by tomorrow", dt.date(2026, 11, 26)),
        ("by next week", dt.date(2026, 12, 2)),
        ("due in 3 days", dt.date(2026, 11, 28)),
        ("by in 2 weeks", dt.date(2026, 12, 9)),
        ("in 2 weeks", dt.date(2026, 12, 9)),
        ("1 Dec", dt.date(2026, 12, 1)),
        ("by Dec 1", dt.date(2026, 12, 1)),
        ("by 3 March", dt.date(2027, 3, 3)),
        ("by 2026-02-30", None),
        ("by 31 Feb", None),
        ("by the end of the quarter", None),
        ("by Friday's meeting", None),
        ("next week", None),
        ("tomorrow", None),
    ],
)
def test_due_dates_are_read_relative_to_the_session_date(phrase: str, due: dt.date | None) -> None:
    draft = parse_capture("action", f"@Ben send the deck {phrase}", PEOPLE, "Ana", WEDNESDAY)
    assert draft.due == due
    assert draft.text == ("send the deck" if due else f"send the deck {phrase}")


def test_urls_are_found_anywhere_and_keep_their_text() -> None:
    text = "Thinking in Systems (https://example.org/book?id=1), see also www.example.com/x."
    draft = parse_capture("resource", text, PEOPLE, "Ana", WEDNESDAY)
    assert draft.urls == ("https://example.org/book?id=1", "www.example.com/x")
    assert draft.text == text
    assert draft.due is None


def test_hash_private_keeps_an_item_out_and_is_removed_from_the_text() -> None:
    draft = parse_capture("note", "salary numbers #private for Ben", PEOPLE, "Ana", WEDNESDAY)
    assert (draft.private, draft.text) == (True, "salary numbers for Ben")


def test_a_capture_is_credited_to_the_speaker_and_never_stops_the_clock() -> None:
    session, clock = new_session()
    session.start()
    clock.advance(30)
    outcome = session.capture("resource", "The Manager's Path https://example.org/mp")
    assert outcome.message == "Resource (Ana): The Manager's Path https://example.org/mp"
    clock.advance(30)
    assert session.view().turn.remaining == 60
    item = session.view().items[0]
    assert (item.person, item.urls, item.segment, item.private) == (
        "Ana",
        ("https://example.org/mp",),
        0,
        False,
    )


def test_anything_captured_in_a_confidential_segment_is_private() -> None:
    session, _ = new_session()
    session.jump(1)
    session.capture("note", "thinking of quitting")
    assert session.view().items[0].private


def test_items_can_be_edited_deleted_and_made_private() -> None:
    session, _ = new_session()
    session.capture("action", "@Ben send the draft")
    session.capture("note", "good energy")
    action = session.view().items[1]
    session.edit_item(action.id, "send the final draft by tomorrow")
    edited = session.state.items[action.id]
    assert (edited.person, edited.text, edited.due) == (
        "Ben",
        "send the final draft",
        dt.date(2026, 11, 26),
    )
    session.mark_private(action.id)
    assert session.state.items[action.id].private
    session.delete_item(action.id)
    assert [item.text for item in session.view().items] == ["good energy"]
    assert not session.delete_item(action.id).done


def test_undo_takes_back_actions_one_at_a_time_newest_first() -> None:
    session, clock = new_session()
    session.start()
    session.capture("note", "first")
    session.capture("note", "second")
    session.pause()
    clock.advance(40)
    assert session.undo().message == "Undone: note: second"
    session.capture("note", "third")
    third = session.view().items[0].id
    session.delete_item(third)
    assert session.undo().message == "Undone: the delete (third is back)"
    assert [item.text for item in session.view().items] == ["third", "first"]
    assert session.undo().message == "Undone: note: third"
    assert session.undo().message == "Undone: note: first"
    assert session.undo().message == "Nothing to undo."
    assert session.view().turn.elapsed == 0


def test_blank_captures_are_refused() -> None:
    session, _ = new_session()
    assert session.capture("note", "   ").message == "Nothing to capture."
    assert session.view().items == []


def test_lean_coffee_discusses_topics_by_votes_within_the_segment() -> None:
    session, clock = new_session()
    assert not session.capture("topic", "too early").done
    session.jump(2)
    for title in ("Hiring", "Burnout", "OKRs"):
        session.capture("topic", title)
    ids = {item.text: item.id for item in session.view().items}
    session.vote(ids["Burnout"], 3)
    assert session.vote(ids["OKRs"], 1).message == "+1 vote: OKRs"
    assert session.vote(ids["OKRs"], -5).message == "OKRs has no votes to take back."
    assert session.vote(ids["OKRs"], -1).message == "-1 vote: OKRs"
    assert session.state.items[ids["OKRs"]].votes == 0
    assert not session.vote(session.view().items[0].id + 99).done
    clock.advance(60)
    session.next()
    turn = session.view().turn
    assert (turn.topic, turn.remaining) == ("Burnout", 240)
    clock.advance(230)
    assert session.extend().message == "Extended by 2m."
    assert session.view().turn.remaining == 130
    clock.advance(130)
    session.next()
    assert session.view().turn.topic == "Hiring"
    clock.advance(140)
    # 1m voting + 6m on Burnout + 2m20s here: 40s of the segment's 10m is left; the
    # topic's clock is its own (1m40s left), the box's is shown beside it
    turn = session.view().turn
    assert (turn.remaining, turn.segment_left, turn.segment_cap) == (100, 40, 600)
    session.next()
    assert session.view().turn.topic == "OKRs"
    clock.advance(100)  # past the time box: the overtime is the segment's
    turn = session.view().turn
    assert (turn.remaining, turn.segment_left) == (140, -60)
    session.capture("topic", "Late topic")
    assert session.view().upcoming.topic == "Late topic"  # type: ignore[union-attr]
    assert session.next().done
    assert session.view().turn.topic == "Late topic"  # n still takes the next topic
    outcome = session.next_segment()  # and N closes the topics
    assert outcome.message == "4/4 Break."
    assert session.view().turn.kind == "break"


def test_plus_changes_what_the_clock_shows_and_says_which() -> None:
    session, _ = new_session()
    assert session.adjust(60).message == "Added 1m to Ana's turn."
    session.jump(1)
    assert session.adjust(-60).message == "Took 1m from Ben's Present."
    session.jump(2)
    assert session.adjust(60).message == "Added 1m to the Lean Coffee time box."
    assert session.view().turn.segment_left == 660
    session.capture("topic", "Hiring")
    session.next()
    assert session.adjust(60).message == "Added 1m to the topic Hiring."
    assert session.view().turn.remaining == 300


def test_extend_is_only_for_a_topic_under_discussion() -> None:
    session, _ = new_session()
    assert not session.extend().done


def test_carried_items_can_be_closed_carried_again_or_dropped(tmp_path: Path) -> None:
    carried = [
        CarriedItem(text="send the draft", person="Ben", session="20261028-180000-circle"),
        CarriedItem(text="book a room", person="Ana", session="20261028-180000-circle"),
    ]
    session = Session.begin(agenda(), FakeClock(), tmp_path, "test.toml", carried)
    items = {item.text: item for item in session.view().items}
    assert items["send the draft"].carried_from == "20261028-180000-circle"
    session.set_carry(items["send the draft"].id, "done")
    session.set_carry(items["book a room"].id, "dropped")
    assert [(i.text, i.carry) for i in session.view().items] == [
        ("book a room", "dropped"),
        ("send the draft", "done"),
    ]
    session.capture("action", "new thing")
    assert not session.set_carry(session.view().items[0].id, "done").done
    assert session.folder is not None
    assert Session.reopen(session.folder, session.clock).state.items == session.state.items


def test_the_next_session_of_a_series_opens_with_last_times_open_items(tmp_path: Path) -> None:
    first = Session.begin(agenda(), FakeClock(), tmp_path, "test.toml")
    first.capture("action", "@Ben send the draft by friday")
    first.capture("action", "@Cleo book a room")
    first.capture("note", "not an action")
    first.end()
    last, carried = from_last_session(tmp_path, "circle")
    assert last == first.header.id
    assert [(c.person, c.text, c.session) for c in carried] == [
        ("Ben", "send the draft", first.header.id),
        ("Cleo", "book a room", first.header.id),
    ]
    second = Session.begin(agenda(), FakeClock(), tmp_path, "test.toml", carried)
    second.set_carry(1, "done")
    second.set_carry(2, "carried")
    second.capture("action", "@Ana new promise")
    second.end()
    _, carried_again = from_last_session(tmp_path, "circle")
    assert [(c.person, c.text, c.session) for c in carried_again] == [
        ("Cleo", "book a room", first.header.id),
        ("Ana", "new promise", second.header.id),
    ]
    assert from_last_session(tmp_path, "another-series") == (None, [])


@pytest.mark.parametrize(
    ("typed", "owners", "text"),
    [
        ("@zoe call the venue", ("Zoë", ()), "call the venue"),
        ("@LUKASZ send it", ("Łukasz", ()), "send it"),
        ("@Ana, @Ben share notes", ("Ana", ("Ben",)), "share notes"),
        ("@Ana @Ben and @Cleo share notes", ("Ana", ("Ben", "Cleo")), "share notes"),
        ("@farah intro to Maya in 2 weeks", ("farah", ()), "intro to Maya"),
    ],
)
def test_owners_are_found_as_people_type_them(
    typed: str, owners: tuple[str, tuple[str, ...]], text: str
) -> None:
    people = [*PEOPLE, "Zoë", "Łukasz", "Cleo"]
    draft = parse_capture("action", typed, people, "Ana", WEDNESDAY)
    assert (draft.person, draft.also) == owners
    assert draft.text == text


def test_what_the_others_say_in_a_hot_seat_step_of_theirs_is_nobody_s_unless_named() -> None:
    """In a step where the others speak (advice, ideas), the presenter is listening: a capture
    that names nobody is not credited to them; one that names someone is that person's."""
    advice = '{ title = "Advice", duration = "2m", who = "others" }'
    text = CIRCLE.replace('{ title = "Questions", duration = "2m" }', advice)
    session, _ = new_session(text)
    session.jump(1)
    session.capture("note", "the presenter's own framing")
    session.next()  # Ben's turn, the others' step
    assert session.state.credited("note") is None
    assert session.state.credited("goal") == "Ben"  # a goal is still the presenter's own
    session.capture("note", "try a paid work sample")
    session.capture("action", "@Cleo send Ben the rubric")
    items = [(item.person, item.text) for item in session.state.items.values()]
    assert items == [
        ("Ben", "the presenter's own framing"),
        (None, "try a paid work sample"),
        ("Cleo", "send Ben the rubric"),
    ]


@pytest.mark.parametrize(
    ("text", "owners", "rest"),
    [
        ("@Ana And @Ben ship it", ("Ana", "Ben"), "ship it"),
        ("@Ana/@Ben ship it", ("Ana", "Ben"), "ship it"),
        ("@Ana + @Ben ship it", ("Ana", "Ben"), "ship it"),
        ("@Ana: @Ben ship it", ("Ana", "Ben"), "ship it"),
        ("<!here> @Ana ship it", ("Ana",), "<!here> ship it"),
        ("<@U123> @Ana ship it", ("Ana",), "<@U123> ship it"),
        # An `@` within a link or an address names nobody, and the link stays whole:
        ("see https://medium.com/@ana/my-post", ("Cleo",), "see https://medium.com/@ana/my-post"),
        ("https://www.youtube.com/@veritasium", ("Cleo",), "https://www.youtube.com/@veritasium"),
        ("mail ana@example.com", ("Cleo",), "mail ana@example.com"),
    ],
)
def test_owners_written_first_however_they_are_joined_and_no_at_in_a_link(
    text: str, owners: tuple[str, ...], rest: str
) -> None:
    draft = parse_capture("resource", text, PEOPLE, "Cleo", WEDNESDAY)
    assert ((draft.person, *draft.also), draft.text) == (owners, rest)
    assert all(url in text for url in draft.urls)
