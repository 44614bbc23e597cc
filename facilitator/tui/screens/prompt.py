"""Ask for one line of text, such as a latecomer's name."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from facilitator.tui.screens.dialog import Dialog


class PromptScreen(Dialog[str | None]):
    """Dismisses with the text typed, or None when cancelled. Keys typed before its field
    has the focus are its text too, in order."""

    AUTO_FOCUS = ""  # focused in on_mount, once the keys typed early are in the field
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question
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
            self.query_one(".keys", Static).update(
                "Nothing typed yet: type it, then Enter. Esc: cancel"
            )

    def action_cancel(self) -> None:
        self.answer(None)
