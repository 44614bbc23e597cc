"""Reading an agenda file: TOML text in, a valid Agenda (and its warnings) out."""

import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from facilitator.agenda.locate import key_lines
from facilitator.agenda.model import Agenda, rules_between_fields
from facilitator.agenda.problems import AgendaError, Problem, problems_from, warnings_for
from facilitator.files import kind_of, read_at_most

MAX_AGENDA_BYTES = 1024 * 1024
_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


@dataclass(frozen=True)
class LoadedAgenda:
    """A valid agenda, where it came from, and what is worth a second look."""

    agenda: Agenda
    source: str
    warnings: list[Problem] = field(default_factory=list)


def load_agenda(path: Path) -> LoadedAgenda:
    """Read and validate an agenda file; AgendaError says everything wrong with it."""
    source = str(path)
    return parse_agenda(read_agenda_text(path), source)


def parse_agenda(text: str, source: str) -> LoadedAgenda:
    """Validate agenda TOML text; `source` names it in messages."""
    try:
        data = tomllib.loads(text)
        if not data:
            message = "is empty: an agenda needs a title and at least one segment"
            raise AgendaError(source, [Problem(message)])
        return agenda_from_data(data, source, text)
    except tomllib.TOMLDecodeError as error:
        raise AgendaError(source, [_syntax_problem(error)]) from None
    except RecursionError:
        message = "nested too deeply to be an agenda (tables or lists inside one another)"
        raise AgendaError(source, [Problem(message)]) from None


def agenda_from_data(data: dict[str, Any], source: str, text: str = "") -> LoadedAgenda:
    """Validate TOML-shaped data; `text`, when given, lets messages name lines."""
    try:
        agenda = Agenda.model_validate(data)
    except ValidationError as error:
        lines = key_lines(text)
        problems = problems_from(error, lines)
        if between := rules_between_fields(data):  # what a field's error kept from view
            more = problems_from(ValidationError.from_exception_data("Agenda", between), lines)
            problems += [problem for problem in more if problem not in problems]
        raise AgendaError(source, problems) from None
    return LoadedAgenda(agenda, source, warnings_for(agenda, text))


def read_agenda_text(path: Path) -> str:
    """A file's text, or an AgendaError that says in one line why it cannot be read."""
    source = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        kind = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(kind):  # a FIFO or a device would hang or never end
            os.close(descriptor)
            raise AgendaError(source, [Problem(f"is {kind_of(kind)}, not an agenda file")])
        try:
            raw = read_at_most(descriptor, MAX_AGENDA_BYTES)
        finally:
            os.close(descriptor)
    except FileNotFoundError:
        raise AgendaError(source, [Problem("no such file")]) from None
    except PermissionError:
        raise AgendaError(source, [Problem("cannot be read: permission denied")]) from None
    except OSError as error:
        raise AgendaError(source, [Problem(f"cannot be read: {error.strerror}")]) from None
    if len(raw) > MAX_AGENDA_BYTES:
        message = f"is over {MAX_AGENDA_BYTES // 1024} KiB: too big to be an agenda"
        raise AgendaError(source, [Problem(message)])
    if b"\0" in raw:
        raise AgendaError(source, [Problem("is a binary file, not a TOML agenda")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        message = f"is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8"
        raise AgendaError(source, [Problem(message, line=line)]) from None


def _syntax_problem(error: tomllib.TOMLDecodeError) -> Problem:
    message = str(error)
    position = _POSITION.search(message)
    if position is None:
        return Problem(f"not valid TOML: {message}")
    line, column = int(position.group(1)), int(position.group(2))
    return Problem(f"not valid TOML: {message[: position.start()]}", line=line, column=column)
