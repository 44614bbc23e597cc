"""Whether a session's window is open, as a reader can tell without disturbing it.

A session is running exactly when its writer holds the session's lock (`writer.py`). A
reader never takes that lock: it reads the process named in the lock file and, when that
process is alive on this machine, checks the lock with a shared, non-blocking attempt that
it gives back at once. A session whose agenda is open but not yet started has no journal;
it has a presence file (its journal's header) beside the lock, so the room can see it.
"""

import contextlib
import os
import re
import socket
from pathlib import Path

from facilitator.files import open_regular, write_atomically
from facilitator.session.journal import JOURNAL
from facilitator.session.records import sessions_folder
from facilitator.session.writer import LOCK

PRESENCE = "presence.json"
"""The header of a session whose agenda is open, until its journal has one (or it quits)."""

_HOLDER = re.compile(r"process (\d+) on (\S+):")


def announce(folder: Path, header_json: str) -> None:
    """Say that a session's window is open (best effort: the room simply sees it later)."""
    with contextlib.suppress(OSError):
        write_atomically(folder / PRESENCE, header_json)


def withdraw(folder: Path) -> None:
    """The window is closing: the presence file goes with it."""
    with contextlib.suppress(OSError):
        (folder / PRESENCE).unlink()


def writer_alive(folder: Path) -> bool:
    """Whether a process holds the session's lock now (is writing it)."""
    try:
        descriptor = open_regular(folder / LOCK, os.O_RDONLY)
    except OSError:
        return False  # no lock file: closed properly, or never opened
    try:
        holder = _HOLDER.match(os.read(descriptor, 300).decode("utf-8", "replace"))
        if holder is None:
            return True  # a writer between taking the lock and naming itself
        pid, host = int(holder[1]), holder[2]
        if host == socket.gethostname() and not _process_exists(pid):
            return False  # gone (kill -9, a crash): the kernel let go of its lock
        return _locked(descriptor)
    finally:
        os.close(descriptor)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def _locked(descriptor: int) -> bool:
    """A shared attempt on our own descriptor, given back at once: it fails only while
    another descriptor holds the lock exclusively (and, without POSIX locks, never)."""
    try:
        import fcntl  # POSIX only: a system without it runs no live session to see
    except ImportError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    fcntl.flock(descriptor, fcntl.LOCK_UN)
    return False


def opened_sessions(home: Path) -> list[Path]:
    """The folders of sessions whose window is open now, newest first."""
    folder = sessions_folder(home)
    if not folder.is_dir():
        return []
    found = [
        path
        for path in folder.iterdir()
        if (os.path.lexists(path / JOURNAL) or os.path.lexists(path / PRESENCE))
        and writer_alive(path)
    ]
    return sorted(found, key=lambda path: path.name, reverse=True)
