"""While a live session has actions waiting for the disk: write them again now and then,
and once they are all on disk, take back the NOT SAVED warning and say so."""

import time
from collections.abc import Callable

from facilitator.session import Session

RETRY_SECONDS = 5.0
"""How often what waits for the disk is written again, with no key pressed."""
SAVED_AGAIN = "Saved now: everything that waited for the disk is on it."


class DiskWatch:
    """Knows whether a NOT SAVED warning is showing; `tick` at each refresh."""

    def __init__(
        self, session: Session, say: Callable[[str], None], clear: Callable[[], None]
    ) -> None:
        self.session = session
        self.say = say
        self.clear = clear
        self.waiting = False
        """A NOT SAVED warning is shown."""
        self.last_try = time.monotonic()

    def failed(self) -> None:
        """An action was not saved: a warning now shows."""
        self.waiting, self.last_try = True, time.monotonic()

    def tick(self) -> None:
        if self.waiting and time.monotonic() - self.last_try >= RETRY_SECONDS:
            self.retry()
        if self.waiting and not self.session.pending:  # a later write took what waited
            self.waiting = False
            self.clear()
            self.say(SAVED_AGAIN)

    def retry(self) -> None:
        """Write again what waits for the disk (the next tick says whether it went)."""
        self.last_try = time.monotonic()
        if self.session.pending:
            self.session.flush()
