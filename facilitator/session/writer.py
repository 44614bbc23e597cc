"""Writing a session's journal: one writer at a time, every event on disk before it counts,
and what could not be written kept and written later, in order.

The journal keeps every line it was given in memory. A write that fails (a full disk, a
removed folder) leaves the lines pending; the next write tries again, and when the file is
gone or is not as this writer left it, rewrites it whole from memory.
"""

import contextlib
import os
import socket
import sys
import tempfile
from pathlib import Path

from facilitator.files import NO_LOCKS, open_regular, private_folder, write_atomically
from facilitator.session.events import EVENT, Event
from facilitator.session.journal import JOURNAL, Header, JournalError
from facilitator.text import clean

LOCK = "lock"
RESCUE_PLACE = tempfile.gettempdir()
"""Where a session goes when its own disk cannot take it: often another disk, or memory."""

_HELD: dict[Path, int] = {}
"""Session folders this process writes, with the descriptor that holds each one's lock."""


def hold_lock(folder: Path) -> None:
    """Become the one writer of a session, or JournalError naming the process that is. The
    lock goes with its process: one left by a process that died is simply taken."""
    key = folder.resolve()
    if key in _HELD:
        return  # this process already writes it (a session reopened in the same app)
    try:
        import fcntl  # POSIX only: readers (summary, history, display) need no lock
    except ImportError:
        raise JournalError(NO_LOCKS) from None
    descriptor = open_regular(folder / LOCK, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = clean(os.read(descriptor, 300).decode("utf-8", "replace")).strip()
        os.close(descriptor)
        raise JournalError(
            f"{folder.name} is open in another window ({holder or 'another process'}); "
            "one window at a time writes a session: leave it there (ctrl+q) and resume it "
            f"here, or read it meanwhile with `facilitator summary {folder.name}`"
        ) from None
    command = " ".join(["facilitator", *sys.argv[1:]])
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"process {os.getpid()} on {socket.gethostname()}: {command}".encode())
    _HELD[key] = descriptor


def release_lock(folder: Path) -> None:
    """Stop being the session's writer (and remove the lock file with it)."""
    descriptor = _HELD.pop(folder.resolve(), None)
    if descriptor is not None:
        with contextlib.suppress(OSError):
            (folder / LOCK).unlink()
        os.close(descriptor)


class Journal:
    """Appends events to a session's journal file and keeps them until they are on disk."""

    def __init__(self, path: Path, lines: list[str], size: int) -> None:
        self.path = path
        self.lines = lines
        """Every line of the journal, the header first, written or not."""
        self.written = len(lines) if size else 0
        """How many of `lines` are on disk."""
        self.size = size
        """The bytes this writer has put on disk."""

    @classmethod
    def reserve(cls, folder: Path, header: Header) -> "Journal":
        """Claim a new, private folder for a session; the journal file is made with the first
        event, so a session opened and closed with nothing done leaves nothing behind."""
        private_folder(folder.parent, up_to=folder.parent.parent)
        folder.mkdir(mode=0o700)
        hold_lock(folder)
        return cls(folder / JOURNAL, [header.model_dump_json() + "\n"], 0)

    @property
    def pending(self) -> int:
        """Events accepted but not yet on disk."""
        return len(self.lines) - max(self.written, 1)

    def append(self, event: Event) -> None:
        """Write the event (and any still pending) and fsync; OSError if it could not."""
        self.lines.append(EVENT.dump_json(event).decode() + "\n")
        self.flush()

    def flush(self) -> None:
        """Put every pending line on disk; OSError if it could not (they stay pending)."""
        if self.written == len(self.lines):
            return
        try:
            descriptor = open_regular(self.path, os.O_WRONLY | os.O_APPEND)
        except FileNotFoundError:  # not made yet, or removed with its folder: write it whole
            self._rewrite()
            return
        if self.written == 0 or os.fstat(descriptor).st_size != self.size:
            os.close(descriptor)  # not the file this writer left (restored, edited): redo it
            self._rewrite()
            return
        unwritten = memoryview("".join(self.lines[self.written :]).encode())
        adding = len(unwritten)
        try:
            while unwritten:
                unwritten = unwritten[os.write(descriptor, unwritten) :]
            os.fsync(descriptor)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(descriptor, self.size)  # the retry never leaves half a line
            raise
        finally:
            os.close(descriptor)
        self.written, self.size = len(self.lines), self.size + adding

    def _rewrite(self) -> None:
        """The whole journal from memory, atomically, in its (re-made) private folder."""
        folder = self.path.parent
        private_folder(folder, up_to=folder.parent)
        if not (folder / LOCK).exists():  # the folder was made again: so is its lock
            release_lock(folder)
            hold_lock(folder)
        whole = "".join(self.lines)
        write_atomically(self.path, whole)
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        self.written, self.size = len(self.lines), len(whole.encode())

    def rescue(self) -> Path:
        """Write the whole journal to a new private folder elsewhere (when its own cannot
        be written); `facilitator resume` can open it with `--home`."""
        home = Path(tempfile.mkdtemp(prefix="facilitator-rescue-", dir=RESCUE_PLACE))
        folder = private_folder(home / "sessions" / self.path.parent.name, up_to=home)
        write_atomically(folder / JOURNAL, "".join(self.lines))
        return folder / JOURNAL
