"""What is wrong with an agenda, said as `FILE:LINE: path: message`."""

from collections.abc import Iterable
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from facilitator.agenda.durations import format_duration
from facilitator.agenda.locate import Path, key_lines, line_of
from facilitator.agenda.model import SEGMENT_KINDS, Agenda, Participant, Step
from facilitator.agenda.toml_values import describe
from facilitator.text import clean

_KINDS = ", ".join(SEGMENT_KINDS)


class Problem(NamedTuple):
    """One thing wrong (or worth a second look) in an agenda."""

    message: str
    path: Path = ()
    line: int | None = None
    column: int | None = None
    severity: Literal["error", "warning"] = "error"

    def render(self, source: str) -> str:
        """The problem as one line, in the style of compilers and linters."""
        where = source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        what = f"{dotted(self.path)}: {self.message}" if self.path else self.message
        prefix = "warning: " if self.severity == "warning" else ""
        return clean(f"{where}: {prefix}{what}", one_line=True)  # a file name can hold ESC


class AgendaError(Exception):
    """An agenda that cannot be used, with every problem found in it."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(problem.render(source) for problem in problems))


def dotted(path: Path) -> str:
    """`("segments", 2, "per_speaker")` -> `segments[2].per_speaker`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def problems_from(error: ValidationError, lines: dict[Path, int]) -> list[Problem]:
    """Every pydantic error as a Problem, with the union tag dropped from its path."""
    problems = []
    for detail in error.errors(include_url=False):
        path = _without_union_tag(detail["loc"])
        if detail["type"] == "union_tag_invalid":
            path = (*path, "kind")
        problems.append(Problem(_message(detail), path, line_of(lines, path)))
    return problems


def warnings_for(agenda: Agenda, text: str) -> list[Problem]:
    """What is valid but probably not meant: a planned length the segments miss. `text`,
    the agenda's TOML, is read for line numbers only when there is something to say."""
    found = []
    if agenda.planned is not None and agenda.planned != agenda.total_seconds:
        found.append(
            Problem(
                f"the segments add up to {format_duration(agenda.total_seconds)}, "
                f"not {format_duration(agenda.planned)}",
                ("planned",),
                severity="warning",
            )
        )
    for index, segment in enumerate(agenda.segments):
        if agenda.speakers_of(segment) is None:
            continue  # only turns warn about turns
        turn = sum(segment.step_seconds())
        own = segment.turn_warnings([])
        if not own and "warnings" not in agenda.model_fields_set:
            found += _default_warnings(agenda.warnings, turn, index, segment.heading)
            continue
        for position, warning in enumerate(own or agenda.warnings):
            if warning >= turn:
                path: Path = ("segments", index, "warnings", position)
                if not own:
                    path = ("warnings", position)
                found.append(
                    Problem(
                        f"the {format_duration(warning)} warning is not shorter than a turn in "
                        f"{describe(segment.heading)} ({format_duration(turn)}), "
                        "so it would sound as the turn starts",
                        path,
                        severity="warning",
                    )
                )
    if not found:
        return found
    lines = key_lines(text)
    return [problem._replace(line=line_of(lines, problem.path)) for problem in found]


def _default_warnings(warnings: list[int], turn: int, index: int, heading: str) -> list[Problem]:
    """The warnings nobody wrote that a segment's turn is too short for, as one problem at
    the segment, with a setting that fits."""
    late = [format_duration(warning) for warning in warnings if warning >= turn]
    if not late:
        return []
    shorter = f'`warnings = ["{format_duration(turn // 2)}"]`, or ' if turn >= 2 else ""
    return [
        Problem(
            f"the default warning{'s' * (len(late) > 1)} at {' and '.join(late)} left "
            f"{'are' if len(late) > 1 else 'is'} not shorter than a turn in {describe(heading)} "
            f"({format_duration(turn)}), so {'they' if len(late) > 1 else 'it'} would sound "
            f"as the turn starts: set {shorter}`warnings = []` for none, for the agenda or "
            "the segment",
            ("segments", index),
            severity="warning",
        )
    ]


def _without_union_tag(loc: Iterable[int | str]) -> Path:
    path: Path = ()
    for part in loc:
        after_segment_index = len(path) == 2 and path[0] == "segments"
        if after_segment_index and isinstance(part, str) and part in SEGMENT_KINDS:
            continue
        path = (*path, part)
    return path


_EXPECTATIONS = {
    "string_type": "expected text in quotes",
    "int_type": "expected a whole number",
    "bool_type": "expected true or false",
    "list_type": "expected a list in square brackets",
    "model_type": "expected a table",
    "dict_type": "expected a table",
    "string_pattern_mismatch": "expected a name",
    "string_too_short": "expected some text",
}


def _message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    found = describe(detail["input"])
    if kind in _EXPECTATIONS:
        return f"{_EXPECTATIONS[kind]}, found {found}"
    if kind == "missing":
        return "required, but missing"
    if kind == "extra_forbidden":
        return _unknown_field(detail["loc"])
    if kind == "union_tag_invalid":
        return f"unknown segment kind {describe(context['tag'])}; expected one of {_KINDS}"
    if kind == "union_tag_not_found":
        return f"every segment needs a kind: one of {_KINDS}"
    if kind == "literal_error":
        return f"expected one of {context['expected']}, found {found}"
    if kind == "too_short":
        return f"expected at least {context['min_length']} item, found none"
    if kind == "too_long":
        return f"expected at most {context['max_length']} items (the limit), found more"
    if kind == "string_too_long":
        return f"expected at most {context['max_length']} characters"
    if kind in {"duration", "agenda_rule", "round_timing", "topic_too_long", "plain_text"}:
        return detail["msg"]
    return f"{detail['msg']}, found {found}"


def _unknown_field(loc: tuple[int | str, ...]) -> str:
    key = str(loc[-1])
    model = _model_at(loc[:-1])
    known = list(model.model_fields) if model else []
    import difflib  # only when a field is unknown: not on the way to every check

    close = difflib.get_close_matches(key, known, n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    if known and not close:
        hint = f"; expected one of {', '.join(known)}"
    return f"unknown field {describe(key)}{hint}"


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model whose fields live at a (pydantic, tagged) location."""
    names = tuple(part for part in loc if isinstance(part, str))
    if names == ():
        return Agenda
    if names == ("participants",):
        return Participant
    if len(names) >= 2 and names[0] == "segments" and names[1] in SEGMENT_KINDS:
        if names[2:] == ():
            return SEGMENT_KINDS[names[1]]
        if names[2:] == ("steps",):
            return Step
    return None
