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
from facilitator.agenda.problems import AgendaError, Problem, dotted
from facilitator.agenda.toml_values import describe
from facilitator.agenda.writing import agenda_data, comment_lines, toml_text
from facilitator.text import clean, counted

Places = list[tuple[list[Any], int]]
"""Entries of `speakers` lists: each list and a position in it."""


class AgendaDraft:
    """Agenda data under edit, with the file it came from and what saving would lose."""

    def __init__(self, data: dict[str, Any], path: Path, original: str = "") -> None:
        self.data = data
        self.path = path
        self.comments = comment_lines(original)
        """Lines of the original file with comments, which a save through tomli-w drops."""
        self._saved = copy.deepcopy(data)
        self._followed: dict[int, tuple[dict[str, Any], Places, list[tuple[int, list[Any]]]]] = {}
        """Per participant renamed (by identity): them, the entries their renaming follows,
        and the speakers lists as it left them."""

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

    def status_line(self, problems: list[Problem]) -> str:
        """Saved or not, how many errors, how long, which file: the editor's first line."""
        errors = counted(sum(p.severity == "error" for p in problems), "problem")
        saved = "unsaved changes" if self.dirty else "saved"
        return clean(f"{saved} · {errors} · {self.total_line()} · {self.path}", one_line=True)

    def problem_text(self, problems: list[Problem]) -> str:
        """Every problem with its field, errors first, and what a save would drop."""
        ordered = sorted(problems, key=lambda p: p.severity != "error")
        listed = [
            clean(f"{dotted(p.path) or 'agenda'}: {p.message}", one_line=True) for p in ordered
        ]
        text = "\n".join(listed) or "No problems: `facilitator check` would pass it."
        if self.comments:
            lines = ", ".join(str(n) for n in self.comments[:5])
            text = f"This file has comments (line {lines}); saving offers a new file.\n{text}"
        return text

    def shown(self) -> "AgendaDraft":
        """A copy to show on a screen: every string in it safe to print, on one line."""
        return AgendaDraft(shown_safely(self.data), self.path)

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

    def segment_heading(self, index: int) -> str:
        """A segment's name as the live screen and the summary give it (`heading`): its
        title, or its kind's default, even while its other fields are wrong."""
        segment = self.segments[index]
        kind = SEGMENT_KINDS.get(str(segment.get("kind")))
        if kind is None:
            return str(segment.get("title") or str(segment.get("kind", "?")).capitalize())
        fields: dict[str, Any] = {  # unchecked, and stripped as loading strips them
            key: value.strip() if isinstance(value, str) else value
            for key, value in segment.items()
            if key in kind.model_fields
        }
        return str(kind.model_construct(**fields).heading)

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
        """Rename someone, and the `speakers` entries that refer to them: those that named
        them when the renaming began, whatever names are typed on the way to the new one."""
        person = self.participants[index]
        places = self._references_to(person)
        person["name"] = name
        for speakers, position in places:
            speakers[position] = name
        self._followed[id(person)] = (person, places, self._speakers_now())

    def remove_participant(self, index: int) -> None:
        """Remove someone, and their entries in the `speakers` lists too."""
        person = self.participants.pop(index)
        places = {(id(speakers), position) for speakers, position in self._references_to(person)}
        self._followed.pop(id(person), None)
        for segment in self.segments:
            speakers = segment.get("speakers")
            if isinstance(speakers, list):
                segment["speakers"] = [
                    s for n, s in enumerate(speakers) if (id(speakers), n) not in places
                ]

    def _references_to(self, person: dict[str, Any]) -> Places:
        """The entries that refer to someone: those their last rename wrote, if nothing else
        has changed the speakers since; else those with their name, unless someone else has
        that name too (a name typed on the way to another is nobody's reference)."""
        followed = self._followed.get(id(person))
        if followed and followed[0] is person and followed[2] == self._speakers_now():
            return followed[1]
        name = str(person.get("name", "")).casefold()
        others = [p for p in self.participants if p is not person]
        if any(str(p.get("name", "")).casefold() == name for p in others):
            return []
        return [
            (speakers, position)
            for speakers in self._speaker_lists()
            for position, speaker in enumerate(speakers)
            if str(speaker).casefold() == name
        ]

    def _speaker_lists(self) -> list[list[Any]]:
        return [s for segment in self.segments if isinstance(s := segment.get("speakers"), list)]

    def _speakers_now(self) -> list[tuple[int, list[Any]]]:
        """Every `speakers` list, by identity and content: whether anything but a rename
        changed them since."""
        return [(id(speakers), list(speakers)) for speakers in self._speaker_lists()]

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


def shown_safely(value: Any, *, one_line: bool = True) -> Any:
    """A TOML value with every string in it as a terminal may show it: an escape code from
    the file is shown as text (`text.clean`), never sent to the terminal."""
    if isinstance(value, str):
        return clean(value, one_line=one_line)
    if isinstance(value, list):
        return [shown_safely(item, one_line=one_line) for item in value]
    if isinstance(value, dict):
        return {key: shown_safely(item, one_line=one_line) for key, item in value.items()}
    return value


def _seconds(value: Any) -> int | None:
    try:
        return duration_seconds(value)
    except ValueError:
        return None
