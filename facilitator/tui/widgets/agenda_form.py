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
from textual.widgets.select import NoSelection

from facilitator.agenda.fields import FieldKind, FieldSpec
from facilitator.agenda.model import Order, Role

CHOICES: dict[FieldKind, tuple[tuple[str, ...], str]] = {
    "role": (get_args(Role), "peer"),
    "order": (get_args(Order), "agenda"),
    "flag": (("no", "yes"), "no"),
}
"""The fields picked from a list: their choices, and the one shown when the field is not
set (the agenda's default)."""
PICK = "(none: pick one)"
"""What a list shows when the file's value is not one of its choices."""


def shown_value(spec: FieldSpec, value: Any) -> Any:
    """What a field shows for a value from the TOML data."""
    if spec.kind in CHOICES:
        return _choice(spec, value)
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
    if typed is Select.NULL:  # no choice: the field is left out, so its default applies
        return ""
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


def _choice(spec: FieldSpec, value: Any) -> str | NoSelection:
    """The choice a value names; the default when it is not set; else no choice, which the
    Select shows as blank while the problem list names the value (a Select refuses a value
    that is not one of its choices, and a file may hold anything)."""
    choices, default = CHOICES[spec.kind]
    if value is None:
        return default
    if spec.kind == "flag":  # TOML's true and false; `1` or "yes" is no boolean
        value = "yes" if value is True else "no" if value is False else None
    return value if isinstance(value, str) and value in choices else Select.NULL


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
        if spec.kind in CHOICES:
            options = [(choice, choice) for choice in CHOICES[spec.kind][0]]
            blank = value is Select.NULL
            return Select(options, value=value, allow_blank=blank, prompt=PICK, compact=True)
        if spec.kind in ("long", "steps"):
            return TextArea(value, soft_wrap=True, show_line_numbers=False, compact=True)
        return Input(value, compact=True)

    def show_problem(self, message: str) -> None:
        problem = self.query_one(".problem", Static)
        problem.update(Content(message))
        problem.display = bool(message)
