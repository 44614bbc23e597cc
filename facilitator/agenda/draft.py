"""An agenda being edited: TOML-shaped data that may be invalid for a while.

The editor screen changes a draft only through these methods, and shows what
`problems()` says, so the rules live here and are tested without a screen.
"""

import copy
import tomllib
from pathlib import Path
from typing import Any

from facilitator.agenda.durations import duration_seconds, format_duration
from facilitator.agenda.loading import agenda_from_data, read_agenda_text
from facilitator.agenda.locate import key_lines, line_of
from facilitator.agenda.model import SEGMENT_KINDS, Agenda
from facilitator.agenda.problems import AgendaError, Problem
from facilitator.agenda.toml_values import describe
from facilitator.agenda.writing import agenda_data, comment_lines, toml_text


class AgendaDraft:
    """Agenda data under edit, with the file it came from and what saving would lose."""

    def __init__(self, data: dict[str, Any], path: Path, original: str = "") -> None:
        self.data = data
        self.path = path
        self.comments = comment_lines(original)
        """Lines of the original file with comments, which a save through tomli-w drops."""
        self._saved = copy.deepcopy(data)

    @classmethod
    def open(cls, path: Path) -> "AgendaDraft":
        """Read a file to edit; it must be TOML (fixing the syntax comes first)."""
        text = read_agenda_text(path)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise AgendaError(str(path), [Problem(f"not valid TOML: {error}")]) from None
        lines = key_lines(text)
        untabled = [  # the editor edits each participant and segment as a table
            Problem(f"expected a table, found {describe(part)}", (key, i), line_of(lines, (key, i)))
            for key in ("participants", "segments")
            for i, part in enumerate(data[key] if isinstance(data.get(key), list) else [])
            if not isinstance(part, dict)
        ]
        if untabled:
            raise AgendaError(str(path), untabled)
        return cls(data, path, text)

    @classmethod
    def unsaved(cls, agenda: Agenda, path: Path) -> "AgendaDraft":
        """A copy of an agenda, to be saved at a path it has never been saved to."""
        draft = cls(agenda_data(agenda), path)
        draft._saved = {}
        return draft

    # -- reading ---------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.data != self._saved

    @property
    def participants(self) -> list[dict[str, Any]]:
        found = self.data.setdefault("participants", [])
        return found if isinstance(found, list) else []

    @property
    def segments(self) -> list[dict[str, Any]]:
        found = self.data.setdefault("segments", [])
        return found if isinstance(found, list) else []

    def validate(self) -> tuple[Agenda | None, list[Problem]]:
        """The agenda if valid, and every problem or warning, as `facilitator check` says them."""
        try:
            loaded = agenda_from_data(self.data, str(self.path), self.text())
        except AgendaError as error:
            return None, error.problems
        return loaded.agenda, loaded.warnings

    def text(self) -> str:
        return toml_text(self.data)

    def total_seconds(self) -> int:
        """What the segments add up to, counting those whose length can be read."""
        return sum(self.segment_seconds(index) or 0 for index in range(len(self.segments)))

    def total_line(self) -> str:
        """What the segments add up to, against `planned`."""
        total = format_duration(self.total_seconds())
        planned = _seconds(self.data.get("planned"))
        return f"{total} of {format_duration(planned)} planned" if planned else f"{total} in all"

    def segment_seconds(self, index: int) -> int | None:
        """A segment's length as far as its fields can be read, even while others are wrong."""
        segment = self.segments[index]
        kind = SEGMENT_KINDS.get(str(segment.get("kind")))
        if kind is None or not kind.HAS_TURNS:
            return _seconds(segment.get("duration"))
        steps = segment.get("steps")
        if isinstance(steps, list) and steps:
            parts = [_seconds(s.get("duration")) if isinstance(s, dict) else None for s in steps]
            turn = None if None in parts else sum(p or 0 for p in parts)
        else:
            turn = _seconds(segment.get("per_speaker"))
        return None if turn is None else turn * len(self.speakers_of(index))

    def speakers_of(self, index: int) -> list[str]:
        speakers = self.segments[index].get("speakers")
        if isinstance(speakers, list):
            return [str(name) for name in speakers]
        return [
            str(p.get("name", ""))
            for p in self.participants
            if isinstance(p, dict) and p.get("role") != "observer"
        ]

    # -- changing --------------------------------------------------------------------------

    def add_participant(self) -> int:
        names = {str(p.get("name", "")).casefold() for p in self.participants}
        number = 1
        while f"person {number}" in names:
            number += 1
        self.participants.append({"name": f"Person {number}"})
        return len(self.participants) - 1

    def rename_participant(self, index: int, name: str) -> None:
        """Rename someone everywhere: in the participants and in every `speakers` list."""
        old = str(self.participants[index].get("name", ""))
        self.participants[index]["name"] = name
        for segment in self.segments:
            speakers = segment.get("speakers")
            if isinstance(speakers, list):
                segment["speakers"] = [
                    name if str(s).casefold() == old.casefold() else s for s in speakers
                ]

    def remove_participant(self, index: int) -> None:
        """Remove someone, and from every `speakers` list too."""
        name = str(self.participants.pop(index).get("name", "")).casefold()
        for segment in self.segments:
            speakers = segment.get("speakers")
            if isinstance(speakers, list):
                segment["speakers"] = [s for s in speakers if str(s).casefold() != name]

    def add_segment(self, kind: str, after: int | None = None) -> int:
        position = len(self.segments) if after is None else after + 1
        self.segments.insert(position, copy.deepcopy(SEGMENT_KINDS[kind].TEMPLATE))
        return position

    def duplicate_segment(self, index: int) -> int:
        self.segments.insert(index + 1, copy.deepcopy(self.segments[index]))
        return index + 1

    def remove_segment(self, index: int) -> None:
        self.segments.pop(index)

    def move_segment(self, index: int, by: int) -> int:
        """Move a segment up (-1) or down (+1); returns where it is now."""
        target = min(max(index + by, 0), len(self.segments) - 1)
        self.segments.insert(target, self.segments.pop(index))
        return target

    def mark_saved(self) -> None:
        self._saved = copy.deepcopy(self.data)
        self.comments = []


def set_field(where: dict[str, Any], key: str, value: Any) -> None:
    """Set a field, or remove it when the value is empty (so the default applies)."""
    if value in ("", None, []):
        where.pop(key, None)
    else:
        where[key] = value


def _seconds(value: Any) -> int | None:
    try:
        return duration_seconds(value)
    except ValueError:
        return None
