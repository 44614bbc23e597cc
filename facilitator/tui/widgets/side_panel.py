"""Beside the countdown: the round's queue with airtime, the topics, or last time's items."""

from typing import assert_never

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from facilitator.session.view import SessionView
from facilitator.tui import clock_words

QUEUE_MARKS = {
    "spoken": "✓",
    "speaking": "▶",
    "passed": "↷",
    "absent": "✗",
    "skipped": "–",
    "waiting": "·",
}
CARRY_MARKS = {"done": "✓ done", "carried": "→ carried", "dropped": "✗ dropped", "open": "· open"}


class SidePanel(Static):
    """A plain list whose lines say their state in words and marks, not colour alone."""

    view: reactive[SessionView | None] = reactive(None)
    nothing_carried = "Nothing was left open last time."
    """What the review says when no items came from an earlier session (set by the screen)."""

    def watch_view(self, view: SessionView | None) -> None:
        if view is None:
            return
        match view.turn.panel:
            case "topics":
                lines = self._topics(view)
            case "carried":
                lines = self._carried(view, self.nothing_carried)
            case "queue":
                lines = self._queue(view)
            case "airtime":
                lines = self._airtime(view)
            case _:
                assert_never(view.turn.panel)
        self.update(Content("\n".join(lines)))

    @staticmethod
    def _queue(view: SessionView) -> list[str]:
        spoke = {a.name: a.spoke for a in view.airtime}
        lines = ["Queue            spoke"]
        for entry in view.queue:
            mark = QUEUE_MARKS[entry.status]
            status = f" {entry.status}" if entry.status in ("passed", "absent", "skipped") else ""
            name = f"{mark} {entry.name}{status}"
            lines.append(f"{name[:16]:<16} {clock_words.clock_face(spoke.get(entry.name, 0)):>5}")
        return lines

    @staticmethod
    def _airtime(view: SessionView) -> list[str]:
        lines = ["Airtime          spoke"]
        for person in view.airtime:
            lines.append(f"{person.name[:16]:<16} {clock_words.clock_face(person.spoke):>5}")
        return lines

    @staticmethod
    def _topics(view: SessionView) -> list[str]:
        topics = view.topics
        if not topics:
            return ["Topics", "none yet: press t to add one"]
        current = view.turn.topic
        lines = ["Topics (digit = vote)"]
        for number, topic in enumerate(topics, start=1):
            mark = "▶" if topic.text == current else " "
            votes = f"{topic.votes} vote{'' if topic.votes == 1 else 's'}"
            lines.append(f"{mark}{number}. {topic.text}  ({votes})")
        return lines

    @staticmethod
    def _carried(view: SessionView, nothing: str) -> list[str]:
        carried = [item for item in view.items if item.carried_from]
        if not carried:
            return ["From last time", nothing]
        lines = ["From last time (i, then d c x)"]
        for item in reversed(carried):
            owner = f"{item.person}: " if item.person else ""
            lines.append(f"{CARRY_MARKS[item.carry]}  {owner}{item.text}")
        return lines
