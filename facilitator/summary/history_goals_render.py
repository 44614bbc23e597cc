"""The goals section of a series' history, in Markdown or plain text."""

from facilitator.summary import words
from facilitator.summary.history import History
from facilitator.summary.history_goals import GoalRecord
from facilitator.summary.render import md_literal
from facilitator.text import counted

ENDED = {"reached": "reached", "replaced": "replaced", "dropped": "dropped"}


def goals_section(history: History, heading: bool) -> list[str]:
    """`## Goals`, then each person, their goals oldest first, and the progress on each."""
    if not history.goals:
        return []
    literal = md_literal if heading else str
    lines = ["## Goals", ""] if heading else ["Goals", "-----"]
    for person in history.goals:
        lines.append(f"- **{literal(person.person)}**" if heading else person.person)
        for goal in person.goals:
            lines.append(f"  - {literal(goal.text)}{_private(goal)} — {_story(history, goal)}")
            lines += [
                f"    - {_session(history, p.session)}: {literal(p.text)}" for p in goal.progress
            ]
    return [*lines, ""]


def _story(history: History, goal: GoalRecord) -> str:
    """`set in session 1 (Tue 1 Dec), reached in session 3`, or how long without progress."""
    story = f"set in {_session(history, goal.set_in)}"
    if goal.status != "current":
        ended = goal.ended_in
        return f"{story}, {ENDED[goal.status]}" + (
            f" in {_session(history, ended)}" if ended else ""
        )
    story += ", current"
    count = goal.sessions_without_progress
    if count:
        story += f"; no progress noted for {counted(count, 'session')}"
    return story


def _session(history: History, session: str) -> str:
    for number, line in enumerate(history.sessions, start=1):
        if line.session == session:
            return f"session {number} ({words.day(line.date)})"
    return session


def _private(goal: GoalRecord) -> str:
    return " (private)" if goal.private else ""
