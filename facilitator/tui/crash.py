"""A crash says one line on screen and keeps its details in a private file: Textual's own
report shows local variables, which may hold what people said in confidence."""

import datetime as dt
import os
import traceback
from pathlib import Path

from rich.text import Text
from textual.app import App

CRASH_LOG = "crash.log"


def write_crash_log(path: Path, error: BaseException) -> bool:
    """Append the error's traceback (no variables) to a 0600 file; False if it cannot."""
    details = "".join(traceback.format_exception(error))
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
    except OSError:
        return False
    with os.fdopen(descriptor, "a", encoding="utf-8") as file:
        os.fchmod(descriptor, 0o600)
        file.write(f"--- {stamp}\n{details}\n")
    return True


def crash_words(path: Path | None, written: bool) -> str:
    where = f"the details are in {path}" if written and path else "no details were kept"
    return f"facilitator stopped on an unexpected error; {where}."


class CrashesPrivately(App[None]):
    """An app whose unexpected errors end it with one line, not a traceback."""

    def __init__(self, *, crash_log: Path | None = None) -> None:
        super().__init__()
        self.crash_log = crash_log

    def _handle_exception(self, error: Exception) -> None:
        self._return_code = 1
        if self._exception is None:  # tests (run_test) re-raise it when they end
            self._exception = error
            self._exception_event.set()
        written = self.crash_log is not None and write_crash_log(self.crash_log, error)
        self.panic(Text(crash_words(self.crash_log, written)))
