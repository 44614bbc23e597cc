"""The one-line input for capturing: the key, the text, Enter. The clock keeps running."""

import re
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Static

from facilitator.session.capture import people_starting, unknown_names
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.phrases import prepare_links
from facilitator.session.values import ItemType

Purpose = ItemType | Literal["vote"]
"""What the bar is typed for: an item of a kind, or a topic's number to vote for (`v`)."""
VOTE_HINT = "Vote for topic number: type it  ·  Enter votes, Esc cancels"

_TYPING_A_NAME = re.compile(r"(?:^|[\s,;(])@([^\s@,;]*)$")


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


class CaptureField(Input):
    """The bar's field. Keys reach it in the order they came: the keyboard policy types them
    in as it routes them, so Enter (a priority binding, which saves at once) saves exactly
    what was typed before it, however fast the keys came."""


class CaptureBar(Vertical):
    """Hidden until a capture key opens it; posts what was typed, or that it was cancelled."""

    # Enter is a priority binding: it saves at once, before keys typed right after it
    # (delivered in the same burst) can reach the field.
    BINDINGS = [
        Binding("enter", "save", "Save", priority=True),
        Binding("tab", "take_name", "Take the name", priority=True, show=False),
        Binding("escape", "cancel", "Cancel"),
    ]
    _links_started: ClassVar[bool] = False
    """Whether the link finder (tens of milliseconds to build, see `prepare_links`) was
    started: when it is about to be needed, in a thread; not as the app opens (keys pressed
    then would wait on it), nor at the first Enter or the summary."""

    class Done(Message):
        """Enter was pressed: `item` is set when an existing item was being edited."""

        def __init__(self, type_: Purpose, text: str, item: int | None) -> None:
            super().__init__()
            self.type, self.text, self.item = type_, text, item

    class Cancelled(Message):
        """Esc was pressed: `item` is set when an existing item was being edited."""

        def __init__(self, type_: Purpose, item: int | None) -> None:
            super().__init__()
            self.type, self.item = type_, item

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._type: Purpose = "note"
        self._item: int | None = None
        self._hint = ""
        self._asked = ""
        """The text whose unknown `@name`s the bar asked about: Enter again saves them."""
        self._sent = ""
        """The text last saved, until the session says what became of it."""
        self._opened_from: Widget | None = None
        """What had the focus when the bar opened (the items list, for an edit): Esc goes
        back there."""
        self.names = NameSuggester()

    def compose(self) -> ComposeResult:
        yield Static(id="capture-hint")
        # Focus must not select the text: keys typed next go after it, never over it.
        yield CaptureField(id="capture-input", suggester=self.names, select_on_focus=False)

    def open(
        self,
        type_: Purpose,
        person: str | None,
        people: list[str],
        text: str = "",
        item: int | None = None,
        reason: str = "",
    ) -> None:
        """Show the bar for a new item (credited to `person` unless @name says otherwise);
        after `@`, the names of `people` are offered as they are typed; `reason` says why
        the bar opened by itself (keys that were typing, not commands)."""
        self.prepare_links()  # built as the text is typed, for its Enter
        self._type, self._item = type_, item
        self.names.people = people
        self._hint = reason + (VOTE_HINT if type_ == "vote" else _hint(type_, person, item))
        self._show_hint(self._hint)
        field = self.query_one("#capture-input", Input)
        field.value = text
        field.cursor_position = len(text)
        self._asked = ""
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors_with_self:
            self._opened_from = focused
        self.display = True
        self.screen.add_class("-capturing")  # on a short screen, the countdown gives way
        # Focus now, not later: the keys typed right after the capture key belong to the text.
        self.screen.set_focus(field)

    def prepare_links(self) -> None:
        """Build the link finder in a thread, once: as a first bar opens, or the end is
        asked for (a summary lists the links)."""
        if not CaptureBar._links_started:
            CaptureBar._links_started = True
            self.run_worker(prepare_links, thread=True)

    def add_text(self, text: str) -> None:
        """More text for the open bar, where the cursor is (keys typed before it had focus)."""
        self.query_one("#capture-input", Input).insert_text_at_cursor(text)

    @property
    def shared(self) -> bool:
        """Shown to the room (the presenter view): what is typed is not shown."""
        return self.query_one("#capture-input", Input).password

    @shared.setter
    def shared(self, shared: bool) -> None:
        self.query_one("#capture-input", Input).password = shared
        self._show_hint(self._hint)

    def _show_hint(self, hint: str) -> None:
        if self.shared:
            what = "vote" if self._type == "vote" else ITEM_KINDS[self._type].label.lower()
            hint = f"Capturing: {what}… (hidden in the presenter view)"  # no "a action"
        self.query_one("#capture-hint", Static).update(Content(hint))

    def close(self, back: bool = False) -> None:
        """Hide the bar; the keys go to the session, or with `back` to where the bar was
        opened from (Esc in an edit goes back to the items list, on the item)."""
        self.display = False
        self.screen.remove_class("-capturing")
        self.query_one("#capture-input", Input).value = ""
        before = self._opened_from if back else None
        self.screen.set_focus(before if before is not None and before.is_attached else None)

    @on(Input.Changed)
    def offer_names(self, event: Input.Changed) -> None:
        """While an `@name` is typed, the hint lists who it could be; Tab takes the first."""
        typing = name_being_typed(event.value)
        hint = self._hint
        if typing is not None:
            found = people_starting(typing[1], self.names.people)
            shown = ", ".join(found[:5]) + (f" +{len(found) - 5} more" if len(found) > 5 else "")
            hint = f"@: {shown}  ·  Tab takes {found[0]}" if found else "@: nobody by that name"
        self._show_hint(hint)

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
            self._show_hint(hint)  # in the presenter view, no typed name reaches the room
            return
        self._sent = value if self._type != "vote" and self._item is None else ""  # a new item
        self.post_message(self.Done(self._type, value, self._item))
        self.close()

    def settle(self, done: bool) -> None:
        """What became of the text last saved: refused (progress for someone with no goal),
        it comes back in the bar as it was, to fix rather than type again."""
        sent, self._sent = self._sent, ""
        if done or not sent.strip() or self.display:
            return
        field = self.query_one("#capture-input", Input)
        field.value, field.cursor_position = sent, len(sent)
        self._show_hint(self._hint)
        self.display = True
        self.screen.add_class("-capturing")
        self.screen.set_focus(field)

    def action_cancel(self) -> None:
        self.close(back=True)
        self.post_message(self.Cancelled(self._type, self._item))


def _hint(type_: ItemType, person: str | None, item: int | None) -> str:
    """What the bar says while an item is typed: its kind, who gets the credit, the keys."""
    kind = ITEM_KINDS[type_]
    hint = kind.hint
    if item is not None:
        hint = f"Edit: {hint.lower()}"
    elif person and not kind.topics_only:
        hint += f"  ·  {kind.person_role}: {person} (type @name for someone else)"
    elif not kind.topics_only:
        hint += f"  ·  {kind.person_role}: nobody (type @name for someone)"
    return hint + "  ·  Enter saves, Esc cancels, #private keeps it out"
