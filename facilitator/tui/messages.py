"""What screens ask of the app: they post these, and the app, which owns the screen stack,
acts on them. A screen never reaches into the app or another screen."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from facilitator.agenda.draft import AgendaDraft
from facilitator.session import Outcome, Session


@dataclass
class OpenSession(Message):
    """Show this session: its live screen, or its summary when it has ended."""

    session: Session


@dataclass
class ShowSummary(Message):
    """The session has ended: write its summary files and show them."""

    session: Session


@dataclass
class OpenEditor(Message):
    draft: AgendaDraft


@dataclass
class RunAgenda(Message):
    """Start a session of the agenda saved at this path."""

    path: Path


@dataclass
class CloseEditor(Message):
    """Leave the editor: back to the picker, or out of the app when it was all there was."""


@dataclass
class SessionCommand(Message):
    """Do this to the live session (a command chosen in the palette)."""

    run: Callable[[Session], Outcome]


@dataclass
class Quit(Message):
    """Leave the app, saying this on the way out (how to resume, what was not saved)."""

    farewell: str = ""
