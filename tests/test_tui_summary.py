"""The summary screen: formats, private items on request, and the copy."""

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Markdown, Static

from facilitator.summary.clipboard import Copied
from facilitator.tui.screens import summary as summary_screen
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.summary import SummaryScreen
from tests.tui_helpers import live_app, screen_text, send, text_of


async def test_the_summary_switches_format_copies_and_says_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied_texts: list[str] = []

    def fake_copy(text: str) -> Copied:
        copied_texts.append(text)
        return Copied(False, "no display")

    monkeypatch.setattr(summary_screen, "copy_to_system", fake_copy)
    app, session, clock = live_app(home=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "o", *"secret #private", "enter")
        await pilot.pause()
        await pilot.press("a", *"@ben send it", "enter")
        await pilot.pause()
        clock.advance(60)
        await pilot.press("ctrl+e", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        shown = screen_text(app)
        assert "• Ben: send it" in shown
        assert "secret" not in shown
        assert "1 private left out (p shows them)" in text_of(app, "#status")
        await pilot.press("p")
        assert "secret" in screen_text(app)
        await pilot.press("p", "f")
        assert text_of(app, "#status").startswith("Summary · text · shared items only")
        await pilot.press("f", "f")
        assert text_of(app, "#status").startswith("Summary · markdown")
        assert app.screen.query_one(Markdown).display
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == copied_texts[0]
        assert copied_texts[0].startswith("# Test circle")
        message = text_of(app, "#message")
        assert message.startswith("Sent to the terminal's clipboard (OSC 52)")
        assert session.folder is not None
        assert str(session.folder / "summary.md") in text_of(app, "#saved")


async def test_keys_right_after_the_one_that_ends_are_the_summarys(tmp_path: Path) -> None:
    """The app opens the summary when it gets to the live screen's message, after keys
    that came with the ending one (the second ctrl+e answers "End?"): they wait for the
    summary, and each key for what the one before it opened."""
    app, _, _ = live_app(home=tmp_path, burst_gap=0.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await send(pilot, ["space", "ctrl+e", "ctrl+e", "f", "u"])
        for _ in range(100):
            if isinstance(app.screen, ConfirmScreen) and app.screen.is_mounted:
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, ConfirmScreen)  # u: "Reopen the session?"
        summary = app.screen_stack[-2]
        assert isinstance(summary, SummaryScreen)
        status = summary.query_one("#status", Static).content
        assert isinstance(status, Content) and status.plain.startswith("Summary · text")
