"""The current turn: segment, prompt, speaker, the big countdown, and who is next."""

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Digits, Static

from facilitator.session.view import SessionView
from facilitator.tui import clock_words
from facilitator.tui.cells import fit, names_line
from facilitator.tui.widgets.line import ClockDigits, Line, show

CONFIDENTIAL = "CONFIDENTIAL: captures here stay private"


class TurnPanel(Vertical):
    """Renders the turn part of a SessionView; user text is always literal."""

    view: reactive[SessionView | None] = reactive(None, repaint=False)
    quiet = False
    """No bell at time-up (set by the screen)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-paused")  # as a session opens: no restyle then

    def compose(self) -> ComposeResult:
        yield Line(id="segment")
        yield Static(CONFIDENTIAL, id="confidential")
        yield Line(id="prompt")
        yield Line(id="speaker")
        yield Line(id="focus")
        yield Line(id="goal")
        yield ClockDigits("0:00", id="countdown")
        yield Line(id="state")
        yield Line(id="clockline")  # the digits and state in one line, on a short screen
        yield Line(id="upcoming")

    def watch_view(self, before: SessionView | None, view: SessionView | None) -> None:
        if view is None:
            return
        self._cue(before, view)
        turn = view.turn
        segment = f"{turn.segment + 1}/{view.segment_count}  {turn.segment_title}"
        self.query_one("#segment", Static).update(Content(segment + clock_words.box_words(turn)))
        show(self.query_one("#confidential"), turn.confidential)
        self.query_one("#prompt", Static).update(Content(turn.prompt or ""))
        self.query_one("#speaker", Static).update(self._speaker_line(view))
        focus = f"  focus: {turn.focus}" if turn.focus else ""
        self._kept_line(self.query_one("#focus", Line), focus, turn.segment_focus)
        self._goal_line(view)
        countdown, digits = clock_words.countdown(turn), self.query_one("#countdown", Digits)
        if digits.value != countdown:  # Digits redraws at every update, this 10 times a second
            digits.update(countdown)
        self.query_one("#state", Static).update(
            Content(clock_words.state_words(turn, view.started))
        )
        self.query_one("#clockline", Static).update(
            Content(clock_words.clock_line(turn, view.started))
        )
        self.query_one("#upcoming", Static).update(self._upcoming_line(view))
        clock_words.show_state(self, turn, view.started)

    def _goal_line(self, view: SessionView) -> None:
        """The speaker's current goal, under their name; marked private, and hidden in the
        presenter view (by the screen's CSS), when the room may not see it."""
        turn, line = view.turn, self.query_one("#goal", Line)
        goal = turn.goal
        mark = " (private)" if goal and goal.private else ""
        text = f"  goal{mark}: {goal.text}" if goal else ""
        self._kept_line(line, text, turn.segment_goal)
        line.set_class(goal is not None and (goal.private or turn.confidential), "-private")

    def _kept_line(self, line: Line, text: str, kept: bool) -> None:
        """A line that only some turns have (focus, goal), one row however long. In a
        segment where some turn has one, every turn keeps the row (blank without one), so
        the clock stays where it is from turn to turn and the screen is not laid out again
        at each; but only on a screen with room for every row the panel can have (from 24
        rows): on a smaller one, as in any other segment, a turn without one has no such
        row, so the clock and the list below keep theirs."""
        line.update(Content(text))
        show(line, bool(text) or (kept and self.screen.has_class("-roomy")))

    def _cue(self, before: SessionView | None, now: SessionView) -> None:
        """The bell at time-up, and a flash at time-up and at each warning, within one turn."""
        if before is None or not now.turn.running:
            return
        if (before.turn.segment, before.turn.speaker, before.turn.step, before.turn.topic) != (
            now.turn.segment,
            now.turn.speaker,
            now.turn.step,
            now.turn.topic,
        ):
            return
        if now.turn.remaining <= 0 < before.turn.remaining:
            if not self.quiet:
                self.app.bell()
            self._flash()
        elif now.turn.warning is not None and now.turn.warning != before.turn.warning:
            self._flash()

    def _flash(self) -> None:
        self.add_class("-flash")
        self.set_timer(1.0, lambda: self.remove_class("-flash"))

    @staticmethod
    def _speaker_line(view: SessionView) -> Content:
        turn = view.turn
        parts = []
        if turn.speaker:
            parts.append(f"▶ {turn.speaker}")
        if turn.topic:
            parts.append(f"Topic: {turn.topic}")
        if turn.step_title:
            parts.append(f"step {turn.step + 1}/{turn.steps}: {turn.step_title}")
        if not parts:
            parts.append("Everyone")
        return Content("  ·  ".join(parts))

    def _upcoming_line(self, view: SessionView) -> Content:
        if view.ended:
            return Content("The session has ended.")
        upcoming = view.upcoming
        if upcoming is None:
            text = "Next: the end (press ctrl+e)"
        elif upcoming.speaker:
            text = f"Next: {upcoming.speaker}"
            if upcoming.step_title:
                text += f", {upcoming.step_title}"
            if upcoming.segment_title != view.turn.segment_title:
                text += f" ({upcoming.segment_title})"
        elif upcoming.topic:
            text = f"Next topic: {upcoming.topic}"
        else:
            text = f"Next: {upcoming.step_title or upcoming.segment_title}"
        width = self.content_size.width or 200  # before the first layout: no cutting
        if view.not_spoken:  # one line, whatever the size of the group
            text = names_line(f"{text}  ·  Not yet: ", view.not_spoken, width)
        text = fit(text, width).rstrip()
        catch_up = clock_words.catch_up_words(view.schedule)
        if catch_up:
            text += f"\n{catch_up}"
        return Content(text)
