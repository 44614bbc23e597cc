"""What screens ask of the app: they post these, and the app, which owns the screen stack,
acts on them. A screen never reaches into the app or another screen. Plain classes, as
Textual's own are: a dataclass is built at import, on the way to the first frame."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from facilitator.session import Outcome, Session

if TYPE_CHECKING:  # the editor's code loads when it opens
    from facilitator.agenda.draft import AgendaDraft


class OpenSession(Message):
    """Show this session: its live screen, or its summary when it has ended."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class ShowSummary(Message):
    """The session has ended: write its summary files and show them."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class OpenEditor(Message):
    def __init__(self, draft: AgendaDraft) -> None:
        super().__init__()
        self.draft = draft


class RunAgenda(Message):
    """Start a session of the agenda saved at this path."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class CloseEditor(Message):
    """Leave the editor: back to the picker, or out of the app when it was all there was."""


class SessionCommand(Message):
    """Do this to the live session (a command chosen in the palette)."""

    def __init__(self, run: Callable[[Session], Outcome]) -> None:
        super().__init__()
        self.run = run


class Quit(Message):
    """Leave the app, saying this on the way out (how to resume, what was not saved)."""

    def __init__(self, farewell: str = "") -> None:
        super().__init__()
        self.farewell = farewell
