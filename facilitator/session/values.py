"""What a journal's header and a new session's first screen need of the journal's terms:
its format, the kinds of item, an item carried from an earlier session, and the text and times
they are made of. The events themselves (`events`) are made when first used."""

import datetime as dt
from functools import partial
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict

from facilitator.text import clean

FORMAT_VERSION = 4
"""The journal's format: 2 made undo take back any action, not only captures; 3 added
checkpoints, so a crash loses at most CHECKPOINT_SECONDS of a running turn; 4 numbers every
event (`seq`), so a reader tells a duplicated, missing or misplaced line."""

CHECKPOINT_SECONDS = 15.0

Text = Annotated[str, AfterValidator(partial(clean, one_line=True))]
"""Text typed during a session, or read back from a journal that may have been edited: one
line, with any control character or bidi override made harmless."""

MONO_LIMIT = 1e10
"""Monotonic seconds beyond this (about 300 years of uptime) are a damaged line, not time."""


def _plausible(when: dt.datetime) -> dt.datetime:
    if not 1970 <= when.year <= 9000:
        raise ValueError("a date this far from now is not a recorded time")
    return when


Moment = Annotated[AwareDatetime, AfterValidator(_plausible)]
"""A wall-clock time read from a journal: with a time zone, and within reach of arithmetic."""
ItemType = Literal["resource", "action", "note", "topic", "goal", "progress"]
CarryStatus = Literal["open", "done", "carried", "dropped"]


class CarriedItem(BaseModel):
    """An open action item (or a person's current goal) from an earlier session of the
    same series."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: ItemType = "action"
    """Journals written before goals carried over hold only actions."""
    text: Text
    person: Text | None = None
    also: list[Text] = []
    """Its further owners: an item two people own is carried as theirs."""
    due: dt.date | None = None
    private: bool = False
    session: Text
    """The id of the session where it was first captured."""
    progressed: dt.date | None = None
    """For a goal: the day progress on it was last noted."""
    current: bool = True
    """False for a goal reached or dropped: it is no item of the next session, only kept
    for `named`."""
    named: list[Text] = []
    """For a goal: every goal the person has had in the series, so that an agenda still
    naming one of them does not set it again."""
