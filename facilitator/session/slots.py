"""The timed turns of a segment: a speaker's turn, a topic's timebox, a whole break."""

import random
from dataclasses import dataclass, field

from facilitator.agenda.model import Agenda, Participant, Round, Segment, Topics


@dataclass
class Slot:
    """One timed turn, with a clock per step (one step unless the round has steps)."""

    speaker: str | None
    step_seconds: list[int]
    spent: list[float] = field(default_factory=list)
    extra: list[float] = field(default_factory=list)
    passed: bool = False
    """This turn was passed on: the speaker went to the end of the round."""
    second_chance: bool = False
    """The turn a pass created; it cannot be passed again."""
    topic: int | None = None
    """In a topics segment, the item discussed (None while proposing and voting)."""

    def __post_init__(self) -> None:
        self.spent = self.spent or [0.0] * len(self.step_seconds)
        self.extra = self.extra or [0.0] * len(self.step_seconds)

    @property
    def total_spent(self) -> float:
        return sum(self.spent)

    def allotted(self, step: int) -> float:
        """A step's time, with minutes added or taken."""
        return self.step_seconds[step] + self.extra[step]

    @property
    def total_allotted(self) -> float:
        return sum(self.allotted(step) for step in range(len(self.step_seconds)))

    @property
    def left_unspent(self) -> float:
        """Planned time not yet used, never negative: what the rest of the plan still needs."""
        return sum(
            max(0.0, self.allotted(step) - self.spent[step]) for step in range(len(self.spent))
        )


def build_slots(agenda: Agenda, index: int, people: list[Participant], seed: int) -> list[Slot]:
    """The turns of a segment as they stand when the session enters it."""
    segment = agenda.segments[index]
    if isinstance(segment, Round):
        turn = (
            [step.duration for step in segment.steps] if segment.steps else [segment.turn_seconds]
        )
        return [Slot(name, list(turn)) for name in speaker_order(segment, people, index, seed)]
    return [Slot(None, [segment.duration])]


def speaker_order(segment: Round, people: list[Participant], index: int, seed: int) -> list[str]:
    """Who speaks in a round, in its `order`; random order is the same on every replay."""
    if segment.speakers is not None:
        names = [_canonical(name, people) for name in segment.speakers]
    else:
        names = [p.name for p in people if p.role != "observer"]
    if segment.order == "reverse":
        names.reverse()
    elif segment.order == "random":
        random.Random(f"{seed}:{index}").shuffle(names)
    return names


def takes_latecomers(segment: Segment) -> bool:
    """A round without a fixed list of speakers takes whoever arrives."""
    return isinstance(segment, Round) and segment.speakers is None


def topic_slot(segment: Topics, item: int) -> Slot:
    return Slot(None, [segment.per_topic], topic=item)


def _canonical(name: str, people: list[Participant]) -> str:
    folded = name.casefold()
    return next((p.name for p in people if p.name.casefold() == folded), name)
