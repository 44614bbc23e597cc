"""JSON Schemas of the JSON that commands print, so that scripts can rely on its shape."""

import json
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from facilitator.summary.documents import ResourceLibrary, SeriesList
from facilitator.summary.history import History
from facilitator.summary.report import Report

_HISTORY = Annotated[History | SeriesList, Field(discriminator="format")]
"""`history SERIES` prints a History; `history` alone, a SeriesList."""

DOCUMENTS: dict[str, tuple[str, TypeAdapter[Any]]] = {
    "summary": ("facilitator summary --format json", TypeAdapter(Report)),
    "history": ("facilitator history --format json", TypeAdapter(_HISTORY)),
    "resources": ("facilitator resources --format json", TypeAdapter(ResourceLibrary)),
}


def output_schema(document: str) -> dict[str, Any]:
    """The JSON Schema of one command's `--format json` output."""
    title, adapter = DOCUMENTS[document]
    schema = adapter.json_schema(mode="serialization")
    schema["title"] = title
    return schema


def output_schema_text(document: str) -> str:
    return json.dumps(output_schema(document), indent=2, ensure_ascii=False) + "\n"
