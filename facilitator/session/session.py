"""A live session: commands become events, events go to the journal, then to the state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from facilitator.agenda.durations import format_duration
from facilitator.agenda.model import Role
from facilitator.session import events as ev
from facilitator.session import facts as summary_facts
from facilitator.session import room
from facilitator.session.capture import find_person, parse_capture
from facilitator.session.guards import Command, guarded, refusal
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.phrases import date_text
from facilitator.session.recorder import Outcome, Recorder
from facilitator.session.undo_words import undone_words
from facilitator.session.values import CHECKPOINT_SECONDS, CarryStatus, ItemType
from facilitator.session.view import SessionView, view
from facilitator.session.where import where_words


class SavedSummary(NamedTuple):
    """Where the shared summary was written when the session ended, or why it could not be."""

    path: Path | None
    problem: str = ""


SummaryWriter = Callable[["Session"], SavedSummary]
"""Writes a session's summary files (the summary layer's `save_summary`, given by whoever
opens the session: this layer knows nothing of how a summary reads)."""


class Session(Recorder):
    """One session of an agenda, driven by commands, timed by an injected clock."""

    summary_writer: SummaryWriter | None = None
    """Set by whoever opens the session: the session calls it when it ends."""
    saved: SavedSummary | None = None
    """What the last writing of the summary files gave."""

    def view(self) -> SessionView:
        """The session now, by the clock."""
        return view(self.state, self.clock.monotonic(), self.clock.now())

    def room_view(self) -> room.RoomView:
        """The session now, as the room may see it (the presenter view)."""
        return room.room_view(self.state, self.clock.monotonic(), self.clock.now())

    def facts(self) -> summary_facts.SessionFacts:
        """What happened so far, for a summary."""
        return summary_facts.facts_of(self.state, self.header.id, self.clock.now())

    def nothing_carried(self) -> str:
        """Why a review has nothing from last time, said plainly."""
        if not self.agenda.series:
            return "This agenda has no series, so nothing carries over between sessions."
        if self.header.previous is None:
            return "This is the first session of its series: nothing to review yet."
        return f"Nothing was left open at the last session ({self.header.previous})."

    def can(self, command: Command, *arguments: object) -> bool:
        """Whether a command would be done now (the rule the command itself checks)."""
        return refusal(self.state, command, *arguments) is None

    def refusal(self, command: Command, *arguments: object) -> str | None:
        """Why a command would not be done now, in words, or None."""
        return refusal(self.state, command, *arguments)

    # -- the clock and moving ------------------------------------------------------------

    @guarded("start_pause")
    def toggle(self) -> Outcome:
        """Start, pause or resume the current turn."""
        return self.pause() if self.state.running else self.start()

    @guarded("start")
    def start(self) -> Outcome:
        word = "Started" if self.state.started is None else "Resumed"
        return self._record(ev.Start(**self._stamp()), f"{word}: {where_words(self.state)}.")

    def checkpoint(self) -> Outcome | None:
        """While a turn runs, put its time on disk every CHECKPOINT_SECONDS, so a crash or a
        kill loses no more of it than that. Called as often as the screen is refreshed."""
        if not self.state.running or not self.events:
            return None
        if self.clock.monotonic() - self.events[-1].mono < CHECKPOINT_SECONDS:
            return None
        return self._record(ev.Checkpoint(**self._stamp()))

    @guarded("pause")
    def pause(self) -> Outcome:
        return self._record(ev.Pause(**self._stamp()), "Paused.")

    @guarded("next")
    def next(self) -> Outcome:
        return self._move(ev.Next(**self._stamp()))

    @guarded("back")
    def back(self) -> Outcome:
        return self._move(ev.Back(**self._stamp()))

    def _move(self, event: ev.Next | ev.Back | ev.Jump) -> Outcome:
        """Record a move and say where it led, so the message is never an old one."""
        before = self.state.at
        outcome = self._record(event)
        if not outcome.done:
            return outcome
        words = f"{where_words(self.state, before)}."
        return Outcome(True, f"{outcome.message} {words}".strip(), outcome.saved)

    @guarded("adjust")
    def adjust(self, seconds: int) -> Outcome:
        """Add (or take) time on what the clock shows, and say which it was."""
        word = "Added" if seconds > 0 else "Took"
        preposition = "to" if seconds > 0 else "from"
        message = f"{word} {format_duration(abs(seconds))} {preposition} {self._clock_shows()}."
        return self._record(ev.Adjust(seconds=seconds, **self._stamp()), message)

    def _clock_shows(self) -> str:
        state = self.state
        slot, segment = state.slot, state.segment
        if slot.topic is not None and slot.topic in state.items:
            return f"the topic {state.items[slot.topic].text}"
        if state.box_seconds(state.at.segment) is not None:
            return f"the {segment.heading} time box"
        step = segment.step_title(state.at.step)
        if slot.speaker is not None:
            return f"{slot.speaker}'s {step or 'turn'}"
        return f"the {segment.heading}"

    @guarded("next_segment")
    def next_segment(self) -> Outcome:
        """Close this segment (topics left undiscussed stay on the board) and start the next."""
        following = self.state.following_segment()
        assert following is not None  # the guard said so
        return self.jump(following.segment)

    @guarded("jump")
    def jump(self, segment: int) -> Outcome:
        return self._move(ev.Jump(segment=segment, **self._stamp()))

    @guarded("end")
    def end(self) -> Outcome:
        """End the session and write its summary files, whatever screen (or none) ended it."""
        outcome = self._record(ev.End(**self._stamp()), "Session ended.")
        if outcome.done:
            self.write_summary()
        return outcome

    def write_summary(self) -> SavedSummary:
        """Write the summary files (again): at the end, and to retry after a failed write."""
        if self.summary_writer is None or self.folder is None:
            self.saved = SavedSummary(
                None, "This session has no folder: copy the summary now with c."
            )
        else:
            self.saved = self.summary_writer(self)
        return self.saved

    @guarded("reopen")
    def reopen_ended(self) -> Outcome:
        """Open an ended session again, paused where it ended (not an interruption)."""
        self.resumed_after = None
        return self._record(ev.Reopen(**self._stamp()), "Reopened: space continues.")

    @guarded("undo")
    def undo(self) -> Outcome:
        """Take back the last action, of any kind, one per call."""
        before = self.state
        target = self.events[before.undoable[-1]]
        outcome = self._record(ev.Undo(**self._stamp()))
        return Outcome(
            outcome.done,
            f"{outcome.message} {undone_words(target, before, self.state)}".strip(),
            outcome.saved,
        )

    # -- people --------------------------------------------------------------------------

    @guarded("pass_turn")
    def pass_turn(self) -> Outcome:
        message = f"{self.state.slot.speaker} passes: back at the end."
        return self._record(ev.Pass(**self._stamp()), message)

    @guarded("absent")
    def mark_absent(self, name: str | None = None) -> Outcome:
        who = self._person(name or self.state.slot.speaker)
        assert who is not None  # the guard found them
        return self._record(ev.Absent(name=who, **self._stamp()), f"{who} is marked absent.")

    @guarded("present")
    def mark_present(self, name: str) -> Outcome:
        who = self._person(name)
        assert who is not None  # the guard found them
        return self._record(ev.Present(name=who, **self._stamp()), f"{who} is back.")

    @guarded("latecomer")
    def add_latecomer(self, name: str, role: Role = "peer") -> Outcome:
        name = " ".join(name.split())
        event = ev.Latecomer(name=name, role=role, **self._stamp())
        return self._record(event, f"{name} joined.")

    # -- captured items ------------------------------------------------------------------

    @guarded("capture")
    def capture(self, type_: ItemType, text: str) -> Outcome:
        """Record a resource, action item, note, topic, goal or progress from what was typed."""
        draft = self._parse(type_, text, self.state.credited(type_))
        said = _describe(draft, self.clock.now().date())
        outcome = self._record(ev.Capture(draft=draft, **self._stamp()), said)
        if not outcome.saved:
            self.unsaved_items.add(self.state.next_id - 1)
        return outcome

    @guarded("edit")
    def edit_item(self, item: int, text: str) -> Outcome:
        found = self.state.items[item]
        draft = self._parse(found.type, text, found.person)
        return self._record(ev.Edit(item=item, draft=draft, **self._stamp()), "Edited.")

    @guarded("delete")
    def delete_item(self, item: int) -> Outcome:
        found = self.state.items[item]
        message = (
            f"Deleted {ITEM_KINDS[found.type].label.lower()}: {found.text} (ctrl+z brings it back)"
        )
        return self._record(ev.Delete(item=item, **self._stamp()), message)

    @guarded("private")
    def mark_private(self, item: int, private: bool = True) -> Outcome:
        found = self.state.items[item]
        word = "private" if private else "shared"
        event = ev.MarkPrivate(item=item, private=private, **self._stamp())
        return self._record(event, f"Marked {word}: {found.text}")

    @guarded("vote")
    def vote_for_topic(self, number: int) -> Outcome:
        """A vote for the topic of that number (numbered in the order proposed)."""
        return self.vote(self.state.topics(self.state.at.segment)[number - 1].id)

    @guarded("vote_item")
    def vote(self, item: int, delta: int = 1) -> Outcome:
        found = self.state.items[item]
        change = f"{delta:+d} vote{'s' if abs(delta) != 1 else ''}"
        return self._record(
            ev.Vote(item=item, delta=delta, **self._stamp()), f"{change}: {found.text}"
        )

    @guarded("extend")
    def extend(self) -> Outcome:
        message = f"Extended by {format_duration(self.state.segment.extension_seconds)}."
        return self._record(ev.Extend(**self._stamp()), message)

    @guarded("carry")
    def set_carry(self, item: int, status: CarryStatus) -> Outcome:
        found = self.state.items[item]
        kind = ITEM_KINDS[found.type]
        word = kind.done_word if status == "done" else status
        event = ev.SetCarry(item=item, status=status, **self._stamp())
        return self._record(event, f"Marked {word}: {found.text}.")

    # -- recording -----------------------------------------------------------------------
    def _person(self, name: str | None) -> str | None:
        return find_person(name, self.state.people()) if name else None

    def _parse(self, type_: ItemType, text: str, speaker: str | None) -> ev.Draft:
        people = self.state.people()
        return parse_capture(type_, text, people, speaker, self.clock.now().date())


def _describe(draft: ev.Draft, today: dt.date) -> str:
    who = f" ({', '.join([draft.person, *draft.also])})" if draft.person else ""
    guests = ", ".join(f"@{name}" for name in draft.guests)
    flags = f" — {guests} not in this session (guest)" if guests else ""
    due = f", due {date_text(draft.due, today)}" if draft.due else ""
    due += " (already past)" if draft.due and draft.due < today else ""
    return f"{ITEM_KINDS[draft.type].label}{who}: {draft.text}{due}{flags}"
