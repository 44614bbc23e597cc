"""The one-line input for capturing: the key, the text, Enter. The clock keeps running."""

import re
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, Static

from facilitator.session.capture import people_starting, unknown_names
from facilitator.session.events import ItemType
from facilitator.session.item_kinds import ITEM_KINDS

_TYPING_A_NAME = re.compile(r"(?:^|[\s,;])@([^\s@,;]*)$")


def name_being_typed(value: str) -> tuple[int, str] | None:
    """Where an `@name` being typed at the end of the text starts, and what it says."""
    match = _TYPING_A_NAME.search(value)
    return (match.start(1), match.group(1)) if match else None


class NameSuggester(Suggester):
    """After `@`, the first name that fits what is typed (case and accents aside)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.people: list[str] = []

    async def get_suggestion(self, value: str) -> str | None:
        typing = name_being_typed(value)
        if typing is None or not typing[1]:
            return None
        found = people_starting(typing[1], self.people)
        return value[: typing[0]] + found[0] + " " if found else None


class CaptureBar(Vertical):
    """Hidden until a capture key opens it; posts what was typed, or that it was cancelled."""

    # Enter is a priority binding: it saves at once, before keys typed right after it
    # (delivered in the same burst) can reach the field.
    BINDINGS = [
        Binding("enter", "save", "Save", priority=True),
        Binding("tab", "take_name", "Take the name", priority=True, show=False),
        Binding("escape", "cancel", "Cancel"),
    ]

    @dataclass
    class Done(Message):
        """Enter was pressed: `item` is set when an existing item was being edited."""

        type: ItemType
        text: str
        item: int | None

    class Cancelled(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._type: ItemType = "note"
        self._item: int | None = None
        self._hint = ""
        self._asked = ""
        """The text whose unknown `@name`s the bar asked about: Enter again saves them."""
        self.names = NameSuggester()

    def compose(self) -> ComposeResult:
        yield Static(id="capture-hint")
        yield Input(id="capture-input", suggester=self.names)

    def open(
        self,
        type_: ItemType,
        person: str | None,
        people: list[str],
        text: str = "",
        item: int | None = None,
    ) -> None:
        """Show the bar for a new item (credited to `person` unless @name says otherwise);
        after `@`, the names of `people` are offered as they are typed."""
        self._type, self._item = type_, item
        self.names.people = people
        kind = ITEM_KINDS[type_]
        hint = kind.hint
        if item is not None:
            hint = f"Edit: {hint.lower()}"
        elif person and not kind.topics_only:
            hint += f"  ·  {kind.person_role}: {person} (type @name for someone else)"
        hint += "  ·  Enter saves, Esc cancels, #private keeps it out"
        self._hint = hint
        self.query_one("#capture-hint", Static).update(Content(hint))
        field = self.query_one("#capture-input", Input)
        field.value = text
        self._asked = ""
        self.display = True
        self.screen.add_class("-capturing")  # on a short screen, the countdown gives way
        # Focus now, not later: the keys typed right after the capture key belong to the text.
        self.screen.set_focus(field)

    def close(self) -> None:
        self.display = False
        self.screen.remove_class("-capturing")
        self.query_one("#capture-input", Input).value = ""
        self.screen.set_focus(None)

    @on(Input.Changed)
    def offer_names(self, event: Input.Changed) -> None:
        """While an `@name` is typed, the hint lists who it could be; Tab takes the first."""
        typing = name_being_typed(event.value)
        hint = self._hint
        if typing is not None:
            found = people_starting(typing[1], self.names.people)
            shown = ", ".join(found[:5]) + (f" +{len(found) - 5} more" if len(found) > 5 else "")
            hint = f"@: {shown}  ·  Tab takes {found[0]}" if found else "@: nobody by that name"
        self.query_one("#capture-hint", Static).update(Content(hint))

    def action_take_name(self) -> None:
        """Tab: accept the offered name (as → at the end of the line does)."""
        field = self.query_one("#capture-input", Input)
        if name_being_typed(field.value) is not None:
            field.action_cursor_right()

    def action_save(self) -> None:
        """Save; but an `@name` that names nobody here is asked about first, never dropped:
        the bar stays open saying which, and Enter again saves it as a guest."""
        value = self.query_one(Input).value
        unknown = unknown_names(value, self.names.people)
        if unknown and value != self._asked:
            self._asked = value
            names = " ".join(f"@{name}" for name in unknown)
            guests = "them as guest owners" if len(unknown) > 1 else "it as a guest owner"
            hint = f"{names}: nobody by that name here. Fix it, or Enter again saves {guests}"
            self.query_one("#capture-hint", Static).update(Content(hint))
            return
        self.post_message(self.Done(self._type, value, self._item))
        self.close()

    def action_cancel(self) -> None:
        self.close()
        self.post_message(self.Cancelled())
