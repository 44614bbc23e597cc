"""Asking at the command line: whether there is a terminal, and yes/no questions."""

import os
import sys
from pathlib import Path

from facilitator.session import JournalError, SessionRecord, recorded_sessions
from facilitator.session.records import usable


class NoTerminalError(Exception):
    """A screen was asked for where there is no terminal to draw it in."""


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def need_terminal(command: str | None) -> None:
    """A screen draws only in a terminal (or through the driver Textual is told to use, as
    textual-serve tells it for a browser): never into a pipe or a file."""
    if not interactive() and not os.environ.get("TEXTUAL_DRIVER"):
        name = f"facilitator {command}" if command else "facilitator"
        raise NoTerminalError(
            f"{name} needs a terminal to draw in (its input or output is not one); "
            "`facilitator summary` and `sessions` print without one."
        )


def yes(answer: str, *, default: bool) -> bool:
    answer = answer.strip().casefold()
    return default if not answer else answer in ("y", "yes")


def unfinished_of(home: Path, source: str) -> SessionRecord | None:
    """The newest unfinished session of this agenda file, if the facilitator wants it back."""
    records = usable(recorded_sessions(home))
    record = next((r for r in records if not r.ended and r.source == source), None)
    if record is None:
        return None
    if not interactive():
        raise JournalError(
            f"{source}: an unfinished session of this agenda exists ({record.id}); "
            f"`facilitator resume {record.id}` continues it, `run --new` starts another"
        )
    question = f"An unfinished session of this agenda exists ({record.id}). Resume it? [Y/n] "
    return record if yes(input(question), default=True) else None
