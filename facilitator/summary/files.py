"""Writing a session's summary files: atomically, and never over an existing file."""

from pathlib import Path

from facilitator.agenda.writing import write_atomically
from facilitator.summary.render import render
from facilitator.summary.report import Report

SUMMARY = "summary.md"
RECORD = "session.json"


def save_summary(folder: Path, shared: Report, full: Report) -> Path:
    """`summary.md` (shared items only) and `session.json` (the whole record)."""
    write_atomically(folder / RECORD, render(full, "json"), overwrite=False)
    write_atomically(folder / SUMMARY, render(shared, "markdown"), overwrite=False)
    return folder / SUMMARY
