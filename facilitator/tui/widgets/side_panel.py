"""Beside the countdown: the round's queue with airtime, the topics, or last time's items.
Each list keeps what matters now in view, whatever its length and the panel's size."""

import datetime as dt
from itertools import zip_longest
from typing import assert_never

from textual import events
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from facilitator.session.airtime import Airtime
from facilitator.session.goals import GoalLine, goal_lines
from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.items import Item
from facilitator.session.phrases import date_text
from facilitator.session.state import by_votes
from facilitator.session.view import SessionView
from facilitator.summary.charts import bar
from facilitator.tui import clock_words
from facilitator.tui.cells import fit, window, wrapped
from facilitator.tui.widgets.line import plain_strip

QUEUE_MARKS = {
    "spoken": "✓",
    "speaking": "▶",
    "passed": "↷",
    "absent": "✗",
    "skipped": "–",
    "waiting": "·",
}
CARRY_MARKS = {"done": "✓ done", "carried": "→ carried", "dropped": "✗ dropped", "open": "· open"}
CARRY_KEYS = "i items · d done · c carry · x drop"
"""The review's own footer: the keys that mark last time's items (in the items list)."""
GOALS = "Goals"
"""The heading of the circle's goals in the review, above them (items start with a mark)."""
TIME = 5
"""Cells for a time at the end of a line: `12:30`."""
BAR = 4
"""Cells for an airtime bar: full at the time allotted."""


def _goal_row(goal: GoalLine, today: dt.date) -> str:
    """`◎ Ana: lead the move · progress Tue 1 Dec`: a goal and its last progress."""
    last = goal.last_progress
    when = f"progress {date_text(last, today)}" if last else "no progress yet"
    private = " (private)" if goal.private else ""
    return f"◎ {goal.person}: {goal.text}{private} · {when}"


def _airtime(person: Airtime | None) -> str:
    """`██▌  2:30`: time spoken as a bar against the time allotted, then in digits."""
    spoke, allotted = (person.spoke, person.allotted) if person else (0.0, 0.0)
    return f"{bar(spoke, allotted, BAR):<{BAR}} {clock_words.clock_face(spoke):>{TIME}}"


class SidePanel(Widget):
    """A plain list whose lines say their state in words and marks, not colour alone.

    Drawn line by line: a key or a second of airtime changes a row or two, and only those
    are drawn again (a Static draws all of them, most of what a key costs to show)."""

    view: reactive[SessionView | None] = reactive(None, repaint=False)
    nothing_carried = "Nothing was left open last time."
    """What the review says when no items came from an earlier session (set by the screen)."""
    rows: tuple[str, ...] = ()
    """What the panel says, a row a line before wrapping: its title, then its list."""
    _lines: tuple[str, ...] = ()
    """The rows wrapped at the panel's width, as drawn."""
    _width = 0

    def on_resize(self, event: events.Resize) -> None:
        self.watch_view(self.view)

    def _show(self, rows: tuple[str, ...], width: int) -> None:
        """Show `rows`, drawing again only the lines that changed."""
        if rows == self.rows and width == self._width:
            return
        lines = tuple(line for row in rows for line in wrapped(row, width))
        for y, (before, after) in enumerate(zip_longest(self._lines, lines)):
            if before != after:
                self.refresh(Region(0, y, width, 1))
        self.rows, self._lines, self._width = rows, lines, width

    def render_line(self, y: int) -> Strip:
        return plain_strip(self, self._lines[y] if y < len(self._lines) else "", y)

    def watch_view(self, view: SessionView | None) -> None:
        if view is None:
            return
        width = max(self.content_size.width, 20)
        match view.turn.panel:
            case "topics":
                title, rows, current = self._topics(view, width)
            case "carried":
                title, rows, current = self._carried(view, self.nothing_carried)
            case "queue":
                title, rows, current = self._queue(view, width)
            case "airtime":
                title, rows, current = self._airtime(view, width)
            case _:
                assert_never(view.turn.panel)
        height = self.content_size.height or len(rows) + 1
        if view.turn.panel == "carried":  # whole items, wrapped, and the keys below them
            keys = len(wrapped(CARRY_KEYS, width))
            shown = [*_whole_rows(rows, height - 1 - keys, width), CARRY_KEYS]
        else:
            shown = window(rows, current, height - 1)
        self._show((title, *shown), width)

    @staticmethod
    def _queue(view: SessionView, width: int) -> tuple[str, list[str], int | None]:
        """Who speaks, in order, with each one's airtime as a bar against their allotted."""
        airtime = {a.name: a for a in view.airtime}
        rows, current = [], None
        for index, entry in enumerate(view.queue):
            if entry.status == "speaking":
                current = index
            mark = QUEUE_MARKS[entry.status]
            status = f" {entry.status}" if entry.status in ("passed", "absent", "skipped") else ""
            name = fit(f"{mark} {entry.name}{status}", width - TIME - BAR - 2)
            rows.append(f"{name} {_airtime(airtime.get(entry.name))}")
        return fit("Queue", width - TIME - 1) + " spoke", rows, current

    @staticmethod
    def _airtime(view: SessionView, width: int) -> tuple[str, list[str], int | None]:
        rows = [
            f"{fit(p.name + (' absent' if p.absent else ''), width - TIME - BAR - 2)} {_airtime(p)}"
            for p in view.airtime
        ]
        return fit("Airtime", width - TIME - 1) + " spoke", rows, None

    @staticmethod
    def _topics(view: SessionView, width: int) -> tuple[str, list[str], int | None]:
        """Every topic, by its number; by votes once discussion starts (the numbers stay)."""
        numbered = list(enumerate(view.topics, start=1))
        if not numbered:
            return "Topics", ["none yet: press t to add one"], None
        started = bool(view.discussed)
        if started:
            numbered.sort(key=lambda pair: by_votes(pair[1]))  # the order n takes them in
        rows, current = [], None
        for index, (number, topic) in enumerate(numbered):
            mark = "✓" if topic.id in view.discussed else "·"
            if topic.id == view.turn.topic_id:
                current, mark = index, "▶"
            votes = f"{topic.votes}"
            text = fit(f"{mark} {number}. {topic.text}", width - len(votes) - 1)
            rows.append(f"{text} {votes}")
        title = "Topics by votes" if started else "Topics (v or digit votes)"
        used = sum(topic.votes for topic in view.topics)
        if view.vote_budget is not None:
            title += f" · votes {used} of {view.vote_budget} used"
        return title, rows, current

    @staticmethod
    def _carried(view: SessionView, nothing: str) -> tuple[str, list[str], int | None]:
        """Last time's items in the order of the items list, where d, c and x mark them;
        then the circle's goals, each with the day progress was last noted on it."""
        carried: list[Item] = [
            item
            for item in view.items
            if item.carried_from and not ITEM_KINDS[item.type].one_per_person
        ]
        today = view.schedule.now.date()
        goals = [_goal_row(goal, today) for goal in goal_lines(view.items)]
        if not carried and not goals:
            return "From last time", [nothing], None
        rows = []
        for item in carried:
            owners = [name for name in (item.person, *item.also) if name]
            owner = f"{', '.join(owners)}: " if owners else ""
            due = f", due {date_text(item.due, view.schedule.now.date())}" if item.due else ""
            private = "(private) " if item.private else ""  # first: a cut line keeps it
            rows.append(f"{CARRY_MARKS[item.carry]}  {private}{owner}{item.text}{due}")
        if goals:
            rows += [f"{GOALS} ({len(goals)})", *goals]
        return "From last time", rows, None


def _whole_rows(rows: list[str], height: int, width: int) -> list[str]:
    """As many whole rows as fit in `height` lines once wrapped at `width`, then how many
    more items there are (a heading is not one): a row is never cut, nor silently left
    below the panel."""
    heights = [len(wrapped(row, width)) for row in rows]
    if sum(heights) <= height:
        return rows
    shown: list[str] = []
    used = 0
    for row, lines in zip(rows, heights, strict=True):
        if used + lines > height - 1:
            break
        shown.append(row)
        used += lines
    hidden = [row for row in rows[len(shown) :] if not row.startswith(f"{GOALS} (")]
    return [*shown, f"↓ {len(hidden)} more"]
