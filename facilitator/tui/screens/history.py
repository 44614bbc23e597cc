"""A series' history on screen: the same text as `facilitator history`, scrollable."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown

from facilitator.session import Session


class HistoryScreen(Screen[None]):
    """Read-only; Esc or q goes back."""

    BINDINGS = [Binding("escape,q,h", "app.pop_screen", "Back")]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(self.markdown)
        yield Footer()


def ledger_screen(session: Session) -> HistoryScreen | None:
    """The series' action ledger and history, as of the session's clock; None without a
    series (or a folder to find its sessions in)."""
    from facilitator.summary.history_render import series_markdown  # only when asked for

    series, folder = session.agenda.series, session.folder
    if series is None or folder is None:
        return None
    return HistoryScreen(series_markdown(folder.parent.parent, series, session.clock.now()))
