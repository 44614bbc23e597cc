"""The agenda JSON Schema, which editors use to check agendas as they are typed."""

import json
from pathlib import Path
from typing import Any

from facilitator.agenda.model import SEGMENT_KINDS, Agenda
from facilitator.files import write_atomically


def agenda_schema() -> dict[str, Any]:
    """The agenda's JSON Schema, as strict as `check` wherever a schema can say it.

    `check` stays the authority for what it cannot: names that must exist or be unique,
    and sums (a topic's time within its segment)."""
    schema: dict[str, Any] = _without_nulls(Agenda.model_json_schema())
    schema["title"] = "facilitator agenda"
    # One `if kind is ... then` per kind, not a `oneOf`: an editor then reports the one
    # segment kind meant (a typo gives one error naming the field, not one per kind).
    schema["properties"]["segments"]["items"] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": list(SEGMENT_KINDS)}},
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"$ref": f"#/$defs/{model.__name__}"},
            }
            for kind, model in SEGMENT_KINDS.items()
        ],
    }
    # A turn's length, or its steps, not both; said with `if`/`then` so that an editor
    # names the missing field (a `oneOf` says only that no branch fits).
    schema["$defs"]["Round"] |= {
        "if": {"required": ["steps"]},
        "then": {"not": {"required": ["per_speaker"]}},
        "else": {"required": ["per_speaker"]},
    }
    return schema


def _without_nulls(node: Any) -> Any:
    """TOML has no null: `anyOf: [X, {"type": "null"}]` becomes X (with its title)."""
    if isinstance(node, list):
        return [_without_nulls(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _without_nulls(value) for key, value in node.items()}
    options = node.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options and len(options) == 2:
        [kept] = [option for option in options if option != {"type": "null"}]
        del node["anyOf"]
        node.pop("default", None)  # null, which TOML cannot write
        node = {**kept, **node}
    return node


def agenda_schema_text() -> str:
    """The schema as the text of `agendas/agenda.schema.json`."""
    return json.dumps(agenda_schema(), indent=2, ensure_ascii=False) + "\n"


SCHEMA_FILE = "agenda.schema.json"
"""The name the `#:schema ./agenda.schema.json` line of every written agenda points at."""


def write_schema_beside(folder: Path, *, replace: bool = False) -> Path:
    """Put the schema in `folder`, where an agenda's `#:schema` line finds it; an existing
    one is kept unless `replace`."""
    path = folder / SCHEMA_FILE
    if replace or not path.exists():
        write_atomically(path, agenda_schema_text(), private=False)
    return path
