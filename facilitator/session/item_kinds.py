"""What the facilitator can capture, one row per kind: every part of the app reads it, so a
kind the table knows is captured, listed, said and summarised everywhere."""

from typing import Literal, NamedTuple

from facilitator.session.values import ItemType

Layout = Literal["by_owner", "credited", "voted", "per_person"]
"""How a summary lists a kind: grouped by owner, with who shared it, by votes, or one line
per person with what became of it (a goal set, or reached)."""
ReportField = Literal["actions", "resources", "notes", "topics", "goals", "progress"]


class ItemKind(NamedTuple):
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
    one_per_person: bool = False
    """A newer one for the same person replaces it: only the latest is current (a goal)."""
    done_here: bool = False
    """`d` in the items list marks it done in the session it was captured in too, not only
    when it came from last time (a goal reached)."""
    done_word: str = "done"
    """What `d` makes it, in messages and summaries."""
    in_footer: bool = True
    """Its key is in the live screen's footer (the help and the palette list every kind)."""
    needs: ItemType | None = None
    """Captured only for a person with a current item of this kind (progress needs a goal),
    and private when that one is."""

    @property
    def personal(self) -> bool:
        """Someone's own, as a goal is or progress on one: it needs a person."""
        return self.one_per_person or self.needs is not None


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
        ItemKind(
            "goal",
            "G",
            "Goal",
            "GOAL",
            "Goal: what they want to learn or achieve (replaces their current goal)",
            "Goals",
            "goals",
            "per_person",
            takes_due=False,
            carries_over=True,
            person_role="goal of",
            in_footer=False,
            one_per_person=True,
            done_here=True,
            done_word="reached",
        ),
        ItemKind(
            "progress",
            "P",
            "Progress",
            "PROGR",
            "Progress on their current goal",
            "Progress on goals",
            "progress",
            "credited",
            takes_due=False,
            carries_over=False,
            person_role="progress of",
            in_footer=False,
            needs="goal",
        ),
    )
}
"""In the order a summary lists them."""
