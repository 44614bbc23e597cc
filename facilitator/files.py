"""Writing files safely: whole or not at all, never over a name that is taken, never through
a link, and (for what a session records) readable by the user alone.

Neutral ground: every layer may use it, and it imports none of them.
"""

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

NO_LOCKS = (
    "running a session needs POSIX file locks (fcntl), which this system lacks: "
    "facilitator supports Linux and macOS; check, list, schema, summary and history work here"
)


def can_lock() -> bool:
    """Whether this system has the file locks that make one window a session's writer."""
    try:
        import fcntl  # noqa: F401  (POSIX only)
    except ImportError:
        return False
    return True


PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def write_atomically(
    path: Path, text: str, *, overwrite: bool = True, private: bool = True
) -> bool:
    """Write a file whole or not at all: a crash leaves the old file or the new one. Without
    `overwrite`, an existing file is left as it is and False is returned. A private file is
    0600; otherwise it follows the user's umask, as an editor's files do."""
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as error:  # name the file the user asked for, not the temporary one
        raise OSError(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fchmod(file.fileno(), PRIVATE_FILE if private else 0o666 & ~_umask())
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


def private_folder(folder: Path, *, up_to: Path) -> Path:
    """Make `folder` and the folders between it and `up_to` (included) if missing, each
    0700; those below `up_to` that exist are tightened to 0700. `up_to` itself, when it
    exists, keeps its mode: it may be a folder of the user's (`--home /tmp`). Returns
    `folder`."""
    with contextlib.suppress(FileExistsError):
        up_to.mkdir(mode=PRIVATE_FOLDER, parents=True)
    current = up_to
    for part in folder.relative_to(up_to).parts:
        current = current / part
        _private_dir(current)
    return folder


def tighten(folder: Path) -> None:
    """A folder the app made, and the plain files in it, readable by the user alone again
    (sessions recorded by older builds were 0755 and 0644)."""
    _private_dir(folder)
    for entry in os.scandir(folder):
        if entry.is_file(follow_symlinks=False):
            mode = stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode)
            if mode & ~PRIVATE_FILE:
                os.chmod(entry.path, mode & PRIVATE_FILE, follow_symlinks=False)


def _private_dir(folder: Path) -> None:
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=PRIVATE_FOLDER, parents=True)
    if stat.S_IMODE(folder.stat().st_mode) != PRIVATE_FOLDER:
        folder.chmod(PRIVATE_FOLDER)


def open_regular(path: Path, flags: int) -> int:
    """A descriptor on a regular file, never through a symbolic link and never a FIFO, a
    device or a folder: anything else is an OSError that says what the path is."""
    with contextlib.suppress(FileNotFoundError):
        _refuse_odd(path, os.lstat(path).st_mode)  # a clear word before any open
    descriptor = os.open(path, flags | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, PRIVATE_FILE)
    try:
        _refuse_odd(path, os.fstat(descriptor).st_mode)  # and no swap in between
    except OSError:
        os.close(descriptor)
        raise
    return descriptor


def read_at_most(descriptor: int, limit: int) -> bytes:
    """A file's bytes, up to `limit` and one more (so that a caller tells a file over the
    limit); read as the file is long, not into a buffer of `limit` bytes, which a buffered
    read allocates whole (16 MiB for each 1 KiB listing of a thousand sessions)."""
    left, pieces = limit + 1, []
    size = min(os.fstat(descriptor).st_size + 1, left)
    while left > 0:
        piece = os.read(descriptor, min(size, left))
        if not piece:
            break
        pieces.append(piece)
        left -= len(piece)
        size = 1 << 16  # the file grew since: read on, in pieces
    return b"".join(pieces)


def _refuse_odd(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, f"{kind_of(mode)}, not a regular file: refused", str(path))


def kind_of(mode: int) -> str:
    """What a file that is not a plain file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a regular file"


def free_name(wanted: Path) -> Path:
    """`wanted` if nothing has that name yet, else `stem-2.suffix`, `stem-3.suffix`, …"""
    candidate, number = wanted, 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")
    return candidate


def _umask() -> int:
    current = os.umask(0o077)
    os.umask(current)
    return current
