"""Every `--format json` prints one JSON document, in every case, with its `format` and
`version`, in the shape of the schema that `facilitator schema --summary/--history/
--resources` ships."""

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import run_cli
from tests.test_history import three_sessions


def schema_of(document: str) -> dict[str, Any]:
    result = run_cli("schema", f"--{document}")
    assert result.returncode == 0, result.stderr
    schema: dict[str, Any] = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def json_of(home: Path, *args: str) -> dict[str, Any]:
    result = run_cli("--home", str(home), *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)  # one document, nothing else
    return document


CASES = {
    "history": ["history"],
    "history SERIES": ["history", "circle"],
    "resources": ["resources"],
    "resources QUERY": ["resources", "systems"],
    "summary": ["summary"],
}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_json_outputs_follow_their_shipped_schema(case: str, tmp_path: Path) -> None:
    three_sessions(tmp_path)
    document = json_of(tmp_path, *CASES[case])
    assert {"format", "version"} <= set(document)
    jsonschema.validate(document, schema_of(CASES[case][0]))


@pytest.mark.parametrize("command", ["history", "resources"])
def test_an_empty_home_is_an_empty_json_document_too(command: str, tmp_path: Path) -> None:
    document = json_of(tmp_path, command)
    jsonschema.validate(document, schema_of(command))
    assert document["format"] == f"facilitator-{'series-list' if command == 'history' else command}"
    assert document["series" if command == "history" else "resources"] == []


def test_the_history_schema_tells_a_series_from_the_list_of_series() -> None:
    schema = schema_of("history")
    wrong = {"format": "facilitator-series-list", "version": 1, "series": "circle"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(wrong, schema)


def test_history_and_resources_offer_only_the_formats_the_readme_lists(tmp_path: Path) -> None:
    result = run_cli("--home", str(tmp_path), "history", "--format", "chat")
    assert result.returncode == 2
    assert "invalid choice: 'chat'" in result.stderr
