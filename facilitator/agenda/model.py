"""The agenda as a document: who takes part and the segments of the session."""

from collections.abc import Iterable
from typing import Annotated, Any, Self

from pydantic import Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from facilitator.agenda.durations import Duration
from facilitator.agenda.parts import (
    MAX_PARTICIPANTS,
    MAX_SEGMENTS,
    Line,
    Name,
    Order,
    Participant,
    Prose,
    Role,
    Step,
    Strict,
)
from facilitator.agenda.segment_base import Panel, SegmentKind
from facilitator.agenda.segments import (
    SEGMENT_KINDS,
    Break,
    Discussion,
    Review,
    Round,
    Segment,
    Topics,
)
from facilitator.agenda.toml_values import describe
from facilitator.text import name_key

__all__ = [
    "SEGMENT_KINDS",
    "Agenda",
    "Break",
    "Discussion",
    "Name",
    "Order",
    "Panel",
    "Participant",
    "Review",
    "Role",
    "Round",
    "Segment",
    "SegmentKind",
    "Step",
    "Topics",
]


class Agenda(Strict):
    """A whole session as planned: what the organiser writes in TOML."""

    title: Name
    format: Line | None = None
    series: Line | None = None
    description: Prose | None = None
    planned: Duration | None = None
    warnings: Annotated[list[Duration], Field(max_length=10)] = Field(
        default_factory=lambda: [60, 15]
    )
    participants: Annotated[list[Participant], Field(max_length=MAX_PARTICIPANTS)] = []
    segments: Annotated[list[Segment], Field(min_length=1, max_length=MAX_SEGMENTS)]

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
            key = name_key(participant.name)  # Zoë and Zoe, Cyrillic Аna and Ana: one name
            if key in seen:
                first = self.participants[seen[key]].name
                looks = "" if first == participant.name else f" ({describe(first)})"
                looks += "" if first.casefold() == key else ", or reads as it"
                problems.append(
                    _problem(
                        ("participants", index, "name"),
                        participant.name,
                        "{name} is already participants[{first}]{looks}; names must be unique",
                        name=describe(participant.name),
                        first=seen[key],
                        looks=looks,
                    )
                )
            seen.setdefault(key, index)
        return problems

    def _speaker_problems(
        self, segments: Iterable[tuple[int, Segment]] | None = None
    ) -> list[InitErrorDetails]:
        problems: list[InitErrorDetails] = []
        for index, segment in enumerate(self.segments) if segments is None else segments:
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


def rules_between_fields(data: Any) -> list[InitErrorDetails]:
    """The rules between fields (unique names, known speakers) over what in `data` is valid
    on its own: an agenda with a field wrong never reaches its own check of them, and `check`
    says every problem at once. Not over participants who are not all valid: a speaker may
    name one of them."""
    if not isinstance(data, dict):
        return []
    try:
        people = [Participant.model_validate(p) for p in data.get("participants", [])]
    except (ValidationError, TypeError):
        return []
    found = data.get("segments")
    segments: list[tuple[int, Segment]] = []
    for index, part in enumerate(found if isinstance(found, list) else []):
        kind = part.get("kind") if isinstance(part, dict) else None
        if isinstance(kind, str) and kind in SEGMENT_KINDS:
            try:
                segments.append((index, SEGMENT_KINDS[kind].model_validate(part)))
            except ValidationError:
                continue
    valid = [segment for _, segment in segments]
    partial = Agenda.model_construct(title="", participants=people, segments=valid)
    return [*partial._duplicate_names(), *partial._speaker_problems(segments)]


def _problem(
    loc: tuple[str | int, ...], found: Any, template: str, **context: Any
) -> InitErrorDetails:
    return {
        "type": PydanticCustomError("agenda_rule", template, context),
        "loc": loc,
        "input": found,
    }
