"""Finding agendas: the bundled formats and the `*.toml` files in the current folder."""

from pathlib import Path
from typing import Literal, NamedTuple

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


def local_agendas(folder: Path) -> list[AgendaFile]:
    """`*.toml` files in a folder that look like agendas (pyproject.toml does not)."""
    if folder.resolve() == bundled_folder().resolve():
        return []
    return [
        AgendaFile(path.stem, path, "local")
        for path in sorted(folder.glob("*.toml"))
        if mentions_segments(path)
    ]


def find_agenda(wanted: str, folder: Path) -> Path:
    """A path as given, or a local or bundled agenda's name; AgendaError if none fits."""
    given = Path(wanted)
    if given.exists() or given.suffix == ".toml" or len(given.parts) > 1:
        return given
    known = local_agendas(folder) + bundled_agendas()
    for agenda in known:
        if agenda.name == wanted:
            return agenda.path
    names = sorted({agenda.name for agenda in known})
    containing = [name for name in names if wanted.casefold() in name.casefold()]
    import difflib  # only when no agenda has the name

    close = containing or difflib.get_close_matches(wanted, names, n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    message = f"no agenda file or bundled agenda by that name; {hint}`facilitator list` shows them"
    raise AgendaError(wanted, [Problem(message)])
