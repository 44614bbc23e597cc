"""`facilitator history` and `facilitator resources`: what a series remembers."""

import sys
from pathlib import Path

from facilitator.session import JournalError, SystemClock
from facilitator.summary.formats import Format
from facilitator.summary.history import build_history, resources_of, series_digests
from facilitator.summary.history_render import render_history, render_resources
from facilitator.summary.words import day
from facilitator.text import clean


def say_skipped(skipped: list[str]) -> None:
    """Name, on stderr, each session left out because it cannot be read, and why."""
    if skipped:
        sessions = "1 session" if len(skipped) == 1 else f"{len(skipped)} sessions"
        print(f"Skipped {sessions} that cannot be read:", file=sys.stderr)
        for line in skipped:
            print(f"  {clean(line, one_line=True)}", file=sys.stderr)


def history(home: Path, series: str | None, format: Format, private: bool) -> int:
    """One series in full; without a series, each series in a line."""
    now = SystemClock().now()
    skipped: list[str] = []
    sessions = series_digests(home, series, now, skipped)
    say_skipped(skipped)
    if series is not None:
        if not sessions:
            raise JournalError(
                f"no sessions of the series {series!r}; `facilitator history` lists them"
            )
        built = build_history(series, sessions, now.date(), include_private=private)
        sys.stdout.write(clean(render_history(built, format)))
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
            clean(
                f"{name}: {len(built.sessions)} session{'s' * (len(built.sessions) != 1)}, "
                f"{day(first)} to {day(last)}, {still} open action item{'s' * (still != 1)}",
                one_line=True,
            )
        )
    return 0


def resources(home: Path, query: str, series: str | None, format: Format, private: bool) -> int:
    """Every resource shared, newest first, one per link, found by text or link."""
    skipped: list[str] = []
    digests = series_digests(home, series, SystemClock().now(), skipped)
    say_skipped(skipped)
    found = resources_of(digests, query=query, include_private=private)
    sys.stdout.write(clean(render_resources(found, format)))
    return 0
