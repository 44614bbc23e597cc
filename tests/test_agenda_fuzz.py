"""Whatever the input, the loader returns an agenda or its own error, never a traceback."""

import datetime as dt
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda import AgendaError, agenda_from_data, parse_agenda

pytestmark = pytest.mark.slow  # many generated agendas

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


HOSTILE_CHARACTERS = "\x1b\x00\x07\x9b\u202e\u2066\n\t\r"
hostile_text = st.text(alphabet=st.sampled_from(HOSTILE_CHARACTERS) | st.characters(), max_size=20)


@settings(max_examples=300, deadline=None)
@given(
    title=hostile_text,
    name=hostile_text,
    prompt=hostile_text,
    depth=st.integers(min_value=0, max_value=3000),
)
def test_hostile_text_and_deep_nesting_are_refused_in_one_clean_message(
    title: str, name: str, prompt: str, depth: int
) -> None:
    text = tomli_w.dumps(
        {
            "title": title,
            "participants": [{"name": name}],
            "segments": [{"kind": "break", "duration": "5m", "prompt": prompt}],
        }
    )
    text += f"deep = {'[' * depth}{']' * depth}\n" if depth else ""
    try:
        loaded = parse_agenda(text, "fuzz\x1b]52;c;eA==\x07.toml")
    except AgendaError as error:
        message = str(error)
        assert message.strip()
        assert not any(character in message for character in "\x1b\x00\x07\x9b\u202e\u2066")
    else:
        agenda = loaded.agenda
        for field in (agenda.title, agenda.participants[0].name):
            assert not any(character in field for character in HOSTILE_CHARACTERS)
