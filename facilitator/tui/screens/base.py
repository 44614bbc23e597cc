"""What some screens promise the app and the palette, so neither needs to know them."""

from textual.screen import Screen

from facilitator.session import Session


class AsksBeforeQuitting(Screen[None]):
    """ctrl+q and the palette's Quit call `ask_to_quit` instead of quitting at once: a
    running session, an unsaved agenda."""

    def ask_to_quit(self) -> None:
        raise NotImplementedError


class SessionScreen(AsksBeforeQuitting):
    """A screen that runs a session; the palette offers that session's commands."""

    session: Session
