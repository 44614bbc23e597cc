"""The audit of damaged journals, re-run as a test (issue 24): every line of a recorded
session damaged in every way an audit tried, and each journal read, replayed, summarised
in every format and resumed. None may raise anything but a one-line JournalError, and none
may write to the journal when its open fails."""

import json
import math
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.session import FakeClock, JournalError, Session
from facilitator.session.facts import facts_of
from facilitator.session.journal import JOURNAL, read_journal
from facilitator.summary.formats import FORMATS
from facilitator.summary.render import render
from facilitator.summary.report import build_report
from tests.session_helpers import new_session

Damage = Callable[[list[str], int], list[str]]


def _field(name: str, value: str) -> Damage:
    def damage(lines: list[str], at: int) -> list[str]:
        data = json.loads(lines[at])
        data[name] = "PLACEHOLDER"
        return [*lines[:at], json.dumps(data).replace('"PLACEHOLDER"', value), *lines[at + 1 :]]

    return damage


LINE_DAMAGE: dict[str, Damage] = {
    "mono NaN": _field("mono", "NaN"),
    "mono Infinity": _field("mono", "Infinity"),
    "mono -Infinity": _field("mono", "-Infinity"),
    "mono 1e308": _field("mono", "1e308"),
    "mono a string": _field("mono", '"soon"'),
    "at without a zone": _field("at", '"2026-11-25T18:03:00"'),
    "at in year 9999": _field("at", '"9999-12-31T23:59:59+00:00"'),
    "at in year 1": _field("at", '"0001-01-01T00:00:00+00:00"'),
    "seq 0": _field("seq", "0"),
    "seq taken twice": _field("seq", "1"),
    "seq huge": _field("seq", "1e400"),
    "kind unknown": _field("kind", '"explode"'),
    "item huge": _field("item", "99999999999999999999"),
    "seconds huge": _field("seconds", "99999999999999999999"),
    "line removed": lambda lines, at: lines[:at] + lines[at + 1 :],
    "line doubled": lambda lines, at: lines[: at + 1] + lines[at:],
    "line moved first": lambda lines, at: [lines[0], lines[at], *lines[1:at], *lines[at + 1 :]],
    "line cut in half": lambda lines, at: [
        *lines[:at],
        lines[at][: len(lines[at]) // 2],
        *lines[at + 1 :],
    ],
    "line of garbage": lambda lines, at: [*lines[:at], "\x00\xff garbage", *lines[at + 1 :]],
    "line of a list": lambda lines, at: [*lines[:at], "[1, 2, 3]", *lines[at + 1 :]],
}
HEADER_DAMAGE: dict[str, Damage] = {
    "seed a string": _field("seed", '"damaged"'),
    "created without a zone": _field("created", '"2026-11-25T18:00:00"'),
    "created in year 9999": _field("created", '"9999-12-31T23:59:59+00:00"'),
    "format from the future": _field("format", "99"),
    "agenda missing": _field("agenda", "null"),
    "header removed": lambda lines, at: lines[1:],
    "header of garbage": lambda lines, at: ["garbage", *lines[1:]],
}


def recorded(home: Path) -> Path:
    session, clock = new_session(home=home)
    session.toggle()
    clock.advance(60)
    session.capture("note", "one")
    session.adjust(60)
    session.next()
    session.capture("action", "@Ben two by 2026-12-01")
    session.jump(2)
    session.capture("topic", "three")
    session.vote(next(iter(session.state.items)), 1)
    clock.advance(60)
    session.end()
    session.close()
    assert session.journal is not None
    return session.journal.path


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return recorded(tmp_path_factory.mktemp("original"))


def cases(original_lines: int) -> list[tuple[str, int]]:
    found = [(name, at) for name in LINE_DAMAGE for at in range(1, original_lines)]
    return found + [(name, 0) for name in HEADER_DAMAGE]


EVENT_LINES = 9  # the header and eight events: checked below
ALL = cases(EVENT_LINES)


def test_the_audit_covers_each_line_of_the_journal(original: Path) -> None:
    assert len(original.read_text().splitlines()) == EVENT_LINES
    assert len(ALL) == 20 * 8 + 7  # 167 damaged journals


@pytest.mark.parametrize(("damage", "at"), ALL, ids=[f"{name}@{at}" for name, at in ALL])
def test_a_damaged_journal_is_read_or_refused_in_one_line(
    tmp_path: Path, original: Path, damage: str, at: int
) -> None:
    folder = tmp_path / "sessions" / original.parent.name
    shutil.copytree(original.parent, folder)
    path = folder / JOURNAL
    lines = path.read_text().splitlines()
    mutate = LINE_DAMAGE.get(damage) or HEADER_DAMAGE[damage]
    try:
        path.write_text("\n".join(mutate(lines, at)) + "\n")
    except (KeyError, ValueError):
        pytest.skip("this line has no such field")
    try:
        journal = read_journal(path)
    except JournalError as error:
        assert "\n" not in str(error)
        before = path.read_bytes()
        with pytest.raises(JournalError):
            Session.reopen(folder, FakeClock())
        assert path.read_bytes() == before  # a failed open writes nothing
        return
    facts = facts_of(journal.replay(), folder.name, FakeClock().now())
    times = [facts.interrupted_seconds, facts.group_seconds, facts.length_seconds or 0.0]
    times += [share.spoke for share in facts.airtime] + list(facts.discussed.values())
    assert all(math.isfinite(seconds) and abs(seconds) < 1e9 for seconds in times), times
    for format in FORMATS:
        assert render(build_report(facts, include_private=True), format)
    resumed = Session.reopen(folder, FakeClock())
    assert resumed.capture("note", "after the damage").saved
    resumed.close()
    assert read_journal(path).events[-1] == resumed.events[-1]
