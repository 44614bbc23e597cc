"""The one-line input for capturing: the key, the text, Enter. The clock keeps running."""

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from facilitator.session.events import ItemType
from facilitator.session.item_kinds import ITEM_KINDS


class CaptureBar(Vertical):
    """Hidden until a capture key opens it; posts what was typed, or that it was cancelled."""

    # Enter is a priority binding: it saves at once, before keys typed right after it
    # (delivered in the same burst) can reach the field.
    BINDINGS = [
        Binding("enter", "save", "Save", priority=True),
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

    def compose(self) -> ComposeResult:
        yield Static(id="capture-hint")
        yield Input(id="capture-input")

    def open(
        self, type_: ItemType, person: str | None, text: str = "", item: int | None = None
    ) -> None:
        """Show the bar for a new item (credited to `person` unless @name says otherwise)."""
        self._type, self._item = type_, item
        kind = ITEM_KINDS[type_]
        hint = kind.hint
        if item is not None:
            hint = f"Edit: {hint.lower()}"
        elif person and not kind.topics_only:
            hint += f"  ·  {kind.person_role}: {person} (type @name for someone else)"
        hint += "  ·  Enter saves, Esc cancels, #private keeps it out"
        self.query_one("#capture-hint", Static).update(Content(hint))
        field = self.query_one("#capture-input", Input)
        field.value = text
        self.display = True
        self.screen.add_class("-capturing")  # on a short screen, the countdown gives way
        # Focus now, not later: the keys typed right after the capture key belong to the text.
        self.screen.set_focus(field)

    def close(self) -> None:
        self.display = False
        self.screen.remove_class("-capturing")
        self.query_one("#capture-input", Input).value = ""
        self.screen.set_focus(None)

    def action_save(self) -> None:
        self.post_message(self.Done(self._type, self.query_one(Input).value, self._item))
        self.close()

    def action_cancel(self) -> None:
        self.close()
        self.post_message(self.Cancelled())
