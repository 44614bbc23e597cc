"""A series' history, and the resource library, as Markdown, plain text or JSON."""

import datetime as dt
from pathlib import Path

from rich.cells import cell_len, set_cell_size

from facilitator.session.phrases import date_text, minutes
from facilitator.summary import words
from facilitator.summary.charts import Row, chart
from facilitator.summary.chats import defused
from facilitator.summary.formats import Format
from facilitator.summary.history import (
    History,
    LedgerEntry,
    Resource,
    build_history,
    series_digests,
)
from facilitator.summary.history_goals_render import goals_section
from facilitator.summary.render import md_code_block, md_literal
from facilitator.text import clean, counted

STATUS_WORDS = {"open": "open", "done": "done", "dropped": "dropped", "carried": "carried again"}


def render_history(history: History, format: Format) -> str:
    if format == "json":
        return history.model_dump_json(indent=2) + "\n"
    heading = format == "markdown"
    title = md_literal(history.series) if heading else history.series
    lines = [f"# {title}" if heading else title, ""]
    lines += _section("Sessions", _sessions(history), heading)
    lines += _section("Attendance", _attendance(history), heading, code=True)
    lines += goals_section(history, heading)
    ledger = [_ledger_line(entry, history.as_of) for entry in history.ledger]
    lines += _section("Action ledger", ledger, heading)
    lines += _section("Resources", [_resource_line(r) for r in history.resources], heading)
    shares: list[Row] = [
        (a.name, float(a.spoke_seconds), None, words.mmss(a.spoke_seconds)) for a in history.airtime
    ]
    lines += _section("Airtime across the series", chart(shares), heading, code=True)
    return defused("\n".join(lines).rstrip() + "\n")


def render_resources(resources: list[Resource], format: Format) -> str:
    """Resources as Markdown or plain text (the command writes JSON as a document)."""
    if not resources:
        return "No resources shared yet.\n"
    if format == "markdown":  # user text made literal: no heading, fence or tag of its own
        return defused("".join(f"- {md_literal(_resource_line(r))}\n" for r in resources))
    return defused("\n".join(_resource_line(r) for r in resources) + "\n")


def _sessions(history: History) -> list[str]:
    return [
        f"{words.day(line.date)}  {clean(line.session, one_line=True)}  "
        f"{minutes(line.length_seconds) if line.length_seconds else 'not ended'}  "
        f"{len(line.attended)} attended"
        for line in history.sessions
    ]


def _attendance(history: History) -> list[str]:
    """People by sessions: ✓ came, · did not."""
    if not history.sessions:
        return []
    width = max(cell_len(name) for name in history.people) if history.people else 0
    header = " " * width + "  " + " ".join(f"{n + 1:>2}" for n in range(len(history.sessions)))
    rows = [
        f"{set_cell_size(name, width)}  "
        + " ".join(f"{'✓' if name in s.attended else '·':>2}" for s in history.sessions)
        for name in history.people
    ]
    return [header, *rows]


def _ledger_line(entry: LedgerEntry, today: dt.date) -> str:
    """`[carried again, carried 2 times, OVERDUE] Ben: send the deck, due Tue 1 Dec (from …)`."""
    status = STATUS_WORDS[entry.status]
    if entry.carried:
        status += f", carried {counted(entry.carried, 'time')}"
    if entry.overdue:
        status += ", OVERDUE"
    owner = f"{' and '.join(entry.owners)}: " if entry.owners else ""
    due = f", due {date_text(entry.due, today)}" if entry.due else ""
    private = " (private)" if entry.private else ""
    return f"[{status}] {owner}{entry.text}{due} (from {entry.made_in}){private}"


DAYS_SHOWN = 5
"""A resource's newest days shared, in a history; the earlier ones are counted."""


def _resource_line(resource: Resource) -> str:
    """`Book https://… (Ana): shared 3 times: Wed 9 Dec 2026, Wed 25 Nov 2026`: each day
    once, the newest few (a link shared at every session of a long series is one line)."""
    who = f" ({', '.join(resource.shared_by)})" if resource.shared_by else ""
    days = list(dict.fromkeys(resource.dates))  # newest first, as the dates are
    when = ", ".join(words.day(day) for day in days[:DAYS_SHOWN])
    if (earlier := len(days) - DAYS_SHOWN) > 0:
        when += f" and {counted(earlier, 'earlier day')}"
    times = f"{len(resource.dates):,} times: " if len(resource.dates) > 1 else ""
    private = " (private)" if resource.private else ""
    return f"{resource.text}{who}: shared {times}{when}{private}"


def _section(title: str, lines: list[str], heading: bool, code: bool = False) -> list[str]:
    """A titled block: in Markdown a list (user text made literal) or a code block."""
    if not lines:
        return []
    if not heading:
        return [title, "-" * len(title), *lines, ""]
    if code:
        return [f"## {title}", *md_code_block(lines), ""]
    return [f"## {title}", "", *(f"- {md_literal(line)}" for line in lines), ""]


def series_markdown(
    home: Path, series: str, now: dt.datetime, *, include_private: bool = False
) -> str:
    """A series' history as Markdown, as of `now` by the caller's clock (for the screens)."""
    sessions = series_digests(home, series, now)
    if not sessions:
        return f"# {md_literal(series)}\n\nNo ended or recorded sessions of this series yet.\n"
    built = build_history(series, sessions, now.date(), include_private=include_private)
    return render_history(built, "markdown")
