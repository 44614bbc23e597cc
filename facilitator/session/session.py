"""A live session: commands become events, events go to the journal, then to the state."""

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from facilitator.agenda.durations import format_duration
from facilitator.agenda.model import Agenda, Role, Topics
from facilitator.session import events as ev
from facilitator.session.capture import find_person, parse_capture
from facilitator.session.clock import Clock
from facilitator.session.journal import FORMAT_VERSION, JOURNAL, Header, Journal, read_journal
from facilitator.session.records import new_session_folder
from facilitator.session.state import State, replay
from facilitator.session.view import SessionView, view


@dataclass(frozen=True)
class Outcome:
    """What a command did, in words the facilitator can be shown."""

    done: bool
    message: str = ""
    saved: bool = True
    """False when the journal could not be written: the session goes on in memory."""


def refused(message: str) -> Outcome:
    return Outcome(False, message)


def new_header(
    agenda: Agenda,
    session_id: str,
    created: dt.datetime,
    source: str,
    carried: list[ev.CarriedItem] | None = None,
    previous: str | None = None,
) -> Header:
    """What a new session's journal starts with; the seed fixes any random speaking order."""
    return Header(
        format=FORMAT_VERSION,
        id=session_id,
        created=created,
        source=source,
        seed=secrets.randbits(32),
        agenda=agenda,
        carried=carried or [],
        previous=previous,
    )


class Session:
    """One session of an agenda, driven by commands, timed by an injected clock."""

    def __init__(
        self,
        agenda: Agenda,
        clock: Clock,
        *,
        journal: Journal | None = None,
        header: Header | None = None,
        events: list[ev.Event] | None = None,
    ) -> None:
        self.clock = clock
        self.journal = journal
        self.header = header or new_header(agenda, "unsaved", clock.now(), source="")
        self.events: list[ev.Event] = list(events or [])
        self.state: State = replay(agenda, self.header.seed, self.events, self.header.carried)
        self.unsaved_items: set[int] = set()
        self.warnings: list[str] = []

    @classmethod
    def begin(
        cls,
        agenda: Agenda,
        clock: Clock,
        home: Path,
        source: str,
        carried: list[ev.CarriedItem] | None = None,
        previous: str | None = None,
    ) -> "Session":
        """A new session with a journal in a folder of its own (and last time's open items)."""
        created = clock.now()
        folder = new_session_folder(home, agenda.title, created)
        header = new_header(agenda, folder.name, created, source, carried or [], previous)
        return cls(agenda, clock, journal=Journal.reserve(folder, header), header=header)

    @classmethod
    def reopen(cls, folder: Path, clock: Clock) -> "Session":
        """Replay a recorded session and carry on; the time it was closed is an interruption."""
        recorded = read_journal(folder / JOURNAL, repair=True)
        session = cls(
            recorded.header.agenda,
            clock,
            journal=Journal(folder / JOURNAL),
            header=recorded.header,
            events=recorded.events,
        )
        session.warnings = recorded.warnings
        if recorded.events and session.state.ended is None:
            session._record(ev.Reopen(at=clock.now(), mono=clock.monotonic()))
        return session

    @property
    def agenda(self) -> Agenda:
        return self.header.agenda

    @property
    def folder(self) -> Path | None:
        return self.journal.path.parent if self.journal else None

    def view(self) -> SessionView:
        """The session now, by the clock."""
        return view(self.state, self.clock.monotonic(), self.clock.now())

    # -- the clock and moving ------------------------------------------------------------

    def toggle(self) -> Outcome:
        """Start, pause or resume the current turn."""
        return self.pause() if self.state.running else self.start()

    def start(self) -> Outcome:
        if self.state.running:
            return refused("Already running.")
        word = "Started." if self.state.started is None else "Resumed."
        return self._record(ev.Start(**self._stamp()), word)

    def pause(self) -> Outcome:
        if not self.state.running:
            return refused("Not running.")
        return self._record(ev.Pause(**self._stamp()), "Paused.")

    def next(self) -> Outcome:
        if self.state.forward_target() is None and self.state.ended is None:
            return refused("This is the last turn: press e to end the session.")
        return self._record(ev.Next(**self._stamp()))

    def back(self) -> Outcome:
        at = self.state.at
        if (at.segment, at.step) == (0, 0) and self.state.first_slot(0) in (at.slot, None):
            return refused("This is the first turn.")
        return self._record(ev.Back(**self._stamp()))

    def adjust(self, seconds: int) -> Outcome:
        word = "Added" if seconds > 0 else "Took"
        message = f"{word} {format_duration(abs(seconds))} on this turn."
        return self._record(ev.Adjust(seconds=seconds, **self._stamp()), message)

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
        return self._record(ev.End(**self._stamp()), "Session ended.")

    # -- people --------------------------------------------------------------------------

    def pass_turn(self) -> Outcome:
        slot = self.state.slot
        if slot.speaker is None:
            return refused("Nobody has the floor to pass.")
        if not self.state.can_pass():
            return refused(f"{slot.speaker} has already passed once in this round.")
        return self._record(ev.Pass(**self._stamp()), f"{slot.speaker} passes: back at the end.")

    def mark_absent(self, name: str | None = None) -> Outcome:
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
        if type_ == "topic" and not isinstance(self.agenda.segments[self.state.at.segment], Topics):
            return refused("Topics are added during a topics segment.")
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
        if item not in self.state.items:
            return refused("That item is gone.")
        return self._record(ev.Delete(item=item, **self._stamp()), "Deleted.")

    def undo(self) -> Outcome:
        last = next((i for i in reversed(self.state.captured) if i in self.state.items), None)
        if last is None:
            return refused("Nothing to undo.")
        text = self.state.items[last].text
        return self._record(ev.Undo(**self._stamp()), f"Undone: {text}")

    def mark_private(self, item: int, private: bool = True) -> Outcome:
        if item not in self.state.items:
            return refused("That item is gone.")
        word = "private" if private else "shared"
        event = ev.MarkPrivate(item=item, private=private, **self._stamp())
        return self._record(event, f"Marked {word}.")

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
        segment = self.agenda.segments[self.state.at.segment]
        if not isinstance(segment, Topics) or self.state.slot.topic is None:
            return refused("Only a topic under discussion can be extended.")
        message = f"Extended by {format_duration(segment.extend)}."
        return self._record(ev.Extend(**self._stamp()), message)

    def set_carry(self, item: int, status: ev.CarryStatus) -> Outcome:
        found = self.state.items.get(item)
        if found is None or found.carried_from is None:
            return refused("That is not an item from an earlier session.")
        event = ev.SetCarry(item=item, status=status, **self._stamp())
        return self._record(event, f"Marked {status}.")

    # -- recording -----------------------------------------------------------------------

    def _stamp(self) -> dict[str, dt.datetime | float]:
        return {"at": self.clock.now(), "mono": self.clock.monotonic()}

    def _record(self, event: ev.Event, message: str = "") -> Outcome:
        """Journal first, then the state; a failed write keeps the event in memory. Once a
        session has ended, its record is closed: nothing more is recorded."""
        if self.state.ended is not None:
            return refused("The session has ended.")
        saved = True
        if self.journal is not None:
            try:
                self.journal.append(event)
            except OSError as error:
                saved = False
                message = f"NOT SAVED ({error.strerror or error}): kept in memory. {message}"
            else:
                self.unsaved_items.clear()
        self.events.append(event)
        self.state.apply(event)
        return Outcome(True, message.strip(), saved)

    def _person(self, name: str | None) -> str | None:
        return find_person(name, self.state.people()) if name else None

    def _parse(self, type_: ev.ItemType, text: str, speaker: str | None) -> ev.Draft:
        people = self.state.people()
        return parse_capture(type_, text, people, speaker, self.header.created.date())


def _describe(draft: ev.Draft) -> str:
    label = {"resource": "Resource", "action": "Action", "note": "Note", "topic": "Topic"}
    who = f" ({draft.person})" if draft.person else ""
    flags = "" if draft.person_known else f" — @{draft.person} is not in this session"
    due = f", due {draft.due:%a %d %b}" if draft.due else ""
    return f"{label[draft.type]}{who}: {draft.text}{due}{flags}"
