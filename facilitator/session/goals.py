"""Goals across a series: each person's current goal is the latest one set for them (in the
agenda, or with G in this or an earlier session), until it is reached or replaced. Written
for any kind the table says is one per person, so it reads the table, not the word "goal"."""

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from facilitator.agenda.model import Participant
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.items import Item
from facilitator.session.values import CarriedItem, ItemType

OPEN = ("open", "carried")
"""The statuses of an item still current: not done (reached) and not dropped."""


def latest_of(items: Iterable[Item], type_: ItemType, person: str | None) -> Item | None:
    """A person's latest item of a kind, whatever became of it (items are in id order)."""
    latest = None
    for item in items:
        if item.type == type_ and person is not None and item.person == person:
            latest = item
    return latest


def current_of(items: Iterable[Item], type_: ItemType, person: str | None) -> Item | None:
    """A person's current item of a one-per-person kind: the latest, unless done or dropped."""
    latest = latest_of(items, type_, person)
    return latest if latest is not None and latest.carry in OPEN else None


def set_in_agenda(people: list[Participant], carried: list[CarriedItem]) -> list[Participant]:
    """Those whose agenda goal is new to the series: not a goal they have had already (an
    agenda whose goal differs sets it anew from this session; the same agenda run again
    does not undo a goal set with G since)."""
    named = _named(carried)
    return [p for p in people if p.goal and p.goal not in named.get(p.name, [])]


def _named(carried: list[CarriedItem]) -> dict[str, list[str]]:
    """Every goal each person has had in the series, as the last session carried it."""
    named: dict[str, list[str]] = {}
    for item in carried:
        if ITEM_KINDS[item.type].one_per_person and item.person is not None:
            texts = named.setdefault(item.person, [])
            texts += [text for text in (*item.named, item.text) if text not in texts]
    return named


def carried_goals(
    items: list[Item], carried: list[CarriedItem], session_id: str
) -> list[CarriedItem]:
    """What a session hands the next of each person's goals: the current one as an item,
    or the last one reached or dropped, kept only for the goals it names."""
    named = _named(carried)
    latest: dict[str, Item] = {}
    for item in items:
        kind = ITEM_KINDS[item.type]
        if kind.one_per_person and kind.carries_over and item.person is not None:
            latest[item.person] = item
            texts = named.setdefault(item.person, [])
            texts += [item.text] if item.text not in texts else []
    handed = [
        CarriedItem(
            type=goal.type,
            text=goal.text,
            person=person,
            private=goal.private,
            session=goal.carried_from or session_id,
            progressed=last_progress(goal, items),
            current=goal.carry in OPEN,
            named=named[person],
        )
        for person, goal in latest.items()
    ]
    retired = [
        c.model_copy(update={"named": named[c.person]})
        for c in carried
        if not c.current and c.person is not None and c.person not in latest
    ]
    return handed + retired


def progress_on(goal: Item, items: Iterable[Item]) -> list[Item]:
    """The progress noted on a goal: items of the kind that needs it, for the same person,
    captured after it was set (and before it was replaced)."""
    found: list[Item] = []
    for item in items:  # in the order captured
        if item.id <= goal.id or item.person != goal.person:
            continue
        if item.type == goal.type:
            break  # replaced: what follows is progress on the new one
        if ITEM_KINDS[item.type].needs == goal.type:
            found.append(item)
    return found


def last_progress(goal: Item, items: Iterable[Item]) -> dt.date | None:
    """The day progress on a goal was last noted: this session, or an earlier one."""
    noted = [item.at.date() for item in progress_on(goal, items) if item.at is not None]
    return max(noted) if noted else goal.progressed


class GoalLine(NamedTuple):
    """A person's current goal as a review lists it."""

    person: str
    text: str
    private: bool
    last_progress: dt.date | None


def with_goals(items: Iterable[Item]) -> set[str]:
    """Everyone with a current goal (of any one-per-person kind), in one pass over the items:
    those for whom `goal_line` finds one."""
    latest: dict[tuple[ItemType, str], Item] = {}
    for item in items:
        if item.person is not None and ITEM_KINDS[item.type].one_per_person:
            latest[item.type, item.person] = item
    return {person for (_, person), item in latest.items() if item.carry in OPEN}


def goal_line(items: Iterable[Item], person: str | None) -> GoalLine | None:
    """A person's current goal in the series (of any one-per-person kind), as shown."""
    kept = list(items)
    kinds = [kind.type for kind in ITEM_KINDS.values() if kind.one_per_person]
    found = (current_of(kept, kind, person) for kind in kinds)
    goal = next((goal for goal in found if goal is not None), None)
    if goal is None or goal.person is None:
        return None
    return GoalLine(goal.person, goal.text, goal.private, last_progress(goal, kept))


def goal_lines(items: Iterable[Item]) -> list[GoalLine]:
    """The circle's current goals, in the order they were set, with the day progress was
    last noted on each."""
    kept = sorted(items, key=lambda item: item.id)
    people = dict.fromkeys(i.person for i in kept if ITEM_KINDS[i.type].one_per_person and i.person)
    found = (goal_line(kept, person) for person in people)
    return [line for line in found if line is not None]
