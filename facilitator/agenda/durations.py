"""Durations as agendas write them: "90s", "2m", "2m30s", "1h15m", or whole minutes."""

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from facilitator.agenda.toml_values import describe

MIN_SECONDS = 1
MAX_SECONDS = 24 * 60 * 60

_PATTERN = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$")
_ANY, _NONZERO = r"\d+", r"0*[1-9]\d*"
_HOURS, _SOME_HOURS = r"0*(?:[1-9]|1\d|2[0-4])", r"0*(?:\d|1\d|2[0-4])"
_JSON_PATTERN = (
    r"^\s*(?:"
    rf"{_HOURS}\s*h(?:\s*{_ANY}\s*m)?(?:\s*{_ANY}\s*s)?"  # 1h, 1h30m, 2h0m5s
    rf"|(?:{_SOME_HOURS}\s*h\s*)?{_NONZERO}\s*m(?:\s*{_ANY}\s*s)?"  # 2m, 0h2m30s
    rf"|(?:{_SOME_HOURS}\s*h\s*)?(?:{_ANY}\s*m\s*)?{_NONZERO}\s*s"  # 90s, 0m5s
    r")\s*$"
)
"""What `parse_duration` accepts, as far as a pattern can say: at least one unit, not all
zero, at most 24 hours (minutes and seconds beyond a day are left to `check`)."""
_EXPECTED = 'a duration like "90s", "2m", "2m30s" or "1h15m", or a whole number of minutes'


def parse_duration(text: str) -> int:
    """Seconds in a duration string; ValueError names what was expected."""
    match = _PATTERN.match(text)
    if match is None or not any(match.groups()):
        raise ValueError(f"expected {_EXPECTED}, found {describe(text)}")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return _in_range(hours * 3600 + minutes * 60 + seconds, text)


def format_duration(seconds: int) -> str:
    """The shortest agenda spelling of a duration: 90 -> "1m30s", 4500 -> "1h15m"."""
    if seconds <= 0:
        return "0s"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [(hours, "h"), (minutes, "m"), (secs, "s")]
    return "".join(f"{value}{unit}" for value, unit in parts if value)


def _in_range(seconds: int, written: str | int) -> int:
    if seconds < MIN_SECONDS:
        raise ValueError(f"expected at least 1 second, found {describe(written)}")
    if seconds > MAX_SECONDS:
        raise ValueError(f"expected at most 24 hours, found {describe(written)}")
    return seconds


def duration_seconds(value: Any) -> int:
    """Seconds in a duration as TOML holds it (text, or whole minutes); ValueError if none."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _in_range(value * 60, value)
    if isinstance(value, str):
        return parse_duration(value)
    raise ValueError(f"expected {_EXPECTED}, found {describe(value)}")


def _validate(value: Any) -> int:
    try:
        return duration_seconds(value)
    except ValueError as error:
        raise PydanticCustomError("duration", str(error)) from None


Duration = Annotated[
    int,
    BeforeValidator(_validate),
    PlainSerializer(format_duration, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": _JSON_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": MAX_SECONDS // 60},
            ],
            "description": f"{_EXPECTED[0].upper()}{_EXPECTED[1:]}.",
        }
    ),
]
"""Seconds in the model; written back to TOML as a string like "2m30s"."""
