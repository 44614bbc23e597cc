"""Ahead or behind: how the session stands against its plan, on its own clock."""

import datetime as dt
from dataclasses import dataclass

from facilitator.session.slots import Slot
from facilitator.session.state import State

CATCH_UP_FLOOR_SECONDS = 15.0
"""No catch-up hint suggests a turn shorter than this (or a quarter of the planned turn)."""


@dataclass(frozen=True)
class Schedule:
    now: dt.datetime
    started: dt.datetime | None
    planned_end: dt.datetime
    projected_end: dt.datetime
    behind: float
    """Seconds the projected end is after the planned end; negative when ahead."""
    catch_up_per_speaker: float | None
    """The turn length that would bring the session back on time, when behind in a round."""
    overrun_at_floor: float | None
    """When no turn may be cut below a quarter of its plan (or 15 s): how far the round
    runs over even so; None when it can catch up."""
    planned_seconds: float
    """What the agenda's `planned` says (or what its segments add up to)."""
    agenda_seconds: float
    """What the segments add up to."""


def schedule_of(
    state: State, turn_remaining: float, live: float, now: dt.datetime, elapsed: float
) -> Schedule:
    """Ahead or behind on the session's own clock; the wall clock only labels the ends, so
    a clock that jumps (NTP, a laptop waking) moves the labels, never the sums."""
    planned_total = state.agenda.planned or state.agenda.total_seconds
    ahead_of_us = _time_still_needed(state, turn_remaining, live)
    behind = elapsed + ahead_of_us - planned_total
    catch_up, overrun = _catch_up(state, behind)
    return Schedule(
        now=now,
        started=state.started,
        planned_end=now + dt.timedelta(seconds=planned_total - elapsed),
        projected_end=now + dt.timedelta(seconds=ahead_of_us),
        behind=behind,
        catch_up_per_speaker=catch_up,
        overrun_at_floor=overrun,
        planned_seconds=planned_total,
        agenda_seconds=state.agenda.total_seconds,
    )


def _time_still_needed(state: State, turn_remaining: float, live: float) -> float:
    """Planned seconds from now to the end: this turn, this segment, the segments after."""
    at = state.at
    cap = state.box_seconds(at.segment)
    if cap is not None:  # the box, or the topic running past it
        topic_left = turn_remaining if state.slot.topic is not None else 0.0
        here = max(0.0, cap - state.segment_spent(at.segment, live), topic_left)
    else:
        slot = state.slot
        rest_of_turn = sum(
            max(0.0, slot.allotted(step) - slot.spent[step])
            for step in range(at.step + 1, len(slot.step_seconds))
        )
        here = (
            max(0.0, turn_remaining)
            + rest_of_turn
            + sum(slot.left_unspent for slot in _later_slots(state))
        )
    later = sum(
        sum(slot.left_unspent for slot in state.slots_of(index) if not state.is_away(slot))
        for index in range(at.segment + 1, len(state.agenda.segments))
    )
    return here + later


def _later_slots(state: State) -> list[Slot]:
    """The turns still to come in this segment, of people who are here."""
    slots = state.runs[state.at.segment][state.at.slot + 1 :]
    return [slot for slot in slots if not state.is_away(slot)]


def _catch_up(state: State, behind: float) -> tuple[float | None, float | None]:
    """The turn length that catches up; or, when that would cut turns below a quarter of
    their plan (at least 15 s), how far the round runs over even at that floor."""
    if behind <= 0 or not state.segment.HAS_TURNS:
        return None, None
    later = _later_slots(state)
    if not later:
        return None, None
    needed = (sum(slot.left_unspent for slot in later) - behind) / len(later)
    floor = max(CATCH_UP_FLOOR_SECONDS, max(slot.total_allotted for slot in later) / 4)
    if needed >= floor:
        return needed, None
    can_cut = sum(max(0.0, slot.left_unspent - floor) for slot in later)
    return None, behind - can_cut
