"""A 3-hour, 12-person session of 10,000 events, recorded on a fake clock."""

import os
import random
from pathlib import Path

from facilitator.agenda import parse_agenda
from facilitator.session import FakeClock, Session

PEOPLE = [f"Person {n}" for n in range(1, 13)]
AGENDA = f"""
title = "Big circle"
series = "big"
participants = [{", ".join(f'{{ name = "{name}" }}' for name in PEOPLE)}]
[[segments]]
kind = "round"
title = "Check-in"
per_speaker = "2m"
[[segments]]
kind = "round"
title = "Hot seats"
steps = [{{ title = "Present", duration = "3m" }}, {{ title = "Advice", duration = "5m" }}]
[[segments]]
kind = "round"
title = "Commitments"
per_speaker = "2m"
"""


def record_session(home: Path, events: int = 10_000, seed: int = 7) -> Session:
    """Drive a session with a realistic mix of actions until it holds `events` events."""
    rng = random.Random(seed)
    clock = FakeClock()
    session = Session.begin(parse_agenda(AGENDA, "big.toml").agenda, clock, home, "big.toml")
    session.start()
    seconds_per_event = 3 * 3600 / events
    while len(session.events) < events:
        clock.advance(seconds_per_event)
        roll = rng.random()
        if roll < 0.4:
            session.capture("note", f"@{rng.choice(PEOPLE)} said something worth keeping")
        elif roll < 0.55:
            session.capture("action", f"@{rng.choice(PEOPLE)} follow up by friday")
        elif roll < 0.65:
            session.capture("resource", "A book https://example.org/book")
        elif roll < 0.8:
            session.toggle()
        elif roll < 0.9:
            session.adjust(60)
        elif roll < 0.97:
            session.next() if session.state.forward_target() else session.jump(0)
        else:
            session.undo()
    return session


def many_sessions(home: Path, count: int, events: int = 2_000, listed: bool = True) -> None:
    """`count` recorded sessions of `events` events each (one journal, hard-linked), each
    with the listing the app keeps, unless `listed` is False (sessions from before it)."""
    first = record_session(home, events)
    first.end()
    first.close()
    assert first.folder is not None
    journal = first.folder / "journal.jsonl"
    for number in range(1, count):
        folder = first.folder.with_name(f"{first.folder.name}-{number}")
        folder.mkdir(mode=0o700)
        os.link(journal, folder / "journal.jsonl")
        if listed:
            os.link(journal.with_name("listing.json"), folder / "listing.json")
