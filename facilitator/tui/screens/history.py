"""A series' history on screen: the same text as `facilitator history`, scrollable."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown


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
