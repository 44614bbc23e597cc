"""What every dialog shares: a box in the middle of the screen, an answer given once (and
only one its asker would take), and printable keys that never answer it (the keyboard
policy hands them to `typed`)."""

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
    refuses: Callable[[Answer], str | None] | None = None
    """Why the one who asks would refuse this answer (the session's rule for the command it
    is for), or None: a refused answer leaves the dialog open, saying why, to correct."""

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
    Dialog .keys.-warning {
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
        why = self.refuses(value) if value is not None and self.refuses is not None else None
        if why is not None:
            self.refused(why)
            return
        self.answered = True
        if self.before_answer is not None:
            self.before_answer()
        self.dismiss(value)

    def refused(self, why: str) -> None:
        """The answer given would be refused: the dialog stays, saying why."""
        self.warn(why)

    def typed(self, text: str) -> None:
        """Keys typed into the dialog: never an answer; its keys line says so."""
        if text.strip() and not self.answered:
            self.warn(self.TYPING_HINT)

    def warn(self, words: str) -> None:
        """Say on the keys line, in the warning colour, why the dialog is still open."""
        for keys in self.query(".keys").results(Static):
            keys.update(Content(words))
            keys.add_class("-warning")
