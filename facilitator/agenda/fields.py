"""The fields an organiser fills in, as the editor shows them: key, label, how it is typed.

Each segment kind lists its own (`EDITOR_FIELDS` in `model.py`), so a new kind brings its
fields with it.
"""

from typing import Literal, NamedTuple

FieldKind = Literal[
    "text", "long", "duration", "durations", "names", "steps", "role", "order", "flag"
]


class FieldSpec(NamedTuple):
    """A field of the form: its key, its label, and how it is typed."""

    key: str
    label: str
    kind: FieldKind = "text"
    hint: str = ""

    @property
    def one_line(self) -> bool:
        """Whether the field's control shows one line (a long field keeps its line breaks)."""
        return self.kind != "long"


AGENDA_FIELDS = (
    FieldSpec("title", "Title"),
    FieldSpec("format", "Format", hint="e.g. Peer mentoring circle"),
    FieldSpec("series", "Series", hint="sessions of one series share open action items"),
    FieldSpec("description", "Description", "long"),
    FieldSpec("planned", "Planned length", "duration", "e.g. 90m or 1h30m"),
    FieldSpec("warnings", "Warnings", "durations", "time-left cues, e.g. 1m, 15s"),
)
PARTICIPANT_FIELDS = (
    FieldSpec("name", "Name", hint="renaming updates every speakers list"),
    FieldSpec("role", "Role", "role"),
    FieldSpec("focus", "Focus", hint="what this person brings"),
    FieldSpec("goal", "Goal", hint="what they came to the series for; G changes it live"),
)
COMMON = (FieldSpec("title", "Title"), FieldSpec("prompt", "Prompt"))
CONFIDENTIAL = FieldSpec(
    "confidential", "Confidential", "flag", "yes keeps what is captured here private"
)
WARNINGS = FieldSpec("warnings", "Warnings", "durations", "empty: the agenda's warnings")
DURATION = FieldSpec("duration", "Duration", "duration", "e.g. 15m")
