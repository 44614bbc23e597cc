"""Each person's airtime: what they spoke against what was planned for them."""

from typing import NamedTuple

from facilitator.session.state import State


class Airtime(NamedTuple):
    name: str
    spoke: float
    allotted: float
    absent: bool = False
    """Marked absent (and not back): nothing more is planned for them."""


def airtime_of(state: State, live: float = 0.0) -> list[Airtime]:
    """Each person's spoken time and allotted time; `live` is the running turn's unbanked part.
    In a hot seat, only the steps where the presenter speaks count as theirs."""
    spoke: dict[str, float] = {p.name: 0.0 for p in state.participants if p.role != "observer"}
    allotted = dict.fromkeys(spoke, 0.0)
    for index, slots in state.runs.items():
        segment = state.agenda.segments[index]
        theirs = [s for s in range(len(segment.step_seconds())) if segment.step_who(s) != "others"]
        for number, slot in enumerate(slots):
            if slot.speaker is None:
                continue
            current = (index, number) == (state.at.segment, state.at.slot)
            spent = [
                slot.spent[s] + (live if current and s == state.at.step else 0.0) for s in theirs
            ]
            used = sum(spent)
            spoke[slot.speaker] = spoke.get(slot.speaker, 0.0) + used
            if (used or current) and not slot.passed:
                planned = sum(slot.allotted(s) for s in theirs)
                if state.cut_short(index, number, slot):  # gone: what they used was theirs
                    planned = min(planned, used)
                allotted[slot.speaker] = allotted.get(slot.speaker, 0.0) + planned
    return [
        Airtime(name, spoke[name], allotted.get(name, 0.0), name in state.absent) for name in spoke
    ]


def group_time(state: State) -> float:
    """Seconds of hot-seat steps where the others speak (advice, discussion, questions)."""
    return sum(
        slot.spent[step]
        for index, slots in state.runs.items()
        for slot in slots
        for step in range(len(slot.spent))
        if state.agenda.segments[index].step_who(step) in ("others", "all") and len(slot.spent) > 1
    )
