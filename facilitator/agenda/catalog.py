"""Finding agendas: the bundled formats and the `*.toml` files in the current folder."""

import tomllib
from pathlib import Path
from typing import Literal, NamedTuple

from facilitator.agenda.loading import read_agenda_text
from facilitator.agenda.problems import AgendaError, Problem
from facilitator.places import bundled_folder, mentions_segments


class AgendaFile(NamedTuple):
    """An agenda file the user can open by name."""

    name: str
    path: Path
    origin: Literal["bundled", "local"]


def bundled_agendas() -> list[AgendaFile]:
    """The agendas that ship with the app, by name."""
    return [
        AgendaFile(path.stem, path, "bundled") for path in sorted(bundled_folder().glob("*.toml"))
    ]


_AGENDA_KEYS = frozenset({"title", "participants", "segments"})


def local_agendas(folder: Path) -> list[AgendaFile]:
    """`*.toml` files in a folder that are, or are meant to be, agendas (pyproject.toml is
    not): broken ones too, so that they are listed as invalid instead of vanishing."""
    if folder.resolve() == bundled_folder().resolve():
        return []
    return [
        AgendaFile(path.stem, path, "local")
        for path in sorted(folder.glob("*.toml"))
        if _meant_as_agenda(path)
    ]


def _meant_as_agenda(path: Path) -> bool:
    """A regular file that mentions segments, or whose TOML has an agenda's keys, or that
    cannot be read as TOML at all: a draft with an unclosed quote and no segments yet is an
    agenda being written, and another tool's file, which reads fine, has none of the keys."""
    if mentions_segments(path):  # the quick answer for almost every agenda
        return True
    if not path.is_file():  # a FIFO or a device is never opened
        return False
    try:
        data = tomllib.loads(read_agenda_text(path))
    except (AgendaError, tomllib.TOMLDecodeError, RecursionError):
        return True
    return not _AGENDA_KEYS.isdisjoint(data)


def find_agenda(wanted: str, folder: Path) -> Path:
    """A path as given, or a local or bundled agenda's name; AgendaError if none fits."""
    given = Path(wanted)
    if given.exists() or given.suffix == ".toml" or len(given.parts) > 1:
        return given
    local = folder / f"{wanted}.toml"  # read alone: the folder's other files may be big
    if _meant_as_agenda(local):
        return local
    for agenda in bundled_agendas():
        if agenda.name == wanted:
            return agenda.path
    names = sorted({agenda.name for agenda in local_agendas(folder) + bundled_agendas()})
    containing = [name for name in names if wanted.casefold() in name.casefold()]
    import difflib  # only when no agenda has the name

    close = containing or difflib.get_close_matches(wanted, names, n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    message = f"no agenda file or bundled agenda by that name; {hint}`facilitator list` shows them"
    raise AgendaError(wanted, [Problem(message)])
