"""Faults that must never lose what the facilitator saw recorded: a full disk, a removed
folder, damaged lines, a second writer, a journal that is not a plain file; and files
that nobody else can read."""

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.session import JournalError, Session, recorded_sessions
from facilitator.session.journal import JOURNAL, read_journal
from facilitator.summary.files import save_summary
from tests.conftest import run_cli
from tests.session_helpers import disk_full, new_session


def texts(path: Path) -> list[str]:
    return [item.text for item in read_journal(path).replay().items.values()]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_header_that_could_not_be_written_is_written_with_the_next_action(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, clock = new_session(home=tmp_path)
    monkeypatch.setattr(os, "fsync", disk_full)
    assert not session.toggle().saved
    assert not session.capture("note", "first words").saved
    monkeypatch.undo()
    clock.advance(2)
    assert session.capture("note", "second words").saved
    assert session.folder is not None
    recorded = read_journal(session.folder / JOURNAL)
    assert [event.kind for event in recorded.events] == ["start", "capture", "capture"]
    assert recorded.warnings == []


def test_a_real_full_disk_at_the_first_action(tmp_path: Path) -> None:
    """A 64 KiB tmpfs, filled up: the header waits in memory until there is room."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("this machine cannot mount a tmpfs (not root, or in a container)")
    try:
        session, clock = new_session(home=disk / "home")
        filler = disk / "filler"
        with filler.open("wb", buffering=0) as file, pytest.raises(OSError):
            while True:
                file.write(b"x" * 4096)
        outcome = session.toggle()
        assert not outcome.saved and "No space left on device" in outcome.message
        filler.unlink()
        clock.advance(1)
        assert session.capture("note", "after the room came back").saved
        assert session.folder is not None
        assert texts(session.folder / JOURNAL) == ["after the room came back"]
    finally:
        session.close()
        subprocess.run(["umount", str(disk)], check=True)


def test_a_folder_restored_from_an_older_copy_is_written_again_whole(tmp_path: Path) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    assert session.folder is not None
    backup = tmp_path / "backup"
    shutil.copytree(session.folder, backup)
    session.capture("note", "one")
    shutil.rmtree(session.folder)
    session.capture("note", "two")  # written again whole, in a new folder
    shutil.rmtree(session.folder)
    shutil.copytree(backup, session.folder)  # the old copy comes back
    clock.advance(1)
    assert session.capture("note", "three").saved
    assert texts(session.folder / JOURNAL) == ["one", "two", "three"]


DAMAGE = {
    "a blank line": b"\n",
    "blank lines at the end": None,
    "a garbage line": b"this is not json\n",
    "a NUL block": b"\x00" * 512 + b"\n",
    "an unknown event kind": b'{"kind":"teleport","at":"2026-11-25T18:00:05Z","mono":1005}\n',
    "half an event": b'{"at":"2026-11-25T18:00:05Z","mo\n',
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_line_is_skipped_and_the_rest_kept(tmp_path: Path, damage: str) -> None:
    session, clock = new_session(home=tmp_path)
    session.toggle()
    session.capture("note", "before")
    assert session.journal is not None and session.folder is not None
    path = session.journal.path
    with path.open("ab") as file:
        file.write(DAMAGE[damage] or b"\n\n\n")
    clock.advance(1)
    session.capture("note", "after")  # the writer rewrites a file it did not leave so
    with path.open("ab") as file:  # so damage it again, behind the writer's back
        file.write(DAMAGE[damage] or b"\n\n\n")
    resumed = Session.reopen(session.folder, clock)
    assert [item.text for item in resumed.state.items.values()] == ["before", "after"]
    if "blank" in damage:
        assert resumed.warnings == []  # nothing to set aside: nothing was lost
    else:
        assert len(resumed.warnings) == 1
        assert (
            "1 damaged line skipped (line 5); set aside in journal.jsonl.damaged"
            in (resumed.warnings[0])
        )
        aside = session.folder / "journal.jsonl.damaged"
        assert mode(aside) == 0o600
        assert aside.read_bytes().startswith(b"5: ")
    assert b"\n\n" not in path.read_bytes()  # the journal was rewritten without the damage
    resumed.capture("note", "later")
    assert texts(path) == ["before", "after", "later"]


def test_a_nul_block_before_an_event_does_not_lose_the_event(tmp_path: Path) -> None:
    session, _ = new_session(home=tmp_path)
    session.toggle()
    session.capture("note", "survivor")
    assert session.journal is not None
    path = session.journal.path
    lines = path.read_bytes().split(b"\n")
    lines[2] = b"\x00" * 64 + lines[2]
    path.write_bytes(b"\n".join(lines))
    assert texts(path) == ["survivor"]


def test_a_damaged_header_is_rebuilt_from_the_session_record(tmp_path: Path) -> None:
    session, _ = new_session(home=tmp_path)
    session.toggle()
    session.capture("note", "kept")
    session.end()
    assert save_summary(session).path is not None
    assert session.folder is not None
    path = session.folder / JOURNAL
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([b'{"format": 2, "id": "torn', *lines[1:]]))
    recorded = read_journal(path)
    assert recorded.warnings[0].endswith("it was rebuilt from session.json")
    assert [item.text for item in recorded.replay().items.values()] == ["kept"]
    path.write_bytes(b"\n".join(lines[1:]))  # and with the header line gone altogether
    assert read_journal(path).warnings[0] == (
        f"{path}: the header is missing; it was rebuilt from session.json"
    )


def test_an_unreadable_session_is_listed_as_damaged_not_hidden(tmp_path: Path) -> None:
    session, _ = new_session(home=tmp_path)
    session.toggle()
    assert session.folder is not None
    (session.folder / JOURNAL).write_bytes(b"\x00\x00 garbage\n")
    [record] = recorded_sessions(tmp_path)
    assert record.problem == f"{session.folder / JOURNAL}:1: not a facilitator session journal"
    result = run_cli("--home", str(tmp_path), "sessions")
    assert f"{session.folder.name}  DAMAGED: " in result.stdout


def test_a_second_writer_is_refused_and_a_dead_ones_lock_is_taken(tmp_path: Path) -> None:
    session, _ = new_session(home=tmp_path)
    session.toggle()
    assert session.folder is not None
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from facilitator.session import "
            "SystemClock, Session; Session.reopen(Path(sys.argv[1]), SystemClock()); "
            "print('holding', flush=True); sys.stdin.read()",
            str(session.folder),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    session.close()
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        with pytest.raises(
            JournalError, match=rf"is open in another window \(process {holder.pid}"
        ):
            Session.reopen(session.folder, session.clock)
        refused = run_cli("--home", str(tmp_path), "resume", session.folder.name)
        assert refused.returncode == 1
        assert f"process {holder.pid}" in refused.stderr
        assert "Traceback" not in refused.stderr
    finally:
        holder.kill()
        holder.wait()
    resumed = Session.reopen(session.folder, session.clock)  # the dead process's lock is taken
    assert resumed.capture("note", "mine now").saved


def test_folders_and_files_are_private_under_umask_022(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "sessions").mkdir(parents=True, mode=0o755)  # made before, by something else
    previous = os.umask(0o022)
    try:
        session, _ = new_session(home=home)
        session.toggle()
        session.end()
        save_summary(session)
        assert session.folder is not None
        folders = [home / "sessions", session.folder]
        assert [oct(mode(folder)) for folder in folders] == ["0o700"] * 2
        assert oct(mode(home)) == "0o755"  # a home the user gave keeps its mode (issue 24)
        files = sorted(path.name for path in session.folder.iterdir())
        assert files == ["journal.jsonl", "listing.json", "lock", "session.json", "summary.md"]
        assert {path.name: mode(path) for path in session.folder.iterdir()} == dict.fromkeys(
            files, 0o600
        )
        agenda = tmp_path / "mine.toml"
        written = run_cli("--home", str(home), "new", str(agenda), "--from", "peer-circle")
        assert written.returncode == 0, written.stderr
        assert mode(agenda) == 0o644  # an agenda is not secret: it follows the umask
    finally:
        os.umask(previous)


@pytest.mark.parametrize("odd", ["symlink", "fifo", "folder"])
def test_a_journal_that_is_not_a_plain_file_is_refused(tmp_path: Path, odd: str) -> None:
    session, _ = new_session(home=tmp_path)
    session.toggle()
    session.close()
    assert session.folder is not None
    path = session.folder / JOURNAL
    outside = tmp_path / "precious.txt"
    outside.write_text("not yours\n")
    path.unlink()
    if odd == "symlink":
        path.symlink_to(outside)
    elif odd == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    result = run_cli("--home", str(tmp_path), "resume", session.folder.name, "--reopen")
    assert result.returncode == 1
    assert "not a regular file: refused" in result.stderr + result.stdout
    assert outside.read_text() == "not yours\n"
    assert "DAMAGED" in run_cli("--home", str(tmp_path), "sessions").stdout
