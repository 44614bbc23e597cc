"""Copying a summary: the system clipboard through pyperclip, checked by reading back.

Textual's OSC 52 copy (which reaches the user's own machine over SSH) happens in
the app; the command line sends OSC 52 itself. Call `copy_to_system` from a
thread: xclip can block, and it prints its errors straight onto the terminal.
"""

import base64
import contextlib
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple


class Copied(NamedTuple):
    """Whether the system clipboard now holds the text, and if not, why."""

    ok: bool
    reason: str = ""


def copy_to_system(
    text: str,
    copy: Callable[[str], None] | None = None,
    paste: Callable[[], str] | None = None,
    *,
    quiet_stdout: bool = False,
) -> Copied:
    """Copy and read back (pyperclip unless told otherwise); a failure is an answer."""
    import pyperclip  # only a copy pays for it

    try:
        with _silenced(*((1, 2) if quiet_stdout else (2,))):
            (copy or pyperclip.copy)(text)
            back = (paste or pyperclip.paste)()
    except (pyperclip.PyperclipException, OSError, subprocess.SubprocessError) as error:
        first_sentence = str(error).split(". ")[0].splitlines()[0] if str(error) else ""
        return Copied(False, first_sentence.rstrip(".") or type(error).__name__)
    if back != text:
        return Copied(False, "the clipboard did not keep the text")
    return Copied(True)


def osc52(text: str) -> str:
    """The escape sequence that asks the terminal to put text on its clipboard."""
    return f"\x1b]52;c;{base64.b64encode(text.encode()).decode()}\x07"


def copy_message(copied: Copied, terminal: bool, summary: Path | None) -> str:
    """What happened, in words: which clipboard has the text, and where the file is."""
    if copied.ok:
        message = "Copied to the system clipboard."
    elif terminal:
        message = (
            "Sent to the terminal's clipboard (OSC 52); in tmux this needs "
            "`set -g set-clipboard on`."
        )
    else:
        message = f"No clipboard here ({copied.reason})."
    if summary is not None:
        message += f" The summary is at {summary}"
    return message


@contextlib.contextmanager
def _silenced(*descriptors: int) -> Iterator[None]:
    """Point file descriptors at /dev/null, so a clipboard tool cannot print on the screen
    or hold a caller's pipe open (pyperclip issues #116, #247)."""
    saved = [os.dup(fd) for fd in descriptors]
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        for fd in descriptors:
            os.dup2(null, fd)
        yield
    finally:
        for fd, copy in zip(descriptors, saved, strict=True):
            os.dup2(copy, fd)
            os.close(copy)
        os.close(null)
