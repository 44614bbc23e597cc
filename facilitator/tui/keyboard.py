"""One keyboard policy for every screen. The app hands it each key before Textual routes it,
in the order the keys came, so what one key opened (a capture bar, a dialog) is in place
before the next key is routed:

- a key for a text field goes to it; a bracketed paste with no field open is typing too;
- a printable key never answers a dialog (dialogs answer to their buttons, Enter, Esc and
  their control keys): the dialog is told it was typed, once however many keys come;
- a command key runs at once; if the keys after it make a burst of typing (see
  `typing_guard.py`), what it did is taken back and the burst goes to the screen as text
  (the live screen keeps it as a note; other screens say it did nothing).
"""

import sys
from typing import NamedTuple, Protocol, runtime_checkable

from textual import events
from textual.app import App
from textual.binding import ActiveBinding
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input

from facilitator.session import Outcome, Session
from facilitator.tui.commands import command_of, take_back, taken_back_as
from facilitator.tui.screens.dialog import Dialog
from facilitator.tui.typing_guard import BURST_GAP, TypingGuard, Verdict
from facilitator.tui.widgets.capture_bar import CaptureField


@runtime_checkable
class TakesTyping(Protocol):
    """A screen that is told what was typed when it could not be commands."""

    def typed(self, text: str) -> None: ...


@runtime_checkable
class ExplainsKeys(Protocol):
    """A screen that says why a key it knows does nothing now."""

    def explain(self, key: str) -> None: ...


@runtime_checkable
class ShowsOutcomes(Protocol):
    """A screen that shows what a session command did (so a taken-back one says so)."""

    def done(self, outcome: Outcome) -> None: ...


class _Ran(NamedTuple):
    """A command a key ran, and what was there before it, to take it back."""

    action: str
    namespace: DOMNode
    screens: int
    focused: Widget | None
    session: Session | None
    undoable: int


class Keyboard:
    """The app's keys, judged in the order they came."""

    def __init__(self, app: App[None], gap: float = BURST_GAP) -> None:
        self.app = app
        self.guard = TypingGuard(gap)
        self.ran: list[_Ran | None] = []
        """What each key of the current run that ran did (None: no command), to take back."""

    async def key(self, event: events.Key) -> bool:
        """Deal with a key; False leaves it to Textual's routing (fields, control keys)."""
        self._arrived(event.time)
        if event.key == "enter":  # it goes on its way; the keys before it may be typing
            await self._judged(self.guard.enter_pressed(event.time))
        focused = self.app.focused
        if _takes_text(focused) and event.key != "enter":
            self.guard.into_a_field()  # text in a field: whatever opened it is done
        if isinstance(focused, CaptureField) and (event.is_printable or event.key == "backspace"):
            _type_into(focused, event)  # now, not when the field gets to it: Enter saves it
            return True
        if not event.is_printable or _takes_text(focused):
            return False
        await self._release_due(event.time)
        screen = self.app.screen
        if isinstance(screen, Dialog) and not self.guard.continues(event.time):
            screen.typed(event.character or "")  # a key typed into a dialog is never an answer
            return True
        active = self.app.active_bindings.get(event.key)
        command = None if active is None else command_of(active.node, active.binding.action)
        waits = active is not None and taken_back_as(command) == "never"
        tally = command is not None and command.counts
        character = event.character or ""
        verdict = self.guard.key(event.key, character, event.time, waits=waits, counts=tally)
        if verdict.run:
            await self._run(event.key, active)
        elif verdict.hold:
            self._wait(len(self.guard.run))
        await self._judged(verdict)
        return True

    def _arrived(self, time: float) -> None:
        """A key or a paste came: if it starts a new run, only the new run's own keys are
        ever taken back (never an older command, however long ago it ran)."""
        if not self.guard.continues(time):
            self.ran = []

    async def _judged(self, verdict: Verdict) -> None:
        """Keys found to be typing: take back what they ran, hand the text on."""
        if verdict.typing is not None:
            await self._take_back(verdict.take_back)
            self.typed(verdict.typing)

    async def paste(self, event: events.Paste) -> bool:
        """A paste with no field to take it is typing: it goes to the screen as text (and
        what the quick keys before it ran is taken back)."""
        focused = self.app.focused
        text = " ".join(event.text.split())
        self._arrived(event.time)
        if _takes_text(focused):
            self.guard.into_a_field()
        if isinstance(focused, CaptureField):
            focused.insert_text_at_cursor(text)
            return True
        if _takes_text(focused):
            return False
        await self._judged(self.guard.pasted(text, event.time))
        return True

    def typed(self, text: str) -> None:
        screen = self.app.screen
        if isinstance(screen, TakesTyping):
            screen.typed(text)
        elif text.strip():
            self.app.notify("That was typing, not commands: nothing was done.", timeout=4)

    # -- running and taking back -------------------------------------------------------

    async def _run(self, key: str, active: ActiveBinding | None = None) -> None:
        """Run the command bound to `key`; `active`, its binding when the caller already
        asked for it (asking again costs a quarter of a millisecond of every key)."""
        app = self.app
        active = active or app.active_bindings.get(key)
        if active is None or not active.enabled:
            self.ran.append(None)  # the key counts in its run, with nothing to take back
            if isinstance(app.screen, ExplainsKeys):
                app.screen.explain(key)
            return
        session: Session | None = getattr(app.screen, "session", None)
        before = _Ran(
            active.binding.action,
            active.node,
            len(app.screen_stack),
            app.focused,
            session,
            len(session.state.undoable) if session else 0,
        )
        self.ran.append(before)
        await app.run_action(active.binding.action, active.node)

    async def _take_back(self, count: int) -> None:
        """Undo what the last `count` keys ran, newest first."""
        taken, self.ran = (self.ran[-count:] if count else []), []
        app = self.app
        for ran in reversed([ran for ran in taken if ran is not None]):
            if take_back(ran.namespace, ran.action) == "again":
                await app.run_action(ran.action, ran.namespace)
                continue
            while len(app.screen_stack) > ran.screens:
                app.pop_screen()
            if app.focused is not ran.focused and not _takes_text(app.focused):
                app.screen.set_focus(ran.focused)
            while ran.session is not None and len(ran.session.state.undoable) > ran.undoable:
                undone = ran.session.undo()
                if isinstance(app.screen, ShowsOutcomes):
                    app.screen.done(undone)  # its words replace the taken-back command's

    def _wait(self, run_length: int) -> None:
        """Let the held keys go as commands once no key came to make them typing."""

        async def release() -> None:
            if len(self.guard.run) == run_length and self.guard.held:
                await self._release()

        self.app.set_timer(self.guard.gap, release, name="typing guard")

    async def _release_due(self, now: float) -> None:
        """A key that comes after the wait: the held keys were commands (a late timer)."""
        if self.guard.due(now):
            await self._release()

    async def _release(self) -> None:
        for held in self.guard.release():
            await self._run(held.key)


def _type_into(field: Input, key: events.Key) -> None:
    if key.key == "backspace":
        field.action_delete_left()
    else:
        field.insert_text_at_cursor(key.character or "")


def _takes_text(widget: Widget | None) -> bool:
    """An Input, or a TextArea: only the agenda editor has one, and it loads its module
    (10 ms of every start-up if this one did)."""
    if isinstance(widget, Input):
        return True
    area = sys.modules.get("textual.widgets._text_area")
    return area is not None and isinstance(widget, area.TextArea)
