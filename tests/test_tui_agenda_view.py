"""The agenda screen shows user text literally and fits a small terminal."""

from textual.widgets import Static

from facilitator.agenda import load_agenda
from facilitator.tui.app import make_app
from tests.conftest import BUNDLED, ROOT


def shown_text(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return "\n".join(str(widget.render()) for widget in screen.query(Static))


async def test_agenda_outline_lists_segments_with_their_times() -> None:
    app = make_app(load_agenda(BUNDLED / "peer-circle.toml").agenda)
    async with app.run_test(size=(80, 24)):
        text = shown_text(app)
        assert "Peer mentoring circle · 1h30m" in text
        assert "3. Hot seat  (round, 44m)" in text
        assert "speakers: Ben, Cleo" in text


async def test_markup_in_names_is_shown_as_typed_and_does_nothing() -> None:
    app = make_app(load_agenda(ROOT / "tests/agendas/hostile-names.toml").agenda)
    async with app.run_test(size=(40, 12)) as pilot:
        text = shown_text(app)
        assert "[/bold]Eve's [red]circle" in text
        assert "[bold]Bob (peer), [@click=app.quit]x (peer)" in text
        assert "[b]Check-in[/b]" in text
        await pilot.click(Static, offset=(3, 3))
        await pilot.resize_terminal(80, 24)
        assert app.is_running
