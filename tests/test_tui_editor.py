"""The agenda editor with Pilot: parts added, moved, removed; renames; validation; saving."""

import tomllib
from pathlib import Path
from typing import Any, NoReturn

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static

from facilitator.agenda import AgendaFile, load_agenda
from facilitator.agenda.draft import AgendaDraft
from facilitator.agenda.fields import PARTICIPANT_FIELDS, FieldSpec
from facilitator.agenda.segments import Round
from facilitator.text import first_unsafe
from facilitator.tui.app import FacilitatorApp, make_app
from facilitator.tui.screens.confirm import ConfirmScreen
from facilitator.tui.screens.editor import EditorScreen
from facilitator.tui.widgets.agenda_form import CHOICES, FieldRow, shown_value
from tests.conftest import BUNDLED
from tests.tui_helpers import screen_text, text_of

SIZE = (80, 24)


def editor_app(tmp_path: Path, name: str = "peer-circle") -> tuple[FacilitatorApp, AgendaDraft]:
    source = BUNDLED / f"{name}.toml"
    path = tmp_path / f"{name}.toml"
    path.write_text(source.read_text())
    draft = AgendaDraft.open(path)
    return make_app(draft=draft, burst_gap=0), draft


async def go_to(pilot: Pilot[None], option_id: str) -> None:
    outline = pilot.app.screen.query_one("#outline", OptionList)
    outline.focus()
    outline.highlighted = outline.get_option_index(option_id)
    await pilot.pause()


async def type_into_field(pilot: Pilot[None], field: int, text: str) -> None:
    fields = list(pilot.app.screen.query_one("#form").query(Input))
    fields[field].focus()
    fields[field].value = ""
    await pilot.press(*text)
    await pilot.pause()


async def asked(pilot: Pilot[None], question: str) -> None:
    """Wait until the question is on screen (a dialog opens after the key, in a worker)."""
    for _ in range(50):
        if isinstance(pilot.app.screen, ConfirmScreen) and question in screen_text(pilot.app):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"{question!r} was never asked:\n{screen_text(pilot.app)}")


def problem_under(app: FacilitatorApp, key: str) -> str:
    """The message shown under a field, as the user reads it."""
    row = next(row for row in app.screen.query(FieldRow) if row.spec.key == key)
    problem = row.query_one(".problem", Static)
    return str(problem.content) if problem.display else ""


async def test_adding_moving_and_removing_segments(tmp_path: Path) -> None:
    app, draft = editor_app(tmp_path, "troika-consulting")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "segments:0")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "enter")  # break
        await pilot.pause()
        assert [s["kind"] for s in draft.segments] == ["discussion", "break", "round", "discussion"]
        await pilot.press("left_square_bracket")
        assert draft.segments[0]["kind"] == "break"
        await pilot.press("c")
        assert [s["kind"] for s in draft.segments][:2] == ["break", "break"]
        for _ in range(2):  # each removal asked first: Enter removes
            await pilot.press("delete")
            await asked(pilot, "Remove break?")
            await pilot.press("enter")
            await pilot.pause()
        assert [s["kind"] for s in draft.segments] == ["discussion", "round", "discussion"]
        assert "35m of 35m planned" in text_of(app, "#status")


async def test_editing_a_hot_seats_steps_keeps_who_speaks_in_each(tmp_path: Path) -> None:
    from textual.widgets import TextArea

    app, draft = editor_app(tmp_path)
    hot_seat = next(i for i, s in enumerate(draft.segments) if "steps" in s)
    who = [step["who"] for step in draft.segments[hot_seat]["steps"]]
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, f"segments:{hot_seat}")
        row = next(row for row in app.screen.query(FieldRow) if row.spec.key == "steps")
        area = row.query_one(TextArea)
        assert "Advice: the presenter listens | 9m | others" in area.text
        area.text = area.text.replace("| 9m |", "| 8m |")
        await pilot.pause()
        steps = draft.segments[hot_seat]["steps"]
        assert [step["who"] for step in steps] == who  # "others" advise: not the presenter
        assert steps[2]["duration"] == "8m"


async def test_adding_and_removing_participants(tmp_path: Path) -> None:
    app, draft = editor_app(tmp_path, "troika-consulting")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "participants:-1")
        await pilot.press("a")
        await pilot.pause()
        assert draft.participants[-1] == {"name": "Person 1"}
        assert "Person 1 · peer" in screen_text(app)
        await pilot.press("d")
        await asked(pilot, "Remove Person 1?")
        await pilot.press("escape")  # kept
        await pilot.pause()
        assert draft.participants[-1] == {"name": "Person 1"}
        await pilot.press("d")
        await asked(pilot, "Remove Person 1?")
        await pilot.press("enter")
        await pilot.pause()
        assert [p["name"] for p in draft.participants] == ["Amara", "Bruno", "Chen"]


async def test_a_rename_updates_the_speakers_of_every_round(tmp_path: Path) -> None:
    app, draft = editor_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "participants:1")
        await type_into_field(pilot, 0, "Benjamin")
        assert draft.segments[2]["speakers"] == ["Benjamin", "Cleo"]
        assert "0 problems" in text_of(app, "#status")


async def test_a_newcomer_typed_through_bens_name_leaves_ben_in_the_hot_seat(
    tmp_path: Path,
) -> None:
    app, draft = editor_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "participants:-1")
        await pilot.press("a", "enter")
        await type_into_field(pilot, 0, "Benjamin")  # "Ben" on the way
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(app, "#problems") == f"Saved {draft.path}"
    assert tomllib.loads(draft.path.read_text())["segments"][2]["speakers"] == ["Ben", "Cleo"]


async def test_a_validation_error_is_shown_by_its_field_then_fixed(tmp_path: Path) -> None:
    app, draft = editor_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "segments:0")
        await type_into_field(pilot, 2, "2x")  # per_speaker
        assert problem_under(app, "per_speaker").startswith('expected a duration like "90s", "2m"')
        assert "1 problem ·" in text_of(app, "#status")
        assert "(problem)" in screen_text(app)
        await type_into_field(pilot, 2, "3m")
        assert "0 problems" in text_of(app, "#status")
        assert problem_under(app, "per_speaker") == ""
        assert draft.segments[0]["per_speaker"] == "3m"


async def test_ctrl_s_saves_and_the_file_passes_check(tmp_path: Path) -> None:
    app, draft = editor_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "agenda:0")
        await type_into_field(pilot, 0, "Our circle")
        assert "unsaved changes" in text_of(app, "#status")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(app, "#problems") == f"Saved {draft.path}"
        assert load_agenda(draft.path).agenda.title == "Our circle"
        assert draft.path.read_text().startswith("#:schema ./agenda.schema.json\n")


async def test_an_invalid_agenda_is_saved_only_as_a_confirmed_draft(tmp_path: Path) -> None:
    app, draft = editor_app(tmp_path)
    before = draft.path.read_text()
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "agenda:0")
        await type_into_field(pilot, 0, "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert draft.path.read_text() == before
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "title" not in tomllib.loads(draft.path.read_text())


async def test_comments_are_never_dropped_silently(tmp_path: Path) -> None:
    app, draft = editor_app(tmp_path)
    draft.path.write_text(
        draft.path.read_text().replace("[[segments]]", "# our note\n[[segments]]", 1)
    )
    app = make_app(draft=AgendaDraft.open(draft.path))
    async with app.run_test(size=SIZE) as pilot:
        assert "This file has comments" in text_of(app, "#problems")
        await go_to(pilot, "agenda:0")
        await type_into_field(pilot, 0, "Renamed")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # the first choice: save to a new file
        await pilot.pause()
    assert "# our note" in draft.path.read_text()
    saved = draft.path.with_name("peer-circle.edited.toml")
    assert load_agenda(saved).agenda.title == "Renamed"


async def test_leaving_with_unsaved_changes_asks_first(tmp_path: Path) -> None:
    app, _ = editor_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "agenda:0")
        await type_into_field(pilot, 0, "Changed")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # Keep editing has the focus
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("left", "enter")
        await pilot.pause()
    assert not app.is_running


async def test_the_editor_starts_a_session_of_the_saved_agenda(tmp_path: Path) -> None:
    from facilitator.session import FakeClock, Session
    from facilitator.tui.launcher import Launcher
    from facilitator.tui.screens.live import LiveScreen

    _, draft = editor_app(tmp_path, "troika-consulting")
    started: list[Path] = []

    def start(path: Path) -> Session:
        started.append(path)
        return Session(load_agenda(path).agenda, FakeClock())

    launcher = Launcher(start=start, resume=lambda r: None, edit=lambda e: draft)  # type: ignore[arg-type,return-value]
    app = make_app(launcher=launcher, draft=draft)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "agenda:0")
        await type_into_field(pilot, 0, "Trio one")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.session.agenda.title == "Trio one"
    assert started == [draft.path]


async def test_e_in_the_picker_opens_a_bundled_agenda_as_a_copy_here(
    tmp_path: Path, monkeypatch: object
) -> None:
    from facilitator.agenda import bundled_agendas
    from facilitator.tui.launcher import Launcher

    opened: list[str] = []

    def edit(entry: AgendaFile) -> AgendaDraft:
        opened.append(entry.name)
        return AgendaDraft.unsaved(load_agenda(entry.path).agenda, tmp_path / "copy.toml")

    launcher = Launcher(start=_never, resume=_never, edit=edit, agendas=bundled_agendas())
    app = make_app(launcher=launcher, burst_gap=0)  # the picker's e waits for the guard
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "e")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert opened == ["lean-coffee"]
        assert "unsaved changes" in text_of(app, "#status")


async def test_every_other_screen_survives_40_by_12(tmp_path: Path) -> None:
    from facilitator.agenda import bundled_agendas
    from facilitator.tui.launcher import Launcher
    from tests.tui_helpers import live_app

    editor, _ = editor_app(tmp_path)
    launcher = Launcher(start=_never, resume=_never, edit=_never, agendas=bundled_agendas())
    picker = make_app(launcher=launcher)
    ended, session, _ = live_app()
    session.end()
    for app in (editor, picker, ended):
        async with app.run_test(size=SIZE) as pilot:
            for size in ((40, 12), (30, 8), (80, 24)):
                await pilot.resize_terminal(*size)
                await pilot.pause()
            assert app.is_running


def _never(chosen: object) -> NoReturn:
    raise AssertionError(f"this test opens no session or agenda ({chosen})")


async def test_letters_typed_into_a_long_field_are_text_not_commands(tmp_path: Path) -> None:
    """The description is a TextArea: `a`, `d` and `x` there are letters, not commands."""
    from textual.widgets import TextArea

    app, draft = editor_app(tmp_path, "troika-consulting")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "agenda:0")
        area = app.screen.query_one("#form").query(TextArea).first()
        area.focus()
        area.text = ""
        before = [s["kind"] for s in draft.segments]
        await pilot.press("a", "d", "d", "space", "x")
        await pilot.pause()
        assert area.text == "add x"
        assert [s["kind"] for s in draft.segments] == before


ESCAPING_AGENDA = r"""
title = "Circle\u001b]0;RETITLED\u0007"
description = "Monthly.\n\u001b[2J\u009b31m"
[[participants]]
name = "Eve\u001b]2;PWNED-TITLE\u0007x"
focus = "red \u001b[31mfocus\u202e"
[[participants]]
name = "Ana"
[[segments]]
kind = "round"
title = "Check\u001b[31m-in"
prompt = "Say \u001b]52;c;aGk=\u0007 hi"
per_speaker = "2m"
speakers = ["Ana\u001b[1m", "Eve\u001b]2;PWNED-TITLE\u0007x"]
steps = [{ title = "Step\u001b[5m", duration = "1m" }]
"""


def painted_safely(app: FacilitatorApp) -> None:
    """Nothing from the file reaches the terminal as a control character: not in what the
    screen paints (the strips the driver writes out), not in the terminal title."""
    for text in (screen_text(app), app.title, app.sub_title, app.screen.title or ""):
        assert first_unsafe(text, one_line=False) is None, text


async def test_escape_codes_in_an_agenda_are_shown_as_text_and_named(tmp_path: Path) -> None:
    path = tmp_path / "circle\x1b]0;T\x07.toml"
    path.write_text(ESCAPING_AGENDA)
    app = make_app(draft=AgendaDraft.open(path), burst_gap=0)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        for node in ("agenda:0", "participants:0", "segments:0"):
            await go_to(pilot, node)
            painted_safely(app)
        problems = text_of(app, "#problems")
        assert "participants[0].name: expected one line of plain text, found U+001B" in problems
        assert "segments[0].steps[0].title: expected one line of plain text" in problems
        assert "Check\ufffd[31m-in" in screen_text(app)  # shown, so it can be fixed
        await go_to(pilot, "participants:0")
        await pilot.press("d")
        await asked(pilot, "Remove Eve\ufffd]2;PWNED-TITLE\ufffdx?")
        painted_safely(app)
        await pilot.press("escape")
        await pilot.pause()
        await type_into_field(pilot, 0, "Eve")
        assert "participants[0].name" not in text_of(app, "#problems")
        painted_safely(app)


async def test_the_picker_preview_shows_escape_codes_as_text() -> None:
    from textual.app import App, ComposeResult

    from facilitator.tui.agenda_view import AgendaView

    class Preview(App[None]):
        def compose(self) -> ComposeResult:
            yield AgendaView()

    app = Preview()
    async with app.run_test(size=SIZE) as pilot:
        app.query_one(AgendaView).show(None, "Circle\x1b]0;RETITLED\x07\nstarted today")
        await pilot.pause()
        assert "Circle\ufffd]0;RETITLED\ufffd" in screen_text(app)
        assert first_unsafe(screen_text(app), one_line=False) is None


OFF_THE_LIST = r"""
[[participants]]
name = "Ana"
role = "pear"
[[participants]]
name = "Ben"
role = "peer\u001b[31m"
[[segments]]
kind = "round"
per_speaker = "2m"
order = { by = "age" }
confidential = "yes"
[[segments]]
kind = "topics"
duration = "30m"
[[segments]]
kind = "review"
duration = "10m"
"""


async def test_a_choice_off_the_list_is_named_and_can_be_picked(tmp_path: Path) -> None:
    (path := tmp_path / "circle.toml").write_text(OFF_THE_LIST)
    app = make_app(draft=(draft := AgendaDraft.open(path)), burst_gap=0)
    async with app.run_test(size=(100, 40)) as pilot:
        for node in ("participants:0", "participants:1", "segments:0"):
            await go_to(pilot, node)
            assert app.is_running and isinstance(app.screen, EditorScreen)
            painted_safely(app)
        problems = text_of(app, "#problems")
        for field in ("participants[0].role", "participants[1].role", "segments[0].order"):
            assert f"{field}: expected one of" in problems
        assert "segments[0].confidential" in problems
        assert problem_under(app, "order").startswith("expected one of")
        await go_to(pilot, "participants:0")
        role = app.screen.query_one("#form").query_one(Select)
        assert role.value is Select.NULL
        role.focus()
        await pilot.press("enter", "down", "enter")  # the first choice after the blank
        await pilot.pause()
        assert draft.participants[0]["role"] == "facilitator"
        assert "participants[0].role" not in text_of(app, "#problems")


PICKED = [spec for spec in (*PARTICIPANT_FIELDS, *Round.EDITOR_FIELDS) if spec.kind in CHOICES]


@pytest.mark.parametrize("spec", PICKED, ids=lambda spec: spec.key)
@pytest.mark.parametrize("value", ["pear", " peer ", "", 3, 1, 0.5, ["peer"], {"a": True}, "yes"])
def test_no_value_from_a_file_gives_a_list_one_it_refuses(spec: FieldSpec, value: Any) -> None:
    assert shown_value(spec, value) in (Select.NULL, *CHOICES[spec.kind][0])


async def test_the_outline_names_segments_as_the_live_screen_does(tmp_path: Path) -> None:
    (path := tmp_path / "circle.toml").write_text(OFF_THE_LIST)
    app = make_app(draft=AgendaDraft.open(path), burst_gap=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        outline = app.screen.query_one("#outline", OptionList)
        shown = [str(outline.get_option(f"segments:{n}").prompt) for n in (1, 2)]
        assert shown[0].startswith("  2. Lean Coffee (topics")
        assert shown[1].startswith("  3. Review of last time's action items (review")
