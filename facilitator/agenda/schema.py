"""The agenda JSON Schema, which editors use to check agendas as they are typed."""

import json

from facilitator.agenda.model import Agenda


def agenda_schema_text() -> str:
    """The schema as the text of `agendas/agenda.schema.json`."""
    schema = Agenda.model_json_schema()
    schema["title"] = "facilitator agenda"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
