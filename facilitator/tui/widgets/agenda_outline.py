"""The parts of an agenda under edit: the agenda, its participants, its segments."""

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from facilitator.agenda import Problem, format_duration
from facilitator.agenda.draft import AgendaDraft

Node = tuple[str, int]
"""A part: ("agenda", 0), ("participants", i), ("segments", i), or a heading:
("participants", -1), ("segments", -1)."""


class AgendaOutline(OptionList):
    """Lists the parts, each with its length or role and a word when it has a problem;
    its keys are the editor screen's actions on the highlighted part."""

    BINDINGS = [
        Binding("enter", "screen.edit_fields", "Edit"),
        Binding("a", "screen.add", "Add"),
        Binding("delete,d", "screen.remove", "Remove"),
        Binding("c", "screen.duplicate", "Duplicate segment", show=False),
        Binding("left_square_bracket", "screen.move(-1)", "Up"),
        Binding("right_square_bracket", "screen.move(1)", "Down"),
    ]

    def show(self, draft: AgendaDraft, problems: list[Problem], keep: Node | None) -> None:
        """List the draft's parts, keeping `keep` highlighted (or the nearest part)."""
        self.set_options(_options(draft, problems))
        wanted = f"{keep[0]}:{keep[1]}" if keep else "agenda:0"
        try:
            self.highlighted = self.get_option_index(wanted)
        except OptionDoesNotExist:  # the part is gone: stay near where it was
            self.highlighted = min(self.highlighted or 0, self.option_count - 1)


def node_of(option: Option) -> Node:
    kind, _, index = (option.id or "agenda:0").partition(":")
    return kind, int(index)


def _options(draft: AgendaDraft, problems: list[Problem]) -> list[Option]:
    broken = {p.path[:2] for p in problems if p.severity == "error" and len(p.path) >= 2}
    title = str(draft.data.get("title", "(no title)"))
    options = [
        Option(Content(f"Agenda: {title}"), "agenda:0"),
        Option(Content(f"Participants ({len(draft.participants)})"), "participants:-1"),
    ]
    for index, person in enumerate(draft.participants):
        flag = "  (problem)" if ("participants", index) in broken else ""
        line = f"  {person.get('name', '?')} · {person.get('role', 'peer')}{flag}"
        options.append(Option(Content(line), f"participants:{index}"))
    total = format_duration(draft.total_seconds())
    options.append(Option(Content(f"Segments ({total})"), "segments:-1"))
    for index, segment in enumerate(draft.segments):
        flag = "  (problem)" if ("segments", index) in broken else ""
        length = draft.segment_seconds(index)
        heading = draft.segment_heading(index)
        shown = format_duration(length) if length else "?"
        line = f"  {index + 1}. {heading} ({segment.get('kind', '?')}, {shown}){flag}"
        options.append(Option(Content(line), f"segments:{index}"))
    return options
