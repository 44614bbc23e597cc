"""The Textual application: it wires screens together and holds no business rule."""

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from facilitator.agenda import AgendaError
from facilitator.agenda.draft import AgendaDraft
from facilitator.session import Session
from facilitator.summary.files import save_summary
from facilitator.summary.report import build_report
from facilitator.tui.launcher import Launcher
from facilitator.tui.screens.live import LiveScreen
from facilitator.tui.screens.picker import PickerScreen


class FacilitatorApp(App[None]):
    """Opens on a session, or on the picker when no agenda was given."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "facilitator"
    BINDINGS = [Binding("ctrl+q", "leave", "Quit", priority=True)]

    def __init__(
        self,
        session: Session | None = None,
        launcher: Launcher | None = None,
        quiet: bool = False,
        draft: AgendaDraft | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.launcher = launcher
        self.quiet = quiet
        self.draft = draft

    def on_mount(self) -> None:
        if self.session is not None:
            self.open_session(self.session)
        elif self.draft is not None:
            self.open_editor(self.draft)
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

    async def action_leave(self) -> None:
        """Quit, or let the screen ask first (a running session, unsaved edits)."""
        if hasattr(self.screen, "action_leave"):
            await self.screen.run_action("leave")
        else:
            self.exit()

    def open_editor(self, draft: AgendaDraft) -> None:
        from facilitator.tui.screens.editor import EditorScreen  # its widgets load when needed

        self.push_screen(EditorScreen(draft))

    def run_agenda(self, path: Path) -> None:
        """Start a session of an agenda file (from the editor)."""
        if self.launcher is None:
            self.notify("This app was opened without a way to start sessions.", markup=False)
            return
        try:
            session = self.launcher.start(path)
        except (AgendaError, OSError) as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.open_session(session)


def make_app(
    session: Session | None = None,
    launcher: Launcher | None = None,
    *,
    quiet: bool = False,
    draft: AgendaDraft | None = None,
) -> FacilitatorApp:
    """Build the app the same way for `main`, tests and snapshots."""
    return FacilitatorApp(session, launcher, quiet, draft)
