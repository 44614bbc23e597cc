"""The keys, generated from the bindings of the screen it was opened from: never typed twice."""

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from facilitator.tui.live_keys import CAPTURE_HELP, LIVE_BINDINGS
from facilitator.tui.screens.dialog import Dialog
from facilitator.tui.widgets.items_list import ItemsList


class HelpScreen(Dialog[None]):
    """Every binding that has a description, grouped by where it works."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

    def __init__(
        self,
        groups: list[tuple[str, list[BindingType]]],
        notes: list[tuple[str, list[tuple[str, str]]]] | None = None,
    ) -> None:
        super().__init__()
        self.groups = groups
        self.notes = notes or []
        """Titled lists of (term, explanation): what is not a key, such as capture syntax."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Keys", classes="question")
            for title, bindings in self.groups:
                yield Static(Content(title), classes="detail")
                yield Static(Content("\n".join(self._lines(bindings))))
            for title, lines in self.notes:
                yield Static(Content(title), classes="detail")
                yield Static(Content("\n".join(f"{term:<9}  {text}" for term, text in lines)))
            yield Static("Esc, q or ?: close", classes="keys")

    def _lines(self, bindings: list[BindingType]) -> list[str]:
        """One line per description: bindings that do the same thing share a line."""
        keys: dict[str, list[str]] = {}
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                shown = [
                    self.app.get_key_display(Binding(key, "")) for key in binding.key.split(",")
                ]
                keys.setdefault(binding.description, []).extend(shown)
        return [f"{' '.join(found):<9}  {description}" for description, found in keys.items()]


def live_help(palette_key: str, anywhere: list[BindingType]) -> HelpScreen:
    """The live screen's help: its keys, the items list's, and how a capture is typed."""
    palette = Binding(
        palette_key,
        "command_palette",
        "Command palette: every action, jump to a segment, vote, latecomers, absences",
    )
    return HelpScreen(
        [
            ("During the session", list(LIVE_BINDINGS)),
            ("In the items list (i)", list(ItemsList.BINDINGS)),
            ("Anywhere", [palette, *anywhere]),
        ],
        [("Typing a capture (r, a, o, t, then Enter)", CAPTURE_HELP)],
    )
