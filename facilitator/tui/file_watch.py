"""Being told at once when a file is written: Linux's inotify, read through ctypes (the
standard library has no binding of its own; pulling in a package for four calls would be
more to trust than the calls). Elsewhere, or where it is refused, there is no watch and
the caller looks at the file on a timer instead; so it does for a file written from
another machine (a shared folder), of which the system hears nothing."""

import ctypes
import os
from pathlib import Path

IN_MODIFY = 0x2
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000


class FileWatch:
    """One file watched for writes at a time; `fileno` turns readable when it was written.
    Watching again after the file was replaced (a new inode) follows the new one."""

    def __init__(self) -> None:
        """OSError when the system has no inotify (not Linux) or refuses one more."""
        try:
            self._libc = ctypes.CDLL(None, use_errno=True)  # the C library Python runs on
            self._fd: int = self._libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        except (OSError, AttributeError, TypeError) as error:  # TypeError: Windows' ctypes
            raise OSError(f"no inotify here: {error}") from error
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        self._watch = -1

    def fileno(self) -> int:
        return self._fd

    def watch(self, path: Path) -> bool:
        """Watch `path` (and no longer what was watched before); cheap to repeat. False
        when it cannot be watched (gone, or the system's watches used up): the caller
        looks at it on a timer meanwhile."""
        watch = self._libc.inotify_add_watch(self._fd, os.fsencode(path), IN_MODIFY)
        if watch != self._watch and self._watch >= 0:
            self._libc.inotify_rm_watch(self._fd, self._watch)
        self._watch = watch
        return bool(watch >= 0)

    def drain(self) -> None:
        """Forget the writes seen so far (the caller reads the file itself)."""
        try:
            while os.read(self._fd, 4096):
                pass
        except BlockingIOError:
            pass

    def close(self) -> None:
        os.close(self._fd)
