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


def due_text(date: dt.date) -> str:
    """`Tue 1 Dec`: a due date, short."""
    return f"{date:%a} {date.day} {date:%b}"
