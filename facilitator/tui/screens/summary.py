"""After the session: a preview of the summary, its formats, the copy, the file's path."""

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Markdown, Static

from facilitator.session import Session
from facilitator.session.session import SavedSummary
from facilitator.summary.clipboard import copy_message, copy_to_system
from facilitator.summary.formats import FORMATS, Format
from facilitator.summary.render import render
from facilitator.summary.report import build_report
from facilitator.text import counted
from facilitator.tui import messages
from facilitator.tui.commands import SUMMARY_COMMANDS, bindings
from facilitator.tui.screens.base import SessionScreen
from facilitator.tui.screens.confirm import ConfirmScreen


class SummaryScreen(SessionScreen):
    """Shows the shared summary (private items left out unless asked for). While what the
    session recorded is not all on disk, it says NOT SAVED and keeps trying."""

    KEY_COMMANDS = SUMMARY_COMMANDS
    BINDINGS = bindings(KEY_COMMANDS)

    def __init__(self, session: Session, saved: SavedSummary) -> None:
        super().__init__()
        self.session = session
        self.saved = saved
        self.format: Format = "chat"
        self.include_private = False

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with VerticalScroll(id="preview"):
            yield Markdown(id="markdown")
            yield Static(id="plain")
        yield Static(id="message")
        yield Static(id="saved")
        yield Footer()

    def on_mount(self) -> None:
        self.show_saved()
        self.show()
        self.retrying = None if self.all_saved else self.set_interval(5, self.retry_saving)

    @property
    def all_saved(self) -> bool:
        return not self.session.pending and self.saved.path is not None

    def show_saved(self) -> None:
        saved = self.query_one("#saved", Static)
        pending = self.session.pending
        if pending:
            waiting = f"{counted(pending, 'action')}, the end included"
            text = f"NOT SAVED: {waiting}, still in memory only; retrying every 5 s."
        elif self.saved.path is None:
            text = f"{self.saved.problem} Retrying every 5 s."
        else:
            text = f"Saved: {_home_short(self.saved.path)}"
        saved.update(Content(text))
        saved.set_class(not self.all_saved, "-problem")

    def retry_saving(self) -> None:
        """Write what is pending, then the summary files; stop once both are on disk."""
        if self.session.flush().done and self.saved.path is None:
            self.saved = self.session.write_summary()
        self.show_saved()
        if self.all_saved:
            self.say("Saved now: nothing is only in memory any more.")
            if self.retrying is not None:
                self.retrying.stop()

    def ask_to_quit(self) -> None:
        """Quit once the journal is on disk (the base asks if it is not); the summary files
        are written first, and if they cannot be, quitting asks too and never says nothing."""
        if self.session.flush().done and self.saved.path is None:
            self.saved = self.session.write_summary()
            self.show_saved()
        if self.saved.path is not None or self.session.pending:
            self.quit_saved()
            return
        from facilitator.tui.screens.choice import ChoiceScreen  # only on a failing disk

        later = f"facilitator summary {self.session.header.id}"
        kept = f"The journal holds the whole session: `{later}` prints its summary at any time."

        def answered(choice: str | None) -> None:
            if choice == "retry":
                self.ask_to_quit()
            elif choice == "quit":
                self.quit_saved(f"The summary files were not written. {kept}")

        self.app.clear_notifications()
        self.ask(
            ChoiceScreen(
                f"{self.saved.problem}\n{kept}",
                [
                    ("retry", "Try the disk again"),
                    ("quit", "Quit without the summary files"),
                    ("stay", "Stay here (c copies the summary)"),
                ],
            ),
            answered,
        )

    @property
    def private_count(self) -> int:
        return sum(1 for item in self.session.state.items.values() if item.private)

    @property
    def text(self) -> str:
        report = build_report(self.session.facts(), include_private=self.include_private)
        return render(report, self.format)

    def show(self) -> None:
        count = self.private_count
        if self.include_private:
            private = f"WITH {count} PRIVATE ITEM{'S' * (count != 1)}, marked (private)"
        elif count:
            private = f"shared items only; {count} private left out (p shows them)"
        else:
            private = "shared items only"
        status = f"Summary · {self.format} · {private}"
        self.query_one("#status", Static).update(Content(status))
        markdown = self.query_one("#markdown", Markdown)
        plain = self.query_one("#plain", Static)
        markdown.display = self.format == "markdown"
        plain.display = not markdown.display
        if markdown.display:
            markdown.update(self.text)
        else:
            plain.update(Content(self.text))

    def say(self, text: str) -> None:
        self.query_one("#message", Static).update(Content(text))

    def typed(self, text: str) -> None:
        """Letters too fast to be commands: nothing is done, and the screen says so."""
        if text.strip():
            self.say("That was typing, not commands: nothing was done. Keys: c f p u q.")

    def action_next_format(self) -> None:
        self.format = FORMATS[(FORMATS.index(self.format) + 1) % len(FORMATS)]
        self.show()

    def action_private(self) -> None:
        self.include_private = not self.include_private
        self.show()

    def action_reopen(self) -> None:
        """Reopen the session, paused where it ended, after asking."""

        def answered(reopen: bool | None) -> None:
            if not reopen:
                self.say("Not reopened.")
                return
            outcome = self.session.reopen_ended()
            if outcome.done:
                self.replaced_by(messages.OpenSession(self.session))
            else:
                self.say(outcome.message)

        question = ConfirmScreen(
            "Reopen the session?",
            "It goes on paused where it ended; ending it again rewrites the summary.",
            yes="Reopen",
            no="Stay here",
        )
        self.ask(question, answered)

    @work
    async def action_copy(self) -> None:
        """Copy what is shown; a summary with private items is copied only if confirmed."""
        if self.include_private and self.private_count:
            question = ConfirmScreen(
                f"Copy a summary with {counted(self.private_count, 'private item')}?",
                "Whoever you paste it to will read them.",
                yes="Copy them too",
                no="Don't copy",
                default=False,
            )
            if not await self.app.push_screen_wait(question):
                self.say("Not copied.")
                return
        text = self.text
        self.app.copy_to_clipboard(text)
        self.say("Copying…")
        self._copy_to_system(text)

    @work(thread=True, exclusive=True)
    def _copy_to_system(self, text: str) -> None:
        copied = copy_to_system(text)
        message = copy_message(copied, terminal=True, summary=None)
        self.app.call_from_thread(self._copied, message)

    def _copied(self, message: str) -> None:
        self.say(message)
        # A clipboard tool may have written on the terminal behind Textual's back.
        self.app.refresh(repaint=True, layout=True)


def _home_short(path: Path) -> str:
    """The path with the home folder as `~`, so it fits a line."""
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)
