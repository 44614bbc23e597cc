"""The keys, from the command tables (and the bindings of screens without one): never
typed twice."""

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from facilitator.tui.commands import APP_COMMANDS, ITEMS_COMMANDS, LIVE_COMMANDS, KeyCommand
from facilitator.tui.key_help import CAPTURE_HELP, help_rows
from facilitator.tui.screens.dialog import Dialog


class HelpScreen(Dialog[None]):
    """Every key that does something, grouped by where it works."""

    TYPING_HINT = "Esc or Enter closes the help."
    DEFAULT_CSS = """
    HelpScreen .dialog {
        width: 100;
    }
    """
    BINDINGS = [Binding("escape,enter", "close", "Close help")]

    def __init__(
        self,
        groups: list[tuple[str, list[tuple[str, str]]]],
        notes: list[tuple[str, list[tuple[str, str]]]] | None = None,
    ) -> None:
        super().__init__()
        self.groups = groups
        """Titled lists of (keys, what they do)."""
        self.notes = notes or []
        """Titled lists of (term, explanation): what is not a key, such as capture syntax."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Keys", classes="question")
            for title, lines in [*self.groups, *self.notes]:
                yield Static(Content(title), classes="detail")
                yield Static(_table(lines))
            yield Static("Esc or Enter: close", classes="keys")

    def action_close(self) -> None:
        self.answer(None)


def _table(lines: list[tuple[str, str]]) -> Table:
    """Two columns, the words wrapping beside their keys."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, min_width=9)
    table.add_column()
    for term, text in lines:
        table.add_row(Text(term), Text(text))
    return table


def binding_rows(bindings: list[BindingType]) -> list[tuple[str, str]]:
    """Help rows for a screen's own bindings (the editor's): one per description."""
    return help_rows(
        KeyCommand(binding.key, binding.action, binding.description)
        for binding in bindings
        if isinstance(binding, Binding) and binding.description
    )


def live_help() -> HelpScreen:
    """The live screen's help: its keys, the items list's, and how a capture is typed."""
    return HelpScreen(
        [
            ("During the session", help_rows(LIVE_COMMANDS)),
            ("In the items list (i)", help_rows(ITEMS_COMMANDS)),
            ("Anywhere", help_rows(APP_COMMANDS)),
        ],
        [("Typing a capture (r, a, o, t, then Enter)", CAPTURE_HELP)],
    )
