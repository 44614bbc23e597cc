"""Whether a live-screen key's command works now, and why not: the session's one rule
(`guards.refusal`) for the command the table names, or the screen's own."""

from collections.abc import Callable
from typing import cast

from textual.binding import ActiveBinding
from textual.widget import Widget

from facilitator.session import Session
from facilitator.session.guards import Command
from facilitator.tui.commands import ITEMS_COMMANDS, LIVE_COMMANDS

_BY_ACTION = {command.name: command for command in LIVE_COMMANDS if command.run is None}


def refusal(session: Session, action: str, parameters: tuple[object, ...]) -> str | None:
    """Why a live-screen action does nothing now: the session's rule for its command, or
    the screen's own (the ledger is a review's)."""
    if action == "session":
        guard, *arguments = parameters
        return session.refusal(cast(Command, guard), *arguments)
    command = _BY_ACTION.get(action)
    if command is not None and command.guard is not None:
        return session.refusal(command.guard, *parameters)
    if action == "ledger" and session.state.segment.PANEL != "carried":
        return "The ledger of the series is shown in a review segment."
    if action in ("items", "ledger") and session.state.ended is not None:
        return "The session has ended."
    return None


class Works:
    """Whether each live-screen action works now, and so which keys do, remembered until the
    session records its next event: what the session's rule says changes with nothing else.
    The footer asks at every refresh and each key asks again, some forty actions each time."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._at = -1
        self._known: dict[tuple[str, tuple[object, ...]], bool] = {}
        self._keys: dict[Widget | None, dict[str, ActiveBinding]] = {}

    def _now(self) -> None:
        if len(self.session.events) != self._at:
            self._at, self._known, self._keys = len(self.session.events), {}, {}

    def bindings(
        self, focused: Widget | None, work_out: Callable[[], dict[str, ActiveBinding]]
    ) -> dict[str, ActiveBinding]:
        """The screen's working keys with `focused` focused, as `work_out` finds them."""
        self._now()
        keys = self._keys.get(focused)
        if keys is None:
            keys = self._keys[focused] = work_out()
        return keys

    def __call__(self, action: str, parameters: tuple[object, ...]) -> bool:
        self._now()
        known = self._known.get((action, parameters))
        if known is None:
            known = self._known[action, parameters] = (
                refusal(self.session, action, parameters) is None
            )
        return known


def key_refusal(session: Session, key: str) -> str | None:
    """Why the live-screen command on this key does nothing now, if one does not; or where
    the key does something, if it is the items list's."""
    for command in LIVE_COMMANDS:
        if key in command.keys.split(","):
            return refusal(session, command.name, command.arguments)
    for command in ITEMS_COMMANDS:  # `d done` in the review's footer, say
        if len(key) == 1 and key in command.keys.split(","):
            return f"{key} ({command.label}) works in the items list: i, then {key} on an item."
    return None
