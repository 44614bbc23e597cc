"""A disk that will not take the session: the screens never claim a save they did not make."""

import os
from pathlib import Path

import pytest

from facilitator.session import writer
from facilitator.session.journal import JOURNAL, read_journal
from facilitator.tui.screens.choice import ChoiceScreen
from facilitator.tui.screens.summary import SummaryScreen
from tests.session_helpers import disk_full, disk_full_under
from tests.tui_helpers import live_app, text_of

SIZE = (100, 30)


async def test_quitting_with_unsaved_actions_offers_another_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, session, _ = live_app(home=tmp_path / "home")
    monkeypatch.setattr(writer, "RESCUE_PLACE", str(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        monkeypatch.setattr(os, "fsync", disk_full_under(tmp_path / "home"))
        await pilot.press("o", *"the salary figure", "enter")
        await pilot.press("ctrl+q", "enter")
        assert isinstance(app.screen, ChoiceScreen)
        # the capture, and the pause made on the way out
        assert "Quitting now would lose 2 actions" in app.screen.question
        await pilot.press("down", "enter")  # write the whole session elsewhere
        await pilot.pause()
        assert not app.is_running
    rescued = list(tmp_path.glob(f"facilitator-rescue-*/sessions/{session.header.id}/{JOURNAL}"))
    assert len(rescued) == 1
    assert stat_mode(rescued[0]) == 0o600
    texts = [item.text for item in read_journal(rescued[0]).replay().items.values()]
    assert texts == ["the salary figure"]


async def test_quitting_tries_the_disk_again_and_then_quits_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, session, _ = live_app(home=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        monkeypatch.setattr(os, "fsync", disk_full)
        await pilot.press("o", *"kept", "enter", "ctrl+q", "enter")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")  # stay: nothing is lost, nothing is claimed
        assert app.is_running and session.pending == 2
        monkeypatch.undo()
        await pilot.press("ctrl+q", "enter")
        await pilot.pause()
        assert not app.is_running
    assert session.folder is not None
    assert [i.text for i in read_journal(session.folder / JOURNAL).replay().items.values()] == [
        "kept"
    ]


async def test_ctrl_q_over_a_dialog_or_twice_still_asks_about_what_is_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ctrl+q over another dialog closes it and asks; ctrl+q in that question leaves, as
    its Leave does: neither quits from under the screen, past what the disk did not take."""
    app, session, _ = live_app(home=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        monkeypatch.setattr(os, "fsync", disk_full)
        await pilot.press("o", *"kept", "enter", "question_mark", "ctrl+q")
        await pilot.pause()
        assert [type(screen).__name__ for screen in app.screen_stack] == [
            "LiveScreen",
            "LeaveScreen",  # the help closed
        ]
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and app.is_running
        assert session.pending == 2


async def test_ending_on_a_full_disk_says_not_saved_and_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, session, _ = live_app(home=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        monkeypatch.setattr(os, "fsync", disk_full)
        await pilot.press("o", *"pending note", "enter", "ctrl+e", "ctrl+e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        assert text_of(app, "#saved").startswith("NOT SAVED: 2 actions, the end included")
        await pilot.press("q")  # quitting still asks: the end is not on disk
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        monkeypatch.undo()
        screen.retry_saving()  # what the 5-second timer does
        assert text_of(app, "#saved").startswith("Saved: ")
    assert session.folder is not None
    replayed = read_journal(session.folder / JOURNAL).replay()
    assert replayed.ended is not None
    assert [item.text for item in replayed.items.values()] == ["pending note"]
    assert (session.folder / "summary.md").exists()


def stat_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777
