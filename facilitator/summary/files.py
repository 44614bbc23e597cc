"""Writing a session's summary files: atomically, and never over an existing file."""

import os
import tempfile
from pathlib import Path

from facilitator.summary.render import render
from facilitator.summary.report import Report

SUMMARY = "summary.md"
RECORD = "session.json"


def write_new(path: Path, text: str) -> bool:
    """Write a file whole or not at all; False (and nothing written) if it already exists."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.link(temporary, path)
    except FileExistsError:
        return False
    finally:
        os.unlink(temporary)
    return True


def save_summary(folder: Path, shared: Report, full: Report) -> Path:
    """`summary.md` (shared items only) and `session.json` (the whole record)."""
    write_new(folder / RECORD, render(full, "json"))
    write_new(folder / SUMMARY, render(shared, "markdown"))
    return folder / SUMMARY
