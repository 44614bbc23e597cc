"""The Textual application: it owns the screen stack and answers the screens' messages.
It holds no business rule."""

from __future__ import annotations

import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.actions import parse as parse_action
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from facilitator.agenda import AgendaError
from facilitator.session import Session
from facilitator.startup import catch_up, release_collection
from facilitator.text import clean
from facilitator.tui import messages
from facilitator.tui.commands import QUIT
from facilitator.tui.crash import CrashesPrivately
from facilitator.tui.key_help import key_words
from facilitator.tui.keyboard import Keyboard
from facilitator.tui.launcher import Launcher
from facilitator.tui.screens.base import AsksBeforeQuitting
from facilitator.tui.screens.dialog import Dialog
from facilitator.tui.screens.live import LiveScreen
from facilitator.tui.typing_guard import BURST_GAP

if TYPE_CHECKING:  # the editor's code loads when it opens
    from facilitator.agenda.draft import AgendaDraft

EARLY_WAIT = 0.01
"""Seconds between looks at whether the screen is whole, while keys wait for it."""
EARLY_LIMIT = 5.0
"""Seconds keys wait at most: a screen that never became whole (a fault) costs a pause,
never the keyboard (ctrl+q among them)."""
SETTLED_AFTER = 0.5
"""Seconds after the app opens, its first screen drawn, when the garbage collector is back
(see `hold_collection`) and what start-up put off starts to run (see `catch_up`)."""
CATCH_UP_GAP = 0.05
"""Seconds between two put-off modules run: a key pressed meanwhile waits for one at most
(the events' models, the largest, take 10 ms)."""


class FacilitatorApp(CrashesPrivately):
    """Opens on a session, or on the picker when no agenda was given."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "facilitator"
    BINDINGS = [QUIT.binding()]

    def __init__(
        self,
        session: Session | None = None,
        launcher: Launcher | None = None,
        quiet: bool = False,
        draft: AgendaDraft | None = None,
        burst_gap: float = BURST_GAP,
        crash_log: Path | None = None,
    ) -> None:
        super().__init__(crash_log=crash_log)
        self.session = session
        self.launcher = launcher
        self.quiet = quiet
        self.draft = draft
        self.keyboard = Keyboard(self, burst_gap)
        self._early: list[events.Key | events.Paste] = []
        """Keys and pastes that came before the screen was whole, in order."""
        self._waiting_since = 0.0

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes go through the one keyboard policy first, in the order they came.
        Those that come before the screen is whole (typed ahead as the app opens, or as the
        screen a key asked for opens) wait for it, still in order."""
        if event.is_forwarded or not isinstance(event, (events.Key, events.Paste)):
            await super().on_event(event)
        elif self._early or not _whole(self.screen):
            self._early.append(event)
            if len(self._early) == 1:
                self._waiting_since = time.monotonic()
                self._look_for_whole()
        else:
            await self._take(event)

    async def _take(self, event: events.Key | events.Paste) -> None:
        if isinstance(event, events.Key) and await self.keyboard.key(event):
            return
        if isinstance(event, events.Paste) and await self.keyboard.paste(event):
            return
        await super().on_event(event)

    def _look_for_whole(self) -> None:
        """Look again soon, in the app's turn (a timer calls back from its own task)."""
        self.set_timer(EARLY_WAIT, partial(self.call_later, self._take_early))

    async def _take_early(self) -> None:
        """The first key that waited, once the screen is whole; each of the others in a turn
        of its own, as if it had just come (a screen a key opens is whole before the next is
        taken). An Enter typed before the app set the terminal up came as ctrl+j: an Enter."""
        waited = time.monotonic() - self._waiting_since
        if not _whole(self.screen) and waited < EARLY_LIMIT:
            self._look_for_whole()
            return
        event = self._early.pop(0)
        if isinstance(event, events.Key) and event.key == "ctrl+j":
            enter = events.Key("enter", "\r")
            enter.time = event.time  # the typing guard judges keys by when they came
            event = enter
        await self._take(event)
        if self._early:
            self.call_next(self._take_early)

    def get_default_screen(self) -> Screen[None]:
        """A running session opens on its live screen, as the app's first screen: pushed
        over Textual's empty one, that one was styled and laid out first (26 M instructions
        of `run`'s first frame, 2%)."""
        session = self.session
        if session is None or session.state.ended is not None:
            return super().get_default_screen()
        self.sub_title = session.agenda.title
        return LiveScreen(session, quiet=self.quiet)

    def on_mount(self) -> None:
        self.set_timer(SETTLED_AFTER, self._settled)
        if self.session is not None:
            if self.session.state.ended is not None:  # else its live screen is open
                self.post_message(messages.OpenSession(self.session))
        elif self.draft is not None:
            self.post_message(messages.OpenEditor(self.draft))
        elif self.launcher is not None:
            from facilitator.tui.screens.picker import PickerScreen  # only without an agenda

            self.push_screen(PickerScreen(self.launcher))

    def _settled(self) -> None:
        """The first screen is drawn: what would have taken the interpreter from the drawing
        runs now, a module at a time."""
        release_collection()
        self._catch_up()

    def _catch_up(self) -> None:
        if catch_up():
            self.set_timer(CATCH_UP_GAP, self._catch_up)

    @on(messages.OpenSession)
    def open_session(self, message: messages.OpenSession) -> None:
        """Show a session: its live screen, or its summary if it has ended."""
        session = self.session = message.session
        self.sub_title = session.agenda.title
        if session.state.ended is not None:
            self.post_message(messages.ShowSummary(session))
        else:
            self._switch_or_push(LiveScreen(session, quiet=self.quiet))

    @on(messages.ShowSummary)
    def show_summary(self, message: messages.ShowSummary) -> None:
        """The summary of an ended session: its files were written by the session as it ended
        (written now if it was opened ended)."""
        from facilitator.tui.screens.summary import SummaryScreen  # Markdown loads when needed

        session = message.session
        self._switch_or_push(SummaryScreen(session, session.saved or session.write_summary()))

    @on(messages.OpenEditor)
    def open_editor(self, message: messages.OpenEditor) -> None:
        from facilitator.tui.screens.editor import EditorScreen  # its widgets load when needed

        self.push_screen(EditorScreen(message.draft))

    @on(messages.CloseEditor)
    def close_editor(self) -> None:
        if len(self.screen_stack) > 2:
            self.pop_screen()
        else:
            self.exit()

    @on(messages.RunAgenda)
    def run_agenda(self, message: messages.RunAgenda) -> None:
        """Start a session of an agenda file (from the editor)."""
        if self.launcher is None:
            self.notify("This app was opened without a way to start sessions.", markup=False)
            return
        try:
            session = self.launcher.start(message.path)
        except (AgendaError, OSError) as error:
            self.notify(clean(str(error)), severity="error", markup=False)
            return
        self.post_message(messages.OpenSession(session))

    @on(messages.Quit)
    def quit_with(self, message: messages.Quit) -> None:
        self.exit(message=message.farewell or None)

    def _switch_or_push(self, screen: Screen[None]) -> None:
        """`screen` in place of the current one; over the app's first screen (a session's
        live one, or Textual's empty one), which Textual cannot replace, pushed."""
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands (its Quit asks first, as ctrl+q does; its Keys panel, which Esc
        does not close, gives way to our help, `?`), then every key of the screen that works
        now."""
        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                continue
            if command.title == "Quit":
                command = SystemCommand("Quit", command.help, self.action_leave)
            yield command
        for binding in screen.BINDINGS:
            if not (isinstance(binding, Binding) and binding.description):
                continue
            if binding.key.isdigit():
                continue  # the topics provider offers each vote with its topic's words
            _, name, parameters = parse_action(binding.action)
            if screen.check_action(name, parameters):
                keys = key_words(binding.key.split(","))  # `+, =`, not `plus,equals_sign`
                run = partial(self.call_later, screen.run_action, binding.action)
                yield SystemCommand(binding.description, f"key: {keys}", run)

    def action_help_quit(self) -> None:
        """ctrl+c copies selected text; with none selected, whoever pressed it to quit is told
        which key quits (Textual looks for its own quit action, and ours is `leave`)."""
        words = f"{QUIT.keys} quits (during a session it asks first); ctrl+c copies a selection."
        self.notify(words, title="Quit?", markup=False)

    def action_leave(self) -> None:
        """Quit, or let the screen ask first (a running session, unsaved edits). ctrl+q in
        that question leaves; over another dialog, the dialog closes and the screen asks:
        quitting from under it would skip what the screen checks (a disk that failed)."""
        screen = self.screen
        asking = [s for s in self.screen_stack if isinstance(s, AsksBeforeQuitting)]
        if isinstance(screen, Dialog) and screen.LEAVES:
            screen.answer(True)
        elif not asking:
            self.exit()
        elif screen is asking[-1]:
            screen.ask_to_quit()
        else:
            if isinstance(screen, Dialog):
                screen.answer(None)  # off the stack at once: the question goes on top
            asking[-1].ask_to_quit()


def _whole(screen: Screen[object]) -> bool:
    """The screen is mounted, and has all it takes keys with (`AsksBeforeQuitting.whole`)."""
    return screen.is_mounted and (not isinstance(screen, AsksBeforeQuitting) or screen.whole)


def make_app(
    session: Session | None = None,
    launcher: Launcher | None = None,
    *,
    quiet: bool = False,
    draft: AgendaDraft | None = None,
    burst_gap: float = BURST_GAP,
    crash_log: Path | None = None,
) -> FacilitatorApp:
    """Build the app the same way for `main`, tests and snapshots; `burst_gap=0` turns the
    typing guard off (tests that press keys faster than a person)."""
    return FacilitatorApp(session, launcher, quiet, draft, burst_gap, crash_log)
