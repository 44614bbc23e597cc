"""Groups bigger than the screen and a Lean Coffee that runs a real hour: what matters now
stays in view, names are measured in cells, and every topic can be reached and voted for."""

from pathlib import Path

from rich.cells import cell_len
from textual.pilot import Pilot

from facilitator.agenda import Agenda, load_agenda, parse_agenda
from facilitator.session import FakeClock, Session
from facilitator.tui.cells import fit, names_line, window
from facilitator.tui.screens.live import LiveScreen
from facilitator.tui.widgets.turn_panel import CONFIDENTIAL
from tests.conftest import BUNDLED
from tests.session_helpers import new_session
from tests.tui_helpers import live_app, screen_text, text_of, turn_says, turn_shows

SIZE = (80, 24)


def round_of(names: list[str], planned: str = "") -> Agenda:
    people = "".join(f'[[participants]]\nname = "{name}"\n' for name in names)
    plan = f'planned = "{planned}"\n' if planned else ""
    return parse_agenda(
        f'title = "Round"\n{plan}{people}[[segments]]\nkind = "round"\nper_speaker = "1m"\n',
        "t.toml",
    ).agenda


def lean_coffee_with(topics: int) -> tuple[Session, FakeClock, int]:
    agenda = load_agenda(BUNDLED / "lean-coffee.toml").agenda
    clock = FakeClock()
    session = Session(agenda, clock)
    segment = next(i for i, s in enumerate(agenda.segments) if s.topic_seconds is not None)
    session.jump(segment)
    for number in range(1, topics + 1):
        session.capture("topic", f"Topic {number} on something we keep putting off")
    return session, clock, segment


async def shown(pilot: Pilot[None]) -> None:
    """What the screen's refresh timer does, without waiting for it."""
    screen = pilot.app.screen
    assert isinstance(screen, LiveScreen)
    screen.refresh_view()
    await pilot.pause()


def test_a_window_keeps_the_current_row_in_view_with_the_next_ones_below() -> None:
    rows = [f"row {n}" for n in range(40)]
    assert window(rows, 24, 8) == [
        "↑ 23 more", "row 23", "row 24", "row 25", "row 26", "row 27", "row 28", "↓ 11 more",
    ]  # fmt: skip
    assert window(rows, 0, 4) == ["row 0", "row 1", "row 2", "↓ 37 more"]
    assert window(rows, 39, 4) == ["↑ 37 more", "row 37", "row 38", "row 39"]
    assert window(rows[:3], 2, 8) == rows[:3]


def test_names_are_fitted_in_cells_with_an_ellipsis() -> None:
    assert fit("李雷李雷李雷李雷", 9) == "李雷李雷…"
    assert cell_len(fit("李雷李雷李雷李雷", 9)) == 9
    assert fit("Ana", 5) == "Ana  "
    assert fit("Zoë Łukasz", 6) == "Zoë Ł…"


def test_not_yet_is_one_line_whatever_the_group() -> None:
    names = [f"Person {n}" for n in range(39)]
    line = names_line("Not yet: ", names, 48)
    assert line == "Not yet: Person 0, Person 1, Person 2 +36 more"
    assert cell_len(line) <= 48
    assert names_line("Not yet: ", ["Ana", "Ben"], 48) == "Not yet: Ana, Ben"


async def test_the_25th_speaker_of_40_is_in_the_queue_at_80x24() -> None:
    app, session, clock = live_app(round_of([f"Person {n:02}" for n in range(40)]))
    async with app.run_test(size=SIZE) as pilot:
        session.start()
        for _ in range(24):
            clock.advance(61)
            session.next()
        await shown(pilot)
        side = text_of(app, "#side")
        assert "▶ Person 24" in side and "· Person 25" in side
        assert "↑ 23 more" in side
        upcoming = turn_says(app, "upcoming")
        assert upcoming.count("\n") <= 1 and "more" in upcoming.splitlines()[0]


async def test_cjk_names_keep_the_times_in_one_column() -> None:
    app, _, _ = live_app(round_of(["李雷李雷李雷李雷李雷", "Zoë", "Łukasz Wiśniewski-Kowalczyk"]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = text_of(app, "#side").splitlines()[1:]
        assert len({cell_len(line) for line in lines}) == 1  # every line as wide
        assert all(line.endswith("0:00") for line in lines)
        assert "…" in lines[0]


async def test_someone_absent_during_their_own_turn_shows_absent() -> None:
    app, session, clock = live_app(round_of(["Ana", "Ben", "Cleo"]))
    async with app.run_test(size=SIZE) as pilot:
        session.start()
        clock.advance(20)
        session.mark_absent()  # Ana, mid-turn
        await shown(pilot)
        side = text_of(app, "#side")
        assert "✗ Ana absent" in side and "✓ Ana" not in side
        assert "Not yet: Cleo" in turn_says(app, "upcoming")


def test_the_catch_up_hint_never_asks_for_a_turn_under_a_quarter() -> None:
    session, clock = new_session()  # planned 30m; Ana, Ben, Cleo have 2m each
    session.start()
    clock.advance(10 * 60)  # Ana takes 10 minutes of the round's 6: it runs 8 over
    schedule = session.view().schedule
    # cutting Ben and Cleo to 30 s (a quarter of 2m) saves 3 of the 8 minutes
    assert (schedule.catch_up_per_speaker, schedule.overrun_at_floor) == (None, 300)
    session, clock = new_session()
    session.start()
    clock.advance(160)  # the round is 40 s behind: two turns of 1m40s catch up
    assert session.view().schedule.catch_up_per_speaker == 100


async def test_the_catch_up_floor_is_said_in_words() -> None:
    app, session, clock = live_app()
    async with app.run_test(size=SIZE) as pilot:
        session.start()
        clock.advance(10 * 60)
        await shown(pilot)
        assert "cannot catch up in this round: it runs 5:00 over" in turn_says(app, "upcoming")


async def test_before_the_start_planned_and_agenda_lengths_are_both_said() -> None:
    app, _, _ = live_app(round_of(["Ana", "Ben"], planned="90m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = text_of(app, "#status")
        assert "agenda 2 min · planned 90" in status
        assert "ahead" not in status


async def test_the_capture_bar_shows_at_40x12() -> None:
    app, _, _ = live_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("space", "o", *"seen")
        await pilot.pause()
        assert "seen" in screen_text(app)


async def test_twelve_topics_past_the_time_box() -> None:
    session, clock, segment = lean_coffee_with(12)
    app_session = session
    from facilitator.tui.app import make_app

    app = make_app(app_session, burst_gap=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "1", "2", "enter")
        assert session.state.items[12].votes == 1
        assert text_of(app, "#message") == "+1 vote: Topic 12 on something we keep putting off"
        await pilot.press("v", "3", "escape")
        assert text_of(app, "#message") == "No vote."
        assert session.state.items[3].votes == 0
        session.start()
        clock.advance(60)
        session.next()  # Topic 12 first: it has the only vote
        for _ in range(8):  # 8 topics of 7 minutes: far past the 50-minute box
            clock.advance(7 * 60)
            session.next()
        await shown(pilot)
        turn = session.view().turn
        assert turn.topic is not None and turn.segment_left is not None
        assert turn.segment_left < 0
        assert "over by" in turn_says(app, "segment")
        side = text_of(app, "#side")
        assert f"▶ {turn.topic.split()[1]}. {turn.topic[:5]}" in side.replace("  ", " ")
        upcoming = session.view().upcoming
        assert upcoming is not None and upcoming.topic is not None
        assert f"Next topic: {upcoming.topic[:30]}" in turn_says(app, "upcoming")
        await pilot.press("N")
        assert session.view().turn.segment == segment + 1


def test_votes_per_person_gives_the_group_a_budget(tmp_path: Path) -> None:
    text = (
        (BUNDLED / "lean-coffee.toml")
        .read_text()
        .replace('kind = "topics"', 'kind = "topics"\nvotes_per_person = 3')
    )
    agenda = parse_agenda(text, "lc.toml").agenda
    session = Session(agenda, FakeClock())
    session.jump(1)
    session.capture("topic", "Hiring")
    session.vote_for_topic(1)
    assert session.view().vote_budget == 3 * 5


async def test_a_hot_seat_shows_the_presenters_focus_and_that_it_is_confidential() -> None:
    from tests.tui_helpers import bundled

    agenda = bundled("peer-circle")
    hot_seat = next(i for i, s in enumerate(agenda.segments) if s.confidential)
    app, session, _ = live_app(agenda)
    async with app.run_test(size=SIZE) as pilot:
        assert not turn_shows(app, "confidential")
        session.jump(hot_seat)
        await shown(pilot)
        assert turn_shows(app, "confidential")
        assert turn_says(app, "confidential") == CONFIDENTIAL
        assert turn_says(app, "focus") == "  focus: Contractors or full-time hires?"


def test_new_puts_the_schema_beside_the_agenda(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    written = run_cli("new", str(tmp_path / "ours.toml"), "--from", "lean-coffee", "--no-edit")
    assert written.returncode == 0, written.stderr
    text = (tmp_path / "ours.toml").read_text()
    assert text.startswith("#:schema ./agenda.schema.json\n")
    assert (tmp_path / "agenda.schema.json").read_text().startswith("{")
    other = tmp_path / "elsewhere"
    other.mkdir()
    assert run_cli("schema", "--write", str(other)).returncode == 0
    assert (other / "agenda.schema.json").read_text() == (
        tmp_path / "agenda.schema.json"
    ).read_text()


async def test_the_palette_closes_the_topics_and_votes_for_any_topic() -> None:
    session, _, segment = lean_coffee_with(11)
    from facilitator.tui.app import make_app

    app = make_app(session, burst_gap=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"vote for topic 11", "enter")
        await pilot.pause()
        assert session.state.items[11].votes == 1
        await pilot.press("ctrl+p", *"close the topics", "enter")
        await pilot.pause()
        assert session.view().turn.segment == segment + 1
