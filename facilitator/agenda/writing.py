"""Writing agendas as TOML (tomli-w), and noticing what a rewrite would lose."""

from typing import Any

import tomli_w

from facilitator.agenda.locate import strip_strings
from facilitator.agenda.model import Agenda

SCHEMA_LINE = "#:schema ./agenda.schema.json\n"
_ORDER = ["title", "format", "series", "description", "planned", "warnings", "participants"]


def agenda_data(agenda: Agenda) -> dict[str, Any]:
    """The agenda as TOML-shaped data, without the defaults a person would not write."""
    data = agenda.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["segments"] = [
        {
            "kind": segment.kind,
            **segment.model_dump(mode="json", exclude_none=True, exclude_defaults=True),
        }
        for segment in agenda.segments
    ]
    return data


def toml_text(data: dict[str, Any], schema_line: str = SCHEMA_LINE) -> str:
    """TOML for agenda data: the `#:schema` line, the fields in reading order, segments last."""
    ordered = {key: data[key] for key in _ORDER if key in data}
    ordered.update({key: value for key, value in data.items() if key not in ordered})
    return schema_line + tomli_w.dumps(ordered, multiline_strings=True)


def comment_lines(text: str) -> list[int]:
    """The lines holding comments (other than `#:schema`): what tomli-w cannot keep."""
    found = []
    in_long_string = False
    for number, line in enumerate(text.split("\n"), start=1):
        was_inside = in_long_string
        in_long_string ^= (line.count('"""') + line.count("'''")) % 2 == 1
        if was_inside or line.startswith("#:schema"):
            continue
        if "#" in strip_strings(line, keep_comments=True):
            found.append(number)
    return found
