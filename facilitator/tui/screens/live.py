"""The live session: keys become session commands; the session's view is rendered a few
times a second from its clock. No rule about sessions lives here."""

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from facilitator.session import Outcome, Session
from facilitator.session.capture import as_typed
from facilitator.session.guards import Command
from facilitator.session.values import ItemType
from facilitator.tui import clock_words, messages
from facilitator.tui.availability import Works, key_refusal
from facilitator.tui.commands import LIVE_COMMANDS, SESSION_RUNS, bindings
from facilitator.tui.disk_watch import DiskWatch
from facilitator.tui.palette import PeopleCommands, SegmentCommands, TopicCommands
from facilitator.tui.screens.base import SessionScreen
from facilitator.tui.widgets.capture_bar import CaptureBar
from facilitator.tui.widgets.items_list import ItemsList
from facilitator.tui.widgets.keys_line import KeysLine
from facilitator.tui.widgets.line import Line
from facilitator.tui.widgets.progress_strip import ProgressStrip
from facilitator.tui.widgets.side_panel import SidePanel
from facilitator.tui.widgets.turn_panel import TurnPanel

if TYPE_CHECKING:  # the presenter view's panel loads at the first z
    from facilitator.tui.widgets.room_panel import RoomPanel

REFRESH_SECONDS = 0.1
"""The countdown is recomputed from the clock this often; ticks are never counted."""


class LiveScreen(SessionScreen):
    """One running session."""

    AUTO_FOCUS = ""  # keys drive the session; the items list is entered with i
    whole = False  # until the capture bar is added, after the first frame
    # Below 56 columns the queue panel gives way: "Next" and "Not yet" still say who is next.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (56, "-normal")]
    # From 24 rows the turn panel has room for every row it can have (see TurnPanel).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (18, "-tall"), (24, "-roomy")]
    COMMANDS = {SegmentCommands, PeopleCommands, TopicCommands}
    KEY_COMMANDS = LIVE_COMMANDS
    BINDINGS = bindings(KEY_COMMANDS)

    def __init__(self, session: Session, *, quiet: bool = False):
        super().__init__()
        self.session = session
        self.quiet = quiet
        self.works = Works(session)
        self.disk = DiskWatch(session, self.say, lambda: self.app.clear_notifications())
        self._room: RoomPanel | None = None
        """The presenter view's panel, made at the first z (the screen opens sooner)."""

    def compose(self) -> ComposeResult:
        yield Line(id="status")
        yield ProgressStrip(id="progress")
        with Horizontal(id="main"):
            yield TurnPanel(id="turn")
            yield SidePanel(id="side")
        yield ItemsList(id="items")
        with Vertical(id="foot"):  # at the bottom, whatever the turn above takes
            yield Line(id="message")
            yield KeysLine()

    def on_mount(self) -> None:
        self.query_one(SidePanel).nothing_carried = self.session.nothing_carried()
        if (gap := self.session.resumed_after) is not None and not self.session.state.running:
            self.say(clock_words.resumed_after(gap))
        for warning in self.session.warnings:
            self.say(warning, problem=True)
        self.refresh_view()
        ticks = (self.refresh_view, self.disk.tick)
        self.ticking = tuple(self.set_interval(REFRESH_SECONDS, tick) for tick in ticks)
        self.call_after_refresh(self._add_capture_bar)

    async def _add_capture_bar(self) -> None:
        """Above the keys, after the first frame (1% of `run`'s work): keys wait till then."""
        await self.query_one("#foot").mount(CaptureBar(id="capture"), before="KeysLine")
        self.whole = True

    # -- rendering -------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Render the session as the clock says it is now; then checkpoint a running turn, so
        nothing shown is more than CHECKPOINT_SECONDS past what is on disk."""
        view = self.session.view()
        self.session.checkpoint()
        title = clock_words.header_line(view.schedule, self.session.agenda.title, self.size.width)
        self.query_one("#status", Static).update(Content(title))
        turn = self.query_one(TurnPanel)
        turn.quiet, turn.view = self.quiet, view  # the bell's setting before the view
        self.query_one(SidePanel).view = view
        self.query_one("#progress", ProgressStrip).view = view
        if self._room is not None:
            self._room.present(self.session.room_view)  # read only while shown
        self.query_one(ItemsList).show(view.items, self.session.unsaved_items, view.today)
        self.query_one(KeysLine).refresh_keys()  # which keys work changes by a key or not

    def say(self, text: str, *, problem: bool = False) -> None:
        """Show a one-line message under the items."""
        message = self.query_one("#message", Static)
        message.update(Content(text))
        message.set_class(problem, "-problem")

    def done(self, outcome: Outcome) -> None:
        """Show what a command did (never an old message as if current), and render it now."""
        self.say(outcome.message, problem=not outcome.done or not outcome.saved)
        self.query_one(CaptureBar).settle(outcome.done)  # a refused capture's text comes back
        if not outcome.saved:  # one warning at a time: the newest says how many wait
            self.disk.failed()
            self.app.clear_notifications()
            shared = self.has_class("-presenter")  # the room sees it: no captured text
            warning = "NOT SAVED: kept in memory (z shows more)" if shared else outcome.message
            self.notify(warning, severity="error", markup=False, timeout=10)
        self.refresh_view()

    def typed(self, text: str) -> None:
        """Keys too fast to be commands, or a paste: the text goes into a note, to save (Enter)
        or drop (Esc); whatever the first keys ran was taken back."""
        bar = self.query_one(CaptureBar)
        if self.session.state.ended is not None or not text:
            return
        if bar.display:
            bar.add_text(text)
            return
        self.refresh_view()
        speaker = self.session.state.credited("note")
        # Said in the bar, which a message about the capture saved just before cannot cover.
        reason = "That was typing, not commands: kept as a note  ·  "
        bar.open("note", speaker, self.session.state.nameable(), text, reason=reason)

    # -- which keys work now ---------------------------------------------------------------

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's, remembered (see Works) unless a dialog is on top: its keys differ."""
        if not self.is_active:
            return super().active_bindings
        return self.works.bindings(self.focused, lambda: super(LiveScreen, self).active_bindings)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.focused is not None and action not in ("undo", "end"):
            return False  # the capture bar or the items list has the keys
        return self.works(action, parameters)

    def explain(self, key: str) -> None:
        """A key of this screen that does nothing now: say why."""
        if self.focused is None and (why := key_refusal(self.session, key)) is not None:
            self.say(why, problem=True)

    # -- actions: each one a session command -----------------------------------------------

    def action_session(self, command: Command, *arguments: object) -> None:
        """A key's session command; what it answers is what the screen says."""
        self.done(SESSION_RUNS[command](self.session, *arguments))

    def action_undo(self) -> None:
        if not isinstance(self.focused, Input):  # there ctrl+z undoes typing, not the session
            self.done(self.session.undo())

    def action_mute(self) -> None:
        self.quiet = not self.quiet
        self.say("Bell off." if self.quiet else "Bell on.")

    def action_items(self) -> None:
        self.query_one(ItemsList).open()
        self.say("Items: Enter edit · Delete · p private · d/c/x last time's items · Esc back")

    def action_capture(self, type_: ItemType) -> None:
        self.say("")
        state = self.session.state
        self.query_one(CaptureBar).open(type_, state.credited(type_), state.nameable())

    def action_ledger(self) -> None:
        """In the review: the series' action ledger and history, to look back further."""
        from facilitator.tui.screens.history import ledger_screen  # Markdown loads with it

        if (ledger := ledger_screen(self.session)) is not None:
            self.app.push_screen(ledger)
        else:
            self.say("This agenda has no series: there is no ledger to show.")

    async def action_presenter(self) -> None:
        """For screen sharing: only what the room may see; z again brings the rest back."""
        if self._room is None:  # known once whole: the clock's refresh may come meanwhile
            from facilitator.tui.widgets.room_panel import RoomPanel

            room = RoomPanel(id="room")
            await self.mount(room, before=self.query_one(ItemsList))
            self._room = room
        self.toggle_class("-presenter")
        self.query_one(CaptureBar).shared = shared = self.has_class("-presenter")
        self.refresh_view()
        self.say("Presenter view: z brings back the full screen." if shared else "")

    def action_help(self) -> None:
        from facilitator.tui.screens.help import live_help

        self.app.push_screen(live_help())

    def action_end(self) -> None:
        """End, asked with "keep going" as the answer unless ctrl+e comes again."""
        if self.session.state.ended is not None:
            self.replaced_by(messages.ShowSummary(self.session))
            return

        def answered(end: bool | None) -> None:
            if end:
                self.done(self.session.end())
                self.replaced_by(messages.ShowSummary(self.session))
            else:
                self.say("Still running: the session goes on.")

        from facilitator.tui.screens.confirm import EndScreen

        self.query_one(CaptureBar).prepare_links()  # for the summary's
        self.ask(EndScreen(), answered)

    def ask_to_quit(self) -> None:
        """Quit; during a session ask first, pause the clock and say how to resume."""
        session = self.session
        if session.state.ended is not None or not session.events:
            session.discard_if_unused()
            self.quit_saved()
            return
        resume = f"facilitator resume {session.header.id}"

        def answered(yes: bool | None) -> None:
            if yes:
                if session.state.running:
                    session.toggle()
                self.quit_saved(f"Session saved. Continue it with: {resume}")

        from facilitator.tui.screens.confirm import LeaveScreen

        self.ask_once(LeaveScreen(resume), answered)

    def action_vote_by_number(self) -> None:
        """`v`, a topic's number, Enter: a vote for any topic, typed in the capture bar."""
        self.say("")
        self.query_one(CaptureBar).open("vote", None, [])

    def action_latecomer(self) -> None:
        def answered(name: str | None) -> None:
            if name:
                self.done(self.session.add_latecomer(name))

        from facilitator.tui.screens.prompt import argument_prompt

        self.ask(argument_prompt(self.session, "latecomer", "Latecomer's name:"), answered)

    # -- messages from the widgets and the palette -----------------------------------------

    @on(messages.SessionCommand)
    def palette_command(self, message: messages.SessionCommand) -> None:
        self.done(message.run(self.session))

    @on(CaptureBar.Done)
    def captured(self, message: CaptureBar.Done) -> None:
        if message.type == "vote":
            wanted = message.text.strip()
            self.done(self.session.vote_for_topic(int(wanted) if wanted.isdigit() else 0))
        elif message.item is None:
            self.done(self.session.capture(message.type, message.text))
        else:
            self.done(self.session.edit_item(message.item, message.text))

    @on(CaptureBar.Cancelled)
    def capture_cancelled(self, message: CaptureBar.Cancelled) -> None:
        nothing = "No vote." if message.type == "vote" else "Nothing captured."
        self.say(nothing if message.item is None else "Edit cancelled: the item is as it was.")

    @on(ItemsList.Closed)
    def items_closed(self) -> None:
        self.refresh_view()

    @on(ItemsList.Chosen)
    def item_chosen(self, message: ItemsList.Chosen) -> None:
        item = self.session.state.items.get(message.item)
        if item is None:
            return
        match message.action:
            case "edit":
                self.query_one(CaptureBar).open(
                    item.type, item.person, self.session.state.nameable(), as_typed(item), item.id
                )
            case "delete":
                self.done(self.session.delete_item(item.id))
            case "private":
                self.done(self.session.mark_private(item.id, not item.private))
            case "votes":
                self.done(self.session.vote(item.id, message.votes))
            case "carry":
                self.done(self.session.set_carry(item.id, message.status))
