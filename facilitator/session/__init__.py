"""The live session as pure logic: events, a reducer, a clock, a journal. No UI here."""

from facilitator.startup import later

for _module in ("events", "facts", "room"):  # before any module here imports them
    later(f"facilitator.session.{_module}")  # see `events`

from facilitator.session.clock import Clock, FakeClock, SystemClock
from facilitator.session.items import Item
from facilitator.session.journal import JournalError
from facilitator.session.recorder import Outcome
from facilitator.session.records import SessionRecord, data_home, find_session, recorded_sessions
from facilitator.session.session import Session
from facilitator.session.state import State
from facilitator.session.view import SessionView

__all__ = [
    "Clock",
    "FakeClock",
    "Item",
    "JournalError",
    "Outcome",
    "Session",
    "SessionRecord",
    "SessionView",
    "State",
    "SystemClock",
    "data_home",
    "find_session",
    "recorded_sessions",
]
