"""The live session as pure logic: events, a reducer, a clock, a journal. No UI here."""

from facilitator.startup import later

# Made when first used, or once the first screen is drawn: a new session's first screen
# needs none of them. Before any module here imports them (see `startup.later`).
later("facilitator.session.events")
later("facilitator.session.facts")
later("facilitator.session.room")

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
