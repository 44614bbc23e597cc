"""Times, dates and links said and read the same way everywhere: on screen, in messages,
in summaries."""

import datetime as dt
import re

URL = re.compile(r"""(?:https?://|www\.)[^\s<>"'\[\]`]+""", re.IGNORECASE)
"""A link as people type it: with its scheme, or starting with www. It stops at square
brackets, so no Markdown link (whose text could differ from its target) hides inside one."""


def hhmm(moment: dt.datetime) -> str:
    """`18:42`, in local time."""
    return f"{moment.astimezone():%H:%M}"


def moment_text(moment: dt.datetime) -> str:
    """`Tue 1 Dec 2026 18:42`, in local time: when a session was made, in a list."""
    local = moment.astimezone()
    return f"{date_text(local.date())} {local:%H:%M}"


def date_text(date: dt.date, today: dt.date | None = None) -> str:
    """`Tue 1 Dec`, with its year (`Wed 1 Dec 2027`) unless it is in today's year: the one
    way a date is said, on screen, in messages, summaries and histories. Without a today
    (a record read any time later), always with its year."""
    text = f"{date:%a} {date.day} {date:%b}"
    return text if today is not None and date.year == today.year else f"{text} {date.year}"
