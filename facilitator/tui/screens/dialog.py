"""What every dialog shares: a box in the middle of the screen, an answer given once, and
printable keys that never answer it (the keyboard policy hands them to `typed`)."""

from collections.abc import Callable
from typing import TypeVar

from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

Answer = TypeVar("Answer")


class Dialog(ModalScreen[Answer]):
    """A modal box, centred; the subclass composes what goes in `.dialog`, with a `.keys`
    line saying which keys answer it."""

    TYPING_HINT = "Typing does not answer this: use the buttons, Enter or Esc."
    LEAVES = False
    """Whether this is the question before leaving, which ctrl+q again answers with yes."""
    before_answer: Callable[[], None] | None = None
    """Called as the answer goes, before the screen that asked has it (see `ask`)."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    Dialog .dialog {
        width: 70;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    Dialog .question {
        text-style: bold;
    }
    Dialog .detail, Dialog .keys {
        color: $text-muted;
        margin-top: 1;
    }
    Dialog .keys.-typed {
        color: $text-warning;
        text-style: bold;
    }
    Dialog Horizontal {
        height: auto;
        margin-top: 1;
    }
    Dialog Button {
        margin-right: 2;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.answered = False

    def answer(self, value: Answer | None) -> None:
        """Close with this answer: once, and only while this dialog is the one on top, so
        that a second key can never close the screen under it."""
        if self.answered or not self.is_current:
            return
        self.answered = True
        if self.before_answer is not None:
            self.before_answer()
        self.dismiss(value)

    def typed(self, text: str) -> None:
        """Keys typed into the dialog: never an answer; its keys line says so."""
        if not text.strip() or self.answered:
            return
        for keys in self.query(".keys").results(Static):
            keys.update(Content(self.TYPING_HINT))
            keys.add_class("-typed")
