"""Carry-over: the open action items of a series' last session start the next one."""

from pathlib import Path

from facilitator.session.events import CarriedItem
from facilitator.session.journal import JOURNAL, JournalError, read_journal
from facilitator.session.records import recorded_sessions
from facilitator.session.state import State


def open_actions(state: State, session_id: str) -> list[CarriedItem]:
    """Action items still open at the end of a session: new ones, and those carried again."""
    return [
        CarriedItem(
            text=item.text,
            person=item.person,
            also=list(item.also),
            due=item.due,
            private=item.private,
            session=item.carried_from or session_id,
        )
        for item in state.items.values()
        if item.type == "action" and item.carry in ("open", "carried")
    ]


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
