"""`facilitator history` and `facilitator resources`: what a series remembers."""

import sys
from pathlib import Path

from facilitator.session import JournalError, SystemClock
from facilitator.summary.documents import ResourceLibrary, series_list
from facilitator.summary.formats import Format
from facilitator.summary.history import build_history, resources_of, series_digests
from facilitator.summary.history_render import render_history, render_resources
from facilitator.summary.words import day
from facilitator.text import clean, counted


def say_skipped(skipped: list[str]) -> None:
    """Name, on stderr, each session left out because it cannot be read, and why."""
    if skipped:
        print(f"Skipped {counted(len(skipped), 'session')} that cannot be read:", file=sys.stderr)
        for line in skipped:
            print(f"  {clean(line, one_line=True)}", file=sys.stderr)


def history(home: Path, series: str | None, format: Format | None, private: bool) -> int:
    """One series in full; without a series, each series in a line. In a terminal it is
    plain text (no Markdown escapes to read past); piped, Markdown unless told."""
    format = format or ("text" if sys.stdout.isatty() else "markdown")
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
    listed = series_list(sessions, now.date(), include_private=private)
    if format == "json":
        sys.stdout.write(listed.model_dump_json(indent=2) + "\n")
        return 0
    if not listed.series:
        print("No series yet: give agendas a `series` and their sessions are remembered together.")
    for line in listed.series:
        print(
            clean(
                f"{line.series}: {counted(line.sessions, 'session')}, "
                f"{day(line.first)} to {day(line.last)}, "
                f"{counted(line.open_actions, 'open action item')}",
                one_line=True,
            )
        )
    return 0


def resources(home: Path, query: str, series: str | None, format: Format, private: bool) -> int:
    """Every resource shared, newest first, one per link, found by text or link."""
    skipped: list[str] = []
    digests = series_digests(home, series, SystemClock().now(), skipped)
    say_skipped(skipped)
    if series is not None and not digests:
        raise JournalError(
            f"no sessions of the series {series!r}; `facilitator history` lists them"
        )
    found = resources_of(digests, query=query, include_private=private)
    if format == "json":
        library = ResourceLibrary(query=query, series=series, resources=found)
        sys.stdout.write(library.model_dump_json(indent=2) + "\n")
        return 0
    if query and not found:
        print(clean(f"No resource matches {query!r}.", one_line=True))
        return 0
    sys.stdout.write(clean(render_resources(found, format)))
    return 0
