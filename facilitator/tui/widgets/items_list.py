"""The captured items, newest first; edit, delete, private, and last time's statuses."""

import datetime as dt
from typing import Literal

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.items import Item
from facilitator.session.phrases import date_text
from facilitator.session.values import CarryStatus
from facilitator.text import counted
from facilitator.tui.commands import ITEMS_COMMANDS, bindings

ItemAction = Literal["edit", "delete", "private", "carry", "votes"]
SHOWN = 200
"""The newest items listed; older ones stay in the session and its summary. The list is
rebuilt on every capture, so this keeps a capture as quick in hour three as in minute one."""


def item_line(
    item: Item, unsaved: bool, number: int | None = None, today: dt.date | None = None
) -> Content:
    """One item as a line: type (and a topic's number and votes), person, text, due date,
    and its flags in words."""
    parts = [f"{ITEM_KINDS[item.type].tag:<6}"]
    if number is not None:
        parts.append(f"{number}. ({counted(item.votes, 'vote')})")
    if item.person:
        guests = {*item.guests, *([] if item.person_known else [item.person])}
        owners = [
            f"@{name}? (guest)" if name in guests else name for name in (item.person, *item.also)
        ]
        parts.append(f"{', '.join(owners)}:")
    parts.append(item.text)
    if item.due:
        parts.append(f"· due {date_text(item.due, today)}")
    kind = ITEM_KINDS[item.type]
    if item.carried_from:
        parts.append(f"· from last time, {kind.done_word if item.carry == 'done' else item.carry}")
    elif kind.done_here and item.carry != "open":
        parts.append(f"· {kind.done_word if item.carry == 'done' else item.carry}")
    if item.private:
        parts.append("· PRIVATE")
    if unsaved:
        parts.append("· NOT SAVED")
    return Content(" ".join(parts))


def topic_numbers(items: list[Item]) -> dict[int, int]:
    """Each topic's number in its segment, as on the board: in the order proposed."""
    numbers: dict[int, int] = {}
    count: dict[int | None, int] = {}
    for item in sorted(items, key=lambda item: item.id):
        if item.type == "topic":
            count[item.segment] = count.get(item.segment, 0) + 1
            numbers[item.id] = count[item.segment]
    return numbers


class ItemsList(OptionList):
    """Items as a list the facilitator can step into (i) and act on; it holds no facts."""

    KEY_COMMANDS = ITEMS_COMMANDS
    BINDINGS = bindings(KEY_COMMANDS)

    class Closed(Message):
        """The facilitator went back to the session."""

    class Chosen(Message):
        """The facilitator asked to do something with an item."""

        def __init__(
            self, item: int, action: ItemAction, status: CarryStatus = "open", votes: int = 0
        ) -> None:
            super().__init__()
            self.item, self.action, self.status, self.votes = item, action, status, votes

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Captured, newest first (i to edit)"
        self._shown: list[tuple[int, Content]] = []
        self._items: dict[int, Item] = {}
        self._last: tuple[list[Item], set[int]] = ([], set())
        self._today: dt.date | None = None

    def show(self, items: list[Item], unsaved: set[int], today: dt.date | None = None) -> None:
        """Show these items (due dates said as on `today`); rebuilds only when something
        changed, keeping the highlight."""
        if (items, unsaved) == self._last and today == self._today:
            return
        self._last, self._today = (items, set(unsaved)), today
        numbers = topic_numbers(items)
        lines = [
            (item.id, item_line(item, item.id in unsaved, numbers.get(item.id), today))
            for item in items[:SHOWN]
        ]
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

    def _post(self, action: ItemAction, status: CarryStatus = "open", votes: int = 0) -> None:
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

    def open(self) -> None:
        """Step into the list, on the newest item."""
        self.focus()
        if self.option_count:
            self.highlighted = 0
            self.scroll_to_highlight()

    def action_leave(self) -> None:
        self.screen.set_focus(None)
        self.highlighted = 0 if self.option_count else None
        self.scroll_home(animate=False)
        self.post_message(self.Closed())
