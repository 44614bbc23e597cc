"""After the session: a preview of the summary, its formats, the copy, the file's path."""

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from facilitator.session import Session
from facilitator.summary.clipboard import copy_message, copy_to_system
from facilitator.summary.formats import FORMATS, Format
from facilitator.summary.render import render
from facilitator.summary.report import build_report


class SummaryScreen(Screen[None]):
    """Shows the shared summary (private items left out unless asked for)."""

    BINDINGS = [
        Binding("c", "copy", "Copy"),
        Binding("f", "next_format", "Format"),
        Binding("p", "private", "Private items on/off"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session, saved: Path | None, problem: str = "") -> None:
        super().__init__()
        self.session = session
        self.saved = saved
        self.problem = problem
        self.format: Format = "chat"
        self.include_private = False

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with VerticalScroll(id="preview"):
            yield Markdown(id="markdown")
            yield Static(id="plain")
        yield Static(id="message")
        yield Footer()

    def on_mount(self) -> None:
        where = f"Saved: {self.saved}" if self.saved else self.problem
        self.query_one("#message", Static).update(Content(where))
        self.show()

    @property
    def text(self) -> str:
        report = build_report(
            self.session.state, self.session.header.id, include_private=self.include_private
        )
        return render(report, self.format)

    def show(self) -> None:
        private = "with private items" if self.include_private else "shared items only"
        status = f"Summary · {self.format} · {private} · c copies, f changes format"
        self.query_one("#status", Static).update(Content(status))
        markdown = self.query_one("#markdown", Markdown)
        plain = self.query_one("#plain", Static)
        markdown.display = self.format == "markdown"
        plain.display = not markdown.display
        if markdown.display:
            markdown.update(self.text)
        else:
            plain.update(Content(self.text))

    def action_next_format(self) -> None:
        self.format = FORMATS[(FORMATS.index(self.format) + 1) % len(FORMATS)]
        self.show()

    def action_private(self) -> None:
        self.include_private = not self.include_private
        self.show()

    def action_copy(self) -> None:
        text = self.text
        self.app.copy_to_clipboard(text)
        self.query_one("#message", Static).update("Copying…")
        self._copy_to_system(text)

    @work(thread=True, exclusive=True)
    def _copy_to_system(self, text: str) -> None:
        copied = copy_to_system(text)
        message = copy_message(copied, terminal=True, summary=self.saved)
        self.app.call_from_thread(self._copied, message)

    def _copied(self, message: str) -> None:
        self.query_one("#message", Static).update(Content(message))
        # A clipboard tool may have written on the terminal behind Textual's back.
        self.app.refresh(repaint=True, layout=True)
