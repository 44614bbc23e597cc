"""What some screens promise the app and the palette, so neither needs to know them."""

from collections.abc import Callable

from textual import events
from textual.screen import Screen
from textual.timer import Timer

from facilitator.session import Session
from facilitator.session.writer import RESCUE_PLACE
from facilitator.text import counted
from facilitator.tui import messages


def sized_from_the_start(screen: Screen[None]) -> None:
    """Give a screen being made its breakpoints' classes for the app's size: given at its
    first resize instead, they restyle every widget on it once more before the first frame."""
    width, height = screen.app.size
    for size, points in (
        (width, screen.HORIZONTAL_BREAKPOINTS or []),
        (height, screen.VERTICAL_BREAKPOINTS or []),
    ):
        if points:
            screen.add_class(max(point for point in points if point[0] <= size)[1], update=False)


class AsksBeforeQuitting(Screen[None]):
    """ctrl+q and the palette's Quit call `ask_to_quit` instead of quitting at once: a
    running session, an unsaved agenda."""

    _asking = False
    """The question to leave is open, or the screen is leaving: ctrl+q asks nothing then."""

    def ask_to_quit(self) -> None:
        raise NotImplementedError

    def ask_once(self, question: Screen[bool], answered: Callable[[bool | None], None]) -> None:
        """Ask whether to leave, unless that is being asked (keys that came together)."""
        if self._asking:
            return
        self._asking = True

        def then(answer: bool | None) -> None:
            self._asking = False
            answered(answer)

        self.app.push_screen(question, then)


class SessionScreen(AsksBeforeQuitting):
    """A screen that runs a session; the palette offers that session's commands."""

    session: Session
    ticking: tuple[Timer, ...] = ()
    """What redraws the screen as the clock goes."""
    whole = True
    """False while parts the first frame does without are added: keys wait (the app's)."""
    _resumed = False

    def __init__(self) -> None:
        super().__init__()
        sized_from_the_start(self)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown for the first time, the screen is not restyled: each widget was styled as it
        was mounted, a moment before, with the screen's breakpoint classes already set (see
        `sized_from_the_start`); styling every widget again took a tenth of `run`'s work after
        its imports. Runs before Textual's own handler, which reads `refresh_styles`."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_screen_suspend(self) -> None:
        """Ended, under its summary (a live screen the app opened on stays at the bottom of
        the stack: Textual cannot replace an app's first screen), it draws nothing more."""
        if self.session.state.ended is not None:
            for timer in self.ticking:
                timer.stop()

    def quit_saved(self, farewell: str = "") -> None:
        """Quit once everything recorded is on disk. When it cannot be, never claim it was:
        ask whether to try again, write it to another folder, or quit losing it."""
        from facilitator.tui.screens.choice import ChoiceScreen  # only on a failing disk

        session = self.session
        outcome = session.flush()
        if outcome.done:
            session.close()
            self._asking = True  # leaving: a ctrl+q that comes after asks nothing more
            self.post_message(messages.Quit(farewell))
            return
        lost = counted(session.pending, "action")

        def answered(choice: str | None) -> None:
            if choice == "retry":
                self.quit_saved(farewell)
            elif choice == "rescue":
                try:
                    path = session.rescue()
                except OSError as error:
                    self.notify(f"Not written there either: {error.strerror}", severity="error")
                    return
                home = path.parent.parent.parent
                self.post_message(
                    messages.Quit(
                        f"The whole session was written to {path}; nothing is lost. Continue "
                        f"it with: facilitator --home {home} resume {session.header.id}"
                    )
                )
            elif choice == "lose":
                self.post_message(messages.Quit(f"Quit without saving {lost}: they are lost."))

        self.app.clear_notifications()  # nothing may cover the question
        self.app.push_screen(
            ChoiceScreen(
                f"{outcome.message}\nQuitting now would lose {lost}.",
                [
                    ("retry", "Try the disk again"),
                    ("rescue", f"Write the whole session to a new folder in {RESCUE_PLACE}"),
                    ("lose", f"Quit and lose {lost}"),
                    ("stay", "Stay in the session"),
                ],
            ),
            answered,
        )
