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


_ANSWERS = {"y": True, "yes": True, "n": False, "no": False}


def ask_yes(question: str, *, default: bool) -> bool:
    """Ask a yes/no question until it is answered: Enter alone takes the default, and
    anything else (`yy`, `maybe`) asks again, so a typo never decides for the user.
    ctrl+d (EOFError) and ctrl+c (KeyboardInterrupt) reach the caller."""
    while True:
        answer = input(question).strip().casefold()
        if not answer:
            return default
        if answer in _ANSWERS:
            return _ANSWERS[answer]
        print(f"Answer y (yes) or n (no); Enter alone means {'yes' if default else 'no'}.")


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
    return record if ask_yes(question, default=True) else None
