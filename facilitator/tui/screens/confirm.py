"""Asking before something that matters: a yes/no question, and ending a session, where the
default is to keep going. Both answer to their buttons, Enter, Esc and (ending) ctrl+e;
letters typed into them answer nothing."""

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from facilitator.tui.screens.dialog import Dialog

CHOOSE = [
    Binding("left", "app.focus_previous", "Choose", show=False),
    Binding("right", "app.focus_next", "Choose", show=False),
]


class ConfirmScreen(Dialog[bool]):
    """A yes/no question; dismisses with True for yes. Enter answers the focused button
    (`yes` unless `default` says otherwise); Esc is no."""

    AUTO_FOCUS = ""  # the default button, in on_mount
    BINDINGS = [Binding("escape", "answer(False)", "No"), *CHOOSE]

    def __init__(
        self,
        question: str,
        detail: str = "",
        *,
        yes: str = "Yes",
        no: str = "No",
        default: bool = True,
    ) -> None:
        super().__init__()
        self.question, self.detail = question, detail
        self.labels = (yes, no)
        self.default = "#yes" if default else "#no"

    def on_mount(self) -> None:
        for button in self.query(self.default):  # none when the app closed as this opened
            self.set_focus(button)

    def compose(self) -> ComposeResult:
        yes, no = self.labels
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="question")
            if self.detail:
                yield Static(Content(self.detail), classes="detail")
            with Horizontal():  # the button Enter answers is the one in colour
                yield Button(Content(yes), id="yes", variant=self._variant("#yes"))
                yield Button(Content(no), id="no", variant=self._variant("#no"))
            yield Static("Enter: the highlighted button    ← →: choose    Esc: no", classes="keys")

    def _variant(self, button: str) -> Literal["primary", "default"]:
        return "primary" if button == self.default else "default"

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.answer(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.answer(yes)


class LeaveScreen(ConfirmScreen):
    """Leaving a running session, which the command `resume` continues: ctrl+q again
    leaves, as ctrl+e again ends one."""

    LEAVES = True

    def __init__(self, resume: str) -> None:
        super().__init__(
            "Leave the session?", f"It can be resumed: {resume}", yes="Leave", no="Stay"
        )


class EndScreen(Dialog[bool]):
    """Ending a session: "Keep going" has the focus, so Enter keeps the session running;
    only ctrl+e again, or the End button chosen on purpose, ends it."""

    AUTO_FOCUS = "#keep"
    TYPING_HINT = "Typing does not answer this: Enter or Esc keeps going; ctrl+e ends."
    BINDINGS = [
        Binding("ctrl+e", "answer(True)", "End the session", priority=True),
        Binding("escape", "answer(False)", "Keep going"),
        *CHOOSE,
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
            yield Static("Enter or Esc: keep going    ctrl+e: end", classes="keys")

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.answer(event.button.id == "end")

    def action_answer(self, end: bool) -> None:
        self.answer(end)
