"""What every kind of segment has and answers: the base the kinds in `segments.py` extend."""

from typing import Any, ClassVar, Literal

from facilitator.agenda.fields import COMMON, DURATION, FieldSpec
from facilitator.agenda.parts import Line, Participant, Prose, Strict, Who

SegmentKind = Literal["round", "discussion", "topics", "review", "break"]
Panel = Literal["queue", "topics", "carried", "airtime"]
"""What the live screen shows beside the countdown during a segment."""


class SegmentBase(Strict):
    """What every segment kind has; what differs per kind is an attribute or a method here,
    overridden by the kind, so no other layer asks which kind it is."""

    KIND: ClassVar[SegmentKind]
    HAS_TURNS: ClassVar[bool] = False
    """Whether each speaker takes a turn of their own (else one clock for everyone)."""
    PANEL: ClassVar[Panel] = "airtime"
    EDITOR_FIELDS: ClassVar[tuple[FieldSpec, ...]] = (*COMMON, DURATION)
    TEMPLATE: ClassVar[dict[str, Any]]
    """What "add a segment" starts from in the editor."""

    title: Line | None = None
    prompt: Prose | None = None
    confidential: bool = False

    @property
    def heading(self) -> str:
        """The title, or the kind's sensible default."""
        return self.title or self._default_title()

    def _default_title(self) -> str:
        raise NotImplementedError

    def speakers_among(self, people: list[Participant]) -> list[str] | None:
        """Who takes a turn each, in agenda order; None when the segment has no turns."""
        return None

    def speaking_order(self, people: list[Participant], shuffle_key: str) -> list[str] | None:
        """Who takes a turn, in the order they speak; a random order is the same for the same
        key, so a session replays the same."""
        return self.speakers_among(people)

    def step_seconds(self) -> list[int]:
        """The clock of each step of one turn (one step unless a hot seat)."""
        raise NotImplementedError

    def step_title(self, step: int) -> str | None:
        """The title of a step of a turn with steps; None for a turn of one piece."""
        return None

    def step_who(self, step: int) -> Who:
        """Who speaks in a step: the turn's speaker unless the steps say otherwise."""
        return "presenter"

    def turn_warnings(self, default: list[int]) -> list[int]:
        """Seconds left at which a turn warns: the segment's own, else the agenda's."""
        return default

    @property
    def takes_latecomers(self) -> bool:
        """Whether someone who arrives late gets a turn here."""
        return False

    @property
    def cap_seconds(self) -> int | None:
        """The most the whole segment may take, whatever its turns say; None: no cap."""
        return None

    @property
    def topic_seconds(self) -> int | None:
        """A topic's timebox where topics are proposed and voted on; None elsewhere."""
        return None

    @property
    def extension_seconds(self) -> int:
        """What one extension the group votes for adds to a topic."""
        return 0

    @property
    def named_speakers(self) -> list[str]:
        """The speakers the agenda lists by name, as written."""
        return []

    def vote_allowance(self) -> int | None:
        """How many votes each person has for the segment's topics; None: no limit."""
        return None

    def planned_seconds(self, speaker_count: int) -> int:
        """How long the segment takes as planned, given how many speak in it."""
        raise NotImplementedError
