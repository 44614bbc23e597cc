"""The captured items, newest first; edit, delete, private, and last time's statuses."""

from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.session.events import CarryStatus
from facilitator.session.items import Item

SHOWN = 200
"""The newest items listed; older ones stay in the session and its summary. The list is
rebuilt on every capture, so this keeps a capture as quick in hour three as in minute one."""

LABELS = {"resource": "LINK  ", "action": "ACTION", "note": "NOTE  ", "topic": "TOPIC "}


def item_line(item: Item, unsaved: bool) -> Content:
    """One item as a line: type, person, text, due date, and its flags in words."""
    parts = [LABELS[item.type]]
    if item.person:
        parts.append(f"{item.person}:" if item.person_known else f"@{item.person}? (unknown):")
    parts.append(item.text)
    if item.due:
        parts.append(f"· due {item.due:%a} {item.due.day} {item.due:%b}")
    if item.carried_from:
        parts.append(f"· from last time, {item.carry}")
    if item.private:
        parts.append("· PRIVATE")
    if unsaved:
        parts.append("· NOT SAVED")
    return Content(" ".join(parts))


class ItemsList(OptionList):
    """Items as a list the facilitator can step into (i) and act on; it holds no facts."""

    BINDINGS = [
        Binding("enter", "edit", "Edit", priority=True),
        Binding("delete,backspace", "delete", "Delete", priority=True),
        Binding("p", "private", "Private on/off", priority=True),
        Binding("d", "carry('done')", "Done", show=False, priority=True),
        Binding("c", "carry('carried')", "Carry again", show=False, priority=True),
        Binding("x", "carry('dropped')", "Drop", show=False, priority=True),
        Binding("plus,equals_sign", "votes(1)", "Topic vote +1", show=False, priority=True),
        Binding("minus", "votes(-1)", "Topic vote −1", show=False, priority=True),
        Binding("escape", "leave", "Back to the session", priority=True),
    ]

    @dataclass
    class Chosen(Message):
        """The facilitator asked to do something with an item."""

        item: int
        action: str
        status: CarryStatus = "open"
        votes: int = 0

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[tuple[int, Content]] = []
        self._items: dict[int, Item] = {}
        self._last: tuple[list[Item], set[int]] = ([], set())

    def show(self, items: list[Item], unsaved: set[int]) -> None:
        """Show these items; rebuilds only when something changed, keeping the highlight."""
        if (items, unsaved) == self._last:
            return
        self._last = (items, set(unsaved))
        lines = [(item.id, item_line(item, item.id in unsaved)) for item in items[:SHOWN]]
        self._items = {item.id: item for item in items[:SHOWN]}
        highlighted = self.highlighted
        self._shown = lines
        options = [Option(line, id=str(item_id)) for item_id, line in lines]
        if len(items) > SHOWN:
            older = f"… and {len(items) - SHOWN} older items, kept for the summary"
            options.append(Option(Content(older), disabled=True))
        self.set_options(options)
        if lines:
            self.highlighted = min(highlighted or 0, len(lines) - 1)

    def _selected(self) -> Item | None:
        if self.highlighted is None or self.highlighted >= len(self._shown):
            return None
        return self._items.get(self._shown[self.highlighted][0])

    def _post(self, action: str, status: CarryStatus = "open", votes: int = 0) -> None:
        item = self._selected()
        if item is not None:
            self.post_message(self.Chosen(item.id, action, status, votes))

    def action_edit(self) -> None:
        self._post("edit")

    def action_delete(self) -> None:
        self._post("delete")

    def action_private(self) -> None:
        self._post("private")

    def action_carry(self, status: CarryStatus) -> None:
        self._post("carry", status)

    def action_votes(self, delta: int) -> None:
        self._post("votes", votes=delta)

    def action_leave(self) -> None:
        self.screen.set_focus(None)
