"""Rules with one home: every item kind reaches every summary, every event kind is pinned
to the journal's format, and the session says what can be done now."""

from typing import get_args

import pytest

from facilitator.session.events import Event
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.values import FORMAT_VERSION
from facilitator.summary.formats import FORMATS
from facilitator.summary.render import render
from facilitator.summary.report import build_report
from facilitator.tui.widgets.items_list import item_line
from tests.session_helpers import new_session

EVENT_KINDS_BY_FORMAT = {
    2: {
        "start",
        "pause",
        "next",
        "back",
        "adjust",
        "pass",
        "absent",
        "present",
        "latecomer",
        "jump",
        "capture",
        "edit",
        "delete",
        "undo",
        "private",
        "vote",
        "extend",
        "carry",
        "reopen",
        "end",
    },
}
EVENT_KINDS_BY_FORMAT[3] = EVENT_KINDS_BY_FORMAT[2] | {"checkpoint"}  # fmt: skip
EVENT_KINDS_BY_FORMAT[4] = EVENT_KINDS_BY_FORMAT[3]  # format 4 numbers the events (seq)


def test_the_event_kinds_are_those_of_the_journal_format() -> None:
    """A new kind of event needs a new journal format: bump FORMAT_VERSION, then pin it here."""
    (union, _) = get_args(Event)
    kinds = {get_args(cls.model_fields["kind"].annotation)[0] for cls in get_args(union)}
    assert kinds == EVENT_KINDS_BY_FORMAT[FORMAT_VERSION]


@pytest.mark.parametrize("kind", list(ITEM_KINDS.values()), ids=list(ITEM_KINDS))
def test_every_item_kind_is_captured_listed_and_in_every_summary(kind: object) -> None:
    from facilitator.session.item_kinds import ItemKind

    assert isinstance(kind, ItemKind)
    session, _ = new_session()
    if kind.topics_only:
        session.jump(2)
    session.start()
    if kind.needs is not None:  # progress is on a goal
        assert session.capture(kind.needs, "learn to delegate").done
    outcome = session.capture(kind.type, "zebra crossing by friday")
    assert outcome.done, outcome.message
    assert outcome.message.startswith(kind.label)
    item = session.view().items[0]
    assert item_line(item, unsaved=False).plain.startswith(kind.tag)
    report = build_report(session.facts())
    assert [entry.text for entry in report.entries(kind)] == [item.text]
    for format in FORMATS:
        text = render(report, format)
        assert "zebra crossing" in text, format
        if format != "json":
            assert kind.heading in text, format


def test_the_session_says_what_can_be_done_now() -> None:
    session, _ = new_session()
    assert session.can("next") and not session.can("back")
    assert not session.can("extend")  # no topic under discussion
    assert not session.can("capture", "topic")
    assert not session.can("vote", 1)
    assert session.extend().message == "Only a topic under discussion can be extended."
    session.jump(2)
    assert session.can("capture", "topic")
    session.capture("topic", "Hiring")
    assert session.can("vote", 1) and not session.can("vote", 2)
    session.end()
    assert not session.can("next") and not session.can("undo")
