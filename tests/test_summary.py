"""The summary: four formats from one report, private items kept out, and the files."""

import json
import re
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.session import Session
from facilitator.session.values import CarriedItem
from facilitator.summary.formats import FORMATS, Format
from facilitator.summary.render import render
from facilitator.summary.report import build_report
from tests.session_script import SCRIPT, clock_at, new_run, play
from tests.tui_helpers import bundled

GOLDEN = Path(__file__).resolve().parent / "golden"
SECRETS = ["talk to finance", "draft the feedback script", "salary ranges", "promotion case"]


@pytest.fixture
def finished(tmp_path: Path) -> Session:
    """The scripted peer circle, with last time's items, a topic-free hot seat and a secret."""
    carried = [
        CarriedItem(text="send the draft", person="Ben", session="20261028-180000-circle"),
        CarriedItem(text="book a room", person="Ana", session="20261028-180000-circle"),
        CarriedItem(text="promotion case", person="Cleo", private=True, session="x"),
    ]
    clock = clock_at(0)
    session = Session.begin(bundled("peer-circle"), clock, tmp_path, "peer-circle", carried)
    session.set_carry(1, "done")
    session.set_carry(2, "carried")
    play(session, clock, SCRIPT[:-1])
    session.capture("note", "Next circle moves to Thursdays")
    session.end()
    return session


@pytest.mark.parametrize("format", FORMATS)
def test_each_format_matches_its_golden_file(finished: Session, format: Format) -> None:
    text = render(build_report(finished.facts()), format)
    golden = GOLDEN / f"peer-circle.{format}"
    if not golden.exists():
        golden.write_text(text)
        pytest.fail(f"wrote {golden.name}: read it as a reader of the chat would, then commit it")
    assert text == golden.read_text()


@pytest.mark.parametrize("format", FORMATS)
def test_no_private_text_reaches_any_format(finished: Session, format: Format) -> None:
    text = render(build_report(finished.facts()), format)
    for secret in SECRETS:
        assert secret not in text
    assert "left out" not in text and "private_left_out" not in text  # no trace of them


def test_private_items_appear_only_when_asked_for(finished: Session) -> None:
    text = render(build_report(finished.facts(), include_private=True), "chat")
    for secret in SECRETS:
        assert secret in text
    assert "left out" not in text


def test_chat_has_no_tables_and_puts_action_items_first(finished: Session) -> None:
    text = render(build_report(finished.facts()), "chat")
    assert not re.search(r"^\s*\|.*\|\s*$", text, re.MULTILINE)
    assert "|---" not in text
    headings = [line for line in text.splitlines() if line in ("Action items", "Resources")]
    assert headings == ["Action items", "Resources"]
    assert "• Dev: ask for a budget (due Tue 15 Dec)" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_topics_are_listed_by_votes_with_the_time_they_took(tmp_path: Path) -> None:
    session = Session.begin(bundled("lean-coffee"), clock_at(0), tmp_path, "lean-coffee")
    session.jump(1)
    session.capture("topic", "Hiring")
    session.capture("topic", "Burnout")
    session.vote(2, 2)
    session.clock.advance(60)  # type: ignore[attr-defined]
    session.next()
    session.clock.advance(200)  # type: ignore[attr-defined]
    session.end()
    text = render(build_report(session.facts()), "chat")
    assert "Topics\n• Burnout (2 votes, discussed 3:20)\n• Hiring (0 votes, not discussed)" in text
    markdown = render(build_report(session.facts()), "markdown")
    assert "| Burnout | 2 | 3:20 |" in markdown


def test_markdown_escapes_user_text_but_keeps_links_whole(tmp_path: Path) -> None:
    session, _ = new_run(tmp_path)
    session.capture("resource", "*not bold* | pipe https://example.org/a_b_c")
    text = render(build_report(session.facts()), "markdown")
    assert r"\*not bold\* \| pipe https://example.org/a_b_c" in text


def test_json_is_versioned_and_complete(finished: Session) -> None:
    full = json.loads(render(build_report(finished.facts(), include_private=True), "json"))
    assert (full["format"], full["version"]) == ("facilitator-summary", 4)
    assert [(a["person"], a["text"]) for a in full["actions"]] == [
        ("Ben", "talk to finance"),
        ("Cleo", "draft the feedback script"),
        ("Dev", "ask for a budget"),
    ]
    assert {c["carry"] for c in full["carried"]} == {"done", "carried", "open"}
    assert full["airtime"][0] == {
        "name": "Ana",
        "spoke_seconds": 390,
        "allotted_seconds": 420,
        "absent": False,
    }


def test_an_interrupted_session_says_so(tmp_path: Path) -> None:
    session, clock = new_run(tmp_path)
    play(session, clock, SCRIPT[:9])  # the last thing done: a latecomer joined
    clock.advance(300)
    assert session.folder is not None
    resumed = Session.reopen(session.folder, clock)
    text = render(build_report(resumed.facts()), "text")
    assert "onwards (interrupted, not ended)" in text
    assert "The session was interrupted for 5 min." in text


def test_the_summary_command_prints_any_recorded_session(
    finished: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(tmp_path), "summary", "last", "--format", "chat"]) == 0
    assert capsys.readouterr().out == render(build_report(finished.facts()), "chat")
    assert main(["--home", str(tmp_path), "sessions"]) == 0
    assert finished.header.id in capsys.readouterr().out
    assert main(["--home", str(tmp_path), "summary", "nope"]) == 1
    assert "no session 'nope'" in capsys.readouterr().err
