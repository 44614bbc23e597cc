"""Whatever the input, the loader returns an agenda or its own error, never a traceback."""

import datetime as dt
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda import AgendaError, agenda_from_data, parse_agenda

KEYS = [
    "title", "format", "series", "description", "planned", "warnings", "participants",
    "segments", "name", "role", "focus", "kind", "per_speaker", "steps", "speakers", "order",
    "prompt", "confidential", "duration", "per_topic", "extend",
]  # fmt: skip
KINDS = ["round", "discussion", "topics", "review", "break", "facilitator", "observer", "2m", "0"]

scalars = (
    st.sampled_from(KINDS)
    | st.text(max_size=12)
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False)
    | st.booleans()
    | st.dates()
    | st.datetimes(timezones=st.just(dt.UTC))
)
keys = st.sampled_from(KEYS) | st.text(min_size=1, max_size=8)
toml_data = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=30,
)


def loads_or_explains(load: Any) -> None:
    try:
        load()
    except AgendaError as error:
        assert str(error).strip()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, toml_data, max_size=8))
def test_any_toml_shaped_data_loads_or_explains(data: dict[str, Any]) -> None:
    loads_or_explains(lambda: agenda_from_data(data, "fuzz.toml", tomli_w.dumps(data)))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_loads_or_explains(text: str) -> None:
    loads_or_explains(lambda: parse_agenda(text, "fuzz.toml"))
