"""What some screens promise the app and the palette, so neither needs to know them."""

from collections.abc import Callable
from typing import TypeVar

from textual import events
from textual.screen import Screen
from textual.timer import Timer

from facilitator.session import Session
from facilitator.session.writer import RESCUE_PLACE
from facilitator.text import counted
from facilitator.tui import messages
from facilitator.tui.screens.dialog import Dialog


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


T = TypeVar("T")


class AsksBeforeQuitting(Screen[None]):
    """ctrl+q and the palette's Quit call `ask_to_quit` instead of quitting at once: a
    running session, an unsaved agenda."""

    _asking = False
    """The question to leave is open, or the screen is leaving: ctrl+q asks nothing then."""
    whole = True
    """False while the screen lacks something it takes keys with (parts added after the
    first frame, an answer not yet taken, the screen that replaces it): keys wait (the
    app's key gate)."""

    def ask_to_quit(self) -> None:
        raise NotImplementedError

    def ask(self, question: Dialog[T], answered: Callable[[T | None], None]) -> None:
        """Ask; the keys after an answer wait until this screen has taken it (the app
        takes the question away first, and a key in between would be this screen's). A
        question taken back unanswered (its key was typing) leaves the keys as they were."""

        def waiting() -> None:
            self.whole = False

        def then(answer: T | None) -> None:
            self.whole = True
            answered(answer)

        question.before_answer = waiting
        self.app.push_screen(question, then)

    def ask_once(self, question: Dialog[bool], answered: Callable[[bool | None], None]) -> None:
        """Ask whether to leave, unless that is being asked (keys that came together)."""
        if self._asking:
            return
        self._asking = True

        def then(answer: bool | None) -> None:
            self._asking = False
            answered(answer)

        self.ask(question, then)


class SessionScreen(AsksBeforeQuitting):
    """A screen that runs a session; the palette offers that session's commands."""

    session: Session
    ticking: tuple[Timer, ...] = ()
    """What redraws the screen as the clock goes."""
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

    def replaced_by(self, message: messages.ShowSummary | messages.OpenSession) -> None:
        """Ask the app for the screen that replaces this one: keys wait for it (the app
        opens it when it gets to the message, after keys that may have come already)."""
        self.whole = False
        self.post_message(message)

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
        self.ask(
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
