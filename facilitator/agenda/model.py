"""The agenda as a document: who takes part and the segments of the session."""

from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from facilitator.agenda.durations import Duration, format_duration
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


class _Segment(_Strict):
    title: str | None = None
    prompt: str | None = None
    confidential: bool = False

    @property
    def heading(self) -> str:
        """The title, or the kind's sensible default."""
        return self.title or self._default_title()

    def _default_title(self) -> str:
        raise NotImplementedError

    def planned_seconds(self, speaker_count: int) -> int:
        """How long the segment takes as planned, given how many speak in it."""
        raise NotImplementedError


class Round(_Segment):
    """Everyone (or `speakers`) in turn; a turn with `steps` is a hot seat."""

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

    @property
    def turn_seconds(self) -> int:
        """The length of one speaker's turn."""
        if self.steps:
            return sum(step.duration for step in self.steps)
        return self.per_speaker or 0

    def planned_seconds(self, speaker_count: int) -> int:
        return self.turn_seconds * speaker_count


class _Timebox(_Segment):
    duration: Duration

    def planned_seconds(self, speaker_count: int) -> int:
        return self.duration


class Discussion(_Timebox):
    """One open timebox."""

    kind: Literal["discussion"]
    warnings: list[Duration] | None = None

    def _default_title(self) -> str:
        return "Open discussion"


class Topics(_Timebox):
    """Lean Coffee: propose topics, vote, discuss them by votes in timeboxes."""

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


class Review(_Timebox):
    """The open action items of the series' last session."""

    kind: Literal["review"]

    def _default_title(self) -> str:
        return "Review of last time's action items"


class Break(_Timebox):
    """A pause in the session."""

    kind: Literal["break"]

    def _default_title(self) -> str:
        return "Break"


Segment = Annotated[Round | Discussion | Topics | Review | Break, Field(discriminator="kind")]
SEGMENT_KINDS: dict[str, type[_Segment]] = {
    "round": Round,
    "discussion": Discussion,
    "topics": Topics,
    "review": Review,
    "break": Break,
}


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

    def speakers_of(self, segment: Round) -> list[str]:
        """Who speaks in a round, in agenda order: `speakers`, or all but observers."""
        if segment.speakers is not None:
            return list(segment.speakers)
        return [p.name for p in self.participants if p.role != "observer"]

    def planned_seconds_of(self, segment: Segment) -> int:
        """How long one segment takes as planned."""
        count = len(self.speakers_of(segment)) if isinstance(segment, Round) else 0
        return segment.planned_seconds(count)

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
            if not isinstance(segment, Round):
                continue
            problems += self._unknown_or_repeated_speakers(index, segment.speakers or [])
            if not self.speakers_of(segment):
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
