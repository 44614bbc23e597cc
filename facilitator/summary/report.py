"""What to report of a session: one model that every summary format renders."""

import datetime as dt
from typing import Literal, assert_never

from pydantic import BaseModel, ConfigDict

from facilitator.agenda.model import SegmentKind
from facilitator.session.facts import SessionFacts
from facilitator.session.item_kinds import ITEM_KINDS, ItemKind
from facilitator.session.items import Item
from facilitator.session.values import CarryStatus, ItemType

REPORT_VERSION = 4
"""2: shared reports no longer count the private items they leave out. 3: the length
(`duration_seconds`) is measured on the session's own clock, not from wall-clock times.
4: a session reopened after its end is not interrupted: `ended` and the length leave the
gap out, and the facilitator's report lists the reopenings (`reopened`); `goals` (set,
changed or reached this session) and `progress` on them."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class SegmentTime(_Frozen):
    title: str
    kind: SegmentKind
    planned_seconds: int
    actual_seconds: int
    focus: str | None = None
    """For a hot seat: its presenter and what they bring."""


class PersonTime(_Frozen):
    name: str
    spoke_seconds: int
    allotted_seconds: int
    absent: bool = False
    """Marked absent (and not back) by the end: nothing more was planned for them."""


class Reopening(_Frozen):
    """The session was opened again after its end, to add `added` items."""

    at: dt.datetime
    added: int


class Entry(_Frozen):
    """A captured item as reported."""

    type: ItemType
    text: str
    person: str | None
    also: list[str] = []
    """Further owners of an action named with the first."""
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

    format: Literal["facilitator-summary"] = "facilitator-summary"
    version: int = REPORT_VERSION
    session: str
    title: str
    series: str | None
    date: dt.date
    started: dt.datetime | None
    ended: dt.datetime | None
    """None when the session was interrupted and not ended; for a session reopened after
    its end, when it would have ended without the time it stood ended."""
    duration_seconds: int | None
    """From the start to the end (interruptions included, reopenings' gaps not); None until
    it has ended."""
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
    goals: list[Entry] = []
    """Goals set or changed this session (from the agenda or with G), and goals reached."""
    progress: list[Entry] = []
    """Progress noted on goals."""
    carried: list[Entry]
    """Open action items brought from the series' last session, with what became of them."""
    interrupted_seconds: int
    group_seconds: int = 0
    """Time the others spoke in hot seats (advice, discussion, questions)."""
    reopened: list[Reopening] = []
    """For the facilitator only (with private items): each reopening after the end."""

    def entries(self, kind: ItemKind) -> list[Entry]:
        """The section of one kind of item."""
        match kind.report_field:
            case "actions":
                return self.actions
            case "resources":
                return self.resources
            case "notes":
                return self.notes
            case "topics":
                return self.topics
            case "goals":
                return self.goals
            case "progress":
                return self.progress
            case _:
                assert_never(kind.report_field)


def build_report(facts: SessionFacts, *, include_private: bool = False) -> Report:
    """The report of a session; private items are left out, without a trace, unless asked."""
    agenda = facts.agenda
    shown = [item for item in facts.items if include_private or not item.private]
    titles = [segment.heading for segment in agenda.segments]
    entries = [_entry(item, titles, facts.discussed) for item in shown]
    planned_names = {p.name for p in agenda.participants}
    sections = {
        kind.report_field: _ordered(kind, _current(kind, [e for e in entries if _news(kind, e)]))
        for kind in ITEM_KINDS.values()
    }
    return Report(
        session=facts.session_id,
        title=agenda.title,
        series=agenda.series,
        date=(facts.started or facts.last_event or facts.now).date(),
        started=facts.started,
        ended=facts.ended,
        duration_seconds=None if facts.length_seconds is None else round(facts.length_seconds),
        planned_seconds=agenda.planned or agenda.total_seconds,
        attendees=[name for name in facts.people if name not in facts.absent],
        absent=facts.absent,
        latecomers=[name for name in facts.people if name not in planned_names],
        segments=[
            SegmentTime(
                title=s.title,
                kind=s.kind,
                planned_seconds=round(s.planned_seconds),
                actual_seconds=round(s.actual_seconds),
                focus=s.focus,
            )
            for s in facts.segments
        ],
        airtime=[
            PersonTime(
                name=person.name,
                spoke_seconds=round(person.spoke),
                allotted_seconds=round(person.allotted),
                absent=person.absent,
            )
            for person in facts.airtime
        ],
        **sections,
        carried=[e for e in entries if e.carried_from and not ITEM_KINDS[e.type].one_per_person],
        interrupted_seconds=round(facts.interrupted_seconds),
        group_seconds=round(facts.group_seconds),
        reopened=[Reopening(at=r.at, added=r.added) for r in facts.reopened]
        if include_private
        else [],
    )


def _entry(item: Item, titles: list[str], discussed: dict[int, float]) -> Entry:
    return Entry(
        type=item.type,
        text=item.text,
        person=item.person,
        also=item.also,
        urls=item.urls,
        due=item.due,
        segment=titles[item.segment] if item.segment is not None else None,
        private=item.private,
        captured_at=item.at,
        votes=item.votes,
        discussed_seconds=round(discussed.get(item.id, 0.0)),
        carried_from=item.carried_from,
        carry=item.carry,
    )


def _news(kind: ItemKind, entry: Entry) -> bool:
    """Whether an entry is in its kind's section: captured this session, or for a goal
    carried in from earlier, reached (or dropped) this session."""
    if entry.type != kind.type:
        return False
    return not entry.carried_from or (
        kind.one_per_person and entry.carry not in ("open", "carried")
    )


def _current(kind: ItemKind, entries: list[Entry]) -> list[Entry]:
    """Of one person's goals set this session, the last: an earlier one was replaced (one
    reached or dropped is still news)."""
    if not kind.one_per_person:
        return entries
    last = {entry.person: entry for entry in entries}
    return [e for e in entries if e is last[e.person] or e.carry not in ("open", "carried")]


def _ordered(kind: ItemKind, entries: list[Entry]) -> list[Entry]:
    """A kind's entries in the order its summary section lists them."""
    match kind.layout:
        case "by_owner":  # owners in the order they first appear
            order = {person: n for n, person in enumerate(dict.fromkeys(e.person for e in entries))}
            return sorted(entries, key=lambda entry: order[entry.person])
        case "voted":
            return sorted(entries, key=lambda entry: -entry.votes)
        case "credited" | "per_person":
            return entries
        case _:
            assert_never(kind.layout)
