"""Ask for one line of text, such as a latecomer's name."""

from collections.abc import Callable
from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from facilitator.session import Session
from facilitator.session.guards import Command
from facilitator.tui.screens.dialog import Dialog


class PromptScreen(Dialog[str]):
    """Dismisses with the text typed, or None when cancelled. Keys typed before its field
    has the focus are its text too, in order. Text that `refuses` has a reason against
    stays in the field, with the reason, to correct."""

    AUTO_FOCUS = ""  # focused in on_mount, once the keys typed early are in the field
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, refuses: Callable[[str], str | None] | None = None) -> None:
        super().__init__()
        self.question = question
        self.refuses = refuses
        self.field = Input(select_on_focus=False)
        self.early = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="question")
            yield self.field
            yield Static("Enter: OK    Esc: cancel", classes="keys")

    def on_mount(self) -> None:
        self.field.value = self.early
        self.field.cursor_position = len(self.early)
        self.set_focus(self.field)

    def typed(self, text: str) -> None:
        if self.field.is_mounted and self.field.has_focus:
            self.field.insert_text_at_cursor(text)
        else:
            self.early += text

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.answer(event.value)
        else:  # an Enter before anything was typed answers nothing: the dialog stays
            self.warn("Nothing typed yet: type it, then Enter. Esc: cancel")

    def refused(self, why: str) -> None:
        self.warn(f"{why} Change it, then Enter. Esc: cancel")

    def action_cancel(self) -> None:
        self.answer(None)


def argument_prompt(session: Session, command: Command, question: str) -> PromptScreen:
    """Ask for the text `command` takes (a latecomer's name): text the session would refuse
    keeps the dialog open, saying why (the command's own rule, `guards.refusal`)."""
    return PromptScreen(question, partial(session.refusal, command))
