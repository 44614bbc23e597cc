"""Tab completion through argcomplete: agenda names and files after `run`, `check` and
`edit`; session ids after `resume`, `summary` and `display`; series after `history`.
It loads only when the shell asks for completions, and agenda names need only the standard
library: the session layer (and pydantic) loads only to complete sessions and series."""

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import argcomplete

from facilitator.places import bundled_folder, bundled_names, mentions_segments
from facilitator.text import clean

Completer = Callable[..., list[str]]


def agendas(**_: Any) -> list[str]:
    here = Path.cwd()
    is_bundled = here.resolve() == bundled_folder().resolve()
    local = [] if is_bundled else sorted(p for p in here.glob("*.toml") if mentions_segments(p))
    return [path.name for path in local] + bundled_names()


def bundled(**_: Any) -> list[str]:
    return bundled_names()


def toml_files(**_: Any) -> list[str]:
    return sorted(path.name for path in Path.cwd().glob("*.toml"))


def sessions(parsed_args: argparse.Namespace, **_: Any) -> list[str]:
    from facilitator.session import data_home, recorded_sessions

    ids = (r.id for r in recorded_sessions(data_home(parsed_args.home)))
    return ["last", *(id for id in ids if _printable(id))]


def series(parsed_args: argparse.Namespace, **_: Any) -> list[str]:
    from facilitator.session import data_home, recorded_sessions

    records = recorded_sessions(data_home(parsed_args.home))
    found = {r.series for r in records if isinstance(r.series, str) and _printable(r.series)}
    return sorted(found)


def _printable(word: str) -> bool:
    """Only words the shell can be given as they are: one holding a control character (an
    escape, a vertical tab that would split it in two) is not offered, never printed raw."""
    return bool(word) and clean(word, one_line=True) == word and " " not in word


COMPLETERS: dict[tuple[str, str], Completer] = {
    ("run", "agenda"): agendas,
    ("check", "agendas"): agendas,
    ("edit", "path"): toml_files,
    ("new", "source"): bundled,
    ("resume", "session"): sessions,
    ("summary", "session"): sessions,
    ("display", "session"): sessions,
    ("history", "series"): series,
    ("resources", "series"): series,
}


def complete(parser: argparse.ArgumentParser) -> None:
    """Give each argument its completer, then let argcomplete answer the shell (it exits)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                for argument in command._actions:
                    found = COMPLETERS.get((name, argument.dest))
                    if found is not None:
                        argument.completer = found
    argcomplete.autocomplete(parser)
