"""What the command line hands the app: agendas to offer and how to open sessions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.agenda import AgendaFile
from facilitator.session import Session, SessionRecord

if TYPE_CHECKING:  # the editor's code loads when it opens
    from facilitator.agenda.draft import AgendaDraft


@dataclass
class Launcher:
    """The app opens sessions only through these, so it never touches files or clocks."""

    start: Callable[[Path], Session]
    """A new session of the agenda at a path."""
    resume: Callable[[SessionRecord], Session]
    edit: Callable[[AgendaFile], AgendaDraft]
    """An agenda to open in the editor (a bundled one as a copy in the current folder)."""
    end: Callable[[SessionRecord], tuple[bool, str]] | None = None
    """End an unfinished session whose window is gone, writing its summary (the picker's
    `x`); whether it worked, in words."""
    history: Callable[[str], str] | None = None
    """A series' history as Markdown (the picker's `h`)."""
    agendas: list[AgendaFile] = field(default_factory=list)
    unfinished: list[SessionRecord] = field(default_factory=list)
