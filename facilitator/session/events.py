"""Every action in a session is an event; the session's state is replayed from them.

Some 25 pydantic classes, 10 ms to make, that a new session's first screen does not need:
`facilitator.session` makes them when first used (`startup.later`)."""

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from facilitator.agenda.model import Role
from facilitator.session.values import MONO_LIMIT, CarryStatus, ItemType, Moment, Text

Seconds = Annotated[float, Field(allow_inf_nan=False, ge=-MONO_LIMIT, le=MONO_LIMIT)]
"""A finite number of seconds, so that no replay meets NaN, infinity or an overflow."""
Small = Annotated[int, Field(ge=-(10**7), le=10**7)]
"""A count, an index or an adjustment in seconds, read from a file that may have been edited."""


class Draft(BaseModel):
    """What a capture's text says, parsed once when it is typed."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    type: ItemType
    text: Text
    person: Text | None = None
    """The owner of an action, or who shared a resource or note."""
    person_known: bool = True
    """False when `@name` matched nobody: kept, and flagged."""
    also: tuple[Text, ...] = ()
    """Further owners, when several were named (`@Ana @Ben`): the item is theirs too."""
    guests: tuple[Text, ...] = ()
    """Owners named with `@name` who are not in the session: kept, as guests."""
    urls: tuple[Text, ...] = ()
    due: dt.date | None = None
    private: bool = False


class _Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    UNDOABLE: ClassVar[bool] = True
    """An action ctrl+z takes back (moving the clock and ending are not)."""

    at: Moment
    """Wall-clock time, for the record."""
    mono: Seconds
    """Monotonic seconds, for durations (comparable within one run of the app)."""
    seq: int | None = Field(default=None, ge=1)
    """The event's number in its journal, from 1 (format 4): the writer sets it."""


class Start(_Event):
    """Start or resume the clock on the current turn."""

    kind: Literal["start"] = "start"
    UNDOABLE: ClassVar[bool] = False


class Pause(_Event):
    kind: Literal["pause"] = "pause"
    UNDOABLE: ClassVar[bool] = False


class Next(_Event):
    """Move to the next step, turn or segment, and start it."""

    kind: Literal["next"] = "next"


class Back(_Event):
    """Move to the previous step, turn or segment, and continue it."""

    kind: Literal["back"] = "back"


class Adjust(_Event):
    """Add (or, negative, take) time on the current turn."""

    kind: Literal["adjust"] = "adjust"
    seconds: Small


class Pass(_Event):
    """The speaker goes to the end of this round (once per round)."""

    kind: Literal["pass"] = "pass"


class Absent(_Event):
    kind: Literal["absent"] = "absent"
    name: Text


class Present(_Event):
    kind: Literal["present"] = "present"
    name: Text


class Latecomer(_Event):
    kind: Literal["latecomer"] = "latecomer"
    name: Text
    role: Role = "peer"


class Jump(_Event):
    kind: Literal["jump"] = "jump"
    segment: Small


class Capture(_Event):
    kind: Literal["capture"] = "capture"
    draft: Draft


class Edit(_Event):
    kind: Literal["edit"] = "edit"
    item: Small
    draft: Draft


class Delete(_Event):
    kind: Literal["delete"] = "delete"
    item: Small


class Undo(_Event):
    """Take back the last action not yet taken back (format 1: the last capture)."""

    kind: Literal["undo"] = "undo"
    UNDOABLE: ClassVar[bool] = False


class MarkPrivate(_Event):
    kind: Literal["private"] = "private"
    item: Small
    private: bool


class Vote(_Event):
    kind: Literal["vote"] = "vote"
    item: Small
    delta: Small


class Extend(_Event):
    """The group votes to extend the current topic by the segment's `extend`."""

    kind: Literal["extend"] = "extend"


class SetCarry(_Event):
    """A carried-over item was done, carried again, or dropped."""

    kind: Literal["carry"] = "carry"
    item: Small
    status: CarryStatus


class Reopen(_Event):
    """The app opened the session again: after a crash or a quit the gap was an
    interruption; after an end it was not (the facilitator reopened it to add or fix)."""

    kind: Literal["reopen"] = "reopen"
    UNDOABLE: ClassVar[bool] = False
    boot: Text | None = None
    """The machine's boot id from here on (format 4), so the next reopen knows whether the
    monotonic clock still compares."""
    closed: Seconds | None = Field(default=None, ge=0)
    """How long the app was closed, by the monotonic clock, on the same boot; None: by the
    wall clock (across a restart, or from an older journal)."""


class Checkpoint(_Event):
    """A turn is still running: the time so far is on disk, should the app be killed."""

    kind: Literal["checkpoint"] = "checkpoint"
    UNDOABLE: ClassVar[bool] = False


class End(_Event):
    kind: Literal["end"] = "end"
    UNDOABLE: ClassVar[bool] = False


Event = Annotated[
    Start
    | Pause
    | Next
    | Back
    | Adjust
    | Pass
    | Absent
    | Present
    | Latecomer
    | Jump
    | Capture
    | Edit
    | Delete
    | Undo
    | MarkPrivate
    | Vote
    | Extend
    | SetCarry
    | Reopen
    | Checkpoint
    | End,
    Field(discriminator="kind"),
]
EVENT = TypeAdapter[Event](Event, config=ConfigDict(defer_build=True))
"""Reads events from a journal's lines (each event writes itself, as its own model). Built
at its first use: a new session never reads one."""
