"""The command line's questions end cleanly on ctrl+c and ctrl+d, and a screen is never
drawn into a pipe. The questions are asked in a real pseudo-terminal."""

import fcntl
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from facilitator.agenda import load_agenda
from facilitator.session import FakeClock, Session
from tests.conftest import BUNDLED, run_cli

SOURCE = str(BUNDLED / "one-on-one.toml")


def unfinished(home: Path) -> Session:
    session = Session.begin(load_agenda(Path(SOURCE)).agenda, FakeClock(), home, SOURCE)
    session.start()
    session.close()
    return session


def _own_terminal() -> None:
    """In the child: the pseudo-terminal becomes its controlling terminal, so that ctrl+c
    there is a SIGINT, as in a shell."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # a job started in the background ignores it


def answered(home: Path, keys: bytes) -> tuple[int, str]:
    """Run `run AGENDA` in a terminal, wait for its question, press `keys`."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--home", str(home), "run", SOURCE],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        preexec_fn=_own_terminal,
    )
    os.close(follower)
    shown = b""
    deadline = time.monotonic() + 30
    try:
        while b"Resume it?" not in shown and time.monotonic() < deadline:
            if select.select([leader], [], [], 0.1)[0]:
                shown += os.read(leader, 4096)
        assert b"Resume it?" in shown, shown
        os.write(leader, keys)
        status = process.wait(timeout=30)
        while select.select([leader], [], [], 0.2)[0]:
            try:
                shown += os.read(leader, 4096)
            except OSError:
                break
    finally:
        process.kill()
        os.close(leader)
    return status, shown.decode(errors="replace")


@pytest.mark.slow
@pytest.mark.parametrize(("keys", "status"), [(b"\x03", 130), (b"\x04", 1)])
def test_ctrl_c_and_ctrl_d_at_resume_it_end_in_one_line(
    tmp_path: Path, keys: bytes, status: int
) -> None:
    unfinished(tmp_path)
    code, shown = answered(tmp_path, keys)
    assert code == status
    assert "Traceback" not in shown
    after = shown.split("[Y/n] ", 1)[1].strip().splitlines()
    said = [line for line in after if line != "^C"]  # the terminal echoes the ^C
    assert said == [("Interrupted" if status == 130 else "No answer") + ": nothing was done."]


@pytest.mark.parametrize("command", ["run one-on-one", "edit {agenda}", "display last", ""])
def test_a_screen_is_never_drawn_into_a_pipe(tmp_path: Path, command: str) -> None:
    agenda = tmp_path / "ours.toml"
    agenda.write_text(Path(SOURCE).read_text())
    args = command.format(agenda=agenda).split()
    result = run_cli("--home", str(tmp_path), *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "needs a terminal to draw in" in result.stderr


def test_resume_without_a_terminal_writes_nothing_to_the_journal(tmp_path: Path) -> None:
    session = unfinished(tmp_path)
    assert session.folder is not None
    journal = (session.folder / "journal.jsonl").read_bytes()
    result = run_cli("--home", str(tmp_path), "resume", session.header.id)
    assert result.returncode == 2 and "needs a terminal" in result.stderr
    assert (session.folder / "journal.jsonl").read_bytes() == journal
