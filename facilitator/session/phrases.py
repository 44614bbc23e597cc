"""Times, dates and links said and read the same way everywhere: on screen, in messages,
in summaries."""

import datetime as dt
import functools
import re
from typing import Any

_NOT_IN_A_LINK = re.compile(r"""[\[\]|<>`"]""")
"""Where a found link is cut: at square brackets, so that no Markdown link (whose text
could differ from its target) hides inside one; at `|` and `>`, so that Slack's
`<url|text>` gives its url alone."""


@functools.cache
def _finder() -> Any:  # linkify_it.LinkifyIt, which ships no type hints
    import linkify_it  # loads when the first link is looked for, not at start-up

    return linkify_it.LinkifyIt(options={"fuzzy_email": False, "fuzzy_ip": False})


def prepare_links() -> None:
    """Build the link finder now (it compiles its patterns on first use, in tens of
    milliseconds): the capture bar calls this in a thread as it first opens, so that the
    first capture's Enter does not wait."""
    _finder().test("https://example.org")


def links(text: str) -> list[tuple[int, int]]:
    """Where the links are, as (start, end): with a scheme, or starting with www. Found as
    chats find them (linkify-it), so `…/Ship_(disambiguation)` keeps its parenthesis and a
    full stop after a link is not part of it."""
    found = []
    for match in _finder().match(text) or []:
        if not (match.schema or match.raw[:4].casefold() == "www."):
            continue  # a bare `example.org` or `README.md` is just text
        cut = _NOT_IN_A_LINK.search(match.raw)
        end = match.index + (cut.start() if cut else len(match.raw))
        if end > match.index:
            found.append((match.index, end))
    return found


def minutes(seconds: float) -> str:
    """`5740` -> `96 min`: a span in prose, to the nearest minute; under one, "less than a
    minute" (never "0 min")."""
    return f"{round(seconds / 60)} min" if seconds >= 60 else "less than a minute"


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
