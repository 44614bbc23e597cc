"""Opening a session for a screen: starting one from an agenda, resuming or reopening a
recorded one, and refusing early what opening would refuse, before anything is written."""

import os
from collections.abc import Callable
from pathlib import Path

from facilitator.agenda import LoadedAgenda, load_agenda
from facilitator.files import open_regular
from facilitator.prompts import ask_yes, interactive
from facilitator.session import Session, SessionRecord, SystemClock
from facilitator.session.carry import from_last_session
from facilitator.session.journal import JOURNAL
from facilitator.session.session import SavedSummary
from facilitator.session.writer import hold_lock, release_lock


def refuse_early(record: SessionRecord) -> None:
    """What opening the session to write would refuse (a journal that is not a plain file,
    another window writing it) is refused now, before anything is written."""
    os.close(open_regular(record.folder / JOURNAL, os.O_RDONLY))
    hold_lock(record.folder)
    release_lock(record.folder)


def starter(home: Path) -> Callable[[str | Path], Session]:
    def start(path: str | Path) -> Session:
        return begin(home, load_agenda(Path(path)))

    return start


def begin(home: Path, loaded: LoadedAgenda) -> Session:
    """A new session of an agenda already loaded (`run` has read and checked it)."""
    agenda = loaded.agenda
    previous, carried = from_last_session(home, agenda.series) if agenda.series else (None, [])
    session = Session.begin(agenda, SystemClock(), home, loaded.source, carried, previous)
    return writing_summaries(session)


def resumed(record: SessionRecord, reopen_ended: bool) -> Session | None:
    """An unfinished session to carry on; an ended one only if reopening was asked for."""
    session = reopen(record)
    if session.state.ended is None:
        return session
    if not reopen_ended:
        question = f"{record.id} has ended. Reopen it, paused where it ended? [y/N] "
        if not interactive() or not ask_yes(question, default=False):
            print(f"Not reopened. `facilitator resume {record.id} --reopen` reopens it.")
            return None
    session.reopen_ended()
    return session


def reopen(record: SessionRecord) -> Session:
    """A recorded session, opened to write (JournalError if another window has it)."""
    return writing_summaries(Session.reopen(record.folder, SystemClock()))


def writing_summaries(session: Session) -> Session:
    """The session writes its summary files as it ends."""
    session.summary_writer = _save_summary
    return session


def _save_summary(session: Session) -> SavedSummary:
    from facilitator.summary.files import save_summary  # as it ends: not before the screen

    return save_summary(session)
