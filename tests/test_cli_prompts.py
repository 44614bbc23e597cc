"""The command line's questions end cleanly on ctrl+c and ctrl+d, and a screen is never
drawn into a pipe. The questions are asked in a real pseudo-terminal."""

import os
import select
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.agenda import load_agenda
from facilitator.session import FakeClock, Session
from tests.conftest import BUNDLED, run_cli

SOURCE = str(BUNDLED / "one-on-one.toml")
WITH_CTRL_C = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execvp(sys.argv[1], sys.argv[1:])",
]
"""Runs a command with ctrl+c working as in a person's terminal, however pytest was started:
a job started with `&` by a script ignores SIGINT, and so would everything it starts."""


def unfinished(home: Path) -> Session:
    session = Session.begin(load_agenda(Path(SOURCE)).agenda, FakeClock(), home, SOURCE)
    session.start()
    session.close()
    return session


def answered(home: Path, keys: bytes) -> tuple[int, str]:
    """Run `run AGENDA` in a terminal (util-linux's `script` makes one, as a terminal
    emulator does), wait for its question, press `keys`."""
    command = shlex.join([sys.executable, "-m", "facilitator", "--home", str(home), "run", SOURCE])
    process = subprocess.Popen(
        [*WITH_CTRL_C, "script", "-qfec", command, "/dev/null"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdin is not None and process.stdout is not None
    shown = b""
    deadline = time.monotonic() + 30
    try:
        while b"Resume it?" not in shown and time.monotonic() < deadline:
            if select.select([process.stdout], [], [], 0.1)[0]:
                shown += os.read(process.stdout.fileno(), 4096)
        assert b"Resume it?" in shown, shown
        while process.poll() is None and time.monotonic() < deadline:
            # A ctrl+c that lands between the prompt and the read is taken before the read
            # blocks, and waits for the next key; a person presses it again, and so do we.
            process.stdin.write(keys)
            process.stdin.flush()
            again = time.monotonic() + 3
            while process.poll() is None and time.monotonic() < min(again, deadline):
                if select.select([process.stdout], [], [], 0.1)[0]:
                    shown += os.read(process.stdout.fileno(), 4096)
        status = process.wait(timeout=5)
        shown += process.stdout.read()
    finally:
        process.kill()
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
    said = [line for line in after if line.replace("^C", "").strip()]  # echoed ^C aside
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


def test_a_screen_drawn_through_a_driver_it_was_given_is_not_refused() -> None:
    """textual-serve runs the display with a web driver and pipes: that is not a pipe to
    refuse."""
    from facilitator.prompts import need_terminal

    os.environ["TEXTUAL_DRIVER"] = "textual.drivers.web_driver:WebDriver"
    try:
        need_terminal("display")  # no NoTerminalError
    finally:
        del os.environ["TEXTUAL_DRIVER"]
