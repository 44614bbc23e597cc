"""Integrity at the edges (issue 24): one writer even without the lock, numbers and times
that are checked when read, and nothing written during a failed open."""

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.session import FakeClock, JournalError, Session, recorded_sessions
from facilitator.session.journal import JOURNAL, read_journal
from facilitator.session.writer import LOCK
from tests.conftest import run_cli
from tests.session_helpers import CIRCLE, agenda, new_session


class Window:
    """A session window in a process of its own (tests/writer_child.py)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.writer_child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, line: str) -> dict[str, object]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer: dict[str, object] = json.loads(self.process.stdout.readline())
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


def notes_in(path: Path) -> list[str]:
    return [item.text for item in read_journal(path).replay().items.values()]


def test_a_second_writer_after_the_lock_was_removed_loses_no_saved_capture(
    tmp_path: Path,
) -> None:
    a, b = Window(), Window()
    try:
        folder = Path(str(a.ask(f"begin {tmp_path}")["folder"]))
        assert a.ask("note A1")["saved"]
        assert "refused" in b.ask(f"resume {folder}")  # the lock keeps a second window out
        (folder / LOCK).unlink()  # by hand, a sync tool, a cleaner of temporary files
        assert b.ask(f"resume {folder}") == {"saved": True}
        assert b.ask("note B2")["saved"]
        a3 = a.ask("note A3")
        assert not a3["saved"]
        assert "another window" in str(a3["message"]) and "NOT SAVED" in str(a3["message"])
        assert b.ask("note B4")["saved"]
        assert not a.ask("note A5")["saved"]  # stopped for good, not only once
        a_quit, b_quit = a.ask("quit"), b.ask("quit")
        assert not a_quit["saved"] and b_quit["saved"]
        assert notes_in(folder / JOURNAL) == ["A1", "B2", "B4"]
        assert notes_in(Path(str(a_quit["rescue"]))) == ["A1", "A3", "A5"]
        assert (folder / LOCK).exists() is False  # B removed its own lock, A left it alone
    finally:
        a.close()
        b.close()


def test_two_writers_taking_turns_keep_every_capture_they_called_saved(tmp_path: Path) -> None:
    a, b = Window(), Window()
    try:
        folder = Path(str(a.ask(f"begin {tmp_path}")["folder"]))
        (folder / LOCK).unlink()
        b.ask(f"resume {folder}")
        saved = []
        for number in range(12):
            window, name = (a, "a") if number % 3 else (b, "b")
            text = f"{name}{number}"
            if window.ask(f"note {text}")["saved"]:
                saved.append(text)
        kept = notes_in(folder / JOURNAL)
        assert set(saved) <= set(kept) and len(kept) == len(set(kept))
        assert [text for text in saved if text.startswith("b")] == ["b0", "b3", "b6", "b9"]
    finally:
        a.close()
        b.close()


def test_a_restored_older_copy_of_its_own_journal_is_written_over(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    session.capture("note", "one")
    assert session.journal is not None
    path = session.journal.path
    older = path.read_bytes()
    session.capture("note", "two")
    path.write_bytes(older)  # a backup put back: it holds nothing this writer has not seen
    clock.advance(1)
    assert session.capture("note", "three").saved
    assert notes_in(path) == ["one", "two", "three"]


def test_events_are_numbered_in_the_journal(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    session.capture("note", "one")
    assert session.folder is not None
    lines = (session.folder / JOURNAL).read_text().splitlines()
    assert [json.loads(line)["seq"] for line in lines[1:]] == [1, 2]
    session.close()
    resumed = Session.reopen(session.folder, clock)
    resumed.capture("note", "two")
    assert [event.seq for event in resumed.events] == [1, 2, 3, 4]  # reopen, then the note


def recorded_journal(tmp_path: Path) -> tuple[Path, list[str]]:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    for text in ("one", "two", "three"):
        clock.advance(60)
        session.capture("note", text)
    clock.advance(60)
    session.end()
    session.close()
    assert session.journal is not None
    path = session.journal.path
    return path, path.read_text().splitlines(keepends=True)


def test_every_line_duplicated_is_read_once_and_said(tmp_path: Path) -> None:
    path, lines = recorded_journal(tmp_path)
    path.write_text(lines[0] + "".join(line + line for line in lines[1:]))
    recorded = read_journal(path)
    assert [item.text for item in recorded.replay().items.values()] == ["one", "two", "three"]
    assert any("5 duplicated lines ignored" in warning for warning in recorded.warnings)


def test_shuffled_lines_are_read_in_order_and_said(tmp_path: Path) -> None:
    path, lines = recorded_journal(tmp_path)
    path.write_text(lines[0] + "".join(reversed(lines[1:])))
    recorded = read_journal(path)
    state = recorded.replay()
    assert [item.text for item in state.items.values()] == ["one", "two", "three"]
    assert state.ended is not None
    assert any("out of order" in warning for warning in recorded.warnings)


def test_lines_cut_from_the_middle_are_said_missing(tmp_path: Path) -> None:
    path, lines = recorded_journal(tmp_path)
    path.write_text("".join(lines[:2] + lines[4:]))
    recorded = read_journal(path)
    assert [item.text for item in recorded.replay().items.values()] == ["three"]
    assert any("2 events are missing" in warning for warning in recorded.warnings)
    clean = read_journal(recorded_journal(tmp_path / "other")[0])
    assert clean.warnings == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("mono", "NaN"),
        ("mono", "Infinity"),
        ("mono", "-Infinity"),
        ("mono", "1e308"),
        ("at", '"2026-11-25T18:03:00"'),  # no time zone
        ("at", '"9999-12-31T23:59:59+00:00"'),
    ],
)
def test_an_odd_number_or_time_is_a_damaged_line(tmp_path: Path, field: str, value: str) -> None:
    path, lines = recorded_journal(tmp_path)
    event = json.loads(lines[2])
    assert event["kind"] == "capture"
    event[field] = "PLACEHOLDER"
    lines[2] = json.dumps(event).replace('"PLACEHOLDER"', value) + "\n"
    path.write_text("".join(lines))
    recorded = read_journal(path)
    assert [item.text for item in recorded.replay().items.values()] == ["two", "three"]
    assert any("1 damaged line skipped (line 3)" in warning for warning in recorded.warnings)
    resumed = Session.reopen(path.parent, FakeClock())
    assert [item.text for item in resumed.state.items.values()] == ["two", "three"]
    assert resumed.facts() is not None


def test_a_header_time_without_a_zone_is_refused_without_writing_anything(
    tmp_path: Path,
) -> None:
    path, lines = recorded_journal(tmp_path)
    header = json.loads(lines[0])
    header["created"] = "2026-11-25T18:00:00"
    path.write_text(json.dumps(header) + "\n" + "".join(lines[1:]))
    before = sorted(path.parent.iterdir()), path.read_bytes()
    with pytest.raises(JournalError, match="damaged header: created"):
        Session.reopen(path.parent, FakeClock())
    assert (sorted(path.parent.iterdir()), path.read_bytes()) == before


def test_an_open_that_fails_while_replaying_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, lines = recorded_journal(tmp_path)
    path.write_text("".join(lines) + "garbage\n")  # a damaged line that a repair would set aside
    before = sorted(path.parent.iterdir()), path.read_bytes()

    def broken(*_: object) -> None:
        raise OverflowError("date value out of range")

    monkeypatch.setattr("facilitator.session.recorder.replay", broken)
    with pytest.raises(JournalError, match="cannot be replayed"):
        Session.reopen(path.parent, FakeClock())
    assert (sorted(path.parent.iterdir()), path.read_bytes()) == before
    monkeypatch.undo()
    resumed = Session.reopen(path.parent, FakeClock())  # the lock was let go
    assert len(resumed.events) == 5 and resumed.warnings  # and the damaged line is set aside


# -- derived files: checked against the journal and against themselves ------------------


def one_session_with_history(home: Path) -> Path:
    from facilitator.summary.history import series_digests

    session, clock = new_session(home=home)
    session.toggle()
    session.capture("resource", "Secret deck https://example.org/deck #private")
    session.capture("action", "public action")
    clock.advance(60)
    session.end()
    session.close()
    assert series_digests(home, "circle", clock.now())  # the digest is written
    assert session.folder is not None
    return session.folder


def test_a_digest_edited_by_hand_is_never_believed(tmp_path: Path) -> None:
    import hashlib

    from facilitator.summary.history import DIGEST, series_digests

    folder = one_session_with_history(tmp_path)
    first, data = (folder / DIGEST).read_text().splitlines()
    kept = json.loads(data)
    assert [item["private"] for item in kept["items"]] == [True, False]
    kept["items"][0]["private"] = False  # a private item made public
    edited = json.dumps(kept)
    (folder / DIGEST).write_text(f"{first}\n{edited}\n")
    [digest] = series_digests(tmp_path, "circle", FakeClock().now())
    assert [item.private for item in digest.items] == [True, False]
    other = "1:2:3:4:" + "0" * 64  # a valid checksum, but made from another journal
    checksum = "sha256:" + hashlib.sha256(f"{other}\n{edited}".encode()).hexdigest()
    mark = json.dumps({"journal": other, "checksum": checksum})
    (folder / DIGEST).write_text(f"{mark}\n{edited}\n")
    [digest] = series_digests(tmp_path, "circle", FakeClock().now())
    assert [item.private for item in digest.items] == [True, False]
    assert run_cli("--home", str(tmp_path), "resources").stdout.count("example.org/deck") == 0


@pytest.mark.parametrize("odd", ["symlink to /dev/zero", "FIFO", "huge"])
def test_a_derived_file_that_is_not_a_small_plain_file_is_not_read(
    tmp_path: Path, odd: str
) -> None:
    from facilitator.session.records import LISTING
    from facilitator.summary.history import DIGEST

    folder = one_session_with_history(tmp_path)
    for name in (DIGEST, LISTING):
        (folder / name).unlink()
        if odd == "FIFO":
            os.mkfifo(folder / name)
        elif odd == "huge":
            with (folder / name).open("wb") as file:
                file.truncate(64 << 20)  # sparse: 64 MiB of NULs
        else:
            (folder / name).symlink_to("/dev/zero")
    for command in (["history", "circle"], ["resources"], ["sessions"]):
        done = run_cli("--home", str(tmp_path), *command)
        assert done.returncode == 0, done.stderr
    assert "1 session" in run_cli("--home", str(tmp_path), "history").stdout


def test_history_and_resources_name_the_sessions_they_skip(tmp_path: Path) -> None:
    folder = one_session_with_history(tmp_path)
    broken = folder.with_name("20261120-180000-broken")
    broken.mkdir()
    (broken / JOURNAL).write_text("not a journal\n")
    for command in (["history"], ["resources"]):
        done = run_cli("--home", str(tmp_path), *command)
        assert done.returncode == 0
        assert "Skipped 1 session that cannot be read:" in done.stderr
        assert "20261120-180000-broken: " in done.stderr


# -- a damaged header and no session.json ------------------------------------------------


def unfinished_with_a_damaged_seed(home: Path, text: str = CIRCLE) -> Path:
    session, clock = new_session(text, home=home)
    session.toggle()
    for text in ("Book https://example.org/b", "Ask HR #private", "@Ben send the deck"):
        clock.advance(30)
        session.capture("note" if "Book" not in text else "resource", text)
    session.close()  # unfinished: no session.json
    assert session.folder is not None
    path = session.folder / JOURNAL
    lines = path.read_text().splitlines(keepends=True)
    header = json.loads(lines[0])
    header["seed"] = "damaged"
    path.write_text(json.dumps(header) + "\n" + "".join(lines[1:]))
    return session.folder


def test_a_damaged_header_is_listed_damaged_and_its_captures_can_be_read(
    tmp_path: Path,
) -> None:
    """Without a confidential segment, what is not private is shown."""
    open_circle = CIRCLE.replace("confidential = true\n", "")
    folder = unfinished_with_a_damaged_seed(tmp_path, open_circle)
    listed = run_cli("--home", str(tmp_path), "sessions").stdout
    assert "DAMAGED" in listed and "(ended)" not in listed
    done = run_cli("--home", str(tmp_path), "summary", folder.name)
    assert done.returncode == 0, done.stderr
    assert "damaged header: seed" in done.stderr and "only the 3 captures" in done.stderr
    assert "1 private capture left out." in done.stderr
    assert "- resource: Book https://example.org/b" in done.stdout
    assert "send the deck (Ben)" in done.stdout and "Ask HR" not in done.stdout
    with_private = run_cli("--home", str(tmp_path), "summary", folder.name, "--include-private")
    assert "- note: Ask HR (Ana) (private)" in with_private.stdout


@pytest.mark.parametrize("damage", ["seed", "whole header"])
def test_a_damaged_session_with_a_confidential_segment_shows_no_capture_by_default(
    tmp_path: Path, damage: str
) -> None:
    """Which captures were made in the confidential hot seat cannot be told without a
    replay: none is shown unless private ones are asked for."""
    folder = unfinished_with_a_damaged_seed(tmp_path)  # its hot seat is confidential
    if damage == "whole header":
        journal = folder / JOURNAL
        journal.write_bytes(b"XX" + journal.read_bytes())
    done = run_cli("--home", str(tmp_path), "summary", folder.name)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "3 captures left out: some may be from a confidential segment" in done.stderr
    with_private = run_cli("--home", str(tmp_path), "summary", folder.name, "--include-private")
    assert "- resource: Book https://example.org/b" in with_private.stdout


def ended_with_its_record(home: Path) -> Path:
    from facilitator.summary.files import save_summary

    session, clock = new_session(home=home)
    session.toggle()
    for text in ("one", "two", "three"):
        clock.advance(60)
        session.capture("note", text)
    session.end()
    assert save_summary(session).path is not None
    session.close()
    assert session.journal is not None
    return session.journal.path


def test_a_journal_cut_at_a_line_boundary_is_said_against_its_record(tmp_path: Path) -> None:
    path = ended_with_its_record(tmp_path)
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[:-2]))  # the last capture and the end are gone
    recorded = read_journal(path)
    assert [item.text for item in recorded.replay().items.values()] == ["one", "two"]
    assert any(
        "its last 2 events are missing (session.json recorded 5)" in warning
        for warning in recorded.warnings
    )


def test_a_record_edited_by_hand_does_not_rebuild_a_header(tmp_path: Path) -> None:
    path = ended_with_its_record(tmp_path)
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("{}\n" + "".join(lines[1:]))
    assert read_journal(path).warnings[0].endswith("it was rebuilt from session.json")
    record = path.with_name("session.json")
    kept = json.loads(record.read_text())
    kept["journal_header"]["agenda"]["title"] = "Forged"
    record.write_text(json.dumps(kept))
    with pytest.raises(JournalError, match="not a facilitator session journal"):
        read_journal(path)


# -- the user's folders ----------------------------------------------------------------


def test_a_home_given_by_the_user_keeps_its_mode(tmp_path: Path) -> None:
    home = tmp_path / "shared"
    home.mkdir()
    home.chmod(0o1777)  # like /tmp: sticky, and open to everyone
    session, _ = new_session(home=home)
    session.toggle()
    session.close()
    assert session.folder is not None
    assert stat.S_IMODE(home.stat().st_mode) == 0o1777
    assert stat.S_IMODE((home / "sessions").stat().st_mode) == 0o700
    assert stat.S_IMODE(session.folder.stat().st_mode) == 0o700
    shutil.rmtree(home / "sessions")  # the writer makes its folders again, not the home's mode
    session.capture("note", "after")
    assert stat.S_IMODE(home.stat().st_mode) == 0o1777


def test_a_session_recorded_by_an_older_build_is_tightened_when_written(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    session.capture("note", "open to all")
    session.close()
    folder = session.folder
    assert folder is not None
    for path in (tmp_path / "sessions", folder):
        path.chmod(0o755)
    for path in folder.iterdir():
        path.chmod(0o644)
    (tmp_path / "elsewhere").write_text("a file of the user's\n")
    (tmp_path / "elsewhere").chmod(0o644)
    (folder / "link").symlink_to(tmp_path / "elsewhere")
    resumed = Session.reopen(folder, clock)
    assert resumed.capture("note", "mine").saved
    assert stat.S_IMODE((tmp_path / "sessions").stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    modes = {p.name: stat.S_IMODE(p.lstat().st_mode) for p in folder.iterdir() if p.name != "link"}
    assert set(modes.values()) == {0o600}, modes
    assert stat.S_IMODE((tmp_path / "elsewhere").stat().st_mode) == 0o644  # through no link


# -- hostile names in agendas -----------------------------------------------------------

NAME_AGENDA = """title = "Names"
participants = [
  {{ name = "{first}" }},
  {{ name = "{second}" }},
]
[[segments]]
kind = "round"
title = "Check-in"
per_speaker = "2m"
"""
FOLDING = {
    "accents": ("Zoë", "Zoe"),
    "case": ("Zoe", "ZOE"),
    "NFC and NFD": ("Zo\u00eb", "Zoe\u0308"),
    "Cyrillic A": ("Ana", "\u0410na"),
    "Cyrillic o and e": ("Zoe", "Z\u043e\u0435"),
    "Greek capitals": ("Ben", "\u0392\u0395N"),
    "a zero-width space inside": ("Ana", "A\u200bna"),
    "fullwidth": ("Ana", "\uff21na"),
}


@pytest.mark.parametrize("pair", FOLDING.values(), ids=FOLDING.keys())
def test_names_that_read_the_same_are_refused_with_file_and_line(
    tmp_path: Path, pair: tuple[str, str]
) -> None:
    agenda = tmp_path / "names.toml"
    agenda.write_text(NAME_AGENDA.format(first=pair[0], second=pair[1]), encoding="utf-8")
    done = run_cli("check", str(agenda))
    assert done.returncode == 1
    assert f"{agenda}:4: participants[1].name:" in done.stderr + done.stdout
    assert "is already participants[0]" in done.stderr + done.stdout


@pytest.mark.parametrize("name", ["\u200b", "\u3164", "\u200b\u2060\u3164", "\u115f\u1160"])
def test_a_name_with_nothing_visible_is_refused(tmp_path: Path, name: str) -> None:
    agenda = tmp_path / "invisible.toml"
    agenda.write_text(NAME_AGENDA.format(first="Ana", second=name), encoding="utf-8")
    done = run_cli("check", str(agenda))
    assert done.returncode == 1
    said = done.stderr + done.stdout
    assert f"{agenda}:4: participants[1].name: expected a visible character" in said


def test_distinct_names_still_pass(tmp_path: Path) -> None:
    agenda = tmp_path / "fine.toml"
    agenda.write_text(NAME_AGENDA.format(first="Zoë", second="Zora"), encoding="utf-8")
    assert run_cli("check", str(agenda)).returncode == 0
    agenda.write_text(NAME_AGENDA.format(first="Анна", second="Ана"), encoding="utf-8")
    assert run_cli("check", str(agenda)).returncode == 0  # Cyrillic names are names


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_line_and_paragraph_separators_are_newlines(tmp_path: Path, separator: str) -> None:
    from facilitator.text import clean

    agenda = tmp_path / "separator.toml"
    agenda.write_text(
        NAME_AGENDA.format(first="Ana", second="Ben").replace(
            'title = "Names"', f'title = "Names{separator}Injected"'
        ),
        encoding="utf-8",
    )
    done = run_cli("check", str(agenda))
    assert done.returncode == 1
    assert f"{agenda}:1: title: expected one line of plain text, found U+" in done.stderr
    assert separator not in done.stderr + done.stdout
    assert clean(f"a{separator}b", one_line=True) == "a b"
    assert clean(f"a{separator}b") == "a\nb"


# -- everything printed is clean; Markdown escapes user text --------------------------

HOSTILE = "\x1b]0;pwned\x07\x1b]52;c;aGk=\x07\u202e"


def copy_session_as(folder: Path, name: str) -> Path:
    """The same session under a folder name of someone else's choosing."""
    other = folder.with_name(name)
    shutil.copytree(folder, other)
    for derived in ("listing.json", "digest.json"):
        (other / derived).unlink(missing_ok=True)
    return other


def test_session_ids_from_folder_names_are_printed_clean_on_one_line(tmp_path: Path) -> None:
    folder = one_session_with_history(tmp_path)
    copy_session_as(folder, f"20261125-180001-x{HOSTILE}\nsecond line\x0bthird")
    for command in (["sessions"], ["history", "circle"], ["history", "circle", "--format", "json"]):
        done = run_cli("--home", str(tmp_path), *command)
        assert done.returncode == 0, done.stderr
        printed = done.stdout + done.stderr
        assert not any(c in printed for c in "\x1b\x07\x0b\u202e"), (command, printed)
        if command == ["sessions"]:
            assert len(done.stdout.splitlines()) == 2
            assert all(line.startswith("20261125-18000") for line in done.stdout.splitlines())


def test_completion_offers_no_id_it_cannot_print_and_survives_an_odd_listing(
    tmp_path: Path,
) -> None:
    import argparse

    from facilitator import completion
    from facilitator.session.derived import journal_mark, write_derived

    folder = one_session_with_history(tmp_path)
    copy_session_as(folder, f"20261125-180001-a\x0bb{HOSTILE}")
    plain = copy_session_as(folder, "20261125-180002-plain")
    listing: dict[str, object] = {"title": "x", "series": ["a", "list"], "ended": True}
    listing |= {"created": "2026-11-25T18:00:00+00:00", "source": "x"}
    write_derived(plain / "listing.json", journal_mark(plain / JOURNAL), listing)
    parsed = argparse.Namespace(home=str(tmp_path))
    offered = completion.sessions(parsed)
    assert offered == ["last", "20261125-180002-plain", folder.name]
    assert completion.series(parsed) == ["circle"]


def test_resources_in_markdown_escape_user_text_and_mark_private_ones(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    session.capture("resource", "# Big ```fence``` <script>x</script> | a | https://e.org/r")
    session.capture("resource", "Salary bands https://e.org/salaries #private")
    clock.advance(60)
    session.end()
    session.close()
    home = str(tmp_path)
    markdown = run_cli("--home", home, "resources", "--format", "markdown").stdout
    assert markdown.startswith("- \\# Big \\`\\`\\`fence")
    assert "<script>" not in markdown and "\\<script\\>" in markdown and "\\| a \\|" in markdown
    assert "salaries" not in markdown
    private = run_cli("--home", home, "resources", "--include-private").stdout
    [line] = [line for line in private.splitlines() if "salaries" in line]
    assert line.startswith("- Salary bands https://e.org/salaries (Ana): shared")
    assert line.endswith(" (private)")
    data = json.loads(
        run_cli("--home", home, "resources", "--include-private", "--format", "json").stdout
    )
    assert [entry["private"] for entry in data["resources"]] == [True, False]
    history = run_cli("--home", home, "history", "circle", "--include-private").stdout
    assert "salaries (Ana): shared Wed 25 Nov 2026 (private)" in history


def test_a_pipe_in_a_link_adds_no_column_and_a_fence_does_not_reach_chat() -> None:
    from facilitator.summary.render import render
    from facilitator.summary.report import build_report

    session, clock = new_session()
    session.jump(2)
    session.capture("topic", "Compare https://e.org/a|b|c please")
    session.capture("note", "```\nrm -rf /\n```")
    clock.advance(60)
    session.end()
    report = build_report(session.facts())
    markdown = render(report, "markdown")
    rows = [line for line in markdown.splitlines() if "e.org/a" in line]
    assert rows and all(line.replace("\\|", "").count("|") == 4 for line in rows), rows
    chat = render(report, "chat")
    assert "```" not in chat and "rm -rf" in chat


# -- a wall-clock jump while the app is closed ------------------------------------------


def closed_for_ten_seconds_and_a_day_by_the_wall(tmp_path: Path, boot_after: str) -> Session:
    clock = FakeClock()
    clock.boot_id = "boot-1"
    begun = Session.begin(agenda(), clock, tmp_path, "test.toml")
    begun.toggle()
    clock.advance(60)
    begun.capture("note", "before")
    begun.close()
    clock.advance(10)  # closed for 10 s…
    clock.jump_wall(24 * 3600)  # …while the wall clock was set a day ahead
    clock.boot_id = boot_after
    assert begun.folder is not None
    return Session.reopen(begun.folder, clock)


def test_a_wall_clock_jump_while_closed_is_not_session_time(tmp_path: Path) -> None:
    from facilitator.summary.render import render
    from facilitator.summary.report import build_report

    resumed = closed_for_ten_seconds_and_a_day_by_the_wall(tmp_path, "boot-1")
    (gap,) = resumed.state.interruptions
    assert (gap.seconds, gap.by_wall_clock) == (10, False)
    resumed.toggle()
    resumed.clock.advance(30)  # type: ignore[attr-defined]
    resumed.end()
    facts = resumed.facts()
    assert (facts.interrupted_seconds, facts.length_seconds) == (10, 100)
    assert "1440" not in render(build_report(facts), "text")
    assert resumed.folder is not None
    again = Session.reopen(resumed.folder, resumed.clock)
    assert [gap.seconds for gap in again.state.interruptions] == [10]  # replayed the same


def test_across_a_restart_the_wall_clock_measures_the_gap_and_says_so(tmp_path: Path) -> None:
    resumed = closed_for_ten_seconds_and_a_day_by_the_wall(tmp_path, "boot-2")
    (gap,) = resumed.state.interruptions
    assert (gap.seconds, gap.by_wall_clock) == (24 * 3600 + 10, True)


def test_the_system_clock_knows_its_boot() -> None:
    from facilitator.session import SystemClock

    boot = SystemClock().boot()
    assert boot is None or (len(boot) >= 32 and boot == SystemClock().boot())


def test_a_writer_that_stopped_writes_no_summary_files_over_the_other_windows(
    tmp_path: Path,
) -> None:
    from facilitator.summary.files import save_summary

    first, clock = new_session(home=tmp_path)
    first.toggle()
    first.capture("note", "first")
    assert first.folder is not None
    second = Session.reopen(first.folder, clock)  # as if the lock had been removed
    assert second.capture("note", "second").saved
    assert not first.capture("note", "lost to the rescue copy").saved
    first.end()
    saved = save_summary(first)
    assert saved.path is None and "another window wrote this session" in saved.problem
    assert not (first.folder / "summary.md").exists()
    assert not (first.folder / "session.json").exists()


def test_a_journal_edited_with_its_size_and_time_kept_is_not_matched(tmp_path: Path) -> None:
    from facilitator.session.records import LISTING

    path, lines = recorded_journal(tmp_path)
    assert recorded_sessions(tmp_path)[0].ended  # the listing is written
    kept = json.loads((path.parent / LISTING).read_text().splitlines()[0])
    status = path.stat()
    path.write_text(lines[0].replace("Test circle", "Tost circle") + "".join(lines[1:]))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # as a copy tool keeps it
    assert path.stat().st_size == status.st_size
    [record] = recorded_sessions(tmp_path)
    assert record.title == "Tost circle"  # read again from the journal, not the listing
    assert (
        json.loads((path.parent / LISTING).read_text().splitlines()[0])["journal"]
        != kept["journal"]
    )


@pytest.mark.parametrize("size", [0, 1, 1000, 1001, 5000])
def test_a_file_is_read_up_to_its_limit_and_one_byte_more(tmp_path: Path, size: int) -> None:
    """Enough to tell a file over the limit, whatever the file's own size said when opened
    (here it grows after the open)."""
    from facilitator.files import read_at_most

    path = tmp_path / "file"
    path.write_bytes(b"a" * size)
    descriptor = os.open(path, os.O_RDONLY)
    try:
        with path.open("ab") as grow:
            grow.write(b"b" * 100_000)
        read = read_at_most(descriptor, 1000)
    finally:
        os.close(descriptor)
    assert read == (b"a" * size + b"b" * 100_000)[:1001]
