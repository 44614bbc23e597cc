"""A series remembers: the action ledger across sessions, the resource library, and who
came; private items stay out unless asked for."""

import datetime as dt
import json
from pathlib import Path

import pytest

from facilitator.session import FakeClock, Session
from facilitator.session.carry import from_last_session
from facilitator.session.derived import journal_mark, write_derived
from facilitator.session.facts import facts_of
from facilitator.session.journal import JOURNAL, read_journal
from facilitator.summary.history import (
    DIGEST,
    Resource,
    build_history,
    digest_of,
    resources_of,
    series_digests,
)
from facilitator.summary.history_render import render_history, render_resources
from tests.conftest import run_cli
from tests.session_helpers import agenda


def session_of(home: Path, clock: FakeClock) -> Session:
    previous, carried = from_last_session(home, "circle")
    return Session.begin(agenda(), clock, home, "test.toml", carried, previous)


def three_sessions(home: Path) -> FakeClock:
    clock = FakeClock()
    first = session_of(home, clock)
    first.start()
    first.capture("action", "@Ben send the deck by 2026-11-27")
    first.capture("action", "@Cleo book a room")
    first.capture("action", "@Ana salary bands #private")
    first.capture("resource", "Thinking in Systems https://example.org/tis")
    first.capture("note", "@Ana spoke of her manager")
    first.capture("action", "@Ben undone by mistake")
    first.undo()
    first.end()
    first.close()
    clock.advance(7 * 24 * 3600)
    second = session_of(home, clock)
    second.start()
    ids = {item.text: item.id for item in second.state.items.values()}
    second.set_carry(ids["send the deck"], "carried")
    second.set_carry(ids["book a room"], "done")
    second.capture("resource", "the same book again https://example.org/tis")
    second.mark_absent("Obi")
    second.end()
    second.close()
    clock.advance(7 * 24 * 3600)
    third = session_of(home, clock)
    third.start()
    ids = {item.text: item.id for item in third.state.items.values()}
    third.set_carry(ids["send the deck"], "dropped")
    third.end()
    third.close()
    return clock


def test_the_ledger_follows_each_item_across_sessions(tmp_path: Path) -> None:
    clock = three_sessions(tmp_path)
    sessions = series_digests(tmp_path, "circle", clock.now())
    history = build_history("circle", sessions, clock.now().date())
    assert len(history.sessions) == 3
    ledger = {(tuple(entry.owners), entry.text): entry for entry in history.ledger}
    assert set(ledger) == {
        (("Ben",), "send the deck"),
        (("Cleo",), "book a room"),
    }  # no private, no undone
    deck = ledger[(("Ben",), "send the deck")]
    assert (deck.status, deck.carried, deck.made_in) == ("dropped", 2, sessions[0].session_id)
    room = ledger[(("Cleo",), "book a room")]
    assert (room.status, room.carried) == ("done", 0)  # closed in its first review
    with_private = build_history("circle", sessions, clock.now().date(), include_private=True)
    assert (["Ana"], "salary bands") in [(e.owners, e.text) for e in with_private.ledger]


def test_an_open_item_past_its_due_date_is_overdue(tmp_path: Path) -> None:
    clock = FakeClock()
    session = session_of(tmp_path, clock)
    session.capture("action", "@Ben send the deck by 2026-11-27")
    session.end()
    later = dt.date(2026, 12, 1)
    [entry] = build_history("circle", series_digests(tmp_path, "circle", clock.now()), later).ledger
    assert entry.overdue and entry.status == "open"


def test_a_digest_keeps_only_what_a_history_shows(tmp_path: Path) -> None:
    clock = three_sessions(tmp_path)
    first = series_digests(tmp_path, "circle", clock.now())[0]
    assert sorted({item.type for item in first.items}) == ["action", "resource"]
    full = run_cli("--home", str(tmp_path), "history", "circle", "--format", "text").stdout
    assert "manager" not in full  # a note is its session's, not the series'


def test_a_digest_of_the_older_format_is_made_anew_once(tmp_path: Path) -> None:
    clock = three_sessions(tmp_path)
    [folder, *_] = sorted((tmp_path / "sessions").iterdir())
    journal = folder / JOURNAL
    older = digest_of(facts_of(read_journal(journal).replay(), folder.name, clock.now()))
    note = older.items[0].model_copy(update={"type": "note", "text": "a note"})
    older = older.model_copy(update={"items": [*older.items, note]})  # as it was kept
    write_derived(folder / DIGEST, journal_mark(journal), older.model_dump(mode="json"))
    first = series_digests(tmp_path, "circle", clock.now())[0]
    assert "note" not in {item.type for item in first.items}
    assert "a note" not in (folder / DIGEST).read_text()


def test_resources_are_one_per_link_with_every_time_shared(tmp_path: Path) -> None:
    clock = three_sessions(tmp_path)
    [book] = resources_of(series_digests(tmp_path, None, clock.now()), query="TIS")
    assert book.urls == ["https://example.org/tis"]
    assert len(book.sessions) == 2 and book.dates[0] > book.dates[1]  # newest first
    assert resources_of(series_digests(tmp_path, None, clock.now()), query="nothing") == []


def test_a_link_keeps_its_title_and_everyone_who_shared_it(tmp_path: Path) -> None:
    clock = FakeClock()
    for who, typed in [
        ("Ben", "The Manager's Path https://example.org/mp"),
        ("Ana", "again https://example.org/mp"),
        ("Ana", "https://example.org/mp"),
    ]:
        session = session_of(tmp_path, clock)
        session.capture("resource", f"@{who} {typed}")
        session.end()
        session.close()
        clock.advance(7 * 24 * 3600)
    digests = series_digests(tmp_path, None, clock.now())
    [book] = resources_of(digests)
    assert (book.text, book.shared_by) == (
        "The Manager's Path https://example.org/mp",
        ["Ben", "Ana"],
    )
    [found] = resources_of(digests, query="manager's")
    assert found == book  # every time it was shared, though two of them say no title


def test_a_resource_shared_again_and_again_is_one_short_line() -> None:
    days = [dt.date(2026, 12, 9) - dt.timedelta(weeks=week) for week in range(8)]
    book = Resource(
        text="Book https://example.org/b",
        urls=["https://example.org/b"],
        shared_by=["Ana"],
        sessions=[f"s{n}" for n in range(24)],
        dates=[day for day in days for _ in range(3)],  # three times at each session
    )
    assert render_resources([book], "text") == (
        "Book https://example.org/b (Ana): shared 24 times: Wed 9 Dec 2026, Wed 2 Dec 2026,"
        " Wed 25 Nov 2026, Wed 18 Nov 2026, Wed 11 Nov 2026 and 3 earlier days\n"
    )
    six = book.model_copy(update={"dates": days[:6]})
    assert render_resources([six], "text").endswith("Wed 11 Nov 2026 and 1 earlier day\n")
    once = book.model_copy(update={"sessions": ["s0"], "dates": days[:1]})
    assert render_resources([once], "text").endswith("(Ana): shared Wed 9 Dec 2026\n")


def test_the_commands_print_the_series_and_its_history(tmp_path: Path) -> None:
    three_sessions(tmp_path)
    overview = run_cli("--home", str(tmp_path), "history")
    assert overview.returncode == 0, overview.stderr
    assert overview.stdout.startswith("circle: 3 sessions, Wed 25 Nov 2026 to Wed 9 Dec 2026")
    full = run_cli("--home", str(tmp_path), "history", "circle", "--format", "text")
    assert "[dropped, carried 2 times] Ben: send the deck" in full.stdout
    assert "salary" not in full.stdout
    assert "Obi" in full.stdout  # the attendance grid lists everyone
    shape = json.loads(
        run_cli("--home", str(tmp_path), "history", "circle", "--format", "json").stdout
    )
    assert (shape["format"], shape["version"]) == ("facilitator-history", 2)
    assert set(shape) == {
        "format",
        "version",
        "series",
        "as_of",
        "sessions",
        "people",
        "ledger",
        "resources",
        "airtime",
        "goals",
    }
    library = run_cli("--home", str(tmp_path), "resources", "systems")
    assert library.stdout.count("Thinking in Systems") == 1
    nothing = run_cli("--home", str(tmp_path), "resources", "no such words")
    assert (nothing.returncode, nothing.stdout) == (0, "No resource matches 'no such words'.\n")
    for command in (["history", "nope"], ["resources", "--series", "nope"]):
        missing = run_cli("--home", str(tmp_path), *command)
        assert missing.returncode == 1 and "no sessions of the series 'nope'" in missing.stderr


def test_markdown_history_keeps_user_text_literal(tmp_path: Path) -> None:
    clock = three_sessions(tmp_path)
    history = build_history(
        "circle", series_digests(tmp_path, "circle", clock.now()), clock.now().date()
    )
    text = render_history(history, "markdown")
    assert text.startswith("# circle\n")
    assert "## Action ledger" in text and "```text" in text


async def test_h_in_the_picker_and_l_in_the_review_show_the_series(tmp_path: Path) -> None:
    from facilitator.agenda import AgendaFile, parse_agenda
    from facilitator.summary.history_render import series_markdown
    from facilitator.tui.app import make_app
    from facilitator.tui.launcher import Launcher
    from facilitator.tui.screens.history import HistoryScreen
    from tests.session_helpers import CIRCLE
    from tests.tui_helpers import screen_text

    clock = three_sessions(tmp_path)
    source = tmp_path / "circle.toml"
    source.write_text(CIRCLE.replace('kind = "break"', 'kind = "review"'))
    launcher = Launcher(
        start=lambda path: session_of(tmp_path, clock),
        resume=lambda record: session_of(tmp_path, clock),
        edit=lambda entry: None,  # type: ignore[arg-type,return-value]
        history=lambda series: series_markdown(tmp_path, series, clock.now()),
        agendas=[AgendaFile("circle", source, "local")],
    )
    app = make_app(launcher=launcher, burst_gap=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "Action ledger" in screen_text(app) and "send the deck" in screen_text(app)
        await pilot.press("escape")
    review = parse_agenda(source.read_text(), "circle.toml").agenda
    session = Session.begin(review, clock, tmp_path, "circle.toml")
    app = make_app(session, burst_gap=0)
    async with app.run_test(size=(100, 30)) as pilot:
        session.jump(len(review.segments) - 1)  # the review
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "send the deck" in screen_text(app)


def test_a_history_reads_a_kept_digest_until_the_journal_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import facilitator.summary.history as history_module

    clock = three_sessions(tmp_path)
    first = series_digests(tmp_path, "circle", clock.now())[0]
    digest = tmp_path / "sessions" / first.session_id / history_module.DIGEST
    assert digest.exists() and oct(digest.stat().st_mode & 0o777) == "0o600"
    with monkeypatch.context() as patched:  # a kept digest is read, not the journal
        patched.setattr(history_module, "read_journal", None)
        assert series_digests(tmp_path, "circle", clock.now())[0] == first
    mark, data = digest.read_text().splitlines()
    kept = json.loads(data)
    kept["people"] = ["From the digest"]  # edited by hand: never believed
    digest.write_text(f"{mark}\n{json.dumps(kept)}\n")
    assert "Ana" in series_digests(tmp_path, "circle", clock.now())[0].people
    with (tmp_path / "sessions" / first.session_id / "journal.jsonl").open("a") as journal:
        journal.write("\n")  # the journal changed: the digest is stale
    assert series_digests(tmp_path, "circle", clock.now())[0] == first
    assert digest.read_text().splitlines()[0] != mark  # rebuilt, for the journal as it is
