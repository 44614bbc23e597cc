"""The agenda as a document: who takes part and the segments of the session."""

import random
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from facilitator.agenda.durations import Duration, format_duration
from facilitator.agenda.fields import COMMON, CONFIDENTIAL, DURATION, WARNINGS, FieldSpec
from facilitator.agenda.toml_values import describe

Role = Literal["facilitator", "mentor", "mentee", "peer", "observer"]
Order = Literal["agenda", "random", "reverse"]
Name = Annotated[str, Field(min_length=1, max_length=80, pattern=r"\S")]


class _Strict(BaseModel):
    # TOML has real types, so "yes" is not a boolean; unknown keys are usually typos.
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)


class Participant(_Strict):
    """A person in the session; observers are left out of rounds by default."""

    name: Name
    role: Role = "peer"
    focus: str | None = None


class Step(_Strict):
    """One timed part of a turn with steps (a hot seat)."""

    title: Name
    duration: Duration


SegmentKind = Literal["round", "discussion", "topics", "review", "break"]
Panel = Literal["queue", "topics", "carried", "airtime"]
"""What the live screen shows beside the countdown during a segment."""


class _Segment(_Strict):
    """What every segment kind has; what differs per kind is an attribute or a method here,
    overridden by the kind, so no other layer asks which kind it is."""

    KIND: ClassVar[SegmentKind]
    HAS_TURNS: ClassVar[bool] = False
    """Whether each speaker takes a turn of their own (else one clock for everyone)."""
    PANEL: ClassVar[Panel] = "airtime"
    EDITOR_FIELDS: ClassVar[tuple[FieldSpec, ...]] = (*COMMON, DURATION)
    TEMPLATE: ClassVar[dict[str, Any]]
    """What "add a segment" starts from in the editor."""

    title: str | None = None
    prompt: str | None = None
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

    def planned_seconds(self, speaker_count: int) -> int:
        """How long the segment takes as planned, given how many speak in it."""
        raise NotImplementedError


class Round(_Segment):
    """Everyone (or `speakers`) in turn; a turn with `steps` is a hot seat."""

    KIND: ClassVar[SegmentKind] = "round"
    HAS_TURNS: ClassVar[bool] = True
    PANEL: ClassVar[Panel] = "queue"
    EDITOR_FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        *COMMON,
        FieldSpec("per_speaker", "Per speaker", "duration", "a turn's length; or use steps"),
        FieldSpec("steps", "Steps (a hot seat)", "steps", "one per line: title | duration"),
        FieldSpec("speakers", "Speakers", "names", "empty: everyone but observers"),
        FieldSpec("order", "Order", "order"),
        WARNINGS,
        CONFIDENTIAL,
    )
    TEMPLATE: ClassVar[dict[str, Any]] = {
        "kind": "round",
        "title": "New round",
        "per_speaker": "2m",
    }

    kind: Literal["round"]
    per_speaker: Duration | None = None
    steps: Annotated[list[Step], Field(min_length=1)] | None = None
    speakers: Annotated[list[Name], Field(min_length=1)] | None = None
    order: Order = "agenda"
    warnings: list[Duration] | None = None

    @model_validator(mode="after")
    def _one_way_to_time_a_turn(self) -> Self:
        if (self.per_speaker is None) == (self.steps is None):
            has = "both" if self.steps is not None else "neither"
            raise PydanticCustomError(
                "round_timing",
                "a round needs per_speaker (one timed turn each) or steps (a hot seat); "
                "it has {has}",
                {"has": has},
            )
        return self

    def _default_title(self) -> str:
        return "Hot seat" if self.steps else "Round"

    def speakers_among(self, people: list[Participant]) -> list[str]:
        """`speakers` (spelt as the participants are), or everyone but observers."""
        if self.speakers is None:
            return [p.name for p in people if p.role != "observer"]
        spelt = {p.name.casefold(): p.name for p in people}
        return [spelt.get(name.casefold(), name) for name in self.speakers]

    def speaking_order(self, people: list[Participant], shuffle_key: str) -> list[str]:
        names = self.speakers_among(people)
        if self.order == "reverse":
            names.reverse()
        elif self.order == "random":
            random.Random(shuffle_key).shuffle(names)
        return names

    def step_seconds(self) -> list[int]:
        if self.steps:
            return [step.duration for step in self.steps]
        return [self.per_speaker or 0]

    def step_title(self, step: int) -> str | None:
        return self.steps[step].title if self.steps else None

    def turn_warnings(self, default: list[int]) -> list[int]:
        return self.warnings or default

    @property
    def named_speakers(self) -> list[str]:
        return list(self.speakers or [])

    @property
    def takes_latecomers(self) -> bool:
        """A round without a fixed list of speakers takes whoever arrives."""
        return self.speakers is None

    def planned_seconds(self, speaker_count: int) -> int:
        return sum(self.step_seconds()) * speaker_count


class _Timebox(_Segment):
    duration: Duration

    def step_seconds(self) -> list[int]:
        return [self.duration]

    def planned_seconds(self, speaker_count: int) -> int:
        return self.duration


class Discussion(_Timebox):
    """One open timebox."""

    KIND: ClassVar[SegmentKind] = "discussion"
    EDITOR_FIELDS: ClassVar[tuple[FieldSpec, ...]] = (*COMMON, DURATION, WARNINGS, CONFIDENTIAL)
    TEMPLATE: ClassVar[dict[str, Any]] = {
        "kind": "discussion",
        "title": "New discussion",
        "duration": "10m",
    }

    kind: Literal["discussion"]
    warnings: list[Duration] | None = None

    def _default_title(self) -> str:
        return "Open discussion"

    def turn_warnings(self, default: list[int]) -> list[int]:
        return self.warnings or default


class Topics(_Timebox):
    """Lean Coffee: propose topics, vote, discuss them by votes in timeboxes."""

    KIND: ClassVar[SegmentKind] = "topics"
    PANEL: ClassVar[Panel] = "topics"
    EDITOR_FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        *COMMON,
        DURATION,
        FieldSpec("per_topic", "Per topic", "duration", "default 7m"),
        FieldSpec("extend", "Extension", "duration", "default 3m"),
        WARNINGS,
        CONFIDENTIAL,
    )
    TEMPLATE: ClassVar[dict[str, Any]] = {"kind": "topics", "duration": "30m"}

    kind: Literal["topics"]
    per_topic: Duration = 7 * 60
    extend: Duration = 3 * 60
    warnings: list[Duration] | None = None

    @model_validator(mode="after")
    def _topic_fits(self) -> Self:
        if self.per_topic > self.duration:
            raise PydanticCustomError(
                "topic_too_long",
                "per_topic ({per_topic}) is longer than the whole segment ({duration})",
                {
                    "per_topic": format_duration(self.per_topic),
                    "duration": format_duration(self.duration),
                },
            )
        return self

    def _default_title(self) -> str:
        return "Lean Coffee"

    def turn_warnings(self, default: list[int]) -> list[int]:
        return self.warnings or default

    @property
    def cap_seconds(self) -> int:
        return self.duration

    @property
    def topic_seconds(self) -> int:
        return self.per_topic

    @property
    def extension_seconds(self) -> int:
        return self.extend


class Review(_Timebox):
    """The open action items of the series' last session."""

    KIND: ClassVar[SegmentKind] = "review"
    PANEL: ClassVar[Panel] = "carried"
    TEMPLATE: ClassVar[dict[str, Any]] = {"kind": "review", "duration": "10m"}

    kind: Literal["review"]

    def _default_title(self) -> str:
        return "Review of last time's action items"


class Break(_Timebox):
    """A pause in the session."""

    KIND: ClassVar[SegmentKind] = "break"
    TEMPLATE: ClassVar[dict[str, Any]] = {"kind": "break", "duration": "5m"}

    kind: Literal["break"]

    def _default_title(self) -> str:
        return "Break"


Segment = Annotated[Round | Discussion | Topics | Review | Break, Field(discriminator="kind")]
SegmentType = type[Round | Discussion | Topics | Review | Break]
SEGMENT_KINDS: dict[str, SegmentType] = {
    kind.KIND: kind for kind in (Round, Discussion, Topics, Review, Break)
}
"""Every segment kind by the name an agenda gives it."""


class Agenda(_Strict):
    """A whole session as planned: what the organiser writes in TOML."""

    title: Name
    format: str | None = None
    series: str | None = None
    description: str | None = None
    planned: Duration | None = None
    warnings: list[Duration] = Field(default_factory=lambda: [60, 15])
    participants: list[Participant] = Field(default_factory=list)
    segments: Annotated[list[Segment], Field(min_length=1)]

    @model_validator(mode="after")
    def _names_agree(self) -> Self:
        problems = [*self._duplicate_names(), *self._speaker_problems()]
        if problems:
            raise ValidationError.from_exception_data("Agenda", problems)
        return self

    def speakers_of(self, segment: Segment) -> list[str] | None:
        """Who takes a turn in a segment, in agenda order; None when it has no turns."""
        return segment.speakers_among(self.participants)

    def planned_seconds_of(self, segment: Segment) -> int:
        """How long one segment takes as planned."""
        return segment.planned_seconds(len(self.speakers_of(segment) or []))

    @property
    def total_seconds(self) -> int:
        """What the segments add up to."""
        return sum(self.planned_seconds_of(segment) for segment in self.segments)

    def find_participant(self, name: str) -> Participant | None:
        """The participant with this name, ignoring case."""
        wanted = name.casefold()
        return next((p for p in self.participants if p.name.casefold() == wanted), None)

    def _duplicate_names(self) -> list[InitErrorDetails]:
        seen: dict[str, int] = {}
        problems: list[InitErrorDetails] = []
        for index, participant in enumerate(self.participants):
            key = participant.name.casefold()
            if key in seen:
                problems.append(
                    _problem(
                        ("participants", index, "name"),
                        participant.name,
                        "{name} is already participants[{first}]; names must be unique",
                        name=describe(participant.name),
                        first=seen[key],
                    )
                )
            seen.setdefault(key, index)
        return problems

    def _speaker_problems(self) -> list[InitErrorDetails]:
        problems: list[InitErrorDetails] = []
        for index, segment in enumerate(self.segments):
            speakers = self.speakers_of(segment)
            if speakers is None:
                continue
            problems += self._unknown_or_repeated_speakers(index, segment.named_speakers)
            if not speakers:
                problems.append(
                    _problem(
                        ("segments", index),
                        segment.heading,
                        "this round has nobody to speak: add participants who are not "
                        "observers, or list its speakers",
                    )
                )
        return problems

    def _unknown_or_repeated_speakers(
        self, index: int, speakers: list[str]
    ) -> list[InitErrorDetails]:
        known = ", ".join(p.name for p in self.participants) or "nobody: there are no participants"
        seen: set[str] = set()
        problems: list[InitErrorDetails] = []
        for position, name in enumerate(speakers):
            here = ("segments", index, "speakers", position)
            if self.find_participant(name) is None:
                template = "{name} is not a participant; expected one of {known}"
                problems.append(_problem(here, name, template, name=describe(name), known=known))
            elif name.casefold() in seen:
                problems.append(_problem(here, name, "{name} is listed twice", name=describe(name)))
            seen.add(name.casefold())
        return problems


def _problem(
    loc: tuple[str | int, ...], found: Any, template: str, **context: Any
) -> InitErrorDetails:
    return {
        "type": PydanticCustomError("agenda_rule", template, context),
        "loc": loc,
        "input": found,
    }
