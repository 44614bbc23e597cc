"""What an undo took back, said so the facilitator can check it was the right thing."""

from __future__ import annotations

from typing import assert_never

from facilitator.agenda.durations import format_duration
from facilitator.session import events as ev
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.state import State


def undone_words(event: ev.Event, before: State, after: State) -> str:
    """`Undone: next (back to Ben's turn)`; `before` still had the action, `after` has not."""
    return f"Undone: {_what(event, before, after)}"


def _what(event: ev.Event, before: State, after: State) -> str:
    match event:
        case ev.Next() | ev.Back() | ev.Jump() | ev.Pass() | ev.Absent():
            return f"{_action_name(event)} ({_where(after)})"
        case ev.Present():
            return f"{event.name} back"
        case ev.Latecomer():
            return f"{event.name} joining"
        case ev.Adjust():
            sign = "+" if event.seconds > 0 else "−"
            return f"{sign}{format_duration(abs(event.seconds))} on the turn"
        case ev.Capture():
            return f"{ITEM_KINDS[event.draft.type].label.lower()}: {event.draft.text}"
        case ev.Edit():
            return f"the edit of {_text(after, event.item)}"
        case ev.Delete():
            return f"the delete ({_text(after, event.item)} is back)"
        case ev.MarkPrivate():
            word = "private" if event.private else "shared"
            return f"marked {word}: {_text(after, event.item)}"
        case ev.Vote():
            return f"{event.delta:+d} vote: {_text(after, event.item)}"
        case ev.Extend():
            return "the extension"
        case ev.SetCarry():
            found = after.items.get(event.item)
            done = ITEM_KINDS[found.type].done_word if found else "done"
            status = done if event.status == "done" else event.status
            return f"marked {status}: {_text(after, event.item)}"
        case ev.Start() | ev.Pause() | ev.Undo() | ev.Reopen() | ev.Checkpoint() | ev.End():
            return event.kind
        case _:
            assert_never(event)


def _action_name(event: ev.Next | ev.Back | ev.Jump | ev.Pass | ev.Absent) -> str:
    match event:
        case ev.Absent():
            return f"{event.name} absent"
        case ev.Jump():
            return "the jump"
        case _:
            return event.kind


def _where(state: State) -> str:
    speaker = state.slot.speaker
    if speaker is not None:
        return f"back to {speaker}'s turn"
    return f"back to {state.segment.heading}"


def _text(state: State, item: int) -> str:
    found = state.items.get(item)
    return found.text if found is not None else f"item {item}"
