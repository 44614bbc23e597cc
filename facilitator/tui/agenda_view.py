"""An agenda at a glance: title, who takes part, and the segments with their times."""

from textual.content import Content
from textual.widgets import Static

from facilitator.agenda import Agenda, format_duration
from facilitator.text import clean


def outline(agenda: Agenda) -> str:
    """The agenda as readable lines: what the picker previews."""
    total = format_duration(agenda.total_seconds)
    people = ", ".join(f"{p.name} ({p.role})" for p in agenda.participants)
    lines = [
        agenda.title,
        f"{agenda.format or 'Custom agenda'} · {total} · {len(agenda.participants)} people",
        "",
        f"Participants: {people or 'none listed'}",
        "",
    ]
    for number, segment in enumerate(agenda.segments, start=1):
        length = format_duration(agenda.planned_seconds_of(segment))
        lines.append(f"{number}. {segment.heading}  ({segment.kind}, {length})")
        speakers = agenda.speakers_of(segment)
        if speakers is not None:
            lines.append(f"   speakers: {', '.join(speakers)}")
        if segment.prompt:
            lines.append(f"   {segment.prompt}")
    if agenda.description:
        lines += ["", " ".join(agenda.description.split())]
    return "\n".join(lines)


class AgendaView(Static):
    """Shows an agenda's outline, or why it could not be loaded; text is literal, and an
    escape code in it (from a file or a session record) is shown, not sent."""

    def show(self, agenda: Agenda | None, problem: str = "") -> None:
        self.update(Content(clean(outline(agenda) if agenda is not None else problem)))
