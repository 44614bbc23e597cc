"""Where agendas are, found with the standard library alone: light enough for Tab
completion and `--help`, which must not wait for pydantic.

Neutral ground: every layer may use it, and it imports none of them.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# In a wheel the bundled agendas sit inside the package; in a checkout, beside it.
_BUNDLED_PLACES = (_PACKAGE / "bundled_agendas", _PACKAGE.parent / "agendas")


def bundled_folder() -> Path:
    """Where the bundled agendas are, installed or in a checkout."""
    return next((place for place in _BUNDLED_PLACES if place.is_dir()), _BUNDLED_PLACES[0])


def bundled_names() -> list[str]:
    """The names of the agendas that ship with the app (`peer-circle`, ...)."""
    return [path.stem for path in sorted(bundled_folder().glob("*.toml"))]


def mentions_segments(path: Path) -> bool:
    """Whether a regular file looks like an agenda (a FIFO or a device is never opened)."""
    if not path.is_file():
        return False
    try:
        with path.open("rb") as file:
            return b"segments" in file.read(1024 * 1024)
    except OSError:
        return False
