"""An agenda at a glance: title, who takes part, and the segments with their times."""

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from facilitator.agenda import Agenda, Round, format_duration


class AgendaView(VerticalScroll):
    """The agenda as a readable outline; all user text is shown literally."""

    def __init__(self, agenda: Agenda) -> None:
        super().__init__()
        self.agenda = agenda

    def compose(self) -> ComposeResult:
        agenda = self.agenda
        total = format_duration(agenda.total_seconds)
        yield Static(Text(agenda.title), id="agenda-title")
        yield Static(Text(f"{agenda.format or 'Custom agenda'} · {total}"), id="agenda-meta")
        people = ", ".join(f"{p.name} ({p.role})" for p in agenda.participants)
        yield Static(Text(f"Participants: {people or 'none listed'}"), id="agenda-people")
        for number, segment in enumerate(agenda.segments, start=1):
            length = format_duration(agenda.planned_seconds_of(segment))
            line = Text(f"{number}. {segment.heading}  ({segment.kind}, {length})")
            if isinstance(segment, Round):
                line.append(f"\n   speakers: {', '.join(agenda.speakers_of(segment))}")
            if segment.prompt:
                line.append(f"\n   {segment.prompt}")
            yield Static(line, classes="segment")
