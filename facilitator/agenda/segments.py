"""The kinds of segment an agenda is made of; what differs per kind lives on the kind."""

import random
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from facilitator.agenda.durations import Duration, format_duration
from facilitator.agenda.fields import COMMON, CONFIDENTIAL, DURATION, WARNINGS, FieldSpec
from facilitator.agenda.parts import (
    MAX_PARTICIPANTS,
    MAX_STEPS,
    Name,
    Order,
    Participant,
    Step,
    Who,
)
from facilitator.agenda.segment_base import Panel, SegmentBase, SegmentKind


class Round(SegmentBase):
    """Everyone (or `speakers`) in turn; a turn with `steps` is a hot seat."""

    KIND: ClassVar[SegmentKind] = "round"
    HAS_TURNS: ClassVar[bool] = True
    PANEL: ClassVar[Panel] = "queue"
    EDITOR_FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        *COMMON,
        FieldSpec("per_speaker", "Per speaker", "duration", "a turn's length; or use steps"),
        FieldSpec("steps", "Steps (a hot seat)", "steps", "a line each: title | duration | who"),
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
    steps: Annotated[list[Step], Field(min_length=1, max_length=MAX_STEPS)] | None = None
    speakers: Annotated[list[Name], Field(min_length=1, max_length=MAX_PARTICIPANTS)] | None = None
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

    def step_who(self, step: int) -> Who:
        return self.steps[step].who if self.steps else "presenter"

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


class _Timebox(SegmentBase):
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
    votes_per_person: Annotated[int, Field(ge=1, le=50)] | None = None
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

    def vote_allowance(self) -> int | None:
        return self.votes_per_person


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
