"""The session's state as of the last event applied, and what can be read from it.

An event that makes no sense where it lands (a pass during a break, a vote for a
deleted topic) changes nothing, so any journal replays. Commands check first
and say why they refuse (see `session.py`).
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from facilitator.agenda.model import Agenda, Participant, Segment
from facilitator.session.goals import set_in_agenda
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.items import Item
from facilitator.session.slots import Slot, build_slots
from facilitator.session.values import CarriedItem, ItemType


class Interruption(NamedTuple):
    """The app was not running between these wall-clock times."""

    start: dt.datetime
    end: dt.datetime
    was_running: bool
    """Whether a turn's clock was running when the app stopped."""
    by_wall_clock: bool = True
    """Measured by the wall clock (across a restart, or an older journal); else by the
    monotonic clock, which no change of the wall clock moves."""

    @property
    def seconds(self) -> float:
        return max(0.0, (self.end - self.start).total_seconds())


class Reopening(NamedTuple):
    """The facilitator opened the session again after ending it (to add or fix something):
    the time it stood ended is not the session's, nor an interruption."""

    at: dt.datetime
    ended_at: dt.datetime
    """When it had ended."""

    @property
    def gap_seconds(self) -> float:
        return max(0.0, (self.at - self.ended_at).total_seconds())


class Position(NamedTuple):
    segment: int
    slot: int
    step: int


START = Position(0, 0, 0)
"""The first segment's first turn and step."""


@dataclass
class State:
    """Everything that happened, as of the last event applied."""

    agenda: Agenda
    seed: int
    carried: list[CarriedItem] = field(default_factory=list)
    """Open action items from the series' last session, there from the start."""
    participants: list[Participant] = field(default_factory=list)
    absent: dict[str, Position] = field(default_factory=dict)
    """Who is marked absent, and where they were marked so: their turns from there on are
    cut short, and the turns they had finished keep their plan."""
    left: set[str] = field(default_factory=set)
    """Of the absent, those who had taken a turn before they were marked so: they came,
    and left early."""
    runs: dict[int, list[Slot]] = field(default_factory=dict)
    at: Position = START
    running_since: float | None = None
    started: dt.datetime | None = None
    started_pos: float | None = None
    """Session time when it started: lengths are measured on the session's own monotonic
    timeline (and interruptions), never by subtracting wall-clock times."""
    ended: dt.datetime | None = None
    items: dict[int, Item] = field(default_factory=dict)
    undoable: list[int] = field(default_factory=list)
    """Positions in the event list of the actions an undo would take back, last first."""
    interruptions: list[Interruption] = field(default_factory=list)
    """Times the app was closed while the session ran (a crash, a quit): they count."""
    reopenings: list[Reopening] = field(default_factory=list)
    """Times an ended session was opened again: they do not count."""
    next_id: int = 1
    last_pos: float = 0.0
    last_wall: dt.datetime | None = None
    epoch: tuple[float, float] | None = None
    """(monotonic, timeline) at the start of this run of the app."""
    _unentered: dict[int, tuple[int, list[Slot]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    """The turns of each segment not entered yet, for how many people there were: the
    schedule and the progress strip ask at every frame."""

    def __post_init__(self) -> None:
        self.participants = list(self.participants or self.agenda.participants)
        for carried in self.carried:
            if not carried.current:
                continue  # a goal reached earlier: only what it names is kept
            self._add_unsaid(carried.type, carried.text, carried.person, carried.private)
            self.items[self.next_id - 1] = self.items[self.next_id - 1]._replace(
                also=tuple(carried.also),
                due=carried.due,
                carried_from=carried.session,
                progressed=carried.progressed,
            )
        for person in set_in_agenda(self.agenda.participants, self.carried):
            self._add_unsaid("goal", person.goal or "", person.name, False)
        self.runs[0] = build_slots(self.agenda, 0, self.participants, self.seed)
        first = self.first_slot(0)
        self.at = Position(0, first if first is not None else 0, 0)

    def _add_unsaid(self, type_: ItemType, text: str, person: str | None, private: bool) -> None:
        """An item there from the start, not captured: carried in, or a goal in the agenda."""
        self.items[self.next_id] = Item(
            id=self.next_id,
            type=type_,
            text=text,
            person=person,
            person_known=True,
            also=(),
            urls=(),
            due=None,
            private=private,
            segment=None,
            at=None,
        )
        self.next_id += 1

    # -- reading -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.running_since is not None

    @property
    def segment(self) -> Segment:
        return self.agenda.segments[self.at.segment]

    @property
    def slot(self) -> Slot:
        return self.runs[self.at.segment][self.at.slot]

    def timeline(self, mono: float) -> float:
        """Seconds of session time at a monotonic reading of this run of the app."""
        if self.epoch is None:
            return self.last_pos
        return max(self.last_pos, mono - self.epoch[0] + self.epoch[1])

    def elapsed(self, pos: float) -> float:
        """Seconds since the start at session time `pos`, interruptions included."""
        if self.started_pos is None:
            return 0.0
        return pos - self.started_pos + sum(gap.seconds for gap in self.interruptions)

    def people(self) -> list[str]:
        return [p.name for p in self.participants]

    def credited(self, type_: ItemType) -> str | None:
        """Whom a capture that names nobody is credited to: the speaker; but in a step of a
        hot seat where the others speak (ideas, advice), nobody: what is said is theirs. A
        goal or progress is still the speaker's own."""
        if self.segment.step_who(self.at.step) == "others" and not ITEM_KINDS[type_].personal:
            return None
        return self.slot.speaker

    def nameable(self) -> list[str]:
        """Everyone an `@name` can name, those here first (offered first as one is typed)."""
        return sorted(self.people(), key=lambda name: name in self.absent)

    def slots_of(self, segment: int) -> list[Slot]:
        """A segment's turns: as entered, or as they would be if entered now (the same
        list, until someone joins, is the one entering takes)."""
        if segment in self.runs:
            return self.runs[segment]
        people = len(self.participants)
        built = self._unentered.get(segment)
        if built is None or built[0] != people:
            built = self._unentered[segment] = (
                people,
                build_slots(self.agenda, segment, self.participants, self.seed),
            )
        return built[1]

    def first_slot(self, segment: int) -> int | None:
        return self.slot_from(segment, 0, +1)

    def has_spoken(self, name: str) -> bool:
        """Whether `name` took a turn before this one: time on a finished turn of theirs."""
        here = (self.at.segment, self.at.slot)
        return any(
            slot.speaker == name and slot.total_spent and (segment, index) != here
            for segment, slots in self.runs.items()
            for index, slot in enumerate(slots)
        )

    def is_away(self, slot: Slot) -> bool:
        return slot.speaker is not None and slot.speaker in self.absent

    def cut_short(self, segment: int, number: int, slot: Slot) -> bool:
        """Whether the turn's speaker was marked absent before it was over (or during it):
        only what they used of it was theirs. A turn they finished keeps its plan."""
        since = self.absent.get(slot.speaker) if slot.speaker is not None else None
        return since is not None and (segment, number) >= (since.segment, since.slot)

    def forward_target(self) -> Position | None:
        """Where `next` goes from here, without going there."""
        slots = self.slots_of(self.at.segment)
        slot = slots[self.at.slot]
        if self.at.step + 1 < len(slot.step_seconds):
            return Position(self.at.segment, self.at.slot, self.at.step + 1)
        following = self.slot_from(self.at.segment, self.at.slot + 1, +1)
        if following is not None:
            return Position(self.at.segment, following, 0)
        if self.upcoming_topic() is not None:
            return Position(self.at.segment, len(slots), 0)
        return self.following_segment()

    def following_segment(self) -> Position | None:
        """The first turn of the next segment that has someone to speak."""
        for segment in range(self.at.segment + 1, len(self.agenda.segments)):
            first = self.first_slot(segment)
            if first is not None:
                return Position(segment, first, 0)
        return None

    def upcoming_topic(self) -> int | None:
        """The most-voted topic not yet discussed: past the time box too (the overtime is
        the segment's), until the facilitator closes the topics."""
        segment = self.agenda.segments[self.at.segment]
        if segment.topic_seconds is None:
            return None
        slots = self.slots_of(self.at.segment)
        if self.at.slot != len(slots) - 1:
            return None
        done = {slot.topic for slot in slots}
        waiting = [item for item in self.topics(self.at.segment) if item.id not in done]
        waiting.sort(key=by_votes)
        return waiting[0].id if waiting else None

    def topics(self, segment: int) -> list[Item]:
        """A segment's topics, numbered (from 1) in the order they were proposed."""
        return [i for i in self.items.values() if i.type == "topic" and i.segment == segment]

    def can_pass(self) -> bool:
        slot = self.slot
        return slot.speaker is not None and not slot.passed and not slot.second_chance

    def box_seconds(self, segment: int) -> float | None:
        """A time-boxed segment's box (topics): as planned, with the minutes added or taken
        while no topic ran; None for segments without a box."""
        cap = self.agenda.segments[segment].cap_seconds
        return None if cap is None else cap + self.slots_of(segment)[0].extra[0]

    def segment_spent(self, segment: int, live: float = 0.0) -> float:
        """Clock time used in a segment; `live` adds the running, unbanked seconds."""
        banked = sum(slot.total_spent for slot in self.runs.get(segment, []))
        return banked + (live if segment == self.at.segment else 0.0)

    def slot_from(self, segment: int, start: int, direction: int) -> int | None:
        """The first turn from `start` in `direction` whose speaker is here."""
        slots = self.slots_of(segment)
        index = start
        while 0 <= index < len(slots):
            if not self.is_away(slots[index]):
                return index
            index += direction
        return None


def by_votes(topic: Item) -> tuple[int, int]:
    """The order topics are discussed in: most votes first, then as proposed."""
    return (-topic.votes, topic.id)
