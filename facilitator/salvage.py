"""`facilitator summary` of a journal that cannot be replayed (a damaged header and no
session.json to rebuild it from): the captures its readable lines hold, with a warning."""

import json
import os
import sys
from pathlib import Path

from facilitator.files import open_regular
from facilitator.session.events import Capture, Draft
from facilitator.session.journal import JournalError, event_of
from facilitator.text import clean, counted

EXIT_OK = 0


def readable_captures(path: Path) -> tuple[list[Draft], bool]:
    """What a journal whose header cannot be read or rebuilt still tells: the captures its
    readable lines hold, in the order they were made (nothing replayed: no edit, no undo);
    and whether any may have been made in a confidential segment, where every capture is
    private: its agenda has such a segment, or the header is too damaged to tell."""
    try:
        descriptor = open_regular(path, os.O_RDONLY)
        with os.fdopen(descriptor, "rb") as file:
            raw = file.read()
    except OSError:
        return [], True
    lines = raw.split(b"\n")
    events = [event_of(line) for line in lines[1:] if line.strip()]
    return [event.draft for event in events if isinstance(event, Capture)], _confidential(lines[0])


def _confidential(header: bytes) -> bool:
    try:
        segments = json.loads(header)["agenda"]["segments"]
        return any(segment.get("confidential", False) is not False for segment in segments)
    except (ValueError, TypeError, KeyError, AttributeError):
        return True  # cannot tell: as if it had one


def print_readable_captures(journal: Path, error: JournalError, private: bool) -> int:
    """For a journal that cannot be replayed: its readable captures, with a warning. Which
    were made in a confidential segment cannot be told without replaying it: if any may
    have been, all are left out unless private ones are asked for."""
    drafts, confidential = readable_captures(journal)
    if not drafts:
        raise error
    kept = [d for d in drafts if private or not (d.private or confidential)]
    print(
        clean(
            f"{error}; the session cannot be replayed, so only the "
            f"{counted(len(drafts), 'capture')} that can be read are shown, as they were "
            "first typed (no edits, no undo)"
        ),
        file=sys.stderr,
    )
    if (hidden := len(drafts) - len(kept)) and confidential:
        print(
            f"{counted(hidden, 'capture')} left out: some may be from a confidential segment, "
            "and the damaged header cannot tell which (--include-private shows them).",
            file=sys.stderr,
        )
    elif hidden:
        print(f"{counted(hidden, 'private capture')} left out.", file=sys.stderr)
    for draft in kept:
        who = f" ({draft.person})" if draft.person else ""
        links = "".join(f" {url}" for url in draft.urls if url not in draft.text)
        mark = " (private)" if draft.private else ""
        print(clean(f"- {draft.type}: {draft.text}{links}{who}{mark}", one_line=True))
    return EXIT_OK
