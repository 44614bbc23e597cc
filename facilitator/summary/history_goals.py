"""Goals across a series, for its history: each person's goals with the session each was
set in, the progress noted on it session by session, whether it was reached, and how many
sessions have gone by since progress was last noted on the goal they have now."""

import datetime as dt
from collections.abc import Sequence
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from facilitator.session.item_kinds import ITEM_KINDS
from facilitator.session.values import CarryStatus, ItemType

GoalStatus = Literal["current", "reached", "replaced", "dropped"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class GoalProgress(_Frozen):
    session: str
    date: dt.date
    text: str
    private: bool


class GoalRecord(_Frozen):
    text: str
    set_in: str
    """The id of the session it was set in (from the agenda or with G)."""
    set_on: dt.date
    status: GoalStatus
    ended_in: str | None = None
    """The session where it was reached, replaced or dropped."""
    progress: list[GoalProgress] = []
    sessions_without_progress: int = 0
    """For the current goal: sessions of the series since progress was last noted on it
    (since it was set, counting that session, when none was); 0 for the others."""
    private: bool


class PersonGoals(_Frozen):
    person: str
    goals: list[GoalRecord]
    """Oldest first: the last one is the current goal unless it was reached or dropped."""


class Said(Protocol):
    """An item as a session's digest keeps it (`history.DigestItem`)."""

    @property
    def type(self) -> ItemType: ...
    @property
    def text(self) -> str: ...
    @property
    def person(self) -> str | None: ...
    @property
    def private(self) -> bool: ...
    @property
    def carried_from(self) -> str | None: ...
    @property
    def carry(self) -> CarryStatus: ...
    @property
    def date(self) -> dt.date: ...


class Held(Protocol):
    """A session as its digest keeps it (`history.Digest`, which holds these goals)."""

    @property
    def session_id(self) -> str: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def items(self) -> Sequence[Said]: ...


class _Goal:
    """A goal as the sessions are read, oldest first."""

    def __init__(self, item: Said, session: str, date: dt.date) -> None:
        self.text, self.private = item.text, item.private
        self.set_in, self.set_on = item.carried_from or session, date
        self.status: GoalStatus = "current"
        self.ended_in: str | None = None
        self.progress: list[GoalProgress] = []

    def end(self, status: GoalStatus, session: str) -> None:
        if self.status == "current":
            self.status, self.ended_in = status, session

    def record(self, sessions: list[str]) -> GoalRecord:
        last = self.progress[-1].session if self.progress else None
        if last is not None:
            since = sessions.index(last) + 1
        else:  # a goal set in a session no longer readable counts from the first one read
            since = sessions.index(self.set_in) if self.set_in in sessions else 0
        without = len(sessions) - since if self.status == "current" else 0
        return GoalRecord(
            text=self.text,
            set_in=self.set_in,
            set_on=self.set_on,
            status=self.status,
            ended_in=self.ended_in,
            progress=self.progress,
            sessions_without_progress=without,
            private=self.private,
        )


def goals_of_series(
    sessions: Sequence[Held], *, include_private: bool = False
) -> list[PersonGoals]:
    """Every person's goals across the sessions (oldest first); private ones only if asked."""
    goals: dict[str, list[_Goal]] = {}
    for digest in sessions:
        for item in digest.items:
            if item.person is None or (item.private and not include_private):
                continue
            kind = ITEM_KINDS[item.type]
            if kind.one_per_person:
                _goal_seen(goals.setdefault(item.person, []), item, digest)
            elif kind.needs is not None and goals.get(item.person):
                progress = GoalProgress(
                    session=digest.session_id, date=item.date, text=item.text, private=item.private
                )
                goals[item.person][-1].progress.append(progress)
    ids = [digest.session_id for digest in sessions]
    return [
        PersonGoals(person=person, goals=[goal.record(ids) for goal in found])
        for person, found in goals.items()
    ]


def _goal_seen(goals: list[_Goal], item: Said, digest: Held) -> None:
    """A goal in a session's items: carried in (what became of it), or set there."""
    session = digest.session_id
    if item.carried_from is not None:
        same = [g for g in goals if g.set_in == item.carried_from and g.text == item.text]
        if not same:  # its own session is not readable: it starts here
            goals.append(_Goal(item, session, digest.date))
            same = goals[-1:]
        goal = same[-1]
    else:
        if goals:
            goals[-1].end("replaced", session)
        goal = _Goal(item, session, item.date)
        goals.append(goal)
    if item.carry == "done":
        goal.end("reached", session)
    elif item.carry == "dropped":
        goal.end("dropped", session)
