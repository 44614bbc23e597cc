"""The journal: on disk before an action counts, replayable, safe against torn writes."""

import datetime as dt
import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from facilitator.session import JournalError, Session, find_session, recorded_sessions
from facilitator.session.journal import JOURNAL, read_journal
from facilitator.session.records import data_home, new_session_folder
from tests.session_helpers import disk_full, new_session


def journal_lines(session: Session) -> list[dict[str, object]]:
    assert session.journal is not None
    return [json.loads(line) for line in session.journal.path.read_text().splitlines()]


def test_each_action_is_on_disk_before_it_returns(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    assert session.journal is not None
    assert not session.journal.path.exists()  # opened and closed at once: nothing to keep
    session.toggle()
    header = journal_lines(session)[0]
    assert header["format"] == 4
    assert header["agenda"]["title"] == "Test circle"  # type: ignore[index]
    clock.advance(12.5)
    session.capture("note", "hello")
    lines = journal_lines(session)
    assert [line["kind"] for line in lines[1:]] == ["start", "capture"]
    assert lines[2]["mono"] == 1012.5


def test_the_journal_keeps_the_agenda_as_it_was(tmp_path: Path) -> None:
    session, _ = new_session(home=tmp_path)
    session.toggle()
    assert session.folder is not None
    recorded = read_journal(session.folder / JOURNAL)
    assert recorded.header.agenda == session.agenda


def test_a_torn_last_line_is_set_aside_and_the_rest_kept(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    clock.advance(30)
    session.capture("note", "kept")
    assert session.journal is not None and session.folder is not None
    with session.journal.path.open("a") as file:
        file.write('{"at":"2026-11-25T18:01:00Z","mono":10')
    resumed = Session.reopen(session.folder, clock)
    assert resumed.warnings == [
        f"{session.journal.path}: 1 damaged line skipped (line 4); "
        "set aside in journal.jsonl.damaged; 2 events read well and are kept"
    ]
    assert [item.text for item in resumed.view().items] == ["kept"]
    assert (session.folder / "journal.jsonl.damaged").read_text().startswith('4: {"at"')
    resumed.capture("note", "after")
    assert [item.text for item in Session.reopen(session.folder, clock).view().items] == [
        "after",
        "kept",
    ]


def test_a_journal_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    session, _ = new_session(home=tmp_path)
    session.toggle()
    assert session.journal is not None and session.folder is not None
    lines = session.journal.path.read_text().splitlines()
    header = json.loads(lines[0])
    header["format"] = 7
    session.journal.path.write_text(json.dumps(header) + "\n")
    with pytest.raises(JournalError, match=r"written by a newer facilitator \(journal format 7"):
        Session.reopen(session.folder, session.clock)


def test_a_damaged_event_in_the_middle_is_skipped_and_named(tmp_path: Path) -> None:
    session, _ = new_session(home=tmp_path)
    session.toggle()
    session.capture("note", "after the damage")
    assert session.journal is not None and session.folder is not None
    lines = session.journal.path.read_text().splitlines()
    lines[1] = '{"kind": "teleport"}'
    session.journal.path.write_text("\n".join(lines) + "\n")
    recorded = read_journal(session.journal.path)
    assert recorded.warnings == [
        f"{session.journal.path}: 1 damaged line skipped (line 2); 1 event reads well and is used"
    ]
    assert [item.text for item in recorded.replay().items.values()] == ["after the damage"]


def test_resuming_counts_the_closed_time_as_an_interruption(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    clock.advance(50)
    session.capture("note", "last thing before the laptop died")
    clock.advance(600)
    assert session.folder is not None
    resumed = Session.reopen(session.folder, clock)
    turn = resumed.view().turn
    assert (turn.running, turn.remaining) == (False, 70)
    (gap,) = resumed.state.interruptions
    assert (gap.seconds, gap.was_running) == (600, True)
    resumed.toggle()
    clock.advance(10)
    assert resumed.view().turn.remaining == 60


def test_session_folders_never_collide_and_nothing_is_overwritten(tmp_path: Path) -> None:
    first, _ = new_session(home=tmp_path)
    second, _ = new_session(home=tmp_path)
    assert first.folder is not None and second.folder is not None
    assert first.folder != second.folder
    assert second.folder.name == first.folder.name + "-2"
    when = dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.UTC)
    assert new_session_folder(tmp_path, "Test circle", when).name.endswith("-3")


def test_a_failed_write_keeps_the_item_in_memory_and_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", disk_full)
    outcome = session.capture("note", "precious")
    assert not outcome.saved
    assert outcome.message.startswith(
        "NOT SAVED (No space left on device): kept in memory (1 action waiting for the disk)."
    )
    assert session.unsaved_items == {1}
    assert [item.text for item in session.view().items] == ["precious"]
    monkeypatch.setattr(os, "fsync", real_fsync)
    clock.advance(5)
    assert session.capture("note", "next").saved
    assert session.unsaved_items == set()
    assert session.folder is not None
    assert Session.reopen(session.folder, clock).events[:3] == session.events


def test_a_removed_folder_is_made_again_with_the_whole_journal(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    session.capture("note", "before")
    assert session.folder is not None
    shutil.rmtree(session.folder)
    clock.advance(3)
    outcome = session.capture("note", "after")
    assert (outcome.done, outcome.saved) == (True, True)
    assert stat.S_IMODE(session.folder.stat().st_mode) == 0o700
    assert [
        item.text for item in read_journal(session.folder / JOURNAL).replay().items.values()
    ] == [
        "before",
        "after",
    ]


def test_sessions_are_listed_newest_first_and_found_by_id_or_last(tmp_path: Path) -> None:
    older, _ = new_session(home=tmp_path)
    older.end()
    newer, _ = new_session(home=tmp_path)
    newer.toggle()
    assert newer.folder is not None
    records = recorded_sessions(tmp_path)
    assert [(r.id, r.ended) for r in records] == [
        (newer.folder.name, False),
        (older.header.id, True),
    ]
    assert find_session(tmp_path, "last").title == "Test circle"
    with pytest.raises(JournalError, match="matches 2 sessions"):
        find_session(tmp_path, "2026")
    with pytest.raises(JournalError, match="no session 'nope'"):
        find_session(tmp_path, "nope")


def test_the_data_folder_comes_from_the_option_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path / "env"))
    assert data_home() == tmp_path / "env"
    assert data_home(str(tmp_path / "opt")) == tmp_path / "opt"
    monkeypatch.delenv("FACILITATOR_HOME")
    assert data_home().name == "facilitator"


def test_resume_last_means_the_newest_unfinished_session(tmp_path: Path) -> None:
    unfinished, _ = new_session(home=tmp_path)
    unfinished.toggle()
    ended, _ = new_session(home=tmp_path)
    ended.end()
    assert find_session(tmp_path, "last").id == ended.header.id
    assert find_session(tmp_path, "last", unfinished=True).id == unfinished.header.id
    unfinished.end()
    with pytest.raises(JournalError, match="no unfinished sessions in"):
        find_session(tmp_path, "last", unfinished=True)


def test_listing_reads_a_kept_record_until_the_journal_grows(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    session.end()
    assert session.folder is not None
    assert recorded_sessions(tmp_path)[0].ended
    listing = session.folder / "listing.json"
    first, data = listing.read_text().splitlines()
    mark = json.loads(first)
    assert mark["journal"] and mark["checksum"].startswith("sha256:")
    with pytest.MonkeyPatch.context() as patched:  # the listing is read, not the journal
        patched.setattr("facilitator.session.records._read_record", None)
        assert recorded_sessions(tmp_path)[0].title == "Test circle"
    kept = json.loads(data)
    kept["title"] = "Edited in the listing"
    listing.write_text(f"{first}\n{json.dumps(kept)}\n")
    assert recorded_sessions(tmp_path)[0].title == "Test circle"  # an edit is never believed
    clock.advance(5)
    session.reopen_ended()  # the journal grows: the listing is stale
    [record] = recorded_sessions(tmp_path)
    assert (record.title, record.ended) == ("Test circle", False)
    listing.unlink()  # missing: rebuilt from the journal
    assert recorded_sessions(tmp_path)[0].title == "Test circle"
    assert listing.exists()


def test_reading_pauses_the_cycle_collector_and_gives_it_back_as_it_was(tmp_path: Path) -> None:
    import gc

    session, _ = new_session(home=tmp_path)
    session.toggle()
    assert session.journal is not None
    path = session.journal.path
    assert gc.isenabled()
    read_journal(path).replay()
    assert gc.isenabled()
    path.write_text("not a journal\n")
    with pytest.raises(JournalError):
        read_journal(path)
    assert gc.isenabled()  # on again after a failed read too
    gc.disable()
    try:
        other, _ = new_session(home=tmp_path / "other")
        other.toggle()
        assert other.journal is not None
        read_journal(other.journal.path).replay()
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
