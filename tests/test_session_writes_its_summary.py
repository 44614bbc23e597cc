"""The summary files are written by the session as it ends, whatever ended it (no App in
sight), and again when a reopened session ends; the history reads the injected clock."""

import ast
from pathlib import Path

from facilitator.session import FakeClock, Session
from facilitator.summary.files import SUMMARY, save_summary
from facilitator.summary.history_render import series_markdown
from tests.conftest import ROOT
from tests.session_helpers import agenda


def test_ending_a_session_writes_its_summary_files_without_any_screen(tmp_path: Path) -> None:
    clock = FakeClock()
    session = Session.begin(agenda(), clock, tmp_path, "test.toml")
    session.summary_writer = save_summary
    session.start()
    session.capture("action", "@Ben send the deck")
    clock.advance(60)
    session.end()
    assert session.folder is not None and session.saved is not None
    assert session.saved.path == session.folder / SUMMARY
    assert "send the deck" in (session.folder / SUMMARY).read_text()
    assert (session.folder / "session.json").exists()
    session.reopen_ended()
    session.capture("action", "@Cleo book a room")
    session.end()  # ended again: written again, holding both
    assert "book a room" in (session.folder / SUMMARY).read_text()


def test_no_screen_writes_summary_files() -> None:
    """The App and its screens show what the session wrote; none calls the writer."""
    for path in (ROOT / "facilitator" / "tui").rglob("*.py"):
        tree = ast.parse(path.read_text())
        names = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        assert "save_summary" not in names, path


def test_the_history_screen_is_as_of_the_sessions_clock(tmp_path: Path) -> None:
    clock = FakeClock()
    session = Session.begin(agenda(), clock, tmp_path, "test.toml")
    session.capture("action", "@Ben send the deck by 2026-11-27")
    session.end()
    session.close()
    assert "OVERDUE" not in series_markdown(tmp_path, "circle", clock.now())
    clock.advance(7 * 24 * 3600)
    assert "OVERDUE" in series_markdown(tmp_path, "circle", clock.now())
