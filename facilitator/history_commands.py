"""`facilitator history` and `facilitator resources`: what a series remembers."""

import sys
from pathlib import Path

from facilitator.session import JournalError, SystemClock
from facilitator.summary.formats import Format
from facilitator.summary.history import build_history, resources_of, series_digests
from facilitator.summary.history_render import render_history, render_resources
from facilitator.summary.words import day


def history(home: Path, series: str | None, format: Format | None, private: bool) -> int:
    """One series in full; without a series, each series in a line. In a terminal it is
    plain text (no Markdown escapes to read past); piped, Markdown unless told."""
    format = format or ("text" if sys.stdout.isatty() else "markdown")
    now = SystemClock().now()
    sessions = series_digests(home, series, now)
    if series is not None:
        if not sessions:
            raise JournalError(
                f"no sessions of the series {series!r}; `facilitator history` lists them"
            )
        built = build_history(series, sessions, now.date(), include_private=private)
        sys.stdout.write(render_history(built, format))
        return 0
    names = sorted({facts.series for facts in sessions if facts.series})
    if not names:
        print("No series yet: give agendas a `series` and their sessions are remembered together.")
        return 0
    for name in names:
        of_series = [facts for facts in sessions if facts.series == name]
        built = build_history(name, of_series, now.date(), include_private=private)
        still = sum(1 for entry in built.ledger if entry.status in ("open", "carried"))
        first, last = built.sessions[0].date, built.sessions[-1].date
        print(
            f"{name}: {len(built.sessions)} session{'s' * (len(built.sessions) != 1)}, "
            f"{day(first)} to {day(last)}, {still} open action item{'s' * (still != 1)}"
        )
    return 0


def resources(home: Path, query: str, series: str | None, format: Format, private: bool) -> int:
    """Every resource shared, newest first, one per link, found by text or link."""
    found = resources_of(
        series_digests(home, series, SystemClock().now()), query=query, include_private=private
    )
    sys.stdout.write(render_resources(found, format))
    return 0
