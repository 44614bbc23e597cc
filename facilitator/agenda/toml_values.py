"""How a TOML value is named in an error message, for someone who wrote it by hand."""

import datetime as dt
import json
from typing import Any

from facilitator.text import clean


def describe(value: Any) -> str:
    """`"abc"`, `3`, `true`, `a list`, `a table`: the value as the agenda's author wrote it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return clean(json.dumps(shown, ensure_ascii=False))  # JSON escapes C0, clean the rest
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return f"the date/time {value.isoformat()}"
    return type(value).__name__
