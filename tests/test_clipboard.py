"""The clipboard: checked by reading back, every failure an answer, a real X round trip."""

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pyperclip
import pytest

from facilitator.summary.clipboard import copy_message, copy_to_system, osc52

pytestmark = pytest.mark.slow  # a real X server and clipboard tools


class Board:
    """A clipboard that works."""

    def __init__(self) -> None:
        self.text = ""

    def copy(self, text: str) -> None:
        self.text = text

    def paste(self) -> str:
        return self.text


def no_backend(text: str) -> None:
    raise pyperclip.PyperclipException("Pyperclip could not find a copy/paste mechanism")


def wsl_without_interop(text: str) -> None:
    raise FileNotFoundError(2, "No such file or directory: 'clip.exe'")


def timed_out(text: str) -> None:
    raise subprocess.TimeoutExpired("xclip", 5)


def test_a_working_clipboard_is_confirmed_by_reading_back() -> None:
    board = Board()
    copied = copy_to_system("summary", board.copy, board.paste)
    assert copied.ok
    assert copy_message(copied, terminal=True, summary=Path("/s/summary.md")) == (
        "Copied to the system clipboard. The summary is at /s/summary.md"
    )


@pytest.mark.parametrize(
    ("copy", "reason"),
    [
        (no_backend, "Pyperclip could not find a copy/paste mechanism"),
        (wsl_without_interop, "[Errno 2] No such file or directory: 'clip.exe'"),
        (timed_out, "Command 'xclip' timed out after 5 seconds"),
    ],
)
def test_each_known_failure_is_an_answer_not_a_crash(copy: object, reason: str) -> None:
    copied = copy_to_system("summary", copy, lambda: "")  # type: ignore[arg-type]
    assert (copied.ok, copied.reason) == (False, reason)


def test_a_stale_display_that_copies_nothing_is_caught_by_reading_back() -> None:
    copied = copy_to_system("summary", lambda text: None, lambda: "yesterday's clipboard")
    assert (copied.ok, copied.reason) == (False, "the clipboard did not keep the text")


def test_what_the_user_is_told_when_only_the_terminal_or_nothing_worked() -> None:
    failed = copy_to_system("x", no_backend, lambda: "")
    assert copy_message(failed, terminal=True, summary=None).startswith(
        "Sent to the terminal's clipboard (OSC 52); in tmux this needs `set -g set-clipboard on`."
    )
    assert copy_message(failed, terminal=False, summary=Path("/s/summary.md")) == (
        "No clipboard here (Pyperclip could not find a copy/paste mechanism). "
        "The summary is at /s/summary.md"
    )


def test_a_clipboard_tool_cannot_print_on_the_screen(capfd: pytest.CaptureFixture[str]) -> None:
    def noisy(text: str) -> None:
        os.write(2, b"Error: Can't open display: :99\n")

    copy_to_system("x", noisy, lambda: "")
    assert capfd.readouterr().err == ""


def test_osc52_carries_the_text_base64_encoded() -> None:
    assert osc52("hi ☕") == "\x1b]52;c;aGkg4piV\x07"


@pytest.fixture
def x_display() -> Iterator[str]:
    """A real X server (Xvfb) with xclip: CI installs both, so there it never skips."""
    if not (shutil.which("Xvfb") and shutil.which("xclip")):
        if os.environ.get("CI"):
            pytest.fail("CI must install xvfb and xclip (see .ci/run)")
        pytest.skip("Xvfb and xclip are not installed")
    display = f":{90 + os.getpid() % 100}"
    server = subprocess.Popen(
        ["Xvfb", display, "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_real_x_clipboard_round_trip(x_display: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", x_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    pyperclip.set_clipboard("xclip")
    try:
        text = "Action items\n• Ben: send the draft (due Fri 27 Nov) ☕"
        copied = copy_to_system(text)
        assert copied.ok, copied.reason
        assert pyperclip.paste() == text
    finally:
        pyperclip.determine_clipboard()
