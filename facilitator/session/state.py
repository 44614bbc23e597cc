"""The session's state, replayed from its events: a reducer that never raises.

An event that makes no sense where it lands (a pass during a break, a vote for a
deleted topic) changes nothing, so any journal replays. Commands check first
and say why they refuse (see `session.py`).
"""

import datetime as dt
from dataclasses import dataclass, field, replace

from facilitator.agenda.model import Agenda, Participant, Topics
from facilitator.session import events as ev
from facilitator.session.items import Item
from facilitator.session.slots import Slot, build_slots, takes_latecomers, topic_slot


@dataclass(frozen=True)
class Interruption:
    """The app was not running between these wall-clock times."""

    start: dt.datetime
    end: dt.datetime
    was_running: bool
    """Whether a turn's clock was running when the app stopped."""

    @property
    def seconds(self) -> float:
        return max(0.0, (self.end - self.start).total_seconds())


@dataclass(frozen=True)
class Position:
    segment: int
    slot: int
    step: int


@dataclass
class State:
    """Everything that happened, as of the last event applied."""

    agenda: Agenda
    seed: int
    carried: list[ev.CarriedItem] = field(default_factory=list)
    """Open action items from the series' last session, there from the start."""
    participants: list[Participant] = field(default_factory=list)
    absent: set[str] = field(default_factory=set)
    runs: dict[int, list[Slot]] = field(default_factory=dict)
    at: Position = Position(0, 0, 0)
    running_since: float | None = None
    started: dt.datetime | None = None
    ended: dt.datetime | None = None
    pauses: int = 0
    items: dict[int, Item] = field(default_factory=dict)
    captured: list[int] = field(default_factory=list)
    """Item ids in the order they were captured, for undo."""
    interruptions: list[Interruption] = field(default_factory=list)
    next_id: int = 1
    last_pos: float = 0.0
    last_wall: dt.datetime | None = None
    epoch: tuple[float, float] | None = None
    """(monotonic, timeline) at the start of this run of the app."""

    def __post_init__(self) -> None:
        self.participants = list(self.participants or self.agenda.participants)
        for carried in self.carried:
            self.items[self.next_id] = Item(
                id=self.next_id,
                type="action",
                text=carried.text,
                person=carried.person,
                person_known=True,
                urls=[],
                due=carried.due,
                private=carried.private,
                segment=None,
                at=None,
                carried_from=carried.session,
            )
            self.next_id += 1
        self.runs[0] = self._build(0)
        first = self.first_slot(0)
        self.at = Position(0, first if first is not None else 0, 0)

    # -- reading -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.running_since is not None

    @property
    def slot(self) -> Slot:
        return self.runs[self.at.segment][self.at.slot]

    def timeline(self, mono: float) -> float:
        """Seconds of session time at a monotonic reading of this run of the app."""
        if self.epoch is None:
            return self.last_pos
        return max(self.last_pos, mono - self.epoch[0] + self.epoch[1])

    def people(self) -> list[str]:
        return [p.name for p in self.participants]

    def slots_of(self, segment: int) -> list[Slot]:
        """A segment's turns: as entered, or as they would be if entered now."""
        return self.runs.get(segment) or self._build(segment)

    def first_slot(self, segment: int) -> int | None:
        return self._slot_from(segment, 0, +1)

    def is_away(self, slot: Slot) -> bool:
        return slot.speaker is not None and slot.speaker in self.absent

    def forward_target(self) -> Position | None:
        """Where `next` goes from here, without going there."""
        slots = self.slots_of(self.at.segment)
        slot = slots[self.at.slot]
        if self.at.step + 1 < len(slot.step_seconds):
            return Position(self.at.segment, self.at.slot, self.at.step + 1)
        following = self._slot_from(self.at.segment, self.at.slot + 1, +1)
        if following is not None:
            return Position(self.at.segment, following, 0)
        if self.upcoming_topic() is not None:
            return Position(self.at.segment, len(slots), 0)
        for segment in range(self.at.segment + 1, len(self.agenda.segments)):
            first = self.first_slot(segment)
            if first is not None:
                return Position(segment, first, 0)
        return None

    def upcoming_topic(self) -> int | None:
        """The most-voted topic not yet discussed, if the topics segment has time left."""
        segment = self.agenda.segments[self.at.segment]
        if (
            not isinstance(segment, Topics)
            or self.segment_spent(self.at.segment) >= segment.duration
        ):
            return None
        slots = self.slots_of(self.at.segment)
        if self.at.slot != len(slots) - 1:
            return None
        done = {slot.topic for slot in slots}
        waiting = [
            item
            for item in self.items.values()
            if item.type == "topic" and item.segment == self.at.segment and item.id not in done
        ]
        waiting.sort(key=lambda item: (-item.votes, item.id))
        return waiting[0].id if waiting else None

    def segment_spent(self, segment: int, live: float = 0.0) -> float:
        """Clock time used in a segment; `live` adds the running, unbanked seconds."""
        banked = sum(slot.total_spent for slot in self.runs.get(segment, []))
        return banked + (live if segment == self.at.segment else 0.0)

    # -- the reducer ---------------------------------------------------------------------

    def apply(self, event: ev.Event) -> None:
        """Advance the state by one event."""
        pos = self._place(event)
        if self.running_since is not None and self.ended is None:
            slot = self.slot
            slot.spent[self.at.step] += pos - self.running_since
            self.running_since = pos
        getattr(self, f"_on_{event.kind}")(event, pos)
        self.last_pos = pos
        self.last_wall = event.at

    def _place(self, event: ev.Event) -> float:
        if self.epoch is None or isinstance(event, ev.Reopen):
            self.epoch = (event.mono, self.last_pos)
        return self.timeline(event.mono)

    def _on_start(self, event: ev.Start, pos: float) -> None:
        if self.ended is None and self.running_since is None:
            self.running_since = pos
            self.started = self.started or event.at

    def _on_pause(self, event: ev.Pause, pos: float) -> None:
        if self.running_since is not None:
            self.running_since = None
            self.pauses += 1

    def _on_next(self, event: ev.Next, pos: float) -> None:
        self._advance(event, pos)

    def _advance(self, event: ev.Event, pos: float) -> None:
        target = self.forward_target()
        if target is not None and self.ended is None:
            topic = self.upcoming_topic()
            if topic is not None:
                segment = self.agenda.segments[self.at.segment]
                assert isinstance(segment, Topics)
                self.runs[self.at.segment].append(topic_slot(segment, topic))
            self._go(target, event, pos)

    def _on_back(self, event: ev.Back, pos: float) -> None:
        if self.ended is not None:
            return
        if self.at.step > 0:
            self._go(Position(self.at.segment, self.at.slot, self.at.step - 1), event, pos)
            return
        for segment in range(self.at.segment, -1, -1):
            start = (
                self.at.slot - 1 if segment == self.at.segment else len(self.slots_of(segment)) - 1
            )
            found = self._slot_from(segment, start, -1)
            if found is not None:
                last_step = len(self.slots_of(segment)[found].step_seconds) - 1
                self._go(Position(segment, found, last_step), event, pos)
                return

    def _go(self, target: Position, event: ev.Event, pos: float) -> None:
        if target.segment not in self.runs:
            self.runs[target.segment] = self._build(target.segment)
        self.at = target
        self.running_since = pos
        self.started = self.started or event.at

    def _on_adjust(self, event: ev.Adjust, pos: float) -> None:
        slot, step = self.slot, self.at.step
        slot.extra[step] = max(-slot.step_seconds[step], slot.extra[step] + event.seconds)

    def _on_pass(self, event: ev.Pass, pos: float) -> None:
        slot = self.slot
        if not self.can_pass():
            return
        slot.passed = True
        again = Slot(slot.speaker, list(slot.step_seconds), second_chance=True)
        self.runs[self.at.segment].append(again)
        self._next_turn(event, pos)

    def can_pass(self) -> bool:
        slot = self.slot
        return slot.speaker is not None and not slot.passed and not slot.second_chance

    def _on_absent(self, event: ev.Absent, pos: float) -> None:
        self.absent.add(event.name)
        if self.slot.speaker == event.name:
            self._next_turn(event, pos)

    def _next_turn(self, event: ev.Event, pos: float) -> None:
        """On to the next turn, past whatever steps this one has left."""
        here = self.at
        self.at = Position(here.segment, here.slot, len(self.slot.step_seconds) - 1)
        if self.forward_target() is None:  # the last turn of all: stay where it was
            self.at = here
            return
        self._advance(event, pos)

    def _on_present(self, event: ev.Present, pos: float) -> None:
        if event.name not in self.absent:
            return
        self.absent.discard(event.name)
        slots = self.runs[self.at.segment]
        theirs = [i for i, slot in enumerate(slots) if slot.speaker == event.name]
        missed = bool(theirs) and all(i < self.at.slot and not slots[i].total_spent for i in theirs)
        if missed:
            slots.append(Slot(event.name, list(slots[theirs[0]].step_seconds)))

    def _on_latecomer(self, event: ev.Latecomer, pos: float) -> None:
        if any(p.name.casefold() == event.name.casefold() for p in self.participants):
            return
        self.participants.append(Participant(name=event.name, role=event.role))
        if event.role == "observer":
            return
        for index, slots in self.runs.items():
            segment = self.agenda.segments[index]
            if index >= self.at.segment and takes_latecomers(segment) and slots:
                slots.append(Slot(event.name, list(slots[0].step_seconds)))

    def _on_jump(self, event: ev.Jump, pos: float) -> None:
        if 0 <= event.segment < len(self.agenda.segments) and self.ended is None:
            first = self.first_slot(event.segment)
            if first is not None:
                self._go(Position(event.segment, first, 0), event, pos)

    def _on_capture(self, event: ev.Capture, pos: float) -> None:
        item = Item(
            id=self.next_id,
            type=event.draft.type,
            text=event.draft.text,
            person=event.draft.person,
            person_known=event.draft.person_known,
            urls=list(event.draft.urls),
            due=event.draft.due,
            private=event.draft.private or self.agenda.segments[self.at.segment].confidential,
            segment=self.at.segment,
            at=event.at,
        )
        self.items[item.id] = item
        self.captured.append(item.id)
        self.next_id += 1

    def _on_edit(self, event: ev.Edit, pos: float) -> None:
        item = self.items.get(event.item)
        if item is None:
            return
        draft = event.draft
        confidential = item.segment is not None and self.agenda.segments[item.segment].confidential
        self.items[item.id] = replace(
            item,
            text=draft.text,
            person=draft.person,
            person_known=draft.person_known,
            urls=list(draft.urls),
            due=draft.due,
            private=draft.private or confidential,
        )

    def _on_delete(self, event: ev.Delete, pos: float) -> None:
        self.items.pop(event.item, None)

    def _on_undo(self, event: ev.Undo, pos: float) -> None:
        while self.captured:
            if self.items.pop(self.captured.pop(), None) is not None:
                return

    def _on_private(self, event: ev.MarkPrivate, pos: float) -> None:
        if event.item in self.items:
            self.items[event.item] = replace(self.items[event.item], private=event.private)

    def _on_vote(self, event: ev.Vote, pos: float) -> None:
        item = self.items.get(event.item)
        if item is not None and item.type == "topic":
            self.items[item.id] = replace(item, votes=max(0, item.votes + event.delta))

    def _on_extend(self, event: ev.Extend, pos: float) -> None:
        segment = self.agenda.segments[self.at.segment]
        if isinstance(segment, Topics) and self.slot.topic is not None:
            self.slot.extra[0] += segment.extend

    def _on_carry(self, event: ev.SetCarry, pos: float) -> None:
        item = self.items.get(event.item)
        if item is not None and item.carried_from is not None:
            self.items[item.id] = replace(item, carry=event.status)

    def _on_reopen(self, event: ev.Reopen, pos: float) -> None:
        if self.last_wall is not None:
            self.interruptions.append(Interruption(self.last_wall, event.at, self.running))
        self.running_since = None

    def _on_end(self, event: ev.End, pos: float) -> None:
        self.running_since = None
        self.ended = self.ended or event.at

    # -- helpers -------------------------------------------------------------------------

    def _build(self, segment: int) -> list[Slot]:
        return build_slots(self.agenda, segment, self.participants, self.seed)

    def _slot_from(self, segment: int, start: int, direction: int) -> int | None:
        """The first turn from `start` in `direction` whose speaker is here."""
        slots = self.slots_of(segment)
        index = start
        while 0 <= index < len(slots):
            if not self.is_away(slots[index]):
                return index
            index += direction
        return None


def replay(
    agenda: Agenda, seed: int, events: list[ev.Event], carried: list[ev.CarriedItem] | None = None
) -> State:
    """The state after a list of events: the same for a live session and its journal."""
    state = State(agenda, seed, list(carried or []))
    for event in events:
        state.apply(event)
    return state
