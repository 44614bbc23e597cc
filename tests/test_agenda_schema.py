"""The agenda schema that editors use is as strict as `check` wherever JSON Schema can
say it, checked as a user would with check-jsonschema; `check` stays the authority for
names and sums."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import BROKEN, BUNDLED, ROOT

SCHEMA = BUNDLED / "agenda.schema.json"
SYNTAX_ERRORS = {"syntax-duplicate-key", "syntax-missing-equals", "syntax-unclosed-string"}
ONLY_CHECK_CAN_SAY = {
    "duplicate-participant",  # names unique, ignoring case
    "speaker-twice",  # the same, within a round's speakers
    "unknown-speaker",  # a speaker must be a participant
    "only-observers",  # a round needs someone who is not an observer
    "topic-longer-than-segment",  # a sum
}


def check_jsonschema(*paths: Path) -> dict[str, Any]:
    """check-jsonschema's verdict on agenda files, as a user runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "-o", "json", "--schemafile", str(SCHEMA)]
        + [str(path) for path in paths],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    verdict: dict[str, Any] = json.loads(result.stdout)
    return verdict


def test_the_schema_catches_every_broken_agenda_a_schema_can_describe() -> None:
    broken = sorted(BROKEN.glob("*.toml"))
    verdict = check_jsonschema(*broken)
    unreadable = {Path(error["filename"]).stem for error in verdict["parse_errors"]}
    caught = {Path(error["filename"]).stem for error in verdict["errors"]}
    assert unreadable == SYNTAX_ERRORS  # TOML itself refuses these
    assert caught == {path.stem for path in broken} - SYNTAX_ERRORS - ONLY_CHECK_CAN_SAY
    assert len(caught) == 32


def test_the_schema_accepts_every_agenda_that_check_accepts() -> None:
    valid = [*sorted(BUNDLED.glob("*.toml")), ROOT / "tests" / "agendas" / "hostile-names.toml"]
    verdict = check_jsonschema(*valid)
    assert verdict["status"] == "ok", verdict["errors"]


def test_a_typo_is_one_error_naming_the_field(tmp_path: Path) -> None:
    agenda = tmp_path / "typo.toml"
    agenda.write_text(
        'title = "Circle"\n[[participants]]\nname = "Ana"\n'
        '[[segments]]\nkind = "round"\nper_speaker = "2m"\nspeakrs = ["Ana"]\n'
    )
    [error] = check_jsonschema(agenda)["errors"]
    assert error["path"] == "$.segments[0]"
    assert "'speakrs' was unexpected" in error["message"]


def test_durations_the_pattern_refuses_are_those_check_refuses(tmp_path: Path) -> None:
    from facilitator.agenda import parse_duration

    written = ["90s", "2m", "2m30s", "1h15m", "24h", "1h0m", " 3m ", "0s", "", "0m0s", "25h"]
    written += ["3x", "1.5m", "-2m", "10s5m"]
    files = []
    for number, text in enumerate(written):
        files.append(tmp_path / f"{number}.toml")
        files[-1].write_text(f'title = "T"\n[[segments]]\nkind = "break"\nduration = "{text}"\n')
    refused = {int(Path(e["filename"]).stem) for e in check_jsonschema(*files)["errors"]}
    for number, text in enumerate(written):
        try:
            parse_duration(text)
            accepted = True
        except ValueError:
            accepted = False
        assert (number not in refused) == accepted, repr(text)


def test_a_typo_in_a_rounds_timing_names_both_fields(tmp_path: Path) -> None:
    agenda = tmp_path / "typo.toml"
    agenda.write_text(
        'title = "Circle"\n[[participants]]\nname = "Ana"\n'
        '[[segments]]\nkind = "round"\nper_speakr = "2m"\n'
    )
    messages = sorted(error["message"] for error in check_jsonschema(agenda)["errors"])
    assert messages == [
        "'per_speaker' is a required property",
        "Additional properties are not allowed ('per_speakr' was unexpected)",
    ]  # not "is not valid under any of the given schemas", once per kind
