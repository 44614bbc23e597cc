"""The look every dialog shares: a box in the middle of the screen."""

from typing import TypeVar

from textual.screen import ModalScreen

Answer = TypeVar("Answer")


class Dialog(ModalScreen[Answer]):
    """A modal box, centred; the subclass composes what goes in `.dialog`."""

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
    Dialog Horizontal {
        height: auto;
        margin-top: 1;
    }
    Dialog Button {
        margin-right: 2;
    }
    """
