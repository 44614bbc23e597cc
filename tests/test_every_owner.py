"""Every owner of an action item is kept wherever the item goes: carried into the next
session, its review, its summary in every format, the series' ledger and the resources."""

import json
from pathlib import Path

from facilitator.session import FakeClock, Session
from facilitator.session.carry import from_last_session
from facilitator.summary.history import build_history, resources_of, series_digests
from facilitator.summary.history_render import render_history
from facilitator.summary.render import render
from facilitator.summary.report import build_report
from tests.session_helpers import agenda

WEEK = 7 * 24 * 3600


def next_session(home: Path, clock: FakeClock) -> Session:
    previous, carried = from_last_session(home, "circle")
    return Session.begin(agenda(), clock, home, "test.toml", carried, previous)


def faq_in_week_two(home: Path) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    first = next_session(home, clock)
    first.start()
    first.capture("action", "@ben @ana write the FAQ in 2 weeks")
    first.capture("resource", "@cleo @ben The FAQ template https://example.org/faq")
    first.end()
    first.close()
    clock.advance(WEEK)
    second = next_session(home, clock)
    second.start()
    return second, clock


def test_a_carried_item_keeps_both_owners_in_the_review_and_every_summary(
    tmp_path: Path,
) -> None:
    second, _ = faq_in_week_two(tmp_path)
    [faq] = [item for item in second.state.items.values() if item.carried_from]
    assert (faq.person, faq.also) == ("Ben", ("Ana",))
    second.set_carry(faq.id, "carried")
    second.end()
    report = build_report(second.facts())
    [carried] = report.carried
    assert (carried.person, carried.also) == ("Ben", ["Ana"])
    assert json.loads(render(report, "json"))["carried"][0]["also"] == ["Ana"]
    for format in ("markdown", "chat", "text"):
        assert "Ben and Ana: write the FAQ" in render(report, format), format


def test_the_ledger_keeps_one_entry_with_both_owners_across_two_carries(
    tmp_path: Path,
) -> None:
    second, clock = faq_in_week_two(tmp_path)
    [faq] = [item for item in second.state.items.values() if item.carried_from]
    second.set_carry(faq.id, "carried")
    second.end()
    second.close()
    clock.advance(WEEK)
    third = next_session(tmp_path, clock)
    [again] = [item for item in third.state.items.values() if item.carried_from]
    assert (again.person, again.also) == ("Ben", ("Ana",))
    third.end()
    third.close()
    sessions = series_digests(tmp_path, "circle", clock.now())
    history = build_history("circle", sessions, clock.now().date())
    [entry] = history.ledger
    assert (entry.owners, entry.text, entry.carried) == (["Ben", "Ana"], "write the FAQ", 2)
    assert "Ben and Ana: write the FAQ" in render_history(history, "text")
    [template] = resources_of(sessions)
    assert template.shared_by == ["Cleo", "Ben"]
    assert "(Cleo, Ben)" in render_history(history, "text")
