"""What the facilitator captures during a session."""

import datetime as dt
from typing import NamedTuple

from facilitator.session.values import CarryStatus, ItemType


class Item(NamedTuple):
    """A captured resource, action item, note or topic; changed by replacing it, so a view
    can hold items without copying them."""

    id: int
    type: ItemType
    text: str
    person: str | None
    person_known: bool
    also: tuple[str, ...]
    """Further owners named with the first (`@Ana @Ben share notes`)."""
    urls: tuple[str, ...]
    due: dt.date | None
    private: bool
    segment: int | None
    """The segment it was captured in; None for items carried in from earlier."""
    at: dt.datetime | None
    """When it was captured; None for items carried in."""
    votes: int = 0
    carried_from: str | None = None
    carry: CarryStatus = "open"
    guests: tuple[str, ...] = ()
    """Owners named with `@name` who are not in the session."""
    progressed: dt.date | None = None
    """For a goal carried in: the day progress on it was last noted in an earlier session."""
