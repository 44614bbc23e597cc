"""Where the session is, in a few words: what a move says it did ("2/5 Open floor · Ben's
turn"), so an old message is never read as the current one."""

from facilitator.session.state import Position, State


def where_words(state: State, before: Position | None = None) -> str:
    """The segment (when it changed since `before`), whose turn or which topic, the step."""
    at, segment = state.at, state.segment
    parts = []
    if before is None or before.segment != at.segment:
        parts.append(f"{at.segment + 1}/{len(state.agenda.segments)} {segment.heading}")
    slot = state.slot
    if slot.speaker is not None:
        parts.append(f"{slot.speaker}'s turn")
    elif slot.topic is not None and slot.topic in state.items:
        parts.append(f"Topic: {state.items[slot.topic].text}")
    step = segment.step_title(at.step)
    if step:
        parts.append(step)
    return " · ".join(parts) or segment.heading
