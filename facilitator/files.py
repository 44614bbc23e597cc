"""Writing files safely: whole or not at all, and never over a name that is taken.

Neutral ground: every layer may use it, and it imports none of them.
"""

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str, *, overwrite: bool = True) -> bool:
    """Write a file whole or not at all: a crash leaves the old file or the new one. Without
    `overwrite`, an existing file is left as it is and False is returned."""
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as error:  # name the file the user asked for, not the temporary one
        raise OSError(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails, atomically, if the file exists
    except FileExistsError:
        return False
    finally:
        Path(temporary).unlink(missing_ok=True)
    return True


def free_name(wanted: Path) -> Path:
    """`wanted` if nothing has that name yet, else `stem-2.suffix`, `stem-3.suffix`, …"""
    candidate, number = wanted, 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")
    return candidate
