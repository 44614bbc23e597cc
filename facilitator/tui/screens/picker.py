"""`facilitator` with no agenda: choose a bundled or local agenda, or resume a session."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.agenda import Agenda, AgendaError, format_duration, load_agenda
from facilitator.session import JournalError
from facilitator.session.phrases import moment_text
from facilitator.text import clean
from facilitator.tui import messages
from facilitator.tui.agenda_view import AgendaView
from facilitator.tui.launcher import Launcher
from facilitator.tui.screens.history import HistoryScreen


class PickerScreen(Screen[None]):
    """Agendas with their title, format, people and length; Enter runs the highlighted one."""

    BINDINGS = [
        Binding("enter", "open", "Run / resume", priority=True),
        Binding("e", "edit", "Edit agenda"),
        Binding("h", "history", "History of its series"),
        Binding("x", "end", "End session", show=False),  # the preview of one says so
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, launcher: Launcher) -> None:
        super().__init__()
        self.launcher = launcher
        self._agendas: dict[int, Agenda | AgendaError] = {}

    def compose(self) -> ComposeResult:
        yield Static("Choose an agenda, or an unfinished session to resume", id="status")
        with Horizontal(id="picker"):
            yield OptionList(*self._options(), id="choices")
            with VerticalScroll(id="preview"):
                yield AgendaView()
        yield Static(id="message")
        yield Footer()

    def _options(self) -> list[Option]:
        options = [
            Option(Content(f"Resume: {record.title} ({moment_text(record.created)})"), f"s{n}")
            for n, record in enumerate(self.launcher.unfinished)
        ]
        for n, entry in enumerate(self.launcher.agendas):
            loaded = self._loaded(n)
            if isinstance(loaded, AgendaError):
                line = clean(f"{entry.name}: invalid, see `facilitator check {entry.path}`")
            else:
                kind = f" ({loaded.format})" if loaded.format not in (None, loaded.title) else ""
                length = format_duration(loaded.total_seconds)
                line = f"{loaded.title}{kind} · {len(loaded.participants)} people · {length}"
            options.append(Option(Content(line), f"a{n}"))
        return options

    def _loaded(self, index: int) -> Agenda | AgendaError:
        """Each agenda is read once, for its line and its preview."""
        if index not in self._agendas:
            try:
                self._agendas[index] = load_agenda(self.launcher.agendas[index].path).agenda
            except AgendaError as error:
                self._agendas[index] = error
        return self._agendas[index]

    @on(OptionList.OptionHighlighted)
    def preview(self, event: OptionList.OptionHighlighted) -> None:
        view = self.query_one(AgendaView)
        chosen = event.option.id or ""
        if chosen.startswith("s"):
            record = self.launcher.unfinished[int(chosen[1:])]
            view.show(
                None,
                f"{record.title}\nstarted {record.created:%c}\n\n"
                "Enter resumes it; x ends it here and writes its summary.",
            )
            return
        loaded = self._loaded(int(chosen[1:]))
        if isinstance(loaded, AgendaError):
            view.show(None, str(loaded))
        else:
            view.show(loaded)

    def action_edit(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        chosen = option.id if option is not None else None
        if chosen is None or not chosen.startswith("a"):
            return
        try:
            draft = self.launcher.edit(self.launcher.agendas[int(chosen[1:])])
        except (AgendaError, OSError) as error:
            self.query_one("#message", Static).update(Content(clean(str(error))))
            return
        self.post_message(messages.OpenEditor(draft))

    def action_history(self) -> None:
        """The history of the highlighted agenda's series (or of a session's)."""
        option = self.query_one(OptionList).highlighted_option
        chosen = option.id if option is not None else None
        if chosen is None or self.launcher.history is None:
            return
        index = int(chosen[1:])
        if chosen.startswith("s"):
            series = self.launcher.unfinished[index].series
        else:
            loaded = self._loaded(index)
            series = None if isinstance(loaded, AgendaError) else loaded.series
        if series is None:
            self.query_one("#message", Static).update(
                Content("This agenda has no series: give it `series = …` to keep a history.")
            )
            return
        self.app.push_screen(HistoryScreen(self.launcher.history(series)))

    def action_end(self) -> None:
        """End the highlighted unfinished session (its window is gone), after asking."""
        from facilitator.tui.screens.confirm import ConfirmScreen  # only when asked for

        option = self.query_one(OptionList).highlighted_option
        chosen = option.id if option is not None else None
        if chosen is None or not chosen.startswith("s") or self.launcher.end is None:
            return
        record, end = self.launcher.unfinished[int(chosen[1:])], self.launcher.end

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                ended, said = end(record)
            except (JournalError, OSError) as error:
                ended, said = False, clean(str(error))
            self.query_one("#message", Static).update(Content(said))
            if ended:
                self.query_one(OptionList).disable_option(chosen)

        self.app.push_screen(
            ConfirmScreen(
                f"End {record.title}?",
                "Its window is gone; ending it writes its summary.",
                yes="End it",
                no="Keep it",
                default=False,
            ),
            answered,
        )

    def action_open(self) -> None:
        choices = self.query_one(OptionList)
        option = choices.highlighted_option
        if option is None or option.id is None:
            return
        index = int(option.id[1:])
        try:
            if option.id.startswith("s"):
                session = self.launcher.resume(self.launcher.unfinished[index])
            else:
                session = self.launcher.start(self.launcher.agendas[index].path)
        except (AgendaError, JournalError, OSError) as error:
            self.query_one("#message", Static).update(Content(clean(str(error))))
            return
        self.post_message(messages.OpenSession(session))
