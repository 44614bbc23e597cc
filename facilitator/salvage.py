"""`facilitator summary` of a journal that cannot be replayed (a damaged header and no
session.json to rebuild it from): the captures its readable lines hold, with a warning."""

import os
import sys
from pathlib import Path

from facilitator.files import open_regular
from facilitator.session.events import Capture, Draft
from facilitator.session.journal import JournalError, event_of
from facilitator.text import clean, counted

EXIT_OK = 0


def readable_captures(path: Path) -> list[Draft]:
    """What a journal whose header cannot be read or rebuilt still tells: the captures its
    readable lines hold, in the order they were made (nothing replayed: no edit, no undo)."""
    try:
        descriptor = open_regular(path, os.O_RDONLY)
        with os.fdopen(descriptor, "rb") as file:
            raw = file.read()
    except OSError:
        return []
    events = [event_of(line) for line in raw.split(b"\n")[1:] if line.strip()]
    return [event.draft for event in events if isinstance(event, Capture)]


def print_readable_captures(journal: Path, error: JournalError, private: bool) -> int:
    """For a journal that cannot be replayed: its readable captures, with a warning."""
    drafts = readable_captures(journal)
    if not drafts:
        raise error
    hidden = sum(1 for draft in drafts if draft.private and not private)
    print(
        clean(
            f"{error}; the session cannot be replayed, so only the {len(drafts)} captures "
            "that can be read are shown, as they were first typed (no edits, no undo)"
        ),
        file=sys.stderr,
    )
    if hidden:
        print(f"{counted(hidden, 'private capture')} left out.", file=sys.stderr)
    for draft in drafts:
        if draft.private and not private:
            continue
        who = f" ({draft.person})" if draft.person else ""
        links = "".join(f" {url}" for url in draft.urls if url not in draft.text)
        mark = " (private)" if draft.private else ""
        print(clean(f"- {draft.type}: {draft.text}{links}{who}{mark}", one_line=True))
    return EXIT_OK
