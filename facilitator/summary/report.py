"""What to report of a session: one model that every summary format renders."""

import datetime as dt

from pydantic import BaseModel, ConfigDict

from facilitator.agenda.model import Topics
from facilitator.session.events import CarryStatus
from facilitator.session.items import Item
from facilitator.session.state import State
from facilitator.session.view import airtime_of

REPORT_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class SegmentTime(_Frozen):
    title: str
    kind: str
    planned_seconds: int
    actual_seconds: int


class PersonTime(_Frozen):
    name: str
    spoke_seconds: int
    allotted_seconds: int


class Entry(_Frozen):
    """A captured item as reported."""

    type: str
    text: str
    person: str | None
    urls: list[str]
    due: dt.date | None
    segment: str | None
    """The title of the segment it was captured in."""
    private: bool
    captured_at: dt.datetime | None = None
    """None for items carried in from an earlier session."""
    votes: int = 0
    discussed_seconds: int = 0
    carried_from: str | None = None
    carry: CarryStatus = "open"


class Report(_Frozen):
    """A session, finished or interrupted, as the group keeps it."""

    format: str = "facilitator-summary"
    version: int = REPORT_VERSION
    session: str
    title: str
    series: str | None
    date: dt.date
    started: dt.datetime | None
    ended: dt.datetime | None
    """None when the session was interrupted and not ended."""
    planned_seconds: int
    attendees: list[str]
    absent: list[str]
    latecomers: list[str]
    segments: list[SegmentTime]
    airtime: list[PersonTime]
    actions: list[Entry]
    """Grouped by owner, in the order owners first appear in the session."""
    resources: list[Entry]
    notes: list[Entry]
    topics: list[Entry]
    carried: list[Entry]
    """Open action items brought from the series' last session, with what became of them."""
    private_left_out: int
    interrupted_seconds: int

    @property
    def duration_seconds(self) -> int | None:
        if self.started is None or self.ended is None:
            return None
        return round((self.ended - self.started).total_seconds())


def build_report(state: State, session_id: str, *, include_private: bool = False) -> Report:
    """The report of a session's state; private items are counted, not shown, unless asked."""
    agenda = state.agenda
    shown = [item for item in state.items.values() if include_private or not item.private]
    titles = [segment.heading for segment in agenda.segments]
    entries = [_entry(item, titles, state) for item in shown]
    names = [p.name for p in state.participants]
    absent = [name for name in names if name in state.absent]
    planned_names = {p.name for p in agenda.participants}
    return Report(
        session=session_id,
        title=agenda.title,
        series=agenda.series,
        date=(state.started or state.last_wall or dt.datetime.now().astimezone()).date(),
        started=state.started,
        ended=state.ended,
        planned_seconds=agenda.planned or agenda.total_seconds,
        attendees=[name for name in names if name not in state.absent],
        absent=absent,
        latecomers=[name for name in names if name not in planned_names],
        segments=_segment_times(state),
        airtime=_airtime(state),
        actions=_by_owner([e for e in entries if e.type == "action" and not e.carried_from]),
        resources=[e for e in entries if e.type == "resource"],
        notes=[e for e in entries if e.type == "note"],
        topics=sorted((e for e in entries if e.type == "topic"), key=lambda e: -e.votes),
        carried=[e for e in entries if e.carried_from],
        private_left_out=len(state.items) - len(shown),
        interrupted_seconds=round(sum(gap.seconds for gap in state.interruptions)),
    )


def _entry(item: Item, titles: list[str], state: State) -> Entry:
    discussed = 0.0
    if item.type == "topic" and item.segment is not None:
        discussed = sum(
            slot.total_spent for slot in state.runs.get(item.segment, []) if slot.topic == item.id
        )
    return Entry(
        type=item.type,
        text=item.text,
        person=item.person,
        urls=item.urls,
        due=item.due,
        segment=titles[item.segment] if item.segment is not None else None,
        private=item.private,
        captured_at=item.at,
        votes=item.votes,
        discussed_seconds=round(discussed),
        carried_from=item.carried_from,
        carry=item.carry,
    )


def _by_owner(actions: list[Entry]) -> list[Entry]:
    order = {person: n for n, person in enumerate(dict.fromkeys(a.person for a in actions))}
    return sorted(actions, key=lambda action: order[action.person])


def _segment_times(state: State) -> list[SegmentTime]:
    return [
        SegmentTime(
            title=segment.heading,
            kind=segment.kind,
            planned_seconds=segment.duration
            if isinstance(segment, Topics)
            else sum(
                round(slot.total_allotted) for slot in state.slots_of(index) if not slot.passed
            ),
            actual_seconds=round(state.segment_spent(index)),
        )
        for index, segment in enumerate(state.agenda.segments)
    ]


def _airtime(state: State) -> list[PersonTime]:
    return [
        PersonTime(
            name=person.name,
            spoke_seconds=round(person.spoke),
            allotted_seconds=round(person.allotted),
        )
        for person in airtime_of(state)
    ]
