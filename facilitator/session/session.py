"""A live session: commands become events, events go to the journal, then to the state."""

from facilitator.agenda.durations import format_duration
from facilitator.agenda.model import Role
from facilitator.session import events as ev
from facilitator.session.capture import find_person, parse_capture
from facilitator.session.facts import SessionFacts, facts_of
from facilitator.session.guards import Command, refusal
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.phrases import due_text
from facilitator.session.recorder import Outcome, Recorder, refused
from facilitator.session.room import RoomView, room_view
from facilitator.session.undo_words import undone_words
from facilitator.session.view import SessionView, view


class Session(Recorder):
    """One session of an agenda, driven by commands, timed by an injected clock."""

    def view(self) -> SessionView:
        """The session now, by the clock."""
        return view(self.state, self.clock.monotonic(), self.clock.now())

    def room_view(self) -> RoomView:
        """The session now, as the room may see it (the presenter view)."""
        return room_view(self.state, self.clock.monotonic(), self.clock.now())

    def facts(self) -> SessionFacts:
        """What happened so far, for a summary."""
        return facts_of(self.state, self.header.id, self.clock.now())

    def nothing_carried(self) -> str:
        """Why a review has nothing from last time, said plainly."""
        if not self.agenda.series:
            return "This agenda has no series, so nothing carries over between sessions."
        if self.header.previous is None:
            return "This is the first session of its series: nothing to review yet."
        return f"Nothing was left open at the last session ({self.header.previous})."

    def can(self, command: Command, argument: object = None) -> bool:
        """Whether a command would be done now (the rule the command itself checks)."""
        return refusal(self.state, command, argument) is None

    # -- the clock and moving ------------------------------------------------------------

    def toggle(self) -> Outcome:
        """Start, pause or resume the current turn."""
        return self.pause() if self.state.running else self.start()

    def start(self) -> Outcome:
        if self.state.running:
            return refused("Already running.")
        word = "Started." if self.state.started is None else "Resumed."
        return self._record(ev.Start(**self._stamp()), word, "start_pause")

    def checkpoint(self) -> Outcome | None:
        """While a turn runs, put its time on disk every CHECKPOINT_SECONDS, so a crash or a
        kill loses no more of it than that. Called as often as the screen is refreshed."""
        if not self.state.running or not self.events:
            return None
        if self.clock.monotonic() - self.events[-1].mono < ev.CHECKPOINT_SECONDS:
            return None
        return self._record(ev.Checkpoint(**self._stamp()))

    def pause(self) -> Outcome:
        if not self.state.running:
            return refused("Not running.")
        return self._record(ev.Pause(**self._stamp()), "Paused.", "start_pause")

    def next(self) -> Outcome:
        return self._record(ev.Next(**self._stamp()), "", "next")

    def back(self) -> Outcome:
        return self._record(ev.Back(**self._stamp()), "", "back")

    def adjust(self, seconds: int) -> Outcome:
        """Add (or take) time on what the clock shows, and say which it was."""
        word = "Added" if seconds > 0 else "Took"
        preposition = "to" if seconds > 0 else "from"
        message = f"{word} {format_duration(abs(seconds))} {preposition} {self._clock_shows()}."
        return self._record(ev.Adjust(seconds=seconds, **self._stamp()), message, "adjust")

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

    def next_segment(self) -> Outcome:
        """Close this segment (topics left undiscussed stay on the board) and start the next."""
        if (why := refusal(self.state, "next_segment")) is not None:
            return refused(why)
        following = self.state.following_segment()
        assert following is not None  # the guard said so
        return self.jump(following.segment)

    def jump(self, segment: int) -> Outcome:
        if not 0 <= segment < len(self.agenda.segments):
            return refused(f"There is no segment {segment + 1}.")
        if self.state.first_slot(segment) is None:
            return refused("Everyone in that round is absent.")
        heading = self.agenda.segments[segment].heading
        return self._record(ev.Jump(segment=segment, **self._stamp()), f"Now: {heading}.")

    def end(self) -> Outcome:
        if self.state.ended is not None:
            return refused("The session has already ended.")
        return self._record(ev.End(**self._stamp()), "Session ended.", "end")

    def reopen_ended(self) -> Outcome:
        """Open an ended session again, paused where it ended."""
        if self.state.ended is None:
            return refused("The session has not ended.")
        return self._record(ev.Reopen(**self._stamp()), "Reopened: space continues.")

    def undo(self) -> Outcome:
        """Take back the last action, of any kind, one per call."""
        if (why := refusal(self.state, "undo")) is not None:
            return refused(why)
        before = self.state
        target = self.events[before.undoable[-1]]
        outcome = self._record(ev.Undo(**self._stamp()), "", "undo")
        return Outcome(
            outcome.done,
            f"{outcome.message} {undone_words(target, before, self.state)}".strip(),
            outcome.saved,
        )

    # -- people --------------------------------------------------------------------------

    def pass_turn(self) -> Outcome:
        message = f"{self.state.slot.speaker} passes: back at the end."
        return self._record(ev.Pass(**self._stamp()), message, "pass_turn")

    def mark_absent(self, name: str | None = None) -> Outcome:
        if name is None and (why := refusal(self.state, "absent")) is not None:
            return refused(why)
        who = self._person(name or self.state.slot.speaker)
        if who is None:
            return refused("Whom? Nobody by that name is in the session.")
        if who in self.state.absent:
            return refused(f"{who} is already marked absent.")
        return self._record(ev.Absent(name=who, **self._stamp()), f"{who} is marked absent.")

    def mark_present(self, name: str) -> Outcome:
        who = self._person(name)
        if who is None or who not in self.state.absent:
            return refused(f"{name} is not marked absent.")
        return self._record(ev.Present(name=who, **self._stamp()), f"{who} is back.")

    def add_latecomer(self, name: str, role: Role = "peer") -> Outcome:
        name = " ".join(name.split())
        if not name:
            return refused("A latecomer needs a name.")
        if any(n.casefold() == name.casefold() for n in self.state.people()):
            return refused(f"{name} is already in the session.")
        event = ev.Latecomer(name=name, role=role, **self._stamp())
        return self._record(event, f"{name} joined.")

    # -- captured items ------------------------------------------------------------------

    def capture(self, type_: ev.ItemType, text: str) -> Outcome:
        """Record a resource, action item, note or topic from what was typed."""
        if not text.strip():
            return refused("Nothing to capture.")
        if (why := refusal(self.state, "capture", type_)) is not None:
            return refused(why)
        draft = self._parse(type_, text, self.state.slot.speaker)
        outcome = self._record(ev.Capture(draft=draft, **self._stamp()), _describe(draft))
        if not outcome.saved:
            self.unsaved_items.add(self.state.next_id - 1)
        return outcome

    def edit_item(self, item: int, text: str) -> Outcome:
        found = self.state.items.get(item)
        if found is None:
            return refused("That item is gone.")
        if not text.strip():
            return refused("An item needs some text; delete it instead.")
        draft = self._parse(found.type, text, found.person)
        return self._record(ev.Edit(item=item, draft=draft, **self._stamp()), "Edited.")

    def delete_item(self, item: int) -> Outcome:
        found = self.state.items.get(item)
        if found is None:
            return refused("That item is gone.")
        message = (
            f"Deleted {ITEM_KINDS[found.type].label.lower()}: {found.text} (ctrl+z brings it back)"
        )
        return self._record(ev.Delete(item=item, **self._stamp()), message)

    def mark_private(self, item: int, private: bool = True) -> Outcome:
        found = self.state.items.get(item)
        if found is None:
            return refused("That item is gone.")
        word = "private" if private else "shared"
        event = ev.MarkPrivate(item=item, private=private, **self._stamp())
        return self._record(event, f"Marked {word}: {found.text}")

    def vote_for_topic(self, number: int) -> Outcome:
        """A vote for the topic of that number (numbered in the order proposed)."""
        if (why := refusal(self.state, "vote", number)) is not None:
            return refused(why)
        return self.vote(self.state.topics(self.state.at.segment)[number - 1].id)

    def vote(self, item: int, delta: int = 1) -> Outcome:
        found = self.state.items.get(item)
        if found is None or found.type != "topic":
            return refused("Only topics take votes.")
        if found.votes + delta < 0:
            return refused(f"{found.text} has no votes to take back.")
        change = f"{delta:+d} vote{'s' if abs(delta) != 1 else ''}"
        return self._record(
            ev.Vote(item=item, delta=delta, **self._stamp()), f"{change}: {found.text}"
        )

    def extend(self) -> Outcome:
        message = f"Extended by {format_duration(self.state.segment.extension_seconds)}."
        return self._record(ev.Extend(**self._stamp()), message, "extend")

    def set_carry(self, item: int, status: ev.CarryStatus) -> Outcome:
        found = self.state.items.get(item)
        if found is None or found.carried_from is None:
            return refused("That is not an item from an earlier session.")
        event = ev.SetCarry(item=item, status=status, **self._stamp())
        return self._record(event, f"Marked {status}.")

    # -- recording -----------------------------------------------------------------------
    def _person(self, name: str | None) -> str | None:
        return find_person(name, self.state.people()) if name else None

    def _parse(self, type_: ev.ItemType, text: str, speaker: str | None) -> ev.Draft:
        people = self.state.people()
        return parse_capture(type_, text, people, speaker, self.clock.now().date())


def _describe(draft: ev.Draft) -> str:
    who = f" ({', '.join([draft.person, *draft.also])})" if draft.person else ""
    flags = "" if draft.person_known else f" — @{draft.person} is not in this session"
    due = f", due {due_text(draft.due)}" if draft.due else ""
    return f"{ITEM_KINDS[draft.type].label}{who}: {draft.text}{due}{flags}"
