"""Writing a session's journal: one writer at a time, every event on disk before it counts,
and what could not be written kept and written later, in order.

The journal keeps every line it was given in memory. A write that fails (a full disk, a
removed folder) leaves the lines pending; the next write tries again, and when the file is
gone or is not as this writer left it, rewrites it whole from memory, but only when the file
holds nothing this writer has not seen: a journal another window wrote to (its lock deleted
by hand, a sync tool, a cleaner of temporary files) is never written over. This writer stops
instead, says why, and the session can be written to a rescue folder.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
import tempfile
from pathlib import Path

from facilitator.files import NO_LOCKS, open_regular, private_folder, write_atomically
from facilitator.session import events as ev
from facilitator.session.journal import JOURNAL, Header, JournalError, event_of
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
    try:
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"process {os.getpid()} on {socket.gethostname()}: {command}".encode())
    except OSError:
        os.close(descriptor)  # the lock goes with its descriptor
        raise
    _HELD[key] = descriptor


def release_lock(folder: Path) -> None:
    """Stop being the session's writer (and remove the lock file with it, if it is still the
    one this process holds: one made since by another window is that window's)."""
    descriptor = _HELD.pop(folder.resolve(), None)
    if descriptor is not None:
        with contextlib.suppress(OSError):
            if _identity(os.fstat(descriptor)) == _identity(os.lstat(folder / LOCK)):
                (folder / LOCK).unlink()
        os.close(descriptor)


def _identity(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def _normal(line: bytes | str) -> bytes:
    """A journal line as a reader takes it (blanks and the NULs of a crash dropped)."""
    raw = line.encode() if isinstance(line, str) else line
    return raw.strip(b" \t\r\n").strip(b"\x00")


def _is_header(line: bytes) -> bool:
    with contextlib.suppress(ValueError):
        data = json.loads(line)
        return isinstance(data, dict) and "agenda" in data
    return False


class OtherWriterError(OSError):
    """The journal holds lines this writer never wrote: another window writes it."""


class Journal:
    """Appends events to a session's journal file and keeps them until they are on disk."""

    def __init__(
        self, path: Path, lines: list[str], size: int, identity: tuple[int, int] | None = None
    ) -> None:
        self.path = path
        self.lines = lines
        """Every line of the journal, the header first, written or not."""
        self.written = len(lines) if size else 0
        """How many of `lines` are on disk."""
        self.size = size
        """The bytes this writer has put on disk."""
        self.identity = identity
        """(device, inode) of the file this writer last wrote or read."""
        self.stopped = ""
        """Why this writer no longer writes its journal (another window does), if it stopped."""

    @classmethod
    def reserve(cls, folder: Path, header: Header) -> Journal:
        """Claim a new, private folder for a session; the journal file is made with the first
        event, so a session opened and closed with nothing done leaves nothing behind."""
        private_folder(folder.parent, up_to=folder.parent.parent)
        folder.mkdir(mode=0o700)
        try:
            hold_lock(folder)
        except OSError as error:  # a full disk: leave no empty folder with a lock behind
            with contextlib.suppress(OSError):
                (folder / LOCK).unlink()
                folder.rmdir()
            raise OSError(
                error.errno,
                f"cannot start a session here: {error.strerror}; nothing was kept. Free some "
                "space, or start it on another disk with --home DIR",
                str(folder.parent),
            ) from None
        return cls(folder / JOURNAL, [header.model_dump_json() + "\n"], 0)

    @property
    def pending(self) -> int:
        """Events accepted but not yet on disk."""
        return len(self.lines) - max(self.written, 1)

    def append(self, event: ev.Event) -> None:
        """Write the event (and any still pending) and fsync; OSError if it could not."""
        self.lines.append(event.model_dump_json() + "\n")  # its own model: no union to build
        self.flush()

    def flush(self) -> None:
        """Put every pending line on disk; OSError if it could not (they stay pending), and
        OtherWriterError, for good, once the journal holds lines this writer never wrote."""
        if self.written == len(self.lines):
            return
        if self.stopped:
            raise OtherWriterError(errno.EBUSY, self.stopped, str(self.path))
        import fcntl  # POSIX only, as the lock: only a writer needs it

        for _ in range(10):  # another writer may replace the file between open and lock
            try:
                descriptor = open_regular(self.path, os.O_RDWR | os.O_APPEND)
            except FileNotFoundError:  # not made yet, or removed with its folder: write it
                self._rewrite()
                return
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX)  # one check-and-write at a time
                status = os.fstat(descriptor)
                with contextlib.suppress(FileNotFoundError):
                    if _identity(status) != _identity(os.lstat(self.path)):
                        continue  # replaced while we waited: look again
                same = _identity(status) == self.identity and status.st_size == self.size
                if self.written and same:
                    self._append(descriptor)
                    return
                self._refuse_unseen(descriptor)
                self._rewrite()  # a restored or cut copy of what this writer wrote
                return
            finally:
                os.close(descriptor)
        raise OSError(errno.EAGAIN, "the journal keeps being replaced", str(self.path))

    def _append(self, descriptor: int) -> None:
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
        self.written, self.size = len(self.lines), self.size + adding

    def _refuse_unseen(self, descriptor: int) -> None:
        """OtherWriterError (and stop writing) if the file holds an event, or a header, this
        writer never had; a file that holds only a beginning of its events (a restored or cut
        copy), with or without damaged lines, may be written over."""
        chunks: list[bytes] = []
        while chunk := os.pread(descriptor, 1 << 20, sum(len(part) for part in chunks)):
            chunks.append(chunk)
        theirs = [_normal(line) for line in b"".join(chunks).split(b"\n") if _normal(line)]
        ours = [_normal(line) for line in self.lines]
        events = [line for line in theirs if event_of(line) is not None]
        header = theirs[0] if theirs and _is_header(theirs[0]) else ours[0]
        if header == ours[0] and events == ours[1 : 1 + len(events)]:
            return
        self.stopped = (
            "another window wrote this session after this one (was its lock file removed?): "
            "this window stops writing it, so that nothing is written over; "
            "quit and write it to a rescue folder"
        )
        raise OtherWriterError(errno.EBUSY, self.stopped, str(self.path))

    def _rewrite(self) -> None:
        """The whole journal from memory, atomically, in its (re-made) private folder."""
        folder = self.path.parent
        private_folder(folder, up_to=folder.parent.parent)  # the home keeps its mode
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
        self.identity = _identity(os.lstat(self.path))

    def rescue(self) -> Path:
        """Write the whole journal to a new private folder elsewhere (when its own cannot
        be written); `facilitator resume` can open it with `--home`."""
        home = Path(tempfile.mkdtemp(prefix="facilitator-rescue-", dir=RESCUE_PLACE))
        folder = private_folder(home / "sessions" / self.path.parent.name, up_to=home)
        write_atomically(folder / JOURNAL, "".join(self.lines))
        return folder / JOURNAL
