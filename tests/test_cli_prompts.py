"""The command line's questions end cleanly on ctrl+c and ctrl+d, take only yes or no for
an answer, and a screen is never drawn into a pipe. The questions are asked in a real
pseudo-terminal."""

import os
import select
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from facilitator.agenda import load_agenda
from facilitator.prompts import ask_yes
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


class Terminal:
    """`run AGENDA` in a terminal (util-linux's `script` makes one, as a terminal emulator
    does): what it has shown so far, and keys to press."""

    def __init__(self, home: Path) -> None:
        command = [sys.executable, "-m", "facilitator", "--home", str(home), "run", SOURCE]
        self.process = subprocess.Popen(
            [*WITH_CTRL_C, "script", "-qfec", shlex.join(command), "/dev/null"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.shown = b""
        self.deadline = time.monotonic() + 30

    def __enter__(self) -> "Terminal":
        return self

    def __exit__(self, *_: object) -> None:
        self.process.kill()  # whatever the test found, nothing is left running
        self.process.wait(timeout=5)

    def read_until(self, done: Callable[[], bool], *, at_most: float = 30) -> None:
        until = min(self.deadline, time.monotonic() + at_most)
        assert self.process.stdout is not None
        while not done() and time.monotonic() < until:
            if select.select([self.process.stdout], [], [], 0.1)[0]:
                self.shown += os.read(self.process.stdout.fileno(), 4096)

    def wait_for(self, text: bytes, count: int = 1) -> None:
        self.read_until(lambda: self.shown.count(text) >= count)
        assert self.shown.count(text) >= count, self.shown

    def press(self, keys: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(keys)
        self.process.stdin.flush()

    def press_until_it_ends(self, keys: bytes) -> tuple[int, str]:
        """Press `keys` until the command ends; its status and all it showed."""
        while self.process.poll() is None and time.monotonic() < self.deadline:
            # A ctrl+c that lands between the prompt and the read is taken before the read
            # blocks, and waits for the next key; a person presses it again, and so do we.
            self.press(keys)
            self.read_until(lambda: self.process.poll() is not None, at_most=3)
        status = self.process.wait(timeout=5)
        assert self.process.stdout is not None
        self.shown += self.process.stdout.read()
        return status, self.shown.decode(errors="replace")


def answered(home: Path, keys: bytes) -> tuple[int, str]:
    """Run `run AGENDA` in a terminal, wait for its question, press `keys`."""
    with Terminal(home) as terminal:
        terminal.wait_for(b"Resume it?")
        return terminal.press_until_it_ends(keys)


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


@pytest.mark.slow
def test_a_typo_at_resume_it_asks_again_and_starts_no_new_session(tmp_path: Path) -> None:
    unfinished(tmp_path)
    with Terminal(tmp_path) as terminal:
        terminal.wait_for(b"Resume it?")
        terminal.press(b"yy\r")
        terminal.wait_for(b"Resume it?", count=2)
        assert b"Answer y (yes) or n (no); Enter alone means yes." in terminal.shown
        code, shown = terminal.press_until_it_ends(b"\x04")
    assert code == 1 and shown.rstrip().endswith("No answer: nothing was done.")
    assert len(list((tmp_path / "sessions").iterdir())) == 1  # the old one, still unfinished


def answers(monkeypatch: pytest.MonkeyPatch, *typed: str) -> list[str]:
    """Type these answers at the next questions, then ctrl+d; the questions are collected."""
    asked: list[str] = []
    typing: Iterator[str] = iter(typed)

    def fake_input(question: str) -> str:
        asked.append(question)
        answer = next(typing, None)
        if answer is None:
            raise EOFError
        return answer

    monkeypatch.setattr("builtins.input", fake_input)
    return asked


@pytest.mark.parametrize(
    ("typed", "default", "meant"),
    [
        (["y"], False, True),
        (["  YES "], False, True),
        (["n"], True, False),
        (["No"], True, False),
        ([""], True, True),
        (["   "], False, False),
        (["yy", "maybe", "nope", ""], True, True),
        (["yy", "n"], True, False),
        (["nn", "y"], False, True),
    ],
)
def test_a_yes_no_question_takes_yes_no_or_enter_and_asks_again_otherwise(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    typed: list[str],
    default: bool,
    meant: bool,
) -> None:
    asked = answers(monkeypatch, *typed)
    assert ask_yes("Resume it? [Y/n] ", default=default) is meant
    assert asked == ["Resume it? [Y/n] "] * len(typed)
    hint = f"Answer y (yes) or n (no); Enter alone means {'yes' if default else 'no'}."
    assert capsys.readouterr().out.splitlines() == [hint] * (len(typed) - 1)


def test_ctrl_d_at_a_question_reaches_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    answers(monkeypatch, "maybe")
    with pytest.raises(EOFError):
        ask_yes("Reopen it? [y/N] ", default=False)


def test_a_typo_at_overwrite_it_asks_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from facilitator import commands

    target = tmp_path / "ours.toml"
    target.write_text("# mine\n")
    monkeypatch.setattr(commands, "interactive", lambda: True)
    asked = answers(monkeypatch, "yy", "y")
    assert commands.new_agenda(tmp_path, target, "one-on-one", edit=False) == 0
    assert asked == [f"{target} exists. Overwrite it? [y/N] "] * 2
    assert load_agenda(target).agenda.title == "Mentor–mentee one-on-one"
