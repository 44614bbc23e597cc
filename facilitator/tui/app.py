"""The Textual application: it wires screens together and holds no business rule."""

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from facilitator.session import Session
from facilitator.summary.files import save_summary
from facilitator.summary.report import build_report
from facilitator.tui.launcher import Launcher
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.live import LiveScreen
from facilitator.tui.screens.picker import PickerScreen


class FacilitatorApp(App[None]):
    """Opens on a session, or on the picker when no agenda was given."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "facilitator"
    BINDINGS = [Binding("ctrl+q", "leave", "Quit", priority=True)]

    def __init__(
        self, session: Session | None = None, launcher: Launcher | None = None, quiet: bool = False
    ) -> None:
        super().__init__()
        self.session = session
        self.launcher = launcher
        self.quiet = quiet

    def on_mount(self) -> None:
        if self.session is not None:
            self.open_session(self.session)
        elif self.launcher is not None:
            self.push_screen(PickerScreen(self.launcher))

    def open_session(self, session: Session) -> None:
        """Show a session: its live screen, or its summary if it has ended."""
        self.session = session
        self.sub_title = session.agenda.title
        if session.state.ended is not None:
            self.show_summary(session)
        else:
            self.switch_or_push(LiveScreen(session, quiet=self.quiet))

    def show_summary(self, session: Session) -> None:
        """Write the summary files (once) and show the summary."""
        from facilitator.tui.screens.summary import SummaryScreen  # Markdown loads when needed

        saved, problem = None, ""
        if session.folder is not None:
            shared = build_report(session.state, session.header.id)
            full = build_report(session.state, session.header.id, include_private=True)
            try:
                saved = save_summary(session.folder, shared, full)
            except OSError as error:
                problem = f"Could not save the summary ({error.strerror}); copy it now with c."
        self.switch_or_push(SummaryScreen(session, saved, problem))

    def switch_or_push(self, screen: Screen[None]) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.show and binding.description:
                keys = self.get_key_display(binding)
                run = partial(self.call_later, screen.run_action, binding.action)
                yield SystemCommand(binding.description, f"key: {keys}", run)

    def action_leave(self) -> None:
        """Quit; during a session ask first, pause the clock and say how to resume."""
        session = self.session
        if session is None or session.state.ended is not None or not session.events:
            self.exit()
            return
        resume = f"facilitator resume {session.header.id}"

        def answered(yes: bool | None) -> None:
            if yes:
                if session.state.running:
                    session.pause()
                self.exit(message=f"Session saved. Continue it with: {resume}")

        self.push_screen(
            ConfirmScreen("Leave the session?", f"It can be resumed: {resume}"), answered
        )


def make_app(
    session: Session | None = None, launcher: Launcher | None = None, *, quiet: bool = False
) -> FacilitatorApp:
    """Build the app the same way for `main`, tests and snapshots."""
    return FacilitatorApp(session, launcher, quiet)
