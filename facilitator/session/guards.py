"""What can be done now, and why not: one rule per command, read by the command itself
before it records anything, by the screen to decide which keys work, and by the palette to
offer only what would be done."""

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, Literal, ParamSpec, Protocol, TypeGuard, TypeVar, get_args

from facilitator.session.capture import find_person, person_of
from facilitator.session.goals import current_of
from facilitator.session.item_kinds import ITEM_KINDS, ItemKind
from facilitator.session.items import Item
from facilitator.session.recorder import Outcome, refused
from facilitator.session.state import State
from facilitator.session.values import ItemType
from facilitator.text import name_key

Command = Literal[
    "start_pause",
    "start",
    "pause",
    "next",
    "next_segment",
    "jump",
    "back",
    "adjust",
    "pass_turn",
    "absent",
    "present",
    "latecomer",
    "capture",
    "edit",
    "delete",
    "private",
    "vote",
    "vote_item",
    "extend",
    "carry",
    "undo",
    "end",
    "reopen",
]
"""The session's commands; those a key gives are named as the live screen's actions."""


class _HasState(Protocol):
    @property
    def state(self) -> State: ...


Commanded = TypeVar("Commanded", bound=_HasState)
Arguments = ParamSpec("Arguments")
Method = Callable[Concatenate[Commanded, Arguments], Outcome]


def guarded(
    command: Command,
) -> Callable[[Method[Commanded, Arguments]], Method[Commanded, Arguments]]:
    """A session command that first asks the one rule (`refusal`) with its own arguments,
    and records nothing when refused."""

    def wrap(method: Method[Commanded, Arguments]) -> Method[Commanded, Arguments]:
        @wraps(method)
        def checked(
            session: Commanded, /, *args: Arguments.args, **kwargs: Arguments.kwargs
        ) -> Outcome:
            why = refusal(session.state, command, *args, *kwargs.values())
            return refused(why) if why is not None else method(session, *args, **kwargs)

        return checked

    return wrap


def is_command(name: str) -> TypeGuard[Command]:
    """Whether a screen's action is a session command (and so has a rule here)."""
    return name in get_args(Command)


def refusal(state: State, command: Command, *arguments: object) -> str | None:
    """Why `command` (with these arguments) cannot be done now, or None when it can."""
    if command == "reopen":
        return None if state.ended is not None else "The session has not ended."
    if state.ended is not None:
        return "The session has ended."
    match command:
        case "start" | "pause":
            return _clock_refusal(state, command)
        case "next" | "next_segment" | "back" | "jump":
            return _moving_refusal(state, command, *arguments)
        case "pass_turn" | "absent" | "present" | "latecomer":
            return _people_refusal(state, command, *arguments)
        case "capture" | "edit" | "delete" | "private" | "carry":
            return _item_refusal(state, command, *arguments)
        case "vote" | "vote_item" | "extend":
            return _topic_refusal(state, command, *arguments)
        case "undo":
            return None if state.undoable else "Nothing to undo."
        case "start_pause" | "adjust" | "end":
            return None


def _clock_refusal(state: State, command: Literal["start", "pause"]) -> str | None:
    if command == "start":
        return "Already running." if state.running else None
    return None if state.running else "Not running."


def _moving_refusal(state: State, command: Command, *arguments: object) -> str | None:
    at = state.at
    match command:
        case "next":
            if state.forward_target() is None:
                return "This is the last turn: press ctrl+e to end the session."
        case "next_segment":
            if state.following_segment() is None:
                return "This is the last segment: press ctrl+e to end the session."
        case "back":
            if (at.segment, at.step) == (0, 0) and state.first_slot(0) in (at.slot, None):
                return "This is the first turn."
        case "jump":
            segment = arguments[0] if arguments else None
            if not isinstance(segment, int) or not 0 <= segment < len(state.agenda.segments):
                shown = segment + 1 if isinstance(segment, int) else segment
                return f"There is no segment {shown}."
            if state.first_slot(segment) is None:
                return "Everyone in that round is absent."
    return None


def _people_refusal(state: State, command: Command, *arguments: object) -> str | None:
    name = arguments[0] if arguments else None
    if name is not None and not isinstance(name, str):
        raise TypeError(f"a name, not {name!r}")
    speaker = state.slot.speaker
    match command:
        case "pass_turn":
            if speaker is None:
                return "Nobody has the floor to pass."
            if not state.can_pass():
                return f"{speaker} has already passed once in this round."
        case "absent":
            if name is None and speaker is None:
                return "Nobody has the floor to mark absent."
            who = find_person(name or speaker or "", state.people())
            if who is None:
                return "Whom? Nobody by that name is in the session."
            if who in state.absent:
                return f"{who} is already marked absent."
        case "present":
            who = find_person(name or "", state.people())
            if who is None or who not in state.absent:
                return f"{name} is not marked absent."
        case "latecomer":
            wanted = " ".join((name or "").split())
            if not wanted:
                return "A latecomer needs a name."
            same = [n for n in state.people() if name_key(n) == name_key(wanted)]
            if same and same[0].casefold() == wanted.casefold():
                return f"{wanted} is already in the session."
            if same:  # Nïa beside Nia: one name to a reader, and to every @name
                return f"{wanted} reads as {same[0]}, who is already in the session."
    return None


def _item_refusal(state: State, command: Command, *arguments: object) -> str | None:
    if command == "capture":
        kind = ITEM_KINDS[_item_type(arguments[0] if arguments else None)]
        if kind.topics_only and state.segment.topic_seconds is None:
            return f"{kind.label}s are added during a topics segment."
        text = arguments[1] if len(arguments) > 1 else None
        if isinstance(text, str) and not text.strip():
            return "Nothing to capture."
        return _person_refusal(state, kind, text if isinstance(text, str) else None)
    item = _item(state, *arguments)
    if item is None:
        return "That item is gone."
    match command:
        case "edit":
            text = arguments[1] if len(arguments) > 1 else None
            if isinstance(text, str) and not text.strip():
                return "An item needs some text; delete it instead."
        case "carry":
            if item.carried_from is None and not ITEM_KINDS[item.type].done_here:
                return "That is not an item from an earlier session."
    return None


def _person_refusal(state: State, kind: ItemKind, text: str | None) -> str | None:
    """A goal is someone's; progress is on someone's current goal. Before the text is typed
    (the key, the palette), progress is refused only when neither the speaker nor anyone
    else here has a goal (`@name` in the text picks someone)."""
    if not kind.personal:
        return None
    person = person_of(text or "", state.people(), state.credited(kind.type))
    if kind.needs is None:
        return "Whose goal? Type @name." if person is None and text is not None else None
    needed = ITEM_KINDS[kind.needs]
    items = list(state.items.values())
    if current_of(items, needed.type, person) is not None:
        return None
    anyone = any(current_of(items, needed.type, name) for name in state.people())
    if text is None and anyone:
        return None
    first = f"set one with {needed.key} first"
    if person is None:
        return f"Whose {kind.label.lower()}? Nobody has the floor: type @name."
    return f"{person} has no current {needed.label.lower()}: {first}."


def _topic_refusal(state: State, command: Command, *arguments: object) -> str | None:
    match command:
        case "vote":
            topics = state.topics(state.at.segment)
            if state.segment.topic_seconds is None:
                return "Votes are for topics, during a topics segment."
            number = arguments[0] if arguments else None  # none: a vote for a number to come
            if arguments and (not isinstance(number, int) or not 0 < number <= len(topics)):
                return f"There is no topic {number}."
        case "vote_item":
            item = _item(state, *arguments)
            delta = arguments[1] if len(arguments) > 1 else 1
            if item is None or item.type != "topic":
                return "Only topics take votes."
            if isinstance(delta, int) and item.votes + delta < 0:
                return f"{item.text} has no votes to take back."
        case "extend":
            if state.slot.topic is None:
                return "Only a topic under discussion can be extended."
    return None


def _item(state: State, *arguments: object) -> Item | None:
    """The item a command's first argument names, if it is still there."""
    wanted = arguments[0] if arguments else None
    return state.items.get(wanted) if isinstance(wanted, int) else None


def _item_type(argument: object) -> ItemType:
    for kind in ITEM_KINDS:
        if kind == argument:
            return kind
    raise ValueError(f"not a kind of item: {argument!r}")
