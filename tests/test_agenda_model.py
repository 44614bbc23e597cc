"""The agenda model: durations, defaults, totals, and the bundled formats."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.agenda import (
    Round,
    Topics,
    format_duration,
    load_agenda,
    parse_agenda,
    parse_duration,
)
from tests.conftest import BUNDLED

BUNDLED_FILES = sorted(BUNDLED.glob("*.toml"))


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("2m", 120), ("2m30s", 150), ("1h15m", 4500), ("1h", 3600), (" 3 m ", 180)],
)
def test_durations_are_read_with_their_units(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "2", "2x", "1.5m", "-2m", "2m1h", "0s", "25h"])
def test_durations_without_a_unit_or_out_of_range_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="expected"):
        parse_duration(text)


@given(st.integers(min_value=1, max_value=24 * 3600))
def test_a_formatted_duration_reads_back_the_same(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_a_bare_number_means_minutes() -> None:
    text = 'title = "T"\n[[segments]]\nkind = "break"\nduration = 5\n'
    assert parse_agenda(text, "t.toml").agenda.segments[0].duration == 300  # type: ignore[union-attr]


def test_rounds_default_to_everyone_but_observers() -> None:
    text = """
title = "T"
participants = [{ name = "Ana", role = "facilitator" }, { name = "Ob", role = "observer" },
                { name = "Ben" }]
[[segments]]
kind = "round"
per_speaker = "2m"
"""
    agenda = parse_agenda(text, "t.toml").agenda
    segment = agenda.segments[0]
    assert isinstance(segment, Round)
    assert agenda.speakers_of(segment) == ["Ana", "Ben"]
    assert agenda.total_seconds == 240
    assert segment.heading == "Round"


def test_each_kind_has_a_sensible_default_title() -> None:
    text = """
title = "T"
participants = [{ name = "Ana" }]
segments = [
  { kind = "round", steps = [{ title = "Talk", duration = "1m" }] },
  { kind = "discussion", duration = "5m" },
  { kind = "topics", duration = "30m" },
  { kind = "review", duration = "5m" },
  { kind = "break", duration = "5m" },
]
"""
    agenda = parse_agenda(text, "t.toml").agenda
    assert [s.heading for s in agenda.segments] == [
        "Hot seat",
        "Open discussion",
        "Lean Coffee",
        "Review of last time's action items",
        "Break",
    ]
    topics = agenda.segments[2]
    assert isinstance(topics, Topics)
    assert (topics.per_topic, topics.extend) == (420, 180)


def test_a_planned_length_the_segments_miss_is_a_warning_not_an_error() -> None:
    text = 'title = "T"\nplanned = "1h"\n[[segments]]\nkind = "break"\nduration = "50m"\n'
    loaded = parse_agenda(text, "t.toml")
    assert [w.render("t.toml") for w in loaded.warnings] == [
        "t.toml:2: warning: planned: the segments add up to 50m, not 1h"
    ]


def test_a_warning_as_long_as_the_turn_is_flagged() -> None:
    text = """
title = "T"
warnings = ["2m"]
participants = [{ name = "Ana" }]
[[segments]]
kind = "round"
title = "Wins"
per_speaker = "2m"
"""
    loaded = parse_agenda(text, "t.toml")
    assert [w.render("t.toml") for w in loaded.warnings] == [
        't.toml:3: warning: warnings[0]: the 2m warning is not shorter than a turn in "Wins" '
        "(2m), so it would sound as the turn starts"
    ]


@pytest.mark.parametrize(
    ("turn", "said"),
    [
        (
            "30s",
            "the default warning at 1m left is not shorter than a turn in "
            '"Check-out" (30s), so it would sound as the turn starts: set '
            '`warnings = ["15s"]`, or `warnings = []` for none',
        ),
        (
            "10s",
            "the default warnings at 1m and 15s left are not shorter than a turn in "
            '"Check-out" (10s), so they would sound as the turn starts: set '
            '`warnings = ["5s"]`, or `warnings = []` for none',
        ),
    ],
)
def test_default_warnings_too_long_for_a_turn_are_one_warning_with_a_fix_that_fits(
    turn: str, said: str
) -> None:
    text = f"""
title = "T"
participants = [{{ name = "Ana" }}]
[[segments]]
kind = "round"
title = "Check-out"
per_speaker = "{turn}"
"""
    [warning] = parse_agenda(text, "t.toml").warnings
    assert warning.render("t.toml") == (
        f"t.toml:4: warning: segments[0]: {said}, for the agenda or the segment"
    )
    fixed = text.replace('title = "T"', 'title = "T"\nwarnings = ["5s"]')
    assert parse_agenda(fixed, "t.toml").warnings == []  # the fix it names does fit


def test_there_are_the_eight_bundled_formats() -> None:
    assert {path.stem for path in BUNDLED_FILES} >= {
        "peer-circle",
        "troika-consulting",
        "wise-crowds",
        "lean-coffee",
        "action-learning-set",
        "mastermind-hot-seat",
        "one-on-one",
        "panel-of-mentors",
    }


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda path: path.stem)
def test_bundled_agenda_loads_cleanly_and_keeps_its_plan(path: Path) -> None:
    loaded = load_agenda(path)
    assert loaded.warnings == []
    agenda = loaded.agenda
    assert agenda.description and agenda.format
    assert agenda.planned == agenda.total_seconds
    assert path.read_text(encoding="utf-8").startswith("#:schema ./agenda.schema.json\n")


def test_peer_circle_adds_up_as_a_person_would_count_it() -> None:
    agenda = load_agenda(BUNDLED / "peer-circle.toml").agenda
    minutes = [agenda.planned_seconds_of(s) / 60 for s in agenda.segments]
    # 5 people x 2m, review, 2 hot seats x (4+6+9+3), break, 5 x 2m, 5 x 2m, 5 x 1m
    assert minutes == [10, 6, 44, 5, 10, 10, 5]
    assert agenda.total_seconds == 90 * 60
