"""The fields of one part of an agenda (the agenda itself, a participant, a segment).

Each field knows where its value lives in the draft and how to read what was typed;
the editor screen applies the change and shows the problems under the fields.
"""

from dataclasses import dataclass
from typing import Any, Literal, get_args

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TextArea

from facilitator.agenda.model import Order, Role

Kind = Literal["text", "long", "duration", "durations", "names", "steps", "role", "order", "flag"]


@dataclass(frozen=True)
class FieldSpec:
    """A field of the form: its key, its label, and how it is typed."""

    key: str
    label: str
    kind: Kind = "text"
    hint: str = ""


AGENDA_FIELDS = [
    FieldSpec("title", "Title"),
    FieldSpec("format", "Format", hint="e.g. Peer mentoring circle"),
    FieldSpec("series", "Series", hint="sessions of one series share open action items"),
    FieldSpec("description", "Description", "long"),
    FieldSpec("planned", "Planned length", "duration", "e.g. 90m or 1h30m"),
    FieldSpec("warnings", "Warnings", "durations", "time-left cues, e.g. 1m, 15s"),
]
PARTICIPANT_FIELDS = [
    FieldSpec("name", "Name", hint="renaming updates every speakers list"),
    FieldSpec("role", "Role", "role"),
    FieldSpec("focus", "Focus", hint="what this person brings"),
]
_COMMON = [FieldSpec("title", "Title"), FieldSpec("prompt", "Prompt")]
_PRIVATE = FieldSpec(
    "confidential", "Confidential", "flag", "yes keeps what is captured here private"
)
_WARNINGS = FieldSpec("warnings", "Warnings", "durations", "empty: the agenda's warnings")
_DURATION = FieldSpec("duration", "Duration", "duration", "e.g. 15m")
SEGMENT_FIELDS: dict[str, list[FieldSpec]] = {
    "round": [
        *_COMMON,
        FieldSpec("per_speaker", "Per speaker", "duration", "a turn's length; or use steps"),
        FieldSpec("steps", "Steps (a hot seat)", "steps", "one per line: title | duration"),
        FieldSpec("speakers", "Speakers", "names", "empty: everyone but observers"),
        FieldSpec("order", "Order", "order"),
        _WARNINGS,
        _PRIVATE,
    ],
    "discussion": [*_COMMON, _DURATION, _WARNINGS, _PRIVATE],
    "topics": [
        *_COMMON,
        _DURATION,
        FieldSpec("per_topic", "Per topic", "duration", "default 7m"),
        FieldSpec("extend", "Extension", "duration", "default 3m"),
        _WARNINGS,
        _PRIVATE,
    ],
    "review": [*_COMMON, _DURATION],
    "break": [*_COMMON, _DURATION],
}


def shown_value(spec: FieldSpec, value: Any) -> Any:
    """What a field shows for a value from the TOML data."""
    if spec.kind == "flag":
        return "yes" if value is True else "no"
    if spec.kind in ("role", "order"):
        return value if isinstance(value, str) else ("peer" if spec.kind == "role" else "agenda")
    if value is None:
        return ""
    if spec.kind in ("durations", "names") and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if spec.kind == "steps" and isinstance(value, list):
        return "\n".join(
            f"{step.get('title', '')} | {step.get('duration', '')}"
            if isinstance(step, dict)
            else str(step)
            for step in value
        )
    return str(value)


def typed_value(spec: FieldSpec, typed: Any) -> Any:
    """The TOML value for what was typed; empty means the field is left out."""
    if spec.kind == "flag":
        return typed == "yes"
    if spec.kind in ("role", "order"):
        return typed
    text = str(typed).strip()
    if spec.kind == "duration":
        return _duration(text)
    if spec.kind == "durations":
        return [_duration(part.strip()) for part in text.split(",") if part.strip()]
    if spec.kind == "names":
        return [part.strip() for part in text.split(",") if part.strip()]
    if spec.kind == "steps":
        return [_step(line) for line in str(typed).splitlines() if line.strip()]
    return text if spec.kind == "text" else str(typed).strip("\n")


def _duration(text: str) -> Any:
    return int(text) if text.isdigit() else text


def _step(line: str) -> dict[str, Any]:
    title, _, duration = line.partition("|")
    step: dict[str, Any] = {"title": title.strip()}
    if duration.strip():
        step["duration"] = _duration(duration.strip())
    return step


class FieldRow(Vertical):
    """A label, the control, and the problem with this field, if any."""

    def __init__(self, spec: FieldSpec, value: Any) -> None:
        super().__init__(classes="field")
        self.spec = spec
        self.value = value
        self.shown = shown_value(spec, value)
        """What the control holds now, as typed."""

    def compose(self) -> ComposeResult:
        spec = self.spec
        label = spec.label + (f"  ({spec.hint})" if spec.hint else "")
        yield Static(Content(label), classes="label")
        yield self._control()
        yield Static(classes="problem")

    def _control(self) -> Widget:
        spec, value = self.spec, self.shown
        if spec.kind in ("role", "order", "flag"):
            choices = {"role": get_args(Role), "order": get_args(Order), "flag": ("no", "yes")}
            options = [(choice, choice) for choice in choices[spec.kind]]
            return Select(options, value=value, allow_blank=False, compact=True)
        if spec.kind in ("long", "steps"):
            return TextArea(value, soft_wrap=True, show_line_numbers=False, compact=True)
        return Input(value, compact=True)

    def show_problem(self, message: str) -> None:
        problem = self.query_one(".problem", Static)
        problem.update(Content(message))
        problem.display = bool(message)
