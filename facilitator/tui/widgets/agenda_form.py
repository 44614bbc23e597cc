"""The fields of one part of an agenda (the agenda itself, a participant, a segment).

Each field knows where its value lives in the draft and how to read what was typed;
the editor screen applies the change and shows the problems under the fields.
"""

from typing import Any, get_args

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TextArea

from facilitator.agenda.fields import FieldSpec
from facilitator.agenda.model import Order, Role


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
            _step_line(step) if isinstance(step, dict) else str(step) for step in value
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


def _step_line(step: dict[str, Any]) -> str:
    """`title | duration`, and `| who` when the step says who speaks."""
    parts = [step.get("title", ""), step.get("duration", "")]
    if "who" in step:
        parts.append(step["who"])
    return " | ".join(str(part) for part in parts)


def _step(line: str) -> dict[str, Any]:
    title, _, rest = line.partition("|")
    duration, _, who = rest.partition("|")
    step: dict[str, Any] = {"title": title.strip()}
    if duration.strip():
        step["duration"] = _duration(duration.strip())
    if who.strip():
        step["who"] = who.strip()
    return step


class FieldRow(Vertical):
    """A label, the control, and the problem with this field, if any."""

    def __init__(self, spec: FieldSpec, value: Any) -> None:
        super().__init__(classes="field")
        self.spec = spec
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
