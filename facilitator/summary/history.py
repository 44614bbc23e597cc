"""A series remembered: its sessions, who came, every action item and where it stands,
the resources shared, and each person's airtime across the series."""

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from facilitator.session.bulk import bulk
from facilitator.session.derived import journal_mark, read_derived, write_derived
from facilitator.session.facts import SessionFacts, facts_of
from facilitator.session.journal import JOURNAL, JournalError, read_journal
from facilitator.session.records import recorded_sessions
from facilitator.session.values import CarryStatus, ItemType
from facilitator.summary.history_goals import PersonGoals, goals_of_series

HISTORY_VERSION = 2
"""2: a ledger entry and a resource list all their people (`owners`, `shared_by`), and
`goals`, each person's goals across the series."""
DIGEST = "digest.json"
DIGEST_FORMAT = 2
"""2: only the kinds of item a history shows (older digests, holding every item, are made
anew once)."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class SessionLine(_Frozen):
    session: str
    date: dt.date
    length_seconds: int | None
    attended: list[str]


class LedgerEntry(_Frozen):
    """One action item, from the session it was made in to where it stands now: known by
    that session and its text, so an item two people own is one entry, theirs."""

    owners: list[str]
    text: str
    made_in: str
    """The id of the session where it was captured."""
    due: dt.date | None
    status: CarryStatus
    """As last marked: open, done, dropped, or carried (again)."""
    carried: int
    """How many later sessions it was carried into (to say, 0 once closed in the first)."""
    overdue: bool
    private: bool


class Resource(_Frozen):
    text: str
    urls: list[str]
    shared_by: list[str]
    """Everyone who shared it, the first first."""
    sessions: list[str]
    """Every session it was shared in, newest first."""
    dates: list[dt.date]
    private: bool = False
    """Every time it was shared, it was private (listed only with --include-private)."""


class AirtimeShare(_Frozen):
    name: str
    spoke_seconds: int


class History(_Frozen):
    """A series as its organiser reviews it."""

    format: Literal["facilitator-history"] = "facilitator-history"
    version: int = HISTORY_VERSION
    series: str
    as_of: dt.date
    """The day it was read: what is overdue, and which dates need their year, are as of it."""
    sessions: list[SessionLine]
    """Oldest first."""
    people: list[str]
    ledger: list[LedgerEntry]
    resources: list[Resource]
    airtime: list[AirtimeShare]
    goals: list[PersonGoals] = []
    """Each person's goals, the progress noted on each, and whether it was reached."""


class DigestItem(_Frozen):
    type: ItemType
    text: str
    person: str | None
    also: list[str]
    """Further owners; required, so a digest written before it was kept is read again."""
    urls: list[str]
    due: dt.date | None
    private: bool
    carried_from: str | None
    carry: CarryStatus
    date: dt.date


class Digest(_Frozen):
    """What the history needs of one session, kept beside its journal (`digest.json`) with
    the journal's size, so that a history reads only journals that changed since."""

    journal_size: int = -1
    session_id: str
    series: str | None
    date: dt.date
    length_seconds: int | None
    people: list[str]
    absent: list[str]
    airtime: list[AirtimeShare]
    items: list[DigestItem]


SHOWN_KINDS: frozenset[ItemType] = frozenset({"action", "resource", "goal", "progress"})
"""The items a history shows (its ledger, resources, and goals with the progress on them):
a digest keeps only these, so that a series' history never reads its notes and topics
(most of a session's items), which stay in each session's summary."""


def digest_of(facts: SessionFacts, journal_size: int = -1) -> Digest:
    day = (facts.started or facts.last_event or facts.now).date()
    return Digest(
        journal_size=journal_size,
        session_id=facts.session_id,
        series=facts.agenda.series,
        date=day,
        length_seconds=None if facts.length_seconds is None else round(facts.length_seconds),
        people=facts.people,
        absent=facts.absent,
        airtime=[AirtimeShare(name=a.name, spoke_seconds=round(a.spoke)) for a in facts.airtime],
        items=[  # the item's own fields that a digest keeps, and its day
            DigestItem.model_validate(
                {**item._asdict(), "date": item.at.date() if item.at else day}
            )
            for item in facts.items
            if item.type in SHOWN_KINDS
        ],
    )


@dataclass
class _Tracked:
    owners: list[str]
    due: dt.date | None
    private: bool
    status: CarryStatus = "open"
    carried: int = 0

    @property
    def carried_to_say(self) -> int:
        """Sessions carried into, except an item closed in its first review: it was simply
        done (or dropped) when asked."""
        closed = self.status in ("done", "dropped")
        return 0 if closed and self.carried == 1 else self.carried


@bulk()
def series_digests(
    home: Path, series: str | None, now: dt.datetime, skipped: list[str] | None = None
) -> list[Digest]:
    """The readable sessions of a series (or of every series), oldest first: each from its
    digest while that was made from the journal as it is now, else from the journal (digest
    rewritten). Each session that cannot be read is named in `skipped`, with why."""
    found = []
    for record in reversed(recorded_sessions(home)):
        if record.problem:
            if skipped is not None:
                skipped.append(f"{record.id}: {record.problem}")
            continue
        if series is not None and record.series != series:
            continue
        journal = record.folder / JOURNAL
        journal_at = journal_mark(journal)
        mark = None if journal_at is None else f"{journal_at} digest {DIGEST_FORMAT}"
        with contextlib.suppress(ValidationError):
            kept = read_derived(record.folder / DIGEST, mark)
            if kept is not None:
                found.append(Digest.model_validate_json(kept))
                continue
        try:
            recorded = read_journal(journal)
            digest = digest_of(facts_of(recorded.replay(), record.id, now))
        except (JournalError, ArithmeticError, ValueError) as error:
            if skipped is not None:
                skipped.append(f"{record.id}: {error}")
            continue
        write_derived(record.folder / DIGEST, mark, digest.model_dump(mode="json"))
        found.append(digest)
    return found


def build_history(
    series: str, sessions: list[Digest], today: dt.date, *, include_private: bool = False
) -> History:
    """The history of a series from its sessions' facts, oldest first."""
    ledger: dict[tuple[str, str], _Tracked] = {}
    airtime: dict[str, float] = {}
    people: dict[str, None] = {}
    for facts in sessions:
        for name in facts.people:
            people.setdefault(name)
        for person in facts.airtime:
            airtime[person.name] = airtime.get(person.name, 0.0) + person.spoke_seconds
        for item in facts.items:
            if item.type != "action" or (item.private and not include_private):
                continue
            key = (item.carried_from or facts.session_id, item.text)
            tracked = ledger.setdefault(key, _Tracked([], item.due, item.private))
            tracked.owners = _owners(item.person, *item.also)  # as last written
            tracked.status = item.carry  # where it stands as of this session
            tracked.carried += item.carried_from is not None
    return History(
        series=series,
        as_of=today,
        sessions=[_line(facts) for facts in sessions],
        people=list(people),
        ledger=[
            LedgerEntry(
                owners=tracked.owners,
                text=text,
                made_in=made_in,
                due=tracked.due,
                status=tracked.status,
                carried=tracked.carried_to_say,
                overdue=tracked.due is not None
                and tracked.due < today
                and tracked.status in ("open", "carried"),
                private=tracked.private,
            )
            for (made_in, text), tracked in ledger.items()
        ],
        resources=resources_of(sessions, include_private=include_private),
        airtime=[AirtimeShare(name=n, spoke_seconds=round(s)) for n, s in airtime.items()],
        goals=goals_of_series(sessions, include_private=include_private),
    )


def resources_of(
    sessions: list[Digest], *, query: str = "", include_private: bool = False
) -> list[Resource]:
    """Every resource shared, newest first, one per link (or per text, without a link),
    with every time it was shared and everyone who shared it; `query` keeps those whose
    text or link, at any of those times, holds it."""
    shares: dict[str, list[tuple[str, DigestItem]]] = {}
    for facts in reversed(sessions):
        for item in reversed(facts.items):
            if item.type != "resource" or (item.private and not include_private):
                continue
            key = (item.urls[0] if item.urls else item.text).casefold()
            shares.setdefault(key, []).append((facts.session_id, item))
    wanted = query.casefold()
    return [
        _resource([item for _, item in shared], [session for session, _ in shared])
        for shared in shares.values()
        if not wanted or any(wanted in item.text.casefold() for _, item in shared)
    ]


def _resource(items: list[DigestItem], sessions: list[str]) -> Resource:
    """One link's shares, newest first, as one resource: in the words it was first shared
    with that say more than the link (its title, most often; a bare link or "the same book
    again" later does not replace it)."""
    titled = [item for item in items if _words_beyond_links(item)]
    shown = (titled or items)[-1]
    return Resource(
        text=shown.text,
        urls=shown.urls,
        shared_by=_owners(*(name for i in reversed(items) for name in (i.person, *i.also))),
        sessions=sessions,
        dates=[item.date for item in items],
        private=all(item.private for item in items),
    )


def _words_beyond_links(item: DigestItem) -> bool:
    text = item.text
    for url in item.urls:
        text = text.replace(url, "")
    return bool(text.strip(" \t.,;:-–—"))


def _owners(*names: str | None) -> list[str]:
    """Each name once, in order."""
    return [name for name in dict.fromkeys(names) if name]


def _line(facts: Digest) -> SessionLine:
    return SessionLine(
        session=facts.session_id,
        date=facts.date,
        length_seconds=facts.length_seconds,
        attended=[name for name in facts.people if name not in facts.absent],
    )
