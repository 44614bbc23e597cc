"""What can be done now, and why not: one rule per command, read by the command itself
before it records anything, and by the screen to decide which keys work and which
commands the palette offers."""

from typing import Literal, TypeGuard, get_args

from facilitator.session.events import ItemType
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.state import State

Command = Literal[
    "start_pause",
    "next",
    "next_segment",
    "back",
    "adjust",
    "pass_turn",
    "absent",
    "capture",
    "vote",
    "extend",
    "undo",
    "end",
]
"""The commands the live screen's keys give; their names are the screen's action names."""


def is_command(name: str) -> TypeGuard[Command]:
    """Whether a screen's action is a session command (and so has a rule here)."""
    return name in get_args(Command)


def refusal(state: State, command: Command, argument: object = None) -> str | None:
    """Why `command` cannot be done now, or None when it can."""
    if state.ended is not None:
        return "The session has ended."
    match command:
        case "next":
            if state.forward_target() is None:
                return "This is the last turn: press ctrl+e to end the session."
        case "next_segment":
            if state.following_segment() is None:
                return "This is the last segment: press ctrl+e to end the session."
        case "back":
            at = state.at
            if (at.segment, at.step) == (0, 0) and state.first_slot(0) in (at.slot, None):
                return "This is the first turn."
        case "pass_turn":
            if state.slot.speaker is None:
                return "Nobody has the floor to pass."
            if not state.can_pass():
                return f"{state.slot.speaker} has already passed once in this round."
        case "absent":
            if state.slot.speaker is None:
                return "Nobody has the floor to mark absent."
        case "capture":
            kind = ITEM_KINDS[_item_type(argument)]
            if kind.topics_only and state.segment.topic_seconds is None:
                return f"{kind.label}s are added during a topics segment."
        case "vote":
            topics = state.topics(state.at.segment)
            if state.segment.topic_seconds is None:
                return "Votes are for topics, during a topics segment."
            if not isinstance(argument, int) or not 0 < argument <= len(topics):
                return f"There is no topic {argument}."
        case "extend":
            if state.slot.topic is None:
                return "Only a topic under discussion can be extended."
        case "undo":
            if not state.undoable:
                return "Nothing to undo."
        case "start_pause" | "adjust" | "end":
            pass
    return None


def _item_type(argument: object) -> ItemType:
    for kind in ITEM_KINDS:
        if kind == argument:
            return kind
    raise ValueError(f"not a kind of item: {argument!r}")
