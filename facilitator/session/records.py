"""Recorded sessions: one folder each under `$FACILITATOR_HOME/sessions/`."""

import contextlib
import datetime as dt
import json
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from facilitator.files import free_name, open_regular
from facilitator.session.derived import journal_mark, read_derived, write_derived
from facilitator.session.journal import JOURNAL, Header, JournalError, read_journal
from facilitator.session.values import FORMAT_VERSION
from facilitator.text import clean

HOME_VARIABLE = "FACILITATOR_HOME"
LISTING = "listing.json"
"""A session's line in `sessions`, kept beside its journal (a derived file, see
`derived.py`), so that listing sessions reads no journal that has not changed since."""


def data_home(option: str | None = None) -> Path:
    """`--home`, else `$FACILITATOR_HOME`, else the user data folder of this OS."""
    chosen = option or os.environ.get(HOME_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only commands that touch sessions pay for it

    default = Path(platformdirs.user_data_dir("facilitator", appauthor=False))
    with contextlib.suppress(OSError):  # the app's own folder (not one the user gave)
        if stat.S_IMODE(default.lstat().st_mode) & 0o077 and default.is_dir():
            default.chmod(0o700)
    return default


def sessions_folder(home: Path) -> Path:
    return home / "sessions"


def new_session_folder(home: Path, title: str, when: dt.datetime) -> Path:
    """A folder name no other session has: date, time, and the agenda's title."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:40] or "session"
    return free_name(sessions_folder(home) / f"{when:%Y%m%d-%H%M%S}-{slug}")


class SessionRecord(NamedTuple):
    """A recorded session as listed: enough to choose one without replaying it."""

    id: str
    folder: Path
    title: str
    series: str | None
    created: dt.datetime
    ended: bool
    source: str
    """Where its agenda was loaded from."""
    problem: str = ""
    """Why the session cannot be read, for one that is damaged."""


def recorded_sessions(home: Path) -> list[SessionRecord]:
    """Every session, newest first; a damaged one is listed with its problem, not hidden."""
    folder = sessions_folder(home)
    if not folder.is_dir():
        return []
    found = [_record(path) for path in folder.iterdir() if os.path.lexists(path / JOURNAL)]
    return sorted(found, key=lambda record: (record.created, record.id), reverse=True)


def usable(records: list[SessionRecord]) -> list[SessionRecord]:
    return [record for record in records if not record.problem]


def find_session(home: Path, wanted: str, *, unfinished: bool = False) -> SessionRecord:
    """A session by id, unique id prefix, or `last` (the newest, or the newest unfinished
    one); JournalError if none fits."""
    records = recorded_sessions(home)
    if unfinished and wanted == "last":
        records = [record for record in usable(records) if not record.ended]
    if not records:
        what = "unfinished sessions" if unfinished else "recorded sessions"
        raise JournalError(f"no {what} in {sessions_folder(home)}")
    if wanted == "last":
        return records[0]
    matches = [r for r in records if r.id == wanted] or [
        r for r in records if r.id.startswith(wanted)
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise JournalError(f"no session {wanted!r}; `facilitator sessions` lists them")
    raise JournalError(f"{wanted!r} matches {len(matches)} sessions; give more of the id")


def _ends_ended(lines: Iterable[str]) -> bool:
    """Whether the last end or reopen among the events is an end (undo takes back neither)."""
    ended = False
    for line in lines:
        with contextlib.suppress(ValueError, AttributeError):
            kind = json.loads(line).get("kind")
            if kind in ("end", "reopen"):
                ended = kind == "end"
    return ended


def _record(folder: Path) -> SessionRecord:
    """A session as listed: from its listing file while that was made from the journal as
    it is now, else from the journal (and the listing written again for next time)."""
    mark = journal_mark(folder / JOURNAL)
    kept = _kept_listing(folder, mark)
    if kept is not None:
        return kept
    record = _read_record(folder)
    if not record.problem:
        _write_listing(record, mark)
    return record


def keep_listing(record: SessionRecord) -> None:
    """Write a session's listing, for its journal as it is now."""
    _write_listing(record, journal_mark(record.folder / JOURNAL))


def _write_listing(record: SessionRecord, mark: str | None) -> None:
    listing = {
        "title": record.title,
        "series": record.series,
        "created": record.created.isoformat(),
        "ended": record.ended,
        "source": record.source,
    }
    write_derived(record.folder / LISTING, mark, listing)


def _kept_listing(folder: Path, mark: str | None) -> SessionRecord | None:
    kept = read_derived(folder / LISTING, mark)
    if kept is None:
        return None
    try:
        listing = json.loads(kept)
        created = dt.datetime.fromisoformat(listing["created"])
        series = listing["series"]
        if created.tzinfo is None or not (series is None or isinstance(series, str)):
            return None
        return SessionRecord(
            id=folder.name,
            folder=folder,
            title=clean(str(listing["title"]), one_line=True),
            series=series,
            created=created,
            ended=bool(listing["ended"]),
            source=str(listing["source"]),
        )
    except (ValueError, KeyError, TypeError, RecursionError):
        return None


def _read_record(folder: Path) -> SessionRecord:
    """A session as listed, read quickly from its first line; a journal that does not read
    that simply is read in full, and one that cannot be read is listed as damaged."""
    path = folder / JOURNAL
    try:  # the header checked whole (a damaged seed is a damaged header), the events not
        descriptor = open_regular(path, os.O_RDONLY)
        with os.fdopen(descriptor, encoding="utf-8") as file:
            header = Header.model_validate_json(file.readline())
            ended = _ends_ended(file)
        if header.format <= FORMAT_VERSION:
            return record_of(folder, header, ended=ended)
    except (OSError, ValueError):
        pass  # read in full below: a header rebuilt from session.json, or a damaged session
    try:
        recorded = read_journal(path)
    except JournalError as error:
        return _damaged(folder, str(error))
    return record_of(folder, recorded.header, ended=recorded.replay().ended is not None)


def record_of(folder: Path, header: Header, *, ended: bool) -> SessionRecord:
    """A session as listed, from its journal's header."""
    return SessionRecord(
        id=folder.name,
        folder=folder,
        title=header.agenda.title,
        series=header.agenda.series,
        created=header.created,
        ended=ended,
        source=header.source,
    )


def _damaged(folder: Path, problem: str) -> SessionRecord:
    try:
        created = dt.datetime.strptime(folder.name[:15], "%Y%m%d-%H%M%S").astimezone()
    except ValueError:
        created = dt.datetime.fromtimestamp(0).astimezone()
    return SessionRecord(folder.name, folder, "(damaged)", None, created, False, "", problem)
