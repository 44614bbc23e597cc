"""The timed turns of a segment: a speaker's turn, a topic's timebox, a whole break."""

from dataclasses import dataclass, field

from facilitator.agenda.model import Agenda, Participant


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
    """The turns of a segment as they stand when the session enters it: one per speaker, or
    one for the whole segment."""
    segment = agenda.segments[index]
    steps = segment.step_seconds()
    speakers = segment.speaking_order(people, f"{seed}:{index}")
    if speakers is None:
        return [Slot(None, steps)]
    return [Slot(name, list(steps)) for name in speakers]


def topic_slot(seconds: int, item: int) -> Slot:
    """The timebox of one topic under discussion."""
    return Slot(None, [seconds], topic=item)
