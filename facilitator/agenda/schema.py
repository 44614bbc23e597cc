"""The agenda JSON Schema, which editors use to check agendas as they are typed."""

import json
from pathlib import Path

from facilitator.agenda.model import Agenda
from facilitator.files import write_atomically


def agenda_schema_text() -> str:
    """The schema as the text of `agendas/agenda.schema.json`."""
    schema = Agenda.model_json_schema()
    schema["title"] = "facilitator agenda"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


SCHEMA_FILE = "agenda.schema.json"
"""The name the `#:schema ./agenda.schema.json` line of every written agenda points at."""


def write_schema_beside(folder: Path, *, replace: bool = False) -> Path:
    """Put the schema in `folder`, where an agenda's `#:schema` line finds it; an existing
    one is kept unless `replace`."""
    path = folder / SCHEMA_FILE
    if replace or not path.exists():
        write_atomically(path, agenda_schema_text(), private=False)
    return path
