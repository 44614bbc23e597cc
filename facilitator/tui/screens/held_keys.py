"""Typing is not commands: a screen whose printable keys wait a moment first. A burst of
them is typing (see `typing_guard.py`), handed to the screen as text; a lone key runs."""

from textual import events
from textual.widgets import Input

from facilitator.tui.screens.base import SessionScreen
from facilitator.tui.typing_guard import TypingGuard


class HoldsKeys(SessionScreen):
    """Holds printable keys for `key_hold` seconds; `typed` gets what was typing."""

    key_hold: float
    guard: TypingGuard

    def typed(self, text: str) -> None:
        raise NotImplementedError

    def on_key(self, event: events.Key) -> None:
        """Hold printable keys a moment: a burst of them is typing, not commands."""
        if not event.is_printable or self.key_hold <= 0 or isinstance(self.focused, Input):
            return
        event.stop()
        event.prevent_default()
        self.guard.hold(event.key, event.character or "", event.time)
        waiting_for = len(self.guard.held)
        self.set_timer(self.key_hold, lambda: self._release_keys(waiting_for), name="key hold")

    async def _release_keys(self, waiting_for: int) -> None:
        if len(self.guard.held) != waiting_for:
            return  # a later key restarted the wait (or the keys were released)
        typing, held = self.guard.release()
        if not typing:
            for key in held:
                active = self.app.active_bindings.get(key.key)
                if active is not None and active.enabled:
                    await self.app.run_action(active.binding.action, active.node)
            return
        self.typed("".join(key.character for key in held).strip())
