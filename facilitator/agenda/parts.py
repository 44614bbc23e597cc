"""The small parts of an agenda: who takes part, and the steps of a hot seat's turn."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from facilitator.agenda.durations import Duration

Role = Literal["facilitator", "mentor", "mentee", "peer", "observer"]
Order = Literal["agenda", "random", "reverse"]
Name = Annotated[str, Field(min_length=1, max_length=80, pattern=r"\S")]


class Strict(BaseModel):
    # TOML has real types, so "yes" is not a boolean; unknown keys are usually typos.
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)


class Participant(Strict):
    """A person in the session; observers are left out of rounds by default."""

    name: Name
    role: Role = "peer"
    focus: str | None = None


class Step(Strict):
    """One timed part of a turn with steps (a hot seat)."""

    title: Name
    duration: Duration
