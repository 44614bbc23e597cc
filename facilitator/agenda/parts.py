"""The small parts of an agenda: who takes part, and the steps of a hot seat's turn."""

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from facilitator.agenda.durations import Duration
from facilitator.text import first_unsafe, safe_text_pattern, visible

Role = Literal["facilitator", "mentor", "mentee", "peer", "observer"]
Order = Literal["agenda", "random", "reverse"]
Who = Literal["presenter", "others", "all"]
"""Who speaks in a step of a hot seat: the presenter, the others (advice, discussion), or
all (questions and answers). The presenter's airtime counts presenter and all steps."""
MAX_PARTICIPANTS = 100
MAX_SEGMENTS = 200
MAX_STEPS = 20


def _plain_text(one_line: bool) -> AfterValidator:
    def check(text: str) -> str:
        found = first_unsafe(text, one_line=one_line)
        if found is not None:
            what = "one line of plain text" if one_line else "plain text"
            raise PydanticCustomError(
                "plain_text", "expected {what}, found {found}", {"what": what, "found": found}
            )
        return text

    return AfterValidator(check)


Line = Annotated[
    str,
    Field(max_length=200, json_schema_extra={"pattern": safe_text_pattern(one_line=True)}),
    _plain_text(one_line=True),
]
"""A title, a format, a series: one line, no control characters, no bidi overrides."""
Prose = Annotated[
    str,
    Field(max_length=2000, json_schema_extra={"pattern": safe_text_pattern(one_line=False)}),
    _plain_text(one_line=False),
]
"""A prompt or a description: may run over several lines."""


def _something_visible(text: str) -> str:
    if not any(visible(character) for character in text):
        invisible = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(text))
        raise PydanticCustomError(
            "visible_text",
            "expected a visible character, found only invisible ones ({invisible})",
            {"invisible": invisible[:80]},
        )
    return text


Name = Annotated[
    str,
    Field(
        min_length=1,
        max_length=80,
        pattern=r"\S",
        json_schema_extra={"pattern": safe_text_pattern(one_line=True, not_blank=True)},
    ),
    _plain_text(one_line=True),
    AfterValidator(_something_visible),
]


class Strict(BaseModel):
    # TOML has real types, so "yes" is not a boolean; unknown keys are usually typos.
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)


class Participant(Strict):
    """A person in the session; observers are left out of rounds by default."""

    name: Name
    role: Role = "peer"
    focus: Line | None = None
    goal: Line | None = None
    """What they came to the series for; it is their current goal from this session on,
    unless it is the one they already have."""


class Step(Strict):
    """One timed part of a turn with steps (a hot seat)."""

    title: Name
    duration: Duration
    who: Who = "presenter"
