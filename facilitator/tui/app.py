"""The Textual application: it wires screens together and holds no business rule."""

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header

from facilitator.agenda import Agenda
from facilitator.tui.agenda_view import AgendaView


class FacilitatorApp(App[None]):
    """Shows an agenda: the live session screen builds on this app."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "facilitator"
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, agenda: Agenda) -> None:
        super().__init__()
        self.agenda = agenda

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield AgendaView(self.agenda)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.agenda.title


def make_app(agenda: Agenda) -> FacilitatorApp:
    """Build the app the same way for `main`, tests and snapshots."""
    return FacilitatorApp(agenda)
