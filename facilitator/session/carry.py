"""Carry-over: the open action items of a series' last session start the next one."""

from pathlib import Path

from facilitator.session.goals import OPEN, carried_goals
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.journal import JOURNAL, JournalError, read_journal
from facilitator.session.records import recorded_sessions
from facilitator.session.state import State
from facilitator.session.values import CarriedItem


def open_actions(state: State, session_id: str) -> list[CarriedItem]:
    """What a session leaves open for the next, by the kinds table (`carries_over`): action
    items still open, new or carried again, and each person's current goal."""
    items = list(state.items.values())
    return [
        CarriedItem(
            type=item.type,
            text=item.text,
            person=item.person,
            also=list(item.also),
            due=item.due,
            private=item.private,
            session=item.carried_from or session_id,
        )
        for item in items
        if ITEM_KINDS[item.type].carries_over
        and not ITEM_KINDS[item.type].one_per_person
        and item.carry in OPEN
    ] + carried_goals(items, state.carried, session_id)


def from_last_session(home: Path, series: str) -> tuple[str | None, list[CarriedItem]]:
    """The id of the series' last readable session, and its open action items."""
    for record in recorded_sessions(home):
        if record.series != series or not record.ended:
            continue  # an unfinished session's items are not "from last time" yet
        try:
            recorded = read_journal(record.folder / JOURNAL)
        except JournalError:
            continue
        return record.id, open_actions(recorded.replay(), record.id)
    return None, []
