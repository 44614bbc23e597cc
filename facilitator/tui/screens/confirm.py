"""Asking before something that matters: a plain yes/no, and ending a session, where the
default is to keep going."""

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from facilitator.tui.screens.dialog import Dialog


class ConfirmScreen(Dialog[bool]):
    """A yes/no question; dismisses with True for yes."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="question")
            if self.detail:
                yield Static(Content(self.detail), classes="detail")
            yield Static("y / Enter: yes    n / Esc: no", classes="keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class EndScreen(Dialog[bool]):
    """Ending a session: "Keep going" has the focus, so Enter, y or any letter keep the
    session running; only ctrl+e again, or the End button chosen on purpose, ends it."""

    AUTO_FOCUS = "#keep"
    BINDINGS = [
        Binding("ctrl+e", "answer(True)", "End the session", priority=True),
        Binding("escape", "answer(False)", "Keep going"),
        Binding("left,right", "app.focus_next", "Choose", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("End the session and write the summary?", classes="question")
            yield Static(
                "It can be reopened from the summary (u). ctrl+e again ends it.",
                classes="detail",
            )
            with Horizontal():
                yield Button("Keep going", id="keep", variant="primary")
                yield Button("End session", id="end", variant="error")

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "end")

    def on_key(self, event: events.Key) -> None:
        if event.is_printable:  # typing on: never a yes
            event.stop()
            self.dismiss(False)

    def action_answer(self, end: bool) -> None:
        self.dismiss(end)
