"""The live session: keys become session commands; the session's view is rendered a few
times a second from its clock. No rule about sessions lives here."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from facilitator.session import Outcome, Session, SessionView
from facilitator.session.capture import as_typed
from facilitator.session.events import ItemType
from facilitator.tui import words
from facilitator.tui.commands import PeopleCommands, SegmentCommands
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.help import HelpScreen
from facilitator.tui.screens.prompt import PromptScreen
from facilitator.tui.widgets.capture_bar import CaptureBar
from facilitator.tui.widgets.items_list import ItemsList
from facilitator.tui.widgets.side_panel import SidePanel, topics_of
from facilitator.tui.widgets.turn_panel import TurnPanel

REFRESH_SECONDS = 0.1
"""The countdown is recomputed from the clock this often; ticks are never counted."""


class LiveScreen(Screen[None]):
    """One running session."""

    AUTO_FOCUS = ""  # keys drive the session; the items list is entered with i
    # Below 56 columns the queue panel gives way: "Next" and "Not yet" still say who is next.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (56, "-normal")]
    COMMANDS = {SegmentCommands, PeopleCommands}
    # Priority bindings run as the key arrives, so a burst of keys ("t" and then the topic's
    # text) cannot overtake the capture bar opening; check_action hands keys to whatever
    # has focus (the capture bar, the items list).
    BINDINGS = [
        Binding("space", "start_pause", "Start/pause", priority=True),
        Binding("n,right", "next", "Next", priority=True),
        Binding("b,left", "back", "Back", priority=True),
        Binding("plus,equals_sign", "adjust(60)", "Add a minute", show=False, priority=True),
        Binding("minus", "adjust(-60)", "Take a minute", show=False, priority=True),
        Binding("p", "pass_turn", "Pass", priority=True),
        Binding("x", "absent", "Speaker absent", show=False, priority=True),
        Binding("r", "capture('resource')", "Resource", priority=True),
        Binding("a", "capture('action')", "Action", priority=True),
        Binding("o", "capture('note')", "Note", priority=True),
        Binding("t", "capture('topic')", "Topic", priority=True),
        Binding("g", "extend", "Extend topic", priority=True),
        *(
            Binding(
                str(n), f"vote({n})", "Vote for the topic of that number", show=False, priority=True
            )
            for n in range(1, 10)
        ),
        Binding("i", "items", "Edit items", show=False, priority=True),
        Binding("ctrl+z", "undo", "Undo capture", show=False, priority=True),
        Binding("m", "mute", "Bell on/off", show=False, priority=True),
        Binding("e", "end", "End", priority=True),
        Binding("question_mark", "help", "Help", priority=True),
    ]

    def __init__(self, session: Session, *, quiet: bool = False) -> None:
        super().__init__()
        self.session = session
        self.quiet = quiet
        self._last: SessionView | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="main"):
            yield TurnPanel(id="turn")
            yield SidePanel(id="side")
        items = ItemsList(id="items")
        items.border_title = "Captured, newest first (i to edit)"
        yield items
        yield Static(id="message")
        yield CaptureBar(id="capture")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(CaptureBar).display = False
        self.query_one(SidePanel).nothing_carried = _nothing_carried(self.session)
        gaps = self.session.state.interruptions
        if gaps and not self.session.state.running:
            minutes = round(gaps[-1].seconds / 60)
            self.say(
                f"Resumed after {minutes} min closed (counted as an interruption): space continues."
            )
        for warning in self.session.warnings:
            self.say(warning, problem=True)
        self.refresh_view()
        self.set_interval(REFRESH_SECONDS, self.refresh_view)

    # -- rendering -------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Render the session as the clock says it is now."""
        view = self.session.view()
        self._cue(self._last, view)
        self._last = view
        title = f"{words.schedule_words(view.schedule)}  ·  {self.session.agenda.title}"
        self.query_one("#status", Static).update(Content(title))
        self.query_one(TurnPanel).view = view
        self.query_one(SidePanel).view = view
        self.query_one(ItemsList).show(view.items, self.session.unsaved_items)

    def _cue(self, before: SessionView | None, now: SessionView) -> None:
        """The bell at time-up, and a flash at time-up and at each warning."""
        if before is None or not now.turn.running or before.turn.segment != now.turn.segment:
            return
        same_turn = (before.turn.speaker, before.turn.step, before.turn.topic) == (
            now.turn.speaker,
            now.turn.step,
            now.turn.topic,
        )
        if not same_turn:
            return
        if now.turn.remaining <= 0 < before.turn.remaining:
            if not self.quiet:
                self.app.bell()
            self._flash()
        elif now.turn.warning is not None and now.turn.warning != before.turn.warning:
            self._flash()

    def _flash(self) -> None:
        panel = self.query_one(TurnPanel)
        panel.add_class("-flash")
        self.set_timer(1.0, lambda: panel.remove_class("-flash"))

    def say(self, text: str, *, problem: bool = False) -> None:
        """Show a one-line message under the items."""
        message = self.query_one("#message", Static)
        message.update(Content(text))
        message.set_class(problem, "-problem")

    def done(self, outcome: Outcome) -> None:
        """Show what a command did, then render at once rather than at the next refresh."""
        if outcome.message:
            self.say(outcome.message, problem=not outcome.done or not outcome.saved)
        if not outcome.saved:
            self.notify(outcome.message, severity="error", markup=False, timeout=10)
        self.refresh_view()
        self.refresh_bindings()  # which keys apply changes only when the session does

    # -- which keys work now ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        view = self._last
        if self.focused is not None:
            return False
        if view is None:
            return True
        if view.ended:
            return action in ("help", "end", "items")
        topic_now = view.turn.kind == "topics"
        available = {
            "pass_turn": view.turn.speaker is not None and self.session.state.can_pass(),
            "absent": view.turn.speaker is not None,
            "extend": view.turn.topic is not None,
            "vote": topic_now,
            "capture": parameters != ("topic",) or topic_now,
            "next": view.upcoming is not None,
        }
        if action == "vote":
            return topic_now and int(str(parameters[0])) <= len(topics_of(view))
        return available.get(action, True)  # what does not apply now leaves the footer

    # -- actions: each one a session command -----------------------------------------------

    def action_start_pause(self) -> None:
        self.done(self.session.toggle())

    def action_next(self) -> None:
        self.done(self.session.next())

    def action_back(self) -> None:
        self.done(self.session.back())

    def action_adjust(self, seconds: int) -> None:
        self.done(self.session.adjust(seconds))

    def action_pass_turn(self) -> None:
        self.done(self.session.pass_turn())

    def action_absent(self) -> None:
        self.done(self.session.mark_absent())

    def action_extend(self) -> None:
        self.done(self.session.extend())

    def action_vote(self, number: int) -> None:
        topics = topics_of(self.session.view())
        if 0 < number <= len(topics):
            self.done(self.session.vote(topics[number - 1].id))

    def action_undo(self) -> None:
        self.done(self.session.undo())

    def action_mute(self) -> None:
        self.quiet = not self.quiet
        self.say("Bell off." if self.quiet else "Bell on.")

    def action_items(self) -> None:
        self.query_one(ItemsList).focus()
        self.say("Items: Enter edit · Delete · p private · d/c/x last time's items · Esc back")

    def action_capture(self, type_: ItemType) -> None:
        self.query_one(CaptureBar).open(type_, self.session.view().turn.speaker)

    def action_help(self) -> None:
        self.app.push_screen(
            HelpScreen(
                [
                    ("During the session", [b for b in self.BINDINGS if isinstance(b, Binding)]),
                    (
                        "In the items list (i)",
                        [b for b in ItemsList.BINDINGS if isinstance(b, Binding)],
                    ),
                    ("Anywhere", [*self._app_bindings()]),
                ]
            )
        )

    def _app_bindings(self) -> list[Binding]:
        palette = Binding(
            self.app.COMMAND_PALETTE_BINDING,
            "command_palette",
            "Command palette: every action, jump to a segment, latecomers, absences",
        )
        return [palette, *(b for b in self.app.BINDINGS if isinstance(b, Binding))]

    def action_end(self) -> None:
        if self.session.state.ended is not None:
            self.app.call_later(self.app.show_summary, self.session)  # type: ignore[attr-defined]
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.done(self.session.end())
                self.app.show_summary(self.session)  # type: ignore[attr-defined]

        self.app.push_screen(ConfirmScreen("End the session and write the summary?"), answered)

    def action_leave(self) -> None:
        """Quit; during a session ask first, pause the clock and say how to resume."""
        session = self.session
        if session.state.ended is not None or not session.events:
            self.app.exit()
            return
        resume = f"facilitator resume {session.header.id}"

        def answered(yes: bool | None) -> None:
            if yes:
                if session.state.running:
                    session.pause()
                self.app.exit(message=f"Session saved. Continue it with: {resume}")

        question = ConfirmScreen("Leave the session?", f"It can be resumed: {resume}")
        self.app.push_screen(question, answered)

    def action_latecomer(self) -> None:
        def answered(name: str | None) -> None:
            if name:
                self.done(self.session.add_latecomer(name))

        self.app.push_screen(PromptScreen("Latecomer's name:"), answered)

    # -- messages from the widgets ---------------------------------------------------------

    @on(CaptureBar.Done)
    def captured(self, message: CaptureBar.Done) -> None:
        if message.item is None:
            self.done(self.session.capture(message.type, message.text))
        else:
            self.done(self.session.edit_item(message.item, message.text))

    @on(CaptureBar.Cancelled)
    def capture_cancelled(self) -> None:
        self.say("Nothing captured.")

    @on(ItemsList.Chosen)
    def item_chosen(self, message: ItemsList.Chosen) -> None:
        item = self.session.state.items.get(message.item)
        if item is None:
            return
        if message.action == "edit":
            typed = as_typed(item.person, item.person_known, item.text, item.due, item.private)
            self.query_one(CaptureBar).open(item.type, item.person, typed, item.id)
        elif message.action == "delete":
            self.done(self.session.delete_item(item.id))
        elif message.action == "private":
            self.done(self.session.mark_private(item.id, not item.private))
        elif message.action == "votes":
            self.done(self.session.vote(item.id, message.votes))
        else:
            self.done(self.session.set_carry(item.id, message.status))


def _nothing_carried(session: Session) -> str:
    """Why a review has nothing from last time, said plainly."""
    if not session.agenda.series:
        return "This agenda has no series, so nothing carries over between sessions."
    if session.header.previous is None:
        return "This is the first session of its series: nothing to review yet."
    return f"Nothing was left open at the last session ({session.header.previous})."
