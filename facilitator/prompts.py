"""Asking at the command line: whether there is a terminal, and yes/no questions."""

import sys


class NoTerminalError(Exception):
    """A screen was asked for where there is no terminal to draw it in."""


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def need_terminal(command: str | None) -> None:
    """A screen draws only in a terminal: never into a pipe or a file."""
    if not interactive():
        name = f"facilitator {command}" if command else "facilitator"
        raise NoTerminalError(
            f"{name} needs a terminal to draw in (its input or output is not one); "
            "`facilitator summary` and `sessions` print without one."
        )


def yes(answer: str, *, default: bool) -> bool:
    answer = answer.strip().casefold()
    return default if not answer else answer in ("y", "yes")
