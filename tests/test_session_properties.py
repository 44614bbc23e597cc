"""Random sequences of actions: nothing raises, paused time stands still, replay agrees."""

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.session.journal import JOURNAL, read_journal
from tests.session_helpers import new_session

pytestmark = pytest.mark.slow  # many generated sessions

ACTIONS: list[tuple[str, tuple[Any, ...]]] = [
    ("toggle", ()),
    ("next", ()),
    ("back", ()),
    ("adjust", (60,)),
    ("adjust", (-60,)),
    ("pass_turn", ()),
    ("mark_absent", ()),
    ("mark_absent", ("Cleo",)),
    ("mark_present", ("Cleo",)),
    ("mark_present", ("Ana",)),
    ("add_latecomer", ("Dana",)),
    ("jump", (0,)),
    ("jump", (2,)),
    ("jump", (3,)),
    ("capture", ("note", "@ben a note #private")),
    ("capture", ("action", "@zed do it by friday")),
    ("capture", ("topic", "a topic")),
    ("edit_item", (1, "edited by tomorrow")),
    ("delete_item", (1,)),
    ("undo", ()),
    ("mark_private", (2,)),
    ("vote", (1, 2)),
    ("vote", (2, -1)),
    ("extend", ()),
    ("end", ()),
]

steps = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.floats(min_value=0, max_value=400)), max_size=40
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps)
def test_random_actions_never_raise_and_replay_to_the_same_state(
    tmp_path_factory: Any, script: list[tuple[tuple[str, tuple[Any, ...]], float]]
) -> None:
    home: Path = tmp_path_factory.mktemp("home")
    session, clock = new_session(home=home)
    session.toggle()
    for (name, args), wait in script:
        before = session.view().turn
        clock.advance(wait)
        during = session.view().turn
        assert during.elapsed >= 0
        if not before.running:
            assert during.remaining == before.remaining  # a paused turn's time stands still
        getattr(session, name)(*args)
    assert session.folder is not None
    recorded = read_journal(session.folder / JOURNAL)
    assert recorded.events == session.events
    assert recorded.replay() == session.state
