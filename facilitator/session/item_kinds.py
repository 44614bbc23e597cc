"""What the facilitator can capture, one row per kind: every part of the app reads it, so a
kind the table knows is captured, listed, said and summarised everywhere."""

from dataclasses import dataclass
from typing import Literal

from facilitator.session.events import ItemType

Layout = Literal["by_owner", "credited", "voted"]
"""How a summary lists a kind: grouped by owner, with who shared it, or by votes."""
ReportField = Literal["actions", "resources", "notes", "topics"]


@dataclass(frozen=True)
class ItemKind:
    type: ItemType
    key: str
    """The key that captures it on the live screen."""
    label: str
    """`Action`: in messages and the help."""
    tag: str
    """`ACTION`: the column in the items list."""
    hint: str
    """What the capture bar says while it is typed."""
    heading: str
    """The summary's heading for the kind."""
    report_field: ReportField
    """Where the summary's JSON lists the kind."""
    layout: Layout
    takes_due: bool
    """`by friday` sets a due date."""
    carries_over: bool
    """Still open at the end, it comes back at the series' next session."""
    topics_only: bool = False
    """Only captured in a segment where topics are proposed."""
    person_role: str = "credit"
    """What the person named with @name is to the item."""


ITEM_KINDS: dict[ItemType, ItemKind] = {
    kind.type: kind
    for kind in (
        ItemKind(
            "action",
            "a",
            "Action",
            "ACTION",
            "Action item: @owner, the task, by <date>",
            "Action items",
            "actions",
            "by_owner",
            takes_due=True,
            carries_over=True,
            person_role="owner",
        ),
        ItemKind(
            "resource",
            "r",
            "Resource",
            "LINK",
            "Resource: a title and/or a link",
            "Resources",
            "resources",
            "credited",
            takes_due=False,
            carries_over=False,
        ),
        ItemKind(
            "note",
            "o",
            "Note",
            "NOTE",
            "Note",
            "Notes",
            "notes",
            "credited",
            takes_due=False,
            carries_over=False,
        ),
        ItemKind(
            "topic",
            "t",
            "Topic",
            "TOPIC",
            "Topic to propose",
            "Topics",
            "topics",
            "voted",
            takes_due=False,
            carries_over=False,
            topics_only=True,
        ),
    )
}
"""In the order a summary lists them."""
