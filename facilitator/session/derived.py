"""Files derived from a session's journal (`listing.json`, `digest.json`), under one rule:
each says which journal it was made from (its identity, size, time of change and a hash of
its two ends) and carries a checksum of its own content. It is believed only when both
still hold, is opened as the journal is (no link, no FIFO, no device) and only up to a
size; else it is rebuilt from the journal, which is the truth.

Its first line holds the journal's mark and the checksum, its second the data as JSON; the
checksum is of the mark and the data's bytes as written, so reading checks it without
writing the data out again. A file in the older one-object layout is simply rebuilt.
"""

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from facilitator.files import open_regular, read_at_most, write_atomically

DERIVED_LIMIT = 16 << 20
"""A derived file larger than this is not read (a session's own is a few kilobytes)."""
MARK_BYTES = 4096
"""How much of each end of the journal its mark hashes."""


def journal_mark(journal: Path) -> str | None:
    """What a derived file is checked against: the journal's identity, size and time of
    change, and a hash of its first and last bytes (the header, and the last event with its
    number), so that a journal appended to, rewritten, restored or edited at either end
    is never matched; None when the journal cannot be read, so nothing derived is believed.
    Reading only the ends keeps a listing of a thousand long sessions fast."""
    try:
        descriptor = open_regular(journal, os.O_RDONLY)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        ends = os.pread(descriptor, MARK_BYTES, 0)
        ends += os.pread(descriptor, MARK_BYTES, max(0, status.st_size - MARK_BYTES))
    except OSError:
        return None
    finally:
        os.close(descriptor)
    where = f"{status.st_dev}:{status.st_ino}:{status.st_size}:{status.st_mtime_ns}"
    return f"{where}:{hashlib.sha256(ends).hexdigest()}"


def checksum_of(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, allow_nan=False)
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def _derived_checksum(mark: str, data: bytes) -> str:
    return "sha256:" + hashlib.sha256(mark.encode() + b"\n" + data).hexdigest()


def write_derived(path: Path, mark: str | None, data: dict[str, Any]) -> None:
    """Keep `data`, derived from the journal whose mark is `mark` (best effort: a derived
    file that cannot be written only means the journal is read next time)."""
    if mark is None:
        return
    with contextlib.suppress(OSError, ValueError):
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        checksum = _derived_checksum(mark, text.encode())
        write_atomically(path, json.dumps({"journal": mark, "checksum": checksum}) + f"\n{text}\n")


def read_derived(path: Path, mark: str | None) -> bytes | None:
    """The data (JSON) a derived file keeps, if it was made from the journal as it is now
    and is as it was written; None (rebuild it) otherwise."""
    if mark is None:
        return None
    try:
        descriptor = open_regular(path, os.O_RDONLY)
        try:
            raw = read_at_most(descriptor, DERIVED_LIMIT)
        finally:
            os.close(descriptor)
        if len(raw) > DERIVED_LIMIT:
            return None
        first, _, data = raw.partition(b"\n")
        kept = json.loads(first)
        data = data.removesuffix(b"\n")
        if not isinstance(kept, dict) or set(kept) != {"journal", "checksum"}:
            return None
        if kept["journal"] != mark or kept["checksum"] != _derived_checksum(mark, data):
            return None
    except (OSError, ValueError, TypeError, RecursionError):
        return None
    return data
