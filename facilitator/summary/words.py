"""Small phrasings shared by every summary format."""

import datetime as dt

from facilitator.session.item_kinds import ItemKind
from facilitator.session.phrases import date_text, hhmm, minutes
from facilitator.summary.charts import chart
from facilitator.summary.report import Entry, PersonTime, Reopening, Report, SegmentTime
from facilitator.text import counted


def mmss(seconds: float) -> str:
    """`700` -> `11:40`: a span in a table or a list, to the second."""
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def day(date: dt.date) -> str:
    """`Wed 25 Nov 2026`: a day in a record, with its year."""
    return date_text(date)


def when(report: Report) -> str:
    """`Wed 25 Nov 2026, 18:00–19:35 (95 min; planned 90 min)`, or how far it got."""
    text = day(report.date)
    if report.started is None:
        return f"{text} (not started)"
    text += f", {hhmm(report.started)}"
    if report.ended is None:
        return f"{text} onwards (interrupted, not ended)"
    took = minutes(report.duration_seconds or 0)
    return f"{text}–{hhmm(report.ended)} ({took}; planned {minutes(report.planned_seconds)})"


def reopened(reopening: Reopening, date: dt.date) -> str:
    """`Reopened at 10:12 to add 2 items.`: for the facilitator, not the shared summary;
    with its day when that was another day than the session's."""
    added = reopening.added
    what = f"to add {counted(added, 'item')}" if added else "(nothing added)"
    local = reopening.at.astimezone()
    on = f" on {day(local.date())}" if local.date() != date else ""
    return f"Reopened{on} at {hhmm(local)} {what}."


def people(report: Report) -> str:
    joined = [
        f"{name} (joined late)" if name in report.latecomers else name for name in report.attendees
    ]
    text = f"Attended: {', '.join(joined) or 'nobody recorded'}."
    if report.absent:
        text += f" Absent: {', '.join(report.absent)}."
    return text


def action(entry: Entry, today: dt.date) -> str:
    """`Ben: send the draft (due Fri 27 Nov)`; `Ana and Ben: …` for an item both own; the
    due date's year is said when it is not `today`'s."""
    owners = [name for name in (entry.person, *entry.also) if name]
    owner = f"{' and '.join(owners)}: " if owners else ""
    due = f" (due {date_text(entry.due, today)})" if entry.due else ""
    return f"{owner}{entry.text}{due}{private(entry)}"


def person(time: PersonTime) -> str:
    """`Ben (absent)`: a person in a table of times, with their absence said."""
    return f"{time.name} (absent)" if time.absent else time.name


def segment(time: SegmentTime) -> str:
    """`Hot seat (Ben: moving into management)`: a segment, with its presenter's focus."""
    return f"{time.title} ({time.focus})" if time.focus else time.title


def shared_with(entry: Entry, owner: str | None) -> str:
    """` (with Ben)`: the other owners of an action listed under `owner`."""
    others = [name for name in (entry.person, *entry.also) if name and name != owner]
    return f" (with {' and '.join(others)})" if others else ""


def credit(entry: Entry) -> str:
    """`(Eun-ji, Check-in)`: who shared it and where."""
    parts = [part for part in (entry.person, entry.segment) if part]
    return (f" ({', '.join(parts)})" if parts else "") + private(entry)


CARRY_WORDS = {
    "done": "done",
    "dropped": "dropped",
    "carried": "carried again",
    "open": "still open",
}


def carried(entry: Entry, today: dt.date) -> str:
    return f"{action(entry, today)} — {CARRY_WORDS[entry.carry]}"


def per_person(kind: ItemKind, entry: Entry) -> str:
    """`Ana: lead the data-centre move (set in the agenda)`, `… (reached)`: one person's
    goal and what became of it this session."""
    if entry.carried_from:
        became = kind.done_word if entry.carry == "done" else CARRY_WORDS[entry.carry]
    else:
        became = "set in the agenda" if entry.segment is None else f"set in {entry.segment}"
        if entry.carry == "done":
            became += f", {kind.done_word}"
    owner = f"{entry.person}: " if entry.person else ""
    return f"{owner}{entry.text} ({became}){private(entry)}"


def private(entry: Entry) -> str:
    """` (private)` after an item that a shared summary leaves out."""
    return " (private)" if entry.private else ""


def airtime_chart(report: Report) -> list[str]:
    """Each person's airtime as a bar against their allotted time: `Ana  ███▌·│  6:30 of 7:00`."""
    return chart(
        [
            (
                person(p),
                p.spoke_seconds,
                p.allotted_seconds,
                _of(p.spoke_seconds, p.allotted_seconds),
            )
            for p in report.airtime
        ]
    )


def agenda_chart(report: Report) -> list[str]:
    """Each segment's actual time as a bar, against what was planned (marked)."""
    return chart(
        [
            (s.title, s.actual_seconds, s.planned_seconds, _of(s.actual_seconds, s.planned_seconds))
            for s in report.segments
        ]
    )


def _of(actual: int, planned: int) -> str:
    """`6:30 of 7:00`, `15:00 of 5:00 (300%)`, `0:00 of 5:00 (skipped)`."""
    words = f"{mmss(actual)} of {mmss(planned)}"
    if planned and actual > planned:
        return f"{words} ({round(100 * actual / planned)}%)"
    return f"{words} (skipped)" if not actual and planned else words
